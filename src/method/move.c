/* move.c: a local database into a practice's account and back, through
 * the JSON backup (see move.h). */
#include "method/move.h"

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "method/dump.h"
#include "method/start.h"
#include "store/account.h"
#include "store/move.h"
#include "util/file_read.h"
#include "util/secret.h"

#define MOVE_WINDOW_BITS 33
/* as large a backup as `rapport import json` reads (io/json_dump.c) */
#define MOVE_FILE_MAX ((size_t)1 << 30)

int64_t move_id_base(int64_t account_id)
{
	/* a window of 2^33 ids an account: 2^32 for its rows, 2^32 between it
	 * and the next for the ids the sequences hand out after a push */
	if (account_id <= 0 || account_id >= ((int64_t)1 << (62 - MOVE_WINDOW_BITS)))
		return 0;
	return account_id << MOVE_WINDOW_BITS;
}

int64_t move_id_in(int64_t base, int64_t local)
{
	/* a larger id came from the practice (pulled): it is its own */
	return local > 0 && local < MOVE_LOCAL_IDS ? base + local : local;
}

int64_t move_id_out(int64_t base, int64_t id)
{
	return base && id > base && id < base + MOVE_LOCAL_IDS ? id - base : id;
}

/* What the rows' ids become on the way: from one base to the other. */
struct id_map {
	int64_t from_base, to_base;
	char event[32], chain[32]; /* rule_fire's texts, rewritten */
};

static int64_t map_id(const struct id_map *m, int64_t id)
{
	return move_id_in(m->to_base, move_id_out(m->from_base, id));
}

static bool holds_id(const char *col)
{
	size_t n = strlen(col);

	return !strcmp(col, "id") || (n > 3 && !strcmp(col + n - 3, "_id"));
}

/* "i:ID", "s:ID" or "t:ID" with the id mapped into buf; other texts as
 * they are. */
static const char *map_event(const struct id_map *m, const char *text, char *buf, size_t size)
{
	char *end;
	long long id;

	if (!text || !strchr("ist", text[0]) || text[0] == 0 || text[1] != ':')
		return text;
	errno = 0;
	id = strtoll(text + 2, &end, 10);
	if (errno || *end || end == text + 2 || id <= 0)
		return text;
	snprintf(buf, size, "%c:%lld", text[0], (long long)map_id(m, id));
	return buf;
}

/* A row's ids from one side's to the other's (a dump_map's fn). */
static int map_row(void *ctx, const char *table, const char *const *cols, struct cell_value *values,
		   struct error *err)
{
	struct id_map *m = ctx;

	(void)err; /* every row maps */
	for (size_t c = 0; cols[c]; c++) {
		struct cell_value *v = &values[c];

		if (v->type == VALUE_INTEGER && v->i > 0 && holds_id(cols[c]))
			v->i = map_id(m, v->i);
		else if (v->type == VALUE_TEXT && !strcmp(table, "rule_fire") &&
			 !strcmp(cols[c], "event"))
			v->text = map_event(m, v->text, m->event, sizeof(m->event));
		else if (v->type == VALUE_TEXT && !strcmp(table, "rule_fire") &&
			 !strcmp(cols[c], "chain"))
			v->text = map_event(m, v->text, m->chain, sizeof(m->chain));
	}
	return 0;
}

/* The account's window on a practice's database (under the walls), 0 on
 * a local file. */
static int account_base(struct store *s, int64_t *base, struct error *err)
{
	int64_t account;
	int rc;

	*base = 0;
	if (!store_has_accounts(s))
		return 0;
	if ((rc = store_walls_for_transaction(s, err)) || (rc = store_move_account(s, &account, err)))
		return rc;
	if (!(*base = move_id_base(account)))
		return error_set(err, ERR_INVALID, "the account's id %" PRId64 " is too large",
				 account);
	return 0;
}

int move_export(struct store *s, struct strbuf *out, int64_t *base, struct error *err)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *mem;
	int rc;

	if ((rc = account_base(s, base, err)))
		return rc;
	if (!(mem = open_memstream(&buf, &len)))
		return error_set(err, ERR_IO, "out of memory");
	rc = dump_export_tables(s, mem, store_ntables_moved, err);
	if (fclose(mem) && !rc)
		rc = error_set(err, ERR_IO, "cannot write the export: %s", strerror(errno));
	if (!rc)
		strbuf_add(out, buf, len);
	free(buf);
	return rc;
}

/* The destination empty, or emptied with replace. */
static int make_room(struct store *s, bool replace, struct move_result *r, struct error *err)
{
	if (store_is_empty(s))
		return 0;
	if (!replace)
		return error_set(err, ERR_CONFLICT,
				 "%s has data already: --replace deletes it "
				 "and loads this in its place",
				 store_has_accounts(s) ? "the account" : "the database");
	r->replaced = true;
	return store_move_clear(s, err);
}

/* A calendar feed's token that came along is made anew. */
static int new_calendar_key(struct store *s, struct move_result *r, struct error *err)
{
	char token[65];
	char *old = NULL;
	int rc = store_setting_get(s, START_CALENDAR_KEY, &old, err);

	if (rc || !old)
		return rc;
	free(old);
	r->new_calendar_key = true;
	if ((rc = secret_hex(token, sizeof(token) - 1, err)))
		return rc;
	return store_setting_set(s, START_CALENDAR_KEY, token, err);
}

/* The document in text (named `name` in messages, with tables among the
 * first ntables of store_tables) into s, whose account's window is
 * to_base (0: a local file). */
static int load_text(struct store *s, const struct strbuf *text, const char *name, size_t ntables,
		     int64_t from_base, int64_t to_base, struct move_result *r, struct error *err)
{
	struct id_map m = { .from_base = from_base, .to_base = to_base };
	struct dump_map map = { map_row, &m };
	struct json_dump_doc d;
	int rc;

	if ((rc = json_dump_parse(text->buf, text->len, name, store_schema_version(), store_tables,
				  ntables, &d, err)))
		return rc;
	rc = dump_load(s, &d, &map, &r->rows, err);
	json_dump_release(&d);
	/* no other account's row ever takes an id of this one's window */
	if (!rc && to_base)
		rc = store_move_reserve(s, to_base + MOVE_LOCAL_IDS, err);
	if (!rc)
		rc = new_calendar_key(s, r, err);
	return rc;
}

int move_load(struct store *s, const struct strbuf *text, int64_t from_base, bool replace,
	      struct move_result *r, struct error *err)
{
	int64_t to_base;
	int rc;

	memset(r, 0, sizeof(*r));
	if ((rc = account_base(s, &to_base, err)) || (rc = make_room(s, replace, r, err)))
		return rc;
	return load_text(s, text, "the export", store_ntables_moved, from_base, to_base, r, err);
}

int move_import(struct store *s, const char *path, long *rows, struct error *err)
{
	struct strbuf text = STRBUF_INIT;
	struct move_result r = { 0 };
	int64_t to_base;
	int rc;

	*rows = 0;
	if (!store_has_accounts(s))
		return dump_import(s, path, rows, err);
	if ((rc = account_base(s, &to_base, err)))
		return rc;
	if (!store_is_empty(s))
		return error_set(err, ERR_CONFLICT,
				 "the account is not empty: a backup loads into "
				 "an empty one");
	if (!(rc = file_read_named(path, MOVE_FILE_MAX, &text, err)))
		rc = load_text(s, &text, path, store_ntables, 0, to_base, &r, err);
	strbuf_release(&text);
	*rows = r.rows;
	return rc;
}
