/*
 * recruitui: what the recruiting pages (web/page-recruiting.c) share with
 * the API (api/api-candidates.c): loading a candidate under the rules of
 * domain/access.c, the checks of a new candidate, a conversation and an
 * invitation, and the strung-along rule in words.
 */
#ifndef SG_WEB_RECRUITUI_H
#define SG_WEB_RECRUITUI_H
#include "../http/request.h"
#include "../domain/recruit.h"
#include "../store/recruit.h"
#include "../store/candidate-data.h"

struct candidate_ref recruit_ref(const struct candidate *c);
/* the default stages of a vacancy's pipeline, in the organisation's language, once */
enum err recruit_ensure_stages(struct request *r);
/* the candidate and how much of it the caller sees; E_NOTFOUND when none
 * or when the caller may see nothing of it (one answer for both) */
enum err recruit_load(struct request *r, int64_t id, struct candidate *c, enum candidate_view *view);
/* an anonymised candidate's stored name ("Anonymised candidate #id") in the reader's language */
void recruit_display_name(struct request *r, struct candidate *c);
/* the strung-along rule on the candidate with the organisation's health
 * settings: cfg, or (NULL) read for this one call — a list reads them once */
struct health_result recruit_health(struct request *r, const struct health_settings *cfg, const struct candidate *c);
/* the rule in the reader's words, with the organisation's figures */
const char *recruit_rule_text(struct request *r);
/* candidate_validate, known_by checked against the organisation's active users */
enum err recruit_candidate_check(struct request *r, const struct candidate_input *in, int64_t known_by,
				 struct rule_error *errs, size_t *nerr);
/* a candidate's details changed: the edit page and PATCH
 * /api/v1/candidates/:id, one rule and one store. in: the candidate as it
 * is to be; a retention date other than c's is checked (not in the past),
 * an empty one keeps c's; known_by 0 nobody, -1 not a number, c's own kept
 * unchecked. A fault: *nerr; an e-mail changed to one another candidate of
 * the organisation has (unless anyway): dup->id and dup->name (the merge
 * prompt); in both cases nothing stored */
/* after load_work (who may work on the candidate): whether they may still
 * be edited (access_candidate_edit: not once anonymised); 1 after the
 * answer 409 saying so (page and API), else 0 */
int recruit_refuse_anonymised(struct request *r, const struct candidate *c);
enum err recruit_candidate_update(struct request *r, const struct candidate *c, const struct candidate_input *in,
				  int64_t known_by, int anyway, struct rule_error *errs, size_t *nerr,
				  struct candidate_dup *dup);
/* checks and (when fine) stores a conversation; *nerr faults, nothing stored */
enum err recruit_conv_log(struct request *r, const struct candidate *c, const struct candidate_conv_input *in,
			  struct rule_error *errs, size_t *nerr, int64_t *id);
/* *ok: user_id is an active user of the organisation (access_candidate_invitee) */
enum err recruit_invitee_check(struct request *r, int64_t user_id, int *ok);
/* vacancy_validate, the team checked against the teams the caller runs */
enum err recruit_vacancy_check(struct request *r, const struct vacancy_input *in, int64_t team_id,
			       struct rule_error *errs, size_t *nerr);
/* the translated message of a field's fault in errs, NULL when it has none
 * (the recruiting and vacancy forms) */
const char *recruit_field_error(struct request *r, const struct rule_error *errs, size_t n, const char *field);

#endif
