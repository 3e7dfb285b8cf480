/* import_people.c: a person from a LinkedIn row or a vCard, added, merged or left as it is (see import_internal.h). */
#include "method/import_internal.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/text.h"
#include "store/upsert.h"

/* Check a value the way the store will; a problem skips the row. */
bool import_bad_text(struct import *im, long line, const char *label, const char *value,
		     unsigned flags)
{
	struct error e = ERROR_INIT;

	if (!text_check(label, value, flags, &e))
		return false;
	import_skip(im, line, "%s", e.msg);
	return true;
}

void import_person_release(struct person_in *in)
{
	free(in->name);
	free(in->org);
	free(in->title);
	free(in->email);
	free(in->phone);
	free(in->linkedin);
	free(in->notes);
	free(in->uid);
}

/* Leave out an e-mail address or a URL that the store would refuse. */
void import_drop_bad_contact(struct import *im, struct person_in *in, const char *email_label,
			     const char *url_label)
{
	struct error e = ERROR_INIT;
	char q[80];

	if (in->email && text_check_email(in->email, &e)) {
		import_warn(im, in->line, "%s %s is not an e-mail address: left out", email_label,
			 import_quoted(in->email, q));
		free(in->email);
		in->email = NULL;
	}
	if (in->linkedin && text_check_url(url_label, in->linkedin, &e)) {
		import_warn(im, in->line, "%s %s is not a web address: left out", url_label,
			 import_quoted(in->linkedin, q));
		free(in->linkedin);
		in->linkedin = NULL;
	}
}

static bool person_checks(struct import *im, const struct person_in *in)
{
	struct person p = { .rapport = -1, .cadence = -1 };
	struct error e = ERROR_INIT;

	if (in->org && import_bad_text(im, in->line, "the organisation", in->org, TEXT_ONE_LINE))
		return false;
	p.name = in->name;
	p.title = in->title;
	p.email = in->email;
	p.phone = in->phone;
	p.linkedin = in->linkedin;
	p.notes = in->notes;
	p.uid = in->uid;
	p.connected_on = in->connected[0] ? (char *)in->connected : NULL;
	if (person_validate(&p, &e)) {
		import_skip(im, in->line, "%s", e.msg);
		return false;
	}
	return true;
}

/* Would the row change the person? (What merge_person does, without doing it.) */
static bool person_differs(const struct person *p, const struct person_in *in, int64_t org_id)
{
	return import_differs(in->name, p->name) || import_differs(in->title, p->title) ||
	       import_differs_nocase(in->email, p->email) || import_differs(in->phone, p->phone) ||
	       import_url_differs(in->linkedin, p->linkedin) || import_notes_differ(p->notes, in->notes) ||
	       import_day_differs(in->connected, p->connected_on) || (org_id && org_id != p->org_id);
}

static void merge_person(struct person *p, const struct person_in *in, int64_t org_id)
{
	import_set_if(&p->name, in->name, import_differs);
	import_set_if(&p->title, in->title, import_differs);
	import_set_if(&p->email, in->email, import_differs_nocase);
	import_set_if(&p->phone, in->phone, import_differs);
	import_set_if(&p->linkedin, in->linkedin, import_url_differs);
	import_merge_notes(&p->notes, in->notes);
	if (import_day_differs(in->connected, p->connected_on))
		field_set(&p->connected_on, in->connected);
	if (org_id)
		p->org_id = org_id;
}

static char *take(char **field)
{
	char *v = *field;

	*field = NULL;
	return v;
}

/* Write what a row says about a person: added, updated or unchanged. The
 * row is checked only when something is to be written (most rows of a file
 * imported again change nothing). A new person takes the row's fields. */
int import_apply_person(struct import *im, struct person_in *in, struct error *err)
{
	const struct person *old;
	struct person p = { .rapport = -1, .cadence = -1 };
	int64_t org_id;
	bool added, new_org;
	int rc = 0;

	if (!im->u) {
		im->sum->added += person_checks(im, in);
		return 0;
	}
	org_id = in->org ? upsert_org_find(im->u, in->org) : 0;
	new_org = in->org && !org_id;
	/* nobody is at an organisation that does not exist yet */
	old = upsert_person_find(im->u, in->uid, in->linkedin, in->email, new_org ? NULL : in->name,
				 org_id);
	if (old && !new_org && !person_differs(old, in, org_id)) {
		im->sum->unchanged++;
		return 0;
	}
	if (!person_checks(im, in))
		return 0;
	if (new_org && (rc = upsert_org(im->u, in->org, &org_id, &added, err)))
		return error_on_line(err, rc, in->line);
	im->sum->orgs_added += new_org;
	im->sum->connected += in->connected[0] && (!old || import_day_differs(in->connected,
								      old->connected_on));
	if (!old) {
		/* the row's fields move to the new person (the row ends here) */
		p.name = take(&in->name);
		p.org_id = org_id;
		p.title = take(&in->title);
		p.email = take(&in->email);
		p.phone = take(&in->phone);
		p.linkedin = take(&in->linkedin);
		p.notes = take(&in->notes);
		p.uid = take(&in->uid);
		p.connected_on = in->connected[0] ? xstrdup(in->connected) : NULL;
		rc = upsert_person_add(im->u, &p, err);
		im->sum->added++;
	} else if (!(rc = upsert_person_get(im->u, old->id, &p, err))) {
		merge_person(&p, in, org_id);
		rc = upsert_person_update(im->u, &p, err);
		im->sum->updated++;
	}
	person_release(&p);
	return rc ? error_on_line(err, rc, in->line) : 0;
}
