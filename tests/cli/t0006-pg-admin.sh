#!/bin/sh
# rapport admin (issue 20): a practice's accounts on its PostgreSQL
# database, in a throwaway cluster (tests/pg/cluster): coaches, one-time
# links kept only as their SHA-256, the list, disabling; did-you-mean for
# typos; a clear refusal on one person's SQLite file, which is not created.
. "$(dirname "$0")/../pg/in-cluster"
. "$(dirname "$0")/test-lib.sh"

createdb practice || exit 1
export RAPPORT_DB=postgresql:///practice
export RAPPORT_NOW=2026-03-02T09:00:00Z
sql() { psql -X -tA -d practice -c "$1"; }

test_expect_success 'coach add makes an invited coach and prints a one-time link' '
	rapport admin coach add Head.Coach@Example.org --url https://rapport.example.org/ \
		>"$TEST_DIR/.rp" &&
	grep -q "head.coach@example.org (coach), until 2026-03-09" "$TEST_DIR/.rp" &&
	grep -q "^https://rapport.example.org/welcome?t=[0-9a-f]\{64\}$" "$TEST_DIR/.rp" &&
	test "$(sql "SELECT email || role FROM account")" = "head.coach@example.orgcoach"
'

test_expect_success 'the link is stored only as its SHA-256' '
	token=$(sed -n "s/.*?t=//p" "$TEST_DIR/.rp") &&
	digest=$(printf %s "$token" | sha256sum | cut -d" " -f1) &&
	test "$(sql "SELECT count(*) FROM account_invitation WHERE token_hash = '"'"'$digest'"'"'")" = 1 &&
	pg_dump -d practice >dump.sql &&
	! grep -q "$token" dump.sql
'

test_expect_success 'invite: a client by default, another role and expiry when asked' '
	rapport admin invite seeker@example.org >"$TEST_DIR/.rp" &&
	grep -q "seeker@example.org (client), until 2026-03-09T09:00:00" "$TEST_DIR/.rp" &&
	rapport --json admin invite second.coach@example.org --role coach --expires 12h \
		>"$TEST_DIR/.rp" &&
	grep -q "\"role\": \"coach\"" "$TEST_DIR/.rp" &&
	grep -q "\"expires\": \"2026-03-02T21:00:00+00:00\"" "$TEST_DIR/.rp" &&
	grep -q "\"link\": \"http://127.0.0.1:8080/welcome?t=[0-9a-f]\{64\}\"" "$TEST_DIR/.rp"
'

test_expect_success 'an address with an account is not invited again; a bad role, address or time is refused' '
	! rapport admin invite HEAD.COACH@example.org 2>err &&
	grep -q "has an account already" err &&
	! rapport admin invite a@example.org --role boss 2>err && grep -q "not a role" err &&
	! rapport admin invite not-an-address 2>err && grep -q "not an e-mail address" err &&
	! rapport admin invite a@example.org --expires 7y 2>err && grep -q "not a duration" err
'

test_expect_success 'list and --json list' '
	rapport admin list >"$TEST_DIR/.rp" &&
	grep -q "head.coach@example.org *coach *invited" "$TEST_DIR/.rp" &&
	rapport --json admin list >"$TEST_DIR/.rp" &&
	grep -q "\"state\": \"invited\"" "$TEST_DIR/.rp"
'

test_expect_success 'reset-password prints a link; disable ends the account and its sessions' '
	rapport admin reset-password head.coach@example.org --expires 1h >"$TEST_DIR/.rp" &&
	grep -q "until 2026-03-02T10:00:00" "$TEST_DIR/.rp" &&
	id=$(sql "SELECT id FROM account") &&
	sql "INSERT INTO account_session VALUES (repeat('"'"'a'"'"', 64), $id, '"'"'x'"'"', '"'"'x'"'"', '"'"'z'"'"')" &&
	rapport admin disable head.coach@example.org >"$TEST_DIR/.rp" &&
	grep -q "^disabled head.coach@example.org" "$TEST_DIR/.rp" &&
	test "$(sql "SELECT count(*) FROM account_session")" = 0 &&
	rapport admin list >"$TEST_DIR/.rp" && grep -q "coach *disabled" "$TEST_DIR/.rp" &&
	! rapport admin disable head.coach@example.org 2>err && grep -q "disabled already" err &&
	! rapport admin reset-password head.coach@example.org 2>err && grep -q "is disabled" err &&
	! rapport admin disable nobody@example.org 2>err && grep -q "no account has" err
'

test_expect_success 'typos: did you mean, and the coach verb' '
	! rapport admin invte x 2>err && grep -q "did you mean .admin invite." err &&
	! rapport admin coach ad x@example.org 2>err && grep -q "admin coach add EMAIL" err
'

test_expect_success "one person's SQLite file has no accounts, and none is created" '
	! rapport --db "$TEST_DIR/mine.db" admin list 2>err &&
	grep -q "accounts belong to a practice" err &&
	! test -e "$TEST_DIR/mine.db"
'

test_expect_success 'the practice tables have a version of their own beside the store schema' '
	# seven migrations: accounts, walls, coaches, indexes, bulk writes,
	# versions per account, the server'"'"'s role without the coach'"'"'s policy
	test "$(sql "SELECT version FROM rapport_practice_schema")" = 7 &&
	rapport admin list >/dev/null &&
	test "$(sql "SELECT count(*) FROM rapport_practice_schema")" = 1
'

# A client's queries run under the policies (account_id = the setting):
# an index that does not start with account_id would serve them every
# account's rows (issue 20's Scale benchmark: bench/practice).
test_expect_success 'every index of an account table but the full-text one starts with account_id' '
	sql "SELECT i.indexrelid::regclass FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid
		JOIN pg_class x ON x.oid = i.indexrelid JOIN pg_am am ON am.oid = x.relam
		WHERE t.relnamespace = current_schema()::regnamespace AND am.amname = '"'"'btree'"'"'
		AND EXISTS (SELECT FROM pg_attribute a WHERE a.attrelid = t.oid
			AND a.attname = '"'"'account_id'"'"')
		AND pg_get_indexdef(i.indexrelid, 1, true) <> '"'"'account_id'"'"'
		AND NOT i.indisunique" >"$TEST_DIR/.rp" &&
	! test -s "$TEST_DIR/.rp"
'

test_done
