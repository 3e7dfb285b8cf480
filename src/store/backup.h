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
/* A backup file, copied whole and checked (store_backup_load). */
struct backup_copy;
/* Copy file into a private temporary database and check the copy: sound
 * (integrity_check), of a schema version this build knows, and with
 * exactly the tables, indexes, triggers and views rapport makes at that
 * version, nothing more or less or changed. ERR_INVALID with the reason,
 * naming the first difference, when it is not. file is only read, once:
 * what was checked is what store_restore_from restores. */
int store_backup_load(const char *file, struct backup_copy **out, struct error *err);
void store_backup_copy_free(struct backup_copy *c);
/* Replace the database of s with the checked copy c, in one step (one
 * write transaction: another connection sees the old data or the new,
 * never a mix). The caller opens the database again after this, so that
 * an older schema is upgraded. */
int store_restore_from(struct store *s, const struct backup_copy *c, struct error *err);

#endif
