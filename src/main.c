/*
 * main: salesgarden's entry point and its command table (after git.c).
 */
#include "cmd/cmd.h"
#include "lib/assets.h"
#include "lib/i18n.h"
#include <sodium.h>
#include <stdio.h>
#include <string.h>

const struct cmd commands[] = {
	{ "serve", cmd_serve, "serve [--db URL] [--listen ADDR:PORT] [--threads N] [--statement-timeout MS] [--tmp-dir DIR] [--quiet]",
	  "serve the web pages and the JSON API" },
	{ "migrate", cmd_migrate, "migrate [--db URL]",
	  "bring the database schema up to date" },
	{ "demo", cmd_demo, "demo [--db URL]",
	  "create the demo organisation and print its logins" },
	{ "org", cmd_org, "org add --slug SLUG --name NAME [--locale en|nl|nb] [--currency EUR] [--db URL]",
	  "add an organisation" },
	{ "team", cmd_team, "team add --org SLUG --name NAME [--manager EMAIL] [--territory T] [--segment S] [--db URL]",
	  "add a team" },
	{ "user", cmd_user, "user add --org SLUG --email EMAIL --name NAME --role admin|manager|rep [--team NAME] [--password-stdin] [--db URL]",
	  "add a user" },
	{ "token", cmd_token, "token create --org SLUG --email EMAIL [--label TEXT] [--db URL]\n"
	  "       salesgarden token list --org SLUG [--email EMAIL] [--db URL]\n"
	  "       salesgarden token revoke --org SLUG ID [--db URL]",
	  "create an API token (printed once), list the tokens, or revoke one" },
	{ "import", cmd_import, "import reps|targets|deals|results FILE --org SLUG [--preset auto|salesforce|hubspot|pipedrive|generic] [--map COLUMN=FIELD]... [--set FIELD=VALUE]... [--map-stage NAME=STAGE]... [--create-missing] [--allow-duplicates] [--dry-run] [--all-or-nothing] [--db URL]",
	  "import reps, targets, deals or result totals from a CSV file" },
	{ "backup", cmd_backup, "backup FILE [--db URL]",
	  "write a consistent copy of the database while the server runs" },
	{ "restore", cmd_restore, "restore FILE [--db URL]",
	  "restore a backup into a new, empty database (SQLite: a new file; PostgreSQL: pg_restore into an empty database)" },
	{ "copy", cmd_copy, "copy --from sqlite:PATH --to postgresql://USER@HOST:PORT/NAME",
	  "copy a whole SQLite database into a new, empty PostgreSQL database (moving to PostgreSQL)" },
	/* speed (issue 15): roll-ups */
	{ "rollups", cmd_rollups, "rollups rebuild|check [--org SLUG] [--db URL]",
	  "rebuild the figures' roll-ups, or check them against a full recomputation (exit 1 when they differ)" },
	{ "help", cmd_help, "help [COMMAND | --man]", "show the commands and the environment, one command's usage, or the manual page" },
	/* running it for real (issue 16): the audit log */
	{ "audit", cmd_audit, "audit purge [--org SLUG] [--db URL]",
	  "delete the audit rows older than each organisation's retention (the server does it daily)" },
	/* recruiting (issue 11): candidates' data */
	{ "candidates", cmd_candidates, "candidates anonymise [--org SLUG] [--db URL]",
	  "anonymise the candidates whose data is past its retention date (the server does it daily)" },
	{ NULL, NULL, NULL, NULL },
};

static void load_catalogs(void)
{
	static const struct { enum lang l; const char *asset; } cats[] = {
		{ LANG_NL, "po/nl.mo" }, { LANG_NB, "po/nb.mo" },
	};
	for (size_t i = 0; i < sizeof(cats) / sizeof(cats[0]); i++) {
		const struct asset *a = asset_find(cats[i].asset);
		if (a)
			i18n_load(cats[i].l, a->data, a->len);
	}
}

int main(int argc, char **argv)
{
	if (sodium_init() < 0) {
		fputs("error: libsodium could not be initialised\n", stderr);
		return 1;
	}
	load_catalogs();
	if (argc < 2)
		return cmd_help(1, argv) ? 1 : EXIT_USAGE;
	const char *name = argv[1];
	if (!strcmp(name, "--help") || !strcmp(name, "-h"))
		name = "help";
	if (!strcmp(name, "--version") || !strcmp(name, "version")) {
		printf("salesgarden %s\n", cmd_version);
		return 0;
	}
	/* hidden from help: the route table as JSON for the route matrix test */
	if (!strcmp(name, "routes"))
		return cmd_routes(argc - 1, argv + 1);
	for (const struct cmd *c = commands; c->name; c++)
		if (!strcmp(c->name, name))
			return c->fn(argc - 1, argv + 1);
	fprintf(stderr, "error: '%s' is not a salesgarden command; see 'salesgarden help'\n", name);
	return EXIT_USAGE;
}
