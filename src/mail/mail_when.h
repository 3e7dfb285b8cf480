/*
 * mail_when.h: the date and time an invitation gives, found in its text
 * when written in a common form: "on 12 March at 10:00", "March 12th at
 * 2:30 pm", "2026-03-12 10:00", "12/03/2026 10h00", "12. März um 10 Uhr"
 * (day before month: the order of English, French, German and Spanish
 * mail outside the United States), month names in those four languages.
 * Pure: no store, no clock.
 */
#ifndef RAPPORT_MAIL_WHEN_H
#define RAPPORT_MAIL_WHEN_H

#include <stdbool.h>

#include "core/date.h"

/* The first date followed (within a few words) by a time in text, else the
 * first date alone (has_time false): true and *out filled; false when the
 * text names no date. A date without its year takes the year of sent (the
 * message's date), or the next one when it would fall before sent. */
bool mail_when_find(const char *text, const struct datetime *sent, struct datetime *out);

#endif
