/*
 * page_account.c: a practice's server (issue 20): signing in with an
 * e-mail address and a password, the one-time links `rapport admin`
 * prints (an invitation, a new password), the account page (a new
 * password, signing out here or everywhere).
 *
 * The session is a cookie named __Host-rapport: 256 random bits, kept in
 * the database only as their SHA-256 (method/practice.h). The __Host-
 * prefix makes a browser keep it only when it is Secure, for this host
 * alone and for every path: no other site and no other name under this
 * one can set it. Secure is always sent: browsers take it on https, and on
 * http from the machine itself (localhost, 127.0.0.1), which they count
 * as secure; a practice's server reached from elsewhere is behind TLS.
 */
#include "web/pages.h"

#include <stdlib.h>
#include <string.h>

#include "method/practice.h"
#include "util/password.h"
#include "web/ui.h"

#define COOKIE "__Host-rapport"
#define COOKIE_ATTRIBUTES "; Path=/; Secure; HttpOnly; SameSite=Strict"
/* Short passwords are guessed whatever the hash. */
#define PASSWORD_MIN 10

/* Where to go once signed in: a path of this server, else Today. */
static const char *local_next(const char *v)
{
	return ui_local_path(v) ? v : "/";
}

static void set_session_cookie(struct web_resp *rs, const char *token)
{
	struct strbuf sb = STRBUF_INIT;

	free(rs->set_cookie);
	if (token)
		strbuf_addf(&sb, COOKIE "=%s" COOKIE_ATTRIBUTES "; Max-Age=%lld", token,
			    web_session_idle());
	else
		strbuf_addstr(&sb, COOKIE "=" COOKIE_ATTRIBUTES "; Max-Age=0");
	rs->set_cookie = strbuf_detach(&sb);
}

static void error_line(struct strbuf *sb, const char *error)
{
	if (!error)
		return;
	strbuf_addstr(sb, "<p class=\"error-text\" role=\"alert\">");
	html_text(sb, error);
	strbuf_addstr(sb, "</p>\n");
}

static void hidden(struct strbuf *sb, const char *name, const char *value)
{
	strbuf_addf(sb, "<input type=\"hidden\" name=\"%s\" value=\"", name);
	html_text(sb, value);
	strbuf_addstr(sb, "\">\n");
}

/* A password field; new ones are asked twice. */
static void password_field(struct strbuf *sb, const char *name, const char *label,
			   bool is_new)
{
	strbuf_addf(sb, "<label for=\"%s\">%s</label>\n<input id=\"%s\" type=\"password\" "
		    "name=\"%s\" autocomplete=\"%s\" required%s>\n", name, label, name, name,
		    is_new ? "new-password" : "current-password",
		    is_new ? " minlength=\"10\"" : "");
}

/* ---- signing in ---- */

static void signin_body(struct web_req *rq, struct web_resp *rs, const char *next,
			const char *email, const char *error)
{
	struct strbuf *sb = &rs->body;

	strbuf_reset(sb);
	ui_page_begin(rs, rq, "Sign in", NAV_NONE);
	strbuf_addstr(sb, "<h1>Sign in</h1>\n<p>This rapport server belongs to a coaching "
			  "practice. Sign in with the e-mail address and the password of your "
			  "account. No account yet? Ask your practice for an invitation.</p>\n"
			  "<form method=\"post\" action=\"/signin\" class=\"signin\">\n");
	error_line(sb, error);
	hidden(sb, "next", next);
	strbuf_addstr(sb, "<label for=\"email\">E-mail address</label>\n<input id=\"email\" "
			  "type=\"email\" name=\"email\" autocomplete=\"username\" required "
			  "autofocus value=\"");
	html_text(sb, email ? email : "");
	strbuf_addstr(sb, "\">\n");
	password_field(sb, "password", "Password", false);
	strbuf_addstr(sb, "<div class=\"actions\"><button type=\"submit\">Sign in</button></div>\n"
			  "</form>\n");
	ui_page_end(rs);
}

void page_account_signin_required(struct web_req *rq, struct web_resp *rs)
{
	rs->status = 401;
	signin_body(rq, rs, local_next(rq->path), NULL, NULL);
}

int page_account_signin(struct web_req *rq, struct web_resp *rs)
{
	signin_body(rq, rs, local_next(web_param(&rq->query, "next")), NULL, NULL);
	return 0;
}

int post_account_signin(struct web_req *rq, struct web_resp *rs)
{
	const char *email = web_param(&rq->form, "email");
	const char *next = local_next(web_param(&rq->form, "next"));
	struct account acc = { 0 };
	practice_token token;
	long long retry = 0;
	char from[64];
	int rc;

	web_peer_text(rq, from, sizeof(from));
	rc = practice_sign_in(rq->store, email, web_param(&rq->form, "password"), from,
			      web_session_idle(), token, &retry, &rq->err);
	if (rc == ERR_INVALID || rc == ERR_CONFLICT) {
		/* the failure's count must stay, whatever the status says */
		rs->keep_changes = true;
		rs->status = rc == ERR_CONFLICT ? 429 : 401;
		rs->retry_after = retry;
		signin_body(rq, rs, next, email, rq->err.msg);
		return 0;
	}
	if (rc)
		return rc;
	set_session_cookie(rs, token);
	/* a coach's home is their clients (page_coach.c) */
	if (!strcmp(next, "/") && store_account_get(rq->store, email, &acc, &rq->err) == 0 &&
	    !strcmp(acc.role, "coach"))
		next = "/coach";
	account_release(&acc);
	web_redirect(rs, "%s", next);
	return 0;
}

/* ---- the one-time links (admin invite, coach add, reset-password) ---- */

static void welcome_body(struct web_req *rq, struct web_resp *rs, const char *token,
			 const struct invitation *inv, const char *error)
{
	struct strbuf *sb = &rs->body;
	bool invite = inv && inv->kind && !strcmp(inv->kind, "invite");

	strbuf_reset(sb);
	ui_page_begin(rs, rq, invite ? "Welcome" : "Choose a password", NAV_NONE);
	strbuf_addstr(sb, invite ? "<h1>Welcome</h1>\n" : "<h1>Choose a password</h1>\n");
	if (!inv) {
		error_line(sb, error);
		strbuf_addstr(sb, "<p><a href=\"/signin\">Sign in</a></p>\n");
		ui_page_end(rs);
		return;
	}
	strbuf_addstr(sb, "<p>Choose the password of the account <strong>");
	html_text(sb, inv->email);
	strbuf_addstr(sb, "</strong>. This link works once.</p>\n<form method=\"post\" "
			  "action=\"/welcome\" class=\"signin\">\n");
	error_line(sb, error);
	hidden(sb, "t", token);
	password_field(sb, "password", "New password (10 characters or more)", true);
	password_field(sb, "again", "The same again", true);
	strbuf_addstr(sb, "<div class=\"actions\"><button type=\"submit\">Save and sign in"
			  "</button></div>\n</form>\n");
	ui_page_end(rs);
}

/* A link that cannot be used: 404 when unknown, 410 when used or expired. */
static int link_refused(struct web_req *rq, struct web_resp *rs, int rc)
{
	if (rc != ERR_NOT_FOUND && rc != ERR_CONFLICT)
		return rc;
	rs->status = rc == ERR_NOT_FOUND ? 404 : 410;
	welcome_body(rq, rs, NULL, NULL, rq->err.msg);
	return 0;
}

int page_account_welcome(struct web_req *rq, struct web_resp *rs)
{
	const char *token = web_param(&rq->query, "t");
	struct invitation inv;
	int rc = practice_link_get(rq->store, token, &inv, &rq->err);

	if (!rc)
		welcome_body(rq, rs, token, &inv, NULL);
	invitation_release(&inv);
	return rc ? link_refused(rq, rs, rc) : 0;
}

/* A new password as the form gave it twice, or a message why not. */
static const char *new_password_problem(const struct web_req *rq)
{
	const char *pw = web_param(&rq->form, "password"), *again = web_param(&rq->form, "again");

	if (!pw || strlen(pw) < PASSWORD_MIN)
		return "A password needs 10 characters or more.";
	if (strlen(pw) > PASSWORD_MAX)
		return "That password is longer than rapport takes.";
	if (!again || strcmp(pw, again))
		return "The two passwords are not the same.";
	return NULL;
}

int post_account_welcome(struct web_req *rq, struct web_resp *rs)
{
	const char *token = web_param(&rq->form, "t");
	const char *problem = new_password_problem(rq);
	practice_token session;
	struct invitation inv = { 0 };
	int rc = practice_link_get(rq->store, token, &inv, &rq->err);
	/* a coach's home is their clients, as after signing in */
	const char *home = inv.role && !strcmp(inv.role, "coach") ? "/coach" : "/";

	if (!rc && problem) {
		rs->status = 400;
		welcome_body(rq, rs, token, &inv, problem);
	} else if (!rc) {
		rc = practice_link_use(rq->store, token, web_param(&rq->form, "password"),
				       web_session_idle(), session, &rq->err);
	}
	invitation_release(&inv);
	if (rc)
		return link_refused(rq, rs, rc);
	if (!problem) {
		set_session_cookie(rs, session);
		web_redirect(rs, "%s", home);
	}
	return 0;
}

/* ---- the account page ---- */

static int account_body(struct web_req *rq, struct web_resp *rs, const char *error,
			const char *done, const char *grant_error)
{
	struct strbuf *sb = &rs->body;
	int rc;

	strbuf_reset(sb);
	ui_page_begin(rs, rq, "Your account", NAV_NONE);
	strbuf_addstr(sb, "<h1>Your account</h1>\n<p>Signed in as <strong>");
	html_text(sb, rq->account_email);
	strbuf_addstr(sb, "</strong>.</p>\n");
	if (done) {
		strbuf_addstr(sb, "<p role=\"status\">");
		html_text(sb, done);
		strbuf_addstr(sb, "</p>\n");
	}
	strbuf_addstr(sb, "<h2>Change your password</h2>\n<form method=\"post\" "
			  "action=\"/account/password\" class=\"signin\">\n");
	error_line(sb, error);
	hidden(sb, "csrf", rq->csrf);
	password_field(sb, "current", "Current password", false);
	password_field(sb, "password", "New password (10 characters or more)", true);
	password_field(sb, "again", "The same again", true);
	strbuf_addstr(sb, "<div class=\"actions\"><button type=\"submit\">Change the password"
			  "</button></div>\n</form>\n<p>A new password signs you out everywhere "
			  "else.</p>\n<h2>Sign out</h2>\n<form method=\"post\" action=\"/signout\">\n");
	hidden(sb, "csrf", rq->csrf);
	strbuf_addstr(sb, "<button type=\"submit\">Sign out</button>\n</form>\n"
			  "<form method=\"post\" action=\"/signout/everywhere\">\n");
	hidden(sb, "csrf", rq->csrf);
	strbuf_addstr(sb, "<button type=\"submit\">Sign out everywhere</button>\n<p>Ends every "
			  "session of this account, on every device, this one too.</p>\n</form>\n");
	if ((rc = account_grants_section(sb, rq, grant_error)))
		return rc;
	ui_page_end(rs);
	return 0;
}

int page_account_with(struct web_req *rq, struct web_resp *rs, const char *grant_error)
{
	return account_body(rq, rs, NULL, NULL, grant_error);
}

int page_account(struct web_req *rq, struct web_resp *rs)
{
	return account_body(rq, rs, NULL,
			    web_param(&rq->query, "changed") ? "Your password has been changed."
							     : NULL,
			    NULL);
}

int post_account_password(struct web_req *rq, struct web_resp *rs)
{
	const char *problem = new_password_problem(rq);
	struct account me = { .id = rq->account_id, .email = (char *)rq->account_email };
	practice_token session;
	long long retry = 0;
	char from[64];
	int rc;

	if (problem) {
		rs->status = 400;
		return account_body(rq, rs, problem, NULL, NULL);
	}
	web_peer_text(rq, from, sizeof(from));
	rc = practice_password_change(rq->store, &me, web_param(&rq->form, "current"),
				      web_param(&rq->form, "password"), from, web_session_idle(),
				      session, &retry, &rq->err);
	if (rc == ERR_INVALID || rc == ERR_CONFLICT) {
		rs->keep_changes = true; /* the failure's count */
		rs->status = rc == ERR_CONFLICT ? 429 : 400;
		rs->retry_after = retry;
		return account_body(rq, rs, rq->err.msg, NULL, NULL);
	}
	if (rc)
		return rc;
	set_session_cookie(rs, session);
	web_redirect(rs, "/account?changed=1");
	return 0;
}

/* Signed out: the cookie cleared, and the sign-in page. */
static int signed_out(struct web_resp *rs, int rc)
{
	if (rc)
		return rc;
	set_session_cookie(rs, NULL);
	web_redirect(rs, "/signin");
	return 0;
}

int post_account_signout(struct web_req *rq, struct web_resp *rs)
{
	return signed_out(rs, practice_sign_out(rq->store, rq->session_token, &rq->err));
}

int post_account_signout_everywhere(struct web_req *rq, struct web_resp *rs)
{
	return signed_out(rs, store_session_end_all(rq->store, rq->account_id, &rq->err));
}
