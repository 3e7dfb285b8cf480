/* test-atomic-file.c: the one way rapport writes a file, and the sweep of leftovers. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>

#include "util/atomic_file.h"
#include "util/strbuf.h"

struct fixture {
	char dir[64];
};

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof(*f));

	snprintf(f->dir, sizeof(f->dir), "/tmp/rapport-unit.XXXXXX");
	assert_non_null(mkdtemp(f->dir));
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;
	char cmd[160];

	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", f->dir);
	if (system(cmd) != 0)
		return -1;
	free(f);
	return 0;
}

static char *in_dir(const struct fixture *f, const char *name)
{
	struct strbuf sb = STRBUF_INIT;

	strbuf_addf(&sb, "%s/%s", f->dir, name);
	return strbuf_detach(&sb);
}

static void put(const char *path, const char *text)
{
	FILE *fp = fopen(path, "w");

	assert_non_null(fp);
	fputs(text, fp);
	assert_int_equal(fclose(fp), 0);
}

static void assert_content(const char *path, const char *want)
{
	char buf[256] = "";
	FILE *fp = fopen(path, "r");
	size_t n;

	assert_non_null(fp);
	n = fread(buf, 1, sizeof(buf) - 1, fp);
	buf[n] = '\0';
	fclose(fp);
	assert_string_equal(buf, want);
}

/* How many entries dir has besides . and .. */
static int entries(const struct fixture *f)
{
	struct strbuf cmd = STRBUF_INIT;
	FILE *p;
	int n = -1;

	strbuf_addf(&cmd, "ls -A '%s' | wc -l", f->dir);
	p = popen(cmd.buf, "r");
	assert_non_null(p);
	assert_int_equal(fscanf(p, "%d", &n), 1);
	pclose(p);
	strbuf_release(&cmd);
	return n;
}

static mode_t mode_of(const char *path)
{
	struct stat st;

	assert_int_equal(stat(path, &st), 0);
	return st.st_mode & 07777;
}

static void test_new_file_is_private_and_whole(void **state)
{
	struct fixture *f = *state;
	struct error err = ERROR_INIT;
	char *path = in_dir(f, "export.json");

	umask(022); /* what most users have: the helper must not rely on it */
	assert_int_equal(atomic_file_write(path, "{}\n", 3, &err), 0);
	assert_content(path, "{}\n");
	assert_int_equal(mode_of(path), 0600);
	assert_int_equal(entries(f), 1); /* no temporary left */
	free(path);
}

static void test_replacing_keeps_the_mode(void **state)
{
	struct fixture *f = *state;
	struct error err = ERROR_INIT;
	char *path = in_dir(f, "page.html");

	put(path, "old");
	assert_int_equal(chmod(path, 0640), 0);
	assert_int_equal(atomic_file_write(path, "new", 3, &err), 0);
	assert_content(path, "new");
	assert_int_equal(mode_of(path), 0640);
	free(path);
}

/* The temporary is beside the target, named for it, and the target is
 * untouched until the commit; an abort leaves the old file as it was. */
static void test_abort_leaves_the_old_file(void **state)
{
	struct fixture *f = *state;
	struct error err = ERROR_INIT;
	struct atomic_file af;
	char *path = in_dir(f, "draft.eml"), *prefix = in_dir(f, ".draft.eml.rapport-tmp.");

	put(path, "old");
	assert_int_equal(atomic_file_open(&af, path, &err), 0);
	assert_int_equal(strncmp(af.tmp, prefix, strlen(prefix)), 0);
	assert_int_equal(mode_of(af.tmp), mode_of(path)); /* the mode it will replace */
	fputs("half of a new", af.f);
	assert_content(path, "old");
	atomic_file_abort(&af);
	assert_content(path, "old");
	assert_int_equal(entries(f), 1);
	free(path);
	free(prefix);
}

/* A commit that fails (here the target is a folder) says why and leaves no temporary. */
static void test_failed_commit_leaves_nothing(void **state)
{
	struct fixture *f = *state;
	struct error err = ERROR_INIT;
	char *path = in_dir(f, "folder"), *file = in_dir(f, "folder/inside");

	assert_int_equal(mkdir(path, 0700), 0);
	put(file, "mine");
	assert_int_equal(atomic_file_write(path, "x", 1, &err), ERR_IO);
	assert_non_null(strstr(err.msg, "cannot write"));
	assert_int_equal(entries(f), 1);
	assert_content(file, "mine");
	free(path);
	free(file);
}

/* A process id that no process has now: a child that has ended. */
static long gone_pid(void)
{
	pid_t pid = fork();

	assert_true(pid >= 0);
	if (!pid)
		_exit(0);
	assert_int_equal(waitpid(pid, NULL, 0), pid);
	return (long)pid;
}

static char *temp_name(const struct fixture *f, const char *target, long pid, const char *rnd)
{
	struct strbuf sb = STRBUF_INIT;

	strbuf_addf(&sb, "%s/.%s" ATOMIC_FILE_MARK "%ld.%s", f->dir, target, pid, rnd);
	return strbuf_detach(&sb);
}

static void make_old(const char *path)
{
	struct timeval tv[2] = { { .tv_sec = time(NULL) - 2 * ATOMIC_FILE_STALE_SECONDS },
				 { .tv_sec = time(NULL) - 2 * ATOMIC_FILE_STALE_SECONDS } };

	assert_int_equal(utimes(path, tv), 0);
}

static bool exists(const char *path)
{
	struct stat st;

	return lstat(path, &st) == 0;
}

/* The sweep removes a dead writer's temporary and an old one, and nothing
 * else: not a live writer's, nor anything of another name or shape. */
static void test_sweep_removes_only_leftovers(void **state)
{
	struct fixture *f = *state;
	long dead = gone_pid(), me = (long)getpid();
	char *dead_tmp = temp_name(f, "playbooks.ini", dead, "aB3xYz");
	char *live_tmp = temp_name(f, "playbooks.ini", me, "aB3xYz");
	char *old_tmp = temp_name(f, "rapport.db", me, "Qq9Zz0");
	char *other = temp_name(f, "export.csv", dead, "aB3xYz");
	char *journal = temp_name(f, "copy.db", dead, "aB3xYz-journal");
	char *keep[] = {
		in_dir(f, "playbooks.ini"),
		in_dir(f, "playbooks.ini.tmp"),
		in_dir(f, "playbooks.ini.rapport-tmp.1.aB3xYz"), /* no leading dot */
		temp_name(f, "playbooks.ini", dead, "aB3x"),    /* too short */
		temp_name(f, "playbooks.ini", dead, "aB3x-z"),  /* not mkstemp's */
		temp_name(f, "playbooks.ini", dead, "aB3xYz.bak"),
		in_dir(f, ".playbooks.ini.rapport-tmp.x.aB3xYz"),
	};
	char *dir_tmp = temp_name(f, "folder", dead, "aB3xYz");
	char *link_tmp = temp_name(f, "link", dead, "aB3xYz");

	put(dead_tmp, "x");
	put(live_tmp, "x");
	put(old_tmp, "x");
	put(other, "x");
	put(journal, "x");
	make_old(old_tmp);
	for (size_t i = 0; i < ARRAY_SIZE(keep); i++)
		put(keep[i], "user's");
	assert_int_equal(mkdir(dir_tmp, 0700), 0);
	assert_int_equal(symlink(keep[0], link_tmp), 0);

	/* only the temporaries of one target */
	assert_int_equal(atomic_file_sweep(f->dir, "playbooks.ini"), 1);
	assert_false(exists(dead_tmp));
	assert_true(exists(other));
	/* then of any */
	assert_int_equal(atomic_file_sweep(f->dir, NULL), 3);
	assert_false(exists(other));
	assert_false(exists(journal));
	assert_false(exists(old_tmp));
	assert_true(exists(live_tmp));
	for (size_t i = 0; i < ARRAY_SIZE(keep); i++) {
		assert_true(exists(keep[i]));
		free(keep[i]);
	}
	assert_true(exists(dir_tmp));
	assert_true(exists(link_tmp));
	free(dead_tmp);
	free(live_tmp);
	free(old_tmp);
	free(other);
	free(journal);
	free(dir_tmp);
	free(link_tmp);
}

/* Writing a file sweeps its own leftovers. */
static void test_write_sweeps_its_leftovers(void **state)
{
	struct fixture *f = *state;
	struct error err = ERROR_INIT;
	char *path = in_dir(f, "playbooks.ini");
	char *left = temp_name(f, "playbooks.ini", gone_pid(), "kIlLeD");

	put(left, "half");
	assert_int_equal(atomic_file_write(path, "[a]\n", 4, &err), 0);
	assert_false(exists(left));
	assert_int_equal(entries(f), 1);
	free(path);
	free(left);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_new_file_is_private_and_whole, setup, teardown),
		cmocka_unit_test_setup_teardown(test_replacing_keeps_the_mode, setup, teardown),
		cmocka_unit_test_setup_teardown(test_abort_leaves_the_old_file, setup, teardown),
		cmocka_unit_test_setup_teardown(test_failed_commit_leaves_nothing, setup, teardown),
		cmocka_unit_test_setup_teardown(test_sweep_removes_only_leftovers, setup, teardown),
		cmocka_unit_test_setup_teardown(test_write_sweeps_its_leftovers, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
