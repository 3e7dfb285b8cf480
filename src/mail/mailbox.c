/* mailbox.c: the messages of a Maildir, an mbox or a message file (see mailbox.h). */
#include "mail/mailbox.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/model.h"
#include "io/mail_parse.h"
#include "util/xalloc.h"

/* How much of a message file is read at a time while looking for the end
 * of its headers: most header blocks fit in one read. */
#define HEADER_CHUNK 16384

static const char MBOX_FROM[] = "From ";

/* ---- files ---- */

/* path opened for reading, refused unless a regular file (a FIFO would
 * block); -1 with err set. */
static int open_regular(const char *path, struct error *err)
{
	struct stat st;
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);

	if (fd < 0)
		return error_set(err, ERR_IO, "cannot read '%s': %s", path, strerror(errno)), -1;
	if (fstat(fd, &st) || !S_ISREG(st.st_mode)) {
		close(fd);
		return error_set(err, ERR_IO, "cannot read '%s': not a regular file", path), -1;
	}
	return fd;
}

/* Read up to want more bytes of fd into sb; 0 at the end of the file. */
static ssize_t read_more(int fd, struct strbuf *sb, size_t want)
{
	ssize_t n;

	strbuf_grow(sb, want);
	do
		n = read(fd, sb->buf + sb->len, want);
	while (n < 0 && errno == EINTR);
	if (n > 0) {
		sb->len += (size_t)n;
		sb->buf[sb->len] = '\0';
	}
	return n;
}

/* Read the file of it until stop says it has enough, or to its end. */
static int read_file(struct mail_item *it, bool to_end, struct error *err)
{
	int fd = open_regular(it->path, err);
	ssize_t n = 1;

	if (fd < 0)
		return err->code;
	strbuf_reset(&it->buf);
	while (n > 0 && (to_end || !mail_header_end(it->buf.buf, it->buf.len)))
		n = read_more(fd, &it->buf, HEADER_CHUNK);
	close(fd);
	if (n < 0)
		return error_set(err, ERR_IO, "cannot read '%s': %s", it->path, strerror(errno));
	it->data = it->buf.buf;
	it->len = it->buf.len;
	it->whole = n == 0;
	return 0;
}

/* Does the mbox message of it hold a line that starts ">From ",
 * ">>From "...? Most hold none, and are read where they are. */
static bool has_quoted_from(const struct mail_item *it)
{
	const char *p = it->slice, *end = p + it->slice_len;

	for (; p < end; p++) {
		const char *q = p;
		while (q < end && *q == '>')
			q++;
		if (q > p && end - q >= 5 && !memcmp(q, MBOX_FROM, 5))
			return true;
		if (!(p = memchr(q, '\n', (size_t)(end - q))))
			return false;
	}
	return false;
}

/* An mbox's message as it was written: lines ">From ", ">>From "... lose
 * one ">" (mboxrd; in mboxo only ">From " was quoted, which is the same).
 * A message with no such line is its slice of the mbox, not a copy. */
static void unquote_mbox(struct mail_item *it)
{
	const char *p = it->slice, *end = p + it->slice_len;

	it->whole = true;
	if (!has_quoted_from(it)) {
		it->data = it->slice;
		it->len = it->slice_len;
		return;
	}
	strbuf_reset(&it->buf);
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t n = nl ? (size_t)(nl - p) + 1 : (size_t)(end - p);
		size_t q = 0;
		while (q < n && p[q] == '>')
			q++;
		if (q && n - q >= 5 && !memcmp(p + q, MBOX_FROM, 5))
			p++, n--;
		strbuf_add(&it->buf, p, n);
		p += n;
	}
	it->data = it->buf.buf;
	it->len = it->buf.len;
}

int mail_item_headers(struct mail_item *it, struct error *err)
{
	if (it->data)
		return 0;
	if (!it->path) {
		it->data = it->slice; /* headers have no >From to unquote */
		it->len = it->slice_len;
		return 0;
	}
	return read_file(it, false, err);
}

int mail_item_whole(struct mail_item *it, struct error *err)
{
	if (it->whole)
		return 0;
	if (it->fetch)
		return it->fetch(it->fetch_ctx, it, err);
	if (!it->path) {
		unquote_mbox(it);
		return 0;
	}
	return read_file(it, true, err);
}

static void item_release(struct mail_item *it)
{
	free(it->source);
	strbuf_release(&it->buf);
}

/* ---- mbox ---- */

/* Where the From_ line after p starts (one that follows a blank line), or end. */
static const char *next_from(const char *p, const char *end)
{
	const char *q = p;

	while ((q = memmem(q, (size_t)(end - q), "\nFrom ", 6))) {
		if (q > p && (q[-1] == '\n' || (q[-1] == '\r' && q - 1 > p && q[-2] == '\n')))
			return q + 1;
		q++;
	}
	return end;
}

/* The message whose From_ line starts at from: its bytes, without the
 * blank line that separates it from the next. */
static void mbox_message(const char *from, const char *next, const char **start, size_t *len)
{
	const char *nl = memchr(from, '\n', (size_t)(next - from));
	const char *s = nl ? nl + 1 : next, *e = next;

	if (e - s >= 2 && e[-1] == '\n' && e[-2] == '\n')
		e--;
	else if (e - s >= 3 && e[-1] == '\n' && e[-2] == '\r' && e[-3] == '\n')
		e -= 2;
	*start = s;
	*len = (size_t)(e - s);
}

struct mbox_map {
	const char *data;
	size_t len;
};

static int map_mbox(const char *path, struct mbox_map *m, struct error *err)
{
	struct stat st;
	int fd = open_regular(path, err);
	void *p;

	m->data = NULL;
	if (fd < 0)
		return err->code;
	if (fstat(fd, &st) || st.st_size <= 0) {
		close(fd);
		return error_set(err, ERR_INVALID, "'%s' is empty", path);
	}
	p = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
	close(fd);
	if (p == MAP_FAILED)
		return error_set(err, ERR_IO, "cannot read '%s': %s", path, strerror(errno));
	m->data = p;
	m->len = (size_t)st.st_size;
	return 0;
}

static void unmap_mbox(struct mbox_map *m)
{
	if (m->data)
		munmap((void *)m->data, m->len);
}

/* An mbox cut short (a download interrupted) is refused whole: its last
 * message would be logged without the rest of it. */
static int check_mbox_end(const char *path, const struct mbox_map *m, struct error *err)
{
	const char *end = m->data + m->len, *last = m->data, *p, *msg;
	size_t len;

	if (end[-1] != '\n')
		return error_set(err, ERR_INVALID,
				 "'%s' is a truncated mbox: it ends in the middle of a line", path);
	for (p = m->data; p < end; p = next_from(p + 1, end))
		last = p;
	mbox_message(last, end, &msg, &len);
	if (!mail_header_end(msg, len))
		return error_set(err, ERR_INVALID,
				 "'%s' is a truncated mbox: its last message ends within its "
				 "headers", path);
	return 0;
}

/* Each message of the mbox m, named "NAME, message N". */
static int walk_mbox(const char *name, const struct mbox_map *m, mail_item_fn *fn, void *ctx,
		     struct error *err)
{
	const char *p, *next, *end = m->data + m->len;
	long n = 0;
	int rc = 0;

	for (p = m->data; p < end && !rc; p = next) {
		struct mail_item it = { .buf = STRBUF_INIT };
		next = next_from(p + 1, end);
		mbox_message(p, next, &it.slice, &it.slice_len);
		struct strbuf src = STRBUF_INIT;
		strbuf_addf(&src, "%s, message %ld", name, ++n);
		it.source = strbuf_detach(&src);
		rc = fn(ctx, &it, err);
		item_release(&it);
	}
	return rc;
}

static int read_mbox(const char *path, mail_item_fn *fn, void *ctx, struct error *err)
{
	struct mbox_map m;
	int rc;

	if ((rc = map_mbox(path, &m, err)))
		return rc;
	rc = walk_mbox(path, &m, fn, ctx, err);
	unmap_mbox(&m);
	return rc;
}

/* ---- Maildir ---- */

struct maildir_file {
	char *name;
	const char *sub; /* "cur" or "new" */
};
typedef VEC(struct maildir_file) maildir_file_vec;

static int by_name(const void *a, const void *b)
{
	return strcmp(((const struct maildir_file *)a)->name,
		      ((const struct maildir_file *)b)->name);
}

static int list_sub(const char *path, const char *sub, maildir_file_vec *v, struct error *err)
{
	struct strbuf dir = STRBUF_INIT;
	struct dirent *e;
	DIR *d;

	strbuf_addf(&dir, "%s/%s", path, sub);
	if (!(d = opendir(dir.buf))) {
		error_set(err, ERR_IO, "cannot read '%s': %s", dir.buf, strerror(errno));
		strbuf_release(&dir);
		return ERR_IO;
	}
	while ((e = readdir(d)))
		if (e->d_name[0] != '.') { /* ".", "..", and a client's hidden files */
			struct maildir_file *f = VEC_PUSH(v);
			f->name = xstrdup(e->d_name);
			f->sub = sub;
		}
	closedir(d);
	strbuf_release(&dir);
	return 0;
}

/* A Maildir file's name without its flags (":2,S" changes as it is read). */
static char *maildir_key(const char *name)
{
	const char *colon = strchr(name, ':');
	const char *bang = strstr(name, "!2,"); /* where a file system forbids ':' */

	return xstrndup(name, colon ? (size_t)(colon - name)
				    : bang ? (size_t)(bang - name) : strlen(name));
}

static int read_maildir(const char *path, mail_item_fn *fn, void *ctx, struct error *err)
{
	maildir_file_vec files = { 0 };
	int rc = list_sub(path, "cur", &files, err);

	if (!rc)
		rc = list_sub(path, "new", &files, err);
	if (!rc && files.n)
		qsort(files.items, files.n, sizeof(*files.items), by_name);
	for (size_t i = 0; i < files.n && !rc; i++) {
		struct mail_item it = { .buf = STRBUF_INIT };
		struct strbuf file = STRBUF_INIT;
		char *key = maildir_key(files.items[i].name);
		strbuf_addf(&file, "%s/%s/%s", path, files.items[i].sub, files.items[i].name);
		it.source = strbuf_detach(&file);
		it.path = it.source;
		it.key = key;
		rc = fn(ctx, &it, err);
		item_release(&it);
		free(key);
	}
	for (size_t i = 0; i < files.n; i++)
		free(files.items[i].name);
	free(files.items);
	return rc;
}

/* ---- what a path is ---- */

/* path's cur/ and new/: both folders, and readable (an error now,
 * before anything is written, not halfway through). */
static int check_maildir(const char *path, struct error *err)
{
	static const char *const subs[] = { "cur", "new" };
	struct strbuf p = STRBUF_INIT;
	struct stat st;
	int rc = 0;

	for (size_t i = 0; i < ARRAY_SIZE(subs) && !rc; i++) {
		strbuf_reset(&p);
		strbuf_addf(&p, "%s/%s", path, subs[i]);
		if (stat(p.buf, &st) || !S_ISDIR(st.st_mode))
			rc = error_set(err, ERR_INVALID,
				       "'%s' is not a Maildir: it has no cur/ and new/ folders", path);
		else if (access(p.buf, R_OK | X_OK))
			rc = error_set(err, ERR_IO, "cannot read '%s': %s", p.buf, strerror(errno));
	}
	strbuf_release(&p);
	return rc;
}

/* Does text start as a message does: a header field's name, then ':'? */
static bool looks_like_message(const char *text, size_t len)
{
	size_t i = 0;

	while (i < len && text[i] > ' ' && text[i] < 0x7F && text[i] != ':')
		i++;
	return i > 0 && i < len && text[i] == ':';
}

/* What a file starting with the len bytes of head is: an mbox, a message,
 * or neither (ERR_INVALID naming it). */
static int file_kind(const char *name, const char *head, size_t len, enum mailbox_kind *kind,
		     struct error *err)
{
	if (len >= 5 && !memcmp(head, MBOX_FROM, 5))
		*kind = MAILBOX_MBOX;
	else if (looks_like_message(head, len))
		*kind = MAILBOX_EML;
	else
		return error_set(err, ERR_INVALID,
				 "'%s' is not a Maildir, an mbox or a message file", name);
	return 0;
}

static int check_file(const char *path, enum mailbox_kind *kind, struct error *err)
{
	struct mail_item it = { .path = path, .buf = STRBUF_INIT };
	struct mbox_map m;
	int rc = read_file(&it, false, err);

	if (!rc)
		rc = file_kind(path, it.data, it.len, kind, err);
	if (!rc && *kind == MAILBOX_MBOX) {
		if (!(rc = map_mbox(path, &m, err)))
			rc = check_mbox_end(path, &m, err);
		unmap_mbox(&m);
	}
	strbuf_release(&it.buf);
	return rc;
}

int mailbox_check(const char *path, enum mailbox_kind *kind, struct error *err)
{
	struct stat st;

	if (stat(path, &st))
		return error_set(err, ERR_IO, "cannot read '%s': %s", path, strerror(errno));
	if (!S_ISDIR(st.st_mode))
		return check_file(path, kind, err);
	*kind = MAILBOX_MAILDIR;
	return check_maildir(path, err);
}

int mailbox_read(const char *path, enum mailbox_kind kind, mail_item_fn *fn, void *ctx,
		 struct error *err)
{
	struct mail_item it = { .buf = STRBUF_INIT };
	int rc;

	if (kind == MAILBOX_MAILDIR)
		return read_maildir(path, fn, ctx, err);
	if (kind == MAILBOX_MBOX)
		return read_mbox(path, fn, ctx, err);
	it.source = xstrdup(path);
	it.path = it.source;
	rc = fn(ctx, &it, err);
	item_release(&it);
	return rc;
}

/* ---- a mailbox in memory ---- */

int mailbox_check_data(const char *name, const char *data, size_t len,
		       enum mailbox_kind *kind, struct error *err)
{
	const struct mbox_map m = { .data = data, .len = len };

	if (!len)
		return error_set(err, ERR_INVALID, "'%s' is empty", name);
	if (file_kind(name, data, len, kind, err))
		return err->code;
	return *kind == MAILBOX_MBOX ? check_mbox_end(name, &m, err) : 0;
}

int mailbox_read_data(const char *name, enum mailbox_kind kind, const char *data, size_t len,
		      mail_item_fn *fn, void *ctx, struct error *err)
{
	const struct mbox_map m = { .data = data, .len = len };
	/* a message file is whole as it is: nothing to unquote, nothing to read */
	struct mail_item it = { .buf = STRBUF_INIT, .data = data, .len = len, .whole = true };
	int rc;

	if (kind == MAILBOX_MBOX)
		return walk_mbox(name, &m, fn, ctx, err);
	it.source = xstrdup(name);
	rc = fn(ctx, &it, err);
	item_release(&it);
	return rc;
}
