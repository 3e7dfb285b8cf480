/* mhd.c: libmicrohttpd, loaded when the web server starts (see mhd.h). */
#include "web/mhd.h"

#include <stdbool.h>

#include "util/dynlib.h"

/* The runtime name (objdump -p libmicrohttpd.so: SONAME), the same from
 * 0.9.x to 1.0; then the development link, which names the version the
 * header came with. */
#ifndef MHD_SONAME
#define MHD_SONAME "libmicrohttpd.so.12"
#endif

struct mhd_functions mhd;

int mhd_load(struct error *err)
{
	static const char *const names[] = { MHD_SONAME, "libmicrohttpd.so", NULL };
	static const struct dynlib_sym syms[] = {
#define MHD_SYM(f) { #f, &mhd.f },
		MHD_FUNCTIONS(MHD_SYM)
#undef MHD_SYM
	};
	static bool loaded;

	if (loaded)
		return 0;
	if (dynlib_load(names, "the web UI", syms, ARRAY_SIZE(syms), err))
		return err->code;
	loaded = true;
	return 0;
}
