/* error.c: filling a struct error (messages longer than the buffer are cut, never overrun). */
#include "util/error.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

/* The one place a message is put together from what is wrong and where. */
static void compose(struct error *err)
{
	char *m = err->msg;
	size_t n = sizeof(err->msg), at;

	if (err->file[0] && err->line && err->line_in_words)
		snprintf(m, n, "%.255s: line %ld: ", err->file, err->line);
	else if (err->file[0] && err->line)
		snprintf(m, n, "%.255s:%ld: ", err->file, err->line);
	else if (err->file[0])
		snprintf(m, n, "%.255s: ", err->file);
	else if (err->line)
		snprintf(m, n, "line %ld: ", err->line);
	else
		m[0] = '\0';
	at = strlen(m);
	/* a message too long for msg is cut, as error_set always has */
	snprintf(m + at, n - at, "%.*s", (int)(n - at - 1), err->what);
}

static int set(struct error *err, enum error_code code, const char *file, long line,
	       bool in_words, const char *fmt, va_list ap)
{
	err->code = code;
	vsnprintf(err->what, sizeof(err->what), fmt, ap);
	snprintf(err->file, sizeof(err->file), "%s", file ? file : "");
	err->line = line;
	err->field[0] = '\0';
	err->line_in_words = in_words;
	compose(err);
	return code;
}

int error_set(struct error *err, enum error_code code, const char *fmt, ...)
{
	va_list ap;

	if (!err)
		return code;
	va_start(ap, fmt);
	set(err, code, NULL, 0, false, fmt, ap);
	va_end(ap);
	return code;
}

int error_set_at(struct error *err, enum error_code code, const char *file, long line,
		 const char *fmt, ...)
{
	va_list ap;

	if (!err)
		return code;
	va_start(ap, fmt);
	set(err, code, file, line, false, fmt, ap);
	va_end(ap);
	return code;
}

int error_set_line(struct error *err, enum error_code code, long line, const char *fmt, ...)
{
	va_list ap;

	if (!err)
		return code;
	va_start(ap, fmt);
	set(err, code, NULL, line, true, fmt, ap);
	va_end(ap);
	return code;
}

/* An error filled by writing msg directly has its text there only. */
static void keep_what(struct error *err)
{
	if (!err->what[0] && !err->file[0] && !err->line)
		snprintf(err->what, sizeof(err->what), "%s", err->msg);
}

int error_on_line(struct error *err, enum error_code code, long line)
{
	if (!err)
		return code;
	keep_what(err);
	err->code = code;
	if (!err->line) {
		err->line = line;
		err->line_in_words = true;
	}
	compose(err);
	return code;
}

int error_in_file(struct error *err, enum error_code code, const char *file)
{
	if (!err)
		return code;
	keep_what(err);
	err->code = code;
	snprintf(err->file, sizeof(err->file), "%s", file);
	compose(err);
	return code;
}

void error_set_field(struct error *err, const char *field)
{
	if (err)
		snprintf(err->field, sizeof(err->field), "%s", field);
}

const char *error_what(const struct error *err)
{
	return err->what[0] ? err->what : err->msg;
}

void error_clear(struct error *err)
{
	if (err)
		*err = (struct error){ .code = ERR_NONE };
}

const char *error_code_name(enum error_code code)
{
	switch (code) {
	case ERR_NONE:
		return "none";
	case ERR_INVALID:
		return "invalid";
	case ERR_NOT_FOUND:
		return "not-found";
	case ERR_AMBIGUOUS:
		return "ambiguous";
	case ERR_CONFLICT:
		return "conflict";
	case ERR_STORE:
		return "store";
	case ERR_IO:
		return "io";
	case ERR_UNAVAILABLE:
		return "unavailable";
	}
	return "error";
}
