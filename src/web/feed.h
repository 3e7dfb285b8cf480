/*
 * feed.h: the calendar feed's secret. Calendar apps send no cookies, so
 * /calendar.ics answers only to an address that holds a random token; the
 * token lives in the settings table (key CALENDAR_TOKEN_KEY) from the day
 * the user turns the feed on in Settings, and a new one replaces it (the
 * old address then gets 404, as any wrong or missing token does).
 */
#ifndef RAPPORT_FEED_H
#define RAPPORT_FEED_H

#include "store/store.h"
#include "util/error.h"
#include "util/strbuf.h"

#define CALENDAR_TOKEN_KEY "calendar.token"
#define CALENDAR_TOKEN_HEX 64

/* Make and store a new token (from getrandom); the old one stops working. */
int calendar_token_new(struct store *s, struct error *err);
/* The feed's address on host ("127.0.0.1:8080", from the browser's Host
 * header; NULL or an odd one: the path alone) for token. */
void calendar_feed_url(struct strbuf *sb, const char *host, const char *token);

#endif
