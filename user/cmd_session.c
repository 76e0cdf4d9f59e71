// SPDX-License-Identifier: GPL-2.0
/* ndctl session list | show ID | stop ID | reset ID */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cmds.h"
#include "common.h"
#include "print.h"

static int list_cb(const struct nlmsghdr *nlh, void *data)
{
	struct nd_sess_info si;

	nd_session_parse(nlh, &si);
	(*(int *)data)++;
	if (nd_json)
		print_session_json(&si);
	else
		print_session_text(&si);
	return MNL_CB_OK;
}

int cmd_session_list(int argc, char **argv, const struct nd_cmd *cmd)
{
	char buf[MNL_SOCKET_BUFFER_SIZE];
	struct nd_nl nl;
	int n = 0, err;

	if (nl_open(&nl))
		return 2;
	if (nd_json)
		jw_start_arr(NULL);
	err = nl_talk(&nl, nl_req(&nl, buf, NETDIAG_CMD_SESSION_GET, NLM_F_DUMP),
		      list_cb, &n);
	if (nd_json) {
		jw_end_arr();
		jw_flush();
	} else if (!err && !n) {
		printf("no sessions\n");
	}
	if (err)
		nl_perror(&nl, "session list");
	nl_close(&nl);
	return err ? 1 : 0;
}

static int session_id_arg(struct nd_opts *o, const char *what, uint32_t *id)
{
	char *end;
	long v;

	if (o->argc != 1) {
		fprintf(stderr, "ndctl: session %s needs exactly one session id\n", what);
		return -1;
	}
	v = strtol(o->argv[0], &end, 10);
	if (*end || v <= 0 || v > 0x7fffffff) {
		fprintf(stderr, "ndctl: '%s' is not a session id\n", o->argv[0]);
		return -1;
	}
	*id = v;
	return 0;
}

static int session_simple(int argc, char **argv, const struct nd_cmd *cmd, int op)
{
	struct nd_sess_info si;
	struct nd_opts o;
	struct nd_nl nl;
	uint32_t id;
	int r, err;

	opts_init(&o);
	r = opts_parse(&o, argc, argv, cmd->groups, cmd->usage);
	if (r)
		return r > 0 ? 0 : 2;
	if (session_id_arg(&o, cmd->verb, &id))
		return 2;
	if (nl_open(&nl))
		return 2;
	if (op == NETDIAG_CMD_SESSION_GET) {
		err = nd_session_query(&nl, id, &si);
		if (!err) {
			if (nd_json) {
				print_session_json(&si);
				jw_flush();
			} else {
				print_session_text(&si);
			}
		}
	} else if (op == NETDIAG_CMD_SESSION_DEL) {
		err = nd_session_delete(&nl, id);
		if (!err && !nd_json)
			printf("session %u stopped\n", id);
	} else {
		char buf[MNL_SOCKET_BUFFER_SIZE];
		struct nlmsghdr *nlh = nl_req(&nl, buf, NETDIAG_CMD_STATS_RESET, 0);

		mnl_attr_put_u32(nlh, NETDIAG_A_SESSION_ID, id);
		err = nl_talk(&nl, nlh, NULL, NULL);
		if (!err && !nd_json)
			printf("session %u counters reset\n", id);
	}
	if (err)
		nl_perror(&nl, cmd->verb);
	nl_close(&nl);
	return err ? 1 : 0;
}

int cmd_session_show(int argc, char **argv, const struct nd_cmd *cmd)
{
	return session_simple(argc, argv, cmd, NETDIAG_CMD_SESSION_GET);
}

int cmd_session_stop(int argc, char **argv, const struct nd_cmd *cmd)
{
	return session_simple(argc, argv, cmd, NETDIAG_CMD_SESSION_DEL);
}

int cmd_session_reset(int argc, char **argv, const struct nd_cmd *cmd)
{
	return session_simple(argc, argv, cmd, NETDIAG_CMD_STATS_RESET);
}
