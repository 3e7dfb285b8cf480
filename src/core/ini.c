/* ini.c: reading INI text line by line, reporting each section and key with its line. */
#include "core/ini.h"

#include <ctype.h>
#include <string.h>

#include "core/text.h"
#include "util/strbuf.h"

#define INI_LINE_MAX 4096

static void trim(struct strbuf *sb)
{
	strbuf_trim(sb);
}

/* Handle one line (without its end); *section holds the current section. */
static int parse_line(const char *file, struct strbuf *line, struct strbuf *section, int lineno,
		      ini_fn fn, void *ctx, struct error *err)
{
	char *eq;
	struct strbuf key = STRBUF_INIT, value = STRBUF_INIT;
	int rc;

	trim(line);
	if (!line->len || line->buf[0] == '#' || line->buf[0] == ';')
		return 0;
	if (line->buf[0] == '[') {
		if (line->buf[line->len - 1] != ']' || line->len < 3)
			return error_set_at(err, ERR_INVALID, file, lineno, "a section is written [name]");
		strbuf_reset(section);
		strbuf_add(section, line->buf + 1, line->len - 2);
		trim(section);
		if (!section->len)
			return error_set_at(err, ERR_INVALID, file, lineno, "a section needs a name");
		return fn(ctx, section->buf, NULL, NULL, lineno, err);
	}
	if (!(eq = memchr(line->buf, '=', line->len)))
		return error_set_at(err, ERR_INVALID, file, lineno, "expected 'key = value' or [section]");
	strbuf_add(&key, line->buf, (size_t)(eq - line->buf));
	strbuf_addstr(&value, eq + 1);
	trim(&key);
	trim(&value);
	if (!section->len) {
		rc = error_set_at(err, ERR_INVALID, file, lineno, "'%s' comes before any [section]", key.buf);
		strbuf_release(&key);
		strbuf_release(&value);
		return rc;
	}
	if (!key.len)
		rc = error_set_at(err, ERR_INVALID, file, lineno, "a key is missing before '='");
	else
		rc = fn(ctx, section->buf, key.buf, value.buf, lineno, err);
	strbuf_release(&key);
	strbuf_release(&value);
	return rc;
}

int ini_parse(const char *file, const char *text, size_t len, ini_fn fn, void *ctx,
	      struct error *err)
{
	struct strbuf line = STRBUF_INIT, section = STRBUF_INIT;
	size_t pos = 0;
	int lineno = 0, rc = 0;

	/* a UTF-8 byte order mark is not part of the first line */
	if (len >= 3 && !memcmp(text, "\xEF\xBB\xBF", 3))
		pos = 3;
	while (pos < len && !rc) {
		const char *start = text + pos, *nl = memchr(start, '\n', len - pos);
		size_t n = nl ? (size_t)(nl - start) : len - pos;

		lineno++;
		pos += n + (nl ? 1 : 0);
		if (n && start[n - 1] == '\r')
			n--;
		if (n > INI_LINE_MAX) {
			rc = error_set_at(err, ERR_INVALID, file, lineno, "the line is too long");
			break;
		}
		if (memchr(start, '\0', n) || !utf8_valid(start, n)) {
			rc = error_set_at(err, ERR_INVALID, file, lineno, "the line is not valid UTF-8 text");
			break;
		}
		strbuf_reset(&line);
		strbuf_add(&line, start, n);
		rc = parse_line(file, &line, &section, lineno, fn, ctx, err);
	}
	strbuf_release(&line);
	strbuf_release(&section);
	return rc;
}
