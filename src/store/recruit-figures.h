/*
 * recruit-figures: the queries of the recruiting figures (issue 11,
 * "Figures"; the computations are domain/recruit-figures.h). Whose
 * candidates count is the pool's rule (store/recruit.h candidate_scope): an
 * admin all of the organisation; a manager the pool and the vacancies of
 * no team or of the teams they lead. Every query names the organisation;
 * every list is bounded.
 */
#ifndef SG_STORE_RECRUIT_FIGURES_H
#define SG_STORE_RECRUIT_FIGURES_H
#include <stdint.h>
#include <stddef.h>
#include "../db/db.h"
#include "../lib/arena.h"

struct recruit_fig_scope {
	int all;			/* every candidate of the organisation (admins) */
	int64_t user_id;		/* else: the pool and the vacancies of no team or of the teams they lead */
	int64_t vacancy_id;		/* 0: every vacancy in scope; else that one */
	const char *since;		/* candidates added, hires made, stops logged on or after it */
	const char *warm_since;		/* the warm pool: a conversation on or after it */
};

struct recruit_fig_stage {
	int64_t id;
	const char *name, *kind;	/* open, hired, declined */
	int64_t at;			/* candidates added since, in a vacancy in scope, now at this stage */
};
/* every stage of the organisation in order (at most 50) */
enum err recruit_fig_stages(struct db_conn *c, struct arena *a, int64_t org_id, const struct recruit_fig_scope *s,
			    struct recruit_fig_stage **out, size_t *n);

struct recruit_fig_vacancy {
	int64_t id;
	const char *title, *status;
	int64_t candidates, hired;	/* added since; of them hired (hired_on set, or at a "hired" stage) */
};
/* the vacancies in scope by title (at most 200) */
enum err recruit_fig_vacancies(struct db_conn *c, struct arena *a, int64_t org_id, const struct recruit_fig_scope *s,
			       struct recruit_fig_vacancy **out, size_t *n);

struct recruit_fig_hire {
	int64_t id;
	const char *created_on, *hired_on;
};
/* the hires made since (hired_on), oldest first (at most 10000) */
#define RECRUIT_FIG_HIRES_MAX 10000
enum err recruit_fig_hires(struct db_conn *c, struct arena *a, int64_t org_id, const struct recruit_fig_scope *s,
			   struct recruit_fig_hire **out, size_t *n);

struct recruit_fig_count {
	const char *code;
	int64_t count, hired;		/* hired: sources only */
};
/* stop reasons of the conversations held since, most first (at most 50) */
enum err recruit_fig_stops(struct db_conn *c, struct arena *a, int64_t org_id, const struct recruit_fig_scope *s,
			   struct recruit_fig_count **out, size_t *n);
/* per source of the candidates added since (pool included): candidates
 * and hired (at most 20) */
enum err recruit_fig_sources(struct db_conn *c, struct arena *a, int64_t org_id, const struct recruit_fig_scope *s,
			     struct recruit_fig_count **out, size_t *n);
/* candidates in the pool (no vacancy) with a conversation on or after
 * warm_since, whenever they were added */
int64_t recruit_fig_warm_pool(struct db_conn *c, int64_t org_id, const struct recruit_fig_scope *s);

#endif
