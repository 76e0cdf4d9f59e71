/* SPDX-License-Identifier: GPL-2.0 */
/* Drop entries, packets and stacks as ndctl reads them (cmd_drop.c). */
#ifndef NDCTL_DROP_H
#define NDCTL_DROP_H

#include <stdbool.h>
#include <stdint.h>
#include <stddef.h>
#include <libmnl/libmnl.h>

#define DROP_MAX_FRAMES 16

struct drop_pkt {
	char ifname[16];
	uint8_t eth_src[6], eth_dst[6];
	uint8_t saddr[16], daddr[16];
	uint32_t len, ip_id;
	uint16_t eth_proto, vlan_outer, vlan_inner, ip_len, frag, sport, dport,
		 arp_op;
	uint8_t family, tos, ttl, l4, tcp_flags, icmp_type, icmp_code;
	bool has_len, has_eth_proto, has_vlan_outer, has_vlan_inner, has_family,
	     has_tos, has_ip_len, has_ip_id, has_ttl, has_frag, has_l4,
	     has_sport, has_dport, has_tcp_flags, has_icmp_type, has_icmp_code,
	     has_arp_op, has_eth, has_addr;
};

struct drop_entry {
	uint64_t count, total;
	uint32_t stack_id, reason;
	char reason_name[64];
	char location[128];
	struct drop_pkt pkt;
};

struct drop_stack {
	uint32_t id;
	int nframes;
	char frames[DROP_MAX_FRAMES][128];
};

void drop_pkt_parse(const struct nlattr *nest, struct drop_pkt *p);
void drop_stack_parse(const struct nlattr *nest, struct drop_stack *s);
void drop_reason_parse(const struct nlattr **tb, char *name, size_t len,
		       uint32_t *reason);
const char *drop_flow_text(const struct drop_pkt *p, char *buf, size_t len);
void drop_pkt_json(const struct drop_pkt *p);

#endif
