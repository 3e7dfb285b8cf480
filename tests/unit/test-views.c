/* test-views.c: the page view-models (method/opp_view.h, person_view.h,
 * org_view.h) gather what both front ends show, from a small store. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "method/opp_view.h"
#include "method/org_view.h"
#include "method/person_view.h"
#include "method/timeline.h"
#include "store/debrief.h"
#include "store/offer.h"
#include "store/store.h"
#include "test-db.h"
#include "util/xalloc.h"

struct fixture {
	struct test_db *db;
	struct store *s;
	int64_t org, manager, recruiter, opp;
};

/* An interaction with the hiring manager about the opportunity, on day (1-28). */
static void add_note(struct fixture *f, int day)
{
	struct interaction it = { .kind = IKIND_NOTE, .direction = DIR_OUT, .chemistry = -1 };
	struct error err = ERROR_INIT;
	char at[32];

	snprintf(at, sizeof(at), "2026-02-%02dT10:00", day);
	it.opp.id = f->opp;
	it.at = xstrdup(at);
	it.summary = xstrdup("talked");
	VEC_PUSH(&it.people)->id = f->manager;
	assert_int_equal(store_interaction_add(f->s, &it, &err), 0);
	interaction_release(&it);
}

static void add_offer_and_feedback(struct fixture *f)
{
	struct offer of = { .terms = OFFER_TERMS_INIT, .opp_id = f->opp };
	struct feedback fb = { .opp.id = f->opp, .from.id = f->manager };
	struct error err = ERROR_INIT;

	of.terms.base = 95000;
	assert_int_equal(store_offer_add(f->s, &of, &err), 0);
	offer_release(&of);
	fb.text = xstrdup("Read up on the data platform");
	fb.at = xstrdup("2026-02-27");
	assert_int_equal(store_feedback_add(f->s, &fb, &err), 0);
	feedback_release(&fb);
}

/* Acme Analytics with a hiring manager and a recruiter; a Data Lead
 * opportunity linked to the manager, 22 notes with them, an open task, an
 * offer and feedback. */
static int64_t add_opp(struct store *s, int64_t org_id)
{
	struct opp o = {
		.salary_target = -1, .salary_low = -1, .salary_high = -1, .salary_offered = -1
	};
	struct error err = ERROR_INIT;

	o.org_id = org_id;
	o.title = xstrdup("Data Lead");
	o.stage = STAGE_INTERVIEWING;
	assert_int_equal(store_opp_add(s, &o, &err), 0);
	opp_release(&o);
	return o.id;
}

/* Acme Analytics with a hiring manager and a recruiter; a Data Lead
 * opportunity linked to the manager, 22 notes with them, an open task, an
 * offer and feedback. */
static int setup(void **state)
{
	struct fixture *f = xcalloc(1, sizeof(*f));
	struct task t = { .kind = TKIND_EMAIL };
	struct error err = ERROR_INIT;

	f->db = test_db_open();
	f->s = f->db->s;
	f->org = test_db_org(f->s, "Acme Analytics");
	f->manager = test_db_person(f->s, "Hiring Manager", f->org);
	f->recruiter = test_db_person(f->s, "Data Recruiter", f->org);
	f->opp = add_opp(f->s, f->org);
	assert_int_equal(store_opp_link(f->s, f->opp, f->manager, ROLE_HIRING_MANAGER, &err), 0);
	for (int day = 1; day <= 22; day++)
		add_note(f, day);
	t.title = xstrdup("Send the references");
	t.due = xstrdup("2026-03-03");
	t.person.id = f->manager;
	t.opp.id = f->opp;
	assert_int_equal(store_task_add(f->s, &t, &err), 0);
	task_release(&t);
	add_offer_and_feedback(f);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;
	int rc = test_db_close(f->db);

	free(f);
	return rc;
}

static void test_opp_view_gathers_the_page(void **state)
{
	struct fixture *f = *state;
	struct opp_view v;
	struct error err = ERROR_INIT;

	assert_int_equal(opp_view_load(f->s, f->opp, false, &v, &err), 0);
	assert_string_equal(v.opp.title, "Data Lead");
	assert_string_equal(v.opp.org_name, "Acme Analytics");
	assert_int_equal(v.people.n, 1);
	assert_string_equal(v.people.items[0].name, "Hiring Manager");
	assert_int_equal(v.people.items[0].role, ROLE_HIRING_MANAGER);
	assert_int_equal(v.history.n, 1); /* added as interviewing */
	assert_int_equal(v.interactions.n, TIMELINE_NEWEST);
	assert_int_equal(v.interactions_total, 22);
	/* the newest, oldest first: days 3 to 22 */
	assert_string_equal(v.interactions.items[0].at, "2026-02-03T10:00");
	assert_string_equal(v.interactions.items[TIMELINE_NEWEST - 1].at, "2026-02-22T10:00");
	assert_int_equal(v.tasks.n, 1);
	assert_string_equal(v.tasks.items[0].title, "Send the references");
	assert_true(v.has_offer);
	assert_int_equal(v.offer.terms.base, 95000);
	assert_int_equal(v.rounds.n, 0);
	assert_int_equal(v.debriefs.n, 0);
	assert_int_equal(v.feedback.n, 1);
	assert_string_equal(v.feedback.items[0].text, "Read up on the data platform");
	assert_false(v.mismatch.found);
	opp_view_release(&v);
	assert_int_equal(opp_view_load(f->s, f->opp, true, &v, &err), 0);
	assert_int_equal(v.interactions.n, 22);
	opp_view_release(&v);
	opp_view_release(&v); /* a released view can be released again */
}

static void test_opp_view_of_a_missing_opp(void **state)
{
	struct fixture *f = *state;
	struct opp_view v;
	struct error err = ERROR_INIT;

	assert_int_equal(opp_view_load(f->s, f->opp + 100, false, &v, &err), ERR_NOT_FOUND);
	assert_null(v.opp.title);
	assert_int_equal(v.people.n, 0);
	opp_view_release(&v);
}

static void test_person_view_gathers_the_page(void **state)
{
	struct fixture *f = *state;
	struct person_view v;
	struct error err = ERROR_INIT;

	assert_int_equal(person_view_load(f->s, f->manager, false, &v, &err), 0);
	assert_string_equal(v.person.name, "Hiring Manager");
	assert_string_equal(v.person.org_name, "Acme Analytics");
	assert_int_equal(v.interactions.n, TIMELINE_NEWEST);
	assert_int_equal(v.interactions_total, 22);
	/* newest first */
	assert_string_equal(v.interactions.items[0].at, "2026-02-22T10:00");
	assert_int_equal(v.tasks.n, 1);
	assert_int_equal(v.opps.n, 1);
	assert_int_equal(v.opps.items[0].opp.id, f->opp);
	assert_int_equal(v.opps.items[0].stage, STAGE_INTERVIEWING);
	assert_int_equal(v.opps.items[0].role, ROLE_HIRING_MANAGER);
	person_view_release(&v);
	assert_int_equal(person_view_load(f->s, f->manager, true, &v, &err), 0);
	assert_int_equal(v.interactions.n, 22);
	person_view_release(&v);

	assert_int_equal(person_view_load(f->s, f->recruiter, false, &v, &err), 0);
	assert_int_equal(v.interactions.n, 0);
	assert_int_equal(v.interactions_total, 0);
	assert_int_equal(v.opps.n, 0);
	person_view_release(&v);
	assert_int_equal(person_view_load(f->s, f->recruiter + 100, false, &v, &err),
			 ERR_NOT_FOUND);
	assert_null(v.person.name);
}

static void test_org_view_gathers_the_page(void **state)
{
	struct fixture *f = *state;
	struct org_view v;
	struct error err = ERROR_INIT;

	assert_int_equal(org_view_load(f->s, f->org, &v, &err), 0);
	assert_string_equal(v.org.name, "Acme Analytics");
	assert_int_equal(v.people.n, 2);
	assert_int_equal(v.opps.n, 1);
	assert_string_equal(v.opps.items[0].title, "Data Lead");
	org_view_release(&v);
	assert_int_equal(org_view_load(f->s, f->org + 100, &v, &err), ERR_NOT_FOUND);
	assert_null(v.org.name);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_opp_view_gathers_the_page, setup, teardown),
		cmocka_unit_test_setup_teardown(test_opp_view_of_a_missing_opp, setup, teardown),
		cmocka_unit_test_setup_teardown(test_person_view_gathers_the_page, setup, teardown),
		cmocka_unit_test_setup_teardown(test_org_view_gathers_the_page, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
