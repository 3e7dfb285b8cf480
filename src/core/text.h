/* text.h: validation of the text a user gives for a field, and slugs. */
#ifndef RAPPORT_TEXT_H
#define RAPPORT_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "util/error.h"
#include "util/strbuf.h"

enum text_flags {
	TEXT_REQUIRED = 1 << 0, /* not empty, not only spaces */
	TEXT_ONE_LINE = 1 << 1, /* no line breaks or other control characters */
};
/* Every field refuses control characters (C0, DEL, and C1: U+0080-U+009F),
 * which a terminal or a mail header would act on; a multi-line one (no
 * TEXT_ONE_LINE: notes, summaries of letters, signatures) keeps only tabs
 * and line breaks (LF, or CR LF, never a lone CR). */

/* Longest one-line value (a name, a title, an address) and longest note, in bytes. */
#define TEXT_LINE_MAX 1000
#define TEXT_NOTE_MAX (1024 * 1024)

/* Check value for field (named in the message): valid UTF-8, within the
 * length limit, and what flags ask. NULL passes unless TEXT_REQUIRED. */
int text_check(const char *field, const char *value, unsigned flags, struct error *err);
bool utf8_valid(const char *s, size_t len);
/* Append byte b of windows-1252 text to sb as UTF-8: 0x80-0x9F as that code
 * page has them (also what files labelled ISO-8859-1 mean by them), its five
 * unassigned bytes as C1 controls, and the others as Latin-1. */
void text_add_cp1252(struct strbuf *sb, unsigned char b);
/* The value of the hex digit c (either case), or -1. */
int text_hex_digit(int c);

/* A copy of s in lower case for comparing names (Unicode simple case
 * folding of each code point, as the C.UTF-8 locale defines it). */
char *text_fold(const char *s);
/* text_fold, then common Latin accents and ligatures to ASCII ("Fernández"
 * -> "fernandez", "Straße" -> "strasse", "Œuvre" -> "oeuvre"), combining
 * marks dropped: for matching what people type without accents. */
char *text_fold_ascii(const char *s);

/* What a terminal would act on, made visible, for printing what a database
 * holds (an older one may hold what today's checks refuse): C0 controls
 * (but tab, LF and CR LF when keep_breaks) and bytes that are not UTF-8
 * become \xHH, DEL and C1 controls \u00HH (as in JSON, which jansson
 * leaves them raw in: JSON output stays valid). text_printable: nothing to escape. */
bool text_printable(const char *s, size_t len, bool keep_breaks);
void text_add_printable(struct strbuf *out, const char *s, size_t len, bool keep_breaks);

/* Check an e-mail address (one @, no spaces) and a web address (http or https). */
int text_check_email(const char *value, struct error *err);
int text_check_url(const char *field, const char *value, struct error *err);

/* n with a comma between thousands, for people: "105,000", "-5,000". The one
 * way rapport writes an amount or a count (JSON keeps plain numbers).
 * text_thousands writes into buf (32 bytes) and returns it. */
const char *text_thousands(int64_t n, char buf[32]);
void text_add_thousands(struct strbuf *sb, int64_t n);

/* Parse a whole decimal integer in [min, max]; field names it in the message. */
/* An amount: digits, optionally followed by k (thousands); label names it in the error. */
int text_parse_amount(const char *label, const char *s, int64_t *out, struct error *err);
int text_parse_int(const char *field, const char *s, long min, long max, long *out,
		   struct error *err);

/* Whether s is one or more ASCII digits and nothing else: an id, not a name. */
bool text_all_digits(const char *s);
/* Are a and b the same text, NULL only the same as NULL? */
bool text_same(const char *a, const char *b);

/* Append to out a slug made of the words of s: lowercase ASCII letters and
 * digits joined by single hyphens; common accented Latin letters lose their
 * accent, other characters separate words. */
void slug_append(struct strbuf *out, const char *s);
/* A slug a user may choose: [a-z0-9-], not only digits (those are ids),
 * no leading, trailing or double hyphen, at most 100 bytes. */
int slug_check(const char *slug, struct error *err);

/* A copy of s[0..n) without the white space around it. */
char *text_trimmed(const char *s, size_t n);
/* *field without the white space around it, in place; NULL when nothing
 * else is left. What a user types as a name, a title, an address:
 * "  Acme " is "Acme", so that it matches, sorts and prints as one. */
void text_tidy(char **field);

/* Edits (insert, delete, change, swap two neighbours) from a to b, at most
 * limit + 1 (longer words are not compared further). Bytes, not letters:
 * the names it compares are ASCII. */
size_t text_distance(const char *a, const char *b, size_t limit);
/* Append to out "; did you mean 'x'?" (or "'x' or 'y'") naming the
 * candidates closest to typo (a misspelling: a letter or two off, or a
 * prefix of one of them), or nothing when none is close. */
void text_suggest(struct strbuf *out, const char *typo, const char *const *candidates,
		  size_t n);

#endif
