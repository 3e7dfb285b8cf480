/* setting.h: the settings a user may set with 'rapport config', and their checks. */
#ifndef RAPPORT_SETTING_H
#define RAPPORT_SETTING_H

#include "util/error.h"

struct setting_def {
	const char *key;
	const char *help;
};

/* The known keys (name, email, signature); ends with a NULL key. */
extern const struct setting_def setting_defs[];

const struct setting_def *setting_find(const char *key);
/* Check a value for a known key (an unknown key is an error that lists them). */
int setting_check(const char *key, const char *value, struct error *err);
/* The same for a key a user sets, and for the others (rapport's own, such
 * as the calendar's token) one line of text: what every write of a setting
 * passes, from the CLI, the web or a backup. */
int setting_check_any(const char *key, const char *value, struct error *err);

struct store;
/* The zone of the "timezone" setting, when set, taken for every local time
 * (date_zone_use) and for the store's "now". Single-threaded callers only:
 * at a command's start, at the server's. */
int store_use_zone(struct store *s, struct error *err);

#endif
