/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A bounded hash table (table.c): a fixed number of buckets of ND_TABLE_WAYS
 * slots each, one raw spinlock per bucket, memory fixed at creation. When a
 * bucket is full, the least recently used slot is evicted (counted), or, for
 * a table made with no_evict, the insert fails (counted).
 */
#ifndef _ND_TABLE_H
#define _ND_TABLE_H

#include <linux/types.h>
#include <linux/spinlock.h>
#include <linux/atomic.h>

#define ND_TABLE_WAYS 8

struct nd_table {
	u32 nbuckets;			/* power of two */
	u32 key_size;			/* multiple of 4 */
	u32 val_size;
	u32 entry_size;
	bool no_evict;
	raw_spinlock_t *locks;		/* one per bucket */
	u8 *entries;
	atomic_t count;			/* slots in use */
	atomic64_t evicted;		/* entries evicted */
	atomic64_t full;		/* inserts refused (no_evict) */
	void (*on_evict)(struct nd_table *t, void *val);
	void *owner;
	size_t mem;
};

/* Called under the bucket lock with the entry's value. */
typedef void (*nd_table_fn)(void *val, bool created, void *arg);

int nd_table_init(struct nd_table *t, u32 max_entries, u32 key_size,
		  u32 val_size, bool no_evict);
void nd_table_free(struct nd_table *t);
size_t nd_table_mem(u32 max_entries, u32 key_size, u32 val_size);
u32 nd_table_hash(const void *key, u32 key_size);

/* Find or insert key, then call fn. Returns the slot index or -ENOSPC. */
int nd_table_upsert(struct nd_table *t, const void *key, u32 hash,
		    nd_table_fn fn, void *arg);
/* Copy out slot i; false if it is empty. */
bool nd_table_read(struct nd_table *t, u32 slot, void *key, void *val);
/* Call fn on slot i if it still holds key. */
void nd_table_apply(struct nd_table *t, u32 slot, const void *key,
		    nd_table_fn fn, void *arg);
void nd_table_clear(struct nd_table *t);

static inline u32 nd_table_slots(const struct nd_table *t)
{
	return t->nbuckets * ND_TABLE_WAYS;
}

#endif
