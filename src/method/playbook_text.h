/*
 * playbook_text.h: a playbook rule in words, for listings: when it fires,
 * what it does, what ends its chain. The CLI (rapport playbook) and the web
 * UI's Settings page show rules the same way.
 */
#ifndef RAPPORT_PLAYBOOK_TEXT_H
#define RAPPORT_PLAYBOOK_TEXT_H

#include "method/playbook.h"
#include "util/strbuf.h"

/* "an interaction is logged: interview": the trigger in words. */
void rule_trigger_text(struct strbuf *sb, const struct rule *r);
/* "email task for participants, due +1 days": the action in words. */
void rule_action_text(struct strbuf *sb, const struct rule *r);
/* "when an interaction is logged: interview; it makes email task for
 * participants, due +1 days": when the rule fires and what it does, as How
 * rapport works says it (web and CLI). */
void rule_when_text(struct strbuf *sb, const struct rule *r);
/* "a reply, a stage change": what ends the rule's tasks (its "ends"); nothing when none. */
void rule_cancel_text(struct strbuf *sb, const struct rule *r);

#endif
