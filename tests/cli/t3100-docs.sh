#!/bin/sh
# The manual pages and the shell completions (issue 21), written by
# 'rapport doc' from the command tables: every command, subcommand and
# option that 'rapport help' prints is in the pages and offered by the
# bash, zsh and fish completions; the pages pass groff's warnings and
# lexgrog; the completions offer stages, kinds and the names of existing
# records from 'rapport complete', which never creates a database.
. "$(dirname "$0")/test-lib.sh"

BUILD_DIR=$(dirname "$RAPPORT")
BIN_DIR="$TEST_DIR/bin" # 'rapport' on the PATH, as the scripts call it
mkdir -p "$BIN_DIR" && ln -s "$RAPPORT" "$BIN_DIR/rapport"
PATH="$BIN_DIR:$PATH"
export PATH

# GROUP|SUBCOMMAND|OPTION lines (SUBCOMMAND empty for a group's only
# command, OPTION empty for a command without options), from the help.
help_commands() {
	rapport help >"$TEST_DIR/.rp" &&
	awk '/^commands:/ { f = 1; next } f && /^  [a-z]/ && $1 != "help" { print $1 }' \
		"$TEST_DIR/.rp" >groups &&
	while read -r g; do
		rapport help "$g" >"$TEST_DIR/.rp" || return 1
		awk -v g="$g" '
			/^usage: rapport / { s = ($4 ~ /^[a-z]/) ? $4 : ""; print g "|" s "|"; next }
			/^  (-[a-z], )?--[a-z]/ { o = $1; if (o ~ /^-[a-z],$/) o = $2; print g "|" s "|" o }
		' "$TEST_DIR/.rp" || return 1
	done <groups
}

test_expect_success 'set-up: the commands and options help lists; the pages and scripts' '
	help_commands >commands &&
	test "$(wc -l <groups)" -gt 20 &&
	grep -qx "opp|move|" commands &&
	grep -qx "opp|add|--stage" commands &&
	grep -qx "agenda||--days" commands &&
	mkdir man &&
	rapport doc pages >pages &&
	while read -r page; do rapport doc man "$page" >"man/$page" || return 1; done <pages &&
	rapport doc completion bash >rapport.bash &&
	rapport doc completion zsh >_rapport &&
	rapport doc completion fish >rapport.fish
'

test_expect_success 'the pages: rapport(1), one a group, playbooks(5), templates(5)' '
	test -s man/rapport.1 &&
	test -s man/rapport-playbooks.5 &&
	test -s man/rapport-templates.5 &&
	while read -r g; do test -s "man/rapport-$g.1" || { echo "no page for $g"; return 1; }; done \
		<groups &&
	test "$(wc -l <pages)" -eq $(($(wc -l <groups) + 3))
'

# What a page says, without roff: "\-" is "-", fonts dropped.
plain() {
	sed -e 's/\\-/-/g' -e 's/\\f[BIR]//g' -e 's/\\&//g' -e 's/\\e/\\/g' "$1"
}

test_expect_success 'every command, subcommand and option of the help is in its page' '
	while IFS="|" read -r g s o; do
		plain "man/rapport-$g.1" >page.txt &&
		grep -qF "rapport $g${s:+ $s}" page.txt &&
		grep -qF -- "${o:-rapport}" page.txt ||
			{ echo "rapport-$g.1 lacks: $g $s $o"; return 1; }
	done <commands &&
	plain man/rapport.1 >page.txt &&
	while read -r g; do grep -qF "rapport-$g" page.txt || return 1; done <groups
'

test_expect_success 'the pages have the sections a manual page has' '
	for p in man/*.1; do
		for s in NAME SYNOPSIS DESCRIPTION OPTIONS "\"EXIT STATUS\"" ENVIRONMENT FILES \
			"\"SEE ALSO\""; do
			grep -qx ".SH $s" "$p" || { echo "$p: no $s"; return 1; }
		done
	done &&
	for p in man/*.5; do
		for s in NAME SYNOPSIS DESCRIPTION ENVIRONMENT FILES "\"SEE ALSO\""; do
			grep -qx ".SH $s" "$p" || { echo "$p: no $s"; return 1; }
		done
	done
'

test_expect_success 'roff: every "-" escaped, no line a stray request' '
	! grep -n "[^\\\\]-\|^-" man/* &&
	! grep -n "^'\''" man/* &&
	! grep -vn "^\.\(TH\|SH\|SS\|TP\|PP\|IP\|RS\|RE\|BR\|br\|nf\|fi\|nh\|ad\) \?\|^[^.]" man/*
'

test_expect_success 'playbooks(5) holds the keys of the built-in file; templates(5) its fields' '
	plain man/rapport-playbooks.5 >page.txt &&
	for key in on kind direction stage after days ends for min-rapport task due window \
		template set-cadence done-stage; do
		grep -qx "$key" page.txt || { echo "no key $key"; return 1; }
	done &&
	grep -qF "Thank-you note to {person}" page.txt &&
	plain man/rapport-templates.5 >page.txt &&
	for f in person first title org opp me signature date done; do
		grep -qx "{$f}" page.txt || { echo "no field $f"; return 1; }
	done &&
	grep -qx "thank-you" page.txt
'

if command -v man >/dev/null 2>&1 && command -v lexgrog >/dev/null 2>&1 &&
	command -v groff >/dev/null 2>&1; then
	test_expect_success 'man --warnings and lexgrog: every page clean' '
		for p in man/*; do
			MANWIDTH=80 man --warnings -l "$p" >/dev/null 2>warnings &&
			test ! -s warnings || { echo "$p:"; cat warnings; return 1; }
			lexgrog "$p" >whatis || { echo "lexgrog: $p"; return 1; }
			grep -q " - " whatis || { cat whatis; return 1; }
		done
	'
else
	echo "# skipped man --warnings and lexgrog: not installed (sh scripts/install-deps --docs)"
fi

test_expect_success 'make docs wrote what rapport doc writes, under the names install uses' '
	if [ -f "$BUILD_DIR/docs.stamp" ]; then
		for page in $(cat pages); do cmp "man/$page" "$BUILD_DIR/man/$page" || return 1; done &&
		cmp rapport.bash "$BUILD_DIR/completions/rapport.bash" &&
		cmp _rapport "$BUILD_DIR/completions/_rapport" &&
		cmp rapport.fish "$BUILD_DIR/completions/rapport.fish"
	fi
'

test_expect_success 'doc and complete are not listed in help, nor offered' '
	rapport help >"$TEST_DIR/.rp" &&
	! grep -q "^  \(doc\|complete\) " "$TEST_DIR/.rp" &&
	! grep -q "complete\|doc" groups &&
	test_must_fail 1 rapport doc man nothing &&
	test_stderr_contains "no manual page" &&
	test_must_fail 1 rapport doc completion tcsh
'

test_expect_success 'rapport complete on a database that does not exist creates nothing' '
	rapport --db "$TEST_DIR/none/r.db" complete people >"$TEST_DIR/.rp" &&
	test ! -s "$TEST_DIR/.rp" &&
	test ! -e "$TEST_DIR/none" &&
	RAPPORT_DB="$TEST_DIR/none.db" rapport complete opps acme >"$TEST_DIR/.rp" &&
	test ! -s "$TEST_DIR/.rp" &&
	test ! -e "$TEST_DIR/none.db" &&
	( unset RAPPORT_DB && HOME="$TEST_DIR/fresh" XDG_DATA_HOME= rapport complete orgs ) \
		>"$TEST_DIR/.rp" &&
	test ! -e "$TEST_DIR/fresh" &&
	test_must_fail 1 rapport complete nothing
'

test_expect_success 'set-up: records to complete' '
	rapport org add "Acme Analytics" >/dev/null &&
	rapport opp add "Acme Analytics" "Data Lead" >/dev/null &&
	rapport opp add "Acme Analytics" "Data Manager" >/dev/null &&
	rapport opp add Contoso "Head of Data" >/dev/null &&
	rapport person add "Hiring Manager" --org "Acme Analytics" --title "Head of Data" \
		>/dev/null &&
	rapport person add "Data Recruiter" --org Contoso >/dev/null &&
	rapport task add "Call back" --due +2d >/dev/null
'

test_expect_success 'rapport complete: names by prefix, whatever the case, and nothing else' '
	TAB=$(printf "\t") &&
	rapport complete opps acme- >"$TEST_DIR/.rp" &&
	test "$(cut -f1 "$TEST_DIR/.rp")" = "$(printf "acme-analytics-data-lead\nacme-analytics-data-manager")" &&
	grep -qx "acme-analytics-data-lead${TAB}Data Lead" "$TEST_DIR/.rp" &&
	rapport complete people hir >"$TEST_DIR/.rp" &&
	grep -qx "Hiring Manager${TAB}Head of Data, Acme Analytics" "$TEST_DIR/.rp" &&
	test "$(wc -l <"$TEST_DIR/.rp")" -eq 1 &&
	rapport complete orgs >"$TEST_DIR/.rp" &&
	test "$(cut -f1 "$TEST_DIR/.rp")" = "$(printf "Acme Analytics\nContoso")" &&
	rapport complete tasks >"$TEST_DIR/.rp" &&
	grep -qx "1${TAB}Call back" "$TEST_DIR/.rp" &&
	rapport complete opps "%" >"$TEST_DIR/.rp" &&
	test ! -s "$TEST_DIR/.rp"
'

# SQLite's file not even touched; PostgreSQL's rows the same
test_expect_success 'rapport complete runs no rule and writes nothing' '
	if test_on_pg; then test_dump >before.db; else cp "$RAPPORT_DB" before.db; fi &&
	RAPPORT_NOW=2027-01-01T09:00 rapport complete people >/dev/null &&
	if test_on_pg; then test_dump >after.db; else cp "$RAPPORT_DB" after.db; fi &&
	cmp after.db before.db
'

# bash_complete WORD...: what the bash completion offers for the line
# WORD... (the last one under the cursor), one a line.
bash_complete() {
	bash -c '. ./rapport.bash; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _rapport &&
		printf "%s\n" "${COMPREPLY[@]}"' bash "$@"
}

test_expect_success 'bash: subcommands, slugs, stages, kinds, names, roles, files' '
	bash_complete rapport opp mo >out && test "$(cat out)" = move &&
	bash_complete rapport opp move acme- >out &&
	test "$(cat out)" = "$(printf "acme-analytics-data-lead\nacme-analytics-data-manager")" &&
	bash_complete rapport opp move acme-analytics-data-lead "" >out &&
	grep -qx interviewing out && grep -qx withdrawn out && test "$(wc -l <out)" -eq 10 &&
	bash_complete rapport log interv >out && test "$(cat out)" = interview &&
	bash_complete rapport person show Hir >out && test "$(cat out)" = "Hiring\\ Manager" &&
	bash_complete rapport opp link x y --role h >out &&
	test "$(cat out)" = "$(printf "hiring-manager\nhr")" &&
	bash_complete rapport task add x --kind li >out && test "$(cat out)" = linkedin &&
	bash_complete rapport task done "" >out && test "$(cat out)" = 1 &&
	bash_complete rapport offer compare a b acme-analytics-data-m >out &&
	test "$(cat out)" = acme-analytics-data-manager &&
	bash_complete rapport --db "$RAPPORT_DB" org show Co >out && test "$(cat out)" = Contoso &&
	bash_complete rapport opp list --format "" >out &&
	test "$(cat out)" = "$(printf "table\ntsv\njson")" &&
	bash_complete rapport help o >out && grep -qx opp out && grep -qx org out &&
	bash_complete rapport import json rapport.b >out && test "$(cat out)" = rapport.bash
'

test_expect_success 'bash: every command and option of the help is offered' '
	bash_complete rapport "" >out &&
	while read -r g; do grep -qx "$g" out || { echo "no $g"; return 1; }; done <groups &&
	bash -c ". ./rapport.bash
		while IFS=\"|\" read -r g s o; do
			[ -n \"\$s\" ] && w=(rapport \"\$g\" \"\$s\") || w=(rapport \"\$g\")
			COMP_WORDS=(rapport \"\$g\" \"\$s\"); COMP_CWORD=2; _rapport
			[ -z \"\$s\" ] || case \" \${COMPREPLY[*]} \" in *\" \$s \"*) ;;
				*) echo \"no \$g \$s\" ;; esac
			[ -n \"\$o\" ] || continue
			COMP_WORDS=(\"\${w[@]}\" \"\$o\"); COMP_CWORD=\${#w[@]}; _rapport
			case \" \${COMPREPLY[*]} \" in *\" \$o \"*) ;; *) echo \"no \$g \$s \$o\" ;; esac
		done" <commands >missing &&
	test ! -s missing || { cat missing; false; }
'

if command -v fish >/dev/null 2>&1; then
	fish_complete() {
		fish --no-config -c "source ./rapport.fish; complete -C '$1'" >out.fish &&
		cut -f1 out.fish >out
	}
	test_expect_success 'fish: subcommands, slugs, stages, kinds, names' '
		fish_complete "rapport opp " && grep -qx move out && grep -qx add out &&
		fish_complete "rapport opp mo" && test "$(cat out)" = move &&
		fish_complete "rapport opp move acme-" &&
		test "$(cat out)" = "$(printf "acme-analytics-data-lead\nacme-analytics-data-manager")" &&
		grep -q "Data Lead" out.fish &&
		fish_complete "rapport opp move acme-analytics-data-lead in" &&
		test "$(cat out)" = interviewing &&
		fish_complete "rapport log interv" && test "$(cat out)" = interview &&
		fish_complete "rapport person show Hir" && test "$(cat out)" = "Hiring Manager" &&
		fish_complete "rapport opp add --st" && test "$(cat out)" = --stage
	'
	test_expect_success 'fish: every command and option of the help is offered' '
		fish --no-config -c "source ./rapport.fish
			while read -l line
				set -l f (string split \"|\" -- \$line)
				if test -n \"\$f[2]\"
					contains -- \$f[2] (complete -C \"rapport \$f[1] \" |
						string replace -r \"\\t.*\" \"\"); or echo \"no \$line\"
				end
				test -n \"\$f[3]\"; or continue
				contains -- \$f[3] (complete -C \"rapport \$f[1] \$f[2] \$f[3]\" |
					string replace -r \"\\t.*\" \"\"); or echo \"no \$line\"
			end" <commands >missing &&
		test ! -s missing || { cat missing; false; }
	'
else
	echo "# skipped the fish completion: fish is not installed (sh scripts/install-deps --docs)"
fi

if command -v zsh >/dev/null 2>&1; then
	# zsh_pty LINE...: each LINE typed at an interactive zsh with the
	# completion system on, then TAB; what the line became, a line each.
	cat >zsh-pty <<-\EOF
	zmodload zsh/zpty
	zpty z "zsh -f -i"
	zpty -w z "fpath=($PWD \$fpath); autoload -U compinit; compinit -u -d $PWD/zcompdump;"\
	" show() { print -r -- \"\$BUFFER\" >>$PWD/lines; }; zle -N show; bindkey '^T' show;"\
	" PS1='RE''ADY> '"
	# what is typed before the line editor starts is dropped: wait for it
	zpty -r z out '*READY> *'
	for line in "$@"; do zpty -w -n z "$line"$'\t\C-t\C-u'; done
	for i in {1..300}; do
		[[ -f lines && $(wc -l <lines) -ge $# ]] && break
		sleep 0.1
	done
	zpty -d z
	EOF
	zsh_pty() {
		rm -f lines && timeout 60 zsh -f ./zsh-pty "$@" && cat lines
	}
	test_expect_success 'zsh: subcommands, slugs, stages, kinds, names at a real prompt' '
		zsh -n _rapport &&
		zsh_pty "rapport log interv" "rapport opp mo" "rapport opp move acme-analytics-data-l" \
			"rapport opp move x inter" "rapport person show Hir" "rapport opp add --sta" \
			"rapport help opp mo" >out &&
		cat >expect <<-\EOF &&
		rapport log interview 
		rapport opp move 
		rapport opp move acme-analytics-data-lead 
		rapport opp move x interviewing 
		rapport person show Hiring\ Manager 
		rapport opp add --stage 
		rapport help opp move 
		EOF
		test_cmp expect out
	'

	# zsh's completion functions (compadd, _describe, _files) replaced by
	# ones that print what they are given, so that one zsh goes through
	# every command: complete WORD... sets words, CURRENT and PREFIX as the
	# completion system does and prints what the script offers.
	cat >zsh-stubs <<-\EOF
	compadd() { local a; for a in "$@"; do [[ $a == -* ]] || print -r -- "$a"; done; }
	_describe() { local n=$4; eval "print -rl -- \"\${${n}[@]}\"" | sed "s/:.*//"; }
	_files() { print -r -- FILES; }
	complete() { words=("$@"); CURRENT=$#; PREFIX=${words[CURRENT]}; _rapport; }
	words=(rapport ""); CURRENT=2; PREFIX=
	source ./_rapport >/dev/null
	EOF
	test_expect_success 'zsh: every command and option of the help is offered' '
		zsh -fc ". ./zsh-stubs
			while IFS=\"|\" read -r g s o; do
				if [[ -n \$s ]]; then
					complete rapport \$g \"\" | grep -qx -- \$s || print \"no \$g \$s\"
				fi
				[[ -n \$o ]] || continue
				complete rapport \$g \${s:+\$s} \$o | grep -qx -- \$o || print \"no \$g \$s \$o\"
			done" <commands >missing &&
		test ! -s missing || { cat missing; false; }
	'
else
	echo "# skipped the zsh completion: zsh is not installed (sh scripts/install-deps --docs)"
fi

test_done
