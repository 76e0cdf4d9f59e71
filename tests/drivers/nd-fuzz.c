// SPDX-License-Identifier: GPL-2.0
/*
 * nd-fuzz: random and mutated requests to the netdiag genl family, driven by
 * one description of the attribute tree (fz_top below mirrors the uAPI).
 * Every request must be answered (a reply or an error) within 2 s.
 *   nd-fuzz COUNT [SEED]
 * Prints "fuzz: sent N answered A ok S timeouts T" and errno counts; exit 1
 * on any timeout or socket failure.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <libmnl/libmnl.h>
#include <linux/genetlink.h>
#include <linux/netlink.h>
#include "../../include/uapi/linux/netdiag.h"

enum fz_kind { FZ_U8, FZ_U16, FZ_U32, FZ_U64, FZ_STR, FZ_BIN, FZ_FLAG, FZ_NEST };

struct fz_attr {
	int type;
	enum fz_kind kind;
	const struct fz_attr *nested;
	int nnested;
	int len;			/* STR/BIN: typical length */
};

static const struct fz_attr fz_filter[] = {
	{ NETDIAG_FILTER_A_SRC_IP, FZ_BIN, NULL, 0, 4 },
	{ NETDIAG_FILTER_A_DST_IP, FZ_BIN, NULL, 0, 16 },
	{ NETDIAG_FILTER_A_L4_PROTO, FZ_U8 },
	{ NETDIAG_FILTER_A_SRC_PORT, FZ_U16 },
	{ NETDIAG_FILTER_A_DST_PORT, FZ_U16 },
	{ NETDIAG_FILTER_A_ETH_PROTO, FZ_U16 },
	{ NETDIAG_FILTER_A_VLAN_ID, FZ_U16 },
	{ NETDIAG_FILTER_A_IFNAME, FZ_STR, NULL, 0, 8 },
};

static const struct fz_attr fz_points[] = {
	{ NETDIAG_PROBE_A_NAME, FZ_STR, NULL, 0, 14 },
};

static const struct fz_attr fz_top[] = {
	{ NETDIAG_A_SESSION_ID, FZ_U32 },
	{ NETDIAG_A_KIND, FZ_U32 },
	{ NETDIAG_A_FILTER, FZ_NEST, fz_filter, sizeof(fz_filter) / sizeof(fz_filter[0]) },
	{ NETDIAG_A_FLAGS, FZ_U32 },
	{ NETDIAG_A_GROUP_BY, FZ_U32 },
	{ NETDIAG_A_MAX_ENTRIES, FZ_U32 },
	{ NETDIAG_A_MAX_STACKS, FZ_U32 },
	{ NETDIAG_A_EVENT_RATE, FZ_U32 },
	{ NETDIAG_A_POINTS, FZ_NEST, fz_points, 1 },
	{ NETDIAG_A_CLEAR, FZ_FLAG },
};

static const char *const fz_names[] = {
	"skb:kfree_skb", "net:net_dev_xmit", "veth:veth_xmit", "tun:tun_net_xmit",
	"nope", "", "veth:veth_xmit:ret", "openvswitch:ovs_dp_upcall",
};

static unsigned long long rs;

static unsigned int rnd(void)
{
	rs ^= rs << 13;
	rs ^= rs >> 7;
	rs ^= rs << 17;
	return (unsigned int)(rs >> 11);
}

static unsigned int pick(unsigned int n)
{
	return n ? rnd() % n : 0;
}

static uint32_t fz_value32(int type)
{
	/* mostly plausible, sometimes extreme */
	switch (pick(6)) {
	case 0: return 0;
	case 1: return 0xffffffffu;
	case 2: return rnd();
	}
	switch (type) {
	case NETDIAG_A_KIND: return pick(5);
	case NETDIAG_A_SESSION_ID: return 1 + pick(8);
	case NETDIAG_A_FLAGS: return pick(16);
	case NETDIAG_A_GROUP_BY: return pick(32);
	case NETDIAG_A_MAX_ENTRIES: return 32 + pick(4096);
	case NETDIAG_A_MAX_STACKS: return 8 + pick(512);
	case NETDIAG_A_EVENT_RATE: return pick(2000);
	}
	return pick(100);
}

static void fz_put(struct nlmsghdr *nlh, const struct fz_attr *a, int depth);

static void fz_put_nest(struct nlmsghdr *nlh, const struct fz_attr *a, int depth)
{
	struct nlattr *n = mnl_attr_nest_start(nlh, a->type);
	int i, k = pick(a->nnested + 4);

	for (i = 0; i < k; i++)
		fz_put(nlh, &a->nested[pick(a->nnested)], depth + 1);
	mnl_attr_nest_end(nlh, n);
}

static void fz_put(struct nlmsghdr *nlh, const struct fz_attr *a, int depth)
{
	char buf[64];
	int type = a->type, len, i;
	enum fz_kind kind = a->kind;

	if (mnl_nlmsg_size(nlh->nlmsg_len) > 3000 || depth > 3)
		return;
	switch (pick(12)) {		/* mutations */
	case 0: type = pick(40); break;			/* any type */
	case 1: kind = (enum fz_kind)pick(8); break;	/* wrong kind */
	}
	switch (kind) {
	case FZ_U8: mnl_attr_put_u8(nlh, type, fz_value32(type)); break;
	case FZ_U16: mnl_attr_put_u16(nlh, type, fz_value32(type)); break;
	case FZ_U32: mnl_attr_put_u32(nlh, type, fz_value32(type)); break;
	case FZ_U64: mnl_attr_put_u64(nlh, type, ((uint64_t)rnd() << 32) | rnd()); break;
	case FZ_FLAG: mnl_attr_put(nlh, type, 0, NULL); break;
	case FZ_STR:
		if (a->nested == NULL && type == NETDIAG_PROBE_A_NAME && pick(2)) {
			mnl_attr_put_strz(nlh, type, fz_names[pick(8)]);
			break;
		}
		len = pick(3) ? pick(a->len + 1) : pick(40);
		for (i = 0; i < len && i < (int)sizeof(buf) - 1; i++)
			buf[i] = pick(4) ? 'a' + pick(26) : rnd();
		buf[i] = 0;
		if (pick(4))
			mnl_attr_put_strz(nlh, type, buf);
		else
			mnl_attr_put(nlh, type, i, buf);	/* no NUL */
		break;
	case FZ_BIN:
		len = pick(3) ? (pick(2) ? 4 : 16) : pick(40);
		for (i = 0; i < len; i++)
			buf[i] = rnd();
		mnl_attr_put(nlh, type, len, buf);
		break;
	case FZ_NEST:
		if (a->nested)
			fz_put_nest(nlh, a, depth);
		else
			fz_put_nest(nlh, &fz_top[2], depth);
		break;
	}
}

int main(int argc, char **argv)
{
	long count = argc > 1 ? strtol(argv[1], NULL, 0) : 1000, i;
	long answered = 0, ok = 0, timeouts = 0, errs[140] = { 0 };
	char buf[MNL_SOCKET_BUFFER_SIZE], rbuf[1 << 16];
	struct timeval tv = { .tv_sec = 2 };
	struct mnl_socket *sock;
	unsigned int seq = 1;
	uint16_t family = 0;
	unsigned long long seed0;
	int one = 1;

	rs = argc > 2 ? strtoull(argv[2], NULL, 0) : 0x6e64667a;
	if (!rs)
		rs = 1;
	seed0 = rs;
	sock = mnl_socket_open(NETLINK_GENERIC);
	if (!sock || mnl_socket_bind(sock, 0, MNL_SOCKET_AUTOPID) < 0)
		return 1;
	mnl_socket_setsockopt(sock, NETLINK_EXT_ACK, &one, sizeof(one));
	mnl_socket_setsockopt(sock, NETLINK_CAP_ACK, &one, sizeof(one));
	setsockopt(mnl_socket_get_fd(sock), SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
	{	/* resolve the family */
		struct nlmsghdr *nlh = mnl_nlmsg_put_header(buf);
		struct genlmsghdr *g;
		int len;

		nlh->nlmsg_type = GENL_ID_CTRL;
		nlh->nlmsg_flags = NLM_F_REQUEST;
		nlh->nlmsg_seq = seq++;
		g = mnl_nlmsg_put_extra_header(nlh, sizeof(*g));
		g->cmd = CTRL_CMD_GETFAMILY;
		g->version = 1;
		mnl_attr_put_strz(nlh, CTRL_ATTR_FAMILY_NAME, NETDIAG_GENL_NAME);
		mnl_socket_sendto(sock, nlh, nlh->nlmsg_len);
		len = mnl_socket_recvfrom(sock, rbuf, sizeof(rbuf));
		if (len > 0) {
			const struct nlattr *a;

			mnl_attr_for_each(a, (struct nlmsghdr *)rbuf, sizeof(*g))
				if (mnl_attr_get_type(a) == CTRL_ATTR_FAMILY_ID)
					family = mnl_attr_get_u16(a);
		}
		if (!family) {
			fprintf(stderr, "nd-fuzz: family netdiag not found\n");
			return 1;
		}
	}
	for (i = 0; i < count; i++) {
		struct nlmsghdr *nlh = mnl_nlmsg_put_header(buf);
		struct genlmsghdr *g;
		int k, n, done = 0;
		uint32_t s = seq++;

		nlh->nlmsg_type = family;
		nlh->nlmsg_flags = NLM_F_REQUEST | NLM_F_ACK | (pick(4) ? 0 : NLM_F_DUMP);
		nlh->nlmsg_seq = s;
		g = mnl_nlmsg_put_extra_header(nlh, sizeof(*g));
		g->cmd = pick(10) ? 1 + pick(NETDIAG_CMD_MAX) : pick(256);
		g->version = pick(8) ? 1 : pick(256);
		g->reserved = pick(8) ? 0 : rnd();
		n = pick(7);
		for (k = 0; k < n; k++)
			fz_put(nlh, &fz_top[pick(sizeof(fz_top) / sizeof(fz_top[0]))], 0);
		if (!pick(20) && nlh->nlmsg_len > 24)	/* truncate: a broken last attribute */
			nlh->nlmsg_len -= 1 + pick(4);
		if (mnl_socket_sendto(sock, nlh, nlh->nlmsg_len) < 0) {
			perror("nd-fuzz: send");
			return 1;
		}
		while (!done) {
			int len = mnl_socket_recvfrom(sock, rbuf, sizeof(rbuf));
			const struct nlmsghdr *m = (const void *)rbuf;

			if (len < 0) {
				if (errno == EAGAIN || errno == EWOULDBLOCK) {
					timeouts++;
					fprintf(stderr, "nd-fuzz: no answer to message %ld (cmd %u)\n", i, g->cmd);
				} else if (errno == ENOBUFS) {
					continue;
				} else {
					perror("nd-fuzz: recv");
					return 1;
				}
				break;
			}
			for (; mnl_nlmsg_ok(m, len); m = mnl_nlmsg_next(m, &len)) {
				if (m->nlmsg_seq != s)
					continue;
				if (m->nlmsg_type == NLMSG_ERROR) {
					const struct nlmsgerr *e = mnl_nlmsg_get_payload(m);
					int en = -e->error;

					if (en > 0 && en < 140)
						errs[en]++;
					else if (!en)
						ok++;
					done = 1;
				} else if (m->nlmsg_type == NLMSG_DONE) {
					ok++;
					done = 1;
				}
			}
		}
		if (done)
			answered++;
	}
	/* the sessions this socket created die with it (not the detached) */
	printf("fuzz: sent %ld answered %ld ok %ld timeouts %ld seed %llu\n",
	       count, answered, ok, timeouts, seed0);
	for (i = 1; i < 140; i++)
		if (errs[i])
			printf("fuzz: errno %ld (%s): %ld\n", i, strerror(i), errs[i]);
	mnl_socket_close(sock);
	return timeouts ? 1 : 0;
}
