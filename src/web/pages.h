/* pages.h: the page handlers, one file of web/ each (see routes.c). */
#ifndef RAPPORT_PAGES_H
#define RAPPORT_PAGES_H

#include "web/web.h"

/* static.c */
int page_static(struct web_req *rq, struct web_resp *rs);
/* page_today.c */
int page_today(struct web_req *rq, struct web_resp *rs);
int post_task_done(struct web_req *rq, struct web_resp *rs);
int post_task_skip(struct web_req *rq, struct web_resp *rs);
int post_task_snooze(struct web_req *rq, struct web_resp *rs);
int post_log(struct web_req *rq, struct web_resp *rs);

#endif
