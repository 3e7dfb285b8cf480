/* embedded.h: files from data/ built into the binary (see scripts/embed). */
#ifndef RAPPORT_EMBEDDED_H
#define RAPPORT_EMBEDDED_H

#include <stddef.h>

struct embedded_file {
	const char *name; /* path below data/, e.g. "templates/thank-you.txt" */
	const char *data; /* the bytes, NUL-terminated */
	size_t size;      /* without the NUL */
};

/* Ends with an entry whose name is NULL. */
extern const struct embedded_file embedded_files[];

/* The file called name, or NULL. */
const struct embedded_file *embedded_find(const char *name);

#endif
