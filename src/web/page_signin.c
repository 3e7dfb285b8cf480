/*
 * page_signin.c: the sign-in page (see auth.h). Without a session every
 * page answers with it (401): the way in is the address `rapport serve`
 * printed, with its key, or the password set with `rapport config
 * web.password`. These pages need no database.
 */
#include "web/pages.h"

#include <stdlib.h>
#include <string.h>

#include "util/password.h"
#include "web/auth.h"
#include "web/ui.h"

/* Where to go once signed in: a path of this server, else Today. */
static const char *local_next(const char *v)
{
	return ui_local_path(v) ? v : "/";
}

static void signin_body(struct web_req *rq, struct web_resp *rs, const char *next,
			const char *error)
{
	struct strbuf *sb = &rs->body;
	struct error ignored = ERROR_INIT;
	char *hash = NULL;

	auth_password_get(&hash, &ignored);
	strbuf_reset(sb);
	ui_page_begin(rs, rq, "Sign in", NAV_NONE);
	strbuf_addstr(sb, "<h1>Sign in</h1>\n<p>This rapport server holds a private job search. "
			  "To open it on this machine, use the address <code>rapport serve</code> "
			  "printed when it started (it ends with <code>?key=</code>), or run "
			  "<code>rapport serve --url</code> to see it again.</p>\n");
	if (hash) {
		strbuf_addstr(sb, "<form method=\"post\" action=\"/signin\" class=\"signin\">\n");
		if (error) {
			strbuf_addstr(sb, "<p class=\"error-text\" role=\"alert\">");
			html_text(sb, error);
			strbuf_addstr(sb, "</p>\n");
		}
		strbuf_addstr(sb, "<input type=\"hidden\" name=\"next\" value=\"");
		html_text(sb, next);
		strbuf_addstr(sb, "\">\n<input type=\"hidden\" name=\"csrf\" value=\"");
		html_text(sb, rq->csrf);
		strbuf_addstr(sb, "\">\n<label for=\"password\">Password</label>\n"
				  "<input id=\"password\" type=\"password\" name=\"password\" "
				  "autocomplete=\"current-password\" required autofocus>\n"
				  "<div class=\"actions\"><button type=\"submit\">Sign in</button></div>\n"
				  "</form>\n");
	} else {
		strbuf_addstr(sb, "<p>From another machine, sign in with a password: set one with "
				  "<code>rapport config web.password</code>.</p>\n");
	}
	ui_page_end(rs);
	free(hash);
}

void page_signin_required(struct web_req *rq, struct web_resp *rs)
{
	rs->status = 401;
	signin_body(rq, rs, local_next(rq->path), NULL);
}

int page_signin(struct web_req *rq, struct web_resp *rs)
{
	signin_body(rq, rs, local_next(web_param(&rq->query, "next")), NULL);
	return 0;
}

int post_signin(struct web_req *rq, struct web_resp *rs)
{
	const char *password = web_param(&rq->form, "password");
	const char *next = local_next(web_param(&rq->form, "next"));
	struct error err = ERROR_INIT;
	char *hash = NULL;
	bool ok;

	if (!auth_attempt_allowed(rq->peer)) {
		rs->status = 429;
		signin_body(rq, rs, next, "Too many wrong passwords: wait a minute, then try again.");
		return 0;
	}
	if (auth_password_get(&hash, &err) || !hash) {
		rs->status = err.code ? 500 : 403;
		signin_body(rq, rs, next, err.code ? err.msg : "No password is set for this server.");
		free(hash);
		return 0;
	}
	ok = password && password_verify(hash, password, &err);
	free(hash);
	auth_attempt_result(rq->peer, ok);
	if (!ok) {
		rs->status = 401;
		signin_body(rq, rs, next, err.code ? err.msg : "That password is not right.");
		return 0;
	}
	rs->set_session = true;
	web_redirect(rs, "%s", next);
	return 0;
}
