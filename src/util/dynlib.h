/*
 * dynlib.h: a shared library loaded on first use, with dlopen().
 *
 * rapport links only what every command needs. libmicrohttpd (rapport
 * serve) and libical (the calendar) bring GnuTLS, ICU, libstdc++ and a
 * dozen more libraries with them, which the dynamic loader would otherwise
 * map and relocate at the start of every command: they are opened by the
 * code that uses them (web/mhd.c, io/ical.c) instead.
 *
 * A user keeps its functions in a struct of pointers whose types come from
 * the library's own header (`__typeof__(MHD_start_daemon) *`), so that a call
 * through the table is checked as a direct call would be, and the link
 * (which no longer names the library) fails on any call left direct.
 */
#ifndef RAPPORT_DYNLIB_H
#define RAPPORT_DYNLIB_H

#include <stddef.h>

#include "util/error.h"

/* One function to look up: its name, and where its address goes (a
 * function pointer of the right type). */
struct dynlib_sym {
	const char *name;
	void *slot;
};

/*
 * Open the first of sonames (a NULL-terminated list, the library's runtime
 * name first) that loads, and fill every slot. what says in a message what
 * needs the library ("the web UI"). Returns 0, or ERR_IO with a message
 * that names the library, when none loads or a function is missing. The
 * library stays loaded until the process exits.
 */
int dynlib_load(const char *const *sonames, const char *what, const struct dynlib_sym *syms,
		size_t n, struct error *err);

#endif
