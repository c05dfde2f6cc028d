/*
 * candidate-agenda: the open steps with candidates that a user owns (issue
 * 11: "a candidate's steps are in the agenda and the calendar feed"). A
 * step is owned by whoever logged the conversation that set it. Scoped by
 * the organisation; bounded.
 */
#ifndef SG_STORE_CANDIDATE_AGENDA_H
#define SG_STORE_CANDIDATE_AGENDA_H
#include <stdint.h>
#include <stddef.h>
#include "../db/db.h"
#include "../lib/arena.h"

struct candidate_step_row {
	int64_t id, candidate_id;
	const char *candidate_name, *what, *who, *due, *original_due;
	int slips;
};
#define CANDIDATE_AGENDA_MAX 200
/* the user's open candidate steps due on or before until (NULL: any), by
 * due date; at most CANDIDATE_AGENDA_MAX */
enum err candidate_agenda(struct db_conn *c, struct arena *a, int64_t org_id, int64_t user_id, const char *until,
			  struct candidate_step_row **out, size_t *n);

#endif
