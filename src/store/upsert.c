/* upsert.c: the in-memory indexes an import matches records by (see upsert.h). */
#include "store/upsert.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <strings.h>

#include "core/text.h"
#include "store/store_internal.h"

/* ---- a hash multimap from a string to record indexes ---- */

struct slot {
	uint64_t hash;
	char *key; /* NULL: empty */
	size_t value;
};

struct multimap {
	struct slot *slots;
	size_t cap, n; /* cap: a power of two */
};

static uint64_t hash_str(const char *s)
{
	uint64_t h = 0xcbf29ce484222325ULL; /* FNV-1a */

	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 0x100000001b3ULL;
	return h;
}

static void mm_put(struct multimap *m, uint64_t h, char *key, size_t value)
{
	size_t i = h & (m->cap - 1);

	while (m->slots[i].key)
		i = (i + 1) & (m->cap - 1);
	m->slots[i] = (struct slot){ h, key, value };
	m->n++;
}

static void mm_grow(struct multimap *m)
{
	struct multimap bigger = { 0 };

	bigger.cap = m->cap ? m->cap * 2 : 1024;
	bigger.slots = xcalloc(bigger.cap, sizeof(*bigger.slots));
	for (size_t i = 0; i < m->cap; i++)
		if (m->slots[i].key)
			mm_put(&bigger, m->slots[i].hash, m->slots[i].key, m->slots[i].value);
	free(m->slots);
	*m = bigger;
}

/* Add key -> value (a copy of key) unless that pair is there already. */
static void mm_add(struct multimap *m, const char *key, size_t value)
{
	uint64_t h;

	if (!key || !*key)
		return;
	h = hash_str(key);
	for (size_t i = h & (m->cap - 1); m->cap && m->slots[i].key; i = (i + 1) & (m->cap - 1))
		if (m->slots[i].hash == h && m->slots[i].value == value &&
		    !strcmp(m->slots[i].key, key))
			return;
	if ((m->n + 1) * 10 > m->cap * 7)
		mm_grow(m);
	mm_put(m, h, xstrdup(key), value);
}

/* The smallest value under key that accept() takes, or SIZE_MAX. */
static size_t mm_find(const struct multimap *m, const char *key,
		      bool (*accept)(const void *ctx, size_t value), const void *ctx)
{
	size_t best = SIZE_MAX;
	uint64_t h;

	if (!key || !*key || !m->cap)
		return SIZE_MAX;
	h = hash_str(key);
	for (size_t i = h & (m->cap - 1); m->slots[i].key; i = (i + 1) & (m->cap - 1))
		if (m->slots[i].hash == h && m->slots[i].value < best &&
		    !strcmp(m->slots[i].key, key) && accept(ctx, m->slots[i].value))
			best = m->slots[i].value;
	return best;
}

static void mm_release(struct multimap *m)
{
	for (size_t i = 0; i < m->cap; i++)
		free(m->slots[i].key);
	free(m->slots);
	memset(m, 0, sizeof(*m));
}

/* ---- the records and their keys ---- */

enum person_key { PK_UID, PK_LINKEDIN, PK_EMAIL, PK_NAME, PK_COUNT };
enum opp_key { OK_URL, OK_TITLE, OK_COUNT };

struct person_entry {
	struct person p;      /* without tags; a queued one's whole record */
	char *keys[PK_COUNT]; /* the keys of p as it is now (a map may hold older ones) */
	bool queued;          /* added by this import, written by upsert_flush */
};

struct opp_entry {
	struct opp o;
	char *keys[OK_COUNT];
};

struct upsert {
	struct store *s;
	VEC(struct person_entry) people; /* by id */
	VEC(struct opp_entry) opps;      /* by id */
	struct multimap person_maps[PK_COUNT], opp_maps[OK_COUNT], orgs;
	int64_t next_person_id; /* the id the next queued person gets */
	int64_t next_org_id;
	org_vec orgs_queued;    /* new organisations, by id */
	bool flushed;
	bool marked;
	int64_t cache_size; /* the connection's, put back at the end */
};

static const char SQL_SCAN_PEOPLE[] =
	"SELECT id, name, name_key, org_id, title, email, phone, linkedin, rapport, cadence,"
	" notes, connected_on, uid FROM person ORDER BY id";
static const char SQL_SCAN_ORGS[] = "SELECT id, name_key FROM organisation";
static const char SQL_MAX_PERSON[] = "SELECT ifnull(max(id), 0) FROM person";
static const char SQL_MAX_ORG[] = "SELECT ifnull(max(id), 0) FROM organisation";
static const char SQL_DATE_FIRST_CHANGE[] = "UPDATE stage_change SET at = ?2 WHERE opp_id = ?1";
static const char SQL_DATE_STAGE[] = "UPDATE opportunity SET stage_changed_at = ?2 WHERE id = ?1";
/* A large import dirties more pages than the default cache holds (2 MB):
 * SQLite would spill them to the log again and again inside the
 * transaction. The cache grows only as far as it is used. */
static const char SQL_BIG_CACHE[] = "PRAGMA cache_size = -65536";
static const char SQL_CACHE_SIZE[] = "PRAGMA cache_size";
static const char SQL_MARK[] = "SAVEPOINT rapport_import";
/* PostgreSQL's undo records each row a dry run writes (undo_record), only
 * for the rollback to drop them: off from the mark on, and back as it was
 * with the rollback (a setting made in a savepoint goes with it). SQLite's
 * session costs nothing like it. */
static const char SQL_MARK_NO_UNDO_PG[] = "SELECT set_config('rapport.undo', '', true)";
static const char SQL_UNDO[] = "ROLLBACK TO rapport_import";
static const char SQL_KEEP[] = "RELEASE rapport_import";

/* text_fold, without its per-character work for the usual all-ASCII text. */
static char *fold(const char *s)
{
	size_t n = 0;
	char *out;

	while (s[n] && !((unsigned char)s[n] & 0x80))
		n++;
	if (s[n])
		return text_fold(s);
	out = xmalloc(n + 1);
	for (size_t i = 0; i <= n; i++)
		out[i] = (char)tolower((unsigned char)s[i]);
	return out;
}

char *upsert_url_key(const char *url)
{
	const char *p = url, *host_end;
	size_t n = 0, host;
	char *key;

	while (isspace((unsigned char)*p))
		p++;
	if (!strncasecmp(p, "https://", 8))
		p += 8;
	else if (!strncasecmp(p, "http://", 7))
		p += 7;
	if (!strncasecmp(p, "www.", 4))
		p += 4;
	key = xmalloc(strlen(p) + 1);
	for (; *p && *p != '?' && *p != '#' && !isspace((unsigned char)*p); p++)
		key[n++] = (char)tolower((unsigned char)*p);
	while (n && key[n - 1] == '/')
		n--;
	key[n] = '\0';
	/* uk.linkedin.com/in/x is linkedin.com/in/x */
	host_end = strchr(key, '/');
	host = host_end ? (size_t)(host_end - key) : n;
	if (host > 13 && !strncmp(key + host - 13, ".linkedin.com", 13))
		memmove(key, key + host - 12, n - (host - 12) + 1);
	return key;
}

/* name_key, the unit separator, org_id in decimal (by hand: snprintf
 * cost more than the rest of the key). */
static char *name_org_key(const char *name_key, int64_t org_id)
{
	size_t n = strlen(name_key);
	char digits[24], *end = digits + sizeof(digits), *d = end;
	uint64_t v = org_id < 0 ? 0 - (uint64_t)org_id : (uint64_t)org_id;
	size_t nd;
	char *key;

	do
		*--d = (char)('0' + v % 10);
	while (v /= 10);
	if (org_id < 0)
		*--d = '-';
	nd = (size_t)(end - d);
	key = xmalloc(n + 1 + nd + 1);
	memcpy(key, name_key, n);
	key[n] = '\x1f';
	memcpy(key + n + 1, d, nd);
	key[n + 1 + nd] = '\0';
	return key;
}

static char *email_key(const char *email)
{
	return email && *email ? fold(email) : NULL;
}

static char *url_key_or_null(const char *url)
{
	return url && *url ? upsert_url_key(url) : NULL;
}

static void person_keys(struct upsert *u, size_t idx, const char *name_key)
{
	struct person_entry *e = &u->people.items[idx];
	char *folded = name_key ? NULL : fold(e->p.name);

	for (int k = 0; k < PK_COUNT; k++)
		free(e->keys[k]);
	e->keys[PK_UID] = e->p.uid ? xstrdup(e->p.uid) : NULL;
	e->keys[PK_LINKEDIN] = url_key_or_null(e->p.linkedin);
	e->keys[PK_EMAIL] = email_key(e->p.email);
	e->keys[PK_NAME] = name_org_key(name_key ? name_key : folded, e->p.org_id);
	free(folded);
	for (int k = 0; k < PK_COUNT; k++)
		mm_add(&u->person_maps[k], e->keys[k], idx);
}

static void opp_keys(struct upsert *u, size_t idx)
{
	struct opp_entry *e = &u->opps.items[idx];
	char *folded = fold(e->o.title);

	for (int k = 0; k < OK_COUNT; k++)
		free(e->keys[k]);
	e->keys[OK_URL] = url_key_or_null(e->o.url);
	e->keys[OK_TITLE] = name_org_key(folded, e->o.org_id);
	free(folded);
	for (int k = 0; k < OK_COUNT; k++)
		mm_add(&u->opp_maps[k], e->keys[k], idx);
}

static int scan_people(struct upsert *u, struct error *err)
{
	struct db_stmt *st = store_stmt(u->s, SQL_SCAN_PEOPLE, err);
	int rc;

	if (!st)
		return ERR_STORE;
	while ((rc = store_step(u->s, st, "cannot read the people", err)) == DB_ROW) {
		struct person_entry *e = VEC_PUSH(&u->people);
		e->p.id = db_column_int64(st, 0);
		e->p.name = col_text(st, 1);
		e->p.org_id = db_column_int64(st, 3);
		e->p.title = col_text(st, 4);
		e->p.email = col_text(st, 5);
		e->p.phone = col_text(st, 6);
		e->p.linkedin = col_text(st, 7);
		e->p.rapport = (int)col_opt_int(st, 8);
		e->p.cadence = (int)col_opt_int(st, 9);
		e->p.notes = col_text(st, 10);
		e->p.connected_on = col_text(st, 11);
		e->p.uid = col_text(st, 12);
		person_keys(u, u->people.n - 1, db_column_text(st, 2));
	}
	return rc == DB_DONE ? 0 : rc;
}

static int by_id(const void *a, const void *b)
{
	const struct opp_entry *x = a, *y = b;

	return (x->o.id > y->o.id) - (x->o.id < y->o.id);
}

static int scan_opps(struct upsert *u, struct error *err)
{
	opp_vec v = { 0 };

	if (store_opp_list(u->s, -1, &v, err)) {
		opp_vec_release(&v);
		return err->code;
	}
	for (size_t i = 0; i < v.n; i++)
		VEC_PUSH(&u->opps)->o = v.items[i];
	free(v.items);
	if (u->opps.n)
		qsort(u->opps.items, u->opps.n, sizeof(*u->opps.items), by_id);
	for (size_t i = 0; i < u->opps.n; i++)
		opp_keys(u, i);
	return 0;
}

static int scan_orgs(struct upsert *u, struct error *err)
{
	struct db_stmt *st = store_stmt(u->s, SQL_SCAN_ORGS, err);
	int rc;

	if (!st)
		return ERR_STORE;
	while ((rc = store_step(u->s, st, "cannot read the organisations", err)) == DB_ROW)
		mm_add(&u->orgs, db_column_text(st, 1),
		       (size_t)db_column_int64(st, 0));
	return rc == DB_DONE ? 0 : rc;
}

static int max_id(struct upsert *u, const char *sql, int64_t *out, struct error *err);
static int flush_orgs(struct upsert *u, struct error *err);
static bool org_queued(const struct upsert *u, int64_t id);

static int run(struct upsert *u, const char *sql, struct error *err)
{
	struct db_stmt *st = store_stmt(u->s, sql, err);

	if (!st)
		return ERR_STORE;
	return store_exec_stmt(u->s, st, "cannot prepare the import", err);
}

int upsert_open(struct store *s, unsigned what, struct upsert **out, struct error *err)
{
	struct upsert *u = xcalloc(1, sizeof(*u));
	int rc = 0;

	u->s = s;
	*out = NULL;
	/* SQLite's page cache, big for the import; PostgreSQL's server keeps its own */
	if (!store_speaks_pg(s)) {
		rc = max_id(u, SQL_CACHE_SIZE, &u->cache_size, err);
		if (!rc)
			rc = run(u, SQL_BIG_CACHE, err);
	}
	if (!rc && (what & UPSERT_PEOPLE))
		rc = scan_people(u, err);
	if (!rc && (what & UPSERT_OPPS))
		rc = scan_opps(u, err);
	if (!rc)
		rc = scan_orgs(u, err);
	if (!rc)
		rc = max_id(u, SQL_MAX_PERSON, &u->next_person_id, err);
	if (!rc)
		rc = max_id(u, SQL_MAX_ORG, &u->next_org_id, err);
	u->next_person_id++;
	u->next_org_id++;
	if (rc) {
		upsert_close(u);
		return rc;
	}
	*out = u;
	return 0;
}

void upsert_close(struct upsert *u)
{
	struct error ignored = ERROR_INIT;
	char sql[64];

	if (!u)
		return;
	if (u->cache_size) {
		/* a number SQLite gave (a PRAGMA takes no parameter) */
		snprintf(sql, sizeof(sql), "PRAGMA cache_size = %lld", (long long)u->cache_size);
		store_exec_sql(u->s, sql, "", &ignored);
	}
	for (size_t i = 0; i < u->people.n; i++) {
		person_release(&u->people.items[i].p);
		for (int k = 0; k < PK_COUNT; k++)
			free(u->people.items[i].keys[k]);
	}
	for (size_t i = 0; i < u->opps.n; i++) {
		opp_release(&u->opps.items[i].o);
		for (int k = 0; k < OK_COUNT; k++)
			free(u->opps.items[i].keys[k]);
	}
	free(u->people.items);
	free(u->opps.items);
	for (int k = 0; k < PK_COUNT; k++)
		mm_release(&u->person_maps[k]);
	for (int k = 0; k < OK_COUNT; k++)
		mm_release(&u->opp_maps[k]);
	mm_release(&u->orgs);
	org_vec_release(&u->orgs_queued);
	free(u);
}

/* ---- organisations ---- */

static bool any(const void *ctx, size_t value)
{
	(void)ctx, (void)value;
	return true;
}

int64_t upsert_org_find(struct upsert *u, const char *name)
{
	char *key = fold(name);
	size_t found = mm_find(&u->orgs, key, any, NULL);

	free(key);
	return found == SIZE_MAX ? 0 : (int64_t)found;
}

int upsert_org(struct upsert *u, const char *name, int64_t *id, bool *added, struct error *err)
{
	char *key = fold(name);
	size_t found = mm_find(&u->orgs, key, any, NULL);
	struct org *o;

	*added = false;
	if (found != SIZE_MAX) {
		*id = (int64_t)found;
		free(key);
		return 0;
	}
	o = VEC_PUSH(&u->orgs_queued);
	o->name = xstrdup(name);
	if (org_validate(o, err)) {
		org_release(o);
		u->orgs_queued.n--;
		free(key);
		return err->code;
	}
	o->id = *id = u->next_org_id++;
	*added = true;
	mm_add(&u->orgs, key, (size_t)o->id);
	free(key);
	return 0;
}

/* ---- people ---- */

struct person_query {
	const struct upsert *u;
	enum person_key k;
	const char *key;      /* the key looked up */
	const char *linkedin; /* the LinkedIn key given, or NULL */
};

/* The entry's key is still the one looked up (the map may hold an old one),
 * and no other LinkedIn profile says it is someone else. */
static bool person_fits(const void *vq, size_t idx)
{
	const struct person_query *q = vq;
	const struct person_entry *e = &q->u->people.items[idx];

	if (!e->keys[q->k] || strcmp(e->keys[q->k], q->key))
		return false;
	return q->k == PK_UID || q->k == PK_LINKEDIN || !q->linkedin || !e->keys[PK_LINKEDIN] ||
	       !strcmp(q->linkedin, e->keys[PK_LINKEDIN]);
}

const struct person *upsert_person_find(struct upsert *u, const char *uid, const char *linkedin,
					const char *email, const char *name, int64_t org_id)
{
	char *keys[PK_COUNT] = { uid && *uid ? xstrdup(uid) : NULL, url_key_or_null(linkedin),
				 email_key(email), NULL };
	struct person_query q = { u, PK_LINKEDIN, NULL, keys[PK_LINKEDIN] };
	size_t found = SIZE_MAX;

	if (name && *name) {
		char *folded = fold(name);
		keys[PK_NAME] = name_org_key(folded, org_id);
		free(folded);
	}
	for (int k = 0; k < PK_COUNT && found == SIZE_MAX; k++) {
		q.k = (enum person_key)k;
		q.key = keys[k];
		found = mm_find(&u->person_maps[k], keys[k], person_fits, &q);
	}
	for (int k = 0; k < PK_COUNT; k++)
		free(keys[k]);
	return found == SIZE_MAX ? NULL : &u->people.items[found].p;
}

/* A copy of p's fields without tags (the cache does not hold them). */
static void person_copy(struct person *to, const struct person *p)
{
	memset(to, 0, sizeof(*to));
	to->id = p->id;
	to->name = xstrdup_or_null(p->name);
	to->org_id = p->org_id;
	to->title = xstrdup_or_null(p->title);
	to->email = xstrdup_or_null(p->email);
	to->phone = xstrdup_or_null(p->phone);
	to->linkedin = xstrdup_or_null(p->linkedin);
	to->rapport = p->rapport;
	to->cadence = p->cadence;
	to->notes = xstrdup_or_null(p->notes);
	to->connected_on = xstrdup_or_null(p->connected_on);
	to->uid = xstrdup_or_null(p->uid);
}

/* The day you connected counts as a contact (as store_person_update says). */
static void contact_on(char **last_contact, const char *day)
{
	if (day && (!*last_contact || strcmp(*last_contact, day) < 0))
		field_set(last_contact, day);
}

static size_t person_index(const struct upsert *u, int64_t id)
{
	size_t lo = 0, hi = u->people.n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (u->people.items[mid].p.id < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < u->people.n && u->people.items[lo].p.id == id ? lo : SIZE_MAX;
}

int upsert_person_add(struct upsert *u, struct person *p, struct error *err)
{
	struct person_entry *e;

	if (u->flushed)
		return error_set(err, ERR_STORE, "the import is written already");
	person_tidy(p);
	if (person_validate(p, err))
		return err->code;
	p->id = u->next_person_id++;
	e = VEC_PUSH(&u->people);
	/* the entry takes the fields (a copy each would cost more than all
	 * the matching), but not the tags nor the read-only ones */
	e->p = *p;
	*p = (struct person){ .id = e->p.id, .rapport = -1, .cadence = -1, .tags = e->p.tags,
			      .ntags = e->p.ntags, .org_name = e->p.org_name,
			      .last_contact = e->p.last_contact, .next_touch = e->p.next_touch,
			      .created_at = e->p.created_at, .updated_at = e->p.updated_at };
	e->p.tags = NULL;
	e->p.ntags = 0;
	e->p.org_name = e->p.last_contact = e->p.next_touch = NULL;
	e->p.created_at = e->p.updated_at = NULL;
	contact_on(&e->p.last_contact, e->p.connected_on);
	e->queued = true;
	person_keys(u, u->people.n - 1, NULL);
	return 0;
}

int upsert_person_get(struct upsert *u, int64_t id, struct person *out, struct error *err)
{
	size_t idx = person_index(u, id);

	if (idx == SIZE_MAX || !u->people.items[idx].queued)
		return store_person_get(u->s, id, out, err);
	person_copy(out, &u->people.items[idx].p);
	return 0;
}

int upsert_person_update(struct upsert *u, struct person *p, struct error *err)
{
	size_t idx = person_index(u, p->id);
	struct person_entry *e = idx == SIZE_MAX ? NULL : &u->people.items[idx];
	char *last_contact;

	if (!e || !e->queued) {
		if (org_queued(u, p->org_id) && flush_orgs(u, err))
			return err->code;
		if (store_person_update(u->s, p, err))
			return err->code;
	} else if ((person_tidy(p), person_validate(p, err))) {
		return err->code;
	}
	if (!e)
		return 0;
	last_contact = e->p.last_contact;
	e->p.last_contact = NULL;
	person_release(&e->p);
	person_copy(&e->p, p);
	e->p.last_contact = last_contact;
	contact_on(&e->p.last_contact, p->connected_on);
	person_keys(u, idx, NULL);
	return 0;
}

/* ---- writing what is queued ---- */

/*
 * Each statement that writes the search index inside a transaction makes
 * SQLite's FTS5 flush its pending terms to a new segment (at the
 * statement's savepoint), and makes SQLite copy every page the statement
 * changes to a statement journal first (a temporary file). A statement a
 * row costs several times what the row does. So the queued rows are
 * written with one INSERT ... SELECT each: one flush, and no page copied
 * twice. The organisations and the people come straight from the queue,
 * through a table over it (store_rows_open: SQLite's virtual table,
 * PostgreSQL's COPY): a temporary table cost a statement a row to fill
 * and was read back once.
 */
static const char SQL_PEOPLE_FROM_QUEUE[] =
	"INSERT INTO person (id, name, name_key, org_id, title, email, phone, linkedin, rapport,"
	" cadence, notes, last_contact, connected_on, uid, created_at, updated_at)"
	" SELECT id, name, name_key, org_id, title, email, phone, linkedin, rapport, cadence,"
	" notes, last_contact, connected_on, uid, ?1, ?1"
	" FROM rapport_queued_people ORDER BY id";

/* The number the query sql gives (a largest id, a setting). */
static int max_id(struct upsert *u, const char *sql, int64_t *out, struct error *err)
{
	struct db_stmt *st = store_stmt(u->s, sql, err);

	if (!st)
		return ERR_STORE;
	return store_number(u->s, st, out, "cannot read the largest id", err);
}

/* Statements on the queue's tables are prepared here, not kept by the
 * store: the tables last as long as one flush. */
static int exec_once(struct upsert *u, const char *sql, const char *stamp, struct error *err)
{
	struct db_stmt *st = store_prepare(u->s, sql, "cannot prepare the import", err);
	int rc;

	if (!st)
		return ERR_STORE;
	/* the store's stamp outlives the statement: bound without a copy, a
	 * bind that cannot fail (out of memory, it left a NULL to the
	 * NOT NULL constraint) */
	if (stamp)
		bind_text_static(st, 1, stamp, -1);
	rc = store_exec_stmt(u->s, st, "cannot write the import", err);
	db_finalize(st);
	return rc;
}

/* The queued organisations as rows (db.h's db_rows), with their keys. */
struct queued_orgs {
	const org_vec *orgs;
	char **keys;
};

static void queued_org_cell(const void *ctx, size_t row, int col, struct db_cell *out,
			    char *scratch)
{
	const struct queued_orgs *q = ctx;
	const struct org *o = &q->orgs->items[row];

	(void)scratch;
	if (col == 0)
		*out = (struct db_cell){ VALUE_INTEGER, o->id, NULL, -1 };
	else
		*out = (struct db_cell){ VALUE_TEXT, 0, col == 1 ? o->name : q->keys[row], -1 };
}

static const char SQL_ORGS_FROM_QUEUE[] =
	"INSERT INTO organisation (id, name, name_key, created_at, updated_at)"
	" SELECT id, name, name_key, ?1, ?1 FROM rapport_queued_orgs ORDER BY id";

/* Write the queued organisations (before anything that refers to them),
 * with one statement, as the people (a statement an organisation cost a
 * round trip each on PostgreSQL: 2,000 of them in a large LinkedIn file). */
static int flush_orgs(struct upsert *u, struct error *err)
{
	size_t n = u->orgs_queued.n;
	struct queued_orgs q = { &u->orgs_queued, NULL };
	struct db_rows rows = { "id INTEGER, name TEXT, name_key TEXT", n, queued_org_cell, &q };
	int rc;

	if (!n)
		return 0;
	q.keys = xmallocarray(n, sizeof(*q.keys));
	for (size_t i = 0; i < n; i++)
		q.keys[i] = fold(u->orgs_queued.items[i].name);
	rc = store_rows_open(u->s, "rapport_queued_orgs", &rows, "cannot prepare the import", err);
	if (!rc) {
		rc = exec_once(u, SQL_ORGS_FROM_QUEUE, store_instant(u->s), err);
		store_rows_close(u->s, "rapport_queued_orgs");
	}
	for (size_t i = 0; i < n; i++)
		free(q.keys[i]);
	free(q.keys);
	org_vec_release(&u->orgs_queued);
	return rc;
}

/* Is id an organisation still in the queue? */
static bool org_queued(const struct upsert *u, int64_t id)
{
	return u->orgs_queued.n && id >= u->orgs_queued.items[0].id;
}

struct name_order {
	const char *key;
	size_t idx;
};

static int by_name(const void *a, const void *b)
{
	const struct name_order *x = a, *y = b;
	int c = strcmp(x->key, y->key);

	return c ? c : (x->idx > y->idx) - (x->idx < y->idx);
}

/* Give the queued people (entries first.. on) their ids in the order of
 * their names: the table and its index on names then grow at one end
 * (several times cheaper than at random places). The names are sorted
 * with the entries' places, then the entries moved once: sorting the
 * entries themselves moved 200 bytes at each step (6% of a large import). */
static void renumber(struct upsert *u, size_t first)
{
	size_t n = u->people.n - first;
	int64_t base = u->people.items[first].p.id;
	struct person_entry *queued = &u->people.items[first], *sorted;
	struct name_order *order = xmallocarray(n, sizeof(*order));

	for (size_t i = 0; i < n; i++)
		order[i] = (struct name_order){ queued[i].keys[PK_NAME], i };
	qsort(order, n, sizeof(*order), by_name);
	sorted = xmallocarray(n, sizeof(*sorted));
	for (size_t i = 0; i < n; i++) {
		sorted[i] = queued[order[i].idx];
		sorted[i].p.id = base + (int64_t)i;
	}
	memcpy(queued, sorted, n * sizeof(*sorted));
	free(sorted);
	free(order);
}

/* ---- the queue as rows the SQL reads: rapport_queued_people (db.h's db_rows) ---- */

/* What the table shows: the queued people from first on, in id order. */
struct queued_people {
	const struct upsert *u;
	size_t first;
	int64_t ms; /* the time in the UIDs made for them */
};

_Static_assert(STORE_UID_SIZE <= DB_ROWS_SCRATCH, "a UID fits the rows' scratch");

enum queued_column {
	QC_ID, QC_NAME, QC_NAME_KEY, QC_ORG_ID, QC_TITLE, QC_EMAIL, QC_PHONE, QC_LINKEDIN,
	QC_RAPPORT, QC_CADENCE, QC_NOTES, QC_LAST_CONTACT, QC_CONNECTED_ON, QC_UID,
};
#define QUEUED_COLUMNS                                                            \
	"id INTEGER, name TEXT, name_key TEXT, org_id INTEGER, title TEXT, email TEXT,"  \
	" phone TEXT, linkedin TEXT, rapport INTEGER, cadence INTEGER, notes TEXT,"      \
	" last_contact TEXT, connected_on TEXT, uid TEXT"

/* The strings stay in the queue until the statement is done: no copies. */
static void cell_text(struct db_cell *out, const char *s, int len)
{
	*out = (struct db_cell){ s ? VALUE_TEXT : VALUE_NULL, 0, s, len };
}

static void cell_opt_int(struct db_cell *out, int64_t v, int64_t none_below)
{
	*out = (struct db_cell){ v < none_below ? VALUE_NULL : VALUE_INTEGER, v, NULL, -1 };
}

static void queued_cell(const void *ctx, size_t row, int col, struct db_cell *out,
			char *scratch)
{
	const struct queued_people *q = ctx;
	const struct person_entry *e = &q->u->people.items[q->first + row];
	const struct person *p = &e->p;
	const char *key = e->keys[PK_NAME];

	switch ((enum queued_column)col) {
	case QC_ID: cell_opt_int(out, p->id, 0); break;
	case QC_NAME: cell_text(out, p->name, -1); break;
	/* the name's key is the start of the name-and-organisation key */
	case QC_NAME_KEY: cell_text(out, key, (int)(strrchr(key, '\x1f') - key)); break;
	case QC_ORG_ID: cell_opt_int(out, p->org_id, 1); break;
	case QC_TITLE: cell_text(out, p->title, -1); break;
	case QC_EMAIL: cell_text(out, p->email, -1); break;
	case QC_PHONE: cell_text(out, p->phone, -1); break;
	case QC_LINKEDIN: cell_text(out, p->linkedin, -1); break;
	case QC_RAPPORT: cell_opt_int(out, p->rapport, 0); break;
	case QC_CADENCE: cell_opt_int(out, p->cadence, 0); break;
	case QC_NOTES: cell_text(out, p->notes, -1); break;
	case QC_LAST_CONTACT: cell_text(out, p->last_contact, -1); break;
	case QC_CONNECTED_ON: cell_text(out, p->connected_on, -1); break;
	case QC_UID:
		if (!p->uid)
			store_new_uid(scratch, q->ms, p->id); /* fits: asserted above */
		cell_text(out, p->uid ? p->uid : scratch, -1);
		break;
	}
}

/* Write the queued people from first on (one statement: see above). The
 * table lives as long as the statement: q is on the stack. */
static int write_people(struct upsert *u, size_t first, const char *stamp, struct error *err)
{
	struct queued_people q = { u, first, store_uid_ms() };
	struct db_rows rows = { QUEUED_COLUMNS, u->people.n - first, queued_cell, &q };
	int rc;

	if (store_rows_open(u->s, "rapport_queued_people", &rows, "cannot prepare the import", err))
		return err->code;
	rc = exec_once(u, SQL_PEOPLE_FROM_QUEUE, stamp, err);
	store_rows_close(u->s, "rapport_queued_people");
	return rc;
}

int upsert_flush(struct upsert *u, struct error *err)
{
	const char *stamp = store_instant(u->s);
	size_t first = u->people.n;
	int rc = 0;

	while (first > 0 && u->people.items[first - 1].queued)
		first--;
	u->flushed = true;
	rc = flush_orgs(u, err);
	if (!rc && first < u->people.n) {
		renumber(u, first);
		rc = write_people(u, first, stamp, err);
		for (size_t i = first; i < u->people.n; i++)
			u->people.items[i].queued = false;
	}
	return rc;
}

/* ---- opportunities ---- */

struct opp_query {
	const struct upsert *u;
	enum opp_key k;
	const char *key;
	const char *url; /* the URL key given, or NULL */
};

/* As person_fits: two postings at two URLs are two opportunities. */
static bool opp_fits(const void *vq, size_t idx)
{
	const struct opp_query *q = vq;
	const struct opp_entry *e = &q->u->opps.items[idx];

	if (!e->keys[q->k] || strcmp(e->keys[q->k], q->key))
		return false;
	return q->k == OK_URL || !q->url || !e->keys[OK_URL] || !strcmp(q->url, e->keys[OK_URL]);
}

const struct opp *upsert_opp_find(struct upsert *u, const char *url, int64_t org_id,
				  const char *title)
{
	char *keys[OK_COUNT] = { url_key_or_null(url), NULL };
	struct opp_query q = { u, OK_URL, NULL, keys[OK_URL] };
	size_t found = SIZE_MAX;

	if (title && *title && org_id) {
		char *folded = fold(title);
		keys[OK_TITLE] = name_org_key(folded, org_id);
		free(folded);
	}
	for (int k = 0; k < OK_COUNT && found == SIZE_MAX; k++) {
		q.k = (enum opp_key)k;
		q.key = keys[k];
		found = mm_find(&u->opp_maps[k], keys[k], opp_fits, &q);
	}
	for (int k = 0; k < OK_COUNT; k++)
		free(keys[k]);
	return found == SIZE_MAX ? NULL : &u->opps.items[found].o;
}

static size_t opp_index(const struct upsert *u, int64_t id)
{
	for (size_t i = u->opps.n; i-- > 0;)
		if (u->opps.items[i].o.id == id)
			return i;
	return SIZE_MAX;
}

/* Read o back from the store into the cache (its slug, stage and stamps). */
static int cache_opp(struct upsert *u, int64_t id, struct error *err)
{
	size_t idx = opp_index(u, id);
	struct opp fresh = { 0 };

	if (store_opp_get(u->s, id, &fresh, err)) {
		opp_release(&fresh);
		return err->code;
	}
	if (idx == SIZE_MAX) {
		idx = u->opps.n;
		VEC_PUSH(&u->opps);
	} else {
		opp_release(&u->opps.items[idx].o);
	}
	u->opps.items[idx].o = fresh;
	opp_keys(u, idx);
	return 0;
}

static int exec_dated(struct upsert *u, const char *sql, int64_t id, const char *day,
		      struct error *err)
{
	struct db_stmt *st = store_stmt(u->s, sql, err);

	if (!st)
		return ERR_STORE;
	db_bind_int64(st, 1, id);
	bind_time(st, 2, day);
	return store_exec_stmt(u->s, st, "cannot date the application", err);
}

int upsert_opp_add(struct upsert *u, struct opp *o, const char *applied_on, const char *note,
		   struct error *err)
{
	enum stage target = o->stage;
	bool dated = applied_on && *applied_on && target != STAGE_LEAD;
	int rc;

	if (org_queued(u, o->org_id) && flush_orgs(u, err))
		return err->code;
	if (dated)
		o->stage = STAGE_APPLIED;
	rc = store_opp_add(u->s, o, err);
	if (!rc && dated)
		rc = exec_dated(u, SQL_DATE_FIRST_CHANGE, o->id, applied_on, err);
	if (!rc && dated)
		rc = exec_dated(u, SQL_DATE_STAGE, o->id, applied_on, err);
	if (!rc && target != o->stage)
		rc = store_opp_move(u->s, o->id, target, note, err);
	o->stage = target;
	return rc ? rc : cache_opp(u, o->id, err);
}

int upsert_opp_update(struct upsert *u, struct opp *o, int to, const char *note,
		      struct error *err)
{
	if ((org_queued(u, o->org_id) && flush_orgs(u, err)) || store_opp_update(u->s, o, err))
		return err->code;
	if (to >= 0 && (enum stage)to != o->stage &&
	    store_opp_move(u->s, o->id, (enum stage)to, note, err))
		return err->code;
	return cache_opp(u, o->id, err);
}

/* ---- dry runs ---- */

int upsert_mark(struct upsert *u, struct error *err)
{
	if (run(u, SQL_MARK, err))
		return err->code;
	u->marked = true;
	if (store_speaks_pg(u->s) && run(u, SQL_MARK_NO_UNDO_PG, err))
		return err->code;
	return 0;
}

int upsert_undo(struct upsert *u, struct error *err)
{
	if (!u->marked)
		return 0;
	if (run(u, SQL_UNDO, err) || run(u, SQL_KEEP, err))
		return err->code;
	u->marked = false;
	return 0;
}

int upsert_keep(struct upsert *u, struct error *err)
{
	if (!u->marked)
		return 0;
	if (run(u, SQL_KEEP, err))
		return err->code;
	u->marked = false;
	return 0;
}
