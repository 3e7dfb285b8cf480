/* db_sqlite_backup.c: whole-database copies with SQLite's online backup API (see backup.h). */
#include "store/backup.h"

#include "core/text.h"
#include "store/db_sqlite.h"
#include "store/store_internal.h"

#include <stdlib.h>

#define BACKUP_BUSY_MS 30000 /* how long a busy database may hold up a backup or restore */

/*
 * A backup's schema, as it is compared with the one rapport makes: every
 * table, index, trigger and view, by type, name, table and SQL. Left out
 * are only what SQLite makes by itself, each by its exact name and SQL (a
 * crafted file may give a trigger any name, and SQLite builds each object
 * from its SQL, whatever the row's type and name say): the statistics of
 * ANALYZE or PRAGMA optimize, and the indexes of UNIQUE and PRIMARY KEY
 * constraints (no SQL of their own: they follow from their table's).
 */
static const char SQL_SCHEMA[] =
	"SELECT type, name, tbl_name, sql FROM main.sqlite_schema"
	" WHERE NOT (type = 'table' AND (name, sql) IN (VALUES"
	"  ('sqlite_stat1', 'CREATE TABLE sqlite_stat1(tbl,idx,stat)'),"
	"  ('sqlite_stat4', 'CREATE TABLE sqlite_stat4(tbl,idx,neq,nlt,ndlt,sample)')))"
	" AND NOT (type = 'index' AND sql IS NULL AND name GLOB 'sqlite_autoindex_*')"
	" ORDER BY name, type";

/* Copy the main database of src into dst in one step, waiting while either
 * is locked by another connection (up to BACKUP_BUSY_MS). */
static int copy_database(sqlite3 *dst, sqlite3 *src, const char *doing, struct error *err)
{
	sqlite3_backup *b = sqlite3_backup_init(dst, "main", src, "main");
	int rc, waited = 0;

	if (!b)
		return error_set(err, ERR_STORE, "%s: %s", doing, sqlite3_errmsg(dst));
	while ((rc = sqlite3_backup_step(b, -1)) == SQLITE_BUSY || rc == SQLITE_LOCKED) {
		if (waited >= BACKUP_BUSY_MS)
			break;
		sqlite3_sleep(50);
		waited += 50;
	}
	sqlite3_backup_finish(b);
	if (rc == SQLITE_DONE)
		return 0;
	if ((rc & 0xff) == SQLITE_FULL)
		return error_set(err, ERR_IO, "%s: the disk is full", doing);
	if (rc == SQLITE_NOTADB || (rc & 0xff) == SQLITE_CORRUPT)
		return error_set(err, ERR_INVALID, "%s: %s", doing, sqlite3_errstr(rc));
	if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
		return error_set(err, ERR_STORE, "%s: the database stayed busy for %d s", doing,
				 BACKUP_BUSY_MS / 1000);
	return error_set(err, ERR_STORE, "%s: %s", doing, sqlite3_errstr(rc));
}

/* The statements below run on another connection (the copy, or the file a
 * restore reads), bind nothing, and map SQLite's codes to their own
 * messages: they step by hand, the only ones outside store_step. */

/* PRAGMA integrity_check of db: 0 when it answers "ok", else the first
 * problem it reports (or why it could not run) in err. */
static int check_integrity(sqlite3 *db, const char *file, struct error *err)
{
	sqlite3_stmt *st;
	int rc;

	if (sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &st, NULL) != SQLITE_OK) {
		rc = sqlite3_errcode(db);
		goto fail;
	}
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		const char *first = (const char *)sqlite3_column_text(st, 0);
		if (first && !strcmp(first, "ok")) {
			sqlite3_finalize(st);
			return 0;
		}
		/* its first problem: the report spans lines, under a heading */
		if (first && !strncmp(first, "*** ", 4) && strchr(first, '\n'))
			first = strchr(first, '\n') + 1;
		error_set(err, ERR_INVALID, "'%s' is damaged (%.*s)", file,
			  first ? (int)strcspn(first, "\n") : 1, first ? first : "?");
		sqlite3_finalize(st);
		return ERR_INVALID;
	}
	sqlite3_finalize(st);
fail:
	if (rc == SQLITE_NOTADB)
		return error_set(err, ERR_INVALID, "'%s' is not a rapport database", file);
	if ((rc & 0xff) == SQLITE_CORRUPT)
		return error_set(err, ERR_INVALID, "'%s' is damaged (%s)", file, sqlite3_errstr(rc));
	return error_set(err, ERR_IO, "cannot read '%s': %s", file, sqlite3_errmsg(db));
}

/* One integer from a one-row query (-1 when it fails). */
static long query_int(sqlite3 *db, const char *sql)
{
	sqlite3_stmt *st;
	long v = -1;

	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
		return -1;
	if (sqlite3_step(st) == SQLITE_ROW)
		v = (long)sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

int store_backup_into(struct store *s, const char *path, struct error *err)
{
	sqlite3 *dst = NULL;
	int rc = 0;

	if (!db_sqlite_owns(s)) /* a practice backs up with pg_dump, or exports JSON */
		return error_set(err, ERR_INVALID,
				 "a PostgreSQL database is not backed up into a file: export it");
	if (sqlite3_open_v2(path, &dst, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK) {
		rc = error_set(err, ERR_IO, "cannot write '%s': %s", path,
			       dst ? sqlite3_errmsg(dst) : "out of memory");
		goto out;
	}
	if ((rc = copy_database(dst, db_sqlite_of(s), "cannot back up the database", err)))
		goto out;
	/* one file, no -wal beside it; then read it all back */
	if (sqlite3_exec(dst, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL) != SQLITE_OK) {
		rc = error_set(err, ERR_IO, "cannot write '%s': %s", path, sqlite3_errmsg(dst));
		goto out;
	}
	if (check_integrity(dst, path, err)) {
		rc = error_set(err, ERR_IO, "the copy of the database did not read back whole");
		goto out;
	}
	rc = sqlite3_close(dst) == SQLITE_OK
		     ? 0
		     : error_set(err, ERR_IO, "cannot write '%s': %s", path, sqlite3_errmsg(dst));
	dst = NULL;
out:
	sqlite3_close(dst);
	return rc;
}

/* One row of SQL_SCHEMA. */
struct schema_object {
	char *type, *name, *table, *sql;
};

struct schema {
	struct schema_object *items;
	size_t n, alloc;
};

static void schema_release(struct schema *sc)
{
	for (size_t i = 0; i < sc->n; i++) {
		free(sc->items[i].type);
		free(sc->items[i].name);
		free(sc->items[i].table);
		free(sc->items[i].sql);
	}
	free(sc->items);
	*sc = (struct schema){ 0 };
}

static char *column_copy(sqlite3_stmt *st, int i)
{
	const char *v = (const char *)sqlite3_column_text(st, i);

	return v ? xstrdup(v) : NULL;
}

/* db's schema (SQL_SCHEMA) into sc; the SQLite result code (SQLITE_DONE when read). */
static int schema_read(sqlite3 *db, struct schema *sc)
{
	sqlite3_stmt *st;
	int rc;

	if ((rc = sqlite3_prepare_v2(db, SQL_SCHEMA, -1, &st, NULL)) != SQLITE_OK)
		return sqlite3_extended_errcode(db);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct schema_object *o = VEC_PUSH(sc);
		o->type = column_copy(st, 0);
		o->name = column_copy(st, 1);
		o->table = column_copy(st, 2);
		o->sql = column_copy(st, 3);
	}
	sqlite3_finalize(st);
	return rc;
}

/* Order of SQL_SCHEMA: by name, then type (both NOT NULL in sqlite_schema;
 * a crafted file may still leave one NULL: then it sorts first). */
static int object_order(const struct schema_object *a, const struct schema_object *b)
{
	int c = strcmp(a->name ? a->name : "", b->name ? b->name : "");

	return c ? c : strcmp(a->type ? a->type : "", b->type ? b->type : "");
}

/* The first difference between the backup's schema and rapport's, said
 * in err; 0 when they are the same. */
static int schema_compare(const struct schema *got, const struct schema *want, const char *file,
			  struct error *err)
{
	size_t i = 0, j = 0;

	while (i < got->n || j < want->n) {
		const struct schema_object *g = i < got->n ? &got->items[i] : NULL;
		const struct schema_object *w = j < want->n ? &want->items[j] : NULL;
		int c = !g ? 1 : !w ? -1 : object_order(g, w);

		if (c < 0)
			return error_set(err, ERR_INVALID,
					 "'%s' has a %s '%s' that rapport does not make: it is not "
					 "a backup rapport made, or it was changed", file,
					 g->type ? g->type : "?", g->name ? g->name : "?");
		if (c > 0)
			return error_set(err, ERR_INVALID,
					 "'%s' lacks the %s '%s' that rapport makes: it is not a "
					 "whole rapport database", file, w->type, w->name);
		if (!text_same(g->table, w->table) || !text_same(g->sql, w->sql))
			return error_set(err, ERR_INVALID,
					 "'%s' has a %s '%s' that differs from the one rapport "
					 "makes: it is not a backup rapport made, or it was changed",
					 file, g->type, g->name);
		i++;
		j++;
	}
	return 0;
}

/* A connection to a database file that may come from anyone: its schema
 * (triggers, views) may call no function with side effects and use no
 * virtual table that is not harmless, and it cannot be written through
 * other means than SQL (defensive mode). */
static void distrust_schema(sqlite3 *db)
{
	sqlite3_db_config(db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, (int *)NULL);
	sqlite3_db_config(db, SQLITE_DBCONFIG_DEFENSIVE, 1, (int *)NULL);
}

/* The schema rapport makes at version (its first `version` migrations, in
 * a database in memory), into want. */
static int reference_schema(int version, struct schema *want, struct error *err)
{
	sqlite3 *db = NULL;
	int rc = 0;

	if (sqlite3_open_v2(":memory:", &db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK) {
		rc = error_set(err, ERR_STORE, "cannot make rapport's schema: %s",
			       db ? sqlite3_errmsg(db) : "out of memory");
		goto out;
	}
	for (int i = 0; i < version && !rc; i++)
		if (sqlite3_exec(db, store_migrations[i], NULL, NULL, NULL) != SQLITE_OK)
			rc = error_set(err, ERR_STORE, "cannot make rapport's schema: %s",
				       sqlite3_errmsg(db));
	if (!rc && schema_read(db, want) != SQLITE_DONE)
		rc = error_set(err, ERR_STORE, "cannot read rapport's schema: %s",
			       sqlite3_errmsg(db));
out:
	sqlite3_close(db);
	return rc;
}

/* Is the schema of db (a copy of file, of schema `version`) exactly the one
 * rapport makes at that version? Its triggers would run on the next
 * command: one planted there (AFTER INSERT ON interaction BEGIN DELETE
 * FROM person; END) would empty the people at the next `rapport log`. */
static int check_schema(sqlite3 *db, int version, const char *file, struct error *err)
{
	struct schema got = { 0 }, want = { 0 };
	int rc;

	if ((rc = reference_schema(version, &want, err)))
		goto out;
	if ((rc = schema_read(db, &got)) != SQLITE_DONE) {
		rc = (rc & 0xff) == SQLITE_CORRUPT || (rc & 0xff) == SQLITE_NOTADB
			     ? error_set(err, ERR_INVALID, "'%s' is damaged (%s)", file,
					 sqlite3_errmsg(db))
			     : error_set(err, ERR_IO, "cannot read '%s': %s", file,
					 sqlite3_errmsg(db));
		goto out;
	}
	rc = schema_compare(&got, &want, file, err);
out:
	schema_release(&got);
	schema_release(&want);
	return rc;
}

/* Is db (a copy of file) a sound rapport database of a schema this build
 * knows? The schema is compared before anything else reads the tables. */
static int check_copy(sqlite3 *db, const char *file, struct error *err)
{
	long version = query_int(db, "PRAGMA user_version");

	if (version > store_schema_version())
		return error_set(err, ERR_INVALID,
				 "'%s' was written by a newer rapport (schema %ld; this one knows up "
				 "to %d): upgrade rapport to restore it", file, version,
				 store_schema_version());
	if (version < 1)
		return error_set(err, ERR_INVALID, "'%s' is not a rapport database", file);
	if (check_schema(db, (int)version, file, err))
		return err->code;
	return check_integrity(db, file, err);
}

/*
 * file, copied whole into a private temporary database (SQLite's own, on
 * disk beside its other temporary files, deleted when it is closed) and
 * checked there; NULL with err set when it is not a rapport database this
 * build can restore. What is checked is what is restored: the file is
 * read once, so a file changed after its check changes nothing.
 */
static sqlite3 *load_copy(const char *file, struct error *err)
{
	sqlite3 *src = NULL, *copy = NULL;

	if (sqlite3_open_v2(file, &src, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK) {
		error_set(err, ERR_IO, "cannot read '%s': %s", file,
			  src ? sqlite3_errmsg(src) : "out of memory");
		goto fail;
	}
	distrust_schema(src);
	sqlite3_busy_timeout(src, BACKUP_BUSY_MS);
	if (sqlite3_open_v2("", &copy, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK) {
		error_set(err, ERR_IO, "cannot make a temporary copy of '%s': %s", file,
			  copy ? sqlite3_errmsg(copy) : "out of memory");
		goto fail;
	}
	distrust_schema(copy);
	if (copy_database(copy, src, "cannot read the backup", err)) {
		/* a file that is not a database fails on its first page */
		if (err->code == ERR_INVALID)
			error_set(err, ERR_INVALID, "'%s' is not a rapport database, or it is "
				  "damaged", file);
		goto fail;
	}
	sqlite3_close(src);
	if (check_copy(copy, file, err)) {
		sqlite3_close(copy);
		return NULL;
	}
	return copy;
fail:
	sqlite3_close(src);
	sqlite3_close(copy);
	return NULL;
}

struct backup_copy {
	sqlite3 *db;
};

int store_backup_load(const char *file, struct backup_copy **out, struct error *err)
{
	sqlite3 *db = load_copy(file, err);

	*out = NULL;
	if (!db)
		return err->code;
	*out = xcalloc(1, sizeof(**out));
	(*out)->db = db;
	return 0;
}

void store_backup_copy_free(struct backup_copy *c)
{
	if (!c)
		return;
	sqlite3_close(c->db);
	free(c);
}

int store_restore_from(struct store *s, const struct backup_copy *c, struct error *err)
{
	if (!db_sqlite_owns(s))
		return error_set(err, ERR_INVALID,
				 "a PostgreSQL database is not restored from a file: import JSON");
	return copy_database(db_sqlite_of(s), c->db, "cannot restore the database", err);
}
