/*
 * recruitfigs: the recruiting figures (issue 11) as the page
 * (web/page-recruit-figures.c) and the API (api/api-recruit-figures.c) both
 * show them: loaded under the pool's rule (managers: the pool and their
 * teams' vacancies; admins: all), over the last 12 months, computed by
 * domain/recruit-figures.h.
 */
#ifndef SG_WEB_RECRUITFIGS_H
#define SG_WEB_RECRUITFIGS_H
#include "../http/request.h"
#include "../store/recruit-figures.h"
#include "../domain/recruit-figures.h"

#define RECRUIT_FIG_WARM_DAYS 90

struct recruit_figs {
	char today[11], since[11], warm_since[11];
	int64_t vacancy_id;		/* 0: every vacancy in scope */
	const char *vacancy_title;	/* "" for all */
	/* the funnel: the open and hired stages in order */
	struct recruit_fig_stage *funnel;
	size_t nfunnel;
	int64_t *reached;
	double *conversion;		/* nfunnel - 1 */
	int64_t declined;		/* at a declined stage */
	struct recruit_fig_vacancy *vacancies;
	size_t nvacancies;
	struct recruit_fig_hire *hires;
	size_t nhires;
	int *hire_days;
	struct recruit_time_to_hire tth;
	struct recruit_fig_count *stops, *sources;
	size_t nstops, nsources;
	int64_t warm;
};

/* E_NOTFOUND when vacancy_id is not a vacancy the caller sees */
enum err recruit_figs_load(struct request *r, int64_t vacancy_id, struct recruit_figs *f);

#endif
