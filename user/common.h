/* SPDX-License-Identifier: GPL-2.0 */
/* Session requests and replies shared by the commands (common.c). */
#ifndef NDCTL_COMMON_H
#define NDCTL_COMMON_H

#include "args.h"
#include "nl.h"

extern volatile int nd_stop;

struct nd_point_info {
	char name[NETDIAG_POINT_NAMSIZ];
	char module[32];
	char target[64];
	char why[160];
	uint32_t state, hook, users;
	uint64_t hits, missed;
};

struct nd_sess_info {
	uint32_t id, kind, flags, group_by, max_entries, max_stacks, rate;
	uint64_t mem, age_ms;
	uint64_t stats[NETDIAG_STAT_A_MAX + 1];
	bool has_stat[NETDIAG_STAT_A_MAX + 1];
	struct nd_point_info points[NETDIAG_MAX_POINTS];
	int npoints;
	char filter[256];		/* human-readable */
};

void nd_install_signals(void);
/* Wait for the next report of a periodic command; *last is set when this
 * report is the final one (--once, --duration reached, or Ctrl-C). */
void nd_next_report(const struct nd_opts *o, double start, bool *last);
/* Print the id of a session left running with --detach. */
void print_detached(uint32_t id, const char *how_to_read);
void print_point_json(const struct nd_point_info *p);
void print_points_json(const struct nd_sess_info *si);
/* Use --session ID, or create a session of this kind. Returns 0 to go on
 * (*own: ndctl stops it at the end), 1 when done (--detach printed the
 * id), or -1 after printing the error. */
int nd_session_open(struct nd_nl *nl, uint32_t kind, const struct nd_opts *o,
		    const char *what, const char *how_to_read, uint32_t *id,
		    bool *own);
/* Sleep up to sec seconds; returns early (1) when a signal asked to stop. */
int nd_sleep(double sec);
double nd_now(void);

int nd_session_create(struct nd_nl *nl, uint32_t kind,
		      const struct nd_opts *o, uint32_t *id);
int nd_session_delete(struct nd_nl *nl, uint32_t id);
int nd_session_query(struct nd_nl *nl, uint32_t id, struct nd_sess_info *si);
/* Parse one SESSION_GET message (also used by dumps). */
int nd_session_parse(const struct nlmsghdr *nlh, struct nd_sess_info *si);
void nd_point_parse(const struct nlattr *nest, struct nd_point_info *pi);

const char *stat_name(int attr);
void print_session_stats_text(const struct nd_sess_info *si);
void print_session_stats_json(const struct nd_sess_info *si);
void print_session_json(const struct nd_sess_info *si);
void print_session_text(const struct nd_sess_info *si);

#endif
