/*
 * edit.c: what every "X edit" command shares. An edit that changes nothing
 * says so and writes nothing; --editor shows the record as text in the
 * user's editor, as git shows a commit message: a small "key: value" head
 * for the one-line fields, a blank line, the notes.
 */
#include "cli/edit.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cli/args.h"
#include "core/text.h"
#include "util/file_read.h"

bool cli_edit_unchanged(struct cli *cli, json_t *before, json_t *after, const char *kind,
			long long id, const char *name)
{
	bool same = json_equal(before, after);

	json_decref(after);
	if (!same) {
		json_decref(before);
		return false;
	}
	cli_set_json(cli, before);
	cli_printf(cli, "nothing to change in %s %lld%s%s\n", kind, id, name ? ": " : "",
		   name ? name : "");
	return true;
}

/* ---- the form ---- */

void edit_form_begin(struct edit_form *f, const char *kind, long long id, const char *name,
		     const char *updated_at)
{
	struct strbuf sb = STRBUF_INIT;

	strbuf_addf(&sb, "%s %lld", kind, id);
	if (name)
		strbuf_addf(&sb, " (%s)", name);
	f->what = strbuf_detach(&sb);
	f->updated_at = xstrdup_or_null(updated_at);
}

void edit_form_add(struct edit_form *f, const struct args *a, int opt_id, const char *value)
{
	struct edit_field *fld;

	xgrow((void **)&f->fields, sizeof(*f->fields), f->n + 1, &f->alloc);
	fld = &f->fields[f->n++];
	fld->opt = arg_spec(a, opt_id);
	fld->value = xstrdup(value ? value : "");
	fld->edited = NULL;
}

void edit_form_add_int(struct edit_form *f, const struct args *a, int opt_id, long long n)
{
	char num[32] = "";

	if (n >= 0)
		snprintf(num, sizeof(num), "%lld", n);
	edit_form_add(f, a, opt_id, num);
}

void edit_form_notes(struct edit_form *f, const struct args *a, int opt_id, const char *value)
{
	f->notes.opt = arg_spec(a, opt_id);
	f->notes.value = xstrdup(value ? value : "");
}

static void field_release(struct edit_field *fld)
{
	free(fld->value);
	free(fld->edited);
}

void edit_form_release(struct edit_form *f)
{
	for (size_t i = 0; i < f->n; i++)
		field_release(&f->fields[i]);
	field_release(&f->notes);
	free(f->fields);
	free(f->what);
	free(f->updated_at);
	free(f->path);
	memset(f, 0, sizeof(*f));
}

/* The text the editor shows. */
static void form_text(const struct edit_form *f, struct strbuf *sb)
{
	strbuf_addf(sb, "# %s: one field a line, \"key: value\"; an empty value clears it.\n"
			"# The notes follow the first blank line. An emptied file changes nothing.\n",
		    f->what);
	for (size_t i = 0; i < f->n; i++)
		strbuf_addf(sb, "%s:%s%s\n", f->fields[i].opt->name, *f->fields[i].value ? " " : "",
			    f->fields[i].value);
	if (f->notes.opt)
		strbuf_addf(sb, "\n%s%s", f->notes.value, *f->notes.value ? "\n" : "");
}

/* ---- reading the text back ---- */

static bool blank(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r' && s[i] != '\n')
			return false;
	return true;
}

static struct edit_field *find_field(struct edit_form *f, const char *key, size_t len)
{
	for (size_t i = 0; i < f->n; i++)
		if (strlen(f->fields[i].opt->name) == len && !strncmp(f->fields[i].opt->name, key, len))
			return &f->fields[i];
	return NULL;
}

/* One line of the head, "key: value", at line number lineno. */
static int read_field(struct edit_form *f, const char *line, size_t len, long lineno,
		      struct error *err)
{
	const char *colon = memchr(line, ':', len);
	char *key;
	struct edit_field *fld;
	int rc = 0;

	if (!colon)
		return error_set_at(err, ERR_INVALID, NULL, lineno,
				    "not \"key: value\" (the notes follow a blank line)");
	key = text_trimmed(line, (size_t)(colon - line));
	fld = find_field(f, key, strlen(key));
	if (!fld)
		rc = error_set_at(err, ERR_INVALID, NULL, lineno, "no field '%s' in %s", key,
				  f->what);
	else if (fld->edited)
		rc = error_set_at(err, ERR_INVALID, NULL, lineno, "'%s' given twice", key);
	else
		fld->edited = text_trimmed(colon + 1, len - (size_t)(colon + 1 - line));
	free(key);
	return rc;
}

/* The notes: from after the first blank line to the end, without the
 * trailing line breaks. */
static void read_notes(struct edit_form *f, const char *body)
{
	size_t len = strlen(body);

	while (len && (body[len - 1] == '\n' || body[len - 1] == '\r'))
		len--;
	if (f->notes.opt)
		f->notes.edited = xstrndup(body, len);
}

/* Fill each field's edited from text; *empty when it holds nothing but
 * comments and white space. */
static int read_form(struct edit_form *f, const char *text, bool *empty, struct error *err)
{
	const char *p = text;
	long lineno = 0;

	*empty = true;
	while (*p) {
		const char *eol = strchr(p, '\n');
		size_t len = eol ? (size_t)(eol - p) : strlen(p);
		lineno++;
		if (blank(p, len)) {
			p += len + (eol != NULL);
			break;
		}
		if (*p != '#') {
			*empty = false;
			if (read_field(f, p, len, lineno, err))
				return ERR_INVALID;
		}
		p += len + (eol != NULL);
	}
	*empty = *empty && blank(p, strlen(p));
	read_notes(f, p);
	return 0;
}

/* Give each changed field to the command as its option's value. */
static void changes_to_args(struct edit_form *f, struct args *a)
{
	for (size_t i = 0; i < f->n; i++)
		if (f->fields[i].edited && strcmp(f->fields[i].edited, f->fields[i].value))
			arg_push(a, f->fields[i].opt->id, f->fields[i].edited);
	if (f->notes.edited && strcmp(f->notes.edited, f->notes.value))
		arg_push(a, f->notes.opt->id, f->notes.edited);
}

/* ---- the file and the editor ---- */

static int write_temp(struct edit_form *f, struct error *err)
{
	const char *dir = getenv("TMPDIR");
	struct strbuf path = STRBUF_INIT, text = STRBUF_INIT;
	FILE *out;
	int fd, rc = 0;

	strbuf_addf(&path, "%s/rapport-edit-XXXXXX", dir && *dir ? dir : "/tmp");
	form_text(f, &text);
	if ((fd = mkstemp(path.buf)) < 0 || !(out = fdopen(fd, "w"))) {
		rc = error_set(err, ERR_IO, "cannot write '%s': %s", path.buf, strerror(errno));
		if (fd >= 0)
			close(fd);
	} else {
		f->path = xstrdup(path.buf);
		fputs(text.buf, out);
		if (fclose(out))
			rc = error_set(err, ERR_IO, "cannot write '%s': %s", path.buf,
				       strerror(errno));
	}
	strbuf_release(&path);
	strbuf_release(&text);
	return rc;
}

/* Wait for the editor. Ctrl-C at the terminal goes to it (vi uses it),
 * not to rapport, which would leave its file behind: as git does. */
static int wait_editor(pid_t pid, int *status)
{
	void (*old_int)(int) = signal(SIGINT, SIG_IGN);
	void (*old_quit)(int) = signal(SIGQUIT, SIG_IGN);
	int rc;

	while ((rc = (int)waitpid(pid, status, 0)) < 0 && errno == EINTR)
		;
	signal(SIGINT, old_int);
	signal(SIGQUIT, old_quit);
	return rc < 0 ? -1 : 0;
}

/* $VISUAL, else $EDITOR, else vi, run by the shell as git runs it: the
 * variable may hold arguments ("code --wait"). */
static int run_editor(const char *path, struct error *err)
{
	const char *editor = getenv("VISUAL");
	struct strbuf cmd = STRBUF_INIT;
	int status = 0;
	pid_t pid;

	if (!editor || !*editor)
		editor = getenv("EDITOR");
	if (!editor || !*editor)
		editor = "vi";
	strbuf_addf(&cmd, "%s \"$@\"", editor);
	fflush(NULL);
	pid = fork();
	if (pid == 0) {
		execl("/bin/sh", "sh", "-c", cmd.buf, editor, path, (char *)NULL);
		_exit(127);
	}
	strbuf_release(&cmd);
	if (pid < 0)
		return error_set(err, ERR_IO, "cannot start the editor: %s", strerror(errno));
	if (wait_editor(pid, &status))
		return error_set(err, ERR_IO, "the editor: %s", strerror(errno));
	if (!WIFEXITED(status) || WEXITSTATUS(status))
		return error_set(err, ERR_IO, "the editor '%s' failed; nothing was changed",
				 editor);
	return 0;
}

static int load_form(struct cli *cli, const struct args *a, struct edit_form *f)
{
	return arg_spec(a, CLI_OPT_EDITOR)->edit_form(cli, a, f);
}

int edit_with_editor(struct cli *cli, struct args *a, struct edit_form *f)
{
	struct strbuf text = STRBUF_INIT;
	bool empty;
	int rc;

	if ((rc = store_begin_read(cli->store, &cli->err)))
		return rc;
	rc = load_form(cli, a, f);
	store_rollback(cli->store); /* nothing is held while the editor is open */
	if (rc || (rc = write_temp(f, &cli->err)) || (rc = run_editor(f->path, &cli->err)) ||
	    (rc = file_read_regular(f->path, TEXT_NOTE_MAX + 65536, &text, &cli->err)) ||
	    (rc = read_form(f, text.buf, &empty, &cli->err))) {
		strbuf_release(&text);
		return rc;
	}
	if (!empty)
		changes_to_args(f, a);
	strbuf_release(&text);
	return 0;
}

int edit_check_current(struct cli *cli, const struct args *a, struct edit_form *f)
{
	struct edit_form now = { 0 };
	struct strbuf was = STRBUF_INIT, is = STRBUF_INIT;
	int rc = load_form(cli, a, &now);

	if (!rc) {
		form_text(f, &was);
		form_text(&now, &is);
		if (strcmp(was.buf, is.buf) || !f->updated_at || !now.updated_at ||
		    strcmp(f->updated_at, now.updated_at))
			rc = error_set(&cli->err, ERR_CONFLICT,
				       "%s was changed while the editor was open; nothing was "
				       "saved (your text is in %s)", f->what, f->path);
	}
	if (rc == ERR_CONFLICT) {
		free(f->path); /* kept, for the person to take their text from */
		f->path = NULL;
	}
	strbuf_release(&was);
	strbuf_release(&is);
	edit_form_release(&now);
	return rc;
}

void edit_done(struct edit_form *f)
{
	if (f->path)
		unlink(f->path);
	edit_form_release(f);
}
