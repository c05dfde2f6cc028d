/* org: add an organisation (tenant). */
#include "cmd.h"
#include "../store/orgs.h"
#include "../domain/validate.h"
#include "../lib/i18n.h"
#include <getopt.h>
#include <stdio.h>
#include <string.h>

int cmd_org(int argc, char **argv)
{
	if (argc < 2)
		return cmd_usage("org");
	if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h"))
		return cmd_help_for("org");
	if (strcmp(argv[1], "add"))
		return cmd_usage("org");
	const char *dburl = NULL, *slug = NULL, *name = NULL, *locale = "en", *currency = "EUR";
	static const struct option opts[] = {
		{ "db", required_argument, 0, 'd' }, { "slug", required_argument, 0, 's' },
		{ "name", required_argument, 0, 'n' }, { "locale", required_argument, 0, 'l' },
		{ "currency", required_argument, 0, 'c' }, { "help", no_argument, 0, 'h' }, { 0, 0, 0, 0 },
	};
	int ch;
	optind = 1;
	while ((ch = getopt_long(argc - 1, argv + 1, "", opts, NULL)) != -1) {
		switch (ch) {
		case 'd': dburl = optarg; break;
		case 's': slug = optarg; break;
		case 'n': name = optarg; break;
		case 'l': locale = optarg; break;
		case 'c': currency = optarg; break;
		case 'h': return cmd_help_for("org");
		default: return cmd_usage("org");
		}
	}
	if (!slug || !name || optind < argc - 1)
		return cmd_usage("org");
	const char *m;
	if ((m = validate_slug(slug)))
		return cmd_error("--slug: %s", m);
	if ((m = validate_name(name)))
		return cmd_error("--name: %s", m);
	if (lang_parse(locale) < 0)
		return cmd_error("--locale: use en, nl or nb");
	if ((m = validate_currency(currency)))
		return cmd_error("--currency: %s", m);
	struct db *db = cmd_open_db(cmd_db_url(dburl), 1, 1);
	if (!db)
		return 1;
	struct db_conn *c = db_acquire(db, NULL);
	if (c)
		db_set_actor(c, 0, "cli");	/* audit */
	int64_t id = 0;
	enum err e = c ? org_create(c, slug, name, locale, currency, &id) : E_UNAVAILABLE;
	if (c)
		db_release(c);
	db_close(db);
	if (e == E_CONFLICT)
		return cmd_error("an organisation with slug '%s' exists already", slug);
	if (e)
		return cmd_error("cannot add the organisation (%s)", err_name(e));
	printf("organisation %s added (id %lld)\n", slug, (long long)id);
	return 0;
}
