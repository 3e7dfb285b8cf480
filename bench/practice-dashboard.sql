-- practice-dashboard.sql: the coach's dashboard of issue 20, measure by
-- measure, as bench/practice times it until rapport's own (store/coach.c)
-- is there: one statement per measure over the coach's clients (here every
-- client), each client's figure read through the indexes that start with
-- account_id (practice migration 5), each statement under EXPLAIN ANALYZE
-- (bench/practice adds up their Execution Time). :'today' is RAPPORT_NOW's
-- day, :'since' 14 days before it, :'week_end' 7 days after it (literals:
-- to_char in the statement cost the silent measure a fifth more).
CREATE TEMP TABLE clients AS SELECT id FROM account WHERE role = 'client';
ANALYZE clients;
-- active opportunities by stage
EXPLAIN (ANALYZE, COSTS OFF)
SELECT c.id, o.stage, count(*) FROM clients c JOIN opportunity o ON o.account_id = c.id
WHERE o.stage IN ('lead', 'applied', 'conversation', 'interviewing', 'offer', 'negotiating')
GROUP BY c.id, o.stage;
-- last activity: each client's newest interaction
EXPLAIN (ANALYZE, COSTS OFF)
SELECT c.id, (SELECT max(i.at) FROM interaction i WHERE i.account_id = c.id) FROM clients c;
-- overdue follow-ups
EXPLAIN (ANALYZE, COSTS OFF)
SELECT c.id, (SELECT count(*) FROM task t WHERE t.account_id = c.id AND t.status = 'open'
	AND t.due < :'today') FROM clients c;
-- opportunities gone silent: in play, and nothing in the last 14 days
EXPLAIN (ANALYZE, COSTS OFF)
SELECT o.account_id, count(*) FROM clients c JOIN opportunity o ON o.account_id = c.id
WHERE o.stage IN ('applied', 'conversation', 'interviewing', 'offer', 'negotiating')
AND NOT EXISTS (SELECT FROM interaction i WHERE i.account_id = o.account_id AND i.opp_id = o.id
	AND i.at >= :'since')
GROUP BY o.account_id;
-- interviews this week
EXPLAIN (ANALYZE, COSTS OFF)
SELECT c.id, (SELECT count(*) FROM interaction i WHERE i.account_id = c.id
	AND i.at >= :'today' AND i.at < :'week_end'
	AND i.kind = 'interview') FROM clients c;
-- offers and their deadlines
EXPLAIN (ANALYZE, COSTS OFF)
SELECT c.id, count(*), min(f.deadline) FROM clients c JOIN offer f ON f.account_id = c.id
WHERE f.deadline >= :'today' GROUP BY c.id;
