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

static bool same_file(const char *a, const char *b)
{
	struct stat sa, sb;

	return !stat(a, &sa) && !stat(b, &sb) && sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
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

static int backup_run(struct cli *cli, const struct args *a)
{
	const char *file = a->pos[0];
	struct atomic_file af = { 0 };
	struct store *s = NULL;
	unsigned flags = 0;
	char *path;
	struct stat st;
	int rc;

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
	if ((rc = store_open(&s, path, flags, &cli->err)))
		goto out;
	/* FILE is the old file or the whole checked copy, never half of one */
	if ((rc = atomic_file_open(&af, file, &cli->err)))
		goto out;
	if ((rc = backup_to_temp(cli, s, &af))) {
		atomic_file_abort(&af);
		goto out;
	}
	if ((rc = atomic_file_commit(&af, &cli->err)))
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
