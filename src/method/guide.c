/* guide.c: the method's moments and which rules act on each (see guide.h). */
#include "method/guide.h"

const char *const guide_method_paragraphs[] = {
	"Start from what you want. Write down the few things your next role must give "
	"you, and the ones that would be nice. Each conversation is a chance to find out "
	"whether an opportunity gives them, and the prep sheet lists what is still unknown "
	"and the questions that find it out.",
	"Log every conversation, with the people in it. A friendly call can turn into an "
	"interview, and every interview is a relationship that can outlast the role. "
	"rapport keeps who you met, how it felt and what you learnt.",
	"Let the playbooks plan what comes next. After each event below, a rule makes "
	"follow-ups for the right people, due on the right day, with a letter drafted. "
	"Today lists them; you send, call or skip.",
	"Interview for the offer, not the job. With an offer in hand you can ask more, "
	"meet more people and shape the role before you decide.",
	NULL,
};

const struct guide_moment_text guide_moments[GUIDE_MOMENTS] = {
	[MOMENT_INTERVIEW] = { "after-an-interview", "After an interview",
			       "A thank-you the next day keeps you in the mind of everyone "
			       "you met." },
	[MOMENT_SILENCE] = { "after-silence", "When they go silent",
			     "Waiting rarely helps: a short letter restating your interest, "
			     "then calls until you get through." },
	[MOMENT_NO] = { "after-a-no", "After a no",
			"A no ends the application, not the relationship: the people you "
			"met can still hire you, advise you or point you elsewhere." },
	[MOMENT_OFFER] = { "after-an-offer", "After an offer",
			   "The offer is when you can ask, meet and negotiate: compare it "
			   "with what you want before you answer." },
	[MOMENT_QUIET] = { "when-it-goes-quiet", "When a relationship goes quiet",
			   "Someone you have not been in touch with for longer than you "
			   "meant to gets a reminder." },
	[MOMENT_OTHER] = { "other-rules", "And the other rules",
			   "Rules for the other turns a search takes." },
};

enum guide_moment guide_moment_of(const struct rule *r)
{
	switch (r->trigger) {
	case TRIGGER_INTERACTION:
		return r->kinds & (1u << IKIND_INTERVIEW) ? MOMENT_INTERVIEW : MOMENT_OTHER;
	case TRIGGER_SILENCE:
		return MOMENT_SILENCE;
	case TRIGGER_STAGE:
		return r->stage == STAGE_REJECTED ? MOMENT_NO
		       : r->stage == STAGE_OFFER  ? MOMENT_OFFER
						  : MOMENT_OTHER;
	case TRIGGER_DEADLINE:
		return MOMENT_OFFER;
	case TRIGGER_CADENCE:
		return MOMENT_QUIET;
	case TRIGGER_DONE:
	case TRIGGER_MISMATCH:
		break;
	}
	return MOMENT_OTHER;
}
