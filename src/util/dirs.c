/* dirs.c: making the folders rapport keeps its files in (see dirs.h). */
#include "util/dirs.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "util/strbuf.h"
#include "util/xalloc.h"

int dirs_make_parents(const char *path, struct error *err)
{
	char *dir = xstrdup(path);
	int rc = 0;

	for (char *p = dir + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(dir, 0700) && errno != EEXIST)
			rc = error_set(err, ERR_IO, "cannot create folder '%s': %s", dir,
				       strerror(errno));
		*p = '/';
		if (rc)
			break;
	}
	free(dir);
	return rc;
}

char *dirs_config_file(const char *name)
{
	const char *xdg = getenv("XDG_CONFIG_HOME"), *home = getenv("HOME");
	struct strbuf sb = STRBUF_INIT;

	if (xdg && *xdg == '/')
		strbuf_addf(&sb, "%s/rapport/%s", xdg, name);
	else if (home && *home)
		strbuf_addf(&sb, "%s/.config/rapport/%s", home, name);
	else
		return NULL;
	return strbuf_detach(&sb);
}
