/* session_memo.c: a practice's sessions verified lately, per server thread
 * (see session_memo.h). */
#include "web/session_memo.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "util/secret.h"
#include "util/xalloc.h"

/* Direct-mapped by the digest (uniformly random): a slot taken by another
 * session only costs that session a verification. 8,192 slots hold a
 * practice of a thousand signed-in clients with few such collisions. */
#define MEMO_SLOTS 8192

struct memo {
	char digest[SECRET_DIGEST_HEX + 1]; /* "" when free */
	int64_t version;
	char until[DATE_BUFSZ]; /* the store's instant it holds until */
	struct account account;
};

static pthread_key_t memo_key;
static pthread_once_t memo_once = PTHREAD_ONCE_INIT;

static void memos_free(void *p)
{
	struct memo *m = p;

	for (size_t i = 0; i < MEMO_SLOTS; i++)
		account_release(&m[i].account);
	free(m);
}

static void memo_init(void)
{
	pthread_key_create(&memo_key, memos_free);
}

/* digest's slot in this thread's memos (made on first use) */
static struct memo *slot_of(const char *digest)
{
	struct memo *m;

	pthread_once(&memo_once, memo_init);
	if (!(m = pthread_getspecific(memo_key))) {
		m = xcalloc(MEMO_SLOTS, sizeof(*m));
		pthread_setspecific(memo_key, m);
	}
	return &m[strtoul((char[]){ digest[0], digest[1], digest[2], digest[3], '\0' }, NULL, 16) %
		  MEMO_SLOTS];
}

int64_t session_memo_version(const struct store *s, const char *digest, int64_t *account_id)
{
	const struct memo *m = slot_of(digest);

	if (strcmp(m->digest, digest) || account_seconds_since(s, m->until) >= 0)
		return -1;
	*account_id = m->account.id;
	return m->version;
}

static char *copy_text(const char *text)
{
	return text ? xstrdup(text) : NULL;
}

static struct account account_copy(const struct account *a)
{
	return (struct account){ a->id, copy_text(a->email), copy_text(a->role),
				 copy_text(a->created_at), copy_text(a->disabled_at),
				 a->has_password };
}

void session_memo_account(const char *digest, struct account *out)
{
	*out = account_copy(&slot_of(digest)->account);
}

void session_memo_put(const struct store *s, const char *digest, int64_t version,
		      long long valid_for, const struct account *a)
{
	struct memo *m = slot_of(digest);

	if (valid_for <= 0 || strlen(digest) != SECRET_DIGEST_HEX)
		return;
	account_release(&m->account);
	memcpy(m->digest, digest, sizeof(m->digest));
	m->version = version;
	account_instant_after(s, valid_for, m->until);
	m->account = account_copy(a);
}
