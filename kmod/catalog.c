// SPDX-License-Identifier: GPL-2.0
/*
 * The probe-point catalog: the only code that knows kernel signatures.
 * Each point lists its hooks in order of preference (tracepoint, then entry
 * kprobe; kretprobes only off the per-packet path) and how to find the skb
 * in the arguments. Userspace names points by their catalog name.
 */
#include <linux/module.h>
#include <linux/skbuff.h>
#include <linux/netdevice.h>
#include "netdiag.h"

/* ---- tracepoint probes: one per tracepoint prototype ---- */

static void nd_tp_kfree_skb(ND_TP_KFREE_SKB_PROTO(data))
{
	struct nd_hit hit = {
		.skb = skb,
		.location = (unsigned long)location,
		.reason = ND_TP_KFREE_SKB_REASON(reason),
#ifndef ND_TP_KFREE_SKB_NO_REASON
		.has_reason = true,
#endif
	};

	nd_point_fire(data, &hit);
}

static void nd_tp_net_dev_xmit(void *data, struct sk_buff *skb, int rc,
			       struct net_device *dev, unsigned int skb_len)
{
	struct nd_hit hit = { .skb = skb, .reason = rc, .has_reason = true };

	nd_point_fire(data, &hit);
}

static void nd_tp_skb_only(void *data, struct sk_buff *skb)
{
	struct nd_hit hit = { .skb = skb };

	nd_point_fire(data, &hit);
}

/* openvswitch's own tracepoint: its struct types are private to the module,
 * so they are taken as opaque pointers (same calling convention). */
static void nd_tp_ovs_dp_upcall(void *data, void *dp, struct sk_buff *skb,
				const void *key, const void *upcall_info)
{
	struct nd_hit hit = { .skb = skb };

	nd_point_fire(data, &hit);
}

#define ND_TP(tp, fn) { .kind = NETDIAG_HOOK_TRACEPOINT, .target = tp, \
			.tp_probe = fn, .skb_arg = -1, .reason_arg = -1 }
#define ND_KP(sym, skb, reason) { .kind = NETDIAG_HOOK_KPROBE, .target = sym, \
			.skb_arg = skb, .reason_arg = reason }
#define ND_KRP(sym, skb) { .kind = NETDIAG_HOOK_KRETPROBE, .target = sym, \
			.skb_arg = skb, .reason_arg = -1 }
#define ND_FT(sym, skb) { .kind = NETDIAG_HOOK_FTRACE, .target = sym, \
			.skb_arg = skb, .reason_arg = -1 }

static const struct nd_hookdef nd_defs_kfree_skb[] = {
	ND_TP("kfree_skb", nd_tp_kfree_skb),
	/* fallbacks: 6.11+ inline kfree_skb_reason -> sk_skb_reason_drop;
	 * 5.17+ kfree_skb -> kfree_skb_reason; older: kfree_skb itself */
	ND_KP("sk_skb_reason_drop", 1, 2),
	ND_KP("kfree_skb_reason", 0, 1),
	ND_KP("kfree_skb", 0, -1),
};

static const struct nd_hookdef nd_defs_net_dev_xmit[] = {
	ND_TP("net_dev_xmit", nd_tp_net_dev_xmit),
};

static const struct nd_hookdef nd_defs_netif_receive_skb[] = {
	ND_TP("netif_receive_skb", nd_tp_skb_only),
	ND_KP("__netif_receive_skb", 0, -1),
};

static const struct nd_hookdef nd_defs_veth_xmit[] = {
#ifdef ND_HAVE_FTRACE_HOOK
	ND_FT("veth_xmit", 0),
#endif
	ND_KP("veth_xmit", 0, -1),
};

static const struct nd_hookdef nd_defs_veth_xmit_ret[] = {
	ND_KRP("veth_xmit", 0),
};

static const struct nd_hookdef nd_defs_tun_net_xmit[] = {
	ND_KP("tun_net_xmit", 0, -1),
};

static const struct nd_hookdef nd_defs_ovs_dp_upcall[] = {
	ND_TP("ovs_dp_upcall", nd_tp_ovs_dp_upcall),
	ND_KP("ovs_dp_upcall", 1, -1),
};

static const struct nd_hookdef nd_defs_ovs_vport_receive[] = {
	ND_KP("ovs_vport_receive", 1, -1),
};

#define ND_POINT(n, m, d, hooks) { .name = n, .module = m, .desc = d, \
	.defs = hooks, .ndefs = ARRAY_SIZE(hooks) }

static struct nd_point nd_catalog[] = {
	ND_POINT("skb:kfree_skb", NULL,
		 "an skb is dropped (kfree_skb, not consume_skb)",
		 nd_defs_kfree_skb),
	ND_POINT("net:net_dev_xmit", NULL,
		 "a driver's ndo_start_xmit returned", nd_defs_net_dev_xmit),
	ND_POINT("net:netif_receive_skb", NULL,
		 "an skb enters the stack from a device",
		 nd_defs_netif_receive_skb),
	ND_POINT("veth:veth_xmit", "veth", "veth transmit (ftrace hook)",
		 nd_defs_veth_xmit),
	ND_POINT("veth:veth_xmit:ret", "veth",
		 "veth transmit return (kretprobe, diagnostic only)",
		 nd_defs_veth_xmit_ret),
	ND_POINT("tun:tun_net_xmit", "tun", "host to tun/tap transmit",
		 nd_defs_tun_net_xmit),
	ND_POINT("openvswitch:ovs_vport_receive", "openvswitch",
		 "a packet enters the OVS datapath", nd_defs_ovs_vport_receive),
	ND_POINT("openvswitch:ovs_dp_upcall", "openvswitch",
		 "a flow miss is sent to ovs-vswitchd (module tracepoint)",
		 nd_defs_ovs_dp_upcall),
};

unsigned int nd_catalog_count(void)
{
	return ARRAY_SIZE(nd_catalog);
}

struct nd_point *nd_catalog_get(unsigned int i)
{
	return i < ARRAY_SIZE(nd_catalog) ? &nd_catalog[i] : NULL;
}

struct nd_point *nd_catalog_find(const char *name)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(nd_catalog); i++)
		if (!strcmp(nd_catalog[i].name, name))
			return &nd_catalog[i];
	return NULL;
}

int nd_catalog_init(void)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(nd_catalog); i++) {
		struct nd_point *pt = &nd_catalog[i];

		INIT_LIST_HEAD(&pt->subs);
		pt->active = -1;
		pt->last = -1;
		pt->state = NETDIAG_PROBE_UNKNOWN;
		pt->hits = alloc_percpu(u64);
		if (!pt->hits) {
			nd_catalog_exit();
			return -ENOMEM;
		}
	}
	return 0;
}

void nd_catalog_exit(void)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(nd_catalog); i++) {
		free_percpu(nd_catalog[i].hits);
		nd_catalog[i].hits = NULL;
	}
}
