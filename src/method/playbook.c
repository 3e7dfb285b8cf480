/* playbook.c: reading playbook rules from INI text, with line-numbered errors. */
#include "method/playbook.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/text.h"
#include "core/ini.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

/* ---- the parsed sections, before they become rules ---- */

struct entry {
	char *key, *value;
	int line;
};

struct section {
	char *name;
	int line;
	VEC(struct entry) entries;
};

typedef VEC(struct section) section_vec;

static int collect(void *ctx, const char *section, const char *key, const char *value, int line,
		   struct error *err)
{
	section_vec *v = ctx;
	struct entry *e;

	(void)err;
	if (!key) {
		struct section *s = VEC_PUSH(v);
		s->name = xstrdup(section);
		s->line = line;
		return 0;
	}
	e = VEC_PUSH(&v->items[v->n - 1].entries);
	e->key = xstrdup(key);
	e->value = xstrdup(value);
	e->line = line;
	return 0;
}

static void sections_release(section_vec *v)
{
	for (size_t i = 0; i < v->n; i++) {
		struct section *s = &v->items[i];
		for (size_t k = 0; k < s->entries.n; k++) {
			free(s->entries.items[k].key);
			free(s->entries.items[k].value);
		}
		free(s->entries.items);
		free(s->name);
	}
	free(v->items);
}

/* ---- vocabularies ---- */

static const char *const trigger_names[] = { "interaction", "stage", "silence", "cadence",
					     "done", "deadline", "mismatch" };
#define NTRIGGERS (ARRAY_SIZE(trigger_names))
static const char *const set_names[] = { "participants", "met", "role", "highest-rapport",
					 "same", "person", "nobody", "helped" };
/* Merge fields a rule's title and why may use (see engine.c). */
static const char *const rule_fields[] = { "person", "first", "org", "opp", "date", "days",
					   "stage", "kind", "role", "rapport", "person_note",
					   "level_applied", "level_offered", "last_contact" };

const char *trigger_name(enum trigger t)
{
	return trigger_names[t];
}

void rule_people_text(const struct rule *r, char *buf, size_t size)
{
	size_t used = 0;

	buf[0] = '\0';
	for (size_t i = 0; i < r->nwho && used < size; i++) {
		const struct people_choice *c = &r->who[i];
		const char *name = c->set == PEOPLE_ROLE ? enum_name(&role_def, c->role)
							: set_names[c->set];
		int n = snprintf(buf + used, size - used, "%s%s", i ? ", " : "", name);
		if (n < 0)
			break;
		used += (size_t)n;
	}
}

/* ---- values ---- */

struct reader {
	const char *file;
	template_exists_fn template_exists;
	struct error *err;
};

static int fail(struct reader *rd, int line, const char *fmt, const char *a, const char *b)
{
	char msg[400];

	snprintf(msg, sizeof(msg), fmt, a, b);
	return error_set_at(rd->err, ERR_INVALID, rd->file, line, "%s", msg);
}

/* e2 (about an entry's value) at the entry's line, naming its key. */
static int error_key(struct reader *rd, const struct entry *e, const struct error *e2)
{
	error_set_at(rd->err, ERR_INVALID, rd->file, e->line, "%s", e2->msg);
	error_set_field(rd->err, e->key);
	return ERR_INVALID;
}

/* Call fn for each word of a list separated by commas and spaces. */
static int each_word(struct reader *rd, const struct entry *e,
		     int (*fn)(struct reader *, const struct entry *, const char *, void *),
		     void *ctx)
{
	char *copy = xstrdup(e->value), *p = copy;
	int rc = 0, words = 0;

	while (*p && !rc) {
		char *start;
		while (*p == ',' || isspace((unsigned char)*p))
			p++;
		start = p;
		while (*p && *p != ',' && !isspace((unsigned char)*p))
			p++;
		if (*p)
			*p++ = '\0';
		if (*start) {
			rc = fn(rd, e, start, ctx);
			words++;
		}
	}
	free(copy);
	if (!rc && !words)
		rc = fail(rd, e->line, "'%s' needs a value", e->key, NULL);
	return rc;
}

static int enum_word(struct reader *rd, const struct entry *e, const struct enum_def *def,
		     const char *word, int *out)
{
	struct error e2 = ERROR_INIT;
	int v = enum_parse(def, word, &e2);

	if (v < 0)
		return error_key(rd, e, &e2);
	*out = v;
	return 0;
}

struct mask_ctx {
	const struct enum_def *def;
	unsigned mask;
};

static int add_to_mask(struct reader *rd, const struct entry *e, const char *word, void *vctx)
{
	struct mask_ctx *m = vctx;
	int v;

	if (enum_word(rd, e, m->def, word, &v))
		return ERR_INVALID;
	m->mask |= 1u << v;
	return 0;
}

static int read_mask(struct reader *rd, const struct entry *e, const struct enum_def *def,
		     unsigned *out)
{
	struct mask_ctx m = { def, 0 };

	if (each_word(rd, e, add_to_mask, &m))
		return ERR_INVALID;
	*out = m.mask;
	return 0;
}

static int read_int(struct reader *rd, const struct entry *e, long min, long max, int *out)
{
	struct error e2 = ERROR_INIT;
	const char *v = e->value[0] == '+' ? e->value + 1 : e->value;
	long n;

	if (text_parse_int(e->key, v, min, max, &n, &e2))
		return error_key(rd, e, &e2);
	*out = (int)n;
	return 0;
}

static int read_bool(struct reader *rd, const struct entry *e, bool *out)
{
	if (!strcmp(e->value, "yes") || !strcmp(e->value, "true"))
		*out = true;
	else if (!strcmp(e->value, "no") || !strcmp(e->value, "false"))
		*out = false;
	else
		return fail(rd, e->line, "'%s' must be yes or no, not '%s'", e->key, e->value);
	return 0;
}

static int add_choice(struct reader *rd, const struct entry *e, const char *word, void *vctx)
{
	struct rule *r = vctx;
	struct people_choice *c;
	struct error e2 = ERROR_INIT;
	int role;

	if (r->nwho == RULE_MAX_CHOICES)
		return fail(rd, e->line, "'for' takes at most 4 choices", NULL, NULL);
	c = &r->who[r->nwho];
	for (size_t i = 0; i < ARRAY_SIZE(set_names); i++) {
		if (i != PEOPLE_ROLE && !strcmp(set_names[i], word)) {
			c->set = (enum people_set)i;
			r->nwho++;
			return 0;
		}
	}
	if ((role = enum_parse(&role_def, word, &e2)) < 0)
		return fail(rd, e->line,
			    "unknown set of people '%s' (expected participants, met, "
			    "highest-rapport, same, person, nobody, helped or a role such as %s)",
			    word, "hiring-manager");
	c->set = PEOPLE_ROLE;
	c->role = role;
	r->nwho++;
	return 0;
}

static const char *const end_names[] = { "inbound", "stage", "closed", "reached", "contact",
					 "never" };
#define NENDS (ARRAY_SIZE(end_names))

static int add_end(struct reader *rd, const struct entry *e, const char *word, void *vctx)
{
	struct rule *r = vctx;
	struct error e2 = ERROR_INIT;
	int stage;

	for (size_t i = 0; i < NENDS; i++) {
		if (!strcmp(word, end_names[i])) {
			r->cancel |= 1u << i;
			return 0;
		}
	}
	if ((stage = enum_parse(&stage_def, word, &e2)) >= 0) {
		r->end_stages |= 1u << stage;
		return 0;
	}
	return fail(rd, e->line,
		    "unknown '%s' event '%s' (expected inbound, stage, closed, reached, contact, "
		    "never or a stage such as offer)", e->key, word);
}

bool rule_has_window(const struct rule *r)
{
	return r->trigger == TRIGGER_INTERACTION || (r->trigger == TRIGGER_SILENCE && !r->after_rule);
}

int rule_window(const struct rule *r)
{
	int base = r->due > 0 ? r->due : 0;

	if (r->window)
		return r->window;
	return (r->trigger == TRIGGER_SILENCE ? r->days + base : base) + 7;
}

bool rule_has_end(const struct rule *r)
{
	return r->cancel || r->end_stages;
}

void rule_ends_text(const struct rule *r, char *buf, size_t size)
{
	size_t used = 0;

	buf[0] = '\0';
	for (int i = 0; i < (int)NENDS + (int)stage_def.count && used < size; i++) {
		bool on = i < (int)NENDS ? r->cancel & (1u << i)
					 : r->end_stages & (1u << (i - (int)NENDS));
		const char *name = i < (int)NENDS ? end_names[i]
						  : enum_name(&stage_def, i - (int)NENDS);
		int n;
		if (!on)
			continue;
		n = snprintf(buf + used, size - used, "%s%s", used ? ", " : "", name);
		if (n < 0)
			break;
		used += (size_t)n;
	}
}

/* Every {field} in text must be one a rule can fill. */
static int check_fields(struct reader *rd, const struct entry *e)
{
	for (const char *p = e->value; (p = strchr(p, '{')); ) {
		const char *end = strchr(p, '}');
		bool known = false;
		size_t n;

		if (!end)
			return fail(rd, e->line, "a '{' in '%s' is not closed", e->key, NULL);
		n = (size_t)(end - p - 1);
		for (size_t i = 0; i < ARRAY_SIZE(rule_fields); i++)
			known |= strlen(rule_fields[i]) == n && !strncmp(rule_fields[i], p + 1, n);
		if (!known) {
			char field[64];
			snprintf(field, sizeof(field), "%.*s", (int)(n < 60 ? n : 60), p + 1);
			return fail(rd, e->line, "unknown merge field '{%s}' in '%s'", field, e->key);
		}
		p = end + 1;
	}
	return text_check(e->key, e->value, TEXT_ONE_LINE, NULL) ? fail(rd, e->line,
		"'%s' must be one line of text", e->key, NULL) : 0;
}

static int read_after(struct reader *rd, const struct entry *e, struct rule *r)
{
	struct entry sub = *e;

	if (!strncmp(e->value, "done ", 5)) {
		const char *name = e->value + 5;
		while (isspace((unsigned char)*name))
			name++;
		if (name_check("rule name", name, NULL))
			return fail(rd, e->line, "'after = done RULE' needs a rule name, not '%s'",
				    name, NULL);
		free(r->after_rule);
		r->after_rule = xstrdup(name);
		return 0;
	}
	sub.key = (char *)"after";
	return read_mask(rd, &sub, &interaction_kind_def, &r->kinds);
}

/* Apply one key of a rule's section. */
static int read_key(struct reader *rd, const struct entry *e, struct rule *r)
{
	const char *k = e->key;
	int v;

	if (!strcmp(k, "description")) {
		free(r->description);
		r->description = xstrdup(e->value);
	} else if (!strcmp(k, "enabled")) {
		return read_bool(rd, e, &r->enabled);
	} else if (!strcmp(k, "on")) {
		for (v = 0; v < (int)NTRIGGERS && strcmp(trigger_names[v], e->value); v++)
			;
		if (v == (int)NTRIGGERS)
			return fail(rd, e->line, "unknown trigger '%s' (expected interaction, stage, "
				    "silence, cadence, done, deadline or mismatch)", e->value, NULL);
		r->trigger = (enum trigger)v;
	} else if (!strcmp(k, "kind")) {
		return read_mask(rd, e, r->trigger == TRIGGER_DONE ? &task_kind_def
								   : &interaction_kind_def,
				 &r->kinds);
	} else if (!strcmp(k, "direction")) {
		return enum_word(rd, e, &direction_def, e->value, &r->direction);
	} else if (!strcmp(k, "stage")) {
		return enum_word(rd, e, &stage_def, e->value, &r->stage);
	} else if (!strcmp(k, "stages")) {
		return read_mask(rd, e, &stage_def, &r->stages);
	} else if (!strcmp(k, "after")) {
		return read_after(rd, e, r);
	} else if (!strcmp(k, "rule")) {
		if (name_check("rule name", e->value, NULL))
			return fail(rd, e->line, "'%s' is not a rule name", e->value, NULL);
		free(r->after_rule);
		r->after_rule = xstrdup(e->value);
	} else if (!strcmp(k, "days")) {
		return read_int(rd, e, 1, 3650, &r->days);
	} else if (!strcmp(k, "repeat")) {
		return read_int(rd, e, 1, 20, &r->repeat);
	} else if (!strcmp(k, "every")) {
		return read_int(rd, e, 1, 3650, &r->every);
	} else if (!strcmp(k, "for")) {
		r->nwho = 0;
		return each_word(rd, e, add_choice, r);
	} else if (!strcmp(k, "min-rapport")) {
		return read_int(rd, e, 0, 5, &r->min_rapport);
	} else if (!strcmp(k, "task")) {
		return enum_word(rd, e, &task_kind_def, e->value, &r->task_kind);
	} else if (!strcmp(k, "title") || !strcmp(k, "why")) {
		char **f = !strcmp(k, "title") ? &r->title : &r->why;
		if (check_fields(rd, e))
			return ERR_INVALID;
		free(*f);
		*f = xstrdup(e->value);
	} else if (!strcmp(k, "template")) {
		if (name_check("template name", e->value, NULL) ||
		    (rd->template_exists && !rd->template_exists(e->value)))
			return fail(rd, e->line, "unknown template '%s'", e->value, NULL);
		free(r->template);
		r->template = xstrdup(e->value);
	} else if (!strcmp(k, "due")) {
		return read_int(rd, e, -3650, 3650, &r->due);
	} else if (!strcmp(k, "window")) {
		return read_int(rd, e, 1, 3650, &r->window);
	} else if (!strcmp(k, "set-cadence")) {
		return read_int(rd, e, 1, 3650, &r->set_cadence);
	} else if (!strcmp(k, "over")) {
		if (strcmp(e->value, "this") && strcmp(e->value, "others"))
			return fail(rd, e->line, "'over' is this or others, not '%s'", e->value, NULL);
		r->over_others = !strcmp(e->value, "others");
	} else if (!strcmp(k, "done-stage")) {
		return enum_word(rd, e, &stage_def, e->value, &r->done_stage);
	} else if (!strcmp(k, "ends") || !strcmp(k, "cancel")) {
		/* "cancel" is the key's first name, still read in older files */
		r->cancel = r->end_stages = 0;
		return each_word(rd, e, add_end, r);
	} else {
		return fail(rd, e->line, "unknown key '%s'", k, NULL);
	}
	return 0;
}

/* The people a rule is for when its section does not say. */
static void default_people(struct rule *r)
{
	static const enum people_set defaults[] = {
		[TRIGGER_INTERACTION] = PEOPLE_PARTICIPANTS, [TRIGGER_STAGE] = PEOPLE_MET,
		[TRIGGER_SILENCE] = PEOPLE_HIGHEST_RAPPORT, [TRIGGER_CADENCE] = PEOPLE_PERSON,
		[TRIGGER_DONE] = PEOPLE_SAME, [TRIGGER_DEADLINE] = PEOPLE_NOBODY,
		[TRIGGER_MISMATCH] = PEOPLE_NOBODY,
	};

	if (r->nwho)
		return;
	r->who[0].set = r->trigger == TRIGGER_SILENCE && r->after_rule ? PEOPLE_SAME
									: defaults[r->trigger];
	r->nwho = 1;
}

/* Is choice c meaningful for the rule's trigger? */
static bool choice_fits(const struct rule *r, const struct people_choice *c)
{
	switch (c->set) {
	case PEOPLE_PARTICIPANTS:
		return r->trigger == TRIGGER_INTERACTION;
	case PEOPLE_SAME:
		return r->trigger == TRIGGER_DONE ||
		       (r->trigger == TRIGGER_SILENCE && r->after_rule);
	case PEOPLE_PERSON:
		return r->trigger == TRIGGER_CADENCE;
	case PEOPLE_NOBODY:
		return true;
	case PEOPLE_HELPED:
		return r->trigger == TRIGGER_STAGE && !r->over_others;
	default:
		return r->trigger != TRIGGER_CADENCE;
	}
}

static int check_rule(struct reader *rd, const struct section *s, struct rule *r, bool has_on)
{
	if (!has_on)
		return fail(rd, s->line, "rule '%s' needs a trigger: on = interaction, stage, "
			    "silence, cadence, done, deadline or mismatch", s->name, NULL);
	if (r->task_kind < 0 && !r->set_cadence)
		return fail(rd, s->line, "rule '%s' does nothing: give it a task or a set-cadence",
			    s->name, NULL);
	if (r->task_kind >= 0 && !r->title)
		return fail(rd, s->line, "rule '%s' needs a title for its task", s->name, NULL);
	if (r->trigger == TRIGGER_INTERACTION && !r->kinds)
		return fail(rd, s->line, "rule '%s' needs the kind of interaction (kind = ...)",
			    s->name, NULL);
	if (r->trigger == TRIGGER_SILENCE && (!r->days || (!r->kinds && !r->after_rule)))
		return fail(rd, s->line, "rule '%s' needs 'after' and 'days' for a silence",
			    s->name, NULL);
	if (r->trigger == TRIGGER_DONE && !r->kinds && !r->after_rule)
		return fail(rd, s->line, "rule '%s' needs a task kind or a rule (kind = or rule =)",
			    s->name, NULL);
	if (r->over_others && r->trigger != TRIGGER_STAGE)
		return fail(rd, s->line, "rule '%s': 'over = others' is for on = stage", s->name,
			    NULL);
	if (r->window && !rule_has_window(r))
		return fail(rd, s->line, "rule '%s': 'window' is for on = interaction, or on = "
			    "silence after interactions", s->name, NULL);
	if (r->done_stage >= 0 && r->task_kind < 0)
		return fail(rd, s->line, "rule '%s': 'done-stage' needs a task", s->name, NULL);
	default_people(r);
	for (size_t i = 0; i < r->nwho; i++)
		if (!choice_fits(r, &r->who[i]))
			return fail(rd, s->line, "rule '%s': 'for = %s' does not fit its trigger",
				    s->name, set_names[r->who[i].set]);
	return 0;
}

static void rule_release(struct rule *r)
{
	free(r->name);
	free(r->description);
	free(r->origin);
	free(r->after_rule);
	free(r->title);
	free(r->why);
	free(r->template);
	memset(r, 0, sizeof(*r));
}

/* A section holding only "enabled" (and perhaps a description) switches
 * existing rules on or off: the rule of that name, or every rule of the
 * playbook of that name ("rejected" for "rejected.call"). */
static int switch_rules(struct reader *rd, struct playbook *pb, const struct section *s,
			bool enabled)
{
	size_t n = strlen(s->name), hits = 0;

	for (size_t i = 0; i < pb->n; i++) {
		const char *name = pb->rules[i].name;
		if (!strcmp(name, s->name) || (!strncmp(name, s->name, n) && name[n] == '.')) {
			pb->rules[i].enabled = enabled;
			hits++;
		}
	}
	return hits ? 0 : fail(rd, s->line, "no rule or playbook '%s' to switch on or off",
			       s->name, NULL);
}

static bool only_switch(const struct section *s, bool *enabled, struct reader *rd, int *rc)
{
	bool has_enabled = false;

	for (size_t i = 0; i < s->entries.n; i++) {
		const struct entry *e = &s->entries.items[i];
		if (!strcmp(e->key, "enabled")) {
			has_enabled = true;
			*rc = read_bool(rd, e, enabled);
		} else if (strcmp(e->key, "description")) {
			return false;
		}
	}
	return has_enabled;
}

static int read_section(struct reader *rd, struct playbook *pb, const struct section *s)
{
	struct rule r = { .enabled = true, .direction = -1, .stage = -1, .min_rapport = -1,
			  .task_kind = -1, .done_stage = -1 };
	bool has_on = false, enabled;
	int rc = 0;
	char origin[300];

	if (name_check("rule name", s->name, NULL))
		return fail(rd, s->line, "'%s' is not a rule name (a-z, 0-9, '-', '_', '.')",
			    s->name, NULL);
	if (only_switch(s, &enabled, rd, &rc))
		return rc ? rc : switch_rules(rd, pb, s, enabled);
	/* "on" first: the meaning of "kind" depends on it */
	for (size_t i = 0; i < s->entries.n && !rc; i++)
		if (!strcmp(s->entries.items[i].key, "on")) {
			rc = read_key(rd, &s->entries.items[i], &r);
			has_on = true;
		}
	for (size_t i = 0; i < s->entries.n && !rc; i++)
		if (strcmp(s->entries.items[i].key, "on"))
			rc = read_key(rd, &s->entries.items[i], &r);
	if (!rc)
		rc = check_rule(rd, s, &r, has_on);
	if (rc) {
		rule_release(&r);
		return rc;
	}
	r.name = xstrdup(s->name);
	snprintf(origin, sizeof(origin), "%s:%d", rd->file, s->line);
	r.origin = xstrdup(origin);
	for (size_t i = 0; i < pb->n; i++) {
		if (!strcmp(pb->rules[i].name, r.name)) {
			rule_release(&pb->rules[i]);
			pb->rules[i] = r;
			return 0;
		}
	}
	xgrow((void **)&pb->rules, sizeof(*pb->rules), pb->n + 1, &pb->alloc);
	pb->rules[pb->n++] = r;
	return 0;
}

uint64_t playbook_fingerprint_add(uint64_t fingerprint, const char *text, size_t len)
{
	uint64_t h = fingerprint ? fingerprint : 0xcbf29ce484222325u; /* FNV-1a */

	for (size_t i = 0; i < len; i++)
		h = (h ^ (unsigned char)text[i]) * 0x100000001b3u;
	return (h ^ len) * 0x100000001b3u; /* "ab" + "c" is not "a" + "bc" */
}

int playbook_parse(struct playbook *pb, const char *file, const char *text, size_t len,
		   template_exists_fn template_exists, struct error *err)
{
	struct reader rd = { file, template_exists, err };
	section_vec sections = { 0 };
	int rc = ini_parse(file, text, len, collect, &sections, err);

	pb->fingerprint = playbook_fingerprint_add(pb->fingerprint, text, len);

	for (size_t i = 0; i < sections.n && !rc; i++) {
		for (size_t j = 0; j < i && !rc; j++)
			if (!strcmp(sections.items[j].name, sections.items[i].name))
				rc = fail(&rd, sections.items[i].line,
					  "rule '%s' is defined twice in this file",
					  sections.items[i].name, NULL);
		if (!rc)
			rc = read_section(&rd, pb, &sections.items[i]);
	}
	sections_release(&sections);
	return rc;
}

const struct rule *playbook_find(const struct playbook *pb, const char *name)
{
	for (size_t i = 0; i < pb->n; i++)
		if (!strcmp(pb->rules[i].name, name))
			return &pb->rules[i];
	return NULL;
}

void playbook_release(struct playbook *pb)
{
	for (size_t i = 0; i < pb->n; i++)
		rule_release(&pb->rules[i]);
	free(pb->rules);
	pb->rules = NULL;
	pb->n = pb->alloc = 0;
	pb->fingerprint = 0;
}
