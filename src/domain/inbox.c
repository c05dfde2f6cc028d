/*
 * inbox: see inbox.h — the rules of the coach's inbox, its order, and
 * dismissals and snoozes keyed on an item's identity and state.
 */
#include "inbox.h"
#include "cadence.h"
#include "period.h"
#include "../lib/util.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const kind_codes[INBOX_KIND_COUNT] = {
	"one_on_one_overdue", "strung_along", "commitment_falling", "underperformer_no_plan",
	"improvement_review_overdue", "underperformer_no_decision", "pulse_risk_shared", "pulse_team_low",
	"no_learning", "loan_overdue", "contest_ending", "targets_missing", "spotlight_due",
};

const char *inbox_kind_code(enum inbox_kind k)
{
	return (unsigned)k < INBOX_KIND_COUNT ? kind_codes[k] : "";
}

void inbox_item_identify(struct inbox_item *it)
{
	const char *code = inbox_kind_code(it->kind);
	const char *since = it->since ? it->since : "";
	switch (it->kind) {
	case INBOX_STRUNG:
		/* another number of deals is another situation */
		snprintf(it->key, sizeof(it->key), "%s:rep:%lld", code, (long long)it->rep_id);
		snprintf(it->fingerprint, sizeof(it->fingerprint), "deals:%ld", it->n);
		return;
	case INBOX_RATE:
		/* the window moves daily; a fall is one situation per 28 days */
		snprintf(it->key, sizeof(it->key), "%s:rep:%lld", code, (long long)it->rep_id);
		snprintf(it->fingerprint, sizeof(it->fingerprint), "window:%s", since);
		return;
	case INBOX_PULSE_TEAM:
	case INBOX_SPOTLIGHT:
		snprintf(it->key, sizeof(it->key), "%s:team:%lld", code, (long long)it->team_id);
		snprintf(it->fingerprint, sizeof(it->fingerprint), "since:%s", since);
		return;
	case INBOX_LOAN:
		snprintf(it->key, sizeof(it->key), "%s:loan:%lld", code, (long long)it->ref_id);
		snprintf(it->fingerprint, sizeof(it->fingerprint), "due:%s", since);
		return;
	case INBOX_TARGETS:
		snprintf(it->key, sizeof(it->key), "%s:period:%s", code, it->period ? it->period : "");
		snprintf(it->fingerprint, sizeof(it->fingerprint), "missing:%ld", it->n);
		return;
	case INBOX_CONTEST:
		snprintf(it->key, sizeof(it->key), "%s:contest:%lld", code, (long long)it->ref_id);
		snprintf(it->fingerprint, sizeof(it->fingerprint), "ends:%s", since);
		return;
	case INBOX_UNDER_REVIEW:
		snprintf(it->key, sizeof(it->key), "%s:plan:%lld", code, (long long)it->ref_id);
		snprintf(it->fingerprint, sizeof(it->fingerprint), "since:%s", since);
		return;
	default:
		snprintf(it->key, sizeof(it->key), "%s:rep:%lld", code, (long long)it->rep_id);
		snprintf(it->fingerprint, sizeof(it->fingerprint), "since:%s", since);
		return;
	}
}

int inbox_rule_ooo(const char *due, const char *today, struct inbox_item *it)
{
	if (!due || !*due || !cadence_overdue(due, today))
		return 0;
	it->kind = INBOX_OOO;
	it->level = 2;
	it->days = cadence_days_overdue(due, today);
	it->since = due;
	return 1;
}

int inbox_rule_strung(long deals, struct inbox_item *it)
{
	if (deals <= 0)
		return 0;
	it->kind = INBOX_STRUNG;
	it->level = deals >= 3 ? 2 : 1;
	it->n = deals;
	it->days = 0;
	return 1;
}

void inbox_rate_windows(const char *today, char now_from[11], char before_from[11], char before_to[11])
{
	day_add(today, -(INBOX_RATE_DAYS - 1), now_from);
	day_add(now_from, -1, before_to);
	day_add(now_from, -INBOX_RATE_DAYS, before_from);
}

int inbox_rule_rate(int64_t now_conv, int64_t now_committed, int64_t before_conv, int64_t before_committed,
		    struct inbox_item *it)
{
	if (now_conv < INBOX_RATE_MIN_CONV || before_conv < INBOX_RATE_MIN_CONV)
		return 0;
	/* in whole per-mille to compare exactly: 100 * (b/B - n/N) >= 10
	 * <=> 100 * (b*N - n*B) >= 10 * B * N */
	int64_t lhs = 100 * (before_committed * now_conv - now_committed * before_conv);
	int64_t rhs = (int64_t)INBOX_RATE_DROP_POINTS * before_conv * now_conv;
	if (lhs < rhs)
		return 0;
	it->kind = INBOX_RATE;
	it->level = 2;
	it->now = (double)now_committed / (double)now_conv;
	it->before = (double)before_committed / (double)before_conv;
	it->now_conv = now_conv;
	it->before_conv = before_conv;
	/* the points it fell, rounded down */
	it->days = 0;
	return 1;
}

int inbox_rule_learning(const char *last_done, const char *joined, const char *today, struct inbox_item *it)
{
	const char *from = last_done && *last_done ? last_done : joined;
	if (!from || !date_valid(from) || !date_valid(today))
		return 0;
	long d = day_diff(from, today);
	if (d < INBOX_LEARNING_DAYS)
		return 0;
	it->kind = INBOX_LEARNING;
	it->level = 1;
	it->days = d;
	it->since = last_done && *last_done ? last_done : "";
	return 1;
}

int inbox_rule_loan(const char *due, const char *today, struct inbox_item *it)
{
	if (!due || !date_valid(due) || !date_valid(today))
		return 0;
	long d = day_diff(due, today);
	if (d <= 0)
		return 0;
	it->kind = INBOX_LOAN;
	it->level = d >= 14 ? 2 : 1;
	it->days = d;
	it->since = due;
	return 1;
}

int inbox_rule_contest(const char *ends_on, const char *today, struct inbox_item *it)
{
	if (!ends_on || !date_valid(ends_on) || !date_valid(today))
		return 0;
	long left = day_diff(today, ends_on);
	if (left < 0 || left > INBOX_CONTEST_DAYS)
		return 0;
	it->kind = INBOX_CONTEST;
	it->level = 1;
	it->days = left;
	it->since = ends_on;
	return 1;
}

int inbox_rule_targets(const char *next_start, long missing, const char *today, struct inbox_item *it)
{
	if (missing <= 0 || !date_valid(next_start) || !date_valid(today))
		return 0;
	long d = day_diff(today, next_start);
	if (d <= 0 || d > INBOX_TARGET_LEAD_DAYS)
		return 0;
	it->kind = INBOX_TARGETS;
	it->level = d <= 7 ? 2 : 1;
	it->days = d;		/* days until it starts */
	it->n = missing;
	it->since = next_start;
	return 1;
}

static int cmp(const void *pa, const void *pb)
{
	const struct inbox_item *a = pa, *b = pb;
	if (a->level != b->level)
		return b->level - a->level;
	if (a->days != b->days)
		return a->days > b->days ? -1 : 1;
	return strcmp(a->key, b->key);
}

void inbox_sort(struct inbox_item *items, size_t n)
{
	if (n > 1)
		qsort(items, n, sizeof(*items), cmp);
}

int inbox_hidden(const struct inbox_item *it, const struct inbox_dismissal *d, size_t n, const char *today)
{
	for (size_t i = 0; i < n; i++) {
		if (strcmp(d[i].key, it->key) || strcmp(d[i].fingerprint, it->fingerprint))
			continue;
		if (!d[i].until || !*d[i].until)
			return 1;
		return strcmp(today, d[i].until) < 0;
	}
	return 0;
}

int inbox_snooze_until(const char *how, const char *today, char out[11])
{
	if (!how || !date_valid(today))
		return -1;
	if (!strcmp(how, "day")) {
		day_add(today, 1, out);
		return 0;
	}
	if (!strcmp(how, "week")) {
		day_add(today, 7, out);
		return 0;
	}
	if (!date_valid(how))
		return -1;
	long d = day_diff(today, how);
	if (d <= 0 || d > 366)
		return -1;
	memcpy(out, how, 11);
	return 0;
}
