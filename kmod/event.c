// SPDX-License-Identifier: GPL-2.0
/* Event rings and their drain work. See event.h. */
#include <linux/cpumask.h>
#include <linux/jiffies.h>
#include <linux/skbuff.h>
#include <net/genetlink.h>
#include "netdiag.h"

static void nd_events_drain(struct nd_events *ev)
{
	int cpu;

	for_each_possible_cpu(cpu) {
		struct nd_ring *r = ev->rings[cpu];
		u32 head = smp_load_acquire(&r->head);

		while (r->tail != head) {
			const struct nd_event *e = &r->ev[r->tail % ND_RING_SIZE];
			struct sk_buff *msg;
			void *hdr;
			int err;

			ev->seq++;
			if (time_after64(get_jiffies_64(),
					 ev->window_start + HZ)) {
				ev->window_start = get_jiffies_64();
				ev->window_sent = 0;
			}
			if (ev->window_sent >= ev->rate) {
				atomic64_inc(&ev->suppressed);
				goto next;
			}
			ev->window_sent++;
			msg = nd_genl_event_new(NETDIAG_CMD_DROP_EVENT, &hdr);
			if (!msg) {
				atomic64_inc(&ev->undelivered);
				goto next;
			}
			err = ev->fill(ev->s, msg, e, ev->seq);
			if (err) {
				nlmsg_free(msg);
				atomic64_inc(&ev->undelivered);
				goto next;
			}
			err = nd_genl_event_send(msg, hdr);
			if (err)
				atomic64_inc(&ev->undelivered);
			else
				atomic64_inc(&ev->sent);
next:
			smp_store_release(&r->tail, r->tail + 1);
		}
	}
}

static void nd_events_work(struct work_struct *w)
{
	struct nd_events *ev = container_of(to_delayed_work(w),
					    struct nd_events, work);

	nd_events_drain(ev);
	if (READ_ONCE(ev->running))
		schedule_delayed_work(&ev->work,
				      msecs_to_jiffies(ND_EVENT_PERIOD_MS));
}

size_t nd_events_mem(void)
{
	return (size_t)num_possible_cpus() * sizeof(struct nd_ring);
}

int nd_events_init(struct nd_events *ev, struct nd_session *s, u32 rate,
		   nd_event_fill_fn fill)
{
	int cpu;

	memset(ev, 0, sizeof(*ev));
	ev->s = s;
	ev->rate = rate;
	ev->fill = fill;
	INIT_DELAYED_WORK(&ev->work, nd_events_work);
	ev->rings = kcalloc(nr_cpu_ids, sizeof(*ev->rings), GFP_KERNEL);
	if (!ev->rings)
		return -ENOMEM;
	for_each_possible_cpu(cpu) {
		ev->rings[cpu] = nd_zalloc_big(sizeof(struct nd_ring));
		if (!ev->rings[cpu]) {
			nd_events_free(ev);
			return -ENOMEM;
		}
	}
	return 0;
}

void nd_events_start(struct nd_events *ev)
{
	ev->window_start = get_jiffies_64();
	WRITE_ONCE(ev->running, true);
	schedule_delayed_work(&ev->work, msecs_to_jiffies(ND_EVENT_PERIOD_MS));
}

void nd_events_stop(struct nd_events *ev)
{
	WRITE_ONCE(ev->running, false);
	cancel_delayed_work_sync(&ev->work);
}

void nd_events_reset(struct nd_events *ev)
{
	atomic64_set(&ev->sent, 0);
	atomic64_set(&ev->suppressed, 0);
	atomic64_set(&ev->undelivered, 0);
}

void nd_events_free(struct nd_events *ev)
{
	int cpu;

	if (!ev->rings)
		return;
	for_each_possible_cpu(cpu)
		nd_free_big(ev->rings[cpu]);
	kfree(ev->rings);
	ev->rings = NULL;
}
