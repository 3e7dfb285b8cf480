#!/bin/sh
# The user units under systemd's own tools (issue 21): systemd-analyze finds
# nothing to say about data/systemd's rapport.socket and rapport.service as
# make install writes them, and serve started by systemd-socket-activate
# (systemd's implementation of socket activation, the one a user session
# runs) answers on the socket it was handed. t3110 covers the rest of the
# protocol with a stand-in that can also restart the service.
. "$(dirname "$0")/test-lib.sh"

units() { # the units as make install writes them, for this build
	sed "s|@BINDIR@|$(dirname "$RAPPORT")|" "$TEST_ROOT/../data/systemd/rapport.service" \
		>rapport.service &&
	cp "$TEST_ROOT/../data/systemd/rapport.socket" rapport.socket
}

if command -v systemd-analyze >/dev/null 2>&1; then
	test_expect_success 'systemd-analyze verify: the units are clean' '
		units &&
		systemd-analyze verify --man=no ./rapport.socket ./rapport.service \
			>"$TEST_DIR/verify" 2>&1 &&
		test ! -s "$TEST_DIR/verify" || { cat "$TEST_DIR/verify"; return 1; }
	'

	test_expect_success 'systemd-analyze verify would catch a mistyped key' '
		units &&
		sed -i "s/^ProtectSystem=/ProtectSystm=/" rapport.service &&
		systemd-analyze verify --man=no ./rapport.socket ./rapport.service \
			>"$TEST_DIR/verify" 2>&1;
		grep -q "Unknown key" "$TEST_DIR/verify"
	'
else
	echo "# skipped systemd-analyze: not installed (sh scripts/install-deps --deb)"
fi

free_port() {
	command python3 -c 'import socket
s = socket.socket()
s.bind(("127.0.0.1", 0))
print(s.getsockname()[1])'
}

if command -v systemd-socket-activate >/dev/null 2>&1; then
	rapport person add "Hiring Manager" >/dev/null
	PORT=$(free_port)
	systemd-socket-activate -l "127.0.0.1:$PORT" -E XDG_RUNTIME_DIR -E HOME -E RAPPORT_DB \
		"$RAPPORT" serve --idle-exit 30 >"$TEST_DIR/.serve.out" 2>"$TEST_DIR/.serve.err" &
	serve_pid=$!

	test_pg_not_yet "socket activation is tested on SQLite's file"
	test_expect_success 'systemd-socket-activate: the first connection starts serve on its socket' '
		for _i in $(seq 100); do
			grep -q "Listening on" "$TEST_DIR/.serve.err" && break
			sleep 0.05
		done &&
		curl -s -o /dev/null -w "%{http_code}" "http://127.0.0.1:$PORT/" >code &&
		test_eq "$(cat code)" 401 &&
		for _i in $(seq 100); do
			rapport serve --url >url 2>/dev/null && break
			sleep 0.05
		done &&
		grep -qx "http://127.0.0.1:$PORT/?key=[0-9a-f]\{64\}" url
	'

	test_pg_not_yet "socket activation is tested on SQLite's file"
	test_expect_success 'systemd-socket-activate: signed in with the key, the page is there' '
		curl -s -c jar -b jar -L "$(cat url)" -o /dev/null &&
		curl -s -b jar -w "%{http_code}" -o page "http://127.0.0.1:$PORT/people" >code &&
		test_eq "$(cat code)" 200 &&
		grep -q "Hiring Manager" page
	'
	kill "$serve_pid" 2>/dev/null
	wait "$serve_pid" 2>/dev/null
	serve_pid=
else
	echo "# skipped systemd-socket-activate: not installed (sh scripts/install-deps --deb)"
fi

test_done
