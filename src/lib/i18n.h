/*
 * i18n: translated text for English, Dutch and Norwegian bokmål.
 *
 * The catalogs are ordinary gettext .po files (po/), compiled by msgfmt and
 * built into the binary; this reads the .mo format directly. That keeps the
 * standard tool chain for translators (xgettext, msgmerge, msgfmt --check)
 * while a request's language stays a per-request value: no setlocale(), no
 * process-global state, no dependency on the machine's installed locales.
 */
#ifndef SG_I18N_H
#define SG_I18N_H
#include <stddef.h>

enum lang { LANG_EN = 0, LANG_NL, LANG_NB, LANG_COUNT };

/* registers the compiled catalog for lang (data must outlive the process) */
void i18n_load(enum lang l, const unsigned char *mo, size_t len);
/* format_arg: a translated format is checked against its msgid's conversions */
const char *tr(enum lang l, const char *msgid) __attribute__((format_arg(2)));
const char *trn(enum lang l, const char *singular, const char *plural, long n)
	__attribute__((format_arg(2), format_arg(3)));
/* "en", "nl", "nb" */
const char *lang_code(enum lang l);
/* the language's own name: "English", "Nederlands", "Norsk bokmål" */
const char *lang_name(enum lang l);
/* parses a code; -1 when it is not one of ours */
int lang_parse(const char *code);
/* best match for an Accept-Language header, or fallback */
enum lang lang_negotiate(const char *accept_language, enum lang fallback);

/* marks a string for extraction where it is translated later */
#define N_(s) (s)

#endif
