/*
 * page_remove.c: taking mistakes back on the web (issue 16).
 *
 * GET /KIND/ID/delete asks first: it names the record and says what goes
 * with it and what stays, unlinked; its form POSTs to the same address,
 * which removes it all in the request's one transaction and goes to the
 * list. The confirm page is the insisting the command line's --force is:
 * its form carries force=1; a POST without it that would take more than
 * the record is refused (409) with the same page.
 * POST /people/ID/merge and /orgs/ID/merge merge the one named in the
 * form's "other" field into this one; POST /tasks/ID/reopen reopens a task.
 */
#include "web/pages.h"

#include <stdio.h>
#include <string.h>

#include "method/remove_actions.h"
#include "web/form.h"
#include "web/ui.h"

/* Where each kind's delete page lives: its address's first segment. */
static const struct removable {
	const char *segment;
	enum record_kind kind;
	const char *list; /* where to go once it is removed */
} removables[] = {
	{ "orgs", REC_ORG, "/orgs" },
	{ "people", REC_PERSON, "/people" },
	{ "opportunities", REC_OPP, "/pipeline" },
	{ "tasks", REC_TASK, "/" },
	{ "interactions", REC_INTERACTION, "/" },
	{ "feedback", REC_FEEDBACK, "/" },
	{ "debriefs", REC_DEBRIEF, "/" },
};

static const struct removable *removable_of(const char *path)
{
	for (size_t i = 0; i < ARRAY_SIZE(removables); i++) {
		size_t len = strlen(removables[i].segment);
		if (path[0] == '/' && !strncmp(path + 1, removables[i].segment, len) &&
		    path[len + 1] == '/')
			return &removables[i];
	}
	return NULL;
}

/* The record the address names: its id, its name as a title, and the
 * address of its page (to go back to). */
struct target {
	const struct removable *r;
	int64_t id;
	struct strbuf title, page;
};

static int name_org(struct web_req *rq, struct target *t)
{
	struct org o = { 0 };
	int rc = store_org_get(rq->store, t->id, &o, &rq->err);

	if (!rc) {
		strbuf_addf(&t->title, "the organisation %s", o.name);
		strbuf_addf(&t->page, "/orgs/%lld", (long long)t->id);
	}
	org_release(&o);
	return rc;
}

static int name_person(struct web_req *rq, struct target *t)
{
	struct person p = { 0 };
	int rc = store_person_get(rq->store, t->id, &p, &rq->err);

	if (!rc) {
		strbuf_addf(&t->title, "%s", p.name);
		strbuf_addf(&t->page, "/people/%lld", (long long)t->id);
	}
	person_release(&p);
	return rc;
}

static int name_opp(struct web_req *rq, struct target *t)
{
	struct opp o = { 0 };
	int rc = store_opp_resolve(rq->store, rq->arg[0], &t->id, &rq->err);

	if (!rc && !(rc = store_opp_get(rq->store, t->id, &o, &rq->err))) {
		strbuf_addf(&t->title, "%s at %s", o.title, o.org_name);
		ui_opp_path(&t->page, o.slug, "");
	}
	opp_release(&o);
	return rc;
}

static int name_task(struct web_req *rq, struct target *t)
{
	struct task k = { 0 };
	int rc = store_task_get(rq->store, t->id, &k, &rq->err);

	if (!rc) {
		strbuf_addf(&t->title, "the follow-up \"%s\"", k.title);
		strbuf_addf(&t->page, "/tasks/%lld/draft", (long long)t->id);
	}
	task_release(&k);
	return rc;
}

static int name_interaction(struct web_req *rq, struct target *t)
{
	struct interaction i = { 0 };
	int rc = store_interaction_get(rq->store, t->id, &i, &rq->err);

	if (!rc) {
		strbuf_addf(&t->title, "the %s \"%s\"", enum_name(&interaction_kind_def, (int)i.kind),
			    i.summary);
		if (i.people.n)
			strbuf_addf(&t->page, "/people/%lld", (long long)i.people.items[0].id);
		else
			strbuf_addstr(&t->page, "/");
	}
	interaction_release(&i);
	return rc;
}

/* Feedback and debriefs have no page of their own here: by id. */
static int name_by_id(struct target *t)
{
	strbuf_addf(&t->title, "%s %lld", record_kind_name(t->r->kind), (long long)t->id);
	strbuf_addstr(&t->page, "/");
	return 0;
}

/* The record the address names: an opportunity by its slug, every other
 * kind by its id. */
static int target_of(struct web_req *rq, struct target *t)
{
	int rc;

	if (!(t->r = removable_of(rq->path)))
		return error_set(&rq->err, ERR_NOT_FOUND, "no such page");
	if (t->r->kind == REC_OPP)
		return name_opp(rq, t);
	if ((rc = ui_parse_id(rq, rq->arg[0], &t->id)))
		return rc;
	switch (t->r->kind) {
	case REC_ORG: return name_org(rq, t);
	case REC_PERSON: return name_person(rq, t);
	case REC_TASK: return name_task(rq, t);
	case REC_INTERACTION: return name_interaction(rq, t);
	default: return name_by_id(t);
	}
}

static void target_release(struct target *t)
{
	strbuf_release(&t->title);
	strbuf_release(&t->page);
}

static void confirm_page(struct web_req *rq, struct web_resp *rs, const struct target *t,
			 const struct remove_impact *im)
{
	struct strbuf *sb = &rs->body, goes = STRBUF_INIT, action = STRBUF_INIT;

	ui_page_begin(rs, rq, "Delete?", NAV_NONE);
	strbuf_addstr(sb, "<div class=\"page-head\"><h1>Delete ");
	html_text(sb, t->title.buf);
	strbuf_addstr(sb, "?</h1></div>\n<section class=\"card\" aria-labelledby=\"h-goes\">"
			  "<h2 id=\"h-goes\">What goes with it</h2>\n<p>");
	remove_impact_describe(&goes, im, true);
	if (goes.len) {
		strbuf_addstr(sb, "Deleting it ");
		html_text(sb, goes.buf);
		strbuf_addstr(sb, ".");
	} else {
		strbuf_addstr(sb, "Nothing else: only this record goes.");
	}
	strbuf_addstr(sb, "</p>\n<p class=\"meta\">This cannot be undone here.</p>\n");
	strbuf_addf(&action, "/%s/", t->r->segment);
	ui_url_part(&action, rq->arg[0]);
	strbuf_addstr(&action, "/delete");
	strbuf_addstr(sb, "<div class=\"actions\">");
	ui_button_form(sb, rq, action.buf, "Delete", "danger", "force", "1", NULL);
	strbuf_addstr(sb, "<a class=\"button secondary\" href=\"");
	html_text(sb, t->page.buf);
	strbuf_addstr(sb, "\">Cancel</a></div>\n</section>\n");
	ui_page_end(rs);
	strbuf_release(&goes);
	strbuf_release(&action);
}

int page_delete(struct web_req *rq, struct web_resp *rs)
{
	struct target t = { .title = STRBUF_INIT, .page = STRBUF_INIT };
	struct remove_impact im;
	int rc;

	if (!(rc = target_of(rq, &t)) &&
	    !(rc = store_remove_impact(rq->store, t.r->kind, t.id, &im, &rq->err)))
		confirm_page(rq, rs, &t, &im);
	target_release(&t);
	return rc;
}

int post_delete(struct web_req *rq, struct web_resp *rs)
{
	struct target t = { .title = STRBUF_INIT, .page = STRBUF_INIT };
	bool force = web_param(&rq->form, "force") != NULL;
	struct remove_impact im;
	int rc;

	if ((rc = target_of(rq, &t)))
		goto out;
	rc = action_remove(rq->store, rq->pb, t.r->kind, t.id, force, &im, &rq->err);
	if (rc == ERR_CONFLICT) {
		error_clear(&rq->err);
		confirm_page(rq, rs, &t, &im);
		rs->status = 409;
		rc = 0;
	} else if (!rc) {
		web_redirect(rs, "%s", t.r->list);
	}
out:
	target_release(&t);
	return rc;
}

/* ---- merging ---- */

/* The other record's error beside the merge form, on the record's page. */
static int merge_failed(struct web_req *rq, struct web_resp *rs, const char *msg,
			int (*page)(struct web_req *, struct web_resp *))
{
	int rc;

	if (msg)
		web_field_error(rq, "other", "%s", msg);
	error_clear(&rq->err);
	rc = page(rq, rs);
	rs->status = 400;
	return rc;
}

int post_person_merge(struct web_req *rq, struct web_resp *rs)
{
	struct person p = { 0 };
	struct merge_outcome m;
	struct error e = ERROR_INIT;
	int64_t keep, other;
	int rc;

	if ((rc = ui_parse_id(rq, rq->arg[0], &keep)) ||
	    (rc = store_person_get(rq->store, keep, &p, &rq->err)))
		return rc;
	person_release(&p);
	if (!form_person(rq, "other", &other))
		return merge_failed(rq, rs, NULL, page_person);
	if (!other)
		return merge_failed(rq, rs, "Name the person to merge into this one.", page_person);
	if (store_person_merge(rq->store, keep, other, &m, &e))
		return merge_failed(rq, rs, e.msg, page_person);
	web_redirect(rs, "/people/%lld", (long long)keep);
	return 0;
}

int post_org_merge(struct web_req *rq, struct web_resp *rs)
{
	struct org o = { 0 };
	struct merge_outcome m;
	struct error e = ERROR_INIT;
	const char *name = web_param(&rq->form, "other");
	int64_t keep, other;
	int rc;

	if ((rc = ui_parse_id(rq, rq->arg[0], &keep)) ||
	    (rc = store_org_get(rq->store, keep, &o, &rq->err)))
		return rc;
	org_release(&o);
	if (!name || !*name)
		return merge_failed(rq, rs, "Name the organisation to merge into this one.",
				    page_org);
	if (store_org_resolve(rq->store, name, &other, &e) ||
	    store_org_merge(rq->store, keep, other, &m, &e))
		return merge_failed(rq, rs, e.msg, page_org);
	web_redirect(rs, "/orgs/%lld", (long long)keep);
	return 0;
}

/* A small form: merge the one named into this one (person or organisation). */
void ui_merge_form(struct strbuf *sb, const struct web_req *rq, const char *action,
		   const char *what)
{
	char label[128];

	snprintf(label, sizeof(label), "The other %s (by name): it goes into this one", what);
	strbuf_addstr(sb, "<section class=\"card\" aria-labelledby=\"h-merge\">"
			  "<h2 id=\"h-merge\">Merge a duplicate</h2>\n");
	ui_form_begin(sb, rq, action, "stack");
	ui_input(sb, rq, "text", "other", label, NULL, UI_REQUIRED);
	ui_form_end(sb, "Merge");
	strbuf_addstr(sb, "</section>\n");
}

/* ---- reopening ---- */

int post_task_reopen(struct web_req *rq, struct web_resp *rs)
{
	struct reopen_outcome r;
	char page[64];
	int64_t id;
	int rc;

	if ((rc = ui_parse_id(rq, rq->arg[0], &id)) ||
	    (rc = action_task_reopen(rq->store, id, &r, &rq->err)))
		return rc;
	snprintf(page, sizeof(page), "/tasks/%lld/draft", (long long)id);
	web_redirect(rs, "%s", form_back(rq, page));
	return 0;
}
