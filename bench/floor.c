/* floor.c: the least a process can do for the agenda: open the file, run its one query. */
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>

#include "core/date.h"

/* The agenda's query, as in src/store/task.c (TASK_SELECT + SQL_TASKS_DUE_BEFORE),
 * prepared once and stepped once through. bench/compare checks that it is the
 * statement `rapport agenda` prepares, with the statement `floor --sql` prints. */
static const char SQL_AGENDA[] =
	"SELECT t.id, t.title, t.kind, t.due, t.status, t.person_id, pe.name, t.opp_id,"
	" op.slug, op.title, o.name, o.id, t.origin, t.why, t.created_at, t.done_at, t.template,"
	" op.stage, ifnull(pe.rapport, -1), t.feedback_id FROM task t"
	" LEFT JOIN person pe ON pe.id = t.person_id"
	" LEFT JOIN opportunity op ON op.id = t.opp_id"
	" LEFT JOIN organisation o ON o.id = op.org_id"
	" WHERE t.status = 'open' AND t.due < ?1 AND (t.shown_on IS NULL OR t.shown_on <= ?2"
	" OR t.status <> 'open') ORDER BY t.due, t.shown_on, t.id";

/* Today, and today + 8 days (the agenda's default 7 days, exclusive), as
 * "YYYY-MM-DD": a task made ahead is shown from its day on. */
static int agenda_days(char today[DATE_BUFSZ], char until[DATE_BUFSZ])
{
	struct error err = ERROR_INIT;
	struct datetime now;

	if (date_now(&now, &err)) {
		fprintf(stderr, "floor: %s\n", err.msg);
		return -1;
	}
	date_format_day(&now, today);
	date_add_days(&now, 8);
	date_format_day(&now, until);
	return 0;
}

/* Step through every row, touching each column as a caller would. */
static int run_query(sqlite3 *db, const char *today, const char *until, long *rows)
{
	sqlite3_stmt *st;
	int rc;

	if (sqlite3_prepare_v2(db, SQL_AGENDA, -1, &st, NULL) != SQLITE_OK)
		return SQLITE_ERROR;
	sqlite3_bind_text(st, 1, until, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, today, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		for (int i = 0; i < sqlite3_column_count(st); i++)
			(void)sqlite3_column_text(st, i);
		(*rows)++;
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

int main(int argc, char **argv)
{
	char today[DATE_BUFSZ], until[DATE_BUFSZ];
	sqlite3 *db = NULL;
	long rows = 0;
	int rc;

	if (argc != 2) {
		fprintf(stderr, "usage: floor PATH | floor --sql\n");
		return 2;
	}
	if (!strcmp(argv[1], "--sql")) {
		puts(SQL_AGENDA); /* what bench/compare looks for in rapport's statements */
		return 0;
	}
	if (agenda_days(today, until))
		return 1;
	rc = sqlite3_open_v2(argv[1], &db, SQLITE_OPEN_READWRITE, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_busy_timeout(db, 10000);
	if (rc == SQLITE_OK)
		rc = run_query(db, today, until, &rows);
	if (rc != SQLITE_OK) {
		fprintf(stderr, "floor: %s: %s\n", argv[1],
			db ? sqlite3_errmsg(db) : "out of memory");
		sqlite3_close(db);
		return 1;
	}
	sqlite3_close(db);
	printf("%ld rows due before %s\n", rows, until);
	return 0;
}
