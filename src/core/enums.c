/* enums.c: names of the data model's vocabularies, and parsing them. */
#include "core/enums.h"

#include <stdio.h>
#include <string.h>

#define DEF(var, label, ...)                                                     \
	static const char *const var##_names[] = { __VA_ARGS__ };                \
	const struct enum_def var = { label, var##_names,                        \
				      sizeof(var##_names) / sizeof(var##_names[0]) }

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

void enum_list(const struct enum_def *def, char *buf, size_t size)
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

	for (size_t i = 0; i < def->count; i++)
		if (!strcmp(def->names[i], name))
			return (int)i;
	enum_list(def, list, sizeof(list));
	return error_set(err, ERR_INVALID, "unknown %s '%s' (expected %s)", def->what, name, list);
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
