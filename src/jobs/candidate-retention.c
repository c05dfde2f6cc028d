/*
 * candidate-retention: see candidate-retention.h.
 */
#include "candidate-retention.h"
#include "../domain/recruit-retention.h"
#include "../store/candidate-data.h"
#include "../lib/arena.h"
#include "periodic.h"
#include "../lib/log.h"
#include "../lib/util.h"

#define RETENTION_EVERY_SECONDS (24 * 60 * 60)

static enum err run_org(struct db_conn *c, int64_t org_id, const char *today, int64_t *anonymised)
{
	struct candidate_due due[CANDIDATE_DUE_BATCH];
	for (;;) {
		struct arena *a = arena_new();
		size_t n = 0, done = 0;
		enum err e = candidate_due_list(c, a, org_id, today, due, CANDIDATE_DUE_BATCH, &n);
		for (size_t i = 0; !e && i < n; i++) {
			if (!candidate_retention_due(due[i].retain_until, due[i].anonymised_at, today))
				continue;
			e = candidate_anonymise(c, org_id, due[i].id, today);
			if (e == E_CONFLICT)	/* anonymised meanwhile */
				e = E_OK;
			else if (!e) {
				(*anonymised)++;
				done++;
			}
		}
		arena_free(a);
		/* a full batch may have more behind it; one that anonymised
		 * nothing would only list the same rows again */
		if (e || n < CANDIDATE_DUE_BATCH || !done)
			return e;
	}
}

enum err candidate_retention_run(struct db_conn *c, int64_t org_id, const char *today, int64_t *anonymised)
{
	*anonymised = 0;
	if (org_id)
		return run_org(c, org_id, today, anonymised);
	int64_t after = 0, ids[100];
	for (;;) {
		size_t n = 0;
		enum err e = candidate_data_orgs(c, after, ids, 100, &n);
		for (size_t i = 0; !e && i < n; i++)
			e = run_org(c, ids[i], today, anonymised);
		if (e || n < 100)
			return e;
		after = ids[n - 1];
	}
}

static void run_once(struct db *db)
{
	struct db_conn *c = db_acquire(db, NULL);
	if (!c) {
		log_error("candidate retention: no database connection; trying again in a day");
		return;
	}
	db_conn_statement_timeout(c, 0);
	db_set_actor(c, 0, "system");
	char today[11];
	today_date(today);
	int64_t n = 0;
	enum err e = candidate_retention_run(c, 0, today, &n);
	if (e)
		log_error("candidate retention: %s", db_errmsg(c));
	if (n)
		log_info("candidate retention: %lld candidate%s past the retention date anonymised", (long long)n,
			 n == 1 ? "" : "s");
	db_release(c);
}

static struct periodic job = PERIODIC_INIT("candidate retention", RETENTION_EVERY_SECONDS, run_once);

int candidate_retention_start(struct db *db)
{
	return periodic_start(&job, db);
}

void candidate_retention_stop(void)
{
	periodic_stop(&job);
}
