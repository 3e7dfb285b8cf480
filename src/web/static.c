/* static.c: the style sheet, the script and the icon, built into the binary. */
#include "web/pages.h"

#include <stdio.h>
#include <string.h>

#include "util/embedded.h"

static const struct {
	const char *name, *type;
} assets[] = {
	{ "style.css", "text/css; charset=utf-8" },
	{ "app.js", "text/javascript; charset=utf-8" },
	{ "icon.svg", "image/svg+xml" },
};

int page_static(struct web_req *rq, struct web_resp *rs)
{
	char path[64];
	const struct embedded_file *f;

	for (size_t i = 0; i < sizeof(assets) / sizeof(assets[0]); i++) {
		if (strcmp(rq->arg[0], assets[i].name))
			continue;
		snprintf(path, sizeof(path), "web/%s", assets[i].name);
		if (!(f = embedded_find(path)))
			break;
		strbuf_add(&rs->body, f->data, f->size);
		rs->content_type = assets[i].type;
		rs->cacheable = true;
		return 0;
	}
	return error_set(&rq->err, ERR_NOT_FOUND, "there is no such file");
}
