// SPDX-License-Identifier: GPL-2.0
/*
 * netdiag: in-kernel network data-path diagnostics for virtualization hosts.
 * Module init/exit and parameters. Unload is safe at any moment: the genl
 * family goes first (no new requests), then every session is torn down
 * (hooks unregistered, handlers waited for), then the notifiers.
 */
#include <linux/module.h>
#include <linux/moduleparam.h>
#include "netdiag.h"

unsigned long nd_mem_limit = 256UL << 20;
static unsigned long mem_limit_kb = 256UL << 10;

static int nd_set_mem_limit(const char *val, const struct kernel_param *kp)
{
	unsigned long v;
	int err = kstrtoul(val, 0, &v);

	if (err)
		return err;
	if (v < 64 || v > (16UL << 20))
		return -ERANGE;
	mem_limit_kb = v;
	nd_mem_limit = v << 10;
	return 0;
}

static const struct kernel_param_ops nd_mem_limit_ops = {
	.set = nd_set_mem_limit,
	.get = param_get_ulong,
};
module_param_cb(mem_limit_kb, &nd_mem_limit_ops, &mem_limit_kb, 0644);
MODULE_PARM_DESC(mem_limit_kb,
		 "memory all sessions together may hold, KiB (64..16777216, default 262144)");

static int __init nd_init(void)
{
	int err;

	err = nd_catalog_init();
	if (err)
		return err;
	err = nd_tp_init();
	if (err)
		goto err_catalog;
	err = nd_probe_init();
	if (err)
		goto err_tp;
	err = nd_session_init();
	if (err)
		goto err_probe;
	nd_debugfs_init();
	err = nd_genl_init();
	if (err)
		goto err_debugfs;
	pr_info("netdiag %s loaded\n", ND_VERSION);
	return 0;

err_debugfs:
	nd_debugfs_exit();
	nd_session_exit();
err_probe:
	nd_probe_exit();
err_tp:
	nd_tp_exit();
err_catalog:
	nd_catalog_exit();
	return err;
}

static void __exit nd_exit(void)
{
	nd_genl_exit();
	nd_session_exit();		/* no more socket-release work */
	nd_session_destroy_all();
	nd_debugfs_exit();
	nd_probe_exit();
	nd_tp_exit();
	nd_catalog_exit();
	pr_info("netdiag unloaded\n");
}

module_init(nd_init);
module_exit(nd_exit);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("netdiag: network data-path diagnostics without BPF");
MODULE_VERSION(ND_VERSION);
MODULE_AUTHOR("netdiag developers");
