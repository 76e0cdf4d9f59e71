// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suites for the module's logic: header parsing, the filter, the
 * log-linear histogram and its error bound, the bounded table. The files
 * under test are included so their static helpers are reachable.
 */
#include <kunit/test.h>
#include <linux/if_ether.h>
#include <linux/netdevice.h>
#include "../../kmod/pkt.c"
#include "../../kmod/filter.c"
#include "../../kmod/hist.c"
#include "../../kmod/table.c"

/* ---- frames ---- */

static unsigned int put_eth(u8 *b, u16 proto)
{
	static const u8 dst[6] = { 2, 0, 0, 0, 0, 2 }, src[6] = { 2, 0, 0, 0, 0, 1 };

	memcpy(b, dst, 6);
	memcpy(b + 6, src, 6);
	b[12] = proto >> 8;
	b[13] = proto & 0xff;
	return 14;
}

static unsigned int put_ipv4(u8 *b, u8 proto, u16 frag, u16 tot)
{
	memset(b, 0, 20);
	b[0] = 0x45;
	b[2] = tot >> 8;
	b[3] = tot & 0xff;
	b[4] = 0x12;
	b[5] = 0x34;
	b[6] = frag >> 8;
	b[7] = frag & 0xff;
	b[8] = 64;
	b[9] = proto;
	b[12] = 10; b[15] = 1;		/* 10.0.0.1 */
	b[16] = 10; b[19] = 2;		/* 10.0.0.2 */
	return 20;
}

static unsigned int put_ports(u8 *b, u16 s, u16 d)
{
	b[0] = s >> 8; b[1] = s & 0xff; b[2] = d >> 8; b[3] = d & 0xff;
	return 4;
}

static void pkt_ipv4_udp(struct kunit *test)
{
	u8 f[64] = { 0 };
	unsigned int o = put_eth(f, ETH_P_IP);
	struct nd_pkt p;

	o += put_ipv4(f + o, IPPROTO_UDP, 0, 28);
	put_ports(f + o, 40001, 5001);
	KUNIT_EXPECT_EQ(test, nd_pkt_parse_eth(f, o + 8, &p), 0);
	KUNIT_EXPECT_EQ(test, p.family, AF_INET);
	KUNIT_EXPECT_EQ(test, p.l4_proto, IPPROTO_UDP);
	KUNIT_EXPECT_EQ(test, p.sport, 40001);
	KUNIT_EXPECT_EQ(test, p.dport, 5001);
	KUNIT_EXPECT_EQ(test, p.ip_id, 0x1234);
	KUNIT_EXPECT_EQ(test, p.ip_ttl, 64);
	KUNIT_EXPECT_TRUE(test, p.flags & ND_PKT_HAS_PORTS);
	KUNIT_EXPECT_EQ(test, p.saddr[3], 1);
	KUNIT_EXPECT_EQ(test, p.eth_src[5], 1);
}

static void pkt_truncated(struct kunit *test)
{
	u8 f[64] = { 0 };
	unsigned int o = put_eth(f, ETH_P_IP);
	struct nd_pkt p;

	o += put_ipv4(f + o, IPPROTO_TCP, 0, 40);
	/* TCP header missing: L3 decoded, L4 refused */
	KUNIT_EXPECT_EQ(test, nd_pkt_parse_eth(f, o + 4, &p), -EINVAL);
	KUNIT_EXPECT_TRUE(test, p.flags & ND_PKT_HAS_L3);
	KUNIT_EXPECT_FALSE(test, p.flags & ND_PKT_HAS_L4);
	/* IP header cut short */
	KUNIT_EXPECT_EQ(test, nd_pkt_parse_eth(f, 14 + 10, &p), -EINVAL);
	KUNIT_EXPECT_FALSE(test, p.flags & ND_PKT_HAS_L3);
	/* Ethernet header cut short */
	KUNIT_EXPECT_EQ(test, nd_pkt_parse_eth(f, 10, &p), -EINVAL);
}

static void pkt_malformed_ihl(struct kunit *test)
{
	u8 f[64] = { 0 };
	unsigned int o = put_eth(f, ETH_P_IP);
	struct nd_pkt p;

	put_ipv4(f + o, IPPROTO_UDP, 0, 28);
	f[o] = 0x44;			/* ihl 4 < 5 */
	KUNIT_EXPECT_EQ(test, nd_pkt_parse_eth(f, 50, &p), -EINVAL);
	f[o] = 0x65;			/* version 6 in an IPv4 frame */
	KUNIT_EXPECT_EQ(test, nd_pkt_parse_eth(f, 50, &p), -EINVAL);
}

static void pkt_vlan_stack(struct kunit *test)
{
	u8 f[80] = { 0 };
	unsigned int o = put_eth(f, ETH_P_8021AD);
	struct nd_pkt p;

	f[o] = 0x20; f[o + 1] = 100;	/* prio 1, vid 100 */
	f[o + 2] = 0x81; f[o + 3] = 0x00;
	f[o + 4] = 0; f[o + 5] = 200;
	f[o + 6] = 0x08; f[o + 7] = 0x00;
	o += 8;
	o += put_ipv4(f + o, IPPROTO_UDP, 0, 28);
	put_ports(f + o, 1, 2);
	KUNIT_EXPECT_EQ(test, nd_pkt_parse_eth(f, o + 8, &p), 0);
	KUNIT_EXPECT_EQ(test, p.nvlan, 2);
	KUNIT_EXPECT_EQ(test, p.vlan[0] & 0xfff, 100);
	KUNIT_EXPECT_EQ(test, p.vlan[1] & 0xfff, 200);
	KUNIT_EXPECT_EQ(test, p.eth_proto, ETH_P_IP);
	KUNIT_EXPECT_EQ(test, p.dport, 2);
}

static unsigned int put_ipv6(u8 *b, u8 next, u16 plen)
{
	memset(b, 0, 40);
	b[0] = 0x60;
	b[4] = plen >> 8;
	b[5] = plen & 0xff;
	b[6] = next;
	b[7] = 64;
	b[8] = 0xfd; b[23] = 1;
	b[24] = 0xfd; b[39] = 2;
	return 40;
}

static void pkt_ipv6_ext_frag(struct kunit *test)
{
	u8 f[128] = { 0 };
	unsigned int o = put_eth(f, ETH_P_IPV6), l4;
	struct nd_pkt p;

	o += put_ipv6(f + o, IPPROTO_HOPOPTS, 24);
	f[o] = IPPROTO_FRAGMENT; f[o + 1] = 0;	/* 8-byte hop-by-hop */
	o += 8;
	f[o] = IPPROTO_UDP;			/* fragment header, offset 0, M=1 */
	f[o + 3] = 1;
	f[o + 7] = 9;
	o += 8;
	l4 = o;
	put_ports(f + o, 53, 5353);
	KUNIT_EXPECT_EQ(test, nd_pkt_parse_eth(f, o + 8, &p), 0);
	KUNIT_EXPECT_EQ(test, p.family, AF_INET6);
	KUNIT_EXPECT_EQ(test, p.l4_proto, IPPROTO_UDP);
	KUNIT_EXPECT_EQ(test, p.sport, 53);
	KUNIT_EXPECT_EQ(test, p.ip_id, 9);
	KUNIT_EXPECT_EQ(test, p.ip_frag, 0x2000);
	/* a non-first fragment has no ports */
	f[l4 - 8 + 2] = 0x01;			/* offset field 0x0101: 32 units, M */
	KUNIT_EXPECT_EQ(test, nd_pkt_parse_eth(f, l4 + 8, &p), 0);
	KUNIT_EXPECT_FALSE(test, p.flags & ND_PKT_HAS_PORTS);
	KUNIT_EXPECT_EQ(test, p.ip_frag & 0x1fff, 32);	/* 8-byte units */
}

static void pkt_arp_icmp(struct kunit *test)
{
	u8 f[64] = { 0 };
	unsigned int o = put_eth(f, ETH_P_ARP);
	struct nd_pkt p;

	f[o + 1] = 1; f[o + 2] = 8; f[o + 4] = 6; f[o + 5] = 4; f[o + 7] = 1;
	f[o + 14] = 10; f[o + 17] = 1; f[o + 24] = 10; f[o + 27] = 2;
	KUNIT_EXPECT_EQ(test, nd_pkt_parse_eth(f, o + 28, &p), 0);
	KUNIT_EXPECT_TRUE(test, p.flags & ND_PKT_HAS_ARP);
	KUNIT_EXPECT_EQ(test, p.arp_op, 1);
	KUNIT_EXPECT_EQ(test, p.daddr[3], 2);

	o = put_eth(f, ETH_P_IP);
	o += put_ipv4(f + o, IPPROTO_ICMP, 0, 28);
	f[o] = 8; f[o + 4] = 0; f[o + 5] = 7; f[o + 6] = 0; f[o + 7] = 3;
	KUNIT_EXPECT_EQ(test, nd_pkt_parse_eth(f, o + 8, &p), 0);
	KUNIT_EXPECT_EQ(test, p.icmp_type, 8);
	KUNIT_EXPECT_EQ(test, p.sport, 7);	/* echo id */
	KUNIT_EXPECT_EQ(test, p.dport, 3);	/* echo sequence */
	KUNIT_EXPECT_FALSE(test, p.flags & ND_PKT_HAS_PORTS);
}

/* ---- filter ---- */

static void filter_fields(struct kunit *test)
{
	struct nd_filter f = { 0 };
	struct nd_pkt p = { 0 };

	p.family = AF_INET;
	p.flags = ND_PKT_HAS_L3 | ND_PKT_HAS_L4 | ND_PKT_HAS_PORTS;
	p.l4_proto = IPPROTO_UDP;
	p.eth_proto = ETH_P_IP;
	p.saddr[0] = 10; p.saddr[3] = 1;
	p.daddr[0] = 10; p.daddr[3] = 2;
	p.sport = 40001;
	p.dport = 5001;
	KUNIT_EXPECT_TRUE(test, nd_filter_pkt(&f, &p));
	f.mask = ND_F_SRC_IP;
	f.src_family = AF_INET;
	f.src_ip[0] = 10; f.src_ip[3] = 1;
	KUNIT_EXPECT_TRUE(test, nd_filter_pkt(&f, &p));
	f.src_ip[3] = 9;
	KUNIT_EXPECT_FALSE(test, nd_filter_pkt(&f, &p));
	f.src_ip[3] = 1;
	f.src_family = AF_INET6;	/* family must match too */
	KUNIT_EXPECT_FALSE(test, nd_filter_pkt(&f, &p));
	f.src_family = AF_INET;
	/* a port filter matches either side */
	f.mask |= ND_F_DST_PORT;
	f.dst_port = 40001;
	KUNIT_EXPECT_TRUE(test, nd_filter_pkt(&f, &p));
	f.dst_port = 5001;
	KUNIT_EXPECT_TRUE(test, nd_filter_pkt(&f, &p));
	f.dst_port = 80;
	KUNIT_EXPECT_FALSE(test, nd_filter_pkt(&f, &p));
	/* non-first fragments skip port filters */
	p.ip_frag = 4;
	p.flags &= ~(ND_PKT_HAS_L4 | ND_PKT_HAS_PORTS);
	KUNIT_EXPECT_TRUE(test, nd_filter_pkt(&f, &p));
	/* ICMP has no ports: a port filter excludes it */
	p.ip_frag = 0;
	p.l4_proto = IPPROTO_ICMP;
	p.flags |= ND_PKT_HAS_L4;
	KUNIT_EXPECT_FALSE(test, nd_filter_pkt(&f, &p));
}

static void filter_eth_vlan(struct kunit *test)
{
	struct nd_filter f = { .mask = ND_F_ETH_PROTO, .eth_proto = NETDIAG_ETH_P_OTHER };
	struct nd_pkt p = { .eth_proto = ETH_P_IP };

	KUNIT_EXPECT_FALSE(test, nd_filter_pkt(&f, &p));
	p.eth_proto = 0x88b5;
	KUNIT_EXPECT_TRUE(test, nd_filter_pkt(&f, &p));
	f.mask = ND_F_VLAN;
	f.vlan_id = 200;
	p.nvlan = 2;
	p.vlan[0] = 100;
	p.vlan[1] = 0x2000 | 200;
	KUNIT_EXPECT_TRUE(test, nd_filter_pkt(&f, &p));
	p.nvlan = 1;
	KUNIT_EXPECT_FALSE(test, nd_filter_pkt(&f, &p));
}

static void filter_dev(struct kunit *test)
{
	struct net_device *dev = kunit_kzalloc(test, sizeof(*dev), GFP_KERNEL);
	struct nd_filter f = { .mask = ND_F_IFNAME, .nifnames = 2 };

	KUNIT_ASSERT_NOT_NULL(test, dev);
	strscpy(f.ifnames[0].name, "eth0", NETDIAG_IFNAMSIZ);
	strscpy(f.ifnames[1].name, "bond0", NETDIAG_IFNAMSIZ);
	strscpy(dev->name, "bond0", IFNAMSIZ);
	KUNIT_EXPECT_TRUE(test, nd_filter_dev(&f, dev));
	strscpy(dev->name, "bond00", IFNAMSIZ);
	KUNIT_EXPECT_FALSE(test, nd_filter_dev(&f, dev));
	KUNIT_EXPECT_FALSE(test, nd_filter_dev(&f, NULL));
	f.mask = 0;
	KUNIT_EXPECT_TRUE(test, nd_filter_dev(&f, NULL));
}

/* ---- histogram ---- */

static void hist_buckets(struct kunit *test)
{
	u64 v;

	for (v = 0; v < 100000; v += 1 + v / 50) {
		unsigned int b = nd_hist_bucket(v);

		KUNIT_EXPECT_LE(test, nd_hist_lo(b), v);
		KUNIT_EXPECT_GT(test, nd_hist_hi(b), v);
		/* bucket width <= lower bound / 8 above the linear part */
		if (v >= ND_HIST_SUB)
			KUNIT_EXPECT_LE(test, nd_hist_hi(b) - nd_hist_lo(b),
					nd_hist_lo(b) / ND_HIST_SUB);
	}
	KUNIT_EXPECT_LT(test, nd_hist_bucket(U64_MAX), (unsigned int)ND_HIST_BUCKETS);
}

static void hist_percentile_bound(struct kunit *test)
{
	struct nd_hist h;
	u64 *b = kunit_kcalloc(test, ND_HIST_BUCKETS, sizeof(u64), GFP_KERNEL);
	u64 total, v, p50, p99;

	KUNIT_ASSERT_NOT_NULL(test, b);
	KUNIT_ASSERT_EQ(test, nd_hist_init(&h), 0);
	for (v = 1; v <= 10000; v++)
		nd_hist_add(&h, v * 1000);	/* 1 us .. 10 ms */
	total = nd_hist_sum(&h, b);
	KUNIT_EXPECT_EQ(test, total, 10000ULL);
	p50 = nd_hist_percentile(b, total, 50);
	p99 = nd_hist_percentile(b, total, 99);
	/* true values 5 ms and 9.9 ms; bound 6.25 % */
	KUNIT_EXPECT_LE(test, abs((s64)p50 - 5000000LL), 5000000LL / 16);
	KUNIT_EXPECT_LE(test, abs((s64)p99 - 9900000LL), 9900000LL / 16);
	nd_hist_reset(&h);
	KUNIT_EXPECT_EQ(test, nd_hist_sum(&h, b), 0ULL);
	KUNIT_EXPECT_EQ(test, nd_hist_percentile(b, 0, 50), 0ULL);
	nd_hist_free(&h);
}

/* ---- bounded table ---- */

static void inc(void *val, bool created, void *arg)
{
	(*(u64 *)val)++;
}

static void table_evict(struct kunit *test)
{
	struct nd_table t;
	u64 v;
	u32 k;

	/* 8 entries: one bucket of 8 ways; every key hashes there */
	KUNIT_ASSERT_EQ(test, nd_table_init(&t, 8, 4, 8, false), 0);
	KUNIT_EXPECT_EQ(test, t.nbuckets, 1U);
	for (k = 0; k < 8; k++)
		KUNIT_EXPECT_GE(test, nd_table_upsert(&t, &k, k, inc, NULL), 0);
	KUNIT_EXPECT_EQ(test, atomic_read(&t.count), 8);
	KUNIT_EXPECT_EQ(test, atomic64_read(&t.evicted), 0LL);
	k = 3;
	nd_table_upsert(&t, &k, k, inc, NULL);	/* existing: count 2 */
	k = 100;
	KUNIT_EXPECT_GE(test, nd_table_upsert(&t, &k, k, inc, NULL), 0);
	KUNIT_EXPECT_EQ(test, atomic_read(&t.count), 8);
	KUNIT_EXPECT_EQ(test, atomic64_read(&t.evicted), 1LL);
	for (k = 0; k < 8; k++) {
		u32 key;

		if (nd_table_read(&t, k, &key, &v) && key == 3)
			KUNIT_EXPECT_EQ(test, v, 2ULL);
	}
	nd_table_clear(&t);
	KUNIT_EXPECT_EQ(test, atomic_read(&t.count), 0);
	KUNIT_EXPECT_FALSE(test, nd_table_read(&t, 0, NULL, NULL));
	nd_table_free(&t);
}

static void table_no_evict(struct kunit *test)
{
	struct nd_table t;
	u32 k;

	KUNIT_ASSERT_EQ(test, nd_table_init(&t, 8, 4, 8, true), 0);
	for (k = 0; k < 8; k++)
		KUNIT_EXPECT_EQ(test, nd_table_upsert(&t, &k, 0, inc, NULL), (int)k);
	k = 9;
	KUNIT_EXPECT_EQ(test, nd_table_upsert(&t, &k, 0, inc, NULL), -ENOSPC);
	KUNIT_EXPECT_EQ(test, atomic64_read(&t.full), 1LL);
	KUNIT_EXPECT_EQ(test, nd_table_init(&t, 0, 4, 8, true), -EINVAL);
	KUNIT_EXPECT_EQ(test, nd_table_init(&t, 8, 3, 8, true), -EINVAL);
}

static struct kunit_case nd_pkt_cases[] = {
	KUNIT_CASE(pkt_ipv4_udp),
	KUNIT_CASE(pkt_truncated),
	KUNIT_CASE(pkt_malformed_ihl),
	KUNIT_CASE(pkt_vlan_stack),
	KUNIT_CASE(pkt_ipv6_ext_frag),
	KUNIT_CASE(pkt_arp_icmp),
	{}
};

static struct kunit_case nd_logic_cases[] = {
	KUNIT_CASE(filter_fields),
	KUNIT_CASE(filter_eth_vlan),
	KUNIT_CASE(filter_dev),
	KUNIT_CASE(hist_buckets),
	KUNIT_CASE(hist_percentile_bound),
	KUNIT_CASE(table_evict),
	KUNIT_CASE(table_no_evict),
	{}
};

static struct kunit_suite nd_pkt_suite = {
	.name = "netdiag_pkt",
	.test_cases = nd_pkt_cases,
};

static struct kunit_suite nd_logic_suite = {
	.name = "netdiag_logic",
	.test_cases = nd_logic_cases,
};

kunit_test_suites(&nd_pkt_suite, &nd_logic_suite);
MODULE_LICENSE("GPL");
