// SPDX-License-Identifier: GPL-2.0
/*
 * The count engine: filtered hits per catalog point, with a per-CPU
 * histogram of skb->len per point. Points are optional: one that is missing
 * on this kernel is listed as unavailable; one whose module is not loaded
 * waits for it (module notifier) and is disarmed when the module goes.
 */
#include <linux/seq_file.h>
#include <linux/skbuff.h>
#include <linux/slab.h>
#include <net/genetlink.h>
#include "netdiag.h"

struct nd_count {
	u64 __percpu *hits;		/* [NETDIAG_MAX_POINTS] per CPU */
	struct nd_hist len[NETDIAG_MAX_POINTS];
};

static void nd_count_hit(struct nd_sub *sub, const struct nd_hit *hit)
{
	struct nd_session *s = sub->s;
	struct nd_count *c = s->priv;
	struct sk_buff *skb = hit->skb;
	struct nd_pkt pkt;

	if (unlikely(READ_ONCE(s->paused)))
		return;
	nd_stat_inc(s, ND_ST_SEEN);
	if (skb) {
		if (!nd_filter_dev(&s->filter, READ_ONCE(skb->dev)))
			return;
		if (nd_filter_needs_pkt(&s->filter)) {
			if (nd_pkt_parse(skb, &pkt))
				nd_stat_inc(s, ND_ST_PARSE_ERRORS);
			if (!nd_filter_pkt(&s->filter, &pkt))
				return;
		}
		nd_hist_add(&c->len[sub->idx], skb->len);
	} else if (s->filter.mask) {
		return;
	}
	nd_stat_inc(s, ND_ST_MATCHED);
	this_cpu_inc(c->hits[sub->idx]);
}

static u64 nd_count_sum(struct nd_count *c, unsigned int idx)
{
	u64 sum = 0;
	int cpu;

	for_each_possible_cpu(cpu)
		sum += per_cpu_ptr(c->hits, cpu)[idx];
	return sum;
}

static int nd_count_create(struct nd_session *s, struct nlattr **attrs,
			   struct netlink_ext_ack *extack)
{
	const struct nlattr *a;
	struct nd_count *c;
	unsigned int i;
	int rem, err;

	if (!attrs[NETDIAG_A_POINTS]) {
		NL_SET_ERR_MSG_MOD(extack, "a count session needs probe points (NETDIAG_A_POINTS)");
		return -EINVAL;
	}
	nla_for_each_nested(a, attrs[NETDIAG_A_POINTS], rem) {
		char name[NETDIAG_POINT_NAMSIZ];
		struct nd_point *pt;

		if (nla_type(a) != NETDIAG_PROBE_A_NAME) {
			NL_SET_ERR_MSG_ATTR(extack, a, "only point names go in NETDIAG_A_POINTS");
			return -EINVAL;
		}
		if (s->nsubs >= NETDIAG_MAX_POINTS) {
			nd_extack_fmt(extack, "at most %d probe points per session",
				      NETDIAG_MAX_POINTS);
			return -E2BIG;
		}
		nla_strscpy(name, a, sizeof(name));
		pt = nd_catalog_find(name);
		if (!pt) {
			nd_extack_fmt(extack, "unknown probe point '%s' (see: ndctl probes)",
				      name);
			return -ENOENT;
		}
		for (i = 0; i < s->nsubs; i++)
			if (s->subs[i].pt == pt) {
				nd_extack_fmt(extack, "probe point '%s' given twice", name);
				return -EINVAL;
			}
		s->subs[s->nsubs].pt = pt;
		s->subs[s->nsubs].fn = nd_count_hit;
		s->subs[s->nsubs].idx = s->nsubs;
		s->subs[s->nsubs].required = false;
		s->nsubs++;
	}
	if (!s->nsubs) {
		NL_SET_ERR_MSG_MOD(extack, "no probe point given");
		return -EINVAL;
	}
	err = nd_session_reserve(s, sizeof(*c) + NETDIAG_MAX_POINTS *
				 sizeof(u64) * num_possible_cpus() +
				 s->nsubs * nd_hist_mem(), extack);
	if (err)
		return err;
	c = kzalloc(sizeof(*c), GFP_KERNEL);
	if (!c)
		return -ENOMEM;
	s->priv = c;
	c->hits = __alloc_percpu(NETDIAG_MAX_POINTS * sizeof(u64), sizeof(u64));
	if (!c->hits)
		return -ENOMEM;
	for (i = 0; i < s->nsubs; i++) {
		err = nd_hist_init(&c->len[i]);
		if (err)
			return err;
	}
	return 0;
}

static void nd_count_destroy(struct nd_session *s)
{
	struct nd_count *c = s->priv;
	unsigned int i;

	for (i = 0; i < NETDIAG_MAX_POINTS; i++)
		nd_hist_free(&c->len[i]);
	free_percpu(c->hits);
	kfree(c);
	s->priv = NULL;
}

static void nd_count_reset(struct nd_session *s)
{
	struct nd_count *c = s->priv;
	unsigned int i;
	int cpu;

	for_each_possible_cpu(cpu)
		memset(per_cpu_ptr(c->hits, cpu), 0,
		       NETDIAG_MAX_POINTS * sizeof(u64));
	for (i = 0; i < s->nsubs; i++)
		nd_hist_reset(&c->len[i]);
}

static int nd_count_fill_stats(struct nd_session *s, struct sk_buff *msg)
{
	return 0;
}

u64 nd_count_point_hits(struct nd_session *s, unsigned int idx)
{
	return nd_count_sum(s->priv, idx);
}

static void nd_count_show(struct nd_session *s, struct seq_file *m)
{
	struct nd_count *c = s->priv;
	u64 *b = kmalloc_array(ND_HIST_BUCKETS, sizeof(u64), GFP_KERNEL);
	unsigned int i, j;

	for (i = 0; i < s->nsubs; i++) {
		u64 total;

		seq_printf(m, "%-32s %12llu hits\n", s->subs[i].pt->name,
			   nd_count_sum(c, i));
		if (!b)
			continue;
		total = nd_hist_sum(&c->len[i], b);
		if (!total)
			continue;
		seq_printf(m, "    skb->len p50 %llu p90 %llu p99 %llu\n",
			   nd_hist_percentile(b, total, 50),
			   nd_hist_percentile(b, total, 90),
			   nd_hist_percentile(b, total, 99));
		for (j = 0; j < ND_HIST_BUCKETS; j++)
			if (b[j])
				seq_printf(m, "    [%llu, %llu) %llu\n",
					   nd_hist_lo(j), nd_hist_hi(j), b[j]);
	}
	kfree(b);
}

const struct nd_engine nd_engine_count = {
	.name = "count",
	.kind = NETDIAG_KIND_COUNT,
	.create = nd_count_create,
	.destroy = nd_count_destroy,
	.reset = nd_count_reset,
	.fill_stats = nd_count_fill_stats,
	.show = nd_count_show,
};
