/*
 * atomic_file.h: the one way rapport writes a file (after git's lockfile).
 *
 * The content goes to a new temporary file beside the target, named
 * ".NAME.rapport-tmp.PID.XXXXXX" (created with O_EXCL, mode 0600), which is
 * synced, renamed over the target, and the folder synced: the target is
 * the old file or the whole new one, never half of one, even after a crash
 * or a full disk, and a failed write leaves the old file as it was.
 *
 * A writer killed before its rename leaves its temporary behind;
 * atomic_file_sweep removes such leftovers, and only those.
 */
#ifndef RAPPORT_ATOMIC_FILE_H
#define RAPPORT_ATOMIC_FILE_H

#include <stddef.h>
#include <stdio.h>

#include "util/error.h"

/* What every temporary's name holds, between the target's name and the
 * writer's process id. */
#define ATOMIC_FILE_MARK ".rapport-tmp."

/* A temporary over a leftover's age is removed whoever its writer was. */
#define ATOMIC_FILE_STALE_SECONDS 3600

struct atomic_file {
	char *path; /* the target */
	char *tmp;  /* the temporary beside it */
	/* open on tmp for writing. A caller that has another writer fill tmp
	 * by its name (SQLite) closes it and sets it to NULL first. */
	FILE *f;
};

/* Create the temporary for path. Its mode is 0600, or the target's when
 * it exists (replacing a file keeps who may read it). Leftover temporaries
 * of the same target are swept first. */
int atomic_file_open(struct atomic_file *af, const char *path, struct error *err);
/* Flush, sync and close the temporary, rename it over the target, sync
 * the folder. On failure the temporary is removed and the target is as
 * it was. af is released either way. */
int atomic_file_commit(struct atomic_file *af, struct error *err);
/* Close and remove the temporary; the target is untouched. af is released. */
void atomic_file_abort(struct atomic_file *af);
/* The whole of data as path, in one step. */
int atomic_file_write(const char *path, const void *data, size_t len, struct error *err);

/* Remove the temporaries left in dir by writers that are gone: names of
 * exactly the pattern above (of the target `name` only, or of any target
 * when name is NULL), regular files owned by this user, whose writer's
 * process no longer runs or that are older than ATOMIC_FILE_STALE_SECONDS.
 * (SQLite's "-journal" of a temporary goes with it.) Nothing else is touched; errors are ignored (it is housekeeping).
 * Returns how many it removed. */
int atomic_file_sweep(const char *dir, const char *name);

#endif
