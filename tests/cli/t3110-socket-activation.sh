#!/bin/sh
# The web UI as a systemd user service (data/systemd/rapport.socket): serve
# takes the listening socket systemd passes (LISTEN_FDS, fd 3), reports its
# address, stops after --idle-exit without a request (removing its address
# file), keeps its key and session across the restarts the socket brings,
# and refuses a socket beyond loopback without a password, as --listen does.
# tests/cli/socket-activate.py does what systemd does.
. "$(dirname "$0")/test-lib.sh"

rapport person add "Hiring Manager" --email hm@example.org >/dev/null

# activate ADDRESS ARG...: serve on a socket bound to ADDRESS (port 0),
# started again on each connection; $PORT is its port, $serve_pid the stand-in's.
activate() {
	_addr=$1
	shift
	rm -f "$TEST_DIR/port" "$TEST_DIR/port.exits"
	command python3 "$TEST_ROOT/cli/socket-activate.py" "$_addr" "$TEST_DIR/port" "$RAPPORT" serve "$@" \
		>"$TEST_DIR/.serve.out" 2>"$TEST_DIR/.serve.err" &
	serve_pid=$!
	for _i in $(seq 200); do
		[ -s "$TEST_DIR/port" ] && break
		sleep 0.05
	done
	PORT=$(cat "$TEST_DIR/port")
}

# wait_for COMMAND...: until COMMAND succeeds (10 s at most).
wait_for() {
	for _i in $(seq 200); do
		"$@" && return 0
		sleep 0.05
	done
	return 1
}

keyfile_exists() {
	ls "$XDG_RUNTIME_DIR"/rapport/serve-* >/dev/null 2>&1
}

exited() {
	grep -q . "$TEST_DIR/port.exits" 2>/dev/null
}

activate 127.0.0.1 --idle-exit 3s
test_expect_success 'serve takes the socket systemd passed; serve --url prints its address' '
	wait_for keyfile_exists &&
	rapport serve --url >url &&
	grep -qx "http://127.0.0.1:$PORT/?key=[0-9a-f]\{64\}" url &&
	grep -qF "on $(cat url) " "$TEST_DIR/.serve.out"
'

WEB="http://127.0.0.1:$PORT"
WEB_KEY=$(sed -n "s|.*?key=||p" url)
export WEB WEB_KEY WEB_JAR="$TEST_DIR/.jar"
test_expect_success 'a request through that socket signs in with the key, and gets its page' '
	http GET /people >resp &&
	test "$(head -1 resp)" = 200 &&
	grep -q "Hiring Manager" resp
'

test_expect_success 'requests keep it up: idle time counts from the last one' '
	for i in 1 2 3 4 5; do
		test "$(http_status GET /)" = 200 || return 1
		sleep 1
	done &&
	! exited && keyfile_exists
'

test_expect_success '--idle-exit: after that time without a request it stops cleanly, its address file removed' '
	wait_for exited &&
	test "$(cat "$TEST_DIR/port.exits")" = 0 &&
	grep -q "stopped after 3 s without a request" "$TEST_DIR/.serve.err" &&
	! keyfile_exists
'

test_expect_success 'the key is kept for the socket: 0600, in the runtime folder' '
	f=$(ls "$XDG_RUNTIME_DIR"/rapport/socket-*) &&
	test "$(stat -c %a "$f")" = 600 &&
	grep -qx "$WEB/?key=$WEB_KEY" "$f"
'

test_expect_success 'while it sleeps, serve --url prints the same address (and its connection starts it)' '
	rapport serve --url >url2 &&
	test_cmp url url2 &&
	wait_for keyfile_exists
'

test_expect_success 'started again on the same socket, the session cookie and the key still sign in' '
	test "$(http_status GET /people)" = 200 &&
	test "$(http_status POST /people name="Data Recruiter")" = 303 &&
	rm -f "$WEB_JAR" &&
	test "$(http_status GET /people)" = 200
'

# stop_activated: SIGTERM to the stand-in, which passes it on to rapport.
stop_activated() {
	kill "$serve_pid" && wait "$serve_pid"
	serve_pid=
}

stop_activated
test_expect_success 'SIGTERM (systemctl stop) stops it cleanly: exit 0, address file removed' '
	test "$(tail -1 "$TEST_DIR/port.exits")" = 0 &&
	! keyfile_exists
'

activate 0.0.0.0
test_expect_success 'a socket beyond loopback without a password is refused' '
	wait_for exited &&
	test "$(cat "$TEST_DIR/port.exits")" = 1 &&
	grep -q "^rapport: the socket from systemd on 0.0.0.0:$PORT reaches other machines: set a password first" \
		"$TEST_DIR/.serve.err" &&
	! keyfile_exists
'
stop_activated

activate 127.0.0.1 --listen 127.0.0.1:0
test_expect_success '--listen with a socket from systemd is an error' '
	wait_for exited &&
	test "$(cat "$TEST_DIR/port.exits")" = 1 &&
	grep -q "^rapport: --listen 127.0.0.1:0: the socket to listen on came from systemd" \
		"$TEST_DIR/.serve.err"
'
stop_activated

printf "a correct horse\n" >pw && rapport config web.password <pw >/dev/null
activate 0.0.0.0
test_expect_success 'with a password, a socket beyond loopback is served (with the warning)' '
	wait_for keyfile_exists &&
	grep -q "listening on 0.0.0.0:$PORT, beyond this machine" "$TEST_DIR/.serve.err"
'
stop_activated

test_expect_success '--idle-exit takes minutes: 1 to a week' '
	test_must_fail 1 rapport serve --idle-exit 0 &&
	test_stderr_contains "--idle-exit must be between 1 and 10080" &&
	test_must_fail 1 rapport serve --idle-exit soon &&
	test_stderr_contains "--idle-exit must be a whole number"
'

test_done
