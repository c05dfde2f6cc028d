/*
 * import-files: see import-files.h.
 */
#include "import-files.h"
#include "../lib/textmap.h"
#include "../lib/xalloc.h"
#include "../lib/util.h"
#include "../lib/log.h"
#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/stat.h>

/* --- files --- */

enum err import_file_save(struct db_conn *c, int64_t org_id, int64_t user_id, const char *kind,
			  const char *preset, const char *filename, const char *data, size_t len, int64_t *id)
{
	(void)len;
	struct db_stmt *st = DBQ(c, "INSERT INTO import_files (org_id, user_id, kind, preset, filename, size, content, "
				 "created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
				 P_I(org_id), P_I(user_id), P_T(kind), P_T(preset), P_T(filename), P_I(len), P_T(data),
				 P_I(now_epoch()));
	int64_t new_id = db_step(st) == DB_ROW ? db_col_i64(st, 0) : 0;
	enum err e = db_finish(st);
	if (e)
		return e;
	if (id)
		*id = new_id;
	/* keep the newest files; a file whose job is still running stays
	 * until the job has read it */
	return DBX(c, "DELETE FROM import_files WHERE org_id = $1 AND id NOT IN ("
		   "SELECT id FROM import_files WHERE org_id = $1 ORDER BY created_at DESC, id DESC LIMIT $2) "
		   "AND NOT EXISTS (SELECT 1 FROM import_jobs j WHERE j.org_id = import_files.org_id "
		   "AND j.file_id = import_files.id AND j.status = 'running')",
		   P_I(org_id), P_I(IMPORT_FILES_KEPT));
}

enum err import_file_get(struct db_conn *c, struct arena *a, int64_t org_id, int64_t id, struct import_file *out)
{
	struct db_stmt *st = DBQ(c, "SELECT id, user_id, kind, preset, filename, size, created_at FROM import_files "
				 "WHERE org_id = $1 AND id = $2", P_I(org_id), P_I(id));
	int r = db_step(st);
	if (r == DB_ROW) {
		out->id = db_col_i64(st, 0);
		out->user_id = db_col_i64(st, 1);
		out->kind = arena_strdup(a, db_col_text(st, 2));
		out->preset = arena_strdup(a, db_col_text(st, 3));
		out->filename = arena_strdup(a, db_col_text(st, 4));
		out->size = db_col_i64(st, 5);
		out->created_at = db_col_i64(st, 6);
	}
	enum err e = db_finish(st);
	return e ? e : r == DB_ROW ? E_OK : E_NOTFOUND;
}

static enum err file_head(struct db_conn *c, struct arena *a, int64_t org_id, int64_t id, size_t max_chars,
			  const char **data, size_t *len);

enum err import_file_head(struct db_conn *c, struct arena *a, int64_t org_id, int64_t id, size_t max_chars,
			  const char **data, size_t *len)
{
	enum err fe = file_head(c, a, org_id, id, max_chars, data, len);
	if (fe != E_NOTFOUND)
		return fe;
	/* substr counts characters on both engines; the stored size (bytes)
	 * tells whether the file went on */
	struct db_stmt *st = DBQ(c, "SELECT substr(content, 1, $3), size FROM import_files WHERE org_id = $1 AND id = $2",
				 P_I(org_id), P_I(id), P_I(max_chars));
	int r = db_step(st);
	if (r == DB_ROW) {
		const char *s = db_col_text(st, 0);
		size_t n = strlen(s);
		if ((int64_t)n < db_col_i64(st, 1)) {
			/* a row cut in half would show as a broken row */
			const char *nl = memrchr(s, '\n', n);
			if (nl)
				n = (size_t)(nl - s) + 1;
		}
		*data = arena_strndup(a, s, n);
		*len = n;
	}
	enum err e = db_finish(st);
	return e ? e : r == DB_ROW ? E_OK : E_NOTFOUND;
}


enum err import_file_content(struct db_conn *c, int64_t org_id, int64_t file_id, char **data, size_t *len)
{
	struct db_stmt *st = DBQ(c, "SELECT content FROM import_files WHERE org_id = $1 AND id = $2",
				 P_I(org_id), P_I(file_id));
	int r = db_step(st);
	*data = NULL;
	if (r == DB_ROW) {
		const char *s = db_col_text(st, 0);
		*len = strlen(s);
		*data = xmalloc(st_add(*len, 1));
		memcpy(*data, s, *len + 1);
	}
	enum err e = db_finish(st);
	if (!e && r != DB_ROW)
		e = E_NOTFOUND;
	if (!e && !*data)
		e = E_INTERNAL;
	if (e) {
		free(*data);
		*data = NULL;
	}
	return e;
}

/* --- speed (issue 15): upload — the files in their directory --- */

static char files_dir[4096];

int import_files_set_dir(const char *dir)
{
	if (!dir || !*dir || strlen(dir) >= sizeof(files_dir) - 64) {
		errno = ENAMETOOLONG;
		return -1;
	}
	if (mkdir(dir, 0700) && errno != EEXIST)
		return -1;
	struct stat st;
	if (lstat(dir, &st))
		return -1;
	if (!S_ISDIR(st.st_mode)) {
		errno = ENOTDIR;
		return -1;
	}
	if (st.st_uid != geteuid()) {
		errno = EPERM;
		return -1;
	}
	if ((st.st_mode & 077) && chmod(dir, 0700))
		return -1;
	snprintf(files_dir, sizeof(files_dir), "%s", dir);
	return 0;
}

const char *import_files_dir(void)
{
	return files_dir;
}

static void file_path(char *buf, size_t cap, int64_t org_id, int64_t id, const char *ext)
{
	snprintf(buf, cap, "%s/%lld-%lld.csv%s", files_dir, (long long)org_id, (long long)id, ext);
}

/* the len bytes of fd under path: linked when fd is an unnamed file of the
 * directory's file system (no byte copied), else copied */
static int place_file(int fd, size_t len, const char *path, const char *part)
{
	unlink(path);	/* left by a process that died before its row was kept */
	char proc[64];
	snprintf(proc, sizeof(proc), "/proc/self/fd/%d", fd);
	if (!linkat(AT_FDCWD, proc, AT_FDCWD, path, AT_SYMLINK_FOLLOW))
		return 0;
	int out = open(part, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0600);
	if (out < 0)
		return -1;
	off_t in = 0;
	int ok = 1;
	while (ok && (size_t)in < len) {
		ssize_t n = copy_file_range(fd, &in, out, NULL, len - (size_t)in, 0);
		if (n > 0)
			continue;
		if (n < 0 && errno == EINTR)
			continue;
		if (n == 0 || (errno != EXDEV && errno != ENOSYS && errno != EINVAL && errno != EOPNOTSUPP)) {
			ok = 0;
			break;
		}
		/* across file systems on an old kernel: through a buffer */
		char buf[65536];
		while (ok && (size_t)in < len) {
			size_t want = len - (size_t)in < sizeof(buf) ? len - (size_t)in : sizeof(buf);
			ssize_t r = pread(fd, buf, want, in);
			if (r < 0 && errno == EINTR)
				continue;
			if (r <= 0) {
				ok = 0;
				break;
			}
			for (ssize_t w = 0; ok && w < r;) {
				ssize_t k = write(out, buf + w, (size_t)(r - w));
				if (k < 0 && errno == EINTR)
					continue;
				if (k < 0)
					ok = 0;
				else
					w += k;
			}
			in += r;
		}
	}
	if (close(out))
		ok = 0;
	if (ok && rename(part, path))
		ok = 0;
	if (!ok)
		unlink(part);
	return ok ? 0 : -1;
}

enum err import_file_save_fd(struct db_conn *c, int64_t org_id, int64_t user_id, const char *kind,
			     const char *preset, const char *filename, int fd, size_t len, int64_t *id)
{
	if (!*files_dir)
		return E_INTERNAL;
	enum err e = db_begin(c);
	if (e)
		return e;
	struct db_stmt *st = DBQ(c, "INSERT INTO import_files (org_id, user_id, kind, preset, filename, size, content, "
				 "created_at) VALUES ($1, $2, $3, $4, $5, $6, '', $7) RETURNING id",
				 P_I(org_id), P_I(user_id), P_T(kind), P_T(preset), P_T(filename), P_I(len),
				 P_I(now_epoch()));
	int64_t new_id = db_step(st) == DB_ROW ? db_col_i64(st, 0) : 0;
	e = db_finish(st);
	char path[4200], part[4200];
	int placed = 0;
	if (!e) {
		file_path(path, sizeof(path), org_id, new_id, "");
		file_path(part, sizeof(part), org_id, new_id, ".part");
		if (place_file(fd, len, path, part)) {
			log_error("cannot store an upload in %s: %s", files_dir, strerror(errno));
			e = E_UNAVAILABLE;
		} else {
			placed = 1;
		}
	}
	/* keep the newest files; a file whose job is still running stays
	 * until the job has read it */
	int64_t *gone = NULL;
	size_t ngone = 0, cap = 0;
	if (!e) {
		st = DBQ(c, "DELETE FROM import_files WHERE org_id = $1 AND id NOT IN ("
			 "SELECT id FROM import_files WHERE org_id = $1 ORDER BY created_at DESC, id DESC LIMIT $2) "
			 "AND NOT EXISTS (SELECT 1 FROM import_jobs j WHERE j.org_id = import_files.org_id "
			 "AND j.file_id = import_files.id AND j.status = 'running') RETURNING id",
			 P_I(org_id), P_I(IMPORT_FILES_KEPT));
		while (db_step(st) == DB_ROW) {
			if (ngone == cap) {
				cap = cap ? cap * 2 : 8;
				gone = xreallocarray(gone, cap, sizeof(*gone));
			}
			gone[ngone++] = db_col_i64(st, 0);
		}
		e = db_finish(st);
	}
	if (!e)
		e = db_commit(c);
	if (e) {
		db_rollback(c);
		if (placed)
			unlink(path);
		free(gone);
		return e;
	}
	for (size_t i = 0; i < ngone; i++) {
		char p[4200];
		file_path(p, sizeof(p), org_id, gone[i], "");
		unlink(p);
	}
	free(gone);
	if (id)
		*id = new_id;
	return E_OK;
}

/* the row's size; E_NOTFOUND for no such row */
static enum err file_size_of(struct db_conn *c, int64_t org_id, int64_t id, int64_t *size)
{
	struct db_stmt *st = DBQ(c, "SELECT size FROM import_files WHERE org_id = $1 AND id = $2", P_I(org_id), P_I(id));
	int r = db_step(st);
	if (r == DB_ROW)
		*size = db_col_i64(st, 0);
	enum err e = db_finish(st);
	return e ? e : r == DB_ROW ? E_OK : E_NOTFOUND;
}

/* the stored file of a row, open; -1 when there is none (a row stored
 * before, or no such row) */
static int open_file(int64_t org_id, int64_t id)
{
	if (!*files_dir)
		return -1;
	char path[4200];
	file_path(path, sizeof(path), org_id, id, "");
	return open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
}

static int read_at(int fd, char *buf, size_t n, off_t off, size_t *got)
{
	*got = 0;
	while (*got < n) {
		ssize_t r = pread(fd, buf + *got, n - *got, off + (off_t)*got);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0)
			return -1;
		if (!r)
			break;
		*got += (size_t)r;
	}
	return 0;
}

/* import_file_head from the file in the directory; E_NOTFOUND when the row
 * has none there (then the content column holds it) */
static enum err file_head(struct db_conn *c, struct arena *a, int64_t org_id, int64_t id, size_t max_chars,
			  const char **data, size_t *len)
{
	int64_t size = 0;
	enum err e = file_size_of(c, org_id, id, &size);
	if (e)
		return e;
	int fd = open_file(org_id, id);
	if (fd < 0)
		return E_NOTFOUND;
	/* max_chars characters are at most 4 bytes each */
	size_t cap = max_chars < SIZE_MAX / 4 ? max_chars * 4 : SIZE_MAX - 1;
	if ((uint64_t)size < cap)
		cap = (size_t)size;
	char *buf = arena_alloc(a, cap + 1);
	size_t got = 0;
	int rc = read_at(fd, buf, cap, 0, &got);
	close(fd);
	if (rc)
		return E_UNAVAILABLE;
	/* the first max_chars characters, as substr gives them */
	size_t n = 0, chars = 0;
	while (n < got) {
		if (((unsigned char)buf[n] & 0xC0) != 0x80) {
			if (chars == max_chars)
				break;
			chars++;
		}
		n++;
	}
	if ((int64_t)n < size) {
		/* a row cut in half would show as a broken row */
		const char *nl = memrchr(buf, '\n', n);
		if (nl)
			n = (size_t)(nl - buf) + 1;
	}
	buf[n] = '\0';
	*data = buf;
	*len = n;
	return E_OK;
}

static size_t count_lines(const char *p, size_t n)
{
	size_t lines = 0;
	for (const char *end = p + n; (p = memchr(p, '\n', (size_t)(end - p))); p++)
		lines++;
	return lines;
}

enum err import_file_open_data(struct db_conn *c, int64_t org_id, int64_t file_id, struct import_data *out)
{
	memset(out, 0, sizeof(*out));
	int64_t size = 0;
	enum err e = file_size_of(c, org_id, file_id, &size);
	if (e)
		return e;
	int fd = open_file(org_id, file_id);
	if (fd < 0) {
		/* a row stored before: its content column */
		e = import_file_content(c, org_id, file_id, &out->heap, &out->len);
		if (e)
			return e;
		if (!out->len && size) {
			free(out->heap);
			out->heap = NULL;
			return E_NOTFOUND;	/* its file is gone from the directory */
		}
		out->data = out->heap;
		out->lines = count_lines(out->data, out->len) + 1;
		return E_OK;
	}
	struct stat st;
	if (fstat(fd, &st)) {
		close(fd);
		return E_UNAVAILABLE;
	}
	out->len = (size_t)st.st_size;
	/* the lines counted through a small buffer: the pages pass through
	 * the page cache, not through this process */
	char *buf = xmalloc(1 << 20);
	size_t lines = 1;
	for (off_t off = 0; (size_t)off < out->len;) {
		size_t got = 0;
		if (read_at(fd, buf, 1 << 20, off, &got) || !got) {
			free(buf);
			close(fd);
			return E_UNAVAILABLE;
		}
		lines += count_lines(buf, got);
		off += (off_t)got;
	}
	free(buf);
	out->lines = lines;
	/* mapped with a zero byte after the end, as the parser expects of text */
	void *base = NULL;
	if (textmap_fd(fd, out->len, &base)) {
		close(fd);
		return E_UNAVAILABLE;
	}
	close(fd);
	out->map = base;
	out->data = base;
	return E_OK;
}

/* pages kept behind the reader: a batch that is retried reads a little back */
#define KEEP_BEHIND (4u << 20)

void import_data_done_before(struct import_data *d, size_t upto)
{
	if (!d->map || upto <= KEEP_BEHIND)
		return;
	size_t pg = (size_t)sysconf(_SC_PAGESIZE);
	size_t end = (upto - KEEP_BEHIND) / pg * pg;
	if (end > d->len / pg * pg)
		end = d->len / pg * pg;
	if (end <= d->dropped)
		return;
	madvise((char *)d->map + d->dropped, end - d->dropped, MADV_DONTNEED);
	d->dropped = end;
}

void import_data_close(struct import_data *d)
{
	textmap_release(d->map, d->len);
	free(d->heap);
	memset(d, 0, sizeof(*d));
}

/* --- jobs --- */

enum err import_job_create(struct db_conn *c, int64_t org_id, int64_t file_id, int64_t user_id,
			   const struct import_job_spec *o, int64_t bytes_total, const char *runner, int64_t *id)
{
	json_t *map = json_array(), *set = json_array();
	for (size_t i = 0; i < o->nmap; i++)
		json_array_append_new(map, json_string(o->map[i]));
	for (size_t i = 0; i < o->nset; i++)
		json_array_append_new(set, json_string(o->set[i]));
	char *mapjs = json_dumps(map, JSON_COMPACT), *setjs = json_dumps(set, JSON_COMPACT);
	json_decref(map);
	json_decref(set);
	if (!mapjs || !setjs) {
		free(mapjs);
		free(setjs);
		return E_INTERNAL;
	}
	int64_t now = now_epoch();
	struct db_stmt *st = DBQ(c, "INSERT INTO import_jobs (org_id, file_id, user_id, kind, preset, map, create_missing, "
				 "all_or_nothing, dry_run, lang, status, bytes_total, runner, heartbeat_at, started_at, sets) "
				 "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'running', $11, $12, $13, $13, $14) "
				 "RETURNING id",
				 P_I(org_id), P_I(file_id), P_I(user_id), P_T(import_kind_code(o->kind)),
				 P_T(import_preset_code(o->preset)), P_T(mapjs), P_I(!!o->create_missing),
				 P_I(!!o->all_or_nothing), P_I(!!o->dry_run), P_T(lang_code(o->lang)), P_I(bytes_total),
				 P_T(runner), P_I(now), P_T(setjs));
	int64_t new_id = db_step(st) == DB_ROW ? db_col_i64(st, 0) : 0;
	enum err e = db_finish(st);
	free(mapjs);
	free(setjs);
	if (!e && id)
		*id = new_id;
	return e;
}

#define JOB_COLS "j.id, j.file_id, j.user_id, f.filename, u.name, j.kind, j.preset, j.used_preset, " \
	"j.create_missing, j.all_or_nothing, j.dry_run, j.status, j.rows_done, j.bytes_done, j.bytes_total, " \
	"j.n_read, j.n_created, j.n_updated, j.n_skipped, j.n_failed, j.rolled_back, j.message, j.started_at, " \
	"coalesce(j.finished_at, 0), j.runner, j.heartbeat_at, j.lang"
#define JOB_FROM "FROM import_jobs j JOIN import_files f ON f.org_id = j.org_id AND f.id = j.file_id " \
	"JOIN users u ON u.org_id = j.org_id AND u.id = j.user_id "
/* the columns after JOB_COLS */
#define JOB_NCOLS 27

static void read_job(struct db_stmt *st, struct arena *a, struct import_job *j)
{
	memset(j, 0, sizeof(*j));
	j->id = db_col_i64(st, 0);
	j->file_id = db_col_i64(st, 1);
	j->user_id = db_col_i64(st, 2);
	j->filename = arena_strdup(a, db_col_text(st, 3));
	j->user_name = arena_strdup(a, db_col_text(st, 4));
	j->kind = arena_strdup(a, db_col_text(st, 5));
	j->preset = arena_strdup(a, db_col_text(st, 6));
	j->used_preset = arena_strdup(a, db_col_text(st, 7));
	j->create_missing = (int)db_col_i64(st, 8);
	j->all_or_nothing = (int)db_col_i64(st, 9);
	j->dry_run = (int)db_col_i64(st, 10);
	j->status = arena_strdup(a, db_col_text(st, 11));
	j->rows = db_col_i64(st, 12);
	j->bytes_done = db_col_i64(st, 13);
	j->bytes_total = db_col_i64(st, 14);
	j->read = db_col_i64(st, 15);
	j->created = db_col_i64(st, 16);
	j->updated = db_col_i64(st, 17);
	j->skipped = db_col_i64(st, 18);
	j->failed = db_col_i64(st, 19);
	j->rolled_back = (int)db_col_i64(st, 20);
	j->message = arena_strdup(a, db_col_text(st, 21));
	j->started_at = db_col_i64(st, 22);
	j->finished_at = db_col_i64(st, 23);
	j->runner = arena_strdup(a, db_col_text(st, 24));
	j->heartbeat_at = db_col_i64(st, 25);
	int l = lang_parse(db_col_text(st, 26));
	j->lang = l >= 0 ? (enum lang)l : LANG_EN;
}

static void parse_errors(struct arena *a, const char *text, struct import_job *j)
{
	json_t *v = json_loads(text, 0, NULL);
	if (!json_is_array(v)) {
		json_decref(v);
		return;
	}
	size_t n = json_array_size(v);
	j->errors = arena_alloc(a, (n ? n : 1) * sizeof(*j->errors));
	for (size_t i = 0; i < n; i++) {
		json_t *e = json_array_get(v, i);
		struct import_error *ie = &j->errors[j->nerrors++];
		ie->line = (size_t)json_integer_value(json_object_get(e, "line"));
		const char *col = json_string_value(json_object_get(e, "column"));
		ie->column = col ? arena_strdup(a, col) : NULL;
		const char *msg = json_string_value(json_object_get(e, "message"));
		ie->message = arena_strdup(a, msg ? msg : "");
	}
	json_decref(v);
}

/* a JSON array of strings into *out, *n */
static void parse_strings(struct arena *a, const char *text, const char ***out, size_t *n)
{
	*n = 0;
	json_t *v = json_loads(text, 0, NULL);
	if (!json_is_array(v)) {
		json_decref(v);
		return;
	}
	size_t len = json_array_size(v);
	*out = arena_alloc(a, (len ? len : 1) * sizeof(**out));
	for (size_t i = 0; i < len; i++) {
		const char *s = json_string_value(json_array_get(v, i));
		if (s)
			(*out)[(*n)++] = arena_strdup(a, s);
	}
	json_decref(v);
}


enum err import_job_read(struct db_conn *c, struct arena *a, int64_t org_id, int64_t id, struct import_job *out)
{
	struct db_stmt *st = DBQ(c, "SELECT " JOB_COLS ", j.map, j.errors, j.sets " JOB_FROM
				 "WHERE j.org_id = $1 AND j.id = $2", P_I(org_id), P_I(id));
	int r = db_step(st);
	if (r == DB_ROW) {
		read_job(st, a, out);
		parse_strings(a, db_col_text(st, JOB_NCOLS), &out->map, &out->nmap);
		parse_strings(a, db_col_text(st, JOB_NCOLS + 2), &out->set, &out->nset);
		parse_errors(a, db_col_text(st, JOB_NCOLS + 1), out);
	}
	enum err e = db_finish(st);
	return e ? e : r == DB_ROW ? E_OK : E_NOTFOUND;
}

enum err import_jobs_read_recent(struct db_conn *c, struct arena *a, int64_t org_id, size_t limit,
				 struct import_job **out, size_t *n)
{
	*n = 0;
	*out = arena_alloc(a, (limit ? limit : 1) * sizeof(**out));
	struct db_stmt *st = DBQ(c, "SELECT " JOB_COLS " " JOB_FROM "WHERE j.org_id = $1 "
				 "ORDER BY j.started_at DESC, j.id DESC LIMIT $2", P_I(org_id), P_I(limit));
	while (*n < limit && db_step(st) == DB_ROW) {
		read_job(st, a, &(*out)[*n]);
		(*n)++;
	}
	return db_finish(st);
}

enum err import_job_set_progress(struct db_conn *c, int64_t org_id, int64_t id, int64_t rows, int64_t bytes_done)
{
	return DBX(c, "UPDATE import_jobs SET rows_done = $3, bytes_done = $4, heartbeat_at = $5 "
		   "WHERE org_id = $1 AND id = $2", P_I(org_id), P_I(id), P_I(rows), P_I(bytes_done), P_I(now_epoch()));
}

enum err import_job_set_failed(struct db_conn *c, int64_t org_id, int64_t id, const char *message, int only_running)
{
	int64_t now = now_epoch();
	if (only_running)
		return DBX(c, "UPDATE import_jobs SET status = 'failed', message = $3, rolled_back = 1, finished_at = $4 "
			   "WHERE org_id = $1 AND id = $2 AND status = 'running'",
			   P_I(org_id), P_I(id), P_T(message), P_I(now));
	return DBX(c, "UPDATE import_jobs SET status = 'failed', message = $3, rolled_back = 1, finished_at = $4, "
		   "heartbeat_at = $4 WHERE org_id = $1 AND id = $2", P_I(org_id), P_I(id), P_T(message), P_I(now));
}

static char *errors_json(const struct import_summary *s)
{
	json_t *arr = json_array();
	for (size_t i = 0; i < s->nerrors; i++) {
		const struct import_error *e = &s->errors[i];
		json_array_append_new(arr, json_pack("{s:I, s:o, s:s}", "line", (json_int_t)e->line, "column",
						     e->column ? json_string(e->column) : json_null(), "message",
						     e->message ? e->message : ""));
	}
	char *s_ = json_dumps(arr, JSON_COMPACT);
	json_decref(arr);
	return s_;
}

enum err import_job_set_done(struct db_conn *c, int64_t org_id, int64_t id, const struct import_summary *s,
			     int64_t bytes)
{
	char *errs = errors_json(s);
	int64_t now = now_epoch();
	enum err e = DBX(c, "UPDATE import_jobs SET status = 'done', rows_done = $3, bytes_done = $4, bytes_total = $4, "
			 "n_read = $5, n_created = $6, n_updated = $7, n_skipped = $8, n_failed = $9, rolled_back = $10, "
			 "used_preset = $11, errors = $12, message = '', finished_at = $13, heartbeat_at = $13 "
			 "WHERE org_id = $1 AND id = $2",
			 P_I(org_id), P_I(id), P_I(s->read), P_I(bytes), P_I(s->read), P_I(s->created),
			 P_I(s->updated), P_I(s->skipped), P_I(s->failed), P_I(!!s->rolled_back),
			 P_T(import_preset_code(s->preset)), P_T(errs ? errs : "[]"), P_I(now));
	free(errs);
	return e;
}
