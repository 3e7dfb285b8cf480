/* remove_actions.c: removing, merging, reopening (see remove_actions.h). */
#include "method/remove_actions.h"

#include "method/playbook_run.h"
#include "store/offer.h"

static int skip_deadline_tasks(struct store *s, const struct playbook *pb, int64_t offer_id,
			       struct error *err)
{
	offer_vec v = { 0 };
	int rc = store_offer_list(s, &v, err);

	for (size_t i = 0; !rc && i < v.n; i++)
		if (v.items[i].id == offer_id && v.items[i].deadline)
			rc = playbooks_on_deadline(s, pb, v.items[i].opp_id, v.items[i].deadline,
						   NULL, err);
	offer_vec_release(&v);
	return rc;
}

int action_remove(struct store *s, const struct playbook *pb, enum record_kind kind, int64_t id,
		  bool force, struct remove_impact *im, struct error *err)
{
	struct strbuf what = STRBUF_INIT;
	int rc;

	if ((rc = store_remove_impact(s, kind, id, im, err)))
		return rc;
	if (remove_impact_reaches(im) && !force) {
		remove_impact_describe(&what, im, false);
		rc = error_set(err, ERR_CONFLICT, "removing %s %lld also %s", record_kind_name(kind),
			       (long long)id, what.buf);
		strbuf_release(&what);
		return rc;
	}
	if (kind == REC_OFFER && pb && (rc = skip_deadline_tasks(s, pb, id, err)))
		return rc;
	return store_remove(s, kind, id, err);
}

static void describe_parts(struct strbuf *sb, const struct remove_impact *im, bool unlinked,
			   bool own_too)
{
	bool first = true;

	for (size_t i = 0; i < im->n; i++) {
		const struct remove_part *p = &im->parts[i];
		if (!p->n || p->unlinked != unlinked || (p->own && !own_too))
			continue;
		strbuf_addf(sb, "%s%lld %s", first ? "" : ", ", (long long)p->n,
			    p->n == 1 ? p->one : p->many);
		first = false;
	}
}

static bool has_parts(const struct remove_impact *im, bool unlinked, bool own_too)
{
	for (size_t i = 0; i < im->n; i++)
		if (im->parts[i].n && im->parts[i].unlinked == unlinked &&
		    (own_too || !im->parts[i].own))
			return true;
	return false;
}

void remove_impact_describe(struct strbuf *sb, const struct remove_impact *im, bool own_too)
{
	bool goes = has_parts(im, false, own_too), stays = has_parts(im, true, own_too);

	if (goes) {
		strbuf_addstr(sb, "removes ");
		describe_parts(sb, im, false, own_too);
	}
	if (stays) {
		strbuf_addstr(sb, goes ? "; unlinks " : "unlinks ");
		describe_parts(sb, im, true, own_too);
		strbuf_addstr(sb, " (they stay)");
	}
}

void remove_impact_done(struct strbuf *sb, const struct remove_impact *im)
{
	if (has_parts(im, false, true)) {
		strbuf_addstr(sb, " with ");
		describe_parts(sb, im, false, true);
	}
	if (has_parts(im, true, true)) {
		strbuf_addstr(sb, "; unlinked (kept) ");
		describe_parts(sb, im, true, true);
	}
}

int action_task_reopen(struct store *s, int64_t id, struct reopen_outcome *out,
		       struct error *err)
{
	struct task t = { 0 };
	int rc;

	*out = (struct reopen_outcome){ 0 };
	if ((rc = store_task_get(s, id, &t, err)))
		return rc;
	out->was = (int)t.status;
	task_release(&t);
	if (out->was == TASK_OPEN)
		return error_set(err, ERR_CONFLICT, "task %lld is open already", (long long)id);
	if ((rc = store_task_logged(s, id, &out->interaction_id, err)) ||
	    (rc = store_task_reopen(s, id, err)))
		return rc;
	/* the contact it logged goes, with the last contact it set */
	return out->interaction_id ? store_remove(s, REC_INTERACTION, out->interaction_id, err) : 0;
}
