/* auth.c: the web server's password file and address files (see auth.h). */
#include "web/auth.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "util/atomic_file.h"
#include "util/dirs.h"
#include "util/password.h"
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

/* Is the address file dir/name a live server's on db_path? Its URL into out. */
static bool live_server_on(const char *dir, const char *name, const char *db_path,
			   struct strbuf *out)
{
	struct strbuf path = STRBUF_INIT, text = STRBUF_INIT;
	struct error ignored = ERROR_INIT;
	char *url, *db, *pid, *end;
	long n;
	bool live = false;

	strbuf_addf(&path, "%s/%s", dir, name);
	if (read_private(path.buf, &text, &ignored) == 0 && (url = text.buf) &&
	    (db = strchr(url, '\n')) && (pid = strchr(db + 1, '\n'))) {
		*db++ = '\0';
		*pid++ = '\0';
		errno = 0;
		n = strtol(pid, &end, 10);
		live = !errno && n > 0 && *end == '\n' && !strcmp(db, db_path) &&
		       (kill((pid_t)n, 0) == 0 || errno == EPERM);
		if (live)
			strbuf_addf(out, "%s\n", url);
		else if (!strcmp(db, db_path) && n > 0 && errno == ESRCH)
			unlink(path.buf); /* left by a server that was killed */
	}
	strbuf_release(&path);
	strbuf_release(&text);
	return live;
}

int auth_running_urls(const char *db_path, struct strbuf *out, struct error *err)
{
	char *dir = auth_keyfile_dir();
	DIR *d;
	struct dirent *e;
	int n = 0;

	if (!dir)
		return 0;
	if (!(d = opendir(dir))) {
		int rc = errno == ENOENT ? 0
					 : error_set(err, ERR_IO, "cannot read '%s': %s", dir,
						     strerror(errno));
		free(dir);
		return rc;
	}
	while ((e = readdir(d)))
		if (!strncmp(e->d_name, "serve-", 6) && live_server_on(dir, e->d_name, db_path, out))
			n++;
	closedir(d);
	free(dir);
	return n;
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
