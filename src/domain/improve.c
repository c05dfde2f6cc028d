/*
 * improve: see improve.h. Days are ISO "YYYY-MM-DD" and compare as text;
 * the period arithmetic (month ends, fiscal quarters) is domain/period.c's.
 */
#include "improve.h"
#include "validate.h"
#include "../lib/i18n.h"
#include "../lib/util.h"
#include <math.h>
#include <string.h>

const char *const improve_diagnosis_codes[] = { "skill", "will", "circumstances", "onboarding", "fit", "other" };
const size_t improve_diagnosis_count = sizeof(improve_diagnosis_codes) / sizeof(improve_diagnosis_codes[0]);
static const char *const diagnosis_labels[] = {
	N_("Skill: does not know how"), N_("Will: does not want to"), N_("Circumstances: something in their life or work"),
	N_("Onboarding: not yet up to speed"), N_("Fit: the role does not suit them"), N_("Other"),
};

const char *const improve_decision_codes[] = { "improved", "extended", "another_role", "parting" };
const size_t improve_decision_count = sizeof(improve_decision_codes) / sizeof(improve_decision_codes[0]);
static const char *const decision_labels[] = {
	N_("Improved: close the plan"), N_("Extend once"), N_("Another role"), N_("Parting ways"),
};

const char *const improve_support_codes[] = { "training", "ride_along", "coaching" };
const size_t improve_support_count = sizeof(improve_support_codes) / sizeof(improve_support_codes[0]);
static const char *const support_labels[] = { N_("Training"), N_("Ride-along"), N_("Coaching") };

static int index_in(const char *const *codes, size_t n, const char *s)
{
	for (size_t i = 0; s && i < n; i++)
		if (!strcmp(s, codes[i]))
			return (int)i;
	return -1;
}

int improve_diagnosis_valid(const char *s, int empty_ok)
{
	if (s && !*s)
		return empty_ok;
	return index_in(improve_diagnosis_codes, improve_diagnosis_count, s) >= 0;
}

const char *improve_diagnosis_label(const char *code)
{
	int i = index_in(improve_diagnosis_codes, improve_diagnosis_count, code);
	return i >= 0 ? diagnosis_labels[i] : code;
}

int improve_decision_valid(const char *s)
{
	return index_in(improve_decision_codes, improve_decision_count, s) >= 0;
}

const char *improve_decision_label(const char *code)
{
	int i = index_in(improve_decision_codes, improve_decision_count, code);
	return i >= 0 ? decision_labels[i] : code;
}

const char *improve_outcome_label(const char *code)
{
	static const char *const labels[] = { N_("Improved"), N_("Extended once"), N_("Another role"), N_("Parting ways") };
	int i = index_in(improve_decision_codes, improve_decision_count, code);
	return i >= 0 ? labels[i] : code;
}

int improve_support_valid(const char *s)
{
	return index_in(improve_support_codes, improve_support_count, s) >= 0;
}

const char *improve_support_label(const char *code)
{
	int i = index_in(improve_support_codes, improve_support_count, code);
	return i >= 0 ? support_labels[i] : code;
}

const char *improve_status_label(const char *status)
{
	if (status && !strcmp(status, "flagged"))
		return N_("Flagged, no plan yet");
	if (status && !strcmp(status, "open"))
		return N_("Plan running");
	return N_("Decided");
}

static size_t add(struct plan_field_error *errs, size_t n, const char *field, const char *message)
{
	if (n < PLAN_ERRORS_MAX)
		errs[n++] = (struct plan_field_error){ field, message };
	return n;
}

static int empty(const char *s)
{
	return !s || !*s;
}

/* the plan's days: both or neither */
static size_t days_check(const char *start, const char *end, struct plan_field_error *errs, size_t n)
{
	if (empty(start) && empty(end))
		return n;
	int s_ok = !empty(start) && date_valid(start), e_ok = !empty(end) && date_valid(end);
	if (!s_ok)
		n = add(errs, n, "plan_start", N_("Enter the first day of the plan as a date."));
	if (!e_ok)
		n = add(errs, n, "plan_end", N_("Enter the last day of the plan as a date."));
	if (s_ok && e_ok && strcmp(start, end) > 0)
		n = add(errs, n, "plan_end", N_("The plan cannot end before it begins."));
	return n;
}

static size_t diagnosis_check(const char *diagnosis, const char *notes, struct plan_field_error *errs, size_t n)
{
	const char *m;
	if (diagnosis && !improve_diagnosis_valid(diagnosis, 1))
		n = add(errs, n, "diagnosis",
			N_("Choose the diagnosis from the list: skill, will, circumstances, onboarding, fit or other."));
	if (notes && *notes && (m = validate_notes(notes, IMPROVE_NOTES_MAX)))
		n = add(errs, n, "diagnosis_notes", m);
	return n;
}

size_t improve_flag_check(const struct improve_flag_input *in, struct plan_field_error *errs)
{
	size_t n = 0;
	if (empty(in->flagged_on) || !date_valid(in->flagged_on))
		n = add(errs, n, "flagged_on", N_("Enter the day the rep was flagged as a date."));
	else if (in->today && strcmp(in->flagged_on, in->today) > 0)
		n = add(errs, n, "flagged_on", N_("The day of the flag cannot be in the future."));
	n = diagnosis_check(in->diagnosis ? in->diagnosis : "", in->diagnosis_notes, errs, n);
	return days_check(in->plan_start, in->plan_end, errs, n);
}

size_t improve_update_check(const struct improve_update_input *in, struct plan_field_error *errs)
{
	size_t n = 0;
	if (in->status && !strcmp(in->status, "closed"))
		return add(errs, n, "status", N_("This plan is closed with a decision; it is not changed any more."));
	n = diagnosis_check(in->diagnosis, in->diagnosis_notes, errs, n);
	if (in->plan_start || in->plan_end)
		n = days_check(in->plan_start ? in->plan_start : "", in->plan_end ? in->plan_end : "", errs, n);
	return n;
}

size_t improve_item_check(const struct improve_item_input *in, struct plan_field_error *errs)
{
	size_t n = 0;
	const char *m;
	if (empty(in->kind) || (strcmp(in->kind, "expectation") && strcmp(in->kind, "support") && strcmp(in->kind, "review")))
		return add(errs, n, "kind", N_("Add an expectation, a support item or a review date."));
	if (in->text && *in->text && (m = validate_text(in->text, IMPROVE_TEXT_MAX)))
		n = add(errs, n, "text", m);
	if (!strcmp(in->kind, "expectation")) {
		if (empty(in->metric) || !goal_metric_valid(in->metric))
			n = add(errs, n, "metric", N_("Choose the figure the expectation is measured by."));
		else if (!in->has_target)
			n = add(errs, n, "target", N_("An expectation needs a target for its figure."));
		else if ((m = goal_target_check(in->metric, in->target)))
			n = add(errs, n, "target", m);
	} else if (!strcmp(in->kind, "support")) {
		if (!improve_support_valid(in->support_kind))
			n = add(errs, n, "support_kind", N_("Choose the kind of support: training, ride-along or coaching."));
		if (empty(in->text))
			n = add(errs, n, "text", N_("Say what the support is."));
	} else if (empty(in->on_date) || !date_valid(in->on_date)) {
		n = add(errs, n, "on_date", N_("Enter the review date as a date."));
	}
	return n;
}

size_t improve_outcome_check(const char *outcome, struct plan_field_error *errs)
{
	const char *m;
	if (empty(outcome))
		return add(errs, 0, "outcome", N_("Write the outcome of the review."));
	if ((m = validate_notes(outcome, IMPROVE_NOTES_MAX)))
		return add(errs, 0, "outcome", m);
	return 0;
}

size_t improve_decide(const struct improve_decide_in *in, struct improve_decide_out *out,
		      struct plan_field_error *errs)
{
	size_t n = 0;
	const char *m;
	memset(out, 0, sizeof(*out));
	if (in->status && !strcmp(in->status, "closed"))
		return add(errs, n, "decision", N_("This plan is already closed with a decision; a closed plan takes no "
						   "further decision."));
	if (!improve_decision_valid(in->decision))
		return add(errs, n, "decision",
			   N_("Choose a decision: improved, extend once, another role or parting ways."));
	if (in->note && *in->note && (m = validate_notes(in->note, IMPROVE_NOTES_MAX)))
		n = add(errs, n, "note", m);
	if (!strcmp(in->decision, "extended")) {
		if (empty(in->plan_end) || strcmp(in->status ? in->status : "", "open"))
			return add(errs, n, "decision", N_("Only a plan with its days can be extended: give the plan its "
							   "first and last day first."));
		if (in->extended)
			return add(errs, n, "decision", N_("A plan is extended once only. Decide now: improved, another "
							   "role or parting ways."));
		if (empty(in->until) || !date_valid(in->until))
			n = add(errs, n, "until", N_("Enter the new last day of the plan as a date."));
		else if (strcmp(in->until, in->plan_end) <= 0)
			n = add(errs, n, "until", N_("The new last day must come after the plan's current last day."));
		if (n)
			return n;
		*out = (struct improve_decide_out){ "open", "", in->until, 1 };
		return 0;
	}
	if (n)
		return n;
	*out = (struct improve_decide_out){ "closed", in->decision, in->plan_end, in->extended };
	return 0;
}

/* the earlier of two days, "" counting as none */
static void earlier(char out[11], const char *day)
{
	if (!*out || strcmp(day, out) < 0)
		memcpy(out, day, 11);
}

unsigned improve_warnings(const struct improve_facts *f, const char *today, enum period_kind kind,
			  int fiscal_start_month, struct improve_warning_days *days)
{
	struct improve_warning_days d;
	memset(&d, 0, sizeof(d));
	unsigned w = 0;
	const char *status = f->status ? f->status : "";
	if (strcmp(status, "closed")) {
		if (!strcmp(status, "flagged") && !empty(f->flagged_on) && date_valid(f->flagged_on)) {
			day_add(f->flagged_on, IMPROVE_NO_PLAN_DAYS, d.no_plan);
			if (strcmp(today, d.no_plan) >= 0)
				w |= IW_NO_PLAN;
			else
				d.no_plan[0] = 0;
		}
		if (*status && f->first_open_review && date_valid(f->first_open_review) &&
		    strcmp(f->first_open_review, today) < 0) {
			w |= IW_REVIEW;
			earlier(d.review, f->first_open_review);
		}
		if (!strcmp(status, "open") && !empty(f->plan_end) && date_valid(f->plan_end) &&
		    strcmp(f->plan_end, today) < 0) {
			w |= IW_REVIEW;
			earlier(d.review, f->plan_end);
		}
		/* two periods: the one holding the flag and the next have ended */
		if (!empty(f->flagged_on) && date_valid(f->flagged_on)) {
			struct period p, next;
			period_containing(kind, f->flagged_on, fiscal_start_month, &p);
			period_next(&p, fiscal_start_month, &next);
			char due[11];
			day_add(next.end, 1, due);
			if (strcmp(today, due) >= 0) {
				w |= IW_NO_DECISION;
				earlier(d.no_decision, due);
			}
		}
		if (f->periods_under >= 2) {
			w |= IW_NO_DECISION;
			earlier(d.no_decision, today);
		}
	}
	if (days)
		*days = d;
	return w;
}

void improve_history_add(struct improve_history *h, const char *decision, int extended)
{
	if (!decision || !*decision)
		return;
	h->decided++;
	if (!strcmp(decision, "improved"))
		h->improved++;
	else if (!strcmp(decision, "another_role"))
		h->another_role++;
	else if (!strcmp(decision, "parting"))
		h->parting++;
	if (extended)
		h->extended++;
}
