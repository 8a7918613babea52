/* SPDX-License-Identifier: MIT */
/*
 * The HiMPI headers' documented layouts and codes (api-facts.md 2.6, 4.3), checked at compile time
 * (this file is also compiled as C++ by test_layout_cxx.cpp), and the codes checked at run time.
 */
/* cmocka needs its prerequisites first: keep this order. */
/* clang-format off */
#ifndef __cplusplus
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#define V2_STATIC_ASSERT _Static_assert
#else
#include <cstddef>
#define V2_STATIC_ASSERT static_assert
#endif

#include "acl/dvpp/hi_dvpp.h"
/* clang-format on */

V2_STATIC_ASSERT(sizeof(hi_vpc_pic_info) == 32, "hi_vpc_pic_info size");
V2_STATIC_ASSERT(offsetof(hi_vpc_pic_info, picture_buffer_size) == 8, "picture_buffer_size");
V2_STATIC_ASSERT(offsetof(hi_vpc_pic_info, picture_format) == 28, "picture_format");
V2_STATIC_ASSERT(sizeof(hi_pic_info) == 32, "hi_pic_info size");
V2_STATIC_ASSERT(offsetof(hi_pic_info, picture_format) == 28, "hi_pic_info.picture_format");
V2_STATIC_ASSERT(sizeof(hi_vpc_crop_region) == 16, "hi_vpc_crop_region size");
V2_STATIC_ASSERT(sizeof(hi_vpc_crop_region_info) == 48, "hi_vpc_crop_region_info size");
V2_STATIC_ASSERT(sizeof(hi_vpc_resize_info) == 12, "hi_vpc_resize_info size");
V2_STATIC_ASSERT(sizeof(hi_vpc_crop_resize_region) == 64, "hi_vpc_crop_resize_region size");
V2_STATIC_ASSERT(sizeof(hi_vpc_crop_resize_paste_region) == 72, "paste region size");
V2_STATIC_ASSERT(offsetof(hi_vpc_crop_resize_paste_region, dest_top_offset) == 60, "top");
V2_STATIC_ASSERT(sizeof(hi_vpc_chn_attr) == 12, "hi_vpc_chn_attr size");
V2_STATIC_ASSERT(sizeof(hi_vdec_stream) == 48, "hi_vdec_stream size");
V2_STATIC_ASSERT(offsetof(hi_vdec_stream, pts) == 16, "hi_vdec_stream.pts");
V2_STATIC_ASSERT(offsetof(hi_vdec_stream, len) == 32, "hi_vdec_stream.len");
V2_STATIC_ASSERT(offsetof(hi_vdec_stream, addr) == 40, "hi_vdec_stream.addr");
V2_STATIC_ASSERT(sizeof(hi_vdec_pic_info) == 48, "hi_vdec_pic_info size");
V2_STATIC_ASSERT(offsetof(hi_vdec_pic_info, vir_addr) == 24, "hi_vdec_pic_info.vir_addr");
V2_STATIC_ASSERT(sizeof(((hi_vdec_pic_info *)0)->vir_addr) == 8, "vir_addr is 64-bit");
V2_STATIC_ASSERT(sizeof(hi_img_stream) == 40, "hi_img_stream size");
V2_STATIC_ASSERT(offsetof(hi_img_stream, addr) == 8, "hi_img_stream.addr");
V2_STATIC_ASSERT(sizeof(hi_bool) == 4, "hi_bool is int-sized");
V2_STATIC_ASSERT(sizeof(hi_u64) == 8 && sizeof(hi_s32) == 4 && sizeof(hi_u16) == 2, "types");
V2_STATIC_ASSERT(VPC_MAX_CHN_NUM == 512 && VDEC_MAX_CHN_NUM == 256 && PNGD_MAX_CHN_NUM == 128,
		 "channel limits");
V2_STATIC_ASSERT(HI_ID_SYS == 2 && HI_ID_VDEC == 5 && HI_ID_VPC == 7 && HI_ID_VENC == 8 &&
		     HI_ID_JPEGE == 11 && HI_ID_JPEGD == 14 && HI_ID_PNGD == 64,
		 "module ids");
V2_STATIC_ASSERT(HI_PIXEL_FORMAT_YUV_SEMIPLANAR_420 == 1 && HI_PIXEL_FORMAT_RGB_888 == 12 &&
		     HI_PIXEL_FORMAT_BGRA_8888 == 17 && HI_PIXEL_FORMAT_YUV_PLANAR_420 == 55 &&
		     HI_PIXEL_FORMAT_RGB_888_PLANAR == 69 &&
		     HI_PIXEL_FORMAT_YUV_SEMIPLANAR_440 == 1000 && HI_PIXEL_FORMAT_UNKNOWN == 10000,
		 "pixel formats");
V2_STATIC_ASSERT(HI_ERR_BAD_ADDR == 17 && HI_ERR_TIMEOUT == 20 && HI_ERR_SYS_ERROR == 21, "errno");

#ifndef __cplusplus
static void test_codes(void **state)
{
	(void)state;
	assert_int_equal((hi_u32)HI_DEFINE_ERR(HI_ID_VPC, HI_ERR_LEVEL_ERROR, HI_ERR_BAD_ADDR),
			 0xA0078011u);
	assert_int_equal((hi_u32)HI_ERR_VPC_BAD_ADDR, 0xA0078011u);
	assert_int_equal((hi_u32)HI_ERR_VPC_ILLEGAL_PARAM, 0xA0078003u);
	assert_int_equal((hi_u32)HI_ERR_VPC_NULL_PTR, 0xA0078006u);
	assert_int_equal((hi_u32)HI_ERR_VPC_INVALID_CHN_ID, 0xA0078002u);
	assert_int_equal((hi_u32)HI_ERR_VDEC_BAD_ADDR, 0xA0058011u);
	assert_int_equal((hi_u32)HI_ERR_VDEC_NO_MEM, 0xA005800Cu);
	assert_int_equal((hi_u32)HI_ERR_VENC_ILLEGAL_PARAM, 0xA0088003u);
	assert_int_equal((hi_u32)HI_ERR_PNGD_BAD_ADDR, 0xA0408011u);
	assert_int_equal((hi_u32)HI_ERR_SYS_ERR, 0xA0028015u);
	assert_int_equal((hi_u32)HI_ERR_SYS_NO_MEM, 0xA002800Cu);
	/* Every module code is HI_DEFINE_ERR(module, ERROR, errno). */
	assert_int_equal((hi_u32)HI_DEFINE_ERR(HI_ID_SYS, HI_ERR_LEVEL_ERROR, HI_ERR_NOT_SUPPORT),
			 (hi_u32)HI_ERR_SYS_NOT_SUPPORT);
	assert_int_equal((hi_u32)HI_DEFINE_ERR(HI_ID_PNGD, HI_ERR_LEVEL_ERROR, HI_ERR_TIMEOUT),
			 (hi_u32)HI_ERR_PNGD_TIMEOUT);
	assert_int_equal((hi_u32)HI_DEFINE_ERR(HI_ID_VDEC, HI_ERR_LEVEL_ERROR, HI_ERR_BUF_EMPTY),
			 (hi_u32)HI_ERR_VDEC_BUF_EMPTY);
	/* The codes are negative as hi_s32, as programs compare them. */
	assert_true(HI_DEFINE_ERR(HI_ID_VPC, HI_ERR_LEVEL_ERROR, HI_ERR_BAD_ADDR) < 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_codes),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
#endif
