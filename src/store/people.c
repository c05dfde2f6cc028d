/* people: see people.h. */
#include "people.h"
#include "audit.h"
#include "users.h"
#include "teams.h"
#include "../domain/validate.h"
#include "../domain/access.h"
#include "../lib/password.h"
#include "../lib/i18n.h"
#include "../lib/util.h"
#include <string.h>

#define INVALID(f, m) do { *field = (f); *msg = (m); return E_INVALID; } while (0)

/* the checks and the hashing, done before any transaction is opened so that
 * the slow argon2id hash does not hold the database's write lock */
static enum err prepare_user(struct db_conn *c, struct arena *a, int64_t org_id, const struct new_user *nu,
			     char **email, char hash[PASSWORD_HASH_LEN], const char **field, const char **msg)
{
	*field = NULL;
	*msg = NULL;
	*email = arena_strdup(a, nu->email ? nu->email : "");
	email_normalise(*email);
	const char *m;
	if ((m = validate_email(*email)))
		INVALID("email", m);
	if ((m = validate_name(nu->name)))
		INVALID("name", m);
	if (role_parse(nu->role) == ROLE_NONE)
		INVALID("role", N_("The role is admin, manager or rep."));
	if (nu->locale && *nu->locale && lang_parse(nu->locale) < 0)
		INVALID("locale", N_("The language is en, nl or nb."));
	if (nu->password) {
		if ((m = validate_password(nu->password)))
			INVALID("password", m);
		if (password_hash(nu->password, hash))
			return E_INTERNAL;
	}
	if (nu->team_id) {
		struct team t;
		enum err e = team_get(c, a, org_id, nu->team_id, &t);
		if (e == E_NOTFOUND)
			INVALID("team", N_("There is no such team."));
		if (e)
			return e;
	}
	return E_OK;
}

/* the inserts; the caller holds the transaction */
static enum err insert_user(struct db_conn *c, int64_t org_id, const struct new_user *nu, const char *email,
			    const char *hash, int64_t *id, const char **field, const char **msg)
{
	int64_t uid = 0;
	enum err e = user_create(c, org_id, email, nu->name, nu->role, nu->password ? hash : NULL, &uid);
	if (!e && nu->team_id)
		e = user_set_team(c, org_id, uid, nu->team_id);
	if (!e && nu->locale && *nu->locale)
		e = user_set_locale(c, org_id, uid, nu->locale);
	if (e == E_CONFLICT) {
		*field = "email";
		*msg = N_("A user with this e-mail address exists already.");
	}
	if (!e && id)
		*id = uid;
	return e;
}

/* names are stored without the spaces around them */
static const char *trimmed(struct arena *a, const char *s)
{
	return s ? str_trim(arena_strdup(a, s)) : NULL;
}

enum err people_add_user(struct db_conn *c, struct arena *a, int64_t org_id, const struct new_user *given,
			 int64_t *id, const char **field, const char **msg)
{
	struct new_user t = *given;
	const struct new_user *nu = &t;
	t.name = trimmed(a, given->name);
	char *email, hash[PASSWORD_HASH_LEN];
	enum err e = prepare_user(c, a, org_id, nu, &email, hash, field, msg);
	if (e)
		return e;
	struct audit_change ch;
	if ((e = audit_begin(c, &ch, AUDIT_USER, org_id, 0)))
		return e;
	int64_t uid = 0;
	e = insert_user(c, org_id, nu, email, hash, &uid, field, msg);
	e = audit_end(c, &ch, "create", uid, e);
	if (!e && id)
		*id = uid;
	return e;
}

enum err people_check_manager(struct db_conn *c, struct arena *a, int64_t org_id, int64_t manager_id,
			      const char **msg)
{
	struct user u;
	enum err e = user_get(c, a, org_id, manager_id, &u);
	if (e == E_NOTFOUND || (!e && (!u.active || role_parse(u.role) < ROLE_MANAGER))) {
		*msg = N_("The manager must be an active manager or admin of the organisation.");
		return E_INVALID;
	}
	return e;
}

enum err people_add_team(struct db_conn *c, struct arena *a, int64_t org_id, const struct new_team *given,
			 int64_t *id, const char **field, const char **msg)
{
	struct new_team t = *given;
	const struct new_team *nt = &t;
	t.name = trimmed(a, given->name);
	t.territory = trimmed(a, given->territory);
	t.segment = trimmed(a, given->segment);
	*field = NULL;
	*msg = NULL;
	const char *m;
	if ((m = validate_name(nt->name)))
		INVALID("name", m);
	if ((m = validate_text(nt->territory, NAME_MAX_LEN)))
		INVALID("territory", m);
	if ((m = validate_text(nt->segment, NAME_MAX_LEN)))
		INVALID("segment", m);
	if (nt->manager_id) {
		enum err e = people_check_manager(c, a, org_id, nt->manager_id, msg);
		if (e == E_INVALID)
			*field = "manager_id";
		if (e)
			return e;
	}
	enum err e = team_create(c, org_id, nt->name, nt->manager_id, nt->territory, nt->segment, id);
	if (e == E_CONFLICT) {
		*field = "name";
		*msg = N_("A team with this name exists already.");
	}
	return e;
}
