/*
 * util: small helpers with no better home: secure random tokens, hashing of
 * secrets before they are stored, the clock, and strict number parsing.
 */
#ifndef SG_UTIL_H
#define SG_UTIL_H
#include <stdint.h>
#include <stddef.h>
#include "arena.h"

/* nbytes of CSPRNG output as unpadded base64url, from the arena */
char *rand_token(struct arena *a, size_t nbytes);
/* same into a caller buffer of at least 4*nbytes/3+2 bytes */
void rand_token_buf(char *out, size_t outlen, size_t nbytes);
/* SHA-256 of s as 64 hex digits into out[65] */
void sha256_hex(const char *s, char out[65]);
int64_t now_epoch(void);
/* strict base-10 parse of the whole string; 0 on success */
int parse_i64(const char *s, int64_t *out);
/* "YYYY-MM-DD" from an epoch, UTC, into out[11] */
void epoch_to_date(int64_t t, char out[11]);
/* today's date ("YYYY-MM-DD", local time) into out[11]. The environment
 * variable SALESGARDEN_TODAY pins it, for tests that compute figures by hand. */
void today_date(char out[11]);
/* the one range of years a day may lie in, everywhere: dates typed or
 * imported, periods asked for, days computed from them */
#define DATE_YEAR_MIN 1900
#define DATE_YEAR_MAX 2200
/* validates "YYYY-MM-DD" as a real calendar date in DATE_YEAR_MIN..MAX */
int date_valid(const char *s);
/* constant-time string equality */
int str_eq_ct(const char *a, const char *b);
/* trims leading/trailing ASCII white space in place; returns s */
char *str_trim(char *s);
int str_has_prefix(const char *s, const char *prefix);

#endif
