// SPDX-License-Identifier: GPL-2.0
/* Session requests and replies shared by the commands. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <sys/socket.h>
#include "common.h"
#include "print.h"

volatile int nd_stop;

static void nd_on_signal(int sig)
{
	(void)sig;
	nd_stop = 1;
}

void nd_install_signals(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = nd_on_signal;
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
}

double nd_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

int nd_sleep(double sec)
{
	double end = nd_now() + sec;

	while (!nd_stop) {
		double left = end - nd_now();
		struct timespec ts;

		if (left <= 0)
			return 0;
		if (left > 0.1)
			left = 0.1;
		ts.tv_sec = (time_t)left;
		ts.tv_nsec = (long)((left - ts.tv_sec) * 1e9);
		nanosleep(&ts, NULL);
	}
	return 1;
}

void nd_next_report(const struct nd_opts *o, double start, bool *last)
{
	if (!o->once) {
		double wait = o->interval;

		if (o->duration > 0 && nd_now() + wait > start + o->duration)
			wait = start + o->duration - nd_now();
		if (wait > 0)
			nd_sleep(wait);
	}
	*last = o->once || nd_stop ||
		(o->duration > 0 && nd_now() >= start + o->duration - 0.01);
}

void print_detached(uint32_t id, const char *how_to_read)
{
	if (nd_json) {
		jw_start_obj(NULL);
		jw_u64("session", id);
		jw_end_obj();
		jw_flush();
	} else {
		printf("session %u started (detached); read it with: %s %u\n",
		       id, how_to_read, id);
	}
}

void print_point_json(const struct nd_point_info *p)
{
	jw_start_obj(NULL);
	jw_str("name", p->name);
	jw_str("state", probe_state_name(p->state));
	jw_str("hook", hook_kind_name(p->hook));
	jw_str("target", p->target);
	jw_u64("hits", p->hits);
	jw_u64("missed", p->missed);
	if (p->why[0])
		jw_str("why", p->why);
	jw_end_obj();
}

void print_points_json(const struct nd_sess_info *si)
{
	int i;

	jw_start_arr("points");
	for (i = 0; i < si->npoints; i++)
		print_point_json(&si->points[i]);
	jw_end_arr();
}

int nd_session_open(struct nd_nl *nl, uint32_t kind, const struct nd_opts *o,
		    const char *what, const char *how_to_read, uint32_t *id,
		    bool *own)
{
	*own = false;
	if (o->session > 0) {
		*id = o->session;
		return 0;
	}
	if (nd_session_create(nl, kind, o, id)) {
		char msg[64];

		snprintf(msg, sizeof(msg), "cannot start %s", what);
		nl_perror(nl, msg);
		return -1;
	}
	if (o->detach) {
		print_detached(*id, how_to_read);
		return 1;
	}
	*own = true;
	return 0;
}

static void nd_put_filter(struct nlmsghdr *nlh, const struct nd_opts *o)
{
	struct nlattr *nest = mnl_attr_nest_start(nlh, NETDIAG_A_FILTER);
	int i;

	if (o->src_family)
		mnl_attr_put(nlh, NETDIAG_FILTER_A_SRC_IP,
			     o->src_family == AF_INET ? 4 : 16, o->src_ip);
	if (o->dst_family)
		mnl_attr_put(nlh, NETDIAG_FILTER_A_DST_IP,
			     o->dst_family == AF_INET ? 4 : 16, o->dst_ip);
	if (o->l4_proto >= 0)
		mnl_attr_put_u8(nlh, NETDIAG_FILTER_A_L4_PROTO, o->l4_proto);
	if (o->src_port >= 0)
		mnl_attr_put_u16(nlh, NETDIAG_FILTER_A_SRC_PORT, o->src_port);
	if (o->dst_port >= 0)
		mnl_attr_put_u16(nlh, NETDIAG_FILTER_A_DST_PORT, o->dst_port);
	if (o->eth_proto >= 0)
		mnl_attr_put_u16(nlh, NETDIAG_FILTER_A_ETH_PROTO, o->eth_proto);
	if (o->vlan_id >= 0)
		mnl_attr_put_u16(nlh, NETDIAG_FILTER_A_VLAN_ID, o->vlan_id);
	for (i = 0; i < o->nifnames; i++)
		mnl_attr_put_strz(nlh, NETDIAG_FILTER_A_IFNAME, o->ifnames[i]);
	mnl_attr_nest_end(nlh, nest);
}

static int nd_id_cb(const struct nlmsghdr *nlh, void *data)
{
	const struct nlattr *tb[NETDIAG_A_MAX + 1];

	nl_parse(nlh, tb, NETDIAG_A_MAX);
	if (tb[NETDIAG_A_SESSION_ID])
		*(uint32_t *)data = mnl_attr_get_u32(tb[NETDIAG_A_SESSION_ID]);
	return MNL_CB_OK;
}

int nd_session_create(struct nd_nl *nl, uint32_t kind,
		      const struct nd_opts *o, uint32_t *id)
{
	char buf[MNL_SOCKET_BUFFER_SIZE];
	struct nlmsghdr *nlh = nl_req(nl, buf, NETDIAG_CMD_SESSION_NEW, 0);
	uint32_t flags = 0;
	int i;

	mnl_attr_put_u32(nlh, NETDIAG_A_KIND, kind);
	if (o->detach)
		flags |= NETDIAG_F_DETACH;
	if (o->no_stack)
		flags |= NETDIAG_F_NO_STACK;
	if (o->include_normal)
		flags |= NETDIAG_F_INCLUDE_NORMAL;
	mnl_attr_put_u32(nlh, NETDIAG_A_FLAGS, flags);
	nd_put_filter(nlh, o);
	if (o->group_by)
		mnl_attr_put_u32(nlh, NETDIAG_A_GROUP_BY, o->group_by);
	if (o->max_entries)
		mnl_attr_put_u32(nlh, NETDIAG_A_MAX_ENTRIES, o->max_entries);
	if (o->max_stacks)
		mnl_attr_put_u32(nlh, NETDIAG_A_MAX_STACKS, o->max_stacks);
	if (o->rate)
		mnl_attr_put_u32(nlh, NETDIAG_A_EVENT_RATE, o->rate);
	if (o->npoints) {
		struct nlattr *nest = mnl_attr_nest_start(nlh, NETDIAG_A_POINTS);

		for (i = 0; i < o->npoints; i++)
			mnl_attr_put_strz(nlh, NETDIAG_PROBE_A_NAME, o->points[i]);
		mnl_attr_nest_end(nlh, nest);
	}
	*id = 0;
	return nl_talk(nl, nlh, nd_id_cb, id);
}

int nd_session_delete(struct nd_nl *nl, uint32_t id)
{
	char buf[MNL_SOCKET_BUFFER_SIZE];
	struct nlmsghdr *nlh = nl_req(nl, buf, NETDIAG_CMD_SESSION_DEL, 0);

	mnl_attr_put_u32(nlh, NETDIAG_A_SESSION_ID, id);
	return nl_talk(nl, nlh, NULL, NULL);
}

static const char *const nd_stat_names[NETDIAG_STAT_A_MAX + 1] = {
	[NETDIAG_STAT_A_SEEN] = "seen",
	[NETDIAG_STAT_A_MATCHED] = "matched",
	[NETDIAG_STAT_A_PARSE_ERRORS] = "parse_errors",
	[NETDIAG_STAT_A_ENTRIES] = "entries",
	[NETDIAG_STAT_A_EVICTED] = "evicted",
	[NETDIAG_STAT_A_EVICTED_COUNT] = "evicted_drops",
	[NETDIAG_STAT_A_STACKS] = "stacks",
	[NETDIAG_STAT_A_STACK_FAILED] = "stack_failed",
	[NETDIAG_STAT_A_STACK_FULL] = "stack_table_full",
	[NETDIAG_STAT_A_EVENTS_SENT] = "events_sent",
	[NETDIAG_STAT_A_EVENTS_SUPPRESSED] = "events_suppressed",
	[NETDIAG_STAT_A_EVENTS_LOST] = "events_lost",
	[NETDIAG_STAT_A_EVENTS_UNDELIVERED] = "events_undelivered",
	[NETDIAG_STAT_A_MISSED] = "missed",
	[NETDIAG_STAT_A_NORMAL_FREES] = "normal_frees",
};

const char *stat_name(int attr)
{
	return attr >= 0 && attr <= NETDIAG_STAT_A_MAX ? nd_stat_names[attr] : NULL;
}

void nd_point_parse(const struct nlattr *nest, struct nd_point_info *pi)
{
	const struct nlattr *tb[NETDIAG_PROBE_A_MAX + 1];

	memset(pi, 0, sizeof(*pi));
	nl_parse_nested(nest, tb, NETDIAG_PROBE_A_MAX);
#define CPYSTR(attr, dst) if (tb[attr]) snprintf(dst, sizeof(dst), "%s", mnl_attr_get_str(tb[attr]))
	CPYSTR(NETDIAG_PROBE_A_NAME, pi->name);
	CPYSTR(NETDIAG_PROBE_A_MODULE, pi->module);
	CPYSTR(NETDIAG_PROBE_A_TARGET, pi->target);
	CPYSTR(NETDIAG_PROBE_A_WHY, pi->why);
#undef CPYSTR
	if (tb[NETDIAG_PROBE_A_STATE])
		pi->state = mnl_attr_get_u32(tb[NETDIAG_PROBE_A_STATE]);
	if (tb[NETDIAG_PROBE_A_HOOK])
		pi->hook = mnl_attr_get_u32(tb[NETDIAG_PROBE_A_HOOK]);
	if (tb[NETDIAG_PROBE_A_USERS])
		pi->users = mnl_attr_get_u32(tb[NETDIAG_PROBE_A_USERS]);
	if (tb[NETDIAG_PROBE_A_HITS])
		pi->hits = mnl_attr_get_u64(tb[NETDIAG_PROBE_A_HITS]);
	if (tb[NETDIAG_PROBE_A_MISSED])
		pi->missed = mnl_attr_get_u64(tb[NETDIAG_PROBE_A_MISSED]);
}

static void nd_filter_text(const struct nlattr *nest, char *out, size_t len)
{
	const struct nlattr *a;
	size_t off = 0;
	char ip[64];

	out[0] = '\0';
	mnl_attr_for_each_nested(a, nest) {
		const char *k = NULL;
		char v[80] = "";

		switch (mnl_attr_get_type(a)) {
		case NETDIAG_FILTER_A_SRC_IP:
		case NETDIAG_FILTER_A_DST_IP:
			k = mnl_attr_get_type(a) == NETDIAG_FILTER_A_SRC_IP ?
			    "src-ip" : "dst-ip";
			fmt_ip(ip, sizeof(ip), mnl_attr_get_payload_len(a) == 4 ?
			       AF_INET : AF_INET6, mnl_attr_get_payload(a));
			snprintf(v, sizeof(v), "%s", ip);
			break;
		case NETDIAG_FILTER_A_L4_PROTO:
			k = "protocol";
			snprintf(v, sizeof(v), "%s", proto_name(mnl_attr_get_u8(a)));
			break;
		case NETDIAG_FILTER_A_SRC_PORT:
			k = "src-port";
			snprintf(v, sizeof(v), "%u", mnl_attr_get_u16(a));
			break;
		case NETDIAG_FILTER_A_DST_PORT:
			k = "dst-port";
			snprintf(v, sizeof(v), "%u", mnl_attr_get_u16(a));
			break;
		case NETDIAG_FILTER_A_ETH_PROTO:
			k = "type";
			snprintf(v, sizeof(v), "%s", mnl_attr_get_u16(a) == NETDIAG_ETH_P_OTHER ?
				 "other" : ethertype_name(mnl_attr_get_u16(a)));
			break;
		case NETDIAG_FILTER_A_VLAN_ID:
			k = "vlan-id";
			snprintf(v, sizeof(v), "%u", mnl_attr_get_u16(a));
			break;
		case NETDIAG_FILTER_A_IFNAME:
			k = "interface";
			snprintf(v, sizeof(v), "%s", mnl_attr_get_str(a));
			break;
		}
		if (k && off < len)
			off += snprintf(out + off, len - off, "%s%s %s",
					off ? " " : "", k, v);
	}
}

int nd_session_parse(const struct nlmsghdr *nlh, struct nd_sess_info *si)
{
	const struct nlattr *tb[NETDIAG_A_MAX + 1];
	const struct nlattr *a;

	memset(si, 0, sizeof(*si));
	nl_parse(nlh, tb, NETDIAG_A_MAX);
#define U32(attr, dst) if (tb[attr]) si->dst = mnl_attr_get_u32(tb[attr])
#define U64(attr, dst) if (tb[attr]) si->dst = mnl_attr_get_u64(tb[attr])
	U32(NETDIAG_A_SESSION_ID, id);
	U32(NETDIAG_A_KIND, kind);
	U32(NETDIAG_A_FLAGS, flags);
	U32(NETDIAG_A_GROUP_BY, group_by);
	U32(NETDIAG_A_MAX_ENTRIES, max_entries);
	U32(NETDIAG_A_MAX_STACKS, max_stacks);
	U32(NETDIAG_A_EVENT_RATE, rate);
	U64(NETDIAG_A_MEM_BYTES, mem);
	U64(NETDIAG_A_AGE_MS, age_ms);
#undef U32
#undef U64
	if (tb[NETDIAG_A_FILTER])
		nd_filter_text(tb[NETDIAG_A_FILTER], si->filter, sizeof(si->filter));
	if (tb[NETDIAG_A_STATS]) {
		mnl_attr_for_each_nested(a, tb[NETDIAG_A_STATS]) {
			int t = mnl_attr_get_type(a);

			if (t > NETDIAG_STAT_A_PAD && t <= NETDIAG_STAT_A_MAX &&
			    mnl_attr_get_payload_len(a) == 8) {
				si->stats[t] = mnl_attr_get_u64(a);
				si->has_stat[t] = true;
			}
		}
	}
	if (tb[NETDIAG_A_POINTS]) {
		mnl_attr_for_each_nested(a, tb[NETDIAG_A_POINTS]) {
			if (si->npoints < NETDIAG_MAX_POINTS)
				nd_point_parse(a, &si->points[si->npoints++]);
		}
	}
	return MNL_CB_OK;
}

static int nd_sess_cb(const struct nlmsghdr *nlh, void *data)
{
	return nd_session_parse(nlh, data);
}

int nd_session_query(struct nd_nl *nl, uint32_t id, struct nd_sess_info *si)
{
	char buf[MNL_SOCKET_BUFFER_SIZE];
	struct nlmsghdr *nlh = nl_req(nl, buf, NETDIAG_CMD_SESSION_GET, 0);

	mnl_attr_put_u32(nlh, NETDIAG_A_SESSION_ID, id);
	return nl_talk(nl, nlh, nd_sess_cb, si);
}

void print_session_stats_text(const struct nd_sess_info *si)
{
	int i, n = 0;

	for (i = 0; i <= NETDIAG_STAT_A_MAX; i++) {
		if (!si->has_stat[i] || !stat_name(i))
			continue;
		printf("%s%s %llu", n++ ? ", " : "  counters: ", stat_name(i),
		       (unsigned long long)si->stats[i]);
	}
	if (n)
		printf("\n");
}

void print_session_stats_json(const struct nd_sess_info *si)
{
	int i;

	jw_start_obj("stats");
	for (i = 0; i <= NETDIAG_STAT_A_MAX; i++)
		if (si->has_stat[i] && stat_name(i))
			jw_u64(stat_name(i), si->stats[i]);
	jw_end_obj();
}

void print_session_json(const struct nd_sess_info *si)
{
	jw_start_obj(NULL);
	jw_u64("id", si->id);
	jw_str("kind", kind_name(si->kind));
	jw_bool("detached", si->flags & NETDIAG_F_DETACH);
	jw_u64("age_ms", si->age_ms);
	jw_u64("memory_bytes", si->mem);
	jw_u64("max_entries", si->max_entries);
	jw_str("filter", si->filter);
	print_session_stats_json(si);
	print_points_json(si);
	jw_end_obj();
}

void print_session_text(const struct nd_sess_info *si)
{
	int i;

	printf("session %u: %s%s, age %.1f s, memory %llu KiB, filter: %s\n",
	       si->id, kind_name(si->kind),
	       si->flags & NETDIAG_F_DETACH ? " (detached)" : "",
	       si->age_ms / 1000.0, (unsigned long long)(si->mem >> 10),
	       si->filter[0] ? si->filter : "none");
	print_session_stats_text(si);
	for (i = 0; i < si->npoints; i++) {
		const struct nd_point_info *p = &si->points[i];

		printf("  probe %s: %s via %s %s, hits %llu, missed %llu%s%s\n",
		       p->name, probe_state_name(p->state), hook_kind_name(p->hook),
		       p->target, (unsigned long long)p->hits,
		       (unsigned long long)p->missed, p->why[0] ? " - " : "", p->why);
	}
}
