# smtp-lib.sh: real SMTP receivers for the mail tests (aiosmtpd, through
# tests/cli/smtp-sink.py), each keeping what it takes in $TEST_DIR/NAME. A
# script sources this file after dovecot-lib.sh (its PASSWORD and the
# user "seeker" sign in) and adds "$sink_pids" to its exit trap.
SINK=$TEST_ROOT/cli/smtp-sink.py
sink_pids=

# sink_start NAME PORT [CERT KEY]: an SMTP server keeping what it gets in
# $TEST_DIR/NAME (STARTTLS with CERT and KEY when given), once it listens.
sink_start() {
	mkdir -p "$TEST_DIR/$1" &&
	/usr/bin/python3 "$SINK" "$2" "$TEST_DIR/$1" seeker "$PASSWORD" ${3:+"$3" "$4"} \
		>"$TEST_DIR/$1.log" 2>&1 &
	sink_pids="$sink_pids $!"
	for _i in $(seq 100); do
		[ -e "$TEST_DIR/$1/ready" ] && return 0
		sleep 0.05
	done
	cat "$TEST_DIR/$1.log" >&2
	return 1
}

# received NAME: how many messages that server has taken.
received() {
	ls "$TEST_DIR/$1" | grep -c '\.eml$'
}
