/* pages.h: the page handlers, one file of web/ each (see routes.c). */
#ifndef RAPPORT_PAGES_H
#define RAPPORT_PAGES_H

#include "mail/mail_account.h"
#include "method/opp_view.h"
#include "method/start.h"
#include "store/browse.h"
#include "web/web.h"

/* static.c */
int page_static(struct web_req *rq, struct web_resp *rs);

/* page_signin.c: signing in (see auth.h). page_signin_required is the 401
 * answer to a page asked for without a session. These need no database. */
int page_signin(struct web_req *rq, struct web_resp *rs);
int post_signin(struct web_req *rq, struct web_resp *rs);
void page_signin_required(struct web_req *rq, struct web_resp *rs);
/* page_account.c: a practice's server (issue 20): signing in with an
 * account, the one-time links, the account page, signing out. */
int page_account_signin(struct web_req *rq, struct web_resp *rs);
int post_account_signin(struct web_req *rq, struct web_resp *rs);
void page_account_signin_required(struct web_req *rq, struct web_resp *rs);
int page_account_welcome(struct web_req *rq, struct web_resp *rs);
int post_account_welcome(struct web_req *rq, struct web_resp *rs);
int page_account(struct web_req *rq, struct web_resp *rs);
int post_account_password(struct web_req *rq, struct web_resp *rs);
int post_account_signout(struct web_req *rq, struct web_resp *rs);
int post_account_signout_everywhere(struct web_req *rq, struct web_resp *rs);
/* The account page, its grant form showing grant_error (NULL: none). */
int page_account_with(struct web_req *rq, struct web_resp *rs, const char *grant_error);
/* page_coach.c: the coach's view (issue 20): a coach's dashboard and a
 * client's search read-only, the suggestions, a client's grants. */
int page_coach(struct web_req *rq, struct web_resp *rs);
int page_coach_client(struct web_req *rq, struct web_resp *rs);
int post_coach_suggest(struct web_req *rq, struct web_resp *rs);
int post_suggestion_accept(struct web_req *rq, struct web_resp *rs);
int post_suggestion_dismiss(struct web_req *rq, struct web_resp *rs);
int post_account_grant(struct web_req *rq, struct web_resp *rs);
int post_account_revoke(struct web_req *rq, struct web_resp *rs);
/* The account page's section on coaches: a client's grants and the form
 * to grant one (grant_error above it, or NULL); a coach's link to /coach. */
int account_grants_section(struct strbuf *sb, struct web_req *rq, const char *grant_error);
/* Today's section of a practice's client: the coach's open suggestions, to
 * accept or dismiss (nothing when none, nor on one person's database). */
int coach_suggestions_section(struct strbuf *sb, struct web_req *rq);
/* page_today.c */
int page_today(struct web_req *rq, struct web_resp *rs);
int post_task_done(struct web_req *rq, struct web_resp *rs);
int post_task_reached(struct web_req *rq, struct web_resp *rs);
int post_task_no_answer(struct web_req *rq, struct web_resp *rs);
int post_task_skip(struct web_req *rq, struct web_resp *rs);
int post_task_snooze(struct web_req *rq, struct web_resp *rs);
int post_log(struct web_req *rq, struct web_resp *rs);
/* page_start.c: the start checklist (on Today while the search is young, and
 * on How rapport works), and hiding it from Today; hideable: with the button */
void start_checklist_card(struct strbuf *sb, const struct web_req *rq,
			  const struct start_checklist *c, bool hideable);
int post_start_dismiss(struct web_req *rq, struct web_resp *rs);
/* page_method.c: How rapport works */
int page_method(struct web_req *rq, struct web_resp *rs);

/* page_demo.c: the sample search (issue 24). demo_offer_link writes the
 * one-click way in (nothing on the sample itself), for a page that offers
 * it (Today, while the search is young); demo_banner the mark every page of
 * a sample search carries, with the way back (ui_page_begin writes it). */
void demo_offer_link(struct strbuf *sb, const struct web_req *rq);
void demo_banner(struct strbuf *sb, const struct web_req *rq);
/* The user's own server, when this one serves a sample it started, or NULL. */
const char *demo_back_url(void);
int page_demo(struct web_req *rq, struct web_resp *rs);
int page_demo_open(struct web_req *rq, struct web_resp *rs);
/* /demo/enter and /demo/back: the page that hands the browser over between
 * the user's server and the sample's (see page_demo.c); no session needed. */
int page_demo_hand_over(struct web_req *rq, struct web_resp *rs);

/* page_pipeline.c */
int page_pipeline(struct web_req *rq, struct web_resp *rs);
int post_opp_move(struct web_req *rq, struct web_resp *rs);
/* page_opp.c */
int page_opp_new(struct web_req *rq, struct web_resp *rs);
int post_opp_create(struct web_req *rq, struct web_resp *rs);
int page_opp(struct web_req *rq, struct web_resp *rs);
int page_opp_edit(struct web_req *rq, struct web_resp *rs);
int post_opp_edit(struct web_req *rq, struct web_resp *rs);
int post_opp_link(struct web_req *rq, struct web_resp *rs);
/* page_people.c */
int page_people(struct web_req *rq, struct web_resp *rs);
int page_person_new(struct web_req *rq, struct web_resp *rs);
int post_person_create(struct web_req *rq, struct web_resp *rs);
int page_person(struct web_req *rq, struct web_resp *rs);
int page_person_edit(struct web_req *rq, struct web_resp *rs);
int post_person_edit(struct web_req *rq, struct web_resp *rs);
/* page_orgs.c */
int page_orgs(struct web_req *rq, struct web_resp *rs);
int page_org_new(struct web_req *rq, struct web_resp *rs);
int post_org_create(struct web_req *rq, struct web_resp *rs);
int page_org(struct web_req *rq, struct web_resp *rs);
int page_org_edit(struct web_req *rq, struct web_resp *rs);
int post_org_edit(struct web_req *rq, struct web_resp *rs);
/* page_search.c */
int page_search(struct web_req *rq, struct web_resp *rs);
/* page_draft.c */
int page_draft(struct web_req *rq, struct web_resp *rs);
int page_draft_eml(struct web_req *rq, struct web_resp *rs);
int post_draft_to_drafts(struct web_req *rq, struct web_resp *rs);
int post_draft_send(struct web_req *rq, struct web_resp *rs);
int post_task_create(struct web_req *rq, struct web_resp *rs);
/* page_wants.c */
int page_wants(struct web_req *rq, struct web_resp *rs);
int post_want_create(struct web_req *rq, struct web_resp *rs);
int post_want_edit(struct web_req *rq, struct web_resp *rs);
int post_want_delete(struct web_req *rq, struct web_resp *rs);
int post_want_mark(struct web_req *rq, struct web_resp *rs);
/* page_questions.c */
int page_questions(struct web_req *rq, struct web_resp *rs);
int post_question_create(struct web_req *rq, struct web_resp *rs);
int post_question_delete(struct web_req *rq, struct web_resp *rs);
/* page_prep.c */
int page_prep(struct web_req *rq, struct web_resp *rs);
/* page_debrief.c; opp_debriefs_section is the opportunity page's list of them */
int page_debrief(struct web_req *rq, struct web_resp *rs);
int post_debrief(struct web_req *rq, struct web_resp *rs);
int page_debrief_one(struct web_req *rq, struct web_resp *rs);
void opp_debriefs_section(struct strbuf *sb, const struct opp_view *v);
/* page_inbox.c: /inbox, what imported mail proposes; accept and dismiss.
 * inbox_page is the page with result (HTML; NULL: none) above the rest. */
int page_inbox(struct web_req *rq, struct web_resp *rs);
int inbox_page(struct web_req *rq, struct web_resp *rs, const struct strbuf *result);
int post_inbox_accept(struct web_req *rq, struct web_resp *rs);
int post_inbox_dismiss(struct web_req *rq, struct web_resp *rs);
/* page_mail.c: the Inbox's card that reads mail (Check mail, a file sent),
 * and why the mail account cannot do something from here: the first
 * setting it lacks for use, and the command that sets it (the Draft page's
 * buttons say it too) */
void web_mail_card(struct strbuf *sb, const struct web_req *rq);
int post_inbox_check(struct web_req *rq, struct web_resp *rs);
int post_inbox_upload(struct web_req *rq, struct web_resp *rs);
void web_mail_lacking(struct strbuf *sb, const struct mail_account *a,
		      enum mail_account_use use, const char *doing);

/* page_improve.c: /improve, feedback; the small feedback forms of the
 * opportunity and person pages */
int page_improve(struct web_req *rq, struct web_resp *rs);
int post_improve(struct web_req *rq, struct web_resp *rs);
int post_improve_done(struct web_req *rq, struct web_resp *rs);
int post_feedback(struct web_req *rq, struct web_resp *rs);
void opp_feedback_section(struct strbuf *sb, const struct web_req *rq,
			  const struct opp_view *v);
void person_feedback_form(struct strbuf *sb, const struct web_req *rq, int64_t person_id,
			  const person_opp_vec *opps);
/* page_offers.c */
int page_offers_compare(struct web_req *rq, struct web_resp *rs);
int post_offer_create(struct web_req *rq, struct web_resp *rs);
int post_offer_round(struct web_req *rq, struct web_resp *rs);
int post_offer_edit(struct web_req *rq, struct web_resp *rs);
/* page_remove.c: GET and POST /KIND/ID/delete for orgs, people,
 * opportunities, tasks, interactions, feedback and debriefs; merging;
 * reopening a task. ui_merge_form is the merge form a record's page shows. */
int page_delete(struct web_req *rq, struct web_resp *rs);
int post_delete(struct web_req *rq, struct web_resp *rs);
int post_person_merge(struct web_req *rq, struct web_resp *rs);
int post_org_merge(struct web_req *rq, struct web_resp *rs);
int post_task_reopen(struct web_req *rq, struct web_resp *rs);
void ui_merge_form(struct strbuf *sb, const struct web_req *rq, const char *action,
		   const char *what);
/* page_insights.c */
int page_insights(struct web_req *rq, struct web_resp *rs);
/* page_interaction.c: moving an interaction to another time */
int page_interaction_move(struct web_req *rq, struct web_resp *rs);
int post_interaction_move(struct web_req *rq, struct web_resp *rs);
/* page_settings.c: the settings' frame (the title, then a tab per page) */
enum settings_tab { TAB_PROFILE, TAB_IMPORT, TAB_PLAYBOOKS, TAB_TEMPLATES };
void settings_begin(struct web_resp *rs, const struct web_req *rq, const char *title,
		    enum settings_tab tab);
int page_settings(struct web_req *rq, struct web_resp *rs);
int post_settings(struct web_req *rq, struct web_resp *rs);
int page_settings_playbooks(struct web_req *rq, struct web_resp *rs);
int post_settings_playbooks(struct web_req *rq, struct web_resp *rs);
int page_settings_templates(struct web_req *rq, struct web_resp *rs);
int post_settings_levels(struct web_req *rq, struct web_resp *rs);
int post_settings_calendar(struct web_req *rq, struct web_resp *rs);
/* page_undo.c */
int post_undo(struct web_req *rq, struct web_resp *rs);
/* page_import.c */
int page_import(struct web_req *rq, struct web_resp *rs);
int post_import(struct web_req *rq, struct web_resp *rs);
/* page_calendar.c */
int page_calendar_feed(struct web_req *rq, struct web_resp *rs);
int page_export_json(struct web_req *rq, struct web_resp *rs);
int page_export_vcard(struct web_req *rq, struct web_resp *rs);
int page_export_csv(struct web_req *rq, struct web_resp *rs);
int page_export_ical(struct web_req *rq, struct web_resp *rs);

#endif
