// SPDX-License-Identifier: GPL-2.0
/*
 * The probe layer: one interface over tracepoints, kprobes, kretprobes and
 * ftrace hooks. A catalog point (catalog.c) lists its hooks in order of
 * preference; the first that attaches on this kernel is used. Several
 * sessions share a point through an RCU list of subscribers; the hook is
 * armed for the first subscriber and disarmed after the last.
 *
 * Points that live in a module (openvswitch, tun, vhost_net, kvm, veth) are
 * armed when the module goes live and disarmed when it goes away; until
 * then they are "waiting".
 */
#include <linux/kprobes.h>
#include <linux/module.h>
#include <linux/namei.h>
#include <linux/utsname.h>
#include <linux/rculist.h>
#include <linux/workqueue.h>
#include "netdiag.h"

DEFINE_MUTEX(nd_probe_mutex);

struct nd_kp {
	struct kprobe kp;
	char sym[64];
	struct nd_point *pt;
	const struct nd_hookdef *def;
};

struct nd_krp {
	struct kretprobe krp;
	char sym[64];
	struct nd_point *pt;
	const struct nd_hookdef *def;
};

#ifdef ND_HAVE_FTRACE_HOOK
struct nd_ft {
	struct ftrace_ops ops;
	struct nd_point *pt;
	const struct nd_hookdef *def;
};
#endif

void nd_point_fire(struct nd_point *pt, const struct nd_hit *hit)
{
	struct nd_sub *sub;

	this_cpu_inc(*pt->hits);
	rcu_read_lock();
	list_for_each_entry_rcu(sub, &pt->subs, node)
		sub->fn(sub, hit);
	rcu_read_unlock();
}

static void nd_hit_from_regs(struct nd_hit *hit, const struct nd_hookdef *def,
			     struct pt_regs *regs)
{
	memset(hit, 0, sizeof(*hit));
	if (def->skb_arg >= 0)
		hit->skb = (struct sk_buff *)nd_regs_arg(regs, def->skb_arg);
	if (def->reason_arg >= 0) {
		hit->reason = (u32)nd_regs_arg(regs, def->reason_arg);
		hit->has_reason = true;
	}
	hit->location = nd_regs_caller(regs);
}

static int nd_kp_pre(struct kprobe *kp, struct pt_regs *regs)
{
	struct nd_kp *k = container_of(kp, struct nd_kp, kp);
	struct nd_hit hit;

	nd_hit_from_regs(&hit, k->def, regs);
	if (k->def->skb_arg < 0 || hit.skb)
		nd_point_fire(k->pt, &hit);
	return 0;
}
NOKPROBE_SYMBOL(nd_kp_pre);

/* kretprobes: the skb argument is saved at entry and handed over at return
 * (off the per-packet path only: see docs/architecture.md). */
static int nd_krp_entry(struct kretprobe_instance *ri, struct pt_regs *regs)
{
	struct nd_krp *k = container_of(get_kretprobe(ri), struct nd_krp, krp);
	unsigned long *skb = (unsigned long *)ri->data;

	*skb = k->def->skb_arg >= 0 ? nd_regs_arg(regs, k->def->skb_arg) : 0;
	return 0;
}

static int nd_krp_ret(struct kretprobe_instance *ri, struct pt_regs *regs)
{
	struct nd_krp *k = container_of(get_kretprobe(ri), struct nd_krp, krp);
	/* The skb seen at entry may be freed by now: never hand it over. */
	struct nd_hit hit = {
		.reason = (u32)regs_return_value(regs),
		.has_reason = true,
	};

	nd_point_fire(k->pt, &hit);
	return 0;
}

#ifdef ND_HAVE_FTRACE_HOOK
static void notrace nd_ft_cb(ND_FTRACE_CB_ARGS)
{
	struct nd_ft *f = container_of(op, struct nd_ft, ops);
	struct pt_regs *regs = nd_ftrace_regs(ND_FTRACE_REGS_ARG);
	struct nd_hit hit;

	if (!regs)
		return;
	preempt_disable_notrace();
	nd_hit_from_regs(&hit, f->def, regs);
	hit.location = parent_ip;
	if (f->def->skb_arg < 0 || hit.skb)
		nd_point_fire(f->pt, &hit);
	preempt_enable_notrace();
}
#endif

/* GCC clones: name, name.isra.N, name.constprop.N, name.part.N. */
static const char *const nd_clone_fmt[] = {
	"%s", "%s.isra.%d", "%s.constprop.%d", "%s.part.%d",
};
#define ND_CLONE_MAX 8

typedef int (*nd_try_fn)(struct nd_point *pt, const struct nd_hookdef *def,
			 const char *sym);

static int nd_try_names(struct nd_point *pt, const struct nd_hookdef *def,
			nd_try_fn try)
{
	char sym[sizeof(pt->symbol)];
	int f, n, err = -ENOENT;

	for (f = 0; f < ARRAY_SIZE(nd_clone_fmt); f++) {
		for (n = 0; n < (f ? ND_CLONE_MAX : 1); n++) {
			snprintf(sym, sizeof(sym), nd_clone_fmt[f],
				 def->target, n);
			err = try(pt, def, sym);
			if (!err) {
				strscpy(pt->symbol, sym, sizeof(pt->symbol));
				return 0;
			}
			if (err != -ENOENT && err != -EINVAL)
				return err;
		}
	}
	return err;
}

static int nd_try_kprobe(struct nd_point *pt, const struct nd_hookdef *def,
			 const char *sym)
{
	struct nd_kp *k = kzalloc(sizeof(*k), GFP_KERNEL);
	int err;

	if (!k)
		return -ENOMEM;
	k->pt = pt;
	k->def = def;
	strscpy(k->sym, sym, sizeof(k->sym));
	k->kp.symbol_name = k->sym;
	k->kp.pre_handler = nd_kp_pre;
	err = register_kprobe(&k->kp);
	if (err) {
		kfree(k);
		return err == -EINVAL ? -ENOENT : err;
	}
	pt->kp = &k->kp;
	return 0;
}

static int nd_try_kretprobe(struct nd_point *pt, const struct nd_hookdef *def,
			    const char *sym)
{
	struct nd_krp *k = kzalloc(sizeof(*k), GFP_KERNEL);
	int err;

	if (!k)
		return -ENOMEM;
	k->pt = pt;
	k->def = def;
	strscpy(k->sym, sym, sizeof(k->sym));
	k->krp.kp.symbol_name = k->sym;
	k->krp.entry_handler = nd_krp_entry;
	k->krp.handler = nd_krp_ret;
	k->krp.data_size = sizeof(unsigned long);
	k->krp.maxactive = 4 * num_possible_cpus();
	err = register_kretprobe(&k->krp);
	if (err) {
		kfree(k);
		return err == -EINVAL ? -ENOENT : err;
	}
	pt->krp = &k->krp;
	return 0;
}

#ifdef ND_HAVE_FTRACE_HOOK
static int nd_try_ftrace(struct nd_point *pt, const struct nd_hookdef *def,
			 const char *sym)
{
	struct nd_ft *f = kzalloc(sizeof(*f), GFP_KERNEL);
	int err;

	if (!f)
		return -ENOMEM;
	f->pt = pt;
	f->def = def;
	f->ops.func = nd_ft_cb;
	f->ops.flags = ND_FTRACE_FLAGS;
	err = ftrace_set_filter(&f->ops, (unsigned char *)sym, strlen(sym), 1);
	if (err) {
		ftrace_free_filter(&f->ops);
		kfree(f);
		return -ENOENT;
	}
	err = register_ftrace_function(&f->ops);
	if (err) {
		ftrace_free_filter(&f->ops);
		kfree(f);
		return err;
	}
	pt->fops = &f->ops;
	return 0;
}
#endif

static bool nd_module_loaded(const char *name)
{
	char path[80];
	struct path p;

	snprintf(path, sizeof(path), "/sys/module/%s/initstate", name);
	if (kern_path(path, 0, &p))
		return false;
	path_put(&p);
	return true;
}

static const char *nd_hook_name(u8 kind)
{
	switch (kind) {
	case NETDIAG_HOOK_TRACEPOINT: return "tracepoint";
	case NETDIAG_HOOK_KPROBE: return "kprobe";
	case NETDIAG_HOOK_KRETPROBE: return "kretprobe";
	case NETDIAG_HOOK_FTRACE: return "ftrace";
	}
	return "none";
}

/* Arm the first hook that works. Caller holds nd_probe_mutex. */
static int nd_point_arm(struct nd_point *pt)
{
	int i, err = -ENOENT;
	size_t off = 0;

	pt->why[0] = '\0';
	for (i = 0; i < pt->ndefs; i++) {
		const struct nd_hookdef *def = &pt->defs[i];

		switch (def->kind) {
		case NETDIAG_HOOK_TRACEPOINT:
			pt->tp = nd_tp_find(def->target, pt->module);
			if (!pt->tp) {
				err = -ENOENT;
				break;
			}
			err = tracepoint_probe_register(pt->tp, def->tp_probe, pt);
			if (err)
				pt->tp = NULL;
			else
				strscpy(pt->symbol, def->target,
					sizeof(pt->symbol));
			break;
		case NETDIAG_HOOK_KPROBE:
			err = nd_try_names(pt, def, nd_try_kprobe);
			break;
		case NETDIAG_HOOK_KRETPROBE:
			err = nd_try_names(pt, def, nd_try_kretprobe);
			break;
#ifdef ND_HAVE_FTRACE_HOOK
		case NETDIAG_HOOK_FTRACE:
			err = nd_try_names(pt, def, nd_try_ftrace);
			break;
#endif
		default:
			err = -EOPNOTSUPP;
		}
		if (!err) {
			pt->active = i;
			pt->last = i;
			pt->state = NETDIAG_PROBE_ATTACHED;
			pt->missed_base = 0;
			return 0;
		}
		if (off < sizeof(pt->why))
			off += scnprintf(pt->why + off, sizeof(pt->why) - off,
					 "%s%s %s: %s", off ? "; " : "",
					 nd_hook_name(def->kind), def->target,
					 err == -ENOENT ? "not found" :
					 "refused");
	}
	if (pt->module && !nd_module_loaded(pt->module)) {
		pt->state = NETDIAG_PROBE_WAITING;
		snprintf(pt->why, sizeof(pt->why),
			 "waiting for module %s to load", pt->module);
		return -EAGAIN;
	}
	pt->state = NETDIAG_PROBE_MISSING;
	return err;
}

/* Caller holds nd_probe_mutex and synchronizes before freeing subscribers. */
static void nd_point_disarm(struct nd_point *pt)
{
	if (pt->active < 0)
		return;
	pt->missed_base = nd_point_missed(pt);
	if (pt->tp) {
		tracepoint_probe_unregister(pt->tp,
					    pt->defs[pt->active].tp_probe, pt);
		pt->tp = NULL;
	}
	if (pt->kp) {
		unregister_kprobe(pt->kp);
		kfree(container_of(pt->kp, struct nd_kp, kp));
		pt->kp = NULL;
	}
	if (pt->krp) {
		unregister_kretprobe(pt->krp);
		kfree(container_of(pt->krp, struct nd_krp, krp));
		pt->krp = NULL;
	}
#ifdef ND_HAVE_FTRACE_HOOK
	if (pt->fops) {
		unregister_ftrace_function(pt->fops);
		ftrace_free_filter(pt->fops);
		/* freed after the caller's synchronize: see nd_probe_sync */
		synchronize_rcu();
		kfree(container_of(pt->fops, struct nd_ft, ops));
		pt->fops = NULL;
	}
#endif
	pt->active = -1;
	pt->state = NETDIAG_PROBE_AVAILABLE;
}

u64 nd_point_hits(struct nd_point *pt)
{
	u64 sum = 0;
	int cpu;

	for_each_possible_cpu(cpu)
		sum += *per_cpu_ptr(pt->hits, cpu);
	return sum;
}

u64 nd_point_missed(struct nd_point *pt)
{
	u64 m = pt->missed_base;

	if (pt->kp)
		m += pt->kp->nmissed;
	if (pt->krp)
		m += pt->krp->nmissed + pt->krp->kp.nmissed;
	return m;
}

/*
 * Work out the state of an idle point for display (probe dump, debugfs) by
 * arming and disarming it. That patches kernel text and waits for RCU, so
 * the answer is kept for ND_REFRESH_SECS; module load/unload of the point's
 * module makes it stale at once.
 */
#define ND_REFRESH_SECS 30

void nd_point_refresh(struct nd_point *pt)
{
	mutex_lock(&nd_probe_mutex);
	if (pt->active < 0 && !pt->nsubs &&
	    (pt->state == NETDIAG_PROBE_UNKNOWN ||
	     time_after(jiffies, pt->checked + ND_REFRESH_SECS * HZ))) {
		if (!nd_point_arm(pt)) {
			nd_point_disarm(pt);
			nd_synchronize_handlers();
		}
		pt->checked = jiffies;
	}
	mutex_unlock(&nd_probe_mutex);
}

int nd_probe_subscribe(struct nd_sub *sub, bool required,
		       struct netlink_ext_ack *extack)
{
	struct nd_point *pt = sub->pt;
	int err = 0;

	mutex_lock(&nd_probe_mutex);
	if (pt->active < 0) {
		err = nd_point_arm(pt);
		if (err == -EAGAIN) {
			err = 0;	/* armed when the module loads */
		} else if (err) {
			nd_extack_fmt(extack,
				      "probe point %s unavailable on kernel %s: %s",
				      pt->name, init_utsname()->release,
				      pt->why);
			if (!required)
				err = -ENOENT;
			goto out;
		}
	}
	list_add_tail_rcu(&sub->node, &pt->subs);
	pt->nsubs++;
out:
	mutex_unlock(&nd_probe_mutex);
	return err;
}

/*
 * A point whose last subscriber left stays armed (with no subscriber, a hit
 * costs one call and an empty list walk) for ND_LINGER_MS, then is disarmed
 * if nobody came back. Starting and stopping sessions in a loop then does
 * not patch kernel text (static keys, int3) on every cycle.
 */
#define ND_LINGER_MS 2000

static void nd_linger_fn(struct work_struct *w);
static DECLARE_DELAYED_WORK(nd_linger_work, nd_linger_fn);

static void nd_disarm_idle(void)
{
	bool any = false;
	unsigned int i;

	for (i = 0; i < nd_catalog_count(); i++) {
		struct nd_point *pt = nd_catalog_get(i);

		if (pt->active >= 0 && !pt->nsubs) {
			nd_point_disarm(pt);
			any = true;
		}
	}
	if (any)
		nd_synchronize_handlers();
}

static void nd_linger_fn(struct work_struct *w)
{
	mutex_lock(&nd_probe_mutex);
	nd_disarm_idle();
	mutex_unlock(&nd_probe_mutex);
}

void nd_probe_unsubscribe(struct nd_sub *sub)
{
	struct nd_point *pt = sub->pt;

	mutex_lock(&nd_probe_mutex);
	list_del_rcu(&sub->node);
	if (--pt->nsubs == 0 && pt->active >= 0)
		mod_delayed_work(system_wq, &nd_linger_work,
				 msecs_to_jiffies(ND_LINGER_MS));
	mutex_unlock(&nd_probe_mutex);
}

void nd_probe_sync(void)
{
	nd_synchronize_handlers();
}

/*
 * Disarm every point of a module that is going away. Called from the
 * tracepoint module notifier (tracepoint.c) too: the tracepoint core checks
 * right after its GOING notification that no probe is left on the module's
 * tracepoints, before the general module notifiers run.
 */
void nd_probe_module_going(const char *modname)
{
	bool synced = false;
	unsigned int i;

	mutex_lock(&nd_probe_mutex);
	for (i = 0; i < nd_catalog_count(); i++) {
		struct nd_point *pt = nd_catalog_get(i);

		if (!pt->module || strcmp(pt->module, modname))
			continue;
		if (pt->active < 0) {
			if (!pt->nsubs)
				pt->state = NETDIAG_PROBE_UNKNOWN; /* re-check */
			continue;
		}
		nd_point_disarm(pt);
		if (!synced) {
			nd_synchronize_handlers();
			synced = true;
		}
		pt->state = NETDIAG_PROBE_WAITING;
		snprintf(pt->why, sizeof(pt->why),
			 "module %s unloaded; waiting for it to load", modname);
	}
	mutex_unlock(&nd_probe_mutex);
}

static int nd_module_event(struct notifier_block *nb, unsigned long state,
			   void *data)
{
	struct module *mod = data;
	unsigned int i;

	if (state == MODULE_STATE_GOING) {
		nd_probe_module_going(mod->name);
		return NOTIFY_OK;
	}
	if (state != MODULE_STATE_LIVE)
		return NOTIFY_DONE;
	mutex_lock(&nd_probe_mutex);
	for (i = 0; i < nd_catalog_count(); i++) {
		struct nd_point *pt = nd_catalog_get(i);

		if (!pt->module || strcmp(pt->module, mod->name))
			continue;
		if (!pt->nsubs && pt->active < 0)
			pt->state = NETDIAG_PROBE_UNKNOWN;	/* re-check */
		if (pt->nsubs && pt->active < 0 && nd_point_arm(pt))
			pr_info("probe point %s not armed after module %s loaded: %s\n",
				pt->name, mod->name, pt->why);
	}
	mutex_unlock(&nd_probe_mutex);
	return NOTIFY_OK;
}

static struct notifier_block nd_module_nb = {
	.notifier_call = nd_module_event,
	/* after the kernel's own notifiers (tracepoints, ftrace) on LIVE */
	.priority = -10,
};

int nd_probe_init(void)
{
	return register_module_notifier(&nd_module_nb);
}

/* After every session is gone: nothing may stay hooked. */
void nd_probe_exit(void)
{
	unregister_module_notifier(&nd_module_nb);
	cancel_delayed_work_sync(&nd_linger_work);
	mutex_lock(&nd_probe_mutex);
	nd_disarm_idle();
	mutex_unlock(&nd_probe_mutex);
}
