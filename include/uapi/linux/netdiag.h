/* SPDX-License-Identifier: (GPL-2.0 WITH Linux-syscall-note) OR MIT */
/*
 * netdiag: in-kernel network data-path diagnostics.
 *
 * This header is the one definition of the generic netlink ABI shared by the
 * kernel module (kmod/) and the control tool (user/ndctl).
 *
 * Family "netdiag", version 1, one multicast group "events".
 * Every request should carry NLM_F_ACK; errors come back with an extended ack
 * message (NLMSGERR_ATTR_MSG) naming what was wrong. Attribute and command
 * numbers start at 1. Replies use the command of the request.
 * Commands marked [admin] need CAP_NET_ADMIN (GENL_ADMIN_PERM).
 *
 * NETDIAG_CMD_INFO_GET                         doit
 *   reply: NETDIAG_A_VERSION          string   module version
 *          NETDIAG_A_KERNEL           string   running kernel release
 *          NETDIAG_A_SESSIONS         u32      live sessions
 *          NETDIAG_A_MEM_BYTES        u64      memory held by sessions
 *
 * NETDIAG_CMD_PROBE_GET                        dump
 *   one message per probe point of the catalog:
 *          NETDIAG_A_PROBE            nest
 *            NETDIAG_PROBE_A_NAME     string   catalog name ("skb:kfree_skb")
 *            NETDIAG_PROBE_A_MODULE   string   owning module, absent for vmlinux
 *            NETDIAG_PROBE_A_STATE    u32      enum netdiag_probe_state
 *            NETDIAG_PROBE_A_HOOK     u32      enum netdiag_hook_kind in use / would use
 *            NETDIAG_PROBE_A_TARGET   string   the tracepoint or symbol hooked
 *            NETDIAG_PROBE_A_USERS    u32      sessions subscribed
 *            NETDIAG_PROBE_A_HITS     u64      handler runs since load
 *            NETDIAG_PROBE_A_MISSED   u64      hits the kernel could not deliver
 *                                              (kprobe nmissed, recursion)
 *            NETDIAG_PROBE_A_WHY      string   why unavailable / waiting
 *
 * NETDIAG_CMD_SESSION_NEW  [admin]             doit
 *   request: NETDIAG_A_KIND           u32      enum netdiag_kind (required)
 *            NETDIAG_A_FILTER         nest     (optional) see NETDIAG_FILTER_A_*
 *            NETDIAG_A_FLAGS          u32      NETDIAG_F_* (unknown bits rejected)
 *            NETDIAG_A_GROUP_BY       u32      NETDIAG_KEY_* mask (drop stats)
 *            NETDIAG_A_MAX_ENTRIES    u32      aggregation table size (64..1048576)
 *            NETDIAG_A_MAX_STACKS     u32      stack table size (16..65536)
 *            NETDIAG_A_EVENT_RATE     u32      max events per second (1..100000)
 *            NETDIAG_A_POINTS         nest     NETDIAG_KIND_COUNT only: up to 8
 *              NETDIAG_PROBE_A_NAME   string   catalog names (repeated)
 *   reply:   NETDIAG_A_SESSION_ID     u32
 *   Without NETDIAG_F_DETACH the session belongs to the requesting netlink
 *   socket and is destroyed when that socket closes.
 *
 * NETDIAG_CMD_SESSION_DEL  [admin]             doit
 *   request: NETDIAG_A_SESSION_ID     u32
 *
 * NETDIAG_CMD_SESSION_GET                      doit (one id) or dump (all)
 *   request: NETDIAG_A_SESSION_ID     u32      (doit)
 *   reply:   NETDIAG_A_SESSION_ID, NETDIAG_A_KIND, NETDIAG_A_FLAGS,
 *            NETDIAG_A_GROUP_BY, NETDIAG_A_MAX_ENTRIES, NETDIAG_A_MAX_STACKS,
 *            NETDIAG_A_EVENT_RATE, NETDIAG_A_MEM_BYTES,
 *            NETDIAG_A_AGE_MS         u64      time since creation
 *            NETDIAG_A_FILTER         nest     as created
 *            NETDIAG_A_STATS          nest     NETDIAG_STAT_A_* (u64 each)
 *            NETDIAG_A_POINTS         nest of NETDIAG_A_PROBE nests: the
 *                                              probe points of this session with
 *                                              their state and per-session hits
 *
 * NETDIAG_CMD_STATS_RESET  [admin]             doit
 *   request: NETDIAG_A_SESSION_ID     u32      clears tables and counters
 *
 * NETDIAG_CMD_DROP_GET                         dump
 *   request: NETDIAG_A_SESSION_ID     u32      (required)
 *            NETDIAG_A_CLEAR          flag     [admin] read-and-reset the
 *                                              per-interval counts
 *   one message per aggregated drop entry:
 *            NETDIAG_A_DROP           nest
 *              NETDIAG_DROP_A_COUNT     u64    drops since the last CLEAR
 *              NETDIAG_DROP_A_TOTAL     u64    drops since session start/reset
 *              NETDIAG_DROP_A_STACK_ID  u32    0 = no stack (see stats)
 *              NETDIAG_DROP_A_REASON    u32    skb drop reason code (if known)
 *              NETDIAG_DROP_A_REASON_NAME string
 *              NETDIAG_DROP_A_LOCATION  string symbolized caller of kfree_skb
 *              NETDIAG_DROP_A_PKT       nest   NETDIAG_PKT_A_* (the flow part)
 *
 * NETDIAG_CMD_STACK_GET                        dump
 *   request: NETDIAG_A_SESSION_ID     u32
 *   one message per stack:
 *            NETDIAG_A_STACK          nest
 *              NETDIAG_STACK_A_ID       u32
 *              NETDIAG_STACK_A_FRAME    string (repeated, innermost first)
 *
 * NETDIAG_CMD_DROP_EVENT                       multicast "events" only
 *            NETDIAG_A_SESSION_ID u32, NETDIAG_A_SEQ u64 (per session, starts
 *            at 1; a gap means events were lost), NETDIAG_A_TIMESTAMP u64
 *            (CLOCK_MONOTONIC ns), NETDIAG_A_CPU u32, NETDIAG_A_PID u32,
 *            NETDIAG_A_TGID u32, NETDIAG_A_COMM string,
 *            NETDIAG_A_DROP nest (COUNT=1, REASON, REASON_NAME, LOCATION, PKT),
 *            NETDIAG_A_STACK nest (frames), NETDIAG_A_STATS nest (the
 *            session's event counters at the time of sending)
 *
 * NETDIAG_FILTER_A_* (inside NETDIAG_A_FILTER):
 *   SRC_IP / DST_IP   binary 4 or 16 bytes   exact source / destination address
 *   L4_PROTO          u8                     IPPROTO_* (1, 6, 17, 58, ...)
 *   SRC_PORT          u16 (host order)       matches if either port equals it
 *   DST_PORT          u16 (host order)       matches if either port equals it
 *                                            (the seed toolkit's semantics)
 *   ETH_PROTO         u16 (host order)       EtherType after VLAN tags;
 *                                            NETDIAG_ETH_P_OTHER = not ARP,
 *                                            RARP, IPv4, IPv6, LLDP, 802.3x
 *   VLAN_ID           u16                    outer or inner VLAN id (1..4094)
 *   IFNAME            string (repeated, at most NETDIAG_MAX_IFACES)
 *                                            skb->dev name at the probe point
 *
 * NETDIAG_PKT_A_* (decoded headers):
 *   IFNAME string, IFINDEX u32, LEN u32 (skb->len), ETH_SRC/ETH_DST binary 6,
 *   ETH_PROTO u16, VLAN_OUTER/VLAN_INNER u16 (TCI), L3_FAMILY u8 (AF_INET,
 *   AF_INET6, 0), SRC_IP/DST_IP binary 4|16, IP_TOS u8, IP_LEN u16, IP_ID u32
 *   (IPv6: flow label), IP_TTL u8, IP_FRAG u16 (offset in 8-byte units | MF
 *   bit 0x2000), L4_PROTO u8, SPORT/DPORT u16, TCP_FLAGS u8, ICMP_TYPE u8,
 *   ICMP_CODE u8, ARP_OP u16.
 */
#ifndef _UAPI_LINUX_NETDIAG_H
#define _UAPI_LINUX_NETDIAG_H

#define NETDIAG_GENL_NAME	"netdiag"
#define NETDIAG_GENL_VERSION	1
#define NETDIAG_MCGRP_EVENTS	"events"

#define NETDIAG_MAX_IFACES	8
#define NETDIAG_MAX_POINTS	8
#define NETDIAG_POINT_NAMSIZ	64
#define NETDIAG_IFNAMSIZ	16
#define NETDIAG_ETH_P_OTHER	0xffff

enum netdiag_cmd {
	NETDIAG_CMD_UNSPEC,
	NETDIAG_CMD_INFO_GET,
	NETDIAG_CMD_PROBE_GET,
	NETDIAG_CMD_SESSION_NEW,
	NETDIAG_CMD_SESSION_DEL,
	NETDIAG_CMD_SESSION_GET,
	NETDIAG_CMD_STATS_RESET,
	NETDIAG_CMD_DROP_GET,
	NETDIAG_CMD_STACK_GET,
	NETDIAG_CMD_DROP_EVENT,
	__NETDIAG_CMD_MAX
};
#define NETDIAG_CMD_MAX (__NETDIAG_CMD_MAX - 1)

enum netdiag_kind {
	NETDIAG_KIND_UNSPEC,
	NETDIAG_KIND_DROP_STATS,	/* per (stack, dev, flow, reason) counts */
	NETDIAG_KIND_DROP_WATCH,	/* one event per drop */
	NETDIAG_KIND_COUNT,		/* filtered hits per probe point */
	__NETDIAG_KIND_MAX
};
#define NETDIAG_KIND_MAX (__NETDIAG_KIND_MAX - 1)

enum netdiag_flags {
	NETDIAG_F_DETACH	= 1U << 0, /* survive the creating socket */
	NETDIAG_F_NO_STACK	= 1U << 1, /* do not capture kernel stacks */
	NETDIAG_F_INCLUDE_NORMAL = 1U << 2, /* count frees that are not drops */
	__NETDIAG_F_ALL		= (1U << 3) - 1
};

/* What the drop-stats key is made of (NETDIAG_A_GROUP_BY). */
enum netdiag_key {
	NETDIAG_KEY_STACK	= 1U << 0,
	NETDIAG_KEY_FLOW	= 1U << 1,
	NETDIAG_KEY_DEV		= 1U << 2,
	NETDIAG_KEY_REASON	= 1U << 3,
	__NETDIAG_KEY_ALL	= (1U << 4) - 1
};

enum netdiag_hook_kind {
	NETDIAG_HOOK_NONE,
	NETDIAG_HOOK_TRACEPOINT,
	NETDIAG_HOOK_KPROBE,
	NETDIAG_HOOK_KRETPROBE,
	NETDIAG_HOOK_FTRACE,
};

enum netdiag_probe_state {
	NETDIAG_PROBE_UNKNOWN,
	NETDIAG_PROBE_AVAILABLE,	/* can be attached, nobody uses it */
	NETDIAG_PROBE_ATTACHED,		/* hooked, at least one session */
	NETDIAG_PROBE_WAITING,		/* its module is not loaded (yet) */
	NETDIAG_PROBE_MISSING,		/* no hook works on this kernel */
};

enum netdiag_attr {
	NETDIAG_A_UNSPEC,
	NETDIAG_A_PAD,
	NETDIAG_A_VERSION,		/* string */
	NETDIAG_A_KERNEL,		/* string */
	NETDIAG_A_SESSIONS,		/* u32 */
	NETDIAG_A_MEM_BYTES,		/* u64 */
	NETDIAG_A_PROBE,		/* nest: NETDIAG_PROBE_A_* */
	NETDIAG_A_SESSION_ID,		/* u32 */
	NETDIAG_A_KIND,			/* u32 */
	NETDIAG_A_FILTER,		/* nest: NETDIAG_FILTER_A_* */
	NETDIAG_A_FLAGS,		/* u32 */
	NETDIAG_A_GROUP_BY,		/* u32 */
	NETDIAG_A_MAX_ENTRIES,		/* u32 */
	NETDIAG_A_MAX_STACKS,		/* u32 */
	NETDIAG_A_EVENT_RATE,		/* u32 */
	NETDIAG_A_AGE_MS,		/* u64 */
	NETDIAG_A_STATS,		/* nest: NETDIAG_STAT_A_* */
	NETDIAG_A_POINTS,		/* nest of NETDIAG_A_PROBE (reply),
					 * of NETDIAG_PROBE_A_NAME (request) */
	NETDIAG_A_CLEAR,		/* flag */
	NETDIAG_A_DROP,			/* nest: NETDIAG_DROP_A_* */
	NETDIAG_A_STACK,		/* nest: NETDIAG_STACK_A_* */
	NETDIAG_A_SEQ,			/* u64 */
	NETDIAG_A_TIMESTAMP,		/* u64 */
	NETDIAG_A_CPU,			/* u32 */
	NETDIAG_A_PID,			/* u32 */
	NETDIAG_A_TGID,			/* u32 */
	NETDIAG_A_COMM,			/* string */
	__NETDIAG_A_MAX
};
#define NETDIAG_A_MAX (__NETDIAG_A_MAX - 1)

enum netdiag_probe_attr {
	NETDIAG_PROBE_A_UNSPEC,
	NETDIAG_PROBE_A_PAD,
	NETDIAG_PROBE_A_NAME,
	NETDIAG_PROBE_A_MODULE,
	NETDIAG_PROBE_A_STATE,
	NETDIAG_PROBE_A_HOOK,
	NETDIAG_PROBE_A_TARGET,
	NETDIAG_PROBE_A_USERS,
	NETDIAG_PROBE_A_HITS,
	NETDIAG_PROBE_A_MISSED,
	NETDIAG_PROBE_A_WHY,
	__NETDIAG_PROBE_A_MAX
};
#define NETDIAG_PROBE_A_MAX (__NETDIAG_PROBE_A_MAX - 1)

enum netdiag_filter_attr {
	NETDIAG_FILTER_A_UNSPEC,
	NETDIAG_FILTER_A_SRC_IP,
	NETDIAG_FILTER_A_DST_IP,
	NETDIAG_FILTER_A_L4_PROTO,
	NETDIAG_FILTER_A_SRC_PORT,
	NETDIAG_FILTER_A_DST_PORT,
	NETDIAG_FILTER_A_ETH_PROTO,
	NETDIAG_FILTER_A_VLAN_ID,
	NETDIAG_FILTER_A_IFNAME,
	__NETDIAG_FILTER_A_MAX
};
#define NETDIAG_FILTER_A_MAX (__NETDIAG_FILTER_A_MAX - 1)

/* Session statistics; every one is a u64. Nothing is lost silently. */
enum netdiag_stat_attr {
	NETDIAG_STAT_A_UNSPEC,
	NETDIAG_STAT_A_PAD,
	NETDIAG_STAT_A_SEEN,		/* probe hits delivered to the session */
	NETDIAG_STAT_A_MATCHED,		/* passed the filter */
	NETDIAG_STAT_A_PARSE_ERRORS,	/* headers truncated or malformed */
	NETDIAG_STAT_A_ENTRIES,		/* entries now in the table */
	NETDIAG_STAT_A_EVICTED,		/* entries evicted to make room */
	NETDIAG_STAT_A_EVICTED_COUNT,	/* drops held by evicted entries */
	NETDIAG_STAT_A_STACKS,		/* distinct stacks stored */
	NETDIAG_STAT_A_STACK_FAILED,	/* stack capture failed */
	NETDIAG_STAT_A_STACK_FULL,	/* stack table full: stack not stored */
	NETDIAG_STAT_A_EVENTS_SENT,	/* events multicast */
	NETDIAG_STAT_A_EVENTS_SUPPRESSED, /* over the rate limit */
	NETDIAG_STAT_A_EVENTS_LOST,	/* per-CPU ring full */
	NETDIAG_STAT_A_EVENTS_UNDELIVERED, /* no listener / socket full */
	NETDIAG_STAT_A_MISSED,		/* probe hits lost by the kernel */
	NETDIAG_STAT_A_NORMAL_FREES,	/* kfree_skb that is not a drop:
					 * set aside, see docs/architecture.md */
	__NETDIAG_STAT_A_MAX
};
#define NETDIAG_STAT_A_MAX (__NETDIAG_STAT_A_MAX - 1)

enum netdiag_drop_attr {
	NETDIAG_DROP_A_UNSPEC,
	NETDIAG_DROP_A_PAD,
	NETDIAG_DROP_A_COUNT,
	NETDIAG_DROP_A_TOTAL,
	NETDIAG_DROP_A_STACK_ID,
	NETDIAG_DROP_A_REASON,
	NETDIAG_DROP_A_REASON_NAME,
	NETDIAG_DROP_A_LOCATION,
	NETDIAG_DROP_A_PKT,
	__NETDIAG_DROP_A_MAX
};
#define NETDIAG_DROP_A_MAX (__NETDIAG_DROP_A_MAX - 1)

enum netdiag_stack_attr {
	NETDIAG_STACK_A_UNSPEC,
	NETDIAG_STACK_A_ID,
	NETDIAG_STACK_A_FRAME,
	__NETDIAG_STACK_A_MAX
};
#define NETDIAG_STACK_A_MAX (__NETDIAG_STACK_A_MAX - 1)

enum netdiag_pkt_attr {
	NETDIAG_PKT_A_UNSPEC,
	NETDIAG_PKT_A_IFNAME,
	NETDIAG_PKT_A_IFINDEX,
	NETDIAG_PKT_A_LEN,
	NETDIAG_PKT_A_ETH_SRC,
	NETDIAG_PKT_A_ETH_DST,
	NETDIAG_PKT_A_ETH_PROTO,
	NETDIAG_PKT_A_VLAN_OUTER,
	NETDIAG_PKT_A_VLAN_INNER,
	NETDIAG_PKT_A_L3_FAMILY,
	NETDIAG_PKT_A_SRC_IP,
	NETDIAG_PKT_A_DST_IP,
	NETDIAG_PKT_A_IP_TOS,
	NETDIAG_PKT_A_IP_LEN,
	NETDIAG_PKT_A_IP_ID,
	NETDIAG_PKT_A_IP_TTL,
	NETDIAG_PKT_A_IP_FRAG,
	NETDIAG_PKT_A_L4_PROTO,
	NETDIAG_PKT_A_SPORT,
	NETDIAG_PKT_A_DPORT,
	NETDIAG_PKT_A_TCP_FLAGS,
	NETDIAG_PKT_A_ICMP_TYPE,
	NETDIAG_PKT_A_ICMP_CODE,
	NETDIAG_PKT_A_ARP_OP,
	__NETDIAG_PKT_A_MAX
};
#define NETDIAG_PKT_A_MAX (__NETDIAG_PKT_A_MAX - 1)

#endif /* _UAPI_LINUX_NETDIAG_H */
