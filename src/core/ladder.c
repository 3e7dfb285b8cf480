/* ladder.c: the ladder of job levels: parsing it, and where a level or a title stands on it. */
#include "core/ladder.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/text.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

const char level_ladder_default[] =
	"coordinator | assistant | junior < specialist | associate < senior"
	" < lead | principal | staff < manager < senior manager"
	" < director | head < VP | vice president"
	" < SVP | senior vice president | EVP | executive vice president"
	" < C-level | chief | CEO | CTO | CFO | COO";

/* ---- names and keys ---- */

static bool word_byte(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80;
}

/* s folded to lower case as " word word " (words of letters and digits,
 * one space between them and around them); "  " when s has no word. */
static char *match_key(const char *s)
{
	char *folded = text_fold(s);
	struct strbuf sb = STRBUF_INIT;

	strbuf_addch(&sb, ' ');
	for (const unsigned char *p = (const unsigned char *)folded; *p; p++) {
		if (word_byte(*p))
			strbuf_addch(&sb, *p);
		else if (sb.buf[sb.len - 1] != ' ')
			strbuf_addch(&sb, ' ');
	}
	if (sb.buf[sb.len - 1] != ' ')
		strbuf_addch(&sb, ' ');
	free(folded);
	return strbuf_detach(&sb);
}

/* A copy of [p, end) without spaces around it, inner runs of spaces squeezed to one. */
static char *squeeze(const char *p, const char *end)
{
	struct strbuf sb = STRBUF_INIT;

	for (; p < end; p++) {
		if (*p != ' ' && *p != '\t')
			strbuf_addch(&sb, *p);
		else if (sb.len && sb.buf[sb.len - 1] != ' ')
			strbuf_addch(&sb, ' ');
	}
	strbuf_trim(&sb);
	return strbuf_detach(&sb);
}

/* ---- parsing ---- */

static int add_name(struct level_rung *r, size_t rung, const char *p, const char *end,
		    struct error *err)
{
	char *name = squeeze(p, end), *key;
	int rc = 0;

	if (!*name)
		rc = error_set(err, ERR_INVALID,
			       "levels: rung %zu has an empty name (write 'a | b' for synonyms)",
			       rung);
	else if (strlen(name) > LEVELS_NAME_MAX)
		rc = error_set(err, ERR_INVALID, "levels: '%.50s...' is too long (at most %d bytes)",
			       name, LEVELS_NAME_MAX);
	if (rc) {
		free(name);
		return rc;
	}
	key = match_key(name);
	if (strlen(key) < 3) { /* " ": no word at all */
		rc = error_set(err, ERR_INVALID, "levels: '%s' has no letters or digits", name);
		free(name);
		free(key);
		return rc;
	}
	r->names = xreallocarray(r->names, st_add(r->n, 1), sizeof(*r->names));
	r->keys = xreallocarray(r->keys, st_add(r->n, 1), sizeof(*r->keys));
	r->names[r->n] = name;
	r->keys[r->n++] = key;
	return 0;
}

static int parse_rung(struct level_ladder *l, const char *p, const char *end, struct error *err)
{
	struct level_rung *r;
	size_t number = l->n + 1;

	l->rungs = xreallocarray(l->rungs, st_add(l->n, 1), sizeof(*l->rungs));
	r = &l->rungs[l->n++];
	memset(r, 0, sizeof(*r));
	if (strspn(p, " \t") >= (size_t)(end - p))
		return error_set(err, ERR_INVALID,
				 "levels: rung %zu is empty (write the rungs lowest first: 'a < b < c')",
				 number);
	while (p <= end) {
		const char *bar = memchr(p, '|', (size_t)(end - p));
		const char *stop = bar ? bar : end;
		if (add_name(r, number, p, stop, err))
			return ERR_INVALID;
		p = stop + 1;
	}
	return 0;
}

/* The same name on two rungs would make a title's rank depend on the order. */
static int check_unique(const struct level_ladder *l, struct error *err)
{
	for (size_t a = 0; a < l->n; a++)
		for (size_t i = 0; i < l->rungs[a].n; i++)
			for (size_t b = a + 1; b < l->n; b++)
				for (size_t k = 0; k < l->rungs[b].n; k++)
					if (!strcmp(l->rungs[a].keys[i], l->rungs[b].keys[k]))
						return error_set(err, ERR_INVALID,
								 "levels: '%s' is on rungs %zu and %zu",
								 l->rungs[b].names[k], a + 1, b + 1);
	return 0;
}

int level_ladder_parse(const char *text, struct level_ladder *out, struct error *err)
{
	const char *p = text, *end;

	memset(out, 0, sizeof(*out));
	if (text_check("levels", text, TEXT_REQUIRED | TEXT_ONE_LINE, err))
		return ERR_INVALID;
	for (;;) {
		end = strchr(p, '<');
		if (!end)
			end = p + strlen(p);
		if (parse_rung(out, p, end, err))
			return ERR_INVALID;
		if (!*end)
			break;
		p = end + 1;
	}
	if (out->n < 2)
		return error_set(err, ERR_INVALID,
				 "levels: a ladder needs at least two rungs, lowest first: 'a < b'");
	return check_unique(out, err);
}

void level_ladder_release(struct level_ladder *l)
{
	for (size_t i = 0; i < l->n; i++) {
		for (size_t k = 0; k < l->rungs[i].n; k++) {
			free(l->rungs[i].names[k]);
			free(l->rungs[i].keys[k]);
		}
		free(l->rungs[i].names);
		free(l->rungs[i].keys);
	}
	free(l->rungs);
	l->rungs = NULL;
	l->n = 0;
}

char *level_ladder_text(const struct level_ladder *l)
{
	struct strbuf sb = STRBUF_INIT;

	for (size_t i = 0; i < l->n; i++)
		for (size_t k = 0; k < l->rungs[i].n; k++)
			strbuf_addf(&sb, "%s%s", k ? " | " : i ? " < " : "", l->rungs[i].names[k]);
	return strbuf_detach(&sb);
}

/* ---- ranking ---- */

int level_rank(const struct level_ladder *l, const char *text)
{
	char *key;
	size_t best_len = 0;
	int best = -1;

	if (!text || !*text)
		return -1;
	key = match_key(text);
	for (size_t i = 0; i < l->n; i++) {
		for (size_t k = 0; k < l->rungs[i].n; k++) {
			const char *name = l->rungs[i].keys[k];
			size_t len = strlen(name);
			/* >=: on a tie the higher rung, which comes later, wins */
			if (len >= best_len && strstr(key, name)) {
				best_len = len;
				best = (int)i;
			}
		}
	}
	free(key);
	return best;
}

const char *level_name(const struct level_ladder *l, int rank)
{
	return rank >= 0 && (size_t)rank < l->n ? l->rungs[rank].names[0] : NULL;
}

bool level_below(const struct level_ladder *l, const char *offered, const char *applied)
{
	int o = level_rank(l, offered), a = level_rank(l, applied);

	return o >= 0 && a >= 0 && o < a;
}
