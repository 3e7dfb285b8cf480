#!/bin/sh
# Playbooks of your own: $XDG_CONFIG_HOME/rapport/playbooks.ini adds rules,
# replaces a built-in rule of the same name, or turns a rule or a whole
# playbook off. Each case has a database of its own.
. "$(dirname "$0")/test-lib.sh"

# origins: the origins of all tasks, one a line, sorted and counted (uniq -c, trimmed).
origins() {
	rapport --json task list --all >"$TEST_DIR/.rp" &&
	<"$TEST_DIR/.rp" python3 -c 'import json, sys; print("\n".join(t["origin"] for t in json.load(sys.stdin)))' |
	sort | uniq -c | sed "s/^ *//"
}

test_use_db thanks.db
test_expect_success 'a [thank-you] of your own replaces the built-in one' '
	playbooks <<-\EOF &&
	# my own way of saying thanks
	[thank-you]
	on    = interaction
	kind  = interview
	for   = participants
	task  = linkedin
	due   = +2
	title = Send thanks to {first}
	why   = Met {person} at {org} on {date}.
	EOF
	interviewed "Northwind Labs" interviewing &&
	tasks thank-you >out &&
	cat >want <<-\EOT &&
	linkedin|Recruiting Partner|2026-03-04|open|Send thanks to Recruiting
	linkedin|Former Colleague|2026-03-04|open|Send thanks to Former
	EOT
	test_cmp want out &&
	test_eq "$(ntasks)" 2 &&
	task_is "Send thanks to Recruiting" why "Met Recruiting Partner at Northwind Labs on 2026-03-02." \
		origin thank-you
'

# (rejected before the silence letter'"'"'s day, the 9th: it is no task yet)
test_use_db no-call.db
test_expect_success '[rejected.call] enabled = no: a rejection plans everything but those calls' '
	playbooks <<-\EOF &&
	[rejected.call]
	enabled = no
	EOF
	interviewed "Quartz Insurance" interviewing &&
	on 2026-03-06 rapport opp move job rejected >/dev/null &&
	on 2026-03-06 origins >out &&
	cat >want <<-\EOT &&
	1 rejected.consult
	2 rejected.letter
	2 rejected.linkedin
	1 rejected.recontact
	1 rejected.review
	2 thank-you
	EOT
	test_cmp want out &&
	test_eq "$(cadence Former)" 45
'

test_use_db no-rejected.db
test_expect_success '[rejected] enabled = no: a rejection plans nothing, sets no cadence' '
	playbooks <<-\EOF &&
	[rejected]
	enabled = no
	EOF
	interviewed "Pinecone Media" interviewing &&
	on 2026-03-06 rapport opp move job rejected >/dev/null &&
	on 2026-03-06 origins >out &&
	echo "2 thank-you" >want &&
	test_cmp want out &&
	test_eq "$(cadence Former)" None &&
	test_eq "$(cadence Recruiting)" None
'

test_use_db rapport5.db
test_expect_success 'a [rejected.call] of your own: only rapport 5 gets a call, a day later' '
	playbooks <<-\EOF &&
	[rejected.call]
	on          = stage
	stage       = rejected
	for         = met
	min-rapport = 5
	task        = call
	due         = +6
	title       = Ring {first}
	EOF
	interviewed "Ember Games" interviewing &&
	on 2026-03-10 rapport opp move job rejected >/dev/null &&
	on 2026-03-10 tasks rejected.call >out &&
	echo "call|Former Colleague|2026-03-16|open|Ring Former" >want &&
	test_cmp want out &&
	test_eq "$(on 2026-03-10 ntasks rejected.letter)" 2
'

test_use_db no-silence.db
test_expect_success '[silence] enabled = no: weeks of silence bring no letter' '
	playbooks <<-\EOF &&
	[silence]
	enabled = no
	EOF
	interviewed "Lattice Bank" interviewing &&
	each_day 2026-03-08 2026-03-31 rapport agenda &&
	on 2026-03-31 origins >out &&
	echo "2 thank-you" >want &&
	test_cmp want out
'

test_use_db no-silence-call.db
test_expect_success '[silence.call] enabled = no: the letter, but no call after it' '
	playbooks <<-\EOF &&
	; no calls, please
	[silence.call]
	description = I would rather not call.
	enabled     = no
	EOF
	interviewed "Juniper Travel" interviewing &&
	on 2026-03-09 rapport agenda >/dev/null &&
	test_eq "$(on 2026-03-09 ntasks silence)" 1 &&
	on 2026-03-09T12:00 rapport task done \
		"$(on 2026-03-09 task_id "Write to Recruiting Partner to restate your interest in Data Engineer")" >/dev/null &&
	each_day 2026-03-10 2026-03-31 rapport agenda &&
	test_eq "$(on 2026-03-31 ntasks silence.call)" 0
'

test_use_db silence3.db
test_expect_success 'a [silence] of your own: three days, to the highest rapport' '
	playbooks <<-\EOF &&
	[silence]
	on     = silence
	after  = interview
	days   = 3
	stages = interviewing
	for    = highest-rapport
	task   = email
	due    = 0
	title  = Nudge {person}
	why    = {days} quiet days at {org}.
	cancel = inbound, stage
	EOF
	interviewed "Meridian Foods" interviewing &&
	each_day 2026-03-03 2026-03-04 rapport agenda &&
	test_eq "$(on 2026-03-04 ntasks silence)" 0 &&
	each_day 2026-03-05 2026-03-12 rapport agenda &&
	on 2026-03-12 tasks silence >out &&
	echo "email|Former Colleague|2026-03-05|open|Nudge Former Colleague" >want &&
	test_cmp want out &&
	test_eq "$(on 2026-03-12 task_field "Nudge Former Colleague" why)" "3 quiet days at Meridian Foods."
'

test_expect_success '... and the built-in calls still follow it when it is done' '
	on 2026-03-12T09:00 rapport task done "$(on 2026-03-12 task_id "Nudge Former Colleague")" >/dev/null &&
	on 2026-03-15 tasks silence.call >out &&
	echo "call|Former Colleague|2026-03-15|open|Call Former Colleague about Data Engineer" >want &&
	test_cmp want out
'

test_use_db new-rules.db
test_expect_success 'rules of your own: on a stage, on an inbound call, on a done task' '
	playbooks <<-\EOF &&
	[applied.research]
	description = Learn about them once you have applied.
	on    = stage
	stage = applied
	for   = nobody
	task  = learn
	due   = +2
	title = Research {org}
	why   = You applied for {opp} at {org} on {date}.

	[call.notes]
	on        = interaction
	kind      = call
	direction = in
	task      = email
	due       = +1
	title     = Send notes to {person}
	why       = {person} called you about {opp}.

	[thank-you.connect]
	on    = done
	rule  = thank-you
	for   = same
	task  = linkedin
	due   = +7
	title = Connect with {first}
	EOF
	rapport opp add "Cobalt Retail" "Analytics Engineer" --slug cobalt >/dev/null &&
	rapport person add "Product Owner" --org "Cobalt Retail" >/dev/null &&
	rapport opp move cobalt applied >/dev/null &&
	tasks applied.research >out &&
	echo "learn|-|2026-03-04|open|Research Cobalt Retail" >want &&
	test_cmp want out &&
	task_is "Research Cobalt Retail" \
		why "You applied for Analytics Engineer at Cobalt Retail on 2026-03-02." \
		opportunity cobalt
'

test_expect_success '... an inbound call makes notes, an outbound one does not' '
	on 2026-03-03T10:00 rapport log call "Screening call" --with Product --opp cobalt --in >/dev/null &&
	on 2026-03-03T15:00 rapport log call "Follow-up call" --with Product --opp cobalt --out >/dev/null &&
	on 2026-03-03 tasks call.notes >out &&
	echo "email|Product Owner|2026-03-04|open|Send notes to Product Owner" >want &&
	test_cmp want out &&
	test_eq "$(on 2026-03-03 task_field "Send notes to Product Owner" why)" \
		"Product Owner called you about Analytics Engineer."
'

test_expect_success '... a done thank-you note brings a LinkedIn task a week later' '
	on 2026-03-05T10:00 rapport log interview "Interview" --with Product --opp cobalt >/dev/null &&
	on 2026-03-06T09:00 rapport task done "$(on 2026-03-06 task_id "Thank-you note to Product Owner")" >/dev/null &&
	on 2026-03-06 tasks thank-you.connect >out &&
	echo "linkedin|Product Owner|2026-03-13|open|Connect with Product" >want &&
	test_cmp want out &&
	each_day 2026-03-06 2026-03-20 rapport agenda &&
	test_eq "$(on 2026-03-20 ntasks thank-you.connect)" 1
'

test_use_db cadence.db
test_expect_success 'a [keep-in-touch] of your own: a call instead of an e-mail' '
	playbooks <<-\EOF &&
	[keep-in-touch]
	on    = cadence
	task  = call
	due   = 0
	title = Call {first} to catch up
	why   = Every {days} days, remember?
	EOF
	rapport person add "Industry Mentor" --org "Blue Harbor Logistics" --cadence 10 >/dev/null &&
	on 2026-03-11 rapport agenda >/dev/null &&
	test_eq "$(on 2026-03-11 ntasks keep-in-touch)" 0 &&
	on 2026-03-13 tasks keep-in-touch >out &&
	echo "call|Industry Mentor|2026-03-12|open|Call Industry to catch up" >want &&
	test_cmp want out &&
	test_eq "$(on 2026-03-13 task_field "Call Industry to catch up" why)" "Every 10 days, remember?"
'

test_use_db set-cadence.db
test_expect_success 'a rule of your own that only sets a cadence' '
	playbooks <<-\EOF &&
	[interview.cadence]
	on          = interaction
	kind        = interview
	for         = participants
	set-cadence = 60
	EOF
	rapport person add "Field Engineer" --org "Orbit Payments" >/dev/null &&
	rapport person add "Finance Partner" --org "Orbit Payments" --cadence 20 >/dev/null &&
	rapport log interview "Coffee interview" --with Field --with Finance >/dev/null &&
	test_eq "$(cadence Field)" 60 &&
	test_eq "$(cadence Finance)" 20 &&
	test_eq "$(ntasks interview.cadence)" 0
'

test_use_db offer.db
test_expect_success '[offer] enabled = no, [thank-you] enabled = no: neither plans anything' '
	playbooks <<-\EOF &&
	[offer]
	enabled = no

	[thank-you]
	enabled = no
	EOF
	interviewed "Helix Biotech" interviewing &&
	on 2026-03-05 rapport opp move job offer >/dev/null &&
	test_eq "$(on 2026-03-05 ntasks)" 0
'

test_use_db home.db
test_expect_success 'without XDG_CONFIG_HOME, ~/.config/rapport/playbooks.ini is read' '
	rm -f "$XDG_CONFIG_HOME/rapport/playbooks.ini" &&
	mkdir -p "$HOME/.config/rapport" &&
	printf "[thank-you]\nenabled = no\n" >"$HOME/.config/rapport/playbooks.ini" &&
	(
		unset XDG_CONFIG_HOME &&
		interviewed "Granite Logistics" interviewing &&
		test_eq "$(ntasks thank-you)" 0
	)
'

test_done
