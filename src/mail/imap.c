/* imap.c: an IMAP account, read with libcurl (see imap.h). */
#include "mail/imap.h"

#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "mail/curl_api.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

/* How long the server may take to answer, in milliseconds, before the
 * sync gives up (a dropped connection with no reset). */
#define IMAP_WAIT_MS 120000
/* The longest line of an answer (a SEARCH of a large folder is one line),
 * and the largest message, that rapport accepts from a server. */
#define IMAP_LINE_MAX (64u << 20)
#define IMAP_LITERAL_MAX (256u << 20)

#define cu curl_fns /* once curl_api_load said 0 */

struct imap {
	CURL *curl;
	curl_socket_t sock;
	bool signed_in; /* and the connection still works: LOGOUT on closing */
	unsigned tag;
	struct strbuf in; /* bytes received and not yet read */
	size_t pos;       /* where in `in` reading is */
	int wait_ms;      /* for an answer (imap_account's wait_seconds) */
};

/* One answer of the server: its text, each literal replaced by its
 * {size}, and the literals' bytes, in order, in data. */
struct imap_literal {
	size_t off, len;
};
struct imap_resp {
	struct strbuf text;
	struct strbuf data;
	VEC(struct imap_literal) lits;
};

static void resp_reset(struct imap_resp *r)
{
	strbuf_reset(&r->text);
	strbuf_reset(&r->data);
	r->lits.n = 0;
}

static void resp_release(struct imap_resp *r)
{
	strbuf_release(&r->text);
	strbuf_release(&r->data);
	free(r->lits.items);
}

/* ---- the address ---- */

int imap_url_check(const char *url, bool insecure, struct error *err)
{
	static const struct curl_api_url u = { .key = "mail.imap-url", .scheme = "imap",
					       .forms = "'imaps://HOST[:PORT]'",
					       .users = "mail.user" };
	bool plain, loopback;

	if (curl_api_url_read(&u, url, &plain, &loopback, err))
		return err->code;
	if (plain && !insecure)
		return error_set(err, ERR_INVALID,
				 "'%s' is not encrypted: use imaps://, or --insecure for a server "
				 "on this computer",
				 url);
	if (plain && !loopback)
		return error_set(err, ERR_INVALID,
				 "'%s' is not encrypted and not on this computer: only imaps:// "
				 "reaches another",
				 url);
	return 0;
}

/* ---- signing in ---- */

int imap_open(const struct imap_account *a, struct imap **out, struct error *err)
{
	char detail[CURL_ERROR_SIZE] = "";
	struct imap *im;
	CURLcode rc;

	*out = NULL;
	if (curl_api_load(err) || imap_url_check(a->url, a->insecure, err))
		return err->code;
	im = xcalloc(1, sizeof(*im));
	strbuf_init(&im->in);
	if (!(im->curl = cu.init())) {
		free(im);
		return error_set(err, ERR_IO, "cannot start libcurl");
	}
	cu.setopt(im->curl, CURLOPT_URL, a->url);
	cu.setopt(im->curl, CURLOPT_PROTOCOLS_STR, "imap,imaps");
	cu.setopt(im->curl, CURLOPT_NOSIGNAL, 1L);
	im->wait_ms = a->wait_seconds > 0 ? (int)a->wait_seconds * 1000 : IMAP_WAIT_MS;
	cu.setopt(im->curl, CURLOPT_CONNECTTIMEOUT, a->wait_seconds > 0 ? a->wait_seconds : 30L);
	cu.setopt(im->curl, CURLOPT_CONNECT_ONLY, 1L); /* signs in, then the socket is ours */
	cu.setopt(im->curl, CURLOPT_ERRORBUFFER, detail);
	if (a->ca_file)
		cu.setopt(im->curl, CURLOPT_CAINFO, a->ca_file);
	curl_api_sign_in(im->curl, a->user, a->secret, a->xoauth2);
	rc = cu.perform(im->curl);
	if (!rc)
		rc = cu.getinfo(im->curl, CURLINFO_ACTIVESOCKET, &im->sock);
	cu.setopt(im->curl, CURLOPT_ERRORBUFFER, NULL); /* detail is about to go */
	if (rc) {
		curl_api_error(a->url, a->user, rc, detail, err);
		imap_close(im);
		return err->code;
	}
	im->signed_in = true;
	*out = im;
	return 0;
}

/* ---- bytes ---- */

/* The connection is lost or stuck: say so, and send nothing more on it
 * (not even LOGOUT, which would wait as long again). */
static int lost(struct imap *im, struct error *err)
{
	im->signed_in = false;
	return err->code;
}

static int wait_socket(struct imap *im, short events, struct error *err)
{
	struct pollfd p = { .fd = im->sock, .events = events };
	int n;

	do
		n = poll(&p, 1, im->wait_ms);
	while (n < 0 && errno == EINTR);
	if (n == 0)
		error_set(err, ERR_IO, "the mail server stopped answering");
	else if (n < 0)
		error_set(err, ERR_IO, "cannot wait for the mail server: %s", strerror(errno));
	return n > 0 ? 0 : lost(im, err);
}

static int send_all(struct imap *im, const char *buf, size_t len, struct error *err)
{
	while (len) {
		size_t sent = 0;
		CURLcode rc = cu.send(im->curl, buf, len, &sent);
		if (rc == CURLE_AGAIN) {
			if (wait_socket(im, POLLOUT, err))
				return err->code;
			continue;
		}
		if (rc)
			return error_set(err, ERR_IO, "lost the mail server: %s", cu.strerror(rc)),
			       lost(im, err);
		buf += sent;
		len -= sent;
	}
	return 0;
}

/* Receive at least one byte and at most max into buf (*got of them). */
static int recv_some(struct imap *im, char *buf, size_t max, size_t *got, struct error *err)
{
	for (;;) {
		CURLcode rc;
		*got = 0;
		rc = cu.recv(im->curl, buf, max, got);
		if (rc == CURLE_AGAIN) {
			if (wait_socket(im, POLLIN, err))
				return err->code;
			continue;
		}
		if (rc)
			return error_set(err, ERR_IO, "lost the mail server: %s", cu.strerror(rc)),
			       lost(im, err);
		if (!*got)
			return error_set(err, ERR_IO, "the mail server closed the connection"),
			       lost(im, err);
		return 0;
	}
}

/* Receive more bytes into im->in (what was read before dropped first). */
static int receive(struct imap *im, struct error *err)
{
	size_t got;

	if (im->pos) {
		memmove(im->in.buf, im->in.buf + im->pos, im->in.len - im->pos);
		im->in.len -= im->pos;
		im->in.buf[im->in.len] = '\0';
		im->pos = 0;
	}
	strbuf_grow(&im->in, 65536);
	if (recv_some(im, im->in.buf + im->in.len, 65536, &got, err))
		return err->code;
	im->in.len += got;
	im->in.buf[im->in.len] = '\0';
	return 0;
}

/* Append the next line (without its CRLF) to text. */
static int read_line(struct imap *im, struct strbuf *text, struct error *err)
{
	for (;;) {
		const char *start = im->in.buf + im->pos;
		const char *nl = memchr(start, '\n', im->in.len - im->pos);
		if (nl) {
			size_t n = (size_t)(nl - start);
			strbuf_add(text, start, n && nl[-1] == '\r' ? n - 1 : n);
			im->pos += n + 1;
			return 0;
		}
		if (im->in.len - im->pos > IMAP_LINE_MAX)
			return error_set(err, ERR_IO, "the mail server sent a line too long to read");
		if (receive(im, err))
			return err->code;
	}
}

/* Append the next n bytes to out: those received already, then the rest
 * straight into out. A message of 20 MB gathered in im->in first would be
 * held twice (and im->in would keep its size for the session). */
static int read_bytes(struct imap *im, size_t n, struct strbuf *out, struct error *err)
{
	size_t have = im->in.len - im->pos, got;

	if (have > n)
		have = n;
	strbuf_add(out, im->in.buf + im->pos, have);
	im->pos += have;
	n -= have;
	strbuf_grow(out, n);
	for (; n; n -= got) {
		if (recv_some(im, out->buf + out->len, n, &got, err))
			return err->code;
		out->len += got;
	}
	out->buf[out->len] = '\0';
	return 0;
}

/* The size of the literal text ends with ({N} or {N+}), or -1. */
static long long literal_size(const struct strbuf *text)
{
	const char *end = text->buf + text->len, *p;

	if (!text->len || end[-1] != '}')
		return -1;
	p = end - 2;
	if (p >= text->buf && *p == '+')
		p--;
	while (p >= text->buf && *p >= '0' && *p <= '9')
		p--;
	if (p < text->buf || *p != '{' || p + 1 == end - 1)
		return -1;
	return strtoll(p + 1, NULL, 10);
}

/* One whole answer: its lines, and the literals they announce. */
static int read_resp(struct imap *im, struct imap_resp *r, struct error *err)
{
	long long size;

	resp_reset(r);
	if (read_line(im, &r->text, err))
		return err->code;
	while ((size = literal_size(&r->text)) >= 0) {
		struct imap_literal *l;
		if ((unsigned long long)size > IMAP_LITERAL_MAX)
			return error_set(err, ERR_IO, "the mail server sent a message too large "
						      "to read (%lld bytes)", size);
		l = VEC_PUSH(&r->lits);
		l->off = r->data.len;
		l->len = (size_t)size;
		if (read_bytes(im, (size_t)size, &r->data, err) || read_line(im, &r->text, err))
			return err->code;
	}
	return 0;
}

/* ---- commands ---- */

/* What a command does with each untagged answer; it may take the answer's
 * bytes (r->data, a whole message), which the next answer starts over. */
typedef int untagged_fn(void *ctx, struct imap_resp *r, struct error *err);

/* A command's tag, "R7 ", as its answer starts. */
struct imap_tag {
	char text[16];
	size_t len;
};

static void next_tag(struct imap *im, struct imap_tag *t)
{
	t->len = (size_t)snprintf(t->text, sizeof(t->text), "R%u ", ++im->tag);
}

/* Read answers up to the command's own (a NO or BAD: ERR_NOT_FOUND with
 * the server's text); each untagged one goes to fn. With more not NULL, a
 * continuation ("+ ", the server asking for a literal) ends it too, with
 * *more set. */
static int await_tagged(struct imap *im, const struct imap_tag *t, untagged_fn *fn, void *ctx,
			bool *more, struct error *err)
{
	struct imap_resp r = { .text = STRBUF_INIT, .data = STRBUF_INIT };
	int rc;

	while (!(rc = read_resp(im, &r, err))) {
		if (!strncmp(r.text.buf, t->text, t->len)) {
			const char *said = r.text.buf + t->len;
			if (strncasecmp(said, "OK", 2))
				rc = error_set(err, ERR_NOT_FOUND, "%s", said);
			break;
		}
		if (more && r.text.buf[0] == '+') {
			*more = true;
			break;
		}
		if (!strncasecmp(r.text.buf, "* BYE", 5))
			rc = error_set(err, ERR_IO, "the mail server ended the session: %s",
				       r.text.buf + 2);
		else if (r.text.buf[0] == '*' && fn)
			rc = fn(ctx, &r, err);
		if (rc)
			break;
	}
	resp_release(&r);
	return rc;
}

/* Send one command and read its answers up to its own. A NO or BAD:
 * ERR_NOT_FOUND (the caller says what was missing) with the server's text. */
static int command(struct imap *im, const char *cmd, untagged_fn *fn, void *ctx,
		   struct error *err)
{
	struct strbuf line = STRBUF_INIT;
	struct imap_tag t;
	int rc;

	next_tag(im, &t);
	strbuf_addf(&line, "%s%s\r\n", t.text, cmd);
	rc = send_all(im, line.buf, line.len, err);
	if (!rc)
		rc = await_tagged(im, &t, fn, ctx, NULL, err);
	strbuf_release(&line);
	return rc;
}

/* A command the server refused (command's ERR_NOT_FOUND): what, then
 * what the server said. */
static int refused(struct error *err, const char *what)
{
	char said[256];

	snprintf(said, sizeof(said), "%s", error_what(err));
	return error_set(err, ERR_IO, "%s: %s", what, said);
}

/* name as an IMAP quoted string. */
static void add_quoted(struct strbuf *sb, const char *name)
{
	strbuf_addch(sb, '"');
	for (const char *p = name; *p; p++) {
		if (*p == '"' || *p == '\\')
			strbuf_addch(sb, '\\');
		strbuf_addch(sb, *p);
	}
	strbuf_addch(sb, '"');
}

void imap_close(struct imap *im)
{
	struct error ignored = ERROR_INIT;

	if (!im)
		return;
	if (im->signed_in)
		command(im, "LOGOUT", NULL, NULL, &ignored);
	cu.cleanup(im->curl);
	strbuf_release(&im->in);
	free(im);
}

/* ---- LIST ---- */

/* The next IMAP string of a LIST answer at *p (quoted, atom or literal),
 * into out; false when there is none. */
static bool next_string(const char **p, const struct imap_resp *r, size_t *lit,
			struct strbuf *out)
{
	const char *s = *p;

	while (*s == ' ')
		s++;
	if (*s == '"') {
		for (s++; *s && *s != '"'; s++) {
			if (*s == '\\' && s[1])
				s++;
			strbuf_addch(out, *s);
		}
		*p = *s ? s + 1 : s;
		return true;
	}
	if (*s == '{' && *lit < r->lits.n) {
		strbuf_add(out, r->data.buf + r->lits.items[*lit].off, r->lits.items[*lit].len);
		(*lit)++;
		*p = strchr(s, '}') ? strchr(s, '}') + 1 : s + strlen(s);
		return true;
	}
	while (*s && *s != ' ')
		strbuf_addch(out, *s++);
	*p = s;
	return out->len > 0;
}

/* "* LIST (\Flags) "/" name" */
static int list_one(void *ctx, struct imap_resp *r, struct error *err)
{
	imap_folder_vec *v = ctx;
	const char *p = r->text.buf, *flags_end;
	struct strbuf delim = STRBUF_INIT, name = STRBUF_INIT;
	size_t lit = 0;
	bool sent, drafts, noselect;

	(void)err;
	if (strncasecmp(p, "* LIST (", 8) || !(flags_end = strchr(p + 8, ')')))
		return 0;
	sent = strcasestr(p, "\\Sent") && strcasestr(p, "\\Sent") < flags_end;
	drafts = strcasestr(p, "\\Drafts") && strcasestr(p, "\\Drafts") < flags_end;
	noselect = strcasestr(p, "\\Noselect") && strcasestr(p, "\\Noselect") < flags_end;
	p = flags_end + 1;
	if (next_string(&p, r, &lit, &delim) && next_string(&p, r, &lit, &name) && !noselect) {
		struct imap_folder *f = VEC_PUSH(v);
		f->name = strbuf_detach(&name);
		f->sent = sent;
		f->drafts = drafts;
	}
	strbuf_release(&delim);
	strbuf_release(&name);
	return 0;
}

static void release_folder(struct imap_folder *f)
{
	free(f->name);
}

VEC_RELEASE_FN(imap_folder_vec_release, imap_folder_vec, release_folder)

const char *imap_folder_for(const imap_folder_vec *all, bool sent, const char *name)
{
	for (size_t i = 0; i < all->n; i++)
		if (sent ? all->items[i].sent : all->items[i].drafts)
			return all->items[i].name;
	for (size_t i = 0; i < all->n; i++)
		if (!strcasecmp(all->items[i].name, name))
			return all->items[i].name;
	return NULL;
}

int imap_list(struct imap *im, imap_folder_vec *out, struct error *err)
{
	int rc = command(im, "LIST \"\" \"*\"", list_one, out, err);

	return rc == ERR_NOT_FOUND ? refused(err, "the mail server does not list its folders") : rc;
}

/* ---- EXAMINE, SEARCH ---- */

/* "* OK [UIDVALIDITY n] ..." */
static int uidvalidity_of(void *ctx, struct imap_resp *r, struct error *err)
{
	const char *at = strcasestr(r->text.buf, "[UIDVALIDITY ");

	(void)err;
	if (at)
		*(uint32_t *)ctx = (uint32_t)strtoul(at + 13, NULL, 10);
	return 0;
}

int imap_examine(struct imap *im, const char *folder, uint32_t *uidvalidity,
		 struct error *err)
{
	struct strbuf cmd = STRBUF_INIT;
	int rc;

	*uidvalidity = 0;
	strbuf_addstr(&cmd, "EXAMINE ");
	add_quoted(&cmd, folder);
	rc = command(im, cmd.buf, uidvalidity_of, uidvalidity, err);
	if (rc == ERR_NOT_FOUND)
		rc = error_set(err, ERR_NOT_FOUND, "the mail server has no folder '%s' to read",
			       folder);
	else if (!rc && !*uidvalidity)
		rc = error_set(err, ERR_IO, "the mail server gives folder '%s' no UIDVALIDITY",
			       folder);
	strbuf_release(&cmd);
	return rc;
}

struct uids_ctx {
	imap_uid_vec *out;
	uint32_t last;
};

/* "* SEARCH 4 5 9" */
static int search_uids(void *ctx, struct imap_resp *r, struct error *err)
{
	struct uids_ctx *u = ctx;
	const char *p = r->text.buf;

	(void)err;
	if (strncasecmp(p, "* SEARCH", 8))
		return 0;
	for (p += 8; *p;) {
		char *end;
		unsigned long uid = strtoul(p, &end, 10);
		if (end == p)
			break;
		if (uid > u->last && uid <= UINT32_MAX) /* last+1:* also matches the last one */
			*VEC_PUSH(u->out) = (uint32_t)uid;
		p = end;
	}
	return 0;
}

static int by_uid(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;

	return (x > y) - (x < y);
}

int imap_uids_after(struct imap *im, uint32_t last, imap_uid_vec *out, struct error *err)
{
	struct uids_ctx u = { .out = out, .last = last };
	char cmd[64];
	int rc;

	snprintf(cmd, sizeof(cmd), "UID SEARCH UID %lu:*", (unsigned long)last + 1);
	rc = command(im, cmd, search_uids, &u, err);
	if (rc == ERR_NOT_FOUND)
		rc = refused(err, "the mail server refused to search");
	if (!rc && out->n)
		qsort(out->items, out->n, sizeof(*out->items), by_uid);
	return rc;
}

/* ---- FETCH ---- */

struct fetch_ctx {
	imap_message_fn *fn;
	void *ctx;
	struct strbuf *take; /* imap_fetch_whole: the message's bytes, taken */
};

/* The answer's one literal handed over as *out, not copied: a message
 * with a 20 MB attachment is then held once. */
static void take_literal(struct imap_resp *r, struct strbuf *out)
{
	const struct imap_literal *l = &r->lits.items[0];

	strbuf_release(out);
	*out = r->data;
	strbuf_init(&r->data);
	r->lits.n = 0;
	if (l->off)
		memmove(out->buf, out->buf + l->off, l->len);
	out->len = l->len;
	out->buf[out->len] = '\0';
}

/* "* 3 FETCH (UID 7 BODY[HEADER] {123}...)": the message's bytes are its
 * one literal; an answer with none (flags that changed) is not one. */
static int fetched(void *ctx, struct imap_resp *r, struct error *err)
{
	struct fetch_ctx *f = ctx;
	const char *fetch = strcasestr(r->text.buf, " FETCH (");
	const char *uid = fetch ? strcasestr(fetch, "UID ") : NULL;

	if (!uid || !strcasestr(r->text.buf, "BODY[") || !r->lits.n)
		return 0;
	if (f->take) {
		take_literal(r, f->take);
		return 0;
	}
	return f->fn(f->ctx, (uint32_t)strtoul(uid + 4, NULL, 10),
		     r->data.buf + r->lits.items[0].off, r->lits.items[0].len, err);
}

/* UID FETCH of uids, the headers or the whole messages. */
static int fetch_command(struct imap *im, const uint32_t *uids, size_t n, bool headers_only,
			 struct fetch_ctx *f, struct error *err)
{
	struct strbuf cmd = STRBUF_INIT;
	int rc;

	strbuf_addstr(&cmd, "UID FETCH ");
	for (size_t i = 0; i < n; i++)
		strbuf_addf(&cmd, "%s%lu", i ? "," : "", (unsigned long)uids[i]);
	strbuf_addstr(&cmd, headers_only ? " (UID BODY.PEEK[HEADER])" : " (UID BODY.PEEK[])");
	rc = command(im, cmd.buf, fetched, f, err);
	if (rc == ERR_NOT_FOUND)
		rc = refused(err, "the mail server refused to send messages");
	strbuf_release(&cmd);
	return rc;
}

int imap_fetch(struct imap *im, const uint32_t *uids, size_t n, bool headers_only,
	       imap_message_fn *fn, void *ctx, struct error *err)
{
	struct fetch_ctx f = { .fn = fn, .ctx = ctx };

	return n ? fetch_command(im, uids, n, headers_only, &f, err) : 0;
}

int imap_fetch_whole(struct imap *im, uint32_t uid, struct strbuf *out, struct error *err)
{
	struct fetch_ctx f = { .take = out };

	strbuf_reset(out);
	return fetch_command(im, &uid, 1, false, &f, err);
}

/* ---- APPEND ---- */

int imap_append(struct imap *im, const char *folder, const char *data, size_t len,
		struct error *err)
{
	struct strbuf line = STRBUF_INIT;
	struct imap_tag t;
	bool more = false;
	int rc;

	next_tag(im, &t);
	strbuf_addf(&line, "%sAPPEND ", t.text);
	add_quoted(&line, folder);
	strbuf_addf(&line, " (\\Draft) {%zu}\r\n", len);
	rc = send_all(im, line.buf, line.len, err);
	if (!rc)
		rc = await_tagged(im, &t, NULL, NULL, &more, err);
	if (!rc && !more) /* an OK before the message was sent: not an IMAP server */
		rc = error_set(err, ERR_IO, "the mail server did not ask for the draft");
	if (!rc && !(rc = send_all(im, data, len, err)) && !(rc = send_all(im, "\r\n", 2, err)))
		rc = await_tagged(im, &t, NULL, NULL, NULL, err);
	if (rc == ERR_NOT_FOUND) {
		strbuf_reset(&line);
		strbuf_addf(&line, "the mail server refused the draft in '%s'", folder);
		rc = refused(err, line.buf);
	}
	strbuf_release(&line);
	return rc;
}
