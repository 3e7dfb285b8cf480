/*
 * page_debrief.c: the debriefs of an opportunity (/opportunities/SLUG/debrief)
 * with the form to record one, as 'rapport debrief' does: the conversation it
 * is about (the latest interview unless chosen), the questions asked (the
 * prep sheet's, each with its answer, and rows for your own), the want an
 * answer settles and how, what went well, what to refine, the chemistry.
 * One debrief on its own page (/debriefs/ID). The opportunity page lists them
 * (opp_debriefs_section).
 *
 * The form's rows are numbered fields: bank-N (a prep question's id, hidden)
 * or q-N (your own words), then answer-N, want-N and status-N. A row counts
 * when it has a question of your own or an answer; the rest are left out.
 */
#include "web/pages.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/text.h"
#include "method/debrief_actions.h"
#include "method/prep.h"
#include "store/wants.h"
#include "web/form.h"
#include "web/ui.h"
#include "web/views.h"

/* Rows for your own questions below the prep sheet's; ?more=N adds N. */
#define FREE_ROWS 3
#define MORE_ROWS_MAX 20
/* The most rows a form may send (a bound on the loop, not a limit anyone meets). */
#define ROWS_MAX 100
/* The conversations offered, the newest. */
#define INTERACTIONS_SHOWN 30

static const char *const status_values[] = { "", "met", "partly", "unmet", "vague" };
static const char *const status_labels[] = { "(no want settled)", "met", "partly met", "unmet",
					     "vague: ask again" };
static const char *const chemistry_values[] = { "", "1", "2", "3", "4", "5" };
static const char *const chemistry_labels[] = { "(not rated)", "1: poor", "2", "3", "4",
						"5: great" };

/* ---- showing debriefs ---- */

static void asked_item(struct strbuf *sb, const struct asked *q)
{
	strbuf_addstr(sb, "<li><p class=\"asked\">");
	html_text(sb, q->text);
	if (q->question_id)
		strbuf_addstr(sb, " <span class=\"meta\">(from the bank)</span>");
	strbuf_addstr(sb, "</p>\n");
	if (q->answer) {
		strbuf_addstr(sb, "<p class=\"answer\">");
		if (q->by.id) {
			ui_person_link(sb, q->by.id, q->by.name);
			strbuf_addstr(sb, ": ");
		}
		html_text(sb, q->answer);
		strbuf_addstr(sb, "</p>\n");
	} else {
		strbuf_addstr(sb, "<p class=\"answer meta\">No answer recorded");
		if (q->by.id) {
			strbuf_addstr(sb, " (asked ");
			ui_person_link(sb, q->by.id, q->by.name);
			strbuf_addstr(sb, ")");
		}
		strbuf_addstr(sb, ".</p>\n");
	}
	if (q->evidence_id) {
		strbuf_addstr(sb, "<p class=\"settles meta\">It tells you where “");
		html_text(sb, q->want ? q->want : "a want since removed");
		strbuf_addstr(sb, "” stands: ");
		if (q->want_status >= 0)
			ui_badge(sb, ui_want_status_class((enum want_status)q->want_status, false),
				 enum_name(&want_status_def, q->want_status));
		strbuf_addstr(sb, "</p>\n");
	}
	strbuf_addstr(sb, "</li>\n");
}

static void text_fact(struct strbuf *sb, const char *label, const char *value, const char *cls)
{
	if (!value)
		return;
	strbuf_addf(sb, "<dt>%s</dt><dd class=\"%s\">", label, cls);
	html_text(sb, value);
	strbuf_addstr(sb, "</dd>\n");
}

/* A debrief as a card; heading is h2 on the list, h1 on its own page. */
static void debrief_card(struct strbuf *sb, const struct debrief *d, const char *heading)
{
	strbuf_addf(sb, "<article class=\"card debrief\" id=\"debrief-%lld\">\n<%s>",
		    (long long)d->id, heading);
	ui_when(sb, d->at);
	if (d->interaction_summary) {
		strbuf_addstr(sb, " · ");
		html_text(sb, d->interaction_summary);
	}
	strbuf_addf(sb, "</%s>\n<dl class=\"facts\">\n", heading);
	if (d->chemistry > 0)
		strbuf_addf(sb, "<dt>Chemistry</dt><dd>%d of 5</dd>\n", d->chemistry);
	text_fact(sb, "Went well", d->went_well, "went-well");
	text_fact(sb, "To refine", d->refine, "refine");
	strbuf_addstr(sb, "</dl>\n");
	view_notes(sb, NULL, d->notes);
	if (d->asked.n) {
		/* one level below the card's own heading, whichever it is */
		char sub = (char)(heading[1] + 1);
		strbuf_addf(sb, "<h%c>Questions asked <span class=\"count\">%zu</span></h%c>\n"
				"<ol class=\"asked-list\">\n", sub, d->asked.n, sub);
		for (size_t i = 0; i < d->asked.n; i++)
			asked_item(sb, &d->asked.items[i]);
		strbuf_addstr(sb, "</ol>\n");
	}
	strbuf_addstr(sb, "</article>\n");
}

static void refine_summary(struct strbuf *sb, const debrief_vec *v)
{
	size_t refine = 0;

	for (size_t i = 0; i < v->n; i++)
		refine += v->items[i].refine != NULL;
	if (!refine)
		return;
	strbuf_addstr(sb, "<section class=\"card refine-all\" aria-labelledby=\"h-refine\">\n"
			  "<h2 id=\"h-refine\">What to refine</h2>\n<ul>\n");
	for (size_t i = 0; i < v->n; i++) {
		if (!v->items[i].refine)
			continue;
		strbuf_addstr(sb, "<li>");
		html_text(sb, v->items[i].refine);
		strbuf_addstr(sb, " <span class=\"meta\">");
		ui_when(sb, v->items[i].at);
		strbuf_addstr(sb, "</span></li>\n");
	}
	strbuf_addstr(sb, "</ul>\n</section>\n");
}

/* ---- the form: what it offers to choose from ---- */

struct form_data {
	struct opp o;
	struct opp_ref ref;     /* o, as a reference (borrowed) */
	interaction_vec iv;     /* the newest conversations, oldest first */
	int64_t default_it;     /* the latest interview, 0 when none */
	person_ref_vec people;  /* linked to the opportunity */
	want_vec wants;
	question_vec prep;      /* the prep sheet's questions, in its order */
	id_vec prep_wants;      /* the want each is listed under */
	debrief_vec past;
};

static void form_data_release(struct form_data *f)
{
	opp_release(&f->o);
	interaction_vec_release(&f->iv);
	person_ref_vec_release(&f->people);
	want_vec_release(&f->wants);
	question_vec_release(&f->prep);
	free(f->prep_wants.items);
	debrief_vec_release(&f->past);
}

/* The prep sheet's questions for the next conversation, with their wants. */
static int load_prep(struct web_req *rq, struct form_data *f)
{
	struct prep_request req = { .opp_id = f->o.id, .stage = -1 };
	struct prep_result res = { 0 };
	struct strbuf md = STRBUF_INIT;
	int rc = prep_sheet(rq->store, &req, &md, &res, &rq->err);

	for (size_t i = 0; i < res.questions.n && !rc; i++) {
		rc = store_question_get(rq->store, res.questions.items[i], VEC_PUSH(&f->prep),
					&rq->err);
		*VEC_PUSH(&f->prep_wants) = res.question_wants.items[i];
	}
	strbuf_release(&md);
	prep_result_release(&res);
	return rc;
}

static int form_data_load(struct web_req *rq, struct form_data *f)
{
	struct store *s = rq->store;
	int64_t id;
	int rc;

	memset(f, 0, sizeof(*f));
	if ((rc = store_opp_resolve(s, rq->arg[0], &id, &rq->err)))
		return rc == ERR_AMBIGUOUS ? error_set(&rq->err, ERR_NOT_FOUND,
						       "there is no opportunity '%s'", rq->arg[0])
					   : rc;
	if ((rc = store_opp_get(s, id, &f->o, &rq->err)) ||
	    (rc = store_interactions_of_opp(s, id, INTERACTIONS_SHOWN, &f->iv, NULL, &rq->err)) ||
	    (rc = store_latest_interview(s, id, &f->default_it, &rq->err)) ||
	    (rc = store_opp_people(s, id, &f->people, &rq->err)) ||
	    (rc = store_want_list(s, &f->wants, &rq->err)) ||
	    (rc = store_debrief_list(s, id, &f->past, &rq->err)) || (rc = load_prep(rq, f)))
		return rc;
	f->ref = (struct opp_ref){ .id = f->o.id, .slug = f->o.slug, .title = f->o.title,
				   .org_name = f->o.org_name };
	return 0;
}

/* ---- the form: its fields ---- */

static char *id_text(int64_t id)
{
	char buf[24];

	snprintf(buf, sizeof(buf), "%lld", (long long)id);
	return xstrdup(buf);
}

/* "2026-02-25 14:00, interview: Panel interview" */
static char *interaction_label(const struct interaction *it)
{
	struct strbuf sb = STRBUF_INIT;

	strbuf_addf(&sb, "%.10s", it->at);
	if (strlen(it->at) >= 16)
		strbuf_addf(&sb, " %.5s", it->at + 11);
	strbuf_addf(&sb, ", %s: %s", enum_name(&interaction_kind_def, (int)it->kind), it->summary);
	return strbuf_detach(&sb);
}

static void interaction_select(struct strbuf *sb, const struct web_req *rq,
			       const struct form_data *f)
{
	size_t n = f->iv.n + 1, k = 0;
	char **values = xcalloc(n, sizeof(*values)), **labels = xcalloc(n, sizeof(*labels));
	char *current = f->default_it ? id_text(f->default_it) : xstrdup("none");

	for (size_t i = f->iv.n; i-- > 0; k++) { /* newest first */
		values[k] = id_text(f->iv.items[i].id);
		labels[k] = interaction_label(&f->iv.items[i]);
	}
	values[k] = xstrdup("none");
	labels[k] = xstrdup("(not about one logged conversation)");
	ui_select_owned(sb, rq, "interaction", "The conversation", values, labels, n, current);
	free(current);
}

static void person_select(struct strbuf *sb, const struct web_req *rq,
			  const struct form_data *f)
{
	size_t n = f->people.n + 1;
	char **values = xcalloc(n, sizeof(*values)), **labels = xcalloc(n, sizeof(*labels));

	values[0] = xstrdup("");
	labels[0] = xstrdup("(the conversation's only participant, if one)");
	for (size_t i = 0; i < f->people.n; i++) {
		values[i + 1] = id_text(f->people.items[i].id);
		labels[i + 1] = xstrdup(f->people.items[i].name);
	}
	ui_select_owned(sb, rq, "by", "Who answered", values, labels, n, "");
}

static void want_select(struct strbuf *sb, const struct web_req *rq, const char *name,
			const struct form_data *f, int64_t current)
{
	size_t n = f->wants.n + 1;
	char **values = xcalloc(n, sizeof(*values)), **labels = xcalloc(n, sizeof(*labels));
	char *cur = current ? id_text(current) : xstrdup("");

	values[0] = xstrdup("");
	labels[0] = xstrdup("(none)");
	for (size_t i = 0; i < f->wants.n; i++) {
		values[i + 1] = id_text(f->wants.items[i].id);
		labels[i + 1] = xstrdup(f->wants.items[i].text);
	}
	ui_select_owned(sb, rq, name, "It settles the want", values, labels, n, cur);
	free(cur);
}

/* One question's row: the prep sheet's (q set) or your own (q NULL). */
static void question_row(struct strbuf *sb, const struct web_req *rq, size_t n,
			 const struct question *q, int64_t want, const struct form_data *f)
{
	char name[4][24];

	snprintf(name[0], sizeof(name[0]), "q-%zu", n);
	snprintf(name[1], sizeof(name[1]), "answer-%zu", n);
	snprintf(name[2], sizeof(name[2]), "want-%zu", n);
	snprintf(name[3], sizeof(name[3]), "status-%zu", n);
	strbuf_addf(sb, "<fieldset class=\"asked-row\" id=\"row-%zu\"><legend>", n);
	if (q) {
		html_text(sb, q->text);
		strbuf_addf(sb, "</legend>\n<input type=\"hidden\" name=\"bank-%zu\" value=\"%lld\">",
			    n, (long long)q->id);
		ui_textarea(sb, rq, name[1], "Their answer (empty: not asked)", NULL, 2);
	} else {
		strbuf_addf(sb, "Your own question %zu</legend>\n", n);
		ui_input(sb, rq, "text", name[0], "The question", NULL, 0);
		ui_textarea(sb, rq, name[1], "Their answer", NULL, 2);
	}
	strbuf_addstr(sb, "<div class=\"row\">");
	want_select(sb, rq, name[2], f, want);
	ui_select(sb, rq, name[3], "How it stands", status_values, status_labels,
		  ARRAY_SIZE(status_values), "");
	strbuf_addstr(sb, "</div></fieldset>\n");
}

/* How many rows of your own: FREE_ROWS, ?more=N more, or as many as were sent. */
static size_t own_rows(const struct web_req *rq, size_t prep)
{
	static const char *const fields[] = { "q", "answer", "want", "status" };
	const char *more = web_param(&rq->query, "more");
	size_t n = FREE_ROWS;
	char name[24];

	if (more)
		n += (size_t)strtoul(more, NULL, 10) % (MORE_ROWS_MAX + 1);
	for (size_t i = prep + n + 1; rq->post && i <= ROWS_MAX; i++) {
		for (size_t k = 0; k < ARRAY_SIZE(fields); k++) {
			snprintf(name, sizeof(name), "%s-%zu", fields[k], i);
			if (web_param(&rq->form, name))
				n = i - prep;
		}
	}
	return n;
}

static void debrief_form(struct strbuf *sb, const struct web_req *rq, const struct form_data *f)
{
	struct strbuf action = STRBUF_INIT;
	size_t np = f->prep.n, nown = own_rows(rq, np);

	ui_opp_path(&action, f->ref.slug, "/debrief");
	strbuf_addstr(sb, "<section class=\"card debrief-form\" id=\"record\" "
			  "aria-labelledby=\"h-record\">\n<h2 id=\"h-record\">Record a debrief</h2>\n"
			  "<p class=\"meta\">Right after the conversation: what you asked, what they "
			  "answered, what went well and what to refine.</p>\n");
	ui_form_begin(sb, rq, action.buf, "stack");
	ui_form_errors(sb, rq);
	strbuf_addstr(sb, "<div class=\"row\">");
	interaction_select(sb, rq, f);
	person_select(sb, rq, f);
	strbuf_addstr(sb, "</div>\n<h3>The questions you asked</h3>\n");
	if (np)
		strbuf_addstr(sb, "<p class=\"meta\">From the prep sheet; leave a question's answer "
				  "empty when you did not ask it.</p>\n");
	for (size_t i = 0; i < np; i++)
		question_row(sb, rq, i + 1, &f->prep.items[i], f->prep_wants.items[i], f);
	for (size_t i = 0; i < nown; i++)
		question_row(sb, rq, np + i + 1, NULL, 0, f);
	strbuf_addstr(sb, "<p class=\"meta\"><a href=\"");
	ui_opp_path(sb, f->ref.slug, "");
	strbuf_addf(sb, "/debrief?more=%d#row-%zu\">More rows for your own questions</a></p>\n",
		    MORE_ROWS_MAX, np + nown);
	ui_textarea(sb, rq, "well", "What went well", NULL, 2);
	ui_textarea(sb, rq, "refine", "What to refine next time", NULL, 2);
	ui_select(sb, rq, "chemistry", "How it felt (chemistry)", chemistry_values,
		  chemistry_labels, 6, "");
	ui_textarea(sb, rq, "notes", "Notes (Markdown)", NULL, 3);
	ui_form_end(sb, "Save the debrief");
	strbuf_addstr(sb, "</section>\n");
	strbuf_release(&action);
}

static int render(struct web_req *rq, struct web_resp *rs, struct form_data *f)
{
	struct strbuf *sb = &rs->body;

	ui_page_begin(rs, rq, "Debriefs", NAV_PIPELINE);
	strbuf_addstr(sb, "<div class=\"page-head\"><h1>Debriefs</h1><p class=\"meta\"><a href=\"");
	ui_opp_path(sb, f->ref.slug, "");
	strbuf_addstr(sb, "\">");
	html_text(sb, f->o.org_name);
	strbuf_addstr(sb, ": ");
	html_text(sb, f->o.title);
	strbuf_addstr(sb, "</a> · <a href=\"/prep/");
	ui_url_part(sb, f->o.slug);
	strbuf_addstr(sb, "\">Prep sheet</a></p></div>\n");
	refine_summary(sb, &f->past);
	debrief_form(sb, rq, f);
	if (!f->past.n)
		strbuf_addstr(sb, "<p class=\"empty\">No debrief yet.</p>\n");
	for (size_t i = f->past.n; i-- > 0;)
		debrief_card(sb, &f->past.items[i], "h2");
	ui_page_end(rs);
	return 0;
}

int page_debrief(struct web_req *rq, struct web_resp *rs)
{
	struct form_data f;
	int rc = form_data_load(rq, &f);

	if (!rc)
		rc = render(rq, rs, &f);
	form_data_release(&f);
	return rc;
}

/* ---- the form: reading it ---- */

static const char *row_value(struct web_req *rq, const char *field, size_t n)
{
	char name[32];
	const char *v;

	snprintf(name, sizeof(name), "%s-%zu", field, n);
	v = web_param(&rq->form, name);
	return v && *v ? v : NULL;
}

static void row_error(struct web_req *rq, const char *field, size_t n, const char *msg)
{
	char name[32];

	snprintf(name, sizeof(name), "%s-%zu", field, n);
	web_field_error(rq, name, "%s", msg);
}

typedef VEC(struct debrief_mark) mark_vec;

/* The want row n settles, if any: both a want and how it stands, or neither. */
static bool read_mark(struct web_req *rq, size_t n, const struct debrief *d, mark_vec *marks)
{
	const char *want = row_value(rq, "want", n), *status = row_value(rq, "status", n);
	struct debrief_mark m = { .answer = d->asked.n - 1 };
	struct error e = ERROR_INIT;
	int st;

	if (!want && !status)
		return true;
	if (!status) {
		row_error(rq, "status", n, "Say how the want stands: met, partly, unmet or vague.");
		return false;
	}
	if (!want) {
		row_error(rq, "want", n, "Which want does the answer settle?");
		return false;
	}
	if (store_want_resolve(rq->store, want, &m.want_id, &e)) {
		row_error(rq, "want", n, e.msg);
		return false;
	}
	if ((st = enum_parse(&want_status_def, status, &e)) < 0) {
		row_error(rq, "status", n, e.msg);
		return false;
	}
	m.status = (enum want_status)st;
	*VEC_PUSH(marks) = m;
	return true;
}

/* Row n's question: the bank's (bank-N) or your own words (q-N); *asked is
 * false when the row is left empty. */
static bool read_question(struct web_req *rq, size_t n, struct asked *q, bool *asked)
{
	const char *bank = row_value(rq, "bank", n), *own = row_value(rq, "q", n);
	const char *answer = row_value(rq, "answer", n);
	struct question bq = { 0 };
	struct error e = ERROR_INIT;
	long id;

	*asked = false;
	if (!own && !(bank && answer)) { /* nothing asked: nothing else may be said */
		if (answer)
			row_error(rq, "q", n, "Write the question this answers.");
		else if (row_value(rq, "status", n)) /* a prep row's want is chosen beforehand */
			row_error(rq, bank ? "answer" : "q", n,
				  bank ? "Give the answer that settles the want."
				       : "Write the question whose answer settles the want.");
		else
			return true;
		return false;
	}
	if (own) {
		if (text_check("a question", own, TEXT_REQUIRED | TEXT_ONE_LINE, &e)) {
			row_error(rq, "q", n, e.msg);
			return false;
		}
		q->text = xstrdup(own);
	} else if (text_parse_int("question", bank, 1, 999999999999L, &id, &e) ||
		   store_question_get(rq->store, id, &bq, &e)) {
		question_release(&bq);
		row_error(rq, "answer", n, e.msg);
		return false;
	} else {
		q->question_id = bq.id;
		q->text = bq.text;
		bq.text = NULL;
		question_release(&bq);
	}
	field_set(&q->answer, answer);
	*asked = true;
	return true;
}

/* The conversation (its time is the debrief's) and who answered. */
static bool read_context(struct web_req *rq, struct debrief *d, int64_t *by)
{
	const char *v = web_param(&rq->form, "interaction");
	struct interaction it = { 0 };
	struct error e = ERROR_INIT;
	char now[DATE_BUFSZ];
	long id = 0;
	bool ok = true;

	if (v && *v && strcmp(v, "none") &&
	    (text_parse_int("the conversation", v, 1, 999999999999L, &id, &e) ||
	     debrief_interaction_check(rq->store, d->opp.id, id, &it, &e))) {
		web_field_error(rq, "interaction", "%s", e.msg);
		ok = false;
	}
	ok &= form_person(rq, "by", by);
	if (ok) {
		d->interaction_id = id;
		if (!*by)
			*by = debrief_default_person(id ? &it : NULL);
		date_format(store_now(rq->store), now);
		d->at = xstrdup(it.at ? it.at : now);
	}
	interaction_release(&it);
	return ok;
}

static bool read_rows(struct web_req *rq, struct debrief *d, int64_t by, mark_vec *marks)
{
	bool ok = true;

	for (size_t n = 1; n <= ROWS_MAX; n++) {
		struct asked q = { .by = { .id = by } };
		bool asked;
		if (!read_question(rq, n, &q, &asked)) {
			asked_release(&q);
			ok = false;
			continue;
		}
		if (!asked)
			continue;
		*VEC_PUSH(&d->asked) = q;
		ok &= read_mark(rq, n, d, marks);
	}
	return ok;
}

static bool read_texts(struct web_req *rq, struct debrief *d)
{
	const char *well, *refine, *notes;
	long chem;
	bool ok = form_text(rq, "well", "what went well", false, true, &well);

	ok &= form_text(rq, "refine", "what to refine", false, true, &refine);
	ok &= form_text(rq, "notes", "notes", false, true, &notes);
	ok &= form_int(rq, "chemistry", "chemistry", 1, 5, &chem);
	if (ok) {
		field_set(&d->went_well, well);
		field_set(&d->refine, refine);
		field_set(&d->notes, notes);
		d->chemistry = (int)chem;
	}
	return ok;
}

int post_debrief(struct web_req *rq, struct web_resp *rs)
{
	struct form_data f;
	struct debrief d = { .chemistry = -1 };
	mark_vec marks = { 0 };
	int64_t by = 0;
	bool ok, rated;
	int rc;

	if ((rc = form_data_load(rq, &f)))
		goto out;
	d.opp.id = f.o.id;
	ok = read_context(rq, &d, &by);
	ok &= read_rows(rq, &d, by, &marks);
	ok &= read_texts(rq, &d);
	if (ok) {
		rc = form_error(rq,
				action_debrief_add(rq->store, &d, marks.items, marks.n, &rated,
						   &rq->err),
				"");
	}
	if (rc)
		goto out;
	if (!rq->errors.n) {
		web_redirect(rs, "/debriefs/%lld?saved=1", (long long)d.id);
		goto out;
	}
	rs->status = 400;
	rc = render(rq, rs, &f);
out:
	form_data_release(&f);
	debrief_release(&d);
	free(marks.items);
	return rc;
}

/* ---- one debrief ---- */

int page_debrief_one(struct web_req *rq, struct web_resp *rs)
{
	struct strbuf *sb = &rs->body;
	struct debrief d = { 0 };
	int64_t id;
	int rc;

	if ((rc = ui_parse_id(rq, rq->arg[0], &id)) ||
	    (rc = store_debrief_get(rq->store, id, &d, &rq->err)))
		goto out;
	ui_page_begin(rs, rq, "Debrief", NAV_PIPELINE);
	strbuf_addstr(sb, "<div class=\"page-head\"><p class=\"meta\">Debrief · ");
	ui_opp_link(sb, &d.opp);
	strbuf_addstr(sb, " · <a href=\"");
	ui_opp_path(sb, d.opp.slug, "/debrief");
	strbuf_addstr(sb, "\">Every debrief of it</a></p></div>\n");
	if (web_param(&rq->query, "saved"))
		strbuf_addstr(sb, "<p class=\"notice\" role=\"status\">Debrief saved.</p>\n");
	debrief_card(sb, &d, "h1");
	ui_page_end(rs);
out:
	debrief_release(&d);
	return rc;
}

/* ---- on the opportunity page ---- */

void opp_debriefs_section(struct strbuf *sb, const struct opp_view *view)
{
	const debrief_vec *v = &view->debriefs;
	struct opp_ref ref = { .id = view->opp.id, .slug = view->opp.slug };

	strbuf_addstr(sb, "<section class=\"card opp-debriefs\" id=\"debriefs\" "
			  "aria-labelledby=\"h-debriefs\">\n<h2 id=\"h-debriefs\">Debriefs</h2>\n");
	if (!v->n)
		strbuf_addstr(sb, "<p class=\"meta\">None yet.</p>\n");
	else
		strbuf_addstr(sb, "<ul class=\"debriefs\">\n");
	for (size_t i = v->n; i-- > 0;) {
		const struct debrief *d = &v->items[i];
		strbuf_addf(sb, "<li><a href=\"/debriefs/%lld\">", (long long)d->id);
		ui_when(sb, d->at);
		if (d->interaction_summary) {
			strbuf_addstr(sb, " · ");
			html_text(sb, d->interaction_summary);
		}
		strbuf_addf(sb, "</a> <span class=\"meta\">%zu question%s asked", d->asked.n,
			    d->asked.n == 1 ? "" : "s");
		if (d->chemistry > 0)
			strbuf_addf(sb, ", chemistry %d of 5", d->chemistry);
		strbuf_addstr(sb, "</span></li>\n");
	}
	if (v->n)
		strbuf_addstr(sb, "</ul>\n");
	strbuf_addstr(sb, "<p class=\"actions\"><a class=\"button secondary\" href=\"");
	ui_opp_path(sb, ref.slug, "/debrief#record");
	strbuf_addstr(sb, "\">Record a debrief</a></p>\n</section>\n");
}
