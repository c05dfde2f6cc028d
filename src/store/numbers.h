/*
 * numbers: targets, results and the settings behind attainment, tiers and
 * the excuse check.
 *
 * Who counts as a rep here: the active users with the role rep, and anyone
 * else who has a target or an imported result in one of the periods asked.
 *
 * The target of a rep for a period is the target set for exactly that
 * period; failing that, the sum of the monthly targets inside it; failing
 * that (a year), the sum of its quarterly targets. Imported result totals
 * follow the same rule. Results come from won deals by closing day, or from
 * the imported totals, as the organisation chooses (numbers_settings).
 */
#ifndef SG_STORE_NUMBERS_H
#define SG_STORE_NUMBERS_H
#include <stdint.h>
#include <stddef.h>
#include "../db/db.h"
#include "../lib/arena.h"
#include "../lib/idindex.h"
#include "../domain/period.h"
#include "../domain/tiers.h"

enum results_source { RESULTS_DEALS = 0, RESULTS_IMPORTED = 1 };

struct numbers_settings {
	enum results_source source;
	struct tier_rules rules;
	int min_sample;			/* the excuse check's smallest sample, default 5 */
	int fiscal_start_month;		/* orgs.fiscal_start_month, read only here */
	const char *currency;		/* orgs.currency */
};
void settings_numbers(struct db_conn *c, struct arena *a, int64_t org_id, struct numbers_settings *out);
/* saves source, rules and min_sample (the caller has checked them) */
enum err settings_numbers_save(struct db_conn *c, int64_t org_id, const struct numbers_settings *s);

/* whose numbers: rep_id, else team_id, else the teams manager_id leads, else the organisation */
struct numbers_scope {
	int64_t rep_id, team_id, manager_id;
};

struct target {
	int64_t id, user_id;
	const char *user_name, *user_email;
	struct period period;
	int64_t amount_minor;
	const char *currency;
	int64_t updated_at;
};

/* sets (inserts or replaces) a rep's target for a period; *created tells which */
enum err target_set(struct db_conn *c, int64_t org_id, int64_t user_id, const struct period *p,
		    int64_t amount_minor, const char *currency, int64_t *id, int *created);
enum err target_get(struct db_conn *c, struct arena *a, int64_t org_id, int64_t id, int fiscal_start_month,
		    struct target *out);				/* E_NOTFOUND */
enum err target_delete(struct db_conn *c, int64_t org_id, int64_t id);	/* E_NOTFOUND */
/* targets whose period lies within from..to (inclusive days; NULL for open),
 * newest period first, then by name; limit 0 means all */
enum err targets_list(struct db_conn *c, struct arena *a, int64_t org_id, const struct numbers_scope *s,
		      const char *from, const char *to, int fiscal_start_month, int64_t limit, int64_t offset,
		      struct target **out, size_t *n, int64_t *total);

/* sets an imported result total of a rep for a period (upsert) */
enum err result_total_set(struct db_conn *c, int64_t org_id, int64_t user_id, const struct period *p,
			  int64_t amount_minor, const char *currency, int64_t *id, int *created);

/* one rep in a numbers grid */
struct rep_row {
	int64_t user_id, team_id;
	const char *name, *email, *team_name, *territory, *segment;
};

/* where each user id stands in reps[0..n) (idindex.h) */
const struct id_index *rep_rows_index(struct arena *a, const struct rep_row *reps, size_t n);

/* the last day on or before `day` with numbers in the scope: a target's
 * period starting, or a result (a won deal's closing day, or an imported
 * total's period starting, as the source says). *out is "" when there is
 * none. The pages open on the latest period with data when the current one
 * has none. */
enum err numbers_latest_data_day(struct db_conn *c, struct arena *a, int64_t org_id, const struct numbers_scope *s,
				 enum results_source source, const char *day, const char **out);

/* targets and results of every rep in scope for each of the periods:
 * cell [i * nperiods + j] is rep i in periods[j]. Reps by name. One pass
 * over targets and one over results, whatever the number of periods. */
struct numbers_grid {
	size_t nreps, nperiods;
	struct rep_row *reps;
	unsigned char *has_target;
	int64_t *target_minor, *result_minor;
	int64_t *team_id;		/* [nreps]: each rep's team, 0 for none */
};
enum err numbers_grid_load(struct db_conn *c, struct arena *a, int64_t org_id, const struct numbers_scope *s,
			   const struct period *periods, size_t nperiods, enum results_source src,
			   struct numbers_grid *out);

/* a rep's result day by day within p (for the progress chart): cumulative
 * result at the end of each day, period_days(p) values */
enum err numbers_daily(struct db_conn *c, struct arena *a, int64_t org_id, int64_t rep_id, const struct period *p,
		       enum results_source src, int64_t **cumulative, size_t *n);

/* what the excuse check compares, for one rep and one period */
struct excuse_product {
	const char *product;			/* "" when deals carry none */
	int64_t rep_total, peer_total;		/* lost deals of the product */
	const char **reasons;			/* every reason the rep or peers lost on */
	int64_t *rep_n, *peer_n;
	size_t nreasons;
};
struct excuse_data {
	struct rep_row rep;
	int has_target;
	double rep_attainment;
	/* attainments of the other reps with a target in teams of the same
	 * (non-empty) territory, and of the same segment */
	double *territory_peers, *segment_peers;
	size_t nterritory, nsegment;
	/* products the rep lost deals of in the period; peers are the other
	 * reps in teams of the same territory (all other reps when the rep's
	 * territory is empty) */
	struct excuse_product *products;
	size_t nproducts;
};
enum err excuse_data_load(struct db_conn *c, struct arena *a, int64_t org_id, int64_t rep_id,
			  const struct period *p, enum results_source src, struct excuse_data *out);

#endif
