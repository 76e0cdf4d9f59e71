// SPDX-License-Identifier: GPL-2.0
/*
 * Sessions: a kind (engine) + a filter + probe subscriptions + aggregation
 * state. Created and destroyed over genl; the registry is guarded by one
 * mutex on the control path only (handlers never take it).
 *
 * Teardown order: unsubscribe (hooks disarmed by the last user), wait for
 * running handlers, stop the event work, remove debugfs, then free when the
 * last reference (a dump in progress) goes.
 */
#include <linux/idr.h>
#include <linux/slab.h>
#include <linux/sched/clock.h>
#include <linux/notifier.h>
#include <linux/netlink.h>
#include <linux/workqueue.h>
#include <linux/seq_file.h>
#include <linux/math64.h>
#include <net/net_namespace.h>
#include "netdiag.h"

DEFINE_MUTEX(nd_sessions_lock);
LIST_HEAD(nd_sessions);
static DEFINE_IDR(nd_session_ids);
static unsigned int nd_nsessions;
static size_t nd_mem_used;

static const struct nd_engine *const nd_engines[] = {
	&nd_engine_drop_stats,
	&nd_engine_drop_watch,
	&nd_engine_count,
};

static const struct nd_engine *nd_engine_find(u32 kind)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(nd_engines); i++)
		if (nd_engines[i]->kind == kind)
			return nd_engines[i];
	return NULL;
}

u64 nd_stat_sum(struct nd_session *s, enum nd_stat st)
{
	u64 sum = 0;
	int cpu;

	for_each_possible_cpu(cpu)
		sum += per_cpu_ptr(s->stats, cpu)->v[st];
	return sum;
}

unsigned int nd_session_count(void)
{
	return READ_ONCE(nd_nsessions);
}

size_t nd_session_mem_total(void)
{
	return READ_ONCE(nd_mem_used);
}

static void nd_session_free(struct nd_session *s)
{
	if (s->eng && s->priv)
		s->eng->destroy(s);
	free_percpu(s->stats);
	kfree(s);
}

void nd_session_put(struct nd_session *s)
{
	if (refcount_dec_and_test(&s->ref))
		nd_session_free(s);
}

struct nd_session *nd_session_get(u32 id)
{
	struct nd_session *s;

	mutex_lock(&nd_sessions_lock);
	s = idr_find(&nd_session_ids, id);
	if (s)
		refcount_inc(&s->ref);
	mutex_unlock(&nd_sessions_lock);
	return s;
}

static void nd_session_unsubscribe(struct nd_session *s)
{
	unsigned int i;

	for (i = 0; i < s->nsubs; i++) {
		if (s->subs[i].linked) {
			nd_probe_unsubscribe(&s->subs[i]);
			s->subs[i].linked = false;
		}
	}
	nd_probe_sync();
}

/* Caller holds nd_sessions_lock; s is already out of the registry. */
static void nd_session_teardown(struct nd_session *s)
{
	nd_session_unsubscribe(s);
	if (s->eng->stop)
		s->eng->stop(s);	/* no event is sent after this */
	nd_debugfs_session_del(s);
	nd_mem_used -= s->mem_bytes;
	nd_nsessions--;
	nd_session_put(s);
}

static int nd_session_limits(struct nd_session *s, struct nlattr **attrs,
			     struct netlink_ext_ack *extack)
{
	s->max_entries = 10240;
	s->max_stacks = 1024;
	s->event_rate = 1000;
	s->group_by = __NETDIAG_KEY_ALL;

	if (attrs[NETDIAG_A_FLAGS]) {
		s->flags = nla_get_u32(attrs[NETDIAG_A_FLAGS]);
		if (s->flags & ~__NETDIAG_F_ALL) {
			NL_SET_ERR_MSG_ATTR(extack, attrs[NETDIAG_A_FLAGS],
					    "unknown session flags");
			return -EINVAL;
		}
	}
	if (attrs[NETDIAG_A_GROUP_BY]) {
		s->group_by = nla_get_u32(attrs[NETDIAG_A_GROUP_BY]);
		if (!s->group_by || (s->group_by & ~__NETDIAG_KEY_ALL)) {
			NL_SET_ERR_MSG_ATTR(extack, attrs[NETDIAG_A_GROUP_BY],
					    "group-by must name stack, flow, dev and/or reason");
			return -EINVAL;
		}
	}
	if (attrs[NETDIAG_A_MAX_ENTRIES])
		s->max_entries = nla_get_u32(attrs[NETDIAG_A_MAX_ENTRIES]);
	if (attrs[NETDIAG_A_MAX_STACKS])
		s->max_stacks = nla_get_u32(attrs[NETDIAG_A_MAX_STACKS]);
	if (attrs[NETDIAG_A_EVENT_RATE])
		s->event_rate = nla_get_u32(attrs[NETDIAG_A_EVENT_RATE]);
	return 0;
}

/* Engines call this before allocating: memory is fixed at creation. */
int nd_session_reserve(struct nd_session *s, size_t bytes,
		       struct netlink_ext_ack *extack)
{
	if (nd_mem_used + s->mem_bytes + bytes > nd_mem_limit) {
		nd_extack_fmt(extack,
			      "session needs %zu KiB, only %zu KiB left under mem_limit_kb=%lu",
			      (s->mem_bytes + bytes) >> 10,
			      (nd_mem_limit - min(nd_mem_limit, nd_mem_used)) >> 10,
			      nd_mem_limit >> 10);
		return -ENOSPC;
	}
	s->mem_bytes += bytes;
	return 0;
}

struct nd_session *nd_session_create(struct nlattr **attrs, u32 portid,
				     struct netlink_ext_ack *extack)
{
	struct nd_session *s;
	unsigned int i;
	int err, id;

	s = kzalloc(sizeof(*s), GFP_KERNEL);
	if (!s)
		return ERR_PTR(-ENOMEM);
	refcount_set(&s->ref, 1);
	INIT_LIST_HEAD(&s->node);
	s->kind = nla_get_u32(attrs[NETDIAG_A_KIND]);
	s->eng = nd_engine_find(s->kind);
	if (!s->eng) {
		NL_SET_ERR_MSG_ATTR(extack, attrs[NETDIAG_A_KIND],
				    "unknown session kind");
		kfree(s);
		return ERR_PTR(-EINVAL);
	}
	err = nd_session_limits(s, attrs, extack);
	if (err)
		goto err_free;
	if (attrs[NETDIAG_A_FILTER]) {
		err = nd_genl_parse_filter(attrs[NETDIAG_A_FILTER], &s->filter,
					   extack);
		if (err)
			goto err_free;
	}
	s->owner_portid = (s->flags & NETDIAG_F_DETACH) ? 0 : portid;
	s->created_ns = nd_now_ns();
	s->stats = alloc_percpu(struct nd_pcpu_stats);
	if (!s->stats) {
		err = -ENOMEM;
		goto err_free;
	}

	mutex_lock(&nd_sessions_lock);
	if (nd_nsessions >= ND_MAX_SESSIONS) {
		nd_extack_fmt(extack, "too many sessions (limit %d)",
			      ND_MAX_SESSIONS);
		err = -ENOSPC;
		goto err_unlock;
	}
	s->mem_bytes = sizeof(*s) +
		       sizeof(struct nd_pcpu_stats) * num_possible_cpus();
	err = s->eng->create(s, attrs, extack);
	if (err)
		goto err_unlock;
	id = idr_alloc(&nd_session_ids, s, 1, INT_MAX, GFP_KERNEL);
	if (id < 0) {
		err = id;
		goto err_unlock;
	}
	s->id = id;
	for (i = 0; i < s->nsubs; i++) {
		struct nd_sub *sub = &s->subs[i];

		sub->s = s;
		err = nd_probe_subscribe(sub, sub->required, extack);
		if (!err)
			sub->linked = true;
		else if (sub->required)
			goto err_unsub;
	}
	/* an optional point that failed left a message; that is not fatal */
	list_add_tail(&s->node, &nd_sessions);
	nd_nsessions++;
	nd_mem_used += s->mem_bytes;
	nd_debugfs_session_add(s);
	mutex_unlock(&nd_sessions_lock);
	return s;

err_unsub:
	nd_session_unsubscribe(s);
	idr_remove(&nd_session_ids, s->id);
err_unlock:
	mutex_unlock(&nd_sessions_lock);
err_free:
	nd_session_put(s);
	return ERR_PTR(err);
}

/* The live session with the smallest id >= *id, referenced; or NULL. */
struct nd_session *nd_session_get_next(u32 *id)
{
	struct nd_session *s;
	int i = *id;

	mutex_lock(&nd_sessions_lock);
	s = idr_get_next(&nd_session_ids, &i);
	if (s) {
		refcount_inc(&s->ref);
		*id = i;
	}
	mutex_unlock(&nd_sessions_lock);
	return s;
}

int nd_session_destroy_id(u32 id, struct netlink_ext_ack *extack)
{
	struct nd_session *s;

	mutex_lock(&nd_sessions_lock);
	s = idr_find(&nd_session_ids, id);
	if (!s) {
		mutex_unlock(&nd_sessions_lock);
		nd_extack_fmt(extack, "no session with id %u", id);
		return -ENOENT;
	}
	idr_remove(&nd_session_ids, id);
	list_del(&s->node);
	nd_session_teardown(s);
	mutex_unlock(&nd_sessions_lock);
	return 0;
}

void nd_session_destroy_all(void)
{
	struct nd_session *s, *tmp;

	mutex_lock(&nd_sessions_lock);
	list_for_each_entry_safe(s, tmp, &nd_sessions, node) {
		idr_remove(&nd_session_ids, s->id);
		list_del(&s->node);
		nd_session_teardown(s);
	}
	mutex_unlock(&nd_sessions_lock);
}

int nd_session_reset(struct nd_session *s)
{
	int cpu;

	mutex_lock(&nd_sessions_lock);
	WRITE_ONCE(s->paused, 1);
	nd_probe_sync();
	if (s->eng->reset)
		s->eng->reset(s);
	for_each_possible_cpu(cpu)
		memset(per_cpu_ptr(s->stats, cpu), 0, sizeof(*s->stats));
	smp_wmb();
	WRITE_ONCE(s->paused, 0);
	mutex_unlock(&nd_sessions_lock);
	return 0;
}

/* ---- sessions owned by a netlink socket die with it ---- */

struct nd_release {
	struct list_head node;
	u32 portid;
};

static LIST_HEAD(nd_release_list);
static DEFINE_SPINLOCK(nd_release_lock);

static void nd_release_work_fn(struct work_struct *w)
{
	struct nd_release *r, *tmp;
	struct nd_session *s, *stmp;
	LIST_HEAD(todo);

	spin_lock_bh(&nd_release_lock);
	list_splice_init(&nd_release_list, &todo);
	spin_unlock_bh(&nd_release_lock);

	mutex_lock(&nd_sessions_lock);
	list_for_each_entry_safe(r, tmp, &todo, node) {
		list_for_each_entry_safe(s, stmp, &nd_sessions, node) {
			if (!s->owner_portid || s->owner_portid != r->portid)
				continue;
			idr_remove(&nd_session_ids, s->id);
			list_del(&s->node);
			nd_session_teardown(s);
		}
		list_del(&r->node);
		kfree(r);
	}
	mutex_unlock(&nd_sessions_lock);
}

static DECLARE_WORK(nd_release_work, nd_release_work_fn);

static int nd_netlink_event(struct notifier_block *nb, unsigned long event,
			    void *ptr)
{
	struct netlink_notify *n = ptr;
	struct nd_release *r;

	if (event != NETLINK_URELEASE || n->protocol != NETLINK_GENERIC ||
	    !n->portid || !net_eq(n->net, &init_net))
		return NOTIFY_DONE;
	r = kmalloc(sizeof(*r), GFP_ATOMIC);
	if (!r)
		return NOTIFY_DONE;
	r->portid = n->portid;
	spin_lock_bh(&nd_release_lock);
	list_add_tail(&r->node, &nd_release_list);
	spin_unlock_bh(&nd_release_lock);
	schedule_work(&nd_release_work);
	return NOTIFY_DONE;
}

static struct notifier_block nd_netlink_nb = {
	.notifier_call = nd_netlink_event,
};

int nd_session_init(void)
{
	return netlink_register_notifier(&nd_netlink_nb);
}

void nd_session_exit(void)
{
	struct nd_release *r, *tmp;

	netlink_unregister_notifier(&nd_netlink_nb);
	flush_work(&nd_release_work);
	list_for_each_entry_safe(r, tmp, &nd_release_list, node) {
		list_del(&r->node);
		kfree(r);
	}
	idr_destroy(&nd_session_ids);
}

/* ---- describing a session (genl reply, debugfs) ---- */

static const char *const nd_stat_names[ND_ST_MAX] = {
	[ND_ST_SEEN] = "seen",
	[ND_ST_MATCHED] = "matched",
	[ND_ST_PARSE_ERRORS] = "parse_errors",
	[ND_ST_STACK_FAILED] = "stack_failed",
	[ND_ST_EVENTS_LOST] = "events_lost",
	[ND_ST_NORMAL_FREES] = "normal_frees",
};

static u64 nd_session_missed(struct nd_session *s)
{
	unsigned int i;
	u64 m = 0;

	for (i = 0; i < s->nsubs; i++)
		if (s->subs[i].linked)
			m += nd_point_missed(s->subs[i].pt);
	return m;
}

int nd_session_fill(struct nd_session *s, struct sk_buff *msg)
{
	struct nlattr *nest;
	unsigned int i;

	if (nla_put_u32(msg, NETDIAG_A_SESSION_ID, s->id) ||
	    nla_put_u32(msg, NETDIAG_A_KIND, s->kind) ||
	    nla_put_u32(msg, NETDIAG_A_FLAGS, s->flags) ||
	    nla_put_u32(msg, NETDIAG_A_GROUP_BY, s->group_by) ||
	    nla_put_u32(msg, NETDIAG_A_MAX_ENTRIES, s->max_entries) ||
	    nla_put_u32(msg, NETDIAG_A_MAX_STACKS, s->max_stacks) ||
	    nla_put_u32(msg, NETDIAG_A_EVENT_RATE, s->event_rate) ||
	    nla_put_u64_64bit(msg, NETDIAG_A_MEM_BYTES, s->mem_bytes,
			      NETDIAG_A_PAD) ||
	    nla_put_u64_64bit(msg, NETDIAG_A_AGE_MS,
			      div_u64(nd_now_ns() - s->created_ns, NSEC_PER_MSEC),
			      NETDIAG_A_PAD) ||
	    nd_genl_put_filter(msg, &s->filter))
		return -EMSGSIZE;

	nest = nla_nest_start(msg, NETDIAG_A_STATS);
	if (!nest)
		return -EMSGSIZE;
	for (i = 0; i < ND_ST_MAX; i++) {
		if (!nd_stat_names[i])
			continue;
		if (nla_put_u64_64bit(msg, i, nd_stat_sum(s, i),
				      NETDIAG_STAT_A_PAD))
			return -EMSGSIZE;
	}
	if (nla_put_u64_64bit(msg, NETDIAG_STAT_A_MISSED, nd_session_missed(s),
			      NETDIAG_STAT_A_PAD) ||
	    (s->eng->fill_stats && s->eng->fill_stats(s, msg)))
		return -EMSGSIZE;
	nla_nest_end(msg, nest);

	nest = nla_nest_start(msg, NETDIAG_A_POINTS);
	if (!nest)
		return -EMSGSIZE;
	mutex_lock(&nd_probe_mutex);
	for (i = 0; i < s->nsubs; i++) {
		bool count = s->kind == NETDIAG_KIND_COUNT;

		if (nd_genl_put_point(msg, NETDIAG_A_PROBE, s->subs[i].pt,
				      count ? nd_count_point_hits(s, i) : 0,
				      count)) {
			mutex_unlock(&nd_probe_mutex);
			return -EMSGSIZE;
		}
	}
	mutex_unlock(&nd_probe_mutex);
	nla_nest_end(msg, nest);
	return 0;
}

static const char *const nd_state_names[] = {
	[NETDIAG_PROBE_UNKNOWN] = "unknown",
	[NETDIAG_PROBE_AVAILABLE] = "available",
	[NETDIAG_PROBE_ATTACHED] = "attached",
	[NETDIAG_PROBE_WAITING] = "waiting",
	[NETDIAG_PROBE_MISSING] = "missing",
};

const char *nd_probe_state_name(u8 state)
{
	return state < ARRAY_SIZE(nd_state_names) ? nd_state_names[state] : "?";
}

void nd_session_show(struct nd_session *s, struct seq_file *m)
{
	unsigned int i;

	seq_printf(m, "session %u kind %s%s owner %u age %llu ms memory %zu bytes\n",
		   s->id, s->eng->name,
		   (s->flags & NETDIAG_F_DETACH) ? " detached" : "",
		   s->owner_portid,
		   div_u64(nd_now_ns() - s->created_ns, NSEC_PER_MSEC),
		   s->mem_bytes);
	seq_puts(m, "counters:");
	for (i = 0; i < ND_ST_MAX; i++)
		if (nd_stat_names[i])
			seq_printf(m, " %s %llu", nd_stat_names[i],
				   nd_stat_sum(s, i));
	seq_printf(m, " missed %llu\n", nd_session_missed(s));
	mutex_lock(&nd_probe_mutex);
	for (i = 0; i < s->nsubs; i++) {
		struct nd_point *pt = s->subs[i].pt;

		seq_printf(m, "probe %s: %s%s%s\n", pt->name,
			   s->subs[i].linked ? nd_probe_state_name(pt->state) :
			   "unavailable",
			   pt->why[0] && pt->state != NETDIAG_PROBE_ATTACHED ?
			   " - " : "",
			   pt->why[0] && pt->state != NETDIAG_PROBE_ATTACHED ?
			   pt->why : "");
	}
	mutex_unlock(&nd_probe_mutex);
	if (s->eng->show)
		s->eng->show(s, m);
}
