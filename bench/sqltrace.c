/* sqltrace.c: an LD_PRELOAD library that logs every statement a process prepares and runs. */
/*
 * Built by bench/compare as $BUILD/bench/sqltrace.so (not by make: it is a
 * shared object, not a program):
 *
 *     SQLTRACE=/tmp/log LD_PRELOAD=build/bench/sqltrace.so build/rapport agenda
 *
 * appends to the file named by SQLTRACE one tab-separated line per event:
 *
 *     P  <sql>        a statement prepared (sqlite3_prepare_v2 or _v3)
 *     X  <sql>        an sqlite3_exec (its statements are not prepared here)
 *     R  <ns> <sql>   a statement that ran to its end or reset, with SQLite's
 *                     own estimate of its run time (SQLITE_TRACE_PROFILE);
 *                     statements run by triggers are part of their statement
 *
 * so that bench/compare can list the statements behind a command, how often
 * each was prepared (twice is a waste) and what each cost, and ask SQLite for
 * the plan of each (EXPLAIN QUERY PLAN). Newlines and tabs in SQL become
 * spaces. The log is opened once, appended to with one write() a line, and is
 * safe with the web server's threads (each line is one write to an O_APPEND
 * file).
 */
#include <dlfcn.h>
#include <fcntl.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int log_fd = -2;

static void log_open(void)
{
	const char *path;

	if (log_fd != -2)
		return;
	path = getenv("SQLTRACE");
	log_fd = path && *path ? open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644) : -1;
}

/* One line: TAG, an optional number, the SQL with its whitespace flattened. */
static void log_line(char tag, long long ns, const char *sql)
{
	char buf[8192];
	size_t n;
	int k;

	log_open();
	if (log_fd < 0 || !sql)
		return;
	k = ns >= 0 ? snprintf(buf, sizeof(buf), "%c\t%lld\t", tag, ns)
		    : snprintf(buf, sizeof(buf), "%c\t", tag);
	if (k < 0)
		return;
	n = (size_t)k;
	for (const char *p = sql; *p && n < sizeof(buf) - 2; p++)
		buf[n++] = (*p == '\n' || *p == '\t' || *p == '\r') ? ' ' : *p;
	buf[n++] = '\n';
	if (write(log_fd, buf, n) < 0)
		return;
}

static int on_trace(unsigned type, void *ctx, void *p, void *x)
{
	(void)ctx;
	if (type == SQLITE_TRACE_PROFILE)
		log_line('R', (long long)*(sqlite3_int64 *)x, sqlite3_sql((sqlite3_stmt *)p));
	return 0;
}

static void *real(const char *name)
{
	void *f = dlsym(RTLD_NEXT, name);

	if (!f) {
		fprintf(stderr, "sqltrace: no %s\n", name);
		abort();
	}
	return f;
}

int sqlite3_open_v2(const char *path, sqlite3 **db, int flags, const char *vfs)
{
	int (*f)(const char *, sqlite3 **, int, const char *) =
		(int (*)(const char *, sqlite3 **, int, const char *))real("sqlite3_open_v2");
	int rc = f(path, db, flags, vfs);

	if (rc == SQLITE_OK && *db)
		sqlite3_trace_v2(*db, SQLITE_TRACE_PROFILE, on_trace, NULL);
	return rc;
}

int sqlite3_prepare_v2(sqlite3 *db, const char *sql, int n, sqlite3_stmt **st, const char **tail)
{
	int (*f)(sqlite3 *, const char *, int, sqlite3_stmt **, const char **) =
		(int (*)(sqlite3 *, const char *, int, sqlite3_stmt **, const char **))real(
			"sqlite3_prepare_v2");
	int rc = f(db, sql, n, st, tail);

	if (rc == SQLITE_OK && *st)
		log_line('P', -1, sqlite3_sql(*st));
	return rc;
}

int sqlite3_prepare_v3(sqlite3 *db, const char *sql, int n, unsigned flags, sqlite3_stmt **st,
		       const char **tail)
{
	int (*f)(sqlite3 *, const char *, int, unsigned, sqlite3_stmt **, const char **) =
		(int (*)(sqlite3 *, const char *, int, unsigned, sqlite3_stmt **,
			 const char **))real("sqlite3_prepare_v3");
	int rc = f(db, sql, n, flags, st, tail);

	if (rc == SQLITE_OK && *st)
		log_line('P', -1, sqlite3_sql(*st));
	return rc;
}

int sqlite3_exec(sqlite3 *db, const char *sql, int (*cb)(void *, int, char **, char **), void *arg,
		 char **errmsg)
{
	int (*f)(sqlite3 *, const char *, int (*)(void *, int, char **, char **), void *,
		 char **) = (int (*)(sqlite3 *, const char *, int (*)(void *, int, char **, char **),
				     void *, char **))real("sqlite3_exec");

	log_line('X', -1, sql);
	return f(db, sql, cb, arg, errmsg);
}
