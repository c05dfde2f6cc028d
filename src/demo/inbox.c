/*
 * demo inbox: the coach's inbox (issue 10) needs no demo data of its own —
 * its items come from what the demo has already written (one-on-ones
 * overdue, strung-along deals, falling commitment rates, the underperformers,
 * Priya's shared pulse, the overdue library loan, the targets of next
 * quarter not yet set). What the demo adds is what a manager does with
 * them: Maarten Visser (Randstad) has snoozed the overdue library loan for
 * a week, so his inbox shows "1 item is dismissed or snoozed". Gathered
 * through service/inbox.c exactly as his page does, in the caller's
 * transaction.
 */
#include "demo.h"
#include "../service/inbox.h"
#include "../store/inbox.h"
#include "../lib/util.h"
#include <string.h>

static int index_of(const char *email)
{
	for (size_t i = 0; i < demo_people_count; i++)
		if (!strcmp(demo_people[i].email, email))
			return (int)i;
	return -1;
}

enum err demo_inbox(struct db_conn *c, struct arena *a, int64_t org_id, const int64_t *user_ids,
		    const int64_t *team_ids)
{
	int m = index_of("maarten.visser@" DEMO_DOMAIN);
	if (m < 0)
		return E_OK;
	struct viewer v = { .id = user_ids[m], .org_id = org_id, .role = ROLE_MANAGER, .led_teams = &team_ids[0],
			    .nled = 1 };
	char today[11], until[11];
	today_date(today);
	struct inbox x;
	enum err e = inbox_gather(c, a, &v, LANG_NL, today, &x);
	if (e)
		return e;
	for (size_t i = 0; i < x.n; i++)
		if (x.items[i].kind == INBOX_LOAN) {
			if (inbox_snooze_until("week", today, until))
				return E_INTERNAL;
			return inbox_dismiss(c, org_id, v.id, x.items[i].key, x.items[i].fingerprint, until);
		}
	return E_OK;
}
