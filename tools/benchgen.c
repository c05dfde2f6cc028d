/*
 * benchgen: the data of `make bench` (scripts/bench.sh) — one organisation
 * with 1,000 reps in 35 teams and a year of sales history at scale:
 * 40,000 accounts, about 150,000 deals and 1,000,000 conversations with
 * the steps their STEP outcomes agreed, and a monthly target for every rep
 * for the 24 months up to TODAY — written as SQL for the sqlite3 shell,
 * straight into a database that `salesgarden migrate` created, so the rows
 * meet the real schema (0001, 0002, 0004). Generating through the store
 * (as the demo does) would take far too long at this size.
 *
 * The history follows the rules closely enough for the pages to have
 * realistic work to do: steps kept when the next conversation came within
 * the grace period, else missed; the last step of a closed deal cancelled
 * and of an open one still open; some steps slipped; deals progress
 * through the stages on steps and close as won or lost (some by a stop,
 * some paused). Reps differ (5% commit in most conversations, 15% in few),
 * so the figures are not flat.
 *
 *	benchgen ORG_ID FIRST_MANAGER_ID TODAY [CONVERSATIONS] > data.sql
 *	benchgen --big ORG_ID FIRST_ID TODAY > big.sql	(see big() below)
 *
 * ORG_ID is the organisation (made with `salesgarden org add`) and
 * FIRST_MANAGER_ID the manager (made with `salesgarden user add`) who
 * leads team 1, the team the bench measures; every other user is created
 * here without a password. Deterministic for a given TODAY (YYYY-MM-DD).
 *
 * CONVERSATIONS (default 1,000,000) sizes the history, not the organisation
 * (issue 15: figures flat as history grows): the same reps and teams, deals
 * of 1 to 13 conversations until there are that many, over a year of history
 * per 1,000,000 conversations, so that every day is about as busy.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define TEAMS 35
#define REPS 1000
static long DEALS = 150000, CONVERSATIONS = 1000000;
static int SPAN = 364;		/* days of history before today */
static int sized;		/* CONVERSATIONS given: deals until there are as many */
#define ACCOUNTS_PER_REP 40
#define GRACE 3
#define BATCH 400		/* rows per INSERT */

static uint64_t rng = 0x5eedbe4c42ULL;

static uint64_t rnd64(void)
{
	uint64_t z = (rng += 0x9e3779b97f4a7c15ULL);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

static int rnd(int lo, int hi)
{
	return hi <= lo ? lo : lo + (int)(rnd64() % (uint64_t)(hi - lo + 1));
}

static int chance(double p)
{
	return (double)(rnd64() >> 11) / 9007199254740992.0 < p;
}

/* days since 1970-01-01 <-> "YYYY-MM-DD" */
static int day_of(const char *s)
{
	struct tm tm = { 0 };
	tm.tm_year = atoi(s) - 1900;
	tm.tm_mon = atoi(s + 5) - 1;
	tm.tm_mday = atoi(s + 8);
	tm.tm_hour = 12;
	return (int)(timegm(&tm) / 86400);
}

static const char *ds(int day, char out[11])
{
	time_t t = (time_t)day * 86400 + 43200;
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(out, 11, "%Y-%m-%d", &tm);
	return out;
}

/* a batched INSERT: begin() once per table, row() per row */
struct ins {
	const char *head;
	int n;
};

static void row(struct ins *in)
{
	if (in->n % BATCH == 0) {
		if (in->n)
			fputs(";\n", stdout);
		fputs(in->head, stdout);
		fputs(" VALUES\n(", stdout);
	} else {
		fputs(",\n(", stdout);
	}
	in->n++;
}

static void end(struct ins *in)
{
	if (in->n)
		fputs(";\n", stdout);
	in->n = 0;
}

static const char *const kinds[] = { "call", "meeting", "video", "visit", "demo" };
static const char *const products[] = { "Cloud", "Connect", "Onboarding & training", "Support Plus" };
static const char *const lost_reasons[] = { "price", "competitor", "no_budget", "no_need", "timing", "no_decision" };
static const char *const stop_reasons[] = { "no_need", "no_budget", "no_authority", "timing", "competitor", "not_a_fit" };
static const char *const stop_lost[] = { "no_need", "no_budget", "no_decision", "timing", "competitor", "other" };

/*
 * The big organisation (benchgen --big ORG_ID FIRST_ID TODAY): the shape that
 * stalled the server before migration 0006 — BIG_ACCOUNTS accounts holding
 * BIG_DEALS open deals between them, owned by BIG_REPS reps — with no
 * history: /accounts and /deals/new count each account's open deals. Rows
 * get explicit ids from FIRST_ID up, clear of the first organisation's.
 */
#define BIG_REPS 50
#define BIG_ACCOUNTS 5000
#define BIG_DEALS 320000

static int big(long org, long first, int today)
{
	long now = (long)time(NULL);
	char d1[11], d2[11], d3[11];
	puts("PRAGMA foreign_keys = OFF;\nPRAGMA synchronous = OFF;\nBEGIN;");
	struct ins in = { "INSERT INTO users (id, org_id, email, name, role, locale, password_hash, active, created_at)", 0 };
	for (int r = 0; r < BIG_REPS; r++) {
		row(&in);
		printf("%ld, %ld, 'rep%02d@big.example', 'Big rep %02d', 'rep', 'en', NULL, 1, %ld)", first + r, org,
		       r + 1, r + 1, now);
	}
	end(&in);
	static const char *const stages[] = { "Lead", "Qualified", "Demo", "Proposal", "Negotiation", "Won", "Lost" };
	in.head = "INSERT INTO stages (id, org_id, name, definition, commitment, position, kind)";
	for (int s = 0; s < 7; s++) {
		row(&in);
		printf("%ld, %ld, '%s', '', '', %d, '%s')", first + s, org, stages[s], (s + 1) * 10,
		       s == 5 ? "won" : s == 6 ? "lost" : "open");
	}
	end(&in);
	in.head = "INSERT INTO accounts (id, org_id, name, owner_id, external_id, created_at)";
	for (int a = 0; a < BIG_ACCOUNTS; a++) {
		row(&in);
		printf("%ld, %ld, 'Big account %05d', %ld, NULL, %ld)", first + a, org, a + 1, first + a % BIG_REPS, now);
	}
	end(&in);
	in.head = "INSERT INTO deals (id, org_id, title, account_id, value_minor, currency, owner_id, stage_id, "
		  "product, expected_close, status, lost_reason, lost_note, closed_on, created_on, "
		  "stage_changed_on, external_id, created_at, updated_at)";
	for (long d = 0; d < BIG_DEALS; d++) {
		int a = rnd(0, BIG_ACCOUNTS - 1);
		row(&in);
		printf("%ld, %ld, 'Big deal %06ld', %ld, %d, 'EUR', %ld, %ld, '%s', '%s', 'open', NULL, '', NULL, "
		       "'%s', '%s', NULL, %ld, %ld)",
		       first + d, org, d + 1, first + a, rnd(20, 2000) * 5000, first + a % BIG_REPS, first + rnd(0, 4),
		       products[rnd(0, 3)], ds(today + rnd(10, 90), d1), ds(today - rnd(0, 300), d2), ds(today, d3), now,
		       now);
	}
	end(&in);
	puts("COMMIT;");
	fprintf(stderr, "benchgen: big organisation: %d reps, %d accounts, %d open deals\n", BIG_REPS, BIG_ACCOUNTS,
		BIG_DEALS);
	return 0;
}

int main(int argc, char **argv)
{
	if (argc == 5 && !strcmp(argv[1], "--big"))
		return big(atol(argv[2]), atol(argv[3]), day_of(argv[4]));
	if (argc == 5) {
		CONVERSATIONS = atol(argv[4]);
		if (CONVERSATIONS < 10000) {
			fprintf(stderr, "benchgen: CONVERSATIONS must be at least 10000\n");
			return 2;
		}
		sized = 1;
		SPAN = (int)(CONVERSATIONS * 364 / 1000000);
		argc = 4;
	}
	if (argc != 4) {
		fprintf(stderr, "usage: benchgen ORG_ID FIRST_MANAGER_ID TODAY [CONVERSATIONS]\n"
			"       benchgen --big ORG_ID FIRST_ID TODAY\n");
		return 2;
	}
	long org = atol(argv[1]), manager1 = atol(argv[2]);
	int today = day_of(argv[3]);
	long now = (long)time(NULL);
	char d1[11], d2[11], d3[11], d4[11];

	puts("PRAGMA foreign_keys = OFF;\nPRAGMA synchronous = OFF;\nPRAGMA cache_size = -262144;\nBEGIN;");

	/* the bench database is fresh: the admin and the first manager are
	 * its only users; explicit ids follow them */
	long first_user = manager1 + 1;
	long manager_id[TEAMS];
	manager_id[0] = manager1;
	struct ins in = { "INSERT INTO users (id, org_id, email, name, role, locale, password_hash, active, created_at)", 0 };
	long uid = first_user;
	for (int t = 1; t < TEAMS; t++) {
		manager_id[t] = uid;
		row(&in);
		printf("%ld, %ld, 'manager%02d@bench.example', 'Manager %02d', 'manager', 'en', NULL, 1, %ld)",
		       uid++, org, t + 1, t + 1, now);
	}
	long rep_id[REPS];
	int rep_team[REPS];
	double rep_commit[REPS];
	for (int r = 0; r < REPS; r++) {
		rep_id[r] = uid;
		rep_team[r] = r * TEAMS / REPS;
		/* 5% superstars, 15% underperformers, the rest core */
		int x = rnd(0, 99);
		rep_commit[r] = x < 5 ? 0.88 : x < 20 ? 0.33 : 0.62 + (rnd(-8, 8) / 100.0);
		row(&in);
		printf("%ld, %ld, 'rep%04d@bench.example', 'Rep %04d', 'rep', 'en', NULL, 1, %ld)", uid++, org, r + 1,
		       r + 1, now);
	}
	end(&in);

	in.head = "INSERT INTO teams (id, org_id, name, manager_id, territory, segment, created_at)";
	for (int t = 0; t < TEAMS; t++) {
		row(&in);
		printf("%d, %ld, 'Team %02d', %ld, 'Region %02d', '%s', %ld)", t + 1, org, t + 1, manager_id[t],
		       t + 1, t % 3 ? "SMB" : "Enterprise", now);
	}
	end(&in);
	in.head = "INSERT INTO team_members (org_id, team_id, user_id)";
	for (int r = 0; r < REPS; r++) {
		row(&in);
		printf("%ld, %d, %ld)", org, rep_team[r] + 1, rep_id[r]);
	}
	end(&in);

	/* a monthly target per rep for the 24 months up to today: the numbers,
	 * tiers and concentration pages read 24,000 of them */
	in.head = "INSERT INTO targets (org_id, user_id, kind, period_start, period_end, amount_minor, currency, "
		  "created_at, updated_at)";
	{
		int y, m;
		sscanf(argv[3], "%d-%d", &y, &m);
		for (int k = 0; k < 24; k++) {
			int yy = y, mm = m - 23 + k;
			while (mm < 1)
				mm += 12, yy--;
			int ny = mm == 12 ? yy + 1 : yy, nm = mm == 12 ? 1 : mm + 1;
			char first[32], next[32], last[11];
			snprintf(first, sizeof first, "%04d-%02d-01", yy, mm);
			snprintf(next, sizeof next, "%04d-%02d-01", ny, nm);
			ds(day_of(next) - 1, last);
			for (int r = 0; r < REPS; r++) {
				row(&in);
				printf("%ld, %ld, 'month', '%s', '%s', %d, 'EUR', %ld, %ld)", org, rep_id[r], first, last,
				       rnd(10, 30) * 50000, now, now);
			}
		}
	}
	end(&in);

	/* the default stages, as stages_ensure seeds them in English */
	static const char *const stages[] = { "Lead", "Qualified", "Demo", "Proposal", "Negotiation", "Won", "Lost" };
	in.head = "INSERT INTO stages (id, org_id, name, definition, commitment, position, kind)";
	for (int s = 0; s < 7; s++) {
		row(&in);
		printf("%d, %ld, '%s', '', '', %d, '%s')", s + 1, org, stages[s], (s + 1) * 10,
		       s == 5 ? "won" : s == 6 ? "lost" : "open");
	}
	end(&in);

	in.head = "INSERT INTO accounts (id, org_id, name, owner_id, external_id, created_at)";
	for (int r = 0; r < REPS; r++)
		for (int k = 0; k < ACCOUNTS_PER_REP; k++) {
			int id = r * ACCOUNTS_PER_REP + k + 1;
			row(&in);
			printf("%d, %ld, 'Account %06d B.V.', %ld, NULL, %ld)", id, org, id, rep_id[r], now);
		}
	end(&in);

	/* deals go out at once; conversations and steps, which cannot share
	 * an INSERT with them, go to temporary files appended at the end
	 * (conversations first: steps point to them) */
	FILE *cf = tmpfile(), *sf = tmpfile();
	if (!cf || !sf) {
		perror("tmpfile");
		return 1;
	}
	struct ins deals = { "INSERT INTO deals (id, org_id, title, account_id, value_minor, currency, owner_id, stage_id, "
			     "product, expected_close, status, lost_reason, lost_note, closed_on, created_on, "
			     "stage_changed_on, external_id, created_at, updated_at)", 0 };
	struct ins convs = { "INSERT INTO conversations (id, org_id, rep_id, deal_id, account_id, kind, at, held_on, minutes, "
			     "notes, gut_feeling, outcome, stop_reason, stop_note, progressed, created_at)", 0 };
	struct ins steps = { "INSERT INTO steps (id, org_id, conversation_id, deal_id, account_id, rep_id, what, who, due, "
			     "original_due, status, slips, done_on, created_on)", 0 };
	struct conv { long id; int day, kind, minutes, gut, progressed; const char *outcome, *stop; } cv[64];
	struct step { long id, conv; int created, due, original, slips, done; const char *status; } st[64];
	long conv_id = 0, step_id = 0, total_conv = 0;
	long did;
	for (did = 1; sized ? total_conv < CONVERSATIONS : did <= DEALS; did++) {
		int r = (int)((did - 1) % REPS);
		double commit = rep_commit[r];
		long account = (long)r * ACCOUNTS_PER_REP + rnd(1, ACCOUNTS_PER_REP);
		/* about 6.7 conversations a deal, to 1,000,000 over 150,000 deals */
		long left = CONVERSATIONS - total_conv, deals_left = DEALS - did + 1;
		int mean = (int)((left + deals_left - 1) / deals_left);
		int n = sized ? rnd(1, 13) : did == DEALS ? (int)left : rnd(1, 2 * mean);
		if (n < 1)
			n = 1;
		if (n > 64)
			n = 64;
		int start = rnd(today - SPAN, today - 1), day = start;
		int stage = 1, stage_day = start, nc = 0, ns = 0, open = 0;
		int won = chance(commit * 0.6);
		const char *stop = NULL;
		for (int i = 0; i < n; i++) {
			/* the next talk comes around the agreed date (mostly in time),
			 * or a while after one without commitment */
			if (i > 0 && ns && !st[ns - 1].status) {
				int to_due = st[ns - 1].due - day;
				day += chance(0.8) ? (to_due + rnd(-2, 1) < 1 ? 1 : to_due + rnd(-2, 1)) : to_due + rnd(4, 15);
			} else if (i > 0) {
				day += rnd(3, 21);
			}
			if (day > today) {
				open = 1;
				break;
			}
			const char *outcome = chance(commit) ? "step" : "none";
			if (i == n - 1 && !won && chance(0.35)) {
				outcome = "stop";
				stop = stop_reasons[rnd(0, 5)];
			}
			/* the previous step ends: kept within the grace period, else missed */
			if (ns && !st[ns - 1].status) {
				st[ns - 1].status = day > st[ns - 1].due + GRACE ? "missed" : "kept";
				st[ns - 1].done = day;
			}
			struct conv *c = &cv[nc++];
			c->id = ++conv_id;
			c->day = day;
			c->kind = rnd(0, 4);
			c->minutes = rnd(10, 90);
			c->gut = rnd(1, 5);
			c->outcome = outcome;
			c->stop = stop;
			c->progressed = !strcmp(outcome, "step") && stage < 5 && chance(0.45);
			if (c->progressed) {
				stage++;
				stage_day = day;
			}
			if (!strcmp(outcome, "step")) {
				struct step *s = &st[ns++];
				s->id = ++step_id;
				s->conv = c->id;
				s->created = day;
				s->original = day + rnd(2, 14);
				s->slips = chance(0.12) ? rnd(1, 3) : 0;
				s->due = s->original + s->slips * rnd(2, 6);
				s->status = NULL;
				s->done = 0;
			}
			if (stop)
				break;
		}
		total_conv += nc;
		if (!nc) {
			/* it starts with a conversation, so at least that */
			struct conv *c = &cv[nc++];
			c->id = ++conv_id;
			c->day = start;
			c->kind = 0;
			c->minutes = 20;
			c->gut = 3;
			c->outcome = "none";
			c->stop = NULL;
			c->progressed = 0;
			total_conv++;
			open = 1;
		}
		int last_day = cv[nc - 1].day;
		/* the last step of a deal still running stays open; of a closed
		 * deal it was cancelled when the deal closed */
		if (ns && !st[ns - 1].status)
			st[ns - 1].status = open ? "open" : "cancelled";

		const char *status = open ? "open"
			: stop ? (!strcmp(stop, "timing") ? "paused" : "lost") : won ? "won" : "lost";
		int stage_id = !strcmp(status, "won") ? 6 : !strcmp(status, "lost") ? 7 : stage;
		const char *lost = !strcmp(status, "lost") ? (stop ? stop_lost[rnd(0, 5)] : lost_reasons[rnd(0, 5)]) : NULL;
		int closed = !strcmp(status, "won") || !strcmp(status, "lost");
		int close_day = closed ? last_day + (stop || won ? 0 : rnd(0, 20)) : 0;
		if (close_day > today)
			close_day = today;
		row(&deals);
		printf("%ld, %ld, 'Deal %06ld', %ld, %d, 'EUR', %ld, %d, '%s', '%s', '%s', %s%s%s, '', %s%s%s, '%s', "
		       "'%s', NULL, %ld, %ld)",
		       did, org, did, account, rnd(20, 2000) * 5000, rep_id[r], stage_id, products[rnd(0, 3)],
		       ds(closed ? close_day : today + rnd(10, 90), d1), status, lost ? "'" : "", lost ? lost : "NULL",
		       lost ? "'" : "", closed ? "'" : "", closed ? ds(close_day, d2) : "NULL", closed ? "'" : "",
		       ds(start, d3), ds(stage_day, d4), now, now);

		for (int k = 0; k < nc; k++) {
			const struct conv *c = &cv[k];
			fputs(convs.n % BATCH ? ",\n(" : convs.n ? ";\n" : "", cf);
			if (convs.n % BATCH == 0)
				fprintf(cf, "%s VALUES\n(", convs.head);
			fprintf(cf, "%ld, %ld, %ld, %ld, %ld, '%s', %ld, '%s', %d, 'Talked about the rollout and the next "
				"steps; notes for the bench.', %d, '%s', %s%s%s, '', %d, %ld)",
				c->id, org, rep_id[r], did, account, kinds[c->kind], (long)c->day * 86400 + 36000,
				ds(c->day, d1), c->minutes, c->gut, c->outcome, c->stop ? "'" : "", c->stop ? c->stop : "NULL",
				c->stop ? "'" : "", c->progressed, now);
			convs.n++;
		}
		for (int k = 0; k < ns; k++) {
			const struct step *s = &st[k];
			fputs(steps.n % BATCH ? ",\n(" : steps.n ? ";\n" : "", sf);
			if (steps.n % BATCH == 0)
				fprintf(sf, "%s VALUES\n(", steps.head);
			fprintf(sf, "%ld, %ld, %ld, %ld, %ld, %ld, 'Next meeting with the decision maker', 'Anna de Vries', "
				"'%s', '%s', '%s', %d, %s%s%s, '%s')",
				s->id, org, s->conv, did, account, rep_id[r], ds(s->due, d1), ds(s->original, d2), s->status,
				s->slips, s->done ? "'" : "", s->done ? ds(s->done, d3) : "NULL", s->done ? "'" : "",
				ds(s->created, d4));
			steps.n++;
		}
	}
	end(&deals);
	if (convs.n)
		fputs(";\n", cf);
	if (steps.n)
		fputs(";\n", sf);
	for (int k = 0; k < 2; k++) {
		FILE *f = k ? sf : cf;
		rewind(f);
		char buf[1 << 16];
		size_t got;
		while ((got = fread(buf, 1, sizeof(buf), f)) > 0)
			fwrite(buf, 1, got, stdout);
		fclose(f);
	}
	puts("COMMIT;");
	fprintf(stderr, "benchgen: %d reps in %d teams, %ld deals, %ld conversations, %ld steps\n", REPS, TEAMS, did - 1,
		total_conv, step_id);
	return 0;
}
