/*
 * kudosui: what the kudos page (web/page-kudos.c) and the API
 * (api/api-kudos.c) share: one check of a kudos and of a spotlight, and the
 * viewer's feed scope.
 */
#ifndef SG_WEB_KUDOSUI_H
#define SG_WEB_KUDOSUI_H
#include "../http/request.h"
#include "../domain/kudos.h"
#include "../store/kudos.h"

/* the viewer's feed: an admin's is the organisation's, anyone else's their
 * team(s)' and what they gave or received */
struct kudos_scope kudos_viewer_scope(struct request *r);
/* checks a kudos from the caller to rep_id (an active colleague of the
 * organisation, not the caller; kind; text): the faults in errs and *nerr,
 * the recipient's team in *team; E_OK or a store error */
enum err kudos_give_check(struct request *r, int64_t rep_id, const char *kind, const char *text,
			  struct kudos_field_error *errs, size_t *nerr, int64_t *team);
/* checks a spotlight of team_id (0: none) naming rep_id */
enum err kudos_spotlight_check(struct request *r, int64_t team_id, const char *period, int64_t rep_id,
			       const char *citation, struct kudos_field_error *errs, size_t *nerr);
/* a rep's badges as of today (b[BADGE_COUNT]) from their facts (f, kept
 * for streaks_compute), with the organisation's grace period in *grace_days */
enum err kudos_badges_load(struct request *r, int64_t rep_id, struct badge_facts *f, struct badge *b,
			   int *grace_days);

#endif
