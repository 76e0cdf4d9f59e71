// SPDX-License-Identifier: GPL-2.0
/*
 * ndctl count: filtered hits per catalog probe point (any point listed by
 * 'ndctl probes'). Points in modules that are not loaded wait for them.
 */
#include <stdio.h>
#include <string.h>
#include "cmds.h"
#include "common.h"
#include "print.h"

static void count_report(const struct nd_sess_info *si, bool final)
{
	int i;

	if (nd_json) {
		jw_start_obj(NULL);
		jw_u64("session", si->id);
		jw_str("report", final ? "summary" : "interval");
		print_session_stats_json(si);
		print_points_json(si);
		jw_end_obj();
		jw_flush();
		return;
	}
	printf("%s (session %u, age %.1f s)\n", final ? "Summary" : "Counts",
	       si->id, si->age_ms / 1000.0);
	for (i = 0; i < si->npoints; i++) {
		const struct nd_point_info *p = &si->points[i];

		printf("  %-32s %12llu  %s via %s%s%s\n", p->name,
		       (unsigned long long)p->hits, probe_state_name(p->state),
		       hook_kind_name(p->hook), p->why[0] ? " - " : "", p->why);
	}
	print_session_stats_text(si);
	fflush(stdout);
}

int cmd_count(int argc, char **argv, const struct nd_cmd *cmd)
{
	struct nd_sess_info si;
	struct nd_opts o;
	struct nd_nl nl;
	bool own = false;
	uint32_t id;
	double start;
	int r, err;

	opts_init(&o);
	r = opts_parse(&o, argc, argv, cmd->groups, cmd->usage);
	if (r)
		return r > 0 ? 0 : 2;
	if (o.session <= 0 && !o.npoints) {
		fprintf(stderr, "ndctl: count needs --point NAME (see 'ndctl probes') or --session ID\n");
		return 2;
	}
	if (nl_open(&nl))
		return 2;
	nd_install_signals();
	r = nd_session_open(&nl, NETDIAG_KIND_COUNT, &o, "count",
			    "ndctl count --once --session", &id, &own);
	if (r) {
		nl_close(&nl);
		return r > 0 ? 0 : 1;
	}
	start = nd_now();
	for (;;) {
		bool last;

		nd_next_report(&o, start, &last);
		err = nd_session_query(&nl, id, &si);
		if (err) {
			nl_perror(&nl, "reading the session");
			break;
		}
		count_report(&si, last);
		if (last)
			break;
	}
	if (own && nd_session_delete(&nl, id))
		nl_perror(&nl, "stopping the session");
	nl_close(&nl);
	return err ? 1 : 0;
}
