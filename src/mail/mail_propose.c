/* mail_propose.c: what an imported e-mail proposes (see mail_propose.h). */
#include "mail/mail_propose.h"

#include <ctype.h>
#include <strings.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "core/text.h"
#include "mail/mail_when.h"
#include "store/proposal.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

/* Domains anyone can write from: a person of an organisation who writes
 * from one says nothing of who else works there. */
static const char *const public_domains[] = {
	"gmail.com",   "googlemail.com", "yahoo.com",   "yahoo.fr",      "hotmail.com",
	"hotmail.fr",  "outlook.com",    "live.com",    "icloud.com",    "me.com",
	"aol.com",     "proton.me",      "protonmail.com", "gmx.de",     "gmx.net",
	"web.de",      "orange.fr",      "free.fr",     "laposte.net",   "t-online.de",
};

static bool is_public(const char *domain)
{
	for (size_t i = 0; i < ARRAY_SIZE(public_domains); i++)
		if (!strcmp(domain, public_domains[i]))
			return true;
	return false;
}

char *mail_domain_of(const char *s)
{
	const char *at = strrchr(s, '@'), *scheme = strstr(s, "://"), *p;
	size_t n;
	char *d;

	p = at ? at + 1 : scheme ? scheme + 3 : s;
	p += strspn(p, " ");
	if (!at && !strncasecmp(p, "www.", 4))
		p += 4;
	n = strcspn(p, "/:?# >");
	if (!n || !memchr(p, '.', n))
		return NULL;
	d = xstrndup(p, n);
	for (char *c = d; *c; c++)
		*c = (char)tolower((unsigned char)*c);
	return d;
}

/* ---- loading ---- */

static void add_domain(struct mail_proposer *p, int64_t org_id, const char *text)
{
	char *d = text ? mail_domain_of(text) : NULL;

	if (!d || (strchr(text, '@') && is_public(d))) {
		free(d);
		return;
	}
	for (size_t i = 0; i < p->domains.n; i++)
		if (p->domains.items[i].org_id == org_id && !strcmp(p->domains.items[i].domain, d)) {
			free(d);
			return;
		}
	struct org_domain *od = VEC_PUSH(&p->domains);
	od->org_id = org_id;
	od->domain = d;
}

int mail_proposer_load(struct store *s, struct mail_proposer *p, struct error *err)
{
	org_domain_vec sources = { 0 };
	int rc = mail_rules_load(&p->rules, err);

	if (!rc)
		rc = store_org_domain_sources(s, &sources, err);
	for (size_t i = 0; i < sources.n && !rc; i++)
		add_domain(p, sources.items[i].org_id, sources.items[i].text);
	org_domain_vec_release(&sources);
	return rc;
}

void mail_proposer_release(struct mail_proposer *p)
{
	mail_rules_release(&p->rules);
	for (size_t i = 0; i < p->domains.n; i++)
		free(p->domains.items[i].domain);
	free(p->domains.items);
	memset(p, 0, sizeof(*p));
}

/* ---- proposing ---- */

/* The time an invitation gives, local, into *at (NULL when none). */
static void interview_time(const struct mail_msg *m, const char *sent, char **at)
{
	struct datetime when, base;
	char buf[DATE_BUFSZ];
	struct strbuf text = STRBUF_INIT;

	*at = NULL;
	if (date_parse_iso(sent, &base, NULL))
		return;
	strbuf_addf(&text, "%s\n%s", m->subject, m->text ? m->text : m->excerpt ? m->excerpt : "");
	if (mail_when_find(text.buf, &base, &when) && when.has_time) {
		date_format(&when, buf);
		*at = xstrdup(buf);
	}
	strbuf_release(&text);
}

static int keep(struct store *s, struct mail_proposal *pr, bool *made, struct error *err)
{
	int rc = store_proposal_add(s, pr, err);

	*made = !rc && pr->id;
	mail_proposal_release(pr);
	return rc;
}

int mail_propose_reply(struct store *s, const struct mail_proposer *p, const struct mail_msg *m,
		       const struct interaction *it, bool *made, struct error *err)
{
	struct mail_rule_match hit;
	struct mail_proposal pr = { 0 };

	*made = false;
	if (!mail_rules_match(&p->rules, m->subject,
			      m->text ? m->text : m->excerpt, &hit))
		return 0;
	pr.kind = hit.rule->kind;
	pr.message_id = xstrdup(m->message_id);
	pr.interaction_id = it->id;
	pr.opp.id = it->opp.id;
	pr.person.id = it->people.n ? it->people.items[0].id : 0;
	pr.rule = xstrdup(hit.rule->name);
	pr.phrase = xstrdup(hit.phrase);
	pr.sent = xstrdup(it->at);
	pr.subject = xstrdup(it->summary);
	if (pr.kind == PROPOSE_INTERVIEW)
		interview_time(m, it->at, &pr.at);
	return keep(s, &pr, made, err);
}

int mail_propose_done(struct store *s, const struct mail_msg *m, const struct interaction *it,
		      int64_t task_id, bool *made, struct error *err)
{
	struct mail_proposal pr = { 0 };

	*made = false;
	pr.kind = PROPOSE_TASK_DONE;
	pr.message_id = xstrdup(m->message_id);
	pr.interaction_id = it->id;
	pr.opp.id = it->opp.id;
	pr.person.id = it->people.n ? it->people.items[0].id : 0;
	pr.task_id = task_id;
	pr.sent = xstrdup(it->at);
	pr.subject = xstrdup(it->summary);
	return keep(s, &pr, made, err);
}

/* The organisation whose domain is the sender's, or a parent of it
 * ("jobs.quartz.example.com" is at "quartz.example.com"); 0 when none. */
static int64_t org_of_domain(const struct mail_proposer *p, const char *domain)
{
	size_t n = strlen(domain);

	for (size_t i = 0; i < p->domains.n; i++) {
		const char *d = p->domains.items[i].domain;
		size_t k = strlen(d);
		if (!strcmp(domain, d) || (n > k && domain[n - k - 1] == '.' && !strcmp(domain + n - k, d)))
			return p->domains.items[i].org_id;
	}
	return 0;
}

/* The sender's name: the From header's, else the address before its @. */
static char *sender_name(const struct mail_msg *m)
{
	return m->from_name ? xstrdup(m->from_name) : xstrndup(m->from, strcspn(m->from, "@"));
}

int mail_propose_sender(struct store *s, const struct mail_proposer *p, const struct mail_msg *m,
			bool *made, struct error *err)
{
	struct mail_proposal pr = { 0 };
	struct datetime dt;
	char sent[DATE_BUFSZ];
	char *domain = mail_domain_of(m->from);
	int64_t org = domain ? org_of_domain(p, domain) : 0;

	*made = false;
	free(domain);
	if (!org || m->automatic || !m->date[0] || date_parse_iso(m->date, &dt, NULL))
		return 0;
	date_format(&dt, sent);
	pr.kind = PROPOSE_ADD_PERSON;
	pr.message_id = xstrdup(m->message_id);
	pr.org_id = org;
	pr.name = sender_name(m);
	pr.email = xstrdup(m->from);
	pr.sent = xstrdup(sent);
	pr.subject = mail_clean_text(m->subject, true, TEXT_LINE_MAX);
	return keep(s, &pr, made, err);
}
