/* SPDX-License-Identifier: MIT */
/*
 * Streams, events and host callbacks. Run with ASCEND_SIM_TASK_DELAY_US=100000 so that every
 * task is held long enough to be seen pending.
 */
#include "sim_test.h"

#include <pthread.h>
#include <stdatomic.h>
#include <string.h>

/* aclrtQueryEvent is deprecated in the headers, as in CANN, but programs still call it. */
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"

static void test_stream_lifecycle(void **state)
{
	aclrtStream s;
	int marker = 0;

	(void)state;
	assert_int_equal(aclrtCreateStream(NULL), ACL_ERROR_INVALID_PARAM);
	assert_int_equal(aclrtCreateStream(&s), ACL_SUCCESS);
	assert_int_equal(aclrtSynchronizeStream(s), ACL_SUCCESS);
	assert_int_equal(aclrtSynchronizeStreamWithTimeout(s, 0), ACL_ERROR_INVALID_PARAM);
	assert_int_equal(aclrtSynchronizeStreamWithTimeout(s, -2), ACL_ERROR_INVALID_PARAM);
	/* A stream held longer than the timeout. */
	assert_int_equal(aclrtMemsetAsync(&marker, sizeof(marker), 1, sizeof(marker), s),
			 ACL_SUCCESS);
	assert_int_equal(aclrtSynchronizeStreamWithTimeout(s, 1), ACL_ERROR_RT_STREAM_SYNC_TIMEOUT);
	assert_int_equal(aclrtSynchronizeStreamWithTimeout(s, 5000), ACL_SUCCESS);
	assert_int_not_equal(marker, 0);
	/* Destroying drains what was queued. */
	marker = 0;
	assert_int_equal(aclrtMemsetAsync(&marker, sizeof(marker), 1, sizeof(marker), s),
			 ACL_SUCCESS);
	assert_int_equal(aclrtDestroyStream(s), ACL_SUCCESS);
	assert_int_not_equal(marker, 0);
	assert_int_equal(aclrtDestroyStream(s), ACL_ERROR_RT_INVALID_HANDLE);
	assert_int_equal(aclrtSynchronizeStream(s), ACL_ERROR_RT_INVALID_HANDLE);
	assert_int_equal(aclrtDestroyStream(NULL), ACL_ERROR_INVALID_PARAM);
	/* Without a context. */
	assert_int_equal(aclrtResetDevice(0), ACL_SUCCESS);
	assert_int_equal(aclrtCreateStream(&s), ACL_ERROR_RT_CONTEXT_NULL);
	assert_int_equal(aclrtSynchronizeStream(NULL), ACL_ERROR_RT_CONTEXT_NULL);
	assert_int_equal(aclrtSynchronizeDevice(), ACL_ERROR_RT_CONTEXT_NULL);
}

static void test_events(void **state)
{
	aclrtStream s;
	aclrtEvent a, b;
	aclrtEventRecordedStatus rs;
	aclrtEventStatus es;
	float ms = -1;

	(void)state;
	assert_int_equal(aclrtCreateStream(&s), ACL_SUCCESS);
	assert_int_equal(aclrtCreateEvent(&a), ACL_SUCCESS);
	assert_int_equal(aclrtCreateEventWithFlag(&b, ACL_EVENT_TIME_LINE), ACL_SUCCESS);
	assert_int_equal(aclrtQueryEventStatus(a, &rs), ACL_SUCCESS);
	assert_int_equal(rs, ACL_EVENT_RECORDED_STATUS_NOT_READY);
	assert_int_equal(aclrtEventElapsedTime(&ms, a, b), ACL_ERROR_RT_EVENT_NOT_COMPLETE);
	assert_int_equal(aclrtRecordEvent(a, s), ACL_SUCCESS);
	assert_int_equal(aclrtRecordEvent(b, s), ACL_SUCCESS);
	/* Both records wait behind the task delay. */
	assert_int_equal(aclrtQueryEventStatus(a, &rs), ACL_SUCCESS);
	assert_int_equal(rs, ACL_EVENT_RECORDED_STATUS_NOT_READY);
	assert_int_equal(aclrtQueryEvent(b, &es), ACL_SUCCESS);
	assert_int_equal(es, ACL_EVENT_STATUS_NOT_READY);
	assert_int_equal(aclrtSynchronizeEvent(b), ACL_SUCCESS);
	assert_int_equal(aclrtQueryEventStatus(a, &rs), ACL_SUCCESS);
	assert_int_equal(rs, ACL_EVENT_RECORDED_STATUS_COMPLETE);
	assert_int_equal(aclrtQueryEvent(b, &es), ACL_SUCCESS);
	assert_int_equal(es, ACL_EVENT_STATUS_COMPLETE);
	/* The second record ran one task delay (100 ms) after the first. */
	assert_int_equal(aclrtEventElapsedTime(&ms, a, b), ACL_SUCCESS);
	assert_true(ms >= 95.0f && ms < 10000.0f);
	assert_int_equal(aclrtResetEvent(a, s), ACL_SUCCESS);
	assert_int_equal(aclrtSynchronizeStream(s), ACL_SUCCESS);
	assert_int_equal(aclrtQueryEventStatus(a, &rs), ACL_SUCCESS);
	assert_int_equal(rs, ACL_EVENT_RECORDED_STATUS_NOT_READY);
	assert_int_equal(aclrtQueryEventStatus(a, NULL), ACL_ERROR_INVALID_PARAM);
	assert_int_equal(aclrtCreateEvent(NULL), ACL_ERROR_INVALID_PARAM);
	assert_int_equal(aclrtDestroyEvent(a), ACL_SUCCESS);
	assert_int_equal(aclrtDestroyEvent(a), ACL_ERROR_RT_INVALID_HANDLE);
	assert_int_equal(aclrtRecordEvent(a, s), ACL_ERROR_RT_INVALID_HANDLE);
	assert_int_equal(aclrtSynchronizeEvent(a), ACL_ERROR_RT_INVALID_HANDLE);
	assert_int_equal(aclrtDestroyEvent(NULL), ACL_ERROR_INVALID_PARAM);
	/* An event destroyed while its record is pending stays valid for the task. */
	assert_int_equal(aclrtRecordEvent(b, s), ACL_SUCCESS);
	assert_int_equal(aclrtDestroyEvent(b), ACL_SUCCESS);
	assert_int_equal(aclrtDestroyStream(s), ACL_SUCCESS);
}

static void test_stream_wait_event(void **state)
{
	aclrtStream producer, consumer;
	aclrtEvent ev;
	int value = 0, seen = -1;

	(void)state;
	assert_int_equal(aclrtCreateStream(&producer), ACL_SUCCESS);
	assert_int_equal(aclrtCreateStream(&consumer), ACL_SUCCESS);
	assert_int_equal(aclrtCreateEvent(&ev), ACL_SUCCESS);
	/* producer: 3 delayed tasks then the record; consumer waits, then copies value. */
	for (int i = 0; i < 3; i++)
		assert_int_equal(aclrtMemsetAsync(&value, sizeof(value), i + 1, 1, producer),
				 ACL_SUCCESS);
	assert_int_equal(aclrtRecordEvent(ev, producer), ACL_SUCCESS);
	assert_int_equal(aclrtStreamWaitEvent(consumer, ev), ACL_SUCCESS);
	assert_int_equal(aclrtMemcpyAsync(&seen, sizeof(seen), &value, sizeof(value),
					  ACL_MEMCPY_HOST_TO_HOST, consumer),
			 ACL_SUCCESS);
	assert_int_equal(aclrtSynchronizeStream(consumer), ACL_SUCCESS);
	assert_int_equal(seen, 3);
	assert_int_equal(aclrtSynchronizeDevice(), ACL_SUCCESS);
	assert_int_equal(aclrtDestroyEvent(ev), ACL_SUCCESS);
	assert_int_equal(aclrtDestroyStream(producer), ACL_SUCCESS);
	assert_int_equal(aclrtDestroyStream(consumer), ACL_SUCCESS);
}

struct reporter {
	pthread_t thread;
	atomic_bool stop;
	atomic_int processed;
};

static void *report_loop(void *p)
{
	struct reporter *r = p;

	while (!atomic_load(&r->stop)) {
		if (aclrtProcessReport(20) == ACL_SUCCESS)
			atomic_fetch_add(&r->processed, 1);
	}
	return NULL;
}

static pthread_t callback_thread;
static atomic_int callback_calls;

static void on_callback(void *data)
{
	callback_thread = pthread_self();
	*(int *)data += 1;
	/* Last: the test reads counter and callback_thread once it sees the count. */
	atomic_fetch_add(&callback_calls, 1);
}

static void test_callbacks(void **state)
{
	struct reporter r = { 0 };
	aclrtStream s;
	int counter = 0;

	(void)state;
	atomic_store(&callback_calls, 0);
	assert_int_equal(aclrtCreateStream(&s), ACL_SUCCESS);
	assert_int_equal(aclrtProcessReport(100), ACL_ERROR_RT_THREAD_SUBSCRIBE);
	assert_int_equal(aclrtProcessReport(0), ACL_ERROR_INVALID_PARAM);
	assert_int_equal(aclrtLaunchCallback(on_callback, &counter, ACL_CALLBACK_BLOCK, s),
			 ACL_ERROR_RT_STREAM_NO_CB_REG);
	assert_int_equal(pthread_create(&r.thread, NULL, report_loop, &r), 0);
	assert_int_equal(aclrtSubscribeReport((uint64_t)r.thread, s), ACL_SUCCESS);
	assert_int_equal(aclrtSubscribeReport((uint64_t)r.thread, s),
			 ACL_ERROR_RT_STREAM_SUBSCRIBE);
	assert_int_equal(aclrtLaunchCallback(NULL, &counter, ACL_CALLBACK_BLOCK, s),
			 ACL_ERROR_INVALID_PARAM);
	assert_int_equal(aclrtLaunchCallback(on_callback, &counter, (aclrtCallbackBlockType)2, s),
			 ACL_ERROR_INVALID_PARAM);
	assert_int_equal(aclrtLaunchCallback(on_callback, &counter, ACL_CALLBACK_BLOCK, s),
			 ACL_SUCCESS);
	assert_int_equal(aclrtSynchronizeStream(s), ACL_SUCCESS);
	/* A blocking callback holds its stream until it has run. */
	assert_int_equal(atomic_load(&callback_calls), 1);
	assert_int_equal(aclrtLaunchCallback(on_callback, &counter, ACL_CALLBACK_NO_BLOCK, s),
			 ACL_SUCCESS);
	assert_int_equal(aclrtSynchronizeStream(s), ACL_SUCCESS);
	/* The other one may still be queued for the reporting thread. */
	while (atomic_load(&callback_calls) < 2)
		sched_yield();
	assert_true(pthread_equal(callback_thread, r.thread));
	assert_int_equal(counter, 2);
	assert_int_equal(aclrtUnSubscribeReport((uint64_t)r.thread, s), ACL_SUCCESS);
	assert_int_equal(aclrtUnSubscribeReport((uint64_t)r.thread, s),
			 ACL_ERROR_RT_STREAM_SUBSCRIBE);
	atomic_store(&r.stop, true);
	pthread_join(r.thread, NULL);
	assert_true(atomic_load(&r.processed) >= 1);
	assert_int_equal(aclrtDestroyStream(s), ACL_SUCCESS);
}

static void test_report_timeout(void **state)
{
	aclrtStream s;

	(void)state;
	assert_int_equal(aclrtCreateStream(&s), ACL_SUCCESS);
	assert_int_equal(aclrtSubscribeReport((uint64_t)pthread_self(), s), ACL_SUCCESS);
	assert_int_equal(aclrtProcessReport(10), ACL_ERROR_RT_REPORT_TIMEOUT);
	/* Internal posts reach the subscribed thread too. */
	assert_int_equal(ascendsim_report_post((uint64_t)pthread_self(), on_callback, &(int){ 0 }),
			 ACL_SUCCESS);
	assert_int_equal(aclrtProcessReport(10), ACL_SUCCESS);
	assert_int_equal(aclrtUnSubscribeReport((uint64_t)pthread_self(), s), ACL_SUCCESS);
	assert_int_equal(ascendsim_report_post((uint64_t)pthread_self(), on_callback, NULL),
			 ACL_ERROR_RT_THREAD_SUBSCRIBE);
	assert_int_equal(aclrtDestroyStream(s), ACL_SUCCESS);
}

static int failing_task(void *arg)
{
	*(int *)arg = 1;
	return ACL_ERROR_RT_AICORE_EXCEPTION;
}

static void test_internal_submit(void **state)
{
	aclrtStream s;
	int ran = 0;

	(void)state;
	assert_int_equal(aclrtCreateStream(&s), ACL_SUCCESS);
	assert_int_equal(ascendsim_stream_submit(s, failing_task, &ran, NULL), ACL_SUCCESS);
	assert_int_equal(ran, 0);
	assert_int_equal(ascendsim_stream_drain(s), ACL_ERROR_RT_AICORE_EXCEPTION);
	assert_int_equal(ran, 1);
	assert_int_equal(ascendsim_stream_drain(s), ACL_SUCCESS);
	assert_int_equal(ascendsim_stream_submit(NULL, failing_task, &ran, NULL), ACL_SUCCESS);
	assert_int_equal(aclrtSynchronizeDevice(), ACL_ERROR_RT_AICORE_EXCEPTION);
	assert_int_equal(aclrtDestroyStream(s), ACL_SUCCESS);
}

int main(int argc, char **argv)
{
	const struct CMUnitTest tests[] = {
		SIM_TEST(test_stream_lifecycle),  SIM_TEST(test_events),
		SIM_TEST(test_stream_wait_event), SIM_TEST(test_callbacks),
		SIM_TEST(test_report_timeout),	  SIM_TEST(test_internal_submit),
	};

	sim_test_filter(argc, argv);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
