/* SPDX-License-Identifier: MIT */
/* Streams, events and host callbacks (aclrtSubscribeReport / aclrtLaunchCallback). */
#include "ascendsim_rt.h"

#include <errno.h>
#include <stdlib.h>
#include <time.h>

#define EVENT_MAGIC 0x45564e54u /* "EVNT" */

/* ---- streams ---- */

ACL_FUNC_VISIBILITY aclError aclrtCreateStream(aclrtStream *stream)
{
	aclError ret = ascendsim_stream_create("aclrtCreateStream", stream);

	ASCENDSIM_LOG("aclrtCreateStream", "() = %d stream=%p", ret,
		      ret == ACL_SUCCESS ? *stream : NULL);
	return ret;
}

ACL_FUNC_VISIBILITY aclError aclrtDestroyStream(aclrtStream stream)
{
	aclError ret = ascendsim_stream_destroy("aclrtDestroyStream", stream);

	ASCENDSIM_LOG("aclrtDestroyStream", "(stream=%p) = %d", stream, ret);
	return ret;
}

static aclError synchronize_stream(const char *api, aclrtStream stream, int32_t timeout)
{
	struct ascendsim_stream *s;
	aclError ret = ascendsim_stream_resolve(stream, &s, false);

	if (ret != ACL_SUCCESS)
		return ascendsim_error(ret, "%s: stream %p is not usable", api, stream);
	if (s == NULL)
		return ACL_SUCCESS; /* the default stream never received work */
	ret = ascendsim_stream_wait(s, timeout);
	if (ret != ACL_SUCCESS)
		ascendsim_error(ret, "%s: a task of stream %p failed or timed out", api, stream);
	return ret;
}

ACL_FUNC_VISIBILITY aclError aclrtSynchronizeStream(aclrtStream stream)
{
	aclError ret = synchronize_stream("aclrtSynchronizeStream", stream, -1);

	ASCENDSIM_LOG("aclrtSynchronizeStream", "(stream=%p) = %d", stream, ret);
	return ret;
}

ACL_FUNC_VISIBILITY aclError aclrtSynchronizeStreamWithTimeout(aclrtStream stream, int32_t timeout)
{
	aclError ret;

	if (timeout < -1 || timeout == 0)
		ret = ascendsim_error(ACL_ERROR_INVALID_PARAM,
				      "aclrtSynchronizeStreamWithTimeout: timeout %d is neither -1 "
				      "nor positive",
				      timeout);
	else
		ret = synchronize_stream("aclrtSynchronizeStreamWithTimeout", stream, timeout);
	ASCENDSIM_LOG("aclrtSynchronizeStreamWithTimeout", "(stream=%p, timeout=%d) = %d", stream,
		      timeout, ret);
	return ret;
}

ACL_FUNC_VISIBILITY aclError aclrtQueryStreamStatus(aclrtStream stream, aclrtStreamStatus *status)
{
	struct ascendsim_stream *s = NULL;
	aclError ret;

	if (status == NULL) {
		ret = ascendsim_error(ACL_ERROR_INVALID_PARAM,
				      "aclrtQueryStreamStatus: status is NULL");
	} else {
		ret = ascendsim_stream_resolve(stream, &s, false);
		if (ret != ACL_SUCCESS)
			ascendsim_error(ret, "aclrtQueryStreamStatus: stream %p is not usable",
					stream);
		else
			*status = (s == NULL || ascendsim_stream_idle(s))
				      ? ACL_STREAM_STATUS_COMPLETE
				      : ACL_STREAM_STATUS_NOT_READY;
	}
	ASCENDSIM_LOG("aclrtQueryStreamStatus", "(stream=%p) = %d", stream, ret);
	return ret;
}

/* ---- events ---- */

struct event {
	uint32_t magic;
	unsigned refs; /* the handle plus each pending task */
	bool ever_recorded;
	uint64_t recorded_gen, completed_gen;
	uint64_t time_ns;
	struct event *next;
};

static pthread_mutex_t event_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t event_cond = PTHREAD_COND_INITIALIZER;
static struct event *events;

/* Under event_lock. */
static bool event_is_live(const struct event *e)
{
	for (struct event *it = events; it != NULL; it = it->next) {
		if (it == e)
			return it->magic == EVENT_MAGIC;
	}
	return false;
}

/* Under event_lock. */
static void event_put(struct event *e)
{
	if (--e->refs > 0)
		return;
	free(e);
}

struct event_task {
	struct event *e;
	uint64_t gen;
};

static void event_task_release(void *arg)
{
	struct event_task *t = arg;

	pthread_mutex_lock(&event_lock);
	event_put(t->e);
	pthread_mutex_unlock(&event_lock);
	free(t);
}

static int event_record_task(void *arg)
{
	struct event_task *t = arg;

	pthread_mutex_lock(&event_lock);
	if (t->gen > t->e->completed_gen) {
		t->e->completed_gen = t->gen;
		t->e->time_ns = ascendsim_now_ns();
	}
	pthread_cond_broadcast(&event_cond);
	pthread_mutex_unlock(&event_lock);
	return 0;
}

static int event_reset_task(void *arg)
{
	struct event_task *t = arg;

	pthread_mutex_lock(&event_lock);
	if (t->e->recorded_gen == t->gen) {
		t->e->ever_recorded = false;
		t->e->completed_gen = t->e->recorded_gen;
	}
	pthread_cond_broadcast(&event_cond);
	pthread_mutex_unlock(&event_lock);
	return 0;
}

static int event_wait_task(void *arg)
{
	struct event_task *t = arg;

	pthread_mutex_lock(&event_lock);
	while (t->e->completed_gen < t->gen)
		pthread_cond_wait(&event_cond, &event_lock);
	pthread_mutex_unlock(&event_lock);
	return 0;
}

static aclError create_event(const char *api, aclrtEvent *event, uint32_t flag)
{
	struct event *e;
	aclError ret = ACL_SUCCESS;

	if (event == NULL) {
		ret = ascendsim_error(ACL_ERROR_INVALID_PARAM, "%s: event is NULL", api);
		goto end;
	}
	e = calloc(1, sizeof(*e));
	if (e == NULL) {
		ret = ascendsim_error(ACL_ERROR_RT_RESOURCE_ALLOC_FAIL, "%s: out of memory", api);
		goto end;
	}
	e->magic = EVENT_MAGIC;
	e->refs = 1;
	pthread_mutex_lock(&event_lock);
	e->next = events;
	events = e;
	pthread_mutex_unlock(&event_lock);
	*event = e;
end:
	ASCENDSIM_LOG(api, "(flag=%u) = %d event=%p", flag, ret,
		      ret == ACL_SUCCESS ? *event : NULL);
	return ret;
}

ACL_FUNC_VISIBILITY aclError aclrtCreateEvent(aclrtEvent *event)
{
	return create_event("aclrtCreateEvent", event, ACL_EVENT_SYNC);
}

ACL_FUNC_VISIBILITY aclError aclrtCreateEventWithFlag(aclrtEvent *event, uint32_t flag)
{
	return create_event("aclrtCreateEventWithFlag", event, flag);
}

ACL_FUNC_VISIBILITY aclError aclrtDestroyEvent(aclrtEvent event)
{
	struct event *e = event;
	aclError ret = ACL_SUCCESS;

	pthread_mutex_lock(&event_lock);
	if (e == NULL || !event_is_live(e)) {
		ret = ascendsim_error(e == NULL ? ACL_ERROR_INVALID_PARAM
						: ACL_ERROR_RT_INVALID_HANDLE,
				      "aclrtDestroyEvent: %p is not a live event", event);
	} else {
		for (struct event **pp = &events; *pp != NULL; pp = &(*pp)->next) {
			if (*pp == e) {
				*pp = e->next;
				break;
			}
		}
		e->magic = 0;
		event_put(e);
	}
	pthread_mutex_unlock(&event_lock);
	ASCENDSIM_LOG("aclrtDestroyEvent", "(event=%p) = %d", event, ret);
	return ret;
}

/* Queues fn on the stream with a reference on the event; gen_delta 1 starts a new record. */
static aclError event_submit(const char *api, struct event *e, aclrtStream stream,
			     ascendsim_task_fn fn, bool new_record)
{
	struct ascendsim_stream *s;
	struct event_task *t;
	aclError ret;

	ret = ascendsim_stream_resolve(stream, &s, true);
	if (ret != ACL_SUCCESS)
		return ascendsim_error(ret, "%s: stream %p is not usable", api, stream);
	t = calloc(1, sizeof(*t));
	if (t == NULL)
		return ascendsim_error(ACL_ERROR_RT_RESOURCE_ALLOC_FAIL, "%s: out of memory", api);
	pthread_mutex_lock(&event_lock);
	if (!event_is_live(e)) {
		pthread_mutex_unlock(&event_lock);
		free(t);
		return ascendsim_error(e == NULL ? ACL_ERROR_INVALID_PARAM
						 : ACL_ERROR_RT_INVALID_HANDLE,
				       "%s: %p is not a live event", api, (void *)e);
	}
	if (new_record) {
		e->recorded_gen++;
		e->ever_recorded = true;
	}
	t->e = e;
	t->gen = e->recorded_gen;
	e->refs++;
	pthread_mutex_unlock(&event_lock);
	ret = ascendsim_stream_submit_to(s, fn, t, event_task_release);
	if (ret != ACL_SUCCESS) {
		event_task_release(t);
		ascendsim_error(ret, "%s: cannot queue the task", api);
	}
	return ret;
}

ACL_FUNC_VISIBILITY aclError aclrtRecordEvent(aclrtEvent event, aclrtStream stream)
{
	aclError ret = event_submit("aclrtRecordEvent", event, stream, event_record_task, true);

	ASCENDSIM_LOG("aclrtRecordEvent", "(event=%p, stream=%p) = %d", event, stream, ret);
	return ret;
}

ACL_FUNC_VISIBILITY aclError aclrtResetEvent(aclrtEvent event, aclrtStream stream)
{
	aclError ret = event_submit("aclrtResetEvent", event, stream, event_reset_task, false);

	ASCENDSIM_LOG("aclrtResetEvent", "(event=%p, stream=%p) = %d", event, stream, ret);
	return ret;
}

ACL_FUNC_VISIBILITY aclError aclrtStreamWaitEvent(aclrtStream stream, aclrtEvent event)
{
	aclError ret = event_submit("aclrtStreamWaitEvent", event, stream, event_wait_task, false);

	ASCENDSIM_LOG("aclrtStreamWaitEvent", "(stream=%p, event=%p) = %d", stream, event, ret);
	return ret;
}

/* Under event_lock: recorded and the last record has run. */
static bool event_complete(const struct event *e)
{
	return e->ever_recorded && e->completed_gen >= e->recorded_gen;
}

ACL_FUNC_VISIBILITY aclError aclrtQueryEventStatus(aclrtEvent event,
						   aclrtEventRecordedStatus *status)
{
	aclError ret = ACL_SUCCESS;

	pthread_mutex_lock(&event_lock);
	if (status == NULL || !event_is_live(event))
		ret =
		    ascendsim_error(status == NULL || event == NULL ? ACL_ERROR_INVALID_PARAM
								    : ACL_ERROR_RT_INVALID_HANDLE,
				    "aclrtQueryEventStatus: bad event %p or status pointer", event);
	else
		*status = event_complete(event) ? ACL_EVENT_RECORDED_STATUS_COMPLETE
						: ACL_EVENT_RECORDED_STATUS_NOT_READY;
	pthread_mutex_unlock(&event_lock);
	ASCENDSIM_LOG("aclrtQueryEventStatus", "(event=%p) = %d", event, ret);
	return ret;
}

ACL_FUNC_VISIBILITY aclError aclrtQueryEvent(aclrtEvent event, aclrtEventStatus *status)
{
	aclError ret = ACL_SUCCESS;

	pthread_mutex_lock(&event_lock);
	if (status == NULL || !event_is_live(event))
		ret = ascendsim_error(status == NULL || event == NULL ? ACL_ERROR_INVALID_PARAM
								      : ACL_ERROR_RT_INVALID_HANDLE,
				      "aclrtQueryEvent: bad event %p or status pointer", event);
	else
		*status =
		    event_complete(event) ? ACL_EVENT_STATUS_COMPLETE : ACL_EVENT_STATUS_NOT_READY;
	pthread_mutex_unlock(&event_lock);
	ASCENDSIM_LOG("aclrtQueryEvent", "(event=%p) = %d", event, ret);
	return ret;
}

ACL_FUNC_VISIBILITY aclError aclrtSynchronizeEvent(aclrtEvent event)
{
	struct event *e = event;
	aclError ret = ACL_SUCCESS;

	pthread_mutex_lock(&event_lock);
	if (!event_is_live(e)) {
		ret = ascendsim_error(e == NULL ? ACL_ERROR_INVALID_PARAM
						: ACL_ERROR_RT_INVALID_HANDLE,
				      "aclrtSynchronizeEvent: %p is not a live event", event);
	} else {
		uint64_t target = e->recorded_gen;

		e->refs++;
		while (e->completed_gen < target)
			pthread_cond_wait(&event_cond, &event_lock);
		event_put(e);
	}
	pthread_mutex_unlock(&event_lock);
	ASCENDSIM_LOG("aclrtSynchronizeEvent", "(event=%p) = %d", event, ret);
	return ret;
}

ACL_FUNC_VISIBILITY aclError aclrtEventElapsedTime(float *ms, aclrtEvent startEvent,
						   aclrtEvent endEvent)
{
	struct event *a = startEvent, *b = endEvent;
	aclError ret = ACL_SUCCESS;

	pthread_mutex_lock(&event_lock);
	if (ms == NULL || !event_is_live(a) || !event_is_live(b)) {
		ret = ascendsim_error(ACL_ERROR_INVALID_PARAM,
				      "aclrtEventElapsedTime: bad events %p, %p or ms pointer",
				      startEvent, endEvent);
	} else if (!event_complete(a) || !event_complete(b)) {
		ret = ascendsim_error(ACL_ERROR_RT_EVENT_NOT_COMPLETE,
				      "aclrtEventElapsedTime: an event is not recorded or not "
				      "complete");
	} else {
		*ms = (float)((double)((int64_t)(b->time_ns - a->time_ns)) / 1e6);
	}
	pthread_mutex_unlock(&event_lock);
	ASCENDSIM_LOG("aclrtEventElapsedTime", "(start=%p, end=%p) = %d", startEvent, endEvent,
		      ret);
	return ret;
}

/* ---- host callbacks ---- */

struct subscription {
	uint64_t thread;
	struct ascendsim_stream *stream;
	struct subscription *next;
};

struct report {
	uint64_t thread;
	struct ascendsim_stream *stream; /* NULL for ascendsim_report_post */
	void (*fn)(void *arg);
	void *arg;
	bool *done; /* set once fn ran or was dropped, for blocking callbacks */
	struct report *next;
};

static pthread_mutex_t report_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t report_cond;
static pthread_once_t report_once = PTHREAD_ONCE_INIT;
static struct subscription *subscriptions;
static struct report *reports, *reports_tail;

static void report_init(void)
{
	pthread_condattr_t ca;

	pthread_condattr_init(&ca);
	pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
	pthread_cond_init(&report_cond, &ca);
	pthread_condattr_destroy(&ca);
}

/* Under report_lock. */
static bool thread_subscribed(uint64_t thread)
{
	for (struct subscription *s = subscriptions; s != NULL; s = s->next) {
		if (s->thread == thread)
			return true;
	}
	return false;
}

/* Under report_lock. */
static void report_queue(struct report *r)
{
	r->next = NULL;
	if (reports_tail)
		reports_tail->next = r;
	else
		reports = r;
	reports_tail = r;
	pthread_cond_broadcast(&report_cond);
}

ASCENDSIM_API int ascendsim_report_post(uint64_t thread_id, void (*fn)(void *arg), void *arg)
{
	struct report *r;

	pthread_once(&report_once, report_init);
	if (fn == NULL)
		return ACL_ERROR_INVALID_PARAM;
	r = calloc(1, sizeof(*r));
	if (r == NULL)
		return ACL_ERROR_RT_RESOURCE_ALLOC_FAIL;
	r->thread = thread_id;
	r->fn = fn;
	r->arg = arg;
	pthread_mutex_lock(&report_lock);
	if (!thread_subscribed(thread_id)) {
		pthread_mutex_unlock(&report_lock);
		free(r);
		return ACL_ERROR_RT_THREAD_SUBSCRIBE;
	}
	report_queue(r);
	pthread_mutex_unlock(&report_lock);
	return ACL_SUCCESS;
}

/*
 * The work of aclrtSubscribeReport and aclrtUnSubscribeReport without the call log: the public
 * calls log and delegate here, and the video channels subscribe their callback thread here, as
 * CANN's DVPP library does internally.
 */
ASCENDSIM_API int ascendsim_report_subscribe(const char *api, uint64_t thread_id, void *stream)
{
	struct ascendsim_stream *s;
	struct subscription *sub;
	aclError ret;

	pthread_once(&report_once, report_init);
	ret = ascendsim_stream_resolve(stream, &s, true);
	if (ret != ACL_SUCCESS)
		return ascendsim_error(ret, "%s: stream %p is not usable", api, stream);
	pthread_mutex_lock(&report_lock);
	for (sub = subscriptions; sub != NULL; sub = sub->next) {
		if (sub->stream == s)
			break;
	}
	if (sub != NULL) {
		ret = ascendsim_error(ACL_ERROR_RT_STREAM_SUBSCRIBE,
				      "%s: stream %p is already subscribed", api, stream);
	} else if ((sub = calloc(1, sizeof(*sub))) == NULL) {
		ret = ascendsim_error(ACL_ERROR_RT_RESOURCE_ALLOC_FAIL, "%s: out of memory", api);
	} else {
		sub->thread = thread_id;
		sub->stream = s;
		sub->next = subscriptions;
		subscriptions = sub;
	}
	pthread_mutex_unlock(&report_lock);
	return ret;
}

ASCENDSIM_API int ascendsim_report_unsubscribe(const char *api, uint64_t thread_id, void *stream)
{
	struct ascendsim_stream *s;
	aclError ret;

	pthread_once(&report_once, report_init);
	ret = ascendsim_stream_resolve(stream, &s, false);
	if (ret != ACL_SUCCESS)
		return ascendsim_error(ret, "%s: stream %p is not usable", api, stream);
	ret = ACL_ERROR_RT_STREAM_SUBSCRIBE;
	pthread_mutex_lock(&report_lock);
	for (struct subscription **pp = &subscriptions; *pp != NULL; pp = &(*pp)->next) {
		struct subscription *sub = *pp;

		if (sub->stream == s && sub->thread == thread_id) {
			*pp = sub->next;
			free(sub);
			ret = ACL_SUCCESS;
			break;
		}
	}
	/* Callbacks nobody will process any more are dropped; blocked tasks resume. */
	if (ret == ACL_SUCCESS) {
		struct report **pp = &reports;

		reports_tail = NULL;
		while (*pp != NULL) {
			struct report *r = *pp;

			if (r->stream == s && r->thread == thread_id) {
				*pp = r->next;
				if (r->done)
					*r->done = true;
				free(r);
				continue;
			}
			reports_tail = r;
			pp = &r->next;
		}
		pthread_cond_broadcast(&report_cond);
	}
	pthread_mutex_unlock(&report_lock);
	if (ret != ACL_SUCCESS)
		ascendsim_error(ret, "%s: stream %p is not subscribed by thread %llu", api, stream,
				(unsigned long long)thread_id);
	return ret;
}

ACL_FUNC_VISIBILITY aclError aclrtSubscribeReport(uint64_t threadId, aclrtStream stream)
{
	aclError ret = ascendsim_report_subscribe("aclrtSubscribeReport", threadId, stream);

	ASCENDSIM_LOG("aclrtSubscribeReport", "(threadId=%llu, stream=%p) = %d",
		      (unsigned long long)threadId, stream, ret);
	return ret;
}

ACL_FUNC_VISIBILITY aclError aclrtUnSubscribeReport(uint64_t threadId, aclrtStream stream)
{
	aclError ret = ascendsim_report_unsubscribe("aclrtUnSubscribeReport", threadId, stream);

	ASCENDSIM_LOG("aclrtUnSubscribeReport", "(threadId=%llu, stream=%p) = %d",
		      (unsigned long long)threadId, stream, ret);
	return ret;
}

struct callback_task {
	uint64_t thread;
	struct ascendsim_stream *stream;
	aclrtCallback fn;
	void *data;
	bool block;
};

static int callback_task_run(void *arg)
{
	struct callback_task *t = arg;
	struct report *r = calloc(1, sizeof(*r));
	bool done = false;

	if (r == NULL)
		return ACL_ERROR_RT_RESOURCE_ALLOC_FAIL;
	r->thread = t->thread;
	r->stream = t->stream;
	r->fn = t->fn;
	r->arg = t->data;
	r->done = t->block ? &done : NULL;
	pthread_mutex_lock(&report_lock);
	report_queue(r);
	while (t->block && !done)
		pthread_cond_wait(&report_cond, &report_lock);
	pthread_mutex_unlock(&report_lock);
	return 0;
}

ACL_FUNC_VISIBILITY aclError aclrtLaunchCallback(aclrtCallback fn, void *userData,
						 aclrtCallbackBlockType blockType,
						 aclrtStream stream)
{
	struct callback_task *t = NULL;
	struct ascendsim_stream *s;
	struct subscription *sub;
	aclError ret;

	pthread_once(&report_once, report_init);
	if (fn == NULL || (blockType != ACL_CALLBACK_BLOCK && blockType != ACL_CALLBACK_NO_BLOCK)) {
		ret = ascendsim_error(ACL_ERROR_INVALID_PARAM,
				      "aclrtLaunchCallback: fn is NULL or blockType %d is invalid",
				      (int)blockType);
		goto end;
	}
	ret = ascendsim_stream_resolve(stream, &s, true);
	if (ret != ACL_SUCCESS) {
		ascendsim_error(ret, "aclrtLaunchCallback: stream %p is not usable", stream);
		goto end;
	}
	t = calloc(1, sizeof(*t));
	if (t == NULL) {
		ret = ascendsim_error(ACL_ERROR_RT_RESOURCE_ALLOC_FAIL,
				      "aclrtLaunchCallback: out of memory");
		goto end;
	}
	pthread_mutex_lock(&report_lock);
	for (sub = subscriptions; sub != NULL; sub = sub->next) {
		if (sub->stream == s)
			break;
	}
	if (sub != NULL)
		t->thread = sub->thread;
	pthread_mutex_unlock(&report_lock);
	if (sub == NULL) {
		ret = ascendsim_error(ACL_ERROR_RT_STREAM_NO_CB_REG,
				      "aclrtLaunchCallback: no thread subscribed to stream %p",
				      stream);
		goto end;
	}
	t->stream = s;
	t->fn = fn;
	t->data = userData;
	t->block = blockType == ACL_CALLBACK_BLOCK;
	ret = ascendsim_stream_submit_to(s, callback_task_run, t, free);
	if (ret == ACL_SUCCESS)
		t = NULL;
end:
	free(t);
	ASCENDSIM_LOG("aclrtLaunchCallback", "(fn=%p, userData=%p, blockType=%d, stream=%p) = %d",
		      (void *)(uintptr_t)fn, userData, (int)blockType, stream, ret);
	return ret;
}

ACL_FUNC_VISIBILITY aclError aclrtProcessReport(int32_t timeout)
{
	uint64_t self = (uint64_t)pthread_self();
	struct timespec deadline;
	aclError ret = ACL_SUCCESS;
	struct report *mine = NULL, **tail = &mine;

	pthread_once(&report_once, report_init);
	if (timeout < -1 || timeout == 0) {
		ret = ascendsim_error(ACL_ERROR_INVALID_PARAM,
				      "aclrtProcessReport: timeout %d is neither -1 nor positive",
				      timeout);
		goto end;
	}
	clock_gettime(CLOCK_MONOTONIC, &deadline);
	if (timeout > 0) {
		deadline.tv_sec += timeout / 1000;
		deadline.tv_nsec += (long)(timeout % 1000) * 1000000L;
		if (deadline.tv_nsec >= 1000000000L) {
			deadline.tv_sec++;
			deadline.tv_nsec -= 1000000000L;
		}
	}
	pthread_mutex_lock(&report_lock);
	for (;;) {
		struct report **pp = &reports;

		if (!thread_subscribed(self)) {
			ret = ascendsim_error(ACL_ERROR_RT_THREAD_SUBSCRIBE,
					      "aclrtProcessReport: this thread subscribed to no "
					      "stream");
			break;
		}
		reports_tail = NULL;
		while (*pp != NULL) {
			struct report *r = *pp;

			if (r->thread == self) {
				*pp = r->next;
				r->next = NULL;
				*tail = r;
				tail = &r->next;
				continue;
			}
			reports_tail = r;
			pp = &r->next;
		}
		if (mine != NULL)
			break;
		if (timeout < 0) {
			pthread_cond_wait(&report_cond, &report_lock);
		} else if (pthread_cond_timedwait(&report_cond, &report_lock, &deadline) ==
			   ETIMEDOUT) {
			ret = ascendsim_error(ACL_ERROR_RT_REPORT_TIMEOUT,
					      "aclrtProcessReport: no callback within %d ms",
					      timeout);
			break;
		}
	}
	pthread_mutex_unlock(&report_lock);
	/* Callbacks run on this thread, without our locks held. */
	while (mine != NULL) {
		struct report *r = mine;

		mine = r->next;
		r->fn(r->arg);
		pthread_mutex_lock(&report_lock);
		if (r->done)
			*r->done = true;
		pthread_cond_broadcast(&report_cond);
		pthread_mutex_unlock(&report_lock);
		free(r);
	}
end:
	ASCENDSIM_LOG("aclrtProcessReport", "(timeout=%d) = %d", timeout, ret);
	return ret;
}
