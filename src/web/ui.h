/*
 * ui.h: the pieces every page is made of: the page frame with its
 * navigation, forms and labelled fields, links to records, dates.
 *
 * Every value goes through an escaping writer for where it lands:
 * html_text (io/html.h) for text and quoted attributes, ui_url_part for a
 * piece of a URL, ui_external_link for an address the user typed. Pages
 * never write a user's value with strbuf_addstr.
 */
#ifndef RAPPORT_UI_H
#define RAPPORT_UI_H

#include "core/enums.h"
#include "core/model.h"
#include "io/html.h"
#include "web/web.h"

/* The navigation's sections; a page names the one it belongs to. */
enum ui_nav {
	NAV_TODAY, NAV_PIPELINE, NAV_PEOPLE, NAV_ORGS, NAV_WANTS, NAV_QUESTIONS, NAV_OFFERS,
	NAV_INSIGHTS, NAV_SETTINGS, NAV_CLIENTS, /* a coach's, on a practice's server */
	NAV_NONE,
};

/* The frame: <head>, the header with navigation and search, then <main>.
 * title is text (escaped here). */
void ui_page_begin(struct web_resp *rs, const struct web_req *rq, const char *title,
		   enum ui_nav nav);
void ui_page_end(struct web_resp *rs);
/* A whole error page (404, 400, 500...) with a way back. */
void ui_error_page(struct web_resp *rs, const struct web_req *rq, int status,
		   const char *message);

/* Is v a path of this server, as a browser would follow it in a Location:
 * one leading slash and not two, no backslash (read as a slash) and no
 * control character (browsers drop tabs and line breaks from a URL, so
 * "/\t/evil.example/" would become "//evil.example/")? */
bool ui_local_path(const char *v);
/* After a change made here: "Done." with an Undo button while it is the
 * latest change undo would take back; after an undo: "Undone: ..."
 * (page_undo.c). */
void ui_undo_notice(struct web_resp *rs, const struct web_req *rq);

/* Percent-encode s for a path segment or a query value. */
void ui_url_part(struct strbuf *sb, const char *s);
/* Percent-encode s, leaving ASCII letters, digits and the characters of keep
 * as they are. */
void ui_percent_encode(struct strbuf *sb, const char *s, const char *keep);
/* An <a> to an address the user typed: only http:, https: and mailto: become
 * links; anything else is shown as text. */
void ui_external_link(struct strbuf *sb, const char *url, const char *text);

/* Links to records (nothing when the reference is empty). */
void ui_person_link(struct strbuf *sb, int64_t id, const char *name);
void ui_opp_link(struct strbuf *sb, const struct opp_ref *o);
void ui_org_link(struct strbuf *sb, int64_t id, const char *name);
/* "rule-rejected_letter": the id of a playbook rule's line on the Playbooks
 * page, which How rapport works links to (an id holds letters, digits, '-'
 * and '_' only: anything else in the name becomes '_'). */
void ui_rule_anchor(struct strbuf *sb, const char *rule_name);
/* "Organisation — Title", how a person picks an opportunity in a select
 * (never by its short name); the caller frees it. */
char *ui_opp_label(const char *org_name, const char *title);
/* "/opportunities/SLUG" (the slug percent-encoded) and rest after it. */
void ui_opp_path(struct strbuf *sb, const char *slug, const char *rest);
/* <h3>Organisation: Title</h3>, the heading of a form about one opportunity. */
void ui_opp_heading(struct strbuf *sb, const char *org_name, const char *title);
/* "Mon 2 Mar" for a date or date-time; with the year when it is not this
 * year's ("Sun 3 Mar 2024"), and the time when it has one. */
void ui_when(struct strbuf *sb, const char *iso);
/* A small coloured label: <span class="badge CLS">text</span>. */
/* A vocabulary's word as a person reads it: "hiring-manager" is "hiring
 * manager" (the form's value stays the word). */
#define UI_LABEL_MAX 64
const char *ui_enum_label(const struct enum_def *def, int value, char buf[UI_LABEL_MAX]);
void ui_badge(struct strbuf *sb, const char *cls, const char *text);
/* The badge class of a want's status (style.css, 40-wants.css): met good;
 * partly, and vague (said, but not clearly: ask again), warn; unmet bad, and
 * strong when the want is a must; unknown grey. Every page that shows a
 * status uses it, so a status looks the same everywhere. */
const char *ui_want_status_class(enum want_status s, bool must);
/* A wide table's box, closed with "</div>": it scrolls sideways on its own
 * rather than the page, and is a named region that Tab reaches, so the
 * keyboard can scroll it too (label: what it holds, "The wants, offer by offer"). */
void ui_scroll_begin(struct strbuf *sb, const char *label);

/* Forms. ui_form_begin writes <form method=post> with the CSRF token;
 * ui_form_end the submit button (text) and </form>. */
void ui_form_begin(struct strbuf *sb, const struct web_req *rq, const char *action,
		   const char *cls);
/* The same for a form that sends a file (multipart/form-data). */
void ui_upload_form_begin(struct strbuf *sb, const struct web_req *rq, const char *action,
			  const char *cls);
void ui_form_end(struct strbuf *sb, const char *button);
/* A form that is one button: "Done", "Skip", with hidden fields name=value
 * given as pairs, ending with NULL. */
void ui_button_form(struct strbuf *sb, const struct web_req *rq, const char *action,
		    const char *button, const char *cls, ...) __attribute__((sentinel));

enum ui_field_flags {
	UI_REQUIRED = 1 << 0,
	UI_AUTOFOCUS = 1 << 1,
};

/* The fields of one form among several on a page (a form per want, a quick
 * form beside another): their ids carry the form's key ("w12-text", its
 * error "e-w12-text"), so that no two fields of the page share an id, and
 * only the form that was posted shows the user's values and errors again.
 * The ui_input family below is the page's one form: ids "f-text", errors
 * "e-text", always active. */
struct ui_form {
	const struct web_req *rq;
	const char *key; /* the ids' prefix; NULL: the page's one form ("f") */
	bool active;     /* this form was posted: its values and errors are shown */
};
void ui_form_input(struct strbuf *sb, const struct ui_form *f, const char *type, const char *name,
		   const char *label, const char *value, unsigned flags);
void ui_form_textarea(struct strbuf *sb, const struct ui_form *f, const char *name,
		      const char *label, const char *value, int rows);
void ui_form_select(struct strbuf *sb, const struct ui_form *f, const char *name, const char *label,
		    const char *const *values, const char *const *labels, size_t n,
		    const char *current);
/* One choice of a select; a run of choices with the same group (NULL:
 * none) is an <optgroup> labelled with it. */
struct ui_choice {
	const char *value, *label, *group;
};
void ui_form_select_grouped(struct strbuf *sb, const struct ui_form *f, const char *name,
			    const char *label, const struct ui_choice *c, size_t n,
			    const char *current);
void ui_form_select_enum(struct strbuf *sb, const struct ui_form *f, const char *name,
			 const char *label, const struct enum_def *def, int current,
			 const char *none_label);
void ui_form_checkbox(struct strbuf *sb, const struct ui_form *f, const char *name,
		      const char *label, bool checked);

/* Labelled fields. The value shown is what the user sent when the form is
 * shown again with its errors, else value; the field's error, if any, is
 * shown beside it. type is an <input> type: text, date, email, url, number. */
void ui_input(struct strbuf *sb, const struct web_req *rq, const char *type, const char *name,
	      const char *label, const char *value, unsigned flags);
void ui_textarea(struct strbuf *sb, const struct web_req *rq, const char *name,
		 const char *label, const char *value, int rows);
/* A select over an enum's names; current < 0 selects none ("" as the first
 * choice, labelled none_label) when none_label is not NULL. */
void ui_select_enum(struct strbuf *sb, const struct web_req *rq, const char *name,
		    const char *label, const struct enum_def *def, int current,
		    const char *none_label);
/* <input type="hidden" name=NAME value=VALUE>, both escaped. */
void ui_hidden(struct strbuf *sb, const char *name, const char *value);
/* ui_select over values and labels the caller made, which it frees. */
void ui_select_owned(struct strbuf *sb, const struct web_req *rq, const char *name,
		     const char *label, char **values, char **labels, size_t n,
		     const char *current);
/* A select over values with labels (labels may be NULL: the values). */
void ui_select(struct strbuf *sb, const struct web_req *rq, const char *name, const char *label,
	       const char *const *values, const char *const *labels, size_t n,
	       const char *current);
void ui_checkbox(struct strbuf *sb, const struct web_req *rq, const char *name,
		 const char *label, bool checked);
/* The form's errors that belong to no field, at its top. */
void ui_form_errors(struct strbuf *sb, const struct web_req *rq);
/* The start of a page's form that adds a record or changes one: the <h1>
 * ("VERB NAME" for a record, the name escaped; new_title when name is NULL),
 * card_tag (the card's opening tag), then the form posting to action and its
 * errors. */
void ui_record_form_begin(struct strbuf *sb, const struct web_req *rq, const char *action,
			  const char *card_tag, const char *verb, const char *name,
			  const char *new_title);
/* A page or list with nothing in it yet, teaching what it is for: what will
 * appear and why it matters for the search (what_html, the page's own
 * words, written as they are), and the one action that fills it (a link to
 * href; NULL: none). */
void ui_empty_state(struct strbuf *sb, const char *what_html, const char *href,
		    const char *action);
/* A list page's filter that cannot be used (bad->code set): why, announced.
 * Nothing when the filter was fine. */
void ui_filter_error(struct strbuf *sb, const struct error *bad);
/* Above a list cut at n of total rows: "Showing the first N of TOTAL
 * MANY; add words to narrow the list.", else "TOTAL ONE|MANY." */
void ui_list_count(struct strbuf *sb, size_t n, int64_t total, const char *one,
		   const char *many);

/* A page's handler, as the route table names it. */
typedef int ui_page_fn(struct web_req *rq, struct web_resp *rs);
/* How a form's POST ends, rc the result of its work: rc when that failed;
 * the form's page again (page) with status 400 when a field was wrong; else
 * a redirect to where. */
int ui_post_end(struct web_req *rq, struct web_resp *rs, int rc, ui_page_fn *page,
		const char *where);
/* A record's id from a URL segment; ERR_NOT_FOUND (a 404) when it is not one. */
int ui_parse_id(struct web_req *rq, const char *segment, int64_t *id);

#endif
