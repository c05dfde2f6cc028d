/*
 * audit: the kinds, the private-field table, the diff that becomes an audit
 * row and the lines a row is shown as. See audit.h.
 */
#include "audit.h"
#include "../lib/arena.h"
#include "../lib/i18n.h"
#include <jansson.h>
#include <string.h>

static const struct {
	const char *name, *label;
} kinds[AUDIT_KIND_COUNT] = {
	[AUDIT_USER] = { "user", N_("Person") },
	[AUDIT_TEAM] = { "team", N_("Team") },
	[AUDIT_TARGET] = { "target", N_("Target") },
	[AUDIT_DEAL] = { "deal", N_("Deal") },
	[AUDIT_SETTING] = { "setting", N_("Setting") },
	[AUDIT_STAGE] = { "stage", N_("Stage") },
	[AUDIT_REASON] = { "reason", N_("Reason") },
	[AUDIT_IMPORT] = { "import", N_("Import") },
	[AUDIT_ASSESSMENT] = { "assessment", N_("Assessment") },
	[AUDIT_PLAN] = { "plan", N_("Development plan") },
	[AUDIT_IMPROVEMENT] = { "improvement", N_("Improvement plan") },
	[AUDIT_ONE_ON_ONE] = { "one_on_one", N_("One-on-one") },
	[AUDIT_PULSE] = { "pulse", N_("Pulse") },
	[AUDIT_SCORECARD] = { "scorecard", N_("Interview scorecard") },
	[AUDIT_CANDIDATE] = { "candidate", N_("Candidate") },
	[AUDIT_ROUND] = { "round", N_("Assessment round") },
	[AUDIT_LEARNING] = { "learning", N_("Learning activity") },
	[AUDIT_WEBHOOK] = { "webhook", N_("Webhook") },
	[AUDIT_TOKEN] = { "token", N_("API token") },
	[AUDIT_TRAIT] = { "trait", N_("Trait") },
	[AUDIT_SUBSKILL] = { "subskill", N_("Subskill") },
};

const char *audit_kind_name(enum audit_kind k)
{
	return (unsigned)k < AUDIT_KIND_COUNT ? kinds[k].name : "";
}

int audit_kind_parse(const char *s)
{
	for (int k = 0; s && k < AUDIT_KIND_COUNT; k++)
		if (!strcmp(s, kinds[k].name))
			return k;
	return -1;
}

const char *audit_kind_label(enum audit_kind k)
{
	return (unsigned)k < AUDIT_KIND_COUNT ? kinds[k].label : "";
}

/* The private fields: text that belongs to the conversation between a rep
 * and their manager (or to the rep alone), and secrets. Everything not
 * listed is logged with its values. */
static const struct {
	enum audit_kind kind;
	const char *field;	/* NULL: every field of the kind */
	enum audit_privacy privacy;
} private_fields[] = {
	{ AUDIT_USER, "password", AUDIT_CHANGED_ONLY },
	{ AUDIT_ASSESSMENT, "evidence", AUDIT_CHANGED_ONLY },
	/* a development plan's title is the rep's and their manager's
	 * (access_private), not every admin's */
	{ AUDIT_PLAN, "title", AUDIT_CHANGED_ONLY },
	{ AUDIT_PLAN, "checkin_note", AUDIT_CHANGED_ONLY },
	{ AUDIT_IMPROVEMENT, "diagnosis_notes", AUDIT_CHANGED_ONLY },
	{ AUDIT_IMPROVEMENT, "decision_note", AUDIT_CHANGED_ONLY },
	{ AUDIT_IMPROVEMENT, "review_outcomes", AUDIT_CHANGED_ONLY },
	{ AUDIT_ONE_ON_ONE, "shared_notes", AUDIT_CHANGED_ONLY },
	{ AUDIT_ONE_ON_ONE, "private_notes", AUDIT_CHANGED_ONLY },
	{ AUDIT_ONE_ON_ONE, "points", AUDIT_CHANGED_ONLY },
	{ AUDIT_PULSE, NULL, AUDIT_NOT_LOGGED },
	/* what an interviewer heard a candidate say */
	{ AUDIT_SCORECARD, "evidence", AUDIT_CHANGED_ONLY },
	/* a learning activity is the rep's and their coach's (access_learning_see),
	 * its reflections the rep's own words, as a one-on-one's notes */
	{ AUDIT_LEARNING, "title", AUDIT_CHANGED_ONLY },
	{ AUDIT_LEARNING, "learned", AUDIT_CHANGED_ONLY },
	{ AUDIT_LEARNING, "will_change", AUDIT_CHANGED_ONLY },
	/* the key deliveries are signed with: that it changed, never what */
	{ AUDIT_WEBHOOK, "secret", AUDIT_CHANGED_ONLY },
};

enum audit_privacy audit_field_privacy(enum audit_kind k, const char *field)
{
	for (size_t i = 0; i < sizeof(private_fields) / sizeof(private_fields[0]); i++)
		if (private_fields[i].kind == k &&
		    (!private_fields[i].field || (field && !strcmp(private_fields[i].field, field))))
			return private_fields[i].privacy;
	return AUDIT_PUBLIC;
}

static const struct {
	const char *code, *label;
} field_labels[] = {
	{ "email", N_("e-mail address") }, { "name", N_("name") }, { "role", N_("role") },
	{ "active", N_("active") }, { "locale", N_("language") }, { "team", N_("team") },
	{ "password", N_("password") }, { "manager", N_("manager") }, { "territory", N_("territory") },
	{ "segment", N_("segment") }, { "person", N_("person") }, { "kind", N_("kind") },
	{ "period_start", N_("period start") }, { "period_end", N_("period end") },
	{ "amount_minor", N_("amount (cents)") }, { "currency", N_("currency") }, { "title", N_("title") },
	{ "account", N_("account") }, { "value_minor", N_("value (cents)") }, { "owner", N_("owner") },
	{ "stage", N_("stage") }, { "product", N_("product") }, { "expected_close", N_("expected close") },
	{ "status", N_("status") }, { "lost_reason", N_("reason lost") }, { "closed_on", N_("closed on") },
	{ "definition", N_("definition") }, { "commitment", N_("commitment") }, { "position", N_("position") },
	{ "code", N_("code") }, { "label", N_("label") }, { "retired_at", N_("retired at") },
	{ "round", N_("round") }, { "rep", N_("rep") }, { "rater", N_("rater") }, { "rater_kind", N_("rater kind") },
	{ "scores", N_("scores") }, { "score_total", N_("score total") }, { "evidence", N_("evidence") },
	{ "focus_trait", N_("focus trait") }, { "goals", N_("goals") }, { "goals_done", N_("goals done") },
	{ "actions", N_("actions") }, { "actions_done", N_("actions done") }, { "checkins", N_("check-ins") },
	{ "checkin_note", N_("check-in notes") }, { "source", N_("source") }, { "period_label", N_("period") },
	{ "flagged_on", N_("flagged on") }, { "diagnosis", N_("diagnosis") },
	{ "diagnosis_notes", N_("diagnosis notes") }, { "plan_start", N_("plan start") },
	{ "plan_end", N_("plan end") }, { "extended_on", N_("extended on") }, { "decision", N_("decision") },
	{ "decided_on", N_("decided on") }, { "decision_note", N_("decision note") }, { "items", N_("items") },
	{ "review_outcomes", N_("review outcomes") }, { "scheduled_on", N_("scheduled on") },
	{ "held_on", N_("held on") }, { "shared_notes", N_("shared notes") },
	{ "private_notes", N_("private notes") }, { "points", N_("points") }, { "file", N_("file") },
	{ "read", N_("rows read") }, { "created", N_("created") }, { "updated", N_("updated") },
	{ "skipped", N_("skipped") }, { "failed", N_("failed") }, { "result", N_("result") },
	{ "candidate", N_("candidate") }, { "interviewer", N_("interviewer") },
	{ "recommendation", N_("recommendation") }, { "reopened", N_("times reopened") },
	{ "opened_on", N_("opened on") }, { "due_on", N_("due on") }, { "forms", N_("forms") },
	{ "origin", N_("origin") }, { "done_on", N_("done on") }, { "minutes", N_("minutes") },
	{ "trait", N_("trait") }, { "learned", N_("what was learned") }, { "will_change", N_("what will change") },
	{ "url", N_("address (URL)") }, { "events", N_("events") }, { "enabled", N_("enabled") },
	{ "secret", N_("signing secret") }, { "revoked", N_("revoked") }, { "anchor1", N_("anchor 1") },
	{ "anchor3", N_("anchor 3") }, { "anchor5", N_("anchor 5") }, { "run", N_("import run") },
	/* levers (issue 10): the team's leaderboard setting */
	{ "show_revenue", N_("individual revenue on the leaderboards") },
};

static const struct {
	const char *code, *label;
} action_labels[] = {
	{ "create", N_("created") }, { "update", N_("changed") }, { "delete", N_("deleted") },
	{ "activate", N_("activated") }, { "deactivate", N_("deactivated") }, { "locale", N_("language changed") },
	{ "password", N_("password changed") }, { "role", N_("role changed") }, { "team", N_("team changed") },
	{ "won", N_("won") }, { "lost", N_("lost") }, { "paused", N_("paused") }, { "open", N_("opened") },
	{ "reopen", N_("reopened") }, { "conversation", N_("changed by a conversation") }, { "move", N_("moved") },
	{ "retire", N_("retired") }, { "restore", N_("offered again") }, { "invite", N_("peer invited") },
	{ "scores", N_("scores saved") }, { "submit", N_("submitted") }, { "goal", N_("goal added or changed") },
	{ "action", N_("action added") }, { "action done", N_("action done") }, { "check-in", N_("check-in added") },
	{ "decision", N_("decision") }, { "item", N_("item added") }, { "outcome", N_("review outcome noted") },
	{ "notes", N_("notes changed") }, { "held", N_("held") }, { "reschedule", N_("rescheduled") },
	{ "point", N_("point added") }, { "answered", N_("answered") }, { "import", N_("imported") },
	{ "close", N_("closed") }, { "answer", N_("suggestion answered") }, { "complete", N_("done") },
	{ "revoke", N_("revoked") }, { "start", N_("import started") }, { "undo", N_("import undone") },
};

const char *audit_field_label(const char *field)
{
	for (size_t i = 0; field && i < sizeof(field_labels) / sizeof(field_labels[0]); i++)
		if (!strcmp(field, field_labels[i].code))
			return field_labels[i].label;
	return NULL;
}

const char *audit_action_label(const char *action)
{
	for (size_t i = 0; action && i < sizeof(action_labels) / sizeof(action_labels[0]); i++)
		if (!strcmp(action, action_labels[i].code))
			return action_labels[i].label;
	return NULL;
}

void audit_json_string(struct strbuf *sb, const char *v)
{
	static const char hex[] = "0123456789abcdef";
	sb_addc(sb, '"');
	for (const unsigned char *p = (const unsigned char *)v; *p; p++) {
		switch (*p) {
		case '"': sb_adds(sb, "\\\""); break;
		case '\\': sb_adds(sb, "\\\\"); break;
		case '\n': sb_adds(sb, "\\n"); break;
		case '\r': sb_adds(sb, "\\r"); break;
		case '\t': sb_adds(sb, "\\t"); break;
		default:
			if (*p < 0x20) {
				sb_adds(sb, "\\u00");
				sb_addc(sb, hex[*p >> 4]);
				sb_addc(sb, hex[*p & 15]);
			} else {
				sb_addc(sb, (char)*p);
			}
		}
	}
	sb_addc(sb, '"');
}

static int same(const char *x, const char *y)
{
	if (!x || !y)
		return x == y;
	return !strcmp(x, y);
}

static void put(struct strbuf *sb, int *first, const char *name, const char *v, int private)
{
	sb_adds(sb, *first ? "" : ",");
	*first = 0;
	audit_json_string(sb, name);
	sb_addc(sb, ':');
	if (!v)
		sb_adds(sb, "null");
	else
		audit_json_string(sb, private ? AUDIT_PRIVATE_VALUE : v);
}

int audit_diff(enum audit_kind k, const char *const *names, const char *const *before,
	       const char *const *after, size_t n, int has_before, int has_after,
	       struct strbuf *bj, struct strbuf *aj)
{
	int fb = 1, fa = 1, count = 0;
	sb_addc(bj, '{');
	sb_addc(aj, '{');
	for (size_t i = 0; i < n; i++) {
		enum audit_privacy p = audit_field_privacy(k, names[i]);
		if (p == AUDIT_NOT_LOGGED)
			continue;
		const char *b = has_before ? before[i] : NULL, *a = has_after ? after[i] : NULL;
		int private = p == AUDIT_CHANGED_ONLY;
		if (has_before && has_after) {
			if (same(b, a))
				continue;
			/* a private field shows that it changed, never from what to what */
			put(bj, &fb, names[i], private ? AUDIT_PRIVATE_VALUE : b, 0);
			put(aj, &fa, names[i], private ? AUDIT_PRIVATE_VALUE : a, 0);
			count++;
		} else if (has_after && a && !(private && !*a)) {
			put(aj, &fa, names[i], a, private);
			count++;
		} else if (has_before && b && !(private && !*b)) {
			put(bj, &fb, names[i], b, private);
			count++;
		}
	}
	sb_addc(bj, '}');
	sb_addc(aj, '}');
	return count;
}

static int add_lines(struct arena *a, json_t *o, json_t *other, int is_before, struct audit_line *lines, size_t *n)
{
	const char *key;
	json_t *v;
	json_object_foreach(o, key, v) {
		if (!json_is_string(v) && !json_is_null(v))
			return -1;
		if (!is_before && json_object_get(other, key))
			continue;	/* shown with its before */
		if (*n >= AUDIT_MAX_FIELDS * 2)
			break;
		struct audit_line *l = &lines[(*n)++];
		l->field = arena_strdup(a, key);
		const char *s = json_is_string(v) ? json_string_value(v) : NULL;
		json_t *w = json_object_get(other, key);
		const char *t = json_is_string(w) ? json_string_value(w) : NULL;
		const char *b = is_before ? s : NULL, *af = is_before ? t : s;
		l->private = (b && !strcmp(b, AUDIT_PRIVATE_VALUE)) || (af && !strcmp(af, AUDIT_PRIVATE_VALUE));
		l->before = b ? arena_strdup(a, b) : NULL;
		l->after = af ? arena_strdup(a, af) : NULL;
	}
	return 0;
}

int audit_lines(struct arena *a, const char *before_json, const char *after_json,
		struct audit_line **out, size_t *n)
{
	*out = NULL;
	*n = 0;
	json_t *b = json_loads(before_json && *before_json ? before_json : "{}", 0, NULL);
	json_t *af = json_loads(after_json && *after_json ? after_json : "{}", 0, NULL);
	int rc = -1;
	if (json_is_object(b) && json_is_object(af)) {
		struct audit_line *lines = arena_allocarray(a, AUDIT_MAX_FIELDS * 2, sizeof(*lines));
		size_t k = 0;
		if (!add_lines(a, b, af, 1, lines, &k) && !add_lines(a, af, b, 0, lines, &k)) {
			*out = lines;
			*n = k;
			rc = 0;
		}
	}
	json_decref(b);
	json_decref(af);
	return rc;
}
