# dovecot-lib.sh: a real IMAP server for the mail tests (dovecot, started
# as whoever runs the tests, on free loopback ports, with a config, a
# passwd-file user "seeker", a self-signed certificate and a Maildir in
# $DV). A script sets DV and PASSWORD, defines `mailboxes` (it fills
# $DV/mail/seeker/Maildir) and sources this file after test-lib.sh (its
# exit trap stops the server). The folder named $DRAFTS (default
# "Drafts") is flagged \Drafts, "Sent Items" \Sent. $DV_AUTH, when set,
# is added to the configuration after the passwd-file passdb (another
# passdb and auth_mechanisms: t2560's OAuth2).
IMAP_DO=$TEST_ROOT/cli/imap-do.py
DRAFTS=${DRAFTS:-Drafts}

# dovecot_stop: stop the server and wait until it is gone (also on exit,
# whatever happened: the trap below).
dovecot_stop() {
	[ -s "$DV/run/master.pid" ] || return 0
	_pid=$(cat "$DV/run/master.pid")
	kill "$_pid" 2>/dev/null
	for _i in $(seq 100); do
		kill -0 "$_pid" 2>/dev/null || break
		sleep 0.05
	done
	rm -f "$DV/run/master.pid"
}
trap 'dovecot_stop; [ -n "$serve_pid" ] && kill "$serve_pid" 2>/dev/null; rm -rf "$TEST_DIR"' EXIT

# maildir_folders FOLDER...: empty folders of the account's Maildir, for
# `mailboxes` ("" is INBOX, ".Drafts" a folder named Drafts).
maildir_folders() {
	for _f in "$@"; do
		mkdir -p "$DV/mail/seeker/Maildir$_f/cur" "$DV/mail/seeker/Maildir$_f/new" \
			"$DV/mail/seeker/Maildir$_f/tmp" || return 1
	done
}

free_port() {
	python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

dovecot_start() {
	mkdir -p "$DV/run" "$DV/log" "$DV/mail" &&
	openssl req -x509 -newkey rsa:2048 -nodes -keyout "$DV/key.pem" -out "$DV/cert.pem" \
		-days 2 -subj /CN=localhost -addext subjectAltName=DNS:localhost,IP:127.0.0.1 \
		2>/dev/null &&
	echo "seeker:{PLAIN}$PASSWORD::::::" >"$DV/passwd" &&
	echo "$PASSWORD" >"$DV/secret" && echo "not-$PASSWORD" >"$DV/wrong" &&
	IMAP_PORT=$(free_port) && IMAPS_PORT=$(free_port) &&
	mailboxes || return 1
	if [ "$(id -u)" -eq 0 ]; then
		# root: dovecot's own users, as a system's dovecot runs
		_users="default_internal_user = dovecot
default_login_user = dovenull"
		_uid=dovecot _gid=dovecot
		_chroot=
		chmod 711 "$TEST_DIR" && chown -R dovecot:dovecot "$DV/mail" || return 1
	else
		# anyone else: all of dovecot runs as them, chroot and groups too
		_users="default_internal_user = $(id -un)
default_internal_group = $(id -gn)
default_login_user = $(id -un)"
		_uid=$(id -u) _gid=$(id -g)
		_chroot="service anvil {
  chroot =
}
service imap-login {
  chroot =
}"
	fi
	cat >"$DV/dovecot.conf" <<-EOF
	base_dir = $DV/run
	state_dir = $DV/run/state
	log_path = $DV/log/dovecot.log
	protocols = imap
	listen = 127.0.0.1
	ssl = yes
	ssl_cert = <$DV/cert.pem
	ssl_key = <$DV/key.pem
	disable_plaintext_auth = no
	auth_failure_delay = 0
	$_users
	first_valid_uid = 1
	passdb {
	  driver = passwd-file
	  args = scheme=PLAIN $DV/passwd
	}
	${DV_AUTH:-}
	userdb {
	  driver = static
	  args = uid=$_uid gid=$_gid home=$DV/mail/%u
	}
	mail_location = maildir:~/Maildir
	namespace inbox {
	  inbox = yes
	  separator = /
	  mailbox "Sent Items" {
	    special_use = \Sent
	  }
	  mailbox "$DRAFTS" {
	    special_use = \Drafts
	  }
	}
	$_chroot
	service imap-login {
	  inet_listener imap {
	    address = 127.0.0.1
	    port = $IMAP_PORT
	  }
	  inet_listener imaps {
	    address = 127.0.0.1
	    port = $IMAPS_PORT
	  }
	}
	EOF
	dovecot -c "$DV/dovecot.conf" || return 1
	for _i in $(seq 100); do
		python3 -c 'import socket, sys; socket.create_connection(("127.0.0.1", int(sys.argv[1])), 1)' \
			"$IMAPS_PORT" 2>/dev/null && return 0
		sleep 0.05
	done
	cat "$DV/log/dovecot.log" >&2
	return 1
}

imap_do() {
	python3 "$IMAP_DO" "$IMAP_PORT" seeker "$PASSWORD" "$@"
}

