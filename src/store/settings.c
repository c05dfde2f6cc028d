/* settings: see settings.h. */
#include "settings.h"
#include "audit.h"
#include "../lib/xalloc.h"
#include <stdio.h>
#include <stdlib.h>

int64_t setting_int(struct db_conn *c, int64_t org_id, const char *key, int64_t def)
{
	struct db_stmt *st = DBQ(c, "SELECT value FROM org_settings WHERE org_id = $1 AND key = $2",
				 P_I(org_id), P_T(key));
	int64_t v = def;
	if (db_step(st) == DB_ROW) {
		char *end;
		long long x = strtoll(db_col_text(st, 0), &end, 10);
		if (!*end)
			v = x;
	}
	db_finish(st);
	return v;
}

enum err setting_set_int(struct db_conn *c, int64_t org_id, const char *key, int64_t value)
{
	char buf[24];
	snprintf(buf, sizeof(buf), "%lld", (long long)value);
	/* audit: the old value and the row of the change, in one transaction */
	enum err e = db_begin(c);
	if (e)
		return e;
	struct db_stmt *st = DBQ(c, "SELECT value FROM org_settings WHERE org_id = $1 AND key = $2",
				 P_I(org_id), P_T(key));
	char *old = db_step(st) == DB_ROW ? xstrdup(db_col_text(st, 0)) : NULL;
	e = db_finish(st);
	if (!e)
		e = DBX(c, "INSERT INTO org_settings (org_id, key, value) VALUES ($1, $2, $3) "
			"ON CONFLICT (org_id, key) DO UPDATE SET value = excluded.value",
			P_I(org_id), P_T(key), P_T(buf));
	if (!e)
		e = audit_setting(c, org_id, key, old, buf);
	free(old);
	if (e) {
		db_rollback(c);
		return e;
	}
	return db_commit(c);
}

void settings_health(struct db_conn *c, int64_t org_id, struct health_settings *out)
{
	*out = health_defaults;
	out->grace_days = (int)setting_int(c, org_id, "health.grace_days", out->grace_days);
	out->max_conversations_without_progress = (int)setting_int(c, org_id, "health.max_conversations_without_progress",
								   out->max_conversations_without_progress);
	out->max_slips = (int)setting_int(c, org_id, "health.max_slips", out->max_slips);
	out->stale_commitment_days = (int)setting_int(c, org_id, "health.stale_commitment_days",
						      out->stale_commitment_days);
}

enum err settings_health_save(struct db_conn *c, int64_t org_id, const struct health_settings *s)
{
	enum err e = setting_set_int(c, org_id, "health.grace_days", s->grace_days);
	if (!e)
		e = setting_set_int(c, org_id, "health.max_conversations_without_progress",
				    s->max_conversations_without_progress);
	if (!e)
		e = setting_set_int(c, org_id, "health.max_slips", s->max_slips);
	if (!e)
		e = setting_set_int(c, org_id, "health.stale_commitment_days", s->stale_commitment_days);
	return e;
}
