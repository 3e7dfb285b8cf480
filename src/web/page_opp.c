/* page_opp.c: not built yet (each handler answers 404). */
#include "web/pages.h"

int page_opp_new(struct web_req *rq, struct web_resp *rs)
{
	(void)rs;
	return error_set(&rq->err, ERR_NOT_FOUND, "this page is not built yet");
}

int post_opp_create(struct web_req *rq, struct web_resp *rs)
{
	(void)rs;
	return error_set(&rq->err, ERR_NOT_FOUND, "this page is not built yet");
}

int page_opp(struct web_req *rq, struct web_resp *rs)
{
	(void)rs;
	return error_set(&rq->err, ERR_NOT_FOUND, "this page is not built yet");
}

int page_opp_edit(struct web_req *rq, struct web_resp *rs)
{
	(void)rs;
	return error_set(&rq->err, ERR_NOT_FOUND, "this page is not built yet");
}

int post_opp_edit(struct web_req *rq, struct web_resp *rs)
{
	(void)rs;
	return error_set(&rq->err, ERR_NOT_FOUND, "this page is not built yet");
}

int post_opp_link(struct web_req *rq, struct web_resp *rs)
{
	(void)rs;
	return error_set(&rq->err, ERR_NOT_FOUND, "this page is not built yet");
}
