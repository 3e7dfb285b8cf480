/*
 * cmd_backup.c: rapport backup FILE and rapport restore FILE: a copy of the
 * whole database file made with SQLite's online backup API, safe while the
 * web server or another command writes, and bringing such a copy back.
 *
 * backup copies in one step (one read transaction: a consistent snapshot,
 * writers are not held up in WAL mode) into a temporary file beside FILE,
 * checks the copy with PRAGMA integrity_check, makes it a self-contained
 * file (journal_mode DELETE), syncs it and renames it over FILE: FILE is
 * either the old file or the whole new copy, never half of one.
 *
 * restore checks FILE first (integrity_check, a rapport schema this build
 * knows), then copies it into the database in one step (one write
 * transaction: another connection sees the old data or the new, never a
 * mix) and upgrades its schema if it is older.
 */
#include "cli/cli.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define BACKUP_BUSY_MS 30000 /* how long a busy database may hold up a backup or restore */

/* Tables every rapport schema has had since the first. */
static const char known_tables_sql[] =
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

static bool same_file(const char *a, const char *b)
{
	struct stat sa, sb;

	return !stat(a, &sa) && !stat(b, &sb) && sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

/* Make what was written to path (a file, or a folder's new entry) durable. */
static int sync_path(const char *path, bool dir)
{
	int fd = open(path, (dir ? O_RDONLY | O_DIRECTORY : O_RDWR) | O_CLOEXEC);
	int rc;

	if (fd < 0)
		return -1;
	rc = fsync(fd);
	close(fd);
	return rc;
}

static void remove_temp(const char *tmp)
{
	struct strbuf sb = STRBUF_INIT;

	unlink(tmp);
	strbuf_addf(&sb, "%s-journal", tmp);
	unlink(sb.buf);
	strbuf_release(&sb);
}

static char *folder_of(const char *path)
{
	const char *slash = strrchr(path, '/');

	if (!slash)
		return xstrdup(".");
	if (slash == path)
		return xstrdup("/");
	return xstrndup(path, (size_t)(slash - path));
}

/* The database's path, which must exist (neither command creates one from nothing). */
static char *existing_database(struct cli *cli, const struct args *a, unsigned *flags)
{
	char *path = cli_database_path(a->db, flags);
	struct stat st;

	if (stat(path, &st)) {
		error_set(&cli->err, ERR_NOT_FOUND, "no database at '%s'", path);
		free(path);
		return NULL;
	}
	return path;
}

static int backup_run(struct cli *cli, const struct args *a)
{
	const char *file = a->pos[0];
	struct strbuf tmp = STRBUF_INIT;
	struct store *s = NULL;
	sqlite3 *dst = NULL;
	unsigned flags = 0;
	char *path, *dir = NULL;
	struct stat st;
	int fd, rc = ERR_IO;

	if (!(path = existing_database(cli, a, &flags)))
		return cli->err.code;
	if (same_file(path, file)) {
		rc = error_set(&cli->err, ERR_INVALID, "'%s' is the database itself", file);
		goto out;
	}
	/* read-only only when it must be: a read-only connection leaves -wal and -shm behind */
	flags &= ~STORE_CREATE_DIRS;
	if (access(path, W_OK))
		flags |= STORE_READ_ONLY;
	if (store_open(&s, path, flags, &cli->err)) {
		rc = cli->err.code;
		goto out;
	}
	strbuf_addf(&tmp, "%s.tmp-XXXXXX", file);
	if ((fd = mkstemp(tmp.buf)) < 0) {
		error_set(&cli->err, ERR_IO, "cannot write '%s': %s", file, strerror(errno));
		goto out;
	}
	close(fd); /* an empty file: SQLite makes a new database of it */
	if (sqlite3_open_v2(tmp.buf, &dst, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK) {
		error_set(&cli->err, ERR_IO, "cannot write '%s': %s", file,
			  dst ? sqlite3_errmsg(dst) : "out of memory");
		goto fail;
	}
	if (copy_database(dst, store_db(s), "cannot back up the database", &cli->err))
		goto fail;
	/* one file, no -wal beside it; then read it all back */
	if (sqlite3_exec(dst, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL) != SQLITE_OK) {
		error_set(&cli->err, ERR_IO, "cannot write '%s': %s", file, sqlite3_errmsg(dst));
		goto fail;
	}
	if (check_integrity(dst, tmp.buf, &cli->err)) {
		error_set(&cli->err, ERR_IO, "the copy of the database did not read back whole");
		goto fail;
	}
	if (sqlite3_close(dst) != SQLITE_OK) {
		error_set(&cli->err, ERR_IO, "cannot write '%s': %s", file, sqlite3_errmsg(dst));
		dst = NULL;
		goto fail;
	}
	dst = NULL;
	dir = folder_of(file);
	if (sync_path(tmp.buf, false) || rename(tmp.buf, file) || sync_path(dir, true)) {
		error_set(&cli->err, ERR_IO, "cannot write '%s': %s", file, strerror(errno));
		goto fail;
	}
	if (stat(file, &st))
		st.st_size = 0;
	cli_printf(cli, "backed up %s to %s (%lld bytes)\n", path, file, (long long)st.st_size);
	cli_set_json(cli, json_pack("{s:s, s:s, s:I}", "database", path, "file", file, "bytes",
				    (json_int_t)st.st_size));
	rc = 0;
	goto out;
fail:
	sqlite3_close(dst);
	remove_temp(tmp.buf);
	rc = cli->err.code ? cli->err.code : ERR_IO;
out:
	store_close(s);
	strbuf_release(&tmp);
	free(dir);
	free(path);
	return rc;
}

/* Is file a sound rapport database of a schema this build knows? */
static int check_source(sqlite3 *src, const char *file, struct error *err)
{
	long version, tables;

	if (check_integrity(src, file, err))
		return err->code;
	version = query_int(src, "PRAGMA user_version");
	tables = query_int(src, known_tables_sql);
	if (version > store_schema_version())
		return error_set(err, ERR_INVALID,
				 "'%s' was written by a newer rapport (schema %ld; this one knows up "
				 "to %d): upgrade rapport to restore it", file, version,
				 store_schema_version());
	if (version < 1 || tables != 5)
		return error_set(err, ERR_INVALID, "'%s' is not a rapport database", file);
	return 0;
}

static int restore_run(struct cli *cli, const struct args *a)
{
	const char *file = a->pos[0];
	struct store *s = NULL;
	sqlite3 *src = NULL;
	unsigned flags = 0;
	char *path = cli_database_path(a->db, &flags);
	struct stat st;
	int rc;

	if (stat(file, &st)) {
		rc = error_set(&cli->err, ERR_IO, "cannot read '%s': %s", file, strerror(errno));
		goto out;
	}
	if (!S_ISREG(st.st_mode)) {
		rc = error_set(&cli->err, ERR_IO, "cannot read '%s': it is not a file", file);
		goto out;
	}
	if (same_file(path, file)) {
		rc = error_set(&cli->err, ERR_INVALID, "'%s' is the database itself", file);
		goto out;
	}
	if (sqlite3_open_v2(file, &src, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK) {
		rc = error_set(&cli->err, ERR_IO, "cannot read '%s': %s", file,
			       src ? sqlite3_errmsg(src) : "out of memory");
		goto out;
	}
	sqlite3_busy_timeout(src, BACKUP_BUSY_MS);
	if ((rc = check_source(src, file, &cli->err)))
		goto out;
	/* the database as every command opens it (created when new) */
	if ((rc = store_open(&s, path, flags, &cli->err)))
		goto out;
	if ((rc = copy_database(store_db(s), src, "cannot restore the database", &cli->err)))
		goto out;
	/* open it again: an older schema is upgraded as any command would */
	store_close(s);
	s = NULL;
	if ((rc = store_open(&s, path, flags, &cli->err)))
		goto out;
	cli_printf(cli, "restored %s from %s\n", path, file);
	cli_set_json(cli, json_pack("{s:s, s:s}", "database", path, "file", file));
out:
	store_close(s);
	sqlite3_close(src);
	free(path);
	return rc;
}

static const struct opt_spec no_opts[] = { { 0 } };

const struct cmd_spec backup_cmds[] = {
	{ "", "FILE",
	  "Copy the whole database to FILE (an SQLite file) with SQLite's online backup, safe "
	  "while the web server or another command writes. The copy is checked "
	  "(integrity_check) and replaces FILE only once it is complete.",
	  1, 1, no_opts, backup_run, CMD_NO_DB },
	{ 0 },
};

const struct cmd_spec restore_cmds[] = {
	{ "", "FILE",
	  "Replace the whole database with FILE, a copy made by 'rapport backup', in one step. "
	  "A damaged file, or one that is not a rapport database or comes from a newer rapport, "
	  "is refused and the database left as it is.",
	  1, 1, no_opts, restore_run, CMD_NO_DB },
	{ 0 },
};
