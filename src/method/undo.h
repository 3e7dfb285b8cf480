/* undo.h: taking back the last change; the CLI's 'undo' and the web's Undo button share it. */
#ifndef RAPPORT_METHOD_UNDO_H
#define RAPPORT_METHOD_UNDO_H

#include "store/store.h"
#include "store/undo.h"

/* Undo the latest change not yet undone, in the caller's write transaction;
 * *done receives what it was. ERR_NOT_FOUND: nothing to undo.
 * ERR_CONFLICT: rows it made or changed have changed since (err names one,
 * and what it was); nothing is written. */
int undo_last(struct store *s, struct undo_entry *done, struct error *err);

#endif
