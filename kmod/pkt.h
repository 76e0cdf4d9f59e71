/* SPDX-License-Identifier: GPL-2.0 */
/* Header parsing of an sk_buff into one small struct (pkt.c). */
#ifndef _ND_PKT_H
#define _ND_PKT_H

#include <linux/types.h>

struct sk_buff;

#define ND_PKT_HAS_ETH	0x01
#define ND_PKT_HAS_L3	0x02
#define ND_PKT_HAS_L4	0x04
#define ND_PKT_HAS_ARP	0x08
#define ND_PKT_HAS_PORTS 0x10	/* TCP, UDP, SCTP: sport/dport are ports */

struct nd_pkt {
	u32 len;			/* skb->len */
	int ifindex;
	char ifname[16];
	u8 flags;			/* ND_PKT_HAS_* */
	u8 nvlan;
	u8 family;			/* AF_INET, AF_INET6 or 0 */
	u8 l4_proto;
	u16 eth_proto;			/* host order, after VLAN tags */
	u16 vlan[2];			/* TCI, outermost first */
	u8 eth_src[6];
	u8 eth_dst[6];
	u8 ip_tos;
	u8 ip_ttl;
	u16 ip_len;
	u16 ip_frag;			/* offset in 8-byte units | 0x2000 MF */
	u16 arp_op;
	u32 ip_id;			/* IPv4 id, IPv6 flow label */
	u8 saddr[16];			/* IPv4 in the first 4 bytes */
	u8 daddr[16];
	u16 sport;			/* host order; ICMP echo: id */
	u16 dport;			/* host order; ICMP echo: sequence */
	u8 tcp_flags;
	u8 icmp_type;
	u8 icmp_code;
};

/* Returns 0, or -EINVAL when a header was truncated or malformed (the fields
 * decoded before that point stay valid). Safe in any context. */
int nd_pkt_parse(const struct sk_buff *skb, struct nd_pkt *p);

/* Parse raw bytes that start with an Ethernet header (tests, OVS userspace
 * re-injection). */
int nd_pkt_parse_eth(const u8 *data, unsigned int len, struct nd_pkt *p);

#endif
