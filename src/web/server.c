/*
 * server.c: rapport serve: libmicrohttpd, the checks every request passes,
 * one transaction per request, and a clean shutdown.
 *
 * Threads: libmicrohttpd's pool runs the handlers; each pool thread opens
 * its own connection to the database the first time it needs one (an
 * SQLite connection must not be shared between threads without locks).
 * A ticker thread runs the time rules (silence, cadence) once a minute in
 * a write transaction of its own, so that a GET only ever reads.
 *
 * The checks, made when the headers arrive, before any byte of a body is
 * read: the Host header must name this server (a web page that rebinds its
 * own name to 127.0.0.1 gets 421, with no secret in it); GET, HEAD and POST
 * only (405); a body over its route's limit gets 413; every route but the
 * public ones (WEB_PUBLIC in routes.c: the sign-in page, the static files
 * and the calendar feed, which has its own token) needs a session, else 401,
 * also for an address no route answers (see auth.h); a POST must come from
 * this server's own origin when the browser names one, else 403, and
 * carry the CSRF token: in the address for a file upload (checked with
 * the headers), in the form otherwise (checked once the form is in).
 */
#include "web/web.h"

#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "core/text.h"
#include "method/playbook_run.h"
#include "mail/mail_account.h"
#include "method/practice.h"
#include "store/account.h"
#include "store/undo.h"
#include "util/xalloc.h"
#include "util/password.h"
#include "util/secret.h"
#include "web/auth.h"
#include "web/cache.h"
#include "web/listen.h"
#include "web/mhd.h"
#include "web/pages.h"
#include "web/session_memo.h"
#include "web/ui.h"
#include "web/upload.h"

#define BODY_LIMIT (2 * 1024 * 1024) /* a note may be 1 MB; its form encoding more */
/* A new connection must send its request's headers within this time; one
 * kept alive between requests may wait for REQUEST_DEADLINE. */
#define HEADER_DEADLINE 5
/* Connections at once: all, from one address not on this machine, and how
 * many may wait for their headers before the oldest of them is dropped
 * to make room (so that idle connections cannot lock the user out). */
#define CONNECTION_LIMIT 1000
#define PER_ADDRESS_LIMIT 32
#define WAITING_LIMIT 800
#define TICK_SECONDS 60
/* A request must arrive whole within this time. (libmicrohttpd's timeout is
 * an idle one: a byte every few seconds would hold a connection forever.) */
#define REQUEST_DEADLINE 30
/* How long a client is asked to wait when the database server is away. */
#define RETRY_SECONDS 5
#define COOKIE_NAME "rapport_session"
/* A practice's server's session cookie (page_account.c says why __Host-). */
#define PRACTICE_COOKIE "__Host-rapport"
/* Its undo flash (web_flash_set): a cookie for the browser's session only */
#define FLASH_COOKIE "__Host-rapport-flash"
#define FLASH_ATTRIBUTES "Path=/; Secure; HttpOnly; SameSite=Strict"

static const char security_policy[] =
	"default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
	"connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

static const char unavailable_text[] = "The practice's database cannot be reached. Try again soon.";

/* The playbooks in use, shared by every request; replaced whole when the
 * user edits their rules (web_playbook_reload), freed by its last user. */
struct shared_playbook {
	struct playbook pb;
	int refs;
};

static struct server {
	const struct web_options *opt;
	struct web_listener lis; /* its address: the host as given, the port as bound */
	struct auth_secrets sec;
	char *keyfile; /* the address file of auth.h, removed at the end */
	pthread_mutex_t lock; /* guards playbook and stores */
	struct shared_playbook *playbook;
	struct store **stores; /* every thread's connection, closed at the end */
	size_t nstores, allocstores;
	pthread_mutex_t tick_lock;
	pthread_cond_t tick_wake;
	bool stopping;
	/* A practice's server (a PostgreSQL database with accounts, issue 20):
	 * each person signs in with their account (page_account.c), not with
	 * the key or password of one person's server */
	bool practice;
	bool on_pg; /* a PostgreSQL address, which may hold a password: never shown */
} srv = { .lock = PTHREAD_MUTEX_INITIALIZER, .tick_lock = PTHREAD_MUTEX_INITIALIZER,
	  .tick_wake = PTHREAD_COND_INITIALIZER };

static _Thread_local struct store *thread_store;

/* ---- the deadlines and the connection limits ----
 * Every connection has a clock, started when it opens and again when it has
 * been answered (for its next request on a kept-alive connection), stopped
 * once its request is in. The reaper shuts down the socket of a connection
 * whose clock runs past the deadline (HEADER_DEADLINE for a new connection
 * that has not sent its headers yet, REQUEST_DEADLINE otherwise);
 * libmicrohttpd then closes it. A clock is unlinked, under the lock, before
 * libmicrohttpd closes its socket, so no socket is touched after reuse. */
struct conn_clock {
	int fd;
	bool running;    /* waiting for a request (headers or body) */
	bool headers_in; /* this request's headers have come */
	bool served;     /* a request was answered on it */
	bool remote;     /* the peer is not on this machine */
	struct sockaddr_storage peer;
	struct timespec start;
	struct conn_clock *prev, *next;
};

static pthread_mutex_t clocks_lock = PTHREAD_MUTEX_INITIALIZER;
static struct conn_clock *clocks;

static struct conn_clock *clock_of(struct MHD_Connection *c)
{
	const union MHD_ConnectionInfo *ci =
		mhd.MHD_get_connection_info(c, MHD_CONNECTION_INFO_SOCKET_CONTEXT);

	return ci ? ci->socket_context : NULL;
}

/* The request's headers are in (running false: and its body too). */
static void clock_set(struct MHD_Connection *c, bool running)
{
	struct conn_clock *k = clock_of(c);

	if (!k)
		return;
	pthread_mutex_lock(&clocks_lock);
	k->running = running;
	k->headers_in = !running;
	if (running)
		k->served = true;
	clock_gettime(CLOCK_MONOTONIC, &k->start);
	pthread_mutex_unlock(&clocks_lock);
}

static void clock_headers_in(struct MHD_Connection *c)
{
	struct conn_clock *k = clock_of(c);

	if (!k)
		return;
	pthread_mutex_lock(&clocks_lock);
	k->headers_in = true;
	pthread_mutex_unlock(&clocks_lock);
}

/* The clock stopped while this server works (a practice's session read
 * from the database, which may wait for a writer) and started again after
 * for the body still to come: the deadlines are the client's, not the
 * database's. */
static void clock_pause(struct MHD_Connection *c, bool pause)
{
	struct conn_clock *k = clock_of(c);

	if (!k)
		return;
	pthread_mutex_lock(&clocks_lock);
	k->running = !pause;
	clock_gettime(CLOCK_MONOTONIC, &k->start);
	pthread_mutex_unlock(&clocks_lock);
}

static bool is_loopback(const struct sockaddr *sa)
{
	if (sa->sa_family == AF_INET)
		return (ntohl(((const struct sockaddr_in *)sa)->sin_addr.s_addr) >> 24) == 127;
	if (sa->sa_family == AF_INET6) {
		const struct in6_addr *a = &((const struct sockaddr_in6 *)sa)->sin6_addr;
		return IN6_IS_ADDR_LOOPBACK(a) ||
		       (IN6_IS_ADDR_V4MAPPED(a) && a->s6_addr[12] == 127);
	}
	return sa->sa_family == AF_UNIX;
}

static bool same_address(const struct sockaddr *a, const struct sockaddr *b)
{
	if (a->sa_family != b->sa_family)
		return false;
	if (a->sa_family == AF_INET)
		return ((const struct sockaddr_in *)a)->sin_addr.s_addr ==
		       ((const struct sockaddr_in *)b)->sin_addr.s_addr;
	if (a->sa_family == AF_INET6)
		return !memcmp(&((const struct sockaddr_in6 *)a)->sin6_addr,
			       &((const struct sockaddr_in6 *)b)->sin6_addr, sizeof(struct in6_addr));
	return false;
}

/* ---- idle (--idle-exit) ----
 * The server is idle when no connection is in the middle of a request
 * (a new one that has not sent its first, or one whose request is being
 * read or answered); a kept-alive connection between requests does not
 * count. The idle time runs from the last connection opened or request
 * answered. */
static _Atomic long long last_activity; /* CLOCK_MONOTONIC seconds */

static long long monotonic_seconds(void)
{
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	return now.tv_sec;
}

static void note_activity(void)
{
	last_activity = monotonic_seconds();
}

static bool requests_pending(void)
{
	bool pending = false;

	pthread_mutex_lock(&clocks_lock);
	for (struct conn_clock *k = clocks; k && !pending; k = k->next)
		pending = !(k->served && k->running && !k->headers_in);
	pthread_mutex_unlock(&clocks_lock);
	return pending;
}

/* How long the server has been idle, in seconds (0: it is not). */
static long long idle_seconds(void)
{
	return requests_pending() ? 0 : monotonic_seconds() - last_activity;
}

/* ---- the load balancers in front (--trusted-proxy) ---- */

/* sa's IP address: its bytes in out (4 or 16), or 0. */
static size_t address_bytes(const struct sockaddr *sa, const unsigned char **out)
{
	if (sa && sa->sa_family == AF_INET) {
		*out = (const unsigned char *)&((const struct sockaddr_in *)sa)->sin_addr;
		return 4;
	}
	if (sa && sa->sa_family == AF_INET6) {
		*out = (const unsigned char *)&((const struct sockaddr_in6 *)sa)->sin6_addr;
		return 16;
	}
	return 0;
}

/* text as an IPv4 or IPv6 address: its bytes in out (16 bytes of room),
 * and their number; 0 when it is neither. */
static size_t parse_address(const char *text, unsigned char *out)
{
	if (inet_pton(AF_INET, text, out) == 1)
		return 4;
	return inet_pton(AF_INET6, text, out) == 1 ? 16 : 0;
}

/* Whether sa is one of --trusted-proxy's addresses. */
static bool is_trusted_proxy(const struct sockaddr *sa)
{
	const unsigned char *bytes;
	unsigned char proxy[16];
	size_t n = address_bytes(sa, &bytes);

	for (size_t i = 0; n && srv.opt && i < srv.opt->n_trusted_proxies; i++)
		if (parse_address(srv.opt->trusted_proxies[i], proxy) == n &&
		    !memcmp(proxy, bytes, n))
			return true;
	return false;
}

/* Every --trusted-proxy is an IP address (checked once, at the start). */
static int check_trusted_proxies(struct error *err)
{
	unsigned char bytes[16];

	for (size_t i = 0; i < srv.opt->n_trusted_proxies; i++)
		if (!parse_address(srv.opt->trusted_proxies[i], bytes))
			return error_set(err, ERR_INVALID, "--trusted-proxy %s: not an IP address",
					 srv.opt->trusted_proxies[i]);
	return 0;
}

/* A connection that counts as one client's: from another machine, and
 * not from a load balancer in front, whose connections are every
 * client's. */
static bool from_one_client(const struct sockaddr *sa)
{
	return !is_loopback(sa) && !is_trusted_proxy(sa);
}

/* libmicrohttpd asks before it accepts a connection. One from another
 * machine is refused when its address has PER_ADDRESS_LIMIT open already
 * (a trusted proxy's are not counted so).
 * Whoever it comes from, when WAITING_LIMIT connections wait for their
 * first headers, the oldest of them is dropped to make room: connections
 * opened and left idle cannot fill the server and keep the user out. */
static enum MHD_Result on_accept(void *cls, const struct sockaddr *addr, socklen_t addrlen)
{
	struct conn_clock *oldest = NULL;
	size_t same = 0, waiting = 0;
	bool remote = from_one_client(addr);

	(void)cls;
	(void)addrlen;
	pthread_mutex_lock(&clocks_lock);
	for (struct conn_clock *k = clocks; k; k = k->next) {
		if (remote && same_address((const struct sockaddr *)&k->peer, addr))
			same++;
		if (k->running && !k->headers_in) {
			waiting++;
			oldest = k; /* the list is newest first */
		}
	}
	if (waiting >= WAITING_LIMIT && oldest && (!remote || same < PER_ADDRESS_LIMIT)) {
		shutdown(oldest->fd, SHUT_RDWR);
		oldest->running = false;
	}
	pthread_mutex_unlock(&clocks_lock);
	return remote && same >= PER_ADDRESS_LIMIT ? MHD_NO : MHD_YES;
}

static void on_connection(void *cls, struct MHD_Connection *c, void **socket_context,
			  enum MHD_ConnectionNotificationCode code)
{
	struct conn_clock *k = *socket_context;
	const union MHD_ConnectionInfo *ci, *ai;

	(void)cls;
	if (code == MHD_CONNECTION_NOTIFY_STARTED) {
		ci = mhd.MHD_get_connection_info(c, MHD_CONNECTION_INFO_CONNECTION_FD);
		if (!ci)
			return;
		k = xcalloc(1, sizeof(*k));
		k->fd = ci->connect_fd;
		k->running = true;
		ai = mhd.MHD_get_connection_info(c, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
		if (ai && ai->client_addr) {
			socklen_t len = ai->client_addr->sa_family == AF_INET6
						? sizeof(struct sockaddr_in6)
						: sizeof(struct sockaddr_in);
			memcpy(&k->peer, ai->client_addr, len);
			k->remote = from_one_client(ai->client_addr);
		}
		clock_gettime(CLOCK_MONOTONIC, &k->start);
		note_activity();
		pthread_mutex_lock(&clocks_lock);
		k->next = clocks;
		if (clocks)
			clocks->prev = k;
		clocks = k;
		pthread_mutex_unlock(&clocks_lock);
		*socket_context = k;
	} else if (k) {
		pthread_mutex_lock(&clocks_lock);
		if (k->prev)
			k->prev->next = k->next;
		else
			clocks = k->next;
		if (k->next)
			k->next->prev = k->prev;
		pthread_mutex_unlock(&clocks_lock);
		free(k);
		*socket_context = NULL;
	}
}

/* Once a second: drop the connections whose request is late. */
static void *reaper(void *arg)
{
	struct timespec until, now;

	(void)arg;
	pthread_mutex_lock(&srv.tick_lock);
	while (!srv.stopping) {
		clock_gettime(CLOCK_REALTIME, &until);
		until.tv_sec += 1;
		pthread_cond_timedwait(&srv.tick_wake, &srv.tick_lock, &until);
		clock_gettime(CLOCK_MONOTONIC, &now);
		pthread_mutex_lock(&clocks_lock);
		for (struct conn_clock *k = clocks; k; k = k->next) {
			long deadline = k->served || k->headers_in ? REQUEST_DEADLINE : HEADER_DEADLINE;
			if (k->running && now.tv_sec - k->start.tv_sec > deadline) {
				shutdown(k->fd, SHUT_RDWR);
				k->running = false;
			}
		}
		pthread_mutex_unlock(&clocks_lock);
	}
	pthread_mutex_unlock(&srv.tick_lock);
	return NULL;
}

/* ---- the playbooks ---- */

static struct shared_playbook *playbook_get(void)
{
	struct shared_playbook *p;

	pthread_mutex_lock(&srv.lock);
	p = srv.playbook;
	p->refs++;
	pthread_mutex_unlock(&srv.lock);
	return p;
}

static void playbook_put(struct shared_playbook *p)
{
	bool last;

	pthread_mutex_lock(&srv.lock);
	last = --p->refs == 0;
	pthread_mutex_unlock(&srv.lock);
	if (last) {
		playbook_release(&p->pb);
		free(p);
	}
}

int web_playbook_reload(struct error *err)
{
	struct shared_playbook *p = xcalloc(1, sizeof(*p)), *old;
	char *user_file = NULL;

	if (playbooks_load(&p->pb, &user_file, err)) {
		free(user_file);
		free(p);
		return err->code ? err->code : ERR_INVALID;
	}
	free(user_file);
	p->refs = 1;
	pthread_mutex_lock(&srv.lock);
	old = srv.playbook;
	srv.playbook = p;
	pthread_mutex_unlock(&srv.lock);
	if (old)
		playbook_put(old);
	return 0;
}

/* ---- the database ---- */

static int open_store(struct store **out, struct error *err)
{
	int rc = store_open(out, srv.opt->db_path, srv.opt->store_flags, err);

	if (!rc && store_upgrade_note(*out))
		fprintf(stderr, "rapport: %s\n", store_upgrade_note(*out));
	/* one person's PostgreSQL database: every connection acts as its owner
	 * (the first, the ticker's, does once it knows: web_serve) */
	if (!rc && srv.on_pg && !srv.practice)
		rc = store_act_as(*out, NULL, err);
	if (!rc && (rc = store_keep_warm(*out, err))) {
		store_close(*out);
		*out = NULL;
	}
	if (!rc) {
		pthread_mutex_lock(&srv.lock);
		xgrow((void **)&srv.stores, sizeof(*srv.stores), srv.nstores + 1, &srv.allocstores);
		srv.stores[srv.nstores++] = *out;
		pthread_mutex_unlock(&srv.lock);
	}
	return rc;
}

/* The time rules, in their own write transaction, for the account (on a
 * practice's server; 0 on one person's). */
static void tick_account(struct store *s, const struct playbook *pb, int64_t account_id)
{
	struct error err = ERROR_INIT;

	if (store_begin_write(s, &err) || (account_id && store_act_for(s, account_id, &err)) ||
	    playbooks_tick(s, pb, &err) || store_commit(s, &err)) {
		store_rollback(s);
		fprintf(stderr, "rapport: the time rules did not run: %s\n", err.msg);
	}
}

/* The time rules of the server's data: on a practice's server, each active
 * account's in turn, a transaction each (the rows and the rules' marks of
 * each are its own, behind the walls). */
static void tick(struct store *s)
{
	struct shared_playbook *p;
	struct error err = ERROR_INIT;
	id_vec accounts = { 0 };

	p = playbook_get();
	if (store_refresh_now(s, &err) || store_durable(s, false, &err) ||
	    (srv.practice && store_account_active_ids(s, &accounts, &err)))
		fprintf(stderr, "rapport: the time rules did not run: %s\n", err.msg);
	else if (!srv.practice)
		tick_account(s, &p->pb, 0);
	for (size_t i = 0; i < accounts.n; i++)
		tick_account(s, &p->pb, accounts.items[i]);
	free(accounts.items);
	/* this connection's next commits are a request's: the user's data */
	if (store_durable(s, true, &err))
		fprintf(stderr, "rapport: %s\n", err.msg);
	playbook_put(p);
}

static void *ticker(void *arg)
{
	struct store *s = arg;
	struct timespec until;

	pthread_mutex_lock(&srv.tick_lock);
	while (!srv.stopping) {
		clock_gettime(CLOCK_REALTIME, &until);
		until.tv_sec += TICK_SECONDS;
		pthread_cond_timedwait(&srv.tick_wake, &srv.tick_lock, &until);
		if (srv.stopping)
			break;
		pthread_mutex_unlock(&srv.tick_lock);
		tick(s);
		pthread_mutex_lock(&srv.tick_lock);
	}
	pthread_mutex_unlock(&srv.tick_lock);
	return NULL;
}

/* ---- checks ---- */

/* host (with an optional :port, IPv6 in brackets) names this server. */
static bool allowed_host(const char *host)
{
	char name[256];
	size_t n;
	const char *end;

	if (!host || !*host)
		return false;
	if (host[0] == '[') {
		if (!(end = strchr(host, ']')))
			return false;
		host++;
	} else {
		end = strchr(host, ':');
		if (!end)
			end = host + strlen(host);
	}
	n = (size_t)(end - host);
	if (n == 0 || n >= sizeof(name))
		return false;
	memcpy(name, host, n);
	name[n] = '\0';
	if (!strcasecmp(name, "localhost") || !strcmp(name, "127.0.0.1") || !strcmp(name, "::1") ||
	    !strcasecmp(name, srv.lis.host))
		return true;
	for (size_t i = 0; i < srv.opt->n_allow_hosts; i++)
		if (!strcasecmp(name, srv.opt->allow_hosts[i]))
			return true;
	return false;
}

/* A practice's servers sit behind a load balancer or a TLS proxy, whose
 * address and scheme the browser sees, not the server's: an Origin is
 * this site when it names the host and port the request was sent to (its
 * Host header, checked to be one of this server's names), over http or
 * https. */
static bool same_origin_as_host(const char *origin, const char *host)
{
	const char *hostport = !strncmp(origin, "https://", 8)  ? origin + 8
			       : !strncmp(origin, "http://", 7) ? origin + 7
								: NULL;

	return hostport && host && !strcasecmp(hostport, host);
}

/* An Origin header ("http://host:port"), when present, must be this server:
 * one of its names and its port (another port of 127.0.0.1 is another site). */
static bool allowed_origin(const char *origin, const char *host)
{
	const char *hostport, *port;
	long n;

	if (!origin)
		return true;
	if (srv.practice)
		return same_origin_as_host(origin, host);
	if (strncmp(origin, "http://", 7))
		return false;
	hostport = origin + 7;
	if (strchr(hostport, '/') || !allowed_host(hostport))
		return false;
	port = strrchr(hostport, ':');
	if (port && hostport[0] == '[' && port < strchr(hostport, ']'))
		port = NULL; /* the colon was inside an IPv6 address */
	n = port ? strtol(port + 1, NULL, 10) : 80;
	return n == srv.lis.port;
}

/* ---- one request ---- */

struct conn {
	struct strbuf body;
	struct multipart *form; /* a multipart body, read as it comes */
	size_t received, limit;
	bool too_large, bad_form;
	int refused;         /* the status the headers earned, or 0 */
	const char *refusal; /* and why */
	bool authed;         /* the session cookie, or the key as a bearer token */
	bool bearer;         /* the key: a script, which needs no CSRF token */
	bool signin;         /* a GET with ?key=: set the cookie, drop the key */
	bool csrf_checked;   /* the CSRF token came in the address, and matched */
	/* the route of the method and path (or NULL), its captured segments,
	 * and the path they point into, cut by the captures */
	const struct web_route *route;
	const char *arg[3];
	char path[1024];
	struct timespec start;
	/* a practice's server: the signed-in account, its session's token
	 * (from the cookie) and that session's CSRF token */
	struct account account;
	char token[PRACTICE_TOKEN_HEX + 1], csrf[PRACTICE_TOKEN_HEX + 1];
	/* and the database's data version read with the session */
	int64_t data_version;
	bool version_known;
};

static bool bearer_key(struct MHD_Connection *c)
{
	const char *h = mhd.MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Authorization");

	return h && !strncasecmp(h, "Bearer ", 7) && secret_equal(h + 7, srv.sec.key);
}

static int refuse(struct conn *cn, int status, const char *why)
{
	cn->refused = status;
	cn->refusal = why;
	return status;
}

/* ---- a practice's sessions (issue 20) ---- */

long long web_session_idle(void)
{
	return srv.opt && srv.opt->session_idle > 0 ? srv.opt->session_idle
						   : PRACTICE_IDLE_DEFAULT;
}

/* The last address of an X-Forwarded-For header (the one the proxy in
 * front saw: those before it are the client's to write), in out; false
 * when it is no IP address. */
static bool forwarded_client(const char *header, char *out, size_t size)
{
	const char *last = strrchr(header, ',');
	char text[64];
	unsigned char bytes[16];
	size_t n;

	last = last ? last + 1 : header;
	last += strspn(last, " \t");
	n = strcspn(last, " \t");
	if (n == 0 || n >= sizeof(text) || n >= size)
		return false;
	memcpy(text, last, n);
	text[n] = '\0';
	if (!parse_address(text, bytes))
		return false;
	memcpy(out, text, n + 1);
	return true;
}

void web_peer_text(const struct web_req *rq, char *out, size_t size)
{
	const struct sockaddr *sa = rq->peer;
	const void *addr = NULL;

	if (rq->forwarded_for && is_trusted_proxy(sa) &&
	    forwarded_client(rq->forwarded_for, out, size))
		return;
	if (sa && sa->sa_family == AF_INET)
		addr = &((const struct sockaddr_in *)sa)->sin_addr;
	else if (sa && sa->sa_family == AF_INET6)
		addr = &((const struct sockaddr_in6 *)sa)->sin6_addr;
	if (!addr || !inet_ntop(sa->sa_family, addr, out, (socklen_t)size))
		snprintf(out, size, "unknown");
}

/* The session this thread verified at its account's current data
 * version, into out: one round trip (the version, read outside a
 * transaction; a page's transaction begins after it, so its snapshot is
 * no older). */
static bool session_remembered(struct store *s, const char *digest, struct account *out,
			       int64_t *version)
{
	struct error err = ERROR_INIT;
	int64_t account_id;
	int64_t known = session_memo_version(s, digest, &account_id);

	if (known < 0 || store_account_version(s, account_id, version, &err) || *version != known)
		return false;
	session_memo_account(digest, out);
	return true;
}

/* The session of the cookie's token, read in a transaction of its own, and
 * its idle time started again when due (practice_session_resume), in a
 * write for its account (which takes that account's write lock alone).
 * The data version of its account, read in the same snapshot, is the page
 * cache's key for the request, and the session memo's
 * (web/session_memo.h). */
static int session_lookup(struct store *s, const char *token, struct account *out,
			  int64_t *version, struct error *err)
{
	char digest[SECRET_DIGEST_HEX + 1];
	long long valid_for = 0;
	bool touch = false;
	int rc;

	if (store_refresh_now(s, err))
		return err->code;
	secret_digest_hex(token, digest);
	if (session_remembered(s, digest, out, version))
		return 1;
	if (store_begin_read(s, err))
		return err->code;
	rc = practice_session_resume(s, token, out, &touch, &valid_for, err);
	if (rc == 1 && store_account_version(s, out->id, version, err))
		rc = err->code;
	store_rollback(s); /* it only read */
	if (rc == 1 && !touch)
		session_memo_put(s, digest, *version, valid_for, out);
	if (rc == 1 && touch &&
	    (store_begin_write(s, err) || store_act_for(s, out->id, err) ||
	     practice_session_touch(s, token, web_session_idle(), err) || store_commit(s, err))) {
		store_rollback(s);
		return err->code;
	}
	return rc;
}

/* On a practice's server, the cookie's session: cn->authed when it is
 * current, with its account and CSRF token. */
static int practice_session_check(struct conn *cn, const char *cookie)
{
	struct error err = ERROR_INIT;
	int rc;

	if (!cookie || strlen(cookie) != PRACTICE_TOKEN_HEX)
		return 0;
	if (!thread_store && open_store(&thread_store, &err))
		rc = err.code;
	else
		rc = session_lookup(thread_store, cookie, &cn->account, &cn->data_version, &err);
	if (rc < 0) {
		fprintf(stderr, "rapport: %s\n", err.msg);
		return refuse(cn, 503, unavailable_text);
	}
	if (rc == 1) {
		cn->authed = cn->version_known = true;
		memcpy(cn->token, cookie, sizeof(cn->token));
		practice_csrf_of(cookie, cn->csrf);
	}
	return 0;
}

/* The session: one person's (the key as a bearer token, the cookie, the
 * printed address), or an account's on a practice's server. */
static int check_session(struct MHD_Connection *c, struct conn *cn, bool read)
{
	const char *key = mhd.MHD_lookup_connection_value(c, MHD_GET_ARGUMENT_KIND, "key");

	if (srv.practice) {
		int rc;

		clock_pause(c, true);
		rc = practice_session_check(cn, mhd.MHD_lookup_connection_value(c, MHD_COOKIE_KIND,
										 PRACTICE_COOKIE));
		clock_pause(c, false);
		return rc;
	}
	cn->bearer = bearer_key(c);
	cn->authed = cn->bearer || secret_equal(mhd.MHD_lookup_connection_value(c, MHD_COOKIE_KIND,
										  COOKIE_NAME),
						 srv.sec.session);
	/* the printed address, also when signed in already: the key leaves the
	 * address bar either way */
	cn->signin = read && secret_equal(key, srv.sec.key);
	return 0;
}

/* The CSRF token of this connection's session. */
static const char *session_csrf(const struct conn *cn)
{
	return srv.practice ? cn->csrf : srv.sec.csrf;
}

static const struct web_route *route_of(struct conn *cn, bool post, const char *url)
{
	const char *method = post ? "POST" : "GET";
	const struct web_route *r = NULL;

	if (srv.practice)
		r = web_route_find_in(web_practice_routes, method, url, cn->arg, cn->path,
				      sizeof(cn->path));
	return r ? r : web_route_find(method, url, cn->arg, cn->path, sizeof(cn->path));
}

/* Everything that can be decided before the body is read (see the top). */
static int check_headers(struct MHD_Connection *c, struct conn *cn, const char *url,
			 const char *method)
{
	const char *len = mhd.MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Content-Length");
	const char *type = mhd.MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Content-Type");
	const char *token = mhd.MHD_lookup_connection_value(c, MHD_GET_ARGUMENT_KIND, "csrf");
	bool post = !strcmp(method, "POST"), read = !strcmp(method, "GET") || !strcmp(method, "HEAD");
	unsigned long long n;
	char *end;

	if (!allowed_host(mhd.MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Host")))
		return refuse(cn, 421, "This server answers only to its own address.");
	if (!post && !read)
		return refuse(cn, 405, "This server takes GET and POST requests only.");
	cn->route = route_of(cn, post, url);
	cn->limit = cn->route && (cn->route->flags & WEB_UPLOAD) ? WEB_UPLOAD_LIMIT : BODY_LIMIT;
	if (len) {
		errno = 0;
		n = strtoull(len, &end, 10);
		if (errno || end == len || *end || n > cn->limit) {
			cn->too_large = true;
			return refuse(cn, 413, "The form is larger than this server accepts.");
		}
	}
	if (check_session(c, cn, read))
		return cn->refused;
	if (!cn->signin && !cn->authed && !(cn->route && (cn->route->flags & WEB_PUBLIC)))
		/* an unknown address too: which addresses exist is not told */
		return refuse(cn, 401, "Sign in to use rapport.");
	if (!post)
		return 0;
	if (!allowed_origin(mhd.MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Origin"),
			    mhd.MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Host")))
		return refuse(cn, 403, "This form did not come from rapport's own pages. "
				       "Reload the page and try again.");
	if (cn->authed && !cn->bearer && token) {
		if (!secret_equal(token, session_csrf(cn)))
			return refuse(cn, 403, "This form is out of date or did not come from "
					       "rapport's own pages. Reload the page and try again.");
		cn->csrf_checked = true;
	}
	if (!multipart_is(type))
		return 0;
	/* a file: its form says who sent it in its address, checked now */
	if (cn->authed && !cn->bearer && !cn->csrf_checked)
		return refuse(cn, 403, "This upload did not come from rapport's own pages. "
				       "Reload the page and try again.");
	if (!(cn->form = multipart_start(c)))
		cn->bad_form = true;
	return 0;
}

static enum MHD_Result collect_query(void *cls, enum MHD_ValueKind kind, const char *key,
				     const char *value)
{
	struct web_req *rq = cls;

	(void)kind;
	if (!utf8_valid(key, strlen(key)) || (value && !utf8_valid(value, strlen(value)))) {
		error_set(&rq->err, ERR_INVALID, "the address is not UTF-8 text");
		return MHD_NO;
	}
	web_params_add(&rq->query, key, value ? value : "");
	return MHD_YES;
}

/* A header, or a note in *ok that it could not be added (out of memory, or
 * a value MHD refuses). */
static void add_header(struct MHD_Response *r, const char *name, const char *value, bool *ok)
{
	if (mhd.MHD_add_response_header(r, name, value) != MHD_YES)
		*ok = false;
}

/* false when a header is missing: a page without its security policy must
 * not go out. */
static bool add_headers(struct MHD_Response *r, const struct web_resp *rs, bool set_cookie)
{
	char cookie[128], retry[24];
	bool ok = true;

	add_header(r, "Content-Type",
		   rs->content_type ? rs->content_type : "text/html; charset=utf-8", &ok);
	add_header(r, "Content-Security-Policy", security_policy, &ok);
	add_header(r, "X-Content-Type-Options", "nosniff", &ok);
	add_header(r, "X-Frame-Options", "DENY", &ok);
	add_header(r, "Referrer-Policy", "same-origin", &ok);
	add_header(r, "Cache-Control", rs->cacheable ? "public, max-age=86400" : "no-store", &ok);
	if (rs->location)
		add_header(r, "Location", rs->location, &ok);
	if (rs->disposition)
		add_header(r, "Content-Disposition", rs->disposition, &ok);
	if (set_cookie) { /* only ever on signing in */
		snprintf(cookie, sizeof(cookie), COOKIE_NAME "=%s; Path=/; HttpOnly; SameSite=Strict",
			 srv.sec.session);
		add_header(r, "Set-Cookie", cookie, &ok);
	}
	if (rs->set_cookie) /* a practice's session (page_account.c) */
		add_header(r, "Set-Cookie", rs->set_cookie, &ok);
	if (rs->flash_changed) { /* a practice's undo flash (web_flash_set) */
		if (rs->flash)
			snprintf(cookie, sizeof(cookie), FLASH_COOKIE "=%lld; " FLASH_ATTRIBUTES,
				 (long long)rs->flash);
		else
			snprintf(cookie, sizeof(cookie),
				 FLASH_COOKIE "=; " FLASH_ATTRIBUTES "; Max-Age=0");
		add_header(r, "Set-Cookie", cookie, &ok);
	}
	if (rs->retry_after > 0) {
		snprintf(retry, sizeof(retry), "%lld", rs->retry_after);
		add_header(r, "Retry-After", retry, &ok);
	}
	return ok;
}

/* The answer when a page's headers could not be set: an empty 500 (with
 * no body there is nothing for a missing header to protect), or, when even
 * that cannot be made, MHD_NO, which closes the connection. */
static enum MHD_Result send_bare_500(struct MHD_Connection *c)
{
	struct MHD_Response *r =
		mhd.MHD_create_response_from_buffer(0, NULL, MHD_RESPMEM_PERSISTENT);
	enum MHD_Result ret;

	if (!r)
		return MHD_NO;
	ret = mhd.MHD_queue_response(c, 500, r);
	mhd.MHD_destroy_response(r);
	return ret;
}

static enum MHD_Result send_response(struct MHD_Connection *c, struct web_resp *rs, bool set_cookie)
{
	size_t len = rs->body.len;
	struct MHD_Response *r =
		mhd.MHD_create_response_from_buffer(len, strbuf_detach(&rs->body),
						    MHD_RESPMEM_MUST_FREE);
	enum MHD_Result ret;

	if (!r)
		return MHD_NO;
	if (!add_headers(r, rs, set_cookie)) {
		mhd.MHD_destroy_response(r);
		return send_bare_500(c);
	}
	ret = mhd.MHD_queue_response(c, (unsigned)rs->status, r);
	mhd.MHD_destroy_response(r);
	return ret;
}

static int status_of(int rc)
{
	switch (rc) {
	case ERR_NOT_FOUND: return 404;
	case ERR_INVALID:
	case ERR_AMBIGUOUS: return 400;
	case ERR_CONFLICT: return 409;
	case ERR_UNAVAILABLE: return 503;
	default: return 500;
	}
}

/* A practice's database server went away (a restart): the request fails
 * whole, as 503 with a time to come back, and the next one connects again. */
static void unavailable_page(struct web_resp *rs, const struct web_req *rq)
{
	ui_error_page(rs, rq, 503, unavailable_text);
	rs->retry_after = RETRY_SECONDS;
}

/* The page of a failed request: rc's status, and msg (503: the same words
 * whatever libpq said, which goes to the log). */
static void failure_page(struct web_resp *rs, const struct web_req *rq, int rc, const char *msg)
{
	if (status_of(rc) != 503) {
		ui_error_page(rs, rq, status_of(rc), msg);
		return;
	}
	fprintf(stderr, "rapport: %s\n", msg);
	unavailable_page(rs, rq);
}

/* Any POST one person's server commits moves the pages' cache on (see
 * cache.h): SQLite's data version does not move with a connection's own
 * commits. A practice's moves with every commit, of the account written
 * alone: there, a client's form must not empty the others' pages. */
static _Atomic uint64_t write_generation;

/* The cache key of a GET: the day, the path and the query. Pages that show
 * files besides the database (WEB_NO_CACHE) are never cached. */
static bool cache_key(const struct web_route *route, const struct web_req *rq,
		      struct strbuf *key)
{
	char day[DATE_BUFSZ];

	if (rq->post || (route->flags & WEB_NO_CACHE))
		return false;
	date_format_day(store_now(rq->store), day);
	/* on a practice's server, each account's pages are its own */
	strbuf_addf(key, "%s %lld %s", day, (long long)rq->account_id, rq->path);
	for (size_t i = 0; i < rq->query.n; i++)
		strbuf_addf(key, " %zu:%s=%zu:%s", strlen(rq->query.items[i].name),
			    rq->query.items[i].name, strlen(rq->query.items[i].value),
			    rq->query.items[i].value);
	return true;
}

#define WHAT_MAX 200 /* bytes of a change's line in the undo history */

/* What the next page says: the change a POST just made (its undo entry's
 * id, > 0: "Done." and Undo) or the one it undid (-id: "Undone: ..."), or
 * 0. A flash rather than a parameter in the redirect's address, which
 * would change every address a form goes back to. One person's server
 * keeps one for the server, as it has one user. A practice's server keeps
 * none: the flash goes to the browser in a cookie of its own and comes
 * back with the next request, whichever server behind the load balancer
 * takes it. What it shows is checked against the database (page_undo.c),
 * so a forged one shows nothing the account could not see. */
static _Atomic int64_t flash;

void web_flash_set(const struct web_req *rq, struct web_resp *rs, int64_t v)
{
	(void)rq;
	if (!srv.practice) {
		flash = v;
		return;
	}
	rs->flash = v;
	rs->flash_changed = true;
}

int64_t web_flash_take(const struct web_req *rq, struct web_resp *rs)
{
	if (!srv.practice)
		return atomic_exchange(&flash, 0);
	if (rq->flash)
		web_flash_set(rq, rs, 0);
	return rq->flash;
}

/* The flash cookie's value: an undo entry's id, perhaps negative; 0 for
 * none or for anything else. */
static int64_t flash_of_cookie(const char *value)
{
	char *end;
	long long v;

	if (!value || !*value || strlen(value) > 20)
		return 0;
	errno = 0;
	v = strtoll(value, &end, 10);
	return errno || *end ? 0 : v;
}

/* Keep the POST's changes for undo; the next page offers to undo them. */
static int save_for_undo(struct web_req *rq, struct web_resp *rs)
{
	struct strbuf what = STRBUF_INIT;
	int64_t id;
	int rc;

	strbuf_addstr(&what, "web: ");
	text_add_printable(&what, rq->path, strnlen(rq->path, WHAT_MAX), false);
	rc = store_undo_save(rq->store, what.buf, "web", &id, &rq->err);
	strbuf_release(&what);
	if (!rc && id)
		web_flash_set(rq, rs, id);
	return rc;
}

/* The database's version for the page cache: known (read with the
 * session), else read now; false when it cannot be read. */
static bool page_version(struct web_req *rq, const int64_t *known, int64_t *version)
{
	if (known) {
		*version = *known;
		return true;
	}
	return !store_data_version(rq->store, version, &rq->err);
}

/* Run the page in a transaction: a read for GET, a write for POST, kept only
 * when the page succeeded. A GET whose page is cached at the database's
 * current version is answered from the cache. */
static void run_page(const struct web_route *route, struct web_req *rq, struct web_resp *rs,
		     const int64_t *known_version)
{
	web_handler page = route->handler;
	/* Is what this POST changes kept for undo? Not undo itself, nor a new
	 * calendar address: the address it revoked must stay revoked. */
	bool undoable = !(route->flags & WEB_NO_UNDO);
	struct shared_playbook *p;
	struct strbuf key = STRBUF_INIT;
	struct cache_version v = { 0, 0 };
	bool cacheable = false;
	int rc;

	if (route->flags & WEB_NO_DB) {
		/* the files built in, and signing in */
		if ((rc = page(rq, rs)))
			ui_error_page(rs, rq, status_of(rc), rq->err.msg);
		return;
	}
	if (!thread_store && open_store(&thread_store, &rq->err)) {
		/* a practice's server started on its database: it went away since */
		failure_page(rs, rq, srv.practice ? ERR_UNAVAILABLE : ERR_STORE, rq->err.msg);
		return;
	}
	rq->store = thread_store;
	if ((rc = store_refresh_now(rq->store, &rq->err))) {
		failure_page(rs, rq, rc, rq->err.msg);
		return;
	}
	v.generation = write_generation;
	/* a flash to show: the page runs, to show it once */
	if (!rq->flash && cache_key(route, rq, &key) &&
	    page_version(rq, known_version, &v.data_version)) {
		cacheable = true;
		if (page_cache_get(key.buf, &v, rs)) {
			strbuf_release(&key);
			return;
		}
	}
	p = playbook_get();
	rq->pb = &p->pb;
	rc = rq->post ? store_begin_write(rq->store, &rq->err) : store_begin_read(rq->store, &rq->err);
	/* first: row-level security shows and takes only the rows of the
	 * account the transaction acts for (none before a sign-in) */
	if (!rc && rq->account_id)
		rc = store_act_for(rq->store, rq->account_id, &rq->err);
	/* a write first records the new day's run a read let pass */
	if (!rc && rq->post && (!srv.practice || rq->account_id))
		rc = playbooks_tick_catch_up(rq->store, p->pb.fingerprint, &rq->err);
	if (!rc && rq->post && undoable)
		rc = store_undo_track(rq->store, &rq->err);
	if (!rc)
		rc = page(rq, rs);
	/* the time rules of the account that wrote (a practice's form before a
	 * sign-in wrote no one's data) */
	if (!rc && rq->post && rs->status < 400 && (!srv.practice || rq->account_id)) {
		/* the rules in force now: the page may have just replaced them */
		struct shared_playbook *cur = playbook_get();
		rc = playbooks_tick(rq->store, &cur->pb, &rq->err);
		playbook_put(cur);
	}
	if (!rc && rq->post && rs->status < 400 && undoable)
		rc = save_for_undo(rq, rs);
	if (!rc && (rs->status < 400 || rs->keep_changes))
		rc = store_commit(rq->store, &rq->err);
	if (rc || (rs->status >= 400 && !rs->keep_changes))
		store_rollback(rq->store);
	if (rc)
		failure_page(rs, rq, rc, rq->err.msg[0] ? rq->err.msg : "failed");
	else if (rq->post && rs->status < 400 && !srv.practice)
		write_generation++;
	else if (cacheable && !rs->no_cache)
		page_cache_put(key.buf, &v, rs);
	strbuf_release(&key);
	playbook_put(p);
}

/* A request's method and path as the terminal may show them: every byte
 * that is not printable ASCII as \xHH, so that a web page cannot forge log
 * lines or send escape sequences to the user's terminal with an <img>. */
static void log_escaped(struct strbuf *sb, const char *s)
{
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p < 0x20 || *p >= 0x7f || *p == '\\')
			strbuf_addf(sb, "\\x%02x", *p);
		else
			strbuf_addch(sb, *p);
	}
}

static void log_request(const char *method, const char *url, int status,
			const struct timespec *start)
{
	struct strbuf line = STRBUF_INIT;
	struct timespec now;
	double ms;

	if (!srv.opt->verbose)
		return;
	clock_gettime(CLOCK_MONOTONIC, &now);
	ms = (double)(now.tv_sec - start->tv_sec) * 1e3 + (double)(now.tv_nsec - start->tv_nsec) / 1e6;
	log_escaped(&line, method);
	strbuf_addch(&line, ' ');
	log_escaped(&line, url);
	fprintf(stderr, "%s %d %.2fms\n", line.buf, status, ms);
	strbuf_release(&line);
}

/* The POST's fields into rq->form, and a multipart form's file into upload. */
static int read_form(struct conn *cn, struct web_req *rq, struct web_upload *upload)
{
	int rc;

	if (cn->bad_form)
		return error_set(&rq->err, ERR_INVALID, "the form's body is not well formed");
	if (!cn->form)
		return web_params_parse(&rq->form, cn->body.buf, cn->body.len, &rq->err);
	rc = multipart_finish(cn->form, &rq->form, upload, &rq->err);
	multipart_free(cn->form);
	cn->form = NULL;
	if (!rc && upload->present)
		rq->upload = upload;
	return rc;
}

/* Signed in with ?key=: the same address without the key, and the cookie. */
static void signin_redirect(struct web_req *rq, struct web_resp *rs)
{
	struct strbuf to = STRBUF_INIT;
	char sep = '?';

	strbuf_addstr(&to, rq->path);
	for (size_t i = 0; i < rq->query.n; i++) {
		if (!strcmp(rq->query.items[i].name, "key"))
			continue;
		strbuf_addch(&to, sep);
		ui_url_part(&to, rq->query.items[i].name);
		strbuf_addch(&to, '=');
		ui_url_part(&to, rq->query.items[i].value);
		sep = '&';
	}
	rs->status = 303;
	rs->location = strbuf_detach(&to);
	rs->set_session = true;
}

/* The answer to a request the headers refused: a 401 is the sign-in page. */
static void refused_page(struct conn *cn, struct web_req *rq, struct web_resp *rs)
{
	if (cn->refused == 401) {
		if (srv.practice)
			page_account_signin_required(rq, rs);
		else
			page_signin_required(rq, rs);
		return;
	}
	if (cn->refused == 503)
		unavailable_page(rs, rq);
	else
		ui_error_page(rs, rq, cn->refused, cn->refusal);
}

static enum MHD_Result handle(struct MHD_Connection *c, struct conn *cn, const char *url,
			      const char *method)
{
	const union MHD_ConnectionInfo *ci =
		mhd.MHD_get_connection_info(c, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
	struct web_req rq = { .path = url, .csrf = cn->authed ? session_csrf(cn) : "",
			      .account_id = cn->account.id, .account_email = cn->account.email,
			      .account_role = cn->account.role,
			      .session_token = cn->token, .err = ERROR_INIT };
	struct web_resp rs = { .status = 200, .body = STRBUF_INIT };
	struct web_upload upload = { .data = STRBUF_INIT };
	bool head = !strcmp(method, "HEAD");
	enum MHD_Result ret;

	rq.post = !strcmp(method, "POST");
	if (srv.practice)
		rq.flash = flash_of_cookie(
			mhd.MHD_lookup_connection_value(c, MHD_COOKIE_KIND, FLASH_COOKIE));
	rq.peer = ci ? ci->client_addr : NULL;
	rq.host = mhd.MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Host");
	rq.forwarded_for = mhd.MHD_lookup_connection_value(c, MHD_HEADER_KIND, "X-Forwarded-For");
	strbuf_grow(&rs.body, 32768); /* most pages fit: no copying as it grows */
	if (cn->refused) {
		refused_page(cn, &rq, &rs);
	} else if (cn->too_large) {
		ui_error_page(&rs, &rq, 413, "The form is larger than this server accepts.");
	} else if (mhd.MHD_get_connection_values(c, MHD_GET_ARGUMENT_KIND, collect_query, &rq) < 0 ||
		   rq.err.code) {
		ui_error_page(&rs, &rq, 400, rq.err.msg);
	} else if (cn->signin) {
		signin_redirect(&rq, &rs);
	} else if (!cn->route) {
		ui_error_page(&rs, &rq, 404, "There is no page at this address.");
	} else if (rq.post && read_form(cn, &rq, &upload)) {
		ui_error_page(&rs, &rq, 400, rq.err.msg);
	} else if (rq.post && cn->authed && !cn->bearer && !cn->csrf_checked &&
		   !secret_equal(web_param(&rq.form, "csrf"), session_csrf(cn))) {
		ui_error_page(&rs, &rq, 403, "This form is out of date or did not come from "
					     "rapport's own pages. Reload the page and try again.");
	} else {
		memcpy(rq.arg, cn->arg, sizeof(rq.arg));
		run_page(cn->route, &rq, &rs, cn->version_known ? &cn->data_version : NULL);
	}
	if (head)
		strbuf_reset(&rs.body);
	log_request(method, url, rs.status, &cn->start);
	ret = send_response(c, &rs, rs.set_session);
	free(rs.location);
	free(rs.disposition);
	free(rs.set_cookie);
	strbuf_release(&rs.body);
	web_params_release(&rq.query);
	web_params_release(&rq.form);
	web_params_release(&rq.errors);
	web_upload_release(&upload);
	return ret;
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *c, const char *url,
				  const char *method, const char *version,
				  const char *upload_data, size_t *upload_data_size,
				  void **con_cls)
{
	struct conn *cn = *con_cls;

	(void)cls;
	(void)version;
	if (!cn) {
		/* The first call only sees the headers. Answering on a later call
		 * keeps the connection alive (libmicrohttpd closes it otherwise). */
		clock_headers_in(c);
		cn = xcalloc(1, sizeof(*cn));
		strbuf_init(&cn->body);
		clock_gettime(CLOCK_MONOTONIC, &cn->start);
		*con_cls = cn;
		if (check_headers(c, cn, url, method)) {
			clock_set(c, false);
			return handle(c, cn, url, method); /* at once: the body is not read */
		}
		return MHD_YES;
	}
	if (*upload_data_size) {
		cn->received += *upload_data_size;
		if (cn->received > cn->limit)
			cn->too_large = true;
		if (cn->too_large || cn->bad_form)
			; /* read and dropped: the answer says why */
		else if (cn->form)
			cn->bad_form = multipart_feed(cn->form, upload_data, *upload_data_size) != 0;
		else
			strbuf_add(&cn->body, upload_data, *upload_data_size);
		*upload_data_size = 0;
		return MHD_YES;
	}
	clock_set(c, false); /* the request is in */
	return handle(c, cn, url, method);
}

static void on_completed(void *cls, struct MHD_Connection *c, void **con_cls,
			 enum MHD_RequestTerminationCode code)
{
	struct conn *cn = *con_cls;

	(void)cls;
	(void)code;
	clock_set(c, true); /* the next request on this connection */
	note_activity();
	if (cn) {
		strbuf_release(&cn->body);
		multipart_free(cn->form);
		account_release(&cn->account);
		free(cn);
		*con_cls = NULL;
	}
}

/* ---- start and stop ---- */

/* The listening socket: systemd's when it passed one, else our own. */
static int take_socket(const struct web_options *o, struct error *err)
{
	int rc = listener_inherit(&srv.lis, err);

	if (rc == 0 && o->listen) {
		close(srv.lis.fd);
		srv.lis.fd = -1;
		return error_set(err, ERR_INVALID, "--listen %s: the socket to listen on came from "
						   "systemd (LISTEN_FDS); its unit names the address",
				 o->listen);
	}
	if (rc == 1)
		rc = listener_open(o->listen ? o->listen : WEB_LISTEN_DEFAULT, &srv.lis, err);
	return rc;
}

/* The sign-in address: http://HOST:PORT/?key=KEY; a practice's server's
 * has no key (each person signs in with their account). */
static void sign_in_url(struct strbuf *sb)
{
	bool v6 = strchr(srv.lis.host, ':') != NULL;

	strbuf_addf(sb, "http://%s%s%s:%u/", v6 ? "[" : "", srv.lis.host, v6 ? "]" : "",
		    srv.lis.port);
	if (!srv.practice)
		strbuf_addf(sb, "?key=%s", srv.sec.key);
}

static void print_url(const struct strbuf *url)
{
	/* a PostgreSQL address may hold a password: never printed */
	printf("rapport: serving %s on %s (%s)\n",
	       srv.practice ? "the practice's PostgreSQL database"
	       : srv.on_pg  ? "the PostgreSQL database"
			    : srv.opt->db_path,
	       url->buf,
	       srv.lis.inherited ? "on the socket systemd passed" : "Ctrl-C stops it");
	fflush(stdout);
}

/* --open: the user's browser, on the sign-in address (xdg-open). */
static void open_browser(const struct strbuf *url)
{
	char opener[] = "xdg-open";
	char *argv[] = { opener, url->buf, NULL };
	pid_t pid;
	int status;

	if (posix_spawnp(&pid, "xdg-open", NULL, NULL, argv, environ) ||
	    waitpid(pid, &status, 0) != pid || !WIFEXITED(status) || WEXITSTATUS(status))
		fprintf(stderr, "rapport: could not open a browser (xdg-open): open the address "
				"above by hand\n");
}

/* A practice's server run as the tables' owner, or a superuser, is not
 * walled off from any account's rows: say so (the tests' clusters run so;
 * a practice runs as rapport_app, docs/architecture.md). Nor is one whose
 * role inherits the coach's fast (practice migration app_noinherit). */
static int warn_unwalled(struct store *s, struct error *err)
{
	struct store_walls w;

	if (store_walls_hold(s, &w, err))
		return err->code;
	if (!w.hold)
		fprintf(stderr, "rapport: warning: the server's database role owns the tables or "
				"bypasses row-level security, so the database does not keep the "
				"accounts apart: connect as rapport_app (see the README)\n");
	else if (w.coach_policy)
		fprintf(stderr, "rapport: warning: the server's database role inherits "
				"rapport_coach, so every query carries the coach's policy and cannot "
				"find a client's rows by index: as a superuser, ALTER ROLE "
				"rapport_app NOINHERIT\n");
	return 0;
}

/* Anything but loopback needs a password: the key alone would give the
 * search to whoever sees the printed address or the traffic. The socket
 * systemd passes is checked as our own is: its unit may name any address. */
static int check_exposure(struct error *err)
{
	char *hash = NULL;

	if (is_loopback((const struct sockaddr *)&srv.lis.addr))
		return 0;
	if (srv.practice) { /* its accounts sign in; the cookie wants TLS */
		fprintf(stderr, "rapport: warning: listening on %s, beyond this machine: put a TLS "
				"reverse proxy in front, or browsers will not keep the sign-in\n",
			srv.lis.where);
		return 0;
	}
	if (auth_password_get(&hash, err))
		return err->code;
	if (!hash)
		return error_set(err, ERR_INVALID,
				 "%s %s reaches other machines: set a password first with "
				 "'rapport config web.password'",
				 srv.lis.inherited ? "the socket from systemd on" : "--listen",
				 srv.lis.where);
	free(hash);
	fprintf(stderr, "rapport: warning: listening on %s, beyond this machine; the traffic "
			"(your password and your search) is not encrypted unless a TLS reverse "
			"proxy is in front\n", srv.lis.where);
	return 0;
}

/* The secrets: on systemd's socket, those of the server it started before
 * (auth.h: a signed-in tab outlives an idle stop); else new ones. */
static int make_secrets(struct error *err)
{
	if (srv.lis.inherited)
		return auth_socket_secrets(srv.lis.socket_id, srv.opt->db_path, &srv.sec, err);
	return auth_secrets_make(&srv.sec, err);
}

/* The socket, checked; the secrets; the sign-in address in url and in the
 * files `serve --url` reads. On failure the socket is closed. */
static int start_listening(struct strbuf *url, struct error *err)
{
	int rc = take_socket(srv.opt, err);

	if (rc)
		return rc;
	if (!(rc = check_exposure(err)) && !(rc = make_secrets(err))) {
		sign_in_url(url);
		if (srv.lis.inherited)
			rc = auth_socket_keep(srv.lis.socket_id, url->buf, srv.opt->db_path, &srv.sec,
					      err);
		if (!rc)
			rc = auth_keyfile_write(url->buf, srv.opt->db_path, &srv.keyfile, err);
	}
	if (rc) {
		close(srv.lis.fd);
		srv.lis.fd = -1;
	}
	return rc;
}

static struct MHD_Daemon *start_daemon(void)
{
	long cpus = sysconf(_SC_NPROCESSORS_ONLN);

	/* MHD_USE_ITC: MHD_quiesce_daemon needs it (stop_daemon) */
	return mhd.MHD_start_daemon(MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL | MHD_USE_ITC |
					    MHD_USE_ERROR_LOG | (srv.lis.v6 ? MHD_USE_IPv6 : 0),
				    0, on_accept, NULL, on_request, NULL,
				    MHD_OPTION_LISTEN_SOCKET, srv.lis.fd,
				    MHD_OPTION_THREAD_POOL_SIZE, (unsigned)(cpus > 1 ? cpus : 1),
				    MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)30,
				    MHD_OPTION_CONNECTION_LIMIT, (unsigned)CONNECTION_LIMIT,
				    MHD_OPTION_NOTIFY_COMPLETED, on_completed, NULL,
				    MHD_OPTION_NOTIFY_CONNECTION, on_connection, NULL, MHD_OPTION_END);
}

/* Stop taking connections, let those that are in the middle of a request
 * finish (when drain: an idle stop, which a connection may have just
 * beaten), and stop. The listening socket is ours to close: under
 * systemd, its own copy keeps the connections that come meanwhile for the
 * next start. */
static void stop_daemon(struct MHD_Daemon *d, bool drain)
{
	struct timespec pause = { .tv_nsec = 50 * 1000 * 1000 };

	/* the socket back, or (should quiescing fail) MHD_stop_daemon closes it */
	MHD_socket fd = mhd.MHD_quiesce_daemon(d);

	for (int i = 0; drain && i < (REQUEST_DEADLINE + 1) * 20 && requests_pending(); i++)
		nanosleep(&pause, NULL);
	mhd.MHD_stop_daemon(d);
	if (fd != MHD_INVALID_SOCKET)
		close(fd);
	srv.lis.fd = -1;
}

/* Wait for SIGINT or SIGTERM (false), or with --idle-exit for that long
 * without a request (true). */
static bool wait_for_stop(const sigset_t *stop)
{
	unsigned idle = srv.opt->idle_exit_seconds;
	struct timespec second = { .tv_sec = 1 };
	int sig;

	if (!idle) {
		while (sigwait(stop, &sig) == 0 && sig != SIGINT && sig != SIGTERM)
			;
		return false;
	}
	for (;;) {
		sig = sigtimedwait(stop, NULL, &second);
		if (sig == SIGINT || sig == SIGTERM)
			return false;
		if (idle_seconds() >= idle)
			return true;
	}
}

static void stop_threads(pthread_t *ticker_thread, pthread_t reaper_thread)
{
	pthread_mutex_lock(&srv.tick_lock);
	srv.stopping = true;
	pthread_cond_broadcast(&srv.tick_wake);
	pthread_mutex_unlock(&srv.tick_lock);
	if (ticker_thread)
		pthread_join(*ticker_thread, NULL);
	pthread_join(reaper_thread, NULL);
}

static void close_stores(void)
{
	for (size_t i = 0; i < srv.nstores; i++)
		store_close(srv.stores[i]);
	free(srv.stores);
	srv.stores = NULL;
	srv.nstores = srv.allocstores = 0;
}

/* What web_serve made, undone (the address file removed). */
static void release_server(struct strbuf *url)
{
	if (srv.lis.fd >= 0)
		close(srv.lis.fd);
	srv.lis.fd = -1;
	if (srv.keyfile)
		unlink(srv.keyfile);
	free(srv.keyfile);
	srv.keyfile = NULL;
	strbuf_release(url);
	close_stores();
	if (srv.playbook)
		playbook_put(srv.playbook);
	srv.playbook = NULL;
}

int web_serve(const struct web_options *o, struct error *err)
{
	struct MHD_Daemon *d;
	struct store *tick_store = NULL;
	struct strbuf url = STRBUF_INIT;
	pthread_t tick_thread, reaper_thread;
	sigset_t stop;
	bool idle;

	srv.opt = o;
	srv.lis.fd = -1;
	if (check_trusted_proxies(err) || mhd_load(err) || web_playbook_reload(err) ||
	    open_store(&tick_store, err))
		goto fail;
	srv.on_pg = store_has_accounts(tick_store);
	if (store_is_practice(tick_store, &srv.practice, err) ||
	    (srv.practice && warn_unwalled(tick_store, err)) ||
	    (srv.on_pg && !srv.practice && store_act_as(tick_store, NULL, err)))
		goto fail;
	if (srv.practice)
		mail_account_refuse_on_server();
	tick(tick_store); /* also creates the database, so the first page does not */
	if (start_listening(&url, err))
		goto fail;
	/* Signals go to this thread only, read by sigwait below. */
	sigemptyset(&stop);
	sigaddset(&stop, SIGINT);
	sigaddset(&stop, SIGTERM);
	pthread_sigmask(SIG_BLOCK, &stop, NULL);
	signal(SIGPIPE, SIG_IGN);
	note_activity(); /* the idle time runs from the start */
	if (!(d = start_daemon())) {
		error_set(err, ERR_IO, "cannot start the web server on %s", srv.lis.where);
		goto fail;
	}
	if (pthread_create(&reaper_thread, NULL, reaper, NULL)) {
		stop_daemon(d, false);
		error_set(err, ERR_IO, "cannot start the request deadline's thread");
		goto fail;
	}
	if (pthread_create(&tick_thread, NULL, ticker, tick_store)) {
		stop_daemon(d, false);
		stop_threads(NULL, reaper_thread);
		error_set(err, ERR_IO, "cannot start the time rules' thread");
		goto fail;
	}
	print_url(&url);
	if (o->open_browser)
		open_browser(&url);
	idle = wait_for_stop(&stop);
	stop_daemon(d, idle);
	stop_threads(&tick_thread, reaper_thread);
	release_server(&url);
	if (idle)
		fprintf(stderr, "rapport: stopped after %u s without a request (--idle-exit)\n",
			o->idle_exit_seconds);
	else
		fprintf(stderr, "rapport: stopped\n");
	return 0;
fail:
	release_server(&url);
	return err->code ? err->code : ERR_IO;
}
