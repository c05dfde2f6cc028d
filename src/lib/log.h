/* log: one line per event on stderr, with a UTC timestamp. */
#ifndef SG_LOG_H
#define SG_LOG_H
void log_info(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void log_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
#endif
