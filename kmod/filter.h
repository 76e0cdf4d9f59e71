/* SPDX-License-Identifier: GPL-2.0 */
/* The one packet filter shared by every engine (filter.c). */
#ifndef _ND_FILTER_H
#define _ND_FILTER_H

#include <linux/types.h>
#include <uapi/linux/netdiag.h>

struct nd_pkt;
struct net_device;

#define ND_F_SRC_IP	0x0001
#define ND_F_DST_IP	0x0002
#define ND_F_L4_PROTO	0x0004
#define ND_F_SRC_PORT	0x0008
#define ND_F_DST_PORT	0x0010
#define ND_F_ETH_PROTO	0x0020
#define ND_F_VLAN	0x0040
#define ND_F_IFNAME	0x0080
#define ND_F_NEEDS_PKT	(ND_F_SRC_IP | ND_F_DST_IP | ND_F_L4_PROTO | \
			 ND_F_SRC_PORT | ND_F_DST_PORT | ND_F_ETH_PROTO | \
			 ND_F_VLAN)

/* Device names compared as two u64 words: no strcmp on the hot path. */
union nd_ifname {
	char name[NETDIAG_IFNAMSIZ];
	u64 w[2];
};

struct nd_filter {
	u32 mask;			/* ND_F_* set */
	u8 src_family, dst_family;
	u8 l4_proto;
	u8 nifnames;
	u16 src_port, dst_port;		/* host order */
	u16 eth_proto;			/* host order, NETDIAG_ETH_P_OTHER */
	u16 vlan_id;
	u8 src_ip[16], dst_ip[16];
	union nd_ifname ifnames[NETDIAG_MAX_IFACES];
};

/* Cheapest first: the device gate needs no header parsing. */
bool nd_filter_dev(const struct nd_filter *f, const struct net_device *dev);
bool nd_filter_pkt(const struct nd_filter *f, const struct nd_pkt *p);

static inline bool nd_filter_needs_pkt(const struct nd_filter *f)
{
	return f->mask & ND_F_NEEDS_PKT;
}

#endif
