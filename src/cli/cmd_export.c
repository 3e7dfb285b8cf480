/* cmd_export.c: rapport export [-o FILE]: everything as one JSON document. */
#include "cli/cli.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "io/json_backup.h"

/* Write to FILE.tmp, then rename: a failed export never leaves half a file. */
static int export_to_file(struct cli *cli, const char *path)
{
	struct strbuf tmp = STRBUF_INIT;
	FILE *f;
	int rc;

	strbuf_addf(&tmp, "%s.tmp", path);
	if (!(f = fopen(tmp.buf, "w"))) {
		rc = error_set(&cli->err, ERR_IO, "cannot write '%s': %s", tmp.buf, strerror(errno));
		strbuf_release(&tmp);
		return rc;
	}
	rc = backup_export(cli->store, f, &cli->err);
	if (fflush(f) || ferror(f) || fsync(fileno(f)))
		rc = rc ? rc : error_set(&cli->err, ERR_IO, "cannot write '%s': %s", tmp.buf,
					 strerror(errno));
	if (fclose(f) && !rc)
		rc = error_set(&cli->err, ERR_IO, "cannot write '%s': %s", tmp.buf, strerror(errno));
	if (!rc && rename(tmp.buf, path))
		rc = error_set(&cli->err, ERR_IO, "cannot write '%s': %s", path, strerror(errno));
	if (rc)
		unlink(tmp.buf);
	strbuf_release(&tmp);
	return rc;
}

static int export_run(struct cli *cli, const struct args *a)
{
	const char *path = arg_opt(a, "output");
	char *buf = NULL;
	size_t len = 0;
	FILE *mem;
	int rc;

	if (path && strcmp(path, "-")) {
		if ((rc = export_to_file(cli, path)))
			return rc;
		cli_set_json(cli, json_pack("{s:s}", "exported", path));
		cli_printf(cli, "exported to %s\n", path);
		return 0;
	}
	if (!(mem = open_memstream(&buf, &len)))
		return error_set(&cli->err, ERR_IO, "out of memory");
	rc = backup_export(cli->store, mem, &cli->err);
	fclose(mem);
	if (!rc) {
		strbuf_add(&cli->out, buf, len);
		cli->json = false; /* already JSON: print it as it is */
	}
	free(buf);
	return rc;
}

static const struct opt_spec export_opts[] = {
	{ .name = "output", .arg = "FILE", .help = "write to FILE instead of standard output",
	  .letter = 'o' },
	{ 0 },
};

const struct cmd_spec export_cmds[] = {
	{ "", "", "Write everything as one JSON document (a lossless backup).", 0, 0,
	  export_opts, export_run, 0 },
	{ 0 },
};
