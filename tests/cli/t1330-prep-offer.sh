#!/bin/sh
# The prep sheet knows the offer (its figures, no prompt to ask for the
# range) and carries the latest debrief's "what to refine" (issue 16).
. "$(dirname "$0")/test-lib.sh"

opp=northwind-logistics-analyst

test_expect_success 'set-up: an opportunity after two interviews' '
	rapport opp add "Northwind Logistics" "Analyst" --salary-target 85000 >/dev/null &&
	rapport person add "Dana Boss" --org "Northwind Logistics" >/dev/null &&
	rapport opp link $opp "Dana Boss" --role hiring-manager &&
	rapport log interview "First" --opp $opp --with "Dana Boss" --at 2026-02-20 >/dev/null &&
	rapport log interview "Second" --opp $opp --with "Dana Boss" --at 2026-02-26 >/dev/null &&
	rapport prep $opp >sheet.md &&
	grep -q "Ask for the salary range in this conversation" sheet.md
'

test_expect_success 'with an offer: its figures, never the prompt to ask for the range' '
	rapport offer add $opp --base 78000 --bonus 5000 --equity "none" \
		--deadline 2026-03-10 >/dev/null &&
	rapport prep $opp >sheet.md &&
	grep -q "This conversation: offer" sheet.md &&
	grep -q "^- Offer, base: 78,000$" sheet.md &&
	grep -q "^- Offer, bonus: 5,000$" sheet.md &&
	grep -q "^- Offer, equity: none$" sheet.md &&
	grep -q "^- Decide by: 2026-03-10$" sheet.md &&
	! grep -q "Ask for the salary range" sheet.md &&
	! grep -q "ask for it by the second" sheet.md &&
	rapport prep $opp --stage second >sheet.md &&
	! grep -q "Ask for the salary range" sheet.md
'

test_expect_success 'a disclosed range alone also ends the prompt' '
	rapport opp add "Contoso" "Analyst" >/dev/null &&
	rapport opp edit contoso-analyst --salary-range 70k-80k &&
	rapport prep contoso-analyst --stage final >sheet.md &&
	grep -q "Their range: 70,000 to 80,000" sheet.md &&
	! grep -q "Ask for the salary range" sheet.md
'

test_expect_success 'no debrief: no section to refine' '
	! grep -q "To refine" sheet.md
'

test_expect_success 'the latest debrief with something to refine is on the sheet' '
	rapport debrief $opp --well "rapport with Dana" --refine "shorter answers" >/dev/null &&
	rapport debrief $opp --well "good questions" \
		--refine "quantify the results of the migration" >/dev/null &&
	rapport prep $opp >sheet.md &&
	grep -q "^## To refine (from your debrief of 2026-0" sheet.md &&
	grep -q "^quantify the results of the migration$" sheet.md &&
	! grep -q "shorter answers" sheet.md
'

test_expect_success 'the web prep sheet says the same' '
	serve_start &&
	http GET /prep/$opp >page &&
	test "$(head -1 page)" = 200 &&
	grep -q "Offer, base: 78,000" page &&
	! grep -q "Ask for the salary range" page &&
	grep -q "quantify the results of the migration" page &&
	serve_stop
'

test_done
