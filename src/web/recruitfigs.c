/* recruitfigs: see recruitfigs.h. */
#include "recruitfigs.h"
#include "../domain/access.h"
#include "../domain/commitment.h"
#include "../store/recruit.h"
#include "ui.h"
#include <string.h>

enum err recruit_figs_load(struct request *r, int64_t vacancy_id, struct recruit_figs *f)
{
	memset(f, 0, sizeof(*f));
	snprintf(f->today, sizeof(f->today), "%s", ui_today(r));
	date_add_days(f->today, -365, f->since);
	date_add_days(f->today, -RECRUIT_FIG_WARM_DAYS, f->warm_since);
	f->vacancy_id = vacancy_id;
	f->vacancy_title = "";
	int all = r->viewer.role == ROLE_ADMIN;
	if (vacancy_id) {
		struct vacancy v;
		enum err e = vacancy_get(r->db, r->a, r->me.org_id, vacancy_id, &v);
		if (e)
			return e;
		if (!access_vacancy(&r->viewer, r->me.org_id, v.team_id))
			return E_NOTFOUND;
		f->vacancy_title = v.title;
	}
	struct recruit_fig_scope s = { all, r->me.user_id, vacancy_id, f->since, f->warm_since };
	struct recruit_fig_stage *st;
	size_t nst;
	enum err e = recruit_stages_ensure(r->db, r->me.org_id, lang_parse(r->me.org_locale));
	if (!e)
		e = recruit_fig_stages(r->db, r->a, r->me.org_id, &s, &st, &nst);
	if (e)
		return e;
	f->funnel = arena_allocarray(r->a, nst ? nst : 1, sizeof(*f->funnel));
	int64_t *at = arena_allocarray(r->a, nst ? nst : 1, sizeof(int64_t));
	for (size_t i = 0; i < nst; i++) {
		if (!strcmp(st[i].kind, "declined")) {
			f->declined += st[i].at;
			continue;
		}
		at[f->nfunnel] = st[i].at;
		f->funnel[f->nfunnel++] = st[i];
	}
	f->reached = arena_allocarray(r->a, f->nfunnel ? f->nfunnel : 1, sizeof(int64_t));
	f->conversion = arena_allocarray(r->a, f->nfunnel ? f->nfunnel : 1, sizeof(double));
	recruit_funnel(at, f->nfunnel, f->declined, f->reached, f->conversion);
	if ((e = recruit_fig_vacancies(r->db, r->a, r->me.org_id, &s, &f->vacancies, &f->nvacancies)) ||
	    (e = recruit_fig_hires(r->db, r->a, r->me.org_id, &s, &f->hires, &f->nhires)) ||
	    (e = recruit_fig_stops(r->db, r->a, r->me.org_id, &s, &f->stops, &f->nstops)) ||
	    (e = recruit_fig_sources(r->db, r->a, r->me.org_id, &s, &f->sources, &f->nsources)))
		return e;
	f->hire_days = arena_allocarray(r->a, f->nhires ? f->nhires : 1, sizeof(int));
	for (size_t i = 0; i < f->nhires; i++)
		f->hire_days[i] = days_between(f->hires[i].created_on, f->hires[i].hired_on);
	f->tth = recruit_time_to_hire(f->hire_days, f->nhires);
	f->warm = recruit_fig_warm_pool(r->db, r->me.org_id, &s);
	return f->warm < 0 ? E_INTERNAL : E_OK;
}
