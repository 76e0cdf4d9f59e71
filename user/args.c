// SPDX-License-Identifier: GPL-2.0
/* The option table shared by every ndctl command. */
#include <arpa/inet.h>
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include "args.h"

enum {
	O_SRC_IP = 256, O_DST_IP, O_SRC_PORT, O_DST_PORT, O_PROTO, O_IFACE,
	O_VLAN, O_TYPE, O_INTERVAL, O_DURATION, O_TOP, O_DETACH, O_SESSION,
	O_ONCE, O_GROUP_BY, O_MAX_ENTRIES, O_MAX_STACKS, O_NO_STACK, O_RATE,
	O_COUNT, O_VERBOSE, O_NORMAL, O_POINT, O_HELP,
};

struct nd_optdef {
	const char *name;
	int short_name;
	int has_arg;
	unsigned int group;
	int id;
	const char *arg;
	const char *help;
};

/* Seed-toolkit spellings are accepted as aliases (same id). */
static const struct nd_optdef nd_optdefs[] = {
	{ "src-ip", 0, 1, OG_FILTER, O_SRC_IP, "ADDR", "source address (IPv4 or IPv6)" },
	{ "dst-ip", 0, 1, OG_FILTER, O_DST_IP, "ADDR", "destination address (IPv4 or IPv6)" },
	{ "src-port", 0, 1, OG_FILTER, O_SRC_PORT, "PORT", "a port that matches as source or destination" },
	{ "dst-port", 0, 1, OG_FILTER, O_DST_PORT, "PORT", "a port that matches as source or destination" },
	{ "protocol", 'p', 1, OG_FILTER, O_PROTO, "P", "tcp|udp|icmp|icmpv6|sctp|all|NUMBER" },
	{ "l4-protocol", 0, 1, OG_FILTER, O_PROTO, NULL, NULL },
	{ "interface", 'I', 1, OG_FILTER, O_IFACE, "IF[,IF]", "device names at the drop site (up to 8; repeatable)" },
	{ "name", 'n', 1, OG_FILTER, O_IFACE, NULL, NULL },
	{ "vlan-id", 0, 1, OG_FILTER, O_VLAN, "ID", "outer or inner VLAN id (1..4094)" },
	{ "type", 0, 1, OG_FILTER, O_TYPE, "T", "arp|rarp|ipv4|ipv6|lldp|flow_control|other|0xXXXX|all" },
	{ "interval", 'i', 1, OG_REPORT, O_INTERVAL, "SEC", "report every SEC seconds (default 10)" },
	{ "duration", 'd', 1, OG_REPORT | OG_WATCH, O_DURATION, "SEC", "stop after SEC seconds (default: Ctrl-C)" },
	{ "top", 't', 1, OG_REPORT, O_TOP, "N", "show the N largest entries (default 5)" },
	{ "detach", 0, 0, OG_SESSION, O_DETACH, NULL, "leave the session running after ndctl exits; print its id" },
	{ "session", 's', 1, OG_SESSION, O_SESSION, "ID", "read an existing session instead of creating one" },
	{ "once", 0, 0, OG_SESSION, O_ONCE, NULL, "print one report and exit" },
	{ "group-by", 0, 1, OG_DROPSTATS, O_GROUP_BY, "G", "all|stack|flow|fivetuple|dev|reason, or a comma list" },
	{ "max-entries", 0, 1, OG_DROPSTATS, O_MAX_ENTRIES, "N", "size of the in-kernel table (default 10240)" },
	{ "max-stacks", 0, 1, OG_DROPSTATS, O_MAX_STACKS, "N", "distinct stacks kept (default 1024)" },
	{ "no-stack-trace", 0, 0, OG_STACK, O_NO_STACK, NULL, "do not capture kernel stacks" },
	{ "rate", 0, 1, OG_WATCH, O_RATE, "N", "at most N events per second; the rest are counted as suppressed (default 1000)" },
	{ "count", 'c', 1, OG_WATCH, O_COUNT, "N", "stop after N events" },
	{ "verbose", 'v', 0, OG_WATCH, O_VERBOSE, NULL, "print every header field" },
	{ "include-normal", 0, 0, OG_NORMAL, O_NORMAL, NULL, "also count frees that are not drops (kernel quirks; counted as normal_frees otherwise)" },
	{ "disable-normal-filter", 0, 0, OG_NORMAL, O_NORMAL, NULL, NULL },
	{ "point", 'P', 1, OG_POINTS, O_POINT, "NAME", "catalog probe point (repeatable, up to 8; see 'ndctl probes')" },
};

void opts_init(struct nd_opts *o)
{
	memset(o, 0, sizeof(*o));
	o->l4_proto = o->src_port = o->dst_port = o->eth_proto = o->vlan_id = -1;
	o->interval = 10;
	o->top = 5;
	o->session = -1;
	o->group_by = 0;
}

int parse_ip(const char *s, uint8_t *family, uint8_t *addr)
{
	memset(addr, 0, 16);
	if (inet_pton(AF_INET, s, addr) == 1) {
		*family = AF_INET;
		return 0;
	}
	if (inet_pton(AF_INET6, s, addr) == 1) {
		*family = AF_INET6;
		return 0;
	}
	return -1;
}

static int parse_long(const char *s, long min, long max, long *out)
{
	char *end;
	long v;

	if (!s || !*s)
		return -1;
	errno = 0;
	v = strtol(s, &end, 0);
	if (errno || *end || v < min || v > max)
		return -1;
	*out = v;
	return 0;
}

int parse_port(const char *s, int *port)
{
	long v;

	if (parse_long(s, 0, 65535, &v))
		return -1;
	*port = v;
	return 0;
}

int parse_proto(const char *s, int *proto)
{
	static const struct { const char *n; int p; } t[] = {
		{ "all", -1 }, { "icmp", 1 }, { "tcp", 6 }, { "udp", 17 },
		{ "icmpv6", 58 }, { "icmp6", 58 }, { "sctp", 132 },
	};
	unsigned int i;
	long v;

	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++)
		if (!strcasecmp(s, t[i].n)) {
			*proto = t[i].p;
			return 0;
		}
	if (parse_long(s, 0, 255, &v))
		return -1;
	*proto = v;
	return 0;
}

int parse_ethtype(const char *s, int *eth)
{
	static const struct { const char *n; int e; } t[] = {
		{ "all", -1 }, { "arp", 0x0806 }, { "rarp", 0x8035 },
		{ "ipv4", 0x0800 }, { "ipv6", 0x86dd }, { "lldp", 0x88cc },
		{ "flow_control", 0x8808 }, { "other", NETDIAG_ETH_P_OTHER },
	};
	unsigned int i;
	long v;

	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++)
		if (!strcasecmp(s, t[i].n)) {
			*eth = t[i].e;
			return 0;
		}
	if (strncasecmp(s, "0x", 2) || parse_long(s, 0x600, 0xfffe, &v))
		return -1;
	*eth = v;
	return 0;
}

int parse_group_by(const char *s, uint32_t *mask)
{
	char buf[128], *tok, *save = NULL;
	uint32_t m = 0;

	if (strlen(s) >= sizeof(buf))
		return -1;
	strcpy(buf, s);
	for (tok = strtok_r(buf, ",+", &save); tok; tok = strtok_r(NULL, ",+", &save)) {
		if (!strcmp(tok, "all"))
			m |= NETDIAG_KEY_STACK | NETDIAG_KEY_FLOW |
			     NETDIAG_KEY_DEV | NETDIAG_KEY_REASON;
		else if (!strcmp(tok, "stack"))
			m |= NETDIAG_KEY_STACK;
		else if (!strcmp(tok, "flow") || !strcmp(tok, "fivetuple"))
			m |= NETDIAG_KEY_FLOW;
		else if (!strcmp(tok, "dev") || !strcmp(tok, "device"))
			m |= NETDIAG_KEY_DEV;
		else if (!strcmp(tok, "reason"))
			m |= NETDIAG_KEY_REASON;
		else
			return -1;
	}
	if (!m)
		return -1;
	*mask = m;
	return 0;
}

int parse_seconds(const char *s, double *sec)
{
	char *end;
	double v;

	errno = 0;
	v = strtod(s, &end);
	if (errno || *end || end == s || v < 0 || v > 31536000)
		return -1;
	*sec = v;
	return 0;
}

int parse_ifnames(const char *s, struct nd_opts *o)
{
	char buf[256], *tok, *save = NULL;

	if (strlen(s) >= sizeof(buf))
		return -1;
	strcpy(buf, s);
	for (tok = strtok_r(buf, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
		if (!*tok || strlen(tok) >= NETDIAG_IFNAMSIZ)
			return -1;
		if (o->nifnames >= NETDIAG_MAX_IFACES)
			return -2;
		strcpy(o->ifnames[o->nifnames++], tok);
	}
	return 0;
}

void opts_help(unsigned int groups)
{
	unsigned int i;

	for (i = 0; i < sizeof(nd_optdefs) / sizeof(nd_optdefs[0]); i++) {
		const struct nd_optdef *d = &nd_optdefs[i];
		char lhs[64];

		if (!(d->group & groups) || !d->help)
			continue;
		if (d->short_name)
			snprintf(lhs, sizeof(lhs), "-%c, --%s%s%s", d->short_name,
				 d->name, d->arg ? " " : "", d->arg ? d->arg : "");
		else
			snprintf(lhs, sizeof(lhs), "    --%s%s%s", d->name,
				 d->arg ? " " : "", d->arg ? d->arg : "");
		printf("  %-30s %s\n", lhs, d->help);
	}
	printf("  %-30s %s\n", "-h, --help", "show this help");
}

static int bad(const char *opt, const char *val, const char *why)
{
	fprintf(stderr, "ndctl: invalid --%s '%s': %s\n", opt, val, why);
	return -1;
}

int opts_parse(struct nd_opts *o, int argc, char **argv, unsigned int groups,
	       const char *usage)
{
	struct option lo[sizeof(nd_optdefs) / sizeof(nd_optdefs[0]) + 2];
	char so[64] = "+";
	unsigned int i, n = 0;
	int c;
	long v;

	for (i = 0; i < sizeof(nd_optdefs) / sizeof(nd_optdefs[0]); i++) {
		const struct nd_optdef *d = &nd_optdefs[i];

		if (!(d->group & groups))
			continue;
		lo[n].name = d->name;
		lo[n].has_arg = d->has_arg;
		lo[n].flag = NULL;
		lo[n].val = d->id;
		n++;
		if (d->short_name && !strchr(so, d->short_name)) {
			size_t l = strlen(so);

			so[l] = d->short_name;
			so[l + 1] = '\0';
			if (d->has_arg)
				strcat(so, ":");
		}
	}
	lo[n++] = (struct option){ "help", 0, NULL, O_HELP };
	lo[n] = (struct option){ NULL, 0, NULL, 0 };
	strcat(so, "h");

	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, so, lo, NULL)) != -1) {
		/* map short options to their long id */
		for (i = 0; c < 256 && i < sizeof(nd_optdefs) / sizeof(nd_optdefs[0]); i++)
			if (nd_optdefs[i].short_name == c && (nd_optdefs[i].group & groups)) {
				c = nd_optdefs[i].id;
				break;
			}
		switch (c) {
		case O_SRC_IP:
			if (parse_ip(optarg, &o->src_family, o->src_ip))
				return bad("src-ip", optarg, "not an IPv4 or IPv6 address");
			break;
		case O_DST_IP:
			if (parse_ip(optarg, &o->dst_family, o->dst_ip))
				return bad("dst-ip", optarg, "not an IPv4 or IPv6 address");
			break;
		case O_SRC_PORT:
			if (parse_port(optarg, &o->src_port))
				return bad("src-port", optarg, "a port is 0..65535");
			break;
		case O_DST_PORT:
			if (parse_port(optarg, &o->dst_port))
				return bad("dst-port", optarg, "a port is 0..65535");
			break;
		case O_PROTO:
			if (parse_proto(optarg, &o->l4_proto))
				return bad("protocol", optarg, "use tcp, udp, icmp, icmpv6, sctp, all or 0..255");
			break;
		case O_IFACE: {
			int r = parse_ifnames(optarg, o);

			if (r == -2)
				return bad("interface", optarg, "at most 8 interfaces");
			if (r)
				return bad("interface", optarg, "names are 1..15 characters");
			break;
		}
		case O_VLAN:
			if (parse_long(optarg, 1, 4094, &v))
				return bad("vlan-id", optarg, "a VLAN id is 1..4094");
			o->vlan_id = v;
			break;
		case O_TYPE:
			if (parse_ethtype(optarg, &o->eth_proto))
				return bad("type", optarg, "use arp, rarp, ipv4, ipv6, lldp, flow_control, other, all or 0xXXXX");
			break;
		case O_INTERVAL:
			if (parse_seconds(optarg, &o->interval) || o->interval < 0.1)
				return bad("interval", optarg, "seconds, at least 0.1");
			break;
		case O_DURATION:
			if (parse_seconds(optarg, &o->duration))
				return bad("duration", optarg, "seconds, 0 or more");
			break;
		case O_TOP:
			if (parse_long(optarg, 1, 100000, &v))
				return bad("top", optarg, "1..100000");
			o->top = v;
			break;
		case O_DETACH:
			o->detach = true;
			break;
		case O_SESSION:
			if (parse_long(optarg, 1, INT_MAX, &v))
				return bad("session", optarg, "a session id");
			o->session = v;
			break;
		case O_ONCE:
			o->once = true;
			break;
		case O_GROUP_BY:
			if (parse_group_by(optarg, &o->group_by))
				return bad("group-by", optarg, "use all, stack, flow (fivetuple), dev, reason or a comma list");
			break;
		case O_MAX_ENTRIES:
			if (parse_long(optarg, 64, 1048576, &v))
				return bad("max-entries", optarg, "64..1048576");
			o->max_entries = v;
			break;
		case O_MAX_STACKS:
			if (parse_long(optarg, 16, 65536, &v))
				return bad("max-stacks", optarg, "16..65536");
			o->max_stacks = v;
			break;
		case O_NO_STACK:
			o->no_stack = true;
			break;
		case O_RATE:
			if (parse_long(optarg, 1, 100000, &v))
				return bad("rate", optarg, "1..100000 events per second");
			o->rate = v;
			break;
		case O_COUNT:
			if (parse_long(optarg, 1, LONG_MAX, &v))
				return bad("count", optarg, "a positive number");
			o->count = v;
			break;
		case O_VERBOSE:
			o->verbose = true;
			break;
		case O_NORMAL:
			o->include_normal = true;
			break;
		case O_POINT:
			if (o->npoints >= NETDIAG_MAX_POINTS)
				return bad("point", optarg, "at most 8 points");
			if (strlen(optarg) >= NETDIAG_POINT_NAMSIZ)
				return bad("point", optarg, "name too long");
			strcpy(o->points[o->npoints++], optarg);
			break;
		case 'h':
		case O_HELP:
			printf("usage: %s\n\noptions:\n", usage);
			opts_help(groups);
			return 1;
		case '?':
		default:
			if (optopt)
				fprintf(stderr, "ndctl: %s: unknown option '-%c' or missing value\n",
					argv[0], optopt);
			else
				fprintf(stderr, "ndctl: %s: unknown option '%s' or missing value (see --help)\n",
					argv[0], argv[optind - 1]);
			return -1;
		}
	}
	o->argc = argc - optind;
	o->argv = argv + optind;
	return 0;
}
