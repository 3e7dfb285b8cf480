/* test-vcard.c: reading vCard 2.1, 3.0 and 4.0, writing 4.0, and python3-vobject reading what we write. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>
#include <jansson.h>

#include "core/text.h"
#include "io/vcard.h"
#include "util/strbuf.h"

/* A literal as the char * of a struct vcard that vcard_write only reads. */
#define W(s) ((char *)(s))

/* Read text (a C string) expecting success. */
static void read_ok(const char *text, struct vcard_list *l)
{
	struct error err = ERROR_INIT;

	memset(l, 0, sizeof(*l));
	assert_int_equal(vcard_read(text, strlen(text), l, &err), 0);
}

static void assert_value(const struct vcard_value *v, const char *value, const char *type,
			 int pref)
{
	assert_string_equal(v->value, value);
	if (type)
		assert_string_equal(v->type, type);
	else
		assert_null(v->type);
	assert_int_equal(v->pref, pref);
}

static void test_v21_quoted_printable(void **state)
{
	struct vcard_list l;
	const char *text =
		"BEGIN:VCARD\r\n"
		"VERSION:2.1\r\n"
		"N;CHARSET=ISO-8859-1;ENCODING=QUOTED-PRINTABLE:=D8lberg;Recruiter=20Andr=E9\r\n"
		"ORG;CHARSET=windows-1252:Caf\xE9 \x93" "Data\x94;Unit\r\n"
		"TITLE;QUOTED-PRINTABLE:Hiring=20Manager\r\n"
		"TEL;WORK;VOICE:+1 555 0100\r\n"
		"TEL;CELL;PREF:+1 555 0101\r\n"
		"EMAIL;INTERNET;PREF:recruiter@example.org\r\n"
		"NOTE;ENCODING=QUOTED-PRINTABLE;CHARSET=UTF-8:First line=0D=0ASecond line, =C3=\r\n"
		"=A9t=C3=A9 and=\r\n"
		" =3D still the note=\r\n"
		"\r\n"
		"END:VCARD\r\n";

	(void)state;
	read_ok(text, &l);
	assert_int_equal(l.n, 1);
	assert_int_equal(l.nskips, 0);
	assert_int_equal(l.cards[0].line, 1);
	assert_string_equal(l.cards[0].family, "\xC3\x98lberg");
	assert_string_equal(l.cards[0].given, "Recruiter Andr\xC3\xA9");
	assert_string_equal(l.cards[0].fn, "Recruiter Andr\xC3\xA9 \xC3\x98lberg");
	assert_string_equal(l.cards[0].org, "Caf\xC3\xA9 \xE2\x80\x9C" "Data\xE2\x80\x9D");
	assert_string_equal(l.cards[0].title, "Hiring Manager");
	assert_int_equal(l.cards[0].nphones, 2);
	assert_value(&l.cards[0].phones[0], "+1 555 0100", "work,voice", 0);
	assert_value(&l.cards[0].phones[1], "+1 555 0101", "cell", 1);
	assert_int_equal(l.cards[0].nemails, 1);
	assert_value(&l.cards[0].emails[0], "recruiter@example.org", NULL, 1);
	/* a soft break inside a UTF-8 character; a space after one is text */
	assert_string_equal(l.cards[0].note, "First line\nSecond line, \xC3\xA9t\xC3\xA9 and = still the note");
	vcard_list_release(&l);
}

static void test_v21_no_charset_is_windows_1252(void **state)
{
	struct vcard_list l;

	(void)state;
	read_ok("BEGIN:VCARD\nVERSION:2.1\nFN:R\xE9" "crutement\nNOTE:a long\n  folded note\nEND:VCARD\n", &l);
	assert_int_equal(l.n, 1);
	assert_string_equal(l.cards[0].fn, "R\xC3\xA9" "crutement");
	/* 2.1 folding (RFC 822) keeps the space that starts the next line */
	assert_string_equal(l.cards[0].note, "a long  folded note");
	vcard_list_release(&l);
}

static void test_v30_escapes_and_folds(void **state)
{
	struct vcard_list l;
	const char *text =
		"BEGIN:VCARD\n"
		"VERSION:3.0\n"
		"FN:Hiring Manager\\, Data\\; Lead \\\\ \xC3\n"
		" \xA9quipe\n"
		"N:Manager;Hiring;;;\n"
		"ORG:\\;Data\\, Inc.;Unit\n"
		"TITLE:Data Lead\n"
		"NOTE:line one\\nline two\\Nthree\\, four\\; five\\\\six\\:\n"
		"\t seven\n"
		"item1.EMAIL;type=INTERNET;type=WORK;type=pref:lead@example.org\n"
		"item1.X-ABLabel:_$!<Work>!$_\n"
		"EMAIL;TYPE=HOME,INTERNET:home@example.org\n"
		"item2.URL;type=pref:https\\://example.org/a\\,b\n"
		"PHOTO;ENCODING=b;TYPE=JPEG:AAAA\n"
		" BBBB\n"
		"X-UNKNOWN;PARAM=\"a;b:c\":whatever\n"
		"uid:urn:uuid:1234\n"
		"END:VCARD\n";

	(void)state;
	read_ok(text, &l);
	assert_int_equal(l.n, 1);
	assert_string_equal(l.cards[0].fn, "Hiring Manager, Data; Lead \\ \xC3\xA9quipe");
	assert_string_equal(l.cards[0].given, "Hiring");
	assert_string_equal(l.cards[0].family, "Manager");
	assert_string_equal(l.cards[0].org, ";Data, Inc.");
	assert_string_equal(l.cards[0].title, "Data Lead");
	assert_string_equal(l.cards[0].note, "line one\nline two\nthree, four; five\\six: seven");
	assert_int_equal(l.cards[0].nemails, 2);
	assert_value(&l.cards[0].emails[0], "lead@example.org", "work", 1);
	assert_value(&l.cards[0].emails[1], "home@example.org", "home", 0);
	assert_string_equal(l.cards[0].url, "https://example.org/a,b");
	assert_string_equal(l.cards[0].uid, "urn:uuid:1234");
	vcard_list_release(&l);
}

static void test_v40_pref_and_urls(void **state)
{
	struct vcard_list l;
	const char *text =
		"BEGIN:VCARD\r\n"
		"VERSION:4.0\r\n"
		"FN:\xCE\xA8\xCE\xB7\xCF\x86\xCE\xB9\xCE\xB1\xCE\xBA\xCE\xAE Lead\r\n"
		"EMAIL;TYPE=work:second@example.org\r\n"
		"EMAIL;PREF=1;TYPE=\"work,Home\":first@example.org\r\n"
		"EMAIL;PREF=2:third@example.org\r\n"
		"EMAIL:\r\n"
		"TEL;VALUE=uri;TYPE=\"cell,voice\":tel:+1-555-0100\r\n"
		"URL:https://example.org/profile\r\n"
		"URL:https://www.LinkedIn.com/in/data-lead\r\n"
		"URL:https://notlinkedin.com/x\r\n"
		"END:VCARD\r\n";

	(void)state;
	read_ok(text, &l);
	assert_int_equal(l.n, 1);
	assert_null(l.cards[0].given);
	assert_null(l.cards[0].family);
	assert_int_equal(l.cards[0].nemails, 3);
	assert_value(&l.cards[0].emails[0], "second@example.org", "work", 0);
	assert_value(&l.cards[0].emails[1], "first@example.org", "work,home", 1);
	assert_value(&l.cards[0].emails[2], "third@example.org", NULL, 0);
	assert_int_equal(l.cards[0].nphones, 1);
	assert_value(&l.cards[0].phones[0], "+1-555-0100", "cell,voice", 0);
	assert_string_equal(l.cards[0].url, "https://www.LinkedIn.com/in/data-lead");
	vcard_list_release(&l);
}

static void test_several_cards_and_broken_ones(void **state)
{
	static const char text[] =
		"BEGIN:VCARD\n"          /* 1 */
		"VERSION:3.0\n"
		"FN:First Recruiter\n"
		"END:VCARD\n"
		"BEGIN:VCARD\n"          /* 5: no END */
		"VERSION:3.0\n"
		"FN:Lost Lead\n"
		"BEGIN:VCARD\n"          /* 8 */
		"VERSION:3.0\n"
		"FN:Second Recruiter\n"
		"end:vcard\n"
		"BEGIN:VCARD\n"          /* 12: invalid UTF-8 on 14 */
		"VERSION:3.0\n"
		"TITLE:bad \xC3\x28 byte\n"
		"FN:Broken Lead\n"
		"END:VCARD\n"
		"BEGIN:VCARD\n"          /* 17: a NUL byte on 19 */
		"VERSION:4.0\n"
		"FN:Nul\0Lead\n"
		"END:VCARD\n"
		"BEGIN:VCARD\n"          /* 21: no name */
		"VERSION:4.0\n"
		"ORG:\xC3\x91" "and\xC3\xBA\n"
		"EMAIL:team@example.org\n"
		"END:VCARD\n"
		"BEGIN:VCARD\n"          /* 26: unknown charset */
		"VERSION:2.1\n"
		"FN;CHARSET=X-NO-SUCH-CHARSET:Lead\n"
		"END:VCARD\n"
		"BEGIN:VCARD\n"          /* 30 */
		"VERSION:2.1\n"
		"N:Data;Third\n"
		"AGENT:\n"
		"BEGIN:VCARD\n"
		"FN:The Assistant\n"
		"END:VCARD\n"
		"END:VCARD\n"
		"BEGIN:VCARD\n"          /* 38: no END at the end */
		"FN:Last One\n";
	struct vcard_list l = { 0 };
	struct error err = ERROR_INIT;

	(void)state;
	assert_int_equal(vcard_read(text, sizeof(text) - 1, &l, &err), 0);
	assert_int_equal(l.n, 3);
	assert_string_equal(l.cards[0].fn, "First Recruiter");
	assert_int_equal(l.cards[0].line, 1);
	assert_string_equal(l.cards[1].fn, "Second Recruiter");
	assert_int_equal(l.cards[1].line, 8);
	assert_string_equal(l.cards[2].fn, "Third Data");
	assert_int_equal(l.cards[2].line, 30);
	assert_int_equal(l.nskips, 6);
	assert_int_equal(l.skips[0].line, 5);
	assert_string_equal(l.skips[0].reason, "no END:VCARD before line 8");
	assert_int_equal(l.skips[1].line, 12);
	assert_string_equal(l.skips[1].reason, "the TITLE on line 14 is not valid UTF-8");
	assert_int_equal(l.skips[2].line, 17);
	assert_string_equal(l.skips[2].reason, "line 19 holds a NUL byte");
	assert_int_equal(l.skips[3].line, 21);
	assert_string_equal(l.skips[3].reason, "no name (no FN or N)");
	assert_int_equal(l.skips[4].line, 26);
	assert_string_equal(l.skips[4].reason,
			    "the charset of the FN on line 28 is unknown: X-NO-SUCH-CHARSET");
	assert_int_equal(l.skips[5].line, 38);
	assert_string_equal(l.skips[5].reason, "no END:VCARD at the end of the file");
	vcard_list_release(&l);
}

static void test_bom_line_ends_and_empty(void **state)
{
	struct vcard_list l = { 0 };
	struct error err = ERROR_INIT;

	(void)state;
	read_ok("\xEF\xBB\xBF" "BEGIN:VCARD\r\nFN:A\r\nEND:VCARD\r\nBEGIN:VCARD\nFN:B\nEND:VCARD\n"
		"BEGIN:VCARD\rFN:C\rEND:VCARD", &l);
	assert_int_equal(l.n, 3);
	assert_string_equal(l.cards[0].fn, "A");
	assert_string_equal(l.cards[1].fn, "B");
	assert_int_equal(l.cards[1].line, 4);
	assert_string_equal(l.cards[2].fn, "C");
	assert_int_equal(l.cards[2].line, 7);
	vcard_list_release(&l);

	read_ok("", &l);
	assert_int_equal(l.n + l.nskips, 0);
	read_ok("\xEF\xBB\xBF\r\n \n", &l);
	assert_int_equal(l.n + l.nskips, 0);
	assert_int_equal(vcard_read("Name,Email\nx,y\n", 15, &l, &err), ERR_INVALID);
	assert_string_equal(err.msg, "no vCard found (no line BEGIN:VCARD)");
	vcard_list_release(&l);
}

static void test_utf16(void **state)
{
	static const char text[] = "\xFF\xFE" "B\0E\0G\0I\0N\0:\0V\0C\0A\0R\0D\0\n\0"
				   "F\0N\0:\0\xD8\0l\0\n\0E\0N\0D\0:\0V\0C\0A\0R\0D\0\n\0";
	struct vcard_list l = { 0 };
	struct error err = ERROR_INIT;

	(void)state;
	assert_int_equal(vcard_read(text, sizeof(text) - 1, &l, &err), 0);
	assert_int_equal(l.n, 1);
	assert_string_equal(l.cards[0].fn, "\xC3\x98l");
	vcard_list_release(&l);
}

static void test_only_n_and_groups(void **state)
{
	struct vcard_list l;

	(void)state;
	read_ok("BEGIN:VCARD\nVERSION:3.0\nN:\xD0\x94\xD0\xB0\xD0\xBD\xD0\xBD\xD1\x8B\xD0\xB5;;;;\n"
		"END:VCARD\n"
		"BEGIN:VCARD\nVERSION:3.0\nN:;;;Dr.;\nEND:VCARD\n"
		"BEGIN:VCARD\nVERSION:3.0\nA.N:Lead;Data\nB.ORG:\xD8\xA8\xD9\x8A\xD8\xA7\xD9\x86\xD8\xA7\xD8\xAA;x\n"
		"C.TEL;TYPE=CELL:+1 555 0100\nEND:VCARD\n", &l);
	assert_int_equal(l.n, 3);
	assert_string_equal(l.cards[0].fn, "\xD0\x94\xD0\xB0\xD0\xBD\xD0\xBD\xD1\x8B\xD0\xB5");
	assert_string_equal(l.cards[0].family, "\xD0\x94\xD0\xB0\xD0\xBD\xD0\xBD\xD1\x8B\xD0\xB5");
	assert_null(l.cards[0].given);
	assert_string_equal(l.cards[1].fn, "Dr.");
	assert_string_equal(l.cards[2].fn, "Data Lead");
	assert_string_equal(l.cards[2].org, "\xD8\xA8\xD9\x8A\xD8\xA7\xD9\x86\xD8\xA7\xD8\xAA");
	assert_value(&l.cards[2].phones[0], "+1 555 0100", "cell", 0);
	vcard_list_release(&l);
}

static void test_other_charsets(void **state)
{
	struct vcard_list l;

	(void)state;
	/* Shift_JIS: the second byte of ソ is a backslash, which is no escape */
	read_ok("BEGIN:VCARD\nVERSION:3.0\nFN:Lead\nORG;CHARSET=Shift_JIS:\x83\x66\x81\x5B\x83\x5E\x83\x5C\n"
		"END:VCARD\n"
		"BEGIN:VCARD\nVERSION:2.1\nFN:Lead\nTITLE;CHARSET=UTF-8:bad \xE9\nEND:VCARD\n"
		"BEGIN:VCARD\nVERSION:2.1\nFN;CHARSET=Shift_JIS:\x83\nEND:VCARD\n"
		"BEGIN:VCARD\nVERSION:2.1\nFN;CHARSET=UTF-8//TRANSLIT:x\nEND:VCARD\n"
		"BEGIN:VCARD\nVERSION:2.1\nFN;ENCODING=QUOTED-PRINTABLE:a=00b\nEND:VCARD\n", &l);
	assert_int_equal(l.n, 1);
	assert_string_equal(l.cards[0].org, "\xE3\x83\x87\xE3\x83\xBC\xE3\x82\xBF\xE3\x82\xBD");
	assert_int_equal(l.nskips, 4);
	assert_string_equal(l.skips[0].reason, "the TITLE on line 9 is not valid UTF-8");
	assert_string_equal(l.skips[1].reason, "the FN on line 13 is not valid Shift_JIS");
	assert_string_equal(l.skips[2].reason, "the charset of the FN on line 17 is unknown: UTF-8//TRANSLIT");
	assert_string_equal(l.skips[3].reason, "the FN on line 21 holds a NUL byte");
	vcard_list_release(&l);
}

static void test_sizes(void **state)
{
	struct strbuf sb = STRBUF_INIT;
	struct vcard_list l;
	struct error err = ERROR_INIT;

	(void)state;
	/* a 1 MB note, folded the way writers do: read whole */
	strbuf_addstr(&sb, "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Lead\r\nNOTE:");
	for (size_t i = 0; i < TEXT_NOTE_MAX / 64; i++)
		strbuf_addstr(&sb, "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcde\r\n x");
	strbuf_addstr(&sb, "\r\nEND:VCARD\r\n");
	/* a line of 5 MB, then a card that is fine */
	strbuf_addstr(&sb, "BEGIN:VCARD\r\nFN:Lead\r\nX-BIG:");
	for (size_t i = 0; i < 5 * 1024 * 1024 / 64; i++)
		strbuf_addstr(&sb, "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef");
	strbuf_addstr(&sb, "\r\nEND:VCARD\r\nBEGIN:VCARD\r\nFN:After\r\nEND:VCARD\r\n");
	/* a title too long for a one-line field */
	strbuf_addstr(&sb, "BEGIN:VCARD\r\nFN:Lead\r\nTITLE:");
	for (int i = 0; i < 101; i++)
		strbuf_addstr(&sb, "0123456789");
	strbuf_addstr(&sb, "\r\nEND:VCARD\r\n");
	memset(&l, 0, sizeof(l));
	assert_int_equal(vcard_read(sb.buf, sb.len, &l, &err), 0);
	assert_int_equal(l.n, 2);
	assert_int_equal(strlen(l.cards[0].note), TEXT_NOTE_MAX);
	assert_string_equal(l.cards[1].fn, "After");
	assert_int_equal(l.nskips, 2);
	assert_string_equal(l.skips[0].reason, "line 16392 is longer than 4 MB");
	assert_string_equal(l.skips[1].reason, "the TITLE on line 16399 is longer than 1000 bytes");
	vcard_list_release(&l);
	strbuf_release(&sb);
}

/* Each line of a written card: CRLF, at most 75 octets, valid UTF-8 on its
 * own (no fold inside a character); continuation lines start with a space. */
static void assert_lines(const char *s)
{
	while (*s) {
		const char *eol = strstr(s, "\r\n");
		assert_non_null(eol);
		assert_true(eol - s <= 75);
		assert_true(utf8_valid(s, (size_t)(eol - s)));
		assert_null(memchr(s, '\n', (size_t)(eol - s)));
		assert_null(memchr(s, '\r', (size_t)(eol - s)));
		s = eol + 2;
	}
}

static const char multi_script[] =
	"\xC3\x91" "and\xC3\xBA \xC3\x98lberg \xCE\xA8\xCE\xB7\xCF\x86\xCE\xB9\xCE\xB1\xCE\xBA\xCE\xAE "
	"\xD0\x94\xD0\xB0\xD0\xBD\xD0\xBD\xD1\x8B\xD0\xB5 \xE3\x83\x87\xE3\x83\xBC\xE3\x82\xBF "
	"\xD8\xA8\xD9\x8A\xD8\xA7\xD9\x86\xD8\xA7\xD8\xAA \xF0\x9F\x93\x8A";

static void test_write_exact(void **state)
{
	struct strbuf sb = STRBUF_INIT;
	struct vcard_value emails[] = { { W("lead@example.org"), W("WORK,x_y,"), 1 },
					{ W("home@example.org"), NULL, 0 } };
	struct vcard_value phones[] = { { W("+1 555 0100"), W("cell"), 0 } };
	struct vcard c = { .fn = W("Hiring Manager, Data; Lead\\"), .org = W("\xC3\x91" "and\xC3\xBA; Inc."),
			   .title = W("Data Lead"), .note = W("one\r\ntwo\nthree\rfour\x01"),
			   .url = W("https://www.linkedin.com/in/data-lead"), .emails = emails,
			   .nemails = 2, .phones = phones, .nphones = 1, .uid = W("urn:uuid:1") };

	(void)state;
	vcard_write(&sb, &c);
	assert_string_equal(sb.buf, "BEGIN:VCARD\r\n"
				    "VERSION:4.0\r\n"
				    "FN:Hiring Manager\\, Data\\; Lead\\\\\r\n"
				    "N:Hiring Manager\\, Data\\; Lead\\\\;;;;\r\n"
				    "ORG:\xC3\x91" "and\xC3\xBA\\; Inc.\r\n"
				    "TITLE:Data Lead\r\n"
				    "EMAIL;TYPE=work,xy;PREF=1:lead@example.org\r\n"
				    "EMAIL:home@example.org\r\n"
				    "TEL;TYPE=cell:+1 555 0100\r\n"
				    "URL:https://www.linkedin.com/in/data-lead\r\n"
				    "NOTE:one\\ntwo\\nthree\\nfour\r\n"
				    "UID:urn:uuid:1\r\n"
				    "END:VCARD\r\n");
	strbuf_reset(&sb);
	c = (struct vcard){ .given = W("Data"), .family = W("Lead"), .uid = W("1234-abcd") };
	vcard_write(&sb, &c);
	assert_string_equal(sb.buf, "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Data Lead\r\nN:Lead;Data;;;\r\n"
				    "UID;VALUE=text:1234-abcd\r\nEND:VCARD\r\n");
	strbuf_release(&sb);
}

static void test_write_folding(void **state)
{
	struct strbuf sb = STRBUF_INIT, note = STRBUF_INIT;
	struct vcard c = { .fn = W("Lead") };

	(void)state;
	/* every offset of a 2, 3 and 4-byte character against the fold */
	for (int i = 0; i < 40; i++) {
		strbuf_addstr(&note, multi_script);
		strbuf_addstr(&note, i % 3 ? "," : "x");
	}
	c.note = note.buf;
	/* 73 octets, then a 4-byte character that would end at 77 */
	c.title = W("0123456789012345678901234567890123456789012345678901234567890123456\xF0\x9F\x93\x8A");
	vcard_write(&sb, &c);
	assert_lines(sb.buf);
	assert_non_null(strstr(sb.buf, "\r\nTITLE:0123456789012345678901234567890123456789012345678901"
					"234567890123456\r\n \xF0\x9F\x93\x8A\r\n"));
	strbuf_release(&sb);
	strbuf_release(&note);
}

static void test_round_trip(void **state)
{
	struct strbuf sb = STRBUF_INIT, sb2 = STRBUF_INIT;
	struct vcard_value emails[] = { { W("a,b;c\\d@example.org"), W("work"), 1 },
					{ W("second@example.org"), W("home,x-other"), 0 } };
	struct vcard_value phones[] = { { W("+1 (555) 0100, ext. 7"), W("cell,voice"), 1 } };
	struct vcard c = { .fn = W("Hiring Manager, \"Data\"; Lead \\n"), .given = W("Hiring"),
			   .family = W(multi_script), .org = W(multi_script), .title = W("Data Lead: \xE2\x80\x94"),
			   .note = W("line 1\n\nline 3 \\, ; \\n\n\tEND:VCARD"),
			   .url = W("https://www.linkedin.com/in/data-lead?x=1,2;3"), .emails = emails,
			   .nemails = 2, .phones = phones, .nphones = 1, .uid = W("urn:uuid:abc") };
	struct vcard_list l;
	const struct vcard *r;

	(void)state;
	vcard_write(&sb, &c);
	vcard_write(&sb, &c);
	read_ok(sb.buf, &l);
	assert_int_equal(l.n, 2);
	assert_int_equal(l.nskips, 0);
	r = &l.cards[1];
	assert_string_equal(r->fn, c.fn);
	assert_string_equal(r->given, c.given);
	assert_string_equal(r->family, c.family);
	assert_string_equal(r->org, c.org);
	assert_string_equal(r->title, c.title);
	assert_string_equal(r->note, c.note);
	assert_string_equal(r->url, c.url);
	assert_string_equal(r->uid, c.uid);
	assert_int_equal(r->nemails, 2);
	assert_value(&r->emails[0], emails[0].value, "work", 1);
	assert_value(&r->emails[1], emails[1].value, "home,x-other", 0);
	assert_int_equal(r->nphones, 1);
	assert_value(&r->phones[0], phones[0].value, "cell,voice", 1);
	/* written again, the same bytes; the second card starts after the first */
	vcard_write(&sb2, r);
	assert_int_equal(sb.len, 2 * sb2.len);
	assert_memory_equal(sb2.buf, sb.buf, sb2.len);
	long lines = 0;
	for (const char *p = sb2.buf; (p = strstr(p, "\r\n")); p += 2)
		lines++;
	assert_int_equal(l.cards[0].line, 1);
	assert_int_equal(r->line, lines + 1);
	vcard_list_release(&l);
	strbuf_release(&sb);
	strbuf_release(&sb2);
}

/* What python3-vobject (Debian's, an independent parser) reads from a card
 * we write: hostile values come back identical, line breaks as LF. */
static const char vobject_script[] =
	"import json, sys, vobject\n"
	"cards = list(vobject.readComponents(open(sys.argv[1], encoding='utf-8', newline='').read()))\n"
	"out = []\n"
	"for c in cards:\n"
	"    d = {k: c.contents[k][0].value for k in ('fn', 'title', 'note', 'url', 'uid', 'version')}\n"
	"    d['org'] = c.org.value[0]\n"
	"    d['family'] = c.n.value.family\n"
	"    d['given'] = c.n.value.given\n"
	"    d['email'] = [[e.value, e.params.get('TYPE'), e.params.get('PREF')] for e in c.contents['email']]\n"
	"    d['tel'] = [t.value for t in c.contents['tel']]\n"
	"    d['names'] = sorted(c.contents)\n"
	"    out.append(d)\n"
	"json.dump(out, open(sys.argv[2], 'w'))\n";

static void assert_json_str(json_t *o, const char *key, const char *want)
{
	json_t *v = json_object_get(o, key);

	assert_non_null(v);
	assert_true(json_is_string(v));
	assert_string_equal(json_string_value(v), want);
}

static void test_vobject_reads_what_we_write(void **state)
{
	char dir[] = "/tmp/test-vcard-XXXXXX";
	char vcf[64], script[64], out[64], cmd[256];
	struct strbuf sb = STRBUF_INIT, fn = STRBUF_INIT, note = STRBUF_INIT;
	struct vcard_value emails[] = { { W("a,b;c@example.org"), W("work,home"), 1 } };
	struct vcard_value phones[] = { { W("+1 555 0100; ext, 7"), W("cell"), 0 } };
	struct vcard c = { .org = W("Data, Inc.; Unit\\x"), .title = W("Data Lead\r\nEND:VCARD"),
			   .url = W("https://www.linkedin.com/in/data-lead?a=1,2;3"), .emails = emails,
			   .nemails = 1, .phones = phones, .nphones = 1, .uid = W("urn:uuid:42"),
			   .given = W("Hiring"), .family = W("Manager, Jr.") };
	FILE *f;
	json_t *root, *card, *email;
	json_error_t jerr;

	(void)state;
	if (system("/usr/bin/python3 -c 'import vobject' 2>/dev/null") != 0)
		skip();
	strbuf_addstr(&fn, "Hiring Manager, Data; Lead \\ ");
	for (int i = 0; i < 3; i++)
		strbuf_addstr(&fn, multi_script);
	strbuf_addstr(&note, "first\r\nEND:VCARD\r\nBEGIN:VCARD\nFN:injected\n\\n, ; ");
	strbuf_addstr(&note, multi_script);
	c.fn = fn.buf;
	c.note = note.buf;
	vcard_write(&sb, &c);
	assert_lines(sb.buf);

	assert_non_null(mkdtemp(dir));
	snprintf(vcf, sizeof(vcf), "%s/card.vcf", dir);
	snprintf(script, sizeof(script), "%s/read.py", dir);
	snprintf(out, sizeof(out), "%s/out.json", dir);
	f = fopen(vcf, "wb");
	assert_non_null(f);
	fwrite(sb.buf, 1, sb.len, f);
	fclose(f);
	f = fopen(script, "w");
	assert_non_null(f);
	fputs(vobject_script, f);
	fclose(f);
	snprintf(cmd, sizeof(cmd), "/usr/bin/python3 %s %s %s", script, vcf, out);
	assert_int_equal(system(cmd), 0);
	root = json_load_file(out, 0, &jerr);
	assert_non_null(root);
	assert_int_equal(json_array_size(root), 1);
	card = json_array_get(root, 0);
	assert_json_str(card, "version", "4.0");
	assert_json_str(card, "fn", fn.buf);
	assert_json_str(card, "org", c.org);
	assert_json_str(card, "title", "Data Lead\nEND:VCARD");
	assert_json_str(card, "note", "first\nEND:VCARD\nBEGIN:VCARD\nFN:injected\n\\n, ; "
				      "\xC3\x91" "and\xC3\xBA \xC3\x98lberg \xCE\xA8\xCE\xB7\xCF\x86\xCE\xB9"
				      "\xCE\xB1\xCE\xBA\xCE\xAE \xD0\x94\xD0\xB0\xD0\xBD\xD0\xBD\xD1\x8B"
				      "\xD0\xB5 \xE3\x83\x87\xE3\x83\xBC\xE3\x82\xBF \xD8\xA8\xD9\x8A"
				      "\xD8\xA7\xD9\x86\xD8\xA7\xD8\xAA \xF0\x9F\x93\x8A");
	assert_json_str(card, "url", c.url);
	assert_json_str(card, "uid", c.uid);
	assert_json_str(card, "family", c.family);
	assert_json_str(card, "given", c.given);
	email = json_array_get(json_object_get(card, "email"), 0);
	assert_string_equal(json_string_value(json_array_get(email, 0)), emails[0].value);
	assert_string_equal(json_string_value(json_array_get(json_array_get(email, 1), 0)), "work");
	assert_string_equal(json_string_value(json_array_get(json_array_get(email, 1), 1)), "home");
	assert_string_equal(json_string_value(json_array_get(json_array_get(email, 2), 0)), "1");
	assert_string_equal(json_string_value(json_array_get(json_object_get(card, "tel"), 0)),
			    phones[0].value);
	/* nothing more than what we wrote: no injected property */
	char *names = json_dumps(json_object_get(card, "names"), JSON_COMPACT);
	assert_string_equal(names, "[\"email\",\"fn\",\"n\",\"note\",\"org\",\"tel\",\"title\",\"uid\",\"url\",\"version\"]");
	free(names);
	json_decref(root);
	unlink(vcf);
	unlink(script);
	unlink(out);
	rmdir(dir);
	strbuf_release(&sb);
	strbuf_release(&fn);
	strbuf_release(&note);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_v21_quoted_printable),
		cmocka_unit_test(test_v21_no_charset_is_windows_1252),
		cmocka_unit_test(test_v30_escapes_and_folds),
		cmocka_unit_test(test_v40_pref_and_urls),
		cmocka_unit_test(test_several_cards_and_broken_ones),
		cmocka_unit_test(test_bom_line_ends_and_empty),
		cmocka_unit_test(test_utf16),
		cmocka_unit_test(test_only_n_and_groups),
		cmocka_unit_test(test_other_charsets),
		cmocka_unit_test(test_sizes),
		cmocka_unit_test(test_write_exact),
		cmocka_unit_test(test_write_folding),
		cmocka_unit_test(test_round_trip),
		cmocka_unit_test(test_vobject_reads_what_we_write),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
