/*
 * file_read.h: reading a whole file that comes from the user's folders (a
 * configuration file, a template, a file to import) without ever blocking.
 */
#ifndef RAPPORT_FILE_READ_H
#define RAPPORT_FILE_READ_H

#include <stddef.h>

#include "util/error.h"
#include "util/strbuf.h"

/* The largest configuration file rapport reads (playbooks.ini). */
#define CONFIG_FILE_MAX ((size_t)1 << 20)

/* Append the whole regular file at path to out. It is opened with
 * O_NONBLOCK and checked with fstat before any read: a FIFO, a device or a
 * folder is refused at once (a FIFO at playbooks.ini hung every command),
 * as is a file of more than max bytes. Returns 0; ERR_NOT_FOUND when there
 * is no such file; ERR_IO otherwise; the message names path. */
int file_read_regular(const char *path, size_t max, struct strbuf *out, struct error *err);

/* A file a user names on the command line: "-" is standard input (read to
 * its end, which blocks until the writer closes it, at most max bytes),
 * any other path a regular file as file_read_regular reads it. */
#define FILE_STDIN "-"
int file_read_named(const char *path, size_t max, struct strbuf *out, struct error *err);
/* Standard input to its end, at most max bytes, appended to out. */
int file_read_stdin(size_t max, struct strbuf *out, struct error *err);

#endif
