/*
 * coach.h: the coach's view of a practice (issue 20): a client's grants to
 * coaches, the coach's dashboard over every client who granted, reading
 * one client's search, and the suggestions a coach leaves for a client.
 * A practice's PostgreSQL database only (schema_pg.c's practice migration
 * 3); every function refuses a store without accounts (account_require).
 *
 * Who may see what is the database's: coach_grant's policies show a client
 * their own grants and a coach those naming them; a coach reads a client's
 * rows only in a transaction store_coach_view made, as a role that may
 * only read, and writes a suggestion only through rapport_suggest, which
 * checks the grant.
 */
#ifndef RAPPORT_STORE_COACH_H
#define RAPPORT_STORE_COACH_H

#include <stdint.h>

#include "core/enums.h"
#include "core/model.h"
#include "util/error.h"

struct store;

/* ---- grants ---- */
#define COACH_LEVELS "read or suggest"
bool coach_level_valid(const char *level);

struct coach_grant {
	int64_t client_id, coach_id;
	char *client_email, *coach_email;
	char *level;      /* "read" or "suggest" (which reads too) */
	char *granted_at; /* local */
};
typedef VEC(struct coach_grant) coach_grant_vec;
void coach_grant_vec_release(coach_grant_vec *v);

/* The account acted for grants the coach of coach_email level, or changes
 * the level it granted. ERR_NOT_FOUND when no active coach of the practice
 * has that address: the same message whether the address has an account
 * or not. */
int store_coach_grant(struct store *s, const char *coach_email, const char *level,
		      struct error *err);
/* Takes the grant back; ERR_NOT_FOUND when it gave none to that address. */
int store_coach_revoke(struct store *s, const char *coach_email, struct error *err);
/* The grants the account acted for can see: a client's own, or those
 * naming a coach; by e-mail address. */
int store_coach_grants(struct store *s, coach_grant_vec *out, struct error *err);
/* The level client_id granted the signed-in coach, into level ("read",
 * "suggest"); ERR_NOT_FOUND when it granted none (or names no account). */
int store_coach_level(struct store *s, int64_t client_id, char level[16], struct error *err);

/* The account the connection or transaction acts for (store_act_as,
 * store_act_for), into *id; ERR_INVALID when none. */
int store_account_acting(struct store *s, int64_t *id, struct error *err);

/* For the rest of this read transaction, read as coach_id: the rows of
 * client_id (0: of every client who granted coach_id access), as the role
 * that may only read; the coach's own rows out of sight. Call it first in
 * a read transaction, which then serves only that. */
int store_coach_view(struct store *s, int64_t coach_id, int64_t client_id, struct error *err);

/* ---- the dashboard ---- */
/* The active stages a dashboard counts (lead .. negotiating). */
#define COACH_ACTIVE_STAGES (STAGE_NEGOTIATING + 1)
/* An active opportunity is gone silent after this many days without an
 * interaction or a change of stage. */
#define COACH_SILENT_DAYS 21
/* Interviews are counted over this many days from today. */
#define COACH_WEEK_DAYS 7

struct coach_client {
	int64_t id;
	char *email, *level;
	int64_t by_stage[COACH_ACTIVE_STAGES]; /* active opportunities per stage */
	int64_t active;
	char *last_activity; /* the latest interaction up to now (local), or NULL */
	int64_t overdue;     /* open tasks due before today */
	int64_t silent;      /* active opportunities gone silent (COACH_SILENT_DAYS) */
	int64_t interviews;  /* interviews in the COACH_WEEK_DAYS from today */
	int64_t offers;      /* opportunities at offer or negotiating with an offer */
	char *offer_deadline; /* the nearest deadline of those from today, or NULL */
};
typedef VEC(struct coach_client) coach_client_vec;
void coach_client_vec_release(coach_client_vec *v);

/*
 * Every client who granted coach_id access, each with the measures above,
 * the one who needs attention most first: the most overdue follow-ups,
 * then the most opportunities gone silent, then the nearest offer deadline,
 * then the longest without activity. One query per measure over all the
 * clients at once (grouped by account), in a read transaction of the
 * caller's that this one makes the coach's view (store_coach_view).
 * Days are the store's (store_now).
 */
int coach_dashboard(struct store *s, int64_t coach_id, coach_client_vec *out,
		    struct error *err);

/* ---- suggestions ---- */
struct suggestion {
	int64_t id;
	char *kind; /* "note" (on an opportunity) or "follow-up" (a task to add) */
	int64_t opp_id, person_id; /* 0: none */
	char *opp_title, *person_name;
	char *text;
	char *due; /* a follow-up's day */
	char *coach_email;
	char *created_at, *status;
};
typedef VEC(struct suggestion) suggestion_vec;
void suggestion_release(struct suggestion *sg);
void suggestion_vec_release(suggestion_vec *v);

/* Left by the signed-in coach for client_id (rapport_suggest checks the
 * grant is `suggest`: ERR_INVALID otherwise, nothing written), its id into
 * *id. sg's kind, text, due, opp_id and person_id are used; an opportunity
 * or person must be the client's (ERR_NOT_FOUND otherwise). */
int store_suggestion_add(struct store *s, int64_t client_id, const struct suggestion *sg,
			 int64_t *id, struct error *err);
/* The open suggestions the transaction sees (the client's own, or in a
 * coach's view the client's), newest first. */
int store_suggestions_open(struct store *s, suggestion_vec *out, struct error *err);
/* One open suggestion; ERR_NOT_FOUND when none is (or it was decided). */
int store_suggestion_get(struct store *s, int64_t id, struct suggestion *out,
			 struct error *err);
/* Mark an open suggestion "accepted" or "dismissed"; ERR_NOT_FOUND when
 * it is not open. */
int store_suggestion_decide(struct store *s, int64_t id, const char *status, struct error *err);

#endif
