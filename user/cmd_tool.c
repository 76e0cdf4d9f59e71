// SPDX-License-Identifier: GPL-2.0
/*
 * ndctl tool <seed-tool-name> [the seed tool's flags]: the migration path
 * from the BCC toolkit. Each seed tool maps to an ndctl command plus the
 * arguments that give it the seed's semantics; the seed's own flag names
 * are accepted by the shared option table. Later tools add a row here.
 */
#include <stdio.h>
#include <string.h>
#include "cmds.h"
#include "print.h"

struct nd_tool {
	const char *seed;
	const char *object, *verb;
	const char *preset[4];		/* arguments put before the user's */
	const char *what;
};

static const struct nd_tool nd_tools[] = {
	{ "eth_drop", "drop", "watch", { NULL },
	  "one event per dropped packet with decoded headers and stack" },
	{ "kernel_drop_stack_stats_summary", "drop", "stats",
	  { "--group-by", "stack,dev", NULL },
	  "drops counted per (stack, device)" },
	{ "kernel_drop_stack_stats_summary_all", "drop", "stats",
	  { "--group-by", "all", NULL },
	  "drops counted per (stack, device, 5-tuple)" },
};

void nd_tools_list(void)
{
	unsigned int i;

	if (nd_json) {
		jw_start_arr(NULL);
		for (i = 0; i < sizeof(nd_tools) / sizeof(nd_tools[0]); i++) {
			jw_start_obj(NULL);
			jw_str("seed", nd_tools[i].seed);
			jw_str("command", nd_tools[i].verb);
			jw_str("object", nd_tools[i].object);
			jw_str("what", nd_tools[i].what);
			jw_end_obj();
		}
		jw_end_arr();
		jw_flush();
		return;
	}
	for (i = 0; i < sizeof(nd_tools) / sizeof(nd_tools[0]); i++) {
		const struct nd_tool *t = &nd_tools[i];
		int j;

		printf("  %-38s ndctl %s %s", t->seed, t->object, t->verb);
		for (j = 0; t->preset[j]; j++)
			printf(" %s", t->preset[j]);
		printf("\n  %-38s   %s\n", "", t->what);
	}
}

int cmd_tool(int argc, char **argv, const struct nd_cmd *cmd)
{
	const struct nd_tool *t = NULL;
	const struct nd_cmd *target;
	char *nargv[256];
	const char *name;
	unsigned int i;
	int n = 0, j;

	if (argc < 2 || !strcmp(argv[1], "list") || !strcmp(argv[1], "--help") ||
	    !strcmp(argv[1], "-h")) {
		if (!nd_json)
			printf("usage: ndctl tool <seed-tool-name> [the seed tool's flags]\n\nseed tools:\n");
		nd_tools_list();
		return argc < 2 ? 2 : 0;
	}
	name = argv[1];
	/* accept "eth_drop.py" too */
	for (i = 0; i < sizeof(nd_tools) / sizeof(nd_tools[0]); i++) {
		size_t l = strlen(nd_tools[i].seed);

		if (!strncmp(name, nd_tools[i].seed, l) &&
		    (!name[l] || !strcmp(name + l, ".py")))
			t = &nd_tools[i];
	}
	if (!t) {
		fprintf(stderr, "ndctl: no seed tool named '%s' (ndctl tool list shows them)\n",
			name);
		return 2;
	}
	target = nd_cmd_find(t->object, t->verb);
	if (!target || argc + 8 > (int)(sizeof(nargv) / sizeof(nargv[0])))
		return 2;
	nargv[n++] = argv[1];
	for (j = 0; t->preset[j]; j++)
		nargv[n++] = (char *)t->preset[j];
	for (j = 2; j < argc; j++)
		nargv[n++] = argv[j];
	nargv[n] = NULL;
	return nd_cmd_run(target, n, nargv);
}
