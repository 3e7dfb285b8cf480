/*
 * listen.h: the web server's listening socket: one it opens itself
 * (--listen HOST:PORT), or one systemd opened and passed on (socket
 * activation: rapport.socket holds the address, and starts rapport.service
 * on the first connection).
 */
#ifndef RAPPORT_WEB_LISTEN_H
#define RAPPORT_WEB_LISTEN_H

#include <stdbool.h>
#include <sys/socket.h>

#include "util/error.h"

struct web_listener {
	int fd;
	bool inherited; /* passed by systemd: its own copy outlives ours */
	bool v6;
	struct sockaddr_storage addr; /* getsockname: the port too when 0 was asked */
	char host[256];  /* as --listen named it, or the inherited socket's numeric address */
	unsigned short port;
	/* The inherited socket's inode: the same while systemd keeps the socket
	 * across the service's restarts, another once the socket unit restarts. */
	unsigned long long socket_id;
	char where[300]; /* for messages: --listen's value, or the inherited socket's "HOST:PORT" */
};

/* Open and listen on "host:port", "[v6]:port" or ":port" (127.0.0.1). */
int listener_open(const char *listen, struct web_listener *l, struct error *err);

/* Take the socket systemd passed (the sd_listen_fds protocol: LISTEN_PID
 * is our pid, LISTEN_FDS >= 1, the first at fd 3), and unset the protocol's
 * variables so that no child takes them for its own. 0 when taken, 1 when
 * none was passed, or ERR_INVALID when fd 3 is not a listening TCP socket. */
int listener_inherit(struct web_listener *l, struct error *err);

#endif
