/* letter.c: letter templates: merge fields, checks, rendering, the user's and built-in files. */
#include "method/letter.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/text.h"
#include "store/debrief.h"
#include "util/embedded.h"
#include "util/strbuf.h"
#include "util/xalloc.h"
#include "util/file_read.h"

enum field_id {
	F_PERSON, F_FIRST, F_TITLE, F_ORG, F_OPP, F_ME, F_SIGNATURE, F_DATE, F_DONE, F_COUNT
};

static const char *const field_names[F_COUNT] = {
	"person", "first", "title", "org", "opp", "me", "signature", "date", "done",
};

/* What each field holds, for the manual (rapport-templates(5)): beside the
 * names, so that a new field is documented where it is added. */
static const char *const field_help[F_COUNT] = {
	[F_PERSON] = "the person's full name",
	[F_FIRST] = "the first word of the person's name",
	[F_TITLE] = "the person's job title",
	[F_ORG] = "the opportunity's organisation, else the person's",
	[F_OPP] = "the opportunity's title",
	[F_ME] = "your name (rapport config name)",
	[F_SIGNATURE] = "your signature (rapport config signature), else your name; "
			"not in the subject",
	[F_DATE] = "today, YYYY-MM-DD",
	[F_DONE] = "the improvement actions you have done that follow the person's feedback, "
		   "a \"- TITLE\" line each, most recently done last (rapport improve); "
		   "not in the subject",
};

const char *letter_field_name(size_t i)
{
	return i < F_COUNT ? field_names[i] : NULL;
}

const char *letter_field_help(size_t i)
{
	return i < F_COUNT ? field_help[i] : NULL;
}

/* Rendering state; with no fields (a check) nothing is written. */
struct render {
	const char *name;
	const struct letter_fields *f;
	struct strbuf *out;
	int line;
	bool subject;
	struct error *err;
};

static int render_fail(const struct render *r, const char *msg)
{
	return error_set_at(r->err, ERR_INVALID, r->name, r->line, "%s", msg);
}

static int field_lookup(const char *s, size_t len)
{
	for (int i = 0; i < F_COUNT; i++)
		if (strlen(field_names[i]) == len && !memcmp(field_names[i], s, len))
			return i;
	return -1;
}

/* Edit distance of two short strings (at most 40 bytes each). */
static size_t edit_distance(const char *a, size_t na, const char *b, size_t nb)
{
	size_t prev[41], cur[41];

	for (size_t j = 0; j <= nb; j++)
		prev[j] = j;
	for (size_t i = 1; i <= na; i++) {
		cur[0] = i;
		for (size_t j = 1; j <= nb; j++) {
			size_t sub = prev[j - 1] + (a[i - 1] != b[j - 1]);
			size_t del = prev[j] + 1, ins = cur[j - 1] + 1;
			cur[j] = sub < del ? (sub < ins ? sub : ins) : (del < ins ? del : ins);
		}
		memcpy(prev, cur, (nb + 1) * sizeof(size_t));
	}
	return prev[nb];
}

static int unknown_field(const struct render *r, const char *brace, size_t len, size_t nlen)
{
	const char *best = NULL;
	size_t best_d = nlen <= 3 ? 2 : 3; /* suggest within 1 edit, 2 for longer names */

	for (int i = 0; nlen <= 40 && i < F_COUNT; i++) {
		size_t d = edit_distance(brace + 1, nlen, field_names[i], strlen(field_names[i]));
		if (d < best_d) {
			best_d = d;
			best = field_names[i];
		}
	}
	if (len > 40)
		return error_set_at(r->err, ERR_INVALID, r->name, r->line,
				    "unknown merge field '%.40s...'", brace);
	if (best)
		return error_set_at(r->err, ERR_INVALID, r->name, r->line,
				    "unknown merge field '%.*s' (did you mean '{%s}'?)", (int)len,
				    brace, best);
	return error_set_at(r->err, ERR_INVALID, r->name, r->line,
			    "unknown merge field '%.*s' (known: {person} {first} {title} {org}"
			    " {opp} {me} {signature} {date} {done})",
			    (int)len, brace);
}

static bool blank(const char *s)
{
	while (s && isspace((unsigned char)*s))
		s++;
	return !s || !*s;
}

/* The value of a field, or NULL when unknown. {first} is copied into buf. */
static const char *field_value(const struct letter_fields *f, int id, struct strbuf *buf)
{
	const char *v = NULL;

	switch (id) {
	case F_PERSON: v = f->person; break;
	case F_TITLE: v = f->title; break;
	case F_ORG: v = f->org; break;
	case F_OPP: v = f->opp; break;
	case F_ME: v = f->me; break;
	case F_SIGNATURE: v = blank(f->signature) ? f->me : f->signature; break;
	case F_DATE: v = f->date; break;
	case F_DONE: v = f->done; break;
	case F_FIRST:
		if (blank(f->person))
			return NULL;
		v = f->person + strspn(f->person, " \t");
		strbuf_add(buf, v, strcspn(v, " \t"));
		return buf->buf;
	}
	return blank(v) ? NULL : v;
}

/* Append a value: line ends as '\n' in the body, no control characters in the subject. */
static void emit_value(struct render *r, const char *v, size_t len)
{
	while (len && isspace((unsigned char)v[len - 1]))
		len--;
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)v[i];
		if (r->subject && (c < 0x20 || c == 0x7F))
			strbuf_addch(r->out, ' ');
		else if (c != '\r')
			strbuf_addch(r->out, c);
	}
}

/* An empty value takes one neighbouring space with it. */
static void drop_space(struct render *r, const char **pp, const char *end)
{
	struct strbuf *o = r->out;
	char next = *pp < end ? **pp : '\0';
	bool line_start = !o->len || o->buf[o->len - 1] == '\n';

	if (!line_start && o->buf[o->len - 1] == ' ' &&
	    (!next || next == '\n' || next == '\r' || strchr(" ,.;:!?)", next))) {
		o->buf[--o->len] = '\0';
	} else if ((line_start || o->buf[o->len - 1] == ' ') && next == ' ') {
		(*pp)++;
	}
}

/* *pp is at a '{' that opens a field: check it and write its value. */
static int render_field(struct render *r, const char **pp, const char *end)
{
	const char *brace = *pp, *p = brace + 1, *close = p, *bar;
	struct strbuf buf = STRBUF_INIT;
	const char *v;
	size_t nlen;
	int id;

	while (close < end && *close != '}' && *close != '{' && *close != '\n' && *close != '\r')
		close++;
	if (close >= end || *close != '}')
		return render_fail(r, "unclosed '{' (write '{{' for a literal brace)");
	bar = memchr(p, '|', (size_t)(close - p));
	nlen = (size_t)((bar ? bar : close) - p);
	if ((id = field_lookup(p, nlen)) < 0)
		return unknown_field(r, brace, (size_t)(close + 1 - brace), nlen);
	if (r->subject && (id == F_SIGNATURE || id == F_DONE))
		return render_fail(r, id == F_DONE ? "{done} cannot be used in the subject"
						   : "{signature} cannot be used in the subject");
	*pp = close + 1;
	if (!r->f)
		return 0;
	if ((v = field_value(r->f, id, &buf)))
		emit_value(r, v, strlen(v));
	else if (bar && close > bar + 1)
		emit_value(r, bar + 1, (size_t)(close - bar - 1));
	else
		drop_space(r, pp, end);
	strbuf_release(&buf);
	return 0;
}

/* Render the text from p to end (the subject line, or the body). */
static int render_span(struct render *r, const char *p, const char *end)
{
	while (p < end) {
		if ((*p == '{' || *p == '}') && p + 1 < end && p[1] == *p) {
			if (r->f)
				strbuf_addch(r->out, *p);
			p += 2;
		} else if (*p == '{') {
			if (render_field(r, &p, end))
				return r->err->code;
		} else if (*p == '}') {
			return render_fail(r, "a lone '}' (write '}}' for a literal brace)");
		} else {
			if (*p == '\n')
				r->line++;
			if (r->f && *p != '\r')
				strbuf_addch(r->out, *p);
			p++;
		}
	}
	return 0;
}

/* Valid UTF-8, no control characters but tabs and line ends; the error names the line. */
static int check_bytes(const char *name, const char *text, struct error *err)
{
	int line = 1;

	for (const char *p = text; *p; line++) {
		size_t len = strcspn(p, "\n");
		if (!utf8_valid(p, len))
			return error_set_at(err, ERR_INVALID, name, line, "not valid UTF-8");
		for (size_t i = 0; i < len; i++) {
			unsigned char c = (unsigned char)p[i];
			if ((c < 0x20 && c != '\t' && !(c == '\r' && i + 1 == len)) || c == 0x7F)
				return error_set_at(err, ERR_INVALID, name, line,
						    "a control character");
		}
		p += len + (p[len] == '\n');
	}
	return 0;
}

static const char *line_end(const char *p)
{
	return p + strcspn(p, "\n");
}

/* The subject: line 1 is "Subject: ..." and line 2 is blank; *body gets line 3. */
static int render_subject(struct render *r, const char *text, const char **body)
{
	const char *eol = line_end(text), *p, *next, *next_eol;

	if (strncasecmp(text, "Subject:", 8))
		return render_fail(r, "the first line must be 'Subject: ...'");
	p = text + 8;
	while (p < eol && (*p == ' ' || *p == '\t'))
		p++;
	r->subject = true;
	if (render_span(r, p, eol))
		return r->err->code;
	r->subject = false;
	r->line = 2;
	if (!*eol)
		return render_fail(r, "a blank line and the body must follow the Subject line");
	next = eol + 1;
	next_eol = line_end(next);
	for (p = next; p < next_eol; p++)
		if (!isspace((unsigned char)*p))
			return render_fail(r, "the line after the Subject line must be blank");
	*body = *next_eol ? next_eol + 1 : next_eol;
	r->line = 3;
	return 0;
}

static int render_all(const char *name, const char *text, const struct letter_fields *f,
		      struct strbuf *subject, struct strbuf *body, struct error *err)
{
	struct render r = { .name = name, .f = f, .out = subject, .line = 1, .err = err };
	const char *start = NULL;

	if (strlen(text) > LETTER_TEMPLATE_MAX)
		return error_set(err, ERR_INVALID, "%s: too long (at most %d bytes)", name,
				 LETTER_TEMPLATE_MAX);
	if (!strncmp(text, "\xEF\xBB\xBF", 3))
		text += 3; /* a byte-order mark some editors write */
	if (check_bytes(name, text, err) || render_subject(&r, text, &start))
		return err->code;
	if (blank(start))
		return render_fail(&r, "the letter has no body");
	r.out = body;
	return render_span(&r, start, start + strlen(start));
}

int letter_check(const char *name, const char *text, struct error *err)
{
	return render_all(name, text, NULL, NULL, NULL, err);
}

/* The body without leading blank lines or trailing space, ending with one '\n'. */
static char *finish_body(struct strbuf *sb)
{
	size_t start = 0, i = 0;

	while (sb->len && isspace((unsigned char)sb->buf[sb->len - 1]))
		sb->len--;
	for (; i < sb->len && (sb->buf[i] == ' ' || sb->buf[i] == '\t' || sb->buf[i] == '\n'); i++)
		if (sb->buf[i] == '\n')
			start = i + 1;
	memmove(sb->buf, sb->buf + start, sb->len - start);
	sb->len -= start;
	strbuf_addch(sb, '\n');
	return strbuf_detach(sb);
}

int letter_render(const char *name, const char *text, const struct letter_fields *f,
		  struct letter *out, struct error *err)
{
	static const struct letter_fields none = { 0 };
	struct strbuf subject = STRBUF_INIT, body = STRBUF_INIT;

	if (render_all(name, text, f ? f : &none, &subject, &body, err)) {
		strbuf_release(&subject);
		strbuf_release(&body);
		return err->code;
	}
	strbuf_trim(&subject);
	out->subject = strbuf_detach(&subject);
	out->body = finish_body(&body);
	return 0;
}

void letter_release(struct letter *l)
{
	free(l->subject);
	free(l->body);
	l->subject = l->body = NULL;
}

void letter_fields_set(struct letter_fields *f, const struct person *p, const struct opp *o,
		       const char *me, const char *signature, const char *date)
{
	*f = (struct letter_fields){ .me = me, .signature = signature, .date = date };
	if (p) {
		f->person = p->name;
		f->title = p->title;
		f->org = p->org_name;
	}
	if (o) {
		f->opp = o->title;
		if (!blank(o->org_name))
			f->org = o->org_name;
	}
}

char *letter_user_dir(void)
{
	const char *xdg = getenv("XDG_CONFIG_HOME"), *home = getenv("HOME");
	struct strbuf sb = STRBUF_INIT;

	if (xdg && *xdg == '/')
		strbuf_addf(&sb, "%s/rapport/templates", xdg);
	else
		strbuf_addf(&sb, "%s/.config/rapport/templates", home && *home ? home : ".");
	return strbuf_detach(&sb);
}

static char *user_path(const char *name)
{
	struct strbuf sb = STRBUF_INIT;
	char *dir = letter_user_dir();

	strbuf_addf(&sb, "%s/%s.txt", dir, name);
	free(dir);
	return strbuf_detach(&sb);
}

static int read_error(const char *path, int e, struct error *err)
{
	return error_set(err, e == ENOENT || e == ENOTDIR ? ERR_NOT_FOUND : ERR_IO,
			 "cannot read '%s': %s", path, strerror(e));
}

int letter_read_file(const char *path, char **text, struct error *err)
{
	struct strbuf sb = STRBUF_INIT;
	int rc = file_read_named(path, LETTER_TEMPLATE_MAX, &sb, err);

	if (!rc && strlen(sb.buf) != sb.len)
		rc = error_set(err, ERR_INVALID, "%s: not a text file (it holds a NUL byte)", path);
	if (rc)
		strbuf_release(&sb);
	else
		*text = strbuf_detach(&sb);
	return rc;
}

static const struct embedded_file *builtin(const char *name)
{
	char key[128];

	snprintf(key, sizeof(key), "templates/%s.txt", name);
	return embedded_find(key);
}

int letter_template_load(const char *name, char **text, char **origin, struct error *err)
{
	const struct embedded_file *b;
	char *path;
	int rc;

	if (name_check("template name", name, err))
		return ERR_INVALID;
	path = user_path(name);
	rc = letter_read_file(path, text, err);
	if (!rc) {
		*origin = path;
		return 0;
	}
	free(path);
	if (rc != ERR_NOT_FOUND)
		return rc;
	if (!(b = builtin(name)))
		return error_set(err, ERR_NOT_FOUND, "no letter template '%s'", name);
	error_clear(err); /* the user's file was missing: not an error here */
	*text = xstrndup(b->data, b->size);
	*origin = xstrdup("built-in");
	return 0;
}

char *letter_template_label(const char *name, const char *origin)
{
	struct strbuf sb = STRBUF_INIT;

	if (origin && strcmp(origin, "built-in"))
		strbuf_addstr(&sb, origin);
	else
		strbuf_addf(&sb, "%s.txt", name);
	return strbuf_detach(&sb);
}

bool letter_template_exists(const char *name)
{
	char *path;
	bool found;

	if (!name || name_check("template name", name, NULL))
		return false;
	path = user_path(name);
	found = access(path, R_OK) == 0 || builtin(name);
	free(path);
	return found;
}

static struct letter_template_entry *list_entry(letter_template_vec *v, const char *name,
						size_t len)
{
	struct letter_template_entry *e;

	for (size_t i = 0; i < v->n; i++)
		if (strlen(v->items[i].name) == len && !memcmp(v->items[i].name, name, len))
			return &v->items[i];
	e = VEC_PUSH(v);
	e->name = xstrndup(name, len);
	return e;
}

/* The stem of "NAME.txt" when NAME is a valid template name; *len gets its length. */
static bool template_stem(const char *file, size_t *len)
{
	size_t n = strlen(file);
	char stem[72];

	if (n < 5 || n - 4 >= sizeof(stem) || strcmp(file + n - 4, ".txt"))
		return false;
	memcpy(stem, file, n - 4);
	stem[n - 4] = '\0';
	*len = n - 4;
	return name_check("template name", stem, NULL) == 0;
}

static int list_user(letter_template_vec *v, struct error *err)
{
	char *dir = letter_user_dir();
	struct dirent *d;
	size_t len;
	DIR *dp = opendir(dir);

	if (!dp) {
		int rc = errno == ENOENT || errno == ENOTDIR ? 0 : read_error(dir, errno, err);
		free(dir);
		return rc;
	}
	while ((d = readdir(dp)))
		if (template_stem(d->d_name, &len)) {
			struct letter_template_entry *e = list_entry(v, d->d_name, len);
			struct strbuf sb = STRBUF_INIT;
			strbuf_addf(&sb, "%s/%s", dir, d->d_name);
			free(e->path);
			e->path = strbuf_detach(&sb);
		}
	closedir(dp);
	free(dir);
	return 0;
}

static int entry_cmp(const void *a, const void *b)
{
	return strcmp(((const struct letter_template_entry *)a)->name,
		      ((const struct letter_template_entry *)b)->name);
}

int letter_template_list(letter_template_vec *out, struct error *err)
{
	size_t len;

	for (const struct embedded_file *f = embedded_files; f->name; f++)
		if (!strncmp(f->name, "templates/", 10) && template_stem(f->name + 10, &len))
			list_entry(out, f->name + 10, len)->builtin = true;
	if (list_user(out, err))
		return err->code;
	if (out->n)
		qsort(out->items, out->n, sizeof(out->items[0]), entry_cmp);
	return 0;
}

void letter_template_vec_release(letter_template_vec *v)
{
	for (size_t i = 0; i < v->n; i++) {
		free(v->items[i].name);
		free(v->items[i].path);
	}
	free(v->items);
	v->items = NULL;
	v->n = v->alloc = 0;
}

/* Everything a draft needs from the database. */
struct draft_sources {
	struct task task;
	struct person person;
	struct opp opp;
	char *me, *email, *signature;
	char *done; /* {done}: "- TITLE" lines, or NULL */
};

/* The improvement actions done after the person's feedback, a "- TITLE" line
 * each, most recently done last; NULL when there are none. */
static int load_done(struct store *s, int64_t person_id, char **out, struct error *err)
{
	struct strbuf sb = STRBUF_INIT;
	id_vec ids = { 0 };
	int rc = store_improvements_done_for(s, person_id, &ids, err);

	for (size_t i = 0; i < ids.n && !rc; i++) {
		struct task t = { 0 };
		if (!(rc = store_task_get(s, ids.items[i], &t, err)))
			strbuf_addf(&sb, "%s- %s", i ? "\n" : "", t.title);
		task_release(&t);
	}
	free(ids.items);
	*out = !rc && sb.len ? strbuf_detach(&sb) : NULL;
	strbuf_release(&sb);
	return rc;
}

static int load_sources(struct store *s, int64_t task_id, struct draft_sources *src,
			struct error *err)
{
	if (store_task_get(s, task_id, &src->task, err))
		return err->code;
	if (!src->task.template)
		return error_set(err, ERR_INVALID,
				 "task %lld has no letter template to draft (see 'rapport template list')",
				 (long long)task_id);
	if ((src->task.person.id && store_person_get(s, src->task.person.id, &src->person, err)) ||
	    (src->task.opp.id && store_opp_get(s, src->task.opp.id, &src->opp, err)) ||
	    store_setting_get(s, "name", &src->me, err) ||
	    store_setting_get(s, "email", &src->email, err) ||
	    store_setting_get(s, "signature", &src->signature, err) ||
	    (src->task.person.id && load_done(s, src->task.person.id, &src->done, err)))
		return err->code;
	return 0;
}

static void release_sources(struct draft_sources *src)
{
	task_release(&src->task);
	person_release(&src->person);
	opp_release(&src->opp);
	free(src->me);
	free(src->email);
	free(src->signature);
	free(src->done);
}

static int render_draft(struct store *s, struct draft_sources *src, struct letter *out,
			struct error *err)
{
	struct letter_fields f;
	char date[DATE_BUFSZ], *text = NULL, *origin = NULL, *label;
	int rc;

	date_format_day(store_now(s), date);
	letter_fields_set(&f, src->task.person.id ? &src->person : NULL,
			  src->task.opp.id ? &src->opp : NULL, src->me, src->signature, date);
	f.done = src->done;
	if ((rc = letter_template_load(src->task.template, &text, &origin, err)))
		return rc;
	label = letter_template_label(src->task.template, origin);
	rc = letter_render(label, text, &f, out, err);
	free(label);
	free(text);
	free(origin);
	return rc;
}

int letter_draft_task(struct store *s, int64_t task_id, struct letter_draft *out,
		      struct error *err)
{
	struct draft_sources src = { 0 };
	int rc = load_sources(s, task_id, &src, err);

	if (!rc)
		rc = render_draft(s, &src, &out->letter, err);
	if (!rc) {
		out->task_id = task_id;
		out->template = xstrdup(src.task.template);
		out->person_id = src.task.person.id;
		out->to_name = xstrdup_or_null(src.person.name);
		out->to_email = xstrdup_or_null(src.person.email);
		out->from_name = xstrdup_or_null(src.me);
		out->from_email = xstrdup_or_null(src.email);
	}
	release_sources(&src);
	return rc;
}

void letter_draft_release(struct letter_draft *d)
{
	letter_release(&d->letter);
	free(d->template);
	free(d->to_name);
	free(d->to_email);
	free(d->from_name);
	free(d->from_email);
	d->template = d->to_name = d->to_email = d->from_name = d->from_email = NULL;
}
