/* mail_rules.c: reading the mail rules and finding them in a message (see mail_rules.h). */
#include "mail/mail_rules.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/ini.h"
#include "core/text.h"
#include "util/dirs.h"
#include "util/embedded.h"
#include "util/file_read.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

/* ---- folding ---- */

static bool is_word_byte(unsigned char c)
{
	return c >= 0x80 || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

/* The length of the punctuation at p that separates words as ASCII's
 * does: Unicode's General Punctuation (typographic apostrophes and
 * quotes, dashes, U+2000 to U+206F), a no-break space, « », ¡ and ¿;
 * 0 when there is none. */
static size_t separator_len(const unsigned char *p)
{
	if (p[0] == 0xE2 && (p[1] == 0x80 || p[1] == 0x81) && p[2])
		return 3;
	if (p[0] == 0xC2 && strchr("\xA0\xA1\xAB\xBB\xBF", p[1]) && p[1])
		return 2;
	return 0;
}

char *mail_rules_fold(const char *s)
{
	char *folded = text_fold_ascii(s ? s : "");
	struct strbuf out = STRBUF_INIT;
	const unsigned char *p = (const unsigned char *)folded;

	strbuf_addch(&out, ' ');
	while (*p) {
		size_t sep = separator_len(p);
		if (sep || !is_word_byte(*p)) {
			if (out.buf[out.len - 1] != ' ')
				strbuf_addch(&out, ' ');
			p += sep ? sep : 1;
			continue;
		}
		strbuf_addch(&out, (char)*p++);
	}
	if (out.buf[out.len - 1] != ' ')
		strbuf_addch(&out, ' ');
	free(folded);
	return strbuf_detach(&out);
}

/* ---- reading ---- */

static void rule_release(struct mail_rule *r)
{
	free(r->name);
	free(r->origin);
	for (size_t i = 0; i < r->phrases.n; i++) {
		free(r->phrases.items[i]);
		free(r->folded.items[i]);
	}
	free(r->phrases.items);
	free(r->folded.items);
	memset(r, 0, sizeof(*r));
}

void mail_rules_release(struct mail_rules *rules)
{
	for (size_t i = 0; i < rules->rules.n; i++)
		rule_release(&rules->rules.items[i]);
	free(rules->rules.items);
	memset(rules, 0, sizeof(*rules));
}

/* One file being read: the section in hand, and the names seen in it. */
struct rules_reader {
	struct mail_rules *rules;
	const char *file;
	struct mail_rule cur; /* cur.name NULL: no section yet */
	int line;             /* of cur's header */
	bool has_kind, has_enabled;
	VEC(char *) seen;
};

static bool rule_name_ok(const char *name)
{
	for (const char *p = name; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || strchr("-_.", *p)))
			return false;
	return *name != '\0';
}

static struct mail_rule *rule_named(struct mail_rules *rules, const char *name)
{
	for (size_t i = 0; i < rules->rules.n; i++)
		if (!strcmp(rules->rules.items[i].name, name))
			return &rules->rules.items[i];
	return NULL;
}

/* The section in hand, checked, into the rules (replacing one of its name). */
static int finish_section(struct rules_reader *rd, struct error *err)
{
	struct mail_rule *old;

	if (!rd->cur.name)
		return 0;
	old = rule_named(rd->rules, rd->cur.name);
	if (!rd->has_kind && !rd->cur.phrases.n && rd->has_enabled) { /* "enabled = no" alone */
		if (!old)
			return error_set_at(err, ERR_INVALID, rd->file, rd->line,
					    "there is no rule '%s' to turn on or off", rd->cur.name);
		old->enabled = rd->cur.enabled;
		rule_release(&rd->cur);
		return 0;
	}
	if (!rd->has_kind)
		return error_set_at(err, ERR_INVALID, rd->file, rd->line,
				    "rule '%s' says nothing to propose (propose = reject, ...)",
				    rd->cur.name);
	if (!rd->cur.phrases.n)
		return error_set_at(err, ERR_INVALID, rd->file, rd->line,
				    "rule '%s' has no phrase", rd->cur.name);
	if (old) {
		rule_release(old);
		*old = rd->cur;
	} else {
		*VEC_PUSH(&rd->rules->rules) = rd->cur;
	}
	memset(&rd->cur, 0, sizeof(rd->cur));
	return 0;
}

static int start_section(struct rules_reader *rd, const char *name, int line, struct error *err)
{
	char origin[300];
	int rc = finish_section(rd, err);

	if (rc)
		return rc;
	if (!rule_name_ok(name))
		return error_set_at(err, ERR_INVALID, rd->file, line,
				    "'%s' is not a rule name (a-z, 0-9, '-', '_', '.')", name);
	for (size_t i = 0; i < rd->seen.n; i++)
		if (!strcmp(rd->seen.items[i], name))
			return error_set_at(err, ERR_INVALID, rd->file, line,
					    "rule '%s' is defined twice in this file", name);
	*VEC_PUSH(&rd->seen) = xstrdup(name);
	snprintf(origin, sizeof(origin), "%s:%d", rd->file, line);
	rd->cur = (struct mail_rule){ .name = xstrdup(name), .origin = xstrdup(origin),
				      .enabled = true };
	rd->line = line;
	rd->has_kind = rd->has_enabled = false;
	return 0;
}

static int read_phrase(struct rules_reader *rd, const char *value, int line, struct error *err)
{
	char *folded = mail_rules_fold(value);

	if (strlen(folded) < 4) { /* " ab ": shorter would match by chance */
		free(folded);
		return error_set_at(err, ERR_INVALID, rd->file, line,
				    "a phrase needs at least two letters");
	}
	*VEC_PUSH(&rd->cur.phrases) = xstrdup(value);
	*VEC_PUSH(&rd->cur.folded) = folded;
	return 0;
}

static int read_key(void *ctx, const char *section, const char *key, const char *value, int line,
		    struct error *err)
{
	struct rules_reader *rd = ctx;
	int kind;

	if (!key)
		return start_section(rd, section, line, err);
	if (!strcmp(key, "phrase"))
		return read_phrase(rd, value, line, err);
	if (!strcmp(key, "enabled")) {
		if (strcmp(value, "yes") && strcmp(value, "no"))
			return error_set_at(err, ERR_INVALID, rd->file, line,
					    "enabled is yes or no, not '%s'", value);
		rd->cur.enabled = !strcmp(value, "yes");
		rd->has_enabled = true;
		return 0;
	}
	if (strcmp(key, "propose"))
		return error_set_at(err, ERR_INVALID, rd->file, line,
				    "unknown key '%s' (propose, phrase, enabled)", key);
	kind = enum_parse(&proposal_kind_def, value, NULL);
	if (kind < 0 || kind == PROPOSE_ADD_PERSON)
		return error_set_at(err, ERR_INVALID, rd->file, line,
				    "propose is reject, offer, interview, information-request or "
				    "application-received, not '%s'", value);
	rd->cur.kind = (enum proposal_kind)kind;
	rd->has_kind = true;
	return 0;
}

int mail_rules_parse(struct mail_rules *rules, const char *file, const char *text, size_t len,
		     struct error *err)
{
	struct rules_reader rd = { .rules = rules, .file = file };
	int rc = ini_parse(file, text, len, read_key, &rd, err);

	if (!rc)
		rc = finish_section(&rd, err);
	rule_release(&rd.cur);
	for (size_t i = 0; i < rd.seen.n; i++)
		free(rd.seen.items[i]);
	free(rd.seen.items);
	return rc;
}

static int load_builtin(struct mail_rules *rules, struct error *err)
{
	const struct embedded_file *f = embedded_find("mail-rules.ini");

	if (!f)
		return error_set(err, ERR_IO, "the built-in mail rules are missing");
	return mail_rules_parse(rules, "built-in mail-rules.ini", f->data, f->size, err);
}

char *mail_rules_user_path(void)
{
	return dirs_config_file("mail-rules.ini");
}

/* The built-in rules, then path's: required says whether it must exist. */
static int load_with(struct mail_rules *rules, const char *path, bool required,
		     struct error *err)
{
	struct strbuf text = STRBUF_INIT;
	int rc = load_builtin(rules, err);

	if (!rc && path)
		rc = file_read_named(path, CONFIG_FILE_MAX, &text, err);
	if (rc == ERR_NOT_FOUND && !required) {
		error_clear(err);
		rc = 0;
	} else if (rc == ERR_NOT_FOUND) {
		rc = error_set(err, ERR_IO, "cannot read '%s': no such file", path);
	} else if (!rc && path) {
		rc = mail_rules_parse(rules, path, text.buf, text.len, err);
	}
	strbuf_release(&text);
	return rc;
}

int mail_rules_load(struct mail_rules *rules, struct error *err)
{
	char *path = mail_rules_user_path();
	int rc = load_with(rules, path, false, err);

	free(path);
	return rc;
}

int mail_rules_check_file(const char *path, struct mail_rules *rules, struct error *err)
{
	return load_with(rules, path, true, err);
}

/* ---- matching ---- */

/* The first phrase of r found in one of the folded texts, or NULL. */
static const char *rule_phrase_in(const struct mail_rule *r, char *const *texts, size_t n)
{
	for (size_t i = 0; i < r->folded.n; i++)
		for (size_t t = 0; t < n; t++)
			if (strstr(texts[t], r->folded.items[i]))
				return r->phrases.items[i];
	return NULL;
}

bool mail_rules_match(const struct mail_rules *rules, const char *subject, const char *text,
		      struct mail_rule_match *m)
{
	char *texts[2] = { mail_rules_fold(subject), mail_rules_fold(text) };
	const char *phrase;

	m->rule = NULL;
	m->phrase = NULL;
	for (size_t i = 0; i < rules->rules.n; i++) {
		const struct mail_rule *r = &rules->rules.items[i];
		if (!r->enabled || (m->rule && m->rule->kind <= r->kind))
			continue;
		if ((phrase = rule_phrase_in(r, texts, 2))) {
			m->rule = r;
			m->phrase = phrase;
		}
	}
	free(texts[0]);
	free(texts[1]);
	return m->rule != NULL;
}
