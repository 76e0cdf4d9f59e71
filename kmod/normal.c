// SPDX-License-Identifier: GPL-2.0
/* Normal frees seen on the kfree_skb tracepoint. See normal.h. */
#include <linux/kallsyms.h>
#include <linux/in.h>
#include <linux/icmp.h>
#include <linux/icmpv6.h>
#include <linux/skbuff.h>
#include <linux/string.h>
#include <linux/hash.h>
#include "compat/compat.h"
#include "normal.h"
#include "pkt.h"

enum nd_fn {
	ND_FN_NONE,
	ND_FN_ICMP_RCV,
	ND_FN_ICMPV6_RCV,
	ND_FN_SK_STREAM_KILL_QUEUES,
	ND_FN_MAX,
};

static const char *const nd_fn_names[ND_FN_MAX] = {
	[ND_FN_ICMP_RCV] = "icmp_rcv",
	[ND_FN_ICMPV6_RCV] = "icmpv6_rcv",
	[ND_FN_SK_STREAM_KILL_QUEUES] = "sk_stream_kill_queues",
};

/* location -> function cache: lock-free, claimed with cmpxchg, bounded. */
#define ND_LOC_SLOTS 512
#define ND_LOC_PROBE 8
static unsigned long nd_loc_addr[ND_LOC_SLOTS];
static u8 nd_loc_fn[ND_LOC_SLOTS];
static u8 nd_loc_ready[ND_LOC_SLOTS];

static u8 nd_fn_of(unsigned long location)
{
	char name[KSYM_SYMBOL_LEN];
	char *dot;
	u8 i;

	sprint_symbol_no_offset(name, location);
	dot = strchr(name, '.');	/* icmp_rcv.isra.0 is icmp_rcv */
	if (dot)
		*dot = '\0';
	for (i = 1; i < ND_FN_MAX; i++)
		if (!strcmp(name, nd_fn_names[i]))
			return i;
	return ND_FN_NONE;
}

static u8 nd_fn_cached(unsigned long location)
{
	u32 h = hash_long(location, 9), i;
	u8 fn;

	for (i = 0; i < ND_LOC_PROBE; i++) {
		u32 s = (h + i) % ND_LOC_SLOTS;
		unsigned long a = READ_ONCE(nd_loc_addr[s]);

		if (a == location) {
			if (smp_load_acquire(&nd_loc_ready[s]))
				return nd_loc_fn[s];
			break;		/* being filled: compute it */
		}
		if (!a) {
			fn = nd_fn_of(location);
			if (!cmpxchg(&nd_loc_addr[s], 0UL, location)) {
				nd_loc_fn[s] = fn;
				smp_store_release(&nd_loc_ready[s], 1);
			}
			return fn;
		}
	}
	return nd_fn_of(location);	/* cache full: still right, slower */
}

bool nd_normal_free(unsigned long location, bool has_reason, u32 reason,
		    const struct nd_pkt *p)
{
	bool icmp = (p->flags & ND_PKT_HAS_L4) && p->l4_proto == IPPROTO_ICMP;
	bool icmp6 = (p->flags & ND_PKT_HAS_L4) && p->l4_proto == IPPROTO_ICMPV6;

	if (!location)
		return false;
	switch (nd_fn_cached(location)) {
	case ND_FN_SK_STREAM_KILL_QUEUES:
		/* a closing socket frees what it still holds */
		return true;
	case ND_FN_ICMP_RCV:
		/* an echo reply no ping socket wanted (a raw socket had it) */
		return icmp && p->icmp_type == ICMP_ECHOREPLY;
	case ND_FN_ICMPV6_RCV:
#ifdef ND_HAVE_TP_KFREE_SKB_REASON
		/* <= 6.3 frees handled messages with NOT_SPECIFIED */
		if (has_reason && reason == SKB_DROP_REASON_NOT_SPECIFIED)
			return true;
#endif
		return icmp6 && (p->icmp_type == ICMPV6_ECHO_REPLY ||
				 p->icmp_type == ICMPV6_ECHO_REQUEST);
	}
	return false;
}

int nd_normal_init(void)
{
	return 0;
}
