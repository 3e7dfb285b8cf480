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

#endif
