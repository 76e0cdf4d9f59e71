// SPDX-License-Identifier: GPL-2.0
/*
 * ndctl drop watch: one event per drop, decoded headers and the kernel
 * stack (the seed's eth_drop). Events carry a per-session sequence number:
 * a gap is an event that did not reach us, and is counted.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include "cmds.h"
#include "common.h"
#include "drop.h"
#include "print.h"

struct watch_ctx {
	uint32_t id;
	const struct nd_opts *o;
	uint64_t received, next_seq, gaps;
	uint64_t suppressed, lost, undelivered;	/* as of the last event */
};

static void print_event_text(const struct drop_pkt *p, const char *comm,
			     uint32_t pid, uint32_t cpu, uint64_t seq,
			     const char *reason, const char *loc,
			     const struct drop_stack *s, bool verbose)
{
	char t[32], a[64], b[64], flow[160];
	struct timespec ts;
	int i;

	clock_gettime(CLOCK_REALTIME, &ts);
	strftime(t, sizeof(t), "%H:%M:%S", localtime(&ts.tv_sec));
	printf("[%s.%06ld] #%llu PID %u COMM %s CPU %u dev %s reason %s\n", t,
	       ts.tv_nsec / 1000, (unsigned long long)seq, pid, comm, cpu,
	       p->ifname[0] ? p->ifname : "-", reason[0] ? reason : "-");
	if (loc[0])
		printf("  dropped at %s\n", loc);
	if (p->has_eth)
		printf("  Ethernet: %s -> %s type %s\n",
		       fmt_mac(a, sizeof(a), p->eth_src),
		       fmt_mac(b, sizeof(b), p->eth_dst),
		       ethertype_name(p->eth_proto));
	else if (p->has_eth_proto)
		printf("  EtherType: %s (no L2 header at the drop site)\n",
		       ethertype_name(p->eth_proto));
	if (p->has_vlan_outer)
		printf("  VLAN: id %u prio %u%s\n", p->vlan_outer & 0xfff,
		       p->vlan_outer >> 13, p->has_vlan_inner ? "" : "");
	if (p->has_vlan_inner)
		printf("  VLAN (inner): id %u prio %u\n", p->vlan_inner & 0xfff,
		       p->vlan_inner >> 13);
	if (p->family == AF_INET || p->family == AF_INET6) {
		int fam = p->family == AF_INET6 ? AF_INET6 : AF_INET;

		printf("  %s PACKET: %s -> %s proto %s\n",
		       fam == AF_INET6 ? "IPv6" : "IPv4",
		       fmt_ip(a, sizeof(a), fam, p->saddr),
		       fmt_ip(b, sizeof(b), fam, p->daddr), proto_name(p->l4));
		if (verbose || 1)
			printf("    tos 0x%02x len %u %s %u ttl %u frag 0x%04x skb_len %u\n",
			       p->tos, p->ip_len, fam == AF_INET6 ? "flowlabel" : "id",
			       p->ip_id, p->ttl, p->frag, p->len);
		if (p->has_sport)
			printf("    ports %u -> %u%s\n", p->sport, p->dport, "");
		if (p->has_tcp_flags)
			printf("    tcp flags 0x%02x\n", p->tcp_flags);
		if (p->has_icmp_type)
			printf("    icmp type %u code %u\n", p->icmp_type, p->icmp_code);
	} else if (p->has_arp_op) {
		printf("  ARP: op %u %s\n", p->arp_op,
		       drop_flow_text(p, flow, sizeof(flow)));
	}
	if (s && s->nframes) {
		printf("  Stack:\n");
		for (i = 0; i < s->nframes; i++)
			printf("    %s\n", s->frames[i]);
	}
	fflush(stdout);
}

static void print_event_json(const struct drop_pkt *p, const char *comm,
			     uint32_t pid, uint32_t cpu, uint64_t seq,
			     uint64_t ts, const char *reason, const char *loc,
			     const struct drop_stack *s)
{
	char a[64];
	int i;

	jw_start_obj(NULL);
	jw_u64("seq", seq);
	jw_u64("timestamp_ns", ts);
	jw_u64("cpu", cpu);
	jw_u64("pid", pid);
	jw_str("comm", comm);
	jw_str("reason", reason);
	jw_str("location", loc);
	drop_pkt_json(p);
	if (p->has_eth) {
		jw_start_obj("eth");
		jw_str("src", fmt_mac(a, sizeof(a), p->eth_src));
		jw_str("dst", fmt_mac(a, sizeof(a), p->eth_dst));
		jw_end_obj();
	}
	jw_start_arr("vlan");
	if (p->has_vlan_outer)
		jw_u64(NULL, p->vlan_outer & 0xfff);
	if (p->has_vlan_inner)
		jw_u64(NULL, p->vlan_inner & 0xfff);
	jw_end_arr();
	if (p->family == AF_INET || p->family == AF_INET6) {
		jw_start_obj("ip");
		jw_u64("tos", p->tos);
		jw_u64("len", p->ip_len);
		jw_u64("id", p->ip_id);
		jw_u64("ttl", p->ttl);
		jw_u64("frag", p->frag);
		if (p->has_icmp_type) {
			jw_u64("icmp_type", p->icmp_type);
			jw_u64("icmp_code", p->icmp_code);
		}
		if (p->has_tcp_flags)
			jw_u64("tcp_flags", p->tcp_flags);
		jw_end_obj();
	}
	if (p->has_arp_op)
		jw_u64("arp_op", p->arp_op);
	jw_u64("skb_len", p->len);
	jw_start_arr("stack");
	for (i = 0; s && i < s->nframes; i++)
		jw_str(NULL, s->frames[i]);
	jw_end_arr();
	jw_end_obj();
	jw_flush();
}

static int event_cb(const struct nlmsghdr *nlh, void *data)
{
	const struct nlattr *tb[NETDIAG_A_MAX + 1];
	const struct nlattr *dt[NETDIAG_DROP_A_MAX + 1];
	struct watch_ctx *w = data;
	struct drop_stack stack = { 0 };
	struct drop_pkt p;
	char reason[64] = "", loc[128] = "";
	uint32_t rcode;
	uint64_t seq;
	const struct genlmsghdr *g = mnl_nlmsg_get_payload(nlh);

	if (g->cmd != NETDIAG_CMD_DROP_EVENT)
		return MNL_CB_OK;
	nl_parse(nlh, tb, NETDIAG_A_MAX);
	if (!tb[NETDIAG_A_SESSION_ID] ||
	    mnl_attr_get_u32(tb[NETDIAG_A_SESSION_ID]) != w->id || !tb[NETDIAG_A_DROP])
		return MNL_CB_OK;
	seq = tb[NETDIAG_A_SEQ] ? mnl_attr_get_u64(tb[NETDIAG_A_SEQ]) : 0;
	if (w->next_seq && seq > w->next_seq)
		w->gaps += seq - w->next_seq;
	w->next_seq = seq + 1;
	w->received++;
	nl_parse_nested(tb[NETDIAG_A_DROP], dt, NETDIAG_DROP_A_MAX);
	drop_reason_parse(dt, reason, sizeof(reason), &rcode);
	if (dt[NETDIAG_DROP_A_LOCATION])
		snprintf(loc, sizeof(loc), "%s", mnl_attr_get_str(dt[NETDIAG_DROP_A_LOCATION]));
	memset(&p, 0, sizeof(p));
	if (dt[NETDIAG_DROP_A_PKT])
		drop_pkt_parse(dt[NETDIAG_DROP_A_PKT], &p);
	if (tb[NETDIAG_A_STACK])
		drop_stack_parse(tb[NETDIAG_A_STACK], &stack);
	if (nd_json)
		print_event_json(&p, tb[NETDIAG_A_COMM] ? mnl_attr_get_str(tb[NETDIAG_A_COMM]) : "",
				 tb[NETDIAG_A_PID] ? mnl_attr_get_u32(tb[NETDIAG_A_PID]) : 0,
				 tb[NETDIAG_A_CPU] ? mnl_attr_get_u32(tb[NETDIAG_A_CPU]) : 0,
				 seq, tb[NETDIAG_A_TIMESTAMP] ? mnl_attr_get_u64(tb[NETDIAG_A_TIMESTAMP]) : 0,
				 reason, loc, &stack);
	else
		print_event_text(&p, tb[NETDIAG_A_COMM] ? mnl_attr_get_str(tb[NETDIAG_A_COMM]) : "",
				 tb[NETDIAG_A_PID] ? mnl_attr_get_u32(tb[NETDIAG_A_PID]) : 0,
				 tb[NETDIAG_A_CPU] ? mnl_attr_get_u32(tb[NETDIAG_A_CPU]) : 0,
				 seq, reason, loc, &stack, w->o->verbose);
	if (w->o->count && w->received >= (uint64_t)w->o->count)
		return MNL_CB_STOP;
	return MNL_CB_OK;
}

int cmd_drop_watch(int argc, char **argv, const struct nd_cmd *cmd)
{
	struct watch_ctx w = { 0 };
	struct nd_sess_info si;
	struct nd_opts o;
	struct nd_nl nl, ev;
	double start;
	int r, err, rc = 1;

	opts_init(&o);
	r = opts_parse(&o, argc, argv, cmd->groups, cmd->usage);
	if (r)
		return r > 0 ? 0 : 2;
	if (o.argc) {
		fprintf(stderr, "ndctl: drop watch: unexpected argument '%s'\n", o.argv[0]);
		return 2;
	}
	if (nl_open(&nl))
		return 2;
	if (nl_open(&ev)) {
		nl_close(&nl);
		return 2;
	}
	if (nl_join_events(&ev)) {
		ev.err = ev.err ? ev.err : ENOENT;
		nl_perror(&ev, "cannot join the events group");
		goto out;
	}
	nd_install_signals();
	err = nd_session_create(&nl, NETDIAG_KIND_DROP_WATCH, &o, &w.id);
	if (err) {
		nl_perror(&nl, "cannot start drop watch");
		goto out;
	}
	w.o = &o;
	if (!nd_json)
		printf("Watching drops (session %u, skb:kfree_skb). Ctrl-C to stop.\n", w.id);
	start = nd_now();
	while (!nd_stop) {
		int ms = 500;

		if (o.duration > 0) {
			double left = start + o.duration - nd_now();

			if (left <= 0)
				break;
			if (left * 1000 < ms)
				ms = left * 1000 + 1;
		}
		err = nl_recv_events(&ev, event_cb, &w, ms);
		if (err < 0) {
			ev.err = -err;
			nl_perror(&ev, "receiving events");
			break;
		}
		if (o.count && w.received >= (uint64_t)o.count)
			break;
	}
	if (!nd_session_query(&nl, w.id, &si)) {
		if (nd_json) {
			jw_start_obj(NULL);
			jw_u64("session", w.id);
			jw_str("report", "summary");
			jw_u64("received", w.received);
			jw_u64("missed_by_ndctl", w.gaps);
			print_session_stats_json(&si);
			jw_end_obj();
			jw_flush();
		} else {
			printf("\n%llu events received; not shown: %llu suppressed by --rate, %llu lost (ring full), %llu undelivered, %llu missing sequence numbers\n",
			       (unsigned long long)w.received,
			       (unsigned long long)si.stats[NETDIAG_STAT_A_EVENTS_SUPPRESSED],
			       (unsigned long long)si.stats[NETDIAG_STAT_A_EVENTS_LOST],
			       (unsigned long long)si.stats[NETDIAG_STAT_A_EVENTS_UNDELIVERED],
			       (unsigned long long)w.gaps);
			print_session_stats_text(&si);
		}
	}
	rc = 0;
	if (nd_session_delete(&nl, w.id))
		nl_perror(&nl, "stopping the session");
out:
	nl_close(&ev);
	nl_close(&nl);
	return rc;
}
