/*
 * recruit-retention: the rule of candidates' data past its retention date
 * (issue 11, "Candidates' data"). A candidate is due for anonymisation when
 * the date until which their data is kept has passed (retain_until before
 * today) and they are not anonymised yet. Anonymising keeps the rows (the
 * funnel's counts: source, vacancy, stage, dates, outcomes, stop reasons,
 * scores) and empties what names or describes the person: the fields of
 * candidate_anonymised_fields, the notes and stop notes of their
 * conversations and the evidence of their scorecards. The interview
 * questions are the organisation's, not the candidate's: untouched.
 *
 * Plain values in and out; dates are "YYYY-MM-DD"; today is passed in.
 */
#ifndef SG_RECRUIT_RETENTION_H
#define SG_RECRUIT_RETENTION_H
#include <stddef.h>
#include <stdint.h>

/* 1 when due: retain_until is a date before today and anonymised_at is
 * NULL or "" (not anonymised yet); 0 otherwise (also for a malformed date) */
int candidate_retention_due(const char *retain_until, const char *anonymised_at, const char *today);

/* the candidate's own columns that anonymising empties, in table order */
extern const char *const candidate_anonymised_fields[];
extern const size_t candidate_anonymised_field_count;

/* the name an anonymised candidate keeps: "Anonymised candidate #<id>"
 * (stored in English; pages show it translated) into out */
void candidate_anonymised_name(int64_t id, char *out, size_t size);

#endif
