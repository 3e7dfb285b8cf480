/*
 * error.h: how the core, store and io layers report failure.
 *
 * A function that can fail takes a struct error * and returns 0 on success or
 * a negative ERR_* code after filling in the message. Only cli/ prints
 * messages and chooses exit codes; only web/ chooses HTTP statuses.
 *
 * A parser that knows where the fault is (a file, a line, a field) says so in
 * the members, not only in the text: the web shows "line 12" beside a text
 * box, the CLI prints msg, which error.c composes from the members in one
 * place. Nobody parses a place back out of a message.
 */
#ifndef RAPPORT_ERROR_H
#define RAPPORT_ERROR_H

#include <stdbool.h>

enum error_code {
	ERR_NONE = 0,
	ERR_INVALID = -1,     /* bad input from the user: a name, a date, a value */
	ERR_NOT_FOUND = -2,   /* a reference that matches nothing */
	ERR_AMBIGUOUS = -3,   /* a reference that matches several records */
	ERR_CONFLICT = -4,    /* a duplicate, or a state that forbids the change */
	ERR_STORE = -5,       /* the database refused or failed */
	ERR_IO = -6,          /* a file could not be read or written */
	ERR_UNAVAILABLE = -7, /* the database server cannot be reached now: try again */
};

struct error {
	enum error_code code;
	char msg[512];   /* the whole message, as the CLI prints it: place, then what */
	char what[512];  /* what is wrong, without the place */
	char file[256];  /* the file it is in; "" when none is named */
	long line;       /* the line there (1 is the first); 0 when unknown */
	char field[64];  /* the field, column or key it is about; "" when none */
	bool line_in_words; /* msg says "line N: " (a data file) rather than "FILE:N: " */
};

#define ERROR_INIT { .code = ERR_NONE }

/* Fill err (if not NULL) with a message and no place; return code, so
 * callers can write `return error_set(err, ERR_INVALID, "...")`. */
int error_set(struct error *err, enum error_code code, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* The same, at a line of a file a person edits: msg is "FILE:LINE: what"
 * (a NULL file: "line LINE: what"). */
int error_set_at(struct error *err, enum error_code code, const char *file, long line,
		 const char *fmt, ...) __attribute__((format(printf, 5, 6)));
/* The same, at a line of a data file: msg is "line LINE: what", and once
 * error_in_file has named the file, "FILE: line LINE: what". */
int error_set_line(struct error *err, enum error_code code, long line, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
/* Add a place to an error already set, as its caller learns it: the line
 * (in words) when none is known, the file. Each returns code and sets it. */
int error_on_line(struct error *err, enum error_code code, long line);
int error_in_file(struct error *err, enum error_code code, const char *file);
/* Name the field, column or key the error is about (msg is unchanged). */
void error_set_field(struct error *err, const char *field);
/* What is wrong, without the place. */
const char *error_what(const struct error *err);
void error_clear(struct error *err);
/* The code's name for scripts: "invalid", "not-found", "ambiguous",
 * "conflict", "store", "io", "unavailable" ("none" for 0). */
const char *error_code_name(enum error_code code);

#endif
