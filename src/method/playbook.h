/*
 * playbook.h: playbook rules, read from INI text.
 *
 * A rule is a trigger and what it does: create follow-up tasks for a chosen
 * set of people, due some days after the event, with a letter to draft; or
 * give people a keep-in-touch cadence. The built-in rules (data/playbooks.ini)
 * and the user's file are written in the same format; a user's section with
 * the name of a built-in rule replaces it, and "enabled = no" turns a rule
 * (or every rule of a playbook, by its name before the dot) off.
 */
#ifndef RAPPORT_PLAYBOOK_H
#define RAPPORT_PLAYBOOK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/model.h"
#include "util/error.h"

enum trigger {
	TRIGGER_INTERACTION, /* an interaction of a kind is logged */
	TRIGGER_STAGE,       /* an opportunity enters a stage */
	TRIGGER_SILENCE,     /* nothing inbound on an opportunity for N days after an event */
	TRIGGER_CADENCE,     /* a person's keep-in-touch cadence lapses */
	TRIGGER_DONE,        /* a task of a kind (or made by a rule) is done */
	TRIGGER_DEADLINE,    /* an offer's deadline is set or changed; due counts from it */
	TRIGGER_MISMATCH,    /* the level discussed or offered falls below the level applied for */
};

/* Whom a rule's tasks are for. */
enum people_set {
	PEOPLE_PARTICIPANTS,    /* the people in the interaction that fired it */
	PEOPLE_MET,             /* everyone met on the opportunity (its interactions or links) */
	PEOPLE_ROLE,            /* the people linked with a role */
	PEOPLE_HIGHEST_RAPPORT, /* the person met with the highest rapport */
	PEOPLE_SAME,            /* the person of the task that fired it */
	PEOPLE_PERSON,          /* the person whose cadence lapsed */
	PEOPLE_NOBODY,          /* one task, for no one in particular */
	PEOPLE_HELPED,          /* everyone met during the search (at min-rapport), and
				 * everyone whose advice you followed */
};

#define RULE_MAX_CHOICES 4

struct people_choice {
	enum people_set set;
	int role; /* enum role, for PEOPLE_ROLE */
};

/* What ends a rule: its open tasks are skipped, with the reason appended to
 * their why, and a chain makes no next step. */
enum cancel_flags {
	CANCEL_INBOUND = 1 << 0, /* an inbound interaction on the opportunity */
	CANCEL_STAGE = 1 << 1,   /* the opportunity changes stage */
	CANCEL_CLOSED = 1 << 2,  /* the opportunity is closed (accepted, declined, ...) */
	CANCEL_REACHED = 1 << 3, /* you got through to the task's person (a call) */
	CANCEL_CONTACT = 1 << 4, /* any interaction with the task's person */
	CANCEL_NEVER = 1 << 5,   /* said on purpose: nothing ends it */
};

struct rule {
	char *name;        /* "rejected.call" */
	char *description;
	char *origin;      /* "built-in:42" or "FILE:42": where it was defined */
	bool enabled;
	enum trigger trigger;
	unsigned kinds;    /* interaction kinds (INTERACTION, SILENCE after) or task kinds (DONE) */
	int direction;     /* for INTERACTION: DIR_IN, DIR_OUT or -1 for either */
	int stage;         /* for STAGE */
	unsigned stages;   /* for SILENCE, DEADLINE: the stages the opportunity must be in (0: any) */
	int days;          /* for SILENCE */
	char *after_rule;  /* for SILENCE after a task of that rule is done; DONE by rule */
	int repeat, every; /* for SILENCE after a rule: at most repeat tasks, every days apart */
	/* the choices are tried in order; the first that names someone wins */
	struct people_choice who[RULE_MAX_CHOICES];
	size_t nwho;
	int min_rapport;   /* -1: no minimum */
	int task_kind;     /* enum task_kind, or -1 for no task */
	char *title, *why, *template;
	int due;           /* days after the event */
	int window;        /* for INTERACTION, SILENCE after kinds: days after the event
			    * during which logging it still starts the rule (0: the
			    * default, rule_window) */
	int set_cadence;   /* 0: none */
	unsigned cancel;   /* enum cancel_flags: what ends it ("ends =") */
	unsigned end_stages; /* entering one of these stages ends it (a bit mask of enum stage) */
	bool over_others;  /* for STAGE: runs for each other active opportunity instead */
	int done_stage;    /* when a task of it is done, its opportunity moves here (-1: no) */
};

struct playbook {
	struct rule *rules;
	size_t n, alloc;
	/* a hash of every text parsed into it, in order (0: none yet): the
	 * time rules are run again when the rules change (playbook_run.c) */
	uint64_t fingerprint;
};

/* Checks a parser asks of the world: does a letter template exist? NULL: any does. */
typedef bool (*template_exists_fn)(const char *name);

/* fingerprint (0: none yet) with text added, as playbook_parse adds each
 * text it reads: the same texts in the same order give pb's fingerprint. */
uint64_t playbook_fingerprint_add(uint64_t fingerprint, const char *text, size_t len);

/*
 * Read rules from text into pb: new names are added, a known name is
 * replaced, a section with only "enabled = no" turns off the rule or the
 * playbook of that name. file names the text in messages ("FILE:LINE: ...").
 */
int playbook_parse(struct playbook *pb, const char *file, const char *text, size_t len,
		   template_exists_fn template_exists, struct error *err);
/* The rule called name, or NULL. */
const struct rule *playbook_find(const struct playbook *pb, const char *name);
void playbook_release(struct playbook *pb);

/* How many days after its event logging the event still starts rule r:
 * its window, else its due (silence: its days and due) plus a week. */
int rule_window(const struct rule *r);
/* Is r started by an interaction (on = interaction, or a silence after one),
 * so that its window applies? */
bool rule_has_window(const struct rule *r);

/* Does the rule say what ends it (or that nothing does, "ends = never")? */
bool rule_has_end(const struct rule *r);
/* "inbound, stage, offer": what ends r, for listings ("" when nothing). */
void rule_ends_text(const struct rule *r, char *buf, size_t size);

/* Names of the vocabularies, for messages and listings. */
const char *trigger_name(enum trigger t);
/* "hiring-manager, highest-rapport": the people choices of r. */
void rule_people_text(const struct rule *r, char *buf, size_t size);

#endif
