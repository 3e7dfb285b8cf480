#!/bin/sh
# CLI tables align by display width, not bytes: accented, decomposed and
# East Asian wide names keep the next column in place (issue 16).
. "$(dirname "$0")/test-lib.sh"

test_expect_success 'set-up: people with accented, decomposed and wide names' '
	rapport opp add "Contoso" "Analyst" >/dev/null &&
	rapport person add "Zoë Ångström" >/dev/null &&
	rapport person add "$(printf "Jose\314\201 Nun\314\203ez")" >/dev/null &&
	rapport person add "山田太郎" >/dev/null &&
	rapport person add "Plain Name" >/dev/null &&
	for p in "Zoë" Jos 山田 Plain; do
		rapport opp link contoso-analyst "$p" --role peer || return 1
	done
'

test_expect_success 'opp show: the role column lines up' '
	rapport opp show contoso-analyst >out &&
	columns_at " peer" out >cols &&
	test_eq "$(wc -l <cols)" 4 &&
	test_eq "$(sort -u cols | wc -l)" 1
'

test_done
