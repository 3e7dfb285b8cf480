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
 * restore copies FILE into a private temporary database and checks the
 * copy (integrity_check; exactly the schema rapport makes at its version,
 * so no planted trigger or view comes in), then copies that into the
 * database in one step (one write
 * transaction: another connection sees the old data or the new, never a
 * mix) and upgrades its schema if it is older.
 */
#include "cli/cli.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "store/backup.h"
#include "util/atomic_file.h"

/* The options of backup's commands: code asks for each by its constant. */
enum backup_opt {
	BACKUP_OPT_FORCE = 1,
};

static bool same_file(const char *a, const char *b)
{
	struct stat sa, sb;

	return !stat(a, &sa) && !stat(b, &sb) && sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

/* path as one spelling: the file's real path, else (it does not exist
 * yet) its folder's real path and its name; NULL when neither resolves. */
static char *one_spelling(const char *path)
{
	const char *slash = strrchr(path, '/');
	char *real = realpath(path, NULL), *dir, *dir_real;
	struct strbuf sb = STRBUF_INIT;

	if (real)
		return real;
	dir = slash ? xstrndup(path, slash > path ? (size_t)(slash - path) : 1) : xstrdup(".");
	dir_real = realpath(dir, NULL);
	free(dir);
	if (!dir_real)
		return NULL;
	strbuf_addf(&sb, "%s/%s", strcmp(dir_real, "/") ? dir_real : "", slash ? slash + 1 : path);
	free(dir_real);
	return strbuf_detach(&sb);
}

/* Does file name path, through a link or another spelling? The same
 * device and inode where both exist, else the same real path. */
static bool names_file(const char *file, const char *path)
{
	char *a, *b;
	bool same;

	if (same_file(file, path))
		return true;
	a = one_spelling(file);
	b = one_spelling(path);
	same = a && b && !strcmp(a, b);
	free(a);
	free(b);
	return same;
}

/* Is file the database or one of SQLite's files beside it? A backup
 * written over the -wal (or -shm, or -journal) of the live database would
 * destroy what it holds. (A link to one of them that does not exist yet is
 * harmless: the copy replaces the link, never what it points to.) */
static int check_not_database(struct cli *cli, const char *db, const char *file)
{
	static const char *const companions[] = { "-wal", "-shm", "-journal" };
	struct strbuf sb = STRBUF_INIT;
	int rc = 0;

	if (names_file(file, db))
		return error_set(&cli->err, ERR_INVALID, "'%s' is the database itself", file);
	for (size_t i = 0; i < ARRAY_SIZE(companions) && !rc; i++) {
		strbuf_reset(&sb);
		strbuf_addf(&sb, "%s%s", db, companions[i]);
		if (names_file(file, sb.buf))
			rc = error_set(&cli->err, ERR_INVALID,
				       "'%s' is the database's %s file: a backup there would "
				       "destroy it", file, companions[i]);
	}
	strbuf_release(&sb);
	return rc;
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

/* The copy into af's temporary, made by SQLite (which writes it by name). */
static int backup_to_temp(struct cli *cli, struct store *s, struct atomic_file *af)
{
	struct strbuf journal = STRBUF_INIT;
	int rc;

	fclose(af->f); /* an empty file: SQLite makes a new database of it */
	af->f = NULL;
	if (!(rc = store_backup_into(s, af->tmp, &cli->err)))
		return 0;
	/* a failed copy may leave SQLite's journal of it */
	strbuf_addf(&journal, "%s-journal", af->tmp);
	unlink(journal.buf);
	strbuf_release(&journal);
	return rc;
}

int cli_backup_to(struct cli *cli, struct store *s, const char *file)
{
	struct atomic_file af = { 0 };
	int rc;

	/* FILE is the old file or the whole checked copy, never half of one */
	if ((rc = atomic_file_open(&af, file, &cli->err)))
		return rc;
	if ((rc = backup_to_temp(cli, s, &af))) {
		atomic_file_abort(&af);
		return rc;
	}
	return atomic_file_commit(&af, &cli->err);
}

static int backup_run(struct cli *cli, const struct args *a)
{
	const char *file = a->pos[0];
	struct store *s = NULL;
	unsigned flags = 0;
	char *path;
	struct stat st;
	int rc;

	if (!(path = existing_database(cli, a, &flags)))
		return cli->err.code;
	if ((rc = check_not_database(cli, path, file)))
		goto out;
	if (!arg_flag(a, BACKUP_OPT_FORCE) && !lstat(file, &st)) {
		rc = error_set(&cli->err, ERR_CONFLICT,
			       "'%s' exists: give --force to replace it with the backup", file);
		goto out;
	}
	/* read-only only when it must be: a read-only connection leaves -wal and -shm behind */
	flags &= ~STORE_CREATE_DIRS;
	if (access(path, W_OK))
		flags |= STORE_READ_ONLY;
	if ((rc = store_open(&s, path, flags, &cli->err)))
		goto out;
	if ((rc = cli_backup_to(cli, s, file)))
		goto out;
	if (stat(file, &st))
		st.st_size = 0;
	cli_printf(cli, "backed up %s to %s (%lld bytes)\n", path, file, (long long)st.st_size);
	cli_set_json(cli, json_pack("{s:s, s:s, s:I}", "database", path, "file", file, "bytes",
				    (json_int_t)st.st_size));
out:
	store_close(s);
	free(path);
	return rc;
}

static int restore_run(struct cli *cli, const struct args *a)
{
	const char *file = a->pos[0];
	struct backup_copy *copy = NULL;
	struct store *s = NULL;
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
	/* copied and checked before the database is opened: a bad file creates nothing */
	if ((rc = store_backup_load(file, &copy, &cli->err)))
		goto out;
	/* the database as every command opens it (created when new) */
	if ((rc = store_open(&s, path, flags, &cli->err)))
		goto out;
	if ((rc = store_restore_from(s, copy, &cli->err)))
		goto out;
	/* open it again: an older schema is upgraded as any command would */
	store_close(s);
	s = NULL;
	if ((rc = store_open(&s, path, flags, &cli->err)))
		goto out;
	cli_printf(cli, "restored %s from %s\n", path, file);
	cli_set_json(cli, json_pack("{s:s, s:s}", "database", path, "file", file));
out:
	store_backup_copy_free(copy);
	store_close(s);
	free(path);
	return rc;
}

static const struct opt_spec backup_opts[] = {
	{ .id = BACKUP_OPT_FORCE, .name = "force", .help = "replace FILE when it exists" },
	{ 0 },
};

const struct cmd_spec backup_cmds[] = {
	{ "", "FILE",
	  "Copy the whole database to FILE (an SQLite file) with SQLite's online backup, safe "
	  "while the web server or another command writes. The copy is checked "
	  "(integrity_check) and replaces FILE only once it is complete. An existing FILE is "
	  "replaced only with --force; the database's own files (itself, its -wal, -shm and "
	  "-journal, under any name) are refused.",
	  1, 1, backup_opts, backup_run, CMD_NO_DB },
	{ 0 },
};

const struct cmd_spec restore_cmds[] = {
	{ "", "FILE",
	  "Replace the whole database with FILE, a copy made by 'rapport backup', in one step. "
	  "A damaged file, one that is not a rapport database or comes from a newer rapport, or "
	  "one whose tables, indexes, triggers or views differ from those rapport makes, is "
	  "refused and the database left as it is.",
	  1, 1, NULL, restore_run, CMD_NO_DB },
	{ 0 },
};
