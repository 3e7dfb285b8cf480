/* proposal.c: what read mail proposes (see proposal.h). */
#include "store/proposal.h"

#include <stdlib.h>

#include "store/store_internal.h"

#define PROPOSAL_COLS                                                                  \
	"SELECT p.id, p.kind, p.status, p.message_id, p.interaction_id,"                 \
	" o.id, o.slug, o.title, oo.name, o.org_id,"                                     \
	" pe.id, pe.name, p.org_id, po.name, p.name, p.email, p.rule, p.phrase, p.at,"   \
	" p.sent, p.subject, p.created_at, p.task_id, t.title"                           \
	" FROM mail_proposal p"                                                          \
	" LEFT JOIN task t ON t.id = p.task_id"                                          \
	" LEFT JOIN opportunity o ON o.id = p.opp_id"                                    \
	" LEFT JOIN organisation oo ON oo.id = o.org_id"                                 \
	" LEFT JOIN person pe ON pe.id = p.person_id"                                    \
	" LEFT JOIN organisation po ON po.id = p.org_id"

static const char SQL_PROPOSAL_ADD[] =
	"INSERT INTO mail_proposal (kind, status, message_id, interaction_id, opp_id, person_id,"
	" org_id, name, email, rule, phrase, at, sent, subject, created_at, task_id)"
	" VALUES (?1, 'open', ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)"
	" ON CONFLICT (message_id, kind) DO NOTHING";
static const char SQL_PROPOSAL_OPEN[] =
	PROPOSAL_COLS " WHERE p.status = 'open' ORDER BY p.sent, p.id";
static const char SQL_PROPOSAL_GET[] = PROPOSAL_COLS " WHERE p.id = ?";
static const char SQL_PROPOSAL_CLOSE[] =
	"UPDATE mail_proposal SET status = ?2, closed_at = ?3 WHERE id = ?1 AND status = 'open'";
static const char SQL_PROPOSAL_COUNT[] =
	"SELECT count(*) FROM mail_proposal WHERE status = 'open'";
static const char SQL_ORG_DOMAIN_SOURCES[] =
	"SELECT id, website FROM organisation WHERE website IS NOT NULL AND website != ''"
	" UNION ALL SELECT org_id, email FROM person"
	" WHERE org_id IS NOT NULL AND email LIKE '%_@_%' ORDER BY 1";

void mail_proposal_release(struct mail_proposal *p)
{
	free(p->message_id);
	free(p->opp.slug);
	free(p->opp.title);
	free(p->opp.org_name);
	free(p->person.name);
	free(p->org_name);
	free(p->name);
	free(p->email);
	free(p->rule);
	free(p->phrase);
	free(p->at);
	free(p->sent);
	free(p->subject);
	free(p->created_at);
	free(p->task_title);
	memset(p, 0, sizeof(*p));
}

VEC_RELEASE_FN(mail_proposal_vec_release, mail_proposal_vec, mail_proposal_release)

int store_proposal_add(struct store *s, struct mail_proposal *p, struct error *err)
{
	struct db_stmt *st = store_stmt(s, SQL_PROPOSAL_ADD, err);
	int rc;

	if (!st)
		return ERR_STORE;
	bind_text(st, 1, enum_name(&proposal_kind_def, (int)p->kind));
	bind_text(st, 2, p->message_id);
	bind_id(st, 3, p->interaction_id);
	bind_id(st, 4, p->opp.id);
	bind_id(st, 5, p->person.id);
	bind_id(st, 6, p->org_id);
	bind_text(st, 7, p->name);
	bind_text(st, 8, p->email);
	bind_text(st, 9, p->rule);
	bind_text(st, 10, p->phrase);
	bind_time(st, 11, p->at);
	bind_time(st, 12, p->sent);
	bind_text(st, 13, p->subject);
	bind_text(st, 14, store_instant(s));
	bind_id(st, 15, p->task_id);
	if ((rc = store_exec_stmt(s, st, "cannot keep the proposal", err)))
		return rc;
	p->id = store_changes(s) ? store_last_id(s) : 0;
	return 0;
}

static void read_proposal(struct db_stmt *st, void *out)
{
	struct mail_proposal *p = out;
	int kind = col_enum(st, 1, &proposal_kind_def), status = col_enum(st, 2, &proposal_status_def);

	p->id = db_column_int64(st, 0);
	p->kind = kind < 0 ? PROPOSE_INFO_REQUEST : (enum proposal_kind)kind;
	p->status = status < 0 ? PROPOSAL_DISMISSED : (enum proposal_status)status;
	p->message_id = col_text(st, 3);
	p->interaction_id = db_column_int64(st, 4);
	col_opp_ref(st, 5, &p->opp);
	p->person.id = db_column_int64(st, 10);
	p->person.name = col_text(st, 11);
	p->person.role = -1;
	p->org_id = db_column_int64(st, 12);
	p->org_name = col_text(st, 13);
	p->name = col_text(st, 14);
	p->email = col_text(st, 15);
	p->rule = col_text(st, 16);
	p->phrase = col_text(st, 17);
	p->at = col_time(st, 18);
	p->sent = col_time(st, 19);
	p->subject = col_text(st, 20);
	p->created_at = col_stamp(st, 21);
	p->task_id = db_column_int64(st, 22);
	p->task_title = col_text(st, 23);
}

static void push_proposal(struct db_stmt *st, void *out)
{
	read_proposal(st, VEC_PUSH((mail_proposal_vec *)out));
}

int store_proposal_open(struct store *s, mail_proposal_vec *out, struct error *err)
{
	struct db_stmt *st = store_stmt(s, SQL_PROPOSAL_OPEN, err);

	return st ? store_each(s, st, push_proposal, out, "cannot read the proposals", err)
		  : ERR_STORE;
}

int store_proposal_get(struct store *s, int64_t id, struct mail_proposal *out, struct error *err)
{
	struct db_stmt *st = store_stmt(s, SQL_PROPOSAL_GET, err);

	if (!st)
		return ERR_STORE;
	db_bind_int64(st, 1, id);
	return store_one(s, st, read_proposal, out, "proposal", id, err);
}

int store_proposal_close(struct store *s, int64_t id, enum proposal_status status,
			 struct error *err)
{
	struct db_stmt *st = store_stmt(s, SQL_PROPOSAL_CLOSE, err);
	int rc;

	if (!st)
		return ERR_STORE;
	db_bind_int64(st, 1, id);
	bind_text(st, 2, enum_name(&proposal_status_def, (int)status));
	bind_text(st, 3, store_instant(s));
	if ((rc = store_exec_stmt(s, st, "cannot close the proposal", err)))
		return rc;
	if (store_changes(s) != 1)
		return error_set(err, ERR_CONFLICT, "proposal %lld is not open", (long long)id);
	return 0;
}

int store_proposal_count(struct store *s, long *n, struct error *err)
{
	struct db_stmt *st = store_stmt(s, SQL_PROPOSAL_COUNT, err);
	int64_t count = 0;
	int rc;

	if (!st)
		return ERR_STORE;
	rc = store_first(s, st, store_read_id, &count, "cannot count the proposals", err);
	*n = (long)count;
	return rc < 0 ? rc : 0;
}

static void release_source(struct org_domain_source *d)
{
	free(d->text);
}

VEC_RELEASE_FN(org_domain_vec_release, org_domain_vec, release_source)

static void push_source(struct db_stmt *st, void *out)
{
	struct org_domain_source *d = VEC_PUSH((org_domain_vec *)out);

	d->org_id = db_column_int64(st, 0);
	d->text = col_text(st, 1);
}

int store_org_domain_sources(struct store *s, org_domain_vec *out, struct error *err)
{
	struct db_stmt *st = store_stmt(s, SQL_ORG_DOMAIN_SOURCES, err);

	return st ? store_each(s, st, push_source, out, "cannot read the organisations' domains",
			       err)
		  : ERR_STORE;
}
