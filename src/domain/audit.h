/*
 * audit: the rules of the audit log (issue 16) that need no database — the
 * kinds of object it records, which fields are private, the before/after
 * diff that becomes a row, and the readable lines a row is shown as.
 *
 * Privacy: a field in the private table is never written with its text.
 * When such a field changed (or is set on a new object) the row names it
 * with the value AUDIT_PRIVATE_VALUE in before and after; the page, API and
 * export show "changed" for it. The pulse (a rep's own answers) is recorded
 * only as "answered", with no field at all: nothing a manager could read
 * the answers from.
 */
#ifndef SG_DOMAIN_AUDIT_H
#define SG_DOMAIN_AUDIT_H
#include <stddef.h>
#include <stdint.h>
#include "../lib/strbuf.h"

struct arena;

enum audit_kind {
	AUDIT_USER,
	AUDIT_TEAM,
	AUDIT_TARGET,
	AUDIT_DEAL,
	AUDIT_SETTING,
	AUDIT_STAGE,
	AUDIT_REASON,
	AUDIT_IMPORT,
	AUDIT_ASSESSMENT,
	AUDIT_PLAN,
	AUDIT_IMPROVEMENT,
	AUDIT_ONE_ON_ONE,
	AUDIT_PULSE,
	AUDIT_SCORECARD,
	AUDIT_CANDIDATE,
	AUDIT_ROUND,		/* an assessment round: opened, closed */
	AUDIT_LEARNING,		/* an activity of a rep's learning log */
	AUDIT_WEBHOOK,
	AUDIT_TOKEN,		/* an API token: made, revoked */
	AUDIT_TRAIT,
	AUDIT_SUBSKILL,
	AUDIT_KIND_COUNT
};

/* the stored value of a private field that changed */
#define AUDIT_PRIVATE_VALUE "(private)"
/* at most this many fields per snapshot of an object */
#define AUDIT_MAX_FIELDS 16

/* the retention of audit rows, in days: default and bounds an admin may set */
#define AUDIT_RETENTION_DEFAULT 730
#define AUDIT_RETENTION_MIN 30
#define AUDIT_RETENTION_MAX 3650

/* "user", "team", … (stored in audit_log.kind) */
const char *audit_kind_name(enum audit_kind k);
/* the kind named s, -1 when none */
int audit_kind_parse(const char *s);
/* English label, to be translated (N_) */
const char *audit_kind_label(enum audit_kind k);

enum audit_privacy {
	AUDIT_PUBLIC = 0,	/* logged with its values */
	AUDIT_CHANGED_ONLY,	/* logged as "changed", never its text */
	AUDIT_NOT_LOGGED,	/* not logged at all */
};
/* how the field of an object of kind k is logged */
enum audit_privacy audit_field_privacy(enum audit_kind k, const char *field);

/*
 * The diff of one change: n fields named names[i], with values before[i]
 * and after[i] (NULL: SQL NULL). has_before / has_after say whether the
 * object existed before / after (a creation has no before, a deletion no
 * after). Writes two JSON objects into bj and aj (appended): for an update
 * only the fields whose value changed; for a creation every non-NULL field
 * in after; for a deletion every non-NULL field in before. Private fields
 * as AUDIT_PRIVATE_VALUE, unlogged ones never. Returns the number of fields
 * written (0: nothing to record for an update).
 */
int audit_diff(enum audit_kind k, const char *const *names, const char *const *before,
	       const char *const *after, size_t n, int has_before, int has_after,
	       struct strbuf *bj, struct strbuf *aj);

/* one line of a row as shown: field, old → new (NULL: none / absent) */
struct audit_line {
	const char *field;
	const char *before, *after;
	int private;		/* the value is AUDIT_PRIVATE_VALUE: show "changed" */
};
/* the lines of a stored row, in the order of the fields (before's first,
 * then those only in after); from the arena. -1 when a JSON text is not an
 * object of strings and nulls (then *n is 0). */
int audit_lines(struct arena *a, const char *before_json, const char *after_json,
		struct audit_line **out, size_t *n);

/* the field or action in words, to be translated (N_); NULL for one not
 * in the tables (a setting's key: shown as it is) */
const char *audit_field_label(const char *field);
const char *audit_action_label(const char *action);

/* writes the value v as a JSON string (quoted, escaped) into sb */
void audit_json_string(struct strbuf *sb, const char *v);

#endif
