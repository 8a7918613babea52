/* SPDX-License-Identifier: MIT */
/*
 * aclrtMemset / aclrtMemcpy / aclrtMemcpy2d, synchronous and on streams. The async cases run with
 * ASCEND_SIM_TASK_DELAY_US set, so pending work is observably pending until synchronized.
 */
#include "sim_test.h"

#include <string.h>
#include <time.h>

static double now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static void test_memset_memcpy(void **state)
{
	char host[256], back[256];
	void *d;

	(void)state;
	assert_int_equal(aclrtMalloc(&d, sizeof(host), ACL_MEM_MALLOC_HUGE_FIRST), ACL_SUCCESS);
	assert_int_equal(aclrtMemset(d, sizeof(host), 0x11, sizeof(host)), ACL_SUCCESS);
	assert_int_equal(
	    aclrtMemcpy(back, sizeof(back), d, sizeof(back), ACL_MEMCPY_DEVICE_TO_HOST),
	    ACL_SUCCESS);
	for (size_t i = 0; i < sizeof(back); i++)
		assert_int_equal(back[i], 0x11);
	for (size_t i = 0; i < sizeof(host); i++)
		host[i] = (char)i;
	assert_int_equal(
	    aclrtMemcpy(d, sizeof(host), host, sizeof(host), ACL_MEMCPY_HOST_TO_DEVICE),
	    ACL_SUCCESS);
	memset(back, 0, sizeof(back));
	assert_int_equal(aclrtMemcpy(back, sizeof(back), d, sizeof(back), ACL_MEMCPY_DEFAULT),
			 ACL_SUCCESS);
	assert_memory_equal(back, host, sizeof(host));
	/* The padding of the block (ALIGN_UP(256, 32) + 32) is still the block's. */
	assert_int_equal(aclrtMemset(d, 288, 0, 288), ACL_SUCCESS);
	assert_int_equal(aclrtMemset(d, 289, 0, 289), ACL_ERROR_RT_DRV_INTERNAL_ERROR);
	assert_int_equal(aclrtFree(d), ACL_SUCCESS);
}

static void test_copy_errors(void **state)
{
	char host[64];
	void *d;

	(void)state;
	assert_int_equal(aclrtMalloc(&d, 64, ACL_MEM_MALLOC_HUGE_FIRST), ACL_SUCCESS);
	assert_int_equal(aclrtMemset(NULL, 10, 0, 10), ACL_ERROR_INVALID_PARAM);
	assert_int_equal(aclrtMemset(d, 10, 0, 11), ACL_ERROR_INVALID_PARAM);
	assert_int_equal(aclrtMemcpy(NULL, 10, host, 10, ACL_MEMCPY_HOST_TO_DEVICE),
			 ACL_ERROR_INVALID_PARAM);
	assert_int_equal(aclrtMemcpy(d, 10, NULL, 10, ACL_MEMCPY_HOST_TO_DEVICE),
			 ACL_ERROR_INVALID_PARAM);
	assert_int_equal(aclrtMemcpy(d, 10, host, 11, ACL_MEMCPY_HOST_TO_DEVICE),
			 ACL_ERROR_INVALID_PARAM);
	assert_int_equal(aclrtMemcpy(d, 10, host, 10, (aclrtMemcpyKind)8), ACL_ERROR_INVALID_PARAM);
	assert_int_equal(aclrtMemcpy(d, 64, host, 0, ACL_MEMCPY_HOST_TO_DEVICE), ACL_SUCCESS);
	assert_int_equal(aclrtMemcpyAsync(d, 10, host, 11, ACL_MEMCPY_HOST_TO_DEVICE, NULL),
			 ACL_ERROR_INVALID_PARAM);
	assert_int_equal(aclrtMemsetAsync(NULL, 10, 0, 10, NULL), ACL_ERROR_INVALID_PARAM);
	assert_int_equal(aclrtMemcpy2d(d, 8, host, 8, 9, 2, ACL_MEMCPY_HOST_TO_DEVICE),
			 ACL_ERROR_INVALID_PARAM);
	assert_int_equal(aclrtMemcpy2d(d, 8, host, 8, 8, 0, ACL_MEMCPY_HOST_TO_DEVICE),
			 ACL_ERROR_INVALID_PARAM);
	assert_int_equal(aclrtMemcpy2dAsync(d, 8, NULL, 8, 8, 2, ACL_MEMCPY_HOST_TO_DEVICE, NULL),
			 ACL_ERROR_INVALID_PARAM);
	/* Freed memory is refused by the simulated driver. */
	assert_int_equal(aclrtFree(d), ACL_SUCCESS);
	assert_int_equal(aclrtMemcpy(d, 10, host, 10, ACL_MEMCPY_HOST_TO_DEVICE),
			 ACL_ERROR_RT_DRV_INTERNAL_ERROR);
	assert_int_equal(aclrtMemcpy(host, 10, d, 10, ACL_MEMCPY_DEVICE_TO_HOST),
			 ACL_ERROR_RT_DRV_INTERNAL_ERROR);
	assert_int_equal(aclrtMemset(d, 10, 0, 10), ACL_ERROR_RT_DRV_INTERNAL_ERROR);
	assert_int_equal(aclrtMemcpyAsync(d, 10, host, 10, ACL_MEMCPY_HOST_TO_DEVICE, NULL),
			 ACL_ERROR_RT_DRV_INTERNAL_ERROR);
	assert_non_null(aclGetRecentErrMsg());
}

static void test_memcpy2d(void **state)
{
	unsigned char src[4][16], dst[4][16];
	void *d;

	(void)state;
	for (int r = 0; r < 4; r++)
		for (int c = 0; c < 16; c++)
			src[r][c] = (unsigned char)(r * 16 + c);
	assert_int_equal(aclrtMalloc(&d, 4 * 32, ACL_MEM_MALLOC_HUGE_FIRST), ACL_SUCCESS);
	assert_int_equal(aclrtMemset(d, 128, 0xee, 128), ACL_SUCCESS);
	/* 10 bytes of each 16-byte host row into 32-byte device rows. */
	assert_int_equal(aclrtMemcpy2d(d, 32, src, 16, 10, 4, ACL_MEMCPY_HOST_TO_DEVICE),
			 ACL_SUCCESS);
	for (int r = 0; r < 4; r++) {
		const unsigned char *row = (const unsigned char *)d + r * 32;

		assert_memory_equal(row, src[r], 10);
		assert_int_equal(row[10], 0xee);
	}
	memset(dst, 0, sizeof(dst));
	assert_int_equal(aclrtMemcpy2d(dst, 16, d, 32, 10, 4, ACL_MEMCPY_DEVICE_TO_HOST),
			 ACL_SUCCESS);
	for (int r = 0; r < 4; r++) {
		assert_memory_equal(dst[r], src[r], 10);
		assert_int_equal(dst[r][10], 0);
	}
	/* A 2-D range past the block's end is refused. */
	assert_int_equal(aclrtMemcpy2d(d, 64, src, 16, 16, 4, ACL_MEMCPY_HOST_TO_DEVICE),
			 ACL_ERROR_RT_DRV_INTERNAL_ERROR);
	assert_int_equal(aclrtFree(d), ACL_SUCCESS);
}

/* Run with ASCEND_SIM_TASK_DELAY_US=300000. */
static void env_async_pending_until_sync(void **state)
{
	char host[64], back[64];
	aclrtStream s;
	aclrtStreamStatus status;
	double start;
	void *d;

	(void)state;
	memset(host, 0x42, sizeof(host));
	assert_int_equal(aclrtCreateStream(&s), ACL_SUCCESS);
	assert_int_equal(aclrtMalloc(&d, 64, ACL_MEM_MALLOC_HUGE_FIRST), ACL_SUCCESS);
	assert_int_equal(aclrtMemset(d, 64, 0, 64), ACL_SUCCESS);
	start = now_ms();
	assert_int_equal(aclrtMemcpyAsync(d, 64, host, 64, ACL_MEMCPY_HOST_TO_DEVICE, s),
			 ACL_SUCCESS);
	/* Still pending: the task is held for 300 ms. */
	assert_int_equal(((unsigned char *)d)[0], 0);
	assert_int_equal(aclrtQueryStreamStatus(s, &status), ACL_SUCCESS);
	assert_int_equal(status, ACL_STREAM_STATUS_NOT_READY);
	assert_int_equal(aclrtSynchronizeStream(s), ACL_SUCCESS);
	/* Synchronizing waited for the held task. */
	assert_true(now_ms() - start >= 295.0);
	assert_int_equal(aclrtQueryStreamStatus(s, &status), ACL_SUCCESS);
	assert_int_equal(status, ACL_STREAM_STATUS_COMPLETE);
	assert_int_equal(aclrtMemcpy(back, 64, d, 64, ACL_MEMCPY_DEVICE_TO_HOST), ACL_SUCCESS);
	assert_memory_equal(back, host, 64);
	assert_int_equal(aclrtFree(d), ACL_SUCCESS);
	assert_int_equal(aclrtDestroyStream(s), ACL_SUCCESS);
}

/* Run with ASCEND_SIM_TASK_DELAY_US set: tasks of one stream complete in submission order. */
static void env_async_order(void **state)
{
	unsigned char a[32], b[32], back[32];
	aclrtStream s;
	void *d;

	(void)state;
	memset(a, 1, sizeof(a));
	memset(b, 2, sizeof(b));
	assert_int_equal(aclrtCreateStream(&s), ACL_SUCCESS);
	assert_int_equal(aclrtMalloc(&d, 32, ACL_MEM_MALLOC_HUGE_FIRST), ACL_SUCCESS);
	assert_int_equal(aclrtMemsetAsync(d, 32, 9, 32, s), ACL_SUCCESS);
	assert_int_equal(aclrtMemcpyAsync(d, 32, a, 32, ACL_MEMCPY_HOST_TO_DEVICE, s), ACL_SUCCESS);
	assert_int_equal(aclrtMemcpyAsync(d, 16, b, 16, ACL_MEMCPY_HOST_TO_DEVICE, s), ACL_SUCCESS);
	assert_int_equal(aclrtMemcpy2dAsync(back, 32, d, 32, 32, 1, ACL_MEMCPY_DEVICE_TO_HOST, s),
			 ACL_SUCCESS);
	assert_int_equal(aclrtSynchronizeStream(s), ACL_SUCCESS);
	for (int i = 0; i < 16; i++)
		assert_int_equal(back[i], 2);
	for (int i = 16; i < 32; i++)
		assert_int_equal(back[i], 1);
	assert_int_equal(aclrtFree(d), ACL_SUCCESS);
	assert_int_equal(aclrtDestroyStream(s), ACL_SUCCESS);
}

/* Run with ASCEND_SIM_TASK_DELAY_US set: memory freed before the copy ran. */
static void env_async_free_before_run(void **state)
{
	char host[64] = { 0 };
	void *d;

	(void)state;
	assert_int_equal(aclrtMalloc(&d, 64, ACL_MEM_MALLOC_HUGE_FIRST), ACL_SUCCESS);
	/* The default (NULL) stream of the context. */
	assert_int_equal(aclrtMemcpyAsync(d, 64, host, 64, ACL_MEMCPY_HOST_TO_DEVICE, NULL),
			 ACL_SUCCESS);
	assert_int_equal(aclrtFree(d), ACL_SUCCESS);
	assert_int_equal(aclrtSynchronizeStream(NULL), ACL_ERROR_RT_DRV_INTERNAL_ERROR);
	/* The error is reported once. */
	assert_int_equal(aclrtSynchronizeStream(NULL), ACL_SUCCESS);
	/* aclrtFreeWithDevSync waits for pending work first. */
	assert_int_equal(aclrtMalloc(&d, 64, ACL_MEM_MALLOC_HUGE_FIRST), ACL_SUCCESS);
	assert_int_equal(aclrtMemcpyAsync(d, 64, host, 64, ACL_MEMCPY_HOST_TO_DEVICE, NULL),
			 ACL_SUCCESS);
	assert_int_equal(aclrtFreeWithDevSync(d), ACL_SUCCESS);
	assert_int_equal(aclrtSynchronizeDevice(), ACL_SUCCESS);
}

int main(int argc, char **argv)
{
	const struct CMUnitTest tests[] = {
		SIM_TEST(test_memset_memcpy), SIM_TEST(test_copy_errors),
		SIM_TEST(test_memcpy2d),      SIM_TEST(env_async_pending_until_sync),
		SIM_TEST(env_async_order),    SIM_TEST(env_async_free_before_run),
	};

	sim_test_filter(argc, argv);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
