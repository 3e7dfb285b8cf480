/*
 * imap.h: an IMAP account, read with libcurl (rapport mail sync; issue 19).
 *
 * libcurl connects, speaks TLS, checks the server's certificate and signs
 * in (a password, or an OAuth2 bearer token with SASL XOAUTH2); it is
 * loaded on first use (util/dynlib.h), so no other command pays for it.
 * The few commands a sync needs after that (LIST, EXAMINE, UID SEARCH,
 * UID FETCH) are sent over libcurl's connection by this file, which reads
 * their answers, literals included: libcurl's own FETCH marks a message
 * \Seen and its custom requests hand back a message line by line, where a
 * line of the message can be taken for the server's answer.
 *
 * Folders are opened with EXAMINE (read-only) and messages fetched with
 * BODY.PEEK: reading mail never changes it on the server. The one thing
 * written is a draft the user asks for (APPEND to the Drafts folder).
 */
#ifndef RAPPORT_IMAP_H
#define RAPPORT_IMAP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/model.h"
#include "util/error.h"
#include "util/strbuf.h"

struct imap_account {
	const char *url;     /* imaps://host[:port] (imap:// only when insecure, on loopback) */
	const char *user;
	const char *secret;  /* the password, or the bearer token when xoauth2 */
	bool xoauth2;
	const char *ca_file; /* the certificates to trust, NULL: the system's */
	bool insecure;
	/* How long to wait for the server to connect or answer, in seconds
	 * (0: 30 to connect, 120 an answer); a web request holds the
	 * database's write lock meanwhile, so it waits less. */
	long wait_seconds;
};

/* Is url one rapport reads: imaps://, or imap:// when insecure and its
 * host is a loopback address (127.0.0.0/8, ::1, localhost)? ERR_INVALID
 * saying why not. */
int imap_url_check(const char *url, bool insecure, struct error *err);

struct imap;

/* Connect and sign in. A refused sign-in, a server that cannot be reached,
 * a certificate that does not verify: ERR_IO with a message that says
 * which (and never the secret). */
int imap_open(const struct imap_account *a, struct imap **out, struct error *err);
/* Log out and close (NULL: nothing). */
void imap_close(struct imap *im);

struct imap_folder {
	char *name; /* as the server names it (modified UTF-7) */
	bool sent;  /* it has the \Sent special-use flag */
	bool drafts; /* it has the \Drafts special-use flag */
};
typedef VEC(struct imap_folder) imap_folder_vec;
void imap_folder_vec_release(imap_folder_vec *v);

/* The folder of all with the \Sent (sent) or \Drafts flag, else the
 * one named name (whatever its case); NULL when there is neither. */
const char *imap_folder_for(const imap_folder_vec *all, bool sent, const char *name);
/* Every folder of the account, with its flags (LIST "" "*"). */
int imap_list(struct imap *im, imap_folder_vec *out, struct error *err);
/* Open folder read-only; *uidvalidity is its UIDVALIDITY. A folder the
 * server does not have: ERR_NOT_FOUND. */
int imap_examine(struct imap *im, const char *folder, uint32_t *uidvalidity,
		 struct error *err);

typedef VEC(uint32_t) imap_uid_vec;
/* The UIDs above last of the folder examined, in increasing order. */
int imap_uids_after(struct imap *im, uint32_t last, imap_uid_vec *out, struct error *err);

/* fn(ctx, uid, bytes, len) for each of uids that the server still has:
 * its header block (headers_only) or the whole message. */
typedef int imap_message_fn(void *ctx, uint32_t uid, const char *data, size_t len,
			    struct error *err);
int imap_fetch(struct imap *im, const uint32_t *uids, size_t n, bool headers_only,
	       imap_message_fn *fn, void *ctx, struct error *err);
/* The whole message uid into out (its bytes taken from the answer, never
 * copied: a large one is held once); out left empty when the server no
 * longer has it. */
int imap_fetch_whole(struct imap *im, uint32_t uid, struct strbuf *out, struct error *err);

/* Put the message data (CRLF line ends) into folder, flagged \Draft
 * (APPEND with a literal). The server refusing it (no such folder, over
 * quota): ERR_IO with what it said. */
int imap_append(struct imap *im, const char *folder, const char *data, size_t len,
		struct error *err);

#endif
