/*
 * demo_search.c: the made-up search of 'rapport demo', five weeks ending
 * today, played through rapport's own commands with the clock set to each
 * step's day (RAPPORT_NOW), as the tests script a search: so the sample
 * shows what the real rules do, and changes with them.
 *
 * People have role names, organisations are invented; every built-in
 * playbook fires at least once (tests/cli/t3210-demo.sh checks it).
 */
#include "cli/demo.h"

#include <fcntl.h>
#include <spawn.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "core/date.h"
#include "store/store.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

#define DEMO_DAYS 35  /* the first step is this many days before today */
#define DEMO_ARGS 24

/* One command: on day `day` of the search at `time`, "rapport ARGS". An
 * argument "@RULE|PERSON" is the id of the open task that rule made for
 * that person (ids are only known once the rules have run). */
struct demo_step {
	int day;
	const char *time;
	const char *args[DEMO_ARGS];
};

#define NW "Hiring Manager at Northwind"
#define NW_PEER "Data Team Peer at Northwind"
#define BF "Head of Analytics at Bluefin"
#define BF_HR "People Partner at Bluefin"
#define CO "Hiring Manager at Cobalt"
#define LK "Hiring Manager at Larkspur"
#define FRIEND "Former Colleague at Meridian"

static const struct demo_step demo_steps[] = {
	/* week 1: what the job seeker wants, the openings, the people */
	{ 0, "09:00", { "config", "name", "Sample Job Seeker" } },
	{ 0, "09:00", { "config", "email", "job.seeker@example.com" } },
	{ 0, "09:00", { "config", "levels", "analyst < senior analyst < lead | team lead < head" } },
	{ 0, "09:05", { "want", "add", "Remote at least three days a week", "--weight", "5",
			"--must", "--category", "work-pattern" } },
	{ 0, "09:06", { "want", "add", "A manager who coaches", "--weight", "4", "--category",
			"manager" } },
	{ 0, "09:07", { "want", "add", "Room to grow into a lead role", "--weight", "4",
			"--category", "growth" } },
	{ 0, "09:08", { "want", "add", "Base salary of 90k or more", "--weight", "3",
			"--category", "compensation" } },
	{ 0, "09:10", { "question", "add", "Who would I learn the most from in the first year?",
			"--stage", "first", "--verifies", "manager" } },
	{ 0, "09:20", { "opp", "add", "Northwind Analytics", "Senior Data Analyst", "--slug",
			"northwind", "--level", "senior analyst", "--salary-target", "90000",
			"--stage", "applied", "--source", "a referral" } },
	{ 0, "09:21", { "opp", "add", "Bluefin Logistics", "Analytics Lead", "--slug", "bluefin",
			"--level", "lead", "--stage", "applied" } },
	{ 0, "09:22", { "opp", "add", "Cobalt Health", "Data Analyst", "--slug", "cobalt",
			"--level", "senior analyst", "--salary-target", "90000", "--stage",
			"applied" } },
	{ 0, "09:23", { "opp", "add", "Larkspur Energy", "Lead Data Analyst", "--slug",
			"larkspur", "--level", "lead", "--salary-target", "95000", "--stage",
			"applied" } },
	{ 0, "09:30", { "person", "add", NW, "--org", "Northwind Analytics", "--rapport", "4" } },
	{ 0, "09:31", { "person", "add", NW_PEER, "--org", "Northwind Analytics", "--rapport",
			"3" } },
	{ 0, "09:32", { "person", "add", BF, "--org", "Bluefin Logistics", "--rapport", "5" } },
	{ 0, "09:33", { "person", "add", BF_HR, "--org", "Bluefin Logistics", "--rapport", "3" } },
	{ 0, "09:34", { "person", "add", CO, "--org", "Cobalt Health", "--rapport", "4" } },
	{ 0, "09:35", { "person", "add", LK, "--org", "Larkspur Energy", "--rapport", "3" } },
	{ 0, "09:36", { "person", "add", FRIEND, "--org", "Meridian Retail", "--cadence", "14" } },
	{ 0, "09:40", { "opp", "link", "northwind", NW, "--role", "hiring-manager" } },
	{ 0, "09:41", { "opp", "link", "northwind", NW_PEER, "--role", "peer" } },
	{ 0, "09:42", { "opp", "link", "bluefin", BF, "--role", "hiring-manager" } },
	{ 0, "09:43", { "opp", "link", "bluefin", BF_HR, "--role", "hr" } },
	{ 0, "09:44", { "opp", "link", "cobalt", CO, "--role", "hiring-manager" } },
	{ 0, "09:45", { "opp", "link", "larkspur", LK, "--role", "hiring-manager" } },
	{ 0, "17:00", { "log", "call", "Catch-up about the search", "--with", FRIEND } },

	/* the first interviews; thank-you notes the next day */
	{ 2, "10:00", { "log", "interview", "Northwind: first interview", "--with", NW, "--with",
			NW_PEER, "--opp", "northwind", "--chemistry", "4" } },
	{ 2, "15:00", { "debrief", "northwind", "--asked",
			"How many days a week does the team work from home?", "--answer",
			"Three, and the whole team meets on Tuesdays", "--mark",
			"1:Remote at least three days a week=met", "--asked",
			"How do you help analysts grow?", "--answer",
			"A weekly one-to-one and a yearly learning budget", "--mark",
			"2:A manager who coaches=partly", "--with", NW, "--well",
			"The case study on delivery times", "--refine",
			"Shorter answers about past projects", "--chemistry", "4" } },
	{ 3, "09:00", { "task", "done", "@thank-you|" NW } },
	{ 3, "09:10", { "task", "done", "@thank-you|" NW_PEER } },
	{ 3, "11:00", { "log", "interview", "Bluefin: meet the team", "--with", BF, "--with", BF_HR,
			"--opp", "bluefin", "--chemistry", "5" } },
	{ 4, "09:00", { "task", "done", "@thank-you|" BF } },
	{ 4, "09:10", { "task", "done", "@thank-you|" BF_HR } },
	{ 4, "14:00", { "log", "interview", "Cobalt: hiring manager interview", "--with", CO,
			"--opp", "cobalt", "--chemistry", "4" } },
	{ 4, "16:00", { "debrief", "cobalt", "--asked", "How many days a week does the team work "
			"from home?", "--answer", "One; the rest in the office", "--mark",
			"1:Remote at least three days a week=unmet", "--asked",
			"What would the first year look like for me?", "--answer",
			"Steady reporting work; no lead role in view", "--mark",
			"2:Room to grow into a lead role=unmet", "--with", CO, "--chemistry", "4" } },
	{ 5, "09:00", { "task", "done", "@thank-you|" CO } },
	{ 5, "14:00", { "log", "interview", "Larkspur: first interview", "--with", LK, "--opp",
			"larkspur", "--chemistry", "3" } },
	{ 5, "16:00", { "debrief", "larkspur", "--asked", "How many days a week does the team "
			"work from home?", "--answer", "Four, if you like", "--mark",
			"1:Remote at least three days a week=met", "--asked",
			"How do you help analysts grow?", "--answer",
			"A coach from another team, and a lead title after one review cycle",
			"--mark", "2:A manager who coaches=met", "--with", LK, "--chemistry",
			"4" } },
	{ 6, "09:00", { "task", "done", "@thank-you|" LK } },
	/* Larkspur talks of a level below the one applied for */
	{ 6, "12:00", { "opp", "edit", "larkspur", "--level-offered", "senior analyst" } },

	/* week 2: silence after Northwind: a letter, then calls */
	{ 9, "09:00", { "agenda" } },
	{ 9, "10:00", { "task", "done", "@silence|" NW } },
	{ 10, "09:00", { "agenda" } },
	{ 10, "10:00", { "task", "done", "@silence|" BF } },
	{ 12, "09:00", { "agenda" } },
	{ 12, "09:30", { "task", "done", "@silence.call|" NW, "--no-answer" } },
	{ 13, "16:00", { "opp", "move", "bluefin", "rejected", "--note",
			 "they chose someone with more logistics experience" } },
	{ 14, "09:00", { "agenda" } },
	{ 14, "09:30", { "task", "done", "@silence.call|" NW, "--reached" } },
	{ 14, "11:00", { "feedback", "add", "bluefin", "Show more of your own dashboards",
			 "--from", BF } },
	{ 14, "11:10", { "improve", "add", "Build a portfolio of three dashboards",
			 "--from-feedback", "1" } },
	{ 15, "10:00", { "task", "done", "@rejected.letter|" BF } },
	{ 15, "10:10", { "task", "done", "@rejected.letter|" BF_HR } },
	{ 15, "12:00", { "task", "done", "@keep-in-touch|" FRIEND } },
	{ 16, "10:00", { "task", "done", "@rejected.linkedin|" BF } },
	{ 16, "10:10", { "task", "done", "@rejected.linkedin|" BF_HR } },

	/* week 3: offers */
	{ 16, "15:00", { "log", "interview", "Northwind: second interview", "--with", NW, "--opp",
			 "northwind", "--chemistry", "4" } },
	{ 17, "09:00", { "task", "done", "@thank-you|" NW } },
	{ 18, "10:00", { "task", "done", "@rejected.call|" BF, "--reached" } },
	{ 18, "16:00", { "task", "done", "@rejected.review|" } },
	{ 19, "11:00", { "offer", "add", "cobalt", "--base", "88000", "--bonus", "5000",
			 "--level", "senior analyst", "--deadline", "+20d", "--benefits",
			 "pension 6%, 27 days of holiday" } },
	{ 20, "09:00", { "agenda" } },
	{ 20, "10:00", { "task", "done", "@offer.compare|" } },
	{ 21, "09:00", { "task", "done", "@improve|" BF } },
	{ 21, "12:00", { "task", "done", "@offer.shape|" CO } },
	{ 22, "11:00", { "offer", "add", "larkspur", "--base", "97000", "--level",
			 "senior analyst", "--deadline", "+18d", "--equity",
			 "none", "--benefits", "pension 5%, 25 days of holiday" } },
	{ 23, "10:00", { "task", "done", "@offer.questions|" CO } },
	{ 23, "15:00", { "task", "done", "@offer.peers|" } },
	{ 24, "10:00", { "task", "done", "@progress-update|" BF } },
	{ 24, "14:00", { "task", "done", "@offer.visit|" } },
	{ 27, "09:00", { "agenda" } },
	{ 27, "10:00", { "task", "skip", "@rejected.consult|" BF } },
	{ 29, "09:00", { "agenda" } },
	{ 29, "09:30", { "task", "done", "@keep-in-touch|" FRIEND } },

	/* week 5: the best fit is accepted yesterday; the others hear it
	 * courteously (today's and tomorrow's follow-ups) */
	{ DEMO_DAYS - 1, "16:00", { "opp", "move", "larkspur", "accepted", "--note",
			 "the lead title after one review cycle, in writing" } },
	{ DEMO_DAYS, "08:00", { "agenda" } },
};

/* RAPPORT_NOW for a step: `day` days after the search's first day, at `time`. */
static void step_now(const struct datetime *today, int day, const char *time,
		     struct strbuf *out)
{
	struct datetime dt = *today;
	char buf[DATE_BUFSZ];

	date_add_days(&dt, day - DEMO_DAYS);
	date_format_day(&dt, buf);
	strbuf_reset(out);
	strbuf_addf(out, "%sT%s", buf, time);
}

/* The id of the open task that rule made for person ("" for nobody). */
static int task_ref(const char *db_path, const char *ref, struct strbuf *id, struct error *err)
{
	const char *bar = strchr(ref, '|');
	struct store *s = NULL;
	task_vec tasks = { 0 };
	size_t rule_len = bar ? (size_t)(bar - ref) : strlen(ref);
	int rc = store_open(&s, db_path, 0, err);

	if (!rc)
		rc = store_task_list(s, false, &tasks, err);
	for (size_t i = 0; !rc && i < tasks.n; i++) {
		const struct task *t = &tasks.items[i];
		const char *who = t->person.id ? t->person.name : "";
		if (t->origin && strlen(t->origin) == rule_len && !strncmp(t->origin, ref, rule_len) &&
		    !strcmp(who, bar ? bar + 1 : "")) {
			strbuf_addf(id, "%lld", (long long)t->id);
			break;
		}
	}
	if (!rc && !id->len)
		rc = error_set(err, ERR_NOT_FOUND, "the sample search has no open task '%s'", ref);
	task_vec_release(&tasks);
	store_close(s);
	return rc;
}

/* Run "rapport --db DB ARGS" and wait; its output is not wanted, its
 * errors are (a step that fails is a bug in this script). */
static int run_rapport(const char *db_path, const char *const *args, struct error *err)
{
	const char *argv[DEMO_ARGS + 4] = { "rapport", "--db", db_path };
	posix_spawn_file_actions_t fa;
	size_t n = 3;
	pid_t pid;
	int status, rc;

	for (size_t i = 0; i < DEMO_ARGS && args[i]; i++)
		argv[n++] = args[i];
	argv[n] = NULL;
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_addopen(&fa, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
	rc = posix_spawn(&pid, "/proc/self/exe", &fa, NULL, (char *const *)argv, environ);
	posix_spawn_file_actions_destroy(&fa);
	if (rc || waitpid(pid, &status, 0) != pid || !WIFEXITED(status) || WEXITSTATUS(status))
		return error_set(err, ERR_IO, "the sample search failed at 'rapport %s %s'", args[0],
				 args[1] ? args[1] : "");
	return 0;
}

/* One step: its clock, its task references resolved, the command run. */
static int run_step(const char *db_path, const struct demo_step *st,
		    const struct datetime *today, struct error *err)
{
	struct strbuf now = STRBUF_INIT, ids[DEMO_ARGS];
	const char *args[DEMO_ARGS + 1] = { 0 };
	int rc = 0;

	step_now(today, st->day, st->time, &now);
	setenv("RAPPORT_NOW", now.buf, 1);
	for (size_t i = 0; i < DEMO_ARGS; i++)
		strbuf_init(&ids[i]);
	for (size_t i = 0; !rc && i < DEMO_ARGS && st->args[i]; i++) {
		args[i] = st->args[i];
		if (args[i][0] == '@' && !(rc = task_ref(db_path, args[i] + 1, &ids[i], err)))
			args[i] = ids[i].buf;
	}
	if (!rc)
		rc = run_rapport(db_path, args, err);
	for (size_t i = 0; i < DEMO_ARGS; i++)
		strbuf_release(&ids[i]);
	strbuf_release(&now);
	return rc;
}

int demo_search_play(const char *db_path, struct error *err)
{
	const char *fixed = getenv("RAPPORT_NOW");
	char *saved = fixed ? xstrdup(fixed) : NULL;
	struct datetime today;
	int rc = date_now(&today, err);

	for (size_t i = 0; !rc && i < ARRAY_SIZE(demo_steps); i++)
		rc = run_step(db_path, &demo_steps[i], &today, err);
	/* the clock back as it was: the server that follows runs on today */
	if (saved)
		setenv("RAPPORT_NOW", saved, 1);
	else
		unsetenv("RAPPORT_NOW");
	free(saved);
	return rc;
}
