/* SPDX-License-Identifier: MIT */
/*
 * The model API before aclInit, and on a thread with no device: the documented codes, no work.
 * argv[1]: the fixture's model directory.
 */
#include "acl/acl.h"
#include "model_test_cmocka.h"
#include "model_test_io.h"
#include "model_test_util.h"

#include <pthread.h>
#include <string.h>

static void test_before_init(void **state)
{
	uint32_t id = 0;
	size_t work = 0, weight = 0;
	(void)state;

	assert_int_equal(aclmdlLoadFromFile(acltrace_test_model_path("stats.om"), &id),
			 ACL_ERROR_UNINITIALIZE);
	/* Sizing reads the file only: no runtime state is needed. */
	assert_int_equal(aclmdlQuerySize(acltrace_test_model_path("stats.om"), &work, &weight),
			 ACL_SUCCESS);
	assert_int_equal(weight, STATS_WEIGHT);
}

struct thread_call {
	uint32_t id;
	aclmdlDataset *in, *out;
	aclError load_ret, exec_ret;
};

static void *no_device_thread(void *arg)
{
	struct thread_call *c = arg;
	uint32_t id = 0;

	c->load_ret = aclmdlLoadFromFile(acltrace_test_model_path("stats.om"), &id);
	c->exec_ret = aclmdlExecute(c->id, c->in, c->out);
	return NULL;
}

static void test_thread_without_device(void **state)
{
	struct thread_call c;
	struct io in, out;
	pthread_t t;
	(void)state;

	assert_int_equal(aclInit(NULL), ACL_SUCCESS);
	assert_int_equal(aclrtSetDevice(0), ACL_SUCCESS);
	memset(&c, 0, sizeof(c));
	assert_int_equal(aclmdlLoadFromFile(acltrace_test_model_path("stats.om"), &c.id),
			 ACL_SUCCESS);
	io_make(&in, stats_in, 2, 1);
	io_make(&out, stats_out, 2, 0);
	c.in = in.ds;
	c.out = out.ds;
	assert_int_equal(pthread_create(&t, NULL, no_device_thread, &c), 0);
	assert_int_equal(pthread_join(t, NULL), 0);
	assert_int_equal(c.load_ret, ACL_ERROR_RT_CONTEXT_NULL);
	assert_int_equal(c.exec_ret, ACL_ERROR_RT_CONTEXT_NULL);
	assert_true(outputs_untouched(&out));
	/* The same call from a thread with the device works. */
	assert_int_equal(aclmdlExecute(c.id, in.ds, out.ds), ACL_SUCCESS);
	assert_false(outputs_untouched(&out));
	io_free(&in);
	io_free(&out);
	assert_int_equal(aclmdlUnload(c.id), ACL_SUCCESS);
	aclrtResetDevice(0);
	aclFinalize();
}

int main(int argc, char **argv)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_before_init),
		cmocka_unit_test(test_thread_without_device),
	};

	if (argc > 1)
		acltrace_test_model_dir = argv[1];
	return cmocka_run_group_tests(tests, NULL, NULL);
}
