#!/bin/sh
# A salary want with a figure is judged from the offer and the range unless
# marked by hand; the fit says how much is known, and is green only with at
# least half of it known (issue 16).
. "$(dirname "$0")/test-lib.sh"

opp=northwind-logistics-analyst

test_expect_success 'set-up: four wants, one of them a salary floor' '
	rapport want add "Base salary at least 80k" --weight 5 --must >/dev/null &&
	rapport want add "Remote two days a week" --weight 3 >/dev/null &&
	rapport want add "A manager who coaches" --weight 3 >/dev/null &&
	rapport want add "Room to grow" --weight 3 >/dev/null &&
	rapport opp add "Northwind Logistics" "Analyst" >/dev/null &&
	rapport --json fit $opp >out &&
	test_eq "$(jv wants.0.status <out)" unknown
'

test_expect_success 'a range that straddles the floor: partly, with the evidence' '
	rapport opp edit $opp --salary-range 70k-90k &&
	rapport fit $opp >out &&
	grep -q "^  partly  5 must  Base salary at least 80k" out &&
	grep -q "from the figures: range 70k-90k straddles 80k" out
'

test_expect_success 'an offer below the floor: unmet, a deal-breaker, with the evidence' '
	rapport offer add $opp --base 78000 >/dev/null &&
	rapport fit $opp >out &&
	grep -q "^  unmet   5 must  Base salary at least 80k" out &&
	grep -q "from the figures: offer base 78k < 80k" out &&
	grep -q "DEAL-BREAKER" out &&
	rapport --json fit $opp >out &&
	test_eq "$(jv wants.0.judged <out)" "offer base 78k < 80k" &&
	test_eq "$(jv deal_breakers <out)" 1 &&
	rapport --json opp list >out &&
	test_eq "$(jv 0.fit.deal_breakers <out)" 1
'

test_expect_success 'an offer at the floor: met' '
	rapport offer edit $opp --base 80000 >/dev/null &&
	rapport --json fit $opp >out &&
	test_eq "$(jv wants.0.status <out)" met &&
	test_eq "$(jv score <out)" 100 &&
	test_eq "$(jv known <out)" 1
'

test_expect_success 'a status set by hand wins over the figures' '
	rapport want mark $opp "Base salary" partly --note "base is fine, pension is poor" &&
	rapport --json fit $opp >out &&
	test_eq "$(jv wants.0.status <out)" partly &&
	! grep -q judged out &&
	rapport want mark $opp "Base salary" met
'

test_expect_success 'the CLI says how much is known: fit, opp list, opp show' '
	rapport fit $opp >out &&
	grep -q "fit 100%: 1 of 4 wants known" out &&
	rapport opp list >out &&
	grep -q "fit 100% (1 of 4 known)" out &&
	rapport opp show $opp >out &&
	grep -q "100% (1 of 4 wants known" out
'

test_expect_success 'the web: not green with 1 of 4 known, green with 2 of 4' '
	serve_start &&
	http GET /pipeline >page &&
	grep -q "<span class=\"badge fit\">fit 100%, 1 of 4 known</span>" page &&
	! grep -q "badge good fit" page &&
	http GET /opportunities/$opp >page &&
	grep -q "<span class=\"badge \">100%</span>" page &&
	grep -q "1 of 4 wants known" page &&
	rapport want mark $opp "Room to grow" met &&
	http GET /pipeline >page &&
	grep -q "<span class=\"badge good fit\">fit 100%, 2 of 4 known</span>" page &&
	http GET /opportunities/$opp >page &&
	grep -q "<span class=\"badge good\">100%</span>" page &&
	serve_stop
'

test_expect_success 'the web wants matrix counts the judged salary want' '
	rapport opp add "Contoso" "Analyst" >/dev/null &&
	rapport opp edit contoso-analyst --salary-range 60k-75k &&
	serve_start &&
	http GET /wants >page &&
	python3 - <<-\EOF &&
	import html, re
	page = open("page").read()
	table = re.search(r"<table class=\"list want-matrix\">.*?</table>", page, re.S).group(0)
	row = [r for r in re.findall(r"<tr>(.*?)</tr>", table, re.S) if "Base salary" in r][0]
	cells = [html.unescape(re.sub(r"<[^>]+>", "", c)).strip()
	         for c in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)]
	heads = [re.sub(r"<[^>]+>", " ", h) for h in
	         re.findall(r"<th scope=\"col\">(.*?)</th>", table, re.S)][1:]
	got = {("Contoso" in h): c for h, c in zip(heads, cells)}
	assert got == {False: "met", True: "unmet"}, (heads, cells)
	EOF
	serve_stop
'

test_done
