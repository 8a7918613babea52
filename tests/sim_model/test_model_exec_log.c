/* SPDX-License-Identifier: MIT */
/*
 * Executing a model reads the datasets' buffers inside the runtime: ASCEND_SIM_LOG holds the
 * aclGetDataBuffer* calls the program made itself, and no more. argv[1]: the fixture's model
 * directory; ASCEND_SIM_LOG is set by the test's environment.
 */
#include "acl/acl.h"
#include "model_test_cmocka.h"
#include "model_test_io.h"
#include "model_test_util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Lines starting with "api(", and how many of them report success (") = 0"). */
static int count_lines(const char *log, const char *api, int *ok)
{
	size_t len = strlen(api);
	int n = 0;

	*ok = 0;
	for (const char *line = log; *line != '\0';) {
		const char *end = strchr(line, '\n');

		if (end == NULL)
			end = line + strlen(line);
		if (strncmp(line, api, len) == 0 && line[len] == '(') {
			const char *eq = strstr(line, ") = 0");

			n++;
			if (eq != NULL && eq < end && (eq[5] == '\n' || eq[5] == ' '))
				(*ok)++;
		}
		line = *end ? end + 1 : end;
	}
	return n;
}

static void test_execute_logs_only_program_calls(void **state)
{
	const char *path = getenv("ASCEND_SIM_LOG");
	uint32_t id = 0;
	aclrtStream stream;
	struct io in, out;
	uint8_t rec[MAX_REC];
	size_t rec_len, log_len = 0;
	uint8_t *log;
	int ok;

	(void)state;
	assert_non_null(path);
	unlink(path);
	assert_int_equal(aclInit(NULL), ACL_SUCCESS);
	assert_int_equal(aclrtSetDevice(0), ACL_SUCCESS);
	assert_int_equal(aclrtCreateStream(&stream), ACL_SUCCESS);
	assert_int_equal(aclmdlLoadFromFile(acltrace_test_model_path("stats.om"), &id),
			 ACL_SUCCESS);
	io_make(&in, stats_in, 2, 5);
	io_make(&out, stats_out, 2, 0);
	/* The program's own read: the one line of its kind the log must hold. */
	assert_ptr_equal(aclGetDataBufferAddr(aclmdlGetDatasetBuffer(in.ds, 0)), in.dev[0]);
	assert_int_equal(aclmdlExecute(id, in.ds, out.ds), ACL_SUCCESS);
	rec_len = expected(&in, NULL, rec);
	check_outputs(&out, rec, rec_len);
	assert_int_equal(aclmdlExecuteAsync(id, in.ds, out.ds, stream), ACL_SUCCESS);
	assert_int_equal(aclrtSynchronizeStream(stream), ACL_SUCCESS);
	check_outputs(&out, rec, rec_len);
	io_free(&in);
	io_free(&out);
	assert_int_equal(aclmdlUnload(id), ACL_SUCCESS);
	assert_int_equal(aclrtDestroyStream(stream), ACL_SUCCESS);
	assert_int_equal(aclrtResetDevice(0), ACL_SUCCESS);
	assert_int_equal(aclFinalize(), ACL_SUCCESS);

	log = acltrace_test_read_file(path, &log_len);
	assert_non_null(log);
	log = realloc(log, log_len + 1);
	assert_non_null(log);
	log[log_len] = '\0';
	assert_int_equal(count_lines((const char *)log, "aclGetDataBufferAddr", &ok), 1);
	assert_int_equal(count_lines((const char *)log, "aclGetDataBufferSize", &ok), 0);
	assert_int_equal(count_lines((const char *)log, "aclGetDataBufferSizeV2", &ok), 0);
	/* The log is on and saw both executions succeed. */
	assert_int_equal(count_lines((const char *)log, "aclmdlExecute", &ok), 1);
	assert_int_equal(ok, 1);
	assert_int_equal(count_lines((const char *)log, "aclmdlExecuteAsync", &ok), 1);
	assert_int_equal(ok, 1);
	free(log);
	unlink(path);
}

int main(int argc, char **argv)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_execute_logs_only_program_calls),
	};

	if (argc > 1)
		acltrace_test_model_dir = argv[1];
	return cmocka_run_group_tests(tests, NULL, NULL);
}
