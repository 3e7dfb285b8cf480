/*
 * curl_api.h: libcurl, loaded on first use (util/dynlib.h) for IMAP
 * (mail/imap.c) and SMTP (mail/smtp.c), so that no other command pays for
 * it; and what both say of an address and of libcurl's failures.
 *
 * Only files built with libcurl's include flags include this header (the
 * Makefile gives them to mail/imap.c, mail/smtp.c and mail/curl_api.c).
 */
#ifndef RAPPORT_CURL_API_H
#define RAPPORT_CURL_API_H

#define CURL_DISABLE_TYPECHECK /* its checks are macros named as the functions */
#include <curl/curl.h>
#include <stdbool.h>
#include <stddef.h>

#include "util/error.h"

/* Every function of libcurl rapport calls, each typed from its header:
 * X(member, function). */
#define CURL_FUNCTIONS(X)                                                              \
	X(init, curl_easy_init) X(setopt, curl_easy_setopt) X(perform, curl_easy_perform) \
	X(getinfo, curl_easy_getinfo) X(send, curl_easy_send) X(recv, curl_easy_recv)     \
	X(cleanup, curl_easy_cleanup) X(strerror, curl_easy_strerror)                    \
	X(slist_append, curl_slist_append) X(slist_free_all, curl_slist_free_all)

struct curl_api {
#define CURL_POINTER(m, f) __typeof__(f) *m;
	CURL_FUNCTIONS(CURL_POINTER)
#undef CURL_POINTER
};

/* libcurl's functions, filled by curl_api_load. */
extern struct curl_api curl_fns;
/* Load libcurl once (thread-safe): 0, or why it cannot be. */
int curl_api_load(struct error *err);

/* Is host (n bytes) a loopback address: 127.0.0.0/8, [::1], localhost? */
bool curl_api_loopback(const char *host, size_t n);

/* A mail server's address as a setting gives it. */
struct curl_api_url {
	const char *key;   /* the setting: "mail.imap-url" */
	const char *scheme; /* "imap": imap:// (plain) or imaps:// */
	const char *forms; /* what the setting is, for a message: "'imaps://HOST[:PORT]'" */
	const char *users; /* the settings that give the user: "mail.user" */
};
/* Read url as u says: *plain is true for SCHEME://, false for SCHEME-s://,
 * *loopback whether its host is this computer. ERR_INVALID for another
 * scheme, or a user in the address. */
int curl_api_url_read(const struct curl_api_url *u, const char *url, bool *plain,
		      bool *loopback, struct error *err);

/* Sign in as user with secret: a password, or an OAuth2 bearer token. */
void curl_api_sign_in(CURL *c, const char *user, const char *secret, bool xoauth2);

/* A failure of libcurl talking to the mail server at url, signed in as
 * user, as one clear message (ERR_IO): a refused sign-in, a certificate
 * that does not verify, a server that cannot be reached; detail is
 * libcurl's error buffer (may be ""). Never quotes the secret. */
int curl_api_error(const char *url, const char *user, CURLcode rc, const char *detail,
		   struct error *err);

#endif
