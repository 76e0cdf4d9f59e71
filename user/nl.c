// SPDX-License-Identifier: GPL-2.0
/* libmnl generic-netlink plumbing for ndctl. */
#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <linux/netlink.h>
#include "nl.h"

#ifndef NETLINK_EXT_ACK
#define NETLINK_EXT_ACK 11
#endif
#ifndef NETLINK_CAP_ACK
#define NETLINK_CAP_ACK 10
#endif
#ifndef NLM_F_ACK_TLVS
#define NLM_F_ACK_TLVS 0x200
#define NLM_F_CAPPED 0x100
#define NLMSGERR_ATTR_MSG 1
#endif

struct nl_ctrl {
	uint16_t id;
	uint32_t mcgrp;
};

static int nl_parse_cb(const struct nlattr *a, void *data)
{
	struct { const struct nlattr **tb; int max; } *p = data;
	int type = mnl_attr_get_type(a);

	if (type <= p->max)
		p->tb[type] = a;
	return MNL_CB_OK;
}

int nl_parse(const struct nlmsghdr *nlh, const struct nlattr **tb, int max)
{
	struct { const struct nlattr **tb; int max; } p = { tb, max };

	memset(tb, 0, sizeof(*tb) * (max + 1));
	return mnl_attr_parse(nlh, sizeof(struct genlmsghdr), nl_parse_cb, &p);
}

int nl_parse_nested(const struct nlattr *nest, const struct nlattr **tb,
		    int max)
{
	struct { const struct nlattr **tb; int max; } p = { tb, max };

	memset(tb, 0, sizeof(*tb) * (max + 1));
	return mnl_attr_parse_nested(nest, nl_parse_cb, &p);
}

static int nl_ctrl_grp(const struct nlattr *nest, struct nl_ctrl *c)
{
	const struct nlattr *g;

	mnl_attr_for_each_nested(g, nest) {
		const struct nlattr *tb[CTRL_ATTR_MCAST_GRP_MAX + 1];

		nl_parse_nested(g, tb, CTRL_ATTR_MCAST_GRP_MAX);
		if (tb[CTRL_ATTR_MCAST_GRP_NAME] && tb[CTRL_ATTR_MCAST_GRP_ID] &&
		    !strcmp(mnl_attr_get_str(tb[CTRL_ATTR_MCAST_GRP_NAME]),
			    NETDIAG_MCGRP_EVENTS))
			c->mcgrp = mnl_attr_get_u32(tb[CTRL_ATTR_MCAST_GRP_ID]);
	}
	return 0;
}

static int nl_ctrl_cb(const struct nlmsghdr *nlh, void *data)
{
	const struct nlattr *tb[CTRL_ATTR_MAX + 1];
	struct nl_ctrl *c = data;

	nl_parse(nlh, tb, CTRL_ATTR_MAX);
	if (tb[CTRL_ATTR_FAMILY_ID])
		c->id = mnl_attr_get_u16(tb[CTRL_ATTR_FAMILY_ID]);
	if (tb[CTRL_ATTR_MCAST_GROUPS])
		nl_ctrl_grp(tb[CTRL_ATTR_MCAST_GROUPS], c);
	return MNL_CB_OK;
}

static int nl_err_cb(const struct nlmsghdr *nlh, void *data)
{
	struct nd_nl *nl = data;
	const struct nlmsgerr *e = mnl_nlmsg_get_payload(nlh);
	unsigned int off;

	if (nlh->nlmsg_len < mnl_nlmsg_size(sizeof(*e)))
		return MNL_CB_ERROR;
	if (!e->error)
		return MNL_CB_STOP;	/* the ack */
	nl->err = -e->error;
	if (nlh->nlmsg_flags & NLM_F_ACK_TLVS) {
		const struct nlattr *a;

		off = sizeof(*e);
		if (!(nlh->nlmsg_flags & NLM_F_CAPPED))
			off += e->msg.nlmsg_len - sizeof(struct nlmsghdr);
		mnl_attr_for_each(a, nlh, off) {
			if (mnl_attr_get_type(a) == NLMSGERR_ATTR_MSG)
				snprintf(nl->errmsg, sizeof(nl->errmsg), "%s",
					 mnl_attr_get_str(a));
		}
	}
	errno = nl->err;
	return MNL_CB_ERROR;
}

struct nlmsghdr *nl_req(struct nd_nl *nl, void *buf, uint8_t cmd,
			uint16_t flags)
{
	struct nlmsghdr *nlh = mnl_nlmsg_put_header(buf);
	struct genlmsghdr *g;

	nlh->nlmsg_type = nl->family;
	nlh->nlmsg_flags = NLM_F_REQUEST | NLM_F_ACK | flags;
	nlh->nlmsg_seq = ++nl->seq;
	g = mnl_nlmsg_put_extra_header(nlh, sizeof(*g));
	g->cmd = cmd;
	g->version = NETDIAG_GENL_VERSION;
	return nlh;
}

int nl_talk(struct nd_nl *nl, struct nlmsghdr *nlh, mnl_cb_t cb, void *data)
{
	static char buf[1 << 16];
	uint32_t seq = nlh->nlmsg_seq;
	int len;

	nl->errmsg[0] = '\0';
	nl->err = 0;
	if (mnl_socket_sendto(nl->sock, nlh, nlh->nlmsg_len) < 0) {
		nl->err = errno;
		return -errno;
	}
	for (;;) {
		const struct nlmsghdr *m = (const void *)buf;

		len = mnl_socket_recvfrom(nl->sock, buf, sizeof(buf));
		if (len < 0) {
			nl->err = errno;
			return -errno;
		}
		for (; mnl_nlmsg_ok(m, len); m = mnl_nlmsg_next(m, &len)) {
			if (m->nlmsg_seq != seq)
				continue;	/* stale */
			if (m->nlmsg_type == NLMSG_ERROR) {
				if (nl_err_cb(m, nl) == MNL_CB_STOP)
					return 0;
				return -nl->err;
			}
			if (m->nlmsg_type == NLMSG_DONE)
				return 0;
			if (m->nlmsg_type < NLMSG_MIN_TYPE)
				continue;
			if (cb && cb(m, data) < MNL_CB_OK) {
				nl->err = errno ? errno : EIO;
				return -nl->err;
			}
		}
	}
}

int nl_open(struct nd_nl *nl)
{
	char buf[MNL_SOCKET_BUFFER_SIZE];
	struct nl_ctrl c = { 0 };
	struct nlmsghdr *nlh;
	struct genlmsghdr *g;
	int one = 1, err;

	memset(nl, 0, sizeof(*nl));
	nl->seq = time(NULL);
	nl->sock = mnl_socket_open(NETLINK_GENERIC);
	if (!nl->sock) {
		perror("ndctl: netlink socket");
		return -errno;
	}
	if (mnl_socket_bind(nl->sock, 0, MNL_SOCKET_AUTOPID) < 0) {
		perror("ndctl: netlink bind");
		return -errno;
	}
	nl->portid = mnl_socket_get_portid(nl->sock);
	mnl_socket_setsockopt(nl->sock, NETLINK_EXT_ACK, &one, sizeof(one));
	mnl_socket_setsockopt(nl->sock, NETLINK_CAP_ACK, &one, sizeof(one));

	nlh = mnl_nlmsg_put_header(buf);
	nlh->nlmsg_type = GENL_ID_CTRL;
	nlh->nlmsg_flags = NLM_F_REQUEST | NLM_F_ACK;
	nlh->nlmsg_seq = ++nl->seq;
	g = mnl_nlmsg_put_extra_header(nlh, sizeof(*g));
	g->cmd = CTRL_CMD_GETFAMILY;
	g->version = 1;
	mnl_attr_put_strz(nlh, CTRL_ATTR_FAMILY_NAME, NETDIAG_GENL_NAME);
	err = nl_talk(nl, nlh, nl_ctrl_cb, &c);
	if (err || !c.id) {
		fprintf(stderr,
			"ndctl: the netdiag kernel module is not loaded (genl family \"%s\" not found).\n"
			"       Load it with 'modprobe netdiag' or 'insmod netdiag.ko'.\n",
			NETDIAG_GENL_NAME);
		mnl_socket_close(nl->sock);
		nl->sock = NULL;
		return -ENOENT;
	}
	nl->family = c.id;
	nl->mcgrp_events = c.mcgrp;
	return 0;
}

void nl_close(struct nd_nl *nl)
{
	if (nl->sock)
		mnl_socket_close(nl->sock);
	nl->sock = NULL;
}

int nl_join_events(struct nd_nl *nl)
{
	unsigned int grp = nl->mcgrp_events;
	int one = 1;

	if (!grp)
		return -ENOENT;
	mnl_socket_setsockopt(nl->sock, NETLINK_NO_ENOBUFS, &one, sizeof(one));
	if (mnl_socket_setsockopt(nl->sock, NETLINK_ADD_MEMBERSHIP, &grp,
				  sizeof(grp)) < 0) {
		nl->err = errno;
		return -errno;
	}
	return 0;
}

extern volatile int nd_stop;

int nl_recv_events(struct nd_nl *nl, mnl_cb_t cb, void *data, int timeout_ms)
{
	static char buf[1 << 16];
	struct pollfd pfd = { .fd = mnl_socket_get_fd(nl->sock), .events = POLLIN };

	for (;;) {
		int ret;

		if (nd_stop)
			return 0;
		ret = poll(&pfd, 1, timeout_ms > 0 ? timeout_ms : 200);
		if (ret < 0) {
			if (errno == EINTR)
				continue;
			return -errno;
		}
		if (!ret) {
			if (timeout_ms > 0)
				return 0;
			continue;
		}
		ret = mnl_socket_recvfrom(nl->sock, buf, sizeof(buf));
		if (ret < 0) {
			if (errno == EINTR || errno == ENOBUFS)
				continue;
			return -errno;
		}
		ret = mnl_cb_run(buf, ret, 0, 0, cb, data);
		if (ret <= MNL_CB_STOP)
			return ret < 0 ? -errno : 0;
	}
}

void nl_perror(struct nd_nl *nl, const char *what)
{
	const char *hint = "";

	if (nl->err == EPERM)
		hint = " (this needs CAP_NET_ADMIN: run as root)";
	if (nl->errmsg[0])
		fprintf(stderr, "ndctl: %s: %s (%s)%s\n", what, nl->errmsg,
			strerror(nl->err), hint);
	else
		fprintf(stderr, "ndctl: %s: %s%s\n", what, strerror(nl->err),
			hint);
}
