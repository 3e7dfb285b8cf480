/*
 * mail.h: what the store keeps for reading mail (issue 19): the addresses
 * people are known by, where each interaction logged from an e-mail came
 * from (its Message-ID), which Maildir files were read already, and how
 * far each IMAP folder was read. See migrations 9 and 11 in schema.c for
 * the tables.
 */
#ifndef RAPPORT_STORE_MAIL_H
#define RAPPORT_STORE_MAIL_H

#include <stdbool.h>
#include <stdint.h>

#include "store/store.h"

/* A person's e-mail address, lower-cased and trimmed. */
struct mail_address {
	char *email;
	int64_t person_id;
	char *name;
};
typedef VEC(struct mail_address) mail_address_vec;
void mail_address_vec_release(mail_address_vec *v);

/* Every person with an e-mail address, by address (the first person added
 * first when two share one). */
int store_mail_people(struct store *s, mail_address_vec *out, struct error *err);
/* Was the message logged before (by any import, from any mailbox)? */
int store_mail_known(struct store *s, const char *message_id, bool *known, struct error *err);
/* The opportunity of the interaction logged from the first of ids (a
 * thread: In-Reply-To, then References) that was logged on one; 0 when none. */
int store_mail_thread_opp(struct store *s, char *const *ids, size_t n, int64_t *opp,
			  struct error *err);
/* The one opportunity still open that any of the people is in; 0 when
 * there is none, or more than one. */
int store_mail_people_opp(struct store *s, const int64_t *people, size_t n, int64_t *opp,
			  struct error *err);
/* Say that interaction_id was logged from message_id, read from source. */
int store_mail_logged(struct store *s, const char *message_id, int64_t interaction_id,
		      const char *source, struct error *err);
/* Was the Maildir file name read before, when the known addresses had
 * the fingerprint book, and the message logged from it (if any) is still
 * logged? Then it need not be opened again. */
int store_mail_file_seen(struct store *s, const char *name, const char *book, bool *seen,
			 struct error *err);
/* Remember that the file name was read (message_id: what was logged from
 * it, or NULL). */
int store_mail_file_read(struct store *s, const char *name, const char *book,
			 const char *message_id, struct error *err);

/* What a draft's Message-ID (io/eml.h) leads back to: its task. */
struct mail_draft_task {
	int64_t task_id;
	char *created;     /* the task's creation as the store keeps it: a UTC instant */
	int64_t opp_id;    /* 0 when none */
	int64_t person_id; /* 0 when none */
	bool open;
	bool contact;      /* an e-mail or a letter: what an e-mail sent does */
};
void mail_draft_task_release(struct mail_draft_task *t);
/* Task task_id as a draft names it; ERR_NOT_FOUND when there is none. */
int store_mail_draft_task(struct store *s, int64_t task_id, struct mail_draft_task *out,
			  struct error *err);
/* The open e-mail or letter task of the first of people who has one, the
 * one due first (then the oldest); task_id 0 when there is none. */
int store_mail_contact_task(struct store *s, const int64_t *people, size_t n,
			    struct mail_draft_task *out, struct error *err);

/* How far an IMAP folder was read (mail_folder): the messages up to
 * last_uid, of which message_id (or NULL) was the last logged. */
struct mail_folder_mark {
	uint32_t last_uid;
	char *message_id;
};
/* Where to go on reading folder of account: its mark when it was read with
 * the same uidvalidity and book and its last message logged is still
 * logged; else none (last_uid 0: read it whole). */
int store_mail_folder_mark(struct store *s, const char *account, const char *folder,
			   uint32_t uidvalidity, const char *book, struct mail_folder_mark *m,
			   struct error *err);
/* Remember that folder of account, with uidvalidity, was read up to m. */
int store_mail_folder_read(struct store *s, const char *account, const char *folder,
			   uint32_t uidvalidity, const char *book,
			   const struct mail_folder_mark *m, struct error *err);

#endif
