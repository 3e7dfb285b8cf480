/* listen.c: the web server's listening socket, its own or systemd's (see listen.h). */
#include "web/listen.h"

#include <errno.h>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* The first socket systemd passes (SD_LISTEN_FDS_START in sd-daemon.h). */
#define LISTEN_FDS_START 3

static unsigned short port_of(const struct sockaddr_storage *sa)
{
	return ntohs(sa->ss_family == AF_INET6 ? ((const struct sockaddr_in6 *)sa)->sin6_port
					       : ((const struct sockaddr_in *)sa)->sin_port);
}

/* Split "host:port", "[v6]:port" or ":port" (host 127.0.0.1). */
static int parse_listen(const char *listen, char *host, size_t hostsz, char *port, size_t portsz,
			struct error *err)
{
	const char *colon, *h = listen, *hend;

	if (listen[0] == '[') {
		if (!(hend = strchr(listen, ']')) || hend[1] != ':')
			return error_set(err, ERR_INVALID, "--listen: expected [ADDRESS]:PORT, not '%s'",
					 listen);
		h = listen + 1;
		colon = hend + 1;
	} else if (!(colon = strrchr(listen, ':'))) {
		return error_set(err, ERR_INVALID, "--listen: expected HOST:PORT, not '%s'", listen);
	} else {
		hend = colon;
	}
	if ((size_t)(hend - h) >= hostsz || strlen(colon + 1) >= portsz || !colon[1] ||
	    strspn(colon + 1, "0123456789") != strlen(colon + 1) ||
	    strtol(colon + 1, NULL, 10) > 65535) /* digits only, fewer than portsz: no overflow */
		return error_set(err, ERR_INVALID, "--listen: a bad address or port in '%s'", listen);
	if (hend == h)
		snprintf(host, hostsz, "127.0.0.1");
	else
		snprintf(host, hostsz, "%.*s", (int)(hend - h), h);
	snprintf(port, portsz, "%s", colon + 1);
	return 0;
}

int listener_open(const char *listen_at, struct web_listener *l, struct error *err)
{
	char port[8];
	struct addrinfo hints = { .ai_socktype = SOCK_STREAM, .ai_flags = AI_NUMERICSERV };
	struct addrinfo *res;
	socklen_t salen = sizeof(l->addr);
	int fd, one = 1, rc;

	if (parse_listen(listen_at, l->host, sizeof(l->host), port, sizeof(port), err))
		return ERR_INVALID;
	if ((rc = getaddrinfo(l->host, port, &hints, &res)))
		return error_set(err, ERR_INVALID, "--listen: cannot resolve '%s': %s", l->host,
				 gai_strerror(rc));
	fd = socket(res->ai_family, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (fd < 0 || setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one)) ||
	    bind(fd, res->ai_addr, res->ai_addrlen) || listen(fd, 511) ||
	    getsockname(fd, (struct sockaddr *)&l->addr, &salen)) {
		error_set(err, ERR_IO, "cannot listen on %s: %s", listen_at, strerror(errno));
		if (fd >= 0)
			close(fd);
		freeaddrinfo(res);
		return ERR_IO;
	}
	l->v6 = res->ai_family == AF_INET6;
	freeaddrinfo(res);
	l->fd = fd;
	l->inherited = false;
	l->port = port_of(&l->addr);
	snprintf(l->where, sizeof(l->where), "%s", listen_at);
	return 0;
}

/* How many sockets systemd passed us: 0 when the variables are not there or
 * are another process's (a parent that forgot to unset them), else N. */
static long listen_fds(void)
{
	const char *pid = getenv("LISTEN_PID"), *fds = getenv("LISTEN_FDS");
	char *end;
	long p, n;

	if (!pid || !fds)
		return 0;
	errno = 0;
	p = strtol(pid, &end, 10);
	if (errno || *end || p != (long)getpid())
		return 0;
	n = strtol(fds, &end, 10);
	return errno || *end || n < 1 || n > 1024 ? 0 : n;
}

/* Is fd a TCP socket that listens? Its address into l. */
static int check_listening(int fd, struct web_listener *l, struct error *err)
{
	struct stat st;
	int type = 0, accepting = 0;
	socklen_t len = sizeof(type), alen = sizeof(accepting), salen = sizeof(l->addr);

	if (fstat(fd, &st) || !S_ISSOCK(st.st_mode) ||
	    getsockopt(fd, SOL_SOCKET, SO_TYPE, &type, &len) || type != SOCK_STREAM ||
	    getsockopt(fd, SOL_SOCKET, SO_ACCEPTCONN, &accepting, &alen) || !accepting ||
	    getsockname(fd, (struct sockaddr *)&l->addr, &salen) ||
	    (l->addr.ss_family != AF_INET && l->addr.ss_family != AF_INET6))
		return error_set(err, ERR_INVALID, "the socket systemd passed (fd %d) is not a "
						   "listening TCP socket: rapport.socket needs "
						   "ListenStream=ADDRESS:PORT", fd);
	l->socket_id = (unsigned long long)st.st_ino;
	return 0;
}

int listener_inherit(struct web_listener *l, struct error *err)
{
	long n = listen_fds();
	int rc;

	unsetenv("LISTEN_PID");
	unsetenv("LISTEN_FDS");
	unsetenv("LISTEN_FDNAMES");
	if (n == 0)
		return 1;
	/* ours alone: xdg-open and the like must not inherit them */
	for (long i = 0; i < n; i++)
		fcntl(LISTEN_FDS_START + (int)i, F_SETFD, FD_CLOEXEC);
	if ((rc = check_listening(LISTEN_FDS_START, l, err)))
		return rc;
	if (n > 1)
		fprintf(stderr, "rapport: warning: systemd passed %ld sockets; rapport serves the "
				"first alone (one ListenStream in rapport.socket)\n", n);
	if ((rc = getnameinfo((struct sockaddr *)&l->addr, sizeof(l->addr), l->host,
			      sizeof(l->host), NULL, 0, NI_NUMERICHOST)))
		return error_set(err, ERR_INVALID, "the socket systemd passed has no address: %s",
				 gai_strerror(rc));
	l->fd = LISTEN_FDS_START;
	l->inherited = true;
	l->v6 = l->addr.ss_family == AF_INET6;
	l->port = port_of(&l->addr);
	snprintf(l->where, sizeof(l->where), "%s%s%s:%u",
		 l->v6 ? "[" : "", l->host, l->v6 ? "]" : "", l->port);
	return 0;
}
