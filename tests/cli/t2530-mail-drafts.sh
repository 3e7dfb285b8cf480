#!/bin/sh
# Drafts that thread (issue 19): every draft of a task carries the task's
# Message-ID; mail that answers it goes on the task's opportunity (and its
# person, when the answer comes from an address no one is known by), and
# the draft read from the Sent folder, or any e-mail sent to a person with
# an open e-mail or letter task, proposes the task done. The messages are
# written by the test.
. "$(dirname "$0")/test-lib.sh"

export RAPPORT_NOW=2026-03-11T09:00

# msg FILE FROM TO MESSAGE-ID IN-REPLY-TO SUBJECT: a plain message.
msg() {
	{
		printf 'From: %s\nTo: %s\nSubject: %s\n' "$2" "$3" "$6"
		printf 'Date: Thu, 12 Mar 2026 10:00:00 +0000\nMessage-ID: <%s>\n' "$4"
		[ -z "$5" ] || printf 'In-Reply-To: <%s>\nReferences: <%s>\n' "$5" "$5"
		printf '\nThank you for your note.\n'
	} >"$1"
}

# task_status ID: open, done or skipped.
task_status() {
	rapport --json task list --all >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" python3 -c '
import json, sys
print(*[t["status"] for t in json.load(sys.stdin) if t["id"] == int(sys.argv[1])])' "$1"
}

# logged_opp ID: the opportunity an e-mail logged from message ID is on.
logged_opp() {
	rapport --json mail import "$1" >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" python3 -c '
import json, sys
e = json.load(sys.stdin)["emails"]
for m in e:
    print("|".join((m["direction"], m["people"], m["opportunity"] or "-")))'
}

test_expect_success 'a search: one person on two opportunities, a letter to write' '
	rapport config email me@example.org >/dev/null &&
	rapport config name "Job Seeker" >/dev/null &&
	rapport opp add "Quartz Insurance" "Data Engineer" --slug data >/dev/null &&
	rapport opp add "Quartz Insurance" "Data Lead" --slug lead >/dev/null &&
	rapport person add "Hiring Manager" --org "Quartz Insurance" \
		--email hm@quartz.example.com >/dev/null &&
	rapport opp link data "Hiring Manager" >/dev/null &&
	rapport opp link lead "Hiring Manager" >/dev/null &&
	rapport task add "Write to the hiring manager" --kind email --with "Hiring Manager" \
		--opp lead --template keep-in-touch >/dev/null &&
	rapport draft 1 --eml draft.eml >/dev/null &&
	sed -n "s/^Message-ID: <\(.*\)>\r$/\1/p" draft.eml >id &&
	test -s id
'

test_expect_success 'a reply to the draft goes on its task opportunity, not on none' '
	msg reply.eml hm@quartz.example.com me@example.org reply-1@quartz.example.com \
		"$(cat id)" "Re: Keeping in touch" &&
	logged_opp reply.eml >got &&
	test_eq "$(cat got)" "in|Hiring Manager|lead"
'

test_expect_success 'a reply without the draft in its thread has no opportunity (two are open)' '
	msg other.eml hm@quartz.example.com me@example.org reply-2@quartz.example.com "" \
		"A question" &&
	logged_opp other.eml >got &&
	test_eq "$(cat got)" "in|Hiring Manager|-"
'

test_expect_success 'a reply from an address no one has, to the draft, is from its person' '
	msg home.eml hiring.home@example.net me@example.org reply-3@example.net "$(cat id)" \
		"Re: Keeping in touch (from home)" &&
	logged_opp home.eml >got &&
	test_eq "$(cat got)" "in|Hiring Manager|lead"
'

test_expect_success 'a draft answered after its task was made anew (same number) finds nothing' '
	sed "s/^\([0-9]\{14\}\)/19990101000000/" id >old-id &&
	msg stale.eml stranger@example.net me@example.org reply-4@example.net "$(cat old-id)" \
		"Re: an old draft" &&
	rapport --json mail import stale.eml >sum &&
	<sum jv_eq logged 0 unknown 1
'

test_expect_success 'the draft, read from the Sent folder, proposes its task done' '
	msg sent.eml me@example.org hm@quartz.example.com "$(cat id)" "" "Keeping in touch" &&
	logged_opp sent.eml >got &&
	test_eq "$(cat got)" "out|Hiring Manager|lead" &&
	rapport --json inbox >"$TEST_DIR/.rp" &&
	<"$TEST_DIR/.rp" python3 -c "
import json, sys
p = [p for p in json.load(sys.stdin) if p[\"kind\"] == \"task-done\"]
assert len(p) == 1, p
assert p[0][\"task\"] == {\"id\": 1, \"title\": \"Write to the hiring manager\"}, p
assert p[0][\"opportunity\"][\"slug\"] == \"lead\", p
print(p[0][\"id\"])" >n &&
	rapport inbox >out &&
	has out "accept: mark task 1 done (Write to the hiring manager)" &&
	test_eq "$(task_status 1)" open
'

test_expect_success 'accepting marks the task done without logging the e-mail twice' '
	rapport --json person show "Hiring Manager" >"$TEST_DIR/.rp" &&
	before=$(<"$TEST_DIR/.rp" python3 -c "import json,sys; print(len(json.load(sys.stdin)[\"interactions\"]))") &&
	rapport inbox accept "$(cat n)" >out &&
	test_eq "$(task_status 1)" done &&
	rapport --json person show "Hiring Manager" >"$TEST_DIR/.rp" &&
	after=$(<"$TEST_DIR/.rp" python3 -c "import json,sys; print(len(json.load(sys.stdin)[\"interactions\"]))") &&
	test_eq "$after" "$before"
'

test_expect_success 'any e-mail sent to a person with an open e-mail task proposes it done' '
	rapport task add "Send the portfolio" --kind email --with "Hiring Manager" \
		--opp data >/dev/null &&
	rapport task add "Call back" --kind call --with "Hiring Manager" >/dev/null &&
	msg plain.eml me@example.org hm@quartz.example.com out-2@example.org "" "Portfolio" &&
	rapport --json mail import plain.eml >sum &&
	<sum jv_eq logged 1 proposed 1 &&
	rapport inbox >out &&
	has out "accept: mark task 2 done (Send the portfolio)"
'

test_expect_success 'the draft of a task closed by hand proposes no other task' '
	rapport task add "Thank the hiring manager" --kind letter --with "Hiring Manager" \
		--opp data --template thank-you >/dev/null &&
	rapport draft 4 --eml thanks.eml >/dev/null &&
	sed -n "s/^Message-ID: <\(.*\)>\r$/\1/p" thanks.eml >id4 &&
	rapport task done 4 --no-log >/dev/null &&
	msg sent4.eml me@example.org hm@quartz.example.com "$(cat id4)" "" "Thank you" &&
	rapport --json mail import sent4.eml >sum &&
	<sum jv_eq logged 1 proposed 0
'

test_expect_success 'an e-mail to someone with no such task proposes nothing' '
	rapport person add "Data Recruiter" --email recruiter@agency.example.com >/dev/null &&
	msg none.eml me@example.org recruiter@agency.example.com out-3@example.org "" "Hello" &&
	rapport --json mail import none.eml >sum &&
	<sum jv_eq logged 1 proposed 0
'

test_done
