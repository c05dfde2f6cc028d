/* serve: run the web server until SIGTERM/SIGINT. Migrates the schema first
 * and refuses a database newer than this program. */
#include "cmd.h"
#include "../jobs/import-jobs.h"
#include "../jobs/contest-sweep.h"
#include "../jobs/audit-purge.h"
#include "../jobs/candidate-retention.h"
#include "../service/import.h"
#include "../http/server.h"
#include "../http/request.h"
#include "../lib/log.h"
#include "../store/import-files.h"
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <string.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

/* imports still running in the background may finish during a grace
 * period, as requests do; then they stop at their next progress report,
 * before the database is closed (what they committed is undone at the next
 * start, see import_recover).
 * One that does not reach a report in a minute (a long commit, say) must
 * not have the database closed under it: the process then ends here, and
 * the database rolls its transaction back as for any lost connection. */
static void stop_imports(void)
{
	if (import_jobs_wait(15))
		log_info("an import is still running; stopping it");
	if (!import_jobs_shutdown(5))
		return;
	log_info("an import is still running; waiting for it to stop unsaved");
	if (import_jobs_shutdown(60)) {
		log_error("an import did not stop; ending without closing the database");
		_exit(0);
	}
}

/* levers (issue 10): leaderboards and contests — the sweep stops first */
static void stop_background(void)
{
	contest_sweep_stop();
	stop_imports();
}

int cmd_serve(int argc, char **argv)
{
	const char *dburl = NULL, *listen = getenv("SALESGARDEN_LISTEN");
	long threads = sysconf(_SC_NPROCESSORS_ONLN);
	int quiet = 0;
	const char *tmpdir = NULL;
	/* a request's statements: long enough for any page of a large
	 * organisation, short enough that a runaway one frees its worker */
	long stmt_ms = 10000;
	const char *st_env = getenv("SALESGARDEN_STATEMENT_TIMEOUT");
	if (st_env && *st_env)
		stmt_ms = atol(st_env);
	static const struct option opts[] = {
		{ "db", required_argument, 0, 'd' }, { "listen", required_argument, 0, 'l' },
		{ "threads", required_argument, 0, 't' }, { "quiet", no_argument, 0, 'q' },
		{ "tmp-dir", required_argument, 0, 'T' },
		{ "statement-timeout", required_argument, 0, 'S' },
		{ "help", no_argument, 0, 'h' }, { 0, 0, 0, 0 },
	};
	int ch;
	optind = 1;
	while ((ch = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (ch) {
		case 'd': dburl = optarg; break;
		case 'l': listen = optarg; break;
		case 't': {
			char *end;
			threads = strtol(optarg, &end, 10);
			if (*end || threads < 1 || threads > 256)
				return cmd_error("--threads takes a number from 1 to 256");
			break;
		}
		case 'q': quiet = 1; break;
		case 'T': tmpdir = optarg; break;
		case 'S': {
			char *end;
			stmt_ms = strtol(optarg, &end, 10);
			if (*end || stmt_ms < 0 || stmt_ms > 3600000)
				return cmd_error("--statement-timeout takes milliseconds from 0 (no limit) to 3600000");
			break;
		}
		case 'h': return cmd_help_for("serve");
		default: return cmd_usage("serve");
		}
	}
	if (optind < argc)
		return cmd_usage("serve");
	if (threads < 2)
		threads = 2;
	struct server srv = {
		.listen = listen && *listen ? listen : "127.0.0.1:8080",
		.threads = (int)threads,
		.max_body = 1 << 20,
		.max_upload = 256u << 20,
		.quiet = quiet,
		.tmpdir = tmpdir,
		.before_stop = stop_background,
	};
	srv.metrics_token = getenv("SALESGARDEN_METRICS_TOKEN");
	const char *mb = getenv("SALESGARDEN_MAX_BODY");
	if (mb && atol(mb) > 0)
		srv.max_body = (size_t)atol(mb);
	/* the limits on what callers may make the server hold at once */
	const char *mu = getenv("SALESGARDEN_MAX_UPLOADS");
	if (mu && atoi(mu) > 0)
		srv.max_uploads = atoi(mu);
	/* speed (issue 15): upload — the largest upload (bytes; 256 MiB) */
	const char *mx = getenv("SALESGARDEN_MAX_UPLOAD");
	if (mx && atol(mx) > 0)
		srv.max_upload = (size_t)atol(mx);
	const char *mi = getenv("SALESGARDEN_MAX_INFLIGHT");
	if (mi && atol(mi) > 0)
		srv.max_inflight = (size_t)atol(mi);
	if (!srv.tmpdir)
		srv.tmpdir = getenv("SALESGARDEN_TMPDIR");
	if (!srv.tmpdir || !*srv.tmpdir)
		srv.tmpdir = getenv("TMPDIR");
	/* speed (issue 15): upload — the private directory (0700) where
	 * uploads are spooled as they arrive and the import files are kept:
	 * SALESGARDEN_FILES, else beside a SQLite database (PATH-files), else
	 * one per PostgreSQL database under the temporary directory */
	const char *url = cmd_db_url(dburl);
	char files[4096];
	const char *fenv = getenv("SALESGARDEN_FILES");
	if (fenv && *fenv) {
		snprintf(files, sizeof(files), "%s", fenv);
	} else if (!strncmp(url, "sqlite:", 7) && url[7] && url[7] != ':') {
		snprintf(files, sizeof(files), "%s-files", url + 7);
	} else {
		uint64_t h = 1469598103934665603ull;	/* FNV-1a of the URL */
		for (const char *p = url; *p; p++)
			h = (h ^ (unsigned char)*p) * 1099511628211ull;
		snprintf(files, sizeof(files), "%s/salesgarden-%u-%016llx",
			 srv.tmpdir && *srv.tmpdir ? srv.tmpdir : "/tmp", (unsigned)geteuid(), (unsigned long long)h);
	}
	if (import_files_set_dir(files))
		return cmd_error("cannot keep uploads in %s: %s (it must be a directory of this user's, "
				 "closed to others; set SALESGARDEN_FILES)", files, strerror(errno));
	srv.tmpdir = import_files_dir();
	srv.db = cmd_open_db(url, srv.threads + 2, 1);
	if (!srv.db)
		return 1;
	if (csrf_key_load(srv.db)) {
		db_close(srv.db);
		return cmd_error("cannot read the server's secret from the database");
	}
	/* an import that a process ended by kill -9 (or a power cut) left
	 * half written is undone before anyone sees it again */
	struct db_conn *c = db_acquire(srv.db, NULL);
	if (c) {
		if (import_recover(c, 0))
			log_error("cannot undo the imports of a stopped process: %s", db_errmsg(c));
		db_release(c);
	}
	/* after the migrations, which may take longer; the command-line import
	 * and other commands open the database without a limit */
	db_set_statement_timeout(srv.db, (int)stmt_ms);
	/* SIGTERM, SIGINT and SIGHUP are for server_run's sigwait: blocked before the
	 * background threads start, which inherit the mask (else the kernel may
	 * hand the signal to one of them, and its default action ends the
	 * process without finishing the requests under way) */
	sigset_t stop_signals;
	sigemptyset(&stop_signals);
	sigaddset(&stop_signals, SIGTERM);
	sigaddset(&stop_signals, SIGINT);
	sigaddset(&stop_signals, SIGHUP);	/* logged and ignored by server_run */
	pthread_sigmask(SIG_BLOCK, &stop_signals, NULL);
	/* levers (issue 10): ended contests are frozen every
	 * SALESGARDEN_CONTEST_SWEEP seconds (an hour), and once now */
	const char *sw = getenv("SALESGARDEN_CONTEST_SWEEP");
	if (contest_sweep_start(srv.db, sw && atoi(sw) > 0 ? atoi(sw) : 3600))
		log_error("cannot start the contest sweep; contests freeze when they are read");
	/* running it for real (issue 16): audit rows past their retention */
	audit_purge_start(srv.db);
	/* recruiting (issue 11): candidates past their retention date */
	candidate_retention_start(srv.db);
	int rc = server_run(&srv);
	candidate_retention_stop();
	audit_purge_stop();
	db_close(srv.db);
	return rc;
}
