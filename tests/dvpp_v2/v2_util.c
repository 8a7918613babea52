/* SPDX-License-Identifier: MIT */
/* cmocka needs its prerequisites first: keep this order. */
/* clang-format off */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "v2_util.h"
/* clang-format on */

void v2_init(void)
{
	assert_int_equal(aclInit(NULL), 0);
	assert_int_equal(aclrtSetDevice(0), 0);
	assert_int_equal(hi_mpi_sys_init(), HI_SUCCESS);
}

void v2_fini(void)
{
	assert_int_equal(hi_mpi_sys_exit(), HI_SUCCESS);
	assert_int_equal(aclrtResetDevice(0), 0);
	assert_int_equal(aclFinalize(), 0);
}

void *v2_dvpp(size_t size)
{
	void *p = NULL;

	assert_int_equal(hi_mpi_dvpp_malloc(0, &p, size), HI_SUCCESS);
	assert_non_null(p);
	return p;
}

uint32_t v2_pic_size(hi_pixel_format fmt, uint32_t ws, uint32_t hs)
{
	switch (fmt) {
	case HI_PIXEL_FORMAT_YUV_SEMIPLANAR_420:
	case HI_PIXEL_FORMAT_YVU_SEMIPLANAR_420:
		return ws * hs * 3 / 2;
	default:
		return ws * hs; /* packed: the stride counts the bytes */
	}
}

hi_vpc_pic_info v2_pic(void *addr, uint32_t size, hi_pixel_format fmt, uint32_t w, uint32_t h,
		       uint32_t ws, uint32_t hs)
{
	hi_vpc_pic_info p = { addr, size, w, h, ws, hs, fmt };

	return p;
}

hi_vpc_pic_info v2_new_pic(hi_pixel_format fmt, uint32_t w, uint32_t h, uint32_t ws, uint32_t hs)
{
	uint32_t size = v2_pic_size(fmt, ws, hs);

	return v2_pic(v2_dvpp(size), size, fmt, w, h, ws, hs);
}

uint8_t v2_pat(uint32_t x, uint32_t y, uint32_t k)
{
	return (uint8_t)((x * 5 + y * 11 + k * 60 + ((x * y) >> 2)) & 0xff);
}

void v2_fill(const hi_vpc_pic_info *pic)
{
	uint8_t *b = pic->picture_address;
	uint32_t x, y, k;

	if (pic->picture_format == HI_PIXEL_FORMAT_YUV_SEMIPLANAR_420 ||
	    pic->picture_format == HI_PIXEL_FORMAT_YVU_SEMIPLANAR_420) {
		uint8_t *uv = b + (size_t)pic->picture_width_stride * pic->picture_height_stride;

		for (y = 0; y < pic->picture_height; y++)
			for (x = 0; x < pic->picture_width; x++)
				b[y * pic->picture_width_stride + x] = v2_pat(x, y, 0);
		for (y = 0; y < pic->picture_height / 2; y++)
			for (x = 0; x < pic->picture_width / 2; x++) {
				uv[y * pic->picture_width_stride + 2 * x] = v2_pat(x, y, 1);
				uv[y * pic->picture_width_stride + 2 * x + 1] = v2_pat(x, y, 2);
			}
		return;
	}
	for (y = 0; y < pic->picture_height; y++)
		for (x = 0; x < pic->picture_width; x++)
			for (k = 0; k < 3; k++)
				b[y * pic->picture_width_stride + 3 * x + k] = v2_pat(x, y, k);
}

static int group_setup(void **state)
{
	(void)state;
	v2_init();
	return 0;
}

static int group_teardown(void **state)
{
	(void)state;
	v2_fini();
	return 0;
}

int v2_run(const char *name, const void *tests, size_t count, int argc, char **argv)
{
	if (argc > 1)
		cmocka_set_test_filter(argv[1]);
	return _cmocka_run_group_tests(name, tests, count, group_setup, group_teardown);
}
