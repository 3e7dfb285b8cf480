/*
 * static.c: the style sheet, the script and the icon, built into the binary.
 * style.css is every file of data/web/css/ and app.js every file of
 * data/web/js/, joined in name order (a file a page), made once.
 */
#include "web/pages.h"

#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include "util/embedded.h"

static struct strbuf joined_css = STRBUF_INIT, joined_js = STRBUF_INIT;
static pthread_once_t joined_once = PTHREAD_ONCE_INIT;

/* embedded_files is in name order (the Makefile sorts DATA). */
static void join_files(void)
{
	for (const struct embedded_file *f = embedded_files; f->name; f++) {
		if (!strncmp(f->name, "web/css/", 8))
			strbuf_add(&joined_css, f->data, f->size);
		else if (!strncmp(f->name, "web/js/", 7))
			strbuf_add(&joined_js, f->data, f->size);
		else
			continue;
		if (f->size && f->data[f->size - 1] != '\n')
			strbuf_addch(f->name[4] == 'c' ? &joined_css : &joined_js, '\n');
	}
}

int page_static(struct web_req *rq, struct web_resp *rs)
{
	const struct embedded_file *f;

	pthread_once(&joined_once, join_files);
	rs->cacheable = true;
	if (!strcmp(rq->arg[0], "style.css")) {
		strbuf_add(&rs->body, joined_css.buf, joined_css.len);
		rs->content_type = "text/css; charset=utf-8";
	} else if (!strcmp(rq->arg[0], "app.js")) {
		strbuf_add(&rs->body, joined_js.buf, joined_js.len);
		rs->content_type = "text/javascript; charset=utf-8";
	} else if (!strcmp(rq->arg[0], "icon.svg") && (f = embedded_find("web/icon.svg"))) {
		strbuf_add(&rs->body, f->data, f->size);
		rs->content_type = "image/svg+xml";
	} else {
		rs->cacheable = false;
		return error_set(&rq->err, ERR_NOT_FOUND, "there is no such file");
	}
	return 0;
}
