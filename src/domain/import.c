/*
 * import (rules): see import.h. What each kind of import takes, the column
 * headers that CRMs write for those fields, and the words they use for a
 * deal's status, a lost reason, a period or a role. Everything here is a
 * table or a small pure function, so that the import page, the command and
 * the unit tests all read a file the same way.
 *
 * Headers are compared after import_header_norm, so "Close Date",
 * "close_date" and " CLOSE  DATE* " are one header. A preset's own table is
 * tried first, then the generic names (our field codes, their English
 * labels and common synonyms, with a few Dutch and Norwegian ones), so a
 * CRM export with an extra column of ours still maps.
 */
#include "import.h"
#include "reasons.h"
#include "commitment.h"
#include "../lib/csv.h"
#include "../lib/kv.h"
#include "../lib/util.h"
#include <string.h>
#include <stdio.h>

/* --- kinds, presets and fields --- */

static const char *const kind_codes[] = { "reps", "targets", "deals", "results" };
static const char *const preset_codes[] = { "auto", "generic", "salesforce", "hubspot", "pipedrive" };

int import_kind_parse(const char *s)
{
	for (size_t i = 0; s && i < sizeof(kind_codes) / sizeof(kind_codes[0]); i++)
		if (!strcmp(s, kind_codes[i]))
			return (int)i;
	return -1;
}

const char *import_kind_code(enum import_kind k)
{
	return (unsigned)k < sizeof(kind_codes) / sizeof(kind_codes[0]) ? kind_codes[k] : "";
}

int import_preset_parse(const char *s)
{
	for (size_t i = 0; s && i < sizeof(preset_codes) / sizeof(preset_codes[0]); i++)
		if (!strcmp(s, preset_codes[i]))
			return (int)i;
	return -1;
}

const char *import_preset_code(enum import_preset p)
{
	return (unsigned)p < sizeof(preset_codes) / sizeof(preset_codes[0]) ? preset_codes[p] : "";
}

/* the name first: it is the one field a reps file must have (a CRM's team
 * sheet has no e-mail column; such reps cannot sign in until given one) */
static const char *const rep_codes[RF_COUNT] = { "name", "email", "team", "manager", "territory", "segment", "role" };
static const char *const rep_labels[RF_COUNT] = {
	N_("Name"), N_("E-mail"), N_("Team"), N_("Manager"), N_("Territory"), N_("Segment"), N_("Role"),
};
static const char *const target_codes[TF_COUNT] = { "owner", "period", "amount", "currency" };
static const char *const target_labels[TF_COUNT] = { N_("Rep"), N_("Period"), N_("Target"), N_("Currency") };
static const char *const result_labels[TF_COUNT] = { N_("Rep"), N_("Period"), N_("Result"), N_("Currency") };
static const char *const deal_codes[DF_COUNT] = {
	"owner", "amount", "external_id", "title", "account", "currency", "stage", "status", "won", "closed",
	"close_date", "expected_close", "created_date", "product", "lost_reason",
};
static const char *const deal_labels[DF_COUNT] = {
	N_("Owner"), N_("Amount"), N_("External ID"), N_("Title"), N_("Account"), N_("Currency"), N_("Stage"),
	N_("Status"), N_("Won (yes/no)"), N_("Closed (yes/no)"), N_("Close date"), N_("Expected close date"),
	N_("Created date"), N_("Product"), N_("Lost reason"),
};

size_t import_fields(enum import_kind k, const char *const **codes, const char *const **labels, size_t *nrequired)
{
	switch (k) {
	case IMPORT_REPS:
		*codes = rep_codes, *labels = rep_labels, *nrequired = 1;
		return RF_COUNT;
	case IMPORT_TARGETS:
		*codes = target_codes, *labels = target_labels, *nrequired = 3;
		return TF_COUNT;
	case IMPORT_RESULTS:
		*codes = target_codes, *labels = result_labels, *nrequired = 3;
		return TF_COUNT;
	case IMPORT_DEALS:
		*codes = deal_codes, *labels = deal_labels, *nrequired = 2;
		return DF_COUNT;
	}
	*codes = NULL, *labels = NULL, *nrequired = 0;
	return 0;
}

/* what each field accepts, in the order of the codes above; English, for
 * `salesgarden help import` (the commands speak English) */
static const char *const rep_accepts[RF_COUNT] = {
	"the full name (a user of that name is the one meant)",
	"an e-mail address; without one the rep cannot sign in until given one",
	"a team's name; a team that does not exist is created",
	"the e-mail address or name of a manager, who becomes the team's manager",
	"text: the team's territory", "text: the team's segment", "rep or manager",
};
static const char *const number_accepts[TF_COUNT] = {
	"a user's e-mail address or full name",
	"a month (2026-11), quarter (2026-Q1, Q1 2026) or year (2026, FY2026)",
	"an amount, with decimal point or comma", "a three-letter currency code (EUR)",
};
static const char *const deal_accepts[DF_COUNT] = {
	"a user's e-mail address or full name",
	"an amount, with decimal point or comma; may be empty for an open deal",
	"the CRM's id of the deal: importing again updates the same deal",
	"text", "an account's name; a new one is created", "a three-letter currency code (EUR)",
	"a stage's name (unknown ones: --map-stage or --create-missing)",
	"open, won, lost or paused (also in the CRM's words: Closed Won, gewonnen, vunnet)",
	"yes or no", "yes or no", "a date: 2026-11-30 or 30-11-2026", "a date: 2026-11-30 or 30-11-2026",
	"a date: 2026-11-30 or 30-11-2026", "text", "a lost reason in words (price, competitor, ...)",
};

const char *import_field_accepts(enum import_kind k, int field)
{
	const char *const *codes, *const *labels;
	size_t nreq, n = import_fields(k, &codes, &labels, &nreq);
	if (field < 0 || (size_t)field >= n)
		return "";
	return k == IMPORT_REPS ? rep_accepts[field] : k == IMPORT_DEALS ? deal_accepts[field] : number_accepts[field];
}

const char *import_closed_warning(enum import_kind k, const int *field_of_col, size_t ncols, int has_status)
{
	if (k != IMPORT_DEALS || has_status)
		return NULL;
	int close = 0, amount = 0;
	for (size_t i = 0; i < ncols; i++) {
		int f = field_of_col[i];
		if (f == DF_STATUS || f == DF_WON || f == DF_CLOSED || f == DF_STAGE)
			return NULL;
		close |= f == DF_CLOSE_DATE;
		amount |= f == DF_AMOUNT;
	}
	return close && amount ? N_("these look like closed deals (a close date and an amount, but no status): every "
				    "row will be open — set status=won for the whole file?")
			       : NULL;
}

int import_field_index(enum import_kind k, const char *code)
{
	const char *const *codes, *const *labels;
	size_t nreq, n = import_fields(k, &codes, &labels, &nreq);
	for (size_t i = 0; code && i < n; i++)
		if (!strcmp(codes[i], code))
			return (int)i;
	return -1;
}

/* --- headers --- */

static char lower(char c)
{
	return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

static int is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
}

void import_header_norm(const char *h, char *out, size_t cap)
{
	size_t o = 0;
	int space = 0;
	if (!cap)
		return;
	/* a BOM left on the first header by a tool that wrote two */
	if (h && !strncmp(h, "\xEF\xBB\xBF", 3))
		h += 3;
	for (const char *p = h ? h : ""; *p && o + 1 < cap; p++) {
		char c = *p == '_' ? ' ' : lower(*p);
		if (is_space(c)) {
			space = 1;
			continue;
		}
		if (space && o)
			out[o++] = ' ';
		space = 0;
		if (o + 1 < cap)
			out[o++] = c;
	}
	while (o && (out[o - 1] == '*' || out[o - 1] == ':' || out[o - 1] == ' '))
		o--;
	out[o] = '\0';
}

struct hdr {
	const char *header;	/* normalised */
	const char *field;
};

/* Salesforce opportunity report (Lightning "Opportunities" report type, as
 * exported "Details only"), with the columns a sales team usually adds */
static const struct hdr salesforce_deals[] = {
	{ "opportunity id", "external_id" }, { "opportunity name", "title" }, { "account name", "account" },
	{ "opportunity owner", "owner" }, { "owner name", "owner" }, { "opportunity owner email", "owner" },
	{ "amount", "amount" }, { "amount currency", "currency" }, { "opportunity currency", "currency" },
	{ "stage", "stage" }, { "close date", "close_date" }, { "created date", "created_date" },
	{ "product name", "product" }, { "primary product", "product" }, { "loss reason", "lost_reason" },
	{ "closed lost reason", "lost_reason" }, { "reason lost", "lost_reason" }, { "won", "won" },
	{ "closed", "closed" },
};

/* HubSpot CRM deals export ("Export view" of the deals index) */
static const struct hdr hubspot_deals[] = {
	{ "record id", "external_id" }, { "deal id", "external_id" }, { "deal name", "title" },
	{ "associated company", "account" }, { "associated company (primary)", "account" },
	{ "company name", "account" }, { "deal owner", "owner" }, { "amount", "amount" },
	{ "currency", "currency" }, { "deal currency code", "currency" }, { "deal stage", "stage" },
	{ "close date", "close_date" }, { "create date", "created_date" }, { "closed lost reason", "lost_reason" },
	{ "product", "product" }, { "products", "product" }, { "line item", "product" },
	{ "line items", "product" }, { "associated product", "product" },
};

/* Pipedrive deals export ("Export data" of the deals list): every column is
 * "Deal - <field>"; the won and lost times are the closing day of closed
 * deals, the expected close date that of open ones */
static const struct hdr pipedrive_deals[] = {
	{ "deal - id", "external_id" }, { "deal - title", "title" }, { "deal - organization", "account" },
	{ "deal - organisation", "account" }, { "deal - owner", "owner" }, { "deal - value", "amount" },
	{ "deal - currency", "currency" }, { "deal - currency of value", "currency" }, { "deal - stage", "stage" },
	{ "deal - status", "status" }, { "deal - won time", "close_date" }, { "deal - lost time", "close_date" },
	{ "deal - close time", "close_date" }, { "deal - closed on", "close_date" },
	{ "deal - expected close date", "expected_close" }, { "deal - deal created", "created_date" },
	{ "deal - creation date", "created_date" }, { "deal - lost reason", "lost_reason" },
	{ "deal - product name", "product" }, { "deal - products", "product" },
};

/* generic names beyond a field's code and English label */
static const struct hdr generic_reps[] = {
	{ "e-mail", "email" }, { "email address", "email" }, { "e-mail address", "email" }, { "mail", "email" },
	{ "e-mailadres", "email" }, { "emailadres", "email" }, { "e-post", "email" }, { "epost", "email" },
	{ "e-postadresse", "email" }, { "rep email", "email" }, { "user email", "email" }, { "work email", "email" },
	{ "full name", "name" }, { "rep", "name" }, { "rep name", "name" }, { "sales rep", "name" },
	{ "user", "name" }, { "employee", "name" }, { "agent", "name" }, { "agent name", "name" },
	{ "sales agent", "name" }, { "naam", "name" }, { "volledige naam", "name" },
	{ "navn", "name" }, { "fullt navn", "name" }, { "medewerker", "name" }, { "ansatt", "name" },
	{ "team name", "team" }, { "sales team", "team" }, { "teamnaam", "team" }, { "group", "team" },
	{ "office", "team" }, { "regional office", "team" }, { "sales office", "team" }, { "kantoor", "team" },
	{ "kontor", "team" },
	{ "manager email", "manager" }, { "team manager", "manager" }, { "sales manager", "manager" },
	{ "leidinggevende", "manager" }, { "leder", "manager" }, { "region", "territory" }, { "area", "territory" },
	{ "regio", "territory" }, { "rayon", "territory" }, { "gebied", "territory" }, { "distrikt", "territory" },
	{ "område", "territory" }, { "market segment", "segment" }, { "marktsegment", "segment" },
	{ "rol", "role" }, { "rolle", "role" },
};

static const struct hdr generic_numbers[] = {
	{ "rep", "owner" }, { "rep email", "owner" }, { "owner email", "owner" }, { "email", "owner" },
	{ "e-mail", "owner" }, { "name", "owner" }, { "rep name", "owner" }, { "sales rep", "owner" },
	{ "user", "owner" }, { "salesperson", "owner" }, { "account executive", "owner" }, { "eigenaar", "owner" },
	{ "verkoper", "owner" }, { "medewerker", "owner" }, { "selger", "owner" }, { "eier", "owner" },
	{ "ansatt", "owner" }, { "month", "period" }, { "quarter", "period" }, { "year", "period" },
	{ "fiscal year", "period" }, { "periode", "period" }, { "maand", "period" }, { "kwartaal", "period" },
	{ "jaar", "period" }, { "måned", "period" }, { "kvartal", "period" }, { "år", "period" },
	{ "valuta", "currency" }, { "currency code", "currency" },
};
static const struct hdr generic_targets[] = {
	{ "target", "amount" }, { "quota", "amount" }, { "goal", "amount" }, { "target amount", "amount" },
	{ "budget", "amount" }, { "doel", "amount" }, { "quotum", "amount" }, { "streefbedrag", "amount" },
	{ "bedrag", "amount" }, { "mål", "amount" }, { "budsjett", "amount" }, { "beløp", "amount" },
};
static const struct hdr generic_results[] = {
	{ "result", "amount" }, { "results", "amount" }, { "revenue", "amount" }, { "sales", "amount" },
	{ "total", "amount" }, { "actual", "amount" }, { "bookings", "amount" }, { "won", "amount" },
	{ "omzet", "amount" }, { "resultaat", "amount" }, { "bedrag", "amount" }, { "omsetning", "amount" },
	{ "resultat", "amount" }, { "salg", "amount" }, { "beløp", "amount" },
};

static const struct hdr generic_deals[] = {
	{ "deal owner", "owner" }, { "owner email", "owner" }, { "owner name", "owner" }, { "rep", "owner" },
	{ "sales rep", "owner" }, { "salesperson", "owner" }, { "user", "owner" }, { "sales agent", "owner" },
	{ "agent", "owner" }, { "close value", "amount" }, { "engage date", "created_date" },
	{ "account executive", "owner" }, { "eigenaar", "owner" }, { "verkoper", "owner" }, { "selger", "owner" },
	{ "eier", "owner" }, { "ansvarlig", "owner" }, { "value", "amount" }, { "deal value", "amount" },
	{ "deal amount", "amount" }, { "revenue", "amount" }, { "bedrag", "amount" }, { "waarde", "amount" },
	{ "beløp", "amount" }, { "verdi", "amount" }, { "id", "external_id" }, { "external id", "external_id" },
	{ "deal id", "external_id" }, { "crm id", "external_id" }, { "opportunity id", "external_id" }, { "record id", "external_id" },
	{ "kenmerk", "external_id" }, { "referentie", "external_id" }, { "referanse", "external_id" },
	{ "deal", "title" }, { "deal name", "title" }, { "name", "title" }, { "deal title", "title" },
	{ "opportunity", "title" }, { "opportunity name", "title" }, { "subject", "title" }, { "titel", "title" },
	{ "tittel", "title" }, { "naam", "title" }, { "navn", "title" }, { "account name", "account" },
	{ "company", "account" }, { "company name", "account" }, { "customer", "account" }, { "client", "account" },
	{ "organization", "account" }, { "organisation", "account" }, { "klant", "account" },
	{ "bedrijf", "account" }, { "organisatie", "account" }, { "kunde", "account" }, { "firma", "account" },
	{ "selskap", "account" }, { "organisasjon", "account" }, { "valuta", "currency" },
	{ "deal stage", "stage" }, { "pipeline stage", "stage" }, { "fase", "stage" }, { "stadium", "stage" },
	{ "state", "status" }, { "deal status", "status" }, { "is won", "won" }, { "is closed", "closed" },
	{ "closed date", "close_date" }, { "closing date", "close_date" }, { "date closed", "close_date" },
	{ "closed on", "close_date" }, { "closedate", "close_date" }, { "sluitingsdatum", "close_date" },
	{ "afsluitdatum", "close_date" }, { "lukkedato", "close_date" }, { "expected close", "expected_close" },
	{ "verwachte sluitingsdatum", "expected_close" }, { "forventet lukkedato", "expected_close" },
	{ "created", "created_date" }, { "create date", "created_date" }, { "created on", "created_date" },
	{ "creation date", "created_date" }, { "date created", "created_date" },
	{ "aanmaakdatum", "created_date" }, { "aangemaakt", "created_date" }, { "opprettet", "created_date" },
	{ "opprettet dato", "created_date" }, { "product name", "product" }, { "products", "product" },
	{ "line item", "product" }, { "produkt", "product" }, { "productnaam", "product" },
	{ "produktnavn", "product" }, { "loss reason", "lost_reason" }, { "reason lost", "lost_reason" },
	{ "closed lost reason", "lost_reason" }, { "reden verlies", "lost_reason" },
	{ "reden van verlies", "lost_reason" }, { "tapsårsak", "lost_reason" }, { "årsak", "lost_reason" },
};

#define TABLE(t) (t), sizeof(t) / sizeof((t)[0])

static const char *in_table(const struct hdr *t, size_t n, const char *norm)
{
	for (size_t i = 0; i < n; i++)
		if (!strcmp(t[i].header, norm))
			return t[i].field;
	return NULL;
}

static const char *preset_field(enum import_kind k, enum import_preset p, const char *norm)
{
	if (k != IMPORT_DEALS)
		return NULL;	/* CRMs export deals; targets and reps come from sheets */
	switch (p) {
	case PRESET_SALESFORCE: return in_table(TABLE(salesforce_deals), norm);
	case PRESET_HUBSPOT: return in_table(TABLE(hubspot_deals), norm);
	case PRESET_PIPEDRIVE: return in_table(TABLE(pipedrive_deals), norm);
	default: return NULL;
	}
}

static const char *generic_field(enum import_kind k, const char *norm)
{
	const char *const *codes, *const *labels;
	size_t nreq, n = import_fields(k, &codes, &labels, &nreq);
	char buf[64];
	for (size_t i = 0; i < n; i++) {
		import_header_norm(codes[i], buf, sizeof(buf));
		if (!strcmp(buf, norm))
			return codes[i];
		import_header_norm(labels[i], buf, sizeof(buf));
		if (!strcmp(buf, norm))
			return codes[i];
	}
	switch (k) {
	case IMPORT_REPS: return in_table(TABLE(generic_reps), norm);
	case IMPORT_DEALS: return in_table(TABLE(generic_deals), norm);
	case IMPORT_TARGETS: {
		const char *f = in_table(TABLE(generic_targets), norm);
		return f ? f : in_table(TABLE(generic_numbers), norm);
	}
	case IMPORT_RESULTS: {
		const char *f = in_table(TABLE(generic_results), norm);
		return f ? f : in_table(TABLE(generic_numbers), norm);
	}
	}
	return NULL;
}

const char *import_field_for_header(enum import_kind k, enum import_preset p, const char *header)
{
	char norm[128];
	import_header_norm(header, norm, sizeof(norm));
	if (!*norm)
		return NULL;
	const char *f = NULL;
	if (p == PRESET_AUTO) {
		for (int q = PRESET_SALESFORCE; q <= PRESET_PIPEDRIVE && !f; q++)
			f = preset_field(k, (enum import_preset)q, norm);
	} else {
		f = preset_field(k, p, norm);
	}
	return f ? f : generic_field(k, norm);
}

/* The preset whose table knows the most columns. A preset needs at least
 * one column that only it knows ("Opportunity Owner", "Associated
 * Company", "Deal - Title"): "Amount" or "Product" alone say nothing of
 * where a file came from. */
enum import_preset import_detect_preset(enum import_kind k, const char *const *headers, size_t n)
{
	int best = PRESET_GENERIC;
	size_t best_n = 0;
	int tie = 0;
	for (int q = PRESET_SALESFORCE; q <= PRESET_PIPEDRIVE; q++) {
		size_t hits = 0, own = 0;
		char norm[128];
		for (size_t i = 0; i < n; i++) {
			import_header_norm(headers[i], norm, sizeof(norm));
			if (preset_field(k, (enum import_preset)q, norm)) {
				hits++;
				if (!generic_field(k, norm))
					own++;
			}
		}
		if (!own)
			continue;
		if (hits > best_n) {
			best = q, best_n = hits, tie = 0;
		} else if (hits == best_n) {
			tie = 1;
		}
	}
	return tie || !best_n ? PRESET_GENERIC : (enum import_preset)best;
}

enum err import_map_columns(enum import_kind k, enum import_preset p, const char *const *headers, size_t n,
			    const char *const *map, size_t nmap, enum lang l, int *field_of_col,
			    enum import_preset *used, struct strbuf *errmsg)
{
	if (p == PRESET_AUTO)
		p = import_detect_preset(k, headers, n);
	if (used)
		*used = p;
	for (size_t i = 0; i < n; i++)
		field_of_col[i] = import_field_index(k, import_field_for_header(k, p, headers[i]));
	for (size_t m = 0; m < nmap; m++) {
		const char *eq = map[m] ? strrchr(map[m], '=') : NULL;
		if (!eq) {
			if (errmsg)
				sb_addf(errmsg, tr(l, "--map \"%s\": write COLUMN=FIELD"), map[m] ? map[m] : "");
			return E_INVALID;
		}
		char raw[128], col[128], want[128];
		size_t cl = (size_t)(eq - map[m]);
		memcpy(raw, map[m], cl < sizeof(raw) - 1 ? cl : sizeof(raw) - 1);
		raw[cl < sizeof(raw) - 1 ? cl : sizeof(raw) - 1] = '\0';
		import_header_norm(raw, col, sizeof(col));
		const char *field = eq + 1;
		int fi = -1;
		if (*field && (fi = import_field_index(k, field)) < 0) {
			if (errmsg) {
				const char *const *codes, *const *labels;
				size_t nreq, nf = import_fields(k, &codes, &labels, &nreq);
				sb_addf(errmsg, tr(l, "\"%s\" is not a field of this import; the fields are:"), field);
				for (size_t i = 0; i < nf; i++)
					sb_addf(errmsg, "%s %s", i ? "," : "", codes[i]);
			}
			return E_INVALID;
		}
		int found = 0;
		for (size_t i = 0; i < n; i++) {
			import_header_norm(headers[i], want, sizeof(want));
			if (!strcmp(want, col)) {
				field_of_col[i] = fi;
				found = 1;
			}
		}
		if (!found) {
			if (errmsg)
				sb_addf(errmsg, tr(l, "the file has no column \"%.*s\""), (int)cl, map[m]);
			return E_INVALID;
		}
	}
	const char *const *codes, *const *labels;
	size_t nreq;
	import_fields(k, &codes, &labels, &nreq);
	for (size_t f = 0; f < nreq; f++) {
		size_t i;
		for (i = 0; i < n && field_of_col[i] != (int)f; i++)
			;
		if (i < n)
			continue;
		if (errmsg) {
			sb_addf(errmsg, tr(l, "no column for the field \"%s\" (%s); the file's columns are:"), codes[f],
				tr(l, labels[f]));
			for (size_t j = 0; j < n; j++)
				sb_addf(errmsg, "%s \"%s\"", j ? "," : "", headers[j]);
			if (!n)
				sb_adds(errmsg, " -");
		}
		return E_INVALID;
	}
	return E_OK;
}

/* --- the file --- */

/* Windows-1252 0x80..0x9F; the rest of the upper half is Latin-1 */
static const unsigned short cp1252[32] = {
	0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152,
	0xFFFD, 0x017D, 0xFFFD, 0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122,
	0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178,
};

const char *import_utf8(struct arena *a, const char *data, size_t len, size_t *outlen)
{
	if (utf8_valid(data, len)) {
		*outlen = len;
		return data;
	}
	char *o = arena_alloc(a, 3 * len + 1), *w = o;
	for (size_t i = 0; i < len; i++) {
		unsigned c = (unsigned char)data[i];
		if (c < 0x80) {
			*w++ = (char)c;
			continue;
		}
		unsigned u = c < 0xA0 ? cp1252[c - 0x80] : c;
		if (u < 0x800) {
			*w++ = (char)(0xC0 | (u >> 6));
			*w++ = (char)(0x80 | (u & 0x3F));
		} else {
			*w++ = (char)(0xE0 | (u >> 12));
			*w++ = (char)(0x80 | ((u >> 6) & 0x3F));
			*w++ = (char)(0x80 | (u & 0x3F));
		}
	}
	*w = '\0';
	*outlen = (size_t)(w - o);
	return o;
}

enum err import_preview(struct arena *a, const char *data, size_t len, enum import_kind k, enum import_preset p,
			size_t max_rows, struct import_preview *out, struct strbuf *errmsg)
{
	memset(out, 0, sizeof(*out));
	data = import_utf8(a, data, len, &len);
	struct csv_reader *r = csv_open(a, data, len);
	struct csv_record rec;
	struct strbuf err = STRBUF_INIT;
	int got = csv_next(r, &rec, &err);
	if (got <= 0) {
		if (errmsg)
			sb_adds(errmsg, got < 0 ? err.buf : "the file is empty");
		sb_release(&err);
		csv_close(r);
		return E_INVALID;
	}
	out->sep = csv_separator(r);
	out->bom = csv_had_bom(r);
	out->ncols = rec.n;
	out->headers = arena_alloc(a, (rec.n + 1) * sizeof(char *));
	out->fields = arena_alloc(a, (rec.n + 1) * sizeof(char *));
	for (size_t i = 0; i < rec.n; i++)
		out->headers[i] = arena_strdup(a, rec.fields[i]);
	out->preset = p == PRESET_AUTO ? import_detect_preset(k, out->headers, rec.n) : p;
	for (size_t i = 0; i < rec.n; i++)
		out->fields[i] = import_field_for_header(k, out->preset, out->headers[i]);
	out->rows = arena_alloc(a, (max_rows + 1) * sizeof(char **));
	while (out->nrows < max_rows) {
		got = csv_next(r, &rec, &err);
		if (got < 0 && !out->nrows) {
			/* a broken first row is worth saying; later ones show on the run */
			if (errmsg)
				sb_adds(errmsg, err.buf);
			sb_release(&err);
			csv_close(r);
			return E_INVALID;
		}
		if (got <= 0)
			break;
		const char **row = arena_alloc(a, (out->ncols + 1) * sizeof(char *));
		for (size_t i = 0; i < out->ncols; i++)
			row[i] = arena_strdup(a, i < rec.n ? rec.fields[i] : "");
		out->rows[out->nrows++] = row;
	}
	sb_release(&err);
	csv_close(r);
	return E_OK;
}

/* --- cells --- */

/* the text lowercased (ASCII), with '_', '-', '/' and runs of white space
 * as one space, trimmed, into out */
static void word_norm(const char *s, char *out, size_t cap)
{
	size_t o = 0;
	int space = 0;
	for (const char *p = s ? s : ""; *p && o + 1 < cap; p++) {
		char c = lower(*p);
		if (is_space(c) || c == '_' || c == '-' || c == '/' || c == '.' || c == ',' || c == ':' || c == '(' ||
		    c == ')') {
			space = 1;
			continue;
		}
		if (space && o && o + 1 < cap)
			out[o++] = ' ';
		space = 0;
		if (o + 1 < cap)
			out[o++] = c;
	}
	out[o] = '\0';
}

static int in_list(const char *w, const char *const *list)
{
	for (; *list; list++)
		if (!strcmp(w, *list))
			return 1;
	return 0;
}

int import_status_word(const char *s)
{
	static const char *const won[] = { "won", "closed won", "closedwon", "win", "gewonnen", "vunnet",
					   "vunnen", "gewonnen deal", "won deal", "closed won deal", NULL };
	static const char *const lost[] = { "lost", "closed lost", "closedlost", "loss", "verloren", "tapt",
					    "lost deal", "closed lost deal", NULL };
	static const char *const open[] = { "open", "opened", "active", "in progress", "pending", "åpen", "apen",
					    "actief", "aktiv", "lopend", "lopende", NULL };
	static const char *const paused[] = { "paused", "on hold", "hold", "pause", "gepauzeerd", "pauze",
					      "pauset", "på vent", NULL };
	static const char *const deleted[] = { "deleted", "removed", "verwijderd", "slettet", NULL };
	char w[64];
	word_norm(s, w, sizeof(w));
	if (in_list(w, won))
		return IMPORT_ST_WON;
	if (in_list(w, lost))
		return IMPORT_ST_LOST;
	if (in_list(w, open))
		return IMPORT_ST_OPEN;
	if (in_list(w, paused))
		return IMPORT_ST_PAUSED;
	if (in_list(w, deleted))
		return IMPORT_ST_DELETED;
	return IMPORT_ST_UNKNOWN;
}

int import_bool_word(const char *s)
{
	static const char *const yes[] = { "1", "true", "yes", "y", "x", "ja", "j", "waar", "won", "closed",
					   "sant", NULL };
	static const char *const no[] = { "0", "false", "no", "n", "nee", "nei", "onwaar", "usant", "open",
					  NULL };
	char w[16];
	word_norm(s, w, sizeof(w));
	if (in_list(w, yes))
		return 1;
	if (in_list(w, no))
		return 0;
	return -1;
}

/* whether kw occurs in w at the start of a word */
static int has_word(const char *w, const char *kw)
{
	for (const char *p = strstr(w, kw); p; p = strstr(p + 1, kw))
		if (p == w || p[-1] == ' ')
			return 1;
	return 0;
}

int import_lost_reason_exact(const char *text)
{
	char w[64], c[64];
	word_norm(text, w, sizeof(w));
	for (size_t i = 0; i < reason_seed_count; i++) {
		word_norm(reason_seed_codes[i], c, sizeof(c));
		if (!strcmp(w, c))
			return 1;
		word_norm(reason_seed_label(reason_seed_codes[i]), c, sizeof(c));
		if (!strcmp(w, c))
			return 1;
	}
	return 0;
}

const char *import_reason_in_list(const char *text, const struct import_reason *list, size_t n)
{
	char w[256], c[256];
	word_norm(text, w, sizeof(w));
	if (!*w)
		return NULL;
	for (size_t i = 0; i < n; i++) {
		const char *names[3] = { list[i].code, list[i].label, reason_seed_label(list[i].code) };
		for (int k = 0; k < 3; k++) {
			if (!names[k] || !*names[k])
				continue;
			word_norm(names[k], c, sizeof(c));
			if (!strcmp(w, c))
				return list[i].code;
		}
	}
	return NULL;
}

const char *import_lost_reason(const char *text)
{
	/* in order: the first group with a keyword wins, so "no budget" is not
	 * read as "no need" nor "price above budget" as no budget */
	static const struct {
		const char *code;
		const char *words[16];
	} groups[] = {
		{ "no_decision", { "no decision", "no decision made", "undecided", "geen beslissing", "geen besluit",
				   "ingen beslutning", "status quo", "did not decide", "no go", NULL } },
		{ "competitor", { "competitor", "competition", "competing", "concurrent", "concurrentie",
				  "konkurrent", "konkurranse", "konkurrenten", "went with", NULL } },
		{ "price", { "price", "pricing", "too expensive", "expensive", "cost", "prijs", "te duur", "duur",
			     "pris", "for dyrt", "dyrt", "dyr", NULL } },
		{ "no_budget", { "budget", "no budget", "budsjett", "no money", "geen geld", "funding", "ingen penger",
				 NULL } },
		{ "timing", { "timing", "time", "tijd", "tid", "too early", "too late", "not now", "next year",
			      "later", "te vroeg", "for tidlig", NULL } },
		{ "no_need", { "need", "no need", "behoefte", "behov", "not needed", "no interest", "not interested",
			       "geen interesse", "ikke interessert", "interesse", NULL } },
	};
	char w[256], c[64];
	word_norm(text, w, sizeof(w));
	if (!*w)
		return "other";
	for (size_t i = 0; i < reason_seed_count; i++) {
		word_norm(reason_seed_codes[i], c, sizeof(c));
		if (!strcmp(w, c))
			return reason_seed_codes[i];
		word_norm(reason_seed_label(reason_seed_codes[i]), c, sizeof(c));
		if (!strcmp(w, c))
			return reason_seed_codes[i];
	}
	for (size_t g = 0; g < sizeof(groups) / sizeof(groups[0]); g++)
		for (size_t j = 0; groups[g].words[j]; j++)
			if (has_word(w, groups[g].words[j]))
				return groups[g].code;
	return "other";
}

static int digits(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return 1;
}

int import_period_label(const char *s, char out[12])
{
	char w[32];
	size_t o = 0;
	/* uppercase, without spaces: "q1 2026" -> "Q12026" is ambiguous, so
	 * keep one separator where there was one */
	for (const char *p = s ? s : ""; *p && o + 1 < sizeof(w); p++) {
		char c = *p >= 'a' && *p <= 'z' ? (char)(*p - 'a' + 'A') : *p;
		if (is_space(c) || c == '/' || c == '.' || c == '_')
			c = '-';
		if (c == '-' && (!o || w[o - 1] == '-'))
			continue;
		w[o++] = c;
	}
	while (o && w[o - 1] == '-')
		o--;
	w[o] = '\0';
	size_t n = o;
	int y = 0, m = 0, q = 0;
	if (n == 4 && digits(w, 4)) {
		sscanf(w, "%4d", &y);
		snprintf(out, 12, "FY%04d", y);
		return 0;
	}
	if ((n == 6 && !strncmp(w, "FY", 2) && digits(w + 2, 4)) ||
	    (n == 7 && !strncmp(w, "FY-", 3) && digits(w + 3, 4))) {
		sscanf(w + n - 4, "%4d", &y);
		snprintf(out, 12, "FY%04d", y);
		return 0;
	}
	/* 2026-11, 2026-1 */
	if ((n == 7 || n == 6) && digits(w, 4) && w[4] == '-' && digits(w + 5, n - 5)) {
		sscanf(w, "%4d-%d", &y, &m);
	} else if ((n == 7 || n == 6) && w[n - 5] == '-' && digits(w + n - 4, 4) && digits(w, n - 5)) {
		/* 11-2026, 1-2026 */
		sscanf(w, "%d-%4d", &m, &y);
	} else if (n == 7 && digits(w, 4) && w[4] == '-' && w[5] == 'Q' && w[6] >= '1' && w[6] <= '4') {
		sscanf(w, "%4d", &y);
		q = w[6] - '0';
	} else if (n == 6 && digits(w, 4) && w[4] == 'Q' && w[5] >= '1' && w[5] <= '4') {
		sscanf(w, "%4d", &y);
		q = w[5] - '0';
	} else if (n == 7 && w[0] == 'Q' && w[1] >= '1' && w[1] <= '4' && w[2] == '-' && digits(w + 3, 4)) {
		q = w[1] - '0';
		sscanf(w + 3, "%4d", &y);
	} else if (n == 6 && w[0] == 'Q' && w[1] >= '1' && w[1] <= '4' && digits(w + 2, 4)) {
		q = w[1] - '0';
		sscanf(w + 2, "%4d", &y);
	} else {
		return -1;
	}
	if (y < DATE_YEAR_MIN || y > DATE_YEAR_MAX)
		return -1;
	if (q) {
		snprintf(out, 12, "%04d-Q%d", y, q);
		return 0;
	}
	if (m < 1 || m > 12)
		return -1;
	snprintf(out, 12, "%04d-%02d", y, m);
	return 0;
}

const char *import_role_word(const char *s)
{
	static const char *const reps[] = { "rep", "sales rep", "sales representative", "representative",
					    "account executive", "ae", "sales", "seller", "salesperson", "verkoper",
					    "accountmanager", "account manager", "selger", NULL };
	static const char *const managers[] = { "manager", "sales manager", "team manager", "team lead",
						"teamleider", "leidinggevende", "verkoopmanager", "leder",
						"salgssjef", "salgsleder", NULL };
	char w[64];
	word_norm(s, w, sizeof(w));
	if (in_list(w, reps))
		return "rep";
	if (in_list(w, managers))
		return "manager";
	return NULL;
}

void import_derived_id(const char *title, const char *account, const char *owner, const char *created,
		       char out[24])
{
	const char *parts[4] = { title, account, owner, created };
	uint64_t h = 1469598103934665603ULL;
	for (int i = 0; i < 4; i++) {
		for (const char *p = parts[i] ? parts[i] : ""; *p; p++) {
			h ^= (unsigned char)lower(*p);
			h *= 1099511628211ULL;
		}
		h ^= 0x1f;	/* a separator, so ("ab","c") and ("a","bc") differ */
		h *= 1099511628211ULL;
	}
	snprintf(out, 24, "csv:%016llx", (unsigned long long)h);
}
