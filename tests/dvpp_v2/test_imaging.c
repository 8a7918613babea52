/* SPDX-License-Identifier: MIT */
/*
 * The shared pixel engine on its own: format sizes, SoC facts, stride rules, and every pixel
 * operation against references computed here independently (plain loops, float formulas).
 */
/* cmocka needs its prerequisites first: keep this order. */
/* clang-format off */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "ascendsim_imaging.h"
/* clang-format on */

static uint8_t *xmalloc(size_t n)
{
	uint8_t *p = malloc(n);

	assert_non_null(p);
	return p;
}

static struct ascendsim_image image(int32_t fmt, uint32_t w, uint32_t h, uint32_t ws, uint32_t hs)
{
	struct ascendsim_image img = { NULL, 0, fmt, w, h, ws, hs };

	img.size = ascendsim_img_buffer_size(fmt, ws, hs);
	img.data = xmalloc(img.size);
	memset(img.data, 0xEE, img.size);
	return img;
}

/* A deterministic, non-linear test pattern. */
static uint8_t pat(uint32_t x, uint32_t y, uint32_t k)
{
	return (uint8_t)((x * 7 + y * 13 + k * 50 + ((x * y) >> 3)) & 0xff);
}

static void fill_nv12(struct ascendsim_image *img)
{
	uint32_t x, y;
	uint8_t *uv = img->data + (size_t)img->width_stride * img->height_stride;

	for (y = 0; y < img->height; y++)
		for (x = 0; x < img->width; x++)
			img->data[y * img->width_stride + x] = pat(x, y, 0);
	for (y = 0; y < img->height / 2; y++)
		for (x = 0; x < img->width / 2; x++) {
			uv[y * img->width_stride + 2 * x] = pat(x, y, 1);
			uv[y * img->width_stride + 2 * x + 1] = pat(x, y, 2);
		}
}

/* Reference bilinear of one plane (pixel-centre mapping, edge clamp), written from scratch. */
static double ref_bilinear(const uint8_t *plane, size_t stride, size_t step, uint32_t sw,
			   uint32_t sh, uint32_t dw, uint32_t dh, uint32_t dx, uint32_t dy)
{
	double fx = (dx + 0.5) * sw / dw - 0.5, fy = (dy + 0.5) * sh / dh - 0.5;
	int x0, y0, x1, y1;
	double ax, ay, v00, v01, v10, v11;

	if (fx < 0)
		fx = 0;
	if (fy < 0)
		fy = 0;
	if (fx > sw - 1)
		fx = sw - 1;
	if (fy > sh - 1)
		fy = sh - 1;
	x0 = (int)fx;
	y0 = (int)fy;
	x1 = x0 + 1 < (int)sw ? x0 + 1 : x0;
	y1 = y0 + 1 < (int)sh ? y0 + 1 : y0;
	ax = fx - x0;
	ay = fy - y0;
	v00 = plane[y0 * stride + x0 * step];
	v01 = plane[y0 * stride + x1 * step];
	v10 = plane[y1 * stride + x0 * step];
	v11 = plane[y1 * stride + x1 * step];
	return (v00 * (1 - ax) + v01 * ax) * (1 - ay) + (v10 * (1 - ax) + v11 * ax) * ay;
}

static void test_buffer_sizes(void **state)
{
	(void)state;
	assert_int_equal(ascendsim_img_buffer_size(1, 64, 32), 64 * 32 * 3 / 2);
	assert_int_equal(ascendsim_img_buffer_size(2, 64, 32), 64 * 32 * 3 / 2);
	assert_int_equal(ascendsim_img_buffer_size(3, 64, 32), 64 * 32 * 2);
	assert_int_equal(ascendsim_img_buffer_size(6, 64, 32), 64 * 32 * 3);
	assert_int_equal(ascendsim_img_buffer_size(0, 64, 32), 64 * 32);
	/* Packed and RGB: the stride already counts the bytes per pixel. */
	assert_int_equal(ascendsim_img_buffer_size(7, 128, 32), 128 * 32);
	assert_int_equal(ascendsim_img_buffer_size(12, 192, 32), 192 * 32);
	assert_int_equal(ascendsim_img_buffer_size(17, 256, 32), 256 * 32);
	assert_int_equal(ascendsim_img_buffer_size(1000, 64, 32), 0);
	assert_int_equal(ascendsim_img_bytes_per_pixel(12), 3);
	assert_int_equal(ascendsim_img_bytes_per_pixel(14), 4);
	assert_int_equal(ascendsim_img_bytes_per_pixel(8), 2);
	assert_int_equal(ascendsim_img_chroma_y(1), 2);
	assert_int_equal(ascendsim_img_chroma_y(3), 1);
}

static void test_soc(void **state)
{
	(void)state;
	assert_int_equal(ascendsim_soc_classify("Ascend310"), ASCENDSIM_SOC_310);
	assert_int_equal(ascendsim_soc_classify("Ascend310P3"), ASCENDSIM_SOC_310P);
	assert_int_equal(ascendsim_soc_classify("Ascend310B1"), ASCENDSIM_SOC_310B);
	assert_int_equal(ascendsim_soc_classify("Ascend910"), ASCENDSIM_SOC_910);
	assert_int_equal(ascendsim_soc_classify("Ascend910ProB"), ASCENDSIM_SOC_910);
	assert_int_equal(ascendsim_soc_classify("Ascend910B3"), ASCENDSIM_SOC_910B);
	assert_int_equal(ascendsim_soc_classify("Ascend910_9391"), ASCENDSIM_SOC_910_93);
	assert_int_equal(ascendsim_soc_classify("Foo"), ASCENDSIM_SOC_UNKNOWN);
	assert_int_equal(ascendsim_soc_classify(NULL), ASCENDSIM_SOC_UNKNOWN);
	assert_true(ascendsim_soc_dvpp_accepts_device_mem(ASCENDSIM_SOC_910B));
	assert_true(ascendsim_soc_dvpp_accepts_device_mem(ASCENDSIM_SOC_910_93));
	assert_true(ascendsim_soc_dvpp_accepts_device_mem(ASCENDSIM_SOC_310B));
	assert_false(ascendsim_soc_dvpp_accepts_device_mem(ASCENDSIM_SOC_310P));
	assert_false(ascendsim_soc_dvpp_accepts_device_mem(ASCENDSIM_SOC_310));
	assert_false(ascendsim_soc_has_dvpp_v2(ASCENDSIM_SOC_310));
	assert_false(ascendsim_soc_has_dvpp_v2(ASCENDSIM_SOC_910));
	assert_true(ascendsim_soc_has_dvpp_v2(ASCENDSIM_SOC_310P));
}

static void test_rules(void **state)
{
	struct ascendsim_img_rules r;
	struct ascendsim_image img = { (uint8_t *)1, 0, 1, 100, 50, 112, 50 };
	uint32_t ws, hs;
	char why[200];

	(void)state;
	/* V1 VPC on Ascend310: width stride a multiple of 16. */
	assert_int_equal(
	    ascendsim_img_get_rules(ASCENDSIM_IMG_API_V1_VPC, ASCENDSIM_SOC_310, 1, false, &r),
	    ASCENDSIM_IMG_OK);
	img.size = 112 * 50 * 3 / 2;
	assert_int_equal(ascendsim_img_validate(&img, &r, why, sizeof(why)), ASCENDSIM_IMG_OK);
	img.width_stride = 104;
	img.size = 104 * 50 * 3 / 2;
	assert_int_equal(ascendsim_img_validate(&img, &r, why, sizeof(why)),
			 ASCENDSIM_IMG_ERR_STRIDE);
	/* ... which the relaxed 310P rules accept (2-aligned for YUV420SP). */
	assert_int_equal(
	    ascendsim_img_get_rules(ASCENDSIM_IMG_API_V2_VPC, ASCENDSIM_SOC_310P, 1, false, &r),
	    ASCENDSIM_IMG_OK);
	assert_int_equal(ascendsim_img_validate(&img, &r, why, sizeof(why)), ASCENDSIM_IMG_OK);
	img.height_stride = 51; /* odd height stride for YUV420SP */
	img.size = 104 * 51 * 3 / 2;
	assert_int_equal(ascendsim_img_validate(&img, &r, why, sizeof(why)),
			 ASCENDSIM_IMG_ERR_STRIDE);
	img.height_stride = 50;
	img.size = 104 * 50 * 3 / 2 - 1; /* one byte short */
	assert_int_equal(ascendsim_img_validate(&img, &r, why, sizeof(why)),
			 ASCENDSIM_IMG_ERR_SIZE);
	img.size = 104 * 50 * 3 / 2;
	img.width = 8;
	assert_int_equal(ascendsim_img_validate(&img, &r, why, sizeof(why)), ASCENDSIM_IMG_ERR_DIM);
	img.width = 100;
	img.format = 1000;
	assert_int_equal(ascendsim_img_validate(&img, &r, why, sizeof(why)),
			 ASCENDSIM_IMG_ERR_FORMAT);
	/* RGB888: bytes per pixel count in the stride. */
	img.format = 12;
	img.width_stride = 100 * 3 - 3;
	img.size = 1 << 20;
	assert_int_equal(ascendsim_img_validate(&img, &r, why, sizeof(why)),
			 ASCENDSIM_IMG_ERR_STRIDE);
	img.width_stride = 300;
	assert_int_equal(ascendsim_img_validate(&img, &r, why, sizeof(why)), ASCENDSIM_IMG_OK);
	/* JPEGD output: 128x16 on Ascend310, 64x16 on 310P. */
	ascendsim_img_jpegd_out_strides(ASCENDSIM_SOC_310, 1, 100, 50, &ws, &hs);
	assert_int_equal(ws, 128);
	assert_int_equal(hs, 64);
	ascendsim_img_jpegd_out_strides(ASCENDSIM_SOC_310P, 1, 100, 50, &ws, &hs);
	assert_int_equal(ws, 128);
	ascendsim_img_jpegd_out_strides(ASCENDSIM_SOC_310P, 1, 130, 50, &ws, &hs);
	assert_int_equal(ws, 192);
	ascendsim_img_jpegd_out_strides(ASCENDSIM_SOC_310, 1, 130, 50, &ws, &hs);
	assert_int_equal(ws, 256);
	assert_int_equal(
	    ascendsim_img_get_rules(ASCENDSIM_IMG_API_JPEGD_OUT, ASCENDSIM_SOC_310, 1, true, &r),
	    ASCENDSIM_IMG_OK);
	assert_int_equal(r.ws_align, 128);
	assert_int_equal(
	    ascendsim_img_get_rules(ASCENDSIM_IMG_API_JPEGD_OUT, ASCENDSIM_SOC_910B, 1, true, &r),
	    ASCENDSIM_IMG_OK);
	assert_int_equal(r.ws_align, 64);
	assert_int_equal(r.w_max, 16384);
	/* V2 output size: 4096x4096 on 310P, 4096x8192 on A2. */
	assert_int_equal(
	    ascendsim_img_get_rules(ASCENDSIM_IMG_API_V2_VPC, ASCENDSIM_SOC_310P, 1, true, &r),
	    ASCENDSIM_IMG_OK);
	assert_int_equal(r.h_max, 4096);
	assert_int_equal(
	    ascendsim_img_get_rules(ASCENDSIM_IMG_API_V2_VPC, ASCENDSIM_SOC_910B, 1, true, &r),
	    ASCENDSIM_IMG_OK);
	assert_int_equal(r.h_max, 8192);
	assert_int_equal(
	    ascendsim_img_get_rules(ASCENDSIM_IMG_API_JPEGE_IN, ASCENDSIM_SOC_310P, 12, false, &r),
	    ASCENDSIM_IMG_ERR_FORMAT);
}

static void test_crop_exact(void **state)
{
	struct ascendsim_image src = image(1, 64, 32, 64, 32), dst = image(1, 20, 10, 32, 10);
	struct ascendsim_rect r = { 10, 6, 20, 10 };
	uint32_t x, y;
	const uint8_t *suv = src.data + 64 * 32, *duv = dst.data + 32 * 10;

	(void)state;
	fill_nv12(&src);
	assert_int_equal(ascendsim_img_crop(&src, &r, &dst), ASCENDSIM_IMG_OK);
	for (y = 0; y < 10; y++)
		for (x = 0; x < 20; x++)
			assert_int_equal(dst.data[y * 32 + x], src.data[(y + 6) * 64 + x + 10]);
	for (y = 0; y < 5; y++)
		for (x = 0; x < 20; x++)
			assert_int_equal(duv[y * 32 + x], suv[(y + 3) * 64 + x + 10]);
	/* Padding beyond the width is not touched. */
	assert_int_equal(dst.data[20], 0xEE);
	/* Odd offsets cannot be expressed in YUV420SP. */
	r.x = 11;
	assert_int_equal(ascendsim_img_crop(&src, &r, &dst), ASCENDSIM_IMG_ERR_RECT);
	free(src.data);
	free(dst.data);
}

static void test_resize_bilinear(void **state)
{
	struct ascendsim_image src = image(1, 64, 32, 64, 32), dst = image(1, 26, 14, 32, 14);
	uint32_t x, y, k;
	const uint8_t *suv = src.data + 64 * 32, *duv = dst.data + 32 * 14;

	(void)state;
	fill_nv12(&src);
	assert_int_equal(ascendsim_img_resize(&src, &dst, ASCENDSIM_IMG_INTERP_BILINEAR),
			 ASCENDSIM_IMG_OK);
	for (y = 0; y < 14; y++)
		for (x = 0; x < 26; x++) {
			double ref = ref_bilinear(src.data, 64, 1, 64, 32, 26, 14, x, y);

			assert_true(fabs(dst.data[y * 32 + x] - ref) <= 0.51);
		}
	for (k = 0; k < 2; k++)
		for (y = 0; y < 7; y++)
			for (x = 0; x < 13; x++) {
				double ref = ref_bilinear(suv + k, 64, 2, 32, 16, 13, 7, x, y);

				assert_true(fabs(duv[y * 32 + 2 * x + k] - ref) <= 0.51);
			}
	/* Upscaling too. */
	free(dst.data);
	dst = image(1, 100, 50, 100, 50);
	assert_int_equal(ascendsim_img_resize(&src, &dst, ASCENDSIM_IMG_INTERP_BILINEAR),
			 ASCENDSIM_IMG_OK);
	for (y = 0; y < 50; y++)
		for (x = 0; x < 100; x++) {
			double ref = ref_bilinear(src.data, 64, 1, 64, 32, 100, 50, x, y);

			assert_true(fabs(dst.data[y * 100 + x] - ref) <= 0.51);
		}
	free(src.data);
	free(dst.data);
}

static void test_resize_nearest_rgb(void **state)
{
	struct ascendsim_image src = image(12, 30, 20, 96, 20), dst = image(12, 15, 10, 48, 10);
	uint32_t x, y, k;

	(void)state;
	for (y = 0; y < 20; y++)
		for (x = 0; x < 30; x++)
			for (k = 0; k < 3; k++)
				src.data[y * 96 + x * 3 + k] = pat(x, y, k);
	assert_int_equal(ascendsim_img_resize(&src, &dst, ASCENDSIM_IMG_INTERP_NEAREST),
			 ASCENDSIM_IMG_OK);
	/* Halving with nearest neighbour picks the pixel under each centre: 2x + 1. */
	for (y = 0; y < 10; y++)
		for (x = 0; x < 15; x++)
			for (k = 0; k < 3; k++)
				assert_int_equal(dst.data[y * 48 + x * 3 + k],
						 pat(2 * x + 1, 2 * y + 1, k));
	free(src.data);
	free(dst.data);
}

static void ref_rgb(double y, double u, double v, double out[3])
{
	out[0] = y + 1.402 * (v - 128);
	out[1] = y - 0.344136 * (u - 128) - 0.714136 * (v - 128);
	out[2] = y + 1.772 * (u - 128);
}

static double clamp255(double v)
{
	return v < 0 ? 0 : v > 255 ? 255 : v;
}

static void test_convert_nv12_to_rgb_and_back(void **state)
{
	struct ascendsim_image src = image(1, 16, 8, 16, 8), rgb = image(13, 16, 8, 48, 8);
	struct ascendsim_image back = image(2, 16, 8, 16, 8);
	const uint8_t *uv = src.data + 16 * 8;
	uint32_t x, y;

	(void)state;
	fill_nv12(&src);
	assert_int_equal(ascendsim_img_convert(&src, &rgb), ASCENDSIM_IMG_OK);
	/* Unscaled conversion: chroma of a 2x2 block is the block's sample (pixel centres at
	 * 0.25/0.75 of the chroma cell interpolate with its neighbours: compare loosely), luma
	 * exact. */
	for (y = 0; y < 8; y++)
		for (x = 0; x < 16; x++) {
			double u = ref_bilinear(uv, 16, 2, 8, 4, 16, 8, x, y);
			double v = ref_bilinear(uv + 1, 16, 2, 8, 4, 16, 8, x, y);
			double c[3];

			ref_rgb(src.data[y * 16 + x], u, v, c);
			/* BGR888 in memory: B, G, R. */
			assert_true(fabs(rgb.data[y * 48 + x * 3 + 0] - clamp255(c[2])) <= 1.0);
			assert_true(fabs(rgb.data[y * 48 + x * 3 + 1] - clamp255(c[1])) <= 1.0);
			assert_true(fabs(rgb.data[y * 48 + x * 3 + 2] - clamp255(c[0])) <= 1.0);
		}
	/* And back to NV21: luma within rounding of the formula. */
	assert_int_equal(ascendsim_img_convert(&rgb, &back), ASCENDSIM_IMG_OK);
	for (y = 0; y < 8; y++)
		for (x = 0; x < 16; x++) {
			const uint8_t *p = rgb.data + y * 48 + x * 3;
			double ly = 0.299 * p[2] + 0.587 * p[1] + 0.114 * p[0];

			assert_true(fabs(back.data[y * 16 + x] - ly) <= 0.51);
		}
	free(src.data);
	free(rgb.data);
	free(back.data);
}

static void test_convert_constant_colour(void **state)
{
	struct ascendsim_image rgb = image(16, 8, 4, 32, 4), yuv = image(1, 8, 4, 8, 4);
	double v[4] = { 200, 100, 50, 7 }; /* RGBA8888 memory order: R, G, B, A */
	uint8_t y, u, vv;

	(void)state;
	assert_int_equal(ascendsim_img_fill(&rgb, NULL, v), ASCENDSIM_IMG_OK);
	assert_int_equal(rgb.data[3], 7);
	assert_int_equal(ascendsim_img_convert(&rgb, &yuv), ASCENDSIM_IMG_OK);
	y = (uint8_t)lround(0.299 * 200 + 0.587 * 100 + 0.114 * 50);
	u = (uint8_t)lround(-0.168736 * 200 - 0.331264 * 100 + 0.5 * 50 + 128);
	vv = (uint8_t)lround(0.5 * 200 - 0.418688 * 100 - 0.081312 * 50 + 128);
	assert_int_equal(yuv.data[5], y);
	assert_int_equal(yuv.data[32 + 2], u);
	assert_int_equal(yuv.data[32 + 3], vv);
	free(rgb.data);
	free(yuv.data);
}

static void test_paste_and_border(void **state)
{
	struct ascendsim_image src = image(12, 4, 2, 12, 2), dst = image(12, 10, 6, 30, 6);
	struct ascendsim_rect at = { 3, 2, 4, 2 };
	double value[4] = { 1, 2, 3, 0 };
	uint32_t x, y, k;

	(void)state;
	for (y = 0; y < 2; y++)
		for (x = 0; x < 4; x++)
			for (k = 0; k < 3; k++)
				src.data[y * 12 + x * 3 + k] = pat(x, y, k);
	assert_int_equal(
	    ascendsim_img_process(&src, NULL, &dst, &at, ASCENDSIM_IMG_INTERP_BILINEAR),
	    ASCENDSIM_IMG_OK);
	for (y = 0; y < 6; y++)
		for (x = 0; x < 10; x++)
			for (k = 0; k < 3; k++) {
				bool in = x >= 3 && x < 7 && y >= 2 && y < 4;

				assert_int_equal(dst.data[y * 30 + x * 3 + k],
						 in ? pat(x - 3, y - 2, k) : 0xEE);
			}
	/* copy-make-border: top 1, bottom 3, left 2, right 4 around the 4x2 picture. */
	assert_int_equal(ascendsim_img_copy_make_border(&src, &dst, 1, 3, 2, 4, value),
			 ASCENDSIM_IMG_OK);
	for (y = 0; y < 6; y++)
		for (x = 0; x < 10; x++)
			for (k = 0; k < 3; k++) {
				bool in = x >= 2 && x < 6 && y >= 1 && y < 3;

				assert_int_equal(dst.data[y * 30 + x * 3 + k],
						 in ? pat(x - 2, y - 1, k) : (uint8_t)value[k]);
			}
	assert_int_equal(ascendsim_img_copy_make_border(&src, &dst, 1, 3, 2, 3, value),
			 ASCENDSIM_IMG_ERR_DIM);
	free(src.data);
	free(dst.data);
}

static void test_engine_bounds(void **state)
{
	struct ascendsim_image src = image(1, 16, 8, 16, 8), dst = image(1, 16, 8, 16, 8);
	struct ascendsim_rect out = { 8, 4, 10, 4 };

	(void)state;
	/* A rectangle past the picture, a size below the strides: refused, nothing written. */
	assert_int_equal(ascendsim_img_process(&src, NULL, &dst, &out, 0), ASCENDSIM_IMG_ERR_RECT);
	dst.size--;
	assert_int_equal(ascendsim_img_resize(&src, &dst, 0), ASCENDSIM_IMG_ERR_SIZE);
	dst.size++;
	dst.width_stride = 15;
	assert_int_equal(ascendsim_img_resize(&src, &dst, 0), ASCENDSIM_IMG_ERR_STRIDE);
	assert_int_equal(dst.data[0], 0xEE);
	free(src.data);
	free(dst.data);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_buffer_sizes),
		cmocka_unit_test(test_soc),
		cmocka_unit_test(test_rules),
		cmocka_unit_test(test_crop_exact),
		cmocka_unit_test(test_resize_bilinear),
		cmocka_unit_test(test_resize_nearest_rgb),
		cmocka_unit_test(test_convert_nv12_to_rgb_and_back),
		cmocka_unit_test(test_convert_constant_colour),
		cmocka_unit_test(test_paste_and_border),
		cmocka_unit_test(test_engine_bounds),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
