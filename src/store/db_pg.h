/*
 * db_pg.h: the PostgreSQL backend's own header, for its files alone
 * (db_pg*.c, schema_pg.c) and the tests. The store's other files see only
 * store/db.h; only db_pg.c includes libpq's header.
 */
#ifndef RAPPORT_DB_PG_H
#define RAPPORT_DB_PG_H

#include <stdbool.h>

#include "store/db.h"

/* The advisory lock's key of write transactions (db_pg.c says which
 * writers take it how): "rapp" in ASCII. */
#define PG_WRITE_LOCK_KEY "1918988400"

/* Whether where is a PostgreSQL address ("postgresql://", "postgres://"). */
bool db_pg_claims(const char *where);

/*
 * The store's SQL as PostgreSQL takes it: each ?N becomes $N and each
 * bare ? the next number (as SQLite numbers them); the type INTEGER
 * bigint, "IS ?" IS NOT DISTINCT FROM, and SQLite's INDEXED BY goes
 * (db_pg_sql.c says why); outside quoted text and names. A new string (the caller frees it); *nparams the largest
 * number.
 */
char *pg_sql_translate(const char *sql, int *nparams);

#endif
