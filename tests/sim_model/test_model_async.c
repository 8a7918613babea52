/* SPDX-License-Identifier: MIT */
/*
 * aclmdlExecuteAsync: the work happens on the stream's worker, visible only after
 * synchronization. ASCEND_SIM_TASK_DELAY_US holds every task, so "not yet" is deterministic.
 * argv[1]: the fixture's model directory.
 */
#define _POSIX_C_SOURCE 200809L /* setenv */

#include "acl/acl.h"
#include "model_test_cmocka.h"
#include "model_test_io.h"
#include "model_test_util.h"

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static aclrtStream stream;

static int setup(void **state)
{
	(void)state;
	/* Read by the runtime at initialization. */
	if (setenv("ASCEND_SIM_TASK_DELAY_US", "300000", 1) != 0)
		return -1;
	if (aclInit(NULL) != ACL_SUCCESS || aclrtSetDevice(0) != ACL_SUCCESS ||
	    aclrtCreateStream(&stream) != ACL_SUCCESS)
		return -1;
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	aclrtDestroyStream(stream);
	aclrtResetDevice(0);
	aclFinalize();
	return 0;
}

static void test_visible_after_sync(void **state)
{
	uint32_t id = 0;
	struct io in, out;
	uint8_t rec[MAX_REC];
	(void)state;

	assert_int_equal(aclmdlLoadFromFile(acltrace_test_model_path("stats.om"), &id),
			 ACL_SUCCESS);
	io_make(&in, stats_in, 2, 11);
	io_make(&out, stats_out, 2, 0);
	assert_int_equal(aclmdlExecuteAsync(id, in.ds, out.ds, stream), ACL_SUCCESS);
	assert_true(outputs_untouched(&out));
	assert_int_equal(aclrtSynchronizeStream(stream), ACL_SUCCESS);
	check_outputs(&out, rec, expected(&in, NULL, rec));
	io_free(&in);
	io_free(&out);
	assert_int_equal(aclmdlUnload(id), ACL_SUCCESS);
}

static void test_unload_and_dataset_destroy_while_pending(void **state)
{
	uint32_t id = 0;
	struct io in, out;
	uint8_t rec[MAX_REC];
	(void)state;

	assert_int_equal(aclmdlLoadFromFile(acltrace_test_model_path("stats.om"), &id),
			 ACL_SUCCESS);
	io_make(&in, stats_in, 2, 12);
	io_make(&out, stats_out, 2, 0);
	assert_int_equal(aclmdlExecuteAsync(id, in.ds, out.ds, stream), ACL_SUCCESS);
	/* The queued execution keeps what it needs; the handle is gone at once. */
	assert_int_equal(aclmdlUnload(id), ACL_SUCCESS);
	assert_int_equal(aclmdlExecuteAsync(id, in.ds, out.ds, stream), ACL_ERROR_INVALID_MODEL_ID);
	assert_true(outputs_untouched(&out));
	assert_int_equal(aclrtSynchronizeStream(stream), ACL_SUCCESS);
	check_outputs(&out, rec, expected(&in, NULL, rec));
	io_free(&in);
	io_free(&out);
}

static void test_checks_are_synchronous(void **state)
{
	uint32_t id = 0;
	struct io in, out;
	const size_t short_in[2] = { STATS_IN0 - 1, STATS_IN1 };
	(void)state;

	assert_int_equal(aclmdlLoadFromFile(acltrace_test_model_path("stats.om"), &id),
			 ACL_SUCCESS);
	io_make(&in, short_in, 2, 1);
	io_make(&out, stats_out, 2, 0);
	assert_int_equal(aclmdlExecuteAsync(id, in.ds, out.ds, stream),
			 ACL_ERROR_MODEL_INPUT_NOT_MATCH);
	assert_int_equal(aclmdlExecuteAsync(id + 1000, in.ds, out.ds, stream),
			 ACL_ERROR_INVALID_MODEL_ID);
	assert_int_equal(aclrtSynchronizeStream(stream), ACL_SUCCESS);
	assert_true(outputs_untouched(&out));
	io_free(&in);
	io_free(&out);
	assert_int_equal(aclmdlUnload(id), ACL_SUCCESS);
}

static void test_freed_before_run_fails_at_sync(void **state)
{
	uint32_t id = 0;
	struct io in, out;
	(void)state;

	assert_int_equal(aclmdlLoadFromFile(acltrace_test_model_path("stats.om"), &id),
			 ACL_SUCCESS);
	io_make(&in, stats_in, 2, 13);
	io_make(&out, stats_out, 2, 0);
	assert_int_equal(aclmdlExecuteAsync(id, in.ds, out.ds, stream), ACL_SUCCESS);
	/* The input goes while the execution is still queued: reported at synchronization. */
	assert_int_equal(aclrtFree(in.dev[0]), ACL_SUCCESS);
	in.dev[0] = NULL;
	assert_int_equal(aclrtSynchronizeStream(stream),
			 (aclError)ACL_ERROR_GE_EXEC_MODEL_ADDR_INVALID);
	assert_true(outputs_untouched(&out));
	io_free(&in);
	io_free(&out);
	assert_int_equal(aclmdlUnload(id), ACL_SUCCESS);
}

int main(int argc, char **argv)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_visible_after_sync),
		cmocka_unit_test(test_unload_and_dataset_destroy_while_pending),
		cmocka_unit_test(test_checks_are_synchronous),
		cmocka_unit_test(test_freed_before_run_fails_at_sync),
	};

	if (argc > 1)
		acltrace_test_model_dir = argv[1];
	return cmocka_run_group_tests(tests, setup, teardown);
}
