// SPDX-License-Identifier: GPL-2.0
/*
 * The drop engine: one subscription to "skb:kfree_skb" (real drops only,
 * never consume_skb). Two session kinds share the handler:
 *  - drop stats: count per (stack, device, flow, reason, location), the key
 *    narrowed by the session's group-by mask; bounded table, LRU eviction
 *    counted with the drops the evicted entries held;
 *  - drop watch: one event per drop (decoded headers + stack) through the
 *    event channel, rate-limited, every undelivered event counted.
 */
#include <linux/kallsyms.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/sort.h>
#include <linux/seq_file.h>
#include <linux/netdevice.h>
#include <net/genetlink.h>
#include <net/dropreason.h>
#include "netdiag.h"
#include "normal.h"

struct nd_drop_key {
	u32 stack_id;
	u32 reason;
	u64 location;
	char ifname[16];
	u8 family;
	u8 l4_proto;
	u16 eth_proto;
	u16 sport;
	u16 dport;
	u8 saddr[16];
	u8 daddr[16];
};

struct nd_drop_val {
	u64 count;			/* since the last clear */
	u64 total;
};

struct nd_drop {
	bool watch;
	struct nd_table table;		/* stats only */
	struct nd_stacks stacks;	/* stats only */
	struct nd_events events;	/* watch only */
	atomic64_t evicted_count;
};

const char *nd_drop_reason_name(u32 reason)
{
#if defined(ND_HAVE_DROP_REASONS_BY_SUBSYS)
	const struct drop_reason_list *list;
	u32 subsys = reason >> SKB_DROP_REASON_SUBSYS_SHIFT;
	u32 code = reason & ~SKB_DROP_REASON_SUBSYS_MASK;
	const char *name = NULL;

	if (subsys >= SKB_DROP_REASON_SUBSYS_NUM)
		return NULL;
	rcu_read_lock();
	list = rcu_dereference(drop_reasons_by_subsys[subsys]);
	if (list && code < list->n_reasons)
		name = list->reasons[code];
	rcu_read_unlock();
	return name;	/* core names are static; subsystems' are module data */
#elif defined(ND_HAVE_DROP_REASONS_ARRAY)
	return reason < SKB_DROP_REASON_MAX ? drop_reasons[reason] : NULL;
#else
	return NULL;
#endif
}

int nd_drop_put_reason(struct sk_buff *msg, u32 reason)
{
	const char *name = nd_drop_reason_name(reason);

	if (nla_put_u32(msg, NETDIAG_DROP_A_REASON, reason))
		return -EMSGSIZE;
	if (name && nla_put_string(msg, NETDIAG_DROP_A_REASON_NAME, name))
		return -EMSGSIZE;
	return 0;
}

static int nd_put_sym(struct sk_buff *msg, int attr, unsigned long addr)
{
	char buf[KSYM_SYMBOL_LEN];

	sprint_symbol(buf, addr);
	return nla_put_string(msg, attr, buf);
}

static void nd_drop_inc(void *val, bool created, void *arg)
{
	struct nd_drop_val *v = val;

	v->count++;
	v->total++;
}

static void nd_drop_evicted(struct nd_table *t, void *val)
{
	struct nd_drop *d = t->owner;

	atomic64_add(((struct nd_drop_val *)val)->total, &d->evicted_count);
}

static void nd_drop_key_fill(struct nd_drop_key *k, struct nd_session *s,
			     const struct nd_pkt *p, const struct nd_hit *hit,
			     u32 stack_id)
{
	u32 g = s->group_by;

	memset(k, 0, sizeof(*k));
	if (g & NETDIAG_KEY_STACK) {
		k->stack_id = stack_id;
		k->location = hit->location;
	}
	if (g & NETDIAG_KEY_REASON)
		k->reason = hit->reason;
	if (g & NETDIAG_KEY_DEV)
		memcpy(k->ifname, p->ifname, sizeof(k->ifname));
	if (g & NETDIAG_KEY_FLOW) {
		k->family = p->family;
		k->l4_proto = p->l4_proto;
		k->eth_proto = p->eth_proto;
		if (p->flags & ND_PKT_HAS_PORTS) {
			k->sport = p->sport;
			k->dport = p->dport;
		}
		memcpy(k->saddr, p->saddr, sizeof(k->saddr));
		memcpy(k->daddr, p->daddr, sizeof(k->daddr));
	}
}

static void nd_drop_watch_hit(struct nd_session *s, struct nd_drop *d,
			      const struct nd_pkt *p, const struct nd_hit *hit)
{
	struct nd_event *ev;
	unsigned long flags;

	local_irq_save(flags);
	ev = nd_event_reserve(&d->events);
	if (!ev) {
		nd_stat_inc(s, ND_ST_EVENTS_LOST);
		goto out;
	}
	ev->ts = nd_now_ns();
	ev->cpu = smp_processor_id();
	ev->pid = in_task() ? current->pid : 0;
	ev->tgid = in_task() ? current->tgid : 0;
	memcpy(ev->comm, in_task() ? current->comm : "[softirq]",
	       sizeof(ev->comm));
	ev->comm[sizeof(ev->comm) - 1] = '\0';
	ev->reason = hit->reason;
	ev->location = hit->location;
	ev->pkt = *p;
	ev->stack.nr = 0;
	if (!(s->flags & NETDIAG_F_NO_STACK) && !nd_stack_capture(&ev->stack))
		nd_stat_inc(s, ND_ST_STACK_FAILED);
	nd_event_commit(&d->events);
out:
	local_irq_restore(flags);
}

static void nd_drop_hit(struct nd_sub *sub, const struct nd_hit *hit)
{
	struct nd_session *s = sub->s;
	struct nd_drop *d = s->priv;
	struct sk_buff *skb = hit->skb;
	struct nd_stack_key stk;
	struct nd_drop_key key;
	struct nd_pkt pkt;
	u32 stack_id = 0;

	if (unlikely(READ_ONCE(s->paused)) || !skb)
		return;
#ifdef ND_HAVE_SKB_CONSUMED
	if (hit->has_reason && hit->reason == SKB_CONSUMED)
		return;		/* a kprobe fallback also sees normal frees */
#endif
	nd_stat_inc(s, ND_ST_SEEN);
	if (!nd_filter_dev(&s->filter, READ_ONCE(skb->dev)))
		return;
	if (nd_pkt_parse(skb, &pkt))
		nd_stat_inc(s, ND_ST_PARSE_ERRORS);
	if (!nd_filter_pkt(&s->filter, &pkt))
		return;
	if (!(s->flags & NETDIAG_F_INCLUDE_NORMAL) &&
	    nd_normal_free(hit->location, hit->has_reason, hit->reason, &pkt)) {
		nd_stat_inc(s, ND_ST_NORMAL_FREES);
		return;
	}
	nd_stat_inc(s, ND_ST_MATCHED);

	if (d->watch) {
		nd_drop_watch_hit(s, d, &pkt, hit);
		return;
	}
	if ((s->group_by & NETDIAG_KEY_STACK) &&
	    !(s->flags & NETDIAG_F_NO_STACK)) {
		if (nd_stack_capture(&stk))
			stack_id = nd_stacks_intern(&d->stacks, &stk);
		else
			nd_stat_inc(s, ND_ST_STACK_FAILED);
	}
	nd_drop_key_fill(&key, s, &pkt, hit, stack_id);
	nd_table_upsert(&d->table, &key, nd_table_hash(&key, sizeof(key)),
			nd_drop_inc, NULL);
}

/* ---- event channel ---- */

static int nd_put_stack(struct sk_buff *msg, u32 id,
			const struct nd_stack_key *k)
{
	struct nlattr *nest = nla_nest_start(msg, NETDIAG_A_STACK);
	unsigned int i;

	if (!nest)
		return -EMSGSIZE;
	if (id && nla_put_u32(msg, NETDIAG_STACK_A_ID, id))
		goto fail;
	for (i = 0; i < k->nr && i < ND_STACK_DEPTH; i++)
		if (nd_put_sym(msg, NETDIAG_STACK_A_FRAME, k->ip[i]))
			goto fail;
	nla_nest_end(msg, nest);
	return 0;
fail:
	nla_nest_cancel(msg, nest);
	return -EMSGSIZE;
}

static int nd_drop_fill_event(struct nd_session *s, struct sk_buff *msg,
			      const struct nd_event *ev, u64 seq)
{
	struct nd_drop *d = s->priv;
	struct nlattr *nest;

	if (nla_put_u32(msg, NETDIAG_A_SESSION_ID, s->id) ||
	    nla_put_u64_64bit(msg, NETDIAG_A_SEQ, seq, NETDIAG_A_PAD) ||
	    nla_put_u64_64bit(msg, NETDIAG_A_TIMESTAMP, ev->ts, NETDIAG_A_PAD) ||
	    nla_put_u32(msg, NETDIAG_A_CPU, ev->cpu) ||
	    nla_put_u32(msg, NETDIAG_A_PID, ev->pid) ||
	    nla_put_u32(msg, NETDIAG_A_TGID, ev->tgid) ||
	    nla_put_string(msg, NETDIAG_A_COMM, ev->comm))
		return -EMSGSIZE;
	nest = nla_nest_start(msg, NETDIAG_A_DROP);
	if (!nest ||
	    nla_put_u64_64bit(msg, NETDIAG_DROP_A_COUNT, 1, NETDIAG_DROP_A_PAD) ||
	    nd_drop_put_reason(msg, ev->reason) ||
	    (ev->location &&
	     nd_put_sym(msg, NETDIAG_DROP_A_LOCATION, ev->location)) ||
	    nd_genl_put_pkt(msg, NETDIAG_DROP_A_PKT, &ev->pkt, true))
		return -EMSGSIZE;
	nla_nest_end(msg, nest);
	if (ev->stack.nr && nd_put_stack(msg, 0, &ev->stack))
		return -EMSGSIZE;
	nest = nla_nest_start(msg, NETDIAG_A_STATS);
	if (!nest ||
	    nla_put_u64_64bit(msg, NETDIAG_STAT_A_EVENTS_SUPPRESSED,
			      atomic64_read(&d->events.suppressed),
			      NETDIAG_STAT_A_PAD) ||
	    nla_put_u64_64bit(msg, NETDIAG_STAT_A_EVENTS_LOST,
			      nd_stat_sum(s, ND_ST_EVENTS_LOST),
			      NETDIAG_STAT_A_PAD) ||
	    nla_put_u64_64bit(msg, NETDIAG_STAT_A_EVENTS_UNDELIVERED,
			      atomic64_read(&d->events.undelivered),
			      NETDIAG_STAT_A_PAD))
		return -EMSGSIZE;
	nla_nest_end(msg, nest);
	return 0;
}

/* ---- session lifecycle ---- */

static int nd_drop_create(struct nd_session *s, struct nlattr **attrs,
			  struct netlink_ext_ack *extack)
{
	bool watch = s->kind == NETDIAG_KIND_DROP_WATCH;
	struct nd_drop *d;
	size_t need;
	int err;

	if (attrs[NETDIAG_A_POINTS]) {
		NL_SET_ERR_MSG_ATTR(extack, attrs[NETDIAG_A_POINTS],
				    "drop sessions use skb:kfree_skb; points are for count sessions");
		return -EINVAL;
	}
	if (s->max_entries < 64 || s->max_entries > 1048576) {
		NL_SET_ERR_MSG_ATTR(extack, attrs[NETDIAG_A_MAX_ENTRIES],
				    "max entries must be 64..1048576");
		return -ERANGE;
	}
	if (s->max_stacks < 16 || s->max_stacks > 65536) {
		NL_SET_ERR_MSG_ATTR(extack, attrs[NETDIAG_A_MAX_STACKS],
				    "max stacks must be 16..65536");
		return -ERANGE;
	}
	if (s->event_rate < 1 || s->event_rate > 100000) {
		NL_SET_ERR_MSG_ATTR(extack, attrs[NETDIAG_A_EVENT_RATE],
				    "event rate must be 1..100000 per second");
		return -ERANGE;
	}
	need = sizeof(*d) + (watch ? nd_events_mem() :
		nd_table_mem(s->max_entries, sizeof(struct nd_drop_key),
			     sizeof(struct nd_drop_val)) +
		nd_stacks_mem(s->max_stacks));
	err = nd_session_reserve(s, need, extack);
	if (err)
		return err;
	d = kzalloc(sizeof(*d), GFP_KERNEL);
	if (!d)
		return -ENOMEM;
	d->watch = watch;
	atomic64_set(&d->evicted_count, 0);
	if (watch) {
		err = nd_events_init(&d->events, s, s->event_rate,
				     nd_drop_fill_event);
	} else {
		err = nd_table_init(&d->table, s->max_entries,
				    sizeof(struct nd_drop_key),
				    sizeof(struct nd_drop_val), false);
		if (!err) {
			d->table.owner = d;
			d->table.on_evict = nd_drop_evicted;
			err = nd_stacks_init(&d->stacks, s->max_stacks);
		}
	}
	s->priv = d;
	if (err)
		return err;	/* destroy frees what was made */
	s->subs[0].pt = nd_catalog_find("skb:kfree_skb");
	s->subs[0].fn = nd_drop_hit;
	s->subs[0].required = true;
	s->nsubs = 1;
	if (watch)
		nd_events_start(&d->events);
	return 0;
}

static void nd_drop_stop(struct nd_session *s)
{
	struct nd_drop *d = s->priv;

	if (d->watch)
		nd_events_stop(&d->events);
}

static void nd_drop_destroy(struct nd_session *s)
{
	struct nd_drop *d = s->priv;

	if (d->watch) {
		nd_events_stop(&d->events);
		nd_events_free(&d->events);
	} else {
		nd_table_free(&d->table);
		nd_stacks_free(&d->stacks);
	}
	kfree(d);
	s->priv = NULL;
}

static void nd_drop_reset(struct nd_session *s)
{
	struct nd_drop *d = s->priv;

	if (d->watch) {
		nd_events_reset(&d->events);
		return;
	}
	nd_table_clear(&d->table);
	nd_table_clear(&d->stacks.t);
	atomic64_set(&d->evicted_count, 0);
}

static int nd_put_stat(struct sk_buff *msg, int attr, u64 v)
{
	return nla_put_u64_64bit(msg, attr, v, NETDIAG_STAT_A_PAD);
}

static int nd_drop_fill_stats(struct nd_session *s, struct sk_buff *msg)
{
	struct nd_drop *d = s->priv;

	if (d->watch)
		return nd_put_stat(msg, NETDIAG_STAT_A_EVENTS_SENT,
				   atomic64_read(&d->events.sent)) ||
		       nd_put_stat(msg, NETDIAG_STAT_A_EVENTS_SUPPRESSED,
				   atomic64_read(&d->events.suppressed)) ||
		       nd_put_stat(msg, NETDIAG_STAT_A_EVENTS_UNDELIVERED,
				   atomic64_read(&d->events.undelivered)) ?
		       -EMSGSIZE : 0;
	return nd_put_stat(msg, NETDIAG_STAT_A_ENTRIES,
			   atomic_read(&d->table.count)) ||
	       nd_put_stat(msg, NETDIAG_STAT_A_EVICTED,
			   atomic64_read(&d->table.evicted)) ||
	       nd_put_stat(msg, NETDIAG_STAT_A_EVICTED_COUNT,
			   atomic64_read(&d->evicted_count)) ||
	       nd_put_stat(msg, NETDIAG_STAT_A_STACKS,
			   nd_stacks_count(&d->stacks)) ||
	       nd_put_stat(msg, NETDIAG_STAT_A_STACK_FULL,
			   atomic64_read(&d->stacks.t.full)) ? -EMSGSIZE : 0;
}

/* ---- dumps ---- */

static void nd_drop_key_to_pkt(const struct nd_drop_key *k, struct nd_pkt *p)
{
	memset(p, 0, sizeof(*p));
	memcpy(p->ifname, k->ifname, sizeof(p->ifname));
	p->family = k->family;
	p->l4_proto = k->l4_proto;
	p->eth_proto = k->eth_proto;
	p->sport = k->sport;
	p->dport = k->dport;
	if (k->sport || k->dport)
		p->flags |= ND_PKT_HAS_PORTS;
	memcpy(p->saddr, k->saddr, 16);
	memcpy(p->daddr, k->daddr, 16);
}

static void nd_drop_sub(void *val, bool created, void *arg)
{
	struct nd_drop_val *v = val;
	u64 n = *(u64 *)arg;

	v->count -= min(v->count, n);
}

static int nd_drop_put_entry(struct sk_buff *msg, const struct nd_drop_key *k,
			     const struct nd_drop_val *v)
{
	struct nlattr *nest = nla_nest_start(msg, NETDIAG_A_DROP);
	struct nd_pkt p;

	if (!nest)
		return -EMSGSIZE;
	nd_drop_key_to_pkt(k, &p);
	if (nla_put_u64_64bit(msg, NETDIAG_DROP_A_COUNT, v->count,
			      NETDIAG_DROP_A_PAD) ||
	    nla_put_u64_64bit(msg, NETDIAG_DROP_A_TOTAL, v->total,
			      NETDIAG_DROP_A_PAD) ||
	    nla_put_u32(msg, NETDIAG_DROP_A_STACK_ID, k->stack_id) ||
	    nd_drop_put_reason(msg, k->reason) ||
	    (k->location && nd_put_sym(msg, NETDIAG_DROP_A_LOCATION, k->location)) ||
	    nd_genl_put_pkt(msg, NETDIAG_DROP_A_PKT, &p, false)) {
		nla_nest_cancel(msg, nest);
		return -EMSGSIZE;
	}
	nla_nest_end(msg, nest);
	return 0;
}

int nd_drop_dump(struct nd_session *s, struct sk_buff *msg,
		 struct netlink_callback *cb, bool clear)
{
	struct nd_drop *d = s->priv;
	struct nd_drop_key k;
	struct nd_drop_val v;
	u32 slot;

	if (d->watch)
		return 0;
	for (slot = cb->args[1]; slot < nd_table_slots(&d->table); slot++) {
		void *hdr;

		if (!nd_table_read(&d->table, slot, &k, &v))
			continue;
		hdr = nd_genl_dump_put(msg, cb, NETDIAG_CMD_DROP_GET);
		if (!hdr)
			break;
		if (nla_put_u32(msg, NETDIAG_A_SESSION_ID, s->id) ||
		    nd_drop_put_entry(msg, &k, &v)) {
			genlmsg_cancel(msg, hdr);
			break;
		}
		genlmsg_end(msg, hdr);
		if (clear && v.count)
			nd_table_apply(&d->table, slot, &k, nd_drop_sub, &v.count);
	}
	cb->args[1] = slot;
	return msg->len;
}

int nd_stack_dump(struct nd_session *s, struct sk_buff *msg,
		  struct netlink_callback *cb)
{
	struct nd_drop *d = s->priv;
	struct nd_stack_key k;
	u32 slot;

	if (d->watch)
		return 0;
	for (slot = cb->args[1]; slot < nd_table_slots(&d->stacks.t); slot++) {
		void *hdr;

		if (!nd_stacks_lookup(&d->stacks, slot + 1, &k))
			continue;
		hdr = nd_genl_dump_put(msg, cb, NETDIAG_CMD_STACK_GET);
		if (!hdr)
			break;
		if (nla_put_u32(msg, NETDIAG_A_SESSION_ID, s->id) ||
		    nd_put_stack(msg, slot + 1, &k)) {
			genlmsg_cancel(msg, hdr);
			break;
		}
		genlmsg_end(msg, hdr);
	}
	cb->args[1] = slot;
	return msg->len;
}

/* ---- debugfs: the top-N table a person can read with cat ---- */

struct nd_drop_row {
	struct nd_drop_key k;
	struct nd_drop_val v;
};

static int nd_row_cmp(const void *a, const void *b)
{
	const struct nd_drop_row *x = a, *y = b;

	if (x->v.total != y->v.total)
		return x->v.total < y->v.total ? 1 : -1;
	return 0;
}

#define ND_SHOW_TOP 20

static void nd_drop_show(struct nd_session *s, struct seq_file *m)
{
	struct nd_drop *d = s->priv;
	struct nd_drop_row *rows;
	struct nd_stack_key stk;
	u32 slot, n = 0, i, j;

	if (d->watch) {
		seq_printf(m, "events sent %llu, suppressed (rate %u/s) %llu, lost (ring full) %llu, undelivered %llu\n",
			   atomic64_read(&d->events.sent), s->event_rate,
			   atomic64_read(&d->events.suppressed),
			   nd_stat_sum(s, ND_ST_EVENTS_LOST),
			   atomic64_read(&d->events.undelivered));
		return;
	}
	seq_printf(m, "entries %d/%u, evicted %llu (holding %llu drops), stacks %u/%u, stack table full %llu\n",
		   atomic_read(&d->table.count), nd_table_slots(&d->table),
		   atomic64_read(&d->table.evicted),
		   atomic64_read(&d->evicted_count),
		   nd_stacks_count(&d->stacks), nd_table_slots(&d->stacks.t),
		   atomic64_read(&d->stacks.t.full));
	rows = nd_zalloc_big(sizeof(*rows) * (size_t)nd_table_slots(&d->table));
	if (!rows) {
		seq_puts(m, "(no memory to sort the table)\n");
		return;
	}
	for (slot = 0; slot < nd_table_slots(&d->table); slot++)
		if (nd_table_read(&d->table, slot, &rows[n].k, &rows[n].v))
			n++;
	sort(rows, n, sizeof(*rows), nd_row_cmp, NULL);
	seq_printf(m, "\ntop %u of %u drop sites:\n", min_t(u32, n, ND_SHOW_TOP), n);
	for (i = 0; i < n && i < ND_SHOW_TOP; i++) {
		const struct nd_drop_key *k = &rows[i].k;
		const char *rname = nd_drop_reason_name(k->reason);

		seq_printf(m, "#%u total %llu (interval %llu) dev %s reason %s",
			   i + 1, rows[i].v.total, rows[i].v.count,
			   k->ifname[0] ? k->ifname : "-", rname ? rname : "-");
		if (k->family == AF_INET)
			seq_printf(m, " flow %pI4:%u -> %pI4:%u proto %u",
				   k->saddr, k->sport, k->daddr, k->dport,
				   k->l4_proto);
		else if (k->family == AF_INET6)
			seq_printf(m, " flow [%pI6c]:%u -> [%pI6c]:%u proto %u",
				   k->saddr, k->sport, k->daddr, k->dport,
				   k->l4_proto);
		else if (k->eth_proto)
			seq_printf(m, " ethertype 0x%04x", k->eth_proto);
		seq_putc(m, '\n');
		if (k->location)
			seq_printf(m, "    at %pS\n", (void *)k->location);
		if (k->stack_id && nd_stacks_lookup(&d->stacks, k->stack_id, &stk))
			for (j = 0; j < stk.nr; j++)
				seq_printf(m, "      %pS\n", (void *)stk.ip[j]);
	}
	nd_free_big(rows);
}

const struct nd_engine nd_engine_drop_stats = {
	.name = "drop-stats",
	.kind = NETDIAG_KIND_DROP_STATS,
	.create = nd_drop_create,
	.stop = nd_drop_stop,
	.destroy = nd_drop_destroy,
	.reset = nd_drop_reset,
	.fill_stats = nd_drop_fill_stats,
	.show = nd_drop_show,
};

const struct nd_engine nd_engine_drop_watch = {
	.name = "drop-watch",
	.kind = NETDIAG_KIND_DROP_WATCH,
	.create = nd_drop_create,
	.stop = nd_drop_stop,
	.destroy = nd_drop_destroy,
	.reset = nd_drop_reset,
	.fill_stats = nd_drop_fill_stats,
	.show = nd_drop_show,
};
