/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The event channel (event.c): per-CPU single-producer rings filled by
 * handlers with interrupts off (no lock), drained by a work item that sends
 * each event to the genl multicast group with a per-session sequence number.
 * Every event not delivered is counted: ring full (lost), over the rate
 * limit (suppressed), no listener or socket full (undelivered).
 */
#ifndef _ND_EVENT_H
#define _ND_EVENT_H

#include <linux/workqueue.h>
#include <linux/atomic.h>
#include "pkt.h"
#include "stack.h"

#define ND_RING_SIZE 128
#define ND_EVENT_PERIOD_MS 50

struct nd_session;
struct sk_buff;

struct nd_event {
	u64 ts;
	u32 cpu, pid, tgid;
	char comm[16];
	u32 reason;
	unsigned long location;
	struct nd_pkt pkt;
	struct nd_stack_key stack;
};

struct nd_ring {
	u32 head;			/* written by the owning CPU */
	u32 tail;			/* written by the drain work */
	struct nd_event ev[ND_RING_SIZE];
};

typedef int (*nd_event_fill_fn)(struct nd_session *s, struct sk_buff *msg,
				const struct nd_event *ev, u64 seq);

struct nd_events {
	struct nd_ring **rings;		/* one per possible CPU */
	struct nd_session *s;
	nd_event_fill_fn fill;
	u32 rate;			/* events per second */
	u64 seq;
	u64 window_start;		/* jiffies */
	u32 window_sent;
	atomic64_t sent, suppressed, undelivered;
	struct delayed_work work;
	bool running;
};

int nd_events_init(struct nd_events *ev, struct nd_session *s, u32 rate,
		   nd_event_fill_fn fill);
void nd_events_start(struct nd_events *ev);
void nd_events_stop(struct nd_events *ev);	/* after hooks are gone */
void nd_events_free(struct nd_events *ev);
size_t nd_events_mem(void);
void nd_events_reset(struct nd_events *ev);

/* Hot path: a slot on this CPU's ring, or NULL (ring full: count it lost).
 * Call with interrupts disabled; nd_event_commit() publishes it. */
static inline struct nd_event *nd_event_reserve(struct nd_events *ev)
{
	struct nd_ring *r = ev->rings[smp_processor_id()];
	u32 head = r->head;

	if (head - READ_ONCE(r->tail) >= ND_RING_SIZE)
		return NULL;
	return &r->ev[head % ND_RING_SIZE];
}

static inline void nd_event_commit(struct nd_events *ev)
{
	struct nd_ring *r = ev->rings[smp_processor_id()];

	smp_store_release(&r->head, r->head + 1);
}

#endif
