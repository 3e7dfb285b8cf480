/*
 * auth.h: who may use the web server. The server is the user's alone:
 *
 * - At each start it makes a sign-in key and prints its address with it
 *   (http://127.0.0.1:8080/?key=...). Opening that address sets the session
 *   cookie and sends the browser on to the same page without the key. The
 *   address is also kept in a file only the user can read (see
 *   auth_keyfile_*), so `rapport serve --url` and the user's own scripts can
 *   reach the server (a script may send "Authorization: Bearer KEY").
 * - A server on a socket systemd keeps (socket activation, rapport.socket)
 *   stops when idle and is started again by the next connection. Its key,
 *   session and CSRF secrets are kept for that socket (auth_socket_*), so
 *   that a signed-in tab, an open form and a saved sign-in address keep
 *   working across those restarts; and `rapport serve --url` prints its
 *   address while it sleeps.
 * - A password set with `rapport config web.password` (an argon2id hash in
 *   a file of the user's) signs in from another machine; the server needs
 *   one to listen on anything but loopback.
 */
#ifndef RAPPORT_WEB_AUTH_H
#define RAPPORT_WEB_AUTH_H

#include <stdbool.h>
#include <sys/types.h>

#include "util/error.h"
#include "util/strbuf.h"

/* The stored hash into *hash (NULL when no password is set). */
int auth_password_get(char **hash, struct error *err);
/* Store the hash of password, or remove the password (password NULL). */
int auth_password_set(const char *password, struct error *err);

/* The secrets a server hands out: the sign-in key, the session cookie's
 * value and the CSRF token, each AUTH_SECRET_HEX hex digits. */
#define AUTH_SECRET_HEX 64
struct auth_secrets {
	char key[AUTH_SECRET_HEX + 1], session[AUTH_SECRET_HEX + 1], csrf[AUTH_SECRET_HEX + 1];
};
/* New ones, from getrandom. */
int auth_secrets_make(struct auth_secrets *s, struct error *err);

/* The secrets of a server on the socket socket_id (listen.h) for db_path:
 * those kept for it (auth_socket_keep), else new ones. They are kept in
 * $XDG_RUNTIME_DIR/rapport/socket-ID (0600, in a 0700 folder), which
 * logging out or a reboot empties, and nowhere else: without
 * XDG_RUNTIME_DIR every start makes new ones. Holding the key, the file is
 * no more a secret than the address file beside it. */
int auth_socket_secrets(unsigned long long socket_id, const char *db_path,
			struct auth_secrets *s, struct error *err);
/* Keep them with the sign-in address, for the next start on this socket
 * and for `serve --url`; the files of sockets that were on the same address
 * before (a restarted socket unit) are removed. */
int auth_socket_keep(unsigned long long socket_id, const char *url, const char *db_path,
		     const struct auth_secrets *s, struct error *err);

/* Write this server's address file (mode 0600 in a 0700 folder):
 * "URL\nDATABASE\nPID\n". Its path goes to *path (the caller frees it). */
int auth_keyfile_write(const char *url, const char *db_path, char **path, struct error *err);
/* The sign-in addresses of the servers now running on db_path, a line each
 * into out, then those of the sockets systemd holds for a server that
 * sleeps (one that still accepts a connection: which starts the server);
 * how many there are (0: none), or a negative ERR_*. */
int auth_running_urls(const char *db_path, struct strbuf *out, struct error *err);


/* Guessing a password: after AUTH_FAILURES_MAX wrong ones from an address,
 * that address is refused for AUTH_LOCKOUT_SECONDS (others are not). */
#define AUTH_FAILURES_MAX 5
#define AUTH_LOCKOUT_SECONDS 60
struct sockaddr;
bool auth_attempt_allowed(const struct sockaddr *peer);
void auth_attempt_result(const struct sockaddr *peer, bool success);

#endif
