// SPDX-License-Identifier: GPL-2.0
/*
 * /sys/kernel/debug/netdiag/ (root only, 0400):
 *   version          module version and kernel release
 *   probes           every catalog point: hook, state, users, hits, missed
 *   sessions/<id>/summary   counters and the engine's table, for cat
 */
#include <linux/debugfs.h>
#include <linux/seq_file.h>
#include <linux/utsname.h>
#include "netdiag.h"

static struct dentry *nd_dbg_root;
static struct dentry *nd_dbg_sessions;

static int nd_dbg_version_show(struct seq_file *m, void *v)
{
	seq_printf(m, "netdiag %s on %s\nsessions %u memory %zu bytes (limit %lu)\n",
		   ND_VERSION, init_utsname()->release, nd_session_count(),
		   nd_session_mem_total(), nd_mem_limit);
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(nd_dbg_version);

static const char *nd_hook_str(struct nd_point *pt)
{
	static const char *const n[] = { "-", "tracepoint", "kprobe",
					 "kretprobe", "ftrace" };
	int d = pt->active >= 0 ? pt->active : pt->last;
	u8 k = d >= 0 ? pt->defs[d].kind : 0;

	return k < ARRAY_SIZE(n) ? n[k] : "?";
}

static int nd_dbg_probes_show(struct seq_file *m, void *v)
{
	unsigned int i;

	seq_printf(m, "%-30s %-12s %-10s %-24s %5s %12s %8s\n", "POINT", "MODULE",
		   "HOOK", "TARGET", "USERS", "HITS", "MISSED");
	for (i = 0; i < nd_catalog_count(); i++) {
		struct nd_point *pt = nd_catalog_get(i);

		nd_point_refresh(pt);
		mutex_lock(&nd_probe_mutex);
		seq_printf(m, "%-30s %-12s %-10s %-24s %5u %12llu %8llu %s%s%s\n",
			   pt->name, pt->module ? pt->module : "vmlinux",
			   nd_hook_str(pt),
			   pt->symbol[0] ? pt->symbol : pt->defs[0].target,
			   pt->nsubs, nd_point_hits(pt), nd_point_missed(pt),
			   nd_probe_state_name(pt->state),
			   pt->why[0] && pt->state != NETDIAG_PROBE_ATTACHED ?
			   ": " : "",
			   pt->why[0] && pt->state != NETDIAG_PROBE_ATTACHED ?
			   pt->why : "");
		mutex_unlock(&nd_probe_mutex);
	}
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(nd_dbg_probes);

static int nd_dbg_summary_show(struct seq_file *m, void *v)
{
	nd_session_show(m->private, m);
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(nd_dbg_summary);

void nd_debugfs_session_add(struct nd_session *s)
{
	char name[16];

	if (IS_ERR_OR_NULL(nd_dbg_sessions))
		return;
	snprintf(name, sizeof(name), "%u", s->id);
	s->dir = debugfs_create_dir(name, nd_dbg_sessions);
	if (IS_ERR_OR_NULL(s->dir))
		return;
	debugfs_create_file("summary", 0400, s->dir, s, &nd_dbg_summary_fops);
}

/* debugfs_remove waits for readers in progress (file proxies) */
void nd_debugfs_session_del(struct nd_session *s)
{
	debugfs_remove_recursive(s->dir);
	s->dir = NULL;
}

int nd_debugfs_init(void)
{
	nd_dbg_root = debugfs_create_dir("netdiag", NULL);
	if (IS_ERR_OR_NULL(nd_dbg_root))
		return 0;	/* no debugfs: netlink still works */
	debugfs_create_file("version", 0400, nd_dbg_root, NULL,
			    &nd_dbg_version_fops);
	debugfs_create_file("probes", 0400, nd_dbg_root, NULL,
			    &nd_dbg_probes_fops);
	nd_dbg_sessions = debugfs_create_dir("sessions", nd_dbg_root);
	return 0;
}

void nd_debugfs_exit(void)
{
	debugfs_remove_recursive(nd_dbg_root);
	nd_dbg_root = NULL;
}
