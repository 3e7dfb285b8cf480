/* page_prep.c: not built yet (each handler answers 404). */
#include "web/pages.h"

int page_prep(struct web_req *rq, struct web_resp *rs)
{
	(void)rs;
	return error_set(&rq->err, ERR_NOT_FOUND, "this page is not built yet");
}

int page_debrief(struct web_req *rq, struct web_resp *rs)
{
	(void)rs;
	return error_set(&rq->err, ERR_NOT_FOUND, "this page is not built yet");
}
