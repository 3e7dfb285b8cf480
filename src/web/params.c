/* params.c: query strings and form bodies (application/x-www-form-urlencoded). */
#include "web/web.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/text.h"
#include "util/xalloc.h"

void web_params_add(struct web_params *p, const char *name, const char *value)
{
	xgrow((void **)&p->items, sizeof(*p->items), p->n + 1, &p->alloc);
	p->items[p->n].name = xstrdup(name);
	p->items[p->n].value = xstrdup(value);
	p->n++;
}

const char *web_param(const struct web_params *p, const char *name)
{
	for (size_t i = p->n; i-- > 0;)
		if (!strcmp(p->items[i].name, name))
			return p->items[i].value;
	return NULL;
}

void web_params_release(struct web_params *p)
{
	for (size_t i = 0; i < p->n; i++) {
		free(p->items[i].name);
		free(p->items[i].value);
	}
	free(p->items);
	memset(p, 0, sizeof(*p));
}

/* Decode s[0..n) into out ('+' is a space, %XX a byte). */
static int decode(struct strbuf *out, const char *s, size_t n, struct error *err)
{
	strbuf_reset(out);
	for (size_t i = 0; i < n; i++) {
		int c = (unsigned char)s[i];
		if (c == '+') {
			c = ' ';
		} else if (c == '%') {
			if (i + 2 >= n || text_hex_digit(s[i + 1]) < 0 || text_hex_digit(s[i + 2]) < 0)
				return error_set(err, ERR_INVALID, "a bad %%-escape in the form");
			c = text_hex_digit(s[i + 1]) * 16 + text_hex_digit(s[i + 2]);
			i += 2;
		}
		if (c == 0)
			return error_set(err, ERR_INVALID, "a NUL byte in the form");
		strbuf_addch(out, c);
	}
	if (!utf8_valid(out->buf, out->len))
		return error_set(err, ERR_INVALID, "the form is not UTF-8 text");
	return 0;
}

int web_params_parse(struct web_params *out, const char *text, size_t len, struct error *err)
{
	struct strbuf name = STRBUF_INIT, value = STRBUF_INIT;
	size_t i = 0;
	int rc = 0;

	while (i < len && !rc) {
		const char *pair = text + i, *amp = memchr(pair, '&', len - i);
		size_t plen = amp ? (size_t)(amp - pair) : len - i;
		const char *eq = memchr(pair, '=', plen);
		size_t nlen = eq ? (size_t)(eq - pair) : plen;

		i += plen + 1;
		if (!plen)
			continue;
		if (!(rc = decode(&name, pair, nlen, err)) &&
		    !(rc = decode(&value, eq ? eq + 1 : pair + plen, eq ? plen - nlen - 1 : 0, err)))
			web_params_add(out, name.buf, value.buf);
	}
	strbuf_release(&name);
	strbuf_release(&value);
	return rc;
}

void web_field_error(struct web_req *rq, const char *field, const char *fmt, ...)
{
	struct strbuf sb = STRBUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	strbuf_vaddf(&sb, fmt, ap);
	va_end(ap);
	web_params_add(&rq->errors, field, sb.buf);
	strbuf_release(&sb);
}

const char *web_error_of(const struct web_req *rq, const char *field)
{
	return web_param(&rq->errors, field);
}

void web_redirect(struct web_resp *rs, const char *fmt, ...)
{
	struct strbuf sb = STRBUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	strbuf_vaddf(&sb, fmt, ap);
	va_end(ap);
	free(rs->location);
	rs->location = strbuf_detach(&sb);
	rs->status = 303;
}
