/*
 * copy: moves a whole Salesgarden database from SQLite to PostgreSQL, for the
 * organisation that outgrows one machine.
 *
 * The target must hold no table; it gets the schema from the migrations
 * (so both have the same tables and columns), then every table's rows in one
 * transaction: parents before children (the order of SQLite's foreign key
 * lists), each table by COPY in batches in rowid order (key order for a
 * table WITHOUT ROWID), the identity sequences set past the largest id, and
 * the row counts compared before the commit. The target's own triggers are
 * off while the rows arrive: the source's derived tables (the roll-ups) are
 * copied as they are, not summed a second time by the triggers that keep
 * them. The source is read in one read transaction, so the copy is one
 * snapshot even when the server still runs (stop it to have nothing written
 * after the snapshot). Table and column names come from the source's schema
 * and are checked to be plain identifiers before they are quoted into COPY;
 * no value is ever put into SQL.
 */
#include "db.h"
#include "../lib/xalloc.h"
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_TABLES 256
#define BATCH_BYTES (8u << 20)

struct table {
	char *name;
	int done;
	char **deps;
	int ndeps;
};

static int plain_identifier(const char *s)
{
	if (!*s || strlen(s) > 63)
		return 0;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '_'))
			return 0;
	return 1;
}

/* the tables to copy and what each refers to */
static int read_tables(sqlite3 *src, struct table *t, int *n, struct strbuf *errmsg)
{
	sqlite3_stmt *st;
	*n = 0;
	if (sqlite3_prepare_v2(src, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
			       "AND name <> 'schema_version' ORDER BY name", -1, &st, NULL) != SQLITE_OK)
		goto fail;
	while (sqlite3_step(st) == SQLITE_ROW && *n < MAX_TABLES) {
		const char *name = (const char *)sqlite3_column_text(st, 0);
		if (!plain_identifier(name)) {
			sb_addf(errmsg, "the source has a table named '%s', which is not Salesgarden's", name);
			sqlite3_finalize(st);
			return -1;
		}
		t[(*n)++] = (struct table){ .name = xstrdup(name) };
	}
	sqlite3_finalize(st);
	for (int i = 0; i < *n; i++) {
		if (sqlite3_prepare_v2(src, "SELECT DISTINCT \"table\" FROM pragma_foreign_key_list(?1)", -1, &st, NULL) != SQLITE_OK)
			goto fail;
		sqlite3_bind_text(st, 1, t[i].name, -1, SQLITE_STATIC);
		while (sqlite3_step(st) == SQLITE_ROW) {
			const char *p = (const char *)sqlite3_column_text(st, 0);
			if (!strcmp(p, t[i].name))
				continue;	/* a row may point at another of its table: one COPY */
			t[i].deps = xrealloc(t[i].deps, sizeof(char *) * (size_t)(t[i].ndeps + 1));
			t[i].deps[t[i].ndeps++] = xstrdup(p);
		}
		sqlite3_finalize(st);
	}
	return 0;
fail:
	sb_addf(errmsg, "cannot read the source's tables: %s", sqlite3_errmsg(src));
	return -1;
}

static int table_done(const struct table *t, int n, const char *name)
{
	for (int i = 0; i < n; i++)
		if (!strcmp(t[i].name, name))
			return t[i].done;
	return 1;	/* not one we copy */
}

/* appends v in COPY's text format */
static void copy_escape(struct strbuf *b, const char *v)
{
	for (; *v; v++) {
		switch (*v) {
		case '\\': sb_adds(b, "\\\\"); break;
		case '\t': sb_adds(b, "\\t"); break;
		case '\n': sb_adds(b, "\\n"); break;
		case '\r': sb_adds(b, "\\r"); break;
		default: sb_addc(b, *v);
		}
	}
}

/* whether the table is WITHOUT ROWID (the roll-ups): it has no rowid to
 * order by */
static int without_rowid(sqlite3 *src, const char *table)
{
	sqlite3_stmt *st;
	int yes = 0;
	if (sqlite3_prepare_v2(src, "SELECT sql LIKE '%WITHOUT ROWID%' FROM sqlite_schema WHERE type = 'table' AND name = ?1",
			       -1, &st, NULL) != SQLITE_OK)
		return 0;
	sqlite3_bind_text(st, 1, table, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		yes = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return yes;
}

/* turns the target's user triggers on a table off or on again (ALTER TABLE
 * is transactional on PostgreSQL: a failed copy leaves them on) */
static enum err table_triggers(struct db_conn *c, const char *table, int on)
{
	char sql[160];
	snprintf(sql, sizeof(sql), "ALTER TABLE \"%s\" %s TRIGGER USER", table, on ? "ENABLE" : "DISABLE");
	return db_exec_params(c, sql, NULL, 0);
}

static enum err copy_table(sqlite3 *src, struct db_conn *c, const char *table, int64_t *rows, struct strbuf *errmsg)
{
	struct strbuf sql = STRBUF_INIT, cols = STRBUF_INIT, data = STRBUF_INIT;
	sqlite3_stmt *st = NULL;
	enum err e = E_OK;
	*rows = 0;
	if (sqlite3_prepare_v2(src, "SELECT name FROM pragma_table_info(?1) ORDER BY cid", -1, &st, NULL) != SQLITE_OK) {
		sb_addf(errmsg, "cannot read the columns of %s: %s", table, sqlite3_errmsg(src));
		return E_INTERNAL;
	}
	sqlite3_bind_text(st, 1, table, -1, SQLITE_STATIC);
	int ncols = 0;
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *col = (const char *)sqlite3_column_text(st, 0);
		if (!plain_identifier(col)) {
			sb_addf(errmsg, "%s has a column named '%s', which is not Salesgarden's", table, col);
			e = E_INVALID;
			goto out;
		}
		sb_addf(&cols, "%s\"%s\"", ncols++ ? ", " : "", col);
	}
	sqlite3_finalize(st);
	st = NULL;
	sb_addf(&sql, "SELECT %s FROM \"%s\"%s", cols.buf, table, without_rowid(src, table) ? "" : " ORDER BY rowid");
	if (sqlite3_prepare_v2(src, sql.buf, -1, &st, NULL) != SQLITE_OK) {
		sb_addf(errmsg, "cannot read %s: %s", table, sqlite3_errmsg(src));
		e = E_INTERNAL;
		goto out;
	}
	sb_reset(&sql);
	sb_addf(&sql, "COPY \"%s\" (%s) FROM STDIN", table, cols.buf);
	size_t bad_row = 0;	/* the server names the row it refused; the message says it too */
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		for (int i = 0; i < ncols; i++) {
			if (i)
				sb_addc(&data, '\t');
			int type = sqlite3_column_type(st, i);
			if (type == SQLITE_NULL)
				sb_adds(&data, "\\N");
			else if (type == SQLITE_FLOAT)	/* every digit: SQLite's text has 15 */
				sb_addf(&data, "%.17g", sqlite3_column_double(st, i));
			else
				copy_escape(&data, (const char *)sqlite3_column_text(st, i));
		}
		sb_addc(&data, '\n');
		(*rows)++;
		if (data.len >= BATCH_BYTES) {
			if ((e = db_copy_in(c, sql.buf, data.buf, data.len, &bad_row)))
				goto copy_failed;
			sb_reset(&data);
		}
	}
	if (rc != SQLITE_DONE) {
		sb_addf(errmsg, "cannot read %s: %s", table, sqlite3_errmsg(src));
		e = E_INTERNAL;
		goto out;
	}
	if (data.len && (e = db_copy_in(c, sql.buf, data.buf, data.len, &bad_row)))
		goto copy_failed;
	goto out;
copy_failed:
	sb_addf(errmsg, "copying %s failed: %s", table, db_errmsg(c));
out:
	sqlite3_finalize(st);
	sb_release(&sql);
	sb_release(&cols);
	sb_release(&data);
	return e;
}

static int64_t source_count(sqlite3 *src, const char *table)
{
	char sql[128];
	snprintf(sql, sizeof(sql), "SELECT count(*) FROM \"%s\"", table);
	sqlite3_stmt *st;
	int64_t n = -1;
	if (sqlite3_prepare_v2(src, sql, -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return n;
}

static int has_id_column(sqlite3 *src, const char *table)
{
	sqlite3_stmt *st;
	int yes = 0;
	if (sqlite3_prepare_v2(src, "SELECT 1 FROM pragma_table_info(?1) WHERE name = 'id'", -1, &st, NULL) == SQLITE_OK) {
		sqlite3_bind_text(st, 1, table, -1, SQLITE_STATIC);
		yes = sqlite3_step(st) == SQLITE_ROW;
	}
	sqlite3_finalize(st);
	return yes;
}

enum err db_copy_sqlite_to_pg(const char *sqlite_path, struct db *dst, FILE *report, struct strbuf *errmsg)
{
	struct table t[MAX_TABLES];
	int n = 0;
	sqlite3 *src = NULL;
	struct db_conn *c = NULL;
	enum err e = E_OK;
	int in_tx = 0;
	if (db_kind(dst) != DB_PG) {
		sb_adds(errmsg, "the target must be a PostgreSQL database (postgresql://...)");
		return E_INVALID;
	}
	if (sqlite3_open_v2(sqlite_path, &src, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK) {
		sb_addf(errmsg, "cannot open %s: %s", sqlite_path, sqlite3_errmsg(src));
		e = E_INVALID;
		goto out;
	}
	sqlite3_busy_timeout(src, 5000);
	/* one snapshot of the source for the whole copy */
	if (sqlite3_exec(src, "BEGIN", NULL, NULL, NULL) != SQLITE_OK) {
		sb_addf(errmsg, "cannot read %s: %s", sqlite_path, sqlite3_errmsg(src));
		e = E_UNAVAILABLE;
		goto out;
	}
	sqlite3_stmt *st;
	int version = -1;
	if (sqlite3_prepare_v2(src, "SELECT max(version) FROM schema_version", -1, &st, NULL) == SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW && sqlite3_column_type(st, 0) != SQLITE_NULL)
		version = sqlite3_column_int(st, 0);
	else
		sb_addf(errmsg, "%s is not a Salesgarden database (%s)", sqlite_path, sqlite3_errmsg(src));
	sqlite3_finalize(st);
	if (version < 0) {
		e = E_INVALID;
		goto out;
	}
	if (version != db_schema_latest()) {
		sb_addf(errmsg, "%s has schema %d and this program %d: run 'salesgarden migrate --db sqlite:%s' first",
			sqlite_path, version, db_schema_latest(), sqlite_path);
		e = E_INVALID;
		goto out;
	}
	if (read_tables(src, t, &n, errmsg)) {
		e = E_INTERNAL;
		goto out;
	}
	if (!(c = db_acquire(dst, errmsg))) {
		e = E_UNAVAILABLE;
		goto out;
	}
	int64_t existing = db_scalar_i64(c, "SELECT count(*) FROM information_schema.tables "
					 "WHERE table_schema = current_schema()", NULL, 0, -1);
	if (existing != 0) {
		sb_adds(errmsg, existing < 0 ? "cannot read the target database"
			: "the target database already holds tables; copy into a new, empty database (createdb NAME)");
		e = existing < 0 ? E_UNAVAILABLE : E_CONFLICT;
		goto out;
	}
	int applied = 0;
	if ((e = db_migrate(c, errmsg, &applied)))
		goto out;
	if ((e = db_begin(c)))
		goto failed;
	in_tx = 1;
	for (int i = 0; i < n; i++)
		if ((e = table_triggers(c, t[i].name, 0)))
			goto failed;
	/* rows a migration may have made in the empty database give way to the source's */
	for (int i = n - 1; i >= 0; i--) {
		char sql[128];
		snprintf(sql, sizeof(sql), "DELETE FROM \"%s\"", t[i].name);
		if ((e = db_exec_params(c, sql, NULL, 0)))
			goto failed;
	}
	int64_t total = 0;
	for (int copied = 0; copied < n;) {
		int progress = 0;
		for (int i = 0; i < n; i++) {
			if (t[i].done)
				continue;
			int ready = 1;
			for (int d = 0; d < t[i].ndeps && ready; d++)
				ready = table_done(t, n, t[i].deps[d]);
			if (!ready)
				continue;
			int64_t rows = 0;
			if ((e = copy_table(src, c, t[i].name, &rows, errmsg)))
				goto out;
			t[i].done = 1;
			copied++;
			progress = 1;
			total += rows;
			if (rows && has_id_column(src, t[i].name)) {
				char sql[256];
				snprintf(sql, sizeof(sql), "SELECT setval(pg_get_serial_sequence('\"%s\"', 'id'), "
					 "(SELECT max(id) FROM \"%s\"))", t[i].name, t[i].name);
				if (db_scalar_i64(c, sql, NULL, 0, -1) < 0) {
					sb_addf(errmsg, "cannot set the ids of %s past the copied ones: %s", t[i].name,
						db_errmsg(c));
					e = E_INTERNAL;
					goto out;
				}
			}
		}
		if (!progress) {
			sb_adds(errmsg, "the source's tables refer to each other in a circle; cannot order them");
			e = E_INTERNAL;
			goto out;
		}
	}
	for (int i = 0; i < n; i++)
		if ((e = table_triggers(c, t[i].name, 1)))
			goto failed;
	/* the counts, table by table, before anything is committed */
	for (int i = 0; i < n; i++) {
		char sql[128];
		snprintf(sql, sizeof(sql), "SELECT count(*) FROM \"%s\"", t[i].name);
		int64_t want = source_count(src, t[i].name), got = db_scalar_i64(c, sql, NULL, 0, -1);
		if (want != got) {
			sb_addf(errmsg, "%s: %lld rows in the source, %lld copied", t[i].name, (long long)want,
				(long long)got);
			e = E_INTERNAL;
			goto out;
		}
		if (report)
			fprintf(report, "%-28s %10lld rows\n", t[i].name, (long long)got);
	}
	if ((e = db_commit(c)))
		goto failed;
	in_tx = 0;
	if (report)
		fprintf(report, "copied %lld rows in %d tables; every table's count matches the source\n",
			(long long)total, n);
	goto out;
failed:
	sb_addf(errmsg, "%s", db_errmsg(c));
out:
	if (in_tx)
		db_rollback(c);
	if (c)
		db_release(c);
	sqlite3_close(src);	/* ends the read transaction */
	for (int i = 0; i < n; i++) {
		for (int d = 0; d < t[i].ndeps; d++)
			free(t[i].deps[d]);
		free(t[i].deps);
		free(t[i].name);
	}
	return e;
}
