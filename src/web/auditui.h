/*
 * auditui: what the audit page and GET /api/v1/audit share — the filter
 * read from the query (who, what kind, which object, which days), a row's
 * "who" and its changes in words, and the table the page shows and exports.
 */
#ifndef SG_WEB_AUDITUI_H
#define SG_WEB_AUDITUI_H
#include "../http/request.h"
#include "../lib/table.h"
#include "../store/audit.h"

/* ?who= (a user's id, or cli, system, demo), ?kind=, ?object=, ?from= and
 * ?to= (days "YYYY-MM-DD", inclusive). 0, or -1 with the parameter's name
 * in *field and a translated message in *msg. */
int auditui_filter(struct request *r, struct audit_filter *f, const char **field, const char **msg);
/* the actor in words: the user's name, else "Command line", "System", … */
const char *auditui_who(struct request *r, const struct audit_row *x);
/* the kind in words ("Deal") */
const char *auditui_kind(struct request *r, const char *kind);
/* the action in words ("role changed") */
const char *auditui_action(struct request *r, const char *action);
/* "field: old → new; …", a private field as "field: changed" */
const char *auditui_changes(struct request *r, const struct audit_row *x);
/* the rows as the page shows them and the exports hold them */
struct table *auditui_table(struct request *r, const struct audit_row *rows, size_t n);

#endif
