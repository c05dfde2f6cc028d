/*
 * candidate-data: the queries of candidates' data (issue 11, "Candidates'
 * data"; migration 0031): the candidates due for anonymisation and the
 * anonymising itself (domain/recruit-retention.h says what is due and what
 * is emptied), everything held about one candidate as JSON (the export),
 * erasing a candidate with every row about them, and the duplicate check on
 * the e-mail. Every query names the organisation; every list is bounded.
 * Who may do it is domain/access.c's (access_candidate_data), asked by the
 * caller. Anonymising and erasing write an audit row (kind "candidate")
 * without any content, in the same transaction.
 */
#ifndef SG_STORE_CANDIDATE_DATA_H
#define SG_STORE_CANDIDATE_DATA_H
#include <stdint.h>
#include <stddef.h>
#include <jansson.h>
#include "../db/db.h"
#include "../lib/arena.h"

/* candidates of the organisation not yet anonymised whose retain_until is
 * before today (the SQL side of candidate_retention_due), oldest date
 * first; at most max */
struct candidate_due {
	int64_t id;
	const char *retain_until, *anonymised_at;
};
#define CANDIDATE_DUE_BATCH 500
enum err candidate_due_list(struct db_conn *c, struct arena *a, int64_t org_id, const char *today,
			    struct candidate_due *out, size_t max, size_t *n);

/* anonymises one candidate in one transaction (with its audit row
 * "anonymise"): E_NOTFOUND when no such candidate, E_CONFLICT when it is
 * anonymised already */
enum err candidate_anonymise(struct db_conn *c, int64_t org_id, int64_t id, const char *today);

/* every organisation's ids, ascending, after `after`; at most max */
enum err candidate_data_orgs(struct db_conn *c, int64_t after, int64_t *out, size_t max, size_t *n);

/* everything held about the candidate: {candidate, conversations, steps,
 * invitations, interviews, scorecards (each with its scores and evidence)};
 * E_NOTFOUND when no such candidate. The caller owns *out. */
enum err candidate_export(struct db_conn *c, int64_t org_id, int64_t id, json_t **out);

/* deletes the candidate and every row about them (scorecards' scores,
 * scorecards, interviews, invitations, steps, conversations) in one
 * transaction, with an audit row "erase" that holds no content;
 * E_NOTFOUND when no such candidate */
enum err candidate_erase(struct db_conn *c, int64_t org_id, int64_t id);

/* the candidate of the organisation with this e-mail (case-insensitive;
 * "" never matches; the oldest when several): its id and name into *out,
 * id 0 when none. One indexed lookup (migration 0032, (org_id, lower(email))) */
struct candidate_dup {
	int64_t id;
	const char *name;
};
enum err candidate_by_email(struct db_conn *c, struct arena *a, int64_t org_id, const char *email,
			    struct candidate_dup *out);

#endif
