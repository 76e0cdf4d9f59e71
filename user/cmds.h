/* SPDX-License-Identifier: GPL-2.0 */
/* ndctl commands: one table, one file per object (ndctl.c). */
#ifndef NDCTL_CMDS_H
#define NDCTL_CMDS_H

struct nd_cmd {
	const char *object;
	const char *verb;		/* NULL: the object alone */
	int (*run)(int argc, char **argv, const struct nd_cmd *cmd);
	unsigned int groups;		/* option groups (args.h) */
	const char *usage;
	const char *summary;
};

int cmd_info(int argc, char **argv, const struct nd_cmd *cmd);
int cmd_probes(int argc, char **argv, const struct nd_cmd *cmd);
int cmd_session_list(int argc, char **argv, const struct nd_cmd *cmd);
int cmd_session_show(int argc, char **argv, const struct nd_cmd *cmd);
int cmd_session_stop(int argc, char **argv, const struct nd_cmd *cmd);
int cmd_session_reset(int argc, char **argv, const struct nd_cmd *cmd);
int cmd_drop_stats(int argc, char **argv, const struct nd_cmd *cmd);
int cmd_drop_watch(int argc, char **argv, const struct nd_cmd *cmd);
int cmd_count(int argc, char **argv, const struct nd_cmd *cmd);
int cmd_tool(int argc, char **argv, const struct nd_cmd *cmd);

const struct nd_cmd *nd_cmd_find(const char *object, const char *verb);
int nd_cmd_run(const struct nd_cmd *c, int argc, char **argv);
void nd_tools_list(void);

#endif
