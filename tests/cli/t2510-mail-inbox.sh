#!/bin/sh
# rapport inbox: what imported mail proposes (tests/cli/inbox, written for
# these tests): a rejection in English, French, German and Spanish, an
# interview invitation with its date and time, an offer, a request for
# information, an applicant tracking system's receipt, an unknown sender
# at a known organisation's domain, and a message that proposes nothing.
# Nothing changes until accepted; accepting does what the command does
# (the rejected playbook follows), undo takes it back, errors write
# nothing; a user's mail-rules.ini overrides a built-in rule; mail rules
# check; the web Inbox page.
. "$(dirname "$0")/test-lib.sh"

MAIL=$TEST_ROOT/cli/inbox
export RAPPORT_NOW=2026-03-11T09:00

# opp SLUG ORG PERSON EMAIL: an opportunity, applied for, with its contact.
opp() {
	rapport opp add "$2" "Engineer" --slug "$1" >/dev/null &&
	rapport opp move "$1" applied >/dev/null &&
	rapport person add "$3" --org "$2" --email "$4" >/dev/null &&
	rapport opp link "$1" "$3" >/dev/null
}

# search: an interview at Quartz Insurance (so the rejected playbook has
# someone met), four more applications, and a lead at Harbor Analytics.
search() {
	rapport config email me@example.org >/dev/null &&
	opp job "Quartz Insurance" "Hiring Manager" hm@quartz.example.com &&
	rapport opp move job interviewing >/dev/null &&
	rapport log interview "First interview" --with "Hiring Manager" --opp job \
		--at 2026-03-02T10:00 >/dev/null &&
	opp fr "Lyon Exemple" "Responsable RH" rh@lyon.example.com &&
	opp de "Berlin Beispiel" "HR Partner" hr@berlin.example.com &&
	opp es "Madrid Ejemplo" "Talent Recruiter" rrhh@madrid.example.com &&
	opp north "North Systems" "Department Head" head@north.example.com &&
	rapport opp add "Harbor Analytics" "Analytics Lead" --slug harbor >/dev/null &&
	rapport person add "Team Lead" --org "Harbor Analytics" \
		--email lead@harbor.example.com >/dev/null &&
	rapport person add "Careers Team" --org "Harbor Analytics" \
		--email careers@harbor.example.com >/dev/null &&
	rapport opp link harbor "Team Lead" >/dev/null &&
	rapport opp link harbor "Careers Team" >/dev/null
}

# proposals: the open ones, one a line: id|kind|person|opportunity|phrase|at.
proposals() {
	rapport --json inbox >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" python3 -c '
import json, sys
for p in json.load(sys.stdin):
    who = p["person"]["name"] if p["person"] else p["name"]
    opp = p["opportunity"]["slug"] if p["opportunity"] else "-"
    print("|".join(str(x) for x in (p["id"], p["kind"], who, opp, p["phrase"] or "-", p["at"] or "-")))
'
}

# id_of KIND OPP: the id of the open proposal of that kind on that opportunity.
id_of() {
	proposals >"$TEST_DIR/.ids" && awk -F"|" -v k="$1" -v o="$2" '$2 == k && $4 == o { print $1 }' \
		"$TEST_DIR/.ids"
}

stage_of() {
	rapport --json opp show "$1" >"$TEST_DIR/.rp" && <"$TEST_DIR/.rp" jv stage
}

test_expect_success 'import: each message proposes what it means, nothing changes yet' '
	search &&
	rapport export >before-import &&
	rapport --json mail import "$MAIL"/*.eml >sum &&
	<sum jv_eq messages 10 logged 9 unknown 1 proposed 9 &&
	proposals | cut -d"|" -f2- >got &&
	cat >want <<-\EOF &&
	application-received|Careers Team|harbor|we have received your application|-
	interview|Team Lead|harbor|invite you to an interview|2026-03-12T10:00:00+00:00
	information-request|Team Lead|harbor|could you send us|-
	reject|Hiring Manager|job|we have decided to move forward with other candidates|-
	reject|Responsable RH|fr|nous avons décidé de ne pas donner suite à votre candidature|-
	reject|HR Partner|de|für einen anderen Kandidaten entschieden|-
	reject|Talent Recruiter|es|hemos decidido continuar con otros candidatos|-
	add-person|Talent Partner|-|-|-
	offer|Department Head|north|we are pleased to offer you|-
	EOF
	test_cmp want got &&
	test_eq "$(stage_of job)" interviewing &&
	test_eq "$(stage_of harbor)" lead &&
	rapport task list >tasks &&
	! grep -q "Hiring Manager" tasks
'

test_expect_success 'the list says what accepting does; agenda counts the proposals' '
	rapport inbox >out &&
	has out "accept: move job to rejected" "accept: log an interview on 2026-03-12T10:00" \
		"accept: add Talent Partner <talent@quartz.example.com> to Quartz Insurance" \
		"matched: \"für einen anderen Kandidaten entschieden\"" &&
	rapport --json agenda >ag &&
	<ag jv_eq proposals 9 &&
	rapport inbox --format tsv >tsv &&
	test_eq "$(head -1 tsv)" "$(printf "id\tproposes\tdate\tperson\topp\tsubject\tphrase\taccept")"
'

test_expect_success 'importing the same mail again proposes nothing new' '
	rapport --json mail import "$MAIL"/*.eml >sum &&
	<sum jv_eq logged 0 proposed 0 &&
	test_eq "$(proposals | wc -l)" 9
'

test_expect_success 'accept a rejection: the stage moves and the rejected playbook follows' '
	n=$(id_of reject job) &&
	rapport inbox accept "$n" >out &&
	has out "accepted proposal $n: move job to rejected" &&
	test_eq "$(stage_of job)" rejected &&
	rapport task list >tasks &&
	has tasks "Stay-in-touch letter to Hiring Manager" &&
	rapport --json opp show job >"$TEST_DIR/.rp" &&
	<"$TEST_DIR/.rp" python3 -c "
import json, sys
print(json.load(sys.stdin)[\"stage_history\"][-1][\"note\"])" >note &&
	has note "e-mail of 2026-03-09: Your application: Data Engineer"
'

test_expect_success 'accepting twice, an unknown id, a bad id: one line, nothing written' '
	db_digest >before &&
	test_must_fail 1 rapport inbox accept 6 &&
	test_stderr_contains "rapport: proposal 6 is already accepted" &&
	test_must_fail 1 rapport inbox dismiss 6 &&
	test_stderr_contains "rapport: proposal 6 is already accepted" &&
	test_must_fail 1 rapport inbox accept 99 &&
	test_stderr_contains "rapport: no proposal 99" &&
	test_must_fail 1 rapport inbox accept two &&
	test_stderr_contains "proposal id" &&
	db_digest >after &&
	test_cmp before after
'

test_expect_success 'undo takes the accept back: stage, follow-ups and the proposal' '
	rapport undo >out &&
	has out "undid: inbox accept" &&
	test_eq "$(stage_of job)" interviewing &&
	rapport task list >tasks &&
	! grep -q "Stay-in-touch letter" tasks &&
	test -n "$(id_of reject job)"
'

test_expect_success 'dismiss closes a proposal and changes nothing else' '
	n=$(id_of reject fr) &&
	rapport inbox dismiss "$n" >out &&
	has out "dismissed proposal $n (reject: Votre candidature)" &&
	test_eq "$(stage_of fr)" applied &&
	test -z "$(id_of reject fr)" &&
	rapport undo >/dev/null &&
	test -n "$(id_of reject fr)"
'

test_expect_success 'German and Spanish rejections, an offer: each moves its opportunity' '
	rapport inbox accept "$(id_of reject de)" >/dev/null &&
	rapport inbox accept "$(id_of reject es)" >/dev/null &&
	rapport inbox accept "$(id_of offer north)" >/dev/null &&
	test_eq "$(stage_of de)" rejected &&
	test_eq "$(stage_of es)" rejected &&
	test_eq "$(stage_of north)" offer
'

test_expect_success 'an ATS receipt moves a lead to applied; a request makes a task' '
	rapport inbox accept "$(id_of application-received harbor)" >/dev/null &&
	test_eq "$(stage_of harbor)" applied &&
	rapport inbox accept "$(id_of information-request harbor)" >/dev/null &&
	rapport task list >tasks &&
	has tasks "Answer the request for information: Before we meet"
'

test_expect_success 'an interview is logged at the time the message gives' '
	rapport inbox accept "$(id_of interview harbor)" >/dev/null &&
	rapport --json opp show harbor >"$TEST_DIR/.rp" &&
	<"$TEST_DIR/.rp" python3 -c "
import json, sys
i = [i for i in json.load(sys.stdin)[\"interactions\"] if i[\"kind\"] == \"interview\"]
print(i[0][\"at\"], i[0][\"people\"][0][\"name\"])" >got &&
	echo "2026-03-12T10:00:00+00:00 Team Lead" >want &&
	test_cmp want got
'

test_expect_success 'an unknown sender at a known domain: accepted, they are added' '
	rapport inbox accept "$(id_of add-person -)" >/dev/null &&
	rapport --json person show "Talent Partner" >"$TEST_DIR/.rp" &&
	<"$TEST_DIR/.rp" jv_eq email talent@quartz.example.com organisation.name "Quartz Insurance"
'

test_use_db dates.db
test_expect_success 'an invitation without a time asks for one; --at gives it' '
	search &&
	for when in "2026-03-12 10:00" "12/03/2026 10h00" "le 12 mars à 10h30" \
		"am 12. März um 14:15 Uhr" "el 12 de marzo a las 9:45" "on March 12th at 2:30 pm" \
		"next week"; do
		n=$((${n:-0} + 1)) &&
		printf "From: hm@quartz.example.com\nTo: me@example.org\nSubject: Interview\nDate: Thu, 05 Mar 2026 09:00:00 +0000\nMessage-ID: <when-%d@example.com>\n\nWe would like to invite you to an interview %s.\n" \
			$n "$when" >when-$n.eml || return 1
	done &&
	rapport mail import when-*.eml >/dev/null &&
	proposals | cut -d"|" -f6 >got &&
	cat >want <<-\EOF &&
	2026-03-12T10:00:00+00:00
	2026-03-12T10:00:00+00:00
	2026-03-12T10:30:00+00:00
	2026-03-12T14:15:00+00:00
	2026-03-12T09:45:00+00:00
	2026-03-12T14:30:00+00:00
	-
	EOF
	test_cmp want got &&
	n=$(proposals | tail -1 | cut -d"|" -f1) &&
	test_must_fail 1 rapport inbox accept "$n" &&
	test_stderr_contains "gives no time for the interview: say when with --at" &&
	rapport inbox accept "$n" --at 2026-03-13T11:00 >out &&
	has out "accepted proposal $n"
'

test_use_db rules.db
test_expect_success 'a user mail-rules.ini replaces a built-in rule and adds its own' '
	search &&
	mkdir -p "$XDG_CONFIG_HOME/rapport" &&
	cat >"$XDG_CONFIG_HOME/rapport/mail-rules.ini" <<-\EOF &&
	[reject-en]
	enabled = no

	[meetup-slides]
	propose = information-request
	phrase = the slides I mentioned
	EOF
	rapport mail import "$MAIL/reject-en.eml" "$MAIL/nothing.eml" >/dev/null &&
	proposals | cut -d"|" -f2,5 >got &&
	echo "information-request|the slides I mentioned" >want &&
	test_cmp want got &&
	rapport mail rules >list &&
	grep -q "^reject-en .*\[off\]$" list &&
	grep -q "^meetup-slides .*mail-rules.ini:4$" list
'

test_expect_success 'mail rules check: file:line errors; a broken user file stops an import' '
	printf "[odd]\npropose = maybe\nphrase = x y\n" >bad.ini &&
	test_must_fail 1 rapport mail rules check bad.ini &&
	test_stderr_contains "rapport: bad.ini:2: propose is reject, offer, interview" &&
	printf "[nothing]\npropose = offer\n" >empty.ini &&
	test_must_fail 1 rapport mail rules check empty.ini &&
	test_stderr_contains "rapport: empty.ini:1: rule '"'"'nothing'"'"' has no phrase" &&
	printf "[ok]\npropose = offer\nphrase = welcome aboard\n" >good.ini &&
	rapport mail rules check good.ini >out &&
	has out "good.ini: 15 rules in force, no errors" &&
	test_must_fail 1 rapport mail rules check missing.ini &&
	test_stderr_contains "cannot read '"'"'missing.ini'"'"'" &&
	cp bad.ini "$XDG_CONFIG_HOME/rapport/mail-rules.ini" &&
	db_digest >before &&
	test_must_fail 1 rapport mail import "$MAIL/offer.eml" &&
	test_stderr_contains "mail-rules.ini:2: propose is" &&
	db_digest >after &&
	test_cmp before after &&
	rm "$XDG_CONFIG_HOME/rapport/mail-rules.ini"
'

test_use_db web.db
search || exit 1
serve_start
test_expect_success 'web: the empty Inbox teaches; Today links to it' '
	http GET /inbox >page &&
	test "$(head -1 page)" = 200 &&
	grep -q "rapport mail import" page &&
	http GET / >today &&
	grep -q "<a href=\"/inbox\">Inbox</a>" today
'

test_expect_success 'web: the proposals with Accept and Dismiss; Accept applies one' '
	rapport mail import "$MAIL/reject-en.eml" "$MAIL/offer.eml" >/dev/null &&
	http GET / >today &&
	grep -q "<a href=\"/inbox\">Inbox: 2 proposals</a>" today &&
	http GET /inbox >page &&
	grep -q "we have decided to move forward with other candidates" page &&
	grep -q "<h2>A rejection</h2>" page &&
	grep -q "Accept to move <a href=\"/opportunities/job\">" page &&
	! grep -q "move job to" page &&
	grep -q "action=\"/inbox/1/accept\"" page &&
	grep -q "action=\"/inbox/2/dismiss\"" page &&
	http POST /inbox/1/accept >resp &&
	test "$(head -1 resp)" = 303 &&
	test_eq "$(stage_of job)" rejected &&
	http POST /inbox/2/dismiss >resp &&
	test "$(head -1 resp)" = 303 &&
	test_eq "$(stage_of north)" applied &&
	http POST /inbox/2/accept >resp &&
	test "$(head -1 resp)" = 400 &&
	grep -q "proposal 2 is already dismissed" resp
'

serve_stop
test_done
