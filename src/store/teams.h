/* teams: queries on teams, their manager, territory and segment. */
#ifndef SG_STORE_TEAMS_H
#define SG_STORE_TEAMS_H
#include <stdint.h>
#include <stddef.h>
#include "../db/db.h"
#include "../lib/arena.h"

struct team {
	int64_t id, org_id;
	const char *name;
	int64_t manager_id;		/* 0 when none */
	const char *manager_name;	/* "" when none */
	const char *territory, *segment;
	int64_t members;
};

struct team_list {
	struct team *items;
	size_t n;
};

enum err team_create(struct db_conn *c, int64_t org_id, const char *name, int64_t manager_id,
		     const char *territory, const char *segment, int64_t *id);
enum err team_update(struct db_conn *c, int64_t org_id, int64_t id, const char *name,
		     int64_t manager_id, const char *territory, const char *segment);
enum err team_get(struct db_conn *c, struct arena *a, int64_t org_id, int64_t id, struct team *out);
enum err team_by_name(struct db_conn *c, struct arena *a, int64_t org_id, const char *name,
		      struct team *out);
enum err team_list_org(struct db_conn *c, struct arena *a, int64_t org_id, struct team_list *out);
/* the teams a user belongs to or leads, by name */
enum err team_list_for_user(struct db_conn *c, struct arena *a, int64_t org_id, int64_t user_id,
			    struct team_list *out);
/* ids of the teams a user manages, into an arena array */
enum err team_ids_led_by(struct db_conn *c, struct arena *a, int64_t org_id, int64_t user_id,
			 int64_t **ids, size_t *n);

#endif
