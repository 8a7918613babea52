/* SPDX-License-Identifier: MIT */
/* Every public call of libacl_dvpp.so writes its ASCEND_SIM_LOG line, failures included. */
#include "v1_cmocka.h"
#include "v1_util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char *read_all(const char *path)
{
	FILE *f = fopen(path, "r");
	char *buf = calloc(1, 1 << 16);

	assert_non_null(f);
	assert_true(fread(buf, 1, (1 << 16) - 1, f) > 0);
	fclose(f);
	return buf;
}

static void test_calls_are_logged(void **state)
{
	const char *path = getenv("ASCEND_SIM_LOG");
	struct v1_env env;
	struct v1_pic in, out;
	acldvppResizeConfig *cfg;
	char *log, line[128];

	(void)state;
	assert_non_null(path);
	unlink(path);
	v1_setup(&env);
	v1_pic_alloc(&in, PIXEL_FORMAT_YUV_SEMIPLANAR_420, 64, 32, 64, 32, 0);
	v1_pic_alloc(&out, PIXEL_FORMAT_YUV_SEMIPLANAR_420, 32, 16, 32, 16, 0);
	cfg = acldvppCreateResizeConfig();
	assert_int_equal(acldvppVpcResizeAsync(env.channel, in.desc, out.desc, cfg, env.stream),
			 ACL_SUCCESS);
	assert_int_equal(acldvppVpcResizeAsync(env.channel, in.desc, out.desc, NULL, env.stream),
			 ACL_ERROR_INVALID_PARAM);
	assert_int_equal(aclrtSynchronizeStream(env.stream), ACL_SUCCESS);
	acldvppDestroyResizeConfig(cfg);
	v1_pic_free(&in);
	v1_pic_free(&out);
	v1_teardown(&env);
	log = read_all(path);
	assert_non_null(strstr(log, "acldvppCreateChannelDesc() = 0\n"));
	assert_non_null(strstr(log, "acldvppCreateResizeConfig() = 0\n"));
	assert_non_null(strstr(log, "acldvppMalloc("));
	assert_non_null(strstr(log, "acldvppSetPicDescWidth("));
	snprintf(line, sizeof(line), ", %p) = 0\n", env.stream);
	assert_non_null(strstr(log, "acldvppVpcResizeAsync("));
	assert_non_null(strstr(log, line));
	snprintf(line, sizeof(line), ", (nil), %p) = 100000\n", env.stream);
	assert_non_null(strstr(log, line));
	assert_non_null(strstr(log, "acldvppFree("));
	free(log);
	unlink(path);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_calls_are_logged),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
