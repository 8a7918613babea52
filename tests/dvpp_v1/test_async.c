/* SPDX-License-Identifier: MIT */
/*
 * Asynchronous completion: with ASCEND_SIM_TASK_DELAY_US holding each task, results appear only
 * after aclrtSynchronizeStream, and what fails on the device (a buffer released before the task
 * ran, a JPEG output too small) is reported by the synchronization, not by the call.
 */
#include "v1_cmocka.h"
#include "v1_util.h"

#include <stdlib.h>
#include <string.h>

static struct v1_env env;

static int setup(void **state)
{
	(void)state;
	assert_non_null(getenv("ASCEND_SIM_TASK_DELAY_US"));
	v1_setup(&env);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	v1_teardown(&env);
	return 0;
}

static bool all_zero(const uint8_t *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (p[i])
			return false;
	return true;
}

static void test_result_only_after_sync(void **state)
{
	struct v1_pic in, out;
	acldvppResizeConfig *cfg = acldvppCreateResizeConfig();

	(void)state;
	v1_pic_alloc(&in, PIXEL_FORMAT_YUV_SEMIPLANAR_420, 64, 32, 64, 32, 0);
	v1_pic_alloc(&out, PIXEL_FORMAT_YUV_SEMIPLANAR_420, 32, 16, 32, 16, 0);
	memset(in.data, 200, in.size);
	assert_int_equal(acldvppVpcResizeAsync(env.channel, in.desc, out.desc, cfg, env.stream),
			 ACL_SUCCESS);
	assert_true(all_zero(out.data, out.size));
	assert_int_equal(aclrtSynchronizeStream(env.stream), ACL_SUCCESS);
	assert_int_equal(out.data[0], 200);
	assert_int_equal(out.data[out.size - 1], 200);
	v1_pic_free(&in);
	v1_pic_free(&out);
	acldvppDestroyResizeConfig(cfg);
}

static void test_input_freed_before_task_ran(void **state)
{
	struct v1_pic in, out;
	acldvppResizeConfig *cfg = acldvppCreateResizeConfig();

	(void)state;
	v1_pic_alloc(&in, PIXEL_FORMAT_YUV_SEMIPLANAR_420, 64, 32, 64, 32, 0);
	v1_pic_alloc(&out, PIXEL_FORMAT_YUV_SEMIPLANAR_420, 32, 16, 32, 16, 0);
	memset(in.data, 7, in.size);
	assert_int_equal(acldvppVpcResizeAsync(env.channel, in.desc, out.desc, cfg, env.stream),
			 ACL_SUCCESS);
	/* Freed while the device still has to read it. */
	assert_int_equal(acldvppFree(in.data), ACL_SUCCESS);
	in.data = NULL;
	assert_int_equal(aclrtSynchronizeStream(env.stream), ACL_ERROR_RT_AICPU_EXCEPTION);
	assert_true(all_zero(out.data, out.size));
	/* The failure was reported once; the stream is usable again. */
	assert_int_equal(aclrtSynchronizeStream(env.stream), ACL_SUCCESS);
	v1_pic_free(&in);
	v1_pic_free(&out);
	acldvppDestroyResizeConfig(cfg);
}

static void test_order_on_one_stream(void **state)
{
	struct v1_pic a, b, c;
	acldvppResizeConfig *cfg = acldvppCreateResizeConfig();

	(void)state;
	v1_pic_alloc(&a, PIXEL_FORMAT_YUV_SEMIPLANAR_420, 32, 32, 32, 32, 0);
	v1_pic_alloc(&b, PIXEL_FORMAT_YUV_SEMIPLANAR_420, 32, 32, 32, 32, 0);
	v1_pic_alloc(&c, PIXEL_FORMAT_YUV_SEMIPLANAR_420, 32, 32, 32, 32, 0);
	memset(a.data, 90, a.size);
	/* b = a, then c = b: the second task sees the first one's output. */
	assert_int_equal(acldvppVpcResizeAsync(env.channel, a.desc, b.desc, cfg, env.stream),
			 ACL_SUCCESS);
	assert_int_equal(acldvppVpcResizeAsync(env.channel, b.desc, c.desc, cfg, env.stream),
			 ACL_SUCCESS);
	assert_int_equal(aclrtSynchronizeStream(env.stream), ACL_SUCCESS);
	assert_int_equal(c.data[100], 90);
	v1_pic_free(&a);
	v1_pic_free(&b);
	v1_pic_free(&c);
	acldvppDestroyResizeConfig(cfg);
}

/* A description destroyed while its task is queued: the task must not write into it. */
static void test_description_destroyed_before_task_ran(void **state)
{
	struct v1_pic out;
	void *data = NULL;

	(void)state;
	v1_pic_alloc(&out, PIXEL_FORMAT_YUV_SEMIPLANAR_420, 64, 64, 64, 64, 0);
	assert_int_equal(acldvppMalloc(&data, 1024), ACL_SUCCESS);
	memset(data, 0x33, 1024);
	assert_int_equal(acldvppJpegDecodeAsync(env.channel, data, 1024, out.desc, env.stream),
			 ACL_SUCCESS);
	assert_int_equal(acldvppDestroyPicDesc(out.desc), ACL_SUCCESS);
	/* A second destruction is refused, not a double free. */
	assert_int_equal(acldvppDestroyPicDesc(out.desc), ACL_ERROR_INVALID_PARAM);
	out.desc = NULL;
	/* Not a JPEG: the decoder fails on the device; its return code has nowhere to go. */
	assert_int_equal(aclrtSynchronizeStream(env.stream), ACL_ERROR_RT_AICPU_EXCEPTION);
	acldvppFree(data);
	v1_pic_free(&out);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_result_only_after_sync),
		cmocka_unit_test(test_input_freed_before_task_ran),
		cmocka_unit_test(test_order_on_one_stream),
		cmocka_unit_test(test_description_destroyed_before_task_ran),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
