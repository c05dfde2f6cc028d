/*
 * api-describe: GET /api/v1 and /api/v1/openapi.json — the OpenAPI 3.0
 * description of the API. It is built with jansson from the same vocabulary
 * the endpoints use (API_LIMIT_*, the error codes of lib/err.h), so it cannot
 * be invalid JSON and stays close to the code it describes. When an endpoint
 * changes, change its entry here in the same commit.
 */
#include "api.h"
#include "../domain/validate.h"
#include "../domain/commitment.h"
#include <stdio.h>
#include <string.h>

/* {"$ref": "#/components/<kind>/<name>"} */
static json_t *ref(const char *kind, const char *name)
{
	char buf[128];
	snprintf(buf, sizeof(buf), "#/components/%s/%s", kind, name);
	return json_pack("{s:s}", "$ref", buf);
}

static json_t *schema_ref(const char *name)
{
	return ref("schemas", name);
}

/* a response with a JSON body */
static json_t *json_response(const char *description, json_t *schema)
{
	return json_pack("{s:s, s:{s:{s:o}}}", "description", description,
			 "content", "application/json", "schema", schema);
}

static json_t *str_schema(const char *description)
{
	return json_pack("{s:s, s:s}", "type", "string", "description", description);
}

static json_t *int_schema(const char *description)
{
	return json_pack("{s:s, s:s, s:s}", "type", "integer", "format", "int64", "description", description);
}

/* an id that is null when there is none */
static json_t *nullable_id(const char *description)
{
	return json_pack("{s:s, s:s, s:b, s:s}", "type", "integer", "format", "int64", "nullable", 1,
			 "description", description);
}

static json_t *enum_schema(const char *description, json_t *values)
{
	return json_pack("{s:s, s:o, s:s}", "type", "string", "enum", values, "description", description);
}

static json_t *roles(void)
{
	return json_pack("[s, s, s]", "admin", "manager", "rep");
}

static json_t *locales(void)
{
	return json_pack("[s, s, s]", "en", "nl", "nb");
}

/* OpenAPI 3.0: a nullable enum must list null among its values */
static json_t *locales_or_null(void)
{
	return json_pack("[s, s, s, n]", "en", "nl", "nb");
}

/* {"type":"object", "required":[...], "properties":{...}}; required may be NULL */
static json_t *object(json_t *required, json_t *properties)
{
	json_t *o = json_pack("{s:s, s:o}", "type", "object", "properties", properties);
	if (o && required)
		json_object_set_new(o, "required", required);
	else
		json_decref(required);
	return o;
}

/* --- step or stop: stages, accounts, deals, conversations, steps, figures --- */

static json_t *typed(const char *type, const char *description)
{
	return json_pack("{s:s, s:s}", "type", type, "description", description);
}

static json_t *nullable(json_t *schema)
{
	json_object_set_new(schema, "nullable", json_true());
	return schema;
}

static json_t *date_schema(const char *description)
{
	return json_pack("{s:s, s:s, s:s}", "type", "string", "format", "date", "description", description);
}

/* a $ref that may be null. In OpenAPI 3.0 "nullable" does not reach into a
 * $ref, so the null is a second choice of its own (3.0.3's way to write it) */
static json_t *nullable_ref(const char *name, const char *description)
{
	return json_pack("{s:[o, {s:s, s:b, s:[n]}], s:s}", "anyOf", schema_ref(name), "type", "object",
			 "nullable", 1, "enum", "description", description);
}

/* a list of codes as a JSON array, with null at the end when nullable */
static json_t *codes(const char *const *list, size_t n, int with_null)
{
	json_t *a = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(a, json_string(list[i]));
	if (with_null)
		json_array_append_new(a, json_null());
	return a;
}

static json_t *int_range(const char *description, int min, int max)
{
	return json_pack("{s:s, s:i, s:i, s:s}", "type", "integer", "minimum", min, "maximum", max,
			 "description", description);
}

static json_t *page_of(const char *item)
{
	char limit_desc[160];
	snprintf(limit_desc, sizeof(limit_desc), "The page size asked for (1 to %d).", API_LIMIT_MAX);
	return object(json_pack("[s, s, s, s]", "items", "total", "limit", "offset"),
		      json_pack("{s:{s:s, s:o}, s:o, s:o, s:o}",
				"items", "type", "array", "items", schema_ref(item),
				"total", int_schema("How many entries the whole list has."),
				"limit", int_schema(limit_desc),
				"offset", int_schema("How many entries were skipped.")));
}

static json_t *deal_statuses(void)
{
	return json_pack("[s, s, s, s]", "open", "won", "lost", "paused");
}

static json_t *stage_kinds(void)
{
	return json_pack("[s, s, s]", "open", "won", "lost");
}

static json_t *health_reasons(void)
{
	json_t *a = json_array();
	for (unsigned bit = 1; bit && bit <= HR_PROGRESS_STALLING; bit <<= 1)
		json_array_append_new(a, json_string(health_reason_code(bit)));
	return a;
}

static void step_or_stop_schemas(json_t *all)
{
	const char *stage_text = "Up to 1000 characters, one line.";
	json_object_set_new(all, "Stage", object(
		json_pack("[s, s, s, s, s, s, s]", "id", "name", "definition", "commitment", "kind", "position",
			  "open_deals"),
		json_pack("{s:o, s:o, s:o, s:o, s:o, s:o, s:o}",
			  "id", int_schema("The stage's id."),
			  "name", str_schema("The stage's name, unique in the organisation."),
			  "definition", str_schema("What is true of a deal in this stage."),
			  "commitment", str_schema("The customer's commitment that moves a deal into this stage."),
			  "kind", enum_schema("open for the pipeline's working stages; won and lost for closed deals.",
					      stage_kinds()),
			  "position", int_schema("The order of the stages, smallest first."),
			  "open_deals", int_schema("How many open deals are in the stage."))));
	json_object_set_new(all, "NewStage", object(
		json_pack("[s]", "name"),
		json_pack("{s:{s:s, s:i, s:s}, s:{s:s, s:i, s:s}, s:{s:s, s:i, s:s}, s:o, s:o}",
			  "name", "type", "string", "maxLength", NAME_MAX_LEN, "description",
			  "Unique in the organisation.",
			  "definition", "type", "string", "maxLength", 1000, "description", stage_text,
			  "commitment", "type", "string", "maxLength", 1000, "description", stage_text,
			  "kind", enum_schema("Default open.", stage_kinds()),
			  "position", int_range("Default: after the last stage.", 0, 1000000))));
	json_object_set_new(all, "StagePatch", object(
		NULL,
		json_pack("{s:{s:s, s:i}, s:{s:s, s:i}, s:{s:s, s:i}, s:o, s:o}",
			  "name", "type", "string", "maxLength", NAME_MAX_LEN,
			  "definition", "type", "string", "maxLength", 1000,
			  "commitment", "type", "string", "maxLength", 1000,
			  "kind", enum_schema("The kind of a stage with open deals cannot change, nor can the "
					      "organisation's last stage of a kind (409).", stage_kinds()),
			  "position", int_range("The new place in the order.", 0, 1000000))));
	json_object_set_new(all, "StagePage", page_of("Stage"));

	json_object_set_new(all, "Account", object(
		json_pack("[s, s, s, s, s]", "id", "name", "owner_id", "owner_name", "open_deals"),
		json_pack("{s:o, s:o, s:o, s:o, s:o}",
			  "id", int_schema("The account's id."),
			  "name", str_schema("The customer's name."),
			  "owner_id", nullable_id("The user responsible for the account; null when none."),
			  "owner_name", nullable(str_schema("The owner's name; null when none.")),
			  "open_deals", int_schema("How many open deals the account has."))));
	json_object_set_new(all, "Contact", object(
		json_pack("[s, s, s, s, s]", "id", "name", "title", "email", "phone"),
		json_pack("{s:o, s:o, s:o, s:o, s:o}",
			  "id", int_schema("The contact's id."),
			  "name", str_schema("The person's name."),
			  "title", str_schema("Their job title; empty when not known."),
			  "email", str_schema("Their e-mail address; empty when not known."),
			  "phone", str_schema("Their phone number; empty when not known."))));
	json_object_set_new(all, "AccountDetail", json_pack(
		"{s:[o, o]}", "allOf", schema_ref("Account"),
		object(json_pack("[s]", "contacts"),
		       json_pack("{s:{s:s, s:o, s:s}}", "contacts", "type", "array", "items", schema_ref("Contact"),
				 "description", "The account's contacts, by name."))));
	json_object_set_new(all, "NewAccount", object(
		json_pack("[s]", "name"),
		json_pack("{s:{s:s, s:i, s:s}}", "name", "type", "string", "maxLength", NAME_MAX_LEN, "description",
			  "The customer's name. The caller becomes the account's owner.")));
	json_object_set_new(all, "AccountPatch", object(
		NULL, json_pack("{s:{s:s, s:i}}", "name", "type", "string", "maxLength", NAME_MAX_LEN)));
	json_object_set_new(all, "AccountPage", page_of("Account"));

	json_object_set_new(all, "Health", object(
		json_pack("[s, s, s]", "color", "strung_along", "reasons"),
		json_pack("{s:o, s:o, s:{s:s, s:{s:s, s:o}, s:s}}",
			  "color", enum_schema("green: nothing to worry about; amber: a warning; red: strung along.",
					       json_pack("[s, s, s]", "green", "amber", "red")),
			  "strung_along", typed("boolean", "The customer strings the rep along: no dated next step, "
						"a missed step, steps that keep slipping, several conversations without "
						"progress, or an old last commitment (thresholds are organisation "
						"settings)."),
			  "reasons", "type", "array", "items", "type", "string", "enum", health_reasons(),
			  "description", "Why, as stable codes: no_next_step, step_overdue, step_missed, slipping, "
			  "no_progress, stale_commitment (these make a deal strung along), slipped_once, "
			  "progress_stalling (warnings).")));
	json_object_set_new(all, "NextStep", object(
		json_pack("[s, s, s]", "what", "due", "slips"),
		json_pack("{s:o, s:o, s:o}",
			  "what", str_schema("What the customer committed to."),
			  "due", date_schema("When."),
			  "slips", int_schema("How often it was moved to a later date."))));
	json_object_set_new(all, "Deal", object(
		json_pack("[s, s, s, s, s, s, s, s, s, s, s, s, s, s, s, s, s, s, s, s, s, s]", "id", "title",
			  "account_id", "account_name", "value_minor", "value", "currency", "owner_id", "owner_name",
			  "stage_id", "stage_name", "product", "expected_close", "status", "lost_reason", "lost_note",
			  "closed_on", "created_on", "health", "next_step", "minutes", "conversations"),
		json_pack("{s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o,"
			  " s:o, s:o, s:o, s:o, s:o}",
			  "id", int_schema("The deal's id."),
			  "title", str_schema("What is being sold."),
			  "account_id", int_schema("The customer's account."),
			  "account_name", str_schema("The account's name."),
			  "value_minor", int_schema("The value in minor units (cents, øre): exact."),
			  "value", typed("number", "The same value in whole units (value_minor / 100)."),
			  "currency", str_schema("ISO 4217 code."),
			  "owner_id", int_schema("The rep who owns the deal."),
			  "owner_name", str_schema("The owner's name."),
			  "stage_id", int_schema("The deal's stage."),
			  "stage_name", str_schema("The stage's name."),
			  "product", str_schema("The product or service; empty when not set."),
			  "expected_close", nullable(date_schema("When the deal is expected to close; null when not set.")),
			  "status", enum_schema("The deal's status.", deal_statuses()),
			  "lost_reason", json_pack("{s:s, s:b, s:o, s:s}", "type", "string", "nullable", 1, "enum",
						   codes(lost_reason_codes, lost_reason_count, 1), "description",
						   "Why a lost deal was lost; null otherwise."),
			  "lost_note", str_schema("More on why it was lost; empty when none."),
			  "closed_on", nullable(date_schema("The day the deal was won, lost or paused; null while open.")),
			  "created_on", date_schema("The day the deal was created."),
			  "health", nullable_ref("Health", "The deal's health today; null unless the deal is open."),
			  "next_step", nullable_ref("NextStep", "The earliest open next step; null when there is none."),
			  "minutes", int_schema("Minutes spent in conversations on the deal."),
			  "conversations", int_schema("How many conversations were logged on the deal."))));
	const char *value_minor_desc = "The value in minor units (cents). Give this or value.";
	const char *value_desc = "The value in whole units, decimals allowed (12500, 99.95). Give this or value_minor.";
	json_object_set_new(all, "NewDeal", object(
		json_pack("[s]", "title"),
		json_pack("{s:{s:s, s:i}, s:o, s:{s:s, s:i, s:s}, s:{s:s, s:i, s:s}, s:{s:s, s:f, s:s},"
			  " s:{s:s, s:s, s:s}, s:o, s:o, s:{s:s, s:i}, s:o}",
			  "title", "type", "string", "maxLength", NAME_MAX_LEN,
			  "account_id", int_schema("An account of the organisation. Give this or account_name."),
			  "account_name", "type", "string", "maxLength", NAME_MAX_LEN, "description",
			  "Creates a new account of this name, owned by the deal's owner. Give this or account_id.",
			  "value_minor", "type", "integer", "minimum", 0, "description", value_minor_desc,
			  "value", "type", "number", "minimum", 0.0, "description", value_desc,
			  "currency", "type", "string", "pattern", "^[A-Z]{3}$", "description",
			  "ISO 4217 code; default the organisation's currency.",
			  "owner_id", int_schema("Default the caller. Another user must be one whose deals the caller "
						 "sees (403 otherwise)."),
			  "stage_id", int_schema("An open stage; default the first open stage."),
			  "product", "type", "string", "maxLength", NAME_MAX_LEN,
			  "expected_close", date_schema("Optional."))));
	json_object_set_new(all, "DealPatch", object(
		NULL,
		json_pack("{s:{s:s, s:i}, s:{s:s, s:i, s:s}, s:{s:s, s:f, s:s}, s:{s:s, s:s}, s:{s:s, s:i},"
			  " s:o, s:o, s:o, s:o, s:o, s:{s:s, s:i}}",
			  "title", "type", "string", "maxLength", NAME_MAX_LEN,
			  "value_minor", "type", "integer", "minimum", 0, "description", value_minor_desc,
			  "value", "type", "number", "minimum", 0.0, "description", value_desc,
			  "currency", "type", "string", "pattern", "^[A-Z]{3}$",
			  "product", "type", "string", "maxLength", NAME_MAX_LEN,
			  "expected_close", nullable(date_schema("null removes the date.")),
			  "stage_id", int_schema("An open stage. A move to a later stage counts as progress. Not with "
						 "a won or lost status."),
			  "owner_id", int_schema("Someone whose deals the caller sees (403 otherwise)."),
			  "status", enum_schema("won, lost (with lost_reason) or paused close the deal and cancel its "
						"open steps; open reopens it.", deal_statuses()),
			  "lost_reason", enum_schema("Required when the status becomes lost; on a lost deal, corrects "
						     "the reason.", codes(lost_reason_codes, lost_reason_count, 0)),
			  "lost_note", "type", "string", "maxLength", 2000)));
	json_object_set_new(all, "DealPage", page_of("Deal"));

	json_object_set_new(all, "ConversationStep", object(
		json_pack("[s, s, s, s, s, s]", "id", "what", "due", "who", "status", "slips"),
		json_pack("{s:o, s:o, s:o, s:o, s:o, s:o}",
			  "id", int_schema("The step's id (see /api/v1/steps)."),
			  "what", str_schema("What the customer committed to."),
			  "due", date_schema("When, now (after any slips)."),
			  "who", str_schema("Who on the customer's side committed to it."),
			  "status", enum_schema("The step's status.", json_pack("[s, s, s, s]", "open", "kept", "missed",
										 "cancelled")),
			  "slips", int_schema("How often it was moved to a later date."))));
	json_object_set_new(all, "Conversation", object(
		json_pack("[s, s, s, s, s, s, s, s, s, s, s, s, s, s]", "id", "deal_id", "account_id", "rep_id", "kind",
			  "at", "minutes", "gut_feeling", "outcome", "step", "stop_reason", "stop_note", "notes",
			  "progressed"),
		json_pack("{s:o, s:o, s:o, s:o, s:o, s:{s:s, s:s, s:s}, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o}",
			  "id", int_schema("The conversation's id."),
			  "deal_id", nullable_id("The deal it was about; null when about the account only."),
			  "account_id", nullable_id("The account it was about."),
			  "rep_id", int_schema("The user who logged it."),
			  "kind", enum_schema("The kind of conversation.", codes(conv_kind_codes, conv_kind_count, 0)),
			  "at", "type", "string", "format", "date-time", "description", "When it took place, in UTC.",
			  "minutes", int_schema("How long it took."),
			  "gut_feeling", int_range("The rep's gut feeling about the deal afterwards.", 1, 5),
			  "outcome", enum_schema("step: the customer committed to a dated next step; stop: the deal "
						 "ends here (lost or paused); none: no commitment — a red flag.",
						 codes(outcome_codes, outcome_count, 0)),
			  "step", nullable_ref("ConversationStep", "The next step, for outcome step; else null."),
			  "stop_reason", json_pack("{s:s, s:b, s:o, s:s}", "type", "string", "nullable", 1, "enum",
						   codes(stop_reason_codes, stop_reason_count, 1), "description",
						   "Why it stopped, for outcome stop; else null."),
			  "stop_note", str_schema("More on the stop; empty when none."),
			  "notes", str_schema("The rep's notes, Markdown."),
			  "progressed", typed("boolean", "Whether the deal moved to a later stage with it."))));
	json_object_set_new(all, "NewStep", object(
		json_pack("[s, s, s]", "what", "due", "who"),
		json_pack("{s:o, s:o, s:o}",
			  "what", str_schema("What the customer committed to."),
			  "due", date_schema("When; not before the conversation."),
			  "who", str_schema("Who on the customer's side committed to it."))));
	json_object_set_new(all, "NewConversation", json_pack(
		"{s:s, s:s, s:[s, s, s, s], s:o}", "type", "object", "description",
		"Exactly one outcome: \"step\" with a step object (what, due, who); \"stop\" with a stop_reason "
		"(and on a deal stop_action, default lost); or \"none\" with neither. Any other combination is "
		"refused with 400 naming the field (step.what, step.due, step.who, stop_reason…). With outcome "
		"step or none, the deal's open steps are closed as kept, or missed when the conversation came "
		"after the grace period.",
		"required", "kind", "at", "gut_feeling", "outcome",
		"properties", json_pack(
			"{s:o, s:o, s:o, s:{s:s, s:s, s:s}, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o}",
			"deal_id", int_schema("The deal it was about; its owner must be someone whose deals the caller "
					      "sees (403), and it must not be won or lost. Give this or account_id."),
			"account_id", int_schema("The account, for a conversation outside any deal."),
			"kind", enum_schema("The kind of conversation.", codes(conv_kind_codes, conv_kind_count, 0)),
			"at", "type", "string", "format", "date-time", "description",
			"RFC 3339, with Z or an offset (2026-11-20T10:00:00Z). The day, as written, is the day of "
			"the conversation; it may not lie in the future.",
			"minutes", int_range("How long it took. Default 0.", 0, 1440),
			"gut_feeling", int_range("The rep's gut feeling about the deal afterwards.", 1, 5),
			"outcome", enum_schema("How it ended.", codes(outcome_codes, outcome_count, 0)),
			"step", schema_ref("NewStep"),
			"stop_reason", enum_schema("For outcome stop.", codes(stop_reason_codes, stop_reason_count, 0)),
			"stop_note", str_schema("For outcome stop; optional."),
			"stop_action", enum_schema("For outcome stop on a deal: close it as lost (default) or pause it.",
						   json_pack("[s, s]", "lost", "paused")),
			"notes", str_schema("Markdown; optional."),
			"stage_id", int_schema("An open stage to move the deal to with this conversation; a later "
					       "stage counts as progress."))));
	json_object_set_new(all, "ConversationPatch", json_pack(
		"{s:s, s:s, s:o}", "type", "object", "description",
		"Only the kind, the duration and the notes can change. Sending another outcome, step or stop "
		"reason answers 400: the outcome is what happened; log a new conversation instead. Other members "
		"of the conversation may be sent back unchanged.",
		"properties", json_pack("{s:o, s:o, s:o}",
					"kind", enum_schema("The kind.", codes(conv_kind_codes, conv_kind_count, 0)),
					"minutes", int_range("The duration.", 0, 1440),
					"notes", str_schema("Markdown."))));
	json_object_set_new(all, "ConversationPage", page_of("Conversation"));

	json_object_set_new(all, "Step", object(
		json_pack("[s, s, s, s, s, s, s, s, s, s, s, s, s]", "id", "deal_id", "account_id", "rep_id",
			  "conversation_id", "what", "who", "due", "original_due", "status", "state", "slips", "done_on"),
		json_pack("{s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o}",
			  "id", int_schema("The step's id."),
			  "deal_id", nullable_id("The deal; null for a step on an account only."),
			  "account_id", nullable_id("The account."),
			  "rep_id", int_schema("The rep who agreed it."),
			  "conversation_id", int_schema("The conversation it was agreed in."),
			  "what", str_schema("What the customer committed to."),
			  "who", str_schema("Who on the customer's side committed to it."),
			  "due", date_schema("When, now."),
			  "original_due", date_schema("When, as first agreed."),
			  "status", enum_schema("As stored.", json_pack("[s, s, s, s]", "open", "kept", "missed",
									"cancelled")),
			  "state", enum_schema("As of today: an open step past its due date is overdue, and missed "
					       "after the grace period.",
					       json_pack("[s, s, s, s, s, s]", "upcoming", "due_today", "overdue", "missed",
							 "kept", "cancelled")),
			  "slips", int_schema("How often it was moved to a later date."),
			  "done_on", nullable(date_schema("The day it was kept or missed; null otherwise.")))));
	json_object_set_new(all, "StepPatch", json_pack(
		"{s:s, s:s, s:o}", "type", "object", "description", "A new status or a new date, not both.",
		"properties", json_pack("{s:o, s:o}",
					"status", enum_schema("Mark an open step kept or cancelled (409 when it is not "
							      "open).", json_pack("[s, s]", "kept", "cancelled")),
					"due", date_schema("Move an open step to this date: a slip, counted. Not in "
							   "the past, not the same date."))));
	json_object_set_new(all, "StepPage", page_of("Step"));

	json_t *rate = nullable(typed("number", "A fraction from 0 to 1; null when there is nothing to divide by."));
	json_object_set_new(all, "CommitmentFigures", object(
		json_pack("[s, s, s, s, s, s, s, s]", "scope", "from", "to", "counts", "figures", "by_gut_feeling",
			  "by_outcome", "monthly"),
		json_pack("{s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o}",
			  "scope", object(json_pack("[s, s, s]", "kind", "rep_id", "team_id"),
					  json_pack("{s:o, s:o, s:o}", "kind",
						    typed("string", "rep, team, led (all the teams the caller "
								    "leads) or org."),
						    "rep_id", nullable_id("The rep; null otherwise."),
						    "team_id", nullable_id("The team; null otherwise. Both null: the "
									   "whole organisation."))),
			  "from", date_schema("First day of the period."),
			  "to", date_schema("Last day of the period."),
			  "counts", object(
				  json_pack("[s, s, s, s, s, s, s, s, s, s, s]", "conversations", "steps", "stops", "none",
					    "steps_due", "steps_kept_on_time", "unbroken_won", "unbroken_lost",
					    "broken_won", "broken_lost", "minutes_on_lost"),
				  json_pack("{s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o}",
					    "conversations", int_schema("Conversations held in the period."),
					    "steps", int_schema("Of those, ending in a step."),
					    "stops", int_schema("Of those, ending in a stop."),
					    "none", int_schema("Of those, ending without commitment."),
					    "steps_due", int_schema("Steps first agreed for a day in the period before "
								    "today, not cancelled."),
					    "steps_kept_on_time", int_schema("Of those, kept no later than first agreed."),
					    "unbroken_won", int_schema("Deals closed in the period, won, whose steps "
								       "never broke (no slip, no missed step, no "
								       "conversation without commitment)."),
					    "unbroken_lost", int_schema("The same, lost."),
					    "broken_won", int_schema("Deals closed in the period, won, whose steps "
								     "broke at least once."),
					    "broken_lost", int_schema("The same, lost."),
					    "minutes_on_lost", int_schema("Conversation minutes on the deals lost in "
									  "the period."))),
			  "figures", object(
				  json_pack("[s, s, s, s, s, s, s, s]", "commitment_rate", "stop_rate", "no_commitment_rate",
					    "follow_through", "median_days_between_steps", "win_rate_unbroken",
					    "win_rate_broken", "hours_on_lost"),
				  json_pack("{s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o}",
					    "commitment_rate", json_pack("{s:s, s:b, s:s}", "type", "number", "nullable", 1,
									 "description", "(steps + stops) / conversations."),
					    "stop_rate", json_pack("{s:s, s:b, s:s}", "type", "number", "nullable", 1,
								   "description", "stops / conversations."),
					    "no_commitment_rate", json_pack("{s:s, s:b, s:s}", "type", "number", "nullable",
									    1, "description", "none / conversations."),
					    "follow_through", json_pack("{s:s, s:b, s:s}", "type", "number", "nullable", 1,
									"description", "steps_kept_on_time / steps_due."),
					    "median_days_between_steps", json_pack(
						    "{s:s, s:b, s:s}", "type", "number", "nullable", 1, "description",
						    "The median of the days between consecutive steps agreed on the same "
						    "deal in the period."),
					    "win_rate_unbroken", json_pack("{s:s, s:b, s:s}", "type", "number", "nullable",
									   1, "description",
									   "unbroken_won / (unbroken_won + unbroken_lost)."),
					    "win_rate_broken", json_pack("{s:s, s:b, s:s}", "type", "number", "nullable", 1,
									 "description",
									 "broken_won / (broken_won + broken_lost)."),
					    "hours_on_lost", json_pack("{s:s, s:b, s:s}", "type", "number", "nullable", 1,
								       "description", "minutes_on_lost / 60."))),
			  "by_gut_feeling", json_pack(
				  "{s:s, s:s, s:o}", "type", "array", "description",
				  "Conversations on the deals closed in the period, by the gut feeling given, and how "
				  "many of them were on deals that were won.",
				  "items", object(json_pack("[s, s, s, s]", "gut", "conversations", "won", "win_rate"),
						  json_pack("{s:o, s:o, s:o, s:o}",
							    "gut", int_range("The gut feeling.", 1, 5),
							    "conversations", int_schema("Conversations with it."),
							    "won", int_schema("Of those, on deals won."),
							    "win_rate", json_deep_copy(rate)))),
			  "by_outcome", json_pack(
				  "{s:s, s:s, s:o}", "type", "array", "description",
				  "The same by outcome: how commitment relates to winning.",
				  "items", object(json_pack("[s, s, s, s]", "outcome", "conversations", "won", "win_rate"),
						  json_pack("{s:o, s:o, s:o, s:o}",
							    "outcome", enum_schema("The outcome.",
										   codes(outcome_codes, outcome_count, 0)),
							    "conversations", int_schema("Conversations with it."),
							    "won", int_schema("Of those, on deals won."),
							    "win_rate", json_deep_copy(rate)))),
			  "monthly", json_pack(
				  "{s:s, s:s, s:o}", "type", "array", "description",
				  "Every month of the period, oldest first; a month without conversations has zeros "
				  "and a null rate (over 20 years: only the months with conversations).",
				  "items", object(json_pack("[s, s, s, s, s, s]", "month", "conversations", "steps", "stops",
							    "none", "commitment_rate"),
						  json_pack("{s:o, s:o, s:o, s:o, s:o, s:o}",
							    "month", json_pack("{s:s, s:s, s:s}", "type", "string",
									       "pattern", "^[0-9]{4}-[0-9]{2}$",
									       "description", "YYYY-MM."),
							    "conversations", int_schema("Conversations held."),
							    "steps", int_schema("Ending in a step."),
							    "stops", int_schema("Ending in a stop."),
							    "none", int_schema("Ending without commitment."),
							    "commitment_rate", json_deep_copy(rate)))))));
	json_decref(rate);
}

/* --- numbers: targets, results, tiers, concentration, the excuse check --- */

static json_t *rate_schema(const char *description)
{
	return json_pack("{s:s, s:b, s:s}", "type", "number", "nullable", 1, "description", description);
}

static json_t *money_schema(const char *description)
{
	return int_schema(description);
}

static json_t *tier_codes(void)
{
	return json_pack("[s, s, s, s]", "superstar", "core", "underperformer", "none");
}

/* "period", "kind", "start", "end" as every numbers answer carries them */
static void period_props(json_t *props)
{
	json_object_set_new(props, "period", str_schema("The period's label: 2026-11 (a month), 2026-Q4 (a quarter "
						       "of the fiscal year) or FY2026 (the fiscal year starting "
						       "in 2026)."));
	json_object_set_new(props, "kind", enum_schema("The kind of period.", json_pack("[s, s, s]", "month",
											  "quarter", "year")));
	json_object_set_new(props, "start", date_schema("Its first day."));
	json_object_set_new(props, "end", date_schema("Its last day."));
}

/* object() whose required list gains "period", "kind", "start", "end" */
static json_t *with_period(json_t *required, json_t *props)
{
	period_props(props);
	json_array_append_new(required, json_string("period"));
	json_array_append_new(required, json_string("kind"));
	json_array_append_new(required, json_string("start"));
	json_array_append_new(required, json_string("end"));
	return object(required, props);
}

static void numbers_schemas(json_t *all)
{
	json_object_set_new(all, "RepRef", object(
		json_pack("[s, s]", "id", "name"),
		json_pack("{s:o, s:o}", "id", int_schema("The user's id."), "name", str_schema("The user's name."))));
	json_object_set_new(all, "TeamRef", object(
		json_pack("[s, s]", "id", "name"),
		json_pack("{s:o, s:o}", "id", int_schema("The team's id."), "name", str_schema("The team's name."))));
	json_object_set_new(all, "NumbersScope", object(
		json_pack("[s, s, s]", "kind", "rep_id", "team_id"),
		json_pack("{s:o, s:o, s:o}",
			  "kind", enum_schema("Whose numbers: one rep, one team, the teams the caller leads, or the "
					      "whole organisation.", json_pack("[s, s, s, s]", "rep", "team", "led",
									       "org")),
			  "rep_id", nullable_id("The rep; null otherwise."),
			  "team_id", nullable_id("The team; null otherwise."))));

	json_object_set_new(all, "Target", with_period(
		json_pack("[s, s, s, s, s, s]", "id", "rep", "amount_minor", "amount", "currency", "updated_at"),
		json_pack("{s:o, s:o, s:o, s:o, s:o, s:{s:s, s:s, s:s}}",
			  "id", int_schema("The target's id."),
			  "rep", schema_ref("RepRef"),
			  "amount_minor", money_schema("The target in minor units (cents, øre): exact."),
			  "amount", typed("number", "The same in whole units (amount_minor / 100)."),
			  "currency", str_schema("ISO 4217 code."),
			  "updated_at", "type", "string", "format", "date-time", "description",
			  "When it was last set, in UTC.")));
	const char *amount_minor_desc = "The target in minor units (cents). Give this or amount.";
	const char *amount_desc = "The target in whole units, decimals allowed (150000, 99.95). Give this or "
				  "amount_minor.";
	json_object_set_new(all, "NewTarget", object(
		json_pack("[s, s]", "rep_id", "period"),
		json_pack("{s:o, s:o, s:{s:s, s:i, s:s}, s:{s:s, s:f, s:s}, s:{s:s, s:s, s:s}}",
			  "rep_id", int_schema("The rep: for a manager, a member of a team they lead (403 otherwise); "
					       "for an admin, anyone active in the organisation."),
			  "period", str_schema("2026-11, 2026-Q4 or FY2026, with the organisation's fiscal start. A "
					       "rep has one target per period: setting it again replaces it (200)."),
			  "amount_minor", "type", "integer", "minimum", 0, "description", amount_minor_desc,
			  "amount", "type", "number", "minimum", 0.0, "description", amount_desc,
			  "currency", "type", "string", "pattern", "^[A-Z]{3}$", "description",
			  "ISO 4217 code; default the organisation's currency.")));
	json_object_set_new(all, "TargetPatch", json_pack(
		"{s:s, s:s, s:o}", "type", "object", "description",
		"Only the amount (and its currency) can change; sending rep_id or period answers 400. To set a "
		"target for another rep or period, POST to /api/v1/targets.",
		"properties", json_pack("{s:{s:s, s:i, s:s}, s:{s:s, s:f, s:s}, s:{s:s, s:s}}",
					"amount_minor", "type", "integer", "minimum", 0, "description",
					amount_minor_desc,
					"amount", "type", "number", "minimum", 0.0, "description", amount_desc,
					"currency", "type", "string", "pattern", "^[A-Z]{3}$")));
	json_object_set_new(all, "TargetPage", page_of("Target"));

	json_object_set_new(all, "ImportJob", json_pack(
		"{s:s, s:s, s:o}", "type", "object", "description",
		"One run of a CSV import started on the import pages, while it runs and after.",
		"properties", json_pack(
			"{s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o}",
			"id", int_schema("The run's id."),
			"file_id", int_schema("The uploaded file it reads."),
			"filename", str_schema("The file's name as uploaded."),
			"kind", enum_schema("What the file holds.", json_pack("[s, s, s, s]", "reps", "targets", "deals",
										  "results")),
			"preset", str_schema("The preset asked for: auto, generic, salesforce, hubspot or pipedrive."),
			"status", enum_schema("running, done (with a summary) or failed (message says why).",
					      json_pack("[s, s, s]", "running", "done", "failed")),
			"dry_run", typed("boolean", "Checked and counted only; nothing is saved."),
			"rows", int_schema("Rows read so far."),
			"bytes_done", int_schema("Bytes of the file read so far."),
			"bytes_total", int_schema("The file's size in bytes."),
			"read", int_schema("Rows read."),
			"created", int_schema("Rows that created something."),
			"updated", int_schema("Rows that changed something."),
			"skipped", int_schema("Rows that would change nothing (a re-import) or were empty."),
			"failed", int_schema("Rows with an error; listed in errors."),
			"saved", typed("boolean", "Whether the good rows were kept (false for a dry run, or when "
					   "all-or-nothing met an error)."),
			"errors", json_pack("{s:s, s:s, s:o}", "type", "array", "description",
					    "The first 1,000 errors: the file's line (1 is the header), its column "
					    "header (null for the whole row) and the message.",
					    "items", json_pack("{s:s}", "type", "object")),
			"message", str_schema("Why the run failed as a whole, or null."),
			"map", json_pack("{s:s, s:s, s:{s:s}}", "type", "array", "description",
					 "The column mapping used, as COLUMN=FIELD.", "items", "type", "string"))));

	json_object_set_new(all, "Result", object(
		json_pack("[s, s, s, s, s, s, s, s, s, s, s, s, s, s, s]", "rep", "team", "period", "target_minor",
			  "result_minor", "attainment", "projection_minor", "projected_attainment", "remaining_minor",
			  "needed_per_week_minor", "days_total", "days_elapsed", "days_left", "state", "source"),
		json_pack("{s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o}",
			  "rep", schema_ref("RepRef"),
			  "team", nullable_ref("TeamRef", "The rep's team; null when none."),
			  "period", str_schema("The period's label."),
			  "target_minor", nullable(money_schema("The target for exactly this period; failing that, the "
								"sum of the monthly targets in it; failing that (a "
								"year), of its quarterly ones. Null without one.")),
			  "result_minor", money_schema("Won deals by closing day, or the imported totals, as the "
						       "organisation chooses (source)."),
			  "attainment", rate_schema("result / target; null without a target."),
			  "projection_minor", money_schema("The run rate to the period's end: result / days elapsed "
							   "* days in the period; the result once the period is "
							   "over; 0 before it."),
			  "projected_attainment", rate_schema("projection / target; null without a target."),
			  "remaining_minor", nullable(money_schema("max(0, target - result); null without a "
								   "target.")),
			  "needed_per_week_minor", nullable(money_schema("remaining / (days left / 7), rounded up; "
									 "null without a target or days left.")),
			  "days_total", int_schema("Days in the period."),
			  "days_elapsed", int_schema("Days from its first day up to and including today."),
			  "days_left", int_schema("Days after today to its end."),
			  "state", enum_schema("Whether the period is over, running or still to come.",
					       json_pack("[s, s, s]", "past", "current", "future")),
			  "source", enum_schema("Where results come from.", json_pack("[s, s]", "deals",
										      "imported")))));
	json_object_set_new(all, "Results", with_period(
		json_pack("[s, s, s, s, s, s, s]", "scope", "source", "currency", "items", "total", "limit", "offset"),
		json_pack("{s:o, s:o, s:o, s:{s:s, s:o}, s:o, s:o, s:o}",
			  "scope", schema_ref("NumbersScope"),
			  "source", enum_schema("Where results come from (an organisation setting).",
						json_pack("[s, s]", "deals", "imported")),
			  "currency", str_schema("The organisation's currency."),
			  "items", "type", "array", "items", schema_ref("Result"),
			  "total", int_schema("How many reps are in scope."),
			  "limit", int_schema("The page size asked for."),
			  "offset", int_schema("How many reps were skipped."))));

	json_object_set_new(all, "TierRow", object(
		json_pack("[s, s, s, s, s, s, s, s, s, s]", "rep", "team", "tier", "previous_tier", "move",
			  "attainment", "share", "target_minor", "result_minor", "history"),
		json_pack("{s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:{s:s, s:s, s:o}}",
			  "rep", schema_ref("RepRef"),
			  "team", nullable_ref("TeamRef", "The rep's team; null when none."),
			  "tier", enum_schema("The tier in the period.", tier_codes()),
			  "previous_tier", enum_schema("The tier in the period before.", tier_codes()),
			  "move", int_range("+1 moved up, -1 moved down, 0 the same or either tier is none.", -1, 1),
			  "attainment", rate_schema("result / target; null without a target."),
			  "share", rate_schema("The rep's share of the revenue in scope; null when there is none."),
			  "target_minor", nullable(money_schema("The target; null without one.")),
			  "result_minor", money_schema("The result."),
			  "history", "type", "array", "description", "The tiers of the last 8 periods, oldest first, "
			  "this one last.",
			  "items", object(json_pack("[s, s]", "period", "tier"),
					  json_pack("{s:o, s:o}", "period", str_schema("The period's label."),
						    "tier", enum_schema("The tier.", tier_codes()))))));
	json_object_set_new(all, "Tiers", with_period(
		json_pack("[s, s, s, s, s, s, s]", "scope", "previous_period", "rules", "counts", "source",
			  "history_periods", "reps"),
		json_pack("{s:o, s:o, s:o, s:o, s:o, s:{s:s, s:{s:s}, s:s}, s:{s:s, s:o}}",
			  "scope", schema_ref("NumbersScope"),
			  "previous_period", str_schema("The label of the period before, for previous_tier."),
			  "rules", object(
				  json_pack("[s, s, s, s]", "superstar_pct", "superstar_share_pct", "under_pct",
					    "under_periods"),
				  json_pack("{s:o, s:o, s:o, s:o}",
					    "superstar_pct", int_schema("A superstar reaches at least this % of target."),
					    "superstar_share_pct", int_schema("…or brings at least this % of the revenue "
									      "in scope (0: not used)."),
					    "under_pct", int_schema("An underperformer stays below this % of target…"),
					    "under_periods", int_schema("…this many periods running, this one included "
									"(a period without a target breaks the "
									"run)."))),
			  "counts", object(
				  json_pack("[s, s, s, s]", "superstar", "core", "underperformer", "none"),
				  json_pack("{s:o, s:o, s:o, s:o}", "superstar", int_schema("Superstars."),
					    "core", int_schema("The core: everyone else with a target."),
					    "underperformer", int_schema("Underperformers."),
					    "none", int_schema("Reps without a target (and not superstars by "
							       "share)."))),
			  "source", enum_schema("Where results come from.", json_pack("[s, s]", "deals", "imported")),
			  "history_periods", "type", "array", "items", "type", "string", "description",
			  "The labels of the 8 periods of each history, oldest first.",
			  "reps", "type", "array", "items", schema_ref("TierRow"))));

	json_object_set_new(all, "Concentration", with_period(
		json_pack("[s, s, s, s, s, s, s, s, s, s, s, s, s, s]", "scope", "source", "currency", "reps",
			  "total_minor", "half_count", "half_share", "top_pct", "top_count", "top_share", "gini",
			  "holds", "lorenz", "reps_revenue"),
		json_pack("{s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:{s:s, s:s, s:{s:s, s:{s:s},"
			  " s:i, s:i}}, s:{s:s, s:s, s:o}}",
			  "scope", schema_ref("NumbersScope"),
			  "source", enum_schema("Where results come from.", json_pack("[s, s]", "deals", "imported")),
			  "currency", str_schema("The organisation's currency."),
			  "reps", int_schema("How many reps are in scope, those without revenue included."),
			  "total_minor", money_schema("Their revenue together (negative results count as 0)."),
			  "half_count", int_schema("The fewest reps that together bring at least half the revenue, "
						   "largest first."),
			  "half_share", rate_schema("half_count / reps; null without revenue."),
			  "top_pct", typed("number", "The top share of reps looked at: 4 (%), after the articles' "
					   "\"about 4% of reps bring over half the revenue\"."),
			  "top_count", int_schema("ceil(top_pct% of reps), at least 1."),
			  "top_share", rate_schema("Their share of the revenue; null without revenue."),
			  "gini", rate_schema("The Gini coefficient: 0 when every rep brings the same, towards 1 "
					      "when one brings all; null without revenue."),
			  "holds", typed("boolean", "top_share > 0.5: the articles' pattern holds here."),
			  "lorenz", "type", "array", "description", "The Lorenz curve: reps + 1 points [x, y], x the "
			  "share of reps (smallest first) and y their share of revenue.",
			  "items", "type", "array", "items", "type", "number", "minItems", 2, "maxItems", 2,
			  "reps_revenue", "type", "array", "description", "Each rep's revenue, largest first.",
			  "items", object(json_pack("[s, s, s]", "rep", "team", "revenue_minor"),
					  json_pack("{s:o, s:o, s:o}", "rep", schema_ref("RepRef"), "team",
						    nullable_ref("TeamRef", "The rep's team; null when none."),
						    "revenue_minor", money_schema("The rep's result."))))));

	json_t *peers = object(
		json_pack("[s, s, s, s, s]", "name", "median", "peers", "too_small", "normalised"),
		json_pack("{s:o, s:o, s:o, s:o, s:o}",
			  "name", nullable(str_schema("The territory or segment; null when the rep's team has none.")),
			  "median", rate_schema("The median attainment of the peers with a target; null without "
						"peers."),
			  "peers", int_schema("The other reps with a target in teams of the same territory or "
					      "segment."),
			  "too_small", typed("boolean", "Fewer peers than min_sample: no conclusion."),
			  "normalised", rate_schema("The rep's attainment / the peers' median; null when too small.")));
	json_object_set_new(all, "ExcusePeers", peers);
	json_object_set_new(all, "ExcuseCheck", with_period(
		json_pack("[s, s, s, s, s, s]", "rep", "team", "min_sample", "source", "attainment", "products"),
		json_pack("{s:o, s:o, s:o, s:o, s:o, s:{s:s, s:s, s:o}}",
			  "rep", schema_ref("RepRef"),
			  "team", json_pack("{s:s, s:b, s:s, s:o}", "type", "object", "nullable", 1, "description",
					    "The rep's team with its territory and segment; null when none.",
					    "properties", json_pack("{s:o, s:o, s:o, s:o}", "id", int_schema("The team."),
								    "name", str_schema("Its name."),
								    "territory", str_schema("Its territory."),
								    "segment", str_schema("Its segment."))),
			  "min_sample", int_schema("The smallest sample that counts (an organisation setting)."),
			  "source", enum_schema("Where results come from.", json_pack("[s, s]", "deals", "imported")),
			  "attainment", object(
				  json_pack("[s, s, s]", "rep", "territory", "segment"),
				  json_pack("{s:o, s:o, s:o}",
					    "rep", rate_schema("The rep's attainment; null without a target."),
					    "territory", schema_ref("ExcusePeers"),
					    "segment", schema_ref("ExcusePeers"))),
			  "products", "type", "array", "description",
			  "Each product the rep lost deals of in the period, with the lost reasons of the rep beside "
			  "those of peers selling it in the same territory.",
			  "items", object(
				  json_pack("[s, s, s, s, s]", "product", "rep_lost", "peer_lost", "too_small", "reasons"),
				  json_pack("{s:o, s:o, s:o, s:o, s:{s:s, s:o}}",
					    "product", str_schema("The product; empty for deals without one."),
					    "rep_lost", int_schema("The rep's lost deals of it."),
					    "peer_lost", int_schema("The peers' lost deals of it."),
					    "too_small", typed("boolean", "The rep or the peers lost fewer than "
							       "min_sample: no conclusion."),
					    "reasons", "type", "array", "items", object(
						    json_pack("[s, s, s, s, s, s]", "reason", "rep_n", "rep_share", "peer_n",
							      "peer_share", "verdict"),
						    json_pack("{s:o, s:o, s:o, s:o, s:o, s:o}",
							      "reason", str_schema("The lost reason code."),
							      "rep_n", int_schema("The rep's losses for it."),
							      "rep_share", rate_schema("Of all the rep's losses of the "
										       "product."),
							      "peer_n", int_schema("The peers' losses for it."),
							      "peer_share", rate_schema("Of all the peers' losses of the "
											"product."),
							      "verdict", enum_schema(
								      "not_shared: the rep's share is at least twice the "
								      "peers' and 15 points higher — the excuse does not "
								      "hold; shared: peers lose on it as much; too_small: "
								      "too few losses to say; none: the rep has no "
								      "losses for it.",
								      json_pack("[s, s, s, s]", "none", "too_small",
										"shared", "not_shared")))))))));
}

static json_t *schemas(void)
{
	char limit_desc[160];
	snprintf(limit_desc, sizeof(limit_desc), "The page size asked for (1 to %d).", API_LIMIT_MAX);
	json_t *error = object(
		json_pack("[s, s]", "error", "message"),
		json_pack("{s:o, s:o, s:o}",
			  "error", enum_schema("A stable code for programs.",
					       json_pack("[s, s, s, s, s, s, s, s, s]",
							 err_name(E_INVALID), err_name(E_UNAUTHORIZED),
							 err_name(E_FORBIDDEN), err_name(E_NOTFOUND),
							 err_name(E_CONFLICT), err_name(E_TOOLARGE),
							 err_name(E_UNAVAILABLE), err_name(E_INTERNAL),
							 err_name(E_THROTTLED))),
			  "message", str_schema("What went wrong, for people, in the caller's language "
						"(Accept-Language, or the user's and organisation's setting)."),
			  "field", str_schema("With INVALID and CONFLICT: the body member or query "
					      "parameter at fault.")));
	json_t *org = object(
		json_pack("[s, s, s, s, s]", "id", "slug", "name", "locale", "currency"),
		json_pack("{s:o, s:o, s:o, s:o, s:o}",
			  "id", int_schema("The organisation's id."),
			  "slug", str_schema("The organisation's short name."),
			  "name", str_schema("The organisation's name."),
			  "locale", enum_schema("The organisation's language.", locales()),
			  "currency", str_schema("ISO 4217 code, such as EUR or NOK.")));
	json_t *team = object(
		json_pack("[s, s, s, s, s, s, s]", "id", "name", "manager_id", "manager_name", "territory",
			  "segment", "members"),
		json_pack("{s:o, s:o, s:o, s:o, s:o, s:o, s:o}",
			  "id", int_schema("The team's id."),
			  "name", str_schema("The team's name, unique in the organisation."),
			  "manager_id", nullable_id("The user who leads the team; null when none."),
			  "manager_name", json_pack("{s:s, s:b, s:s}", "type", "string", "nullable", 1,
						    "description", "The manager's name; null when none."),
			  "territory", str_schema("The team's territory; empty when not set."),
			  "segment", str_schema("The team's market segment; empty when not set."),
			  "members", int_schema("How many users belong to the team.")));
	json_t *my_team = json_pack("{s:[o, o]}", "allOf", schema_ref("Team"),
				    object(json_pack("[s]", "role_in_team"),
					   json_pack("{s:o}", "role_in_team",
						     enum_schema("'manager' when the caller leads the team, "
								 "otherwise 'member'.",
								 json_pack("[s, s]", "member", "manager")))));
	json_t *me = object(
		json_pack("[s, s, s, s, s, s, s]", "id", "email", "name", "role", "locale", "org", "teams"),
		json_pack("{s:o, s:o, s:o, s:o, s:o, s:o, s:{s:s, s:o, s:s}}",
			  "id", int_schema("The caller's user id."),
			  "email", str_schema("The caller's e-mail address."),
			  "name", str_schema("The caller's name."),
			  "role", enum_schema("The caller's role.", roles()),
			  "locale", json_pack("{s:s, s:b, s:o, s:s}", "type", "string", "nullable", 1,
					      "enum", locales_or_null(), "description",
					      "The caller's own language; null when the organisation's applies."),
			  "org", schema_ref("Org"),
			  "teams", "type", "array", "items", schema_ref("MyTeam"), "description",
			  "The teams the caller belongs to or leads, by name."));
	json_t *user = object(
		json_pack("[s, s, s, s, s, s, s, s]", "id", "email", "name", "role", "team_id", "team_name",
			  "active", "locale"),
		json_pack("{s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o}",
			  "id", int_schema("The user's id."),
			  "email", str_schema("The user's e-mail address (lowercase), unique across organisations."),
			  "name", str_schema("The user's name."),
			  "role", enum_schema("The user's role.", roles()),
			  "team_id", nullable_id("The team the user belongs to; null when none."),
			  "team_name", json_pack("{s:s, s:b, s:s}", "type", "string", "nullable", 1,
						 "description", "The team's name; null when none."),
			  "active", json_pack("{s:s, s:s}", "type", "boolean", "description",
					      "False when the user has been deactivated and cannot sign in."),
			  "locale", json_pack("{s:s, s:b, s:o, s:s}", "type", "string", "nullable", 1,
					      "enum", locales_or_null(), "description",
					      "The user's own language; null when the organisation's applies.")));
	json_t *created_user = json_pack("{s:[o, o]}", "allOf", schema_ref("User"),
					 object(NULL, json_pack("{s:o}", "password",
								str_schema("Only when the request gave no password: "
									   "the generated one, shown this once."))));
	json_t *new_team = object(
		json_pack("[s]", "name"),
		json_pack("{s:{s:s, s:i, s:s}, s:o, s:{s:s, s:i, s:s}, s:{s:s, s:i, s:s}}",
			  "name", "type", "string", "maxLength", NAME_MAX_LEN, "description",
			  "Unique in the organisation.",
			  "manager_id", nullable_id("An active manager or admin of the organisation; "
						    "absent, null or 0 for none."),
			  "territory", "type", "string", "maxLength", NAME_MAX_LEN, "description", "Optional.",
			  "segment", "type", "string", "maxLength", NAME_MAX_LEN, "description", "Optional."));
	json_t *new_user = object(
		json_pack("[s, s, s]", "email", "name", "role"),
		json_pack("{s:{s:s, s:s, s:s}, s:{s:s, s:i, s:s}, s:o, s:o, s:{s:s, s:i, s:i, s:s}, s:o}",
			  "email", "type", "string", "format", "email", "description",
			  "Unique across organisations; stored in lowercase.",
			  "name", "type", "string", "maxLength", NAME_MAX_LEN, "description", "The user's name.",
			  "role", enum_schema("The user's role.", roles()),
			  "team_id", nullable_id("A team of the organisation; absent, null or 0 for none."),
			  "password", "type", "string", "minLength", PASSWORD_MIN, "maxLength", PASSWORD_MAX,
			  "description", "When absent, a password is generated and returned once.",
			  "locale", json_pack("{s:s, s:b, s:o, s:s}", "type", "string", "nullable", 1,
					      "enum", locales_or_null(), "description",
					      "The user's own language; absent or null for the organisation's.")));
	json_t *page_props = json_pack("{s:o, s:o, s:o}",
				       "total", int_schema("How many entries the whole list has."),
				       "limit", int_schema(limit_desc),
				       "offset", int_schema("How many entries were skipped."));
	json_t *team_page = object(json_pack("[s, s, s, s]", "items", "total", "limit", "offset"),
				   json_deep_copy(page_props));
	json_object_set_new(json_object_get(team_page, "properties"), "items",
			    json_pack("{s:s, s:o}", "type", "array", "items", schema_ref("Team")));
	json_t *user_page = object(json_pack("[s, s, s, s]", "items", "total", "limit", "offset"), page_props);
	json_object_set_new(json_object_get(user_page, "properties"), "items",
			    json_pack("{s:s, s:o}", "type", "array", "items", schema_ref("User")));
	json_t *all = json_pack("{s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o}",
				"Error", error, "Org", org, "Team", team, "MyTeam", my_team, "Me", me,
				"User", user, "CreatedUser", created_user, "NewTeam", new_team,
				"NewUser", new_user, "TeamPage", team_page, "UserPage", user_page);
	step_or_stop_schemas(all);
	numbers_schemas(all);
	return all;
}

static json_t *error_response(const char *description)
{
	return json_response(description, schema_ref("Error"));
}

static json_t *responses(void)
{
	return json_pack("{s:o, s:o, s:o, s:o, s:o, s:o, s:o}",
			 "Invalid", error_response("A parameter or body member is missing or wrong (INVALID; "
						   "\"field\" names it), or the body is not a JSON object."),
			 "Unauthorized", error_response("No valid API token or session (UNAUTHORIZED)."),
			 "Forbidden", error_response("The caller may not do this (FORBIDDEN). With a session "
						     "cookie, a POST without a valid X-CSRF-Token is refused too."),
			 "NotFound", error_response("There is no such resource in the caller's organisation "
						    "(NOTFOUND)."),
			 "Conflict", error_response("A name or e-mail address is taken, or the resource's state "
						    "does not allow the change (CONFLICT; \"field\" names it)."),
			 "TooLarge", error_response("The body is too large (TOOLARGE)."),
			 "Unavailable", error_response("The database is not available; try again "
						       "(UNAVAILABLE)."));
}

static json_t *parameters(void)
{
	return json_pack("{s:{s:s, s:s, s:b, s:s, s:{s:s, s:s, s:i}},"
			 " s:{s:s, s:s, s:b, s:s, s:{s:s, s:i, s:i, s:i}},"
			 " s:{s:s, s:s, s:b, s:s, s:{s:s, s:i, s:i}}}",
			 "Id", "name", "id", "in", "path", "required", 1, "description", "The resource's id.",
			 "schema", "type", "integer", "format", "int64", "minimum", 1,
			 "Limit", "name", "limit", "in", "query", "required", 0, "description",
			 "How many entries to return at most.",
			 "schema", "type", "integer", "minimum", 1, "maximum", API_LIMIT_MAX, "default",
			 API_LIMIT_DEFAULT,
			 "Offset", "name", "offset", "in", "query", "required", 0, "description",
			 "How many entries to skip.",
			 "schema", "type", "integer", "minimum", 0, "default", 0);
}

/* {"400": {"$ref": ...}, ...} for the codes listed, e.g. "401 403 503" */
static json_t *error_refs(json_t *resp, const char *codes)
{
	static const struct {
		const char *code, *name;
	} map[] = {
		{ "400", "Invalid" }, { "401", "Unauthorized" }, { "403", "Forbidden" }, { "404", "NotFound" },
		{ "409", "Conflict" }, { "413", "TooLarge" }, { "503", "Unavailable" },
	};
	for (size_t i = 0; i < sizeof(map) / sizeof(map[0]); i++)
		if (strstr(codes, map[i].code))
			json_object_set_new(resp, map[i].code, ref("responses", map[i].name));
	return resp;
}

static json_t *list_op(const char *id, const char *summary, const char *description, const char *tag,
		       const char *page)
{
	return json_pack("{s:s, s:s, s:s, s:[s], s:[o, o], s:o}",
			 "operationId", id, "summary", summary, "description", description, "tags", tag,
			 "parameters", ref("parameters", "Limit"), ref("parameters", "Offset"),
			 "responses", error_refs(json_pack("{s:o}", "200", json_response("One page of the list.",
											  schema_ref(page))),
						 "400 401 503"));
}

/* a query parameter */
static json_t *query(const char *name, const char *description, json_t *schema)
{
	return json_pack("{s:s, s:s, s:b, s:s, s:o}", "name", name, "in", "query", "required", 0,
			 "description", description, "schema", schema);
}

static json_t *id_query(const char *name, const char *description)
{
	return query(name, description, json_pack("{s:s, s:s, s:i}", "type", "integer", "format", "int64",
						   "minimum", 1));
}

static json_t *date_query(const char *name, const char *description)
{
	return query(name, description, json_pack("{s:s, s:s}", "type", "string", "format", "date"));
}

/* a list with filters (params, stolen, go before limit and offset) and the
 * further error statuses of codes */
static json_t *filtered_list_op(const char *id, const char *summary, const char *description, const char *tag,
				const char *page, json_t *params, const char *codes)
{
	json_t *op = list_op(id, summary, description, tag, page);
	json_t *p = json_object_get(op, "parameters");
	json_array_append(params, json_array_get(p, 0));
	json_array_append(params, json_array_get(p, 1));
	json_object_set_new(op, "parameters", params);
	error_refs(json_object_get(op, "responses"), codes);
	return op;
}

static json_t *patch_op(const char *id, const char *summary, const char *description, const char *tag,
			const char *body, const char *schema)
{
	return json_pack("{s:s, s:s, s:s, s:[s], s:[o], s:{s:b, s:{s:{s:o}}}, s:o}",
			 "operationId", id, "summary", summary, "description", description, "tags", tag,
			 "parameters", ref("parameters", "Id"),
			 "requestBody", "required", 1, "content", "application/json", "schema", schema_ref(body),
			 "responses", error_refs(json_pack("{s:o}", "200", json_response("Changed; the resource as it "
											 "is now.", schema_ref(schema))),
						 "400 401 403 404 409 413 503"));
}

/* adds error statuses to an operation */
static json_t *also(json_t *op, const char *codes)
{
	error_refs(json_object_get(op, "responses"), codes);
	return op;
}

static json_t *get_op(const char *id, const char *summary, const char *description, const char *tag,
		      const char *schema)
{
	return json_pack("{s:s, s:s, s:s, s:[s], s:[o], s:o}",
			 "operationId", id, "summary", summary, "description", description, "tags", tag,
			 "parameters", ref("parameters", "Id"),
			 "responses", error_refs(json_pack("{s:o}", "200", json_response("Found.", schema_ref(schema))),
						 "401 403 404 503"));
}

static json_t *create_op(const char *id, const char *summary, const char *description, const char *tag,
			 const char *body, const char *schema)
{
	json_t *created = json_response("Created.", schema_ref(schema));
	json_object_set_new(created, "headers",
			    json_pack("{s:{s:s, s:{s:s}}}", "Location", "description",
				      "The address of the new resource.", "schema", "type", "string"));
	return json_pack("{s:s, s:s, s:s, s:[s], s:{s:b, s:{s:{s:o}}}, s:o}",
			 "operationId", id, "summary", summary, "description", description, "tags", tag,
			 "requestBody", "required", 1, "content", "application/json", "schema", schema_ref(body),
			 "responses", error_refs(json_pack("{s:o}", "201", created), "400 401 403 409 413 503"));
}

static json_t *describe_op(const char *id)
{
	return json_pack("{s:s, s:s, s:[s], s:[], s:{s:o}}",
			 "operationId", id, "summary", "This description of the API (OpenAPI 3.0).",
			 "tags", "meta", "security",
			 "responses", "200", json_response("The OpenAPI document.",
							   json_pack("{s:s}", "type", "object")));
}

static void step_or_stop_paths(json_t *all)
{
	const char *visible = "Visible when the caller may see the deals of its rep or of its deal's owner: a rep "
			      "their own, a manager those of the reps in the teams they lead and their own, an "
			      "admin all. 403 otherwise.";
	json_object_set_new(all, "/api/v1/stages", json_pack(
		"{s:o, s:o}",
		"get", list_op("listStages", "List the pipeline's stages",
			       "The organisation's stages in order, with what each means and the commitment that "
			       "moves a deal into it. A default set is created the first time.", "stages", "StagePage"),
		"post", create_op("createStage", "Add a stage", "Admins only.", "stages", "NewStage", "Stage")));
	json_object_set_new(all, "/api/v1/stages/{id}", json_pack(
		"{s:o, s:o}",
		"get", get_op("getStage", "One stage", "Every member of the organisation may read the stages.",
			      "stages", "Stage"),
		"patch", patch_op("updateStage", "Change a stage", "Admins only. Only the members sent change.",
				  "stages", "StagePatch", "Stage")));

	json_object_set_new(all, "/api/v1/accounts", json_pack(
		"{s:o, s:o}",
		"get", filtered_list_op("listAccounts", "List accounts",
					"The organisation's accounts by name; every member may find one.", "accounts",
					"AccountPage", json_pack("[o]", query("q", "Part of the name, any case.",
									      json_pack("{s:s}", "type", "string"))),
					""),
		"post", create_op("createAccount", "Add an account", "The caller becomes its owner.", "accounts",
				  "NewAccount", "AccountDetail")));
	json_object_set_new(all, "/api/v1/accounts/{id}", json_pack(
		"{s:o, s:o}",
		"get", get_op("getAccount", "One account, with its contacts", "Every member may read an account.",
			      "accounts", "AccountDetail"),
		"patch", patch_op("updateAccount", "Rename an account",
				  "For whoever sees the deals of the account's owner (403 otherwise), or anyone when "
				  "it has none.", "accounts", "AccountPatch", "AccountDetail")));

	json_object_set_new(all, "/api/v1/deals", json_pack(
		"{s:o, s:o}",
		"get", filtered_list_op("listDeals", "List deals",
					"The deals the caller may see (a rep their own, a manager those of the reps in "
					"the teams they lead and their own, an admin all), filtered; by stage order, "
					"then expected close. Open deals carry their health.", "deals", "DealPage",
					json_pack("[o, o, o, o, o, o]",
						  id_query("owner", "Only this owner's deals."),
						  id_query("team", "Only deals of this team's members."),
						  query("status", "Only deals with this status.",
							json_pack("{s:s, s:o}", "type", "string", "enum", deal_statuses())),
						  id_query("stage", "Only deals in this stage."),
						  id_query("account", "Only this account's deals."),
						  query("q", "Part of the title or the account's name, any case.",
							json_pack("{s:s}", "type", "string"))),
					""),
		"post", create_op("createDeal", "Create a deal",
				  "With account_id, or account_name to create the account with it.", "deals", "NewDeal",
				  "Deal")));
	json_object_set_new(all, "/api/v1/deals/{id}", json_pack(
		"{s:o, s:o}",
		"get", get_op("getDeal", "One deal, with its health and next step",
			      "403 for a colleague's deal the caller may not see.", "deals", "Deal"),
		"patch", patch_op("updateDeal", "Change, close or reopen a deal",
				  "Only the members sent change. A status closes (won, lost, paused) or reopens "
				  "(open) the deal.", "deals", "DealPatch", "Deal")));

	json_object_set_new(all, "/api/v1/conversations", json_pack(
		"{s:o, s:o}",
		"get", filtered_list_op("listConversations", "List conversations",
					"The conversations the caller may see: those whose rep, or whose deal's owner, "
					"the caller may see; newest first.", "conversations", "ConversationPage",
					json_pack("[o, o, o, o]",
						  id_query("deal", "Only this deal's; 403 when the caller may not see "
							   "the deal."),
						  id_query("rep", "Only those this user logged; 403 when the caller "
							   "may not see the user's deals."),
						  date_query("from", "Held on this day or later."),
						  date_query("to", "Held on this day or earlier.")),
					"403 404"),
		"post", also(create_op("logConversation", "Log a conversation",
				       "The caller is the rep. Its one outcome is recorded with all that follows "
				       "from it, in one transaction: the deal's open steps closed, the new step, the "
				       "deal closed for a stop, the stage moved.", "conversations", "NewConversation",
				       "Conversation"),
			     "404")));
	json_object_set_new(all, "/api/v1/conversations/{id}", json_pack(
		"{s:o, s:o}",
		"get", get_op("getConversation", "One conversation", visible, "conversations", "Conversation"),
		"patch", patch_op("updateConversation", "Correct a conversation",
				  "The kind, the duration and the notes; never the outcome.", "conversations",
				  "ConversationPatch", "Conversation")));

	json_object_set_new(all, "/api/v1/steps", json_pack(
		"{s:o}",
		"get", filtered_list_op("listSteps", "List next steps",
					"The steps the caller may see: those whose rep, or whose deal's owner, the "
					"caller may see; earliest due first.", "steps", "StepPage",
					json_pack("[o, o, o]",
						  id_query("rep", "Only this rep's; 403 when the caller may not see "
							   "the user's deals."),
						  id_query("deal", "Only this deal's; 403 when the caller may not see "
							   "the deal."),
						  query("status", "Only steps with this status.",
							json_pack("{s:s, s:[s, s, s, s]}", "type", "string", "enum", "open",
								  "kept", "missed", "cancelled"))),
					"403 404")));
	json_object_set_new(all, "/api/v1/steps/{id}", json_pack(
		"{s:o, s:o}",
		"get", get_op("getStep", "One next step", visible, "steps", "Step"),
		"patch", patch_op("updateStep", "Keep, cancel or move a next step",
				  "A new status (kept, cancelled) or a new due date (a slip), not both.", "steps",
				  "StepPatch", "Step")));

	json_t *figures = json_pack(
		"{s:s, s:s, s:s, s:[s], s:[o, o, o, o], s:o}",
		"operationId", "getCommitmentFigures", "summary", "Step-or-stop figures",
		"description", "The figures of a rep, a team or the organisation over a period, with the counts "
		"behind each so that every rate can be recomputed. Without rep or team: a rep gets their own, "
		"a manager those of all the teams they lead, an admin the organisation's. A rep may ask for "
		"themselves and for their own team as a whole; a manager for the teams they lead and the reps "
		"they see; 403 otherwise.",
		"tags", "figures",
		"parameters",
		id_query("rep", "A rep whose deals the caller sees."),
		id_query("team", "A team the caller leads or belongs to (admins: any)."),
		date_query("from", "First day; default the first day of the month eleven months before to's."),
		date_query("to", "Last day; default today."),
		"responses", error_refs(json_pack("{s:o}", "200", json_response("The figures.",
										 schema_ref("CommitmentFigures"))),
					"400 401 403 404 503"));
	json_object_set_new(all, "/api/v1/figures/commitment", json_pack("{s:o}", "get", figures));
}

/* the period of a numbers report: ?period=LABEL or ?kind= for the current one */
static json_t *period_queries(void)
{
	return json_pack("[o, o]",
			 query("period", "2026-11 (a month), 2026-Q4 (a quarter of the fiscal year) or FY2026 (the "
			       "fiscal year starting in 2026); default the current quarter.",
			       json_pack("{s:s, s:s}", "type", "string", "pattern",
					 "^([0-9]{4}-([0-9]{2}|Q[1-4])|FY[0-9]{4})$")),
			 query("kind", "Instead of period: the current month, quarter or year.",
			       json_pack("{s:s, s:[s, s, s]}", "type", "string", "enum", "month", "quarter", "year")));
}

/* a report (GET without an id) with extra query parameters */
static json_t *report_op(const char *id, const char *summary, const char *description, const char *tag,
			 json_t *params, const char *schema)
{
	return json_pack("{s:s, s:s, s:s, s:[s], s:o, s:o}",
			 "operationId", id, "summary", summary, "description", description, "tags", tag,
			 "parameters", params,
			 "responses", error_refs(json_pack("{s:o}", "200", json_response("The report.",
											  schema_ref(schema))),
						 "400 401 403 404 503"));
}

static void numbers_paths(json_t *all)
{
	const char *set_rights = "Managers for the reps of the teams they lead, admins for anyone; 403 otherwise.";
	json_t *list_params = period_queries();
	json_array_append_new(list_params, id_query("rep", "Only this rep's; 403 when the caller may not see "
						    "the rep's numbers, 404 when there is no such user."));
	json_array_append_new(list_params, id_query("team", "Only the targets of this team's reps; a team the "
						    "caller leads (admins: any)."));
	json_array_append_new(list_params, date_query("from", "Periods starting on this day or later."));
	json_array_append_new(list_params, date_query("to", "Periods ending on this day or earlier."));
	json_t *period_param = json_array_get(list_params, 0);
	json_object_set_new(period_param, "description",
			    json_string("Targets of this period and of the periods inside it (a quarter's months); "
					"not with from or to."));
	json_object_set_new(json_array_get(list_params, 1), "description",
			    json_string("Instead of period: the current month, quarter or year (and the periods "
					"inside it)."));
	json_object_set_new(all, "/api/v1/targets", json_pack(
		"{s:o, s:o}",
		"get", filtered_list_op("listTargets", "List targets",
					"The targets the caller may see: a rep their own, a manager those of the reps "
					"in the teams they lead, an admin all; without rep or team, all of those. Newest "
					"period first, then by name.", "targets", "TargetPage", list_params,
					"403 404"),
		"post", json_pack("{s:s, s:s, s:s, s:[s], s:{s:b, s:{s:{s:o}}}, s:o}",
				  "operationId", "setTarget", "summary", "Set a rep's target for a period",
				  "description", "Creates the target (201), or replaces the amount of the one the rep "
				  "has for that period (200). Managers for the reps of the teams they lead, admins "
				  "for anyone; 403 otherwise.",
				  "tags", "targets",
				  "requestBody", "required", 1, "content", "application/json", "schema",
				  schema_ref("NewTarget"),
				  "responses", error_refs(json_pack("{s:o, s:o}",
								    "201", json_pack("{s:s, s:{s:{s:o}}, s:{s:{s:s, s:{s:s}}}}",
										     "description", "Created.", "content",
										     "application/json", "schema",
										     schema_ref("Target"), "headers",
										     "Location", "description",
										     "The address of the new target.",
										     "schema", "type", "string"),
								    "200", json_response("Replaced: the rep already "
											 "had a target for the "
											 "period.",
											 schema_ref("Target"))),
							  "400 401 403 413 503"))));
	json_t *del = json_pack("{s:s, s:s, s:s, s:[s], s:[o], s:o}",
				"operationId", "deleteTarget", "summary", "Remove a target", "description", set_rights,
				"tags", "targets", "parameters", ref("parameters", "Id"),
				"responses", error_refs(json_pack("{s:{s:s}}", "204", "description", "Removed."),
							"401 403 404 503"));
	json_object_set_new(all, "/api/v1/targets/{id}", json_pack(
		"{s:o, s:o, s:o}",
		"get", get_op("getTarget", "One target", "For whoever may see the rep's numbers; 403 otherwise.",
			      "targets", "Target"),
		"patch", patch_op("updateTarget", "Change a target's amount", set_rights, "targets", "TargetPatch",
				  "Target"),
		"delete", del));

	json_object_set_new(all, "/api/v1/imports/{id}", json_pack(
		"{s:o}", "get", get_op("getImport", "An import's progress and summary",
				       "Admins only. Poll it while status is running; a run of another organisation "
				       "is 404.", "imports", "ImportJob")));

	json_t *results_params = period_queries();
	json_array_append_new(results_params, id_query("rep", "One rep whose numbers the caller may see."));
	json_array_append_new(results_params, id_query("team", "A team the caller leads (admins: any)."));
	json_array_append_new(results_params, ref("parameters", "Limit"));
	json_array_append_new(results_params, ref("parameters", "Offset"));
	json_object_set_new(all, "/api/v1/results", json_pack(
		"{s:o}", "get",
		report_op("listResults", "Results against targets",
			  "Per rep in scope (by name): target, result, attainment, the run-rate projection to the "
			  "period's end and what is needed per remaining week. Without rep or team: a rep their "
			  "own, a manager the reps of the teams they lead, an admin the organisation.", "numbers",
			  results_params, "Results")));

	json_t *tiers_params = period_queries();
	json_array_append_new(tiers_params, id_query("team", "A team the caller leads (admins: any); default the "
						     "teams the caller leads (admins: the organisation)."));
	json_object_set_new(all, "/api/v1/tiers", json_pack(
		"{s:o}", "get",
		report_op("getTiers", "Superstars, core and underperformers",
			  "Managers and admins. Each rep's tier in the period by the organisation's rules, the tier "
			  "the period before and the move between them, and the last 8 periods; with the counts "
			  "per tier. Without period: the last period that is over (of kind, default a quarter), "
			  "since in a period still running most reps are short of their target.", "numbers",
			  tiers_params, "Tiers")));

	json_t *conc_params = period_queries();
	json_array_append_new(conc_params, id_query("team", "A team the caller leads (admins: any); default the "
						    "teams the caller leads (admins: the organisation)."));
	json_object_set_new(all, "/api/v1/concentration", json_pack(
		"{s:o}", "get",
		report_op("getConcentration", "How revenue is spread over the reps",
			  "Managers and admins. The fewest reps that bring half the revenue, the share of the top "
			  "4%, the Gini coefficient and the Lorenz curve, beside the articles' \"about 4% of reps "
			  "bring over half the revenue\".", "numbers", conc_params, "Concentration")));

	json_t *excuse_params = period_queries();
	json_array_append_new(excuse_params, id_query("rep", "Default the caller; another rep only when the caller "
						      "may see their numbers (403)."));
	json_object_set_new(all, "/api/v1/excuses", json_pack(
		"{s:o}", "get",
		report_op("getExcuseCheck", "The excuse check of a rep",
			  "The rep's attainment beside the median of peers in the same territory and segment, and "
			  "the rep's lost reasons per product beside those of peers in the same territory. Samples "
			  "smaller than min_sample are marked too small.", "numbers", excuse_params, "ExcuseCheck")));
}

/* API tokens: listing and revoking (they are made with `salesgarden token create`) */
static void tokens_paths(json_t *all)
{
	json_t *token = object(json_pack("[s, s, s, s, s, s]", "id", "label", "user_id", "user_email",
					 "created_at", "last_used_at"),
			       json_pack("{s:o, s:o, s:o, s:o, s:o, s:o}",
					 "id", int_schema("The token's id."),
					 "label", str_schema("The name given when it was made; may be empty."),
					 "user_id", int_schema("Whose token it is."),
					 "user_email", str_schema("The e-mail address of its user."),
					 "created_at", typed("string", "When it was made (UTC)."),
					 "last_used_at", nullable(typed("string", "When it was last used (UTC, to "
									   "the minute), null if never."))));
	json_t *list = object(json_pack("[s]", "items"),
			      json_pack("{s:{s:s, s:o}}", "items", "type", "array", "items", token));
	json_object_set_new(all, "/api/v1/tokens", json_pack(
		"{s:{s:s, s:s, s:s, s:[s], s:[o], s:o}}", "get",
		"operationId", "listTokens", "summary", "List API tokens",
		"description", "The caller's API tokens that are not revoked, newest first; never the secret, "
		"which is not kept. An admin may ask for a user's with ?user=ID (403 for others).",
		"tags", "me",
		"parameters", id_query("user", "A user of the organisation (admins only); default the caller."),
		"responses", error_refs(json_pack("{s:o}", "200", json_response("The tokens.", list)),
					"400 401 403 503")));
	json_object_set_new(all, "/api/v1/tokens/{id}", json_pack(
		"{s:{s:s, s:s, s:s, s:[s], s:[o], s:o}}", "delete",
		"operationId", "revokeToken", "summary", "Revoke an API token",
		"description", "Revokes one of the caller's API tokens at once (admins: any of the organisation). "
		"404 for a token that is not the caller's, revoked already, or does not exist.",
		"tags", "me",
		"parameters", ref("parameters", "Id"),
		"responses", error_refs(json_pack("{s:{s:s}}", "204", "description", "Revoked."),
					"401 403 404 503")));
}

static json_t *paths(void)
{
	json_t *me = json_pack("{s:s, s:s, s:s, s:[s], s:o}",
			       "operationId", "getMe", "summary", "Who the caller is",
			       "description", "The caller, their organisation and the teams they belong to or lead.",
			       "tags", "me",
			       "responses", error_refs(json_pack("{s:o}", "200", json_response("The caller.",
												 schema_ref("Me"))),
						       "401 503"));
	json_t *all = json_pack("{s:{s:o}, s:{s:o}, s:{s:o}, s:{s:o, s:o}, s:{s:o}, s:{s:o, s:o}, s:{s:o}}",
			 "/api/v1", "get", describe_op("describe"),
			 "/api/v1/openapi.json", "get", describe_op("describeOpenapiJson"),
			 "/api/v1/me", "get", me,
			 "/api/v1/teams",
			 "get", list_op("listTeams", "List teams",
					"Admins see every team of the organisation, managers the teams they "
					"lead and their own, reps their own team. Sorted by name.", "teams", "TeamPage"),
			 "post", create_op("createTeam", "Create a team", "Admins only.", "teams", "NewTeam", "Team"),
			 "/api/v1/teams/{id}",
			 "get", get_op("getTeam", "One team",
				       "403 when the team is in the organisation but not visible to the caller.",
				       "teams", "Team"),
			 "/api/v1/users",
			 "get", list_op("listUsers", "List users",
					"Admins see every user of the organisation (inactive ones included), "
					"managers the members of the teams they lead and themselves, reps only "
					"themselves. Sorted by name.", "users", "UserPage"),
			 "post", create_op("createUser", "Add a user",
					   "Admins only. Without a password, one is generated and returned once "
					   "in the answer.", "users", "NewUser", "CreatedUser"),
			 "/api/v1/users/{id}",
			 "get", get_op("getUser", "One user",
				       "403 when the user is in the organisation but not visible to the caller.",
				       "users", "User"));
	step_or_stop_paths(all);
	numbers_paths(all);
	tokens_paths(all);
	return all;
}

static json_t *document(void)
{
	return json_pack("{s:s, s:{s:s, s:s, s:s}, s:[{s:[]}, {s:[]}], s:[{s:s}, {s:s}, {s:s}, {s:s}, {s:s},"
			 " {s:s}, {s:s}, {s:s}, {s:s}, {s:s}, {s:s}, {s:s}, {s:s}],"
			 " s:o, s:{s:o, s:o, s:o, s:{s:{s:s, s:s, s:s}, s:{s:s, s:s, s:s, s:s}}}}",
			 "openapi", "3.0.3",
			 "info", "title", "Salesgarden API", "version", "1",
			 "description", "The JSON API of Salesgarden. Authenticate with an API token "
			 "(Authorization: Bearer TOKEN; create one with `salesgarden token create`) or, from "
			 "the browser, with the session cookie plus an X-CSRF-Token header on POST. Rights are "
			 "the same as on the pages, and no caller ever sees another organisation's data. "
			 "Errors are {\"error\": CODE, \"message\": text} with the HTTP status of the code.",
			 "security", "bearerAuth", "sessionCookie",
			 "tags", "name", "me", "name", "teams", "name", "users", "name", "stages", "name", "accounts",
			 "name", "deals", "name", "conversations", "name", "steps", "name", "figures", "name", "targets",
			 "name", "numbers", "name", "imports", "name", "meta",
			 "paths", paths(),
			 "components", "schemas", schemas(), "parameters", parameters(), "responses", responses(),
			 "securitySchemes",
			 "bearerAuth", "type", "http", "scheme", "bearer", "description",
			 "An API token, sent as Authorization: Bearer TOKEN.",
			 "sessionCookie", "type", "apiKey", "in", "cookie", "name", "sg_session", "description",
			 "The web session. POST requests also need the X-CSRF-Token header with the "
			 "session's CSRF token.");
}

void api_describe(struct request *r)
{
	api_reply(r, 200, document());
}
