/* SPDX-License-Identifier: GPL-2.0 */
/*
 * netdiag compat layer: the only place that knows how kernels differ.
 * Features come from compat/features.h, generated at build time by
 * compat/gen-features.sh from the target kernel's headers (no version
 * guessing). Call sites use the nd_* wrappers below and stay version-free.
 */
#ifndef _ND_COMPAT_H
#define _ND_COMPAT_H

#include "features.h"
#include <linux/version.h>
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>
#include <linux/ptrace.h>
#include <linux/uaccess.h>
#include <linux/skbuff.h>
#include <linux/netlink.h>
#include <net/netlink.h>

/* Distro detection, for the rare backport that a header grep cannot see. */
#ifdef RHEL_MAJOR
#define ND_RHEL_RELEASE_CODE ((RHEL_MAJOR << 8) + RHEL_MINOR)
#else
#define ND_RHEL_RELEASE_CODE 0
#endif

/* Version codes that survive sublevels above 255 (4.9.320, 4.14.285). */
#define ND_KVER(a, b, c) (((u64)(a) << 32) | ((u64)(b) << 16) | (u64)(c))

/* ---- time ---- */
#ifdef ND_HAVE_KTIME_GET_NS
#define nd_now_ns() ktime_get_ns()
#else
#define nd_now_ns() ((u64)ktime_to_ns(ktime_get()))
#endif

/* ---- memory ---- */
#ifdef ND_HAVE_KVMALLOC
#define nd_zalloc_big(sz) kvzalloc((sz), GFP_KERNEL)
#define nd_free_big(p) kvfree(p)
#else
#define nd_zalloc_big(sz) vzalloc(sz)
#define nd_free_big(p) vfree(p)
#endif

/* ---- function arguments in a kprobe / ftrace handler ---- */
static inline unsigned long nd_regs_arg(struct pt_regs *regs, unsigned int n)
{
#ifdef ND_HAVE_REGS_GET_KERNEL_ARGUMENT
	return regs_get_kernel_argument(regs, n);
#elif defined(CONFIG_X86_64)
	switch (n) {
	case 0: return regs->di;
	case 1: return regs->si;
	case 2: return regs->dx;
	case 3: return regs->cx;
	case 4: return regs->r8;
	case 5: return regs->r9;
	}
	return 0;
#else
#error "netdiag: no way to read kprobe arguments on this architecture"
#endif
}

/* Return address of a probed function at its entry (x86: top of stack). */
static inline unsigned long nd_regs_caller(struct pt_regs *regs)
{
#if defined(CONFIG_X86_64)
	unsigned long ret = 0;

#ifdef ND_HAVE_COPY_FROM_KERNEL_NOFAULT
	if (copy_from_kernel_nofault(&ret, (void *)kernel_stack_pointer(regs),
				     sizeof(ret)))
#else
	if (probe_kernel_read(&ret, (void *)kernel_stack_pointer(regs),
			      sizeof(ret)))
#endif
		return 0;
	return ret;
#else
	return 0;
#endif
}

/* ---- stacks ---- */
#ifdef ND_HAVE_STACK_TRACE_SAVE
#include <linux/stacktrace.h>
#define nd_stack_save(entries, max, skip) \
	stack_trace_save((entries), (max), (skip))
#else
#include <linux/stacktrace.h>
static inline unsigned int nd_stack_save(unsigned long *entries,
					 unsigned int max, unsigned int skip)
{
	struct stack_trace tr = {
		.entries = entries, .max_entries = max, .skip = skip,
	};

	save_stack_trace(&tr);
	return tr.nr_entries;
}
#endif

/* ---- VLAN ---- */
#ifndef ND_HAVE_SKB_VLAN_TAG_PRESENT
#define skb_vlan_tag_present(skb) vlan_tx_tag_present(skb)
#define skb_vlan_tag_get(skb) vlan_tx_tag_get(skb)
#endif

/* ---- netlink ---- */
#ifndef ND_HAVE_NLA_STRSCPY
#define nla_strscpy nla_strlcpy
#endif
#ifndef ND_HAVE_NLA_PUT_U64_64BIT
#define nla_put_u64_64bit(skb, type, value, pad) nla_put_u64((skb), (type), (value))
#endif
#ifndef ND_HAVE_EXTACK
struct netlink_ext_ack;
#define NL_SET_ERR_MSG(extack, msg) pr_info("%s\n", (msg))
#define NL_SET_ERR_MSG_MOD(extack, msg) pr_info("%s\n", (msg))
#endif
#ifndef ND_HAVE_NL_SET_ERR_MSG_ATTR
#define NL_SET_ERR_MSG_ATTR(extack, attr, msg) NL_SET_ERR_MSG_MOD(extack, msg)
#endif
/* A formatted extack message (NL_SET_ERR_MSG_FMT is 6.2+). */
#define ND_ERR_MAXLEN 160
void nd_extack_fmt(struct netlink_ext_ack *extack, const char *fmt, ...)
	__printf(2, 3);

/* ---- tracepoints ---- */
#include <linux/tracepoint.h>
#ifdef ND_HAVE_TRACEPOINT_PTR_T
static inline struct tracepoint *nd_tp_deref(tracepoint_ptr_t *p)
{
	return tracepoint_ptr_deref(p);
}
#else
static inline struct tracepoint *nd_tp_deref(struct tracepoint * const *p)
{
	return *p;
}
#endif

/* ---- the kfree_skb tracepoint prototype ---- */
#if defined(ND_HAVE_TP_KFREE_SKB_RX_SK)
#define ND_TP_KFREE_SKB_PROTO(data) void *data, struct sk_buff *skb, \
	void *location, enum skb_drop_reason reason, struct sock *rx_sk
#define ND_TP_KFREE_SKB_REASON(reason) ((u32)(reason))
#elif defined(ND_HAVE_TP_KFREE_SKB_REASON)
#define ND_TP_KFREE_SKB_PROTO(data) void *data, struct sk_buff *skb, \
	void *location, enum skb_drop_reason reason
#define ND_TP_KFREE_SKB_REASON(reason) ((u32)(reason))
#else
#define ND_TP_KFREE_SKB_PROTO(data) void *data, struct sk_buff *skb, \
	void *location
#define ND_TP_KFREE_SKB_REASON(reason) 0
#define ND_TP_KFREE_SKB_NO_REASON 1
#endif

/* ---- ftrace callback ---- */
#ifdef CONFIG_DYNAMIC_FTRACE_WITH_REGS
#define ND_HAVE_FTRACE_HOOK 1
#include <linux/ftrace.h>
#ifdef ND_HAVE_FTRACE_REGS
#define ND_FTRACE_CB_ARGS unsigned long ip, unsigned long parent_ip, \
	struct ftrace_ops *op, struct ftrace_regs *fregs
static inline struct pt_regs *nd_ftrace_regs(struct ftrace_regs *fregs)
{
	return ftrace_get_regs(fregs);
}
#define ND_FTRACE_REGS_ARG fregs
#else
#define ND_FTRACE_CB_ARGS unsigned long ip, unsigned long parent_ip, \
	struct ftrace_ops *op, struct pt_regs *regs
#define nd_ftrace_regs(regs) (regs)
#define ND_FTRACE_REGS_ARG regs
#endif
#ifdef ND_HAVE_FTRACE_OPS_FL_RECURSION
#define ND_FTRACE_FLAGS (FTRACE_OPS_FL_SAVE_REGS)
#else
#define ND_FTRACE_FLAGS (FTRACE_OPS_FL_SAVE_REGS | FTRACE_OPS_FL_RECURSION_SAFE)
#endif
#endif

/* ---- RCU flavour that covers tracepoint and kprobe handlers ---- */
static inline void nd_synchronize_handlers(void)
{
	/* Handlers run with preemption disabled (kprobes, ftrace) or under
	 * the tracepoint's RCU/SRCU: wait for all of them. */
	tracepoint_synchronize_unregister();
	synchronize_rcu();
}

#endif /* _ND_COMPAT_H */
