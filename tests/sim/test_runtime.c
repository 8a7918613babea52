/* SPDX-License-Identifier: MIT */
/* aclInit/aclFinalize, devices, contexts, SoC name, version and error messages. */
#include "sim_test.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void test_init_finalize(void **state)
{
	char path[] = "/tmp/ascendsim-test-XXXXXX";
	int fd;

	(void)state;
	assert_false(ascendsim_initialized());
	assert_int_equal(aclFinalize(), ACL_ERROR_REPEAT_FINALIZE);
	assert_int_equal(aclInit("/nonexistent/acl.json"), ACL_ERROR_INVALID_FILE);
	assert_false(ascendsim_initialized());
	fd = mkstemp(path);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, "{}", 2), 2);
	close(fd);
	assert_int_equal(aclInit(path), ACL_SUCCESS);
	unlink(path);
	assert_true(ascendsim_initialized());
	assert_int_equal(aclInit(NULL), ACL_ERROR_REPEAT_INITIALIZE);
	assert_int_equal(aclFinalize(), ACL_SUCCESS);
	assert_int_equal(aclFinalize(), ACL_ERROR_REPEAT_FINALIZE);
	/* A finalized process may initialize again. */
	assert_int_equal(aclInit(""), ACL_SUCCESS);
	assert_int_equal(aclFinalize(), ACL_SUCCESS);
}

static void test_finalize_releases(void **state)
{
	void *p;
	aclrtStream s;

	(void)state;
	assert_int_equal(aclInit(NULL), ACL_SUCCESS);
	assert_int_equal(aclrtSetDevice(0), ACL_SUCCESS);
	assert_int_equal(aclrtCreateStream(&s), ACL_SUCCESS);
	assert_int_equal(aclrtMalloc(&p, 10, ACL_MEM_MALLOC_HUGE_FIRST), ACL_SUCCESS);
	assert_int_equal(aclFinalize(), ACL_SUCCESS);
	assert_int_equal(ascendsim_mem_find(p, NULL), -1);
	assert_int_equal(ascendsim_current_device(), -1);
	assert_int_equal(aclrtDestroyStream(s), ACL_ERROR_RT_INVALID_HANDLE);
}

static void test_devices(void **state)
{
	uint32_t count = 0;
	int32_t dev = -1;

	(void)state;
	assert_int_equal(aclrtGetDeviceCount(&count), ACL_SUCCESS);
	assert_int_equal(count, 1);
	assert_int_equal(aclrtGetDeviceCount(NULL), ACL_ERROR_INVALID_PARAM);
	assert_int_equal(aclrtGetDevice(&dev), ACL_SUCCESS);
	assert_int_equal(dev, 0);
	assert_int_equal(ascendsim_current_device(), 0);
	assert_int_equal(aclrtGetDevice(NULL), ACL_ERROR_INVALID_PARAM);
	assert_int_equal(aclrtSetDevice(1), ACL_ERROR_RT_INVALID_DEVICEID);
	assert_int_equal(aclrtSetDevice(-1), ACL_ERROR_RT_INVALID_DEVICEID);
	assert_int_equal(aclrtResetDevice(1), ACL_ERROR_RT_INVALID_DEVICEID);
	assert_int_equal(aclrtResetDeviceForce(9), ACL_ERROR_RT_INVALID_DEVICEID);
	/* Reference counted; ResetDeviceForce drops every reference. */
	assert_int_equal(aclrtSetDevice(0), ACL_SUCCESS);
	assert_int_equal(aclrtSetDevice(0), ACL_SUCCESS);
	assert_int_equal(aclrtResetDevice(0), ACL_SUCCESS);
	assert_int_equal(aclrtGetDevice(&dev), ACL_SUCCESS);
	assert_int_equal(aclrtResetDeviceForce(0), ACL_SUCCESS);
	assert_int_equal(aclrtGetDevice(&dev), ACL_ERROR_RT_CONTEXT_NULL);
	assert_int_equal(ascendsim_current_device(), -1);
}

/* Run with ASCEND_SIM_DEVICE_COUNT=3 ASCEND_SIM_SOC=Ascend910B1. */
static void env_multi_device(void **state)
{
	uint32_t count = 0;
	int32_t dev = -1;
	void *a, *b;
	struct ascendsim_block blk;

	(void)state;
	assert_int_equal(aclrtGetDeviceCount(&count), ACL_SUCCESS);
	assert_int_equal(count, 3);
	assert_string_equal(aclrtGetSocName(), "Ascend910B1");
	assert_int_equal(aclrtSetDevice(3), ACL_ERROR_RT_INVALID_DEVICEID);
	assert_int_equal(aclrtSetDevice(2), ACL_SUCCESS);
	assert_int_equal(aclrtGetDevice(&dev), ACL_SUCCESS);
	assert_int_equal(dev, 2);
	assert_int_equal(ascendsim_dvpp_alloc(-1, 100, &a), ACL_SUCCESS);
	assert_int_equal(ascendsim_dvpp_alloc(1, 100, &b), ACL_SUCCESS);
	/* Device d's DVPP heap sits at 0x100000000000 + d * 32 GiB. */
	assert_true((uintptr_t)a >= 0x100000000000ull + 2 * 32 * SIM_GIB &&
		    (uintptr_t)a < 0x100000000000ull + 3 * 32 * SIM_GIB);
	assert_true((uintptr_t)b >= 0x100000000000ull + 32 * SIM_GIB &&
		    (uintptr_t)b < 0x100000000000ull + 2 * 32 * SIM_GIB);
	assert_int_equal(ascendsim_mem_find(b, &blk), 0);
	assert_int_equal(blk.device, 1);
	assert_int_equal(aclrtResetDevice(2), ACL_SUCCESS);
	/* Resetting device 2 released its memory only. */
	assert_int_equal(ascendsim_mem_find(a, NULL), -1);
	assert_int_equal(ascendsim_mem_find(b, NULL), 0);
	assert_int_equal(ascendsim_dvpp_free(b), ACL_SUCCESS);
}

static void test_contexts(void **state)
{
	aclrtContext def, ctx, cur;
	int32_t dev;

	(void)state;
	assert_int_equal(aclrtGetCurrentContext(&def), ACL_SUCCESS);
	assert_int_equal(aclrtGetCurrentContext(NULL), ACL_ERROR_INVALID_PARAM);
	assert_int_equal(aclrtCreateContext(&ctx, 0), ACL_SUCCESS);
	assert_ptr_not_equal(ctx, def);
	/* A new context becomes the thread's current one. */
	assert_int_equal(aclrtGetCurrentContext(&cur), ACL_SUCCESS);
	assert_ptr_equal(cur, ctx);
	assert_int_equal(aclrtCreateContext(&cur, 5), ACL_ERROR_RT_INVALID_DEVICEID);
	assert_int_equal(aclrtCreateContext(NULL, 0), ACL_ERROR_INVALID_PARAM);
	assert_int_equal(aclrtSetCurrentContext(def), ACL_SUCCESS);
	assert_int_equal(aclrtGetCurrentContext(&cur), ACL_SUCCESS);
	assert_ptr_equal(cur, def);
	assert_int_equal(aclrtSetCurrentContext(NULL), ACL_ERROR_INVALID_PARAM);
	assert_int_equal(aclrtDestroyContext(def), ACL_ERROR_RT_INVALID_HANDLE);
	assert_int_equal(aclrtDestroyContext(NULL), ACL_ERROR_INVALID_PARAM);
	assert_int_equal(aclrtSetCurrentContext(ctx), ACL_SUCCESS);
	assert_int_equal(aclrtDestroyContext(ctx), ACL_SUCCESS);
	assert_int_equal(aclrtDestroyContext(ctx), ACL_ERROR_RT_INVALID_HANDLE);
	assert_int_equal(aclrtSetCurrentContext(ctx), ACL_ERROR_RT_INVALID_HANDLE);
	/* The destroyed context was current: the thread has none now. */
	assert_int_equal(aclrtGetCurrentContext(&cur), ACL_ERROR_RT_CONTEXT_NULL);
	assert_int_equal(aclrtGetDevice(&dev), ACL_ERROR_RT_CONTEXT_NULL);
}

static void *other_thread(void *arg)
{
	aclrtContext ctx = arg, cur = NULL;
	void *p = NULL;

	/* A new thread has no context until it sets one. */
	if (aclrtMalloc(&p, 10, ACL_MEM_MALLOC_HUGE_FIRST) != ACL_ERROR_RT_CONTEXT_NULL)
		return (void *)1;
	if (aclrtSetCurrentContext(ctx) != ACL_SUCCESS || aclrtGetCurrentContext(&cur) != 0 ||
	    cur != ctx)
		return (void *)2;
	if (aclrtMalloc(&p, 10, ACL_MEM_MALLOC_HUGE_FIRST) != ACL_SUCCESS)
		return (void *)3;
	return aclrtFree(p) == ACL_SUCCESS ? NULL : (void *)4;
}

static void test_context_threads(void **state)
{
	aclrtContext ctx;
	pthread_t t;
	void *res = (void *)9;

	(void)state;
	assert_int_equal(aclrtGetCurrentContext(&ctx), ACL_SUCCESS);
	assert_int_equal(pthread_create(&t, NULL, other_thread, ctx), 0);
	pthread_join(t, &res);
	assert_null(res);
}

static void test_soc_version_errmsg(void **state)
{
	int32_t major = -1, minor = -1, patch = -1;
	const char *msg;
	void *p;

	(void)state;
	assert_string_equal(aclrtGetSocName(), "Ascend310P3");
	assert_string_equal(ascendsim_soc_name(), "Ascend310P3");
	assert_int_equal(aclrtGetVersion(&major, &minor, &patch), ACL_SUCCESS);
	assert_int_equal(major, ACL_MAJOR_VERSION);
	assert_int_equal(minor, ACL_MINOR_VERSION);
	assert_int_equal(patch, ACL_PATCH_VERSION);
	assert_int_equal(aclrtGetVersion(NULL, &minor, &patch), ACL_ERROR_INVALID_PARAM);
	assert_int_equal(aclrtSetOpWaitTimeout(100), ACL_SUCCESS);
	/* The message names the failing call and is consumed by reading it. */
	while (aclGetRecentErrMsg() != NULL)
		;
	assert_int_equal(aclrtMalloc(&p, 0, ACL_MEM_MALLOC_HUGE_FIRST), ACL_ERROR_INVALID_PARAM);
	msg = aclGetRecentErrMsg();
	assert_non_null(msg);
	assert_non_null(strstr(msg, "aclrtMalloc"));
	assert_null(aclGetRecentErrMsg());
}

static void test_data_buffers(void **state)
{
	char mem[16];
	aclDataBuffer *b;

	(void)state;
	b = aclCreateDataBuffer(mem, sizeof(mem));
	assert_non_null(b);
	assert_ptr_equal(aclGetDataBufferAddr(b), mem);
	assert_int_equal(aclGetDataBufferSizeV2(b), sizeof(mem));
	assert_int_equal(aclUpdateDataBuffer(b, mem + 4, 8), ACL_SUCCESS);
	assert_ptr_equal(aclGetDataBufferAddr(b), mem + 4);
	assert_int_equal(aclGetDataBufferSizeV2(b), 8);
	assert_int_equal(aclDestroyDataBuffer(b), ACL_SUCCESS);
	/* A destroyed or foreign handle is refused, never dereferenced. */
	assert_int_equal(aclDestroyDataBuffer(b), ACL_ERROR_INVALID_PARAM);
	assert_int_equal(aclUpdateDataBuffer(b, mem, 1), ACL_ERROR_INVALID_PARAM);
	assert_null(aclGetDataBufferAddr(b));
	assert_int_equal(aclGetDataBufferSizeV2(NULL), 0);
	assert_int_equal(aclDestroyDataBuffer(NULL), ACL_ERROR_INVALID_PARAM);
	/* Empty buffers are allowed (dynamic outputs). */
	b = aclCreateDataBuffer(NULL, 0);
	assert_non_null(b);
	assert_int_equal(aclDestroyDataBuffer(b), ACL_SUCCESS);
	/* aclFloat16 helpers and type sizes. */
	assert_int_equal(aclFloatToFloat16(1.0f), 0x3c00);
	assert_int_equal(aclFloatToFloat16(-2.5f), 0xc100);
	assert_true(aclFloat16ToFloat(0x3555) > 0.333f && aclFloat16ToFloat(0x3555) < 0.334f);
	assert_true(aclFloat16ToFloat(aclFloatToFloat16(65504.0f)) == 65504.0f);
	assert_int_equal(aclDataTypeSize(ACL_FLOAT16), 2);
	assert_int_equal(aclDataTypeSize(ACL_INT64), 8);
	assert_int_equal(aclDataTypeSize(ACL_DT_UNDEFINED), 0);
}

static int no_setup(void **state)
{
	(void)state;
	return 0;
}

static int finalize_if_needed(void **state)
{
	(void)state;
	if (ascendsim_initialized())
		aclFinalize();
	return 0;
}

int main(int argc, char **argv)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_init_finalize, no_setup, finalize_if_needed),
		cmocka_unit_test_setup_teardown(test_finalize_releases, no_setup,
						finalize_if_needed),
		SIM_TEST(test_devices),
		SIM_TEST(env_multi_device),
		SIM_TEST(test_contexts),
		SIM_TEST(test_context_threads),
		SIM_TEST(test_soc_version_errmsg),
		SIM_TEST(test_data_buffers),
	};

	sim_test_filter(argc, argv);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
