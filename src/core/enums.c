/* enums.c: names of the data model's vocabularies, and parsing them. */
#include "core/enums.h"
#include "core/text.h"

#include <stdio.h>
#include <string.h>

#define DEF(var, label, ...)                                                     \
	static const char *const var##_names[] = { __VA_ARGS__ };                \
	const struct enum_def var = { label, var##_names,                        \
				      ARRAY_SIZE(var##_names) }

DEF(stage_def, "stage", "lead", "applied", "conversation", "interviewing", "offer",
    "negotiating", "accepted", "declined", "rejected", "withdrawn");
DEF(interaction_kind_def, "interaction kind", "interview", "call", "email", "letter",
    "meeting", "video", "message", "note");
DEF(task_kind_def, "task kind", "email", "call", "letter", "linkedin", "meeting", "review",
    "learn", "other");
DEF(task_status_def, "task status", "open", "done", "skipped");
DEF(role_def, "role", "hiring-manager", "peer", "hr", "recruiter", "executive", "referrer",
    "interviewer", "other");
DEF(direction_def, "direction", "in", "out");
DEF(want_status_def, "want status", "unknown", "met", "partly", "unmet", "vague");
DEF(want_category_def, "want category", "scope", "growth", "team", "manager", "compensation",
    "work-pattern", "culture", "business", "success", "other");
DEF(question_stage_def, "question stage", "first", "second", "final", "offer");
DEF(audience_def, "audience", "boss", "peer", "hr", "executive", "recruiter");
DEF(offer_side_def, "offer side", "ask", "reply");
DEF(proposal_kind_def, "proposal", "reject", "offer", "interview", "information-request",
    "application-received", "add-person", "task-done");
DEF(proposal_status_def, "proposal status", "open", "accepted", "dismissed");

/* "a, b or c": the accepted names, for help texts. */
static void enum_list(const struct enum_def *def, char *buf, size_t size)
{
	size_t used = 0;

	buf[0] = '\0';
	for (size_t i = 0; i < def->count && used < size; i++) {
		const char *sep = i == 0 ? "" : i + 1 == def->count ? " or " : ", ";
		int n = snprintf(buf + used, size - used, "%s%s", sep, def->names[i]);
		if (n < 0)
			break;
		used += (size_t)n;
	}
}

int enum_parse(const struct enum_def *def, const char *name, struct error *err)
{
	char list[256];
	struct strbuf hint = STRBUF_INIT;
	int rc;

	for (size_t i = 0; i < def->count; i++)
		if (!strcmp(def->names[i], name))
			return (int)i;
	enum_list(def, list, sizeof(list));
	text_suggest(&hint, name, def->names, def->count);
	rc = error_set(err, ERR_INVALID, "unknown %s '%s'%s (expected %s)", def->what, name,
		       hint.len ? hint.buf : "", list);
	strbuf_release(&hint);
	return rc;
}

const char *enum_name(const struct enum_def *def, int value)
{
	if (value < 0 || (size_t)value >= def->count)
		return "?";
	return def->names[value];
}

bool stage_is_closed(enum stage s)
{
	return s == STAGE_ACCEPTED || s == STAGE_DECLINED || s == STAGE_REJECTED ||
	       s == STAGE_WITHDRAWN;
}

unsigned enum_all(const struct enum_def *def)
{
	return (1u << def->count) - 1;
}

int enum_parse_set(const struct enum_def *def, const char *list, unsigned *mask,
		   struct error *err)
{
	const char *p = list;

	*mask = 0;
	while (*p) {
		char word[64];
		size_t n;
		int v;

		p += strspn(p, " ,\t");
		n = strcspn(p, " ,\t");
		if (!n)
			break;
		if (n >= sizeof(word))
			return error_set(err, ERR_INVALID, "unknown %s '%.*s'", def->what,
					 (int)(n > 40 ? 40 : n), p);
		memcpy(word, p, n);
		word[n] = '\0';
		p += n;
		if (!strcmp(word, "any")) {
			*mask |= enum_all(def);
			continue;
		}
		if ((v = enum_parse(def, word, err)) < 0)
			return v;
		*mask |= 1u << v;
	}
	if (!*mask)
		return error_set(err, ERR_INVALID, "no %s given", def->what);
	return 0;
}

void enum_set_text(const struct enum_def *def, unsigned mask, char *buf, size_t size)
{
	size_t used = 0;

	buf[0] = '\0';
	if (mask == enum_all(def)) {
		snprintf(buf, size, "any");
		return;
	}
	for (size_t i = 0; i < def->count && used < size; i++) {
		int n;
		if (!(mask & (1u << i)))
			continue;
		n = snprintf(buf + used, size - used, "%s%s", used ? ", " : "", def->names[i]);
		if (n < 0)
			break;
		used += (size_t)n;
	}
}
