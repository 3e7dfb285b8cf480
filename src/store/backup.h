/*
 * backup.h: whole-database copies with SQLite's online backup API: safe
 * while another connection (the web server, another command) writes. The
 * files are the CLI's business (cli/cmd_backup.c): where the copy goes,
 * renaming it into place, syncing.
 */
#ifndef RAPPORT_BACKUP_H
#define RAPPORT_BACKUP_H

#include "store/store.h"

/* Copy the database of s, in one step (one consistent snapshot), into the
 * empty file path; make the copy one self-contained file (no -wal beside
 * it) and read it all back (integrity_check). */
int store_backup_into(struct store *s, const char *path, struct error *err);
/* Is file a sound rapport database of a schema this build knows? (It is
 * only read.) ERR_INVALID with the reason when it is not. */
int store_backup_check(const char *file, struct error *err);
/* Replace the database of s with file's, in one step (one write
 * transaction: another connection sees the old data or the new, never a
 * mix). Check the file first. The caller opens the database again after
 * this, so that an older schema is upgraded. */
int store_restore_from(struct store *s, const char *file, struct error *err);

#endif
