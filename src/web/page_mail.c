/*
 * page_mail.c: reading mail from the Inbox page (issue 19). "Check mail"
 * (POST /inbox/check) runs what 'rapport mail sync' runs, a share of the
 * account at a time: the server's threads are as few as the computer's
 * cores, and a sync holds one of them, and the database's one writer, for
 * as long as it reads; the next check goes on where this one stopped. A
 * file sent with the page's form (POST /inbox/upload: an mbox or one
 * message) is read as 'rapport mail import' reads one, from the request's
 * memory: it is never written to disk. Either way what was logged and
 * proposed is one change (the server keeps it for undo, and 'rapport mail
 * undo' takes it back), and a failure is the Inbox again with why, nothing
 * written.
 */
#include "web/pages.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/text.h"
#include "mail/mail_account.h"
#include "mail/mail_import.h"
#include "mail/mail_sync.h"
#include "web/form.h"
#include "web/ui.h"

/* A check's share of the account: what a few seconds read on a good
 * connection, and a bound for a slow one. The request's write transaction
 * lasts as long: another writer waits for it up to 10 s (the store's
 * BUSY_MS), so no batch is begun after 4 s and a batch is small. */
#define CHECK_MESSAGES 500
#define CHECK_SECONDS 4L
#define CHECK_BATCH 50
/* And a server that does not answer is given up after this long each
 * time, not the command line's 30 s to connect and 120 s an answer. */
#define CHECK_WAIT_SECONDS 5L
/* Messages that could not be read, listed after an upload. */
#define SKIPPED_SHOWN 20
/* The most of a file's name shown. */
#define NAME_MAX_SHOWN 120

/* What a reading did, as the page says it. */
struct mail_counts {
	long read, logged, proposed, skipped;
	bool more; /* a check left messages for the next one */
};

void web_mail_lacking(struct strbuf *sb, const struct mail_account *a,
		      enum mail_account_use use, const char *doing)
{
	const char *example, *key = mail_account_missing(a, use, &example);

	if (!key)
		return;
	strbuf_addf(sb, "<p class=\"meta\">%s needs the setting %s: <code>rapport config %s ",
		    doing, key, key); /* both ours: no user text */
	html_text(sb, example);
	strbuf_addstr(sb, "</code></p>\n");
}

/* ---- the summary ---- */

static void plural(struct strbuf *sb, long n, const char *one, const char *many)
{
	strbuf_addf(sb, "%ld %s", n, n == 1 ? one : many);
}

/* "12 messages read: 3 e-mails logged, 2 proposals below." */
static void counts_text(struct strbuf *sb, const struct mail_counts *c)
{
	plural(sb, c->read, "message read", "messages read");
	strbuf_addstr(sb, ": ");
	plural(sb, c->logged, "e-mail logged", "e-mails logged");
	strbuf_addstr(sb, ", ");
	plural(sb, c->proposed, "proposal", "proposals");
	if (c->skipped) {
		strbuf_addstr(sb, ", ");
		plural(sb, c->skipped, "message that cannot be read", "messages that cannot be read");
	}
	strbuf_addstr(sb, ".");
}

/* A count a check's redirect carries (?read=12); 0 when absent or not one. */
static long query_count(const struct web_req *rq, const char *name)
{
	const char *v = web_param(&rq->query, name);
	long n;

	return v && !text_parse_int(name, v, 0, 999999999L, &n, NULL) ? n : 0;
}

/* After a check: what it read, from the address it redirected to. */
static void check_notice(struct strbuf *sb, const struct web_req *rq)
{
	struct mail_counts c = { .read = query_count(rq, "read"),
				 .logged = query_count(rq, "logged"),
				 .proposed = query_count(rq, "proposed"),
				 .skipped = query_count(rq, "skipped"),
				 .more = web_param(&rq->query, "more") != NULL };

	if (!web_param(&rq->query, "checked"))
		return;
	strbuf_addstr(sb, "<p class=\"notice\" role=\"status\">Mail checked: ");
	if (!c.read)
		strbuf_addstr(sb, "nothing new.");
	else
		counts_text(sb, &c);
	if (c.more)
		strbuf_addstr(sb, " There is more to read: check again.");
	strbuf_addstr(sb, "</p>\n");
}

/* After an upload: what the file held, and each message skipped. */
static void upload_result(struct strbuf *sb, const char *name, const struct mail_summary *sum)
{
	struct mail_counts c = { .read = sum->messages, .logged = sum->logged,
				 .proposed = sum->proposed, .skipped = (long)sum->broken.n };
	size_t shown = sum->broken.n < SKIPPED_SHOWN ? sum->broken.n : SKIPPED_SHOWN;

	strbuf_addstr(sb, "<div class=\"notice\" role=\"status\"><p>");
	html_text(sb, name);
	strbuf_addstr(sb, ": ");
	counts_text(sb, &c);
	strbuf_addstr(sb, "</p>\n");
	if (shown)
		strbuf_addstr(sb, "<ul>\n");
	for (size_t i = 0; i < shown; i++) {
		strbuf_addstr(sb, "<li>");
		html_text(sb, sum->broken.items[i].source);
		strbuf_addstr(sb, ": ");
		html_text(sb, sum->broken.items[i].reason);
		strbuf_addstr(sb, "</li>\n");
	}
	if (shown)
		strbuf_addstr(sb, "</ul>\n");
	strbuf_addstr(sb, "</div>\n");
}

/* ---- the card ---- */

/* "Check mail", or the setting the account still needs. */
static void check_part(struct strbuf *sb, const struct web_req *rq)
{
	struct mail_account a = { 0 };
	struct error ignored = ERROR_INIT;

	if (mail_account_load(rq->store, &a, &ignored)) {
		mail_account_release(&a); /* no offer: the page stands without it */
		return;
	}
	if (mail_account_missing(&a, MAIL_USE_IMAP, &(const char *){ NULL })) {
		web_mail_lacking(sb, &a, MAIL_USE_IMAP, "Checking your mail from here");
		strbuf_addstr(sb, "<p class=\"meta\">The account is mail.imap-url, mail.user and "
				  "mail.password-command, a command that prints your password "
				  "(<code>pass show mail</code>, for one): the password itself is "
				  "never stored.</p>\n");
	} else {
		strbuf_addstr(sb, "<p class=\"meta\">Reads the new messages of ");
		html_text(sb, a.folders ? a.folders : "INBOX and Sent");
		strbuf_addstr(sb, " at ");
		html_text(sb, a.imap_url);
		strbuf_addstr(sb, "; nothing is marked read.</p>\n");
		ui_button_form(sb, rq, "/inbox/check", "Check mail", NULL, NULL);
	}
	mail_account_release(&a);
}

static void upload_part(struct strbuf *sb, const struct web_req *rq)
{
	const struct ui_form f = { .rq = rq, .key = "mail",
				   .active = rq->post && !strcmp(rq->path, "/inbox/upload") };

	strbuf_addf(sb, "<h3 id=\"h-mail-file\">Read a file</h3>\n<p class=\"meta\">An mbox "
			"(a Google Takeout export is one) or a message saved as .eml, up to "
			"%d MB. It is read and not kept.</p>\n",
		    WEB_UPLOAD_LIMIT / (1024 * 1024));
	ui_upload_form_begin(sb, rq, "/inbox/upload", "stack");
	ui_form_input(sb, &f, "file", "file", "Mail file", NULL, UI_REQUIRED);
	ui_form_end(sb, "Read the file");
}

void web_mail_card(struct strbuf *sb, const struct web_req *rq)
{
	check_notice(sb, rq);
	strbuf_addstr(sb, "<section class=\"card\" id=\"mail\" aria-labelledby=\"h-mail\">\n"
			  "<h2 id=\"h-mail\">Read your mail</h2>\n");
	check_part(sb, rq);
	upload_part(sb, rq);
	strbuf_addstr(sb, "</section>\n");
}

/* ---- reading ---- */

/* A reading failed: the Inbox again with why (a mail server's or the
 * password command's failure: 502), nothing kept. The database's own
 * failure is the server's error page. */
static int mail_failed(struct web_req *rq, struct web_resp *rs, int rc, const char *not_done)
{
	if (rc == ERR_STORE || rc == ERR_UNAVAILABLE)
		return rc;
	web_field_error(rq, "", "%s: %s", not_done, rq->err.msg);
	error_clear(&rq->err);
	rs->status = rc == ERR_IO ? 502 : 400;
	return inbox_page(rq, rs, NULL);
}

int post_inbox_check(struct web_req *rq, struct web_resp *rs)
{
	const struct mail_sync_options o = { .max_messages = CHECK_MESSAGES,
					     .max_seconds = CHECK_SECONDS, .batch = CHECK_BATCH,
					     .wait_seconds = CHECK_WAIT_SECONDS };
	struct mail_sync_summary sum = { 0 };
	int rc = mail_sync(rq->store, rq->pb, &o, &sum, &rq->err);

	if (!rc)
		web_redirect(rs, "/inbox?checked=1&read=%ld&logged=%ld&proposed=%ld&skipped=%zu%s",
			     sum.mail.messages, sum.mail.logged, sum.mail.proposed,
			     sum.mail.broken.n, sum.more ? "&more=1" : "");
	else
		rc = mail_failed(rq, rs, rc, "Your mail was not read");
	mail_sync_summary_release(&sum);
	return rc;
}

/* The file's name as the browser sent it, its folders left out, as text
 * that cannot pass for anything else ("the file" when it has none). */
static char *upload_name(const struct web_upload *u)
{
	const char *name = u->filename ? u->filename : "", *slash;
	struct strbuf sb = STRBUF_INIT;

	while ((slash = strpbrk(name, "/\\")))
		name = slash + 1;
	text_add_printable(&sb, name, strnlen(name, NAME_MAX_SHOWN), false);
	if (!sb.len)
		strbuf_addstr(&sb, "the file");
	return strbuf_detach(&sb);
}

int post_inbox_upload(struct web_req *rq, struct web_resp *rs)
{
	const struct mail_import_options o = { 0 };
	struct mail_summary sum = { 0 };
	struct strbuf result = STRBUF_INIT;
	char *name;
	int rc;

	if (!rq->upload || !rq->upload->data.len) {
		web_field_error(rq, "file", "choose a mail file (an empty file has nothing)");
		rs->status = 400;
		return inbox_page(rq, rs, NULL);
	}
	name = upload_name(rq->upload);
	rc = mail_import_data(rq->store, rq->pb, name, rq->upload->data.buf, rq->upload->data.len,
			      &o, &sum, &rq->err);
	if (!rc) {
		upload_result(&result, name, &sum);
		rc = inbox_page(rq, rs, &result);
	} else {
		rc = mail_failed(rq, rs, rc, "The file was not read");
	}
	mail_summary_release(&sum);
	strbuf_release(&result);
	free(name);
	return rc;
}
