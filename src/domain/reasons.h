/*
 * reasons: the organisation's one list of reasons (issue 14) — why a
 * conversation ends in a STOP and why a deal is lost are the same question,
 * so they share one vocabulary, which the admins keep (store/reasons.c holds
 * the rows, web/page-admin-reasons.c and api/api-reasons.c change them).
 *
 * Here: the seeded codes with their English labels (msgids), the rule for a
 * label an admin types, and the code an admin-added reason gets. Plain
 * strings in and out: no SQL, no HTML.
 */
#ifndef SG_DOMAIN_REASONS_H
#define SG_DOMAIN_REASONS_H
#include <stddef.h>

/* every organisation starts with these, in this order: the union of the
 * old STOP and lost lists ("price" included), so history keeps its codes */
extern const char *const reason_seed_codes[];
extern const size_t reason_seed_count;

/* the English label (an N_ msgid) of a seeded code, or NULL */
const char *reason_seed_label(const char *code);

/* a reason's label as an admin types it: NULL when fine, else a msgid */
#define REASON_LABEL_MAX 100
const char *reason_label_check(const char *label);

/* the code an admin-added reason gets from its label: lowercase ASCII
 * letters and digits joined by "_", at most 40 bytes, "reason" when nothing
 * is left (a label in another script); the caller makes it unique */
void reason_code_from_label(const char *label, char *out, size_t cap);

/* a code as the API and the database hold it: 1..64 of [a-z0-9_] */
int reason_code_valid(const char *code);

#endif
