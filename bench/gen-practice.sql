-- gen-practice.sql: bench/gen-practice's copy of one client's rows (the
-- tables of schema tpl) to every client of tpl.client, inside its
-- transaction, with triggers and foreign-key checks off
-- (session_replication_role = replica). A client's ids are the template's
-- plus its offset (tpl.client.off, a multiple of a stride larger than any
-- template id), so ids stay globally unique as rapport's are: the id of
-- every table with an identity, every column that references one (the
-- practice's references are (account_id, column)), the time rules' ids
-- (rule_next.id, rule_fire's opportunity, person and 'i:ID' marks), and
-- the search index's rid (id * 8 + type).

-- The expression that copies column col of table tbl for client x.
CREATE FUNCTION pg_temp.moved(tbl text, col text) RETURNS text LANGUAGE sql STABLE AS $$
SELECT CASE
	WHEN tbl = 'rule_fire' AND col IN ('opp_id', 'person_id') THEN
		format('CASE %1$I WHEN 0 THEN 0 ELSE %1$I + x.off END', col)
	WHEN tbl = 'rule_fire' AND col IN ('event', 'chain') THEN
		format($f$CASE WHEN %1$I ~ '^[a-z]+:[0-9]+$' THEN split_part(%1$I, ':', 1) || ':' ||
			(split_part(%1$I, ':', 2)::bigint + x.off) ELSE %1$I END$f$, col)
	WHEN (tbl, col) IN (('rule_next', 'id'), ('search_defer', 'task_id'))
	  OR EXISTS (SELECT FROM pg_attribute a WHERE a.attrelid = ('public.' || tbl)::regclass
		AND a.attname = col AND a.attidentity <> '')
	  OR EXISTS (SELECT FROM pg_constraint k JOIN pg_attribute a ON a.attrelid = k.conrelid
		AND a.attnum = k.conkey[2]
		WHERE k.conrelid = ('public.' || tbl)::regclass AND k.contype = 'f' AND a.attname = col)
	THEN format('%I + x.off', col)
	ELSE quote_ident(col)
END
$$;

DO $$
DECLARE
	t text;
	cols text;
	exprs text;
BEGIN
	FOR t IN SELECT relname FROM pg_class WHERE relnamespace = 'tpl'::regnamespace
		AND relkind = 'r' AND relname <> 'client' LOOP
		SELECT string_agg(quote_ident(attname), ', ' ORDER BY attnum),
			string_agg(pg_temp.moved(t, attname), ', ' ORDER BY attnum)
		INTO cols, exprs
		FROM pg_attribute WHERE attrelid = ('tpl.' || t)::regclass AND attnum > 0
			AND NOT attisdropped;
		EXECUTE format('INSERT INTO public.%I (%s, account_id) SELECT %s, x.account_id'
			' FROM tpl.client x, tpl.%I ORDER BY x.account_id', t, cols, exprs, t);
		-- the identity goes on past the largest id, as rapport's would
		IF EXISTS (SELECT FROM pg_attribute WHERE attrelid = ('public.' || t)::regclass
			AND attname = 'id' AND attidentity <> '') THEN
			EXECUTE format('SELECT setval(pg_get_serial_sequence(%L, ''id''), max(id))'
				' FROM public.%I', 'public.' || t, t);
		END IF;
	END LOOP;
END
$$;

-- The search index, as the tables' triggers (schema_pg.c) would have made it.
INSERT INTO search_index (rid, title, body, account_id)
SELECT id * 8 + 1, name, ifnull(location, '') || ' ' || ifnull(website, '') || ' ' ||
	ifnull(notes, ''), account_id FROM organisation
UNION ALL
SELECT id * 8 + 2, name, ifnull(title, '') || ' ' || ifnull(email, '') || ' ' || ifnull(notes, ''),
	account_id FROM person
UNION ALL
SELECT id * 8 + 3, title, slug || ' ' || ifnull(level_applied, '') || ' ' ||
	ifnull(level_offered, '') || ' ' || ifnull(source, '') || ' ' || ifnull(notes, ''),
	account_id FROM opportunity
UNION ALL
SELECT id * 8 + 4, summary, notes, account_id FROM interaction
UNION ALL
SELECT id * 8 + 5, title, why, account_id FROM task;
