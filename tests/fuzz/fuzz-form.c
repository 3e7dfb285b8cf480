/*
 * fuzz-form.c: libFuzzer target for query strings and form bodies (make
 * fuzz): application/x-www-form-urlencoded decoding, then every decoded value
 * through every field reader of form.c (text, enum, date, integer, amount,
 * person and opportunity references against an in-memory database, the
 * "back" path), and every value as a path through the route table.
 *
 * Beyond not crashing: a decoded name and value is valid UTF-8 without NUL;
 * re-encoding the pairs and decoding them again gives the same pairs; a
 * "back" path that form_back accepts stays on this site; the segments a route
 * captures lie inside the path, without a '/'.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/text.h"
#include "fuzz-store.h"
#include "web/form.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void encode(struct strbuf *sb, const char *s)
{
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
			strbuf_addch(sb, (char)c);
		else if (c == ' ')
			strbuf_addch(sb, '+');
		else
			strbuf_addf(sb, "%%%02X", c);
	}
}

static void same_pairs(const struct web_params *a, const struct web_params *b)
{
	if (a->n != b->n)
		abort();
	for (size_t i = 0; i < a->n; i++)
		if (strcmp(a->items[i].name, b->items[i].name) ||
		    strcmp(a->items[i].value, b->items[i].value))
			abort();
}

static void round_trip(const struct web_params *p)
{
	struct strbuf sb = STRBUF_INIT;
	struct web_params back = { 0 };
	struct error err = ERROR_INIT;
	size_t n = 0;

	for (size_t i = 0; i < p->n; i++) {
		const struct web_param *it = &p->items[i];
		if (!utf8_valid(it->name, strlen(it->name)) ||
		    !utf8_valid(it->value, strlen(it->value)))
			abort();
		if (!it->name[0] && !it->value[0])
			continue; /* "=" decodes to an empty pair; "" to none */
		if (n++)
			strbuf_addch(&sb, '&');
		encode(&sb, it->name);
		strbuf_addch(&sb, '=');
		encode(&sb, it->value);
	}
	if (web_params_parse(&back, sb.buf, sb.len, &err))
		abort();
	if (n == p->n)
		same_pairs(p, &back);
	web_params_release(&back);
	strbuf_release(&sb);
}

static void fields(struct store *s, const struct web_params *p)
{
	struct web_req rq = { .post = true, .path = "/fuzz", .form = *p, .store = s };
	struct error err = ERROR_INIT;
	const char *text, *back;
	char when[DATE_BUFSZ];
	long n;
	int e;
	int64_t amount, id;

	if (store_begin_read(s, &err))
		fuzz_die("cannot begin", &err);
	for (size_t i = 0; i < p->n && i < 16; i++) {
		const char *name = p->items[i].name;
		form_text(&rq, name, "Name", true, false, &text);
		form_text(&rq, name, "Notes", false, true, &text);
		form_enum(&rq, name, &stage_def, &e);
		form_when(&rq, name, when);
		form_int(&rq, name, "Rapport", 0, 5, &n);
		form_amount(&rq, name, "Salary", &amount);
		form_person(&rq, name, &id);
		form_opp(&rq, name, &id);
		web_error_of(&rq, name);
	}
	store_rollback(s);
	back = form_back(&rq, "/");
	if (back[0] != '/' || back[1] == '/' || back[1] == '\\' || strpbrk(back, "\r\n\\"))
		abort();
	web_params_release(&rq.errors);
}

static void route(const char *method, const char *path)
{
	char buf[256];
	const char *arg[3];

	if (!web_route_find(method, path, arg, buf, sizeof(buf)))
		return;
	for (int i = 0; i < 3; i++)
		if (arg[i] && (arg[i] < buf || arg[i] >= buf + sizeof(buf) || strchr(arg[i], '/')))
			abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct store *s;
	struct web_params p = { 0 };
	struct error err = ERROR_INIT;

	if (!s)
		s = fuzz_store_populated();
	if (!web_params_parse(&p, (const char *)data, size, &err)) {
		round_trip(&p);
		fields(s, &p);
		for (size_t i = 0; i < p.n && i < 4; i++) {
			route("GET", p.items[i].value);
			route("POST", p.items[i].value);
		}
	}
	web_params_release(&p);
	return 0;
}
