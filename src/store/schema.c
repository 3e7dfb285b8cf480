/*
 * schema.c: the database schema as forward-only migrations.
 *
 * migrations[i] takes a database from user_version i to i + 1. Never edit a
 * migration that has shipped: add a new one. The CHECK lists repeat the
 * names in core/enums.c; tests/unit/test-store.c keeps the two in step.
 */
#include "store/store_internal.h"
#include "store/setting.h"
#include "store/wants.h"

#define STAGES "'lead','applied','conversation','interviewing','offer','negotiating'," \
	       "'accepted','declined','rejected','withdrawn'"
#define DATE_GLOB "'[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]*'"

static const char migration_1[] =
	"CREATE TABLE organisation ("
	" id INTEGER PRIMARY KEY,"
	" name TEXT NOT NULL CHECK (length(trim(name)) > 0),"
	" name_key TEXT NOT NULL," /* name folded to lower case, for look-ups */
	" website TEXT, location TEXT, notes TEXT,"
	" created_at TEXT NOT NULL, updated_at TEXT NOT NULL"
	") STRICT;"
	"CREATE UNIQUE INDEX organisation_name_key ON organisation(name_key);"

	"CREATE TABLE person ("
	" id INTEGER PRIMARY KEY,"
	" name TEXT NOT NULL CHECK (length(trim(name)) > 0),"
	" name_key TEXT NOT NULL,"
	" org_id INTEGER REFERENCES organisation(id) ON DELETE SET NULL,"
	" title TEXT, email TEXT, phone TEXT, linkedin TEXT,"
	" rapport INTEGER CHECK (rapport BETWEEN 0 AND 5),"
	" cadence INTEGER CHECK (cadence BETWEEN 1 AND 3650),"
	" notes TEXT,"
	" created_at TEXT NOT NULL, updated_at TEXT NOT NULL"
	") STRICT;"
	"CREATE INDEX person_name_key ON person(name_key);"
	"CREATE INDEX person_org ON person(org_id);"

	"CREATE TABLE person_tag ("
	" person_id INTEGER NOT NULL REFERENCES person(id) ON DELETE CASCADE,"
	" tag TEXT NOT NULL CHECK (length(tag) > 0),"
	" PRIMARY KEY (person_id, tag)"
	") STRICT, WITHOUT ROWID;"
	"CREATE INDEX person_tag_tag ON person_tag(tag COLLATE NOCASE);"

	"CREATE TABLE opportunity ("
	" id INTEGER PRIMARY KEY,"
	" org_id INTEGER NOT NULL REFERENCES organisation(id),"
	" title TEXT NOT NULL CHECK (length(trim(title)) > 0),"
	" slug TEXT NOT NULL UNIQUE CHECK (slug GLOB '*[a-z]*' AND NOT slug GLOB '*[^a-z0-9-]*'),"
	" level_applied TEXT, level_offered TEXT, source TEXT, url TEXT,"
	" salary_target INTEGER CHECK (salary_target >= 0),"
	" salary_low INTEGER CHECK (salary_low >= 0),"
	" salary_high INTEGER CHECK (salary_high >= salary_low),"
	" salary_offered INTEGER CHECK (salary_offered >= 0),"
	" stage TEXT NOT NULL DEFAULT 'lead' CHECK (stage IN (" STAGES ")),"
	" stage_changed_at TEXT NOT NULL,"
	" notes TEXT,"
	" created_at TEXT NOT NULL, updated_at TEXT NOT NULL,"
	" CHECK ((salary_low IS NULL) = (salary_high IS NULL))"
	") STRICT;"
	"CREATE INDEX opportunity_stage ON opportunity(stage);"
	"CREATE INDEX opportunity_org ON opportunity(org_id);"

	"CREATE TABLE stage_change ("
	" id INTEGER PRIMARY KEY,"
	" opp_id INTEGER NOT NULL REFERENCES opportunity(id) ON DELETE CASCADE,"
	" from_stage TEXT CHECK (from_stage IN (" STAGES ")),"
	" to_stage TEXT NOT NULL CHECK (to_stage IN (" STAGES ")),"
	" at TEXT NOT NULL CHECK (at GLOB " DATE_GLOB "),"
	" note TEXT"
	") STRICT;"
	"CREATE INDEX stage_change_opp ON stage_change(opp_id, at);"

	"CREATE TABLE opp_person ("
	" opp_id INTEGER NOT NULL REFERENCES opportunity(id) ON DELETE CASCADE,"
	" person_id INTEGER NOT NULL REFERENCES person(id) ON DELETE CASCADE,"
	" role TEXT NOT NULL CHECK (role IN ('hiring-manager','peer','hr','recruiter',"
	"  'executive','referrer','interviewer','other')),"
	" created_at TEXT NOT NULL,"
	" PRIMARY KEY (opp_id, person_id)"
	") STRICT, WITHOUT ROWID;"
	"CREATE INDEX opp_person_person ON opp_person(person_id);"

	"CREATE TABLE interaction ("
	" id INTEGER PRIMARY KEY,"
	" kind TEXT NOT NULL CHECK (kind IN ('interview','call','email','letter','meeting',"
	"  'video','message','note')),"
	" at TEXT NOT NULL CHECK (at GLOB " DATE_GLOB "),"
	" direction TEXT NOT NULL CHECK (direction IN ('in','out')),"
	" opp_id INTEGER REFERENCES opportunity(id) ON DELETE SET NULL,"
	" summary TEXT NOT NULL CHECK (length(trim(summary)) > 0),"
	" notes TEXT,"
	" chemistry INTEGER CHECK (chemistry BETWEEN 1 AND 5),"
	" created_at TEXT NOT NULL"
	") STRICT;"
	"CREATE INDEX interaction_opp ON interaction(opp_id, at);"
	"CREATE INDEX interaction_at ON interaction(at);"

	"CREATE TABLE interaction_person ("
	" interaction_id INTEGER NOT NULL REFERENCES interaction(id) ON DELETE CASCADE,"
	" person_id INTEGER NOT NULL REFERENCES person(id) ON DELETE CASCADE,"
	/* a copy of interaction.at, so a person's timeline and last contact come
	 * from one index without visiting every interaction */
	" at TEXT NOT NULL CHECK (at GLOB " DATE_GLOB "),"
	" PRIMARY KEY (interaction_id, person_id)"
	") STRICT, WITHOUT ROWID;"
	"CREATE INDEX interaction_person_person ON interaction_person(person_id, at, interaction_id);"

	"CREATE TABLE task ("
	" id INTEGER PRIMARY KEY,"
	" title TEXT NOT NULL CHECK (length(trim(title)) > 0),"
	" kind TEXT NOT NULL CHECK (kind IN ('email','call','letter','linkedin','meeting',"
	"  'review','learn','other')),"
	" due TEXT NOT NULL CHECK (due GLOB " DATE_GLOB "),"
	" status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open','done','skipped')),"
	" person_id INTEGER REFERENCES person(id) ON DELETE SET NULL,"
	" opp_id INTEGER REFERENCES opportunity(id) ON DELETE SET NULL,"
	" origin TEXT NOT NULL DEFAULT 'manual' CHECK (length(origin) > 0),"
	" why TEXT,"
	" created_at TEXT NOT NULL,"
	" done_at TEXT,"
	" CHECK ((status = 'open') = (done_at IS NULL))"
	") STRICT;"
	"CREATE INDEX task_status_due ON task(status, due);"
	"CREATE INDEX task_person ON task(person_id, status);"
	"CREATE INDEX task_opp ON task(opp_id, status);"

	"CREATE TABLE setting ("
	" key TEXT PRIMARY KEY,"
	" value TEXT NOT NULL"
	") STRICT;"

	/* Full-text index. Its rowid encodes the record: id * 8 + type, so the
	 * triggers below update or delete one entry without a scan. */
	"CREATE VIRTUAL TABLE search_index USING fts5("
	" title, body, tokenize = 'unicode61 remove_diacritics 2');"

	"CREATE TRIGGER organisation_ai AFTER INSERT ON organisation BEGIN"
	" INSERT INTO search_index(rowid, title, body) VALUES (new.id * 8 + 1, new.name,"
	"  ifnull(new.location, '') || ' ' || ifnull(new.website, '') || ' ' || ifnull(new.notes, '')); END;"
	"CREATE TRIGGER organisation_au AFTER UPDATE ON organisation BEGIN"
	" DELETE FROM search_index WHERE rowid = old.id * 8 + 1;"
	" INSERT INTO search_index(rowid, title, body) VALUES (new.id * 8 + 1, new.name,"
	"  ifnull(new.location, '') || ' ' || ifnull(new.website, '') || ' ' || ifnull(new.notes, '')); END;"
	"CREATE TRIGGER organisation_ad AFTER DELETE ON organisation BEGIN"
	" DELETE FROM search_index WHERE rowid = old.id * 8 + 1; END;"

	"CREATE TRIGGER person_ai AFTER INSERT ON person BEGIN"
	" INSERT INTO search_index(rowid, title, body) VALUES (new.id * 8 + 2, new.name,"
	"  ifnull(new.title, '') || ' ' || ifnull(new.email, '') || ' ' || ifnull(new.notes, '')); END;"
	"CREATE TRIGGER person_au AFTER UPDATE ON person BEGIN"
	" DELETE FROM search_index WHERE rowid = old.id * 8 + 2;"
	" INSERT INTO search_index(rowid, title, body) VALUES (new.id * 8 + 2, new.name,"
	"  ifnull(new.title, '') || ' ' || ifnull(new.email, '') || ' ' || ifnull(new.notes, '')); END;"
	"CREATE TRIGGER person_ad AFTER DELETE ON person BEGIN"
	" DELETE FROM search_index WHERE rowid = old.id * 8 + 2; END;"

	"CREATE TRIGGER opportunity_ai AFTER INSERT ON opportunity BEGIN"
	" INSERT INTO search_index(rowid, title, body) VALUES (new.id * 8 + 3, new.title,"
	"  new.slug || ' ' || ifnull(new.level_applied, '') || ' ' || ifnull(new.level_offered, '') || "
	"  ' ' || ifnull(new.source, '') || ' ' || ifnull(new.notes, '')); END;"
	"CREATE TRIGGER opportunity_au AFTER UPDATE ON opportunity BEGIN"
	" DELETE FROM search_index WHERE rowid = old.id * 8 + 3;"
	" INSERT INTO search_index(rowid, title, body) VALUES (new.id * 8 + 3, new.title,"
	"  new.slug || ' ' || ifnull(new.level_applied, '') || ' ' || ifnull(new.level_offered, '') || "
	"  ' ' || ifnull(new.source, '') || ' ' || ifnull(new.notes, '')); END;"
	"CREATE TRIGGER opportunity_ad AFTER DELETE ON opportunity BEGIN"
	" DELETE FROM search_index WHERE rowid = old.id * 8 + 3; END;"

	"CREATE TRIGGER interaction_ai AFTER INSERT ON interaction BEGIN"
	" INSERT INTO search_index(rowid, title, body) VALUES (new.id * 8 + 4, new.summary,"
	"  new.notes); END;"
	"CREATE TRIGGER interaction_au AFTER UPDATE OF summary, notes ON interaction BEGIN"
	" DELETE FROM search_index WHERE rowid = old.id * 8 + 4;"
	" INSERT INTO search_index(rowid, title, body) VALUES (new.id * 8 + 4, new.summary,"
	"  new.notes); END;"
	"CREATE TRIGGER interaction_ad AFTER DELETE ON interaction BEGIN"
	" DELETE FROM search_index WHERE rowid = old.id * 8 + 4; END;"

	"CREATE TRIGGER task_ai AFTER INSERT ON task BEGIN"
	" INSERT INTO search_index(rowid, title, body) VALUES (new.id * 8 + 5, new.title,"
	"  new.why); END;"
	"CREATE TRIGGER task_au AFTER UPDATE OF title, why ON task BEGIN"
	" DELETE FROM search_index WHERE rowid = old.id * 8 + 5;"
	" INSERT INTO search_index(rowid, title, body) VALUES (new.id * 8 + 5, new.title,"
	"  new.why); END;"
	"CREATE TRIGGER task_ad AFTER DELETE ON task BEGIN"
	" DELETE FROM search_index WHERE rowid = old.id * 8 + 5; END;";

/* Playbooks: what rules have done, letter templates on tasks, and what the
 * time rules need to stay fast (a person's last contact and next touch, the
 * latest interview and reply of an opportunity from an index). */
static const char migration_2[] =
	"ALTER TABLE task ADD COLUMN template TEXT;"
	"ALTER TABLE person ADD COLUMN last_contact TEXT;"
	"ALTER TABLE person ADD COLUMN next_touch TEXT GENERATED ALWAYS AS"
	" (CASE WHEN cadence IS NULL THEN NULL"
	"  ELSE date(coalesce(last_contact, created_at), '+' || cadence || ' days') END) VIRTUAL;"
	"CREATE INDEX person_next_touch ON person(next_touch) WHERE next_touch IS NOT NULL;"
	"UPDATE person SET last_contact ="
	" (SELECT max(at) FROM interaction_person WHERE person_id = person.id);"
	"CREATE TRIGGER interaction_person_contact AFTER INSERT ON interaction_person BEGIN"
	" UPDATE person SET last_contact = new.at WHERE id = new.person_id"
	"  AND (last_contact IS NULL OR last_contact < new.at); END;"
	"CREATE INDEX interaction_opp_kind ON interaction(opp_id, kind, at);"
	"CREATE INDEX interaction_opp_direction ON interaction(opp_id, direction, at);"
	"CREATE INDEX task_origin ON task(origin, status);"
	/* One row per follow-up a rule made: the key that keeps a rule from
	 * making the same follow-up twice. opp_id and person_id are 0 for none
	 * (a NULL would not count as a duplicate in the key). */
	"CREATE TABLE rule_fire ("
	" rule TEXT NOT NULL,"
	" event TEXT NOT NULL,"
	" opp_id INTEGER NOT NULL DEFAULT 0,"
	" person_id INTEGER NOT NULL DEFAULT 0,"
	" chain TEXT,"
	" task_id INTEGER REFERENCES task(id) ON DELETE SET NULL,"
	" at TEXT NOT NULL,"
	" PRIMARY KEY (rule, event, opp_id, person_id)"
	") STRICT;"
	"CREATE INDEX rule_fire_task ON rule_fire(task_id);"
	"CREATE INDEX rule_fire_chain ON rule_fire(chain, rule);";

#define WANT_CATEGORIES "'scope','growth','team','manager','compensation','work-pattern'," \
			"'culture','business','success','other'"
#define MONEY(col) " " col " INTEGER CHECK (" col " >= 0),"

/* Knowing what you want: wants and the evidence for each on an opportunity,
 * the question bank, debriefs and the questions asked, feedback, offers and
 * their negotiation rounds. */
static const char migration_3[] =
	"CREATE TABLE want ("
	" id INTEGER PRIMARY KEY,"
	" text TEXT NOT NULL CHECK (length(trim(text)) > 0),"
	" text_key TEXT NOT NULL," /* text folded, for look-ups */
	" weight INTEGER NOT NULL DEFAULT 3 CHECK (weight BETWEEN 1 AND 5),"
	" must INTEGER NOT NULL DEFAULT 0 CHECK (must IN (0, 1)),"
	" category TEXT CHECK (category IN (" WANT_CATEGORIES ")),"
	" created_at TEXT NOT NULL, updated_at TEXT NOT NULL"
	") STRICT;"
	"CREATE UNIQUE INDEX want_text_key ON want(text_key);"

	/* The status of a want on an opportunity is its latest evidence. */
	"CREATE TABLE want_evidence ("
	" id INTEGER PRIMARY KEY,"
	" opp_id INTEGER NOT NULL REFERENCES opportunity(id) ON DELETE CASCADE,"
	" want_id INTEGER NOT NULL REFERENCES want(id) ON DELETE CASCADE,"
	" status TEXT NOT NULL CHECK (status IN ('unknown','met','partly','unmet','vague')),"
	" person_id INTEGER REFERENCES person(id) ON DELETE SET NULL,"
	" interaction_id INTEGER REFERENCES interaction(id) ON DELETE SET NULL,"
	" note TEXT,"
	" at TEXT NOT NULL CHECK (at GLOB " DATE_GLOB "),"
	" created_at TEXT NOT NULL"
	") STRICT;"
	"CREATE INDEX want_evidence_opp ON want_evidence(opp_id, want_id, id);"
	"CREATE INDEX want_evidence_want ON want_evidence(want_id);"

	/* stages, audiences and categories are bit masks of the vocabularies in
	 * core/enums.c (question stage, audience, want category). key names a
	 * built-in question; the user's own have none. */
	"CREATE TABLE question ("
	" id INTEGER PRIMARY KEY,"
	" key TEXT UNIQUE,"
	" text TEXT NOT NULL CHECK (length(trim(text)) > 0),"
	" stages INTEGER NOT NULL CHECK (stages BETWEEN 1 AND 15),"
	" audiences INTEGER NOT NULL CHECK (audiences BETWEEN 1 AND 31),"
	" categories INTEGER NOT NULL DEFAULT 0 CHECK (categories BETWEEN 0 AND 1023),"
	" created_at TEXT NOT NULL, updated_at TEXT NOT NULL"
	") STRICT;"
	"CREATE TABLE question_want ("
	" question_id INTEGER NOT NULL REFERENCES question(id) ON DELETE CASCADE,"
	" want_id INTEGER NOT NULL REFERENCES want(id) ON DELETE CASCADE,"
	" PRIMARY KEY (question_id, want_id)"
	") STRICT, WITHOUT ROWID;"
	"CREATE INDEX question_want_want ON question_want(want_id);"

	"CREATE TABLE debrief ("
	" id INTEGER PRIMARY KEY,"
	" opp_id INTEGER NOT NULL REFERENCES opportunity(id) ON DELETE CASCADE,"
	" interaction_id INTEGER REFERENCES interaction(id) ON DELETE SET NULL,"
	" went_well TEXT, refine TEXT,"
	" chemistry INTEGER CHECK (chemistry BETWEEN 1 AND 5),"
	" notes TEXT,"
	" at TEXT NOT NULL CHECK (at GLOB " DATE_GLOB "),"
	" created_at TEXT NOT NULL"
	") STRICT;"
	"CREATE INDEX debrief_opp ON debrief(opp_id, at);"

	/* A question asked at an opportunity, with the answer. The text is kept
	 * as asked, so an edited or removed question leaves the record whole. */
	"CREATE TABLE asked ("
	" id INTEGER PRIMARY KEY,"
	" opp_id INTEGER NOT NULL REFERENCES opportunity(id) ON DELETE CASCADE,"
	" debrief_id INTEGER REFERENCES debrief(id) ON DELETE CASCADE,"
	" question_id INTEGER REFERENCES question(id) ON DELETE SET NULL,"
	" text TEXT NOT NULL CHECK (length(trim(text)) > 0),"
	" person_id INTEGER REFERENCES person(id) ON DELETE SET NULL,"
	" answer TEXT,"
	" evidence_id INTEGER REFERENCES want_evidence(id) ON DELETE SET NULL,"
	" at TEXT NOT NULL CHECK (at GLOB " DATE_GLOB ")"
	") STRICT;"
	"CREATE INDEX asked_opp ON asked(opp_id, question_id);"
	"CREATE INDEX asked_debrief ON asked(debrief_id);"

	"CREATE TABLE feedback ("
	" id INTEGER PRIMARY KEY,"
	" opp_id INTEGER REFERENCES opportunity(id) ON DELETE SET NULL,"
	" person_id INTEGER REFERENCES person(id) ON DELETE SET NULL,"
	" text TEXT NOT NULL CHECK (length(trim(text)) > 0),"
	" at TEXT NOT NULL CHECK (at GLOB " DATE_GLOB "),"
	" created_at TEXT NOT NULL"
	") STRICT;"
	"CREATE INDEX feedback_opp ON feedback(opp_id);"
	"CREATE INDEX feedback_person ON feedback(person_id);"
	/* an improvement action is a learn task that comes from feedback */
	"ALTER TABLE task ADD COLUMN feedback_id INTEGER REFERENCES feedback(id) ON DELETE SET NULL;"
	"CREATE INDEX task_feedback ON task(feedback_id) WHERE feedback_id IS NOT NULL;"

	"CREATE TABLE offer ("
	" id INTEGER PRIMARY KEY,"
	" opp_id INTEGER NOT NULL UNIQUE REFERENCES opportunity(id) ON DELETE CASCADE,"
	MONEY("base") MONEY("bonus")
	" equity TEXT, title TEXT, level TEXT,"
	" start TEXT CHECK (start GLOB " DATE_GLOB "),"
	" deadline TEXT CHECK (deadline GLOB " DATE_GLOB "),"
	" benefits TEXT, notes TEXT,"
	" created_at TEXT NOT NULL, updated_at TEXT NOT NULL"
	") STRICT;"
	/* What you asked for and what they answered, in order. */
	"CREATE TABLE offer_round ("
	" id INTEGER PRIMARY KEY,"
	" offer_id INTEGER NOT NULL REFERENCES offer(id) ON DELETE CASCADE,"
	" side TEXT NOT NULL CHECK (side IN ('ask','reply')),"
	MONEY("base") MONEY("bonus")
	" equity TEXT, title TEXT, level TEXT,"
	" start TEXT CHECK (start GLOB " DATE_GLOB "),"
	" text TEXT,"
	" at TEXT NOT NULL CHECK (at GLOB " DATE_GLOB "),"
	" created_at TEXT NOT NULL"
	") STRICT;"
	"CREATE INDEX offer_round_offer ON offer_round(offer_id, id);";

/*
 * People keep the day you connected with them (LinkedIn) as a field, not as
 * an interaction: it is not job-search activity, and a 100,000-row import
 * made as many notes. The notes earlier imports made become the field.
 * Every person gets a stable UID for vCards (kept through export and
 * import). A person's search entry is rewritten only when what it holds
 * changes (not on every last_contact or import update).
 *
 * MIGRATION_4_DATA is what it does to the records: also run on a backup of
 * an earlier schema once it is loaded (see store_upgrade_loaded).
 */
#define MIGRATION_4_DATA                                                          \
	"UPDATE person SET uid = " SQL_NEW_UID("id") " WHERE uid IS NULL;"       \
	"UPDATE person SET connected_on = (SELECT substr(min(i.at), 1, 10) FROM interaction i" \
	"  JOIN interaction_person ip ON ip.interaction_id = i.id"               \
	"  WHERE ip.person_id = person.id AND i.kind = 'note'"                   \
	"  AND i.summary = 'Connected on LinkedIn' AND i.notes IS NULL AND i.opp_id IS NULL)" \
	" WHERE connected_on IS NULL;"                                           \
	"DELETE FROM interaction WHERE kind = 'note' AND summary = 'Connected on LinkedIn'" \
	" AND notes IS NULL AND opp_id IS NULL;"

/* Triggers that forget the last run of the time rules (tick_state) when
 * table changes. */
#define TICK_TRIGGER(table, when, what)                                          \
	"CREATE TRIGGER " table "_tick_" when " AFTER " what " ON " table          \
	" BEGIN DELETE FROM tick_state WHERE id = 1; END;"
#define TICK_TRIGGERS(table)                                                      \
	TICK_TRIGGER(table, "i", "INSERT") TICK_TRIGGER(table, "u", "UPDATE")      \
	TICK_TRIGGER(table, "d", "DELETE")

static const char migration_4[] =
	"ALTER TABLE person ADD COLUMN connected_on TEXT CHECK (connected_on GLOB " DATE_GLOB ");"
	"ALTER TABLE person ADD COLUMN uid TEXT CHECK (length(uid) BETWEEN 1 AND 255);"
	MIGRATION_4_DATA
	"CREATE UNIQUE INDEX person_uid ON person(uid);"
	"DROP TRIGGER person_au;"
	"CREATE TRIGGER person_au AFTER UPDATE OF name, title, email, notes ON person BEGIN"
	" DELETE FROM search_index WHERE rowid = old.id * 8 + 2;"
	" INSERT INTO search_index(rowid, title, body) VALUES (new.id * 8 + 2, new.name,"
	"  ifnull(new.title, '') || ' ' || ifnull(new.email, '') || ' ' || ifnull(new.notes, '')); END;"
	/* The mark of the last run of the time rules that changed nothing (its
	 * day and rules; store/tick.h, method/playbook_run.c), and triggers
	 * that delete it on any change to a table the time rules read: the
	 * next run then is a full one. A rule that comes to read another
	 * table needs its triggers here too. WHERE id = 1 rather than a bare
	 * DELETE, which would clear (and write) the table's page every time. */
	"CREATE TABLE tick_state ("
	" id INTEGER PRIMARY KEY CHECK (id = 1),"
	" key TEXT NOT NULL"
	") STRICT;"
	TICK_TRIGGERS("organisation")
	TICK_TRIGGERS("person")
	TICK_TRIGGERS("opportunity")
	TICK_TRIGGERS("opp_person")
	TICK_TRIGGERS("interaction")
	TICK_TRIGGERS("interaction_person")
	TICK_TRIGGERS("task")
	TICK_TRIGGERS("rule_fire")
	TICK_TRIGGERS("offer")
	/* the time rules' offers whose deadline is ahead (store_offer_deadlines_from) */
	"CREATE INDEX offer_deadline ON offer(deadline) WHERE deadline IS NOT NULL;";

/* The interaction that marking a task done logged, so reopening the task
 * takes that contact back (issue 16). Tasks done before it have none. */
static const char migration_5[] =
	"ALTER TABLE task ADD COLUMN logged_interaction_id INTEGER"
	" REFERENCES interaction(id) ON DELETE SET NULL;"
	"CREATE INDEX task_logged_interaction ON task(logged_interaction_id)"
	" WHERE logged_interaction_id IS NOT NULL;";

/*
 * Undo: a person's next touch becomes an expression with an index (see
 * SQL_NEXT_TOUCH): SQLite 3.40's session extension refuses a table with a
 * generated column.
 *
 * Each command or web change that wrote keeps its changes as an
 * SQLite session changeset (store/db_sqlite_undo.c), with a line saying what it was.
 * undone_at marks one that was undone (its changeset is then dropped); the
 * line stays, for the web's "Undone: ..." notice. Not a data table: not
 * exported, not in a backup's load.
 */
static const char migration_6[] =
	"DROP INDEX person_next_touch;"
	"ALTER TABLE person DROP COLUMN next_touch;"
	"CREATE INDEX person_next_touch ON person(" SQL_NEXT_TOUCH("") ")"
	" WHERE " SQL_NEXT_TOUCH("") " IS NOT NULL;"
	"CREATE TABLE undo_log ("
	" id INTEGER PRIMARY KEY,"
	" at TEXT NOT NULL,"
	" what TEXT NOT NULL,"
	" source TEXT NOT NULL CHECK (source IN ('cli','web')),"
	" changes BLOB,"
	" undone_at TEXT,"
	" CHECK ((undone_at IS NULL) = (changes IS NOT NULL))"
	") STRICT;";

/*
 * Times become UTC instants (issue 23): every moment (created_at, at,
 * done_at, ...) written as local wall-clock time is converted, taking it
 * in the zone in use (the timezone setting, else the machine's: see
 * times_to_utc); days (due, deadline, start, connected_on, and an at
 * without a time) stay as they are. A rule's keep-in-touch mark is named
 * by the day the lapse fell on, which the index now counts from the UTC
 * day: the marks of the current lapses are renamed first, so that none
 * fires twice.
 */
#define UTC_OF(col)                                                               \
	"CASE WHEN length(" col ") > 10 AND " col " NOT LIKE '%Z' THEN"          \
	" strftime('%Y-%m-%dT%H:%M:%SZ', " col ", 'utc') ELSE " col " END"
#define LAPSE_KEY(basis)                                                           \
	"(SELECT 'lapse:' || date(" basis ", '+' || p.cadence || ' days') FROM person p" \
	" WHERE p.id = rule_fire.person_id AND p.cadence IS NOT NULL)"
#define MIGRATION_7_DATA                                                          \
	"UPDATE OR IGNORE rule_fire SET event ="                                 \
	" " LAPSE_KEY(UTC_OF("coalesce(p.last_contact, p.created_at)"))           \
	" WHERE person_id != 0 AND event LIKE 'lapse:%'"                          \
	" AND event = " LAPSE_KEY("coalesce(p.last_contact, p.created_at)") ";"  \
	"UPDATE interaction SET at_offset = CAST(round((julianday(at)"             \
	" - julianday(at, 'utc')) * 1440) AS INTEGER)"                            \
	" WHERE length(at) > 10 AND at NOT LIKE '%Z';"                            \
	"UPDATE organisation SET created_at = " UTC_OF("created_at") ", updated_at = " UTC_OF("updated_at") ";" \
	"UPDATE person SET created_at = " UTC_OF("created_at") ", updated_at = " UTC_OF("updated_at") ", last_contact = " UTC_OF("last_contact") ";" \
	"UPDATE opportunity SET stage_changed_at = " UTC_OF("stage_changed_at") ", created_at = " UTC_OF("created_at") ", updated_at = " UTC_OF("updated_at") ";" \
	"UPDATE stage_change SET at = " UTC_OF("at") ";" \
	"UPDATE opp_person SET created_at = " UTC_OF("created_at") ";" \
	"UPDATE interaction SET at = " UTC_OF("at") ", created_at = " UTC_OF("created_at") ";" \
	"UPDATE interaction_person SET at = " UTC_OF("at") ";" \
	"UPDATE task SET created_at = " UTC_OF("created_at") ", done_at = " UTC_OF("done_at") ";" \
	"UPDATE rule_fire SET at = " UTC_OF("at") ";" \
	"UPDATE want SET created_at = " UTC_OF("created_at") ", updated_at = " UTC_OF("updated_at") ";" \
	"UPDATE want_evidence SET at = " UTC_OF("at") ", created_at = " UTC_OF("created_at") ";" \
	"UPDATE question SET created_at = " UTC_OF("created_at") ", updated_at = " UTC_OF("updated_at") ";" \
	"UPDATE debrief SET at = " UTC_OF("at") ", created_at = " UTC_OF("created_at") ";" \
	"UPDATE asked SET at = " UTC_OF("at") ";" \
	"UPDATE feedback SET at = " UTC_OF("at") ", created_at = " UTC_OF("created_at") ";" \
	"UPDATE offer SET created_at = " UTC_OF("created_at") ", updated_at = " UTC_OF("updated_at") ";" \
	"UPDATE offer_round SET at = " UTC_OF("at") ", created_at = " UTC_OF("created_at") ";" \
	"SELECT 1;"

/* The conversion runs in times_to_utc, once the zone is chosen; the undo
 * history is dropped: its changes hold the times as they were. */
static const char migration_7[] =
	"DELETE FROM undo_log;"
	/* the zone an interaction was logged in, as minutes east of UTC */
	"ALTER TABLE interaction ADD COLUMN at_offset INTEGER"
	" CHECK (at_offset BETWEEN -1080 AND 1080);";

/* Convert in the zone the user works in: their timezone setting, else the
 * machine's. Say so: the user may want to know what was assumed. */
static int times_to_utc(struct store *s, struct error *err)
{
	char zone[128], note[256];

	if (!store_opened_at_version(s))
		return 0; /* a new database: nothing to convert */
	if (store_use_zone(s, err))
		return err->code;
	if (store_exec_sql(s, MIGRATION_7_DATA, "cannot convert the times to UTC", err))
		return err->code;
	date_zone_name(zone, sizeof(zone));
	snprintf(note, sizeof(note),
		 "the database now keeps times in UTC: those written before were taken as "
		 "local times in %s", zone);
	store_set_note(s, note);
	return 0;
}

/*
 * The time rules pay only for what changed (issue 22). Migration 4's
 * triggers forgot the whole mark on any write, and the next run went over
 * every opportunity and person. These record instead WHAT a write touched,
 * in tick_dirty: an opportunity (kind 0), a person's own time (kind 1: their
 * cadence and last contact), or a person as met on every opportunity they
 * are on (kind 2: their name, rapport, cadence). rule_next holds, per
 * opportunity (0) or person (1), the day its time rules next fire if nothing
 * is written (method/playbook_run.c computes it). A run evaluates the items
 * written since the last one and those whose day has come (store/tick.h).
 * What each table's row touches is what the time rules read of it: an
 * interaction, its opportunity; its people, that and their last contact; a
 * task, its opportunity and person; a rule's follow-up, the same, and a mark
 * on an interaction ('i:ID') that interaction's opportunity; an offer, its
 * opportunity; an organisation's name, its opportunities' tasks' titles.
 * A deleted opportunity, person or offer makes nothing fire: no trigger.
 * Every command parses these triggers when it opens the file: they are
 * written short, and tick_dirty takes a row per write, duplicates and all
 * (no key to keep, no conflict to resolve; a run reads it once).
 * Neither table is data: not in store_tables, so neither undo nor an export
 * sees them. The mark (tick_state) is cleared: the first run is a full one.
 */
/* IF EXISTS: a migration that rebuilt a table took its triggers with it */
#define DIRT_DROP(table)                                                        \
	"DROP TRIGGER IF EXISTS " table "_tick_i;DROP TRIGGER IF EXISTS " table "_tick_u;" \
	"DROP TRIGGER IF EXISTS " table "_tick_d;"
#define DIRT_TRIGGER(table, name, when, body)                                   \
	"CREATE TRIGGER " table "_dirty_" name " AFTER " when " ON " table      \
	" BEGIN " body " END;"
/* kind and id (columns of the row r, "new" or "old"; 0 or NULL: none) */
#define DIRT(kind, r, col)                                                      \
	"INSERT INTO tick_dirty SELECT " kind "," r "." col " WHERE " r "." col ";"
#define DIRT_OPP(r) DIRT("0", r, "opp_id")
#define DIRT_TASK(r) DIRT_OPP(r) DIRT("1", r, "person_id")
/* the opportunity of the interaction numbered id, where cond holds */
#define DIRT_INTERACTION(id, cond)                                              \
	"INSERT INTO tick_dirty SELECT 0,opp_id FROM interaction WHERE " cond   \
	"id=" id " AND opp_id;"
#define DIRT_RULE_FIRE(r)                                                       \
	DIRT_TASK(r) DIRT_INTERACTION("substr(" r ".event,3)+0", r ".event GLOB'i:*'AND ")

static const char migration_8[] =
	DIRT_DROP("organisation") DIRT_DROP("person") DIRT_DROP("opportunity")
	DIRT_DROP("opp_person") DIRT_DROP("interaction") DIRT_DROP("interaction_person")
	DIRT_DROP("task") DIRT_DROP("rule_fire") DIRT_DROP("offer")
	"DELETE FROM tick_state;"
	"CREATE TABLE tick_dirty (kind INTEGER NOT NULL, id INTEGER NOT NULL) STRICT;"
	"CREATE TABLE rule_next ("
	" kind INTEGER NOT NULL CHECK (kind BETWEEN 0 AND 1),"
	" id INTEGER NOT NULL,"
	" day TEXT NOT NULL CHECK (day GLOB " DATE_GLOB "),"
	" PRIMARY KEY (kind, id)"
	") STRICT, WITHOUT ROWID;"
	"CREATE INDEX rule_next_day ON rule_next(day);"
	DIRT_TRIGGER("opportunity", "i", "INSERT", "INSERT INTO tick_dirty VALUES(0,new.id);")
	DIRT_TRIGGER("opportunity", "u", "UPDATE", "INSERT INTO tick_dirty VALUES(0,new.id);")
	DIRT_TRIGGER("organisation", "u", "UPDATE OF name",
		     "INSERT INTO tick_dirty SELECT 0,id FROM opportunity WHERE org_id=new.id;")
	DIRT_TRIGGER("opp_person", "i", "INSERT", DIRT_OPP("new"))
	DIRT_TRIGGER("opp_person", "u", "UPDATE", DIRT_OPP("new"))
	DIRT_TRIGGER("opp_person", "d", "DELETE", DIRT_OPP("old"))
	DIRT_TRIGGER("interaction", "i", "INSERT", DIRT_OPP("new"))
	DIRT_TRIGGER("interaction", "u", "UPDATE", DIRT_OPP("old") DIRT_OPP("new"))
	DIRT_TRIGGER("interaction", "d", "DELETE", DIRT_OPP("old"))
	DIRT_TRIGGER("interaction_person", "i", "INSERT",
		     DIRT_INTERACTION("new.interaction_id", "") DIRT("1", "new", "person_id"))
	DIRT_TRIGGER("interaction_person", "u", "UPDATE",
		     DIRT_INTERACTION("new.interaction_id", "") DIRT("1", "new", "person_id"))
	DIRT_TRIGGER("interaction_person", "d", "DELETE",
		     DIRT_INTERACTION("old.interaction_id", "") DIRT("1", "old", "person_id"))
	DIRT_TRIGGER("task", "i", "INSERT", DIRT_TASK("new"))
	DIRT_TRIGGER("task", "u", "UPDATE", DIRT_TASK("old") DIRT_TASK("new"))
	DIRT_TRIGGER("task", "d", "DELETE", DIRT_TASK("old"))
	DIRT_TRIGGER("rule_fire", "i", "INSERT", DIRT_RULE_FIRE("new"))
	DIRT_TRIGGER("rule_fire", "u", "UPDATE", DIRT_RULE_FIRE("new"))
	DIRT_TRIGGER("rule_fire", "d", "DELETE", DIRT_RULE_FIRE("old"))
	DIRT_TRIGGER("offer", "i", "INSERT", DIRT_OPP("new"))
	DIRT_TRIGGER("offer", "u", "UPDATE", DIRT_OPP("new"))
	DIRT_TRIGGER("person", "i", "INSERT", "INSERT INTO tick_dirty VALUES(1,new.id);")
	DIRT_TRIGGER("person", "time", "UPDATE OF cadence,last_contact,created_at",
		     "INSERT INTO tick_dirty VALUES(1,new.id);")
	DIRT_TRIGGER("person", "met", "UPDATE OF name,rapport,cadence",
		     "INSERT INTO tick_dirty VALUES(2,new.id);");

/*
 * Mail (issue 19). mail_message: where an interaction logged from an
 * e-mail came from (its Message-ID, and the file or mbox message it was
 * read from), so that the same message, read again from the same
 * mailbox or another, is logged once; a data table (undone with the
 * import, exported). An interaction deleted by hand keeps its row
 * (interaction_id NULL): the message is not logged again.
 * mail_file: the Maildir files read (by their name before the ":2,"
 * flags, which a mail client changes), so that a second import opens
 * only the new ones; book is the fingerprint of the addresses known when
 * it was read (a file from no one known is read again once someone new
 * is); message_id the message logged from it, if any (read again when
 * that log was undone). Bookkeeping: not a data table.
 */
static const char migration_9[] =
	"CREATE TABLE mail_message ("
	" message_id TEXT PRIMARY KEY CHECK (length(message_id) > 0),"
	" interaction_id INTEGER REFERENCES interaction(id) ON DELETE SET NULL,"
	" source TEXT NOT NULL,"
	" imported_at TEXT NOT NULL"
	") STRICT;"
	"CREATE INDEX mail_message_interaction ON mail_message(interaction_id)"
	" WHERE interaction_id IS NOT NULL;"
	"CREATE TABLE mail_file ("
	" name TEXT PRIMARY KEY,"
	" book TEXT NOT NULL,"
	" message_id TEXT"
	") STRICT, WITHOUT ROWID;";

/*
 * Mail proposals (issue 19): what an e-mail read by `mail import` means
 * (a rejection, an offer, an interview...) or whom it reveals (an unknown
 * sender at a known organisation's domain), waiting for the user's yes.
 * A message proposes each kind once (read again, or dismissed, it
 * proposes nothing new). A data table: accepting one and undoing it, or
 * undoing the import that made it, restores it with the rest.
 */
static const char migration_10[] =
	"CREATE TABLE mail_proposal ("
	" id INTEGER PRIMARY KEY,"
	" kind TEXT NOT NULL CHECK (kind IN ('reject','offer','interview',"
	"'information-request','application-received','add-person')),"
	" status TEXT NOT NULL CHECK (status IN ('open','accepted','dismissed')),"
	" message_id TEXT NOT NULL CHECK (length(message_id) > 0),"
	" interaction_id INTEGER REFERENCES interaction(id) ON DELETE CASCADE,"
	" opp_id INTEGER REFERENCES opportunity(id) ON DELETE SET NULL,"
	" person_id INTEGER REFERENCES person(id) ON DELETE CASCADE,"
	" org_id INTEGER REFERENCES organisation(id) ON DELETE CASCADE,"
	" name TEXT, email TEXT, rule TEXT, phrase TEXT,"
	" at TEXT, sent TEXT NOT NULL, subject TEXT NOT NULL,"
	" created_at TEXT NOT NULL, closed_at TEXT"
	") STRICT;"
	"CREATE UNIQUE INDEX mail_proposal_message ON mail_proposal(message_id, kind);"
	"CREATE INDEX mail_proposal_open ON mail_proposal(sent) WHERE status = 'open';";

/*
 * IMAP folders read (issue 19, rapport mail sync): per account (the user
 * and the server's address) and folder, its UIDVALIDITY and the last UID
 * read, so that a sync asks only for what came since; book is the
 * fingerprint of the addresses known (store/mail.h): a folder read when
 * fewer people were known is read again, as is one whose message_id (the
 * last message logged from it) is no longer logged (its sync was undone),
 * and one whose UIDVALIDITY changed; Message-IDs (mail_message) keep
 * anything from being logged twice. Bookkeeping: not a data table (not
 * exported, not undone).
 */
static const char migration_11[] =
	"CREATE TABLE mail_folder ("
	" account TEXT NOT NULL,"
	" folder TEXT NOT NULL,"
	" uidvalidity INTEGER NOT NULL,"
	" last_uid INTEGER NOT NULL,"
	" book TEXT NOT NULL,"
	" message_id TEXT,"
	" PRIMARY KEY (account, folder)"
	") STRICT, WITHOUT ROWID;";

/*
 * Mail proposals that a task is done (issue 19): an e-mail the user sent,
 * read from the Sent folder, that is the draft of a task or goes to a
 * person with an open e-mail or letter task, proposes closing the task.
 * SQLite cannot change a CHECK: the table is made anew with the kind
 * 'task-done' and the column task_id, and its rows copied (no table
 * refers to it).
 */
static const char migration_12[] =
	"CREATE TABLE mail_proposal_new ("
	" id INTEGER PRIMARY KEY,"
	" kind TEXT NOT NULL CHECK (kind IN ('reject','offer','interview',"
	"'information-request','application-received','add-person','task-done')),"
	" status TEXT NOT NULL CHECK (status IN ('open','accepted','dismissed')),"
	" message_id TEXT NOT NULL CHECK (length(message_id) > 0),"
	" interaction_id INTEGER REFERENCES interaction(id) ON DELETE CASCADE,"
	" opp_id INTEGER REFERENCES opportunity(id) ON DELETE SET NULL,"
	" person_id INTEGER REFERENCES person(id) ON DELETE CASCADE,"
	" org_id INTEGER REFERENCES organisation(id) ON DELETE CASCADE,"
	" name TEXT, email TEXT, rule TEXT, phrase TEXT,"
	" at TEXT, sent TEXT NOT NULL, subject TEXT NOT NULL,"
	" created_at TEXT NOT NULL, closed_at TEXT,"
	" task_id INTEGER REFERENCES task(id) ON DELETE CASCADE"
	") STRICT;"
	"INSERT INTO mail_proposal_new (id, kind, status, message_id, interaction_id, opp_id,"
	" person_id, org_id, name, email, rule, phrase, at, sent, subject, created_at, closed_at)"
	" SELECT id, kind, status, message_id, interaction_id, opp_id, person_id, org_id, name,"
	" email, rule, phrase, at, sent, subject, created_at, closed_at FROM mail_proposal;"
	"DROP TABLE mail_proposal;"
	"ALTER TABLE mail_proposal_new RENAME TO mail_proposal;"
	"CREATE UNIQUE INDEX mail_proposal_message ON mail_proposal(message_id, kind);"
	"CREATE INDEX mail_proposal_open ON mail_proposal(sent) WHERE status = 'open';"
	"CREATE INDEX mail_proposal_task ON mail_proposal(task_id) WHERE task_id IS NOT NULL;";

/*
 * The full-text entries of the tasks a run of the time rules makes, written
 * at the run's end in one statement (store_tick_end), not one a task: FTS5
 * writes what it holds as a segment of its own whenever a statement opens a
 * statement journal, which every task insert does (its triggers), so a new
 * day's 125 keep-in-touch notes made 125 segments, 190,000 instructions a
 * task. While the row 0 is in search_defer (a run, inside its transaction),
 * a new task's id goes there instead; no other writer ever sees it.
 */
static const char migration_13[] =
	"CREATE TABLE search_defer (task_id INTEGER PRIMARY KEY) STRICT;"
	"DROP TRIGGER task_ai;"
	"CREATE TRIGGER task_ai AFTER INSERT ON task"
	" WHEN NOT EXISTS (SELECT 1 FROM search_defer WHERE task_id = 0) BEGIN"
	" INSERT INTO search_index(rowid, title, body) VALUES (new.id * 8 + 5, new.title,"
	"  new.why); END;"
	"CREATE TRIGGER task_ai_defer AFTER INSERT ON task"
	" WHEN EXISTS (SELECT 1 FROM search_defer WHERE task_id = 0) BEGIN"
	" INSERT INTO search_defer VALUES (new.id); END;";

/*
 * Tasks made ahead (issue 22): a keep-in-touch task is made when its lapse
 * day becomes known, with shown_on that day, and no read shows it before
 * (SQL_TASK_SHOWN), so that the first run of a new day writes nothing. The
 * agenda's index carries the day, so that the hidden rows are left in the
 * index, never read from the table.
 */
static const char migration_15[] =
	"ALTER TABLE task ADD COLUMN shown_on TEXT CHECK (shown_on GLOB " DATE_GLOB ");"
	"DROP INDEX task_status_due;"
	"CREATE INDEX task_status_due ON task(status, due, shown_on);";

/* Migration 14 gives PostgreSQL the time rules' triggers and functions
 * (schema_pg.c); SQLite's schema has them already: nothing here (NULL). */
const char *const store_migrations[] = { migration_1, migration_2, migration_3, migration_4,
					  migration_5, migration_6, migration_7, migration_8,
					  migration_9, migration_10, migration_11, migration_12,
					  migration_13, NULL, migration_15 };
/* What a migration does in C once its SQL has run (NULL: nothing). */
int (*const store_migration_after[])(struct store *, struct error *) = {
	NULL, NULL, store_seed_questions, NULL, NULL, NULL, times_to_utc, NULL, NULL, NULL, NULL,
	NULL, NULL, NULL, NULL,
};
_Static_assert(sizeof(store_migration_after) / sizeof(store_migration_after[0]) ==
		       ARRAY_SIZE(store_migrations),
	       "an after step (or NULL) for each migration");
const size_t store_nmigrations = ARRAY_SIZE(store_migrations);
_Static_assert(ARRAY_SIZE(store_migrations) == STORE_SCHEMA_VERSION,
	       "a new migration raises STORE_SCHEMA_VERSION, on every backend (schema_pg.c)");
/* one person's file: no tables beyond the store's (no accounts) */
const struct store_schema store_schema_sqlite = { store_migrations, store_migration_after,
						  ARRAY_SIZE(store_migrations), NULL, NULL };
/* What a migration does to the records (NULL: nothing), for a backup of an
 * earlier schema loaded into this one. */
const char *const store_migration_data[] = { NULL, NULL, NULL, MIGRATION_4_DATA, NULL, NULL,
					      MIGRATION_7_DATA, NULL, NULL, NULL, NULL, NULL, NULL,
					      NULL, NULL };
_Static_assert(sizeof(store_migration_data) == sizeof(store_migrations),
	       "a data step (or NULL) for each migration");

/* Data tables in load order; search_index is derived and rebuilt by triggers. */
const char *const store_tables[] = {
	"organisation", "person",   "person_tag", "opportunity",   "stage_change", "opp_person",
	"interaction",  "interaction_person",     "feedback",      "task",         "setting",
	"rule_fire",    "want",     "want_evidence",               "question",     "question_want",
	"debrief",      "asked",    "offer",      "offer_round",  "mail_message", "mail_proposal",
	/* bookkeeping, not exported: what a push or pull carries as well */
	"mail_folder",  "mail_file",
};
const size_t store_ntables_moved = ARRAY_SIZE(store_tables);
const size_t store_ntables = ARRAY_SIZE(store_tables) - 2;
_Static_assert(ARRAY_SIZE(store_tables) <= STORE_MAX_TABLES,
	       "raise STORE_MAX_TABLES");

int store_schema_version(void)
{
	return (int)store_nmigrations;
}
