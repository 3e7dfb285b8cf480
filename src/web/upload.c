/*
 * upload.c: multipart/form-data bodies (a form with a file), read by
 * libmicrohttpd's post processor as the body arrives. The file's bytes are
 * kept as they came (an importer decodes them); every other field must be
 * UTF-8 text without NUL bytes, as in a urlencoded form.
 */
#include "web/upload.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/text.h"
#include "util/xalloc.h"
#include "web/mhd.h"

struct multipart {
	struct MHD_PostProcessor *pp;
	struct web_params fields;
	struct strbuf value; /* the text field being read */
	char *value_name;    /* its name, NULL between fields */
	struct web_upload file;
	bool second_file; /* a form sends one file: more is refused */
	bool nul;         /* a NUL byte in a text field */
};

/* The text field read so far joins the others. */
static void end_value(struct multipart *m)
{
	if (!m->value_name)
		return;
	if (memchr(m->value.buf, '\0', m->value.len))
		m->nul = true;
	xgrow((void **)&m->fields.items, sizeof(*m->fields.items), m->fields.n + 1,
	      &m->fields.alloc);
	m->fields.items[m->fields.n].name = m->value_name;
	m->fields.items[m->fields.n].value = strbuf_detach(&m->value);
	m->fields.n++;
	m->value_name = NULL;
}

static enum MHD_Result on_part(void *cls, enum MHD_ValueKind kind, const char *key,
			       const char *filename, const char *content_type,
			       const char *transfer_encoding, const char *data, uint64_t off,
			       size_t size)
{
	struct multipart *m = cls;

	(void)kind, (void)content_type, (void)transfer_encoding;
	if (!key)
		return MHD_YES;
	if (filename) {
		end_value(m);
		if (!m->file.present) {
			m->file.present = true;
			m->file.field = xstrdup(key);
			m->file.filename = xstrdup(filename);
		} else if (off == 0 && (strcmp(key, m->file.field) || strcmp(filename, m->file.filename))) {
			m->second_file = true;
		}
		if (!m->second_file)
			strbuf_add(&m->file.data, data, size);
		return MHD_YES;
	}
	if (off == 0 || !m->value_name || strcmp(m->value_name, key)) {
		end_value(m);
		m->value_name = xstrdup(key);
		strbuf_init(&m->value);
	}
	strbuf_add(&m->value, data, size);
	return MHD_YES;
}

struct multipart *multipart_start(struct MHD_Connection *c)
{
	struct multipart *m = xcalloc(1, sizeof(*m));

	strbuf_init(&m->value);
	strbuf_init(&m->file.data);
	m->pp = mhd.MHD_create_post_processor(c, 65536, on_part, m);
	if (!m->pp) {
		multipart_free(m);
		return NULL;
	}
	return m;
}

bool multipart_is(const char *content_type)
{
	static const char mp[] = "multipart/form-data";

	return content_type && !strncasecmp(content_type, mp, sizeof(mp) - 1);
}

int multipart_feed(struct multipart *m, const char *data, size_t size)
{
	return m->pp && mhd.MHD_post_process(m->pp, data, size) == MHD_YES ? 0 : -1;
}

int multipart_finish(struct multipart *m, struct web_params *fields, struct web_upload *file,
		     struct error *err)
{
	/* the post processor may hold the end of the last part until now */
	bool whole = mhd.MHD_destroy_post_processor(m->pp) == MHD_YES;

	m->pp = NULL;
	end_value(m);
	if (!whole)
		return error_set(err, ERR_INVALID, "the form's body is not well formed");
	if (m->second_file)
		return error_set(err, ERR_INVALID, "send one file at a time");
	if (m->nul)
		return error_set(err, ERR_INVALID, "a NUL byte in the form");
	for (size_t i = 0; i < m->fields.n; i++) {
		const char *name = m->fields.items[i].name, *v = m->fields.items[i].value;
		if (!utf8_valid(name, strlen(name)) || !utf8_valid(v, strlen(v)))
			return error_set(err, ERR_INVALID, "the form is not UTF-8 text");
	}
	*fields = m->fields;
	memset(&m->fields, 0, sizeof(m->fields));
	*file = m->file;
	memset(&m->file, 0, sizeof(m->file));
	strbuf_init(&m->file.data);
	return 0;
}

void web_upload_release(struct web_upload *u)
{
	free(u->field);
	free(u->filename);
	strbuf_release(&u->data);
	memset(u, 0, sizeof(*u));
	strbuf_init(&u->data);
}

void multipart_free(struct multipart *m)
{
	if (!m)
		return;
	if (m->pp)
		mhd.MHD_destroy_post_processor(m->pp);
	free(m->value_name);
	strbuf_release(&m->value);
	web_params_release(&m->fields);
	web_upload_release(&m->file);
	free(m);
}
