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

/* A failure of libcurl talking to the mail server at url, signed in as
 * user, as one clear message (ERR_IO): a refused sign-in, a certificate
 * that does not verify, a server that cannot be reached; detail is
 * libcurl's error buffer (may be ""). Never quotes the secret. */
int curl_api_error(const char *url, const char *user, CURLcode rc, const char *detail,
		   struct error *err);

#endif
