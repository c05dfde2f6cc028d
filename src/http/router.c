/*
 * router: see router.h. The order matters: size and syntax are checked
 * before anything touches the database; identity before role; role before
 * CSRF (a stranger learns nothing about tokens); all of these before a byte
 * of the body is read, and all before the handler.
 */
#include "router.h"
#include "route.h"
#include "server.h"
#include "pagecache.h"
#include "../store/teams.h"
#include "../lib/util.h"
#include "../lib/log.h"
#include "../lib/html.h"
#include <microhttpd.h>
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <strings.h>
#include <sys/mman.h>
#include <unistd.h>

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
static int authenticate_reads(struct request *r)
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

/* the session's reads as one read transaction (db_read_begin: on SQLite a
 * page kept in the page cache costs these reads and little else); a token's
 * lookup writes its last use, so it runs as before */
static int authenticate(struct request *r)
{
	const char *authz = req_header(r, "Authorization");
	if (!(authz && is_json_route(r)))
		db_read_begin(r->db);
	int rc = authenticate_reads(r);
	db_read_end(r->db);
	return rc;
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
 * multipart/form-data, for the routes that take uploads (R_UPLOAD), parsed
 * as the body arrives by libmicrohttpd's post processor, one chunk at a
 * time: nothing of the file is kept in memory. Text fields join r->form (so
 * the CSRF check reads csrf_token from them as from any form), each held to
 * MP_TEXT_MAX; the one file goes to an unnamed temporary file (r->upload).
 * The iterator is called per chunk of a part, a part's first chunk at
 * offset 0; an empty part may come as one call of size 0.
 */
#define MP_TEXT_MAX (64 * 1024)

struct multipart {
	struct request *r;
	struct MHD_PostProcessor *pp;
	const char *tmpdir;
	struct kv *items;
	size_t n, cap;
	int part;			/* 0 none, 1 text, 2 file */
	const char *key;
	size_t got;			/* bytes of the current part so far */
	struct strbuf val;
	const char *bad;		/* a field that is not valid UTF-8 text */
	int extra_file;			/* a second file was sent */
	int too_long;			/* a text field over MP_TEXT_MAX */
	int io_error;			/* the temporary file could not be written */
	int failed;			/* the post processor refused the body */
	size_t text_total;		/* bytes of all text fields, held to max_body */
};

/* an unnamed file in dir, gone when closed (O_TMPFILE; else made and
 * unlinked at once) */
static int temp_file(const char *dir)
{
	int fd = open(dir, O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
	if (fd >= 0 || (errno != EOPNOTSUPP && errno != EISDIR && errno != EINVAL && errno != ENOENT))
		return fd;
	char path[4096];
	if ((size_t)snprintf(path, sizeof(path), "%s/salesgarden-upload-XXXXXX", dir) >= sizeof(path))
		return -1;
	fd = mkostemp(path, O_CLOEXEC);
	if (fd >= 0)
		unlink(path);
	return fd;
}

static int write_all(int fd, const char *p, size_t n)
{
	while (n) {
		ssize_t w = write(fd, p, n);
		if (w < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		p += w;
		n -= (size_t)w;
	}
	return 0;
}

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
		if (size) {
			if (r->upload.fd < 0)
				r->upload.fd = temp_file(m->tmpdir);
			if (r->upload.fd < 0 || write_all(r->upload.fd, data, size)) {
				log_error("cannot store an upload in %s: %s", m->tmpdir, strerror(errno));
				m->io_error = 1;
				return MHD_NO;
			}
			r->upload.size += size;
		}
	} else if (size) {
		if (m->val.len + size > MP_TEXT_MAX || m->text_total + size > r->srv->max_body) {
			m->too_long = 1;
			return MHD_NO;
		}
		m->text_total += size;
		sb_add(&m->val, data, size);
	}
	m->got += size;
	return MHD_YES;
}

static int is_multipart_upload(struct request *r)
{
	return r->spooled;	/* decided by the server on the headers */
}

void router_body(struct request *r, const char *data, size_t size, const char *tmpdir)
{
	if (r->body_too_large || r->body_bad)
		return;		/* the rest is read and dropped; the answer says why */
	if (size > r->body_limit - r->body_got) {
		r->body_too_large = 1;
		return;
	}
	r->body_got += size;
	if (!is_multipart_upload(r)) {
		sb_add(&r->body, data, size);
		return;
	}
	struct multipart *m = r->mp;
	if (!m) {
		m = r->mp = arena_alloc(r->a, sizeof(*m));
		memset(m, 0, sizeof(*m));
		m->r = r;
		m->tmpdir = tmpdir && *tmpdir ? tmpdir : "/tmp";
		sb_init(&m->val, 0);
		m->pp = MHD_create_post_processor(r->mhd, 64 * 1024, mp_iter, m);
		if (!m->pp)
			m->failed = 1;
	}
	if (!m->failed && MHD_post_process(m->pp, data, size) != MHD_YES)
		m->failed = 1;
	if (m->failed || m->bad || m->extra_file || m->too_long || m->io_error)
		r->body_bad = 1;
}

/* the multipart body has ended: its last part and its errors */
static int finish_multipart(struct request *r)
{
	struct multipart *m = r->mp;
	if (r->body_too_large)
		return 0;	/* answered by router_run */
	int ok = m && m->pp && !m->failed && !m->bad && !m->extra_file && !m->too_long && !m->io_error;
	if (m && m->pp) {
		/* MHD_NO here: the body ended inside a part (no closing boundary) */
		ok = MHD_destroy_post_processor(m->pp) == MHD_YES && ok;
		m->pp = NULL;
		if (ok)
			ok = !mp_end_text(m);
	}
	if (m && m->bad) {
		resp_error(r, E_INVALID, arena_printf(r->a, T("The form field '%s' is not correctly encoded."), m->bad));
		return -1;
	}
	if (m && m->extra_file) {
		resp_error(r, E_INVALID, T("Send one file at a time."));
		return -1;
	}
	if (m && m->too_long) {
		resp_error(r, E_TOOLARGE, arena_printf(r->a, T("The request is larger than %zu KiB."),
						       (size_t)MP_TEXT_MAX / 1024));
		return -1;
	}
	if (m && m->io_error) {
		resp_error(r, E_UNAVAILABLE, T("The upload could not be stored. Try again shortly."));
		return -1;
	}
	if (!ok) {
		resp_error(r, E_INVALID, T("The upload is not a complete multipart form. Try sending it again."));
		return -1;
	}
	r->form.items = m->items;
	r->form.n = m->n;
	return 0;
}

const char *req_upload_data(struct request *r, size_t *len)
{
	*len = 0;
	if (r->upload.fd < 0 || !r->upload.size)
		return "";
	if (!r->upload.map) {
		void *p = mmap(NULL, r->upload.size, PROT_READ, MAP_PRIVATE, r->upload.fd, 0);
		if (p == MAP_FAILED) {
			log_error("cannot map an upload of %zu bytes: %s", r->upload.size, strerror(errno));
			return NULL;
		}
		r->upload.map = p;
	}
	*len = r->upload.size;
	return r->upload.map;
}

int req_upload_fd(struct request *r, size_t *len)
{
	*len = r->upload.fd >= 0 ? r->upload.size : 0;
	return r->upload.fd;
}

void router_cleanup(struct request *r)
{
	struct multipart *m = r->mp;
	if (m) {
		if (m->pp)
			MHD_destroy_post_processor(m->pp);
		sb_release(&m->val);
		r->mp = NULL;
	}
	if (r->upload.map)
		munmap(r->upload.map, r->upload.size);
	r->upload.map = NULL;
	if (r->upload.fd >= 0)
		close(r->upload.fd);
	r->upload.fd = -1;
}

static int parse_body(struct request *r)
{
	if (is_multipart_upload(r))
		return r->mp ? finish_multipart(r) : 0;
	if (!r->body.len)
		return 0;
	const char *ct = req_header(r, "Content-Type");
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

/* the CSRF token this caller must send, NULL when there is none */
/* the token a form must carry: the session's, or before sign-in the
 * cookie's — and only a cookie this installation made (and signed) counts */
static const char *csrf_expected(struct request *r)
{
	if (r->signed_in)
		return r->me.csrf;
	const char *c = kv_get(&r->cookies, "sg_csrf");
	return csrf_cookie_valid(r, c) ? c : NULL;
}

static int csrf_ok(struct request *r)
{
	if (r->via_token)
		return 1;
	const char *sent = kv_get(&r->form, "csrf_token");
	if (!sent)
		sent = req_header(r, "X-CSRF-Token");
	const char *expected = csrf_expected(r);
	return sent && expected && *expected && str_eq_ct(sent, expected);
}

static void release_db(struct request *r)
{
	if (r->db) {
		db_release(r->db);
		r->db = NULL;
	}
}

int router_check(struct request *r, int with_body)
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
			/* a signed-in person who mistypes an address keeps the
			 * navigation (and their language): only a browser's
			 * request with a session cookie costs a lookup, so an
			 * anonymous caller still gets the 404 without the database */
			const char *tok = kv_get(&r->cookies, "sg_session");
			if (tok && *tok && strncmp(r->path, "/api/", 5) && strcmp(r->path, "/api") &&
			    (r->db = db_acquire(r->srv->db, NULL)) && authenticate(r)) {
				release_db(r);
				return 1;
			}
			resp_error(r, E_NOTFOUND, T("There is no page at this address."));
			release_db(r);
		}
		return 1;
	}
	if (r->body_too_large) {
		resp_error(r, E_TOOLARGE, arena_printf(r->a, T("The request is larger than %zu KiB."),
						       r->body_limit / 1024));
		return 1;
	}
	const char *bad;
	if (kv_parse_urlencoded(r->a, r->raw_query, strlen(r->raw_query), &r->query, &bad)) {
		resp_error(r, E_INVALID, arena_printf(r->a, T("The query parameter '%s' is not correctly encoded."),
						      bad ? bad : ""));
		return 1;
	}
	unsigned flags = r->route->flags;
	if (!(flags & R_NODB)) {
		if (!r->db)
			r->db = db_acquire(r->srv->db, NULL);
		if (!r->db) {
			resp_error(r, E_UNAVAILABLE, T("The database is not available. Try again shortly."));
			resp_header(r, "Retry-After", "5");
			return 1;
		}
		if (authenticate(r))
			goto refused;
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
		goto refused;
	}
	/* an upload's csrf_token field comes inside the body; what can be told
	 * before it is read is told now: a caller with no token to match, or a
	 * header that does not match, is not worth reading megabytes for */
	if ((flags & R_UPLOAD) && (flags & R_CSRF) && !r->via_token) {
		const char *expected = csrf_expected(r), *sent = req_header(r, "X-CSRF-Token");
		if (!expected || !*expected || (sent && !str_eq_ct(sent, expected))) {
			resp_error(r, E_FORBIDDEN, (flags & R_JSON)
				   ? T("Send the X-CSRF-Token header with a session cookie, or use an API token.")
				   : T("This form has expired. Reload the page and try again."));
			goto refused;
		}
	}
	/* a body may take long to arrive: no database connection waits for it */
	if (with_body)
		release_db(r);
	return 0;
refused:
	release_db(r);
	return 1;
}

int router_fast(struct request *r)
{
	const char *cookie = req_header(r, "Cookie");
	if (db_kind(r->srv->db) != DB_SQLITE || !pagecache_candidate(r) || req_header(r, "Authorization") ||
	    !cookie || !strstr(cookie, "sg_session="))
		return 0;
	r->db = db_try_acquire(r->srv->db);
	if (!r->db)
		return 0;
	if (router_check(r, 0))
		return 1;	/* refused on the headers (its connection released) */
	const char *key = NULL;
	int64_t version = -1;
	int hit = pagecache_wanted(r, &key, &version) && pagecache_get(r, key, version);
	release_db(r);
	return hit ? 1 : 2;
}

void router_run(struct request *r)
{
	unsigned flags = r->route->flags;
	if (r->body_too_large) {
		resp_error(r, E_TOOLARGE, arena_printf(r->a, T("The request is larger than %zu KiB."),
						       r->body_limit / 1024));
		goto done;
	}
	if (r->body_bad && r->body_err) {
		resp_error(r, r->body_err, r->body_msg);
		if (r->body_err == E_UNAVAILABLE)
			resp_header(r, "Retry-After", "10");
		goto done;
	}
	if (!(flags & R_NODB) && !r->db) {
		r->db = db_acquire(r->srv->db, NULL);
		if (!r->db) {
			resp_error(r, E_UNAVAILABLE, T("The database is not available. Try again shortly."));
			resp_header(r, "Retry-After", "5");
			goto done;
		}
	}
	if (parse_body(r))
		goto done;
	if ((flags & R_CSRF) && !csrf_ok(r)) {
		resp_error(r, E_FORBIDDEN, (flags & R_JSON)
			   ? T("Send the X-CSRF-Token header with a session cookie, or use an API token.")
			   : T("This form has expired. Reload the page and try again."));
		goto done;
	}
	/* work lost to a serialisation failure or a deadlock (PostgreSQL) is
	 * done again, from the start, when none of it was committed: the
	 * handler then ran against a rolled-back database and its answer
	 * (a 503) is dropped */
	/* speed (issue 15): the same page for the same session, nothing
	 * committed since: the kept answer (pagecache.h says when) */
	const char *pc_key = NULL;
	int64_t pc_version = -1;
	int pc = pagecache_wanted(r, &pc_key, &pc_version);
	if (pc && pagecache_get(r, pc_key, pc_version))
		goto done;
	size_t nheaders = r->headers.n;
	for (int attempt = 0;; attempt++) {
		if (r->db) {
			db_mark(r->db);
			/* audit: every change this request makes is this caller's */
			if (r->signed_in)
				db_set_actor(r->db, r->me.user_id, r->via_token ? "api" : "web");
		}
		r->route->fn(r);
		if (r->status != 503 || !r->db || attempt >= DB_REPLAYS || !db_replayable(r->db))
			break;
		log_info("%s %s: lost to a concurrent transaction; running it again", r->method, r->path);
		r->status = 0;
		r->content_type = NULL;
		r->headers.n = nheaders;
		sb_reset(&r->out);
	}
	if (!r->status) {
		log_error("%s %s: handler gave no answer", r->method, r->path);
		resp_error(r, E_INTERNAL, T("Something went wrong on our side."));
	}
	if (pc)
		pagecache_put(r, pc_key, pc_version);
done:
	release_db(r);
}
