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

/* Free text, one set of limits for the forms and the API (bytes of UTF-8) */
#define STEP_TEXT_MAX 500	/* a next step's what and who */
#define STOP_NOTE_MAX 1000	/* the customer's words with a stop */
#define CONV_NOTES_MAX 20000	/* a conversation's notes */
#define DEAL_NOTE_MAX 2000	/* the note with a lost deal */
#define STAGE_TEXT_MAX 1000	/* a stage's definition and commitment */
/* multi-line text (notes): like validate_text, but line breaks and tabs are
 * allowed; other control characters are not */
const char *validate_notes(const char *s, size_t max);
/* every free-text field of a conversation and its next step or stop (NULL
 * for a field not given): NULL when all are fine, else the message and, in
 * *field, the field's name as the form calls it (notes, step_what,
 * step_who, stop_note) */
const char *validate_conversation_text(const char *notes, const char *step_what, const char *step_who,
				       const char *stop_note, const char **field);
/* lowercases an e-mail address in place */
void email_normalise(char *s);

#endif
