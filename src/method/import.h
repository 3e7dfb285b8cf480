/*
 * import.h: bringing in what a job seeker keeps elsewhere: LinkedIn's
 * export of their connections, a spreadsheet (or another tracker's CSV) of
 * their applications, an address book's vCards.
 *
 * Each import runs inside the caller's write transaction and either does
 * all of its work or fails with nothing written. A row that cannot be used
 * is skipped and reported with its line and the reason; a value that cannot
 * be used (an e-mail address without @, a date nobody can read for sure) is
 * left out and reported, and the rest of its row comes in.
 *
 * Importing the same file again, or a newer one, updates and never
 * duplicates (see store/upsert.h for how records are matched). A value in
 * the file that differs from the stored one replaces it; an empty one never
 * erases anything; notes from the file are added to the stored notes unless
 * they are there already; an opportunity's stage only moves forward (a
 * closed one stays closed), and a move back is reported, not made.
 *
 * LinkedIn   First Name, Last Name, URL, Email Address, Company, Position,
 *            Connected On (the file may start with notes before the header):
 *            a person per row, their organisation, and the day you connected
 *            (which counts as a last contact).
 * CSV        an opportunity per row: company and title (required), status or
 *            stage (common words mapped to rapport's stages), date applied
 *            (the history then starts with "applied" on that day), URL,
 *            salary (85000, 85k, "£85,000", a range), salary target,
 *            location (into the notes), notes, source, level. Headers are
 *            recognised by common names whatever their case and spacing;
 *            COLUMN=FIELD maps overrule them (FIELD "ignore" drops a column).
 * vCard      a person per card: FN (else N), ORG, TITLE, the preferred (else
 *            first) e-mail and phone, a LinkedIn URL, NOTE.
 *
 * A file that is clearly of another kind (LinkedIn's header offered as
 * applications or vCards, a vCard, a JSON document or a SQLite database
 * offered as CSV) is refused before anything is read, with a message that
 * names the import that reads it.
 */
#ifndef RAPPORT_IMPORT_H
#define RAPPORT_IMPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/date.h"
#include "core/model.h"
#include "store/store.h"
#include "util/strbuf.h"

enum import_kind { IMPORT_LINKEDIN, IMPORT_CSV, IMPORT_VCARD };

/* An import of a file larger than this is not kept for undo: recording its
 * changes would cost about a third of its time (the 100,000-row LinkedIn
 * export of bench/import) and as much disk again. About 17,000 LinkedIn
 * connections; most people's exports are well below it. */
#define IMPORT_UNDO_MAX_BYTES (2 * 1024 * 1024)

struct import_note {
	long line;
	char *text;
};
typedef VEC(struct import_note) import_note_vec;

struct import_summary {
	enum import_kind kind;
	const char *records;  /* what a row becomes: "people" or "opportunities" */
	char *file;
	const char *encoding; /* how the file was read: "UTF-8", "Windows-1252 (Latin-1)"... */
	bool converted;       /* it was not all UTF-8 and was converted */
	long first_bad_line;  /* then: the first line that was not UTF-8 */
	long header_line;     /* CSV files: the line of the header */
	bool dry_run;
	bool not_undoable; /* too large to keep for undo (IMPORT_UNDO_MAX_BYTES) */
	long rows;            /* rows (or cards) read, the header not counted */
	long added, updated, unchanged; /* rows, by what became of their record */
	long orgs_added;
	long connected;       /* people whose day you connected was recorded or changed */
	import_note_vec skipped;  /* rows left out: line and reason */
	import_note_vec warnings; /* values left out or kept: line and why */
};

struct import_options {
	bool dry_run; /* do everything, report it, and undo it */
	/* CSV: "COLUMN=FIELD" maps */
	const char *const *maps;
	size_t nmaps;
	/* called as the rows go by: the share of the file done (0-1) and the rows so far */
	void (*progress)(void *ctx, double done, long rows);
	void *progress_ctx;
};

/* Read path ("-": standard input) and import it. */
int import_file(struct store *s, enum import_kind kind, const char *path,
		const struct import_options *o, struct import_summary *sum, struct error *err);
/* The same for a file's content in memory, named name in messages. With s
 * NULL, every row is read, checked and mapped, and nothing is written (the
 * fuzzer's way in; every row that would come in counts as added). */
int import_text(struct store *s, enum import_kind kind, const char *name, const char *data,
		size_t len, const struct import_options *o, struct import_summary *sum,
		struct error *err);
void import_summary_release(struct import_summary *sum);
/* The summary as text: the counts, then the skipped rows and warnings by
 * line, at most max_notes of them. */
void import_summary_text(struct strbuf *out, const struct import_summary *sum,
			 size_t max_notes);

/* The fields a CSV column can be mapped to, "company, title, ..." for messages. */
const char *import_csv_fields(void);

#endif
