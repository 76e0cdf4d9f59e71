/* SPDX-License-Identifier: GPL-2.0 */
/* Kernel stack capture and a de-duplicated stack table (stack.c). */
#ifndef _ND_STACK_H
#define _ND_STACK_H

#include "table.h"

#define ND_STACK_DEPTH 16

struct nd_stack_key {
	u32 nr;
	u32 pad;
	unsigned long ip[ND_STACK_DEPTH];
};

struct nd_stacks {
	struct nd_table t;		/* no eviction: ids stay valid */
};

int nd_stacks_init(struct nd_stacks *st, u32 max_stacks);
void nd_stacks_free(struct nd_stacks *st);
size_t nd_stacks_mem(u32 max_stacks);
/* Capture the current stack without netdiag's own frames; 0 frames = fail. */
unsigned int nd_stack_capture(struct nd_stack_key *k);
/* Store k; returns its id (>= 1), or 0 when the table is full. */
u32 nd_stacks_intern(struct nd_stacks *st, const struct nd_stack_key *k);
bool nd_stacks_lookup(struct nd_stacks *st, u32 id, struct nd_stack_key *k);

static inline u32 nd_stacks_count(struct nd_stacks *st)
{
	return atomic_read(&st->t.count);
}

#endif
