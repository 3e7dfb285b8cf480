/* page_orgs.c: not built yet (each handler answers 404). */
#include "web/pages.h"

int page_orgs(struct web_req *rq, struct web_resp *rs)
{
	(void)rs;
	return error_set(&rq->err, ERR_NOT_FOUND, "this page is not built yet");
}

int page_org_new(struct web_req *rq, struct web_resp *rs)
{
	(void)rs;
	return error_set(&rq->err, ERR_NOT_FOUND, "this page is not built yet");
}

int post_org_create(struct web_req *rq, struct web_resp *rs)
{
	(void)rs;
	return error_set(&rq->err, ERR_NOT_FOUND, "this page is not built yet");
}

int page_org(struct web_req *rq, struct web_resp *rs)
{
	(void)rs;
	return error_set(&rq->err, ERR_NOT_FOUND, "this page is not built yet");
}

int page_org_edit(struct web_req *rq, struct web_resp *rs)
{
	(void)rs;
	return error_set(&rq->err, ERR_NOT_FOUND, "this page is not built yet");
}

int post_org_edit(struct web_req *rq, struct web_resp *rs)
{
	(void)rs;
	return error_set(&rq->err, ERR_NOT_FOUND, "this page is not built yet");
}
