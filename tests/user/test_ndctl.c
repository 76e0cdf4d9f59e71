// SPDX-License-Identifier: GPL-2.0
/* Unit tests for ndctl: option parsing (with the seed tools' flags) and
 * output formatting. TAP output; the last line is "N passed, N failed". */
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include "../../user/args.h"
#include "../../user/drop.h"
#include "../../user/print.h"

static int pass, fail;

#define CHECK(cond, name) do { \
	if (cond) { pass++; printf("ok %d - %s\n", pass + fail, name); } \
	else { fail++; printf("not ok %d - %s (%s:%d)\n", pass + fail, name, __FILE__, __LINE__); } \
} while (0)

static int parse(struct nd_opts *o, unsigned int groups, const char *const *args)
{
	char *argv[32];
	int argc = 0;

	argv[argc++] = "cmd";
	while (*args && argc < 31)
		argv[argc++] = (char *)*args++;
	argv[argc] = NULL;
	opts_init(o);
	return opts_parse(o, argc, argv, groups, "test");
}

int main(void)
{
	const unsigned int all = OG_FILTER | OG_REPORT | OG_SESSION | OG_DROPSTATS |
				 OG_WATCH | OG_STACK | OG_POINTS | OG_NORMAL;
	struct nd_opts o;
	uint8_t fam, addr[16];
	uint32_t mask;
	double sec;
	int v;

	CHECK(!parse_ip("10.0.0.1", &fam, addr) && fam == AF_INET && addr[0] == 10 && addr[3] == 1, "IPv4 address");
	CHECK(!parse_ip("fd00::2", &fam, addr) && fam == AF_INET6 && addr[0] == 0xfd && addr[15] == 2, "IPv6 address");
	CHECK(parse_ip("10.0.0.256", &fam, addr) == -1, "bad IPv4 rejected");
	CHECK(parse_ip("", &fam, addr) == -1, "empty address rejected");
	CHECK(!parse_port("0", &v) && v == 0 && !parse_port("65535", &v) && v == 65535, "port bounds");
	CHECK(parse_port("65536", &v) == -1 && parse_port("-1", &v) == -1 && parse_port("8o", &v) == -1, "bad ports rejected");
	CHECK(!parse_proto("tcp", &v) && v == 6 && !parse_proto("UDP", &v) && v == 17, "protocol names");
	CHECK(!parse_proto("icmpv6", &v) && v == 58 && !parse_proto("all", &v) && v == -1, "icmpv6 and all");
	CHECK(!parse_proto("47", &v) && v == 47 && parse_proto("256", &v) == -1 && parse_proto("xtp", &v) == -1, "protocol numbers");
	CHECK(!parse_ethtype("arp", &v) && v == 0x0806 && !parse_ethtype("ipv6", &v) && v == 0x86dd, "eth_drop --type names");
	CHECK(!parse_ethtype("0x88cc", &v) && v == 0x88cc && !parse_ethtype("other", &v) && v == 0xffff, "--type hex and other");
	CHECK(parse_ethtype("0x10", &v) == -1 && parse_ethtype("ipx", &v) == -1, "bad --type rejected");
	CHECK(!parse_group_by("all", &mask) && mask == 0xf, "group-by all");
	CHECK(!parse_group_by("stack,dev", &mask) && mask == (NETDIAG_KEY_STACK | NETDIAG_KEY_DEV), "group-by list");
	CHECK(!parse_group_by("fivetuple", &mask) && mask == NETDIAG_KEY_FLOW, "group-by fivetuple (seed spelling)");
	CHECK(parse_group_by("stack,nope", &mask) == -1 && parse_group_by("", &mask) == -1, "bad group-by rejected");
	CHECK(!parse_seconds("0.5", &sec) && sec == 0.5 && parse_seconds("-1", &sec) == -1 && parse_seconds("x", &sec) == -1, "seconds");

	{
		const char *a[] = { "--src-ip", "10.1.2.3", "--dst-port", "53", "-p", "udp", "-I", "eth0,eth1", "--interface", "bond0", NULL };

		CHECK(parse(&o, all, a) == 0, "filter options parse");
		CHECK(o.src_family == AF_INET && o.dst_port == 53 && o.l4_proto == 17, "filter values");
		CHECK(o.nifnames == 3 && !strcmp(o.ifnames[2], "bond0"), "interfaces from a list and a repeat");
	}
	{	/* kernel_drop_stack_stats_summary flags */
		const char *a[] = { "-i", "2", "-d", "30", "-t", "10", "-n", "eth0", "--l4-protocol", "tcp", NULL };

		CHECK(parse(&o, all, a) == 0 && o.interval == 2 && o.duration == 30 && o.top == 10, "seed -i -d -t");
		CHECK(o.nifnames == 1 && !strcmp(o.ifnames[0], "eth0") && o.l4_proto == 6, "seed -n and --l4-protocol");
	}
	{	/* eth_drop flags */
		const char *a[] = { "--type", "ipv4", "--vlan-id", "100", "--verbose", "--no-stack-trace", "--disable-normal-filter", NULL };

		CHECK(parse(&o, all, a) == 0 && o.eth_proto == 0x0800 && o.vlan_id == 100 && o.verbose && o.no_stack && o.include_normal, "eth_drop flags");
	}
	{
		const char *a[] = { "--interface", "a,b,c,d,e,f,g,h,i", NULL };

		CHECK(parse(&o, all, a) == -1, "9 interfaces rejected");
	}
	{
		const char *a[] = { "--interface", "averyveryverylongname", NULL };

		CHECK(parse(&o, all, a) == -1, "16-character interface name rejected");
	}
	{
		const char *a[] = { "--vlan-id", "4095", NULL };

		CHECK(parse(&o, all, a) == -1, "VLAN 4095 rejected");
	}
	{
		const char *a[] = { "--rate", "10", NULL };

		CHECK(parse(&o, OG_FILTER, a) == -1, "an option of another command is rejected");
	}
	{
		const char *a[] = { "--bogus", NULL };

		CHECK(parse(&o, all, a) == -1, "unknown option rejected");
	}
	{
		const char *a[] = { "--point", "veth:veth_xmit", "-P", "skb:kfree_skb", "extra", NULL };

		CHECK(parse(&o, all, a) == 0 && o.npoints == 2 && o.argc == 1 && !strcmp(o.argv[0], "extra"), "points and positional args");
	}

	{
		struct drop_pkt p = { 0 };
		char buf[160];

		p.family = AF_INET; p.has_addr = true; p.has_l4 = true; p.l4 = 17;
		p.has_sport = true; p.sport = 40001; p.dport = 5001;
		memcpy(p.saddr, "\x0a\x00\x00\x01", 4);
		memcpy(p.daddr, "\x0a\x00\x00\x02", 4);
		CHECK(!strcmp(drop_flow_text(&p, buf, sizeof(buf)), "10.0.0.1:40001 -> 10.0.0.2:5001 UDP"), "IPv4 flow text");
		p.family = AF_INET6;
		memset(p.saddr, 0, 16); memset(p.daddr, 0, 16);
		p.saddr[0] = 0xfd; p.saddr[15] = 1; p.daddr[0] = 0xfd; p.daddr[15] = 2;
		CHECK(!strcmp(drop_flow_text(&p, buf, sizeof(buf)), "[fd00::1]:40001 -> [fd00::2]:5001 UDP"), "IPv6 flow text");
		p.has_addr = false; p.has_eth_proto = true; p.eth_proto = 0x88cc;
		CHECK(!strcmp(drop_flow_text(&p, buf, sizeof(buf)), "ethertype LLDP"), "non-IP flow text");
	}
	CHECK(!strcmp(proto_name(6), "TCP") && !strcmp(proto_name(99), "99"), "protocol names out");
	CHECK(!strcmp(ethertype_name(0x86dd), "IPv6") && !strcmp(ethertype_name(0x1234), "0x1234"), "ethertype names out");
	{
		char *buf = NULL;
		size_t len = 0;
		FILE *f = open_memstream(&buf, &len);

		json_escape(f, "a\"b\\c\n\x01");
		fclose(f);
		CHECK(!strcmp(buf, "\"a\\\"b\\\\c\\n\\u0001\""), "JSON escaping");
	}
	printf("%d passed, %d failed\n", pass, fail);
	return fail ? 1 : 0;
}
