/*
 * remove.h: the command line's rm, merge and reopen (cmd_remove.c), which
 * each group's table lists: org rm|merge, person rm|merge, opp rm, task
 * rm|reopen, log rm, feedback rm, improve rm, offer rm, debrief rm.
 */
#ifndef RAPPORT_CLI_REMOVE_H
#define RAPPORT_CLI_REMOVE_H

#include "cli/cli.h"

/* --force: remove what goes with the record too */
extern const struct opt_spec cli_rm_opts[];

int cli_org_rm(struct cli *cli, const struct args *a);
int cli_person_rm(struct cli *cli, const struct args *a);
int cli_opp_rm(struct cli *cli, const struct args *a);
int cli_task_rm(struct cli *cli, const struct args *a);
int cli_log_rm(struct cli *cli, const struct args *a);
int cli_feedback_rm(struct cli *cli, const struct args *a);
int cli_improve_rm(struct cli *cli, const struct args *a);
int cli_offer_rm(struct cli *cli, const struct args *a);
int cli_debrief_rm(struct cli *cli, const struct args *a);

int cli_person_merge(struct cli *cli, const struct args *a);
int cli_org_merge(struct cli *cli, const struct args *a);
int cli_task_reopen(struct cli *cli, const struct args *a);

#endif
