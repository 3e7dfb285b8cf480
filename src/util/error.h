/*
 * error.h: how the core, store and io layers report failure.
 *
 * A function that can fail takes a struct error * and returns 0 on success or
 * a negative ERR_* code after filling in the message. Only cli/ prints
 * messages and chooses exit codes; only web/ chooses HTTP statuses.
 */
#ifndef RAPPORT_ERROR_H
#define RAPPORT_ERROR_H

enum error_code {
	ERR_NONE = 0,
	ERR_INVALID = -1,   /* bad input from the user: a name, a date, a value */
	ERR_NOT_FOUND = -2, /* a reference that matches nothing */
	ERR_AMBIGUOUS = -3, /* a reference that matches several records */
	ERR_CONFLICT = -4,  /* a duplicate, or a state that forbids the change */
	ERR_STORE = -5,     /* the database refused or failed */
	ERR_IO = -6,        /* a file could not be read or written */
};

struct error {
	enum error_code code;
	char msg[512];
};

#define ERROR_INIT { ERR_NONE, "" }

/* Fill err (if not NULL) with a message; return code, so callers can write
 * `return error_set(err, ERR_INVALID, "...")`. */
int error_set(struct error *err, enum error_code code, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
void error_clear(struct error *err);

#endif
