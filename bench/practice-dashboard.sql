-- practice-dashboard.sql: the coach's dashboard of issue 20, measure by
-- measure, as bench/practice times it until rapport's own (store/coach.c)
-- is there: one statement per measure over every client, grouped by
-- account, each under EXPLAIN ANALYZE (bench/practice adds up their
-- Execution Time). :'today' is RAPPORT_NOW's day; the week, 7 days from it.
-- active opportunities by stage
EXPLAIN (ANALYZE, COSTS OFF)
SELECT account_id, stage, count(*) FROM opportunity
WHERE stage IN ('lead', 'applied', 'conversation', 'interviewing', 'offer', 'negotiating')
GROUP BY account_id, stage;
-- last activity: each client's newest interaction
EXPLAIN (ANALYZE, COSTS OFF)
SELECT a.id, (SELECT max(i.at) FROM interaction i WHERE i.account_id = a.id)
FROM account a WHERE a.role = 'client';
-- overdue follow-ups
EXPLAIN (ANALYZE, COSTS OFF)
SELECT account_id, count(*) FROM task WHERE status = 'open' AND due < :'today'
GROUP BY account_id;
-- opportunities gone silent: in play, and nothing in the last 14 days
EXPLAIN (ANALYZE, COSTS OFF)
SELECT o.account_id, count(*) FROM opportunity o
WHERE o.stage IN ('applied', 'conversation', 'interviewing', 'offer', 'negotiating')
AND NOT EXISTS (SELECT FROM interaction i WHERE i.account_id = o.account_id AND i.opp_id = o.id
	AND i.at >= to_char(:'today'::date - 14, 'YYYY-MM-DD'))
GROUP BY o.account_id;
-- interviews this week
EXPLAIN (ANALYZE, COSTS OFF)
SELECT account_id, count(*) FROM interaction
WHERE kind = 'interview' AND at >= :'today' AND at < to_char(:'today'::date + 7, 'YYYY-MM-DD')
GROUP BY account_id;
-- offers and their deadlines
EXPLAIN (ANALYZE, COSTS OFF)
SELECT account_id, count(*), min(deadline) FROM offer WHERE deadline >= :'today'
GROUP BY account_id;
