/*
 * router: see router.h. The order matters: size and syntax are checked
 * before anything touches the database; identity before role; role before
 * CSRF (a stranger learns nothing about tokens); all before the handler.
 */
#include "router.h"
#include "route.h"
#include "server.h"
#include "../store/teams.h"
#include "../lib/util.h"
#include "../lib/log.h"
#include "../lib/html.h"
#include <microhttpd.h>
#include <string.h>
#include <strings.h>

const struct route *route_match(struct request *r, const char *method, const char *path, int *path_known)
{
	*path_known = 0;
	for (size_t i = 0; i < routes_count; i++) {
		const struct route *rt = &routes[i];
		const char *p = rt->pattern, *s = path;
		int64_t ids[2] = { 0, 0 };
		int nid = 0, ok = 1;
		const char *tail = NULL;
		while (*p && ok) {
			if (*p == '*') {
				tail = s;
				s += strlen(s);
				p++;
				break;
			}
			if (p[0] == ':') {
				/* ":id": one path segment holding a positive integer */
				const char *pe = strchr(p, '/');
				if (!pe)
					pe = p + strlen(p);
				const char *se = strchr(s, '/');
				if (!se)
					se = s + strlen(s);
				size_t sl = (size_t)(se - s);
				char buf[24];
				int64_t v;
				if (!sl || sl >= sizeof(buf) || nid >= 2) {
					ok = 0;
					break;
				}
				memcpy(buf, s, sl);
				buf[sl] = '\0';
				/* one address per id: no sign, no leading zero */
				if (buf[0] < '1' || buf[0] > '9' || parse_i64(buf, &v) || v <= 0) {
					ok = 0;
					break;
				}
				ids[nid++] = v;
				p = pe;
				s = se;
				continue;
			}
			if (*p != *s)
				ok = 0;
			p++;
			s++;
		}
		if (!ok || *p || *s)
			continue;
		if (strcmp(rt->method, method)) {
			*path_known = 1;
			continue;
		}
		if (r) {
			r->id = ids[0];
			r->id2 = ids[1];
			r->tail = tail;
		}
		return rt;
	}
	return NULL;
}

static int is_json_route(const struct request *r)
{
	return r->route && (r->route->flags & R_JSON);
}

/* resolves who is asking; 0 on success (possibly anonymous), -1 after an error reply */
static int authenticate(struct request *r)
{
	const char *authz = req_header(r, "Authorization");
	if (authz && is_json_route(r)) {
		if (strncasecmp(authz, "Bearer ", 7)) {
			resp_error(r, E_UNAUTHORIZED, T("Use Authorization: Bearer TOKEN."));
			return -1;
		}
		enum err e = token_lookup(r->db, r->a, str_trim(arena_strdup(r->a, authz + 7)), &r->me);
		if (e == E_NOTFOUND) {
			resp_error(r, E_UNAUTHORIZED, T("The API token is not valid."));
			return -1;
		}
		if (e) {
			resp_error(r, E_UNAVAILABLE, T("The database is not available. Try again shortly."));
			return -1;
		}
		r->signed_in = r->via_token = 1;
	} else {
		const char *tok = kv_get(&r->cookies, "sg_session");
		if (tok && *tok) {
			enum err e = session_lookup(r->db, r->a, tok, &r->me);
			if (e && e != E_NOTFOUND) {
				resp_error(r, E_UNAVAILABLE, T("The database is not available. Try again shortly."));
				return -1;
			}
			if (!e) {
				r->signed_in = 1;
				r->session_token = tok;
			}
		}
	}
	if (!r->signed_in)
		return 0;
	r->viewer.id = r->me.user_id;
	r->viewer.org_id = r->me.org_id;
	r->viewer.role = role_parse(r->me.role);
	int64_t *led = NULL;
	size_t nled = 0;
	/* a manager demoted to rep keeps no rights over teams still naming them */
	if (r->viewer.role >= ROLE_MANAGER &&
	    team_ids_led_by(r->db, r->a, r->me.org_id, r->me.user_id, &led, &nled)) {
		resp_error(r, E_UNAVAILABLE, T("The database is not available. Try again shortly."));
		return -1;
	}
	r->viewer.led_teams = led;
	r->viewer.nled = nled;
	if (user_team_id(r->db, r->me.org_id, r->me.user_id, &r->viewer.team_id)) {
		resp_error(r, E_UNAVAILABLE, T("The database is not available. Try again shortly."));
		return -1;
	}
	int l = lang_parse(r->me.user_locale);
	if (l < 0)
		l = lang_parse(r->me.org_locale);
	if (l >= 0)
		r->lang = (enum lang)l;
	return 0;
}

static int role_allows(unsigned flags, enum role role)
{
	if (flags & R_ANON)
		return 1;
	if (flags & R_ADMIN)
		return role == ROLE_ADMIN;
	if (flags & R_MANAGER)
		return role == ROLE_MANAGER || role == ROLE_ADMIN;
	return role != ROLE_NONE;
}

/*
 * multipart/form-data, for the routes that take uploads (R_UPLOAD): the body
 * is already buffered, so libmicrohttpd's post processor runs over it in one
 * go. Text fields join r->form (so the CSRF check reads csrf_token from them
 * as from any form); the one file goes to r->upload. The iterator is called
 * per chunk of a part, a part's first chunk at offset 0; an empty part may
 * come as one call of size 0.
 */
struct multipart {
	struct request *r;
	struct kv *items;
	size_t n, cap;
	int part;			/* 0 none, 1 text, 2 file */
	const char *key;
	size_t got;			/* bytes of the current part so far */
	struct strbuf val;
	const char *bad;		/* a field that is not valid UTF-8 text */
	int extra_file;			/* a second file was sent */
};

/* ends the text part under way, into the form */
static int mp_end_text(struct multipart *m)
{
	if (m->part != 1)
		return 0;
	m->part = 0;
	if (strlen(m->val.buf) != m->val.len || !utf8_valid(m->val.buf, m->val.len) ||
	    !utf8_valid(m->key, strlen(m->key))) {
		m->bad = m->key;
		return -1;
	}
	if (m->n == m->cap) {
		size_t cap = m->cap ? m->cap * 2 : 16;
		struct kv *n = arena_alloc(m->r->a, cap * sizeof(*n));
		if (m->n)
			memcpy(n, m->items, m->n * sizeof(*n));
		m->items = n;
		m->cap = cap;
	}
	m->items[m->n].key = m->key;
	m->items[m->n].val = arena_strndup(m->r->a, m->val.buf, m->val.len);
	m->n++;
	return 0;
}

static enum MHD_Result mp_iter(void *cls, enum MHD_ValueKind kind, const char *key, const char *filename,
			       const char *content_type, const char *transfer_encoding, const char *data,
			       uint64_t off, size_t size)
{
	(void)kind;
	(void)transfer_encoding;
	struct multipart *m = cls;
	struct request *r = m->r;
	if (!key)
		key = "";
	int file = filename != NULL;
	/* a new part, unless this continues one that has had no bytes yet */
	int same = m->part && m->got == 0 && (m->part == 2) == file && !strcmp(m->key, key);
	if (off == 0 && !same) {
		if (mp_end_text(m))
			return MHD_NO;
		m->key = arena_strdup(r->a, key);
		m->got = 0;
		if (file) {
			m->part = 2;
		} else {
			m->part = 1;
			sb_reset(&m->val);
		}
	}
	if (m->part == 2 && file) {
		/* a file input left empty sends a part with no file name and no bytes */
		if (!r->upload.present && (size || *filename)) {
			r->upload.present = 1;
			r->upload.field = m->key;
			r->upload.filename = arena_strdup(r->a, filename);
			r->upload.content_type = arena_strdup(r->a, content_type ? content_type : "");
		} else if (r->upload.present && (size || *filename) && r->upload.field != m->key) {
			m->extra_file = 1;
			return MHD_NO;
		}
		if (size)
			sb_add(&r->upload.data, data, size);
	} else if (size) {
		sb_add(&m->val, data, size);
	}
	m->got += size;
	return MHD_YES;
}

static int parse_multipart(struct request *r)
{
	struct multipart m = { .r = r };
	sb_init(&m.val, 0);
	int ok = 0;
	struct MHD_PostProcessor *pp = MHD_create_post_processor(r->mhd, 64 * 1024, mp_iter, &m);
	if (pp) {
		ok = MHD_post_process(pp, r->body.buf, r->body.len) == MHD_YES;
		/* MHD_NO here: the body ended inside a part (no closing boundary) */
		ok = MHD_destroy_post_processor(pp) == MHD_YES && ok;
		if (ok)
			ok = !mp_end_text(&m);
	}
	sb_release(&m.val);
	if (m.bad) {
		resp_error(r, E_INVALID, arena_printf(r->a, T("The form field '%s' is not correctly encoded."), m.bad));
		return -1;
	}
	if (m.extra_file) {
		resp_error(r, E_INVALID, T("Send one file at a time."));
		return -1;
	}
	if (!ok) {
		resp_error(r, E_INVALID, T("The upload is not a complete multipart form. Try sending it again."));
		return -1;
	}
	r->form.items = m.items;
	r->form.n = m.n;
	return 0;
}

static int parse_body(struct request *r)
{
	sb_init(&r->upload.data, 0);
	if (!r->body.len)
		return 0;
	const char *ct = req_header(r, "Content-Type");
	if (ct && !strncasecmp(ct, "multipart/form-data", 19) && (r->route->flags & R_UPLOAD))
		return parse_multipart(r);
	if (ct && !strncasecmp(ct, "application/x-www-form-urlencoded", 33)) {
		const char *bad;
		if (kv_parse_urlencoded(r->a, r->body.buf, r->body.len, &r->form, &bad)) {
			resp_error(r, E_INVALID, arena_printf(r->a, T("The form field '%s' is not correctly encoded."),
							      bad ? bad : ""));
			return -1;
		}
		return 0;
	}
	if (is_json_route(r)) {
		json_error_t je;
		r->json = json_loadb(r->body.buf, r->body.len, JSON_REJECT_DUPLICATES, &je);
		if (!r->json) {
			resp_error(r, E_INVALID, arena_printf(r->a, T("The body is not valid JSON (line %d, column %d): %s"),
							      je.line, je.column, je.text));
			return -1;
		}
		if (!json_is_object(r->json)) {
			resp_error(r, E_INVALID, T("The body must be a JSON object."));
			return -1;
		}
	}
	return 0;
}

static int csrf_ok(struct request *r)
{
	if (r->via_token)
		return 1;
	const char *sent = kv_get(&r->form, "csrf_token");
	if (!sent)
		sent = req_header(r, "X-CSRF-Token");
	const char *expected = r->signed_in ? r->me.csrf : kv_get(&r->cookies, "sg_csrf");
	/* before sign-in, only a cookie this installation made counts */
	if (!r->signed_in && !csrf_cookie_valid(r, expected))
		return 0;
	return sent && expected && *expected && str_eq_ct(sent, expected);
}

void router_dispatch(struct request *r)
{
	r->lang = LANG_EN;
	kv_parse_cookies(r->a, req_header(r, "Cookie"), &r->cookies);
	int l = lang_parse(kv_get(&r->cookies, "sg_lang"));
	r->lang = l >= 0 ? (enum lang)l : lang_negotiate(req_header(r, "Accept-Language"), LANG_EN);
	const char *proto = req_header(r, "X-Forwarded-Proto");
	r->secure = proto && !strcasecmp(proto, "https");

	if (!r->route) {
		int known = 0;
		route_match(NULL, r->method, r->path, &known);
		if (known) {
			resp_error(r, E_INVALID, T("This address does not accept that method."));
			r->status = 405;
		} else {
			resp_error(r, E_NOTFOUND, T("There is no page at this address."));
		}
		return;
	}
	if (r->body_too_large) {
		resp_error(r, E_TOOLARGE, arena_printf(r->a, T("The request is larger than %zu KiB."),
						       r->body_limit / 1024));
		return;
	}
	const char *bad;
	if (kv_parse_urlencoded(r->a, r->raw_query, strlen(r->raw_query), &r->query, &bad)) {
		resp_error(r, E_INVALID, arena_printf(r->a, T("The query parameter '%s' is not correctly encoded."),
						      bad ? bad : ""));
		return;
	}
	unsigned flags = r->route->flags;
	if (!(flags & R_NODB)) {
		r->db = db_acquire(r->srv->db, NULL);
		if (!r->db) {
			resp_error(r, E_UNAVAILABLE, T("The database is not available. Try again shortly."));
			resp_header(r, "Retry-After", "5");
			return;
		}
		if (authenticate(r))
			goto done;
	}
	if (!role_allows(flags, r->viewer.role)) {
		if (!r->signed_in) {
			if (flags & R_JSON) {
				resp_error(r, E_UNAUTHORIZED, T("Sign in or send an API token."));
			} else {
				struct strbuf loc = STRBUF_INIT;
				sb_adds(&loc, "/login?next=");
				url_encode(&loc, r->path);
				resp_redirect(r, arena_strdup(r->a, loc.buf));
				sb_release(&loc);
			}
		} else {
			resp_error(r, E_FORBIDDEN, (flags & R_JSON) ? T("Your role does not allow this request.")
				   : T("You do not have access to this page."));
		}
		goto done;
	}
	if (parse_body(r))
		goto done;
	if ((flags & R_CSRF) && !csrf_ok(r)) {
		resp_error(r, E_FORBIDDEN, (flags & R_JSON)
			   ? T("Send the X-CSRF-Token header with a session cookie, or use an API token.")
			   : T("This form has expired. Reload the page and try again."));
		goto done;
	}
	r->route->fn(r);
	if (!r->status) {
		log_error("%s %s: handler gave no answer", r->method, r->path);
		resp_error(r, E_INTERNAL, T("Something went wrong on our side."));
	}
done:
	if (r->db) {
		db_release(r->db);
		r->db = NULL;
	}
}
