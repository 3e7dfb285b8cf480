/*
 * routes.c: which page answers which address, and what the server must know
 * of it (the WEB_* flags, web.h): whether it is open without a session,
 * needs the database, may be cached, takes a file, is kept for undo.
 */
#include "web/web.h"

#include <string.h>

#include "web/pages.h"

const struct web_route web_routes[] = {
	{ "GET", "/", page_today, 0 },
	{ "GET", "/static/*", page_static, WEB_PUBLIC | WEB_NO_DB },
	{ "GET", "/signin", page_signin, WEB_PUBLIC | WEB_NO_DB },
	{ "POST", "/signin", post_signin, WEB_PUBLIC | WEB_NO_DB },
	{ "POST", "/tasks/*/done", post_task_done, 0 },
	{ "POST", "/tasks/*/reached", post_task_reached, 0 },
	{ "POST", "/tasks/*/no-answer", post_task_no_answer, 0 },
	{ "POST", "/tasks/*/skip", post_task_skip, 0 },
	{ "POST", "/tasks/*/snooze", post_task_snooze, 0 },
	{ "POST", "/log", post_log, 0 },
	{ "GET", "/inbox", page_inbox, 0 },
	{ "POST", "/inbox/*/accept", post_inbox_accept, 0 },
	{ "POST", "/inbox/*/dismiss", post_inbox_dismiss, 0 },
	{ "POST", "/inbox/check", post_inbox_check, 0 },
	{ "POST", "/inbox/upload", post_inbox_upload, WEB_UPLOAD },
	{ "POST", "/start/dismiss", post_start_dismiss, 0 },
	{ "GET", "/method", page_method, 0 },
	/* the sample search: never cached, as it depends on a second server */
	{ "GET", "/demo", page_demo, WEB_NO_CACHE },
	{ "GET", "/demo/open", page_demo_open, WEB_NO_CACHE },
	{ "GET", "/demo/enter", page_demo_hand_over, WEB_PUBLIC | WEB_NO_DB },
	{ "GET", "/demo/back", page_demo_hand_over, WEB_PUBLIC | WEB_NO_DB },
	{ "GET", "/pipeline", page_pipeline, 0 },
	{ "POST", "/opportunities/*/move", post_opp_move, 0 },
	{ "GET", "/opportunities/new", page_opp_new, 0 },
	{ "POST", "/opportunities", post_opp_create, 0 },
	{ "GET", "/opportunities/*", page_opp, 0 },
	{ "GET", "/opportunities/*/edit", page_opp_edit, 0 },
	{ "POST", "/opportunities/*/edit", post_opp_edit, 0 },
	{ "POST", "/opportunities/*/people", post_opp_link, 0 },
	{ "GET", "/people", page_people, 0 },
	{ "GET", "/people/new", page_person_new, 0 },
	{ "POST", "/people", post_person_create, 0 },
	{ "GET", "/people/*", page_person, 0 },
	{ "GET", "/people/*/edit", page_person_edit, 0 },
	{ "POST", "/people/*/edit", post_person_edit, 0 },
	{ "GET", "/orgs", page_orgs, 0 },
	{ "GET", "/orgs/new", page_org_new, 0 },
	{ "POST", "/orgs", post_org_create, 0 },
	{ "GET", "/orgs/*", page_org, 0 },
	{ "GET", "/orgs/*/edit", page_org_edit, 0 },
	{ "POST", "/orgs/*/edit", post_org_edit, 0 },
	{ "GET", "/search", page_search, 0 },
	{ "GET", "/tasks/*/draft", page_draft, 0 },
	{ "GET", "/tasks/*/draft.eml", page_draft_eml, 0 },
	/* the letter given to the mail account: into Drafts changes nothing here */
	{ "POST", "/tasks/*/to-drafts", post_draft_to_drafts, WEB_NO_UNDO },
	{ "POST", "/tasks/*/send", post_draft_send, 0 },
	{ "POST", "/tasks", post_task_create, 0 },
	{ "GET", "/wants", page_wants, 0 },
	{ "POST", "/wants", post_want_create, 0 },
	{ "POST", "/wants/*/edit", post_want_edit, 0 },
	{ "POST", "/wants/*/delete", post_want_delete, 0 },
	{ "POST", "/opportunities/*/wants", post_want_mark, 0 },
	{ "GET", "/questions", page_questions, 0 },
	{ "POST", "/questions", post_question_create, 0 },
	{ "POST", "/questions/*/delete", post_question_delete, 0 },
	{ "GET", "/prep/*", page_prep, 0 },
	{ "GET", "/opportunities/*/debrief", page_debrief, 0 },
	{ "POST", "/opportunities/*/debrief", post_debrief, 0 },
	{ "GET", "/debriefs/*", page_debrief_one, 0 },
	{ "GET", "/improve", page_improve, 0 },
	{ "POST", "/improve", post_improve, 0 },
	{ "POST", "/improve/*/done", post_improve_done, 0 },
	{ "POST", "/feedback", post_feedback, 0 },
	{ "GET", "/offers/compare", page_offers_compare, 0 },
	{ "POST", "/opportunities/*/offers", post_offer_create, 0 },
	{ "POST", "/offers/*/rounds", post_offer_round, 0 },
	{ "POST", "/offers/*/edit", post_offer_edit, 0 },
	{ "GET", "/insights", page_insights, 0 },
	{ "GET", "/settings", page_settings, WEB_NO_CACHE },
	{ "POST", "/settings", post_settings, 0 },
	{ "GET", "/settings/playbooks", page_settings_playbooks, WEB_NO_CACHE },
	{ "POST", "/settings/playbooks", post_settings_playbooks, 0 },
	{ "GET", "/settings/templates", page_settings_templates, WEB_NO_CACHE },
	{ "GET", "/settings/import", page_import, WEB_NO_CACHE },
	{ "POST", "/settings/import", post_import, WEB_UPLOAD },
	{ "POST", "/settings/levels", post_settings_levels, 0 },
	{ "GET", "/export.json", page_export_json, 0 },
	{ "POST", "/settings/calendar", post_settings_calendar, WEB_NO_UNDO },
	{ "GET", "/calendar.ics", page_calendar_feed, WEB_PUBLIC },
	{ "GET", "/export/vcard.vcf", page_export_vcard, 0 },
	{ "GET", "/export/csv/*", page_export_csv, 0 },
	{ "GET", "/export/calendar.ics", page_export_ical, 0 },
	/* deleting, merging, reopening (page_remove.c) */
	{ "GET", "/orgs/*/delete", page_delete, 0 },
	{ "POST", "/orgs/*/delete", post_delete, 0 },
	{ "GET", "/people/*/delete", page_delete, 0 },
	{ "POST", "/people/*/delete", post_delete, 0 },
	{ "GET", "/opportunities/*/delete", page_delete, 0 },
	{ "POST", "/opportunities/*/delete", post_delete, 0 },
	{ "GET", "/tasks/*/delete", page_delete, 0 },
	{ "POST", "/tasks/*/delete", post_delete, 0 },
	{ "GET", "/interactions/*/delete", page_delete, 0 },
	{ "POST", "/interactions/*/delete", post_delete, 0 },
	{ "GET", "/interactions/*/move", page_interaction_move, 0 },
	{ "POST", "/interactions/*/move", post_interaction_move, 0 },
	{ "GET", "/feedback/*/delete", page_delete, 0 },
	{ "POST", "/feedback/*/delete", post_delete, 0 },
	{ "GET", "/debriefs/*/delete", page_delete, 0 },
	{ "POST", "/debriefs/*/delete", post_delete, 0 },
	{ "POST", "/people/*/merge", post_person_merge, 0 },
	{ "POST", "/orgs/*/merge", post_org_merge, 0 },
	{ "POST", "/tasks/*/reopen", post_task_reopen, 0 },
	{ "POST", "/undo", post_undo, WEB_NO_UNDO },
	{ NULL, NULL, NULL, 0 },
};

/* A practice's server (issue 20): these take the place of one person's
 * sign-in, with accounts (page_account.c). */
const struct web_route web_practice_routes[] = {
	{ "GET", "/signin", page_account_signin, WEB_PUBLIC | WEB_NO_CACHE },
	{ "POST", "/signin", post_account_signin, WEB_PUBLIC | WEB_NO_UNDO },
	{ "GET", "/welcome", page_account_welcome, WEB_PUBLIC | WEB_NO_CACHE },
	{ "POST", "/welcome", post_account_welcome, WEB_PUBLIC | WEB_NO_UNDO },
	{ "GET", "/account", page_account, WEB_NO_CACHE },
	{ "POST", "/account/password", post_account_password, WEB_NO_UNDO },
	{ "POST", "/signout", post_account_signout, WEB_NO_UNDO },
	{ "POST", "/signout/everywhere", post_account_signout_everywhere, WEB_NO_UNDO },
	/* the coach's view (page_coach.c): a grant is no change to undo, nor
	 * is a coach's suggestion (the client answers it) */
	{ "POST", "/account/coaches", post_account_grant, WEB_NO_UNDO },
	{ "POST", "/account/coaches/revoke", post_account_revoke, WEB_NO_UNDO },
	{ "GET", "/coach", page_coach, WEB_NO_CACHE },
	{ "GET", "/coach/client/*", page_coach_client, WEB_NO_CACHE },
	{ "POST", "/coach/client/*/suggest", post_coach_suggest, WEB_NO_UNDO },
	{ "POST", "/suggestions/*/accept", post_suggestion_accept, 0 },
	{ "POST", "/suggestions/*/dismiss", post_suggestion_dismiss, 0 },
	{ NULL, NULL, NULL, 0 },
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

const struct web_route *web_route_find(const char *method, const char *path, const char *arg[3],
				       char *buf, size_t bufsz)
{
	return web_route_find_in(web_routes, method, path, arg, buf, bufsz);
}

const struct web_route *web_route_find_in(const struct web_route *table, const char *method,
					  const char *path, const char *arg[3], char *buf,
					  size_t bufsz)
{
	size_t len = strlen(path);

	if (len >= bufsz)
		return NULL;
	for (const struct web_route *r = table; r->pattern; r++) {
		if (strcmp(r->method, method))
			continue;
		memcpy(buf, path, len + 1);
		arg[0] = arg[1] = arg[2] = NULL;
		if (match(r->pattern, buf, arg))
			return r;
	}
	return NULL;
}
