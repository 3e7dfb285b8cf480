/* smtp.c: sending one message by SMTP with libcurl (see smtp.h). */
#include "mail/smtp.h"

#include <string.h>

#include "mail/curl_api.h"
#include "util/strbuf.h"

#define cu curl_fns /* once curl_api_load said 0 */

/* How long the server may send or take nothing, in seconds, before the
 * sending gives up (a dropped connection with no reset). */
#define SMTP_STALL_SECONDS 120L

int smtp_url_check(const char *url, bool insecure, struct error *err)
{
	static const struct curl_api_url u = {
		.key = "mail.smtp-url", .scheme = "smtp",
		.forms = "'smtps://HOST[:PORT]' or 'smtp://HOST[:PORT]'",
		.users = "mail.smtp-user, else mail.user" };
	bool plain, loopback;

	if (curl_api_url_read(&u, url, &plain, &loopback, err))
		return err->code;
	if (insecure && !(plain && loopback))
		return error_set(err, ERR_INVALID,
				 "--insecure sends unencrypted, so only with smtp:// to a server on "
				 "this computer, not '%s'",
				 url);
	return 0;
}

/* libcurl reads the message from here. */
struct upload {
	const char *data;
	size_t len, pos;
};

static size_t read_upload(char *buf, size_t size, size_t nitems, void *ctx)
{
	struct upload *u = ctx;
	size_t n = size * nitems;

	if (n > u->len - u->pos)
		n = u->len - u->pos;
	memcpy(buf, u->data + u->pos, n);
	u->pos += n;
	return n;
}

static void set_account(CURL *c, const struct smtp_account *a)
{
	cu.setopt(c, CURLOPT_URL, a->url);
	cu.setopt(c, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
	cu.setopt(c, CURLOPT_NOSIGNAL, 1L);
	cu.setopt(c, CURLOPT_CONNECTTIMEOUT, 30L);
	cu.setopt(c, CURLOPT_LOW_SPEED_LIMIT, 1L);
	cu.setopt(c, CURLOPT_LOW_SPEED_TIME, SMTP_STALL_SECONDS);
	/* smtp:// must turn to TLS (STARTTLS); only --insecure, to loopback, does not */
	cu.setopt(c, CURLOPT_USE_SSL, a->insecure ? (long)CURLUSESSL_NONE : (long)CURLUSESSL_ALL);
	if (a->ca_file)
		cu.setopt(c, CURLOPT_CAINFO, a->ca_file);
	if (a->user)
		curl_api_sign_in(c, a->user, a->secret, a->xoauth2);
}

/* "<addr>" into a list libcurl sends as MAIL FROM or RCPT TO. */
static struct curl_slist *add_address(struct curl_slist *list, const char *addr)
{
	struct strbuf sb = STRBUF_INIT;
	struct curl_slist *more;

	strbuf_addf(&sb, "<%s>", addr);
	more = cu.slist_append(list, sb.buf);
	strbuf_release(&sb);
	return more;
}

/* What went wrong, once libcurl has said: the server's refusal of the
 * message (a sender or a recipient), else what curl_api says. */
static int send_error(const struct smtp_account *a, CURLcode rc, const char *detail,
		      struct error *err)
{
	if (rc == CURLE_SEND_ERROR || rc == CURLE_RECV_ERROR || rc == CURLE_WEIRD_SERVER_REPLY ||
	    rc == CURLE_UPLOAD_FAILED)
		if (!strncmp(detail, "RCPT", 4) || !strncmp(detail, "MAIL", 4) ||
		    strstr(detail, "DATA"))
			return error_set(err, ERR_IO,
					 "the mail server at %s refused the message (%s): nothing "
					 "was sent",
					 a->url, detail);
	return curl_api_error(a->url, a->user ? a->user : "", rc, detail, err);
}

static size_t count_list(const struct curl_slist *l)
{
	size_t n = 0;

	for (; l; l = l->next)
		n++;
	return n;
}

int smtp_send(const struct smtp_account *a, const char *from, const char *const *to, size_t n,
	      const char *data, size_t len, struct error *err)
{
	char detail[CURL_ERROR_SIZE] = "";
	struct upload u = { .data = data, .len = len };
	struct strbuf sender = STRBUF_INIT;
	struct curl_slist *rcpt = NULL, *more;
	CURL *c;
	CURLcode rc;

	if (curl_api_load(err) || smtp_url_check(a->url, a->insecure, err))
		return err->code;
	if (!(c = cu.init()))
		return error_set(err, ERR_IO, "cannot start libcurl");
	for (size_t i = 0; i < n; i++)
		if ((more = add_address(rcpt, to[i])))
			rcpt = more;
	set_account(c, a);
	strbuf_addf(&sender, "<%s>", from);
	cu.setopt(c, CURLOPT_MAIL_FROM, sender.buf);
	cu.setopt(c, CURLOPT_MAIL_RCPT, rcpt);
	cu.setopt(c, CURLOPT_READFUNCTION, read_upload);
	cu.setopt(c, CURLOPT_READDATA, &u);
	cu.setopt(c, CURLOPT_UPLOAD, 1L);
	cu.setopt(c, CURLOPT_ERRORBUFFER, detail);
	/* a recipient libcurl could not list (out of memory) is not left out silently */
	rc = count_list(rcpt) == n ? cu.perform(c) : CURLE_OUT_OF_MEMORY;
	cu.setopt(c, CURLOPT_ERRORBUFFER, NULL); /* detail is about to go */
	if (rc)
		send_error(a, rc, detail, err);
	cu.cleanup(c);
	cu.slist_free_all(rcpt);
	strbuf_release(&sender);
	return rc ? err->code : 0;
}
