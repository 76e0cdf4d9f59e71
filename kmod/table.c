// SPDX-License-Identifier: GPL-2.0
/* Bounded, bucket-locked hash table. See table.h. */
#include <linux/jhash.h>
#include <linux/jiffies.h>
#include <linux/log2.h>
#include <linux/string.h>
#include "compat/compat.h"
#include "table.h"

struct nd_tentry {
	u32 hash;
	u32 used;
	u64 stamp;			/* jiffies of the last update (LRU) */
	u8 data[];			/* key, then value (8-byte aligned) */
};

static u32 nd_entry_size(u32 key_size, u32 val_size)
{
	return ALIGN(sizeof(struct nd_tentry) + ALIGN(key_size, 8) +
		     val_size, 8);
}

static u32 nd_nbuckets(u32 max_entries)
{
	u32 n = DIV_ROUND_UP(max_entries, ND_TABLE_WAYS);

	return n < 1 ? 1 : roundup_pow_of_two(n);
}

size_t nd_table_mem(u32 max_entries, u32 key_size, u32 val_size)
{
	u32 nb = nd_nbuckets(max_entries);

	return (size_t)nb * ND_TABLE_WAYS * nd_entry_size(key_size, val_size) +
	       (size_t)nb * sizeof(raw_spinlock_t);
}

int nd_table_init(struct nd_table *t, u32 max_entries, u32 key_size,
		  u32 val_size, bool no_evict)
{
	u32 i;

	memset(t, 0, sizeof(*t));
	if (!max_entries || key_size % 4)
		return -EINVAL;
	t->nbuckets = nd_nbuckets(max_entries);
	t->key_size = key_size;
	t->val_size = val_size;
	t->entry_size = nd_entry_size(key_size, val_size);
	t->no_evict = no_evict;
	t->locks = nd_zalloc_big((size_t)t->nbuckets * sizeof(*t->locks));
	t->entries = nd_zalloc_big((size_t)t->nbuckets * ND_TABLE_WAYS *
				   t->entry_size);
	if (!t->locks || !t->entries) {
		nd_table_free(t);
		return -ENOMEM;
	}
	for (i = 0; i < t->nbuckets; i++)
		raw_spin_lock_init(&t->locks[i]);
	t->mem = nd_table_mem(max_entries, key_size, val_size);
	return 0;
}

void nd_table_free(struct nd_table *t)
{
	nd_free_big(t->locks);
	nd_free_big(t->entries);
	t->locks = NULL;
	t->entries = NULL;
}

u32 nd_table_hash(const void *key, u32 key_size)
{
	return jhash2(key, key_size / 4, 0x6e646961);
}

static inline struct nd_tentry *nd_slot(struct nd_table *t, u32 slot)
{
	return (struct nd_tentry *)(t->entries + (size_t)slot * t->entry_size);
}

static inline void *nd_val(struct nd_table *t, struct nd_tentry *e)
{
	return e->data + ALIGN(t->key_size, 8);
}

int nd_table_upsert(struct nd_table *t, const void *key, u32 hash,
		    nd_table_fn fn, void *arg)
{
	u32 b = hash & (t->nbuckets - 1);
	u32 base = b * ND_TABLE_WAYS;
	struct nd_tentry *e, *free = NULL, *lru = NULL;
	unsigned long flags;
	bool created = false;
	u32 w;

	raw_spin_lock_irqsave(&t->locks[b], flags);
	for (w = 0; w < ND_TABLE_WAYS; w++) {
		e = nd_slot(t, base + w);
		if (!e->used) {
			if (!free)
				free = e;
			continue;
		}
		if (e->hash == hash && !memcmp(e->data, key, t->key_size))
			goto found;
		if (!lru || time_before64(e->stamp, lru->stamp))
			lru = e;
	}
	if (free) {
		e = free;
		atomic_inc(&t->count);
	} else if (t->no_evict) {
		raw_spin_unlock_irqrestore(&t->locks[b], flags);
		atomic64_inc(&t->full);
		return -ENOSPC;
	} else {
		e = lru;
		if (t->on_evict)
			t->on_evict(t, nd_val(t, e));
		atomic64_inc(&t->evicted);
	}
	e->used = 1;
	e->hash = hash;
	memcpy(e->data, key, t->key_size);
	memset(nd_val(t, e), 0, t->val_size);
	created = true;
found:
	e->stamp = get_jiffies_64();
	if (fn)
		fn(nd_val(t, e), created, arg);
	raw_spin_unlock_irqrestore(&t->locks[b], flags);
	return ((u8 *)e - t->entries) / t->entry_size;
}

bool nd_table_read(struct nd_table *t, u32 slot, void *key, void *val)
{
	u32 b = slot / ND_TABLE_WAYS;
	struct nd_tentry *e;
	unsigned long flags;
	bool used;

	if (slot >= nd_table_slots(t))
		return false;
	e = nd_slot(t, slot);
	raw_spin_lock_irqsave(&t->locks[b], flags);
	used = e->used;
	if (used) {
		if (key)
			memcpy(key, e->data, t->key_size);
		if (val)
			memcpy(val, nd_val(t, e), t->val_size);
	}
	raw_spin_unlock_irqrestore(&t->locks[b], flags);
	return used;
}

void nd_table_apply(struct nd_table *t, u32 slot, const void *key,
		    nd_table_fn fn, void *arg)
{
	u32 b = slot / ND_TABLE_WAYS;
	struct nd_tentry *e;
	unsigned long flags;

	if (slot >= nd_table_slots(t))
		return;
	e = nd_slot(t, slot);
	raw_spin_lock_irqsave(&t->locks[b], flags);
	if (e->used && !memcmp(e->data, key, t->key_size))
		fn(nd_val(t, e), false, arg);
	raw_spin_unlock_irqrestore(&t->locks[b], flags);
}

void nd_table_clear(struct nd_table *t)
{
	unsigned long flags;
	u32 b, w;

	for (b = 0; b < t->nbuckets; b++) {
		raw_spin_lock_irqsave(&t->locks[b], flags);
		for (w = 0; w < ND_TABLE_WAYS; w++) {
			struct nd_tentry *e = nd_slot(t, b * ND_TABLE_WAYS + w);

			if (e->used)
				atomic_dec(&t->count);
			e->used = 0;
		}
		raw_spin_unlock_irqrestore(&t->locks[b], flags);
	}
	atomic64_set(&t->evicted, 0);
	atomic64_set(&t->full, 0);
}
