/* import.c: the driver of an import: the table of formats, a file of
 * another kind refused, the notes and the summary (see import.h). */
#include "method/import_internal.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/undo.h"
#include "store/upsert.h"
#include "util/file_read.h"

#define FILE_MAX ((size_t)1 << 30) /* larger than any export a person makes */

/* Indexed by enum import_kind. */
static const struct import_format *const formats[] = {
	[IMPORT_LINKEDIN] = &import_linkedin,
	[IMPORT_CSV] = &import_applications,
	[IMPORT_VCARD] = &import_vcards,
};

/* ---- notes ---- */

static void add_note(import_note_vec *v, long line, const char *fmt, va_list ap)
{
	struct strbuf sb = STRBUF_INIT;
	struct import_note *n = VEC_PUSH(v);

	strbuf_vaddf(&sb, fmt, ap);
	n->line = line;
	n->text = strbuf_detach(&sb);
}

void import_skip(struct import *im, long line, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	add_note(&im->sum->skipped, line, fmt, ap);
	va_end(ap);
}

void import_warn(struct import *im, long line, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	add_note(&im->sum->warnings, line, fmt, ap);
	va_end(ap);
}

/* A value quoted for a message: at most 60 bytes, whole UTF-8 characters. */
const char *import_quoted(const char *s, char buf[80])
{
	size_t n = strlen(s);

	if (n <= 60) {
		snprintf(buf, 80, "'%s'", s);
		return buf;
	}
	n = 57;
	while (n && ((unsigned char)s[n] & 0xC0) == 0x80)
		n--;
	snprintf(buf, 80, "'%.*s...'", (int)n, s);
	return buf;
}

/* ---- a file of another kind ---- */

/* What else data clearly is, when it is not what kind expects: a message
 * naming the right import, or NULL. Bug (issue 16): a LinkedIn export given
 * as applications made an opportunity of each person's job title. */
static const char *another_kind(enum import_kind kind, const char *data, size_t len)
{
	/* vCards first: a card's notes may hold anything, its first line cannot */
	static const enum import_kind order[] = { IMPORT_VCARD, IMPORT_LINKEDIN, IMPORT_CSV };
	const char *text;

	if (len >= 16 && !memcmp(data, "SQLite format 3", 16))
		return "this looks like a rapport database, not a file to import: use `rapport "
		       "restore FILE` to put a backup back";
	text = import_text_start(data, &len);
	if (len && (text[0] == '{' || text[0] == '['))
		return "this looks like a JSON document (a rapport backup?): use `rapport import "
		       "json FILE`";
	for (size_t i = 0; i < ARRAY_SIZE(order); i++)
		if ((formats[kind]->refuses & (1u << order[i])) &&
		    formats[order[i]]->looks_like(text, len))
			return formats[order[i]]->use;
	return NULL;
}

/* ---- entry points ---- */

static const char *base_name(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash && slash[1] ? slash + 1 : path;
}

int import_text(struct store *s, enum import_kind kind, const char *name, const char *data,
		size_t len, const struct import_options *o, struct import_summary *sum,
		struct error *err)
{
	static const struct import_options none = { 0 };
	const struct import_format *fmt = formats[kind];
	struct import im = { .s = s, .fmt = fmt, .o = o ? o : &none, .sum = sum };
	struct strbuf note = STRBUF_INIT;
	const char *other = another_kind(kind, data, len);
	int rc;

	memset(sum, 0, sizeof(*sum));
	sum->kind = kind;
	sum->records = fmt->records;
	sum->file = xstrdup(name);
	if (other)
		return error_set(err, ERR_INVALID, "%s: %s; nothing was imported", name, other);
	sum->dry_run = im.o->dry_run;
	if (s && !sum->dry_run && len > IMPORT_UNDO_MAX_BYTES) {
		if ((rc = store_undo_abandon(s, err)))
			goto out;
		sum->not_undoable = true;
	}
	strbuf_addf(&note, "imported from %s", base_name(name));
	im.move_note = note.buf;
	if (fmt->check_options && (rc = fmt->check_options(&im, err)))
		goto out;
	if (s && (rc = upsert_open(s, fmt->store_as, &im.u, err)))
		goto out;
	if (im.u && im.o->dry_run && (rc = upsert_mark(im.u, err)))
		goto out;
	rc = fmt->read(&im, data, len, err);
	if (im.u && !rc)
		rc = upsert_flush(im.u, err);
	if (im.u && !rc)
		rc = im.o->dry_run ? upsert_undo(im.u, err) : upsert_keep(im.u, err);
out:
	upsert_close(im.u);
	import_free_names(im.names, im.ncols);
	strbuf_release(&note);
	return rc;
}

static int read_whole(const char *path, char **data, size_t *len, struct error *err)
{
	struct strbuf sb = STRBUF_INIT;
	int rc = file_read_named(path, FILE_MAX, &sb, err);

	if (rc) {
		strbuf_release(&sb);
		return rc == ERR_NOT_FOUND ? ERR_IO : rc; /* a file named to import */
	}
	*len = sb.len;
	*data = strbuf_detach(&sb);
	return 0;
}

int import_file(struct store *s, enum import_kind kind, const char *path,
		const struct import_options *o, struct import_summary *sum, struct error *err)
{
	char *data;
	size_t len;
	int rc;

	memset(sum, 0, sizeof(*sum));
	if (read_whole(path, &data, &len, err))
		return err->code;
	rc = import_text(s, kind, path, data, len, o, sum, err);
	free(data);
	return rc;
}

static void notes_release(import_note_vec *v)
{
	for (size_t i = 0; i < v->n; i++)
		free(v->items[i].text);
	free(v->items);
	v->items = NULL;
	v->n = v->alloc = 0;
}

void import_summary_release(struct import_summary *sum)
{
	free(sum->file);
	sum->file = NULL;
	notes_release(&sum->skipped);
	notes_release(&sum->warnings);
}

/* ---- the summary ---- */

void import_summary_text(struct strbuf *out, const struct import_summary *sum,
			 size_t max_notes)
{
	size_t i = 0, j = 0, shown = 0, total = sum->skipped.n + sum->warnings.n;

	strbuf_addf(out, "%s%s: %ld %s: %ld added, %ld updated, %ld unchanged, %zu skipped\n",
		    sum->dry_run ? "dry run: " : "", sum->file, sum->rows,
		    formats[sum->kind]->what, sum->added, sum->updated, sum->unchanged, sum->skipped.n);
	if (sum->orgs_added)
		strbuf_addf(out, "organisations added: %ld\n", sum->orgs_added);
	if (sum->connected)
		strbuf_addf(out, "connection dates recorded: %ld\n", sum->connected);
	if (sum->converted)
		strbuf_addf(out, "the file is not all UTF-8 (line %ld is the first that is not): "
			    "read as %s and converted\n", sum->first_bad_line, sum->encoding);
	/* skipped rows and warnings together, by line */
	while ((i < sum->skipped.n || j < sum->warnings.n) && shown < max_notes) {
		bool take_skip = j >= sum->warnings.n ||
				 (i < sum->skipped.n &&
				  sum->skipped.items[i].line <= sum->warnings.items[j].line);
		const struct import_note *n = take_skip ? &sum->skipped.items[i++]
							: &sum->warnings.items[j++];
		strbuf_addf(out, "line %ld: %s%s\n", n->line, take_skip ? "skipped: " : "",
			    n->text);
		shown++;
	}
	if (shown < total)
		strbuf_addf(out, "... and %zu more (--json lists them all)\n", total - shown);
	if (sum->dry_run)
		strbuf_addstr(out, "dry run: nothing was written\n");
	if (sum->not_undoable)
		strbuf_addstr(out, "this import is too large to keep for undo (over 2 MB): 'rapport "
				   "undo' cannot take it back, nor what came before it ('rapport "
				   "backup' before a large import keeps a way back)\n");
}
