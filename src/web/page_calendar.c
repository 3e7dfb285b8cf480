/*
 * page_calendar.c: the calendar feed, /calendar.ics?token=SECRET, which a
 * calendar app subscribes to (see feed.h), and the exports as downloads:
 * /export.json (the JSON dump), /export/vcard.vcf (everyone, vCard 4.0),
 * /export/csv/TABLE.csv (?bom=1 begins it with a byte order mark, for Excel)
 * and /export/calendar.ics.
 */
#include "web/pages.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "method/dump.h"
#include "store/account.h"
#include "method/exports.h"
#include "util/secret.h"
#include "util/xalloc.h"
#include "web/feed.h"

/* ---- the token ---- */

int calendar_token_new(struct store *s, struct error *err)
{
	char token[CALENDAR_TOKEN_HEX + 1];
	int rc = secret_hex(token, CALENDAR_TOKEN_HEX, err);

	return rc ? rc : store_setting_set(s, CALENDAR_TOKEN_KEY, token, err);
}

/* A Host header as it may go into an address: a name or an address, and a port. */
static bool plain_host(const char *host)
{
	return host && *host && strlen(host) < 256 &&
	       strspn(host, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-:[]") ==
		       strlen(host);
}

void calendar_feed_url(struct strbuf *sb, const char *host, const char *token)
{
	if (plain_host(host))
		strbuf_addf(sb, "http://%s", host);
	strbuf_addf(sb, "/calendar.ics?token=%s", token);
}

/* ---- the feed and the downloads ---- */

/* An export, into the response body (through a memory stream). */
enum export_kind { EXPORT_JSON, EXPORT_VCARD, EXPORT_CSV, EXPORT_ICAL };

static int export_body(struct web_req *rq, struct web_resp *rs, enum export_kind kind,
		       const char *table, bool bom)
{
	struct export_ical_options o = EXPORT_ICAL_OPTIONS_INIT;
	char *buf = NULL;
	size_t len = 0;
	FILE *mem = open_memstream(&buf, &len);
	int rc;

	if (!mem)
		return error_set(&rq->err, ERR_IO, "out of memory");
	switch (kind) {
	case EXPORT_JSON: rc = dump_export(rq->store, mem, &rq->err); break;
	case EXPORT_VCARD: rc = export_vcard(rq->store, NULL, 0, mem, &rq->err); break;
	case EXPORT_CSV: rc = export_csv(rq->store, table, bom, mem, &rq->err); break;
	default: rc = export_ical(rq->store, &o, mem, &rq->err); break;
	}
	if (fclose(mem) && !rc)
		rc = error_set(&rq->err, ERR_IO, "cannot write the export: %s", strerror(errno));
	if (!rc)
		strbuf_add(&rs->body, buf, len);
	free(buf);
	return rc;
}

/* On a practice's server, the feed's account is the one whose token it
 * is (a calendar app has no session): the transaction acts for it. */
static int act_for_feed_account(struct web_req *rq)
{
	const char *token = web_param(&rq->query, "token");
	int64_t id;
	int rc;

	if (!store_has_accounts(rq->store) || rq->account_id)
		return 0;
	if (!token || (rc = store_calendar_account(rq->store, CALENDAR_TOKEN_KEY, token, &id,
						     &rq->err)) == 0)
		return error_set(&rq->err, ERR_NOT_FOUND, "There is no page at this address.");
	return rc < 0 ? rc : store_act_for(rq->store, id, &rq->err);
}

int page_calendar_feed(struct web_req *rq, struct web_resp *rs)
{
	char *token = NULL;
	bool ok;
	int rc;

	if ((rc = act_for_feed_account(rq)) || (rc = store_setting_get(rq->store, CALENDAR_TOKEN_KEY, &token, &rq->err)))
		return rc;
	ok = secret_equal(web_param(&rq->query, "token"), token);
	free(token);
	/* a wrong token looks like no page at all */
	if (!ok)
		return error_set(&rq->err, ERR_NOT_FOUND, "There is no page at this address.");
	if ((rc = export_body(rq, rs, EXPORT_ICAL, NULL, false)))
		return rc;
	rs->content_type = "text/calendar; charset=utf-8";
	return 0;
}

static void attachment(struct web_resp *rs, const char *content_type, const char *name)
{
	struct strbuf sb = STRBUF_INIT;

	rs->content_type = content_type;
	strbuf_addf(&sb, "attachment; filename=\"%s\"", name);
	free(rs->disposition);
	rs->disposition = strbuf_detach(&sb);
}

int page_export_json(struct web_req *rq, struct web_resp *rs)
{
	int rc = export_body(rq, rs, EXPORT_JSON, NULL, false);

	if (!rc)
		attachment(rs, "application/json", "rapport-export.json");
	return rc;
}

int page_export_vcard(struct web_req *rq, struct web_resp *rs)
{
	int rc = export_body(rq, rs, EXPORT_VCARD, NULL, false);

	if (!rc)
		attachment(rs, "text/vcard; charset=utf-8", "rapport-people.vcf");
	return rc;
}

int page_export_csv(struct web_req *rq, struct web_resp *rs)
{
	const char *seg = rq->arg[0], *bom = web_param(&rq->query, "bom");
	size_t len = strlen(seg);
	const char *table = NULL;
	char name[64];
	int rc;

	if (len > 4 && len < sizeof(name) && !strcmp(seg + len - 4, ".csv")) {
		memcpy(name, seg, len - 4);
		name[len - 4] = '\0';
		table = export_csv_table(name);
	}
	if (!table)
		return error_set(&rq->err, ERR_NOT_FOUND, "There is no such table to export.");
	if ((rc = export_body(rq, rs, EXPORT_CSV, table, bom && !strcmp(bom, "1"))))
		return rc;
	snprintf(name, sizeof(name), "rapport-%s.csv", table);
	attachment(rs, "text/csv; charset=utf-8; header=present", name);
	return 0;
}

int page_export_ical(struct web_req *rq, struct web_resp *rs)
{
	int rc = export_body(rq, rs, EXPORT_ICAL, NULL, false);

	if (!rc)
		attachment(rs, "text/calendar; charset=utf-8", "rapport-calendar.ics");
	return rc;
}
