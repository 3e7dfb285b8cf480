/* page_settings.c: not built yet (each handler answers 404). */
#include "web/pages.h"

int page_settings(struct web_req *rq, struct web_resp *rs)
{
	(void)rs;
	return error_set(&rq->err, ERR_NOT_FOUND, "this page is not built yet");
}

int post_settings(struct web_req *rq, struct web_resp *rs)
{
	(void)rs;
	return error_set(&rq->err, ERR_NOT_FOUND, "this page is not built yet");
}

int page_settings_playbooks(struct web_req *rq, struct web_resp *rs)
{
	(void)rs;
	return error_set(&rq->err, ERR_NOT_FOUND, "this page is not built yet");
}

int post_settings_playbooks(struct web_req *rq, struct web_resp *rs)
{
	(void)rs;
	return error_set(&rq->err, ERR_NOT_FOUND, "this page is not built yet");
}

int page_settings_templates(struct web_req *rq, struct web_resp *rs)
{
	(void)rs;
	return error_set(&rq->err, ERR_NOT_FOUND, "this page is not built yet");
}

int post_settings_levels(struct web_req *rq, struct web_resp *rs)
{
	(void)rs;
	return error_set(&rq->err, ERR_NOT_FOUND, "this page is not built yet");
}

int page_export_json(struct web_req *rq, struct web_resp *rs)
{
	(void)rs;
	return error_set(&rq->err, ERR_NOT_FOUND, "this page is not built yet");
}
