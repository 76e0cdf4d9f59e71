/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Per-CPU log-linear histograms (hist.c): values below ND_HIST_SUB go to
 * their own bucket; above, each power of two is split into ND_HIST_SUB
 * equal sub-buckets, so a bucket's width is at most 1/ND_HIST_SUB of its
 * lower bound: a percentile read as a bucket's midpoint is within
 * 1/(2*ND_HIST_SUB) = 6.25 % of the true value.
 */
#ifndef _ND_HIST_H
#define _ND_HIST_H

#include <linux/types.h>
#include <linux/percpu.h>

#define ND_HIST_SUB_BITS 3
#define ND_HIST_SUB (1U << ND_HIST_SUB_BITS)
#define ND_HIST_BUCKETS ((64 - ND_HIST_SUB_BITS + 1) * ND_HIST_SUB)

struct nd_hist {
	u64 __percpu *b;		/* ND_HIST_BUCKETS per CPU */
};

int nd_hist_init(struct nd_hist *h);
void nd_hist_free(struct nd_hist *h);
void nd_hist_reset(struct nd_hist *h);
size_t nd_hist_mem(void);
/* Sum all CPUs into out[ND_HIST_BUCKETS]; returns the total count. */
u64 nd_hist_sum(const struct nd_hist *h, u64 *out);
u64 nd_hist_lo(unsigned int bucket);
u64 nd_hist_hi(unsigned int bucket);	/* exclusive */
/* Value at percentile pct (0..100) of summed buckets (bucket midpoint). */
u64 nd_hist_percentile(const u64 *buckets, u64 total, unsigned int pct);

static inline unsigned int nd_hist_bucket(u64 v)
{
	unsigned int e;

	if (v < ND_HIST_SUB)
		return v;
	e = fls64(v) - 1;		/* >= ND_HIST_SUB_BITS */
	return (e - ND_HIST_SUB_BITS + 1) * ND_HIST_SUB +
	       ((v >> (e - ND_HIST_SUB_BITS)) & (ND_HIST_SUB - 1));
}

static inline void nd_hist_add(struct nd_hist *h, u64 v)
{
	this_cpu_inc(h->b[nd_hist_bucket(v)]);
}

#endif
