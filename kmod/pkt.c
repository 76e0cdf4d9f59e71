// SPDX-License-Identifier: GPL-2.0
/*
 * Header parsing: Ethernet, up to two VLAN tags (in the bytes or offloaded
 * in skb->vlan_tci), IPv4, IPv6 with extension headers, ARP, TCP, UDP, SCTP,
 * ICMP, ICMPv6. Every read is bounds-checked against the skb; nothing here
 * allocates or sleeps.
 */
#include <linux/skbuff.h>
#include <linux/netdevice.h>
#include <linux/if_ether.h>
#include <linux/if_arp.h>
#include <linux/if_vlan.h>
#include <linux/ip.h>
#include <linux/ipv6.h>
#include <linux/tcp.h>
#include <linux/udp.h>
#include <linux/icmp.h>
#include <linux/icmpv6.h>
#include <linux/in.h>
#include <linux/in6.h>
#include <linux/socket.h>
#include "compat/compat.h"
#include "pkt.h"

#define ND_MAX_IPV6_EXT 8

/* A view of the bytes to parse: either a linear buffer or an skb. */
struct nd_src {
	const struct sk_buff *skb;
	const u8 *buf;			/* linear buffer (skb == NULL) */
	unsigned int buflen;
};

/* Bytes [off, off+len) counted from skb->head (or buf), or NULL. */
static const void *nd_bytes(const struct nd_src *src, unsigned int off,
			    unsigned int len, void *tmp)
{
	const struct sk_buff *skb = src->skb;
	const u8 *start;
	long rel;

	if (!skb) {
		if (off > src->buflen || len > src->buflen - off)
			return NULL;
		return src->buf + off;
	}
	start = skb->head + off;
	if (start + len <= skb_tail_pointer(skb) && start + len >= start)
		return start;
	rel = start - skb->data;
	if (rel < 0 || rel > INT_MAX)
		return NULL;
	return skb_header_pointer(skb, (int)rel, len, tmp);
}

static void nd_parse_l4(const struct nd_src *src, unsigned int off,
			struct nd_pkt *p, int *err)
{
	union {
		struct tcphdr tcp;
		struct udphdr udp;
		struct icmphdr icmp;
		struct icmp6hdr icmp6;
		__be16 ports[2];
	} tmp;
	const struct tcphdr *th;
	const struct udphdr *uh;
	const struct icmphdr *ih;
	const struct icmp6hdr *i6;
	const __be16 *ports;

	switch (p->l4_proto) {
	case IPPROTO_TCP:
		th = nd_bytes(src, off, sizeof(*th), &tmp);
		if (!th)
			goto trunc;
		p->sport = ntohs(th->source);
		p->dport = ntohs(th->dest);
		p->tcp_flags = ((const u8 *)th)[13];
		p->flags |= ND_PKT_HAS_PORTS;
		break;
	case IPPROTO_UDP:
	case IPPROTO_UDPLITE:
		uh = nd_bytes(src, off, sizeof(*uh), &tmp);
		if (!uh)
			goto trunc;
		p->sport = ntohs(uh->source);
		p->dport = ntohs(uh->dest);
		p->flags |= ND_PKT_HAS_PORTS;
		break;
	case IPPROTO_SCTP:
		ports = nd_bytes(src, off, 4, &tmp);
		if (!ports)
			goto trunc;
		p->sport = ntohs(ports[0]);
		p->dport = ntohs(ports[1]);
		p->flags |= ND_PKT_HAS_PORTS;
		break;
	case IPPROTO_ICMP:
		ih = nd_bytes(src, off, sizeof(*ih), &tmp);
		if (!ih)
			goto trunc;
		p->icmp_type = ih->type;
		p->icmp_code = ih->code;
		if (ih->type == ICMP_ECHO || ih->type == ICMP_ECHOREPLY) {
			p->sport = ntohs(ih->un.echo.id);
			p->dport = ntohs(ih->un.echo.sequence);
		}
		break;
	case IPPROTO_ICMPV6:
		i6 = nd_bytes(src, off, sizeof(*i6), &tmp);
		if (!i6)
			goto trunc;
		p->icmp_type = i6->icmp6_type;
		p->icmp_code = i6->icmp6_code;
		if (i6->icmp6_type == ICMPV6_ECHO_REQUEST ||
		    i6->icmp6_type == ICMPV6_ECHO_REPLY) {
			p->sport = ntohs(i6->icmp6_identifier);
			p->dport = ntohs(i6->icmp6_sequence);
		}
		break;
	default:
		return;
	}
	p->flags |= ND_PKT_HAS_L4;
	return;
trunc:
	*err = -EINVAL;
}

static void nd_parse_ipv4(const struct nd_src *src, unsigned int off,
			  struct nd_pkt *p, int *err)
{
	struct iphdr tmp;
	const struct iphdr *iph = nd_bytes(src, off, sizeof(tmp), &tmp);
	u16 frag;

	if (!iph || iph->version != 4 || iph->ihl < 5) {
		*err = -EINVAL;
		return;
	}
	p->family = AF_INET;
	p->flags |= ND_PKT_HAS_L3;
	p->ip_tos = iph->tos;
	p->ip_ttl = iph->ttl;
	p->ip_len = ntohs(iph->tot_len);
	p->ip_id = ntohs(iph->id);
	frag = ntohs(iph->frag_off);
	p->ip_frag = frag & (0x1fff | 0x2000);
	p->l4_proto = iph->protocol;
	memcpy(p->saddr, &iph->saddr, 4);
	memcpy(p->daddr, &iph->daddr, 4);
	if (frag & 0x1fff)
		return;			/* non-first fragment: no ports */
	nd_parse_l4(src, off + iph->ihl * 4, p, err);
}

static void nd_parse_ipv6(const struct nd_src *src, unsigned int off,
			  struct nd_pkt *p, int *err)
{
	struct ipv6hdr tmp;
	const struct ipv6hdr *ip6 = nd_bytes(src, off, sizeof(tmp), &tmp);
	u8 nexthdr;
	int i;

	if (!ip6 || ip6->version != 6) {
		*err = -EINVAL;
		return;
	}
	p->family = AF_INET6;
	p->flags |= ND_PKT_HAS_L3;
	p->ip_tos = (ip6->priority << 4) | (ip6->flow_lbl[0] >> 4);
	p->ip_ttl = ip6->hop_limit;
	p->ip_len = ntohs(ip6->payload_len) + sizeof(*ip6);
	p->ip_id = ((ip6->flow_lbl[0] & 0xf) << 16) |
		   (ip6->flow_lbl[1] << 8) | ip6->flow_lbl[2];
	memcpy(p->saddr, &ip6->saddr, 16);
	memcpy(p->daddr, &ip6->daddr, 16);
	nexthdr = ip6->nexthdr;
	off += sizeof(*ip6);

	for (i = 0; i < ND_MAX_IPV6_EXT; i++) {
		u8 buf[8];
		const u8 *eh;

		switch (nexthdr) {
		case IPPROTO_HOPOPTS:
		case IPPROTO_ROUTING:
		case IPPROTO_DSTOPTS:
			eh = nd_bytes(src, off, 2, buf);
			if (!eh)
				goto trunc;
			nexthdr = eh[0];
			off += (eh[1] + 1) * 8;
			continue;
		case IPPROTO_AH:
			eh = nd_bytes(src, off, 2, buf);
			if (!eh)
				goto trunc;
			nexthdr = eh[0];
			off += (eh[1] + 2) * 4;
			continue;
		case IPPROTO_FRAGMENT: {
			u16 fo;

			eh = nd_bytes(src, off, 8, buf);
			if (!eh)
				goto trunc;
			nexthdr = eh[0];
			fo = (eh[2] << 8) | eh[3];
			p->ip_frag = (fo >> 3) | ((fo & 1) ? 0x2000 : 0);
			p->ip_id = (eh[4] << 24) | (eh[5] << 16) |
				   (eh[6] << 8) | eh[7];
			off += 8;
			if (fo >> 3) {
				p->l4_proto = nexthdr;
				return;	/* non-first fragment */
			}
			continue;
		}
		default:
			break;
		}
		break;
	}
	p->l4_proto = nexthdr;
	nd_parse_l4(src, off, p, err);
	return;
trunc:
	*err = -EINVAL;
}

static void nd_parse_arp(const struct nd_src *src, unsigned int off,
			 struct nd_pkt *p, int *err)
{
	u8 tmp[28];
	const u8 *a = nd_bytes(src, off, 28, tmp);

	if (!a) {
		*err = -EINVAL;
		return;
	}
	p->flags |= ND_PKT_HAS_ARP;
	p->arp_op = (a[6] << 8) | a[7];
	/* Ethernet/IPv4 ARP only: sender and target protocol addresses */
	if (a[0] == 0 && a[1] == 1 && a[2] == 0x08 && a[3] == 0 &&
	    a[4] == 6 && a[5] == 4) {
		memcpy(p->saddr, a + 14, 4);
		memcpy(p->daddr, a + 24, 4);
	}
}

static void nd_parse_l3(const struct nd_src *src, unsigned int off,
			struct nd_pkt *p, int *err)
{
	switch (p->eth_proto) {
	case ETH_P_IP:
		nd_parse_ipv4(src, off, p, err);
		break;
	case ETH_P_IPV6:
		nd_parse_ipv6(src, off, p, err);
		break;
	case ETH_P_ARP:
	case ETH_P_RARP:
		nd_parse_arp(src, off, p, err);
		break;
	}
}

/* Ethernet + VLAN tags starting at off; returns the L3 offset or -1. */
static int nd_parse_ether(const struct nd_src *src, unsigned int off,
			  struct nd_pkt *p, int *err)
{
	struct ethhdr tmp;
	const struct ethhdr *eth = nd_bytes(src, off, sizeof(tmp), &tmp);
	u16 proto;
	int i;

	if (!eth) {
		*err = -EINVAL;
		return -1;
	}
	memcpy(p->eth_dst, eth->h_dest, ETH_ALEN);
	memcpy(p->eth_src, eth->h_source, ETH_ALEN);
	p->flags |= ND_PKT_HAS_ETH;
	proto = ntohs(eth->h_proto);
	off += sizeof(*eth);
	for (i = 0; i < 2 && (proto == ETH_P_8021Q || proto == ETH_P_8021AD);
	     i++) {
		__be16 vt[2];
		const __be16 *v = nd_bytes(src, off, 4, vt);

		if (!v) {
			*err = -EINVAL;
			return -1;
		}
		if (p->nvlan < 2)
			p->vlan[p->nvlan++] = ntohs(v[0]);
		proto = ntohs(v[1]);
		off += 4;
	}
	p->eth_proto = proto;
	return off;
}

int nd_pkt_parse_eth(const u8 *data, unsigned int len, struct nd_pkt *p)
{
	struct nd_src src = { .buf = data, .buflen = len };
	int err = 0;
	int l3;

	memset(p, 0, sizeof(*p));
	p->len = len;
	l3 = nd_parse_ether(&src, 0, p, &err);
	if (l3 >= 0)
		nd_parse_l3(&src, l3, p, &err);
	return err;
}

int nd_pkt_parse(const struct sk_buff *skb, struct nd_pkt *p)
{
	struct nd_src src = { .skb = skb };
	const struct net_device *dev = READ_ONCE(skb->dev);
	int err = 0;
	int l3 = -1;

	memset(p, 0, sizeof(*p));
	p->len = skb->len;
	if (dev) {
		p->ifindex = dev->ifindex;
		memcpy(p->ifname, dev->name, sizeof(p->ifname));
		p->ifname[sizeof(p->ifname) - 1] = '\0';
	}
	if (skb_vlan_tag_present(skb))
		p->vlan[p->nvlan++] = skb_vlan_tag_get(skb);

	if (skb_mac_header_was_set(skb) && dev &&
	    (dev->type == ARPHRD_ETHER || dev->type == ARPHRD_LOOPBACK) &&
	    skb->mac_header + ETH_HLEN <= skb->tail)
		l3 = nd_parse_ether(&src, skb->mac_header, p, &err);

	if (l3 < 0) {
		/* No usable L2 header: trust skb->protocol and the network
		 * header, or the IP version nibble when protocol is unset. */
		const u8 *v;
		u8 b;

		err = 0;
		p->eth_proto = ntohs(skb->protocol);
		l3 = skb->network_header;
		if (!p->eth_proto) {
			v = nd_bytes(&src, l3, 1, &b);
			if (!v)
				return -EINVAL;
			if ((*v >> 4) == 4)
				p->eth_proto = ETH_P_IP;
			else if ((*v >> 4) == 6)
				p->eth_proto = ETH_P_IPV6;
		}
	}
	nd_parse_l3(&src, l3, p, &err);
	return err;
}
