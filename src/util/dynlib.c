/* dynlib.c: a shared library loaded on first use (see dynlib.h). */
#include "util/dynlib.h"

#include <dlfcn.h>
#include <stdio.h>
#include <string.h>

/* POSIX: a function's address fits in, and comes back from, a void *. */
_Static_assert(sizeof(void *) == sizeof(void (*)(void)), "function pointers as void *");

int dynlib_load(const char *const *sonames, const char *what, const struct dynlib_sym *syms,
		size_t n, struct error *err)
{
	void *lib = NULL;
	char why[256] = "no library name";

	for (const char *const *name = sonames; *name && !lib; name++) {
		/* the runtime name's failure says the most: keep it (the next
		 * dlopen() may overwrite what dlerror() returns) */
		if (!(lib = dlopen(*name, RTLD_NOW | RTLD_LOCAL)) && name == sonames)
			snprintf(why, sizeof(why), "%s", dlerror());
	}
	if (!lib)
		return error_set(err, ERR_IO, "%s needs a library that cannot be loaded: %s",
				 what, why);
	for (size_t i = 0; i < n; i++) {
		void *fn = dlsym(lib, syms[i].name);
		if (!fn)
			return error_set(err, ERR_IO, "%s needs %s, which has no %s()", what,
					 sonames[0], syms[i].name);
		memcpy(syms[i].slot, &fn, sizeof(fn));
	}
	return 0;
}
