/*
 * strbuf.h: a growable string.
 *
 * Invariants: after strbuf_init (or STRBUF_INIT), buf is never NULL and
 * buf[len] == '\0'. len never counts the terminating NUL. A strbuf may hold
 * NUL bytes inside; the C-string view then ends early.
 */
#ifndef RAPPORT_STRBUF_H
#define RAPPORT_STRBUF_H

#include <stdarg.h>
#include <stddef.h>

struct strbuf {
	size_t len;
	size_t alloc;
	char *buf;
};

extern char strbuf_empty[];
#define STRBUF_INIT { 0, 0, strbuf_empty }

void strbuf_init(struct strbuf *sb);
void strbuf_release(struct strbuf *sb);
/* Hand the buffer to the caller (who frees it) and reset sb. */
char *strbuf_detach(struct strbuf *sb);
void strbuf_reset(struct strbuf *sb);
void strbuf_grow(struct strbuf *sb, size_t extra);
void strbuf_add(struct strbuf *sb, const void *data, size_t n);
void strbuf_addstr(struct strbuf *sb, const char *s);
void strbuf_addch(struct strbuf *sb, int c);
void strbuf_addf(struct strbuf *sb, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void strbuf_vaddf(struct strbuf *sb, const char *fmt, va_list ap);
/* Append s padded with spaces to width display columns (UTF-8 aware). */
void strbuf_addpad(struct strbuf *sb, const char *s, size_t width);
void strbuf_trim(struct strbuf *sb);

/* Display width of a UTF-8 string in a terminal: a column per character,
 * none for a combining mark, two for an East Asian wide one ("東京": 4). */
size_t utf8_width(const char *s);
/* The bytes of the longest start of s that fits in cols columns; *width
 * receives its columns. */
size_t utf8_fit_prefix(const char *s, size_t cols, size_t *width);

#endif
