/* timeline.h: how much of a record's timeline its page shows, in both front ends. */
#ifndef RAPPORT_TIMELINE_H
#define RAPPORT_TIMELINE_H

/* A page (rapport opp show, /people/ID...) shows the newest this many
 * interactions unless asked for every one (--all, ?all=1): a long history
 * would bury the details above it. */
#define TIMELINE_NEWEST 20

#endif
