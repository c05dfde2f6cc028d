/*
 * cmd: the command-line commands (after git's builtin/). Each lives in
 * cmd/<name>.c with one entry point cmd_<name>; main.c holds the table.
 * Exit status: 0 success, 1 error, 2 bad usage.
 */
#ifndef SG_CMD_H
#define SG_CMD_H
#include "../db/db.h"
#include "../store/orgs.h"

#define EXIT_USAGE 2

struct cmd {
	const char *name;
	int (*fn)(int argc, char **argv);
	const char *usage;
	const char *summary;
};

extern const struct cmd commands[];

int cmd_serve(int argc, char **argv);
int cmd_migrate(int argc, char **argv);
int cmd_demo(int argc, char **argv);
int cmd_org(int argc, char **argv);
int cmd_team(int argc, char **argv);
int cmd_user(int argc, char **argv);
int cmd_token(int argc, char **argv);
int cmd_import(int argc, char **argv);
/* the options and the fields of each kind, after import's usage */
void cmd_import_help(void);
int cmd_backup(int argc, char **argv);
int cmd_restore(int argc, char **argv);
int cmd_copy(int argc, char **argv);
/* speed (issue 15): roll-ups */
int cmd_rollups(int argc, char **argv);
int cmd_help(int argc, char **argv);
/* running it for real (issue 16): the audit log's purge */
int cmd_audit(int argc, char **argv);
/* recruiting (issue 11): candidates past their retention date anonymised */
int cmd_candidates(int argc, char **argv);
/* cmd/manual.c: the version, the environment (printed by help) and the man
 * page salesgarden(1), generated from the commands table and the environment */
extern const char cmd_version[];
void cmd_help_env(void);
int cmd_man(void);
/* hidden: the route table as JSON, for the tests */
int cmd_routes(int argc, char **argv);

/* --- shared by the commands (cmd/common.c) --- */

/* the --db value, else $SALESGARDEN_DB, else sqlite:salesgarden.db */
const char *cmd_db_url(const char *opt);
/* opens the database and checks (migrate=0) or brings (migrate=1) the schema
 * up to date; prints the reason and returns NULL on failure */
struct db *cmd_open_db(const char *url, int pool, int migrate);
/* an organisation-scoped command's database, connection, arena and org */
struct cmd_org_ctx {
	struct db *db;
	struct db_conn *c;
	struct arena *a;
	struct org org;
};
/* opens the database (migrating it), takes a connection and finds the
 * organisation by slug; prints the reason and returns -1 on failure (after
 * cleaning up); cmd_org_close releases everything */
int cmd_org_open(struct cmd_org_ctx *x, const char *dburl, const char *slug);
void cmd_org_close(struct cmd_org_ctx *x);
/* prints "usage: salesgarden NAME ..." for the named command to stderr, returns 2 */
int cmd_usage(const char *name);
/* prints the command's usage and summary to stdout, returns 0 */
int cmd_help_for(const char *name);
/* prints "error: ..." to stderr, returns 1 */
int cmd_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* reads one line from stdin without its newline into a malloc'd string */
char *cmd_read_line(void);

#endif
