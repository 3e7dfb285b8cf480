/*
 * web.h: what the pages of the web UI share: the request as a page sees it,
 * the response it fills, the route table, and the server's entry point.
 *
 * A page is a function that reads a struct web_req and fills a struct
 * web_resp. It never talks to libmicrohttpd: server.c does, and wraps every
 * request in one transaction: a read for a GET (a GET never changes data),
 * a write for a POST, committed only when the page returns 0 with a status
 * below 400. So a form with an error re-rendered with status 400 writes
 * nothing, whatever the page did before it found the error.
 */
#ifndef RAPPORT_WEB_H
#define RAPPORT_WEB_H

#include <stdbool.h>
#include <stdint.h>
#include <sys/socket.h>

#include "method/playbook.h"
#include "store/store.h"
#include "util/error.h"
#include "util/strbuf.h"

/* Name-value pairs from a query string or a form, decoded, in order. */
struct web_param {
	char *name, *value;
};
struct web_params {
	struct web_param *items;
	size_t n, alloc;
};

/* Decode application/x-www-form-urlencoded text (a query string or a POST
 * body) into out. Fails (ERR_INVALID) on a bad %-escape, a NUL byte or text
 * that is not UTF-8: such a request is refused whole. */
int web_params_parse(struct web_params *out, const char *text, size_t len, struct error *err);
void web_params_add(struct web_params *p, const char *name, const char *value);
/* The last value of name, or NULL. */
const char *web_param(const struct web_params *p, const char *name);
void web_params_release(struct web_params *p);

/* A file sent with a form (multipart/form-data), its bytes as they came. */
struct web_upload {
	bool present;
	char *field;    /* the form field's name */
	char *filename; /* as the browser names it (may be "") */
	struct strbuf data;
};
void web_upload_release(struct web_upload *u);

struct web_req {
	bool post;                /* POST (a change) or GET/HEAD (a read) */
	const char *path;         /* "/people/12" */
	const char *arg[3];       /* the segments the route's '*'s matched */
	struct web_params query;  /* ?q=... */
	struct web_params form;   /* the POST body */
	const struct web_upload *upload; /* the file a multipart POST sent, or NULL */
	struct web_params errors; /* a form's errors: field name -> message */
	struct store *store;      /* in this request's transaction */
	const struct playbook *pb;
	const char *csrf;         /* the token every form carries */
	const char *host;         /* the Host header (checked: this server's name), or NULL */
	const struct sockaddr *peer; /* the client's address, or NULL */
	/* A practice's server (accounts, issue 20): the signed-in account
	 * (0 on one person's server, and before signing in) and its session's
	 * token, as its cookie carried it */
	int64_t account_id;
	const char *account_email;
	const char *account_role; /* "client", "coach" or "admin" (store/account.h) */
	const char *session_token;
	int64_t flash; /* a practice's server: the undo flash its cookie carried (page_undo.c) */
	const char *forwarded_for; /* the X-Forwarded-For header, or NULL */
	struct error err;
};

struct web_resp {
	int status; /* 200 unless set */
	const char *content_type;
	struct strbuf body;
	char *location;    /* a redirect (303 after a POST) */
	char *disposition; /* Content-Disposition, for downloads */
	bool cacheable;    /* static assets: may be cached */
	bool set_session;  /* signed in: the answer sets the session cookie */
	bool no_cache;     /* a page that must not be answered from the cache again */
	/* a practice's server: the session cookie to set or clear (its whole
	 * Set-Cookie value, freed by the server), the seconds a client must
	 * wait (Retry-After, with 429), and whether the transaction is kept
	 * although the status is an error (a failed sign-in is counted) */
	char *set_cookie;
	long long retry_after;
	bool keep_changes;
	/* a practice's server: the undo flash's cookie to set (flash, or 0 to
	 * clear it) when flash_changed */
	int64_t flash;
	bool flash_changed;
};

/* A page handler: 0, or a negative ERR_* with rq->err set (ERR_NOT_FOUND
 * becomes a 404 page, ERR_INVALID a 400 page, others a 500 page). */
typedef int (*web_handler)(struct web_req *rq, struct web_resp *rs);

/* What server.c must know of a route besides its handler (cgit keeps such
 * flags in its command table too): a route with none is a page that needs
 * the session and the database, whose GET may be cached, whose POST is kept
 * for undo and whose body is at most 2 MB. */
enum web_route_flag {
	WEB_PUBLIC = 1 << 0,   /* open without a session (sign-in, its files, the feed) */
	WEB_NO_DB = 1 << 1,    /* needs no database: no store, no transaction, no cache */
	WEB_NO_CACHE = 1 << 2, /* shows files besides the database: never cached */
	WEB_UPLOAD = 1 << 3,   /* takes a file: the larger body limit */
	WEB_NO_UNDO = 1 << 4,  /* a POST whose change is not kept for undo */
};

/* The most a route that takes a file (WEB_UPLOAD: an import, a mail file)
 * reads: a 100,000-row LinkedIn export is about 12 MB. */
#define WEB_UPLOAD_LIMIT (32 * 1024 * 1024)

struct web_route {
	const char *method;  /* "GET" or "POST" */
	const char *pattern; /* "/people/ *": each '*' matches one segment */
	web_handler handler;
	unsigned flags;      /* WEB_* */
};

/* The route table (routes.c); ends with a NULL pattern. */
extern const struct web_route web_routes[];
/* A practice's server's own routes (signing in with an account, the
 * invitation links, the account page), looked up before web_routes there
 * and nowhere else. */
extern const struct web_route web_practice_routes[];
/* The route of method and path in table, as web_route_find. */
const struct web_route *web_route_find_in(const struct web_route *table, const char *method,
					  const char *path, const char *arg[3], char *buf,
					  size_t bufsz);
/* The route of method and path, with its captured segments (pointing into
 * buf), or NULL. */
const struct web_route *web_route_find(const char *method, const char *path, const char *arg[3],
				       char *buf, size_t bufsz);

/* Record a form error beside a field (the page re-renders with status 400). */
void web_field_error(struct web_req *rq, const char *field, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
const char *web_error_of(const struct web_req *rq, const char *field);
/* Redirect after a POST (303 See Other) to a local path. */
void web_redirect(struct web_resp *rs, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* The flash the next page shows about undo (server.c; see page_undo.c):
 * set it with the answer to rq, or take it (it is then cleared). */
void web_flash_set(const struct web_req *rq, struct web_resp *rs, int64_t v);
int64_t web_flash_take(const struct web_req *rq, struct web_resp *rs);

/* Settings that the Settings page changes and the server must take up. */
int web_playbook_reload(struct error *err);

/* Where the server listens unless told (--listen) or given a socket (systemd). */
#define WEB_LISTEN_DEFAULT "127.0.0.1:8080"

struct web_options {
	const char *db_path;
	unsigned store_flags; /* STORE_CREATE_DIRS for the default path */
	const char *listen;   /* --listen, or NULL: systemd's socket, else WEB_LISTEN_DEFAULT */
	const char *const *allow_hosts;
	size_t n_allow_hosts;
	bool verbose;
	bool open_browser; /* --open: the sign-in address in the user's browser */
	unsigned idle_exit_seconds; /* --idle-exit: stop after this long without a request; 0: never */
	long long session_idle; /* a practice's sessions end unused this long; 0: the default */
	/* --trusted-proxy: the load balancers in front, as IP addresses */
	const char *const *trusted_proxies;
	size_t n_trusted_proxies;
};

/* A practice's server: how long a session lasts unused (web_options), and
 * the client's address as the sign-in's throttling counts it. */
long long web_session_idle(void);
void web_peer_text(const struct web_req *rq, char *out, size_t size);

/* Serve until SIGINT or SIGTERM, or --idle-exit's time without a request.
 * Prints the URL on stdout once listening. */
int web_serve(const struct web_options *o, struct error *err);

#endif
