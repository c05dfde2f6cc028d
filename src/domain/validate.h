/*
 * validate: the rules for what users type — e-mail addresses, slugs, names,
 * passwords. Each returns NULL when the value is fine, otherwise an English
 * message (marked for translation with N_) that the caller translates.
 */
#ifndef SG_VALIDATE_H
#define SG_VALIDATE_H
#include <stddef.h>

#define PASSWORD_MIN 10
#define PASSWORD_MAX 1024
#define NAME_MAX_LEN 200

const char *validate_email(const char *s);
const char *validate_slug(const char *s);
const char *validate_name(const char *s);
const char *validate_password(const char *s);
/* optional one-line text (territory, segment, product…): may be empty */
const char *validate_text(const char *s, size_t max);
const char *validate_currency(const char *s);
/* lowercases an e-mail address in place */
void email_normalise(char *s);

#endif
