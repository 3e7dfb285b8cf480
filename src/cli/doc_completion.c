/* doc_completion.c: the shell completion scripts (see doc.h). */
#include "cli/doc.h"

int doc_completion_write(struct strbuf *sb, const char *shell, struct error *err)
{
	(void)sb;
	return error_set(err, ERR_NOT_FOUND, "no completion for '%s'", shell);
}
