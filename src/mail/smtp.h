/*
 * smtp.h: sending one message by SMTP with libcurl (rapport draft --send;
 * issue 19). libcurl connects, speaks TLS (smtps://, or STARTTLS, which
 * smtp:// then requires), checks the certificate, signs in and sends.
 */
#ifndef RAPPORT_SMTP_H
#define RAPPORT_SMTP_H

#include <stdbool.h>
#include <stddef.h>

#include "util/error.h"

struct smtp_account {
	const char *url;     /* smtps://host[:port], or smtp://host[:port] (STARTTLS) */
	const char *user;    /* NULL: the server takes mail without signing in */
	const char *secret;  /* the password, or the bearer token when xoauth2 */
	bool xoauth2;
	const char *ca_file; /* the certificates to trust, NULL: the system's */
	bool insecure;       /* smtp:// without TLS, only to a loopback host */
};

/* Is url one rapport sends through: smtps://, smtp:// (STARTTLS
 * required), or with insecure smtp:// to a loopback host, unencrypted?
 * ERR_INVALID saying why not. */
int smtp_url_check(const char *url, bool insecure, struct error *err);

/* Send the message data (CRLF line ends) from the address from to the
 * n (at least one) addresses to. Nothing is sent unless the server takes every
 * recipient. A refused sign-in, a server that cannot be reached, a
 * certificate that does not verify, a refused sender or recipient:
 * ERR_IO saying which (and never the secret). */
int smtp_send(const struct smtp_account *a, const char *from, const char *const *to, size_t n,
	      const char *data, size_t len, struct error *err);

#endif
