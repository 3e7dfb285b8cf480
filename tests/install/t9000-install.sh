#!/bin/sh
# make install and make uninstall (scripts/install): every file in its place
# with its mode, under PREFIX and DESTDIR; an installed rapport that reads
# nothing from the source tree; an uninstall that leaves nothing of it.
# Run by tests/install/run, which sets RAPPORT_BUILD (the build folder).
. "$(dirname "$0")/../cli/test-lib.sh"

TOP=$(cd "$TEST_ROOT/.." && pwd)
BUILD=${RAPPORT_BUILD:-build}
ROOT="$TEST_DIR/root"

# install_to DEST [VAR=VALUE...]: make install with DESTDIR=DEST.
install_to() {
	_dest=$1
	shift
	make -s -C "$TOP" --no-print-directory install BUILD="$BUILD" DESTDIR="$_dest" "$@" \
		>"$TEST_DIR/.install.log"
}

# installed DEST: every file under DEST, as a path from DEST, sorted.
installed() {
	(cd "$1" && find . -type f | sed 's|^\.||' | LC_ALL=C sort)
}

# expected: the files make install should put under PREFIX=/usr, from what
# the build made (manual pages, completions) and the units in data/systemd.
expected() {
	echo /usr/bin/rapport
	echo /usr/share/doc/rapport/README.md
	[ ! -f "$TOP/LICENSE" ] || echo /usr/share/doc/rapport/LICENSE
	for _page in "$TOP/$BUILD"/man/*.[15]; do
		[ -f "$_page" ] && echo "/usr/share/man/man${_page##*.}/${_page##*/}"
	done
	[ ! -f "$TOP/$BUILD/completions/rapport.bash" ] ||
		echo /usr/share/bash-completion/completions/rapport
	[ ! -f "$TOP/$BUILD/completions/_rapport" ] || echo /usr/share/zsh/vendor-completions/_rapport
	[ ! -f "$TOP/$BUILD/completions/rapport.fish" ] ||
		echo /usr/share/fish/vendor_completions.d/rapport.fish
	for _unit in rapport.socket rapport.service; do
		[ -f "$TOP/data/systemd/$_unit" ] && echo "/usr/lib/systemd/user/$_unit"
	done
	return 0
}

test_expect_success 'make install puts each file in its place, and nothing else' '
	install_to "$ROOT" PREFIX=/usr &&
	installed "$ROOT" >got &&
	expected | LC_ALL=C sort >want &&
	test_cmp want got
'

test_expect_success 'the binary is executable by all, the other files readable by all' '
	test "$(stat -c %a "$ROOT/usr/bin/rapport")" = 755 &&
	(cd "$ROOT" && find . -type f ! -path ./usr/bin/rapport ! -perm 644) >odd &&
	test_cmp /dev/null odd
'

test_expect_success 'scripts/install --list names what install put' '
	(cd "$TOP" && DESTDIR="$ROOT" PREFIX=/usr sh scripts/install --list "$BUILD") >list &&
	sed "s|^$ROOT||" list | LC_ALL=C sort >listed &&
	test_cmp listed got
'

test_expect_success 'the installed rapport says the version scripts/version gives' '
	"$ROOT/usr/bin/rapport" --version >out &&
	test_eq "$(cat out)" "rapport $(sh "$TOP/scripts/version")" &&
	"$ROOT/usr/bin/rapport" version >out2 &&
	test_cmp out out2
'

# Whatever rapport reads at run time is embedded (scripts/embed) or found
# through XDG and HOME: a path into the source tree among its constants
# would be a file read from where it was built. (Its debugging information
# names the source folder, as it should.)
test_expect_success 'the installed binary holds no path into the source tree' '
	objcopy -O binary --only-section=.rodata "$ROOT/usr/bin/rapport" rodata &&
	test -s rodata &&
	! grep -aF "$TOP" rodata
'

test_expect_success 'make uninstall removes every file install put, and only those' '
	mkdir -p "$ROOT/usr/bin" && echo other >"$ROOT/usr/bin/other-tool" &&
	make -s -C "$TOP" --no-print-directory uninstall BUILD="$BUILD" DESTDIR="$ROOT" PREFIX=/usr \
		>uninstall.log &&
	installed "$ROOT" >left &&
	test_eq "$(cat left)" /usr/bin/other-tool &&
	test ! -d "$ROOT/usr/share/doc/rapport"
'

test_expect_success 'make uninstall twice is no error' '
	make -s -C "$TOP" --no-print-directory uninstall BUILD="$BUILD" DESTDIR="$ROOT" PREFIX=/usr \
		>uninstall.log
'

test_expect_success 'PREFIX is /usr/local unless given' '
	install_to "$TEST_DIR/local" &&
	test -x "$TEST_DIR/local/usr/local/bin/rapport" &&
	test -f "$TEST_DIR/local/usr/local/share/doc/rapport/README.md"
'

test_expect_success 'a relative PREFIX is refused before anything is installed' '
	test_expect_code 2 env DESTDIR="$TEST_DIR/rel" PREFIX=usr sh "$TOP/scripts/install" "$BUILD" \
		2>err &&
	grep -q "PREFIX must be an absolute path" err &&
	test ! -e "$TEST_DIR/rel"
'

test_done
