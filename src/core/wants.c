/* wants.c: releasing and checking the records of wants and questions (see wants.h). */
#include "core/wants.h"

#include <stdlib.h>
#include <string.h>

#include "core/text.h"

void want_release(struct want *w)
{
	free(w->text);
	free(w->created_at);
	free(w->updated_at);
	memset(w, 0, sizeof(*w));
}

void want_evidence_release(struct want_evidence *e)
{
	person_ref_release(&e->by);
	free(e->note);
	free(e->at);
	free(e->created_at);
	memset(e, 0, sizeof(*e));
}

VEC_RELEASE_FN(want_vec_release, want_vec, want_release)

void want_standing_vec_release(want_standing_vec *v)
{
	for (size_t i = 0; i < v->n; i++) {
		struct want_standing *w = &v->items[i];
		want_release(&w->want);
		for (size_t j = 0; j < w->evidence.n; j++)
			want_evidence_release(&w->evidence.items[j]);
		free(w->evidence.items);
		free(w->judged);
	}
	free(v->items);
	memset(v, 0, sizeof(*v));
}

int want_validate(const struct want *w, struct error *err)
{
	if (text_check("want", w->text, TEXT_REQUIRED | TEXT_ONE_LINE, err))
		return err->code;
	if (w->weight < 1 || w->weight > 5)
		return error_set(err, ERR_INVALID, "a want's weight is 1 to 5, not %d", w->weight);
	if (w->category >= (int)want_category_def.count)
		return error_set(err, ERR_INVALID, "unknown want category");
	return 0;
}

void question_release(struct question *q)
{
	free(q->key);
	free(q->text);
	free(q->wants.items);
	free(q->created_at);
	free(q->updated_at);
	memset(q, 0, sizeof(*q));
}

VEC_RELEASE_FN(question_vec_release, question_vec, question_release)

int question_validate(const struct question *q, struct error *err)
{
	if (text_check("question", q->text, TEXT_REQUIRED | TEXT_ONE_LINE, err))
		return err->code;
	if (!q->stages || q->stages > enum_all(&question_stage_def))
		return error_set(err, ERR_INVALID, "a question needs a stage");
	if (!q->audiences || q->audiences > enum_all(&audience_def))
		return error_set(err, ERR_INVALID, "a question needs an audience");
	if (q->categories > enum_all(&want_category_def))
		return error_set(err, ERR_INVALID, "unknown want category");
	return 0;
}
