/* scorecards: see scorecards.h. */
#include "scorecards.h"
#include "validate.h"
#include "../lib/i18n.h"
#include <string.h>

const char *const interview_kind_codes[] = { "interview", "ride_along", "case", "phone" };
const size_t interview_kind_count = 4;
static const char *const kind_labels[] = {
	/* TRANSLATORS: a kind of job interview: a conversation in person */
	N_("Interview"),
	/* TRANSLATORS: a kind of job interview: a day riding along with a rep */
	N_("A day riding along"),
	/* TRANSLATORS: a kind of job interview: the candidate works a sales case */
	N_("Sales case"),
	/* TRANSLATORS: a kind of job interview: by phone */
	N_("Phone interview"),
};

const char *const recommendation_codes[] = { "strong_no", "no", "yes", "strong_yes" };
const size_t recommendation_count = 4;
static const char *const recommendation_labels[] = {
	/* TRANSLATORS: an interviewer's overall recommendation on a job candidate */
	N_("Strong no"), N_("No"), N_("Yes"), N_("Strong yes"),
};

static int index_of(const char *const *codes, size_t n, const char *code)
{
	for (size_t i = 0; code && i < n; i++)
		if (!strcmp(codes[i], code))
			return (int)i;
	return -1;
}

const char *interview_kind_label(const char *code)
{
	int i = index_of(interview_kind_codes, interview_kind_count, code);
	return i < 0 ? code : kind_labels[i];
}

int interview_kind_valid(const char *code)
{
	return index_of(interview_kind_codes, interview_kind_count, code) >= 0;
}

const char *recommendation_label(const char *code)
{
	int i = index_of(recommendation_codes, recommendation_count, code);
	return i < 0 ? code : recommendation_labels[i];
}

int recommendation_valid(const char *code)
{
	return index_of(recommendation_codes, recommendation_count, code) >= 0;
}

int scorecard_score_parse(const char *s)
{
	if (!s || !*s)
		return 0;
	if (s[0] >= '0' + SCORE_MIN && s[0] <= '0' + SCORE_MAX && !s[1])
		return s[0] - '0';
	return -1;
}

size_t scorecard_validate(const struct scorecard_input *in, struct scorecard_error *errs, size_t max)
{
	size_t n = 0;
#define ADD(f, t, m) do { if (n < max) errs[n] = (struct scorecard_error){ (f), (t), (m) }; n++; } while (0)
	for (size_t i = 0; i < in->ntraits; i++) {
		int s = in->scores[i];
		if (s < 0 || s > SCORE_MAX)
			ADD("score", i, N_("A score is a whole number from 1 to 5."));
		else if (!s && in->submit)
			ADD("score", i, N_("Choose a score from 1 to 5 before you submit."));
		else if (!s && in->evidence && in->evidence[i] && *in->evidence[i])
			ADD("score", i, N_("Choose a score for this evidence, or clear the evidence."));
		if (in->evidence && in->evidence[i] && validate_notes(in->evidence[i], SCORECARD_EVIDENCE_MAX))
			ADD("evidence", i, N_("The evidence is at most 5000 characters long, without control characters."));
	}
	const char *rec = in->recommendation;
	if (rec && *rec && !recommendation_valid(rec))
		ADD("recommendation", 0, N_("Choose strong no, no, yes or strong yes."));
	else if ((!rec || !*rec) && in->submit)
		ADD("recommendation", 0, N_("Choose an overall recommendation before you submit."));
#undef ADD
	return n;
}

struct elite_result scorecard_elite(const struct trait_mean *t, size_t ntraits)
{
	struct elite_result r = { 0, 0, 0, -1 };
	int weakest_unscored = -1;
	for (size_t i = 0; i < ntraits; i++) {
		if (t[i].n <= 0) {
			if (weakest_unscored < 0)
				weakest_unscored = (int)i;
			continue;
		}
		r.scored++;
		if (t[i].mean >= SCORECARD_STRONG)
			r.strong++;
		if (r.weakest < 0 || t[i].mean < t[r.weakest].mean)
			r.weakest = (int)i;
	}
	if (weakest_unscored >= 0)
		r.weakest = weakest_unscored;
	r.meets = ntraits > 0 && r.scored == (int)ntraits && r.strong == (int)ntraits;
	return r;
}

int scorecard_spread(const int *scores, size_t n)
{
	if (n < 2)
		return 0;
	int lo = scores[0], hi = scores[0];
	for (size_t i = 1; i < n; i++) {
		if (scores[i] < lo)
			lo = scores[i];
		if (scores[i] > hi)
			hi = scores[i];
	}
	return hi - lo;
}

int scorecard_disagree(const int *scores, size_t n)
{
	return scorecard_spread(scores, n) >= SCORECARD_DISAGREE;
}

/* the behavioural questions: ask what the candidate DID, in a situation
 * that happened (structured interviewing), one trait at a time */
static const char *const q_goal[] = {
	/* TRANSLATORS: a suggested job-interview question for the trait "goal-oriented" */
	N_("Tell me about a target you set yourself beyond what was asked. How did you plan to reach it, and where did you end up?"),
	/* TRANSLATORS: a suggested job-interview question for the trait "goal-oriented" */
	N_("Where did you stand against your target last quarter, and how did you know it at the time?"),
	/* TRANSLATORS: a suggested job-interview question for the trait "goal-oriented" */
	N_("Describe a week in which you were behind plan. What did you change, day by day?"),
	NULL,
};
static const char *const q_accountable[] = {
	/* TRANSLATORS: a suggested job-interview question for the trait "accountable" */
	N_("Tell me about a deal you lost. What was your own part in losing it, and what did you do about it?"),
	/* TRANSLATORS: a suggested job-interview question for the trait "accountable" */
	N_("Describe a time you could not keep a promise to a customer. What did you do, and when?"),
	/* TRANSLATORS: a suggested job-interview question for the trait "accountable" */
	N_("When did you last set yourself a higher standard than your manager asked for? What happened?"),
	NULL,
};
static const char *const q_learning[] = {
	/* TRANSLATORS: a suggested job-interview question for the trait "eager to learn" */
	N_("What is the last thing you learned about selling on your own initiative, and how did you use it?"),
	/* TRANSLATORS: a suggested job-interview question for the trait "eager to learn" */
	N_("Tell me about feedback you asked for that was hard to hear. What did you change after it?"),
	/* TRANSLATORS: a suggested job-interview question for the trait "eager to learn" */
	N_("Describe an approach that stopped working for you. How did you find a better one?"),
	NULL,
};
static const char *const q_motivated[] = {
	/* TRANSLATORS: a suggested job-interview question for the trait "motivated" */
	N_("Tell me about a long stretch without results. What kept you going, and what did you do each day?"),
	/* TRANSLATORS: a suggested job-interview question for the trait "motivated" */
	N_("What did you achieve last year that you are proudest of, and why that?"),
	NULL,
};
static const char *const q_customer[] = {
	/* TRANSLATORS: a suggested job-interview question for the trait "customer-oriented" */
	N_("Tell me about a customer whose problem you understood better than they did at first. How did you find out?"),
	/* TRANSLATORS: a suggested job-interview question for the trait "customer-oriented" */
	N_("Describe a time you advised a customer to buy less, or not from you. What happened next?"),
	/* TRANSLATORS: a suggested job-interview question for the trait "customer-oriented" */
	N_("How do you keep in touch with customers after the sale? Give me a recent example."),
	NULL,
};

const char *const *interview_questions_default(const char *trait_code)
{
	static const struct {
		const char *code;
		const char *const *q;
	} d[] = {
		{ "goal", q_goal }, { "accountable", q_accountable }, { "learning", q_learning },
		{ "motivated", q_motivated }, { "customer", q_customer },
	};
	for (size_t i = 0; trait_code && i < sizeof(d) / sizeof(d[0]); i++)
		if (!strcmp(d[i].code, trait_code))
			return d[i].q;
	return NULL;
}
