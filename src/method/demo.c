/* demo.c: the mark that says a database holds the sample search, not the user's. */
#include "method/demo.h"

#include <stdlib.h>

int demo_mark(struct store *s, struct error *err)
{
	return store_setting_set(s, DEMO_SETTING, "sample search: not your data", err);
}

bool demo_is_marked(struct store *s)
{
	struct error err = ERROR_INIT;
	char *value = NULL;
	bool marked = s && !store_setting_get(s, DEMO_SETTING, &value, &err) && value;

	free(value);
	return marked;
}
