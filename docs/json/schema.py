#!/usr/bin/env python3
"""docs/json/schema.py: writes rapport.schema.json beside it, the JSON Schema
of every record and of each command's --json output.

The schema is kept here, in this short form, and written out with
    python3 docs/json/schema.py
(tests/cli/t3000 checks that the two agree). tests/cli/json-check.py checks
every --json output the end-to-end scripts get against the written file.
"""
import json
import os
import sys
def ref(n): return {"$ref": "#/$defs/" + n}
def nullable(s): return {"anyOf": [s, {"type": "null"}]}
S = {"type": "string"}; I = {"type": "integer"}; B = {"type": "boolean"}; N = {"type": "number"}
def obj(props, required=None):
    return {"type": "object", "properties": props, "required": list(required if required is not None else props)}
def arr(items): return {"type": "array", "items": items}
defs = {
 "time": {"description": "A moment: RFC 3339 with its offset from UTC.", "type": "string",
          "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}[+-][0-9]{2}:[0-9]{2}$"},
 "day": {"description": "A day: YYYY-MM-DD.", "type": "string", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"},
 "stage": {"enum": ["lead", "applied", "conversation", "interviewing", "offer", "negotiating", "accepted", "declined", "rejected", "withdrawn"]},
 "role": {"enum": ["hiring-manager", "peer", "hr", "recruiter", "executive", "referrer", "interviewer", "other"]},
 "want_status": {"enum": ["unknown", "met", "partly", "unmet", "vague"]},
 "org_ref": {"description": "A reference to an organisation, everywhere.", **obj({"id": I, "name": S})},
 "person_ref": {"description": "A reference to a person, everywhere; role where the person has one in an opportunity.",
                **obj({"id": I, "name": S, "role": ref("role")}, ["id", "name"]), "additionalProperties": False},
 "opp_ref": {"description": "A reference to an opportunity, everywhere.",
             **obj({"id": I, "slug": S, "title": S, "organisation": nullable(ref("org_ref"))}), "additionalProperties": False},
 "task_ref": {"description": "A reference to a task.", **obj({"id": I, "title": S})},
 "org": obj({"id": I, "name": S, "website": nullable(S), "location": nullable(S), "notes": nullable(S),
             "created_at": ref("time"), "updated_at": ref("time")}),
 "person": obj({"id": I, "name": S, "organisation": nullable(ref("org_ref")), "title": nullable(S), "email": nullable(S),
                "phone": nullable(S), "linkedin": nullable(S), "rapport": nullable(I), "cadence": nullable(I), "tags": arr(S),
                "notes": nullable(S), "created_at": ref("time"), "updated_at": ref("time"), "connected_on": nullable(ref("day")),
                "uid": nullable(S), "last_contact": nullable(ref("day")), "next_touch": nullable(ref("day"))}),
 "opportunity": obj({"id": I, "slug": S, "title": S, "organisation": nullable(ref("org_ref")), "stage": ref("stage"),
                     "stage_changed_at": nullable(ref("time")), "level_applied": nullable(S), "level_offered": nullable(S),
                     "source": nullable(S), "url": nullable(S), "salary_target": nullable(I),
                     "salary_range": nullable(obj({"low": I, "high": I})), "salary_offered": nullable(I), "notes": nullable(S),
                     "created_at": ref("time"), "updated_at": ref("time")}),
 "stage_change": obj({"from": nullable(ref("stage")), "to": ref("stage"), "at": ref("time"), "note": nullable(S)}),
 "interaction": obj({"id": I, "kind": S, "at": ref("time"), "at_as_written": nullable(ref("time")), "all_day": B, "direction": {"enum": ["in", "out"]},
                     "opportunity": nullable(ref("opp_ref")), "summary": S, "notes": nullable(S), "chemistry": nullable(I),
                     "people": arr(ref("person_ref")), "created_at": ref("time")}),
 "task": obj({"id": I, "title": S, "kind": S, "due": ref("day"), "due_at": nullable(ref("time")),
              "status": {"enum": ["open", "done", "skipped"]}, "origin": S, "why": nullable(S), "template": nullable(S),
              "person": nullable(ref("person_ref")), "opportunity": nullable(ref("opp_ref")), "created_at": ref("time"),
              "done_at": nullable(ref("time")), "feedback_id": nullable(I)}),
 "want": obj({"id": I, "text": S, "weight": I, "must": B, "category": nullable(S), "created_at": ref("time"), "updated_at": ref("time")}),
 "evidence": obj({"id": I, "status": ref("want_status"), "by": nullable(ref("person_ref")), "interaction": nullable(I),
                  "note": nullable(S), "at": ref("time")}),
 "want_standing": {"allOf": [ref("want"), obj({"status": ref("want_status"), "evidence": arr(ref("evidence"))})]},
 "question": obj({"id": I, "key": nullable(S), "text": S, "stages": arr(S), "audiences": arr(S), "verifies": arr(S), "wants": arr(I)}),
 "fit_summary": obj({"score": nullable(N), "coverage": N, "known": I, "total": I, "deal_breakers": I}),
 "debrief": obj({"id": I, "opportunity": nullable(ref("opp_ref")), "interaction": nullable(obj({"id": I, "summary": nullable(S)})),
                 "went_well": nullable(S), "refine": nullable(S), "chemistry": nullable(I), "notes": nullable(S),
                 "at": ref("time"), "created_at": ref("time"),
                 "asked": arr(obj({"id": I, "question_id": nullable(I), "text": S, "answer": nullable(S), "by": nullable(ref("person_ref")),
                                   "mark": nullable(obj({"evidence_id": I, "want": obj({"id": I, "text": S}), "status": ref("want_status")})),
                                   "at": ref("time")}))}),
 "feedback": obj({"id": I, "opportunity": nullable(ref("opp_ref")), "person": nullable(ref("person_ref")), "text": S,
                  "at": ref("time"), "created_at": ref("time")}),
 "round": obj({"id": I, "side": {"enum": ["ask", "reply"]}, "base": nullable(I), "bonus": nullable(I), "equity": nullable(S),
               "title": nullable(S), "level": nullable(S), "start": nullable(S), "text": nullable(S), "at": ref("time")}),
 "offer": obj({"id": I, "opportunity": ref("opp_ref"), "base": nullable(I), "bonus": nullable(I), "equity": nullable(S),
               "title": nullable(S), "level": nullable(S), "start": nullable(S), "deadline": nullable(ref("day")),
               "benefits": nullable(S), "notes": nullable(S), "created_at": ref("time"), "updated_at": ref("time"),
               "rounds": arr(ref("round")), "stage": ref("stage"), "compensation": nullable(I), "days_to_deadline": nullable(I)},
              ["id", "opportunity", "base", "deadline", "created_at", "updated_at", "rounds", "stage"]),
 "import_report": obj({"rows": I}, ["rows"]),
 "mail_import_report": {"description": "What mail import logged (or would, with dry_run) and what it did not: messages logged before (by Message-ID), Maildir files read before (not opened), automatic mail, mail from and to no one known, and the messages that could not be read.",
                        **obj({"dry_run": B, "messages": I, "logged": I, "inbound": I, "outbound": I, "logged_before": I,
                               "files_read_before": I, "automatic": I, "unknown": I, "proposed": I,
                               "emails": arr(obj({"interaction": nullable(I), "message_id": S, "date": ref("time"),
                                                  "direction": {"enum": ["in", "out"]}, "people": S,
                                                  "opportunity": nullable(S), "summary": S})),
                               "skipped": arr(obj({"source": S, "reason": S}))})},
 "mail_sync_report": {"description": "What mail sync logged (or would, with dry_run): mail import's report for the whole account, and for each folder read, whether it was read whole (never read before, a new UIDVALIDITY, someone new known, or its last sync undone), its new messages, those logged, the proposals made, those not logged (logged before, automatic, from and to no one known) and those that cannot be read.",
                      "allOf": [ref("mail_import_report"),
                                obj({"folders": arr(obj({"folder": S, "whole": B, "messages": I, "logged": I, "proposed": I,
                                                         "not_logged": I, "unreadable": I}))})]},
 "proposal": {"description": "What an imported e-mail proposes (rapport inbox): kind, status, the message (date, subject, Message-ID, the interaction it was logged as), its sender (person; for add-person the name, e-mail and organisation to add them to; for task-done, an e-mail the user sent, the person it went to), the opportunity, the rule and phrase that matched, the interview's time found, the task an e-mail sent does (task-done), and what accepting does.",
              **obj({"id": I, "kind": {"enum": ["reject", "offer", "interview", "information-request", "application-received", "add-person", "task-done"]},
                     "status": {"enum": ["open", "accepted", "dismissed"]}, "date": ref("time"), "subject": S, "message_id": S,
                     "accept": S, "person": nullable(ref("person_ref")), "name": nullable(S), "email": nullable(S),
                     "organisation": nullable(ref("org_ref")), "opportunity": nullable(ref("opp_ref")), "interaction": nullable(I),
                     "rule": nullable(S), "phrase": nullable(S), "at": nullable(ref("time")),
                     "task": nullable(ref("task_ref"))}), "additionalProperties": False},
 "mail_rule": obj({"name": S, "propose": S, "enabled": B, "origin": S, "phrases": arr(S)}),
 "removed": {"type": "object", "required": ["removed"]},
 "merged": obj({"kept": S, "merged": S}),
 "playbook_rule": obj({"name": S, "enabled": B, "trigger": S}),
 "object": {"type": "object"},
}
# the commands' outputs
C = {}
def cmd(names, schema):
    for n in names.split(","):
        C[n.strip()] = schema
defs["cmd-org-show"] = {"allOf": [ref("org"), obj({"opportunities": arr(ref("opportunity")), "people": arr(ref("person_ref"))})]}
defs["cmd-person-show"] = {"allOf": [ref("person"), obj({"interactions": arr(ref("interaction")), "interactions_total": I,
                                                          "tasks": arr(ref("task")), "opportunities": arr(S if False else {"type": "object"})})]}
defs["cmd-opp-show"] = {"allOf": [ref("opportunity"), obj({"people": arr(ref("person_ref")), "stage_history": arr(ref("stage_change")),
                                                          "interactions": arr(ref("interaction")), "interactions_total": I,
                                                          "tasks": arr(ref("task"))})]}
defs["cmd-opp-list"] = arr({"allOf": [ref("opportunity"), obj({"fit": ref("fit_summary")})]})
defs["cmd-log"] = {"allOf": [ref("interaction"), obj({"stage_change": nullable(obj({"from": ref("stage"), "to": ref("stage")}))})]}
defs["cmd-agenda"] = obj({**{s: arr({"allOf": [ref("task"), obj({"score": N})]}) for s in ("overdue", "today", "upcoming")},
                          "proposals": I})
defs["cmd-fit"] = {"allOf": [ref("fit_summary"), obj({"opportunity": ref("opp_ref"), "wants": arr(ref("want_standing")), "to_verify": arr(I)})]}
defs["cmd-prep"] = obj({"opportunity": ref("opp_ref"), "stage": S, "questions": arr(I), "people": arr(ref("person_ref")), "markdown": S})
defs["cmd-draft"] = obj({"task": ref("task_ref"), "template": S, "person": nullable(ref("person_ref")), "email": nullable(S),
                         "subject": S, "body": S, "drafts_folder": S,
                         "sent": obj({"to": S, "interaction": I})},
                        ["task", "template", "person", "email", "subject", "body"])
defs["cmd-opp-link"] = obj({"opportunity": ref("opp_ref"), "person": ref("person_ref"), "role": ref("role")})
defs["cmd-offer-compare"] = obj({"offers": arr(obj({"opportunity": ref("opp_ref"), "stage": ref("stage"), "deadline": nullable(ref("day"))},
                                                  ["opportunity", "stage"])), "wants": arr(ref("object"))})
defs["cmd-feedback-list"] = arr({"allOf": [ref("feedback"), obj({"improvements": arr(ref("task"))})]})
defs["cmd-undo-list"] = arr(obj({"id": I, "at": ref("time"), "what": S, "source": S}))
defs["cmd-want-mark"] = ref("evidence")
defs["cmd-search"] = arr(obj({"type": S, "id": I, "title": S, "detail": nullable(S), "score": N}))
cmd("org add, org edit", ref("org")); cmd("org list", arr(ref("org"))); cmd("org show", ref("cmd-org-show"))
cmd("person add, person edit", ref("person")); cmd("person list", arr(ref("person"))); cmd("person show", ref("cmd-person-show"))
cmd("opp add, opp edit, opp move", ref("opportunity")); cmd("opp list", ref("cmd-opp-list")); cmd("opp show", ref("cmd-opp-show"))
cmd("opp link", ref("cmd-opp-link"))
cmd("log", ref("cmd-log")); cmd("log edit", ref("interaction")); cmd("log move", obj({"moved": I, "at": ref("time")}))
cmd("task add, task done, task skip, task snooze", ref("task")); cmd("task list", arr(ref("task")))
cmd("task reopen", obj({"reopened": I, "was": S}, ["reopened", "was"]))
cmd("agenda", ref("cmd-agenda")); cmd("fit", ref("cmd-fit")); cmd("prep", ref("cmd-prep")); cmd("draft", ref("cmd-draft"))
cmd("want add, want edit", ref("want")); cmd("want list", arr(ref("want"))); cmd("want mark", ref("cmd-want-mark"))
cmd("question add, question edit", ref("question")); cmd("question list", arr(ref("question")))
cmd("debrief, debrief show, debrief edit", ref("debrief")); cmd("debrief list", arr(ref("debrief")))
cmd("feedback add", ref("feedback")); cmd("feedback list", ref("cmd-feedback-list"))
cmd("improve add", ref("task")); cmd("improve list", arr(ref("task")))
cmd("offer add, offer edit, offer show, offer ask, offer reply", ref("offer")); cmd("offer compare", ref("cmd-offer-compare"))
cmd("org rm, person rm, opp rm, log rm, task rm, want rm, question rm, debrief rm, feedback rm, improve rm, offer rm", ref("object"))
cmd("org merge, person merge", ref("merged"))
cmd("undo", {"anyOf": [ref("cmd-undo-list"), ref("object")]})
cmd("search", ref("cmd-search"))
cmd("import json, import linkedin, import csv, import vcard", ref("import_report"))
cmd("mail import", ref("mail_import_report")); cmd("mail sync", ref("mail_sync_report"))
cmd("mail undo", ref("object"))
defs["account"] = obj({"id": I, "email": S, "role": {"enum": ["client", "coach", "admin"]},
                       "state": {"enum": ["active", "invited", "disabled"]}, "created": ref("time"),
                       "disabled": nullable(ref("time"))})
defs["account_link"] = obj({"email": S, "role": {"enum": ["client", "coach", "admin"]}, "link": S, "expires": ref("time")})
cmd("admin coach, admin invite, admin reset-password", ref("account_link")); cmd("admin list", arr(ref("account")))
cmd("admin disable", obj({"disabled": S}))
LEVEL = {"enum": ["read", "suggest"]}
defs["coach_grant"] = obj({"client": S, "coach": S, "level": LEVEL, "granted": ref("time")})
defs["coach_client"] = obj({"id": I, "email": S, "level": LEVEL, "active": I,
                            "by_stage": {"type": "object", "additionalProperties": I},
                            "last_activity": nullable(S), "overdue": I, "silent": I,
                            "interviews": I, "offers": I, "offer_deadline": nullable(ref("day"))})
defs["coach_suggestion"] = obj({"id": I, "kind": {"enum": ["note", "follow-up"]}, "text": S,
                                "due": nullable(ref("day")), "opportunity": nullable(S),
                                "person": nullable(S), "coach": nullable(S)}, ["id", "kind", "text", "due"])
cmd("coach grant", obj({"coach": S, "level": LEVEL})); cmd("coach revoke", obj({"revoked": S}))
cmd("coach list", arr(ref("coach_grant"))); cmd("coach dashboard", arr(ref("coach_client")))
cmd("coach suggestions", arr(ref("coach_suggestion")))
cmd("coach accept, coach dismiss", obj({"id": I, "status": {"enum": ["accepted", "dismissed"]}}))
cmd("mail rules", {"anyOf": [arr(ref("mail_rule")), obj({"file": S, "ok": B, "rules": I})]})
cmd("inbox", arr(ref("proposal"))); cmd("inbox accept, inbox dismiss", ref("proposal"))
cmd("export json, export vcard, export csv, export ical", ref("object"))
cmd("export", ref("object"))
cmd("config", ref("object")); cmd("config levels", ref("object"))
cmd("playbook list, playbook show", arr(ref("playbook_rule"))); cmd("playbook check", ref("object")); cmd("playbook tick", obj({"ran": B, "full": B, "opportunities": I, "people": I}))
cmd("template list", arr(obj({"name": S, "origin": S}, ["name", "origin"]))); cmd("template show, template check", ref("object"))
cmd("backup, restore", ref("object"))
cmd("push, pull", obj({"rows": I, "replaced": B, "new_calendar_key": B}))
cmd("serve", ref("object"))
cmd("demo", obj({"database": S}, ["database"]))
for k in list(C):
    name = "cmd-" + k.replace(" ", "-")
    if name not in defs:
        defs[name] = C[k]
    C[k] = name
root = {"$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://rapport.invalid/json/rapport.schema.json",
        "title": "rapport --json output",
        "description": "The shape of every record and of each command's --json output. 'commands' maps a command to its output's definition in $defs. A moment is RFC 3339 with its offset; a day is YYYY-MM-DD; a reference to a person, an organisation, an opportunity or a task is the same object wherever it appears. New keys may be added; the ones here keep their meaning.",
        "commands": dict(sorted(C.items())), "$defs": defs}
out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "rapport.schema.json")
text = json.dumps(root, indent=1) + "\n"
if sys.argv[1:] == ["--check"]:
    sys.exit(0 if open(out).read() == text else "rapport.schema.json is not what schema.py writes")
open(out, "w").write(text)
print(len(C), "commands,", len(defs), "definitions")
