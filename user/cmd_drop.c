// SPDX-License-Identifier: GPL-2.0
/*
 * ndctl drop stats: drops counted in the kernel per (stack, device, flow,
 * reason); a top-N report per interval (counts since the last report, read
 * and reset atomically per entry) and a cumulative summary at the end.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include "cmds.h"
#include "common.h"
#include "drop.h"
#include "print.h"

struct drop_set {
	struct drop_entry *e;
	size_t n, cap;
	struct drop_stack *s;
	size_t ns, caps;
};

void drop_pkt_parse(const struct nlattr *nest, struct drop_pkt *p)
{
	const struct nlattr *tb[NETDIAG_PKT_A_MAX + 1];

	memset(p, 0, sizeof(*p));
	nl_parse_nested(nest, tb, NETDIAG_PKT_A_MAX);
	if (tb[NETDIAG_PKT_A_IFNAME])
		snprintf(p->ifname, sizeof(p->ifname), "%s",
			 mnl_attr_get_str(tb[NETDIAG_PKT_A_IFNAME]));
#define U(attr, f, get) if (tb[attr]) { p->f = get(tb[attr]); p->has_##f = true; }
	U(NETDIAG_PKT_A_LEN, len, mnl_attr_get_u32);
	U(NETDIAG_PKT_A_ETH_PROTO, eth_proto, mnl_attr_get_u16);
	U(NETDIAG_PKT_A_VLAN_OUTER, vlan_outer, mnl_attr_get_u16);
	U(NETDIAG_PKT_A_VLAN_INNER, vlan_inner, mnl_attr_get_u16);
	U(NETDIAG_PKT_A_L3_FAMILY, family, mnl_attr_get_u8);
	U(NETDIAG_PKT_A_IP_TOS, tos, mnl_attr_get_u8);
	U(NETDIAG_PKT_A_IP_LEN, ip_len, mnl_attr_get_u16);
	U(NETDIAG_PKT_A_IP_ID, ip_id, mnl_attr_get_u32);
	U(NETDIAG_PKT_A_IP_TTL, ttl, mnl_attr_get_u8);
	U(NETDIAG_PKT_A_IP_FRAG, frag, mnl_attr_get_u16);
	U(NETDIAG_PKT_A_L4_PROTO, l4, mnl_attr_get_u8);
	U(NETDIAG_PKT_A_SPORT, sport, mnl_attr_get_u16);
	U(NETDIAG_PKT_A_DPORT, dport, mnl_attr_get_u16);
	U(NETDIAG_PKT_A_TCP_FLAGS, tcp_flags, mnl_attr_get_u8);
	U(NETDIAG_PKT_A_ICMP_TYPE, icmp_type, mnl_attr_get_u8);
	U(NETDIAG_PKT_A_ICMP_CODE, icmp_code, mnl_attr_get_u8);
	U(NETDIAG_PKT_A_ARP_OP, arp_op, mnl_attr_get_u16);
#undef U
	if (tb[NETDIAG_PKT_A_ETH_SRC] && mnl_attr_get_payload_len(tb[NETDIAG_PKT_A_ETH_SRC]) == 6) {
		memcpy(p->eth_src, mnl_attr_get_payload(tb[NETDIAG_PKT_A_ETH_SRC]), 6);
		memcpy(p->eth_dst, mnl_attr_get_payload(tb[NETDIAG_PKT_A_ETH_DST]), 6);
		p->has_eth = true;
	}
	if (tb[NETDIAG_PKT_A_SRC_IP] && tb[NETDIAG_PKT_A_DST_IP]) {
		int l = mnl_attr_get_payload_len(tb[NETDIAG_PKT_A_SRC_IP]);

		if (l == 4 || l == 16) {
			memcpy(p->saddr, mnl_attr_get_payload(tb[NETDIAG_PKT_A_SRC_IP]), l);
			memcpy(p->daddr, mnl_attr_get_payload(tb[NETDIAG_PKT_A_DST_IP]), l);
			p->has_addr = true;
		}
	}
}

void drop_reason_parse(const struct nlattr **tb, char *name, size_t len,
		       uint32_t *reason)
{
	*reason = tb[NETDIAG_DROP_A_REASON] ?
		  mnl_attr_get_u32(tb[NETDIAG_DROP_A_REASON]) : 0;
	snprintf(name, len, "%s", tb[NETDIAG_DROP_A_REASON_NAME] ?
		 mnl_attr_get_str(tb[NETDIAG_DROP_A_REASON_NAME]) : "");
}

static int drop_cb(const struct nlmsghdr *nlh, void *data)
{
	const struct nlattr *tb[NETDIAG_A_MAX + 1];
	const struct nlattr *dt[NETDIAG_DROP_A_MAX + 1];
	struct drop_set *set = data;
	struct drop_entry *e;

	nl_parse(nlh, tb, NETDIAG_A_MAX);
	if (!tb[NETDIAG_A_DROP])
		return MNL_CB_OK;
	if (set->n == set->cap) {
		size_t cap = set->cap ? set->cap * 2 : 256;
		void *p = realloc(set->e, cap * sizeof(*set->e));

		if (!p)
			return MNL_CB_ERROR;
		set->e = p;
		set->cap = cap;
	}
	e = &set->e[set->n++];
	memset(e, 0, sizeof(*e));
	nl_parse_nested(tb[NETDIAG_A_DROP], dt, NETDIAG_DROP_A_MAX);
	if (dt[NETDIAG_DROP_A_COUNT])
		e->count = mnl_attr_get_u64(dt[NETDIAG_DROP_A_COUNT]);
	if (dt[NETDIAG_DROP_A_TOTAL])
		e->total = mnl_attr_get_u64(dt[NETDIAG_DROP_A_TOTAL]);
	if (dt[NETDIAG_DROP_A_STACK_ID])
		e->stack_id = mnl_attr_get_u32(dt[NETDIAG_DROP_A_STACK_ID]);
	drop_reason_parse(dt, e->reason_name, sizeof(e->reason_name), &e->reason);
	if (dt[NETDIAG_DROP_A_LOCATION])
		snprintf(e->location, sizeof(e->location), "%s",
			 mnl_attr_get_str(dt[NETDIAG_DROP_A_LOCATION]));
	if (dt[NETDIAG_DROP_A_PKT])
		drop_pkt_parse(dt[NETDIAG_DROP_A_PKT], &e->pkt);
	return MNL_CB_OK;
}

static int stack_cb(const struct nlmsghdr *nlh, void *data)
{
	const struct nlattr *tb[NETDIAG_A_MAX + 1];
	struct drop_set *set = data;
	struct drop_stack *s;
	const struct nlattr *a;

	nl_parse(nlh, tb, NETDIAG_A_MAX);
	if (!tb[NETDIAG_A_STACK])
		return MNL_CB_OK;
	if (set->ns == set->caps) {
		size_t cap = set->caps ? set->caps * 2 : 64;
		void *p = realloc(set->s, cap * sizeof(*set->s));

		if (!p)
			return MNL_CB_ERROR;
		set->s = p;
		set->caps = cap;
	}
	s = &set->s[set->ns++];
	memset(s, 0, sizeof(*s));
	drop_stack_parse(tb[NETDIAG_A_STACK], s);
	(void)a;
	return MNL_CB_OK;
}

void drop_stack_parse(const struct nlattr *nest, struct drop_stack *s)
{
	const struct nlattr *a;

	mnl_attr_for_each_nested(a, nest) {
		if (mnl_attr_get_type(a) == NETDIAG_STACK_A_ID)
			s->id = mnl_attr_get_u32(a);
		else if (mnl_attr_get_type(a) == NETDIAG_STACK_A_FRAME &&
			 s->nframes < DROP_MAX_FRAMES)
			snprintf(s->frames[s->nframes++], sizeof(s->frames[0]),
				 "%s", mnl_attr_get_str(a));
	}
}

static const struct drop_stack *find_stack(const struct drop_set *set, uint32_t id)
{
	size_t i;

	for (i = 0; id && i < set->ns; i++)
		if (set->s[i].id == id)
			return &set->s[i];
	return NULL;
}

static int cmp_count(const void *a, const void *b)
{
	const struct drop_entry *x = a, *y = b;

	if (x->count != y->count)
		return x->count < y->count ? 1 : -1;
	return x->total < y->total ? 1 : x->total > y->total ? -1 : 0;
}

static int cmp_total(const void *a, const void *b)
{
	const struct drop_entry *x = a, *y = b;

	return x->total < y->total ? 1 : x->total > y->total ? -1 : 0;
}

const char *drop_flow_text(const struct drop_pkt *p, char *buf, size_t len)
{
	char s[64], d[64];

	if (!p->has_addr) {
		if (p->has_eth_proto && p->eth_proto)
			snprintf(buf, len, "ethertype %s", ethertype_name(p->eth_proto));
		else
			snprintf(buf, len, "-");
		return buf;
	}
	fmt_ip(s, sizeof(s), p->family == 10 ? AF_INET6 : AF_INET, p->saddr);
	fmt_ip(d, sizeof(d), p->family == 10 ? AF_INET6 : AF_INET, p->daddr);
	if (!p->family) {
		snprintf(buf, len, "ARP %s -> %s", s, d);
	} else if (p->has_sport) {
		if (p->family == AF_INET6)
			snprintf(buf, len, "[%s]:%u -> [%s]:%u %s", s, p->sport, d,
				 p->dport, proto_name(p->l4));
		else
			snprintf(buf, len, "%s:%u -> %s:%u %s", s, p->sport, d,
				 p->dport, proto_name(p->l4));
	} else {
		snprintf(buf, len, "%s -> %s %s", s, d, proto_name(p->l4));
	}
	return buf;
}

void drop_pkt_json(const struct drop_pkt *p)
{
	char ip[64];

	if (p->ifname[0])
		jw_str("dev", p->ifname);
	else
		jw_null("dev");
	jw_start_obj("flow");
	if (p->has_eth_proto)
		jw_str("ethertype", ethertype_name(p->eth_proto));
	jw_u64("family", p->family == AF_INET6 ? 6 : p->family == AF_INET ? 4 : 0);
	if (p->has_addr) {
		jw_str("src", fmt_ip(ip, sizeof(ip), p->family == AF_INET6 ? AF_INET6 : AF_INET, p->saddr));
		jw_str("dst", fmt_ip(ip, sizeof(ip), p->family == AF_INET6 ? AF_INET6 : AF_INET, p->daddr));
	}
	if (p->has_l4)
		jw_str("proto", proto_name(p->l4));
	if (p->has_sport) {
		jw_u64("sport", p->sport);
		jw_u64("dport", p->dport);
	}
	jw_end_obj();
}

static void stack_json(const struct drop_stack *s)
{
	int i;

	jw_start_arr("stack");
	for (i = 0; s && i < s->nframes; i++)
		jw_str(NULL, s->frames[i]);
	jw_end_arr();
}

static int fetch(struct nd_nl *nl, uint32_t id, bool clear, struct drop_set *set)
{
	char buf[MNL_SOCKET_BUFFER_SIZE];
	struct nlmsghdr *nlh;
	int err;

	set->n = 0;
	set->ns = 0;
	nlh = nl_req(nl, buf, NETDIAG_CMD_DROP_GET, NLM_F_DUMP);
	mnl_attr_put_u32(nlh, NETDIAG_A_SESSION_ID, id);
	if (clear)
		mnl_attr_put(nlh, NETDIAG_A_CLEAR, 0, NULL);
	err = nl_talk(nl, nlh, drop_cb, set);
	if (err)
		return err;
	nlh = nl_req(nl, buf, NETDIAG_CMD_STACK_GET, NLM_F_DUMP);
	mnl_attr_put_u32(nlh, NETDIAG_A_SESSION_ID, id);
	return nl_talk(nl, nlh, stack_cb, set);
}

static void report(const struct drop_set *set, const struct nd_sess_info *si,
		   const struct nd_opts *o, bool final, int cycle)
{
	uint64_t sum = 0;
	size_t i, shown = 0;
	char t[32], flow[160];
	time_t now = time(NULL);

	strftime(t, sizeof(t), "%H:%M:%S", localtime(&now));
	for (i = 0; i < set->n; i++)
		sum += final ? set->e[i].total : set->e[i].count;

	if (nd_json) {
		jw_start_obj(NULL);
		jw_u64("session", si->id);
		jw_str("report", final ? "summary" : "interval");
		jw_u64("cycle", cycle);
		jw_u64("drops", sum);
		print_session_stats_json(si);
		jw_start_arr("entries");
		for (i = 0; i < set->n && shown < (size_t)o->top; i++) {
			const struct drop_entry *e = &set->e[i];

			if (!final && !e->count)
				continue;
			shown++;
			jw_start_obj(NULL);
			jw_u64("count", e->count);
			jw_u64("total", e->total);
			drop_pkt_json(&e->pkt);
			jw_str("reason", e->reason_name);
			jw_str("location", e->location);
			jw_u64("stack_id", e->stack_id);
			stack_json(find_stack(set, e->stack_id));
			jw_end_obj();
		}
		jw_end_arr();
		jw_end_obj();
		jw_flush();
		return;
	}
	if (final)
		printf("\n[%s] Summary: %llu drops since the session started\n", t,
		       (unsigned long long)sum);
	else
		printf("\n[%s] Cycle %d - Interval drops: %llu\n", t, cycle,
		       (unsigned long long)sum);
	print_session_stats_text(si);
	for (i = 0; i < set->n && shown < (size_t)o->top; i++) {
		const struct drop_entry *e = &set->e[i];
		const struct drop_stack *s = find_stack(set, e->stack_id);
		uint64_t c = final ? e->total : e->count;
		int f, maxf = final ? DROP_MAX_FRAMES : 5;

		if (!c)
			continue;
		shown++;
		printf("#%zu Count: %llu (%.1f%%) [device: %s] %s reason %s\n",
		       shown, (unsigned long long)c, sum ? 100.0 * c / sum : 0.0,
		       e->pkt.ifname[0] ? e->pkt.ifname : "-",
		       drop_flow_text(&e->pkt, flow, sizeof(flow)),
		       e->reason_name[0] ? e->reason_name : "-");
		if (e->location[0])
			printf("    at %s\n", e->location);
		for (f = 0; s && f < s->nframes && f < maxf; f++)
			printf("      %s\n", s->frames[f]);
	}
	if (!shown)
		printf("  no drops matched\n");
	fflush(stdout);
}

int cmd_drop_stats(int argc, char **argv, const struct nd_cmd *cmd)
{
	struct drop_set set = { 0 };
	struct nd_sess_info si;
	struct nd_opts o;
	struct nd_nl nl;
	bool own = false;
	uint32_t id;
	double start;
	int r, err, cycle = 0;

	opts_init(&o);
	r = opts_parse(&o, argc, argv, cmd->groups, cmd->usage);
	if (r)
		return r > 0 ? 0 : 2;
	if (o.argc) {
		fprintf(stderr, "ndctl: drop stats: unexpected argument '%s'\n", o.argv[0]);
		return 2;
	}
	if (nl_open(&nl))
		return 2;
	nd_install_signals();
	r = nd_session_open(&nl, NETDIAG_KIND_DROP_STATS, &o, "drop stats",
			    "ndctl drop stats --once --session", &id, &own);
	if (r) {
		nl_close(&nl);
		return r > 0 ? 0 : 1;
	}
	if (o.session <= 0 && !nd_json)
		printf("Tracing drops (session %u, skb:kfree_skb). Ctrl-C to stop.\n", id);
	start = nd_now();
	for (;;) {
		bool last;

		nd_next_report(&o, start, &last);
		err = fetch(&nl, id, !o.once, &set);
		if (!err)
			err = nd_session_query(&nl, id, &si);
		if (err) {
			nl_perror(&nl, "reading drop stats");
			break;
		}
		if (!o.once) {
			qsort(set.e, set.n, sizeof(*set.e), cmp_count);
			report(&set, &si, &o, false, ++cycle);
		}
		if (last) {
			qsort(set.e, set.n, sizeof(*set.e), cmp_total);
			report(&set, &si, &o, true, cycle);
			break;
		}
	}
	if (own && nd_session_delete(&nl, id))
		nl_perror(&nl, "stopping the session");
	nl_close(&nl);
	free(set.e);
	free(set.s);
	return err ? 1 : 0;
}
