/* levels.c: the user's ladder of job levels, and role mismatches on opportunities. */
#include "method/levels.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/text.h"
#include "store/offer.h"
#include "util/xalloc.h"

/* ---- the user's ladder, an opportunity's mismatch ---- */

int levels_load(struct store *s, struct level_ladder *out, struct error *err)
{
	char *text;
	int rc;

	memset(out, 0, sizeof(*out));
	if (store_setting_get(s, "levels", &text, err))
		return err->code;
	rc = level_ladder_parse(text ? text : level_ladder_default, out, err);
	free(text);
	return rc;
}

void levels_mismatch_of(const struct level_ladder *l, const struct opp *o,
			const char *offer_level, struct level_mismatch *out)
{
	const char *offered = o->level_offered ? o->level_offered : offer_level;

	memset(out, 0, sizeof(*out));
	if (!level_below(l, offered, o->level_applied))
		return;
	out->found = true;
	out->applied = xstrdup(o->level_applied);
	out->offered = xstrdup(offered);
	out->applied_rung = xstrdup(level_name(l, level_rank(l, o->level_applied)));
	out->offered_rung = xstrdup(level_name(l, level_rank(l, offered)));
}

static int levels_opp_mismatch(struct store *s, const struct level_ladder *l, int64_t opp_id,
			       struct level_mismatch *out, struct error *err)
{
	struct opp o = { 0 };
	struct offer of = { 0 };
	bool has_offer = false;
	int rc;

	memset(out, 0, sizeof(*out));
	if (!(rc = store_opp_get(s, opp_id, &o, err)) &&
	    !(rc = o.level_offered ? 0 : store_offer_of_opp(s, opp_id, &of, &has_offer, err)))
		levels_mismatch_of(l, &o, of.terms.level, out);
	opp_release(&o);
	offer_release(&of);
	return rc;
}

int levels_check_opp(struct store *s, int64_t opp_id, struct level_mismatch *out,
		     struct error *err)
{
	struct level_ladder l;
	int rc = levels_load(s, &l, err);

	memset(out, 0, sizeof(*out));
	if (!rc)
		rc = levels_opp_mismatch(s, &l, opp_id, out, err);
	level_ladder_release(&l);
	return rc;
}

void level_mismatch_release(struct level_mismatch *m)
{
	free(m->applied);
	free(m->offered);
	free(m->applied_rung);
	free(m->offered_rung);
	memset(m, 0, sizeof(*m));
}

/* "Senior Analyst (senior)", or "senior" alone when the text is the rung's name. */
static void level_phrase(struct strbuf *sb, const char *text, const char *rung)
{
	strbuf_addstr(sb, text);
	if (strcasecmp(text, rung))
		strbuf_addf(sb, " (%s)", rung);
}

void level_mismatch_text(const struct level_mismatch *m, struct strbuf *sb)
{
	if (!m->found)
		return;
	strbuf_addstr(sb, "they discuss ");
	level_phrase(sb, m->offered, m->offered_rung);
	strbuf_addstr(sb, ", below ");
	level_phrase(sb, m->applied, m->applied_rung);
	strbuf_addstr(sb, ", the level you applied for");
}
