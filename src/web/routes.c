/* routes.c: which page answers which address. */
#include "web/web.h"

#include <string.h>

#include "web/pages.h"

const struct web_route web_routes[] = {
	{ "GET", "/", page_today },
	{ "GET", "/static/*", page_static },
	{ "POST", "/tasks/*/done", post_task_done },
	{ "POST", "/tasks/*/skip", post_task_skip },
	{ "POST", "/tasks/*/snooze", post_task_snooze },
	{ "POST", "/log", post_log },
	{ NULL, NULL, NULL },
};

/* path matches pattern segment by segment; '*' takes one non-empty segment. */
static bool match(const char *pattern, char *path, const char *arg[3])
{
	size_t nargs = 0;

	while (*pattern && *path) {
		if (*pattern == '*') {
			char *end = strchr(path, '/');
			if (nargs == 3 || end == path)
				return false;
			arg[nargs++] = path;
			pattern++;
			if (!end)
				return !*pattern;
			if (*pattern != '/')
				return false;
			*end = '\0'; /* the capture ends here; the '/' is matched below */
			path = end + 1;
			pattern++;
			continue;
		}
		if (*pattern++ != *path++)
			return false;
	}
	return !*pattern && !*path;
}

web_handler web_route_find(const char *method, const char *path, const char *arg[3],
			   char *buf, size_t bufsz)
{
	size_t len = strlen(path);

	if (len >= bufsz)
		return NULL;
	for (const struct web_route *r = web_routes; r->pattern; r++) {
		if (strcmp(r->method, method))
			continue;
		memcpy(buf, path, len + 1);
		arg[0] = arg[1] = arg[2] = NULL;
		if (match(r->pattern, buf, arg))
			return r->handler;
	}
	return NULL;
}
