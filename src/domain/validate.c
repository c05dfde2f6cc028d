/* validate: see validate.h. */
#include "validate.h"
#include "../lib/i18n.h"
#include "../lib/kv.h"
#include <ctype.h>
#include <string.h>

const char *validate_email(const char *s)
{
	if (!s || !*s)
		return N_("Enter an e-mail address.");
	size_t n = strlen(s);
	const char *at = strchr(s, '@');
	if (n > 254 || !at || at == s || strchr(at + 1, '@') || !strchr(at + 1, '.') ||
	    at[1] == '.' || s[n - 1] == '.')
		return N_("This is not a valid e-mail address.");
	for (const char *p = s; *p; p++)
		if ((unsigned char)*p <= ' ' || *p == '<' || *p == '>' || *p == '"' || *p == ',')
			return N_("This is not a valid e-mail address.");
	return NULL;
}

const char *validate_slug(const char *s)
{
	if (!s || !*s)
		return N_("Enter a short name (slug).");
	size_t n = strlen(s);
	if (n > 40 || s[0] == '-' || s[n - 1] == '-')
		return N_("A slug has 1 to 40 lowercase letters, digits and dashes.");
	for (const char *p = s; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '-'))
			return N_("A slug has 1 to 40 lowercase letters, digits and dashes.");
	return NULL;
}

const char *validate_name(const char *s)
{
	if (!s)
		return N_("Enter a name.");
	while (isspace((unsigned char)*s))
		s++;
	if (!*s)
		return N_("Enter a name.");
	size_t n = strlen(s);
	if (n > NAME_MAX_LEN)
		return N_("A name is at most 200 characters long.");
	if (!utf8_valid(s, n))
		return N_("The text is not valid UTF-8.");
	for (const char *p = s; *p; p++)
		if ((unsigned char)*p < ' ')
			return N_("A name cannot contain control characters.");
	return NULL;
}

/* length, UTF-8 and control characters (DEL included); breaks: line
 * breaks and tabs are allowed (notes) */
static const char *check_text(const char *s, size_t max, int breaks)
{
	if (!s)
		return NULL;
	size_t n = strlen(s);
	if (n > max)
		return N_("The text is too long.");
	if (!utf8_valid(s, n))
		return N_("The text is not valid UTF-8.");
	for (const char *p = s; *p; p++) {
		unsigned char c = (unsigned char)*p;
		if ((c < ' ' && !(breaks && (c == '\n' || c == '\r' || c == '\t'))) || c == 0x7f)
			return N_("The text cannot contain control characters.");
	}
	return NULL;
}

const char *validate_text(const char *s, size_t max)
{
	return check_text(s, max, 0);
}

const char *validate_notes(const char *s, size_t max)
{
	return check_text(s, max, 1);
}

const char *validate_conversation_text(const char *notes, const char *step_what, const char *step_who,
				       const char *stop_note, const char **field)
{
	/* the length messages name the limit, as the form always did */
	if (step_what && strlen(step_what) > STEP_TEXT_MAX)
		return *field = "step_what", N_("Keep the next step short: at most 500 characters.");
	if (step_who && strlen(step_who) > STEP_TEXT_MAX)
		return *field = "step_who", N_("Keep the name short: at most 500 characters.");
	if (notes && strlen(notes) > CONV_NOTES_MAX)
		return *field = "notes", N_("The notes are too long: at most 20000 characters.");
	const char *m;
	if ((m = validate_text(step_what, STEP_TEXT_MAX)))
		return *field = "step_what", m;
	if ((m = validate_text(step_who, STEP_TEXT_MAX)))
		return *field = "step_who", m;
	if ((m = validate_notes(stop_note, STOP_NOTE_MAX)))
		return *field = "stop_note", m;
	if ((m = validate_notes(notes, CONV_NOTES_MAX)))
		return *field = "notes", m;
	return NULL;
}

const char *validate_password(const char *s)
{
	if (!s || strlen(s) < PASSWORD_MIN)
		return N_("A password must have at least 10 characters.");
	if (strlen(s) > PASSWORD_MAX)
		return N_("A password must have at most 1024 characters.");
	return NULL;
}

const char *validate_currency(const char *s)
{
	if (!s || strlen(s) != 3 || !isupper((unsigned char)s[0]) || !isupper((unsigned char)s[1]) ||
	    !isupper((unsigned char)s[2]))
		return N_("A currency is a three-letter ISO code such as EUR or NOK.");
	return NULL;
}

void email_normalise(char *s)
{
	for (; s && *s; s++)
		*s = (char)tolower((unsigned char)*s);
}
