// SPDX-License-Identifier: GPL-2.0
/*
 * nd-genl-raw: send malformed or edge-case requests to the netdiag family
 * and print "errno=N msg=<extack>" for each. Used by the bad-input tests.
 *   nd-genl-raw unknown-attr | wrong-type | nine-ifaces | unknown-session |
 *               no-kind | bad-kind | bad-flags | short-ip | create-ok
 *   nd-genl-raw cycles N   create and destroy a session N times; prints
 *                          "cycles=N failed=F"
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <libmnl/libmnl.h>
#include <linux/genetlink.h>
#include <linux/netlink.h>
#include "../../include/uapi/linux/netdiag.h"

static struct mnl_socket *sock;
static unsigned int portid, seq;
static char msg[256];

static int err_of(const struct nlmsghdr *nlh)
{
	const struct nlmsgerr *e = mnl_nlmsg_get_payload(nlh);
	const struct nlattr *a;
	unsigned int off = sizeof(*e);

	if (!(nlh->nlmsg_flags & NLM_F_CAPPED))
		off += e->msg.nlmsg_len - sizeof(struct nlmsghdr);
	if (nlh->nlmsg_flags & NLM_F_ACK_TLVS)
		mnl_attr_for_each(a, nlh, off)
			if (mnl_attr_get_type(a) == NLMSGERR_ATTR_MSG)
				snprintf(msg, sizeof(msg), "%s", mnl_attr_get_str(a));
	return -e->error;
}

static int talk(struct nlmsghdr *nlh, int (*cb)(const struct nlmsghdr *))
{
	char buf[MNL_SOCKET_BUFFER_SIZE];
	int len;

	msg[0] = 0;
	mnl_socket_sendto(sock, nlh, nlh->nlmsg_len);
	for (;;) {
		const struct nlmsghdr *m = (void *)buf;

		len = mnl_socket_recvfrom(sock, buf, sizeof(buf));
		if (len < 0)
			return errno;
		for (; mnl_nlmsg_ok(m, len); m = mnl_nlmsg_next(m, &len)) {
			if (m->nlmsg_type == NLMSG_ERROR)
				return err_of(m);
			if (m->nlmsg_type == NLMSG_DONE)
				return 0;
			if (cb)
				cb(m);
		}
	}
}

static unsigned short family;

static int fam_cb(const struct nlmsghdr *nlh)
{
	const struct nlattr *a;

	mnl_attr_for_each(a, nlh, sizeof(struct genlmsghdr))
		if (mnl_attr_get_type(a) == CTRL_ATTR_FAMILY_ID)
			family = mnl_attr_get_u16(a);
	return 0;
}

static unsigned int created;

static int id_cb(const struct nlmsghdr *nlh)
{
	const struct nlattr *a;

	mnl_attr_for_each(a, nlh, sizeof(struct genlmsghdr))
		if (mnl_attr_get_type(a) == NETDIAG_A_SESSION_ID)
			created = mnl_attr_get_u32(a);
	return 0;
}

static struct nlmsghdr *req(char *buf, unsigned short type, int cmd)
{
	struct nlmsghdr *nlh = mnl_nlmsg_put_header(buf);
	struct genlmsghdr *g;

	nlh->nlmsg_type = type;
	nlh->nlmsg_flags = NLM_F_REQUEST | NLM_F_ACK;
	nlh->nlmsg_seq = ++seq;
	g = mnl_nlmsg_put_extra_header(nlh, sizeof(*g));
	g->cmd = cmd;
	g->version = 1;
	return nlh;
}

int main(int argc, char **argv)
{
	char buf[MNL_SOCKET_BUFFER_SIZE];
	struct nlmsghdr *nlh;
	struct nlattr *nest;
	const char *c = argc > 1 ? argv[1] : "";
	int one = 1, err, i;

	sock = mnl_socket_open(NETLINK_GENERIC);
	if (!sock || mnl_socket_bind(sock, 0, MNL_SOCKET_AUTOPID) < 0)
		return 1;
	portid = mnl_socket_get_portid(sock);
	seq = time(NULL);
	mnl_socket_setsockopt(sock, NETLINK_EXT_ACK, &one, sizeof(one));
	mnl_socket_setsockopt(sock, NETLINK_CAP_ACK, &one, sizeof(one));
	nlh = req(buf, GENL_ID_CTRL, CTRL_CMD_GETFAMILY);
	mnl_attr_put_strz(nlh, CTRL_ATTR_FAMILY_NAME, NETDIAG_GENL_NAME);
	if (talk(nlh, fam_cb) || !family) {
		printf("errno=%d msg=family not found\n", ENOENT);
		return 1;
	}

	if (!strcmp(c, "cycles")) {
		long n = argc > 2 ? strtol(argv[2], NULL, 0) : 1000, k, failed = 0;

		for (k = 0; k < n; k++) {
			nlh = req(buf, family, NETDIAG_CMD_SESSION_NEW);
			mnl_attr_put_u32(nlh, NETDIAG_A_KIND, 1 + k % 2);
			nest = mnl_attr_nest_start(nlh, NETDIAG_A_FILTER);
			mnl_attr_put_u8(nlh, NETDIAG_FILTER_A_L4_PROTO, 17);
			mnl_attr_nest_end(nlh, nest);
			created = 0;
			if (talk(nlh, id_cb) || !created) {
				failed++;
				continue;
			}
			nlh = req(buf, family, NETDIAG_CMD_SESSION_DEL);
			mnl_attr_put_u32(nlh, NETDIAG_A_SESSION_ID, created);
			if (talk(nlh, NULL))
				failed++;
		}
		printf("cycles=%ld failed=%ld\n", n, failed);
		return failed ? 1 : 0;
	}
	if (!strcmp(c, "unknown-attr")) {
		nlh = req(buf, family, NETDIAG_CMD_SESSION_NEW);
		mnl_attr_put_u32(nlh, NETDIAG_A_KIND, NETDIAG_KIND_DROP_STATS);
		mnl_attr_put_u32(nlh, NETDIAG_A_MAX + 5, 1);
	} else if (!strcmp(c, "wrong-type")) {
		nlh = req(buf, family, NETDIAG_CMD_SESSION_NEW);
		mnl_attr_put_u8(nlh, NETDIAG_A_KIND, 1);	/* u32 expected */
	} else if (!strcmp(c, "nine-ifaces")) {
		nlh = req(buf, family, NETDIAG_CMD_SESSION_NEW);
		mnl_attr_put_u32(nlh, NETDIAG_A_KIND, NETDIAG_KIND_DROP_STATS);
		nest = mnl_attr_nest_start(nlh, NETDIAG_A_FILTER);
		for (i = 0; i < 9; i++) {
			char n[16];

			snprintf(n, sizeof(n), "eth%d", i);
			mnl_attr_put_strz(nlh, NETDIAG_FILTER_A_IFNAME, n);
		}
		mnl_attr_nest_end(nlh, nest);
	} else if (!strcmp(c, "unknown-session")) {
		nlh = req(buf, family, NETDIAG_CMD_SESSION_DEL);
		mnl_attr_put_u32(nlh, NETDIAG_A_SESSION_ID, 999999);
	} else if (!strcmp(c, "no-kind")) {
		nlh = req(buf, family, NETDIAG_CMD_SESSION_NEW);
	} else if (!strcmp(c, "bad-kind")) {
		nlh = req(buf, family, NETDIAG_CMD_SESSION_NEW);
		mnl_attr_put_u32(nlh, NETDIAG_A_KIND, 77);
	} else if (!strcmp(c, "bad-flags")) {
		nlh = req(buf, family, NETDIAG_CMD_SESSION_NEW);
		mnl_attr_put_u32(nlh, NETDIAG_A_KIND, NETDIAG_KIND_DROP_STATS);
		mnl_attr_put_u32(nlh, NETDIAG_A_FLAGS, 0x80000000);
	} else if (!strcmp(c, "short-ip")) {
		nlh = req(buf, family, NETDIAG_CMD_SESSION_NEW);
		mnl_attr_put_u32(nlh, NETDIAG_A_KIND, NETDIAG_KIND_DROP_STATS);
		nest = mnl_attr_nest_start(nlh, NETDIAG_A_FILTER);
		mnl_attr_put(nlh, NETDIAG_FILTER_A_SRC_IP, 3, "abc");
		mnl_attr_nest_end(nlh, nest);
	} else if (!strcmp(c, "create-ok")) {
		nlh = req(buf, family, NETDIAG_CMD_SESSION_NEW);
		mnl_attr_put_u32(nlh, NETDIAG_A_KIND, NETDIAG_KIND_DROP_STATS);
	} else {
		fprintf(stderr, "unknown case '%s'\n", c);
		return 2;
	}
	err = talk(nlh, NULL);
	printf("errno=%d msg=%s\n", err, msg);
	return 0;
}
