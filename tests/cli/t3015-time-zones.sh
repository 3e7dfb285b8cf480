#!/bin/sh
# Times with their zone (issue 23): moments are kept as UTC instants and
# shown in the reader's zone; days ("today", a cadence's due day) are the
# user's; a database written before keeps its times, converted once.
. "$(dirname "$0")/test-lib.sh"

# in_zone ZONE WHEN COMMAND...: run COMMAND in time zone ZONE at local time WHEN.
in_zone() {
	(
		TZ=$1 RAPPORT_NOW=$2
		export TZ RAPPORT_NOW
		shift 2
		"$@"
	)
}

interactions() { # the summaries of a person's interactions, newest first
	python3 -c 'import json, sys
print(" ".join(i["summary"] for i in json.load(sys.stdin)["interactions"]))'
}

test_expect_success 'a note in Kolkata and one a minute later in New York keep their order' '
	rapport person add "Travel Recruiter" >/dev/null &&
	in_zone Asia/Kolkata 2026-03-02T19:30:00 rapport log note "first" --with "Travel Recruiter" \
		>/dev/null &&
	in_zone America/New_York 2026-03-02T09:01 rapport log note "second" \
		--with "Travel Recruiter" >/dev/null &&
	rapport --json person show "Travel Recruiter" >out.json &&
	test_eq "$(interactions <out.json)" "second first" &&
	jv_eq interactions.0.at "2026-03-02T14:01:00+00:00" <out.json &&
	jv_eq last_contact "2026-03-02" <out.json
'

test_expect_success 'each reader sees the same instant in their own zone' '
	TZ=Asia/Kolkata rapport --json person show "Travel Recruiter" >out.json &&
	jv_eq interactions.1.at "2026-03-02T19:30:00+05:30" <out.json &&
	TZ=America/New_York rapport --json person show "Travel Recruiter" >out.json &&
	jv_eq interactions.1.at "2026-03-02T09:00:00-05:00" <out.json &&
	TZ=America/New_York rapport person show "Travel Recruiter" >out &&
	has out "2026-03-02T09:00 note"
'

test_expect_success 'the time as the writer lived it is kept beside the instant' '
	TZ=Europe/Paris rapport --json person show "Travel Recruiter" >out.json &&
	jv_eq interactions.1.at "2026-03-02T15:00:00+01:00" <out.json &&
	jv_eq interactions.1.at_as_written "2026-03-02T19:30:00+05:30" <out.json &&
	jv_eq interactions.0.at_as_written "2026-03-02T09:01:00-05:00" <out.json &&
	rapport person add "Day Contact" >/dev/null &&
	rapport log note "on a day" --with "Day Contact" --at 2026-03-01 >/dev/null &&
	rapport --json person show "Day Contact" >out.json &&
	test_eq "$(jv interactions.0.at_as_written <out.json)" None
'

test_expect_success 'a time given with its offset is that instant' '
	rapport person add "Offset Recruiter" >/dev/null &&
	rapport log call "offset" --with "Offset Recruiter" --at 2026-03-02T09:00:00-05:00 \
		>/dev/null &&
	rapport --json person show "Offset Recruiter" >out.json &&
	jv_eq interactions.0.at "2026-03-02T14:00:00+00:00" <out.json
'

keep_in_touch() { # how many keep-in-touch tasks the person has
	rapport --json task list --all >tasks.json &&
	python3 -c 'import json, sys
print(sum(1 for t in json.load(sys.stdin) if t["origin"] == "keep-in-touch"
          and t["person"] and t["person"]["name"] == sys.argv[1]))' "$1" <tasks.json
}

test_expect_success 'a cadence runs out on the day the user is in, not the UTC day' '
	rapport --db kolkata.db config timezone Asia/Kolkata >/dev/null &&
	rapport --db kolkata.db person add "Night Contact" --cadence 7 >/dev/null &&
	on 2026-03-02T01:00 rapport --db kolkata.db log call "late call" \
		--with "Night Contact" >/dev/null &&
	on 2026-03-08T23:00 rapport --db kolkata.db agenda >/dev/null &&
	on 2026-03-08T23:00 rapport --db kolkata.db --json person show "Night Contact" >p.json &&
	jv_eq next_touch "2026-03-09" <p.json &&
	test_eq "$(RAPPORT_DB=kolkata.db on 2026-03-08T23:00 keep_in_touch "Night Contact")" 0 &&
	on 2026-03-09T00:30 rapport --db kolkata.db agenda >/dev/null &&
	test_eq "$(RAPPORT_DB=kolkata.db on 2026-03-09T00:30 keep_in_touch "Night Contact")" 1 &&
	RAPPORT_DB=kolkata.db on 2026-03-09T00:30 rapport --json task list >t.json &&
	jv_eq 0.due "2026-03-09" <t.json
'

# Turn a database of this version back into one of schema 6 as rapport kept
# it then: local wall-clock times in ZONE, a keep-in-touch mark named by the
# local day, without what migrations 7 to 9 added.
downgrade() {
	python3 - "$1" "$2" <<-\EOF
	import datetime, sqlite3, sys, zoneinfo
	db, zone = sqlite3.connect(sys.argv[1]), zoneinfo.ZoneInfo(sys.argv[2])
	cols = {"organisation": ["created_at", "updated_at"],
	        "person": ["created_at", "updated_at", "last_contact"],
	        "opportunity": ["stage_changed_at", "created_at", "updated_at"],
	        "stage_change": ["at"], "opp_person": ["created_at"],
	        "interaction": ["at", "created_at"], "interaction_person": ["at"],
	        "task": ["created_at", "done_at"], "rule_fire": ["at"]}
	def local(v):
	    if v is None or not v.endswith("Z"):
	        return v
	    t = datetime.datetime.fromisoformat(v[:-1] + "+00:00").astimezone(zone)
	    return t.strftime("%Y-%m-%dT%H:%M:%S")
	db.create_function("local", 1, local)
	for table, names in cols.items():
	    for name in names:
	        db.execute(f"UPDATE {table} SET {name} = local({name})")
	db.execute("UPDATE rule_fire SET event = (SELECT 'lapse:' || date(coalesce(p.last_contact,"
	           " p.created_at), '+' || p.cadence || ' days') FROM person p"
	           " WHERE p.id = rule_fire.person_id) WHERE event LIKE 'lapse:%'")
	db.execute("ALTER TABLE interaction DROP COLUMN at_offset")
	# and what migration 8 made (the time rules' bookkeeping)
	for (name,) in db.execute("SELECT name FROM sqlite_schema WHERE type = 'trigger'"
	                          " AND name GLOB '*_dirty_*'").fetchall():
	    db.execute(f"DROP TRIGGER {name}")
	db.execute("DROP TABLE tick_dirty")
	db.execute("DROP TABLE rule_next")
	db.execute("DROP TABLE mail_message")  # migration 9 (mail)
	db.execute("DROP TABLE mail_file")
	db.execute("DROP TABLE mail_proposal")  # migration 10 (mail proposals)
	db.execute("DROP TABLE mail_folder")  # migration 11 (IMAP folders read)
	# migration 13 (the time rules' tasks indexed at a run's end)
	db.execute("DROP TRIGGER task_ai_defer")
	db.execute("DROP TRIGGER task_ai")
	db.execute("CREATE TRIGGER task_ai AFTER INSERT ON task BEGIN INSERT INTO"
	           " search_index(rowid, title, body) VALUES (new.id * 8 + 5, new.title,"
	           " new.why); END")
	db.execute("DROP TABLE search_defer")
	# migration 15 (tasks made ahead, hidden until their day)
	db.execute("DROP INDEX task_status_due")
	db.execute("ALTER TABLE task DROP COLUMN shown_on")
	db.execute("CREATE INDEX task_status_due ON task(status, due)")
	db.execute("PRAGMA user_version = 6")
	db.commit()
	EOF
}

test_expect_success 'setup: a database of schema 6, its times in New York time' '
	rapport --db old.db person add "Old Contact" --cadence 7 >/dev/null &&
	on 2026-03-02T03:00 rapport --db old.db log call "evening call" \
		--with "Old Contact" >/dev/null &&
	on 2026-03-09T10:00 rapport --db old.db agenda >/dev/null &&
	test_eq "$(RAPPORT_DB=old.db on 2026-03-09T10:00 keep_in_touch "Old Contact")" 1 &&
	RAPPORT_DB=old.db on 2026-03-09T10:00 rapport --json task list >t.json &&
	on 2026-03-09T10:00 rapport --db old.db task skip "$(jv 0.id <t.json)" >/dev/null &&
	downgrade old.db America/New_York &&
	python3 -c "import sqlite3; print(sqlite3.connect(\"old.db\").execute(\"SELECT at FROM interaction\").fetchone()[0])" >at &&
	test_eq "$(cat at)" "2026-03-01T22:00:00"
'

test_expect_success 'opening it converts the times once, in the zone it was written in, and says so' '
	TZ=America/New_York rapport --db old.db --json person show "Old Contact" >p.json \
		2>"$TEST_DIR/err" &&
	has "$TEST_DIR/err" "now keeps times in UTC" &&
	has "$TEST_DIR/err" "America/New_York" &&
	jv_eq interactions.0.at "2026-03-01T22:00:00-05:00" <p.json &&
	TZ=Asia/Tokyo rapport --db old.db --json person show "Old Contact" >p.json &&
	jv_eq interactions.0.at_as_written "2026-03-01T22:00:00-05:00" <p.json &&
	python3 -c "import sqlite3; print(sqlite3.connect(\"old.db\").execute(\"SELECT at FROM interaction\").fetchone()[0])" >at &&
	test_eq "$(cat at)" "2026-03-02T03:00:00Z" &&
	TZ=America/New_York rapport --db old.db --json person show "Old Contact" >p.json \
		2>"$TEST_DIR/err" &&
	hasnt "$TEST_DIR/err" "UTC"
'

test_expect_success 'a keep-in-touch already handled does not come back after the conversion' '
	TZ=America/New_York on 2026-03-10T10:00 rapport --db old.db agenda >/dev/null &&
	test_eq "$(RAPPORT_DB=old.db keep_in_touch "Old Contact")" 1
'

test_expect_success 'a JSON backup of schema 6 is converted when it is loaded' '
	rapport --db b.db person add "Backup Contact" >/dev/null &&
	on 2026-03-02T03:00 rapport --db b.db log call "evening call" \
		--with "Backup Contact" >/dev/null &&
	rapport --db b.db export >b7.json &&
	python3 - b7.json b6.json America/New_York <<-\EOF &&
	import datetime, json, sys, zoneinfo
	doc, zone = json.load(open(sys.argv[1])), zoneinfo.ZoneInfo(sys.argv[3])
	def local(v):
	    if not isinstance(v, str) or not v.endswith("Z") or len(v) != 20:
	        return v
	    t = datetime.datetime.fromisoformat(v[:-1] + "+00:00").astimezone(zone)
	    return t.strftime("%Y-%m-%dT%H:%M:%S")
	for rows in doc["tables"].values():
	    for row in rows:
	        row.pop("at_offset", None)
	        row.pop("shown_on", None)
	        for k in row:
	            row[k] = local(row[k])
	doc["schema"] = 6
	json.dump(doc, open(sys.argv[2], "w"))
	EOF
	grep -q "2026-03-01T22:00:00\"" b6.json &&
	TZ=America/New_York rapport --db loaded.db import json b6.json >/dev/null &&
	rapport --db loaded.db export >out.json &&
	grep -q "2026-03-02T03:00:00Z" out.json &&
	rapport --db loaded.db --json person show "Backup Contact" >p.json &&
	jv_eq interactions.0.at_as_written "2026-03-01T22:00:00-05:00" <p.json
'

test_expect_success 'a new database says nothing about converting' '
	rapport --db fresh.db org add "Fresh Org" >/dev/null 2>"$TEST_DIR/err" &&
	hasnt "$TEST_DIR/err" "UTC"
'

test_done
