/*
 * contestsui: what the leaderboard, contest and TV pages
 * (web/page-contests.c) and the API (api/api-contests.c) share (issue 10):
 * one reading of a leaderboard's question (team, figure, period), one check
 * of a contest's fields, the loader of a contest under its rights, and how
 * a figure's value is written.
 */
#ifndef SG_WEB_CONTESTSUI_H
#define SG_WEB_CONTESTSUI_H
#include "../http/request.h"
#include "../domain/contests.h"
#include "../store/contests.h"
#include "../service/leaderboard.h"
#include "../lib/table.h"

/* a leaderboard as asked: ?team= (empty: the organisation), ?figure=,
 * ?base= (of most_improved), ?mode=team, ?period= (this_month, ...) or
 * ?from=&to=, and ?minimum= (conversations in the period to be ranked, as
 * a contest's minimum) */
struct lb_view {
	struct lb_query q;
	int64_t team_id;
	const char *team_name;		/* "" for the organisation */
	int team_shows_revenue;
	const char *figure, *base, *period;	/* codes as used */
	const char *minimum;		/* ?minimum= as given ("" none): conversations to be ranked */
	char from[11], to[11];
	struct lb_team *teams;		/* the organisation's */
	size_t nteams;
	const char *e_field, *e_msg;	/* the fault, translated */
};
/* reads and checks the question, and the caller's right to see it: E_OK;
 * E_INVALID naming e_field; E_NOTFOUND for a team of another organisation
 * or one the caller may not see (e_msg); or a store error. The page and
 * the API each write the answer. */
enum err lb_view_read(struct request *r, struct lb_view *v);
/* the same question as a query string ("team=3&figure=...&period=...") */
const char *lb_view_query(struct request *r, const struct lb_view *v);

/* a contest by :id that the caller may see (need NEED_SEE) or manage
 * (NEED_CHANGE): E_OK; E_NOTFOUND when they may not see it, E_FORBIDDEN
 * when they may see but not manage it (*msg says why); or a store error */
enum err contest_load(struct request *r, int64_t id, enum access_need need, struct contest *out, const char **msg);

/* a contest's fields as given (form or JSON), the teams as ids */
struct contest_fields {
	const char *name, *figure, *base, *mode, *starts_on, *ends_on, *minimum, *prize;
	int64_t *team_ids;
	size_t nteams;
};
/* checks them (domain/contests.h, and that the caller manages every team
 * chosen): the faults in errs, *nerr; on none, *out is the contest to store */
enum err contest_fields_check(struct request *r, const struct contest_fields *f, struct contest_field_error *errs,
			      size_t *nerr, struct contest *out);

/* a value of the figure in the reader's language ("–" for none); a most
 * improved value is signed */
const char *lb_value_text(struct request *r, enum lb_figure figure, enum lb_figure base, double v,
			  const char *currency);
/* the standings as a table (place, name, team, value, conversations), for
 * the page and its CSV/Excel; totals of hidden teams follow, marked */
struct table *lb_table(struct request *r, const char *name, enum lb_figure figure, enum lb_figure base,
		       const struct leaderboard *lb);
/* the rule in words: what is counted, over which days, the minimum, the
 * ranking */
const char *lb_rule_text(struct request *r, enum lb_figure figure, enum lb_figure base, const char *from,
			 const char *to, int64_t min, int team_mode);
/* JSON of the standings (API, TV): lines and totals */
json_t *lb_json(struct request *r, enum lb_figure figure, enum lb_figure base, const struct leaderboard *lb);

#endif
