/* playbook_text.c: a playbook rule in words (see playbook_text.h). */
#include "method/playbook_text.h"

#include "core/enums.h"

/* Append the names of the bits set in mask. */
static void mask_text(struct strbuf *sb, const struct enum_def *def, unsigned mask)
{
	bool first = true;

	for (size_t i = 0; i < def->count; i++) {
		if (!(mask & (1u << i)))
			continue;
		strbuf_addf(sb, "%s%s", first ? "" : ", ", def->names[i]);
		first = false;
	}
}

/* "; while in applied, interviewing": the stages a rule is limited to, if any. */
static void stages_text(struct strbuf *sb, unsigned stages)
{
	if (!stages)
		return;
	strbuf_addstr(sb, "; while in ");
	mask_text(sb, &stage_def, stages);
}

void rule_trigger_text(struct strbuf *sb, const struct rule *r)
{
	switch (r->trigger) {
	case TRIGGER_INTERACTION:
		strbuf_addstr(sb, "an interaction is logged: ");
		mask_text(sb, &interaction_kind_def, r->kinds);
		if (r->direction >= 0)
			strbuf_addf(sb, " (%s)", enum_name(&direction_def, r->direction));
		break;
	case TRIGGER_STAGE:
		strbuf_addf(sb, "the opportunity enters %s", enum_name(&stage_def, r->stage));
		break;
	case TRIGGER_SILENCE:
		strbuf_addf(sb, "nothing inbound for %d days after ", r->days);
		if (r->after_rule)
			strbuf_addf(sb, "a task of %s is done", r->after_rule);
		else
			mask_text(sb, &interaction_kind_def, r->kinds);
		if (r->repeat > 1)
			strbuf_addf(sb, "; up to %d, %d days apart", r->repeat, r->every);
		stages_text(sb, r->stages);
		break;
	case TRIGGER_CADENCE:
		strbuf_addstr(sb, "a person's keep-in-touch cadence lapses");
		break;
	case TRIGGER_DONE:
		strbuf_addstr(sb, "a task is done: ");
		if (r->after_rule)
			strbuf_addf(sb, "one made by %s", r->after_rule);
		else
			mask_text(sb, &task_kind_def, r->kinds);
		break;
	case TRIGGER_DEADLINE:
		strbuf_addstr(sb, "an offer's deadline is set or changed (due counts from it)");
		stages_text(sb, r->stages);
		break;
	case TRIGGER_MISMATCH:
		strbuf_addstr(sb, "the level discussed or offered is below the level applied for");
		break;
	}
}

void rule_action_text(struct strbuf *sb, const struct rule *r)
{
	char who[200];

	rule_people_text(r, who, sizeof(who));
	if (r->task_kind >= 0)
		strbuf_addf(sb, "%s task for %s, due %+d days",
			    enum_name(&task_kind_def, r->task_kind), who, r->due);
	if (r->min_rapport >= 0)
		strbuf_addf(sb, " (only rapport %d or more)", r->min_rapport);
	if (r->set_cadence)
		strbuf_addf(sb, "%sa cadence of %d days for %s (who have none)",
			    r->task_kind >= 0 ? "; " : "", r->set_cadence, who);
}

void rule_cancel_text(struct strbuf *sb, const struct rule *r)
{
	static const struct {
		unsigned flag;
		const char *text;
	} events[] = {
		{ CANCEL_INBOUND, "a reply" },
		{ CANCEL_STAGE, "a stage change" },
		{ CANCEL_CLOSED, "the opportunity's closing" },
		{ CANCEL_REACHED, "getting through to them" },
		{ CANCEL_CONTACT, "any contact with them" },
		{ CANCEL_NEVER, "nothing (on purpose)" },
	};
	const char *sep = "";

	for (size_t i = 0; i < ARRAY_SIZE(events); i++) {
		if (!(r->cancel & events[i].flag))
			continue;
		strbuf_addf(sb, "%s%s", sep, events[i].text);
		sep = ", ";
	}
	for (int st = 0; st < (int)stage_def.count; st++) {
		if (!(r->end_stages & (1u << st)))
			continue;
		strbuf_addf(sb, "%sentering %s", sep, enum_name(&stage_def, st));
		sep = ", ";
	}
}

void rule_when_text(struct strbuf *sb, const struct rule *r)
{
	struct strbuf action = STRBUF_INIT;

	strbuf_addstr(sb, "when ");
	rule_trigger_text(sb, r);
	rule_action_text(&action, r);
	if (action.len) /* a rule with no action in words says only when */
		strbuf_addf(sb, "; it makes %s", action.buf);
	strbuf_release(&action);
}
