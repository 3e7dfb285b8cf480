/*
 * mhd.h: libmicrohttpd, loaded when the web server starts (see
 * util/dynlib.h: it is not linked, so that the command line does not pay
 * for it and the TLS stack it brings).
 *
 * The web code calls it through `mhd`: mhd.MHD_queue_response(...), each
 * pointer typed from <microhttpd.h>. mhd_load() fills the table; web_serve()
 * calls it before anything else, so the rest of web/ may take it as loaded.
 */
#ifndef RAPPORT_MHD_H
#define RAPPORT_MHD_H

#include <microhttpd.h>

#include "util/error.h"

/* Every function of libmicrohttpd that web/ calls. */
#define MHD_FUNCTIONS(X)                                                              \
	X(MHD_add_response_header) X(MHD_create_post_processor)                        \
	X(MHD_create_response_from_buffer) X(MHD_destroy_post_processor)               \
	X(MHD_destroy_response) X(MHD_get_connection_info) X(MHD_get_connection_values) \
	X(MHD_lookup_connection_value) X(MHD_post_process) X(MHD_queue_response)       \
	X(MHD_quiesce_daemon) X(MHD_start_daemon) X(MHD_stop_daemon)

struct mhd_functions {
#define MHD_POINTER(f) __typeof__(f) *f;
	MHD_FUNCTIONS(MHD_POINTER)
#undef MHD_POINTER
};

extern struct mhd_functions mhd;

/* Load libmicrohttpd (once; not thread-safe: call it before the server's
 * threads start). 0, or ERR_IO with a message when it is missing. */
int mhd_load(struct error *err);

#endif
