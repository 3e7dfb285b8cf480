/* error.c: filling a struct error (messages longer than the buffer are cut, never overrun). */
#include "util/error.h"

#include <stdarg.h>
#include <stdio.h>

int error_set(struct error *err, enum error_code code, const char *fmt, ...)
{
	va_list ap;

	if (!err)
		return code;
	err->code = code;
	va_start(ap, fmt);
	vsnprintf(err->msg, sizeof(err->msg), fmt, ap);
	va_end(ap);
	return code;
}

void error_clear(struct error *err)
{
	if (err) {
		err->code = ERR_NONE;
		err->msg[0] = '\0';
	}
}
