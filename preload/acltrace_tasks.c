/* SPDX-License-Identifier: MIT */
#include "acltrace_tasks.h"

#include "acltrace_emit.h"
#include "acltrace_log.h"

#include <pthread.h>
#include <string.h>

#define MAX_TASKS  4096u /* pending at once; the oldest is assumed done beyond that */
#define MAX_EVENTS 1024u

struct event_pos {
	uint64_t event;
	uint64_t stream;
	uint64_t seq;
	bool used;
};

static struct acltrace_task tasks[MAX_TASKS];
static uint32_t ntasks;
static uint64_t next_seq = 1;
static struct event_pos events[MAX_EVENTS];
static _Atomic uint64_t pending;
static pthread_mutex_t tasks_lock = PTHREAD_MUTEX_INITIALIZER;

static void retire_at(uint32_t i, unsigned api)
{
	struct acltrace_emit_task ev = { .api = (uint16_t)api,
					 .stream = tasks[i].queue,
					 .task_id = tasks[i].task_id };

	acltrace_emit_task_retire(&ev);
	tasks[i] = tasks[--ntasks];
	__atomic_store_n(&pending, ntasks, __ATOMIC_RELEASE);
}

void acltrace_tasks_submit(unsigned api, unsigned kind, uint64_t queue, uint64_t task_id,
			   const struct acltrace_task_buf *bufs, unsigned nbufs, uint32_t stack)
{
	struct acltrace_task *t;
	struct acltrace_emit_task ev = { .api = (uint16_t)api, .stream = queue, .stack_id = stack };

	if (nbufs > ACLTRACE_TASK_MAX_BUFS)
		nbufs = ACLTRACE_TASK_MAX_BUFS;
	pthread_mutex_lock(&tasks_lock);
	if (ntasks == MAX_TASKS) {
		static int warned;

		if (!warned++)
			acltrace_warn("more than %u unsynchronized tasks: the oldest are assumed "
				      "done",
				      MAX_TASKS);
		/* Drop the oldest (lowest sequence number). */
		uint32_t oldest = 0;
		for (uint32_t i = 1; i < ntasks; i++)
			if (tasks[i].seq < tasks[oldest].seq)
				oldest = i;
		retire_at(oldest, api);
	}
	t = &tasks[ntasks++];
	memset(t, 0, sizeof(*t));
	t->queue = queue;
	t->task_id = kind != ACLTRACE_QUEUE_STREAM ? task_id : next_seq;
	t->seq = next_seq++;
	t->stack = stack;
	t->api = (uint16_t)api;
	t->kind = (uint8_t)kind;
	t->nbufs = (uint8_t)nbufs;
	memcpy(t->bufs, bufs, nbufs * sizeof(*bufs));
	ev.task_id = t->task_id;
	__atomic_store_n(&pending, ntasks, __ATOMIC_RELEASE);
	pthread_mutex_unlock(&tasks_lock);
	acltrace_emit_task_submit(&ev);
}

void acltrace_tasks_retire_stream(uint64_t stream, uint64_t upto_seq, unsigned api)
{
	if (!__atomic_load_n(&pending, __ATOMIC_ACQUIRE))
		return;
	pthread_mutex_lock(&tasks_lock);
	for (uint32_t i = 0; i < ntasks;) {
		if (tasks[i].kind == ACLTRACE_QUEUE_STREAM && tasks[i].queue == stream &&
		    tasks[i].seq <= upto_seq)
			retire_at(i, api);
		else
			i++;
	}
	pthread_mutex_unlock(&tasks_lock);
}

void acltrace_tasks_retire_all_streams(unsigned api)
{
	if (!__atomic_load_n(&pending, __ATOMIC_ACQUIRE))
		return;
	pthread_mutex_lock(&tasks_lock);
	for (uint32_t i = 0; i < ntasks;) {
		if (tasks[i].kind == ACLTRACE_QUEUE_STREAM)
			retire_at(i, api);
		else
			i++;
	}
	pthread_mutex_unlock(&tasks_lock);
}

void acltrace_tasks_retire_task(unsigned kind, uint64_t queue, uint64_t task_id, bool all,
				unsigned api)
{
	if (!__atomic_load_n(&pending, __ATOMIC_ACQUIRE))
		return;
	pthread_mutex_lock(&tasks_lock);
	for (uint32_t i = 0; i < ntasks;) {
		if (tasks[i].kind == kind && tasks[i].queue == queue &&
		    (all || tasks[i].task_id == task_id))
			retire_at(i, api);
		else
			i++;
	}
	pthread_mutex_unlock(&tasks_lock);
}

void acltrace_tasks_retire_vpc(uint64_t chn, uint64_t task_id, unsigned api)
{
	acltrace_tasks_retire_task(ACLTRACE_QUEUE_VPC, chn, task_id, false, api);
}

/* The slot of event: its own, else a free one near its home, else its home (overwritten). */
static struct event_pos *event_slot(uint64_t event, bool create)
{
	uint32_t home = (uint32_t)((event >> 4) * 0x9e3779b1u) % MAX_EVENTS;
	struct event_pos *free_slot = NULL;

	for (uint32_t n = 0; n < 16; n++) {
		struct event_pos *e = &events[(home + n) % MAX_EVENTS];

		if (e->used && e->event == event)
			return e;
		if (!e->used && !free_slot)
			free_slot = e;
	}
	if (!create)
		return NULL;
	return free_slot ? free_slot : &events[home];
}

void acltrace_tasks_event_record(uint64_t event, uint64_t stream)
{
	pthread_mutex_lock(&tasks_lock);
	/* Everything submitted so far on that stream precedes the event. */
	*event_slot(event, true) = (struct event_pos){
		.event = event, .stream = stream, .seq = next_seq - 1, .used = true
	};
	pthread_mutex_unlock(&tasks_lock);
}

void acltrace_tasks_event_sync(uint64_t event, unsigned api)
{
	struct event_pos *slot, e = { 0 };

	pthread_mutex_lock(&tasks_lock);
	slot = event_slot(event, false);
	if (slot)
		e = *slot;
	pthread_mutex_unlock(&tasks_lock);
	if (e.used)
		acltrace_tasks_retire_stream(e.stream, e.seq, api);
}

bool acltrace_tasks_find_user(uint64_t addr, uint64_t len, struct acltrace_task *out)
{
	bool found = false;

	if (!__atomic_load_n(&pending, __ATOMIC_ACQUIRE))
		return false;
	if (!len)
		len = 1;
	pthread_mutex_lock(&tasks_lock);
	for (uint32_t i = 0; i < ntasks && !found; i++) {
		for (unsigned b = 0; b < tasks[i].nbufs; b++) {
			const struct acltrace_task_buf *x = &tasks[i].bufs[b];
			uint64_t xl = x->len ? x->len : 1;

			if (x->addr < addr + len && addr < x->addr + xl) {
				*out = tasks[i];
				found = true;
				break;
			}
		}
	}
	pthread_mutex_unlock(&tasks_lock);
	return found;
}

uint64_t acltrace_tasks_pending(void)
{
	return __atomic_load_n(&pending, __ATOMIC_ACQUIRE);
}

void acltrace_tasks_atfork_child(void)
{
	/* The child has none of its parent's streams. */
	pthread_mutex_init(&tasks_lock, NULL);
	ntasks = 0;
	pending = 0;
	memset(events, 0, sizeof(events));
}
