/* test-playbook.c: the rules file reader: good rules, every kind of error, overrides. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "method/engine.h"
#include "method/playbook.h"
#include "method/playbook_run.h"
#include "util/embedded.h"

static bool only_known_templates(const char *name)
{
	return !strcmp(name, "thank-you");
}

static int parse(struct playbook *pb, const char *text, struct error *err)
{
	return playbook_parse(pb, "test.ini", text, strlen(text), only_known_templates, err);
}

static void assert_parse_error(const char *text, const char *message)
{
	struct playbook pb = { 0 };
	struct error err = ERROR_INIT;

	assert_int_equal(parse(&pb, text, &err), ERR_INVALID);
	if (!strstr(err.msg, message))
		fail_msg("'%s' lacks '%s'", err.msg, message);
	playbook_release(&pb);
}

static void test_a_good_rule(void **state)
{
	struct playbook pb = { 0 };
	struct error err = ERROR_INIT;
	const struct rule *r;

	(void)state;
	assert_int_equal(parse(&pb, "# comment\n; another\n\n[thanks]\non = interaction\n"
				    "kind = interview, call\ntask = email\ndue = +1\n"
				    "title = Thank {person}\ntemplate = thank-you\n",
			       &err), 0);
	assert_int_equal(pb.n, 1);
	r = playbook_find(&pb, "thanks");
	assert_non_null(r);
	assert_int_equal(r->trigger, TRIGGER_INTERACTION);
	assert_int_equal(r->kinds, (1u << IKIND_INTERVIEW) | (1u << IKIND_CALL));
	assert_int_equal(r->task_kind, TKIND_EMAIL);
	assert_int_equal(r->due, 1);
	assert_int_equal(r->nwho, 1);
	assert_int_equal(r->who[0].set, PEOPLE_PARTICIPANTS); /* the default for interactions */
	assert_string_equal(r->origin, "test.ini:4");
	playbook_release(&pb);
}

static void test_errors_name_the_line(void **state)
{
	(void)state;
	assert_parse_error("[r]\non = someday\n", "test.ini:2: unknown trigger 'someday'");
	assert_parse_error("[r]\non = stage\nstage = hired\ntask = call\ntitle = x\n",
			   "test.ini:3: unknown stage 'hired'");
	assert_parse_error("[r]\non = stage\nstage = offer\nfor = friends\ntask = call\ntitle = x\n",
			   "test.ini:4: unknown set of people 'friends'");
	assert_parse_error("[r]\non = stage\nstage = offer\ntask = call\ndue = soon\ntitle = x\n",
			   "test.ini:5: due must be a whole number");
	assert_parse_error("[r]\non = stage\nstage = offer\ntask = call\ntitle = x\n"
			   "template = nope\n", "test.ini:6: unknown template 'nope'");
	assert_parse_error("[r]\non = stage\nstage = offer\ntask = call\ntitle = Hi {frist}\n",
			   "test.ini:5: unknown merge field '{frist}'");
	assert_parse_error("[r]\non = stage\nstage = offer\ntask = call\ntitle = x\ncolour = red\n",
			   "test.ini:6: unknown key 'colour'");
	assert_parse_error("due = 1\n", "test.ini:1: 'due' comes before any [section]");
	assert_parse_error("[r\n", "test.ini:1: a section is written [name]");
	assert_parse_error("[r]\njust words\n", "test.ini:2: expected 'key = value'");
	assert_parse_error("[r]\non = stage\nstage = offer\n", "does nothing");
	assert_parse_error("[r]\non = silence\ntask = call\ntitle = x\n", "needs 'after' and 'days'");
	assert_parse_error("[r]\non = cadence\nfor = participants\ntask = email\ntitle = x\n",
			   "does not fit its trigger");
	assert_parse_error("[r]\non = stage\nstage = offer\ntask = call\ntitle = x\n[r]\n",
			   "test.ini:6: rule 'r' is defined twice");
	assert_parse_error("[Bad Name]\n", "is not a rule name");
	assert_parse_error("[ghost]\nenabled = no\n", "no rule or playbook 'ghost'");
	assert_parse_error("[r]\non = stage\x01\n", "");
	assert_parse_error("[r]\non = \xff\n", "not valid UTF-8");
}

static void test_overrides_and_switches(void **state)
{
	struct playbook pb = { 0 };
	struct error err = ERROR_INIT;
	const char *base = "[a.one]\non = stage\nstage = offer\ntask = call\ntitle = one\n"
			   "[a.two]\non = stage\nstage = offer\ntask = email\ntitle = two\n"
			   "[b]\non = cadence\ntask = email\ntitle = b\n";

	(void)state;
	assert_int_equal(parse(&pb, base, &err), 0);
	assert_int_equal(pb.n, 3);
	/* a section of the same name replaces the rule; "enabled = no" on a
	 * playbook's name turns off all of its rules */
	assert_int_equal(parse(&pb, "[b]\non = cadence\ntask = call\ntitle = new b\n"
				    "[a]\nenabled = no\n",
			       &err), 0);
	assert_int_equal(pb.n, 3);
	assert_string_equal(playbook_find(&pb, "b")->title, "new b");
	assert_false(playbook_find(&pb, "a.one")->enabled);
	assert_false(playbook_find(&pb, "a.two")->enabled);
	assert_true(playbook_find(&pb, "b")->enabled);
	playbook_release(&pb);
}

static void test_builtin_playbooks_parse(void **state)
{
	const struct embedded_file *f = embedded_find("playbooks.ini");
	struct playbook pb = { 0 };
	struct error err = ERROR_INIT;

	(void)state;
	assert_non_null(f);
	assert_int_equal(playbook_parse(&pb, "built-in", f->data, f->size, NULL, &err), 0);
	assert_non_null(playbook_find(&pb, "thank-you"));
	assert_non_null(playbook_find(&pb, "silence.call"));
	assert_non_null(playbook_find(&pb, "rejected.recontact"));
	assert_non_null(playbook_find(&pb, "keep-in-touch"));
	assert_int_equal(playbook_find(&pb, "rejected.recontact")->due, 150);
	playbook_release(&pb);
}

/* Whether the time rules are current is decided from the texts' fingerprint
 * alone (no parse): it must be the one the parsed playbooks carry, with the
 * user's file and without, and change with the file. */
static void assert_fingerprint_is_the_parsed_one(uint64_t *out)
{
	struct playbook pb = { 0 };
	struct error err = ERROR_INIT;
	uint64_t fp = 0;

	if (playbooks_load(&pb, NULL, &err))
		fail_msg("%s", err.msg);
	assert_int_equal(playbooks_fingerprint(&fp, &err), 0);
	assert_true(pb.fingerprint == fp);
	*out = fp;
	playbook_release(&pb);
}

static void test_fingerprint_without_parsing(void **state)
{
	char dir[] = "/tmp/rapport-test-playbook-XXXXXX", path[128];
	uint64_t builtin, with_file;
	FILE *f;

	(void)state;
	assert_non_null(mkdtemp(dir));
	setenv("XDG_CONFIG_HOME", dir, 1);
	assert_int_equal(snprintf(path, sizeof(path), "%s/rapport", dir) < (int)sizeof(path), 1);
	assert_int_equal(mkdir(path, 0700), 0);
	assert_fingerprint_is_the_parsed_one(&builtin);
	assert_int_equal(snprintf(path, sizeof(path), "%s/rapport/playbooks.ini", dir) <
				 (int)sizeof(path), 1);
	assert_non_null(f = fopen(path, "w"));
	fputs("[thank-you]\nenabled = no\n", f);
	assert_int_equal(fclose(f), 0);
	assert_fingerprint_is_the_parsed_one(&with_file);
	assert_true(builtin != with_file);
	unlink(path);
	snprintf(path, sizeof(path), "%s/rapport", dir);
	rmdir(path);
	rmdir(dir);
	unsetenv("XDG_CONFIG_HOME");
}

/* The engine is a pure function: the same situation, the same proposals. */
/* A rule's window: its own, else its due (a silence: days and due) and a week. */
static void test_rule_window(void **state)
{
	struct playbook pb = { 0 };
	struct error err = ERROR_INIT;

	(void)state;
	assert_int_equal(parse(&pb, "[a]\non = interaction\nkind = interview\ntask = email\n"
				    "due = +1\ntitle = T\n"
				    "[b]\non = interaction\nkind = call\ntask = call\ndue = 2\n"
				    "title = T\nwindow = 30\n"
				    "[c]\non = silence\nafter = interview\ndays = 7\ntask = letter\n"
				    "title = T\n"
				    "[d]\non = stage\nstage = rejected\ntask = email\ntitle = T\n",
			       &err), 0);
	assert_int_equal(rule_window(playbook_find(&pb, "a")), 8);
	assert_int_equal(rule_window(playbook_find(&pb, "b")), 30);
	assert_int_equal(rule_window(playbook_find(&pb, "c")), 14);
	assert_true(rule_has_window(playbook_find(&pb, "c")));
	assert_false(rule_has_window(playbook_find(&pb, "d")));
	playbook_release(&pb);
	assert_parse_error("[d]\non = stage\nstage = rejected\ntask = email\ntitle = T\n"
			   "window = 3\n", "'window' is for on = interaction");
	assert_parse_error("[a]\non = interaction\nkind = call\ntask = call\ntitle = T\n"
			   "window = 0\n", "window");
}

static void test_engine_chooses_people(void **state)
{
	struct playbook pb = { 0 };
	struct error err = ERROR_INIT;
	char ann[] = "Peer Reviewer", bob[] = "Hiring Manager", cy[] = "Cadence Contact",
	     dee[] = "Linked Only";
	/* The HR contact is linked as HR with the highest rapport, but in no interaction:
	 * not met, so no call and no cadence (issue 16) */
	struct met_person people[] = {
		{ .id = 1, .name = ann, .rapport = 5, .role = ROLE_PEER, .interviews = 2, .talks = 2 },
		{ .id = 2, .name = bob, .rapport = 2, .role = ROLE_HIRING_MANAGER, .interviews = 1,
		  .talks = 1 },
		{ .id = 3, .name = cy, .rapport = 4, .role = -1, .interviews = 1, .talks = 1,
		  .has_cadence = true },
		{ .id = 4, .name = dee, .rapport = 5, .role = ROLE_HR },
	};
	struct rule_event ev = { .key = "s:1", .date = "2026-03-10", .due_base = "2026-03-10",
				 .opp_id = 7, .opp_title = "Data Lead", .org_name = "Acme",
				 .stage = STAGE_REJECTED, .kind = -1, .people = people,
				 .npeople = 4 };
	proposal_vec v = { 0 };

	(void)state;
	assert_int_equal(parse(&pb, "[call]\non = stage\nstage = rejected\nfor = met\n"
				    "min-rapport = 4\ntask = call\ndue = +5\ntitle = Call {first}\n"
				    "why = {org} said no on {date}.{person_note}\n"
				    "[boss]\non = stage\nstage = rejected\nfor = hiring-manager, hr\n"
				    "task = call\ndue = 150\ntitle = Re-contact {person}\n"
				    "[cad]\non = stage\nstage = rejected\nfor = met\nset-cadence = 45\n",
			       &err), 0);
	engine_propose(playbook_find(&pb, "call"), &ev, &v);
	assert_int_equal(v.n, 2); /* the peer (5) and the contact (4), not the manager (2) */
	assert_string_equal(v.items[0].title, "Call Peer");
	assert_string_equal(v.items[0].due, "2026-03-15");
	assert_string_equal(v.items[0].why, "Acme said no on 2026-03-10. You met them in 2 "
					    "interviews and rated the rapport 5/5.");
	engine_propose(playbook_find(&pb, "boss"), &ev, &v);
	assert_int_equal(v.n, 3);
	assert_int_equal(v.items[2].person_id, 2);
	assert_string_equal(v.items[2].due, "2026-08-07");
	engine_propose(playbook_find(&pb, "cad"), &ev, &v);
	assert_int_equal(v.n, 5); /* the peer and the manager get a cadence; the contact has one */
	assert_true(v.items[3].set_cadence && v.items[4].set_cadence);
	proposal_vec_release(&v);
	playbook_release(&pb);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_a_good_rule),
		cmocka_unit_test(test_errors_name_the_line),
		cmocka_unit_test(test_overrides_and_switches),
		cmocka_unit_test(test_builtin_playbooks_parse),
		cmocka_unit_test(test_fingerprint_without_parsing),
		cmocka_unit_test(test_rule_window),
		cmocka_unit_test(test_engine_chooses_people),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
