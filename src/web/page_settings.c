/*
 * page_settings.c: Settings. /settings: your name, e-mail address and
 * signature (the letters' {me} and {signature}), the ladder of job levels,
 * the calendar feed's address (/settings/calendar makes or removes its
 * secret), and the links to the exports (the downloads themselves are
 * page_calendar.c's). /settings/playbooks: the rules in force, and your own
 * playbooks.ini to edit, checked as 'rapport playbook check' checks it
 * before it replaces the file. /settings/templates: the letter templates.
 */
#include "web/pages.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "method/exports.h"
#include "method/letter.h"
#include "method/levels.h"
#include "method/playbook_run.h"
#include "method/playbook_text.h"
#include "store/account.h"
#include "store/setting.h"
#include "util/atomic_file.h"
#include "util/embedded.h"
#include "web/feed.h"
#include "web/ui.h"
#include "util/file_read.h"

/* The largest playbooks file rapport reads (playbook_run.c reads 1 MB). */
#define PLAYBOOKS_MAX (1024 * 1024 - 1)

static const char *const profile_keys[] = { "name", "email", "signature" };
#define NPROFILE (ARRAY_SIZE(profile_keys))

/* ---- the frame ---- */

void settings_begin(struct web_resp *rs, const struct web_req *rq, const char *title,
			   enum settings_tab tab)
{
	static const struct {
		const char *href, *label;
	} tabs[] = {
		[TAB_PROFILE] = { "/settings", "You, levels and export" },
		[TAB_IMPORT] = { "/settings/import", "Import" },
		[TAB_PLAYBOOKS] = { "/settings/playbooks", "Playbooks" },
		[TAB_TEMPLATES] = { "/settings/templates", "Letter templates" },
	};
	struct strbuf *sb = &rs->body;

	ui_page_begin(rs, rq, title, NAV_SETTINGS);
	strbuf_addstr(sb, "<div class=\"page-head\"><h1>Settings</h1></div>\n"
			  "<nav class=\"subnav\" aria-label=\"Settings\">\n");
	for (size_t i = 0; i < ARRAY_SIZE(tabs); i++)
		strbuf_addf(sb, "<a href=\"%s\"%s>%s</a>\n", tabs[i].href,
			    i == tab ? " aria-current=\"page\"" : "", tabs[i].label);
	strbuf_addstr(sb, "</nav>\n");
}

/* "Saved." after a redirect here (?saved=...). */
static void saved_notice(struct strbuf *sb, const struct web_req *rq, const char *what,
			 const char *text)
{
	const char *saved = web_param(&rq->query, "saved");

	if (!rq->post && saved && !strcmp(saved, what)) {
		strbuf_addstr(sb, "<p class=\"notice\" role=\"status\">");
		html_text(sb, text);
		strbuf_addstr(sb, "</p>\n");
	}
}

/* ---- you, levels, export ---- */

/* Append text with its line ends made LF: a browser sends a textarea's
 * lines ended with CRLF (a lone CR, as old files have, counts as one too). */
static void crlf_to_lf(struct strbuf *sb, const char *text)
{
	for (const char *p = text; *p; p++) {
		if (*p != '\r')
			strbuf_addch(sb, *p);
		else if (p[1] != '\n')
			strbuf_addch(sb, '\n');
	}
}

/* What a text field holds, trimmed of surrounding white space, with the
 * browser's CRLF line ends made LF. The caller frees it. */
static char *field_value(const char *v)
{
	struct strbuf sb = STRBUF_INIT;

	crlf_to_lf(&sb, v);
	strbuf_trim(&sb);
	return strbuf_detach(&sb);
}

/* Are the errors shown this one's (not the ladder's, on the same page)? */
static bool profile_errors(const struct web_req *rq)
{
	for (size_t i = 0; i < NPROFILE; i++)
		if (web_error_of(rq, profile_keys[i]))
			return true;
	return false;
}

static int profile_card(struct strbuf *sb, struct web_req *rq)
{
	char *values[NPROFILE] = { 0 };
	int rc = 0;

	for (size_t i = 0; i < NPROFILE && !rc; i++)
		rc = store_setting_get(rq->store, profile_keys[i], &values[i], &rq->err);
	if (!rc) {
		strbuf_addstr(sb, "<section class=\"card settings-card\" id=\"you\" "
				  "aria-labelledby=\"h-you\">\n<h2 id=\"h-you\">You</h2>\n"
				  "<p class=\"meta\">The letters rapport drafts for you carry your "
				  "name and end with your signature (your name when you have none); "
				  "e-mail drafts come from your address. Leave a field empty to "
				  "remove it.</p>\n");
		saved_notice(sb, rq, "you", "Saved.");
		ui_form_begin(sb, rq, "/settings", "stack");
		if (profile_errors(rq))
			ui_form_errors(sb, rq);
		strbuf_addstr(sb, "<div class=\"row\">");
		ui_input(sb, rq, "text", "name", "Your name", values[0], 0);
		ui_input(sb, rq, "email", "email", "Your e-mail address", values[1], 0);
		strbuf_addstr(sb, "</div>");
		ui_textarea(sb, rq, "signature", "Signature (several lines allowed)", values[2], 4);
		ui_form_end(sb, "Save");
		strbuf_addstr(sb, "</section>\n");
	}
	for (size_t i = 0; i < NPROFILE; i++)
		free(values[i]);
	return rc;
}

static int levels_card(struct strbuf *sb, struct web_req *rq)
{
	struct level_ladder l = { 0 };
	char *own = NULL, *text;

	if (store_setting_get(rq->store, "levels", &own, &rq->err) ||
	    levels_load(rq->store, &l, &rq->err)) {
		free(own);
		level_ladder_release(&l);
		return rq->err.code;
	}
	text = level_ladder_text(&l);
	strbuf_addstr(sb, "<section class=\"card settings-card\" id=\"levels\" "
			  "aria-labelledby=\"h-levels\">\n<h2 id=\"h-levels\">Levels</h2>\n"
			  "<p class=\"meta\">Your ladder of job levels, lowest first. rapport places "
			  "the level you apply for and the level they discuss or offer on it, and "
			  "flags a role offered below the one you applied for. Rungs are separated "
			  "by &lt; and other names for the same rung by |.</p>\n");
	saved_notice(sb, rq, "levels", "The ladder is saved.");
	strbuf_addf(sb, "<p class=\"meta\">In use: %s.</p>\n",
		    own ? "yours" : "the default ladder");
	strbuf_addstr(sb, "<ol class=\"ladder\" aria-label=\"The rungs, lowest first\">\n");
	for (size_t i = 0; i < l.n; i++) {
		strbuf_addstr(sb, "<li>");
		for (size_t j = 0; j < l.rungs[i].n; j++) {
			if (j)
				strbuf_addstr(sb, " <span class=\"muted\">|</span> ");
			html_text(sb, l.rungs[i].names[j]);
		}
		strbuf_addstr(sb, "</li>\n");
	}
	strbuf_addstr(sb, "</ol>\n");
	ui_form_begin(sb, rq, "/settings/levels", "stack");
	ui_input(sb, rq, "text", "levels", "The ladder (empty: the default one)", text, 0);
	ui_form_end(sb, "Save the ladder");
	strbuf_addstr(sb, "</section>\n");
	free(text);
	free(own);
	level_ladder_release(&l);
	return 0;
}

/* The calendar feed: its address, or the button that turns it on. */
static int calendar_card(struct strbuf *sb, struct web_req *rq)
{
	struct strbuf url = STRBUF_INIT;
	char *token = NULL;

	if (store_setting_get(rq->store, CALENDAR_TOKEN_KEY, &token, &rq->err))
		return rq->err.code;
	strbuf_addstr(sb, "<section class=\"card settings-card\" id=\"calendar\" "
			  "aria-labelledby=\"h-calendar\">\n<h2 id=\"h-calendar\">Calendar</h2>\n"
			  "<p class=\"meta\">Your open follow-ups (as all-day events on their "
			  "due day), interviews and offer deadlines, in the calendar app you use: "
			  "subscribe to the address below and the app keeps it up to date while "
			  "rapport serves. Calendar apps send no password, so the address holds a "
			  "secret: keep it to yourself.</p>\n");
	saved_notice(sb, rq, "calendar", "The calendar has a new address; the old one no "
					 "longer works.");
	saved_notice(sb, rq, "calendar-on", "The calendar feed is on: subscribe to the address "
					    "below.");
	saved_notice(sb, rq, "calendar-off", "The calendar feed is off.");
	if (!token) {
		strbuf_addstr(sb, "<p>The feed is off.</p>\n<div class=\"actions\">");
		ui_button_form(sb, rq, "/settings/calendar", "Turn on the calendar feed", NULL,
			       "action", "new", NULL);
		strbuf_addstr(sb, "</div>\n");
	} else {
		calendar_feed_url(&url, rq->host, token);
		strbuf_addstr(sb, "<div class=\"field\"><label for=\"f-calendar-url\">The "
				  "address to subscribe to</label><input type=\"text\" "
				  "id=\"f-calendar-url\" readonly value=\"");
		html_text(sb, url.buf);
		strbuf_addstr(sb, "\"></div>\n<div class=\"actions\">");
		ui_button_form(sb, rq, "/settings/calendar", "Make a new address", "secondary",
			       "action", "new", NULL);
		ui_button_form(sb, rq, "/settings/calendar", "Turn the feed off", "secondary",
			       "action", "off", NULL);
		strbuf_addstr(sb, "</div>\n<p class=\"meta\">A new address replaces this one, "
				  "which then stops working: make one if this address got "
				  "out. A calendar app on this computer (Apple Calendar, "
				  "Thunderbird, Outlook) reads the feed where rapport serves it; a "
				  "web calendar such as Google Calendar reads from its own servers, "
				  "which cannot reach it: import the calendar file below there "
				  "instead.</p>\n");
	}
	strbuf_addstr(sb, "</section>\n");
	strbuf_release(&url);
	free(token);
	return 0;
}

/* Links to /export/csv/TABLE.csv for every table; bom: with ?bom=1. */
static void csv_links(struct strbuf *sb, bool bom)
{
	for (size_t i = 0; export_csv_tables[i]; i++) {
		strbuf_addf(sb, "%s<a href=\"/export/csv/%s.csv%s\" download>%s</a>", i ? " · " : "",
			    export_csv_tables[i], bom ? "?bom=1" : "", export_csv_tables[i]);
	}
}

static void export_card(struct strbuf *sb)
{
	strbuf_addstr(sb, "<section class=\"card settings-card\" id=\"export\" "
			  "aria-labelledby=\"h-export\">\n<h2 id=\"h-export\">Export</h2>\n"
			  "<p>Everything you have recorded, as one JSON file: the same document as "
			  "<code>rapport export</code> writes, which <code>rapport import json</code> "
			  "reads back into an empty database.</p>\n"
			  "<p><a class=\"button\" href=\"/export.json\" download>"
			  "Download rapport-export.json</a></p>\n"
			  "<p>For other programs (as <code>rapport export vcard</code>, "
			  "<code>csv</code> and <code>ical</code> write them):</p>\n<ul>\n"
			  "<li><a href=\"/export/vcard.vcf\" download>Everyone as contacts (.vcf)</a>, "
			  "for an address book</li>\n<li>A table as CSV, for a "
			  "spreadsheet: ");
	csv_links(sb, false);
	strbuf_addstr(sb, "<br><span class=\"meta\">For Excel, which needs a byte order mark "
			  "to read accents: ");
	csv_links(sb, true);
	strbuf_addstr(sb, "</span></li>\n<li><a href=\"/export/calendar.ics\" download>The "
			  "calendar</a> (a calendar file, .ics, once; the feed above stays up to date)</li>\n"
			  "</ul>\n</section>\n");
}

static int render_settings(struct web_req *rq, struct web_resp *rs)
{
	struct strbuf *sb = &rs->body;
	int rc;

	settings_begin(rs, rq, "Settings", TAB_PROFILE);
	strbuf_addstr(sb, "<div class=\"settings-grid\">\n");
	if ((rc = profile_card(sb, rq)) || (rc = levels_card(sb, rq)) ||
	    (rc = calendar_card(sb, rq)))
		return rc;
	export_card(sb);
	strbuf_addstr(sb, "</div>\n");
	ui_page_end(rs);
	return 0;
}

int page_settings(struct web_req *rq, struct web_resp *rs)
{
	return render_settings(rq, rs);
}

int post_settings(struct web_req *rq, struct web_resp *rs)
{
	char *values[NPROFILE] = { 0 };
	int rc = 0;

	for (size_t i = 0; i < NPROFILE; i++) {
		const char *v = web_param(&rq->form, profile_keys[i]);
		struct error e = ERROR_INIT;
		if (!v)
			continue; /* not in the form: left as it is */
		values[i] = field_value(v);
		if (*values[i] && setting_check(profile_keys[i], values[i], &e))
			web_field_error(rq, profile_keys[i], "%s", e.msg);
	}
	for (size_t i = 0; i < NPROFILE && !rq->errors.n && !rc; i++)
		if (values[i])
			rc = store_setting_set(rq->store, profile_keys[i], values[i], &rq->err);
	for (size_t i = 0; i < NPROFILE; i++)
		free(values[i]);
	return ui_post_end(rq, rs, rc, render_settings, "/settings?saved=you#you");
}

int post_settings_levels(struct web_req *rq, struct web_resp *rs)
{
	const char *sent = web_param(&rq->form, "levels");
	char *value = field_value(sent ? sent : ""), *ladder = NULL;
	struct level_ladder l = { 0 };
	struct error e = ERROR_INIT;
	int rc = 0;

	/* empty: back to the default ladder; else stored as it reads back */
	if (*value) {
		if (setting_check("levels", value, &e) || level_ladder_parse(value, &l, &e))
			web_field_error(rq, "levels", "%s", e.msg);
		else
			ladder = level_ladder_text(&l);
		level_ladder_release(&l);
	}
	if (ladder && !level_ladder_parse(level_ladder_default, &l, &e)) {
		char *def = level_ladder_text(&l);
		if (!strcmp(def, ladder)) { /* the default, unchanged: keep following it */
			free(ladder);
			ladder = NULL;
		}
		free(def);
	}
	level_ladder_release(&l);
	if (!rq->errors.n)
		rc = store_setting_set(rq->store, "levels", ladder, &rq->err);
	free(value);
	free(ladder);
	return ui_post_end(rq, rs, rc, render_settings, "/settings?saved=levels#levels");
}

/* ---- the calendar feed ---- */

/* action=new: a new secret (the old address stops working); action=off: none. */
int post_settings_calendar(struct web_req *rq, struct web_resp *rs)
{
	const char *action = web_param(&rq->form, "action");
	const char *saved = "calendar-off";
	char *old = NULL;
	int rc;

	if ((rc = store_setting_get(rq->store, CALENDAR_TOKEN_KEY, &old, &rq->err)))
		return rc;
	if (action && !strcmp(action, "new")) {
		rc = calendar_token_new(rq->store, &rq->err);
		saved = old ? "calendar" : "calendar-on";
	} else if (action && !strcmp(action, "off")) {
		rc = store_setting_set(rq->store, CALENDAR_TOKEN_KEY, NULL, &rq->err);
	} else {
		rc = error_set(&rq->err, ERR_INVALID, "unknown calendar action (new or off)");
	}
	free(old);
	if (!rc)
		web_redirect(rs, "/settings?saved=%s#calendar", saved);
	return rc;
}

/* ---- playbooks ---- */

/* Read the user's playbooks file: 0 with its text, 1 when there is none. */
static int read_user_file(const char *path, struct strbuf *out, struct error *err)
{
	int rc = file_read_regular(path, PLAYBOOKS_MAX, out, err);

	if (rc == ERR_NOT_FOUND) {
		error_clear(err);
		return 1;
	}
	return rc;
}

static void rule_row(struct strbuf *sb, const struct rule *r)
{
	struct strbuf text = STRBUF_INIT;

	/* the id is what "How rapport works" links each rule to */
	strbuf_addstr(sb, "<tr id=\"");
	ui_rule_anchor(sb, r->name);
	strbuf_addch(sb, '"');
	if (!r->enabled)
		strbuf_addstr(sb, " class=\"off\"");
	strbuf_addstr(sb, "><th scope=\"row\"><code>");
	html_text(sb, r->name);
	strbuf_addstr(sb, "</code>");
	if (!r->enabled) {
		strbuf_addch(sb, ' ');
		ui_badge(sb, "warn", "off");
	}
	strbuf_addstr(sb, "</th><td>");
	if (r->description) {
		html_text(sb, r->description);
		strbuf_addstr(sb, "<br>");
	}
	strbuf_addstr(sb, "<span class=\"meta\">When ");
	rule_trigger_text(&text, r);
	html_text(sb, text.buf);
	strbuf_reset(&text);
	rule_action_text(&text, r);
	if (text.len) {
		strbuf_addstr(sb, "; does: ");
		html_text(sb, text.buf);
	}
	strbuf_reset(&text);
	rule_cancel_text(&text, r);
	if (text.len) {
		strbuf_addstr(sb, "; ends on ");
		html_text(sb, text.buf);
	}
	strbuf_addstr(sb, ".</span>");
	if (r->template) {
		strbuf_addstr(sb, "<br><span class=\"meta\">Letter: <a href=\"/settings/templates#t-");
		ui_url_part(sb, r->template);
		strbuf_addstr(sb, "\">");
		html_text(sb, r->template);
		strbuf_addstr(sb, "</a></span>");
	}
	strbuf_addstr(sb, "</td><td class=\"origin\">");
	html_text(sb, r->origin);
	strbuf_addstr(sb, "</td></tr>\n");
	strbuf_release(&text);
}

/* A practice's server (issue 20) reads its rules from its own files, the
 * same on each of its servers: a client's edit would change them for every
 * client, on one server only. */
static const char practice_rules_text[] =
	"The practice's administrator sets the playbooks: they are the same for every "
	"client, on every server of the practice.";

/* The person's own playbooks.ini (path, or NULL when there is nowhere to
 * keep it), in a form that checks and saves it. */
static void own_playbooks_section(struct strbuf *sb, struct web_req *rq, const char *path,
				  const char *text)
{
	strbuf_addstr(sb, "<section class=\"card\" id=\"edit\" aria-labelledby=\"h-edit\">\n"
			  "<h2 id=\"h-edit\">Your playbooks</h2>\n<p class=\"meta\">Rules of your "
			  "own, and changes to the built-in ones: a section named like a built-in "
			  "rule replaces it, and a section holding only <code>enabled = no</code> "
			  "turns a rule, or a whole playbook, off. rapport checks the file before "
			  "it saves it.");
	if (path) {
		strbuf_addstr(sb, " It lives in <code>");
		html_text(sb, path);
		strbuf_addstr(sb, "</code>.");
	}
	strbuf_addstr(sb, "</p>\n");
	saved_notice(sb, rq, "playbooks", "Saved and in use.");
	if (!path) {
		strbuf_addstr(sb, "<p class=\"empty\">Neither XDG_CONFIG_HOME nor HOME is set, so "
				  "rapport has nowhere to keep your playbooks.</p>\n");
	} else {
		ui_form_begin(sb, rq, "/settings/playbooks", "stack playbooks-form");
		ui_textarea(sb, rq, "text", "playbooks.ini", text, 18);
		ui_form_end(sb, "Check and save");
	}
	strbuf_addstr(sb, "</section>\n");
}

static int render_playbooks(struct web_req *rq, struct web_resp *rs)
{
	struct strbuf *sb = &rs->body, text = STRBUF_INIT;
	char *path = playbooks_user_path();
	const struct embedded_file *builtin = embedded_find("playbooks.ini");
	int rc = 0;

	if (path && (rc = read_user_file(path, &text, &rq->err)) < 0) {
		free(path);
		strbuf_release(&text);
		return rc;
	}
	settings_begin(rs, rq, "Playbooks", TAB_PLAYBOOKS);
	if (rq->account_id)
		strbuf_addf(sb,
			    "<section class=\"card\" id=\"edit\">\n<p class=\"meta\">%s</p>\n"
			    "</section>\n",
			    practice_rules_text);
	else
		own_playbooks_section(sb, rq, path, text.buf);
	strbuf_addf(sb, "<section class=\"card\" id=\"rules\" aria-labelledby=\"h-rules\">\n"
			"<h2 id=\"h-rules\">The rules in force <span class=\"count\">%zu</span></h2>\n",
		    rq->pb->n);
	strbuf_addstr(sb, "<table class=\"list rules\"><thead><tr><th scope=\"col\">Rule</th>"
			  "<th scope=\"col\">What it does</th><th scope=\"col\">From</th></tr>"
			  "</thead>\n<tbody>\n");
	for (size_t i = 0; i < rq->pb->n; i++)
		rule_row(sb, &rq->pb->rules[i]);
	strbuf_addstr(sb, "</tbody></table>\n</section>\n");
	if (builtin) {
		strbuf_addstr(sb, "<section class=\"card\" id=\"builtin\" aria-labelledby=\"h-builtin\">"
				  "\n<h2 id=\"h-builtin\">The built-in playbooks</h2>\n"
				  "<details><summary>The built-in playbooks.ini, with every key "
				  "explained: copy a section into yours to change it</summary>\n"
				  "<pre class=\"file\">");
		html_text(sb, builtin->data);
		strbuf_addstr(sb, "</pre></details>\n</section>\n");
	}
	ui_page_end(rs);
	free(path);
	strbuf_release(&text);
	return 0;
}

int page_settings_playbooks(struct web_req *rq, struct web_resp *rs)
{
	return render_playbooks(rq, rs);
}

/* mkdir -p of the folder that holds path. */
static int make_parent(const char *path, struct error *err)
{
	char *dir = xstrdup(path), *slash = strrchr(dir, '/');
	int rc = 0;

	if (slash && slash != dir) {
		*slash = '\0';
		for (char *p = dir + 1; !rc; p++) {
			if (*p != '/' && *p)
				continue;
			char c = *p;
			*p = '\0';
			if (mkdir(dir, 0700) && errno != EEXIST)
				rc = error_set(err, ERR_IO, "cannot make the folder '%s': %s", dir,
					       strerror(errno));
			*p = c;
			if (!c)
				break;
		}
	}
	free(dir);
	return rc;
}

/* text in the temporary of af (util/atomic_file.h), beside path, flushed
 * so that the checker reads it whole; committed or aborted by the caller. */
static int write_temp(struct atomic_file *af, const char *path, const char *text, size_t len,
		      struct error *err)
{
	if (atomic_file_open(af, path, err))
		return err->code;
	if (fwrite(text, 1, len, af->f) != len || fflush(af->f)) {
		int e = errno;
		atomic_file_abort(af);
		return error_set(err, ERR_IO, "cannot write next to '%s': %s", path, strerror(e));
	}
	return 0;
}

/* The checker's error in the text box as "line 12: what": the box is the
 * file, whose temporary name means nothing to the person. */
static void check_error(struct web_req *rq, const char *tmp, const struct error *e)
{
	if (e->line && !strcmp(e->file, tmp))
		web_field_error(rq, "text", "line %ld: %s", e->line, error_what(e));
	else
		web_field_error(rq, "text", "%s", e->msg);
}

int post_settings_playbooks(struct web_req *rq, struct web_resp *rs)
{
	const char *sent = web_param(&rq->form, "text");
	char *path = playbooks_user_path();
	struct atomic_file af;
	struct strbuf text = STRBUF_INIT;
	struct playbook pb = { 0 };
	struct error e = ERROR_INIT;
	int rc = 0;

	if (rq->account_id) {
		free(path);
		ui_error_page(rs, rq, 403, practice_rules_text);
		return 0;
	}
	if (!path)
		return error_set(&rq->err, ERR_INVALID,
				 "neither XDG_CONFIG_HOME nor HOME is set: nowhere to keep your "
				 "playbooks");
	/* LF line ends; the file ends with one newline */
	crlf_to_lf(&text, sent ? sent : "");
	while (text.len && (text.buf[text.len - 1] == '\n' || text.buf[text.len - 1] == ' ' ||
			    text.buf[text.len - 1] == '\t'))
		text.buf[--text.len] = '\0';
	if (text.len)
		strbuf_addch(&text, '\n');

	if (text.len > PLAYBOOKS_MAX) {
		web_field_error(rq, "text", "the file is too large (at most 1 MB)");
	} else if (!text.len) {
		/* nothing: the built-in rules alone */
		if (unlink(path) && errno != ENOENT)
			rc = error_set(&rq->err, ERR_IO, "cannot remove '%s': %s", path,
				       strerror(errno));
	} else if (!(rc = make_parent(path, &rq->err)) &&
		   !(rc = write_temp(&af, path, text.buf, text.len, &rq->err))) {
		/* checked as it will be read, before it replaces anything */
		if (playbooks_check_file(af.tmp, &pb, &e)) {
			check_error(rq, af.tmp, &e);
			atomic_file_abort(&af);
		} else {
			rc = atomic_file_commit(&af, &rq->err);
		}
	}
	playbook_release(&pb);
	free(path);
	strbuf_release(&text);
	if (!rc && !rq->errors.n)
		rc = web_playbook_reload(&rq->err);
	return ui_post_end(rq, rs, rc, render_playbooks, "/settings/playbooks?saved=playbooks");
}

/* ---- letter templates ---- */

int page_settings_templates(struct web_req *rq, struct web_resp *rs)
{
	struct strbuf *sb = &rs->body;
	letter_template_vec v = { 0 };
	char *dir = letter_user_dir();

	if (letter_template_list(&v, &rq->err)) {
		free(dir);
		return rq->err.code;
	}
	settings_begin(rs, rq, "Letter templates", TAB_TEMPLATES);
	strbuf_addstr(sb, "<section class=\"card\" aria-labelledby=\"h-templates\">\n"
			  "<h2 id=\"h-templates\">Letter templates</h2>\n<p class=\"meta\">The "
			  "letters your follow-ups draft. Merge fields: {person} {first} {title} "
			  "{org} {opp} {me} {signature} {date}; {org|your team} gives wording for "
			  "when a value is unknown. Your own go in <code>");
	html_text(sb, dir);
	strbuf_addstr(sb, "/NAME.txt</code>; one named like a built-in replaces it.</p>\n"
			  "<table class=\"list\"><thead><tr><th scope=\"col\">Template</th>"
			  "<th scope=\"col\">From</th></tr></thead>\n<tbody>\n");
	for (size_t i = 0; i < v.n; i++) {
		const struct letter_template_entry *t = &v.items[i];
		strbuf_addstr(sb, "<tr><td><a href=\"#t-");
		ui_url_part(sb, t->name);
		strbuf_addstr(sb, "\">");
		html_text(sb, t->name);
		strbuf_addstr(sb, "</a></td><td>");
		if (!t->path) {
			strbuf_addstr(sb, "built-in");
		} else {
			html_text(sb, t->builtin ? "yours, in place of the built-in: " : "yours: ");
			strbuf_addstr(sb, "<code>");
			html_text(sb, t->path);
			strbuf_addstr(sb, "</code>");
		}
		strbuf_addstr(sb, "</td></tr>\n");
	}
	strbuf_addstr(sb, "</tbody></table>\n</section>\n");
	for (size_t i = 0; i < v.n; i++) {
		const struct letter_template_entry *t = &v.items[i];
		char *text = NULL, *origin = NULL;
		struct error e = ERROR_INIT;
		strbuf_addstr(sb, "<section class=\"card template\" id=\"t-");
		ui_url_part(sb, t->name);
		strbuf_addstr(sb, "\">\n<h3>");
		html_text(sb, t->name);
		strbuf_addstr(sb, "</h3>\n");
		if (letter_template_load(t->name, &text, &origin, &e)) {
			strbuf_addstr(sb, "<p class=\"error-text\">");
			html_text(sb, e.msg);
			strbuf_addstr(sb, "</p>\n");
		} else {
			strbuf_addstr(sb, "<pre class=\"file\">");
			html_text(sb, text);
			strbuf_addstr(sb, "</pre>\n");
		}
		strbuf_addstr(sb, "</section>\n");
		free(text);
		free(origin);
	}
	ui_page_end(rs);
	letter_template_vec_release(&v);
	free(dir);
	return 0;
}
