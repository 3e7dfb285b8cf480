/* routes.c: which page answers which address. */
#include "web/web.h"

#include <string.h>

#include "web/pages.h"

const struct web_route web_routes[] = {
	{ "GET", "/", page_today },
	{ "GET", "/static/*", page_static },
	{ "GET", "/signin", page_signin },
	{ "POST", "/signin", post_signin },
	{ "POST", "/tasks/*/done", post_task_done },
	{ "POST", "/tasks/*/reached", post_task_reached },
	{ "POST", "/tasks/*/no-answer", post_task_no_answer },
	{ "POST", "/tasks/*/skip", post_task_skip },
	{ "POST", "/tasks/*/snooze", post_task_snooze },
	{ "POST", "/log", post_log },
	{ "GET", "/pipeline", page_pipeline },
	{ "POST", "/opportunities/*/move", post_opp_move },
	{ "GET", "/opportunities/new", page_opp_new },
	{ "POST", "/opportunities", post_opp_create },
	{ "GET", "/opportunities/*", page_opp },
	{ "GET", "/opportunities/*/edit", page_opp_edit },
	{ "POST", "/opportunities/*/edit", post_opp_edit },
	{ "POST", "/opportunities/*/people", post_opp_link },
	{ "GET", "/people", page_people },
	{ "GET", "/people/new", page_person_new },
	{ "POST", "/people", post_person_create },
	{ "GET", "/people/*", page_person },
	{ "GET", "/people/*/edit", page_person_edit },
	{ "POST", "/people/*/edit", post_person_edit },
	{ "GET", "/orgs", page_orgs },
	{ "GET", "/orgs/new", page_org_new },
	{ "POST", "/orgs", post_org_create },
	{ "GET", "/orgs/*", page_org },
	{ "GET", "/orgs/*/edit", page_org_edit },
	{ "POST", "/orgs/*/edit", post_org_edit },
	{ "GET", "/search", page_search },
	{ "GET", "/tasks/*/draft", page_draft },
	{ "GET", "/tasks/*/draft.eml", page_draft_eml },
	{ "POST", "/tasks", post_task_create },
	{ "GET", "/wants", page_wants },
	{ "POST", "/wants", post_want_create },
	{ "POST", "/wants/*/edit", post_want_edit },
	{ "POST", "/wants/*/delete", post_want_delete },
	{ "POST", "/opportunities/*/wants", post_want_mark },
	{ "GET", "/questions", page_questions },
	{ "POST", "/questions", post_question_create },
	{ "POST", "/questions/*/delete", post_question_delete },
	{ "GET", "/prep/*", page_prep },
	{ "GET", "/opportunities/*/debrief", page_debrief },
	{ "POST", "/opportunities/*/debrief", post_debrief },
	{ "GET", "/debriefs/*", page_debrief_one },
	{ "GET", "/improve", page_improve },
	{ "POST", "/improve", post_improve },
	{ "POST", "/improve/*/done", post_improve_done },
	{ "POST", "/feedback", post_feedback },
	{ "GET", "/offers/compare", page_offers_compare },
	{ "POST", "/opportunities/*/offers", post_offer_create },
	{ "POST", "/offers/*/rounds", post_offer_round },
	{ "POST", "/offers/*/edit", post_offer_edit },
	{ "GET", "/insights", page_insights },
	{ "GET", "/settings", page_settings },
	{ "POST", "/settings", post_settings },
	{ "GET", "/settings/playbooks", page_settings_playbooks },
	{ "POST", "/settings/playbooks", post_settings_playbooks },
	{ "GET", "/settings/templates", page_settings_templates },
	{ "GET", "/settings/import", page_import },
	{ "POST", "/settings/import", post_import },
	{ "POST", "/settings/levels", post_settings_levels },
	{ "GET", "/export.json", page_export_json },
	{ "POST", "/settings/calendar", post_settings_calendar },
	{ "GET", "/calendar.ics", page_calendar_feed },
	{ "GET", "/export/vcard.vcf", page_export_vcard },
	{ "GET", "/export/csv/*", page_export_csv },
	{ "GET", "/export/calendar.ics", page_export_ical },
	/* deleting, merging, reopening (page_remove.c) */
	{ "GET", "/orgs/*/delete", page_delete },
	{ "POST", "/orgs/*/delete", post_delete },
	{ "GET", "/people/*/delete", page_delete },
	{ "POST", "/people/*/delete", post_delete },
	{ "GET", "/opportunities/*/delete", page_delete },
	{ "POST", "/opportunities/*/delete", post_delete },
	{ "GET", "/tasks/*/delete", page_delete },
	{ "POST", "/tasks/*/delete", post_delete },
	{ "GET", "/interactions/*/delete", page_delete },
	{ "POST", "/interactions/*/delete", post_delete },
	{ "GET", "/interactions/*/move", page_interaction_move },
	{ "POST", "/interactions/*/move", post_interaction_move },
	{ "GET", "/feedback/*/delete", page_delete },
	{ "POST", "/feedback/*/delete", post_delete },
	{ "GET", "/debriefs/*/delete", page_delete },
	{ "POST", "/debriefs/*/delete", post_delete },
	{ "POST", "/people/*/merge", post_person_merge },
	{ "POST", "/orgs/*/merge", post_org_merge },
	{ "POST", "/tasks/*/reopen", post_task_reopen },
	{ "POST", "/undo", post_undo },
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
