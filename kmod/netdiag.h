/* SPDX-License-Identifier: GPL-2.0 */
/*
 * netdiag: declarations shared by the module's files.
 * Symbols are prefixed nd_. One concern per file; see docs/architecture.md.
 */
#ifndef _ND_NETDIAG_H
#define _ND_NETDIAG_H

#include <linux/types.h>
#include <linux/list.h>
#include <linux/mutex.h>
#include <linux/percpu.h>
#include <linux/refcount.h>
#include <linux/netlink.h>
#include <uapi/linux/netdiag.h>

#include "compat/compat.h"
#include "pkt.h"
#include "filter.h"
#include "table.h"
#include "stack.h"
#include "event.h"
#include "hist.h"

#define ND_VERSION		"0.1.0"
#define ND_MAX_SESSIONS		64

struct nd_session;
struct nd_point;
struct genl_info;
struct netlink_ext_ack;

/* ---- probe layer (probe.c, tracepoint.c, catalog.c) ---- */

/* What a hook hands to its subscribers. */
struct nd_hit {
	struct sk_buff *skb;
	unsigned long location;	/* caller of the probed function, if known */
	u32 reason;		/* skb drop reason, if the hook has one */
	bool has_reason;
};

struct nd_sub {
	struct list_head node;		/* on nd_point.subs (RCU) */
	struct nd_point *pt;
	struct nd_session *s;
	void (*fn)(struct nd_sub *sub, const struct nd_hit *hit);
	unsigned int idx;		/* engine's index for this point */
	bool required;			/* missing => the session fails */
	bool linked;			/* on pt->subs */
};

struct nd_hookdef {
	u8 kind;			/* enum netdiag_hook_kind */
	const char *target;		/* tracepoint or function name */
	void *tp_probe;			/* tracepoint probe function */
	s8 skb_arg;			/* kprobe/ftrace: argument holding the skb */
	s8 reason_arg;			/* kprobe/ftrace: drop reason argument or -1 */
};

struct nd_point {
	const char *name;		/* catalog name, e.g. "skb:kfree_skb" */
	const char *module;		/* NULL: vmlinux */
	const char *desc;
	const struct nd_hookdef *defs;
	u8 ndefs;

	/* runtime, under nd_probe_mutex */
	struct list_head subs;
	unsigned int nsubs;
	int active;			/* index into defs of the armed hook, -1 */
	int last;			/* the hook that worked last, -1 */
	unsigned long checked;		/* jiffies of the last idle check */
	u8 state;			/* enum netdiag_probe_state */
	char why[128];
	char symbol[64];		/* resolved symbol (with clone suffix) */
	struct tracepoint *tp;
	struct kprobe *kp;
	struct kretprobe *krp;
	struct ftrace_ops *fops;
	u64 __percpu *hits;
	u64 missed_base;
};

extern struct mutex nd_probe_mutex;

int nd_catalog_init(void);
void nd_catalog_exit(void);
unsigned int nd_catalog_count(void);
struct nd_point *nd_catalog_get(unsigned int i);
struct nd_point *nd_catalog_find(const char *name);

int nd_probe_init(void);
void nd_probe_exit(void);
int nd_probe_subscribe(struct nd_sub *sub, bool required,
		       struct netlink_ext_ack *extack);
void nd_probe_unsubscribe(struct nd_sub *sub);
void nd_probe_sync(void);
void nd_probe_module_going(const char *modname);
u64 nd_point_hits(struct nd_point *pt);
u64 nd_point_missed(struct nd_point *pt);
void nd_point_refresh(struct nd_point *pt);
void nd_point_fire(struct nd_point *pt, const struct nd_hit *hit);

int nd_tp_init(void);
void nd_tp_exit(void);
struct tracepoint *nd_tp_find(const char *name, const char *module);

/* ---- sessions (session.c) ---- */

enum nd_stat {
	ND_ST_SEEN = NETDIAG_STAT_A_SEEN,
	ND_ST_MATCHED = NETDIAG_STAT_A_MATCHED,
	ND_ST_PARSE_ERRORS = NETDIAG_STAT_A_PARSE_ERRORS,
	ND_ST_STACK_FAILED = NETDIAG_STAT_A_STACK_FAILED,
	ND_ST_EVENTS_LOST = NETDIAG_STAT_A_EVENTS_LOST,
	ND_ST_NORMAL_FREES = NETDIAG_STAT_A_NORMAL_FREES,
	ND_ST_MAX = NETDIAG_STAT_A_MAX + 1,
};

struct nd_pcpu_stats {
	u64 v[ND_ST_MAX];
};

struct nd_engine {
	const char *name;
	u32 kind;
	int (*create)(struct nd_session *s, struct nlattr **attrs,
		      struct netlink_ext_ack *extack);
	void (*stop)(struct nd_session *s);	/* after hooks are gone */
	void (*destroy)(struct nd_session *s);	/* last reference */
	void (*reset)(struct nd_session *s);	/* while paused */
	int (*fill_stats)(struct nd_session *s, struct sk_buff *msg);
	void (*show)(struct nd_session *s, struct seq_file *m);
};

struct nd_session {
	u32 id;
	u32 kind;
	u32 flags;
	u32 group_by;
	u32 max_entries;
	u32 max_stacks;
	u32 event_rate;
	u32 owner_portid;		/* 0 when detached */
	u64 created_ns;
	refcount_t ref;
	struct list_head node;		/* nd_sessions, under nd_sessions_lock */
	const struct nd_engine *eng;
	struct nd_filter filter;
	struct nd_pcpu_stats __percpu *stats;
	struct nd_sub subs[NETDIAG_MAX_POINTS];
	unsigned int nsubs;
	int paused;			/* handlers return at once while set */
	size_t mem_bytes;
	void *priv;			/* engine state */
	struct dentry *dir;
};

static inline void nd_stat_inc(struct nd_session *s, enum nd_stat st)
{
	this_cpu_inc(s->stats->v[st]);
}

u64 nd_stat_sum(struct nd_session *s, enum nd_stat st);

extern struct mutex nd_sessions_lock;
extern struct list_head nd_sessions;
extern unsigned long nd_mem_limit;

struct nd_session *nd_session_create(struct nlattr **attrs, u32 portid,
				     struct netlink_ext_ack *extack);
int nd_session_destroy_id(u32 id, struct netlink_ext_ack *extack);
struct nd_session *nd_session_get(u32 id);	/* takes a reference */
struct nd_session *nd_session_get_next(u32 *id);
int nd_session_reserve(struct nd_session *s, size_t bytes,
		       struct netlink_ext_ack *extack);
int nd_session_init(void);
void nd_session_exit(void);
void nd_session_put(struct nd_session *s);
int nd_session_reset(struct nd_session *s);
void nd_session_release_portid(u32 portid);
void nd_session_destroy_all(void);
unsigned int nd_session_count(void);
size_t nd_session_mem_total(void);
int nd_session_fill(struct nd_session *s, struct sk_buff *msg);
void nd_session_show(struct nd_session *s, struct seq_file *m);
const char *nd_probe_state_name(u8 state);

/* ---- engines ---- */
extern const struct nd_engine nd_engine_drop_stats;
extern const struct nd_engine nd_engine_drop_watch;
extern const struct nd_engine nd_engine_count;

int nd_drop_dump(struct nd_session *s, struct sk_buff *msg,
		 struct netlink_callback *cb, bool clear);
int nd_stack_dump(struct nd_session *s, struct sk_buff *msg,
		  struct netlink_callback *cb);
u64 nd_count_point_hits(struct nd_session *s, unsigned int idx);
int nd_drop_put_reason(struct sk_buff *msg, u32 reason);
const char *nd_drop_reason_name(u32 reason);

/* ---- netlink (genl.c) ---- */
int nd_genl_init(void);
void nd_genl_exit(void);
int nd_genl_put_pkt(struct sk_buff *msg, int attr, const struct nd_pkt *p,
		    bool full);
int nd_genl_put_filter(struct sk_buff *msg, const struct nd_filter *f);
int nd_genl_put_point(struct sk_buff *msg, int attr, struct nd_point *pt,
		      u64 session_hits, bool with_session_hits);
struct sk_buff *nd_genl_event_new(u8 cmd, void **hdr);
int nd_genl_event_send(struct sk_buff *msg, void *hdr);
void *nd_genl_dump_put(struct sk_buff *msg, struct netlink_callback *cb,
		       u8 cmd);
int nd_genl_parse_filter(struct nlattr *nest, struct nd_filter *f,
			 struct netlink_ext_ack *extack);

/* ---- debugfs (debugfs.c) ---- */
int nd_debugfs_init(void);
void nd_debugfs_exit(void);
void nd_debugfs_session_add(struct nd_session *s);
void nd_debugfs_session_del(struct nd_session *s);

#endif /* _ND_NETDIAG_H */
