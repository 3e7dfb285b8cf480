/*
 * page_interaction.c: moving an interaction to another time (an interview
 * rescheduled, or logged with the wrong date): GET and POST
 * /interactions/ID/move. Its follow-ups follow it (action_interaction_move).
 */
#include "web/pages.h"

#include <stdlib.h>

#include "method/actions.h"
#include "web/form.h"
#include "web/ui.h"

static int move_form(struct web_req *rq, struct web_resp *rs, const struct interaction *it)
{
	struct strbuf *sb = &rs->body;
	char action[64];

	snprintf(action, sizeof(action), "/interactions/%lld/move", (long long)it->id);
	ui_page_begin(rs, rq, "Move an interaction", NAV_NONE);
	strbuf_addstr(sb, "<div class=\"page-head\"><h1>Move an interaction</h1></div>\n"
			  "<section class=\"card\" aria-labelledby=\"h-move\">\n<h2 id=\"h-move\">");
	html_text(sb, it->summary);
	strbuf_addstr(sb, "</h2>\n<p class=\"meta\">Now on ");
	ui_when(sb, it->at);
	strbuf_addstr(sb, ". The follow-ups made for that time end, and the playbooks make them "
			  "again for the new one.</p>\n");
	ui_form_begin(sb, rq, action, NULL);
	ui_form_errors(sb, rq);
	ui_input(sb, rq, "datetime-local", "at", "When it happens", NULL, UI_REQUIRED | UI_AUTOFOCUS);
	ui_form_end(sb, "Move");
	strbuf_addstr(sb, "</section>\n");
	ui_page_end(rs);
	return 0;
}

static int interaction_of(struct web_req *rq, struct interaction *it)
{
	int64_t id;
	int rc;

	if ((rc = ui_parse_id(rq, rq->arg[0], &id)))
		return rc;
	return store_interaction_get(rq->store, id, it, &rq->err);
}

int page_interaction_move(struct web_req *rq, struct web_resp *rs)
{
	struct interaction it = { 0 };
	int rc = interaction_of(rq, &it);

	if (!rc)
		rc = move_form(rq, rs, &it);
	interaction_release(&it);
	return rc;
}

int post_interaction_move(struct web_req *rq, struct web_resp *rs)
{
	struct interaction it = { 0 };
	struct log_outcome moved;
	char at[DATE_BUFSZ];
	int rc = interaction_of(rq, &it);

	if (rc)
		goto out;
	if (!form_interaction_when(rq, "at", at) || !at[0]) {
		if (!web_error_of(rq, "at"))
			web_field_error(rq, "at", "say when it happens");
		rs->status = 400;
		rc = move_form(rq, rs, &it);
		goto out;
	}
	if (!(rc = action_interaction_move(rq->store, rq->pb, it.id, at, &moved, &rq->err))) {
		if (it.people.n)
			web_redirect(rs, "/people/%lld", (long long)it.people.items[0].id);
		else
			web_redirect(rs, "/");
	}
out:
	interaction_release(&it);
	return rc;
}
