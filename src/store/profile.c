/*
 * store/profile: see profile.h. One query per question, each naming the
 * organisation and using the indexes of 0011 (assessments_rep: org, rep,
 * round). The ratings come grouped by rep, newest round first within a
 * rep, so a bound cuts old rounds or whole reps, never the newest of a rep
 * read; the rounds are then put in order here and the ratings pointed at
 * them.
 */
#include "profile.h"
#include "../lib/xalloc.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SCORE_COLS "SELECT a.rep_id, r.id, r.name, r.opened_on, s.trait_id, a.rater_kind, s.score, r.from_interviews " \
	"FROM assessments a " \
	"JOIN assessment_rounds r ON r.org_id = a.org_id AND r.id = a.round_id " \
	"JOIN assessment_scores s ON s.org_id = a.org_id AND s.assessment_id = a.id AND s.subskill_id = 0 "
#define SCORE_KIND "AND a.status = 'submitted' AND ($3 = 0 OR a.rater_kind = 'manager') "
#define SCORE_ORDER "ORDER BY a.rep_id, r.opened_on DESC, r.id DESC LIMIT $4"

static struct db_stmt *scores_query(struct db_conn *c, int64_t org_id, const struct pf_scope *s, const char *list)
{
	struct db_param mo = P_I(s->manager_only ? 1 : 0);
	if (s->rep_id)
		return DBQ(c, SCORE_COLS "WHERE a.org_id = $1 AND a.rep_id = $2 " SCORE_KIND SCORE_ORDER, P_I(org_id),
			   P_I(s->rep_id), mo, P_I(PROFILE_SCORES_REP_MAX));
	if (s->team_id)
		return DBQ(c, SCORE_COLS "WHERE a.org_id = $1 AND a.rep_id IN (SELECT tm.user_id FROM team_members tm "
			   "WHERE tm.org_id = $1 AND tm.team_id = $2) " SCORE_KIND SCORE_ORDER,
			   P_I(org_id), P_I(s->team_id), mo, P_I(PROFILE_SCORES_GROUP_MAX));
	if (s->manager_id)
		return DBQ(c, SCORE_COLS "WHERE a.org_id = $1 AND a.rep_id IN (SELECT tm.user_id FROM team_members tm "
			   "JOIN teams t ON t.org_id = tm.org_id AND t.id = tm.team_id WHERE tm.org_id = $1 AND "
			   "t.manager_id = $2) " SCORE_KIND SCORE_ORDER,
			   P_I(org_id), P_I(s->manager_id), mo, P_I(PROFILE_SCORES_GROUP_MAX));
	/* a list of reps, bound as one text (a JSON array of numbers) that
	 * each database unpacks itself */
	if (db_conn_kind(c) == DB_SQLITE)
		return DBQ(c, SCORE_COLS "WHERE a.org_id = $1 AND a.rep_id IN (SELECT value FROM json_each($2)) "
			   SCORE_KIND SCORE_ORDER, P_I(org_id), P_T(list), mo, P_I(PROFILE_SCORES_GROUP_MAX));
	return DBQ(c, SCORE_COLS "WHERE a.org_id = $1 AND a.rep_id IN (SELECT x::bigint FROM "
		   "json_array_elements_text($2::json) AS x) " SCORE_KIND SCORE_ORDER,
		   P_I(org_id), P_T(list), mo, P_I(PROFILE_SCORES_GROUP_MAX));
}

static int round_cmp(const void *pa, const void *pb)
{
	const struct pf_round *a = pa, *b = pb;
	int k = strcmp(a->opened_on, b->opened_on);
	return k ? k : (a->id > b->id) - (a->id < b->id);
}

struct raw {
	int64_t round_id;
	const char *name, *opened_on;
	int from_interviews;
};

enum err profile_scores(struct db_conn *c, struct arena *a, int64_t org_id, const struct pf_scope *s,
			struct pf_data *out)
{
	memset(out, 0, sizeof(*out));
	struct strbuf list = STRBUF_INIT;
	if (!s->rep_id && !s->team_id && !s->manager_id) {
		if (!s->nreps)
			return E_OK;
		sb_addc(&list, '[');
		for (size_t i = 0; i < s->nreps; i++)
			sb_addf(&list, "%s%lld", i ? "," : "", (long long)s->reps[i]);
		sb_addc(&list, ']');
	}
	size_t cap = 256, n = 0, max = s->rep_id ? PROFILE_SCORES_REP_MAX : PROFILE_SCORES_GROUP_MAX;
	struct pf_score *sc = xreallocarray(NULL, cap, sizeof(*sc));
	struct raw *raw = xreallocarray(NULL, cap, sizeof(*raw));
	struct db_stmt *st = scores_query(c, org_id, s, list.buf ? list.buf : "[]");
	/* a round's name and day are kept once, for the first of its ratings */
	int64_t last_round = 0;
	const char *last_name = "", *last_day = "";
	while (db_step(st) == DB_ROW) {
		if (n == cap) {
			cap *= 2;
			sc = xreallocarray(sc, cap, sizeof(*sc));
			raw = xreallocarray(raw, cap, sizeof(*raw));
		}
		int kind = rater_kind_parse(db_col_text(st, 5));
		if (kind < 0)
			continue;
		int64_t rid = db_col_i64(st, 1);
		if (rid != last_round) {
			last_round = rid;
			last_name = arena_strdup(a, db_col_text(st, 2));
			last_day = arena_strdup(a, db_col_text(st, 3));
		}
		sc[n] = (struct pf_score){ db_col_i64(st, 0), db_col_i64(st, 4), 0, (enum rater_kind)kind,
					   (int)db_col_i64(st, 6) };
		raw[n] = (struct raw){ rid, last_name, last_day, (int)db_col_i64(st, 7) };
		n++;
	}
	enum err e = db_finish(st);
	sb_release(&list);
	if (e) {
		free(sc);
		free(raw);
		return e;
	}
	out->cut = n >= max;
	/* the rounds, distinct and in order; a rep's ratings of one round come
	 * in a run, so only a change of round is looked up */
	struct pf_round *rounds = arena_alloc(a, (n + 1) * sizeof(*rounds));
	size_t nr = 0;
	for (size_t i = 0; i < n; i++) {
		if (i && raw[i].round_id == raw[i - 1].round_id)
			continue;
		int seen = 0;
		for (size_t k = nr; k-- > 0 && !seen;)
			seen = rounds[k].id == raw[i].round_id;
		if (!seen)
			rounds[nr++] = (struct pf_round){ raw[i].round_id, raw[i].name, raw[i].opened_on, raw[i].from_interviews };
	}
	qsort(rounds, nr, sizeof(*rounds), round_cmp);
	out->scores = arena_alloc(a, (n + 1) * sizeof(*out->scores));
	for (size_t i = 0; i < n; i++) {
		size_t k = 0;
		for (size_t lo = 0, hi = nr; lo < hi;) {
			size_t mid = (lo + hi) / 2;
			struct pf_round key = { raw[i].round_id, NULL, raw[i].opened_on, 0 };
			int cmp = round_cmp(&key, &rounds[mid]);
			if (!cmp) {
				k = mid;
				break;
			}
			if (cmp < 0)
				hi = mid;
			else
				lo = mid + 1;
		}
		out->scores[i] = sc[i];
		out->scores[i].round = k;
	}
	out->rounds = rounds;
	out->nrounds = nr;
	out->nscores = n;
	free(sc);
	free(raw);
	return E_OK;
}

enum err profile_forms_version(struct db_conn *c, int64_t org_id, struct pf_version *out)
{
	memset(out, 0, sizeof(*out));
	struct db_stmt *st = DBQ(c, "SELECT coalesce(max(submitted_at), 0) FROM assessments WHERE org_id = $1 AND "
				 "submitted_at IS NOT NULL", P_I(org_id));
	if (db_step(st) == DB_ROW)
		out->at = db_col_i64(st, 0);
	enum err e = db_finish(st);
	if (e || !out->at)
		return e;
	st = DBQ(c, "SELECT count(*), coalesce(max(id), 0) FROM assessments WHERE org_id = $1 AND submitted_at = $2",
		 P_I(org_id), P_I(out->at));
	if (db_step(st) == DB_ROW) {
		out->n = db_col_i64(st, 0);
		out->id = db_col_i64(st, 1);
	}
	return db_finish(st);
}
