/* mail_import.c: logging the search's e-mail from mailboxes on disk (see mail_import.h). */
#include "mail/mail_import.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/text.h"
#include "io/eml.h"
#include "io/mail_parse.h"
#include "mail/mail_propose.h"
#include "mail/mailbox.h"
#include "method/actions.h"
#include "store/mail.h"
#include "store/setting.h"

/* What an import knows while it reads. */
struct mail_reader {
	struct store *s;
	const struct playbook *pb;
	const struct mail_import_options *o;
	struct mail_summary *sum;
	mail_address_vec people; /* by address */
	mail_str_vec mine;       /* the user's addresses, lower-cased */
	struct mail_proposer proposer; /* the mail rules, the organisations' domains */
	bool keep_bodies;
	char book[17]; /* the fingerprint of the addresses known: see store/mail.h */
	char *last_logged; /* the Message-ID of the last message logged (or logged before) */
	long in_batch;
};

/* What a message is to the search: its people and its direction, and
 * the task of the draft it is or answers (draft.task_id 0: none). */
struct mail_match {
	enum direction direction;
	id_vec people;
	struct strbuf names;
	struct mail_draft_task draft;
	bool is_draft; /* the message is the draft (sent), not an answer to it */
};

/* ---- who is known ---- */

static int by_email(const void *key, const void *item)
{
	return strcmp(key, ((const struct mail_address *)item)->email);
}

static const struct mail_address *known_person(const struct mail_reader *r, const char *email)
{
	return r->people.n ? bsearch(email, r->people.items, r->people.n,
				     sizeof(*r->people.items), by_email)
			   : NULL;
}

static bool is_mine(const struct mail_reader *r, const char *email)
{
	for (size_t i = 0; i < r->mine.n; i++)
		if (!strcmp(r->mine.items[i], email))
			return true;
	return false;
}

/* Add the addresses of a comma-separated list to the user's. */
static void add_mine(struct mail_reader *r, const char *list)
{
	for (const char *p = list; p && *p;) {
		size_t n = strcspn(p, ",");
		char *one = text_trimmed(p, n);
		for (char *c = one; *c; c++)
			*c = (char)(*c >= 'A' && *c <= 'Z' ? *c - 'A' + 'a' : *c);
		if (*one)
			*VEC_PUSH(&r->mine) = one;
		else
			free(one);
		p += n + (p[n] == ',');
	}
}

/* FNV-1a over every address known: files from no one known are read
 * again when it changes (someone was added, an address changed). */
static void fingerprint(struct mail_reader *r)
{
	unsigned long long h = 1469598103934665603ULL;

	for (size_t i = 0; i < r->people.n + r->mine.n; i++) {
		const char *e = i < r->people.n ? r->people.items[i].email
						: r->mine.items[i - r->people.n];
		for (const unsigned char *p = (const unsigned char *)e; ; p++) {
			h = (h ^ *p) * 1099511628211ULL; /* the NUL too: a separator */
			if (!*p)
				break;
		}
	}
	snprintf(r->book, sizeof(r->book), "%016llx", h);
}

static int load_known(struct mail_reader *r, struct error *err)
{
	char *email = NULL, *others = NULL, *keep = NULL;
	int rc;

	if (!(rc = store_mail_people(r->s, &r->people, err)) &&
	    !(rc = store_setting_get(r->s, "email", &email, err)) &&
	    !(rc = store_setting_get(r->s, "mail.addresses", &others, err)) &&
	    !(rc = store_setting_get(r->s, "mail.keep-bodies", &keep, err)) &&
	    !(rc = mail_proposer_load(r->s, &r->proposer, err))) {
		add_mine(r, email);
		add_mine(r, others);
		r->keep_bodies = keep && !strcmp(keep, "yes");
		fingerprint(r);
	}
	free(email);
	free(others);
	free(keep);
	return rc;
}

static void add_person(struct mail_match *mm, const struct mail_address *a)
{
	for (size_t i = 0; i < mm->people.n; i++)
		if (mm->people.items[i] == a->person_id)
			return;
	*VEC_PUSH(&mm->people) = a->person_id;
	if (mm->names.len)
		strbuf_addstr(&mm->names, ", ");
	strbuf_addstr(&mm->names, a->name);
}

/* A reply from an address no one is known by, to a draft of a task for
 * someone: from them (they wrote from another address). */
static int draft_person(struct mail_reader *r, struct mail_match *mm, struct error *err)
{
	struct person p = { 0 };
	int rc = store_person_get(r->s, mm->draft.person_id, &p, err);

	if (!rc) {
		mm->direction = DIR_IN;
		add_person(mm, &(struct mail_address){ .person_id = p.id, .name = p.name });
	}
	person_release(&p);
	return rc;
}

/* From a known person: in, with them. From the user: out, with the known
 * people it went to. From someone else, in answer to a draft of a task
 * for someone: in, with them. Anything else: no one (*known false). */
static int match(struct mail_reader *r, const struct mail_msg *m, struct mail_match *mm,
		 bool *known, struct error *err)
{
	const struct mail_address *a;
	int rc = 0;

	if (is_mine(r, m->from)) {
		mm->direction = DIR_OUT;
		for (size_t i = 0; i < m->to.n; i++)
			if ((a = known_person(r, m->to.items[i])))
				add_person(mm, a);
	} else if ((a = known_person(r, m->from))) {
		mm->direction = DIR_IN;
		add_person(mm, a);
	} else if (mm->draft.person_id) {
		rc = draft_person(r, mm, err);
	}
	*known = mm->people.n > 0;
	return rc;
}

/* The task whose draft m is (its Message-ID) or answers (In-Reply-To,
 * References), into mm->draft: an id of a draft's form, whose task is
 * still the one it was made for (its creation the id's stamp). */
static int find_draft(struct mail_reader *r, const struct mail_msg *m, struct mail_match *mm,
		      struct error *err)
{
	for (size_t i = 0; i <= m->refs.n && !mm->draft.task_id; i++) {
		const char *id = i ? m->refs.items[i - 1] : m->message_id;
		char stamp[EML_STAMP_SIZE];
		int64_t task;
		int rc;
		if (!id || !eml_draft_message_task(id, &task, stamp))
			continue;
		rc = store_mail_draft_task(r->s, task, &mm->draft, err);
		if (rc && rc != ERR_NOT_FOUND)
			return rc;
		error_clear(err);
		if (!eml_draft_stamp_is(mm->draft.created, stamp))
			mail_draft_task_release(&mm->draft); /* a task of that number, made since */
		mm->is_draft = i == 0 && mm->draft.task_id;
	}
	return 0;
}

/* ---- the summary ---- */

static void skipped(struct mail_reader *r, const struct mail_item *it, const char *reason)
{
	struct mail_skipped *k = VEC_PUSH(&r->sum->broken);

	k->source = xstrdup(it->source);
	k->reason = xstrdup(reason);
}

static void count_logged(struct mail_reader *r, const struct interaction *it,
			 const struct mail_msg *m, const struct mail_match *mm, const char *slug)
{
	struct mail_logged *l = VEC_PUSH(&r->sum->emails);

	r->sum->logged++;
	if (mm->direction == DIR_IN)
		r->sum->inbound++;
	else
		r->sum->outbound++;
	l->interaction_id = r->o->dry_run ? 0 : it->id;
	l->message_id = xstrdup(m->message_id);
	l->date = xstrdup(m->date);
	l->at = xstrdup(it->at);
	l->direction = mm->direction;
	l->people = xstrdup(mm->names.buf);
	l->opp = xstrdup_or_null(slug);
	l->summary = xstrdup(it->summary);
}

/* ---- logging one message ---- */

/* The opportunity: the thread's (a message logged on one, else the task
 * of a draft), else the one open opportunity of its people. */
static int choose_opp(struct mail_reader *r, const struct mail_msg *m, const struct mail_match *mm,
		      int64_t *opp, struct error *err)
{
	int rc = store_mail_thread_opp(r->s, m->refs.items, m->refs.n, opp, err);

	if (!rc && !*opp)
		*opp = mm->draft.opp_id;
	if (!rc && !*opp)
		rc = store_mail_people_opp(r->s, mm->people.items, mm->people.n, opp, err);
	return rc;
}

/* The interaction the message is, without its opportunity; ERR_INVALID
 * (err says why) when it cannot be one: the caller skips it. */
static int make_interaction(const struct mail_reader *r, const struct mail_msg *m,
			    const struct mail_match *mm, struct interaction *it,
			    struct error *err)
{
	struct datetime dt;
	char at[DATE_BUFSZ];
	char *notes;

	if (!m->date[0] || date_parse_iso(m->date, &dt, NULL))
		return error_set(err, ERR_INVALID, "it has no date that can be read");
	date_format(&dt, at); /* local time, as the rules compare it */
	it->kind = IKIND_EMAIL;
	it->direction = mm->direction;
	it->chemistry = -1;
	it->at = xstrdup(at);
	for (size_t i = 0; i < mm->people.n; i++)
		VEC_PUSH(&it->people)->id = mm->people.items[i];
	it->summary = mail_clean_text(m->subject, true, TEXT_LINE_MAX);
	if (!*it->summary) {
		free(it->summary);
		it->summary = xstrdup("(no subject)");
	}
	notes = mail_clean_text(r->keep_bodies && m->text ? m->text : m->excerpt ? m->excerpt : "",
				false, TEXT_NOTE_MAX);
	if (*notes)
		it->notes = notes;
	else
		free(notes);
	if (action_at_too_far(r->s, it->at))
		return error_set(err, ERR_INVALID, "its date, %s, is more than a year ahead",
				 m->date);
	return interaction_validate(it, err);
}

/* Read the message's whole text into m: 0; 1 when it cannot be read (it
 * is skipped, and the summary says why); an error when nothing can be
 * (GMime cannot be loaded). */
static int read_text(struct mail_reader *r, struct mail_item *item, struct mail_msg *m, bool full,
		     struct error *err)
{
	struct error why = ERROR_INIT;
	int rc = mail_item_whole(item, &why);

	if (!rc)
		rc = mail_parse_body(item->data, item->len, m, full, &why);
	else if (!item->fetch)
		rc = ERR_INVALID; /* a file gone or unreadable: this message only */
	if (rc == ERR_INVALID) {
		skipped(r, item, error_what(&why));
		return 1;
	}
	if (rc)
		*err = why;
	return rc;
}

/* An inbound reply logged as it: what the mail rules read in it. An
 * outbound one: the task it does (the draft it is, else an open e-mail or
 * letter task for one of its people), proposed done. */
static int propose_reply(struct mail_reader *r, const struct mail_msg *m,
			 const struct mail_match *mm, const struct interaction *it,
			 struct error *err)
{
	struct mail_draft_task t = { 0 };
	bool made = false;
	int rc = 0;

	if (it->direction == DIR_IN)
		rc = mail_propose_reply(r->s, &r->proposer, m, it, &made, err);
	else if (mm->is_draft) /* its own task, or none: not another one for its person */
		rc = mm->draft.open ? mail_propose_done(r->s, m, it, mm->draft.task_id, &made, err)
				    : 0;
	else if (!(rc = store_mail_contact_task(r->s, mm->people.items, mm->people.n, &t, err)) &&
		 t.task_id)
		rc = mail_propose_done(r->s, m, it, t.task_id, &made, err);
	mail_draft_task_release(&t);
	r->sum->proposed += made;
	return rc;
}

/* Log the message as an e-mail with its people, through the action
 * `rapport log` takes, remember where it came from, and keep what it
 * proposes. The rules read an inbound message's whole text. */
static int log_message(struct mail_reader *r, struct mail_item *item, struct mail_msg *m,
		       const struct mail_match *mm, struct error *err)
{
	struct interaction it = { 0 };
	struct opp o = { 0 };
	struct error why = ERROR_INIT;
	int rc = read_text(r, item, m, r->keep_bodies || mm->direction == DIR_IN, err);

	if (rc)
		return rc < 0 ? rc : 0;
	if (make_interaction(r, m, mm, &it, &why)) {
		skipped(r, item, error_what(&why));
		interaction_release(&it);
		return 0;
	}
	if (!(rc = choose_opp(r, m, mm, &it.opp.id, err)) &&
	    !(rc = action_log(r->s, r->pb, &it, false, NULL, err)) &&
	    !(rc = store_mail_logged(r->s, m->message_id, it.id, item->source, err)) &&
	    !(rc = propose_reply(r, m, mm, &it, err)) &&
	    !(rc = it.opp.id ? store_opp_get(r->s, it.opp.id, &o, err) : 0))
		count_logged(r, &it, m, mm, o.slug);
	opp_release(&o);
	interaction_release(&it);
	return rc;
}

/* ---- reading ---- */

/* What becomes of a message whose headers were read: logged, or counted. */
static int consider(struct mail_reader *r, struct mail_item *item, struct mail_msg *m,
		    const char **logged_id, struct error *err)
{
	struct mail_match mm = { .names = STRBUF_INIT };
	bool someone = false, known = false;
	int rc = find_draft(r, m, &mm, err);

	if (rc || (rc = match(r, m, &mm, &someone, err)))
		;
	else if (!someone) {
		bool made = false;
		r->sum->unknown++;
		if (!is_mine(r, m->from))
			rc = mail_propose_sender(r->s, &r->proposer, m, &made, err);
		r->sum->proposed += made;
	}
	else if (m->automatic)
		r->sum->automatic++;
	else if ((rc = store_mail_known(r->s, m->message_id, &known, err)))
		;
	else if (known)
		r->sum->already++, *logged_id = m->message_id;
	else if (!(rc = log_message(r, item, m, &mm, err)))
		*logged_id = m->message_id;
	free(mm.people.items);
	strbuf_release(&mm.names);
	mail_draft_task_release(&mm.draft);
	return rc;
}

/* One message: skipped unopened when its Maildir file was read before,
 * else its headers read, and its text only when it is logged. */
static int read_one(struct mail_reader *r, struct mail_item *item, struct error *err)
{
	struct mail_msg m = { 0 };
	struct error why = ERROR_INIT;
	const char *logged_id = NULL;
	bool seen = false;
	int rc;

	if (item->key && (rc = store_mail_file_seen(r->s, item->key, r->book, &seen, err)))
		return rc;
	if (seen) {
		r->sum->unchanged++;
		return 0;
	}
	if (mail_item_headers(item, &why))
		rc = ERR_INVALID; /* a file gone or unreadable: this message only */
	else
		rc = mail_parse_headers(item->data, item->len, &m, &why);
	if (rc) {
		if (rc != ERR_INVALID)
			return *err = why, rc; /* GMime cannot be loaded: nothing can be read */
		skipped(r, item, error_what(&why));
		return 0;
	}
	rc = consider(r, item, &m, &logged_id, err);
	if (!rc && logged_id) {
		free(r->last_logged);
		r->last_logged = xstrdup(logged_id);
	}
	if (!rc && item->key)
		rc = store_mail_file_read(r->s, item->key, r->book, logged_id, err);
	mail_msg_release(&m);
	return rc;
}

int mail_reader_read(struct mail_reader *r, struct mail_item *item, struct error *err)
{
	r->sum->messages++;
	return read_one(r, item, err);
}

const char *mail_reader_book(const struct mail_reader *r)
{
	return r->book;
}

char *mail_reader_take_logged(struct mail_reader *r)
{
	char *id = r->last_logged;

	r->last_logged = NULL;
	return id;
}

static int each_message(void *ctx, struct mail_item *item, struct error *err)
{
	struct mail_reader *r = ctx;
	int rc;

	if ((rc = mail_reader_read(r, item, err)))
		return rc;
	if (r->o->dry_run || !r->o->batch_done || ++r->in_batch < MAIL_BATCH)
		return 0;
	r->in_batch = 0;
	return r->o->batch_done(r->o->ctx, err);
}

void mail_reader_end(struct mail_reader *r)
{
	if (!r)
		return;
	mail_address_vec_release(&r->people);
	mail_proposer_release(&r->proposer);
	for (size_t i = 0; i < r->mine.n; i++)
		free(r->mine.items[i]);
	free(r->mine.items);
	free(r->last_logged);
	free(r);
}

int mail_reader_start(struct store *s, const struct playbook *pb,
		      const struct mail_import_options *o, struct mail_summary *sum,
		      struct mail_reader **out, struct error *err)
{
	struct mail_reader *r = xcalloc(1, sizeof(*r));

	r->s = s;
	r->pb = pb;
	r->o = o;
	r->sum = sum;
	memset(sum, 0, sizeof(*sum));
	sum->dry_run = o->dry_run;
	*out = NULL;
	if (load_known(r, err)) {
		mail_reader_end(r);
		return err->code;
	}
	*out = r;
	return 0;
}

int mail_import(struct store *s, const struct playbook *pb, const char *const *paths, size_t n,
		const struct mail_import_options *o, struct mail_summary *sum, struct error *err)
{
	struct mail_reader *r = NULL;
	enum mailbox_kind *kinds = xcalloc(n ? n : 1, sizeof(*kinds));
	int rc = 0;

	memset(sum, 0, sizeof(*sum));
	sum->dry_run = o->dry_run;
	for (size_t i = 0; i < n && !rc; i++) /* every path, before anything is written */
		rc = mailbox_check(paths[i], &kinds[i], err);
	if (!rc)
		rc = mail_reader_start(s, pb, o, sum, &r, err);
	for (size_t i = 0; i < n && !rc; i++)
		rc = mailbox_read(paths[i], kinds[i], each_message, r, err);
	mail_reader_end(r);
	free(kinds);
	return rc;
}

/* ---- the summary ---- */

int mail_import_data(struct store *s, const struct playbook *pb, const char *name,
		     const char *data, size_t len, const struct mail_import_options *o,
		     struct mail_summary *sum, struct error *err)
{
	struct mail_reader *r = NULL;
	enum mailbox_kind kind;
	int rc;

	memset(sum, 0, sizeof(*sum));
	sum->dry_run = o->dry_run;
	if (!(rc = mailbox_check_data(name, data, len, &kind, err)) &&
	    !(rc = mail_reader_start(s, pb, o, sum, &r, err)))
		rc = mailbox_read_data(name, kind, data, len, each_message, r, err);
	mail_reader_end(r);
	return rc;
}

void mail_summary_release(struct mail_summary *sum)
{
	for (size_t i = 0; i < sum->emails.n; i++) {
		struct mail_logged *l = &sum->emails.items[i];
		free(l->message_id);
		free(l->date);
		free(l->at);
		free(l->people);
		free(l->opp);
		free(l->summary);
	}
	free(sum->emails.items);
	for (size_t i = 0; i < sum->broken.n; i++) {
		free(sum->broken.items[i].source);
		free(sum->broken.items[i].reason);
	}
	free(sum->broken.items);
	memset(sum, 0, sizeof(*sum));
}

static void add_email_line(struct strbuf *out, const struct mail_logged *l)
{
	strbuf_addf(out, "  %-3s %s  %s: %s", l->direction == DIR_IN ? "in" : "out", l->at,
		    l->people, l->summary);
	if (l->opp)
		strbuf_addf(out, " (%s)", l->opp);
	strbuf_addch(out, '\n');
}

void mail_summary_text(struct strbuf *out, const struct mail_summary *sum, size_t max)
{
	const char *verb = sum->dry_run ? "would log" : "logged";

	strbuf_addf(out, "%s%ld message%s read: %s %ld e-mail%s (%ld in, %ld out)\n",
		    sum->dry_run ? "dry run: " : "", sum->messages, sum->messages == 1 ? "" : "s",
		    verb, sum->logged, sum->logged == 1 ? "" : "s", sum->inbound, sum->outbound);
	strbuf_addf(out, "not logged: %ld logged before, %ld files read before, %ld automatic, "
			 "%ld from or to no one known, %zu that cannot be read\n",
		    sum->already, sum->unchanged, sum->automatic, sum->unknown, sum->broken.n);
	if (sum->proposed)
		strbuf_addf(out, "%s %ld proposal%s: see rapport inbox\n",
			    sum->dry_run ? "would make" : "made", sum->proposed,
			    sum->proposed == 1 ? "" : "s");
	for (size_t i = 0; i < sum->emails.n && i < max; i++)
		add_email_line(out, &sum->emails.items[i]);
	if (sum->emails.n > max)
		strbuf_addf(out, "  ... and %zu more\n", sum->emails.n - max);
	for (size_t i = 0; i < sum->broken.n && i < max; i++)
		strbuf_addf(out, "skipped %s: %s\n", sum->broken.items[i].source,
			    sum->broken.items[i].reason);
	if (sum->broken.n > max)
		strbuf_addf(out, "... and %zu more skipped\n", sum->broken.n - max);
}
