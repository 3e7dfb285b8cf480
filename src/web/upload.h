/*
 * upload.h: reading a multipart/form-data body (a form that sends a file)
 * as it arrives: its text fields, as a urlencoded form's, and one file.
 */
#ifndef RAPPORT_UPLOAD_H
#define RAPPORT_UPLOAD_H

#include <stdbool.h>
#include <stddef.h>
#include <microhttpd.h>

#include "web/web.h"

struct multipart;

/* Is this Content-Type a multipart form? */
bool multipart_is(const char *content_type);
/* A reader for the connection's body (its Content-Type names the
 * boundary), or NULL when it cannot be read as one. */
struct multipart *multipart_start(struct MHD_Connection *c);
/* Give it the next bytes of the body: 0, or -1 when they are not a form. */
int multipart_feed(struct multipart *m, const char *data, size_t size);
/* The whole body is read: its text fields (checked: UTF-8, no NUL) into
 * fields and its file into file (present false when none), or ERR_INVALID. */
int multipart_finish(struct multipart *m, struct web_params *fields, struct web_upload *file,
		     struct error *err);
void multipart_free(struct multipart *m);

#endif
