/*
 * page_undo.c: Undo in the web UI. After a POST that changed data, the
 * server keeps its undo entry as a flash (server.c); the next page's frame
 * shows "Done." with an Undo button while that change is still the latest
 * one undo would take back. POST /undo takes back the latest change (as
 * 'rapport undo' does) and goes back to the page, which then says what was
 * undone.
 */
#include "web/pages.h"

#include <stdlib.h>
#include <string.h>

#include "io/html.h"
#include "method/undo.h"
#include "web/ui.h"

/* This page's address: where Undo comes back to. */
static void page_address(struct strbuf *sb, const struct web_req *rq)
{
	char sep = '?';

	strbuf_addstr(sb, rq->path);
	for (size_t i = 0; i < rq->query.n; i++) {
		const struct web_param *p = &rq->query.items[i];
		strbuf_addch(sb, sep);
		ui_url_part(sb, p->name);
		strbuf_addch(sb, '=');
		ui_url_part(sb, p->value);
		sep = '&';
	}
}

static void done_notice(struct strbuf *sb, const struct web_req *rq, int64_t id)
{
	struct error ignored = ERROR_INIT;
	struct strbuf back = STRBUF_INIT;
	struct undo_entry e;

	/* only while it is what Undo would take back */
	if (store_undo_latest(rq->store, &e, &ignored))
		return;
	if (e.id == id) {
		page_address(&back, rq);
		strbuf_addstr(sb, "<form class=\"notice undo\" role=\"status\" method=\"post\" "
				  "action=\"/undo\">Done. <input type=\"hidden\" name=\"csrf\" value=\"");
		html_text(sb, rq->csrf);
		strbuf_addstr(sb, "\"><input type=\"hidden\" name=\"back\" value=\"");
		html_text(sb, back.buf);
		strbuf_addstr(sb, "\"><button type=\"submit\">Undo</button></form>\n");
	}
	strbuf_release(&back);
	undo_entry_release(&e);
}

static void undone_notice(struct strbuf *sb, const struct web_req *rq, int64_t id)
{
	struct error ignored = ERROR_INIT;
	struct undo_entry e;

	if (store_undo_get(rq->store, id, &e, &ignored))
		return;
	if (e.undone) {
		strbuf_addstr(sb, "<p class=\"notice\" role=\"status\">Undone: ");
		html_text(sb, e.what);
		strbuf_addstr(sb, "</p>\n");
	}
	undo_entry_release(&e);
}

void ui_undo_notice(struct web_resp *rs, const struct web_req *rq)
{
	int64_t id;

	if (!rq->store || !rq->path || !(id = web_flash_take(rq, rs)))
		return;
	rs->no_cache = true; /* said once */
	if (id > 0)
		done_notice(&rs->body, rq, id);
	else
		undone_notice(&rs->body, rq, -id);
}

int post_undo(struct web_req *rq, struct web_resp *rs)
{
	const char *back = web_param(&rq->form, "back");
	struct undo_entry done;
	int rc = undo_last(rq->store, &done, &rq->err);

	if (rc == ERR_NOT_FOUND || rc == ERR_CONFLICT) {
		/* a status of 400 or more: the transaction is rolled back */
		ui_error_page(rs, rq, 409, rc == ERR_NOT_FOUND ? "There is nothing to undo."
							       : rq->err.msg);
		return 0;
	}
	if (rc)
		return rc;
	if (!ui_local_path(back))
		back = "/";
	web_redirect(rs, "%s", back);
	web_flash_set(rq, rs, -done.id);
	undo_entry_release(&done);
	return 0;
}
