/* debrief.c: releasing and checking debriefs and feedback (see debrief.h). */
#include "core/debrief.h"

#include <stdlib.h>
#include <string.h>

#include "core/text.h"

void asked_release(struct asked *a)
{
	person_ref_release(&a->by);
	free(a->text);
	free(a->answer);
	free(a->want);
	free(a->at);
	memset(a, 0, sizeof(*a));
}

void debrief_release(struct debrief *d)
{
	opp_ref_release(&d->opp);
	for (size_t i = 0; i < d->asked.n; i++)
		asked_release(&d->asked.items[i]);
	free(d->asked.items);
	free(d->interaction_summary);
	free(d->went_well);
	free(d->refine);
	free(d->notes);
	free(d->at);
	free(d->created_at);
	memset(d, 0, sizeof(*d));
}

VEC_RELEASE_FN(debrief_vec_release, debrief_vec, debrief_release)

int debrief_validate(const struct debrief *d, struct error *err)
{
	if (text_check("what went well", d->went_well, 0, err) ||
	    text_check("what to refine", d->refine, 0, err) ||
	    text_check("notes", d->notes, 0, err))
		return ERR_INVALID;
	if (d->chemistry != -1 && (d->chemistry < 1 || d->chemistry > 5))
		return error_set(err, ERR_INVALID, "chemistry is 1 to 5, not %d", d->chemistry);
	for (size_t i = 0; i < d->asked.n; i++)
		if (text_check("a question", d->asked.items[i].text, TEXT_REQUIRED | TEXT_ONE_LINE,
			       err) ||
		    text_check("an answer", d->asked.items[i].answer, 0, err))
			return ERR_INVALID;
	return 0;
}

void feedback_release(struct feedback *f)
{
	opp_ref_release(&f->opp);
	person_ref_release(&f->from);
	free(f->text);
	free(f->at);
	free(f->created_at);
	memset(f, 0, sizeof(*f));
}

VEC_RELEASE_FN(feedback_vec_release, feedback_vec, feedback_release)

int feedback_validate(const struct feedback *f, struct error *err)
{
	if (text_check("feedback", f->text, TEXT_REQUIRED, err))
		return ERR_INVALID;
	if (!f->at)
		return error_set(err, ERR_INVALID, "feedback needs the date it was given");
	return 0;
}
