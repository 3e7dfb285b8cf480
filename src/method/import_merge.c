/* import_merge.c: how a value in the file meets the stored one: which differ, and notes added, not replaced (see import.h). */
#include "method/import_internal.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/model.h"
#include "store/upsert.h"
#include "util/strbuf.h"

/* Does the file's value replace the stored one? Never when the file has none. */
bool import_differs(const char *file, const char *stored)
{
	return file && (!stored || strcmp(file, stored));
}

bool import_differs_nocase(const char *file, const char *stored)
{
	return file && (!stored || strcasecmp(file, stored));
}

bool import_url_differs(const char *file, const char *stored)
{
	char *a, *b;
	bool d;

	if (!file || !stored)
		return file != NULL;
	if (!strcmp(file, stored))
		return false;
	a = upsert_url_key(file);
	b = upsert_url_key(stored);
	d = strcmp(a, b) != 0;
	free(a);
	free(b);
	return d;
}

bool import_notes_differ(const char *stored, const char *file)
{
	return file && !(stored && strstr(stored, file));
}

/* Notes from the file join the stored ones unless they are in them already. */
bool import_merge_notes(char **stored, const char *file)
{
	struct strbuf sb = STRBUF_INIT;

	if (!import_notes_differ(*stored, file))
		return false;
	if (*stored)
		strbuf_addf(&sb, "%s\n\n", *stored);
	strbuf_addstr(&sb, file);
	free(*stored);
	*stored = strbuf_detach(&sb);
	return true;
}

bool import_set_if(char **field, const char *file, bool (*cmp)(const char *, const char *))
{
	if (!cmp(file, *field))
		return false;
	field_set(field, file);
	return true;
}

bool import_day_differs(const char *file, const char *stored)
{
	return *file && (!stored || strcmp(file, stored));
}

