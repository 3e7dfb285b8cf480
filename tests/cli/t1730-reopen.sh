#!/bin/sh
# Reopening a done or skipped task (issue 16): a done contact task takes
# back the interaction it logged, and the person's last contact is what it
# was; a skipped one just opens; an open one is refused; the web's Reopen
# button on the task's page does the same.
. "$(dirname "$0")/test-lib.sh"

test_expect_success 'setup: a person last spoken to in February' '
	disable_playbooks &&
	rapport person add "Data Recruiter" --org Acme >/dev/null &&
	rapport log call "February pelican call" --with Recruiter --at 2026-02-10 >/dev/null &&
	rapport task add "Write to Recruiter" --kind email --with Recruiter >/dev/null &&
	rapport task add "Read the report" --kind review >/dev/null &&
	rapport --json person show Recruiter >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" jv_eq last_contact 2026-02-10
'

test_expect_success 'reopening an open task is refused, nothing written' '
	before=$(db_digest) &&
	test_must_fail 1 rapport task reopen 1 &&
	test_stderr_contains "open already" &&
	test_must_fail 1 rapport task reopen 99 &&
	test_must_fail 1 rapport task reopen x &&
	test_eq "$(db_digest)" "$before"
'

test_expect_success 'done logs the contact; reopen takes it back with the last contact' '
	rapport task done 1 >/dev/null &&
	rapport --json person show Recruiter >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" jv_eq last_contact 2026-03-02 interactions.# 2 &&
	rapport search "Write to Recruiter" >s && grep -q "^interaction" s &&
	rapport --json task reopen 1 >out &&
	jv_eq reopened 1 was done <out &&
	test "$(jv contact_removed <out)" != 0 &&
	rapport --json person show Recruiter >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" jv_eq last_contact 2026-02-10 interactions.# 1 &&
	rapport --json task list >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" jv_eq 0.id 1 0.status open 0.done_at None &&
	rapport search "Write to Recruiter" >s && ! grep -q "^interaction" s
'

test_expect_success 'done with --no-log logs nothing, and reopen removes nothing' '
	rapport task done 1 --no-log >/dev/null &&
	rapport --json task reopen 1 >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" jv_eq contact_removed 0 &&
	rapport --json person show Recruiter >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" jv_eq interactions.# 1
'

test_expect_success 'a skipped task reopens' '
	rapport task skip 2 >/dev/null &&
	rapport task reopen 2 >out && grep -q "reopened task 2 (it was skipped)" out &&
	rapport --json task list >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" jv_eq "#" 2
'

serve_start

test_expect_success 'web: a done task page has Reopen; its POST reopens and takes the contact back' '
	rapport task done 1 >/dev/null &&
	http GET /tasks/1/draft >page &&
	grep -qF "action=\"/tasks/1/reopen\"" page &&
	http POST /tasks/1/reopen >resp &&
	test "$(head -1 resp)" = 303 && grep -q "^Location: /tasks/1/draft$" resp &&
	rapport --json person show Recruiter >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" jv_eq last_contact 2026-02-10 interactions.# 1 &&
	before=$(db_digest) &&
	test "$(http_status POST /tasks/1/reopen)" = 409 &&
	test "$(http_status POST /tasks/99/reopen)" = 404 &&
	test_eq "$(db_digest)" "$before"
'

serve_stop && stopped=yes
test_expect_success 'web: the server stops cleanly' '
	test "$stopped" = yes
'

test_done
