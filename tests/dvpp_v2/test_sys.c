/* SPDX-License-Identifier: MIT */
/*
 * hi_mpi_sys_*, hi_mpi_dvpp_malloc/free, the call log, and what each SoC accepts: aclrtMalloc
 * memory is a valid VPC buffer on Ascend910B (A2) but not on Ascend310P; Ascend310 has no V2.
 */
/* cmocka needs its prerequisites first: keep this order. */
/* clang-format off */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "v2_util.h"
/* clang-format on */

static void sys_dvpp_malloc(void **state)
{
	void *p = NULL, *q = NULL, *heap = malloc(64);
	hi_s32 major = -1, minor = -1, patch = -1;
	int i;

	(void)state;
	for (i = 1; i < 2000; i += 333) {
		assert_hi(hi_mpi_dvpp_malloc(0, &p, i), HI_SUCCESS);
		assert_hi((uintptr_t)p % 128, 0);
		/* The block really holds the requested bytes. */
		memset(p, 0xA5, i);
		assert_hi(hi_mpi_dvpp_free(p), HI_SUCCESS);
	}
	assert_hi(hi_mpi_dvpp_malloc(0, &q, 0), HI_ERR_SYS_ILLEGAL_PARAM);
	assert_null(q);
	assert_hi(hi_mpi_dvpp_malloc(0, NULL, 64), HI_ERR_SYS_NULL_PTR);
	assert_hi(hi_mpi_dvpp_free(NULL), HI_ERR_SYS_NULL_PTR);
	assert_hi(hi_mpi_dvpp_free(heap), HI_ERR_SYS_ILLEGAL_PARAM);
	assert_hi(hi_mpi_dvpp_malloc(0, &q, 64), HI_SUCCESS);
	assert_hi(hi_mpi_dvpp_free((uint8_t *)q + 32), HI_ERR_SYS_ILLEGAL_PARAM);
	assert_hi(hi_mpi_dvpp_free(q), HI_SUCCESS);
	assert_hi(hi_mpi_dvpp_free(q), HI_ERR_SYS_ILLEGAL_PARAM);
	assert_hi(hi_mpi_dvpp_get_version(&major, &minor, &patch), HI_SUCCESS);
	assert_true(major >= 1 && minor >= 0 && patch >= 0);
	assert_hi(hi_mpi_dvpp_get_version(NULL, &minor, &patch), HI_ERR_SYS_NULL_PTR);
	free(heap);
}

static void sys_channel_needs_sys_init(void **state)
{
	hi_vpc_chn_attr attr = { 0, 64, 64 };

	(void)state;
	assert_hi(hi_mpi_sys_exit(), HI_SUCCESS);
	assert_hi(hi_mpi_vpc_create_chn(0, &attr), HI_ERR_VPC_SYS_NOT_READY);
	assert_hi(hi_mpi_sys_init(), HI_SUCCESS);
	assert_hi(hi_mpi_vpc_create_chn(0, &attr), HI_SUCCESS);
	assert_hi(hi_mpi_vpc_destroy_chn(0), HI_SUCCESS);
}

static void sys_log(void **state)
{
	const char *path = getenv("ASCEND_SIM_LOG");
	hi_vpc_pic_info src, dst;
	hi_vpc_chn_attr attr = { 0, 64, 64 };
	char line[1024], *text = NULL;
	size_t len = 0;
	void *p = NULL, *heap = malloc(64 * 32 * 3 / 2);
	hi_u32 task;
	FILE *f;

	(void)state;
	assert_non_null(path);
	assert_hi(hi_mpi_dvpp_malloc(0, &p, 64 * 32 * 3 / 2), HI_SUCCESS);
	assert_hi(hi_mpi_vpc_create_chn(9, &attr), HI_SUCCESS);
	src = v2_pic(heap, 64 * 32 * 3 / 2, HI_PIXEL_FORMAT_YUV_SEMIPLANAR_420, 64, 32, 64, 32);
	dst = v2_pic(p, 64 * 32 * 3 / 2, HI_PIXEL_FORMAT_YUV_SEMIPLANAR_420, 64, 32, 64, 32);
	assert_hi(hi_mpi_vpc_resize(9, &src, &dst, 0, 0, 0, &task, -1), HI_ERR_VPC_BAD_ADDR);
	assert_hi(hi_mpi_vpc_destroy_chn(9), HI_SUCCESS);
	assert_hi(hi_mpi_dvpp_free(p), HI_SUCCESS);
	f = fopen(path, "r");
	assert_non_null(f);
	while (fgets(line, sizeof(line), f)) {
		size_t n = strlen(line);

		text = realloc(text, len + n + 1);
		assert_non_null(text);
		memcpy(text + len, line, n + 1);
		len += n;
	}
	fclose(f);
	assert_non_null(text);
	/* One line per call, with the arguments and the code. */
	assert_non_null(strstr(text, "hi_mpi_sys_init() = 0"));
	assert_non_null(strstr(text, "hi_mpi_dvpp_malloc(dev_id=0"));
	assert_non_null(strstr(text, "hi_mpi_vpc_create_chn(chn=9"));
	snprintf(line, sizeof(line), "hi_mpi_vpc_resize(chn=9, source_pic=%p", (void *)&src);
	assert_non_null(strstr(text, line));
	assert_non_null(strstr(text, "= 0xa0078011"));
	snprintf(line, sizeof(line), "hi_mpi_dvpp_free(dev_ptr=%p) = 0", p);
	assert_non_null(strstr(text, line));
	free(text);
	free(heap);
}

/* A resize whose buffers come from aclrtMalloc; expect is the code the SoC gives. */
static void resize_device_memory(hi_s32 expect)
{
	hi_vpc_chn_attr attr = { 0, 64, 64 };
	void *a = NULL, *b = NULL;
	hi_vpc_pic_info src, dst;
	hi_u32 task = 0, i;

	assert_hi(aclrtMalloc(&a, 32 * 16 * 3 / 2, ACL_MEM_MALLOC_HUGE_FIRST), 0);
	assert_hi(aclrtMalloc(&b, 32 * 16 * 3 / 2, ACL_MEM_MALLOC_HUGE_FIRST), 0);
	src = v2_pic(a, 32 * 16 * 3 / 2, HI_PIXEL_FORMAT_YUV_SEMIPLANAR_420, 32, 16, 32, 16);
	dst = v2_pic(b, 32 * 16 * 3 / 2, HI_PIXEL_FORMAT_YUV_SEMIPLANAR_420, 32, 16, 32, 16);
	v2_fill(&src);
	memset(b, 0, 32 * 16 * 3 / 2);
	assert_hi(hi_mpi_vpc_create_chn(2, &attr), HI_SUCCESS);
	assert_hi(hi_mpi_vpc_resize(2, &src, &dst, 0, 0, 0, &task, -1), expect);
	if (expect == HI_SUCCESS) {
		void *heap = malloc(32 * 16 * 3 / 2);

		assert_hi(hi_mpi_vpc_get_process_result(2, task, -1), HI_SUCCESS);
		for (i = 0; i < 32 * 16; i++)
			assert_hi(((uint8_t *)b)[i], ((uint8_t *)a)[i]);
		/* Device memory is accepted, host memory still is not. */
		src.picture_address = heap;
		assert_hi(hi_mpi_vpc_resize(2, &src, &dst, 0, 0, 0, &task, -1),
			  HI_ERR_VPC_BAD_ADDR);
		free(heap);
	}
	assert_hi(hi_mpi_vpc_destroy_chn(2), HI_SUCCESS);
	aclrtFree(a);
	aclrtFree(b);
}

static void soc_accepts_device_memory(void **state)
{
	(void)state;
	resize_device_memory(HI_SUCCESS);
}

static void soc_rejects_device_memory(void **state)
{
	(void)state;
	resize_device_memory(HI_ERR_VPC_BAD_ADDR);
}

/* Ascend310: no DVPP V2 at all. */
static void nov2_everything_refused(void **state)
{
	hi_vpc_chn_attr attr = { 0, 64, 64 };
	void *p = NULL;

	(void)state;
	assert_hi(aclInit(NULL), 0);
	assert_hi(aclrtSetDevice(0), 0);
	assert_hi(hi_mpi_sys_init(), HI_ERR_SYS_NOT_SUPPORT);
	assert_hi(hi_mpi_dvpp_malloc(0, &p, 64), HI_ERR_SYS_NOT_SUPPORT);
	assert_null(p);
	assert_hi(hi_mpi_vpc_create_chn(0, &attr), HI_ERR_VPC_SYS_NOT_READY);
	assert_hi(aclrtResetDevice(0), 0);
	assert_hi(aclFinalize(), 0);
}

int main(int argc, char **argv)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(sys_dvpp_malloc),
		cmocka_unit_test(sys_channel_needs_sys_init),
		cmocka_unit_test(sys_log),
		cmocka_unit_test(soc_accepts_device_memory),
		cmocka_unit_test(soc_rejects_device_memory),
	};
	const struct CMUnitTest nov2[] = {
		cmocka_unit_test(nov2_everything_refused),
	};

	if (argc > 1 && strcmp(argv[1], "nov2") == 0)
		return cmocka_run_group_tests_name("sim.v2.sys.nov2", nov2, NULL, NULL);
	return v2_run("sim.v2.sys", tests, sizeof(tests) / sizeof(tests[0]), argc, argv);
}
