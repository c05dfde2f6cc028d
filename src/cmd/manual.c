/*
 * manual: the one place where salesgarden's configuration is written down.
 * `salesgarden help` prints the environment from the table below, and
 * `salesgarden help --man` turns the same commands table (main.c) and the
 * same environment table into the man page salesgarden(1), which
 * `make install` installs. A new setting is added here, and nowhere else
 * needs to be told.
 */
#include "cmd.h"
#include <stdio.h>
#include <string.h>

#ifndef SG_VERSION
#define SG_VERSION "unknown"
#endif

const char cmd_version[] = SG_VERSION;

/* every environment variable salesgarden reads; the flag that overrides it */
static const struct {
	const char *name, *flag, *text;
} env[] = {
	{ "SALESGARDEN_DB", "--db URL",
	  "the database: sqlite:PATH or postgresql://USER:PASSWORD@HOST:PORT/NAME (default sqlite:salesgarden.db)" },
	{ "SALESGARDEN_LISTEN", "--listen ADDR:PORT", "where serve listens (default 127.0.0.1:8080)" },
	{ "SALESGARDEN_STATEMENT_TIMEOUT", "--statement-timeout MS",
	  "every statement of a request stops after MS milliseconds and the request answers 503 (default 10000; 0 for none)" },
	{ "SALESGARDEN_TMPDIR", "--tmp-dir DIR", "where uploads are written while they arrive (else TMPDIR, else /tmp)" },
	{ "SALESGARDEN_FILES", NULL,
	  "the private directory (0700) where uploaded import files are kept (default PATH-files beside a SQLite database sqlite:PATH; for PostgreSQL a directory in the temporary directory: set it, shared by every server of the database)" },
	{ "SALESGARDEN_MAX_UPLOAD", NULL, "the largest upload (an import file) in bytes (default 268435456, 256 MiB)" },
	{ "SALESGARDEN_MAX_BODY", NULL, "the largest form or JSON body in bytes (default 1048576)" },
	{ "SALESGARDEN_MAX_UPLOADS", NULL, "uploads received at once (default 4; 503 with Retry-After beyond)" },
	{ "SALESGARDEN_MAX_INFLIGHT", NULL,
	  "bytes of form and JSON bodies received at once over all requests (default 64 MiB)" },
	{ "SALESGARDEN_METRICS_TOKEN", NULL,
	  "GET /metrics (Prometheus) answers callers with this bearer token; unset, only callers on this machine not coming through a proxy" },
	{ "SALESGARDEN_PAGE_CACHE", NULL,
	  "0 turns off the cache of rendered pages (SQLite only: a page is served again until the data changes, at most 60 s)" },
	{ "SALESGARDEN_TODAY", NULL, "pins today's date (YYYY-MM-DD) for demonstrations and tests" },
	/* webhooks (issue 16) */
	{ "SALESGARDEN_WEBHOOK_ALLOW_LOOPBACK", NULL,
	  "1 lets webhooks be sent to loopback addresses (127.0.0.0/8, ::1) of this machine; refused by default (never to serve's own address)" },
	{ "SALESGARDEN_WEBHOOK_SWEEP_SECONDS", NULL,
	  "how often serve looks for steps due or missed to send as webhook events (default 300; for testing)" },
	{ "SALESGARDEN_WEBHOOK_BACKOFF_SECONDS", NULL,
	  "the wait after a webhook delivery's first failure, doubled after each (default 30, at most 120 times it); "
	  "the 4 hours of failing that disable a subscription scale with it (0: at once; for testing)" },
	{ "SALESGARDEN_WEBHOOK_TIMEOUT_SECONDS", NULL,
	  "the longest a webhook delivery may take (default 10; connecting at most 5; for testing)" },
	/* levers (issue 10): contests */
	{ "SALESGARDEN_CONTEST_SWEEP", NULL,
	  "how often, in seconds, serve freezes the final standings of contests that have ended (default 3600; a contest also freezes when it is read)" },
};

void cmd_help_env(void)
{
	printf("Environment (a flag, where there is one, wins):\n");
	for (size_t i = 0; i < sizeof(env) / sizeof(env[0]); i++)
		printf("  %-30s %s%s%s\n", env[i].name, env[i].flag ? env[i].flag : "",
		       env[i].flag ? ": " : "", env[i].text);
}

/* writes s for roff: a leading dot or quote escaped, backslashes and
 * hyphens of options kept literal */
static void roff(const char *s)
{
	int bol = 1;
	for (; *s; s++) {
		if (bol && (*s == '.' || *s == '\''))
			fputs("\\&", stdout);
		bol = *s == '\n';
		if (*s == '\\')
			fputs("\\e", stdout);
		else if (*s == '-')
			fputs("\\-", stdout);
		else
			putchar(*s);
	}
}

int cmd_man(void)
{
	printf(".TH SALESGARDEN 1 \"\" \"salesgarden %s\" \"Salesgarden manual\"\n", cmd_version);
	printf(".SH NAME\nsalesgarden \\- grow sales people, not just numbers\n");
	printf(".SH SYNOPSIS\n.B salesgarden\n.I COMMAND\n[\n.I OPTIONS\n]\n.br\n.B salesgarden \\-\\-version\n");
	printf(".SH DESCRIPTION\nSalesgarden is a self-hosted web application with which a sales manager builds "
	       "and develops a sales team. One binary serves the web pages and the JSON API and is the "
	       "command-line tool. It keeps its data in SQLite, or in PostgreSQL.\n");
	printf(".SH COMMANDS\n");
	for (const struct cmd *c = commands; c->name; c++) {
		/* a usage of several lines ("\n       salesgarden token list ...")
		 * becomes one line each */
		printf(".TP\n");
		const char *u = c->usage;
		for (int first = 1; *u; first = 0) {
			const char *nl = strchr(u, '\n');
			size_t len = nl ? (size_t)(nl - u) : strlen(u);
			char line[512];
			snprintf(line, sizeof(line), "%.*s", (int)len, u);
			const char *l = line;
			while (*l == ' ')
				l++;
			printf(first ? ".B salesgarden " : ".br\n.B ");
			roff(l);
			printf("\n");
			u = nl ? nl + 1 : u + len;
		}
		roff(c->summary);
		printf("\n");
	}
	printf(".SH ENVIRONMENT\n");
	for (size_t i = 0; i < sizeof(env) / sizeof(env[0]); i++) {
		printf(".TP\n.B %s\n", env[i].name);
		if (env[i].flag) {
			printf("(");
			roff(env[i].flag);
			printf(") ");
		}
		roff(env[i].text);
		printf("\n");
	}
	printf(".SH EXIT STATUS\n0 success, 1 error, 2 bad usage.\n");
	printf(".SH SIGNALS\n.B serve\nfinishes the requests under way and stops on SIGTERM or SIGINT: it stops accepting connections at once, answers each request under way with Connection: close, and waits for them at most 15 seconds (a request that arrives after that is answered 503 with Retry-After). SIGHUP is logged and otherwise ignored: every setting is read at start, so a change needs a restart.\n");
	printf(".SH FILES\n.TP\n.I /var/lib/salesgarden/salesgarden.db\nthe database of the systemd service "
	       "(salesgarden.service), in its state directory\n");
	printf(".SH SEE ALSO\n.BR pg_dump (1),\n.BR pg_restore (1),\n.BR sqlite3 (1),\n.BR systemd.exec (5)\n");
	return 0;
}
