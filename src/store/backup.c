/* backup.c: whole-database copies with SQLite's online backup API (see backup.h). */
#include "store/backup.h"

#include "store/store_internal.h"

#define BACKUP_BUSY_MS 30000 /* how long a busy database may hold up a backup or restore */

/* Tables every rapport schema has had since the first. */
static const char SQL_KNOWN_TABLES[] =
	"SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name IN "
	"('organisation', 'person', 'opportunity', 'interaction', 'task')";

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
	if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
		return error_set(err, ERR_STORE, "%s: the database stayed busy for %d s", doing,
				 BACKUP_BUSY_MS / 1000);
	return error_set(err, ERR_STORE, "%s: %s", doing, sqlite3_errstr(rc));
}

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

	if (sqlite3_open_v2(path, &dst, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK) {
		rc = error_set(err, ERR_IO, "cannot write '%s': %s", path,
			       dst ? sqlite3_errmsg(dst) : "out of memory");
		goto out;
	}
	if ((rc = copy_database(dst, store_db(s), "cannot back up the database", err)))
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

static int check_source(sqlite3 *src, const char *file, struct error *err)
{
	long version, tables;

	if (check_integrity(src, file, err))
		return err->code;
	version = query_int(src, "PRAGMA user_version");
	tables = query_int(src, SQL_KNOWN_TABLES);
	if (version > store_schema_version())
		return error_set(err, ERR_INVALID,
				 "'%s' was written by a newer rapport (schema %ld; this one knows up "
				 "to %d): upgrade rapport to restore it", file, version,
				 store_schema_version());
	if (version < 1 || tables != 5)
		return error_set(err, ERR_INVALID, "'%s' is not a rapport database", file);
	return 0;
}

/* file, opened read-only and checked; NULL with err set when it is not a
 * rapport database this build can restore. */
static sqlite3 *open_source(const char *file, struct error *err)
{
	sqlite3 *src = NULL;

	if (sqlite3_open_v2(file, &src, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK) {
		error_set(err, ERR_IO, "cannot read '%s': %s", file,
			  src ? sqlite3_errmsg(src) : "out of memory");
		sqlite3_close(src);
		return NULL;
	}
	sqlite3_busy_timeout(src, BACKUP_BUSY_MS);
	if (check_source(src, file, err)) {
		sqlite3_close(src);
		return NULL;
	}
	return src;
}

int store_backup_check(const char *file, struct error *err)
{
	sqlite3 *src = open_source(file, err);

	if (!src)
		return err->code;
	sqlite3_close(src);
	return 0;
}

int store_restore_from(struct store *s, const char *file, struct error *err)
{
	sqlite3 *src = open_source(file, err);
	int rc;

	if (!src)
		return err->code;
	rc = copy_database(store_db(s), src, "cannot restore the database", err);
	sqlite3_close(src);
	return rc;
}
