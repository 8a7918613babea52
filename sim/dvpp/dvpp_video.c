/* SPDX-License-Identifier: MIT */
/*
 * What VDEC and VENC channels share: a stream of their own on which frames are processed, the
 * user's callback thread subscribed to it (the user only has to call aclrtProcessReport), and
 * the wait for frames in flight when the channel goes away. Stream and subscription are made
 * through the runtime's internal calls, never the public aclrt* ones: CANN does this inside its
 * libraries, so neither ASCEND_SIM_LOG nor an interposer may see calls the program did not make.
 */
#include "dvpp_internal.h"

#include <pthread.h>
#include <stdlib.h>
#include <time.h>

/* How long destroying a channel waits for the callback thread to take the last callbacks. */
#define CLOSE_WAIT_MS 10000

aclError ascendsim_dvpp_video_open(const char *api, uint64_t thread_id,
				   struct ascendsim_dvpp_video **out)
{
	struct ascendsim_dvpp_video *v = calloc(1, sizeof(*v));
	aclError ret;

	if (!v)
		return ACL_ERROR_BAD_ALLOC;
	v->thread_id = thread_id;
	ret = ascendsim_stream_create(api, &v->stream);
	if (ret != ACL_SUCCESS) {
		ascendsim_warn("%s: creating the channel's stream failed (%d)", api, ret);
		free(v);
		return ret;
	}
	ret = ascendsim_report_subscribe(api, thread_id, v->stream);
	if (ret != ACL_SUCCESS) {
		ascendsim_warn("%s: subscribing callback thread %llu failed (%d)", api,
			       (unsigned long long)thread_id, ret);
		(void)ascendsim_stream_destroy(api, v->stream);
		free(v);
		return ret;
	}
	*out = v;
	return ACL_SUCCESS;
}

aclError ascendsim_dvpp_video_submit(struct ascendsim_dvpp_video *v, ascendsim_task_fn fn,
				     void *arg, void (*release)(void *arg))
{
	return ascendsim_stream_submit(v->stream, fn, arg, release);
}

void ascendsim_dvpp_video_post(struct ascendsim_dvpp_video *v, void (*fn)(void *arg), void *arg,
			       void (*discard)(void *arg))
{
	int ret;

	atomic_fetch_add(&v->pending, 1);
	ret = ascendsim_report_post(v->thread_id, fn, arg);
	if (ret != ACL_SUCCESS) {
		ascendsim_warn("video callback for thread %llu could not be queued (%d); dropped",
			       (unsigned long long)v->thread_id, ret);
		atomic_fetch_sub(&v->pending, 1);
		discard(arg);
	}
}

void ascendsim_dvpp_video_done(struct ascendsim_dvpp_video *v)
{
	atomic_fetch_sub(&v->pending, 1);
}

void ascendsim_dvpp_video_close(const char *api, struct ascendsim_dvpp_video *v)
{
	struct timespec pause = { 0, 1000000 };
	int waited = 0;

	/* Frames still being processed post their callbacks from the stream: let them finish. */
	(void)ascendsim_stream_drain(v->stream);
	/* The callback thread itself cannot take callbacks while it is in here. */
	if ((uint64_t)pthread_self() != v->thread_id) {
		while (atomic_load(&v->pending) > 0 && waited < CLOSE_WAIT_MS) {
			nanosleep(&pause, NULL);
			waited++;
		}
	}
	if (atomic_load(&v->pending) > 0)
		ascendsim_warn("%s: %d callbacks not taken by thread %llu (is it calling "
			       "aclrtProcessReport?)",
			       api, atomic_load(&v->pending), (unsigned long long)v->thread_id);
	(void)ascendsim_report_unsubscribe(api, v->thread_id, v->stream);
	(void)ascendsim_stream_destroy(api, v->stream);
	/* Callbacks still queued reference v: keep it; it is a few bytes per abandoned channel. */
	if (atomic_load(&v->pending) == 0)
		free(v);
}

uint64_t ascendsim_dvpp_hash(const void *data, size_t len)
{
	const uint8_t *p = data;
	uint64_t h = 0xcbf29ce484222325ull;

	for (size_t i = 0; i < len; i++) {
		h ^= p[i];
		h *= 0x100000001b3ull;
	}
	return h;
}
