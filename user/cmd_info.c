// SPDX-License-Identifier: GPL-2.0
/* ndctl info, ndctl probes */
#include <stdio.h>
#include <string.h>
#include "cmds.h"
#include "common.h"
#include "print.h"

static int info_cb(const struct nlmsghdr *nlh, void *data)
{
	const struct nlattr *tb[NETDIAG_A_MAX + 1];

	nl_parse(nlh, tb, NETDIAG_A_MAX);
	if (nd_json) {
		jw_start_obj(NULL);
		jw_str("module_version", tb[NETDIAG_A_VERSION] ?
		       mnl_attr_get_str(tb[NETDIAG_A_VERSION]) : "");
		jw_str("kernel", tb[NETDIAG_A_KERNEL] ?
		       mnl_attr_get_str(tb[NETDIAG_A_KERNEL]) : "");
		jw_u64("sessions", tb[NETDIAG_A_SESSIONS] ?
		       mnl_attr_get_u32(tb[NETDIAG_A_SESSIONS]) : 0);
		jw_u64("memory_bytes", tb[NETDIAG_A_MEM_BYTES] ?
		       mnl_attr_get_u64(tb[NETDIAG_A_MEM_BYTES]) : 0);
		jw_end_obj();
		jw_flush();
		return MNL_CB_OK;
	}
	printf("netdiag module %s on kernel %s\n",
	       tb[NETDIAG_A_VERSION] ? mnl_attr_get_str(tb[NETDIAG_A_VERSION]) : "?",
	       tb[NETDIAG_A_KERNEL] ? mnl_attr_get_str(tb[NETDIAG_A_KERNEL]) : "?");
	printf("sessions: %u, memory held: %llu KiB\n",
	       tb[NETDIAG_A_SESSIONS] ? mnl_attr_get_u32(tb[NETDIAG_A_SESSIONS]) : 0,
	       tb[NETDIAG_A_MEM_BYTES] ?
	       (unsigned long long)mnl_attr_get_u64(tb[NETDIAG_A_MEM_BYTES]) >> 10 : 0);
	return MNL_CB_OK;
}

struct probes_ctx {
	int n;
	bool header;
};

static int probe_cb(const struct nlmsghdr *nlh, void *data)
{
	const struct nlattr *tb[NETDIAG_A_MAX + 1];
	struct probes_ctx *c = data;
	struct nd_point_info p;

	nl_parse(nlh, tb, NETDIAG_A_MAX);
	if (!tb[NETDIAG_A_PROBE])
		return MNL_CB_OK;
	nd_point_parse(tb[NETDIAG_A_PROBE], &p);
	c->n++;
	if (nd_json) {
		jw_start_obj(NULL);
		jw_str("name", p.name);
		jw_str("module", p.module[0] ? p.module : "vmlinux");
		jw_str("state", probe_state_name(p.state));
		jw_str("hook", hook_kind_name(p.hook));
		jw_str("target", p.target);
		jw_u64("users", p.users);
		jw_u64("hits", p.hits);
		jw_u64("missed", p.missed);
		if (p.why[0])
			jw_str("why", p.why);
		jw_end_obj();
		return MNL_CB_OK;
	}
	if (!c->header) {
		printf("%-30s %-12s %-10s %-10s %-24s %5s %10s %7s\n", "POINT",
		       "MODULE", "STATE", "HOOK", "TARGET", "USERS", "HITS", "MISSED");
		c->header = true;
	}
	printf("%-30s %-12s %-10s %-10s %-24s %5u %10llu %7llu\n", p.name,
	       p.module[0] ? p.module : "vmlinux", probe_state_name(p.state),
	       hook_kind_name(p.hook), p.target, p.users,
	       (unsigned long long)p.hits, (unsigned long long)p.missed);
	if (p.why[0])
		printf("    %s\n", p.why);
	return MNL_CB_OK;
}

int cmd_info(int argc, char **argv, const struct nd_cmd *cmd)
{
	char buf[MNL_SOCKET_BUFFER_SIZE];
	struct nd_nl nl;
	int err;

	if (nl_open(&nl))
		return 2;
	err = nl_talk(&nl, nl_req(&nl, buf, NETDIAG_CMD_INFO_GET, 0), info_cb, NULL);
	if (err)
		nl_perror(&nl, "info");
	nl_close(&nl);
	return err ? 1 : 0;
}

int cmd_probes(int argc, char **argv, const struct nd_cmd *cmd)
{
	char buf[MNL_SOCKET_BUFFER_SIZE];
	struct probes_ctx c = { 0 };
	struct nd_nl nl;
	int err;

	if (nl_open(&nl))
		return 2;
	if (nd_json)
		jw_start_arr(NULL);
	err = nl_talk(&nl, nl_req(&nl, buf, NETDIAG_CMD_PROBE_GET, NLM_F_DUMP),
		      probe_cb, &c);
	if (nd_json) {
		jw_end_arr();
		jw_flush();
	}
	if (err)
		nl_perror(&nl, "probes");
	nl_close(&nl);
	return err ? 1 : 0;
}
