// SPDX-License-Identifier: GPL-2.0
/* Stack capture and de-duplication. See stack.h. */
#include <linux/module.h>
#include <linux/string.h>
#include "compat/compat.h"
#include "stack.h"

#define ND_STACK_RAW (ND_STACK_DEPTH + 8)

int nd_stacks_init(struct nd_stacks *st, u32 max_stacks)
{
	return nd_table_init(&st->t, max_stacks, sizeof(struct nd_stack_key),
			     0, true);
}

void nd_stacks_free(struct nd_stacks *st)
{
	nd_table_free(&st->t);
}

size_t nd_stacks_mem(u32 max_stacks)
{
	return nd_table_mem(max_stacks, sizeof(struct nd_stack_key), 0);
}

unsigned int nd_stack_capture(struct nd_stack_key *k)
{
	unsigned long raw[ND_STACK_RAW];
	unsigned int n, i = 0;

	memset(k, 0, sizeof(*k));
	n = nd_stack_save(raw, ND_STACK_RAW, 0);
	/* drop our own frames: the stack starts at the probed code */
	while (i < n && within_module(raw[i], THIS_MODULE))
		i++;
	n -= i;
	if (n > ND_STACK_DEPTH)
		n = ND_STACK_DEPTH;
	memcpy(k->ip, raw + i, n * sizeof(raw[0]));
	k->nr = n;
	return n;
}

u32 nd_stacks_intern(struct nd_stacks *st, const struct nd_stack_key *k)
{
	int slot = nd_table_upsert(&st->t, k, nd_table_hash(k, sizeof(*k)),
				   NULL, NULL);

	return slot < 0 ? 0 : slot + 1;
}

bool nd_stacks_lookup(struct nd_stacks *st, u32 id, struct nd_stack_key *k)
{
	if (!id)
		return false;
	return nd_table_read(&st->t, id - 1, k, NULL);
}
