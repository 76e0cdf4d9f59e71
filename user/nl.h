/* SPDX-License-Identifier: GPL-2.0 */
/* libmnl generic-netlink plumbing for ndctl (nl.c). */
#ifndef NDCTL_NL_H
#define NDCTL_NL_H

#include <stdbool.h>
#include <stdint.h>
#include <libmnl/libmnl.h>
#include <linux/genetlink.h>
#include "../include/uapi/linux/netdiag.h"

struct nd_nl {
	struct mnl_socket *sock;
	uint16_t family;
	uint32_t mcgrp_events;
	uint32_t seq;
	uint32_t portid;
	char errmsg[256];		/* extack text of the last error */
	int err;			/* last errno */
};

/* Open the socket and resolve the family. On failure, a message that
 * says why (module not loaded, no permission) has been printed. */
int nl_open(struct nd_nl *nl);
void nl_close(struct nd_nl *nl);

/* Start a request in buf (MNL_SOCKET_BUFFER_SIZE bytes). */
struct nlmsghdr *nl_req(struct nd_nl *nl, void *buf, uint8_t cmd,
			uint16_t flags);

/* Send nlh and run cb on each reply until the ack / end of dump.
 * Returns 0, or -errno with nl->errmsg set from the kernel's extack. */
int nl_talk(struct nd_nl *nl, struct nlmsghdr *nlh, mnl_cb_t cb, void *data);

/* Join the events group; then nl_recv_events() calls cb per message until
 * cb returns MNL_CB_STOP, a signal stops it, or timeout_ms passes (0 = none). */
int nl_join_events(struct nd_nl *nl);
int nl_recv_events(struct nd_nl *nl, mnl_cb_t cb, void *data, int timeout_ms);

/* Print "ndctl: what: errmsg (strerror)" for the last error. */
void nl_perror(struct nd_nl *nl, const char *what);

/* Parse the attributes of a genl message / nest into tb[0..max]. */
int nl_parse(const struct nlmsghdr *nlh, const struct nlattr **tb, int max);
int nl_parse_nested(const struct nlattr *nest, const struct nlattr **tb,
		    int max);

#endif
