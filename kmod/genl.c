// SPDX-License-Identifier: GPL-2.0
/*
 * The "netdiag" generic netlink family: see include/uapi/linux/netdiag.h for
 * the whole attribute tree. Strict validation everywhere, an extack message
 * for every error, CAP_NET_ADMIN for anything that arms probes, changes
 * state or reads packet data. init_net only (a hypervisor-wide tracer).
 */
#include <linux/module.h>
#include <linux/utsname.h>
#include <linux/in.h>
#include <linux/socket.h>
#include <net/genetlink.h>
#include "netdiag.h"

static struct genl_family nd_family;

static const struct nla_policy nd_filter_policy[NETDIAG_FILTER_A_MAX + 1] = {
	[NETDIAG_FILTER_A_SRC_IP]	= { .type = NLA_BINARY, .len = 16 },
	[NETDIAG_FILTER_A_DST_IP]	= { .type = NLA_BINARY, .len = 16 },
	[NETDIAG_FILTER_A_L4_PROTO]	= { .type = NLA_U8 },
	[NETDIAG_FILTER_A_SRC_PORT]	= { .type = NLA_U16 },
	[NETDIAG_FILTER_A_DST_PORT]	= { .type = NLA_U16 },
	[NETDIAG_FILTER_A_ETH_PROTO]	= { .type = NLA_U16 },
	[NETDIAG_FILTER_A_VLAN_ID]	= { .type = NLA_U16 },
	[NETDIAG_FILTER_A_IFNAME]	= { .type = NLA_NUL_STRING,
					    .len = NETDIAG_IFNAMSIZ - 1 },
};

static const struct nla_policy nd_policy[NETDIAG_A_MAX + 1] = {
	[NETDIAG_A_SESSION_ID]	= { .type = NLA_U32 },
	[NETDIAG_A_KIND]	= { .type = NLA_U32 },
	[NETDIAG_A_FILTER]	= { .type = NLA_NESTED },
	[NETDIAG_A_FLAGS]	= { .type = NLA_U32 },
	[NETDIAG_A_GROUP_BY]	= { .type = NLA_U32 },
	[NETDIAG_A_MAX_ENTRIES]	= { .type = NLA_U32 },
	[NETDIAG_A_MAX_STACKS]	= { .type = NLA_U32 },
	[NETDIAG_A_EVENT_RATE]	= { .type = NLA_U32 },
	[NETDIAG_A_POINTS]	= { .type = NLA_NESTED },
	[NETDIAG_A_CLEAR]	= { .type = NLA_FLAG },
};

#ifdef ND_HAVE_EXTACK_MSG_BUF
void nd_extack_fmt(struct netlink_ext_ack *extack, const char *fmt, ...)
{
	va_list ap;

	if (!extack)
		return;
	va_start(ap, fmt);
	vsnprintf(extack->_msg_buf, sizeof(extack->_msg_buf), fmt, ap);
	va_end(ap);
	extack->_msg = extack->_msg_buf;
}
#else
/* genl requests of this family are serialized by genl_mutex (no
 * parallel_ops) and the ack is built before it is released. */
static char nd_extack_buf[ND_ERR_MAXLEN];

void nd_extack_fmt(struct netlink_ext_ack *extack, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(nd_extack_buf, sizeof(nd_extack_buf), fmt, ap);
	va_end(ap);
	if (extack)
		extack->_msg = nd_extack_buf;
}
#endif

/* ---- helpers to fill messages ---- */

int nd_genl_put_pkt(struct sk_buff *msg, int attr, const struct nd_pkt *p,
		    bool full)
{
	struct nlattr *nest = nla_nest_start(msg, attr);
	int alen = p->family == AF_INET6 ? 16 : 4;

	if (!nest)
		return -EMSGSIZE;
	if ((p->ifname[0] && nla_put_string(msg, NETDIAG_PKT_A_IFNAME, p->ifname)) ||
	    (p->ifindex && nla_put_u32(msg, NETDIAG_PKT_A_IFINDEX, p->ifindex)) ||
	    nla_put_u16(msg, NETDIAG_PKT_A_ETH_PROTO, p->eth_proto) ||
	    nla_put_u8(msg, NETDIAG_PKT_A_L3_FAMILY, p->family))
		goto fail;
	if ((p->family || (p->flags & ND_PKT_HAS_ARP)) &&
	    (nla_put(msg, NETDIAG_PKT_A_SRC_IP, alen, p->saddr) ||
	     nla_put(msg, NETDIAG_PKT_A_DST_IP, alen, p->daddr)))
		goto fail;
	if (p->family &&
	    nla_put_u8(msg, NETDIAG_PKT_A_L4_PROTO, p->l4_proto))
		goto fail;
	if ((p->flags & ND_PKT_HAS_PORTS) &&
	    (nla_put_u16(msg, NETDIAG_PKT_A_SPORT, p->sport) ||
	     nla_put_u16(msg, NETDIAG_PKT_A_DPORT, p->dport)))
		goto fail;
	if (!full)
		goto done;
	if (nla_put_u32(msg, NETDIAG_PKT_A_LEN, p->len))
		goto fail;
	if ((p->flags & ND_PKT_HAS_ETH) &&
	    (nla_put(msg, NETDIAG_PKT_A_ETH_SRC, 6, p->eth_src) ||
	     nla_put(msg, NETDIAG_PKT_A_ETH_DST, 6, p->eth_dst)))
		goto fail;
	if ((p->nvlan > 0 && nla_put_u16(msg, NETDIAG_PKT_A_VLAN_OUTER, p->vlan[0])) ||
	    (p->nvlan > 1 && nla_put_u16(msg, NETDIAG_PKT_A_VLAN_INNER, p->vlan[1])))
		goto fail;
	if (p->family &&
	    (nla_put_u8(msg, NETDIAG_PKT_A_IP_TOS, p->ip_tos) ||
	     nla_put_u16(msg, NETDIAG_PKT_A_IP_LEN, p->ip_len) ||
	     nla_put_u32(msg, NETDIAG_PKT_A_IP_ID, p->ip_id) ||
	     nla_put_u8(msg, NETDIAG_PKT_A_IP_TTL, p->ip_ttl) ||
	     nla_put_u16(msg, NETDIAG_PKT_A_IP_FRAG, p->ip_frag)))
		goto fail;
	if ((p->l4_proto == IPPROTO_TCP && (p->flags & ND_PKT_HAS_L4)) &&
	    nla_put_u8(msg, NETDIAG_PKT_A_TCP_FLAGS, p->tcp_flags))
		goto fail;
	if ((p->l4_proto == IPPROTO_ICMP || p->l4_proto == IPPROTO_ICMPV6) &&
	    (p->flags & ND_PKT_HAS_L4) &&
	    (nla_put_u8(msg, NETDIAG_PKT_A_ICMP_TYPE, p->icmp_type) ||
	     nla_put_u8(msg, NETDIAG_PKT_A_ICMP_CODE, p->icmp_code)))
		goto fail;
	if ((p->flags & ND_PKT_HAS_ARP) &&
	    nla_put_u16(msg, NETDIAG_PKT_A_ARP_OP, p->arp_op))
		goto fail;
done:
	nla_nest_end(msg, nest);
	return 0;
fail:
	nla_nest_cancel(msg, nest);
	return -EMSGSIZE;
}

int nd_genl_put_filter(struct sk_buff *msg, const struct nd_filter *f)
{
	struct nlattr *nest = nla_nest_start(msg, NETDIAG_A_FILTER);
	unsigned int i;

	if (!nest)
		return -EMSGSIZE;
	if (((f->mask & ND_F_SRC_IP) &&
	     nla_put(msg, NETDIAG_FILTER_A_SRC_IP,
		     f->src_family == AF_INET ? 4 : 16, f->src_ip)) ||
	    ((f->mask & ND_F_DST_IP) &&
	     nla_put(msg, NETDIAG_FILTER_A_DST_IP,
		     f->dst_family == AF_INET ? 4 : 16, f->dst_ip)) ||
	    ((f->mask & ND_F_L4_PROTO) &&
	     nla_put_u8(msg, NETDIAG_FILTER_A_L4_PROTO, f->l4_proto)) ||
	    ((f->mask & ND_F_SRC_PORT) &&
	     nla_put_u16(msg, NETDIAG_FILTER_A_SRC_PORT, f->src_port)) ||
	    ((f->mask & ND_F_DST_PORT) &&
	     nla_put_u16(msg, NETDIAG_FILTER_A_DST_PORT, f->dst_port)) ||
	    ((f->mask & ND_F_ETH_PROTO) &&
	     nla_put_u16(msg, NETDIAG_FILTER_A_ETH_PROTO, f->eth_proto)) ||
	    ((f->mask & ND_F_VLAN) &&
	     nla_put_u16(msg, NETDIAG_FILTER_A_VLAN_ID, f->vlan_id)))
		goto fail;
	for (i = 0; i < f->nifnames; i++)
		if (nla_put_string(msg, NETDIAG_FILTER_A_IFNAME,
				   f->ifnames[i].name))
			goto fail;
	nla_nest_end(msg, nest);
	return 0;
fail:
	nla_nest_cancel(msg, nest);
	return -EMSGSIZE;
}

static int nd_parse_ip(struct nlattr *a, u8 *family, u8 *addr,
		       struct netlink_ext_ack *extack)
{
	int len = nla_len(a);

	if (len != 4 && len != 16) {
		NL_SET_ERR_MSG_ATTR(extack, a,
				    "an address is 4 (IPv4) or 16 (IPv6) bytes");
		return -EINVAL;
	}
	*family = len == 4 ? AF_INET : AF_INET6;
	memset(addr, 0, 16);
	memcpy(addr, nla_data(a), len);
	return 0;
}

int nd_genl_parse_filter(struct nlattr *nest, struct nd_filter *f,
			 struct netlink_ext_ack *extack)
{
	struct nlattr *tb[NETDIAG_FILTER_A_MAX + 1];
	struct nlattr *a;
	int rem, err;

	err = nla_parse_nested(tb, NETDIAG_FILTER_A_MAX, nest,
			       nd_filter_policy, extack);
	if (err)
		return err;
	memset(f, 0, sizeof(*f));
	if (tb[NETDIAG_FILTER_A_SRC_IP]) {
		err = nd_parse_ip(tb[NETDIAG_FILTER_A_SRC_IP], &f->src_family,
				  f->src_ip, extack);
		if (err)
			return err;
		f->mask |= ND_F_SRC_IP;
	}
	if (tb[NETDIAG_FILTER_A_DST_IP]) {
		err = nd_parse_ip(tb[NETDIAG_FILTER_A_DST_IP], &f->dst_family,
				  f->dst_ip, extack);
		if (err)
			return err;
		f->mask |= ND_F_DST_IP;
	}
	if (tb[NETDIAG_FILTER_A_L4_PROTO]) {
		f->l4_proto = nla_get_u8(tb[NETDIAG_FILTER_A_L4_PROTO]);
		f->mask |= ND_F_L4_PROTO;
	}
	if (tb[NETDIAG_FILTER_A_SRC_PORT]) {
		f->src_port = nla_get_u16(tb[NETDIAG_FILTER_A_SRC_PORT]);
		f->mask |= ND_F_SRC_PORT;
	}
	if (tb[NETDIAG_FILTER_A_DST_PORT]) {
		f->dst_port = nla_get_u16(tb[NETDIAG_FILTER_A_DST_PORT]);
		f->mask |= ND_F_DST_PORT;
	}
	if (tb[NETDIAG_FILTER_A_ETH_PROTO]) {
		f->eth_proto = nla_get_u16(tb[NETDIAG_FILTER_A_ETH_PROTO]);
		f->mask |= ND_F_ETH_PROTO;
	}
	if (tb[NETDIAG_FILTER_A_VLAN_ID]) {
		f->vlan_id = nla_get_u16(tb[NETDIAG_FILTER_A_VLAN_ID]);
		if (!f->vlan_id || f->vlan_id > 4094) {
			NL_SET_ERR_MSG_ATTR(extack, tb[NETDIAG_FILTER_A_VLAN_ID],
					    "VLAN id must be 1..4094");
			return -EINVAL;
		}
		f->mask |= ND_F_VLAN;
	}
	nla_for_each_nested(a, nest, rem) {
		if (nla_type(a) != NETDIAG_FILTER_A_IFNAME)
			continue;
		if (f->nifnames >= NETDIAG_MAX_IFACES) {
			nd_extack_fmt(extack, "at most %d interfaces in a filter",
				      NETDIAG_MAX_IFACES);
			return -E2BIG;
		}
		if (!nla_len(a) || !*(char *)nla_data(a)) {
			NL_SET_ERR_MSG_ATTR(extack, a, "empty interface name");
			return -EINVAL;
		}
		nla_strscpy(f->ifnames[f->nifnames++].name, a, NETDIAG_IFNAMSIZ);
		f->mask |= ND_F_IFNAME;
	}
	return 0;
}

int nd_genl_put_point(struct sk_buff *msg, int attr, struct nd_point *pt,
		      u64 session_hits, bool with_session_hits)
{
	struct nlattr *nest = nla_nest_start(msg, attr);
	int d = pt->active >= 0 ? pt->active : pt->last;
	u8 kind = d >= 0 ? pt->defs[d].kind :
		  (pt->ndefs ? pt->defs[0].kind : NETDIAG_HOOK_NONE);

	if (!nest)
		return -EMSGSIZE;
	if (nla_put_string(msg, NETDIAG_PROBE_A_NAME, pt->name) ||
	    (pt->module && nla_put_string(msg, NETDIAG_PROBE_A_MODULE, pt->module)) ||
	    nla_put_u32(msg, NETDIAG_PROBE_A_STATE, pt->state) ||
	    nla_put_u32(msg, NETDIAG_PROBE_A_HOOK, kind) ||
	    nla_put_string(msg, NETDIAG_PROBE_A_TARGET,
			   pt->symbol[0] ? pt->symbol :
			   (pt->ndefs ? pt->defs[0].target : "")) ||
	    nla_put_u32(msg, NETDIAG_PROBE_A_USERS, pt->nsubs) ||
	    nla_put_u64_64bit(msg, NETDIAG_PROBE_A_HITS,
			      with_session_hits ? session_hits : nd_point_hits(pt),
			      NETDIAG_PROBE_A_PAD) ||
	    nla_put_u64_64bit(msg, NETDIAG_PROBE_A_MISSED, nd_point_missed(pt),
			      NETDIAG_PROBE_A_PAD) ||
	    (pt->why[0] && pt->state != NETDIAG_PROBE_ATTACHED &&
	     nla_put_string(msg, NETDIAG_PROBE_A_WHY, pt->why))) {
		nla_nest_cancel(msg, nest);
		return -EMSGSIZE;
	}
	nla_nest_end(msg, nest);
	return 0;
}

struct sk_buff *nd_genl_event_new(u8 cmd, void **hdr)
{
	struct sk_buff *msg = genlmsg_new(NLMSG_GOODSIZE, GFP_KERNEL);

	if (!msg)
		return NULL;
	*hdr = genlmsg_put(msg, 0, 0, &nd_family, 0, cmd);
	if (!*hdr) {
		nlmsg_free(msg);
		return NULL;
	}
	return msg;
}

void *nd_genl_dump_put(struct sk_buff *msg, struct netlink_callback *cb,
		       u8 cmd)
{
	return genlmsg_put(msg, NETLINK_CB(cb->skb).portid, cb->nlh->nlmsg_seq,
			   &nd_family, NLM_F_MULTI, cmd);
}

int nd_genl_event_send(struct sk_buff *msg, void *hdr)
{
	genlmsg_end(msg, hdr);
	return genlmsg_multicast(&nd_family, msg, 0, 0, GFP_KERNEL);
}

/* ---- operations ---- */

static struct sk_buff *nd_reply_new(struct genl_info *info, void **hdr)
{
	struct sk_buff *msg = genlmsg_new(NLMSG_GOODSIZE, GFP_KERNEL);

	if (!msg)
		return NULL;
	*hdr = genlmsg_put_reply(msg, info, &nd_family, 0, info->genlhdr->cmd);
	if (!*hdr) {
		nlmsg_free(msg);
		return NULL;
	}
	return msg;
}

static int nd_info_get(struct sk_buff *skb, struct genl_info *info)
{
	struct sk_buff *msg;
	void *hdr;

	msg = nd_reply_new(info, &hdr);
	if (!msg)
		return -ENOMEM;
	if (nla_put_string(msg, NETDIAG_A_VERSION, ND_VERSION) ||
	    nla_put_string(msg, NETDIAG_A_KERNEL, init_utsname()->release) ||
	    nla_put_u32(msg, NETDIAG_A_SESSIONS, nd_session_count()) ||
	    nla_put_u64_64bit(msg, NETDIAG_A_MEM_BYTES, nd_session_mem_total(),
			      NETDIAG_A_PAD)) {
		nlmsg_free(msg);
		return -EMSGSIZE;
	}
	genlmsg_end(msg, hdr);
	return genlmsg_reply(msg, info);
}

static int nd_probe_dump(struct sk_buff *skb, struct netlink_callback *cb)
{
	unsigned int i;

	for (i = cb->args[0]; i < nd_catalog_count(); i++) {
		struct nd_point *pt = nd_catalog_get(i);
		void *hdr;
		int err;

		nd_point_refresh(pt);
		hdr = genlmsg_put(skb, NETLINK_CB(cb->skb).portid,
				  cb->nlh->nlmsg_seq, &nd_family, NLM_F_MULTI,
				  NETDIAG_CMD_PROBE_GET);
		if (!hdr)
			break;
		mutex_lock(&nd_probe_mutex);
		err = nd_genl_put_point(skb, NETDIAG_A_PROBE, pt, 0, false);
		mutex_unlock(&nd_probe_mutex);
		if (err) {
			genlmsg_cancel(skb, hdr);
			break;
		}
		genlmsg_end(skb, hdr);
	}
	cb->args[0] = i;
	return skb->len;
}

static int nd_session_new(struct sk_buff *skb, struct genl_info *info)
{
	struct nd_session *s;
	struct sk_buff *msg;
	void *hdr;

	if (!info->attrs[NETDIAG_A_KIND]) {
		NL_SET_ERR_MSG_MOD(info->extack, "session kind is required");
		return -EINVAL;
	}
	s = nd_session_create(info->attrs, info->snd_portid, info->extack);
	if (IS_ERR(s))
		return PTR_ERR(s);
	msg = nd_reply_new(info, &hdr);
	if (!msg)
		return -ENOMEM;	/* the session exists; list shows it */
	if (nla_put_u32(msg, NETDIAG_A_SESSION_ID, s->id)) {
		nlmsg_free(msg);
		return -EMSGSIZE;
	}
	genlmsg_end(msg, hdr);
	return genlmsg_reply(msg, info);
}

static int nd_need_id(struct genl_info *info, u32 *id)
{
	if (!info->attrs[NETDIAG_A_SESSION_ID]) {
		NL_SET_ERR_MSG_MOD(info->extack, "session id is required");
		return -EINVAL;
	}
	*id = nla_get_u32(info->attrs[NETDIAG_A_SESSION_ID]);
	return 0;
}

static int nd_session_del(struct sk_buff *skb, struct genl_info *info)
{
	u32 id;
	int err = nd_need_id(info, &id);

	return err ? err : nd_session_destroy_id(id, info->extack);
}

static int nd_stats_reset(struct sk_buff *skb, struct genl_info *info)
{
	struct nd_session *s;
	u32 id;
	int err = nd_need_id(info, &id);

	if (err)
		return err;
	s = nd_session_get(id);
	if (!s) {
		nd_extack_fmt(info->extack, "no session with id %u", id);
		return -ENOENT;
	}
	err = nd_session_reset(s);
	nd_session_put(s);
	return err;
}

static int nd_session_get_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct nd_session *s;
	struct sk_buff *msg;
	void *hdr;
	u32 id;
	int err = nd_need_id(info, &id);

	if (err)
		return err;
	s = nd_session_get(id);
	if (!s) {
		nd_extack_fmt(info->extack, "no session with id %u", id);
		return -ENOENT;
	}
	msg = genlmsg_new(NLMSG_GOODSIZE, GFP_KERNEL);
	err = -ENOMEM;
	if (!msg)
		goto out;
	hdr = genlmsg_put_reply(msg, info, &nd_family, 0, NETDIAG_CMD_SESSION_GET);
	err = hdr ? nd_session_fill(s, msg) : -EMSGSIZE;
	if (err) {
		nlmsg_free(msg);
		goto out;
	}
	genlmsg_end(msg, hdr);
	err = genlmsg_reply(msg, info);
out:
	nd_session_put(s);
	return err;
}

static int nd_session_get_dumpit(struct sk_buff *skb,
				 struct netlink_callback *cb)
{
	u32 id = cb->args[0] ? cb->args[0] : 1;
	struct nd_session *s;

	while ((s = nd_session_get_next(&id))) {
		void *hdr = genlmsg_put(skb, NETLINK_CB(cb->skb).portid,
					cb->nlh->nlmsg_seq, &nd_family,
					NLM_F_MULTI, NETDIAG_CMD_SESSION_GET);
		int err = hdr ? nd_session_fill(s, skb) : -EMSGSIZE;

		nd_session_put(s);
		if (err) {
			if (hdr)
				genlmsg_cancel(skb, hdr);
			break;
		}
		genlmsg_end(skb, hdr);
		id++;
	}
	cb->args[0] = id;
	return skb->len;
}

/* DROP_GET / STACK_GET: args[0] = session, args[1] = cursor, args[2] = clear */
static int nd_table_dump_start(struct netlink_callback *cb)
{
	struct nlattr *tb[NETDIAG_A_MAX + 1];
	struct nd_session *s;
	int err;

	err = nlmsg_parse(cb->nlh, GENL_HDRLEN, tb, NETDIAG_A_MAX, nd_policy,
			  cb->extack);
	if (err)
		return err;
	if (!tb[NETDIAG_A_SESSION_ID]) {
		NL_SET_ERR_MSG_MOD(cb->extack, "session id is required");
		return -EINVAL;
	}
	s = nd_session_get(nla_get_u32(tb[NETDIAG_A_SESSION_ID]));
	if (!s) {
		nd_extack_fmt(cb->extack, "no session with id %u",
			      nla_get_u32(tb[NETDIAG_A_SESSION_ID]));
		return -ENOENT;
	}
	if (s->kind != NETDIAG_KIND_DROP_STATS &&
	    s->kind != NETDIAG_KIND_DROP_WATCH) {
		nd_session_put(s);
		nd_extack_fmt(cb->extack, "session %u has no drop table", s->id);
		return -EOPNOTSUPP;
	}
	cb->args[0] = (long)s;
	cb->args[1] = 0;
	cb->args[2] = !!tb[NETDIAG_A_CLEAR];
	return 0;
}

static int nd_table_dump_done(struct netlink_callback *cb)
{
	if (cb->args[0])
		nd_session_put((struct nd_session *)cb->args[0]);
	return 0;
}

static int nd_drop_dumpit(struct sk_buff *skb, struct netlink_callback *cb)
{
	return nd_drop_dump((struct nd_session *)cb->args[0], skb, cb,
			    cb->args[2]);
}

static int nd_stack_dumpit(struct sk_buff *skb, struct netlink_callback *cb)
{
	return nd_stack_dump((struct nd_session *)cb->args[0], skb, cb);
}

static const struct genl_ops nd_ops[] = {
	{
		.cmd = NETDIAG_CMD_INFO_GET,
		.doit = nd_info_get,
	},
	{
		.cmd = NETDIAG_CMD_PROBE_GET,
		.dumpit = nd_probe_dump,
	},
	{
		.cmd = NETDIAG_CMD_SESSION_NEW,
		.doit = nd_session_new,
		.flags = GENL_ADMIN_PERM,
	},
	{
		.cmd = NETDIAG_CMD_SESSION_DEL,
		.doit = nd_session_del,
		.flags = GENL_ADMIN_PERM,
	},
	{
		.cmd = NETDIAG_CMD_SESSION_GET,
		.doit = nd_session_get_doit,
		.dumpit = nd_session_get_dumpit,
	},
	{
		.cmd = NETDIAG_CMD_STATS_RESET,
		.doit = nd_stats_reset,
		.flags = GENL_ADMIN_PERM,
	},
	{
		.cmd = NETDIAG_CMD_DROP_GET,
		.start = nd_table_dump_start,
		.dumpit = nd_drop_dumpit,
		.done = nd_table_dump_done,
		.flags = GENL_ADMIN_PERM,
	},
	{
		.cmd = NETDIAG_CMD_STACK_GET,
		.start = nd_table_dump_start,
		.dumpit = nd_stack_dumpit,
		.done = nd_table_dump_done,
		.flags = GENL_ADMIN_PERM,
	},
};

static const struct genl_multicast_group nd_mcgrps[] = {
	{
		.name = NETDIAG_MCGRP_EVENTS,
#ifdef ND_HAVE_GENL_MCAST_CAP
		.flags = GENL_MCAST_CAP_NET_ADMIN,
#endif
	},
};

static struct genl_family nd_family __ro_after_init = {
	.name = NETDIAG_GENL_NAME,
	.version = NETDIAG_GENL_VERSION,
	.maxattr = NETDIAG_A_MAX,
	.policy = nd_policy,
	.module = THIS_MODULE,
	.ops = nd_ops,
	.n_ops = ARRAY_SIZE(nd_ops),
	/* resv_start_op left at 0: strict validation for every op */
	.mcgrps = nd_mcgrps,
	.n_mcgrps = ARRAY_SIZE(nd_mcgrps),
};

int nd_genl_init(void)
{
	return genl_register_family(&nd_family);
}

void nd_genl_exit(void)
{
	genl_unregister_family(&nd_family);
}

MODULE_ALIAS_GENL_FAMILY(NETDIAG_GENL_NAME);
