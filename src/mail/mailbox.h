/*
 * mailbox.h: the messages of a mail folder on disk, one at a time: a
 * Maildir (its cur/ and new/ folders), an mbox file (From_ lines, >From
 * unquoted; a Google Takeout export is one) or one message file (.eml).
 *
 * A message is read header first: mail_item_headers reads a file up to the
 * end of its headers, mail_item_whole the rest, so that a message the
 * caller does not keep costs its headers only.
 */
#ifndef RAPPORT_MAILBOX_H
#define RAPPORT_MAILBOX_H

#include <stdbool.h>
#include <stddef.h>

#include "util/error.h"
#include "util/strbuf.h"

enum mailbox_kind { MAILBOX_MAILDIR, MAILBOX_MBOX, MAILBOX_EML };

/* What path is. A path that is none of the three, that cannot be read, or
 * an mbox cut short (its last line or its last message's headers
 * unfinished): ERR_INVALID or ERR_IO, with a message that names it. */
int mailbox_check(const char *path, enum mailbox_kind *kind, struct error *err);

struct mail_item {
	char *source;    /* where it is, for messages: the file, or "MBOX, message N" */
	const char *key; /* a Maildir file's name before its ":2," flags, else NULL */
	/* the bytes read so far: after mail_item_headers its header block at
	 * least, after mail_item_whole all of it (an mbox's >From unquoted) */
	const char *data;
	size_t len;
	/* a message read elsewhere (an IMAP folder): slice holds its headers,
	 * and fetch puts the whole of it in buf (data, len and whole set) */
	int (*fetch)(void *ctx, struct mail_item *it, struct error *err);
	void *fetch_ctx;
	/* private */
	const char *path;  /* a file to read, or NULL: an mbox's message */
	const char *slice; /* an mbox's message, as it is in the file */
	size_t slice_len;
	bool whole;
	struct strbuf buf;
};

/* ERR_IO (the message names the file) when it cannot be read. */
int mail_item_headers(struct mail_item *it, struct error *err);
int mail_item_whole(struct mail_item *it, struct error *err);

/* fn(ctx, item) for every message of path, which mailbox_check found to be
 * kind: a Maildir's by file name (the delivery time comes first in it), an
 * mbox's in order. The item lives until fn returns; a non-zero return
 * stops the walk and is returned. */
typedef int mail_item_fn(void *ctx, struct mail_item *it, struct error *err);
int mailbox_read(const char *path, enum mailbox_kind kind, mail_item_fn *fn, void *ctx,
		 struct error *err);

/* The same for a mailbox held in memory (a file sent to the web UI),
 * named name in messages: an mbox or one message (no Maildir). data must
 * outlive the walk: items point into it. */
int mailbox_check_data(const char *name, const char *data, size_t len,
		       enum mailbox_kind *kind, struct error *err);
int mailbox_read_data(const char *name, enum mailbox_kind kind, const char *data, size_t len,
		      mail_item_fn *fn, void *ctx, struct error *err);

#endif
