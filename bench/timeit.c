/* timeit.c: run a command many times and report the median, min and max wall time and peak RSS. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define MAX_RUNS 100000

static int ignore_status; /* -i: a command that exits with 1 (nothing found) is not a failure */
/* -b: a shell command run before each run, not timed (a write before the
 * read that follows it: the agenda right after a task is added) */
static char *before;
/* -E NAME=FILE: the command runs with NAME set to FILE's first line, read
 * before each run (the -b command may change it: a new day each run) */
static char *env_name, *env_file;

static void usage(void)
{
	fprintf(stderr, "usage: timeit [-i] [-n RUNS] [-w WARMUP] [-b SHELL-COMMAND] [-E NAME=FILE]"
			" -- CMD ARGS...\n");
	exit(2);
}

/* In the child: NAME from FILE (-E). */
static void env_from_file(void)
{
	char value[256];
	FILE *f;

	if (!env_name)
		return;
	if (!(f = fopen(env_file, "r")) || !fgets(value, sizeof(value), f))
		_exit(126);
	fclose(f);
	value[strcspn(value, "\n")] = '\0';
	if (setenv(env_name, value, 1))
		_exit(126);
}

/* In the child: output to /dev/null, then the command. */
static void exec_child(char **argv)
{
	int fd = open("/dev/null", O_WRONLY);

	if (fd < 0 || dup2(fd, STDOUT_FILENO) < 0 || dup2(fd, STDERR_FILENO) < 0)
		_exit(126);
	if (fd > STDERR_FILENO)
		close(fd);
	execvp(argv[0], argv);
	_exit(127);
}

/* Run the -b command (its output to /dev/null); exits when it fails. */
static void run_before(void)
{
	static char sh[] = "/bin/sh", dash_c[] = "-c";
	char *argv[] = { sh, dash_c, before, NULL };
	int status;
	pid_t pid;

	if (!before)
		return;
	if ((pid = fork()) < 0) {
		fprintf(stderr, "timeit: cannot fork: %s\n", strerror(errno));
		exit(1);
	}
	if (pid == 0)
		exec_child(argv);
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			exit(1);
	if (!WIFEXITED(status) || WEXITSTATUS(status)) {
		fprintf(stderr, "timeit: the -b command failed: %s\n", before);
		exit(1);
	}
}

static long parse_count(const char *opt, const char *s, long min)
{
	char *end;
	long v;

	errno = 0;
	v = s ? strtol(s, &end, 10) : 0;
	if (!s || errno || *end || v < min || v > MAX_RUNS) {
		fprintf(stderr, "timeit: %s needs a number from %ld to %d\n", opt, min, MAX_RUNS);
		exit(2);
	}
	return v;
}

static double elapsed_ms(const struct timespec *a, const struct timespec *b)
{
	return (double)(b->tv_sec - a->tv_sec) * 1e3 + (double)(b->tv_nsec - a->tv_nsec) / 1e6;
}

/* One run (after the -b command): its wall time in ms, its peak RSS in KB;
 * exits when the command fails. */
static double run_once(char **argv, long *maxrss_kb)
{
	struct timespec t0, t1;
	struct rusage ru;
	int status;
	pid_t pid;

	run_before();
	clock_gettime(CLOCK_MONOTONIC, &t0);
	pid = fork();
	if (pid < 0) {
		fprintf(stderr, "timeit: cannot fork: %s\n", strerror(errno));
		exit(1);
	}
	if (pid == 0) {
		env_from_file();
		exec_child(argv);
	}
	while (wait4(pid, &status, 0, &ru) < 0) {
		if (errno != EINTR) {
			fprintf(stderr, "timeit: wait4: %s\n", strerror(errno));
			exit(1);
		}
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	if (!WIFEXITED(status) || WEXITSTATUS(status) > (ignore_status ? 1 : 0)) {
		fprintf(stderr, "timeit: '%s' failed (%s %d)\n", argv[0],
			WIFEXITED(status) ? "exit status" : "signal",
			WIFEXITED(status) ? WEXITSTATUS(status) : WTERMSIG(status));
		exit(1);
	}
	*maxrss_kb = ru.ru_maxrss;
	return elapsed_ms(&t0, &t1);
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

static double median(const double *sorted, long n)
{
	return n % 2 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
}

int main(int argc, char **argv)
{
	long runs = 30, warmup = 3, rss, peak = 0;
	double *ms;
	int i = 1;

	for (; i < argc && strcmp(argv[i], "--"); i++) {
		if (!strcmp(argv[i], "-i"))
			ignore_status = 1;
		else if (!strcmp(argv[i], "-n") && i + 1 < argc)
			runs = parse_count("-n", argv[++i], 1);
		else if (!strcmp(argv[i], "-w") && i + 1 < argc)
			warmup = parse_count("-w", argv[++i], 0);
		else if (!strcmp(argv[i], "-b") && i + 1 < argc)
			before = argv[++i];
		else if (!strcmp(argv[i], "-E") && i + 1 < argc && strchr(argv[i + 1], '=')) {
			env_name = argv[++i];
			env_file = strchr(env_name, '=');
			*env_file++ = '\0';
		}
		else
			usage();
	}
	if (i + 1 >= argc)
		usage();
	argv += i + 1;
	for (long k = 0; k < warmup; k++)
		run_once(argv, &rss);
	ms = malloc((size_t)runs * sizeof(*ms));
	if (!ms)
		return 1;
	for (long k = 0; k < runs; k++) {
		ms[k] = run_once(argv, &rss);
		if (rss > peak)
			peak = rss;
	}
	qsort(ms, (size_t)runs, sizeof(*ms), cmp_double);
	printf("median %.2f ms  min %.2f  max %.2f  (%ld runs)\n", median(ms, runs), ms[0],
	       ms[runs - 1], runs);
	printf("maxrss %ld KB\n", peak);
	free(ms);
	return 0;
}
