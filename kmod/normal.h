/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Frees that the kernel reports through kfree_skb but that are not drops
 * (normal.c): e.g. 6.1's icmpv6_rcv frees every handled message with
 * reason NOT_SPECIFIED, ICMP echo replies taken by a raw socket end as
 * NO_SOCKET, sk_stream_kill_queues frees a closing socket's queues.
 * The rules are few, written down in docs/architecture.md, and every
 * free they set aside is counted (normal_frees), never hidden.
 */
#ifndef _ND_NORMAL_H
#define _ND_NORMAL_H

#include <linux/types.h>

struct nd_pkt;

int nd_normal_init(void);
/* true when a free at location with this reason and packet is not a drop */
bool nd_normal_free(unsigned long location, bool has_reason, u32 reason,
		    const struct nd_pkt *p);

#endif
