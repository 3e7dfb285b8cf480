/* mail_sync.c: logging the search's e-mail from an IMAP account (see mail_sync.h). */
#include "mail/mail_sync.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/text.h"
#include "mail/imap.h"
#include "mail/mail_account.h"
#include "mail/mailbox.h"
#include "store/mail.h"

/* What a sync knows while it reads. */
struct sync {
	struct store *s;
	const struct mail_sync_options *o;
	struct mail_sync_summary *sum;
	struct imap *im;
	struct mail_reader *reader;
	char *key;  /* the account, as mail_folder knows it: user@url */
	char *base; /* the url without its last '/', for a message's source */
	struct timespec started;
	long batches; /* read so far */
};

/* A message whose headers were fetched: its whole comes on demand. */
struct fetched {
	struct sync *y;
	uint32_t uid;
	char *headers;
	size_t len;
};
typedef VEC(struct fetched) fetched_vec;

/* ---- the folders ---- */

static void add_folder(struct mail_sync_summary *sum, const char *name, size_t n)
{
	struct mail_sync_folder *f = VEC_PUSH(&sum->folders);

	f->name = text_trimmed(name, n);
	if (!*f->name) {
		free(f->name);
		sum->folders.n--;
	}
}

/* INBOX and the folder flagged \Sent, else the one named Sent. */
static int default_folders(struct sync *y, struct error *err)
{
	imap_folder_vec all = { 0 };
	int rc = imap_list(y->im, &all, err);
	const char *sent = imap_folder_for(&all, true, "Sent");

	if (!rc) {
		add_folder(y->sum, "INBOX", 5);
		if (sent)
			add_folder(y->sum, sent, strlen(sent));
	}
	imap_folder_vec_release(&all);
	return rc;
}

static int choose_folders(struct sync *y, const char *setting, struct error *err)
{
	if (!setting)
		return default_folders(y, err);
	for (const char *p = setting; *p;) {
		size_t n = strcspn(p, ",");
		add_folder(y->sum, p, n);
		p += n + (p[n] == ',');
	}
	return 0;
}

/* ---- one folder ---- */

static int keep_headers(void *ctx, uint32_t uid, const char *data, size_t len,
			struct error *err)
{
	struct fetched *f = VEC_PUSH((fetched_vec *)ctx);

	(void)err;
	f->uid = uid;
	f->headers = xstrndup(data, len);
	f->len = len;
	return 0;
}

/* mail_item.fetch: the whole message, when it is to be logged. */
static int fetch_whole(void *ctx, struct mail_item *it, struct error *err)
{
	struct fetched *f = ctx;

	if (imap_fetch_whole(f->y->im, f->uid, &it->buf, err))
		return err->code;
	if (!it->buf.len)
		return error_set(err, ERR_INVALID, "it is gone from the server");
	it->data = it->buf.buf;
	it->len = it->buf.len;
	it->whole = true;
	return 0;
}

static int read_fetched(struct sync *y, const char *folder, struct fetched *f,
			struct error *err)
{
	struct mail_item it = { .buf = STRBUF_INIT, .slice = f->headers, .slice_len = f->len,
				.fetch = fetch_whole, .fetch_ctx = f };
	struct strbuf src = STRBUF_INIT;
	int rc;

	f->y = y;
	strbuf_addf(&src, "%s/%s;UID=%lu", y->base, folder, (unsigned long)f->uid);
	it.source = strbuf_detach(&src);
	rc = mail_reader_read(y->reader, &it, err);
	free(it.source);
	strbuf_release(&it.buf);
	return rc;
}

/* One batch: headers fetched, each message read, the folder's mark moved
 * in the same transaction, which batch_done commits. */
static int read_batch(struct sync *y, const char *folder, uint32_t uidvalidity,
		      const uint32_t *uids, size_t n, struct mail_folder_mark *mark,
		      struct error *err)
{
	fetched_vec got = { 0 };
	char *logged;
	int rc = imap_fetch(y->im, uids, n, true, keep_headers, &got, err);

	for (size_t i = 0; i < got.n && !rc; i++)
		rc = read_fetched(y, folder, &got.items[i], err);
	for (size_t i = 0; i < got.n; i++)
		free(got.items[i].headers);
	free(got.items);
	if (rc)
		return rc;
	mark->last_uid = uids[n - 1];
	if ((logged = mail_reader_take_logged(y->reader))) {
		free(mark->message_id);
		mark->message_id = logged;
	}
	if ((rc = store_mail_folder_read(y->s, y->key, folder, uidvalidity,
					 mail_reader_book(y->reader), mark, err)))
		return rc;
	return y->o->dry_run || !y->o->batch_done ? 0 : y->o->batch_done(y->o->ctx, err);
}

/* The folder's counts: what the summary's grew by while it was read. */
static void count_folder(struct mail_sync_folder *f, const struct mail_summary *before,
			 const struct mail_summary *after)
{
	f->messages = after->messages - before->messages;
	f->logged = after->logged - before->logged;
	f->proposed = after->proposed - before->proposed;
	f->not_logged = after->already + after->automatic + after->unknown -
			(before->already + before->automatic + before->unknown);
	f->unreadable = (long)(after->broken.n - before->broken.n);
}

/* Has the caller's share been used up (never before a first batch)? */
static bool share_used(const struct sync *y)
{
	const struct mail_sync_options *o = y->o;
	struct timespec now;

	if (!y->batches)
		return false;
	clock_gettime(CLOCK_MONOTONIC, &now);
	return (o->max_messages && y->sum->mail.messages >= o->max_messages) ||
	       (o->max_seconds && now.tv_sec - y->started.tv_sec >= o->max_seconds);
}

/* How many of the left messages the next batch fetches. */
static size_t batch_size(const struct sync *y, size_t left)
{
	size_t n = y->o->batch ? y->o->batch : MAIL_SYNC_BATCH;
	long share = y->o->max_messages - y->sum->mail.messages;

	if (y->o->max_messages && share > 0 && (size_t)share < n)
		n = (size_t)share;
	return left < n ? left : n;
}

static int sync_folder(struct sync *y, struct mail_sync_folder *f, struct error *err)
{
	struct mail_folder_mark mark = { 0 };
	struct mail_summary before = y->sum->mail;
	imap_uid_vec uids = { 0 };
	uint32_t uidvalidity;
	size_t n;
	int rc;

	if (!(rc = imap_examine(y->im, f->name, &uidvalidity, err)) &&
	    !(rc = store_mail_folder_mark(y->s, y->key, f->name, uidvalidity,
					  mail_reader_book(y->reader), &mark, err))) {
		f->whole = mark.last_uid == 0;
		rc = imap_uids_after(y->im, mark.last_uid, &uids, err);
	}
	for (size_t i = 0; i < uids.n && !rc; i += n) {
		if ((y->sum->more = share_used(y)))
			break; /* the marks say where the next sync goes on */
		n = batch_size(y, uids.n - i);
		rc = read_batch(y, f->name, uidvalidity, uids.items + i, n, &mark, err);
		y->batches++;
	}
	count_folder(f, &before, &y->sum->mail);
	free(uids.items);
	free(mark.message_id);
	return rc;
}

/* ---- the sync ---- */

static void name_account(struct sync *y, const struct mail_account *a)
{
	size_t n = strlen(a->imap_url);
	struct strbuf key = STRBUF_INIT;

	while (n && a->imap_url[n - 1] == '/')
		n--;
	y->base = xstrndup(a->imap_url, n);
	strbuf_addf(&key, "%s@%s", a->user, y->base);
	y->key = strbuf_detach(&key);
}

int mail_sync(struct store *s, const struct playbook *pb, const struct mail_sync_options *o,
	      struct mail_sync_summary *sum, struct error *err)
{
	struct mail_import_options io = { .dry_run = o->dry_run };
	struct mail_account a = { 0 };
	struct sync y = { .s = s, .o = o, .sum = sum };
	int rc;

	memset(sum, 0, sizeof(*sum));
	clock_gettime(CLOCK_MONOTONIC, &y.started); /* the share counts the sign-in too */
	if (!(rc = mail_account_load(s, &a, err)) &&
	    !(rc = mail_account_imap(&a, "mail sync", o->insecure, o->wait_seconds, &y.im, err))) {
		name_account(&y, &a);
		rc = choose_folders(&y, a.folders, err);
	}
	if (!rc)
		rc = mail_reader_start(s, pb, &io, &sum->mail, &y.reader, err);
	for (size_t i = 0; i < sum->folders.n && !rc && !sum->more; i++)
		rc = sync_folder(&y, &sum->folders.items[i], err);
	mail_reader_end(y.reader);
	imap_close(y.im);
	mail_account_release(&a);
	free(y.key);
	free(y.base);
	return rc;
}

void mail_sync_summary_release(struct mail_sync_summary *sum)
{
	for (size_t i = 0; i < sum->folders.n; i++)
		free(sum->folders.items[i].name);
	free(sum->folders.items);
	mail_summary_release(&sum->mail);
	memset(sum, 0, sizeof(*sum));
}

void mail_sync_summary_text(struct strbuf *out, const struct mail_sync_summary *sum,
			    size_t max)
{
	const char *verb = sum->mail.dry_run ? "would log" : "logged";

	for (size_t i = 0; i < sum->folders.n; i++) {
		const struct mail_sync_folder *f = &sum->folders.items[i];
		strbuf_addf(out, "%s%s: %ld new message%s read%s, %s %ld, %ld proposal%s, %ld not "
				 "logged, %ld that cannot be read\n",
			    sum->mail.dry_run ? "dry run: " : "", f->name, f->messages,
			    f->messages == 1 ? "" : "s", f->whole && f->messages ? " (the whole folder)" : "",
			    verb, f->logged, f->proposed, f->proposed == 1 ? "" : "s", f->not_logged,
			    f->unreadable);
	}
	mail_summary_text(out, &sum->mail, max);
}
