/*
 * serve.h: what the commands that serve the web UI share (serve, and demo
 * on its sample): the options that say how, and their reading.
 */
#ifndef RAPPORT_CLI_SERVE_H
#define RAPPORT_CLI_SERVE_H

#include "cli/cli.h"
#include "web/web.h"

/* Their entries in a command's table: the address, other names, logging,
 * opening the browser. */
#define CLI_SERVE_OPTS                                                                   \
	{ .id = CLI_OPT_LISTEN, .name = "listen", .arg = "HOST:PORT",                    \
	  .help = "the address to listen on (default " WEB_LISTEN_DEFAULT                \
		  "; port 0 picks a free one)" },                                         \
	{ .id = CLI_OPT_ALLOW_HOST, .name = "allow-host", .arg = "NAME",                 \
	  .help = "another name this server may be reached by (repeatable)",             \
	  .flags = OPT_MULTI },                                                          \
	{ .id = CLI_OPT_VERBOSE, .name = "verbose",                                      \
	  .help = "log every request: method, path, status, time" },                     \
	{ .id = CLI_OPT_OPEN, .name = "open",                                            \
	  .help = "open the sign-in address in your browser (xdg-open)" }

/* Fill o from those options; o->listen stays as it is unless --listen is
 * given. */
void cli_serve_options(const struct args *a, struct web_options *o);

#endif
