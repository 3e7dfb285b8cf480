#!/bin/sh
# Every form of the web UI shows a refused POST the same way (form_error,
# src/web/form.c): a bad value or a record the form names that does not
# exist is said beside its field (or at the form's top when it belongs to no
# field), with status 400, the form shown again and nothing saved; a record
# of the address that does not exist is a 404 page.
. "$(dirname "$0")/test-lib.sh"

# beside FIELD_ID TEXT: the page in resp has status 400, and TEXT in the
# error beside the field whose error id is e-FIELD_ID.
beside() {
	test "$(head -1 resp)" = 400 &&
	grep -q "<p class=\"error-text\" id=\"e-$1\">[^<]*$2" resp
}

# at_top TEXT: status 400, and TEXT in the errors at the form's top.
at_top() {
	test "$(head -1 resp)" = 400 &&
	grep -q "<div class=\"form-errors\" role=\"alert\"><p>[^<]*$1" resp
}

# not_found METHOD PATH [NAME=VALUE...]: a 404 page.
not_found() {
	http "$@" >resp &&
	test "$(head -1 resp)" = 404 &&
	grep -q "<h1>Not found</h1>" resp
}

rapport want add "Remote two days a week" --weight 5 >/dev/null &&
rapport opp add "Acme Analytics" "Data Lead" --slug acme >/dev/null &&
rapport org add "Globex" >/dev/null &&
rapport person add "Hiring Manager" --org "Acme Analytics" >/dev/null &&
rapport feedback add acme "Clear answers" --from "Hiring Manager" >/dev/null || exit 1

serve_start
# signed in first: the session is kept in the database
http GET / >resp && before=$(db_digest) || exit 1

test_expect_success 'wants: a bad weight beside it, an unknown conversation at the top' '
	http POST /wants text="Small team" weight=9 >resp &&
	beside new-weight "the weight" &&
	grep -q "value=\"Small team\"" resp &&
	http POST /wants/1/edit text="Remote" weight=0 >resp &&
	beside w1-weight "the weight" &&
	http POST /opportunities/acme/wants want=1 status=met interaction=99999 >resp &&
	at_top "99999"
'

test_expect_success 'wants: an address naming no want or opportunity is a 404' '
	not_found POST /wants/99999/edit text="Remote" &&
	not_found POST /wants/99999/delete &&
	not_found POST /opportunities/nosuch/wants want=1 status=met
'

test_expect_success 'opportunities: a bad value or a taken slug beside its field' '
	http POST /opportunities org="Initech" title="Data Lead" url="javascript:x" >resp &&
	beside url "URL" &&
	http POST /opportunities/acme/edit org="Acme Analytics" title="" slug=acme >resp &&
	beside title "title" &&
	http POST /opportunities/acme/move stage=lead >resp &&
	test "$(head -1 resp)" = 400 &&
	grep -q "<p class=\"error-text\" role=\"alert\">[^<]*already in stage lead" resp &&
	not_found POST /opportunities/nosuch/edit org=Acme title=Lead slug=nosuch &&
	not_found POST /opportunities/nosuch/move stage=applied
'

test_expect_success 'people and organisations: beside the field, and 404 for no such record' '
	http POST /people name="Data Recruiter" email="not-an-address" >resp &&
	beside email "not an e-mail address" &&
	http POST /orgs/1/edit name="Globex" >resp &&
	beside name "Globex" &&
	not_found POST /people/99999/edit name="Data Recruiter" &&
	not_found POST /orgs/99999/edit name="Initech"
'

test_expect_success 'tasks, the log, questions: a bad value or an unknown record beside it' '
	http POST /tasks title="Send the deck" opp=nosuch >resp &&
	beside opp "nosuch" &&
	http POST /log kind=call summary="Call" at=nonsense >resp &&
	beside at "malformed date" &&
	http POST /questions text="" >resp &&
	beside text "must not be empty"
'

test_expect_success 'feedback and improvement: unknown feedback at the top, no opportunity beside it' '
	http POST /improve title="Shorter answers" from_feedback=99999 >resp &&
	at_top "99999" &&
	http POST /feedback opp=nosuch from="Hiring Manager" text="Good" >resp &&
	beside opp "nosuch"
'

test_expect_success 'nothing was saved' '
	test "$(db_digest)" = "$before"
'

serve_stop
test_done
