// SPDX-License-Identifier: GPL-2.0
/* Per-CPU log-linear histograms. See hist.h. */
#include <linux/bitops.h>
#include <linux/cpumask.h>
#include <linux/string.h>
#include <linux/math64.h>
#include "hist.h"

int nd_hist_init(struct nd_hist *h)
{
	h->b = __alloc_percpu(ND_HIST_BUCKETS * sizeof(u64), sizeof(u64));
	return h->b ? 0 : -ENOMEM;
}

void nd_hist_free(struct nd_hist *h)
{
	free_percpu(h->b);
	h->b = NULL;
}

size_t nd_hist_mem(void)
{
	return (size_t)ND_HIST_BUCKETS * sizeof(u64) * num_possible_cpus();
}

void nd_hist_reset(struct nd_hist *h)
{
	int cpu;

	for_each_possible_cpu(cpu)
		memset(per_cpu_ptr(h->b, cpu), 0, ND_HIST_BUCKETS * sizeof(u64));
}

u64 nd_hist_sum(const struct nd_hist *h, u64 *out)
{
	u64 total = 0;
	unsigned int i;
	int cpu;

	memset(out, 0, ND_HIST_BUCKETS * sizeof(u64));
	for_each_possible_cpu(cpu) {
		const u64 *b = per_cpu_ptr(h->b, cpu);

		for (i = 0; i < ND_HIST_BUCKETS; i++)
			out[i] += READ_ONCE(b[i]);
	}
	for (i = 0; i < ND_HIST_BUCKETS; i++)
		total += out[i];
	return total;
}

u64 nd_hist_lo(unsigned int bucket)
{
	unsigned int e, sub;

	if (bucket < ND_HIST_SUB)
		return bucket;
	e = bucket / ND_HIST_SUB + ND_HIST_SUB_BITS - 1;
	sub = bucket % ND_HIST_SUB;
	return (1ULL << e) + ((u64)sub << (e - ND_HIST_SUB_BITS));
}

u64 nd_hist_hi(unsigned int bucket)
{
	if (bucket + 1 >= ND_HIST_BUCKETS)
		return U64_MAX;
	return nd_hist_lo(bucket + 1);
}

u64 nd_hist_percentile(const u64 *buckets, u64 total, unsigned int pct)
{
	u64 want, acc = 0;
	unsigned int i;

	if (!total)
		return 0;
	want = div64_u64(total * pct + 99, 100);
	if (!want)
		want = 1;
	for (i = 0; i < ND_HIST_BUCKETS; i++) {
		acc += buckets[i];
		if (acc >= want) {
			u64 lo = nd_hist_lo(i), hi = nd_hist_hi(i);

			return hi == U64_MAX ? lo : lo + (hi - lo) / 2;
		}
	}
	return 0;
}
