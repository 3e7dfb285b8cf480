/* page_questions.c: not built yet (each handler answers 404). */
#include "web/pages.h"

int page_questions(struct web_req *rq, struct web_resp *rs)
{
	(void)rs;
	return error_set(&rq->err, ERR_NOT_FOUND, "this page is not built yet");
}

int post_question_create(struct web_req *rq, struct web_resp *rs)
{
	(void)rs;
	return error_set(&rq->err, ERR_NOT_FOUND, "this page is not built yet");
}

int post_question_delete(struct web_req *rq, struct web_resp *rs)
{
	(void)rs;
	return error_set(&rq->err, ERR_NOT_FOUND, "this page is not built yet");
}
