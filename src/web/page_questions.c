/*
 * page_questions.c: Questions (/questions): the bank of questions to ask,
 * each tagged with the stages of the conversation it suits, whom to ask and
 * the wants it verifies; filtered with ?stage=, ?audience=, ?verifies= and
 * ?q= (words it contains); a form to add a question of your own, and a button to remove one.
 */
#include "web/pages.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/wants.h"
#include "web/form.h"
#include "web/ui.h"

struct filter {
	struct question_filter f;
	const char *stage, *audience, *verifies, *text; /* as given */
	bool bad;
};

/* One filter's value as a mask (0: any); a bad one gets its error beside it. */
static bool filter_mask(struct web_req *rq, const char *name, const struct enum_def *def,
			const char **given, unsigned *mask)
{
	const char *v = web_param(&rq->query, name);
	struct error e = ERROR_INIT;
	int i;

	*given = v && *v ? v : NULL;
	*mask = 0;
	if (!*given)
		return true;
	if ((i = enum_parse(def, v, &e)) < 0) {
		web_field_error(rq, name, "%s", e.msg);
		return false;
	}
	*mask = 1u << i;
	return true;
}

static void read_filter(struct web_req *rq, struct filter *f)
{
	bool ok = filter_mask(rq, "stage", &question_stage_def, &f->stage, &f->f.stages);

	ok &= filter_mask(rq, "audience", &audience_def, &f->audience, &f->f.audiences);
	ok &= filter_mask(rq, "verifies", &want_category_def, &f->verifies, &f->f.categories);
	f->text = web_param(&rq->query, "q");
	if (f->text && !*f->text)
		f->text = NULL;
	f->f.text = f->text;
	f->bad = !ok;
}

/* The filters: a GET form, so the address can be kept and shared. */
static void filter_form(struct strbuf *sb, const struct web_req *rq, const struct filter *f)
{
	/* a failed POST's errors and values are the add form's, not these; a
	 * bad filter's error is this form's (a GET) */
	struct ui_form get = { .rq = rq, .key = NULL, .active = !rq->post };

	strbuf_addstr(sb, "<form method=\"get\" action=\"/questions\" class=\"filters\" "
			  "role=\"search\" aria-label=\"Filter the questions\">\n<div class=\"row\">");
	ui_form_select_enum(sb, &get, "stage", "Stage", &question_stage_def,
			    f->stage ? enum_parse(&question_stage_def, f->stage, NULL) : -1, "any");
	ui_form_select_enum(sb, &get, "audience", "Whom to ask", &audience_def,
			    f->audience ? enum_parse(&audience_def, f->audience, NULL) : -1,
			    "anyone");
	ui_form_select_enum(sb, &get, "verifies", "Verifies", &want_category_def,
			    f->verifies ? enum_parse(&want_category_def, f->verifies, NULL) : -1,
			    "any want");
	ui_form_input(sb, &get, "search", "q", "Containing", f->text, 0);
	strbuf_addstr(sb, "</div>\n<div class=\"actions\"><button type=\"submit\" "
			  "class=\"secondary\">Filter</button><a href=\"/questions\">Show all</a>"
			  "</div>\n</form>\n");
}

/* The address of this list, to come back to it after removing a question. */
static void list_address(struct strbuf *sb, const struct filter *f)
{
	const char *sep = "?";
	const struct {
		const char *name, *value;
	} q[] = { { "stage", f->stage }, { "audience", f->audience },
		  { "verifies", f->verifies }, { "q", f->text } };

	strbuf_addstr(sb, "/questions");
	for (size_t i = 0; i < ARRAY_SIZE(q); i++) {
		if (!q[i].value)
			continue;
		strbuf_addf(sb, "%s%s=", sep, q[i].name);
		ui_url_part(sb, q[i].value);
		sep = "&";
	}
}

static void set_text(struct strbuf *sb, const struct enum_def *def, unsigned mask,
		     const char *none)
{
	char buf[200];

	if (!mask) {
		strbuf_addstr(sb, "<span class=\"meta\">");
		html_text(sb, none);
		strbuf_addstr(sb, "</span>");
		return;
	}
	enum_set_text(def, mask, buf, sizeof(buf));
	html_text(sb, buf);
}

static const char *want_text(const want_vec *wants, int64_t id)
{
	for (size_t i = 0; i < wants->n; i++)
		if (wants->items[i].id == id)
			return wants->items[i].text;
	return NULL;
}

static void question_row(struct strbuf *sb, const struct web_req *rq, const question_vec *v,
			 size_t i, const want_vec *wants, const char *back)
{
	const struct question *q = &v->items[i];
	char action[64];

	strbuf_addf(sb, "<tr id=\"q-%lld\"><td><p class=\"q-text\">", (long long)q->id);
	html_text(sb, q->text);
	strbuf_addstr(sb, "</p>");
	if (!q->key)
		ui_badge(sb, "", "yours");
	for (size_t k = 0; k < q->wants.n; k++) {
		const char *t = want_text(wants, q->wants.items[k]);
		if (!t)
			continue;
		strbuf_addstr(sb, " <span class=\"meta\">verifies “");
		html_text(sb, t);
		strbuf_addstr(sb, "”</span>");
	}
	strbuf_addstr(sb, "</td><td>");
	set_text(sb, &question_stage_def, q->stages, "none");
	strbuf_addstr(sb, "</td><td>");
	set_text(sb, &audience_def, q->audiences, "none");
	strbuf_addstr(sb, "</td><td>");
	set_text(sb, &want_category_def, q->categories, "-");
	strbuf_addstr(sb, "</td><td>");
	snprintf(action, sizeof(action), "/questions/%lld/delete", (long long)q->id);
	ui_button_form(sb, rq, action, "Remove", "secondary", "back", back, NULL);
	strbuf_addstr(sb, "</td></tr>\n");
}

/* A group of checkboxes over an enum's names (or the wants), all named name. */
static void check_group(struct strbuf *sb, const struct web_req *rq, bool active,
			const char *name, const char *legend, const char *hint,
			const char *const *values, const char *const *labels, size_t n)
{
	const char *e = active ? web_error_of(rq, name) : NULL;

	strbuf_addstr(sb, "<fieldset class=\"checks");
	if (e)
		strbuf_addstr(sb, " has-error");
	strbuf_addstr(sb, "\"");
	if (e)
		strbuf_addf(sb, " aria-describedby=\"e-%s\"", name);
	strbuf_addstr(sb, "><legend>");
	html_text(sb, legend);
	strbuf_addstr(sb, "</legend>");
	if (hint) {
		strbuf_addstr(sb, "<p class=\"meta\">");
		html_text(sb, hint);
		strbuf_addstr(sb, "</p>");
	}
	for (size_t i = 0; i < n; i++) {
		bool checked = false;
		for (size_t k = 0; active && k < rq->form.n; k++)
			checked |= !strcmp(rq->form.items[k].name, name) &&
				   !strcmp(rq->form.items[k].value, values[i]);
		strbuf_addf(sb, "<label class=\"check\"><input type=\"checkbox\" name=\"%s\" "
				"value=\"", name);
		html_text(sb, values[i]);
		strbuf_addstr(sb, checked ? "\" checked> " : "\"> ");
		html_text(sb, labels ? labels[i] : values[i]);
		strbuf_addstr(sb, "</label>");
	}
	if (e) {
		strbuf_addf(sb, "<p class=\"error-text\" id=\"e-%s\">", name);
		html_text(sb, e);
		strbuf_addstr(sb, "</p>");
	}
	strbuf_addstr(sb, "</fieldset>\n");
}

static void add_form(struct strbuf *sb, const struct web_req *rq, const want_vec *wants)
{
	const char **ids = xcalloc(wants->n + 1, sizeof(*ids));
	const char **texts = xcalloc(wants->n + 1, sizeof(*texts));
	char (*buf)[24] = xcalloc(wants->n + 1, sizeof(*buf));

	strbuf_addstr(sb, "<section class=\"card\" id=\"add\" aria-labelledby=\"h-add\">\n"
			  "<h2 id=\"h-add\">Add a question</h2>\n");
	ui_form_begin(sb, rq, "/questions", "stack");
	ui_form_errors(sb, rq);
	ui_input(sb, rq, "text", "text", "The question", NULL, UI_REQUIRED);
	check_group(sb, rq, rq->post, "stage", "When to ask it", "None ticked: at any stage.",
		    question_stage_def.names, NULL, question_stage_def.count);
	check_group(sb, rq, rq->post, "audience", "Whom to ask", "None ticked: anyone.",
		    audience_def.names, NULL, audience_def.count);
	check_group(sb, rq, rq->post, "verifies", "The kinds of want it verifies", NULL,
		    want_category_def.names, NULL, want_category_def.count);
	for (size_t i = 0; i < wants->n; i++) {
		snprintf(buf[i], sizeof(buf[i]), "%lld", (long long)wants->items[i].id);
		ids[i] = buf[i];
		texts[i] = wants->items[i].text;
	}
	if (wants->n)
		check_group(sb, rq, rq->post, "want", "Your wants it verifies", NULL, ids, texts,
			    wants->n);
	ui_form_end(sb, "Add");
	strbuf_addstr(sb, "</section>\n");
	free(ids);
	free(texts);
	free(buf);
}

static int render(struct web_req *rq, struct web_resp *rs)
{
	struct strbuf *sb = &rs->body, back = STRBUF_INIT;
	struct filter f = { 0 };
	question_vec v = { 0 };
	want_vec wants = { 0 };
	int rc;

	read_filter(rq, &f);
	if ((rc = store_want_list(rq->store, &wants, &rq->err)) ||
	    (!f.bad && (rc = store_question_list(rq->store, &f.f, &v, &rq->err))))
		goto out;
	if (f.bad && rs->status < 400)
		rs->status = 400;
	list_address(&back, &f);
	ui_page_begin(rs, rq, "Questions", NAV_QUESTIONS);
	strbuf_addstr(sb, "<div class=\"page-head\"><h1>Questions</h1><p class=\"meta\">Questions "
			  "to ask, by the stage of the conversation and whom you ask. The prep "
			  "sheet of each opportunity picks from them what verifies your wants.</p>"
			  "</div>\n<div class=\"questions-page\">\n<div class=\"questions-main\">\n");
	filter_form(sb, rq, &f);
	strbuf_addf(sb, "<p class=\"meta count-line\">%zu question%s%s</p>\n", v.n,
		    v.n == 1 ? "" : "s",
		    f.stage || f.audience || f.verifies || f.text ? " match" : " in the bank");
	if (f.bad)
		strbuf_addstr(sb, "<p class=\"empty\">Correct the filter above.</p>\n");
	else if (!v.n)
		strbuf_addstr(sb, "<p class=\"empty\">No question matches. <a href=\"/questions\">"
				  "Show them all</a>, or add your own.</p>\n");
	else
		strbuf_addstr(sb, "<table class=\"list questions\">\n<thead><tr><th scope=\"col\">"
				  "Question</th><th scope=\"col\">Stage</th><th scope=\"col\">Ask"
				  "</th><th scope=\"col\">Verifies</th><th scope=\"col\">"
				  "<span class=\"visually-hidden\">Remove</span></th></tr></thead>\n"
				  "<tbody>\n");
	for (size_t i = 0; i < v.n; i++)
		question_row(sb, rq, &v, i, &wants, back.buf);
	if (v.n)
		strbuf_addstr(sb, "</tbody>\n</table>\n");
	strbuf_addstr(sb, "</div>\n<div class=\"questions-side\">\n");
	add_form(sb, rq, &wants);
	strbuf_addstr(sb, "</div>\n</div>\n");
	ui_page_end(rs);
out:
	strbuf_release(&back);
	question_vec_release(&v);
	want_vec_release(&wants);
	return rc;
}

int page_questions(struct web_req *rq, struct web_resp *rs)
{
	return render(rq, rs);
}

/* Every value of a group of checkboxes as a mask; false (error beside it) on a bad one. */
static bool form_mask(struct web_req *rq, const char *name, const struct enum_def *def,
		      unsigned *mask)
{
	struct error e = ERROR_INIT;

	*mask = 0;
	for (size_t i = 0; i < rq->form.n; i++) {
		int v;
		if (strcmp(rq->form.items[i].name, name))
			continue;
		if ((v = enum_parse(def, rq->form.items[i].value, &e)) < 0) {
			web_field_error(rq, name, "%s", e.msg);
			return false;
		}
		*mask |= 1u << v;
	}
	return true;
}

int post_question_create(struct web_req *rq, struct web_resp *rs)
{
	struct question q = { 0 };
	const char *text;
	int rc = 0;
	bool ok = form_text(rq, "text", "the question", true, false, &text);

	ok &= form_mask(rq, "stage", &question_stage_def, &q.stages);
	ok &= form_mask(rq, "audience", &audience_def, &q.audiences);
	ok &= form_mask(rq, "verifies", &want_category_def, &q.categories);
	ok &= form_ids(rq, &rq->form, "want", store_want_resolve, &q.wants);
	if (ok) {
		q.text = xstrdup(text);
		if (!q.stages)
			q.stages = enum_all(&question_stage_def);
		if (!q.audiences)
			q.audiences = enum_all(&audience_def);
		rc = form_error(rq, store_question_add(rq->store, &q, &rq->err), "");
	}
	if (!rc && !rq->errors.n)
		web_redirect(rs, "/questions#q-%lld", (long long)q.id);
	question_release(&q);
	if (rc || !rq->errors.n)
		return rc;
	rs->status = 400;
	return render(rq, rs);
}

int post_question_delete(struct web_req *rq, struct web_resp *rs)
{
	struct question q = { 0 };
	int64_t id;
	int rc;

	if (!(rc = ui_parse_id(rq, rq->arg[0], &id)) &&
	    !(rc = store_question_get(rq->store, id, &q, &rq->err)) &&
	    !(rc = store_question_delete(rq->store, id, &rq->err)))
		web_redirect(rs, "%s", form_back(rq, "/questions"));
	question_release(&q);
	return rc;
}
