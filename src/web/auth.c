/* auth.c: the web server's password file and address files (see auth.h). */
#include "web/auth.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

#include "util/atomic_file.h"
#include "util/dirs.h"
#include "util/password.h"
#include "util/secret.h"
#include "util/xalloc.h"

/* A password file or an address file is a line or three: anything larger is
 * not ours. */
#define SMALL_FILE_MAX 4096

static char *xdg_path(const char *var, const char *fallback, const char *leaf)
{
	const char *xdg = getenv(var), *home = getenv("HOME");
	struct strbuf sb = STRBUF_INIT;

	if (xdg && *xdg == '/')
		strbuf_addf(&sb, "%s/rapport%s%s", xdg, *leaf ? "/" : "", leaf);
	else if (fallback && home && *home == '/')
		strbuf_addf(&sb, "%s/%s/rapport%s%s", home, fallback, *leaf ? "/" : "", leaf);
	else
		return NULL;
	return strbuf_detach(&sb);
}

/* $XDG_CONFIG_HOME/rapport/web-password (else ~/.config/...), or NULL. */
static char *auth_password_path(void)
{
	return xdg_path("XDG_CONFIG_HOME", ".config", "web-password");
}

/* The folder of the servers' address files: $XDG_RUNTIME_DIR/rapport,
 * else $XDG_STATE_HOME/rapport, else ~/.local/state/rapport; or NULL. */
static char *auth_keyfile_dir(void)
{
	char *dir = xdg_path("XDG_RUNTIME_DIR", NULL, "");

	if (!dir)
		dir = xdg_path("XDG_STATE_HOME", ".local/state", "");
	return dir;
}

/* Replace path with text in one rename (0600 for a new file). */
static int write_private(const char *path, const char *text, struct error *err)
{
	return atomic_file_write(path, text, strlen(text), err);
}

/* A small regular file that only its owner may read or write; 1 when it does
 * not exist. A file others can write could have been planted: refused. */
static int read_private(const char *path, struct strbuf *out, struct error *err)
{
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOFOLLOW);
	struct stat st;
	char buf[SMALL_FILE_MAX];
	ssize_t n;

	if (fd < 0)
		return errno == ENOENT ? 1
				       : error_set(err, ERR_IO, "cannot read '%s': %s", path,
						   strerror(errno));
	if (fstat(fd, &st) || !S_ISREG(st.st_mode) || st.st_size >= SMALL_FILE_MAX ||
	    st.st_uid != geteuid() || (st.st_mode & 077)) {
		close(fd);
		return error_set(err, ERR_IO,
				 "'%s' is not a small file that only you can read and write", path);
	}
	n = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	if (n < 0)
		return error_set(err, ERR_IO, "cannot read '%s': %s", path, strerror(errno));
	strbuf_add(out, buf, (size_t)n);
	return 0;
}

int auth_password_get(char **hash, struct error *err)
{
	char *path = auth_password_path();
	struct strbuf sb = STRBUF_INIT;
	int rc;

	*hash = NULL;
	if (!path)
		return 0;
	rc = read_private(path, &sb, err);
	free(path);
	if (rc) {
		strbuf_release(&sb);
		return rc > 0 ? 0 : rc;
	}
	strbuf_trim(&sb);
	if (strncmp(sb.buf, "$argon2id$", 10) || strpbrk(sb.buf, "\r\n")) {
		strbuf_release(&sb);
		return error_set(err, ERR_INVALID, "the web password file does not hold an "
						   "argon2id hash: set it again with "
						   "'rapport config web.password'");
	}
	*hash = strbuf_detach(&sb);
	return 0;
}

int auth_password_set(const char *password, struct error *err)
{
	char *path = auth_password_path(), *hash = NULL;
	int rc;

	if (!path)
		return error_set(err, ERR_IO, "neither XDG_CONFIG_HOME nor HOME is set: nowhere to "
					      "keep the password");
	if (!password) {
		rc = unlink(path) && errno != ENOENT
			     ? error_set(err, ERR_IO, "cannot remove '%s': %s", path, strerror(errno))
			     : 0;
		free(path);
		return rc;
	}
	if (!(rc = dirs_make_parents(path, err)) && !(rc = password_hash(password, &hash, err))) {
		struct strbuf line = STRBUF_INIT;
		strbuf_addf(&line, "%s\n", hash);
		rc = write_private(path, line.buf, err);
		strbuf_release(&line);
	}
	free(hash);
	free(path);
	return rc;
}

int auth_keyfile_write(const char *url, const char *db_path, char **path, struct error *err)
{
	char *dir = auth_keyfile_dir();
	struct strbuf sb = STRBUF_INIT;
	int rc;

	*path = NULL;
	if (!dir)
		return error_set(err, ERR_IO, "neither XDG_RUNTIME_DIR nor HOME is set: nowhere to "
					      "keep the server's address");
	strbuf_addf(&sb, "%s/serve-%ld", dir, (long)getpid());
	free(dir);
	*path = strbuf_detach(&sb);
	if ((rc = dirs_make_parents(*path, err))) {
		free(*path);
		*path = NULL;
		return rc;
	}
	strbuf_addf(&sb, "%s\n%s\n%ld\n", url, db_path, (long)getpid());
	rc = write_private(*path, sb.buf, err);
	strbuf_release(&sb);
	if (rc) {
		free(*path);
		*path = NULL;
	}
	return rc;
}

/* Cut text into at most n lines, each '\n' made a '\0'; how many whole lines. */
static size_t cut_lines(char *text, char **lines, size_t n)
{
	size_t i = 0;
	char *nl;

	while (i < n && (nl = strchr(text, '\n'))) {
		*nl = '\0';
		lines[i++] = text;
		text = nl + 1;
	}
	return i;
}

/* Does text hold line as one of its lines? */
static bool has_line(const char *text, const char *line)
{
	size_t n = strlen(line);

	for (const char *p = text; (p = strstr(p, line)); p++)
		if ((p == text || p[-1] == '\n') && p[n] == '\n')
			return true;
	return false;
}

/* Read dir/name, a private file of n lines, into text and lines; false when
 * it cannot be read or has fewer lines. */
static bool read_lines(const char *dir, const char *name, struct strbuf *text, char **lines,
		       size_t n)
{
	struct strbuf path = STRBUF_INIT;
	struct error ignored = ERROR_INIT;
	bool whole;

	strbuf_addf(&path, "%s/%s", dir, name);
	whole = read_private(path.buf, text, &ignored) == 0 && cut_lines(text->buf, lines, n) == n;
	strbuf_release(&path);
	return whole;
}

static void unlink_in(const char *dir, const char *name)
{
	struct strbuf path = STRBUF_INIT;

	strbuf_addf(&path, "%s/%s", dir, name);
	unlink(path.buf);
	strbuf_release(&path);
}

/* The lines of an address file (auth_keyfile_write). */
enum { SERVE_URL, SERVE_DB, SERVE_PID, SERVE_LINES };

/* Is the address file dir/name a live server's on db_path? Its URL into out. */
static bool live_server_on(const char *dir, const char *name, const char *db_path,
			   struct strbuf *out)
{
	struct strbuf text = STRBUF_INIT;
	char *line[SERVE_LINES], *end;
	long n;
	bool live = false;

	if (read_lines(dir, name, &text, line, SERVE_LINES)) {
		errno = 0;
		n = strtol(line[SERVE_PID], &end, 10);
		live = !errno && n > 0 && !*end && !strcmp(line[SERVE_DB], db_path) &&
		       (kill((pid_t)n, 0) == 0 || errno == EPERM);
		if (live)
			strbuf_addf(out, "%s\n", line[SERVE_URL]);
		else if (!strcmp(line[SERVE_DB], db_path) && n > 0 && errno == ESRCH)
			unlink_in(dir, name); /* left by a server that was killed */
	}
	strbuf_release(&text);
	return live;
}

/* ---- the sockets systemd holds (auth_socket_*) ----
 * socket-ID: "URL\nDATABASE\nKEY\nSESSION\nCSRF\n". */
#define SOCKET_PREFIX "socket-"
enum { SOCKET_URL, SOCKET_DB, SOCKET_KEY, SOCKET_SESSION, SOCKET_CSRF, SOCKET_LINES };

int auth_secrets_make(struct auth_secrets *s, struct error *err)
{
	if (secret_hex(s->key, AUTH_SECRET_HEX, err) || secret_hex(s->session, AUTH_SECRET_HEX, err) ||
	    secret_hex(s->csrf, AUTH_SECRET_HEX, err))
		return err->code;
	return 0;
}

static bool is_secret(const char *s)
{
	return strlen(s) == AUTH_SECRET_HEX && strspn(s, "0123456789abcdef") == AUTH_SECRET_HEX;
}

/* Only in the runtime folder: kept anywhere else, the secrets would
 * outlive the socket and the login. */
static char *socket_dir(void)
{
	return xdg_path("XDG_RUNTIME_DIR", NULL, "");
}

static char *socket_leaf(unsigned long long id)
{
	struct strbuf sb = STRBUF_INIT;

	strbuf_addf(&sb, SOCKET_PREFIX "%llu", id);
	return strbuf_detach(&sb);
}

int auth_socket_secrets(unsigned long long socket_id, const char *db_path,
			struct auth_secrets *s, struct error *err)
{
	char *dir = socket_dir(), *leaf = socket_leaf(socket_id), *line[SOCKET_LINES];
	struct strbuf text = STRBUF_INIT;
	bool kept = dir && read_lines(dir, leaf, &text, line, SOCKET_LINES) &&
		    !strcmp(line[SOCKET_DB], db_path) && is_secret(line[SOCKET_KEY]) &&
		    is_secret(line[SOCKET_SESSION]) && is_secret(line[SOCKET_CSRF]);

	if (kept) {
		memcpy(s->key, line[SOCKET_KEY], sizeof(s->key));
		memcpy(s->session, line[SOCKET_SESSION], sizeof(s->session));
		memcpy(s->csrf, line[SOCKET_CSRF], sizeof(s->csrf));
	}
	strbuf_release(&text);
	free(leaf);
	free(dir);
	return kept ? 0 : auth_secrets_make(s, err);
}

/* How long the scheme and address of a sign-in URL are: "http://HOST:PORT/". */
static size_t url_origin_len(const char *url)
{
	const char *slash = strncmp(url, "http://", 7) ? NULL : strchr(url + 7, '/');

	return slash ? (size_t)(slash - url) + 1 : 0;
}

/* Remove the files of the sockets that were on url's address before this
 * one (keep names the file to keep): that address has one socket now. */
static void forget_older_sockets(const char *dir, const char *keep, const char *url)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	size_t n = url_origin_len(url);

	if (!d)
		return;
	while ((e = readdir(d))) {
		struct strbuf text = STRBUF_INIT;
		char *line[SOCKET_LINES];
		if (!strncmp(e->d_name, SOCKET_PREFIX, strlen(SOCKET_PREFIX)) &&
		    strcmp(e->d_name, keep) && read_lines(dir, e->d_name, &text, line, SOCKET_LINES) &&
		    n && url_origin_len(line[SOCKET_URL]) == n && !strncmp(line[SOCKET_URL], url, n))
			unlink_in(dir, e->d_name);
		strbuf_release(&text);
	}
	closedir(d);
}

int auth_socket_keep(unsigned long long socket_id, const char *url, const char *db_path,
		     const struct auth_secrets *s, struct error *err)
{
	char *dir = socket_dir(), *leaf = socket_leaf(socket_id);
	struct strbuf path = STRBUF_INIT, text = STRBUF_INIT;
	int rc = 0;

	if (dir) {
		strbuf_addf(&path, "%s/%s", dir, leaf);
		strbuf_addf(&text, "%s\n%s\n%s\n%s\n%s\n", url, db_path, s->key, s->session, s->csrf);
		if (!(rc = dirs_make_parents(path.buf, err)) &&
		    !(rc = write_private(path.buf, text.buf, err)))
			forget_older_sockets(dir, leaf, url);
	}
	strbuf_release(&path);
	strbuf_release(&text);
	free(leaf);
	free(dir);
	return rc;
}

/* Does something accept connections at url's address (a socket systemd
 * holds: the connection starts the server)? 1 yes, 0 refused (the socket
 * is gone), -1 unknown. */
static int address_answers(const char *url)
{
	char host[256], *colon;
	size_t n = url_origin_len(url);
	struct addrinfo hints = { .ai_socktype = SOCK_STREAM,
				  .ai_flags = AI_NUMERICHOST | AI_NUMERICSERV };
	struct addrinfo *res;
	struct timeval patience = { .tv_sec = 2 };
	int fd, answers;

	if (n < 9 || n - 8 >= sizeof(host))
		return -1;
	snprintf(host, sizeof(host), "%.*s", (int)(n - 8), url + 7); /* HOST:PORT */
	if (!(colon = strrchr(host, ':')))
		return -1;
	*colon = '\0';
	if (host[0] == '[' && colon[-1] == ']') {
		colon[-1] = '\0';
		memmove(host, host + 1, strlen(host));
	}
	if (getaddrinfo(host, colon + 1, &hints, &res))
		return -1;
	fd = socket(res->ai_family, SOCK_STREAM | SOCK_CLOEXEC, 0);
	/* an address of this machine answers at once; a stale one may not */
	if (fd >= 0)
		setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &patience, sizeof(patience));
	answers = fd < 0 ? -1 : !connect(fd, res->ai_addr, res->ai_addrlen) ? 1
			       : errno == ECONNREFUSED ? 0 : -1;
	if (fd >= 0)
		close(fd);
	freeaddrinfo(res);
	return answers;
}

/* Is dir/name the file of a socket that waits for a connection to start
 * the server on db_path, its URL not in out yet? Its URL into out. */
static bool sleeping_server_on(const char *dir, const char *name, const char *db_path,
			       struct strbuf *out)
{
	struct strbuf text = STRBUF_INIT;
	char *line[SOCKET_LINES];
	int answers = -1;

	if (read_lines(dir, name, &text, line, SOCKET_LINES) && !strcmp(line[SOCKET_DB], db_path) &&
	    !has_line(out->buf, line[SOCKET_URL])) {
		answers = address_answers(line[SOCKET_URL]);
		if (answers == 1)
			strbuf_addf(out, "%s\n", line[SOCKET_URL]);
		else if (answers == 0)
			unlink_in(dir, name); /* the socket unit was stopped */
	}
	strbuf_release(&text);
	return answers == 1;
}

/* How many files of dir whose name starts with prefix the test passes. */
static int count_servers(const char *dir, const char *prefix, const char *db_path,
			 struct strbuf *out,
			 bool (*test)(const char *, const char *, const char *, struct strbuf *),
			 struct error *err)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	int n = 0;

	if (!d)
		return errno == ENOENT ? 0
				       : error_set(err, ERR_IO, "cannot read '%s': %s", dir,
						   strerror(errno));
	while ((e = readdir(d)))
		if (!strncmp(e->d_name, prefix, strlen(prefix)) && test(dir, e->d_name, db_path, out))
			n++;
	closedir(d);
	return n;
}

int auth_running_urls(const char *db_path, struct strbuf *out, struct error *err)
{
	char *dir = auth_keyfile_dir(), *sockets = socket_dir();
	int live = 0, sleeping = 0;

	if (dir)
		live = count_servers(dir, "serve-", db_path, out, live_server_on, err);
	if (sockets && live >= 0)
		sleeping = count_servers(sockets, SOCKET_PREFIX, db_path, out, sleeping_server_on, err);
	free(dir);
	free(sockets);
	return live < 0 ? live : sleeping < 0 ? sleeping : live + sleeping;
}

/* ---- guessing ----
 * A small table of the addresses that got a password wrong lately; the
 * oldest entry makes room for a new one. */
#define ATTEMPT_SLOTS 64

static struct attempt {
	struct sockaddr_storage addr;
	unsigned failures;
	time_t last;
} attempts[ATTEMPT_SLOTS];
static pthread_mutex_t attempts_lock = PTHREAD_MUTEX_INITIALIZER;

static size_t address_key(const struct sockaddr *sa, unsigned char out[16])
{
	memset(out, 0, 16);
	if (sa && sa->sa_family == AF_INET) {
		memcpy(out, &((const struct sockaddr_in *)sa)->sin_addr, 4);
		return 4;
	}
	if (sa && sa->sa_family == AF_INET6) {
		memcpy(out, &((const struct sockaddr_in6 *)sa)->sin6_addr, 16);
		return 16;
	}
	return 0;
}

/* The slot of peer, or NULL (with create: the oldest slot, emptied). */
static struct attempt *attempt_slot(const struct sockaddr *peer, bool create)
{
	unsigned char key[16], other[16];
	struct attempt *oldest = &attempts[0];

	address_key(peer, key);
	for (size_t i = 0; i < ATTEMPT_SLOTS; i++) {
		address_key((const struct sockaddr *)&attempts[i].addr, other);
		if (attempts[i].failures && attempts[i].addr.ss_family == (peer ? peer->sa_family : 0) &&
		    !memcmp(key, other, 16))
			return &attempts[i];
		if (attempts[i].last < oldest->last)
			oldest = &attempts[i];
	}
	if (!create)
		return NULL;
	memset(oldest, 0, sizeof(*oldest));
	if (peer && (peer->sa_family == AF_INET || peer->sa_family == AF_INET6))
		memcpy(&oldest->addr, peer,
		       peer->sa_family == AF_INET ? sizeof(struct sockaddr_in)
						  : sizeof(struct sockaddr_in6));
	return oldest;
}

bool auth_attempt_allowed(const struct sockaddr *peer)
{
	struct attempt *a;
	bool allowed = true;

	pthread_mutex_lock(&attempts_lock);
	if ((a = attempt_slot(peer, false)) && a->failures >= AUTH_FAILURES_MAX) {
		if (time(NULL) - a->last < AUTH_LOCKOUT_SECONDS)
			allowed = false;
		else
			a->failures = 0; /* the lockout is over: a fresh start */
	}
	pthread_mutex_unlock(&attempts_lock);
	return allowed;
}

void auth_attempt_result(const struct sockaddr *peer, bool success)
{
	struct attempt *a;

	pthread_mutex_lock(&attempts_lock);
	if (success) {
		if ((a = attempt_slot(peer, false)))
			a->failures = 0;
	} else {
		a = attempt_slot(peer, true);
		a->failures++;
		a->last = time(NULL);
	}
	pthread_mutex_unlock(&attempts_lock);
}
