/* curl_api.c: libcurl loaded on first use, and its failures in words (see curl_api.h). */
#include "mail/curl_api.h"

#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "util/dynlib.h"

/* libcurl's runtime name (objdump -p libcurl.so: SONAME). */
#define CURL_SONAME "libcurl.so.4"

struct curl_api curl_fns;

static struct error load_err = ERROR_INIT;
static pthread_once_t load_once = PTHREAD_ONCE_INIT;

static void load_curl(void)
{
	static const char *const names[] = { CURL_SONAME, "libcurl.so", NULL };
	static const struct dynlib_sym syms[] = {
#define CURL_SYM(m, f) { #f, &curl_fns.m },
		CURL_FUNCTIONS(CURL_SYM)
#undef CURL_SYM
	};

	dynlib_load(names, "reading and sending mail", syms, ARRAY_SIZE(syms), &load_err);
}

int curl_api_load(struct error *err)
{
	pthread_once(&load_once, load_curl);
	if (load_err.code) {
		*err = load_err;
		return err->code;
	}
	return 0;
}

bool curl_api_loopback(const char *host, size_t n)
{
	unsigned a, b, c, d;
	char tail;
	char buf[64];

	if (n >= sizeof(buf))
		return false;
	memcpy(buf, host, n);
	buf[n] = '\0';
	if (!strcasecmp(buf, "localhost") || !strcmp(buf, "[::1]"))
		return true;
	return sscanf(buf, "%u.%u.%u.%u%c", &a, &b, &c, &d, &tail) == 4 && a == 127 && b < 256 &&
	       c < 256 && d < 256;
}

int curl_api_url_read(const struct curl_api_url *u, const char *url, bool *plain,
		      bool *loopback, struct error *err)
{
	size_t k = strlen(u->scheme), n;
	const char *host;

	*plain = !strncasecmp(url, u->scheme, k) && !strncmp(url + k, "://", 3);
	if (!*plain && !(!strncasecmp(url, u->scheme, k) && (url[k] == 's' || url[k] == 'S') &&
			 !strncmp(url + k + 1, "://", 3)))
		return error_set(err, ERR_INVALID, "%s is %s, not '%s'", u->key, u->forms, url);
	host = url + k + (*plain ? 3 : 4);
	n = host[0] == '[' ? strcspn(host, "]") + 1 : strcspn(host, ":/?#");
	if (!n || strcspn(host, "@") < strcspn(host, "/"))
		return error_set(err, ERR_INVALID,
				 "%s names a host and no user: '%ss://HOST[:PORT]' (the user is %s)",
				 u->key, u->scheme, u->users);
	*loopback = curl_api_loopback(host, n);
	return 0;
}

void curl_api_sign_in(CURL *c, const char *user, const char *secret, bool xoauth2)
{
	curl_fns.setopt(c, CURLOPT_USERNAME, user);
	if (xoauth2) {
		curl_fns.setopt(c, CURLOPT_XOAUTH2_BEARER, secret);
		curl_fns.setopt(c, CURLOPT_LOGIN_OPTIONS, "AUTH=XOAUTH2;AUTH=OAUTHBEARER");
	} else {
		curl_fns.setopt(c, CURLOPT_PASSWORD, secret);
	}
}

int curl_api_error(const char *url, const char *user, CURLcode rc, const char *detail,
		   struct error *err)
{
	const char *why = detail[0] ? detail : curl_fns.strerror(rc);

	switch (rc) {
	case CURLE_LOGIN_DENIED:
		return error_set(err, ERR_IO,
				 "the mail server refused to sign in '%s': check mail.user and "
				 "what mail.password-command prints",
				 user);
	case CURLE_PEER_FAILED_VERIFICATION:
	case CURLE_SSL_CACERT_BADFILE:
	case CURLE_SSL_CONNECT_ERROR:
		return error_set(err, ERR_IO,
				 "cannot trust the mail server at %s: %s (mail.ca-file names "
				 "the certificates to trust)",
				 url, why);
	case CURLE_USE_SSL_FAILED:
		return error_set(err, ERR_IO,
				 "the mail server at %s offers no encryption (STARTTLS): rapport "
				 "sends nothing unencrypted, except with --insecure to a server on "
				 "this computer",
				 url);
	case CURLE_COULDNT_RESOLVE_HOST:
	case CURLE_COULDNT_CONNECT:
	case CURLE_OPERATION_TIMEDOUT:
		return error_set(err, ERR_IO, "cannot reach the mail server at %s: %s", url, why);
	default:
		return error_set(err, ERR_IO, "the mail server at %s: %s", url, why);
	}
}
