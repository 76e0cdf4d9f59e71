// SPDX-License-Identifier: GPL-2.0
/*
 * Filter matching. Semantics follow the seed toolkit where it is sane:
 * addresses are exact source/destination matches; each port filter matches
 * when either the source or the destination port equals it; non-first
 * fragments (no ports) skip the port filters.
 */
#include <linux/netdevice.h>
#include <linux/if_ether.h>
#include <linux/if_vlan.h>
#include <linux/socket.h>
#include "filter.h"
#include "pkt.h"

bool nd_filter_dev(const struct nd_filter *f, const struct net_device *dev)
{
	union nd_ifname n;
	unsigned int i;

	if (!(f->mask & ND_F_IFNAME))
		return true;
	if (!dev)
		return false;
	memcpy(&n, dev->name, sizeof(n));
	for (i = 0; i < f->nifnames; i++)
		if (n.w[0] == f->ifnames[i].w[0] &&
		    n.w[1] == f->ifnames[i].w[1])
			return true;
	return false;
}

static bool nd_eth_known(u16 proto)
{
	switch (proto) {
	case ETH_P_ARP:
	case ETH_P_RARP:
	case ETH_P_IP:
	case ETH_P_IPV6:
	case 0x88cc:			/* LLDP */
	case 0x8808:			/* 802.3x flow control */
		return true;
	}
	return false;
}

static bool nd_addr_eq(u8 family, const u8 *want, const struct nd_pkt *p,
		       const u8 *have)
{
	if (p->family != family)
		return false;
	return !memcmp(want, have, family == AF_INET ? 4 : 16);
}

bool nd_filter_pkt(const struct nd_filter *f, const struct nd_pkt *p)
{
	u32 m = f->mask;
	bool nonfirst_frag;

	if (!(m & ND_F_NEEDS_PKT))
		return true;
	if (m & ND_F_ETH_PROTO) {
		if (f->eth_proto == NETDIAG_ETH_P_OTHER) {
			if (nd_eth_known(p->eth_proto))
				return false;
		} else if (p->eth_proto != f->eth_proto) {
			return false;
		}
	}
	if ((m & ND_F_VLAN) &&
	    !((p->nvlan > 0 && (p->vlan[0] & VLAN_VID_MASK) == f->vlan_id) ||
	      (p->nvlan > 1 && (p->vlan[1] & VLAN_VID_MASK) == f->vlan_id)))
		return false;
	if ((m & ND_F_SRC_IP) &&
	    !nd_addr_eq(f->src_family, f->src_ip, p, p->saddr))
		return false;
	if ((m & ND_F_DST_IP) &&
	    !nd_addr_eq(f->dst_family, f->dst_ip, p, p->daddr))
		return false;
	if ((m & ND_F_L4_PROTO) &&
	    (!(p->flags & ND_PKT_HAS_L3) || p->l4_proto != f->l4_proto))
		return false;
	if (!(m & (ND_F_SRC_PORT | ND_F_DST_PORT)))
		return true;
	nonfirst_frag = (p->flags & ND_PKT_HAS_L3) && (p->ip_frag & 0x1fff);
	if (nonfirst_frag)
		return true;
	if (!(p->flags & ND_PKT_HAS_PORTS))
		return false;
	if ((m & ND_F_SRC_PORT) && p->sport != f->src_port &&
	    p->dport != f->src_port)
		return false;
	if ((m & ND_F_DST_PORT) && p->sport != f->dst_port &&
	    p->dport != f->dst_port)
		return false;
	return true;
}
