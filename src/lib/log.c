/* log: see log.h. Each line is written with one fputs so lines do not interleave. */
#include "log.h"
#include "strbuf.h"
#include <stdarg.h>
#include <stdio.h>
#include <time.h>

static void vlog(const char *level, const char *fmt, va_list ap) __attribute__((format(printf, 2, 0)));
static void vlog(const char *level, const char *fmt, va_list ap)
{
	char ts[32];
	time_t t = time(NULL);
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(ts, sizeof(ts), "%Y-%m-%dT%H:%M:%SZ", &tm);
	struct strbuf sb = STRBUF_INIT;
	sb_addf(&sb, "%s %s", ts, level);
	sb_vaddf(&sb, fmt, ap);
	sb_addc(&sb, '\n');
	fputs(sb.buf, stderr);
	sb_release(&sb);
}

void log_info(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vlog("", fmt, ap);
	va_end(ap);
}

void log_error(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vlog("error: ", fmt, ap);
	va_end(ap);
}
