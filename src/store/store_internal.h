/* store_internal.h: what the store's files share and nothing outside store/ sees. */
#ifndef RAPPORT_STORE_INTERNAL_H
#define RAPPORT_STORE_INTERNAL_H

#include <string.h>

#include "store/db.h"
#include "store/store.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

/* At least store_ntables (schema.c checks it at compile time). */
#define STORE_MAX_TABLES 32

/* A person's next touch: their last contact (else when they were added)
 * plus their cadence; NULL without a cadence. p is the table's alias with
 * its dot ("p.") or "". An expression, not a generated column: SQLite
 * 3.40's session extension (undo) cannot record a table that has one; the
 * index person_next_touch is on this same expression (schema.c, migration
 * 5), so a query that writes it so is as fast as the column was. */
/* The id in the element c of a json_each() over a run's ids: a number in
 * SQLite's, text in PostgreSQL's (schema_pg.c), whose = wants the types
 * alike. */
#define SQL_EACH_ID(c) "CAST(" c ".value AS INTEGER)"
#define SQL_NEXT_TOUCH(p)                                                         \
	"(CASE WHEN " p "cadence IS NULL THEN NULL ELSE date(coalesce(" p "last_contact, " \
	p "created_at), '+' || " p "cadence || ' days') END)"

/*
 * Comparing a moment column with a bound. A column holds UTC instants
 * ("...Z") and, for things logged on a day without a time, days; a bound
 * comes in twice: as its UTC instant (for the instants) and as the local
 * text it was given in (for the days: a day is compared as the local
 * calendar has it, "2026-03-02" before any time of that day). The first
 * range (col op the looser of the two bounds) is one an index on col
 * serves; the exact test then keeps the rows within a day of the bound
 * that belong on the other side. SQL_MOMENT_BEFORE takes "<" or "<=",
 * SQL_MOMENT_AFTER ">" or ">=".
 */
#define SQL_MOMENT_EXACT(col, op, instant, local)                                \
	"((" col " " op " " instant " AND length(" col ") > 10) OR (" col " " op " " \
	local " AND length(" col ") = 10))"
#define SQL_MOMENT_BEFORE(col, op, instant, local)                                \
	"(" col " " op " max(" instant ", " local ") AND "                        \
	SQL_MOMENT_EXACT(col, op, instant, local) ")"
#define SQL_MOMENT_AFTER(col, op, instant, local)                                 \
	"(" col " " op " min(" instant ", " local ") AND "                        \
	SQL_MOMENT_EXACT(col, op, instant, local) ")"
/* The UTC instant of a local day or time x, in SQL (SQLite's 'utc' takes
 * the zone in use, as the C library's localtime does). */
#define SQL_UTC_OF_LOCAL(x) "strftime('%Y-%m-%dT%H:%M:%SZ', " x ", 'utc')"
/* Bind a bound (a local day or time, as the layers above write it) as the
 * pair SQL_MOMENT_BEFORE and SQL_MOMENT_AFTER want: a day's instant is its local midnight. */
void bind_moment(struct db_stmt *st, int instant_idx, int local_idx, const char *value);
/* The first half of that: the UTC instant of a local day (its midnight) or
 * time, for a column that holds instants only (done_at, created_at...). */
void bind_instant(struct db_stmt *st, int idx, const char *value);
/* Bind now as that pair. */
void bind_now(const struct store *s, struct db_stmt *st, int instant_idx, int local_idx);

/* Is the task t (its alias with its dot, "t.", or "") shown on the day
 * `today` (a parameter, bound by bind_today)? A keep-in-touch task is made
 * ahead, when its lapse day becomes known, hidden until that day
 * (task.shown_on, schema.c migration 15), so that a new day writes
 * nothing: before it, no read that shows a task shows it. (A closed one was
 * reached: a clock set back shows it still.) */
#define SQL_TASK_SHOWN(t, today)                                                  \
	"(" t "shown_on IS NULL OR " t "shown_on <= " today " OR " t "status <> 'open')"
/* Is t a task made ahead that no run of the time rules has reached yet:
 * its day after `last`, the day of the last run (the mark's, tick.h)? Such
 * a task is the rules' guess of what they will make on its day; nobody has
 * seen it, and when what it was made for no longer holds it is deleted,
 * never skipped. One whose day a run has reached is a task like another. */
#define SQL_TASK_AHEAD(t, last) "(" t "shown_on IS NOT NULL AND " t "shown_on > " last ")"
/* The `last` of SQL_TASK_AHEAD read in the statement: the day of the last
 * run ("" before any), for a write outside a run that must leave such a
 * task to the run that follows it (which deletes it, or keeps it). */
#define SQL_LAST_RUN_DAY "ifnull((SELECT substr(key, 1, 10) FROM tick_state WHERE id = 1), '')"
/* Is t not such a task? */
#define SQL_TASK_NOT_AHEAD(t) "NOT " SQL_TASK_AHEAD(t, SQL_LAST_RUN_DAY)
/* Bind now's local day, the `today` of SQL_TASK_SHOWN. */
void bind_today(const struct store *s, struct db_stmt *st, int idx);

/* The day a person's cadence runs out, in the local calendar: basis (their
 * last contact, else when they were added: local, as col_time reads it)
 * plus cadence days; "" when basis is not a date. SQL_NEXT_TOUCH, which
 * an index holds, counts from the UTC day: it finds the candidates (with a
 * day to spare) and names a lapse; this says when it is due. */
void store_touch_day(const char *basis, int cadence, char day[DATE_BUFSZ]);

/* A new UID for a person, as a vCard 4.0 wants one: a UUID (version 7) as
 * a URN. The time in milliseconds, then the SQL expression counter (the
 * person's id where it is known: the people one statement adds get UIDs in
 * order, and the unique index on them grows at one end), then 40 random
 * bits. SQL, so that a migration and an INSERT ... SELECT of many people
 * make one each. */
#define SQL_UID_MS "CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)"
#define SQL_NEW_UID(counter)                                                      \
	"printf('urn:uuid:%08x-%04x-7%03x-%x%03x-%02x%s', " SQL_UID_MS " >> 16, "  \
	SQL_UID_MS " & 65535, ((" counter ") >> 20) & 4095, 8 + (((" counter ") >> 18) & 3)," \
	" ((" counter ") >> 6) & 4095, (" counter ") & 63, lower(hex(randomblob(5))))"
/* The same in C, for people handed to SQL one by one (an import's queue,
 * read through a virtual table; the SQL printf cost 4% of the import): ms
 * the time in milliseconds (one for all, as 'now' is in one statement). */
#define STORE_UID_SIZE 46 /* "urn:uuid:" and 36 characters, and the NUL */
void store_new_uid(char out[STORE_UID_SIZE], int64_t ms, int64_t counter);
int64_t store_uid_ms(void);


extern const char *const store_migrations[];
extern const size_t store_nmigrations;
extern const char *const store_migration_data[];
extern int (*const store_migration_after[])(struct store *, struct error *);

/* The schema version this build brings every database to: each backend's
 * list of migrations is this long (checked where each is defined). */
#define STORE_SCHEMA_VERSION 15

/* A backend's migrations (db.h's schema): sql[i] takes a database from
 * version i to i + 1 (NULL: nothing to do on this backend, which came
 * later), then after[i] runs (NULL: nothing). n is the store's schema
 * version, the same on every backend. */
struct store_schema {
	const char *const *sql;
	int (*const *after)(struct store *, struct error *);
	size_t n;
	/* Run after the store's migrations, whichever ran, in their
	 * transaction (NULL: nothing): what every table must have, a table a
	 * migration made too (PostgreSQL: the triggers that move the data
	 * version). */
	const char *after_any;
	/* A backend's own tables beyond the store's (PostgreSQL's: a
	 * practice's accounts, schema_pg.c), brought up to date after the
	 * store's, with a version of their own; NULL: none. */
	int (*own_tables)(struct store *, const char *path, bool read_only, struct error *);
};
extern const struct store_schema store_schema_sqlite; /* schema.c */
extern const struct store_schema store_schema_pg;     /* schema_pg.c */

/* The store's connection, for the backend's own files (db_sqlite*.c). */
struct db_conn *store_conn(struct store *s);
/* The id of the row the last INSERT added; how many rows the last
 * INSERT, UPDATE or DELETE changed. */
int64_t store_last_id(struct store *s);
int64_t store_changes(struct store *s);
/* A setting every transaction from the next one on sees (db.h's
 * session_setting; nothing where the backend keeps none). */
int store_session_setting(struct store *s, const char *name, const char *value,
			  struct error *err);
/* The account the open transaction acts for (db.h's act_for: on a write
 * transaction, with its write lock); nothing where the backend has none. */
int store_backend_act_for(struct store *s, int64_t account_id, struct error *err);
/* Whether a transaction is open on the store's connection. */
bool store_in_transaction(struct store *s);

/* The text of a statement for the store's backend: sqlite's, or pg's on
 * PostgreSQL, where the two dialects part (full-text search...). Both
 * static strings, as store_stmt wants. */
const char *store_sql(const struct store *s, const char *sqlite, const char *pg);
/* Whether the store's backend speaks PostgreSQL's SQL. */
bool store_speaks_pg(const struct store *s);

/* The prepared statement for sql (a static string: its address is the key),
 * prepared once per store and reset before it is handed out again. */
struct db_stmt *store_stmt(struct store *s, const char *sql, struct error *err);
/* A statement built at run time (not a static string) or used once: the
 * caller finalizes it. Like store_stmt, it starts with no failed bind. */
struct db_stmt *store_prepare(struct store *s, const char *sql, const char *doing,
			    struct error *err);
/* Report the database's last error for what was being done. */
int store_fail(struct store *s, const char *doing, struct error *err);
/* The same for a failure and its message (a backend's, before the store is open). */
int store_fail_message(enum db_failure failure, const char *message, const char *doing,
		       struct error *err);
/* Step st once, the one place a statement runs: a bind of st that failed
 * since store_stmt or store_prepare handed it out fails st here, before it
 * runs (and is then forgotten); another statement's never does. DB_ROW: a
 * row to read (reset st when done with it); DB_DONE: no more rows, st
 * reset; else a negative ERR_* code with err filled for what was being
 * done, st reset. */
int store_step(struct store *s, struct db_stmt *st, const char *doing, struct error *err);
/* The number a one-row query gives in its first column (a count, a largest
 * id), 0 when it gives no row; 0, or a negative ERR_* code. */
int store_number(struct store *s, struct db_stmt *st, int64_t *out, const char *doing,
		 struct error *err);
/* Step a statement that returns no rows; 0 when done. */
int store_exec_stmt(struct store *s, struct db_stmt *st, const char *doing, struct error *err);
/* Show rows as the table name to the statements run until store_rows_close
 * (store/db.h's struct db_rows). */
int store_rows_open(struct store *s, const char *name, const struct db_rows *rows,
		    const char *doing, struct error *err);
void store_rows_close(struct store *s, const char *name);
/* Run sql, SQL that returns no rows (several statements allowed, no parameters). */
int store_exec_sql(struct store *s, const char *sql, const char *doing, struct error *err);
/* Run sql (a static string, as for store_stmt), whose one parameter ?1 is id. */
int store_exec_id(struct store *s, const char *sql, int64_t id, const char *doing,
		  struct error *err);

/* Reads the row st is on into out. */
typedef void store_read_fn(struct db_stmt *st, void *out);
/* At most one row: 1 when there was one (read into out when read is not
 * NULL), 0 when none, a negative ERR_* code on failure. st is reset. */
int store_first(struct store *s, struct db_stmt *st, store_read_fn *read, void *out,
		const char *doing, struct error *err);
/* Exactly one row, the `what` numbered id: 0 with it read into out,
 * ERR_NOT_FOUND ("no what id") without. */
int store_one(struct store *s, struct db_stmt *st, store_read_fn *read, void *out,
	      const char *what, int64_t id, struct error *err);
/* A store_read_fn: column 0 into an int64_t. */
void store_read_id(struct db_stmt *st, void *id);
/* A store_read_fn: column 0 pushed onto an id_vec. */
void store_push_id(struct db_stmt *st, void *ids);
/* 1 when st returns a row, 0 when none, a negative ERR_* code on failure. */
int store_exists(struct store *s, struct db_stmt *st, const char *doing, struct error *err);
/* read(st, out) on every row; 0 when all were read, else an ERR_* code. */
int store_each(struct store *s, struct db_stmt *st, store_read_fn *read, void *out,
	       const char *doing, struct error *err);

/* Binding: NULL text, a negative number and a zero id bind SQL NULL. */
void bind_text(struct db_stmt *st, int idx, const char *value);
/* bind_text without the backend's copy: value (len bytes, or to its NUL when
 * len < 0) must outlive the statement's next step. */
void bind_text_static(struct db_stmt *st, int idx, const char *value, int len);
/* value (malloc'd, may be NULL) is the statement's, freed by the backend. */
void bind_text_owned(struct db_stmt *st, int idx, char *value);
/* A moment given in local time (or with its offset) bound as the UTC
 * instant the store keeps (date_to_instant); a date alone as it is. */
void bind_time(struct db_stmt *st, int idx, const char *value);
/* The offset from UTC (minutes east) the zone in use has at the local time
 * value; NULL for a day without a time. What interaction.at_offset keeps. */
void bind_local_offset(struct db_stmt *st, int idx, const char *value);
void bind_opt_int(struct db_stmt *st, int idx, int64_t value);
void bind_id(struct db_stmt *st, int idx, int64_t id);

/* Reading: a copy of the column, NULL for SQL NULL; -1 for a NULL number. */
char *col_text(struct db_stmt *st, int idx);
int64_t col_opt_int(struct db_stmt *st, int idx);
/* A stored moment as the layers above want it: local wall-clock time
 * (date_from_instant). Every column that holds a moment is read so:
 * col_time for a time someone gave (to the minute, unless it has seconds),
 * col_stamp for when rapport did something (created_at, updated_at,
 * done_at: to the second). */
char *col_time(struct db_stmt *st, int idx);
char *col_stamp(struct db_stmt *st, int idx);
/* Now as the UTC instant the store writes (created_at, updated_at, ...,
 * and the "now" its queries compare moments with). */
const char *store_instant(const struct store *s);
/* What store_upgrade_note will say. */
void store_set_note(struct store *s, const char *note);
/* The schema version the file had when opened (0: a new database). */
int store_opened_at_version(const struct store *s);
/* An opportunity as a reference: its id, slug, title and organisation's
 * name in the columns first .. first + 3. */
/* An opp_ref from five columns from first: id, slug, title, the organisation's name and id. */
void col_opp_ref(struct db_stmt *st, int first, struct opp_ref *o);

/* An enum stored by name; -1 when the name is unknown (a damaged file). */
int col_enum(struct db_stmt *st, int idx, const struct enum_def *def);

/* An interaction as interaction.c reads it: INTERACTION_SELECT's columns
 * into i, then its people (for the exports' queries too). */
#define INTERACTION_SELECT                                                       \
	"SELECT i.id, i.kind, i.at, i.direction, i.opp_id, p.slug, p.title, o.name,"   \
	" o.id, i.summary, i.notes, i.chemistry, i.created_at, i.at_offset"            \
	" FROM interaction i"                                                          \
	" LEFT JOIN opportunity p ON p.id = i.opp_id"                           \
	" LEFT JOIN organisation o ON o.id = p.org_id"
void store_interaction_read_row(struct db_stmt *st, struct interaction *i);
/* Run st (an INTERACTION_SELECT, bound by the caller): every row with its people. */
int store_interaction_read_all(struct store *s, struct db_stmt *st, interaction_vec *out,
			       struct error *err);

#endif
