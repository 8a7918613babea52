/* SPDX-License-Identifier: MIT */
/*
 * The fault knobs: ASCEND_SIM_FAIL_ALLOC_AFTER, ASCEND_SIM_DVPP_ALIGN, ASCEND_SIM_LOG, and bad
 * values in every ASCEND_SIM_* variable. Each case runs in its own ctest entry (its own process),
 * since the runtime reads the environment once.
 */
#include "sim_test.h"

#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int no_setup(void **state)
{
	(void)state;
	return 0;
}

/* ASCEND_SIM_FAIL_ALLOC_AFTER=2: the third public allocation fails, whatever its pool. */
static void env_fail_after(void **state)
{
	void *a, *b, *c, *d, *internal;

	(void)state;
	/* Rejected calls and internal allocations are not counted. */
	assert_int_equal(aclrtMalloc(&a, 0, ACL_MEM_MALLOC_HUGE_FIRST), ACL_ERROR_INVALID_PARAM);
	assert_int_equal(ascendsim_mem_alloc(ASCENDSIM_POOL_DEVICE, 100, &internal), ACL_SUCCESS);
	assert_int_equal(aclrtMalloc(&a, 100, ACL_MEM_MALLOC_HUGE_FIRST), ACL_SUCCESS);
	assert_int_equal(ascendsim_dvpp_alloc(-1, 100, &b), ACL_SUCCESS);
	assert_int_equal(aclrtMallocHost(&c, 100), ACL_ERROR_RT_MEMORY_ALLOCATION);
	assert_null(c);
	assert_int_equal(aclrtMalloc(&d, 100, ACL_MEM_MALLOC_HUGE_FIRST), ACL_SUCCESS);
	assert_int_equal(aclrtMallocHost(&c, 100), ACL_SUCCESS);
	assert_int_equal(aclrtFree(a), ACL_SUCCESS);
	assert_int_equal(aclrtFree(b), ACL_SUCCESS);
	assert_int_equal(aclrtFreeHost(c), ACL_SUCCESS);
	assert_int_equal(aclrtFree(d), ACL_SUCCESS);
	assert_int_equal(ascendsim_mem_free(internal), ACL_SUCCESS);
}

/* ASCEND_SIM_FAIL_ALLOC_AFTER=0: the first allocation, here a DVPP one, fails. */
static void env_fail_first(void **state)
{
	void *a;

	(void)state;
	assert_int_equal(ascendsim_dvpp_alloc(-1, 100, &a), ACL_ERROR_RT_MEMORY_ALLOCATION);
	assert_null(a);
	assert_int_equal(ascendsim_dvpp_alloc(-1, 100, &a), ACL_SUCCESS);
	assert_int_equal(ascendsim_dvpp_free(a), ACL_SUCCESS);
}

/* ASCEND_SIM_DVPP_ALIGN=64: DVPP starts are 64 mod 128; other pools are unchanged. */
static void env_dvpp_align64(void **state)
{
	void *v[8], *d;

	(void)state;
	for (int i = 0; i < 8; i++) {
		assert_int_equal(ascendsim_dvpp_alloc(-1, 100 + (uint64_t)i * 1000, &v[i]),
				 ACL_SUCCESS);
		assert_int_equal((uintptr_t)v[i] % 128, 64);
	}
	assert_int_equal(aclrtMalloc(&d, 100, ACL_MEM_MALLOC_HUGE_FIRST), ACL_SUCCESS);
	assert_int_equal((uintptr_t)d % 64, 0);
	for (int i = 0; i < 8; i++)
		assert_int_equal(ascendsim_dvpp_free(v[i]), ACL_SUCCESS);
	assert_int_equal(aclrtFree(d), ACL_SUCCESS);
}

static char *read_file(const char *path)
{
	FILE *f = fopen(path, "r");
	char *buf;
	long n;

	if (f == NULL)
		return NULL;
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	fseek(f, 0, SEEK_SET);
	buf = calloc(1, (size_t)n + 1);
	if (buf != NULL && fread(buf, 1, (size_t)n, f) != (size_t)n) {
		free(buf);
		buf = NULL;
	}
	fclose(f);
	return buf;
}

static void *log_worker(void *arg)
{
	(void)arg;
	if (aclrtSetDevice(0) != ACL_SUCCESS)
		return (void *)1;
	for (int i = 0; i < 200; i++) {
		void *p;

		if (aclrtMalloc(&p, 64, ACL_MEM_MALLOC_NORMAL_ONLY) != ACL_SUCCESS ||
		    aclrtFree(p) != ACL_SUCCESS)
			return (void *)2;
	}
	return aclrtResetDevice(0) == ACL_SUCCESS ? NULL : (void *)3;
}

/* ASCEND_SIM_LOG=FILE: one whole line per public call, internal work not logged. */
static void env_log(void **state)
{
	const char *path = getenv("ASCEND_SIM_LOG");
	unsigned mallocs = 0, frees = 0, lines = 0;
	pthread_t t[4];
	char *text, *line, *save = NULL;
	void *p;

	(void)state;
	assert_non_null(path);
	/* The runtime opens the log on its first call: start from an empty file. */
	unlink(path);
	assert_int_equal(aclInit(NULL), ACL_SUCCESS);
	assert_int_equal(aclrtSetDevice(0), ACL_SUCCESS);
	for (int i = 0; i < 4; i++)
		assert_int_equal(pthread_create(&t[i], NULL, log_worker, NULL), 0);
	for (int i = 0; i < 4; i++) {
		void *res = (void *)9;

		pthread_join(t[i], &res);
		assert_null(res);
	}
	assert_int_equal(ascendsim_mem_alloc(ASCENDSIM_POOL_DEVICE, 64, &p), ACL_SUCCESS);
	assert_int_equal(ascendsim_mem_free(p), ACL_SUCCESS);
	assert_int_equal(aclrtFree(NULL), ACL_ERROR_INVALID_PARAM);
	assert_int_equal(aclrtResetDevice(0), ACL_SUCCESS);
	assert_int_equal(aclFinalize(), ACL_SUCCESS);

	text = read_file(path);
	assert_non_null(text);
	assert_int_equal(text[strlen(text) - 1], '\n');
	assert_true(strncmp(text, "aclInit(configPath=NULL) = 0\n", 29) == 0);
	for (line = strtok_r(text, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		lines++;
		/* Whole lines only: a name, its arguments, " = " and the result. */
		assert_true(strncmp(line, "acl", 3) == 0);
		assert_non_null(strstr(line, ") = "));
		assert_null(strstr(line + 3, "acl"));
		if (strncmp(line, "aclrtMalloc(size=64, policy=0x2) = 0 devPtr=0x", 46) == 0)
			mallocs++;
		if (strncmp(line, "aclrtFree(devPtr=0x", 19) == 0 && strstr(line, ") = 0"))
			frees++;
	}
	assert_int_equal(mallocs, 800);
	assert_int_equal(frees, 800);
	/* aclInit, 5 SetDevice, 1600 calls, failed aclrtFree, 5 ResetDevice, aclFinalize. */
	assert_int_equal(lines, 1 + 5 + 1600 + 1 + 5 + 1);
	free(text);
	text = read_file(path);
	assert_non_null(strstr(text, "aclrtFree(devPtr=(nil)) = 100000\n"));
	assert_null(strstr(text, "ascendsim"));
	free(text);
}

/* Every ASCEND_SIM_* variable set to a bad value: defaults apply, each is named once. */
static void env_bad_values(void **state)
{
	static const char *const names[] = {
		"ASCEND_SIM_DEVICE_COUNT",
		"ASCEND_SIM_RUN_MODE",
		"ASCEND_SIM_SOC",
		"ASCEND_SIM_DVPP_POOL_SIZE",
		"ASCEND_SIM_DEVICE_MEM_SIZE",
		"ASCEND_SIM_HOST_MEM_SIZE",
		"ASCEND_SIM_TASK_DELAY_US",
		"ASCEND_SIM_FAIL_ALLOC_AFTER",
		"ASCEND_SIM_DVPP_ALIGN",
		"ASCEND_SIM_LOG",
		"ASCEND_SIM_HUGE_MEM_SIZE",
	};
	static const char *const defaults[] = {
		"default 1",	       "default host",
		"default Ascend310P3", "default 4G",
		"default 8G",	       "default 16G",
		"default 0",	       "default (no injected failure)",
		"default 128",	       "default (no call log)",
		"default 8G",
	};
	char errpath[] = "/tmp/ascendsim-stderr-XXXXXX";
	int fd = mkstemp(errpath), saved = dup(STDERR_FILENO);
	size_t free_bytes, total;
	uint32_t count;
	aclrtRunMode mode;
	void *v, *d;
	char *err;

	(void)state;
	assert_true(fd >= 0 && saved >= 0);
	assert_int_equal(dup2(fd, STDERR_FILENO), STDERR_FILENO);
	assert_int_equal(aclInit(NULL), ACL_SUCCESS);
	assert_int_equal(aclrtSetDevice(0), ACL_SUCCESS);
	assert_int_equal(aclrtGetDeviceCount(&count), ACL_SUCCESS);
	assert_int_equal(aclrtGetRunMode(&mode), ACL_SUCCESS);
	assert_int_equal(aclrtGetMemInfo(ACL_HBM_MEM, &free_bytes, &total), ACL_SUCCESS);
	assert_int_equal(ascendsim_dvpp_alloc(-1, 100, &v), ACL_SUCCESS);
	assert_int_equal(aclrtMalloc(&d, 100, ACL_MEM_MALLOC_HUGE_FIRST), ACL_SUCCESS);
	dup2(saved, STDERR_FILENO);
	close(saved);
	close(fd);
	assert_int_equal(count, 1);
	assert_int_equal(mode, ACL_HOST);
	assert_int_equal(total, 8 * SIM_GIB);
	assert_string_equal(aclrtGetSocName(), "Ascend310P3");
	assert_int_equal((uintptr_t)v % 128, 0);
	assert_int_equal(aclrtFree(v), ACL_SUCCESS);
	assert_int_equal(aclrtFree(d), ACL_SUCCESS);
	assert_int_equal(aclrtResetDevice(0), ACL_SUCCESS);
	assert_int_equal(aclFinalize(), ACL_SUCCESS);

	err = read_file(errpath);
	unlink(errpath);
	assert_non_null(err);
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		char *at = strstr(err, names[i]);
		char *eol;

		if (at == NULL)
			fail_msg("no message names %s; stderr was:\n%s", names[i], err);
		eol = strchr(at, '\n');
		assert_non_null(eol);
		*eol = '\0';
		if (strstr(at, defaults[i]) == NULL)
			fail_msg("the message for %s does not give '%s': %s", names[i], defaults[i],
				 at);
		assert_true(strncmp(at - 12, "ascend-sim: ", 12) == 0);
		*eol = '\n';
		/* Named once. */
		assert_null(strstr(eol, names[i]));
	}
	free(err);
}

int main(int argc, char **argv)
{
	const struct CMUnitTest tests[] = {
		SIM_TEST(env_fail_after),
		SIM_TEST(env_fail_first),
		SIM_TEST(env_dvpp_align64),
		cmocka_unit_test_setup_teardown(env_log, no_setup, no_setup),
		cmocka_unit_test_setup_teardown(env_bad_values, no_setup, no_setup),
	};

	sim_test_filter(argc, argv);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
