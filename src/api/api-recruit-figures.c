/*
 * api-recruit-figures: the recruiting figures (issue 11), under the rules
 * of the page (web/page-recruit-figures.c; access_recruiting_pool):
 *
 *   GET /api/v1/recruiting-figures[?vacancy=ID]   {today, since, vacancy,
 *       funnel [{stage_id, name, kind, at, reached, conversion_to_next}],
 *       declined, vacancies [{id, title, status, candidates, hired}],
 *       time_to_hire {n, median_days, mean_days}, hires [{candidate_id,
 *       created_on, hired_on, days}], stop_reasons [{reason, count}],
 *       sources [{source, candidates, hired}], warm_pool {count, since}}
 *
 * Managers and admins; anyone else 404.
 */
#include "api.h"
#include "../web/pages.h"
#include "../web/recruitfigs.h"
#include <math.h>

static json_t *num_or_null(double d)
{
	return isnan(d) ? json_null() : json_real(d);
}

void api_recruit_figures(struct request *r)
{
	if (!access_recruiting_pool(&r->viewer, r->me.org_id)) {
		resp_error(r, E_NOTFOUND, T("Not found."));
		return;
	}
	int64_t vid = req_id_field(req_query(r, "vacancy"));
	if (vid < 0)
		vid = 0;
	struct recruit_figs f;
	enum err e = recruit_figs_load(r, vid, &f);
	if (e == E_NOTFOUND) {
		resp_error(r, E_NOTFOUND, T("There is no such vacancy."));
		return;
	}
	if (e) {
		api_store_error(r, e);
		return;
	}
	json_t *funnel = json_array();
	for (size_t i = 0; i < f.nfunnel; i++)
		json_array_append_new(funnel, json_pack("{s:I, s:s, s:s, s:I, s:I, s:o}", "stage_id",
							(json_int_t)f.funnel[i].id, "name", f.funnel[i].name, "kind",
							f.funnel[i].kind, "at", (json_int_t)f.funnel[i].at, "reached",
							(json_int_t)f.reached[i], "conversion_to_next",
							i + 1 < f.nfunnel ? num_or_null(f.conversion[i]) : json_null()));
	json_t *vacs = json_array();
	for (size_t i = 0; i < f.nvacancies; i++)
		json_array_append_new(vacs, json_pack("{s:I, s:s, s:s, s:I, s:I}", "id", (json_int_t)f.vacancies[i].id,
						      "title", f.vacancies[i].title, "status", f.vacancies[i].status,
						      "candidates", (json_int_t)f.vacancies[i].candidates, "hired",
						      (json_int_t)f.vacancies[i].hired));
	json_t *hires = json_array();
	for (size_t i = 0; i < f.nhires; i++)
		json_array_append_new(hires, json_pack("{s:I, s:s, s:s, s:i}", "candidate_id", (json_int_t)f.hires[i].id,
						       "created_on", f.hires[i].created_on, "hired_on",
						       f.hires[i].hired_on, "days", f.hire_days[i]));
	json_t *stops = json_array();
	for (size_t i = 0; i < f.nstops; i++)
		json_array_append_new(stops, json_pack("{s:s, s:I}", "reason", f.stops[i].code, "count",
						       (json_int_t)f.stops[i].count));
	json_t *sources = json_array();
	for (size_t i = 0; i < f.nsources; i++)
		json_array_append_new(sources, json_pack("{s:s, s:I, s:I}", "source", f.sources[i].code, "candidates",
							 (json_int_t)f.sources[i].count, "hired",
							 (json_int_t)f.sources[i].hired));
	json_t *o = json_pack("{s:s, s:s, s:o, s:o, s:I, s:o, s:{s:I, s:o, s:o}, s:o, s:o, s:o, s:{s:I, s:s}}",
			      "today", f.today, "since", f.since, "vacancy",
			      vid ? json_pack("{s:I, s:s}", "id", (json_int_t)vid, "title", f.vacancy_title) : json_null(),
			      "funnel", funnel, "declined", (json_int_t)f.declined, "vacancies", vacs, "time_to_hire",
			      "n", (json_int_t)f.tth.n, "median_days", num_or_null(f.tth.median), "mean_days",
			      num_or_null(f.tth.mean), "hires", hires, "stop_reasons", stops, "sources", sources,
			      "warm_pool", "count", (json_int_t)f.warm, "since", f.warm_since);
	api_reply(r, 200, o);
}
