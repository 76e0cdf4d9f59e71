/* SPDX-License-Identifier: GPL-2.0 */
/*
 * One option table for every command (args.c): each command names the
 * option groups it takes; parsing, validation, error messages and the
 * option part of --help come from the table, never from the command.
 */
#ifndef NDCTL_ARGS_H
#define NDCTL_ARGS_H

#include <stdbool.h>
#include <stdint.h>
#include "../include/uapi/linux/netdiag.h"

enum nd_optgroup {
	OG_FILTER	= 1 << 0,	/* packet filter */
	OG_REPORT	= 1 << 1,	/* --interval --duration --top */
	OG_SESSION	= 1 << 2,	/* --detach --session --once */
	OG_DROPSTATS	= 1 << 3,	/* --group-by --max-entries ... */
	OG_WATCH	= 1 << 4,	/* --rate --count ... */
	OG_STACK	= 1 << 5,	/* --no-stack-trace */
	OG_POINTS	= 1 << 6,	/* --point */
	OG_NORMAL	= 1 << 7,	/* --include-normal */
};

struct nd_opts {
	/* filter */
	uint8_t src_family, dst_family;
	uint8_t src_ip[16], dst_ip[16];
	int l4_proto;			/* -1: any */
	int src_port, dst_port;		/* -1: any */
	int eth_proto;			/* -1: any */
	int vlan_id;			/* -1: any */
	char ifnames[NETDIAG_MAX_IFACES][NETDIAG_IFNAMSIZ];
	int nifnames;
	/* reporting */
	double interval;		/* seconds */
	double duration;		/* seconds, 0: until Ctrl-C */
	int top;
	/* session */
	bool detach;
	long session;			/* -1: create one */
	bool once;
	/* drop stats */
	uint32_t group_by;
	uint32_t max_entries, max_stacks;	/* 0: module default */
	bool no_stack;
	bool include_normal;
	/* watch */
	uint32_t rate;
	long count;			/* stop after N events, 0: no limit */
	bool verbose;
	/* count */
	char points[NETDIAG_MAX_POINTS][NETDIAG_POINT_NAMSIZ];
	int npoints;
	/* positional arguments left */
	int argc;
	char **argv;
};

void opts_init(struct nd_opts *o);
/* Parse argv (argv[0] is the command name) with the groups allowed.
 * Returns 0, 1 if --help was printed, or -1 after printing an error. */
int opts_parse(struct nd_opts *o, int argc, char **argv, unsigned int groups,
	       const char *usage);
void opts_help(unsigned int groups);

/* Value parsers (also used by tests). Return 0 or -1. */
int parse_ip(const char *s, uint8_t *family, uint8_t *addr);
int parse_port(const char *s, int *port);
int parse_proto(const char *s, int *proto);
int parse_ethtype(const char *s, int *eth);
int parse_group_by(const char *s, uint32_t *mask);
int parse_seconds(const char *s, double *sec);
int parse_ifnames(const char *s, struct nd_opts *o);

#endif
