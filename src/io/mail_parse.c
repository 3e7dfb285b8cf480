/* mail_parse.c: a message read with GMime (see mail_parse.h), which is
 * loaded on first use rather than linked (see util/dynlib.h): with GLib
 * and GObject behind it, it would slow the start of every command. */
#include "io/mail_parse.h"

#include <ctype.h>
#include <gmime/gmime.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util/dynlib.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

/* GMime's runtime name (objdump -p libgmime-3.0.so: SONAME). */
#ifndef GMIME_SONAME
#if GMIME_MAJOR_VERSION != 3
#error "GMime is not version 3: set GMIME_SONAME to its runtime name"
#endif
#define GMIME_SONAME "libgmime-3.0.so.0"
#endif

/* Every function of GMime, GLib and GObject this file calls, each typed
 * from its header. GLib's and GObject's are found through GMime's handle,
 * whose dependencies they are. GObject's type-check macros call
 * g_type_check_instance_is_a, so they are not used: is_a() is. */
#define GMIME_FUNCTIONS(X)                                                                 \
	X(g_mime_init) X(g_mime_stream_mem_new_with_buffer) X(g_mime_parser_new_with_stream) \
	X(g_mime_parser_construct_message) X(g_mime_message_get_message_id)                 \
	X(g_mime_message_get_from) X(g_mime_message_get_to) X(g_mime_message_get_cc)        \
	X(g_mime_message_get_date) X(g_mime_message_get_subject) X(g_mime_message_foreach)  \
	X(g_mime_object_get_header) X(g_mime_object_get_content_type)                       \
	X(g_mime_content_type_is_type) X(g_mime_part_is_attachment)                         \
	X(g_mime_text_part_get_text) X(g_mime_text_part_get_type) X(g_mime_part_get_type)   \
	X(g_mime_references_parse) X(g_mime_references_length)                              \
	X(g_mime_references_get_message_id) X(g_mime_references_free)                       \
	X(internet_address_list_length) X(internet_address_list_get_address)                \
	X(internet_address_mailbox_get_addr) X(internet_address_mailbox_get_type)           \
	X(internet_address_group_get_members) X(internet_address_group_get_type)            \
	X(g_type_check_instance_is_a) X(g_object_unref) X(g_free) X(g_date_time_format)      \
	X(g_compute_checksum_for_data) X(g_mime_message_get_mime_part)                     \
	X(g_mime_multipart_get_type) X(g_mime_multipart_get_prologue) X(internet_address_get_name) \
	X(g_mime_stream_mem_new_with_byte_array) X(g_mime_stream_mem_set_owner)              \
	X(g_byte_array_new_take) X(g_byte_array_free)

static struct {
#define GMIME_POINTER(f) __typeof__(f) *f;
	GMIME_FUNCTIONS(GMIME_POINTER)
#undef GMIME_POINTER
} gm;

static struct error load_err = ERROR_INIT;
static pthread_once_t load_once = PTHREAD_ONCE_INIT;

static void load_gmime(void)
{
	static const char *const names[] = { GMIME_SONAME, "libgmime-3.0.so", NULL };
	static const struct dynlib_sym syms[] = {
#define GMIME_SYM(f) { #f, &gm.f },
		GMIME_FUNCTIONS(GMIME_SYM)
#undef GMIME_SYM
	};

	if (!dynlib_load(names, "reading mail", syms, ARRAY_SIZE(syms), &load_err))
		gm.g_mime_init();
}

static int load(struct error *err)
{
	pthread_once(&load_once, load_gmime);
	if (load_err.code) {
		*err = load_err;
		return err->code;
	}
	return 0;
}

static bool is_a(void *obj, GType type)
{
	return obj && gm.g_type_check_instance_is_a(obj, type);
}

/* raw (its first len bytes) as a message; NULL when GMime makes none.
 * GMime reads raw where it is: g_mime_stream_mem_new_with_buffer would
 * copy it, and a message with a 20 MB attachment would be held once more.
 * The stream is lent raw in *lent (it owns no array) and only reads it;
 * the message's parts keep the stream (a part's content is a window on
 * it), so the array goes with the message, in destruct. */
static GMimeMessage *construct(const char *raw, size_t len, GByteArray **lent)
{
	GMimeStream *stream;
	GMimeParser *parser;
	GMimeMessage *msg;

	*lent = NULL;
	if (len > G_MAXUINT) /* a GByteArray's length is a guint: more is no message */
		return NULL;
	*lent = gm.g_byte_array_new_take((guint8 *)raw, len);
	stream = gm.g_mime_stream_mem_new_with_byte_array(*lent);
	gm.g_mime_stream_mem_set_owner((GMimeStreamMem *)stream, FALSE);
	parser = gm.g_mime_parser_new_with_stream(stream);
	msg = gm.g_mime_parser_construct_message(parser, NULL);
	gm.g_object_unref(parser);
	gm.g_object_unref(stream);
	return msg;
}

/* The message (NULL: none), then the array it was lent: the bytes stay
 * the caller's. */
static void destruct(GMimeMessage *msg, GByteArray *lent)
{
	if (msg)
		gm.g_object_unref(msg);
	if (lent)
		gm.g_byte_array_free(lent, FALSE);
}

/* ---- the headers ---- */

static char *lower_copy(const char *s)
{
	char *out = xstrdup(s);

	for (char *p = out; *p; p++)
		*p = (char)tolower((unsigned char)*p);
	return out;
}

/* Every mailbox of list (a group's members too) into v, lower-cased. */
static void add_addresses(InternetAddressList *list, mail_str_vec *v)
{
	int n = list ? gm.internet_address_list_length(list) : 0;

	for (int i = 0; i < n; i++) {
		InternetAddress *a = gm.internet_address_list_get_address(list, i);
		const char *addr;
		if (is_a(a, gm.internet_address_group_get_type()))
			add_addresses(gm.internet_address_group_get_members(
					      (InternetAddressGroup *)a), v);
		else if (is_a(a, gm.internet_address_mailbox_get_type()) &&
			 (addr = gm.internet_address_mailbox_get_addr(
				  (InternetAddressMailbox *)a)) && strchr(addr, '@'))
			*VEC_PUSH(v) = lower_copy(addr);
	}
}

/* The display name of the first sender ("Data Recruiter" of "Data
 * Recruiter <r@example.com>"), cleaned; NULL when it has none. */
static char *sender_name(InternetAddressList *list)
{
	InternetAddress *a = list && gm.internet_address_list_length(list) > 0
				     ? gm.internet_address_list_get_address(list, 0)
				     : NULL;
	const char *name = a ? gm.internet_address_get_name(a) : NULL;
	char *clean;

	if (!name)
		return NULL;
	clean = mail_clean_text(name, true, 200);
	if (*clean)
		return clean;
	free(clean);
	return NULL;
}

static void add_refs(const char *header, mail_str_vec *v)
{
	GMimeReferences *refs = header ? gm.g_mime_references_parse(NULL, header) : NULL;
	int n = refs ? gm.g_mime_references_length(refs) : 0;

	for (int i = 0; i < n; i++)
		*VEC_PUSH(v) = xstrdup(gm.g_mime_references_get_message_id(refs, i));
	if (refs)
		gm.g_mime_references_free(refs);
}

static void read_date(GMimeMessage *msg, char out[DATE_BUFSZ])
{
	GDateTime *dt = gm.g_mime_message_get_date(msg);
	char *s = dt ? gm.g_date_time_format(dt, "%Y-%m-%dT%H:%M:%S%:z") : NULL;

	out[0] = '\0';
	if (s && strlen(s) < DATE_BUFSZ && s[0] != '-')
		snprintf(out, DATE_BUFSZ, "%s", s);
	gm.g_free(s);
}

static const char *header(GMimeMessage *msg, const char *name)
{
	return gm.g_mime_object_get_header((GMimeObject *)msg, name);
}

/* A header's first word, as a token to compare: "auto-replied; x=1" is "auto-replied". */
static bool token_is(const char *value, const char *word)
{
	size_t n = strlen(word);

	while (value && isspace((unsigned char)*value))
		value++;
	return value && !strncasecmp(value, word, n) &&
	       (!value[n] || value[n] == ';' || isspace((unsigned char)value[n]));
}

/* Sent by a machine (RFC 3834's Auto-Submitted, a list, an autoreply)? */
static bool automatic(GMimeMessage *msg, const char *subject)
{
	const char *v = header(msg, "Auto-Submitted");

	if (v && !token_is(v, "no"))
		return true;
	v = header(msg, "Precedence");
	if (token_is(v, "bulk") || token_is(v, "list") || token_is(v, "junk"))
		return true;
	return header(msg, "List-Id") || header(msg, "List-Unsubscribe") ||
	       header(msg, "X-Autoreply") || header(msg, "X-Autorespond") ||
	       mail_subject_automatic(subject);
}

/* The id of a message without a Message-ID: a hash of what identifies it
 * wherever it is kept (a mailbox may add Status: or X-UID: headers). */
static char *hashed_id(GMimeMessage *msg)
{
	static const char *const names[] = { "From", "To", "Cc", "Date", "Subject" };
	struct strbuf sb = STRBUF_INIT;
	char *hex, *id;

	for (size_t i = 0; i < ARRAY_SIZE(names); i++) {
		const char *v = header(msg, names[i]);
		strbuf_addf(&sb, "%s: %s\n", names[i], v ? v : "");
	}
	hex = gm.g_compute_checksum_for_data(G_CHECKSUM_SHA256, (const guchar *)sb.buf, sb.len);
	id = xstrdup(""); /* replaced below; hex is NULL only out of memory */
	if (hex) {
		free(id);
		strbuf_reset(&sb);
		strbuf_addf(&sb, "sha256:%s", hex);
		id = strbuf_detach(&sb);
	}
	gm.g_free(hex);
	strbuf_release(&sb);
	return id;
}

static void read_headers(GMimeMessage *msg, struct mail_msg *m)
{
	mail_str_vec from = { 0 };
	const char *id = gm.g_mime_message_get_message_id(msg);
	const char *subject = gm.g_mime_message_get_subject(msg);

	m->message_id = id && *id ? xstrdup(id) : hashed_id(msg);
	add_addresses(gm.g_mime_message_get_from(msg), &from);
	if (from.n) {
		m->from = from.items[0];
		m->from_name = sender_name(gm.g_mime_message_get_from(msg));
	}
	for (size_t i = 1; i < from.n; i++)
		free(from.items[i]);
	free(from.items);
	add_addresses(gm.g_mime_message_get_to(msg), &m->to);
	add_addresses(gm.g_mime_message_get_cc(msg), &m->to);
	read_date(msg, m->date);
	m->subject = xstrdup(subject ? subject : "");
	add_refs(header(msg, "In-Reply-To"), &m->refs);
	add_refs(header(msg, "References"), &m->refs);
	m->automatic = automatic(msg, m->subject);
}

int mail_parse_headers(const char *raw, size_t len, struct mail_msg *m, struct error *err)
{
	size_t end = mail_header_end(raw, len);
	GMimeMessage *msg;
	GByteArray *lent;

	memset(m, 0, sizeof(*m));
	if (load(err))
		return err->code;
	if (!end && len && raw[len - 1] == '\n')
		end = len; /* a message of headers alone */
	if (!end)
		return error_set(err, ERR_INVALID, "not a message: its headers do not end");
	if (!(msg = construct(raw, end, &lent))) {
		destruct(msg, lent);
		return error_set(err, ERR_INVALID, "not a message: no header can be read");
	}
	read_headers(msg, m);
	destruct(msg, lent);
	if (!m->from) {
		mail_msg_release(m);
		return error_set(err, ERR_INVALID, "not a message: it has no sender");
	}
	return 0;
}

/* ---- the text ---- */

/* The first text part and the first HTML part that are not attachments. */
struct texts {
	GMimeObject *plain, *html;
};

static void find_texts(GMimeObject *parent, GMimeObject *part, gpointer data)
{
	struct texts *t = data;
	GMimeContentType *ct = gm.g_mime_object_get_content_type(part);

	(void)parent;
	if (!is_a(part, gm.g_mime_text_part_get_type()) ||
	    gm.g_mime_part_is_attachment((GMimePart *)part))
		return;
	if (!t->plain && gm.g_mime_content_type_is_type(ct, "text", "plain"))
		t->plain = part;
	else if (!t->html && gm.g_mime_content_type_is_type(ct, "text", "html"))
		t->html = part;
}

/* A multipart whose boundary never comes (broken MIME) has all its text
 * before the first: take it, rather than nothing. */
static const char *broken_multipart_text(GMimeMessage *msg)
{
	GMimeObject *top = gm.g_mime_message_get_mime_part(msg);

	return is_a(top, gm.g_mime_multipart_get_type())
		       ? gm.g_mime_multipart_get_prologue((GMimeMultipart *)top)
		       : NULL;
}

/* The message's text, newly allocated: the text part, else the HTML part
 * as text, else a broken multipart's. What a part says is UTF-8 may not
 * be, and a prologue says nothing: it is made valid here. */
static char *message_text(GMimeMessage *msg)
{
	struct texts t = { 0 };
	char *part = NULL, *html = NULL, *out;
	const char *text;

	gm.g_mime_message_foreach(msg, find_texts, &t);
	if (t.plain || t.html)
		part = gm.g_mime_text_part_get_text((GMimeTextPart *)(t.plain ? t.plain : t.html));
	if (part && !t.plain)
		html = mail_html_to_text(part);
	text = html ? html : part ? part : broken_multipart_text(msg);
	out = mail_clean_text(text ? text : "", false, SIZE_MAX);
	gm.g_free(part);
	free(html);
	return out;
}

int mail_parse_body(const char *raw, size_t len, struct mail_msg *m, bool full,
		    struct error *err)
{
	GMimeMessage *msg;
	GByteArray *lent;
	char *text;

	if (load(err))
		return err->code;
	if (!(msg = construct(raw, len, &lent))) {
		destruct(msg, lent);
		return error_set(err, ERR_INVALID, "not a message: no header can be read");
	}
	text = message_text(msg);
	destruct(msg, lent);
	free(m->excerpt);
	m->excerpt = mail_excerpt(text, MAIL_EXCERPT_CHARS);
	free(m->text);
	m->text = NULL;
	if (full)
		m->text = text;
	else
		free(text);
	return 0;
}

static void str_vec_release(mail_str_vec *v)
{
	for (size_t i = 0; i < v->n; i++)
		free(v->items[i]);
	free(v->items);
	memset(v, 0, sizeof(*v));
}

void mail_msg_release(struct mail_msg *m)
{
	free(m->message_id);
	free(m->from);
	free(m->from_name);
	str_vec_release(&m->to);
	free(m->subject);
	str_vec_release(&m->refs);
	free(m->excerpt);
	free(m->text);
	memset(m, 0, sizeof(*m));
}
