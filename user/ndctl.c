// SPDX-License-Identifier: GPL-2.0
/*
 * ndctl: the control tool of netdiag (network data-path diagnostics).
 * Not the NVDIMM tool of the same name: 'ndctl --version' says which.
 * Commands are rows of one table: object, verb, handler, option groups.
 */
#include <stdio.h>
#include <string.h>
#include "args.h"
#include "cmds.h"
#include "print.h"

#define NDCTL_VERSION "0.1.0"

static const struct nd_cmd nd_cmds[] = {
	{ "info", NULL, cmd_info, 0, "ndctl info",
	  "module version, kernel release, sessions and memory" },
	{ "probes", NULL, cmd_probes, 0, "ndctl probes",
	  "every probe point: state on this kernel, hook, hits, misses" },
	{ "session", "list", cmd_session_list, 0, "ndctl session list",
	  "the sessions alive in the module" },
	{ "session", "show", cmd_session_show, 0, "ndctl session show ID",
	  "one session: filter, counters, probe points" },
	{ "session", "stop", cmd_session_stop, 0, "ndctl session stop ID",
	  "destroy a session (also a detached one)" },
	{ "session", "reset", cmd_session_reset, 0, "ndctl session reset ID",
	  "zero a session's tables and counters" },
	{ "drop", "stats", cmd_drop_stats,
	  OG_FILTER | OG_REPORT | OG_SESSION | OG_DROPSTATS | OG_STACK | OG_NORMAL,
	  "ndctl drop stats [filters] [--group-by G] [--interval S] [--duration S] [--top N] [--detach | --session ID --once]",
	  "drops counted per stack, device, flow and reason (kernel_drop_stack_stats_summary*)" },
	{ "drop", "watch", cmd_drop_watch, OG_FILTER | OG_WATCH | OG_STACK | OG_NORMAL,
	  "ndctl drop watch [filters] [--rate N] [--count N] [--duration S]",
	  "one event per drop: decoded headers and stack (eth_drop)" },
	{ "count", NULL, cmd_count,
	  OG_FILTER | OG_REPORT | OG_SESSION | OG_POINTS,
	  "ndctl count --point NAME [--point NAME...] [filters] [--interval S] [--duration S]",
	  "filtered hits per probe point" },
	{ "tool", NULL, cmd_tool, 0, "ndctl tool <seed-tool-name> [seed flags]",
	  "run the command that replaces a BCC seed tool (ndctl tool list)" },
};

#define NCMDS (sizeof(nd_cmds) / sizeof(nd_cmds[0]))

const struct nd_cmd *nd_cmd_find(const char *object, const char *verb)
{
	unsigned int i;

	for (i = 0; i < NCMDS; i++)
		if (!strcmp(nd_cmds[i].object, object) &&
		    ((!verb && !nd_cmds[i].verb) ||
		     (verb && nd_cmds[i].verb && !strcmp(nd_cmds[i].verb, verb))))
			return &nd_cmds[i];
	return NULL;
}

int nd_cmd_run(const struct nd_cmd *c, int argc, char **argv)
{
	return c->run(argc, argv, c);
}

static void usage(FILE *f)
{
	unsigned int i;

	fprintf(f, "usage: ndctl [-j|--json] OBJECT [VERB] [OPTIONS]\n"
		"       ndctl --version | --help\n\n"
		"netdiag control tool: network data-path diagnostics in the kernel.\n\n"
		"commands:\n");
	for (i = 0; i < NCMDS; i++) {
		char name[32];

		snprintf(name, sizeof(name), "%s%s%s", nd_cmds[i].object,
			 nd_cmds[i].verb ? " " : "",
			 nd_cmds[i].verb ? nd_cmds[i].verb : "");
		fprintf(f, "  %-16s %s\n", name, nd_cmds[i].summary);
	}
	fprintf(f, "\n'ndctl OBJECT VERB --help' lists a command's options.\n"
		"info, probes and session list/show work for any user; creating sessions and\n"
		"reading drops (packet headers, stacks) need CAP_NET_ADMIN.\n");
}

int main(int argc, char **argv)
{
	const struct nd_cmd *c;
	int i = 1;

	while (i < argc && argv[i][0] == '-') {
		if (!strcmp(argv[i], "-j") || !strcmp(argv[i], "--json")) {
			nd_json = true;
		} else if (!strcmp(argv[i], "-V") || !strcmp(argv[i], "--version")) {
			printf("ndctl %s (netdiag: network data-path diagnostics; not the NVDIMM ndctl)\n",
			       NDCTL_VERSION);
			return 0;
		} else if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help")) {
			usage(stdout);
			return 0;
		} else {
			fprintf(stderr, "ndctl: unknown option '%s'\n", argv[i]);
			usage(stderr);
			return 2;
		}
		i++;
	}
	if (i >= argc) {
		usage(stderr);
		return 2;
	}
	if (!strcmp(argv[i], "help")) {
		usage(stdout);
		return 0;
	}
	c = (i + 1 < argc) ? nd_cmd_find(argv[i], argv[i + 1]) : NULL;
	if (c)
		return nd_cmd_run(c, argc - i - 1, argv + i + 1);
	c = nd_cmd_find(argv[i], NULL);
	if (c)
		return nd_cmd_run(c, argc - i, argv + i);
	for (unsigned int k = 0; k < NCMDS; k++) {
		if (!strcmp(nd_cmds[k].object, argv[i])) {
			fprintf(stderr, "ndctl: '%s' needs a verb:", argv[i]);
			for (unsigned int m = 0; m < NCMDS; m++)
				if (!strcmp(nd_cmds[m].object, argv[i]))
					fprintf(stderr, " %s", nd_cmds[m].verb);
			fprintf(stderr, "\n");
			return 2;
		}
	}
	fprintf(stderr, "ndctl: unknown command '%s' (ndctl --help lists them)\n", argv[i]);
	return 2;
}
