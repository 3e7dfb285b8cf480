/* ui.c: the page frame, forms and fields, links and dates (see ui.h). */
#include "web/ui.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/date.h"
#include "core/text.h"
#include "web/pages.h"

static const struct {
	const char *href, *label;
} nav_items[] = {
	[NAV_TODAY] = { "/", "Today" },
	[NAV_PIPELINE] = { "/pipeline", "Pipeline" },
	[NAV_PEOPLE] = { "/people", "People" },
	[NAV_ORGS] = { "/orgs", "Organisations" },
	[NAV_WANTS] = { "/wants", "Wants" },
	[NAV_QUESTIONS] = { "/questions", "Questions" },
	[NAV_OFFERS] = { "/offers/compare", "Offers" },
	[NAV_INSIGHTS] = { "/insights", "Insights" },
	[NAV_SETTINGS] = { "/settings", "Settings" },
	[NAV_CLIENTS] = { "/coach", "Clients" },
};

void ui_page_begin(struct web_resp *rs, const struct web_req *rq, const char *title,
		   enum ui_nav nav)
{
	struct strbuf *sb = &rs->body;

	rs->content_type = "text/html; charset=utf-8";
	strbuf_addstr(sb, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
			  "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
			  "<title>");
	html_text(sb, title);
	strbuf_addstr(sb, " · rapport</title>\n<meta name=\"csrf\" content=\"");
	html_text(sb, rq->csrf);
	strbuf_addstr(sb, "\">\n<link rel=\"stylesheet\" href=\"/static/style.css?v=" RAPPORT_VERSION
			  "\">\n<link rel=\"icon\" href=\"/static/icon.svg?v=" RAPPORT_VERSION
			  "\" type=\"image/svg+xml\">\n<script src=\"/static/app.js?v=" RAPPORT_VERSION
			  "\" defer></script>\n</head>\n<body>\n"
			  "<a class=\"skip-link\" href=\"#content\">Skip to content</a>\n"
			  "<header class=\"top\">\n"
			  "<a class=\"brand\" href=\"/\">rapport</a>\n");
	if (!rq->csrf || !*rq->csrf) { /* not signed in: no way further but signing in */
		strbuf_addstr(sb, "</header>\n<main id=\"content\">\n");
		return;
	}
	strbuf_addstr(sb, "<nav aria-label=\"Main\">\n");
	for (size_t i = 0; i < ARRAY_SIZE(nav_items); i++) {
		/* the clients' dashboard: a coach's alone */
		if (i == NAV_CLIENTS && !(rq->account_role && !strcmp(rq->account_role, "coach")))
			continue;
		strbuf_addf(sb, "<a href=\"%s\"%s>%s</a>\n", nav_items[i].href,
			    i == (size_t)nav ? " aria-current=\"page\"" : "", nav_items[i].label);
	}
	strbuf_addstr(sb, "</nav>\n<form class=\"search\" method=\"get\" action=\"/search\" "
			  "role=\"search\" aria-label=\"Search everything\">\n"
			  "<label for=\"top-q\">Search</label>\n"
			  "<input id=\"top-q\" type=\"search\" name=\"q\" value=\"");
	if (rq->path && !strcmp(rq->path, "/search"))
		html_text(sb, web_param(&rq->query, "q"));
	strbuf_addstr(sb, "\">\n<button type=\"submit\">Search</button>\n</form>\n");
	if (rq->account_email) { /* a practice's server: who is signed in */
		strbuf_addstr(sb, "<a class=\"account\" href=\"/account\">");
		html_text(sb, rq->account_email);
		strbuf_addstr(sb, "</a>\n");
	}
	strbuf_addstr(sb, "</header>\n<main id=\"content\">\n");
	demo_banner(sb, rq);
	ui_undo_notice(rs, rq);
}

void ui_page_end(struct web_resp *rs)
{
	strbuf_addstr(&rs->body, "</main>\n<footer class=\"bottom\"><a href=\"/method\">How "
				 "rapport works</a></footer>\n</body>\n</html>\n");
}

void ui_error_page(struct web_resp *rs, const struct web_req *rq, int status,
		   const char *message)
{
	const char *title = status == 404   ? "Not found"
			    : status == 403 ? "Refused"
			    : status == 413 ? "Too large"
			    : status < 500  ? "Cannot do that"
					    : "Something went wrong";

	strbuf_reset(&rs->body);
	rs->status = status;
	ui_page_begin(rs, rq, title, NAV_NONE);
	strbuf_addstr(&rs->body, "<h1>");
	html_text(&rs->body, title);
	strbuf_addstr(&rs->body, "</h1>\n<p class=\"error-text\">");
	html_text(&rs->body, message);
	strbuf_addstr(&rs->body, "</p>\n<p><a href=\"/\">Back to Today</a></p>\n");
	ui_page_end(rs);
}

bool ui_local_path(const char *v)
{
	if (!v || v[0] != '/' || v[1] == '/')
		return false;
	for (const unsigned char *p = (const unsigned char *)v; *p; p++)
		if (*p < 0x20 || *p == 0x7f || *p == '\\')
			return false;
	return true;
}

void ui_url_part(struct strbuf *sb, const char *s)
{
	ui_percent_encode(sb, s, "-_.~");
}

void ui_percent_encode(struct strbuf *sb, const char *s, const char *keep)
{
	static const char hex[] = "0123456789ABCDEF";

	for (const unsigned char *p = (const unsigned char *)s; p && *p; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || strchr(keep, *p)) {
			strbuf_addch(sb, *p);
		} else {
			strbuf_addch(sb, '%');
			strbuf_addch(sb, hex[*p >> 4]);
			strbuf_addch(sb, hex[*p & 15]);
		}
	}
}

void ui_external_link(struct strbuf *sb, const char *url, const char *text)
{
	if (!url || !*url)
		return;
	if (strncasecmp(url, "http://", 7) && strncasecmp(url, "https://", 8) &&
	    strncasecmp(url, "mailto:", 7)) {
		html_text(sb, text ? text : url);
		return;
	}
	strbuf_addstr(sb, "<a href=\"");
	html_text(sb, url);
	strbuf_addstr(sb, "\" rel=\"noopener noreferrer\" target=\"_blank\">");
	html_text(sb, text ? text : url);
	strbuf_addstr(sb, "</a>");
}

/* <a href="/FOLDER/ID">name</a>, nothing without an id. */
static void record_link(struct strbuf *sb, const char *folder, int64_t id, const char *name)
{
	if (!id)
		return;
	strbuf_addf(sb, "<a href=\"/%s/%lld\">", folder, (long long)id);
	html_text(sb, name ? name : "(unnamed)");
	strbuf_addstr(sb, "</a>");
}

void ui_person_link(struct strbuf *sb, int64_t id, const char *name)
{
	record_link(sb, "people", id, name);
}

void ui_org_link(struct strbuf *sb, int64_t id, const char *name)
{
	record_link(sb, "orgs", id, name);
}

void ui_opp_link(struct strbuf *sb, const struct opp_ref *o)
{
	if (!o->id)
		return;
	strbuf_addstr(sb, "<a href=\"");
	ui_opp_path(sb, o->slug, "\">");
	if (o->org_name) {
		html_text(sb, o->org_name);
		strbuf_addstr(sb, ": ");
	}
	html_text(sb, o->title ? o->title : o->slug);
	strbuf_addstr(sb, "</a>");
}

void ui_rule_anchor(struct strbuf *sb, const char *rule_name)
{
	strbuf_addstr(sb, "rule-");
	for (const char *c = rule_name; *c; c++)
		strbuf_addch(sb, isalnum((unsigned char)*c) || *c == '-' || *c == '_' ? *c : '_');
}

char *ui_opp_label(const char *org_name, const char *title)
{
	struct strbuf sb = STRBUF_INIT;

	strbuf_addf(&sb, "%s — %s", org_name ? org_name : "", title);
	return strbuf_detach(&sb);
}

void ui_opp_path(struct strbuf *sb, const char *slug, const char *rest)
{
	strbuf_addstr(sb, "/opportunities/");
	ui_url_part(sb, slug);
	strbuf_addstr(sb, rest);
}

void ui_opp_heading(struct strbuf *sb, const char *org_name, const char *title)
{
	strbuf_addstr(sb, "<h3>");
	html_text(sb, org_name);
	strbuf_addstr(sb, ": ");
	html_text(sb, title);
	strbuf_addstr(sb, "</h3>\n");
}

/* The year of "now" (RAPPORT_NOW when set), 0 when it cannot be read. */
static int current_year(void)
{
	struct datetime now;
	struct error e = ERROR_INIT;

	return date_now(&now, &e) ? 0 : now.year;
}

void ui_when(struct strbuf *sb, const char *iso)
{
	static const char *const wday[] = { "Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed" };
	static const char *const mon[] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun",
					   "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
	struct datetime dt;
	struct error e = ERROR_INIT;
	long days;

	if (!iso || date_parse_iso(iso, &dt, &e)) {
		html_text(sb, iso);
		return;
	}
	days = date_to_days(&dt);
	strbuf_addf(sb, "<time datetime=\"%.*s\">%s %d %s", 16, iso,
		    wday[((days % 7) + 7) % 7], dt.day, mon[dt.month - 1]);
	/* Bug (issue 16): "Sun 3 Mar" for 2024 read as this year's */
	if (dt.year != current_year())
		strbuf_addf(sb, " %d", dt.year);
	if (dt.has_time)
		strbuf_addf(sb, " %02d:%02d", dt.hour, dt.minute);
	strbuf_addstr(sb, "</time>");
}

const char *ui_enum_label(const struct enum_def *def, int value, char buf[UI_LABEL_MAX])
{
	snprintf(buf, UI_LABEL_MAX, "%s", enum_name(def, value));
	for (char *p = buf; *p; p++)
		if (*p == '-')
			*p = ' ';
	return buf;
}

void ui_badge(struct strbuf *sb, const char *cls, const char *text)
{
	strbuf_addstr(sb, "<span class=\"badge ");
	html_text(sb, cls);
	strbuf_addstr(sb, "\">");
	html_text(sb, text);
	strbuf_addstr(sb, "</span>");
}

const char *ui_want_status_class(enum want_status s, bool must)
{
	switch (s) {
	case WANT_MET:
		return "good";
	case WANT_PARTLY:
	case WANT_VAGUE:
		return "warn";
	case WANT_UNMET:
		return must ? "bad strong" : "bad";
	default:
		return "unknown";
	}
}

void ui_scroll_begin(struct strbuf *sb, const char *label)
{
	strbuf_addstr(sb, "<div class=\"table-scroll\" role=\"region\" tabindex=\"0\" aria-label=\"");
	html_text(sb, label);
	strbuf_addstr(sb, "\">\n");
}

static void form_open(struct strbuf *sb, const struct web_req *rq, const char *action,
		      const char *cls, bool upload)
{
	strbuf_addstr(sb, "<form method=\"post\" action=\"");
	html_text(sb, action);
	if (upload) { /* checked with the headers, before the file is read */
		strbuf_addstr(sb, strchr(action, '?') ? "&amp;csrf=" : "?csrf=");
		html_text(sb, rq->csrf);
	}
	strbuf_addstr(sb, upload ? "\" enctype=\"multipart/form-data\"" : "\"");
	if (cls) {
		strbuf_addstr(sb, " class=\"");
		html_text(sb, cls);
		strbuf_addstr(sb, "\"");
	}
	strbuf_addstr(sb, ">\n<input type=\"hidden\" name=\"csrf\" value=\"");
	html_text(sb, rq->csrf);
	strbuf_addstr(sb, "\">\n");
}

void ui_form_begin(struct strbuf *sb, const struct web_req *rq, const char *action,
		   const char *cls)
{
	form_open(sb, rq, action, cls, false);
}

void ui_upload_form_begin(struct strbuf *sb, const struct web_req *rq, const char *action,
			  const char *cls)
{
	form_open(sb, rq, action, cls, true);
}

void ui_form_end(struct strbuf *sb, const char *button)
{
	strbuf_addstr(sb, "<div class=\"actions\"><button type=\"submit\">");
	html_text(sb, button);
	strbuf_addstr(sb, "</button></div>\n</form>\n");
}

void ui_button_form(struct strbuf *sb, const struct web_req *rq, const char *action,
		    const char *button, const char *cls, ...)
{
	const char *name, *value;
	va_list ap;

	strbuf_addstr(sb, "<form method=\"post\" class=\"inline\" action=\"");
	html_text(sb, action);
	strbuf_addstr(sb, "\"><input type=\"hidden\" name=\"csrf\" value=\"");
	html_text(sb, rq->csrf);
	strbuf_addstr(sb, "\">");
	va_start(ap, cls);
	while ((name = va_arg(ap, const char *)) && (value = va_arg(ap, const char *))) {
		strbuf_addstr(sb, "<input type=\"hidden\" name=\"");
		html_text(sb, name);
		strbuf_addstr(sb, "\" value=\"");
		html_text(sb, value);
		strbuf_addstr(sb, "\">");
	}
	va_end(ap);
	strbuf_addstr(sb, "<button type=\"submit\"");
	if (cls) {
		strbuf_addstr(sb, " class=\"");
		html_text(sb, cls);
		strbuf_addstr(sb, "\"");
	}
	strbuf_addstr(sb, ">");
	html_text(sb, button);
	strbuf_addstr(sb, "</button></form>");
}

/* The page's one form: ids f-NAME, its values and errors shown again. */
static struct ui_form only_form(const struct web_req *rq)
{
	return (struct ui_form){ .rq = rq, .key = NULL, .active = true };
}

static const char *error_of(const struct ui_form *f, const char *name)
{
	return f->active ? web_error_of(f->rq, name) : NULL;
}

/* The value a field shows: the user's own after a rejected POST of its form. */
static const char *shown_value(const struct ui_form *f, const char *name, const char *value)
{
	const char *sent;

	if (f->active && f->rq->post && f->rq->errors.n && (sent = web_param(&f->rq->form, name)))
		return sent;
	return value;
}

/* The field's id: KEY-NAME, or f-NAME on the page's one form. */
static void field_id(struct strbuf *sb, const struct ui_form *f, const char *name)
{
	html_text(sb, f->key ? f->key : "f");
	strbuf_addch(sb, '-');
	html_text(sb, name);
}

/* Its error's id: e-KEY-NAME, or e-NAME on the page's one form. */
static void error_id(struct strbuf *sb, const struct ui_form *f, const char *name)
{
	strbuf_addstr(sb, "e-");
	if (f->key) {
		html_text(sb, f->key);
		strbuf_addch(sb, '-');
	}
	html_text(sb, name);
}

static void label_for(struct strbuf *sb, const struct ui_form *f, const char *name,
		      const char *label)
{
	strbuf_addstr(sb, "<label for=\"");
	field_id(sb, f, name);
	strbuf_addstr(sb, "\">");
	html_text(sb, label);
	strbuf_addstr(sb, "</label>");
}

static void field_open(struct strbuf *sb, const struct ui_form *f, const char *cls,
		       const char *name)
{
	strbuf_addstr(sb, "<div class=\"");
	strbuf_addstr(sb, cls);
	if (error_of(f, name))
		strbuf_addstr(sb, " has-error");
	strbuf_addstr(sb, "\">");
}

static void field_close(struct strbuf *sb, const struct ui_form *f, const char *name)
{
	const char *e = error_of(f, name);

	if (e) {
		strbuf_addstr(sb, "<p class=\"error-text\" id=\"");
		error_id(sb, f, name);
		strbuf_addstr(sb, "\">");
		html_text(sb, e);
		strbuf_addstr(sb, "</p>");
	}
	strbuf_addstr(sb, "</div>\n");
}

static void field_attrs(struct strbuf *sb, const struct ui_form *f, const char *name)
{
	strbuf_addstr(sb, " id=\"");
	field_id(sb, f, name);
	strbuf_addstr(sb, "\" name=\"");
	html_text(sb, name);
	strbuf_addstr(sb, "\"");
	if (error_of(f, name)) {
		strbuf_addstr(sb, " aria-invalid=\"true\" aria-describedby=\"");
		error_id(sb, f, name);
		strbuf_addstr(sb, "\"");
	}
}

void ui_form_input(struct strbuf *sb, const struct ui_form *f, const char *type, const char *name,
		   const char *label, const char *value, unsigned flags)
{
	const char *v = shown_value(f, name, value);

	field_open(sb, f, "field", name);
	label_for(sb, f, name, label);
	strbuf_addstr(sb, "<input type=\"");
	html_text(sb, type);
	strbuf_addstr(sb, "\"");
	field_attrs(sb, f, name);
	if (v) {
		strbuf_addstr(sb, " value=\"");
		html_text(sb, v);
		strbuf_addstr(sb, "\"");
	}
	if (flags & UI_REQUIRED)
		strbuf_addstr(sb, " required");
	if (flags & UI_AUTOFOCUS)
		strbuf_addstr(sb, " autofocus");
	strbuf_addstr(sb, ">");
	field_close(sb, f, name);
}

void ui_input(struct strbuf *sb, const struct web_req *rq, const char *type, const char *name,
	      const char *label, const char *value, unsigned flags)
{
	struct ui_form f = only_form(rq);

	ui_form_input(sb, &f, type, name, label, value, flags);
}

void ui_form_textarea(struct strbuf *sb, const struct ui_form *f, const char *name,
		      const char *label, const char *value, int rows)
{
	const char *v = shown_value(f, name, value);

	field_open(sb, f, "field", name);
	label_for(sb, f, name, label);
	strbuf_addf(sb, "<textarea rows=\"%d\"", rows);
	field_attrs(sb, f, name);
	/* a newline right after <textarea> is dropped by the parser: keep the value's own */
	strbuf_addstr(sb, ">\n");
	html_text(sb, v);
	strbuf_addstr(sb, "</textarea>");
	field_close(sb, f, name);
}

void ui_textarea(struct strbuf *sb, const struct web_req *rq, const char *name, const char *label,
		 const char *value, int rows)
{
	struct ui_form f = only_form(rq);

	ui_form_textarea(sb, &f, name, label, value, rows);
}

static void option(struct strbuf *sb, const char *value, const char *label, bool selected)
{
	strbuf_addstr(sb, "<option value=\"");
	html_text(sb, value);
	strbuf_addstr(sb, selected ? "\" selected>" : "\">");
	html_text(sb, label);
	strbuf_addstr(sb, "</option>");
}

static void select_open(struct strbuf *sb, const struct ui_form *f, const char *name,
			const char *label)
{
	field_open(sb, f, "field", name);
	label_for(sb, f, name, label);
	strbuf_addstr(sb, "<select");
	field_attrs(sb, f, name);
	strbuf_addstr(sb, ">");
}

static void select_close(struct strbuf *sb, const struct ui_form *f, const char *name)
{
	strbuf_addstr(sb, "</select>");
	field_close(sb, f, name);
}

void ui_form_select(struct strbuf *sb, const struct ui_form *f, const char *name, const char *label,
		    const char *const *values, const char *const *labels, size_t n,
		    const char *current)
{
	const char *v = shown_value(f, name, current);

	select_open(sb, f, name, label);
	for (size_t i = 0; i < n; i++)
		option(sb, values[i], labels && labels[i] ? labels[i] : values[i],
		       v && !strcmp(v, values[i]));
	select_close(sb, f, name);
}

static bool same_group(const char *a, const char *b)
{
	return a == b || (a && b && !strcmp(a, b));
}

void ui_form_select_grouped(struct strbuf *sb, const struct ui_form *f, const char *name,
			    const char *label, const struct ui_choice *c, size_t n,
			    const char *current)
{
	const char *v = shown_value(f, name, current), *group = NULL;

	select_open(sb, f, name, label);
	for (size_t i = 0; i < n; i++) {
		if (!same_group(group, c[i].group)) {
			if (group)
				strbuf_addstr(sb, "</optgroup>");
			if ((group = c[i].group)) {
				strbuf_addstr(sb, "<optgroup label=\"");
				html_text(sb, group);
				strbuf_addstr(sb, "\">");
			}
		}
		option(sb, c[i].value, c[i].label, v && !strcmp(v, c[i].value));
	}
	if (group)
		strbuf_addstr(sb, "</optgroup>");
	select_close(sb, f, name);
}

void ui_select(struct strbuf *sb, const struct web_req *rq, const char *name, const char *label,
	       const char *const *values, const char *const *labels, size_t n, const char *current)
{
	struct ui_form f = only_form(rq);

	ui_form_select(sb, &f, name, label, values, labels, n, current);
}

void ui_form_select_enum(struct strbuf *sb, const struct ui_form *f, const char *name,
			 const char *label, const struct enum_def *def, int current,
			 const char *none_label)
{
	const char *v = shown_value(f, name, current >= 0 ? enum_name(def, current) : "");

	select_open(sb, f, name, label);
	if (none_label)
		option(sb, "", none_label, !v || !*v);
	for (size_t i = 0; i < def->count; i++) {
		char label_buf[UI_LABEL_MAX];
		option(sb, def->names[i], ui_enum_label(def, (int)i, label_buf),
		       v && !strcmp(v, def->names[i]));
	}
	select_close(sb, f, name);
}

void ui_select_enum(struct strbuf *sb, const struct web_req *rq, const char *name,
		    const char *label, const struct enum_def *def, int current,
		    const char *none_label)
{
	struct ui_form f = only_form(rq);

	ui_form_select_enum(sb, &f, name, label, def, current, none_label);
}

void ui_form_checkbox(struct strbuf *sb, const struct ui_form *f, const char *name,
		      const char *label, bool checked)
{
	if (f->active && f->rq->post && f->rq->errors.n)
		checked = web_param(&f->rq->form, name) != NULL;
	field_open(sb, f, "field check", name);
	strbuf_addstr(sb, "<input type=\"checkbox\" value=\"1\"");
	field_attrs(sb, f, name);
	if (checked)
		strbuf_addstr(sb, " checked");
	strbuf_addstr(sb, ">");
	label_for(sb, f, name, label);
	field_close(sb, f, name);
}

void ui_checkbox(struct strbuf *sb, const struct web_req *rq, const char *name, const char *label,
		 bool checked)
{
	struct ui_form f = only_form(rq);

	ui_form_checkbox(sb, &f, name, label, checked);
}

void ui_form_errors(struct strbuf *sb, const struct web_req *rq)
{
	const char *e = web_error_of(rq, "");

	if (!rq->errors.n)
		return;
	strbuf_addstr(sb, "<div class=\"form-errors\" role=\"alert\"><p>");
	html_text(sb, e ? e : "Please correct the fields marked below; nothing was saved.");
	strbuf_addstr(sb, "</p></div>\n");
}

void ui_record_form_begin(struct strbuf *sb, const struct web_req *rq, const char *action,
			  const char *card_tag, const char *verb, const char *name,
			  const char *new_title)
{
	strbuf_addstr(sb, "<div class=\"page-head\"><h1>");
	if (name) {
		strbuf_addf(sb, "%s ", verb);
		html_text(sb, name);
	} else {
		strbuf_addstr(sb, new_title);
	}
	strbuf_addf(sb, "</h1></div>\n%s", card_tag);
	ui_form_begin(sb, rq, action, "stack");
	ui_form_errors(sb, rq);
}

void ui_empty_state(struct strbuf *sb, const char *what_html, const char *href,
		    const char *action)
{
	strbuf_addf(sb, "<div class=\"empty\"><p>%s</p>", what_html);
	if (href) {
		strbuf_addstr(sb, "<p class=\"empty-action\"><a href=\"");
		html_text(sb, href);
		strbuf_addstr(sb, "\">");
		html_text(sb, action);
		strbuf_addstr(sb, "</a></p>");
	}
	strbuf_addstr(sb, "</div>\n");
}

void ui_filter_error(struct strbuf *sb, const struct error *bad)
{
	if (!bad->code)
		return;
	strbuf_addstr(sb, "<p class=\"form-errors\" role=\"alert\">");
	html_text(sb, bad->msg);
	strbuf_addstr(sb, "</p>\n");
}

void ui_list_count(struct strbuf *sb, size_t n, int64_t total, const char *one,
		   const char *many)
{
	strbuf_addstr(sb, "<p class=\"meta count-note\">");
	if ((int64_t)n < total) {
		strbuf_addf(sb, "Showing the first %zu of ", n);
		text_add_thousands(sb, total);
		strbuf_addf(sb, " %s; add words to narrow the list.", many);
	} else {
		strbuf_addf(sb, "%lld %s.", (long long)total, total == 1 ? one : many);
	}
	strbuf_addstr(sb, "</p>\n");
}

int ui_post_end(struct web_req *rq, struct web_resp *rs, int rc, ui_page_fn *page,
		const char *where)
{
	if (rc)
		return rc;
	if (rq->errors.n) {
		rs->status = 400;
		return page(rq, rs);
	}
	web_redirect(rs, "%s", where);
	return 0;
}

int ui_parse_id(struct web_req *rq, const char *segment, int64_t *id)
{
	long v;
	struct error e = ERROR_INIT;

	if (!segment || text_parse_int("id", segment, 1, 999999999999L, &v, &e))
		return error_set(&rq->err, ERR_NOT_FOUND, "there is no such record");
	*id = v;
	return 0;
}

void ui_hidden(struct strbuf *sb, const char *name, const char *value)
{
	strbuf_addstr(sb, "<input type=\"hidden\" name=\"");
	html_text(sb, name);
	strbuf_addstr(sb, "\" value=\"");
	html_text(sb, value);
	strbuf_addstr(sb, "\">");
}

void ui_select_owned(struct strbuf *sb, const struct web_req *rq, const char *name,
		     const char *label, char **values, char **labels, size_t n,
		     const char *current)
{
	ui_select(sb, rq, name, label, (const char *const *)values, (const char *const *)labels, n,
		  current);
	for (size_t i = 0; i < n; i++) {
		free(values[i]);
		free(labels[i]);
	}
	free(values);
	free(labels);
}
