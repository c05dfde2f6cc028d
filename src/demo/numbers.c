/*
 * numbers: two years of targets and results for the demo organisation, so
 * that the numbers, tiers, concentration and excuse-check pages have a
 * story to tell.
 *
 *   - Results. The last twelve months are the won deals of pipeline.c.
 *     The twelve months before them are the history Fjordpolder brought
 *     over from its old CRM: closed deals (won and lost) with an external
 *     id "crm-…", per rep and month, their sum following the rep's strength
 *     (demo.h) at this year's level, with noise.
 *   - Targets, monthly, for the 24 months up to today and the rest of the
 *     current quarter, set the way many sales managers set them: from the
 *     rep's own track record for the core (95% of what they can do), a
 *     stretch for the superstars that they still beat by far (4 times a
 *     core rep's), and the role's minimum for the underperformers. Each
 *     rep's first three months carry half a target (ramp-up); before a rep
 *     joined there is none.
 *
 * With the default tier rules this makes Sophie and Kristin superstars in
 * every period, the underperformers of the cast underperformers, and the
 * core mostly core; the two superstars bring close to half the revenue
 * (the articles' 4%/50%). Kevin Brouwer blames the price: about 60% of the
 * deals he lets fizzle are lost "on price" (pipeline.c and below), while his
 * peers in the Randstad territory who sell the same products seldom lose on
 * price — the excuse check shows that the excuse does not hold.
 *
 * The same "today" gives the same numbers (fixed-seed PRNG).
 */
#include "demo.h"
#include "../store/deals.h"
#include "../store/stages.h"
#include "../store/numbers.h"
#include "../domain/period.h"
#include "../lib/util.h"
#include <math.h>
#include <stdio.h>
#include <string.h>

/* yearly revenue of a typical core rep (strength 1.0), in euros — the
 * scale pipeline.c uses for this year */
#define BASE_REVENUE 180000.0
/* last year's level against this year's */
#define LAST_YEAR 1.0

static uint64_t seed;

static double rnd01(void)
{
	/* splitmix64 */
	uint64_t z = (seed += 0x9e3779b97f4a7c15ULL);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	z ^= z >> 31;
	return (double)(z >> 11) / 9007199254740992.0;
}

static int rnd(int lo, int hi)
{
	return lo + (int)(rnd01() * (hi - lo + 1));
}

static const char *const products[] = {
	"Fjordpolder Cloud", "Fjordpolder Cloud", "Fjordpolder Connect", "Onboarding & training", "Support Plus",
};
static const char *const lost_reasons[] = { "competitor", "no_budget", "timing", "no_decision", "price",
					    "competitor", "no_need" };

/* a whole-euro amount rounded to 500, in minor units */
static int64_t round500(double eur)
{
	int64_t r = (int64_t)llround(eur / 500.0) * 500;
	return (r < 500 ? 500 : r) * 100;
}

/* the monthly target of a rep, before ramp-up */
static double monthly_target(const struct demo_person *p)
{
	switch (p->tier) {
	case DEMO_SUPERSTAR:
		return BASE_REVENUE * 4.0 / 12.0;
	case DEMO_CORE:
		return BASE_REVENUE * p->strength * 0.95 / 12.0;
	default:
		return BASE_REVENUE * 0.8 / 12.0;
	}
}

/* the accounts each rep owns (made by pipeline.c) */
struct owned {
	int64_t *ids;
	const char **names;
	size_t n;
};

static enum err load_accounts(struct db_conn *c, struct arena *a, int64_t org_id, const int64_t *user_ids,
			      struct owned *owned)
{
	struct account *accs;
	size_t n;
	int64_t total;
	enum err e = account_list(c, a, org_id, NULL, 100000, 0, &accs, &n, &total);
	if (e)
		return e;
	for (size_t i = 0; i < demo_people_count; i++) {
		owned[i].ids = arena_alloc(a, (n + 1) * sizeof(int64_t));
		owned[i].names = arena_alloc(a, (n + 1) * sizeof(char *));
		for (size_t k = 0; k < n; k++)
			if (accs[k].owner_id == user_ids[i]) {
				owned[i].ids[owned[i].n] = accs[k].id;
				owned[i].names[owned[i].n++] = accs[k].name;
			}
	}
	return E_OK;
}

static enum err history_deal(struct db_conn *c, struct arena *a, int64_t org_id, int64_t owner_id,
			     const struct owned *o, int64_t stage_id, int won, const char *reason, int64_t value_minor,
			     const char *closed_on, int serial)
{
	char created[11], ext[48];
	day_add(closed_on, -rnd(20, 90), created);
	int k = rnd(0, (int)o->n - 1);
	const char *product = products[rnd(0, 4)];
	snprintf(ext, sizeof ext, "crm-%.4s%.2s-%lld-%d", closed_on, closed_on + 5, (long long)owner_id, serial);
	struct deal_input in = {
		.title = arena_printf(a, "%s — %s", product, o->names[k]), .account_id = o->ids[k],
		.value_minor = value_minor, .currency = DEMO_CURRENCY, .owner_id = owner_id, .stage_id = stage_id,
		.product = product, .expected_close = closed_on, .external_id = ext,
	};
	int64_t id;
	enum err e = deal_create(c, org_id, &in, created, &id);
	if (!e)
		e = deal_close(c, org_id, id, won ? "won" : "lost", won ? NULL : reason, "", closed_on);
	if (e)
		fprintf(stderr, "error: demo: cannot add a history deal (%s): %s\n", err_name(e), db_errmsg(c));
	return e;
}

enum err demo_numbers(struct db_conn *c, struct arena *a, int64_t org_id, const int64_t *user_ids)
{
	char today[11];
	today_date(today);
	seed = 0x2026f1a9b0e5ULL;

	int64_t first_open, won_stage, lost_stage;
	enum err e = stage_special(c, org_id, &first_open, &won_stage, &lost_stage);
	if (e)
		return e;
	struct owned *owned = arena_alloc(a, demo_people_count * sizeof(struct owned));
	if ((e = load_accounts(c, a, org_id, user_ids, owned)))
		return e;

	/* the months: 24 up to this one, and what is left of this quarter */
	struct period now, quarter, months[32];
	period_containing(PERIOD_MONTH, today, 1, &now);
	period_containing(PERIOD_QUARTER, today, 1, &quarter);
	size_t nmonths = 0;
	period_history(&now, 1, 24, months);
	nmonths = 24;
	while (strcmp(months[nmonths - 1].end, quarter.end) < 0 && nmonths < 30) {
		period_next(&months[nmonths - 1], 1, &months[nmonths]);
		nmonths++;
	}
	/* pipeline.c's year starts 364 days ago; the CRM history fills the
	 * year before that */
	char history_end[11];
	day_add(today, -365, history_end);

	for (size_t i = 0; i < demo_people_count; i++) {
		const struct demo_person *p = &demo_people[i];
		if (p->tier == DEMO_NO_TIER)
			continue;
		char joined[11];
		day_add(today, -30L * p->tenure_months, joined);
		int serial = 0;
		for (size_t m = 0; m < nmonths; m++) {
			const struct period *mp = &months[m];
			if (strcmp(mp->end, joined) < 0)
				continue;
			/* months since joining: the first three carry half a target */
			long since = day_diff(joined, mp->start) / 30;
			double ramp = since < 3 ? 0.5 : 1.0;
			int64_t id;
			int created;
			if ((e = target_set(c, org_id, user_ids[i], mp, round500(monthly_target(p) * ramp), DEMO_CURRENCY,
					    &id, &created))) {
				fprintf(stderr, "error: demo: cannot set a target (%s): %s\n", err_name(e), db_errmsg(c));
				return e;
			}

			/* the old CRM's deals, for the months before pipeline.c's year */
			if (strcmp(mp->end, history_end) > 0 || !owned[i].n)
				continue;
			double revenue = BASE_REVENUE * p->strength * LAST_YEAR / 12.0 * ramp *
					 exp((rnd01() + rnd01() + rnd01() - 1.5) * 0.3);
			int wins = p->tier == DEMO_SUPERSTAR ? rnd(3, 5) : p->tier == DEMO_CORE ? rnd(1, 2) : rnd(0, 1);
			int losses = p->tier == DEMO_UNDERPERFORMER ? rnd(2, 4) : rnd(1, 2);
			for (int w = 0; w < wins; w++) {
				char day[11];
				day_add(mp->start, rnd(0, period_days(mp) - 1), day);
				if ((e = history_deal(c, a, org_id, user_ids[i], &owned[i], first_open, 1, NULL,
						      round500(revenue / wins), day, serial++)))
					return e;
			}
			for (int l = 0; l < losses; l++) {
				char day[11];
				day_add(mp->start, rnd(0, period_days(mp) - 1), day);
				const char *reason = lost_reasons[rnd(0, 6)];
				if (p->traits[DEMO_ACCOUNTABLE] <= 1 && rnd01() < 0.6)
					reason = "price";
				if ((e = history_deal(c, a, org_id, user_ids[i], &owned[i], first_open, 0, reason,
						      round500(revenue * (0.5 + rnd01())), day, serial++)))
					return e;
			}
		}
	}
	return E_OK;
}
