/*
 * test-import: the rules of the CSV import (src/domain/import.c) — which
 * headers of a Salesforce, HubSpot or Pipedrive export map to which of our
 * fields, how a file's preset is recognised, the --map overrides and the
 * message for a missing column, the words CRMs use for a status, a yes/no
 * flag, a lost reason, a period and a role, the made-up external id, the
 * reading of a Windows-1252 file, and the preview of a small file.
 */
#include <check.h>
#include <string.h>
#include "check-util.h"
#include "domain/import.h"
#include "lib/arena.h"

START_TEST(kinds_and_presets)
{
	static const char *const kinds[] = { "reps", "targets", "deals", "results" };
	for (size_t i = 0; i < N_ELEMS(kinds); i++) {
		ck_assert_int_eq(import_kind_parse(kinds[i]), (int)i);
		ck_str(import_kind_code((enum import_kind)i), kinds[i], "kind code");
	}
	static const char *const presets[] = { "auto", "generic", "salesforce", "hubspot", "pipedrive" };
	for (size_t i = 0; i < N_ELEMS(presets); i++) {
		ck_assert_int_eq(import_preset_parse(presets[i]), (int)i);
		ck_str(import_preset_code((enum import_preset)i), presets[i], "preset code");
	}
	ck_assert_int_eq(import_kind_parse("Deals"), -1);
	ck_assert_int_eq(import_kind_parse(""), -1);
	ck_assert_int_eq(import_kind_parse(NULL), -1);
	ck_assert_int_eq(import_preset_parse("zoho"), -1);
}
END_TEST

START_TEST(fields_per_kind)
{
	static const struct {
		enum import_kind k;
		size_t n, nreq;
		const char *first, *second, *last;
	} cases[] = {
		/* a CRM's team sheet has no e-mail column: the name alone is required */
		{ IMPORT_REPS, RF_COUNT, 1, "name", "email", "role" },
		{ IMPORT_TARGETS, TF_COUNT, 3, "owner", "period", "currency" },
		{ IMPORT_RESULTS, TF_COUNT, 3, "owner", "period", "currency" },
		{ IMPORT_DEALS, DF_COUNT, 2, "owner", "amount", "lost_reason" },
	};
	for (size_t i = 0; i < N_ELEMS(cases); i++) {
		const char *const *codes, *const *labels;
		size_t nreq;
		size_t n = import_fields(cases[i].k, &codes, &labels, &nreq);
		ck_assert_uint_eq(n, cases[i].n);
		ck_assert_uint_eq(nreq, cases[i].nreq);
		ck_str(codes[0], cases[i].first, "first field");
		ck_str(codes[1], cases[i].second, "second field");
		ck_str(codes[n - 1], cases[i].last, "last field");
		for (size_t f = 0; f < n; f++) {
			ck_assert_int_eq(import_field_index(cases[i].k, codes[f]), (int)f);
			ck_assert_msg(labels[f] && *labels[f], "label of %s", codes[f]);
		}
	}
	const char *const *codes, *const *labels;
	size_t nreq;
	import_fields(IMPORT_TARGETS, &codes, &labels, &nreq);
	ck_str(labels[TF_AMOUNT], "Target", "targets' amount label");
	import_fields(IMPORT_RESULTS, &codes, &labels, &nreq);
	ck_str(labels[TF_AMOUNT], "Result", "results' amount label");
	ck_assert_int_eq(import_field_index(IMPORT_DEALS, "period"), -1);
	ck_assert_int_eq(import_field_index(IMPORT_DEALS, "close_date"), DF_CLOSE_DATE);
	/* every field says what it accepts (help import lists it) */
	for (int k = IMPORT_REPS; k <= IMPORT_RESULTS; k++) {
		size_t n = import_fields((enum import_kind)k, &codes, &labels, &nreq);
		for (size_t f = 0; f < n; f++)
			ck_assert_msg(*import_field_accepts((enum import_kind)k, (int)f), "accepts of %s", codes[f]);
		ck_str(import_field_accepts((enum import_kind)k, (int)n), "", "beyond the fields");
	}
}
END_TEST

START_TEST(closed_warning)
{
	/* a close date and an amount, nothing about the status: closed deals
	 * that would all go in as open ones */
	int cols[] = { DF_EXTERNAL_ID, DF_TITLE, DF_OWNER, DF_CLOSE_DATE, DF_AMOUNT, -1 };
	ck_assert_ptr_nonnull(import_closed_warning(IMPORT_DEALS, cols, 6, 0));
	ck_assert_ptr_null(import_closed_warning(IMPORT_DEALS, cols, 6, 1));	/* --set status=... */
	ck_assert_ptr_null(import_closed_warning(IMPORT_TARGETS, cols, 6, 0));
	for (int f = 0; f < 4; f++) {
		static const int says[] = { DF_STATUS, DF_WON, DF_CLOSED, DF_STAGE };
		cols[5] = says[f];
		ck_assert_ptr_null(import_closed_warning(IMPORT_DEALS, cols, 6, 0));
	}
	int open_only[] = { DF_OWNER, DF_AMOUNT, DF_EXPECTED_CLOSE };
	ck_assert_ptr_null(import_closed_warning(IMPORT_DEALS, open_only, 3, 0));
}
END_TEST

START_TEST(header_norm)
{
	static const struct {
		const char *in, *out;
	} cases[] = {
		{ "Close Date", "close date" },
		{ "close_date", "close date" },
		{ "  CLOSE   DATE*  ", "close date" },
		{ "Amount:", "amount" },
		{ "\xEF\xBB\xBFRecord ID", "record id" },
		{ "Deal - Title", "deal - title" },
		{ "Beløp", "beløp" },
		{ "", "" },
		{ "\t\r\n", "" },
	};
	for (size_t i = 0; i < N_ELEMS(cases); i++) {
		char buf[64];
		import_header_norm(cases[i].in, buf, sizeof(buf));
		ck_str(buf, cases[i].out, cases[i].in);
	}
	char small[5];
	import_header_norm("Opportunity", small, sizeof(small));
	ck_str(small, "oppo", "cut to the buffer");
}
END_TEST

START_TEST(headers_to_fields)
{
	static const struct {
		enum import_kind k;
		enum import_preset p;
		const char *header, *field;	/* NULL: not mapped */
	} cases[] = {
		/* Salesforce opportunity report */
		{ IMPORT_DEALS, PRESET_SALESFORCE, "Opportunity ID", "external_id" },
		{ IMPORT_DEALS, PRESET_SALESFORCE, "Opportunity Name", "title" },
		{ IMPORT_DEALS, PRESET_SALESFORCE, "Account Name", "account" },
		{ IMPORT_DEALS, PRESET_SALESFORCE, "Opportunity Owner", "owner" },
		{ IMPORT_DEALS, PRESET_SALESFORCE, "Amount", "amount" },
		{ IMPORT_DEALS, PRESET_SALESFORCE, "Amount Currency", "currency" },
		{ IMPORT_DEALS, PRESET_SALESFORCE, "Opportunity Currency", "currency" },
		{ IMPORT_DEALS, PRESET_SALESFORCE, "Stage", "stage" },
		{ IMPORT_DEALS, PRESET_SALESFORCE, "Close Date", "close_date" },
		{ IMPORT_DEALS, PRESET_SALESFORCE, "Created Date", "created_date" },
		{ IMPORT_DEALS, PRESET_SALESFORCE, "Product Name", "product" },
		{ IMPORT_DEALS, PRESET_SALESFORCE, "Loss Reason", "lost_reason" },
		{ IMPORT_DEALS, PRESET_SALESFORCE, "Closed Lost Reason", "lost_reason" },
		{ IMPORT_DEALS, PRESET_SALESFORCE, "Won", "won" },
		{ IMPORT_DEALS, PRESET_SALESFORCE, "Closed", "closed" },
		{ IMPORT_DEALS, PRESET_SALESFORCE, "Fiscal Period", NULL },
		/* HubSpot deals export */
		{ IMPORT_DEALS, PRESET_HUBSPOT, "Record ID", "external_id" },
		{ IMPORT_DEALS, PRESET_HUBSPOT, "Deal Name", "title" },
		{ IMPORT_DEALS, PRESET_HUBSPOT, "Associated Company", "account" },
		{ IMPORT_DEALS, PRESET_HUBSPOT, "Company name", "account" },
		{ IMPORT_DEALS, PRESET_HUBSPOT, "Deal owner", "owner" },
		{ IMPORT_DEALS, PRESET_HUBSPOT, "Deal Stage", "stage" },
		{ IMPORT_DEALS, PRESET_HUBSPOT, "Create Date", "created_date" },
		{ IMPORT_DEALS, PRESET_HUBSPOT, "Closed lost reason", "lost_reason" },
		{ IMPORT_DEALS, PRESET_HUBSPOT, "Line item", "product" },
		{ IMPORT_DEALS, PRESET_HUBSPOT, "Pipeline", NULL },
		/* Pipedrive deals export */
		{ IMPORT_DEALS, PRESET_PIPEDRIVE, "Deal - ID", "external_id" },
		{ IMPORT_DEALS, PRESET_PIPEDRIVE, "Deal - Title", "title" },
		{ IMPORT_DEALS, PRESET_PIPEDRIVE, "Deal - Organization", "account" },
		{ IMPORT_DEALS, PRESET_PIPEDRIVE, "Deal - Owner", "owner" },
		{ IMPORT_DEALS, PRESET_PIPEDRIVE, "Deal - Value", "amount" },
		{ IMPORT_DEALS, PRESET_PIPEDRIVE, "Deal - Currency", "currency" },
		{ IMPORT_DEALS, PRESET_PIPEDRIVE, "Deal - Status", "status" },
		{ IMPORT_DEALS, PRESET_PIPEDRIVE, "Deal - Won time", "close_date" },
		{ IMPORT_DEALS, PRESET_PIPEDRIVE, "Deal - Lost time", "close_date" },
		{ IMPORT_DEALS, PRESET_PIPEDRIVE, "Deal - Expected close date", "expected_close" },
		{ IMPORT_DEALS, PRESET_PIPEDRIVE, "Deal - Deal created", "created_date" },
		{ IMPORT_DEALS, PRESET_PIPEDRIVE, "Deal - Lost reason", "lost_reason" },
		{ IMPORT_DEALS, PRESET_PIPEDRIVE, "Deal - Product name", "product" },
		{ IMPORT_DEALS, PRESET_PIPEDRIVE, "Deal - Weighted value", NULL },
		/* a preset falls back on the generic names */
		{ IMPORT_DEALS, PRESET_PIPEDRIVE, "Owner", "owner" },
		{ IMPORT_DEALS, PRESET_HUBSPOT, "external_id", "external_id" },
		/* auto tries every preset */
		{ IMPORT_DEALS, PRESET_AUTO, "Opportunity Owner", "owner" },
		{ IMPORT_DEALS, PRESET_AUTO, "Deal - Value", "amount" },
		{ IMPORT_DEALS, PRESET_AUTO, "Associated Company", "account" },
		/* generic: codes, English labels, synonyms in three languages */
		{ IMPORT_DEALS, PRESET_GENERIC, "close_date", "close_date" },
		{ IMPORT_DEALS, PRESET_GENERIC, "Close date", "close_date" },
		{ IMPORT_DEALS, PRESET_GENERIC, "Won (yes/no)", "won" },
		{ IMPORT_DEALS, PRESET_GENERIC, "Value", "amount" },
		{ IMPORT_DEALS, PRESET_GENERIC, "Bedrag", "amount" },
		{ IMPORT_DEALS, PRESET_GENERIC, "Beløp", "amount" },
		{ IMPORT_DEALS, PRESET_GENERIC, "Klant", "account" },
		{ IMPORT_DEALS, PRESET_GENERIC, "Verkoper", "owner" },
		{ IMPORT_DEALS, PRESET_GENERIC, "Selger", "owner" },
		{ IMPORT_DEALS, PRESET_GENERIC, "Sluitingsdatum", "close_date" },
		{ IMPORT_DEALS, PRESET_GENERIC, "Reden verlies", "lost_reason" },
		{ IMPORT_DEALS, PRESET_GENERIC, "Kenmerk", "external_id" },
		{ IMPORT_DEALS, PRESET_GENERIC, "Opportunity Owner", NULL },
		{ IMPORT_DEALS, PRESET_GENERIC, "Period", NULL },
		{ IMPORT_REPS, PRESET_GENERIC, "Email", "email" },
		{ IMPORT_REPS, PRESET_GENERIC, "E-mail address", "email" },
		{ IMPORT_REPS, PRESET_GENERIC, "E-postadresse", "email" },
		{ IMPORT_REPS, PRESET_GENERIC, "Full name", "name" },
		{ IMPORT_REPS, PRESET_GENERIC, "Naam", "name" },
		{ IMPORT_REPS, PRESET_GENERIC, "Region", "territory" },
		{ IMPORT_REPS, PRESET_GENERIC, "Segment", "segment" },
		{ IMPORT_REPS, PRESET_GENERIC, "Role", "role" },
		{ IMPORT_REPS, PRESET_GENERIC, "Amount", NULL },
		{ IMPORT_REPS, PRESET_SALESFORCE, "Email", "email" },
		{ IMPORT_TARGETS, PRESET_GENERIC, "Rep", "owner" },
		{ IMPORT_TARGETS, PRESET_GENERIC, "Owner email", "owner" },
		{ IMPORT_TARGETS, PRESET_GENERIC, "Month", "period" },
		{ IMPORT_TARGETS, PRESET_GENERIC, "Quarter", "period" },
		{ IMPORT_TARGETS, PRESET_GENERIC, "Quota", "amount" },
		{ IMPORT_TARGETS, PRESET_GENERIC, "Target", "amount" },
		{ IMPORT_TARGETS, PRESET_GENERIC, "Budsjett", "amount" },
		{ IMPORT_TARGETS, PRESET_GENERIC, "Revenue", NULL },
		{ IMPORT_RESULTS, PRESET_GENERIC, "Revenue", "amount" },
		{ IMPORT_RESULTS, PRESET_GENERIC, "Omzet", "amount" },
		{ IMPORT_RESULTS, PRESET_GENERIC, "Result", "amount" },
		{ IMPORT_RESULTS, PRESET_GENERIC, "Maand", "period" },
		{ IMPORT_RESULTS, PRESET_GENERIC, "Quota", NULL },
	};
	for (size_t i = 0; i < N_ELEMS(cases); i++) {
		const char *got = import_field_for_header(cases[i].k, cases[i].p, cases[i].header);
		if (!cases[i].field)
			ck_assert_msg(!got, "case %zu: \"%s\" maps to %s", i, cases[i].header, got);
		else
			ck_str(got, cases[i].field, cases[i].header);
	}
}
END_TEST

START_TEST(preset_detection)
{
	/* the header rows of the fixtures in tests/fixtures/import */
	static const char *const sf[] = { "Opportunity ID", "Opportunity Name", "Account Name", "Opportunity Owner",
					  "Amount Currency", "Amount", "Stage", "Close Date", "Created Date",
					  "Product Name", "Loss Reason", "Won", "Closed" };
	static const char *const hs[] = { "Record ID", "Deal Name", "Associated Company", "Deal owner", "Amount",
					  "Currency", "Deal Stage", "Close Date", "Create Date", "Closed lost reason",
					  "Product", "Pipeline" };
	static const char *const pd[] = { "Deal - ID", "Deal - Title", "Deal - Organization", "Deal - Owner",
					  "Deal - Value", "Deal - Currency", "Deal - Stage", "Deal - Status",
					  "Deal - Won time", "Deal - Lost time", "Deal - Expected close date",
					  "Deal - Deal created", "Deal - Lost reason", "Deal - Product name" };
	static const char *const ours[] = { "External ID", "Title", "Account", "Owner", "Amount", "Close date",
					    "Status" };
	/* words every CRM uses say nothing of where a file came from */
	static const char *const common[] = { "Kenmerk", "Titel", "Amount", "Close Date", "Product" };
	ck_assert_int_eq(import_detect_preset(IMPORT_DEALS, sf, N_ELEMS(sf)), PRESET_SALESFORCE);
	ck_assert_int_eq(import_detect_preset(IMPORT_DEALS, hs, N_ELEMS(hs)), PRESET_HUBSPOT);
	ck_assert_int_eq(import_detect_preset(IMPORT_DEALS, pd, N_ELEMS(pd)), PRESET_PIPEDRIVE);
	ck_assert_int_eq(import_detect_preset(IMPORT_DEALS, ours, N_ELEMS(ours)), PRESET_GENERIC);
	ck_assert_int_eq(import_detect_preset(IMPORT_DEALS, common, N_ELEMS(common)), PRESET_GENERIC);
	ck_assert_int_eq(import_detect_preset(IMPORT_DEALS, NULL, 0), PRESET_GENERIC);
	/* CRMs export deals; other kinds are always generic */
	ck_assert_int_eq(import_detect_preset(IMPORT_REPS, sf, N_ELEMS(sf)), PRESET_GENERIC);
}
END_TEST

START_TEST(column_mapping)
{
	static const char *const h[] = { "Opportunity Owner", "Amount", "Stage", "Notes", "Owner" };
	int f[5];
	enum import_preset used = PRESET_AUTO;
	struct strbuf err = STRBUF_INIT;
	ck_assert_int_eq(import_map_columns(IMPORT_DEALS, PRESET_AUTO, h, 5, NULL, 0, LANG_EN, f, &used, &err), E_OK);
	ck_assert_int_eq(used, PRESET_SALESFORCE);
	ck_assert_int_eq(f[0], DF_OWNER);
	ck_assert_int_eq(f[1], DF_AMOUNT);
	ck_assert_int_eq(f[2], DF_STAGE);
	ck_assert_int_eq(f[3], -1);
	ck_assert_int_eq(f[4], DF_OWNER);	/* two columns may feed one field */

	/* overrides: a column to another field, a column ignored */
	static const char *const map[] = { "notes=lost_reason", " owner =" };
	ck_assert_int_eq(import_map_columns(IMPORT_DEALS, PRESET_AUTO, h, 5, map, 2, LANG_EN, f, &used, &err), E_OK);
	ck_assert_int_eq(f[3], DF_LOST_REASON);
	ck_assert_int_eq(f[4], -1);
	ck_assert_int_eq(f[0], DF_OWNER);

	static const char *const bad_field[] = { "Notes=colour" };
	sb_reset(&err);
	ck_assert_int_eq(import_map_columns(IMPORT_DEALS, PRESET_AUTO, h, 5, bad_field, 1, LANG_EN, f, &used, &err),
			 E_INVALID);
	ck_assert_msg(strstr(err.buf, "\"colour\" is not a field") && strstr(err.buf, "lost_reason"), "%s", err.buf);

	static const char *const bad_col[] = { "Probability=amount" };
	sb_reset(&err);
	ck_assert_int_eq(import_map_columns(IMPORT_DEALS, PRESET_AUTO, h, 5, bad_col, 1, LANG_EN, f, &used, &err),
			 E_INVALID);
	ck_assert_msg(strstr(err.buf, "no column \"Probability\""), "%s", err.buf);

	static const char *const no_eq[] = { "Notes" };
	sb_reset(&err);
	ck_assert_int_eq(import_map_columns(IMPORT_DEALS, PRESET_AUTO, h, 5, no_eq, 1, LANG_EN, f, &used, &err),
			 E_INVALID);

	/* a required field without a column names the field and the columns */
	static const char *const no_amount[] = { "Owner", "Title" };
	sb_reset(&err);
	ck_assert_int_eq(import_map_columns(IMPORT_DEALS, PRESET_GENERIC, no_amount, 2, NULL, 0, LANG_EN, f, &used,
					    &err), E_INVALID);
	ck_str(err.buf, "no column for the field \"amount\" (Amount); the file's columns are: \"Owner\", \"Title\"",
	       "missing column");
	/* ignoring the only owner column makes it missing too */
	static const char *const drop_owner[] = { "Owner=" };
	sb_reset(&err);
	ck_assert_int_eq(import_map_columns(IMPORT_DEALS, PRESET_AUTO, h + 4, 1, drop_owner, 1, LANG_EN, f, &used, &err),
			 E_INVALID);
	ck_assert_msg(strstr(err.buf, "\"owner\""), "%s", err.buf);
	sb_release(&err);
}
END_TEST

START_TEST(status_words)
{
	static const struct {
		const char *in;
		int want;
	} cases[] = {
		{ "won", IMPORT_ST_WON }, { "Won", IMPORT_ST_WON }, { "Closed Won", IMPORT_ST_WON },
		{ "closedwon", IMPORT_ST_WON }, { "closed_won", IMPORT_ST_WON }, { "Closed - Won", IMPORT_ST_WON },
		{ "Gewonnen", IMPORT_ST_WON }, { "vunnet", IMPORT_ST_WON },
		{ "lost", IMPORT_ST_LOST }, { "Closed Lost", IMPORT_ST_LOST }, { "closedlost", IMPORT_ST_LOST },
		{ "Verloren", IMPORT_ST_LOST }, { "Tapt", IMPORT_ST_LOST },
		{ "open", IMPORT_ST_OPEN }, { "Open", IMPORT_ST_OPEN }, { "In progress", IMPORT_ST_OPEN },
		{ "paused", IMPORT_ST_PAUSED }, { "On hold", IMPORT_ST_PAUSED },
		{ "deleted", IMPORT_ST_DELETED }, { "Deleted", IMPORT_ST_DELETED },
		{ "appointmentscheduled", IMPORT_ST_UNKNOWN }, { "Proposal", IMPORT_ST_UNKNOWN },
		{ "", IMPORT_ST_UNKNOWN }, { "wonderful", IMPORT_ST_UNKNOWN },
	};
	for (size_t i = 0; i < N_ELEMS(cases); i++)
		ck_assert_msg(import_status_word(cases[i].in) == cases[i].want, "\"%s\": got %d, want %d", cases[i].in,
			      import_status_word(cases[i].in), cases[i].want);
}
END_TEST

START_TEST(bool_words)
{
	static const struct {
		const char *in;
		int want;
	} cases[] = {
		{ "true", 1 }, { "TRUE", 1 }, { "yes", 1 }, { "1", 1 }, { "x", 1 }, { "Ja", 1 },
		{ "false", 0 }, { "FALSE", 0 }, { "no", 0 }, { "0", 0 }, { "nee", 0 }, { "Nei", 0 },
		{ "maybe", -1 }, { "", -1 }, { "2", -1 },
	};
	for (size_t i = 0; i < N_ELEMS(cases); i++)
		ck_assert_msg(import_bool_word(cases[i].in) == cases[i].want, "\"%s\"", cases[i].in);
}
END_TEST

START_TEST(lost_reasons)
{
	static const struct {
		const char *in, *want;
		int exact;
	} cases[] = {
		/* our codes and labels */
		{ "price", "price", 1 }, { "no_budget", "no_budget", 1 }, { "No budget", "no_budget", 1 },
		{ "No decision", "no_decision", 1 }, { "Other", "other", 1 }, { "timing", "timing", 1 },
		/* English */
		{ "Too expensive", "price", 0 }, { "Pricing", "price", 0 }, { "Went with a competitor", "competitor", 0 },
		{ "Lost to competition", "competitor", 0 }, { "No budget this year", "no_budget", 0 },
		{ "Bad timing", "timing", 0 }, { "Not now, maybe next year", "timing", 0 },
		{ "No need", "no_need", 1 }, { "Customer had no decision", "no_decision", 0 },
		/* Dutch */
		{ "Te duur", "price", 0 }, { "Prijs te hoog", "price", 0 }, { "Concurrent was goedkoper", "competitor", 0 },
		{ "Geen budget", "no_budget", 0 }, { "Verkeerde tijd", "timing", 0 },
		{ "Geen beslissing", "no_decision", 0 }, { "Geen behoefte", "no_need", 0 },
		/* Norwegian */
		{ "For dyrt", "price", 0 }, { "Pris for høy", "price", 0 }, { "Valgte konkurrent", "competitor", 0 },
		{ "Ikke budsjett", "no_budget", 0 }, { "Feil tid", "timing", 0 }, { "Ingen beslutning", "no_decision", 0 },
		{ "Ikke behov", "no_need", 0 },
		/* nothing that fits: other, and the text is kept as the note */
		{ "Champion left the company", "other", 0 }, { "", "other", 0 },
		/* a keyword only counts at the start of a word */
		{ "sometimes", "other", 0 }, { "unprecedented", "other", 0 },
	};
	for (size_t i = 0; i < N_ELEMS(cases); i++) {
		ck_str(import_lost_reason(cases[i].in), cases[i].want, cases[i].in);
		ck_assert_msg(import_lost_reason_exact(cases[i].in) == cases[i].exact, "exact \"%s\"", cases[i].in);
	}
}
END_TEST

START_TEST(period_labels)
{
	static const struct {
		const char *in, *want;	/* NULL: refused */
	} cases[] = {
		{ "2026-11", "2026-11" }, { "2026-1", "2026-01" }, { "11-2026", "2026-11" }, { "1-2026", "2026-01" },
		{ "2026/11", "2026-11" }, { "11/2026", "2026-11" }, { "2026.11", "2026-11" }, { " 2026-11 ", "2026-11" },
		{ "2026-Q1", "2026-Q1" }, { "2026-q4", "2026-Q4" }, { "Q1 2026", "2026-Q1" }, { "Q2-2026", "2026-Q2" },
		{ "2026 Q3", "2026-Q3" }, { "2026Q3", "2026-Q3" }, { "Q32026", "2026-Q3" },
		{ "FY2026", "FY2026" }, { "fy 2026", "FY2026" }, { "FY-2026", "FY2026" }, { "2026", "FY2026" },
		{ "2026-13", NULL }, { "13-2026", NULL }, { "2026-Q5", NULL }, { "2026-11-01", NULL }, { "", NULL },
		{ "November", NULL }, { "26-11", NULL }, { "FY26", NULL },
	};
	for (size_t i = 0; i < N_ELEMS(cases); i++) {
		char out[12] = "";
		int r = import_period_label(cases[i].in, out);
		if (!cases[i].want)
			ck_assert_msg(r == -1, "\"%s\" accepted as %s", cases[i].in, out);
		else {
			ck_assert_msg(r == 0, "\"%s\" refused", cases[i].in);
			ck_str(out, cases[i].want, cases[i].in);
		}
	}
}
END_TEST

START_TEST(role_words)
{
	ck_str(import_role_word("rep"), "rep", "rep");
	ck_str(import_role_word("Sales Rep"), "rep", "Sales Rep");
	ck_str(import_role_word("Account Executive"), "rep", "AE");
	ck_str(import_role_word("verkoper"), "rep", "verkoper");
	ck_str(import_role_word("Selger"), "rep", "Selger");
	ck_str(import_role_word("Manager"), "manager", "Manager");
	ck_str(import_role_word("sales_manager"), "manager", "sales_manager");
	ck_str(import_role_word("Teamleider"), "manager", "Teamleider");
	ck_str(import_role_word("Salgssjef"), "manager", "Salgssjef");
	/* an import does not make admins */
	ck_assert_ptr_null(import_role_word("admin"));
	ck_assert_ptr_null(import_role_word(""));
}
END_TEST

START_TEST(derived_ids)
{
	char a[24], b[24], c[24], d[24];
	import_derived_id("Acme renewal", "Globex", "Rita Rep", "2026-01-02", a);
	import_derived_id("ACME RENEWAL", "globex", "rita rep", "2026-01-02", b);
	import_derived_id("Acme renewal", "Globex", "Rita Rep", "2026-01-03", c);
	/* the parts are kept apart: ("ab", "c") is not ("a", "bc") */
	import_derived_id("Acme renewa", "lGlobex", "Rita Rep", "2026-01-02", d);
	ck_assert_uint_eq(strlen(a), 20);
	ck_assert_msg(!strncmp(a, "csv:", 4), "%s", a);
	ck_str(a, b, "case does not matter");
	ck_assert_str_ne(a, c);
	ck_assert_str_ne(a, d);
}
END_TEST

START_TEST(windows_1252)
{
	struct arena *ar = arena_new();
	size_t n;
	const char *utf = "caf\xC3\xA9";
	ck_assert_ptr_eq(import_utf8(ar, utf, strlen(utf), &n), utf);	/* UTF-8 stays as it is */
	const char *w = "Caf\xE9;\x80 1.234,50;Bj\xF8rn";
	const char *u = import_utf8(ar, w, strlen(w), &n);
	ck_str(u, "Caf\xC3\xA9;\xE2\x82\xAC 1.234,50;Bj\xC3\xB8rn", "Windows-1252 read");
	ck_assert_uint_eq(n, strlen(u));
	arena_free(ar);
}
END_TEST

START_TEST(preview)
{
	struct arena *ar = arena_new();
	/* Dutch Excel: BOM, semicolons, CRLF, decimal comma, a short row */
	const char *csv = "\xEF\xBB\xBFVerkoper;Bedrag;Sluitingsdatum;Opmerking\r\n"
			  "Rita Rep;1.234,50;05-03-2026;eerste\r\n"
			  "rob@acme.test;\"980,00\";20-04-2026\r\n"
			  "Rita Rep;12;01-01-2026;derde\r\n";
	struct import_preview pv;
	struct strbuf err = STRBUF_INIT;
	ck_assert_int_eq(import_preview(ar, csv, strlen(csv), IMPORT_DEALS, PRESET_AUTO, 2, &pv, &err), E_OK);
	ck_assert_int_eq(pv.sep, ';');
	ck_assert_int_eq(pv.bom, 1);
	ck_assert_int_eq(pv.preset, PRESET_GENERIC);
	ck_assert_uint_eq(pv.ncols, 4);
	ck_str(pv.headers[0], "Verkoper", "first header, without the BOM");
	ck_str(pv.fields[0], "owner", "Verkoper");
	ck_str(pv.fields[1], "amount", "Bedrag");
	ck_str(pv.fields[2], "close_date", "Sluitingsdatum");
	ck_assert_ptr_null(pv.fields[3]);
	ck_assert_uint_eq(pv.nrows, 2);
	ck_str(pv.rows[0][1], "1.234,50", "cell as written");
	ck_str(pv.rows[1][1], "980,00", "quoted cell");
	ck_str(pv.rows[1][3], "", "missing cell");

	/* a Pipedrive export is recognised */
	const char *pd = "Deal - Title,Deal - Owner,Deal - Value\nNordlys,Rita Rep,100\n";
	ck_assert_int_eq(import_preview(ar, pd, strlen(pd), IMPORT_DEALS, PRESET_AUTO, 10, &pv, &err), E_OK);
	ck_assert_int_eq(pv.preset, PRESET_PIPEDRIVE);
	ck_assert_int_eq(pv.sep, ',');
	ck_assert_int_eq(pv.bom, 0);
	ck_assert_uint_eq(pv.nrows, 1);
	/* the preset asked for is used */
	ck_assert_int_eq(import_preview(ar, pd, strlen(pd), IMPORT_DEALS, PRESET_GENERIC, 10, &pv, &err), E_OK);
	ck_assert_int_eq(pv.preset, PRESET_GENERIC);
	ck_assert_ptr_null(pv.fields[0]);

	/* nothing to read */
	sb_reset(&err);
	ck_assert_int_eq(import_preview(ar, "", 0, IMPORT_DEALS, PRESET_AUTO, 10, &pv, &err), E_INVALID);
	ck_assert_msg(err.len > 0, "a reason is given");
	sb_release(&err);
	arena_free(ar);
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("import");
	TCase *tc = tcase_create("rules");
	tcase_add_test(tc, kinds_and_presets);
	tcase_add_test(tc, fields_per_kind);
	tcase_add_test(tc, closed_warning);
	tcase_add_test(tc, header_norm);
	tcase_add_test(tc, headers_to_fields);
	tcase_add_test(tc, preset_detection);
	tcase_add_test(tc, column_mapping);
	tcase_add_test(tc, status_words);
	tcase_add_test(tc, bool_words);
	tcase_add_test(tc, lost_reasons);
	tcase_add_test(tc, period_labels);
	tcase_add_test(tc, role_words);
	tcase_add_test(tc, derived_ids);
	tcase_add_test(tc, windows_1252);
	tcase_add_test(tc, preview);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return run_suite(suite());
}
