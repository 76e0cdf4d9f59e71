// SPDX-License-Identifier: GPL-2.0
/*
 * Tracepoints by name. Most net tracepoints are not exported to modules, so
 * vmlinux ones are found with for_each_kernel_tracepoint(); the tracepoints
 * of modules (openvswitch, kvm, ...) are found through the tracepoint module
 * notifier, which also replays the modules already loaded.
 */
#include <linux/module.h>
#include <linux/tracepoint.h>
#include <linux/slab.h>
#include "netdiag.h"

struct nd_tp_mod {
	struct list_head node;
	struct module *mod;
};

static LIST_HEAD(nd_tp_mods);
static DEFINE_MUTEX(nd_tp_lock);

struct nd_tp_search {
	const char *name;
	struct tracepoint *found;
};

static void nd_tp_match(struct tracepoint *tp, void *priv)
{
	struct nd_tp_search *s = priv;

	if (!s->found && !strcmp(tp->name, s->name))
		s->found = tp;
}

struct tracepoint *nd_tp_find(const char *name, const char *module)
{
	struct nd_tp_search s = { .name = name };
	struct nd_tp_mod *m;

	if (!module) {
		for_each_kernel_tracepoint(nd_tp_match, &s);
		return s.found;
	}
	mutex_lock(&nd_tp_lock);
	list_for_each_entry(m, &nd_tp_mods, node) {
		unsigned int i;

		if (strcmp(m->mod->name, module))
			continue;
		for (i = 0; i < m->mod->num_tracepoints; i++)
			nd_tp_match(nd_tp_deref(m->mod->tracepoints_ptrs + i),
				    &s);
	}
	mutex_unlock(&nd_tp_lock);
	return s.found;
}

static int nd_tp_module_event(struct notifier_block *nb, unsigned long val,
			      void *data)
{
	struct tp_module *tpm = data;
	struct nd_tp_mod *m, *tmp;

	/* our probes must be off the module's tracepoints before the
	 * tracepoint core checks them, right after this notification */
	if (val == MODULE_STATE_GOING)
		nd_probe_module_going(tpm->mod->name);
	mutex_lock(&nd_tp_lock);
	if (val == MODULE_STATE_COMING) {
		m = kzalloc(sizeof(*m), GFP_KERNEL);
		if (m) {
			m->mod = tpm->mod;
			list_add(&m->node, &nd_tp_mods);
		}
	} else if (val == MODULE_STATE_GOING) {
		list_for_each_entry_safe(m, tmp, &nd_tp_mods, node) {
			if (m->mod == tpm->mod) {
				list_del(&m->node);
				kfree(m);
			}
		}
	}
	mutex_unlock(&nd_tp_lock);
	return NOTIFY_OK;
}

static struct notifier_block nd_tp_nb = {
	.notifier_call = nd_tp_module_event,
};

int nd_tp_init(void)
{
	return register_tracepoint_module_notifier(&nd_tp_nb);
}

void nd_tp_exit(void)
{
	struct nd_tp_mod *m, *tmp;

	unregister_tracepoint_module_notifier(&nd_tp_nb);
	list_for_each_entry_safe(m, tmp, &nd_tp_mods, node) {
		list_del(&m->node);
		kfree(m);
	}
}
