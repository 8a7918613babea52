/* SPDX-License-Identifier: MIT */
/*
 * Streams: one worker thread each, running the stream's tasks in submission order, each held
 * ASCEND_SIM_TASK_DELAY_US first, so asynchronous work really is pending until synchronized.
 */
#include "ascendsim_rt.h"

#include <errno.h>
#include <stdlib.h>
#include <time.h>

#define STREAM_MAGIC 0x5354524du /* "STRM" */

struct task {
	ascendsim_task_fn fn;
	void *arg;
	void (*release)(void *arg);
	struct task *next;
};

struct ascendsim_stream {
	uint32_t magic;
	struct ascendsim_context *ctx;
	pthread_t worker;
	pthread_mutex_t lock;
	pthread_cond_t work;
	pthread_cond_t done;
	struct task *head, *tail;
	uint64_t submitted, completed;
	int error; /* first task error since the last synchronization */
	bool stop;
	struct ascendsim_stream *next;
};

static pthread_mutex_t streams_lock = PTHREAD_MUTEX_INITIALIZER;
static struct ascendsim_stream *streams;

static void sleep_us(uint64_t us)
{
	struct timespec ts = { .tv_sec = (time_t)(us / 1000000u),
			       .tv_nsec = (long)(us % 1000000u) * 1000 };

	while (nanosleep(&ts, &ts) != 0 && errno == EINTR)
		;
}

static void *stream_worker(void *p)
{
	struct ascendsim_stream *s = p;
	uint64_t delay = ascendsim_config()->task_delay_us;

	pthread_mutex_lock(&s->lock);
	for (;;) {
		struct task *t;
		int r;

		while (s->head == NULL && !s->stop)
			pthread_cond_wait(&s->work, &s->lock);
		if (s->head == NULL)
			break;
		t = s->head;
		s->head = t->next;
		if (s->head == NULL)
			s->tail = NULL;
		pthread_mutex_unlock(&s->lock);
		if (delay)
			sleep_us(delay);
		r = t->fn ? t->fn(t->arg) : 0;
		if (t->release)
			t->release(t->arg);
		free(t);
		pthread_mutex_lock(&s->lock);
		if (r != 0 && s->error == 0)
			s->error = r;
		s->completed++;
		pthread_cond_broadcast(&s->done);
	}
	pthread_mutex_unlock(&s->lock);
	return NULL;
}

struct ascendsim_stream *ascendsim_stream_new(struct ascendsim_context *ctx)
{
	struct ascendsim_stream *s = calloc(1, sizeof(*s));
	pthread_condattr_t ca;

	if (s == NULL)
		return NULL;
	s->magic = STREAM_MAGIC;
	s->ctx = ctx;
	pthread_mutex_init(&s->lock, NULL);
	pthread_cond_init(&s->work, NULL);
	pthread_condattr_init(&ca);
	pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
	pthread_cond_init(&s->done, &ca);
	pthread_condattr_destroy(&ca);
	if (pthread_create(&s->worker, NULL, stream_worker, s) != 0) {
		ascendsim_warn("cannot start a stream worker thread");
		pthread_cond_destroy(&s->done);
		pthread_cond_destroy(&s->work);
		pthread_mutex_destroy(&s->lock);
		free(s);
		return NULL;
	}
	pthread_mutex_lock(&streams_lock);
	s->next = streams;
	streams = s;
	pthread_mutex_unlock(&streams_lock);
	return s;
}

/* Takes s out of the registry; false when it is not there (unknown or already deleted). */
static bool stream_unlink(struct ascendsim_stream *s)
{
	bool found = false;

	pthread_mutex_lock(&streams_lock);
	for (struct ascendsim_stream **pp = &streams; *pp != NULL; pp = &(*pp)->next) {
		if (*pp == s) {
			*pp = s->next;
			found = true;
			break;
		}
	}
	pthread_mutex_unlock(&streams_lock);
	return found;
}

/* Stops and frees an unlinked stream. */
static void stream_teardown(struct ascendsim_stream *s)
{
	/* The worker finishes the queued tasks before it stops. */
	pthread_mutex_lock(&s->lock);
	s->stop = true;
	pthread_cond_signal(&s->work);
	pthread_mutex_unlock(&s->lock);
	pthread_join(s->worker, NULL);
	s->magic = 0;
	pthread_cond_destroy(&s->done);
	pthread_cond_destroy(&s->work);
	pthread_mutex_destroy(&s->lock);
	free(s);
}

void ascendsim_stream_delete(struct ascendsim_stream *s)
{
	if (stream_unlink(s))
		stream_teardown(s);
}

bool ascendsim_stream_is_live(const struct ascendsim_stream *s)
{
	bool live = false;

	pthread_mutex_lock(&streams_lock);
	for (struct ascendsim_stream *it = streams; it != NULL; it = it->next) {
		if (it == s) {
			live = it->magic == STREAM_MAGIC;
			break;
		}
	}
	pthread_mutex_unlock(&streams_lock);
	return live;
}

void ascendsim_streams_destroy_context(struct ascendsim_context *ctx)
{
	for (;;) {
		struct ascendsim_stream *victim = NULL;

		pthread_mutex_lock(&streams_lock);
		for (struct ascendsim_stream *it = streams; it != NULL; it = it->next) {
			if (it->ctx == ctx) {
				victim = it;
				break;
			}
		}
		pthread_mutex_unlock(&streams_lock);
		if (victim == NULL)
			return;
		ascendsim_stream_delete(victim);
	}
}

aclError ascendsim_stream_resolve(void *handle, struct ascendsim_stream **out, bool create_default)
{
	struct ascendsim_context *ctx;
	aclError ret = ACL_SUCCESS;

	*out = NULL;
	if (handle != NULL) {
		if (!ascendsim_stream_is_live(handle))
			return ACL_ERROR_RT_INVALID_HANDLE;
		*out = handle;
		return ACL_SUCCESS;
	}
	ctx = ascendsim_current_context();
	if (ctx == NULL)
		return ACL_ERROR_RT_CONTEXT_NULL;
	pthread_mutex_lock(&ascendsim_state_lock);
	if (!ascendsim_context_is_live(ctx)) {
		ret = ACL_ERROR_RT_CONTEXT_NULL;
	} else {
		if (ctx->default_stream == NULL && create_default)
			ctx->default_stream = ascendsim_stream_new(ctx);
		if (ctx->default_stream == NULL && create_default)
			ret = ACL_ERROR_RT_RESOURCE_ALLOC_FAIL;
		*out = ctx->default_stream;
	}
	pthread_mutex_unlock(&ascendsim_state_lock);
	return ret;
}

aclError ascendsim_stream_submit_to(struct ascendsim_stream *s, ascendsim_task_fn fn, void *arg,
				    void (*release)(void *arg))
{
	struct task *t = calloc(1, sizeof(*t));

	if (t == NULL)
		return ACL_ERROR_RT_RESOURCE_ALLOC_FAIL;
	t->fn = fn;
	t->arg = arg;
	t->release = release;
	pthread_mutex_lock(&s->lock);
	if (s->tail)
		s->tail->next = t;
	else
		s->head = t;
	s->tail = t;
	s->submitted++;
	pthread_cond_signal(&s->work);
	pthread_mutex_unlock(&s->lock);
	return ACL_SUCCESS;
}

aclError ascendsim_stream_wait(struct ascendsim_stream *s, int32_t timeout_ms)
{
	struct timespec deadline;
	aclError ret = ACL_SUCCESS;
	uint64_t target;

	if (timeout_ms >= 0) {
		clock_gettime(CLOCK_MONOTONIC, &deadline);
		deadline.tv_sec += timeout_ms / 1000;
		deadline.tv_nsec += (long)(timeout_ms % 1000) * 1000000L;
		if (deadline.tv_nsec >= 1000000000L) {
			deadline.tv_sec++;
			deadline.tv_nsec -= 1000000000L;
		}
	}
	pthread_mutex_lock(&s->lock);
	target = s->submitted;
	while (s->completed < target) {
		if (timeout_ms < 0) {
			pthread_cond_wait(&s->done, &s->lock);
		} else if (pthread_cond_timedwait(&s->done, &s->lock, &deadline) == ETIMEDOUT &&
			   s->completed < target) {
			ret = ACL_ERROR_RT_STREAM_SYNC_TIMEOUT;
			break;
		}
	}
	if (ret == ACL_SUCCESS && s->error != 0) {
		ret = s->error;
		s->error = 0;
	}
	pthread_mutex_unlock(&s->lock);
	return ret;
}

bool ascendsim_stream_idle(struct ascendsim_stream *s)
{
	bool idle;

	pthread_mutex_lock(&s->lock);
	idle = s->completed == s->submitted;
	pthread_mutex_unlock(&s->lock);
	return idle;
}

aclError ascendsim_streams_wait_device(int32_t device, int32_t timeout_ms)
{
	struct ascendsim_stream **list = NULL;
	size_t n = 0, cap = 0;
	aclError ret = ACL_SUCCESS;

	/* Snapshot under the lock, wait outside it: a task may create or destroy streams. */
	pthread_mutex_lock(&streams_lock);
	for (struct ascendsim_stream *it = streams; it != NULL; it = it->next) {
		if (it->ctx->device != device)
			continue;
		if (n == cap) {
			size_t nc = cap ? cap * 2 : 16;
			struct ascendsim_stream **nl = realloc(list, nc * sizeof(*nl));

			if (nl == NULL)
				break;
			list = nl;
			cap = nc;
		}
		list[n++] = it;
	}
	pthread_mutex_unlock(&streams_lock);
	for (size_t i = 0; i < n; i++) {
		aclError r;

		if (!ascendsim_stream_is_live(list[i]))
			continue;
		r = ascendsim_stream_wait(list[i], timeout_ms);
		if (r != ACL_SUCCESS && ret == ACL_SUCCESS)
			ret = r;
	}
	free(list);
	return ret;
}

ASCENDSIM_API int ascendsim_stream_submit(void *stream, ascendsim_task_fn fn, void *arg,
					  void (*release)(void *arg))
{
	struct ascendsim_stream *s;
	aclError ret = ascendsim_stream_resolve(stream, &s, true);

	if (ret != ACL_SUCCESS)
		return ret;
	return ascendsim_stream_submit_to(s, fn, arg, release);
}

ASCENDSIM_API int ascendsim_stream_drain(void *stream)
{
	struct ascendsim_stream *s;
	aclError ret = ascendsim_stream_resolve(stream, &s, false);

	if (ret != ACL_SUCCESS || s == NULL)
		return ret;
	return ascendsim_stream_wait(s, -1);
}

/*
 * The work of aclrtCreateStream and aclrtDestroyStream without the call log: the public calls
 * log and delegate here, and the DVPP libraries create their channels' streams here, as CANN's
 * libraries do internally (a program or an interposer sees only the calls it made).
 */
ASCENDSIM_API int ascendsim_stream_create(const char *api, void **out)
{
	struct ascendsim_context *ctx = ascendsim_current_context();
	struct ascendsim_stream *s;

	if (out == NULL)
		return ascendsim_error(ACL_ERROR_INVALID_PARAM, "%s: stream is NULL", api);
	if (ctx == NULL)
		return ascendsim_error(ACL_ERROR_RT_CONTEXT_NULL,
				       "%s: no context on this thread (call aclrtSetDevice first)",
				       api);
	s = ascendsim_stream_new(ctx);
	if (s == NULL)
		return ascendsim_error(ACL_ERROR_RT_RESOURCE_ALLOC_FAIL,
				       "%s: cannot create the stream", api);
	*out = s;
	return ACL_SUCCESS;
}

ASCENDSIM_API int ascendsim_stream_destroy(const char *api, void *stream)
{
	if (stream == NULL)
		return ascendsim_error(ACL_ERROR_INVALID_PARAM, "%s: stream is NULL", api);
	/* Unlinking first makes concurrent destroys of one handle safe: only one tears it down. */
	if (!stream_unlink(stream))
		return ascendsim_error(ACL_ERROR_RT_INVALID_HANDLE, "%s: %p is not a live stream",
				       api, stream);
	stream_teardown(stream);
	return ACL_SUCCESS;
}
