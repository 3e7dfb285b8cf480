#!/bin/sh
# Dates on the web pages carry their year when it is not this year's
# ("Sun 3 Mar 2024"), and read as before in this year (issue 16).
. "$(dirname "$0")/test-lib.sh"

test_expect_success 'set-up: an interaction in 2024, one this year, a task next year' '
	rapport person add "Dana Boss" >/dev/null &&
	rapport log call "An old call" --with Dana --at 2024-03-03T10:00 >/dev/null &&
	rapport log call "A recent call" --with Dana --at 2026-02-26 >/dev/null &&
	rapport task add "Next year" --with Dana --due 2027-01-05 >/dev/null
'

test_expect_success 'the person page: the year on dates of other years only' '
	serve_start &&
	http GET /people/1 >page &&
	test "$(head -1 page)" = 200 &&
	grep -q "<time datetime=\"2024-03-03T10:00\">Sun 3 Mar 2024 10:00</time>" page &&
	grep -q "<time datetime=\"2026-02-26\">Thu 26 Feb</time>" page &&
	grep -q "<time datetime=\"2027-01-05\">Tue 5 Jan 2027</time>" page &&
	serve_stop
'

test_done
