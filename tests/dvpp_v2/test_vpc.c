/* SPDX-License-Identifier: MIT */
/*
 * hi_mpi_vpc_*: every operation produces the right pixels (references computed here), every
 * validation rule fails with its exact code, and results appear only once collected.
 */
/* cmocka needs its prerequisites first: keep this order. */
/* clang-format off */
#include <math.h>
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cmocka.h>

#include "v2_util.h"
/* clang-format on */

#define CHN 3

/* Reference bilinear of one plane: pixel centres, clamped at the crop's edges. */
static double ref_bilinear(const uint8_t *plane, size_t stride, size_t step, uint32_t sw,
			   uint32_t sh, uint32_t dw, uint32_t dh, uint32_t dx, uint32_t dy)
{
	double fx = (dx + 0.5) * sw / dw - 0.5, fy = (dy + 0.5) * sh / dh - 0.5;
	int x0, y0, x1, y1;
	double ax, ay;

	fx = fx < 0 ? 0 : fx > sw - 1 ? sw - 1 : fx;
	fy = fy < 0 ? 0 : fy > sh - 1 ? sh - 1 : fy;
	x0 = (int)fx;
	y0 = (int)fy;
	x1 = x0 + 1 < (int)sw ? x0 + 1 : x0;
	y1 = y0 + 1 < (int)sh ? y0 + 1 : y0;
	ax = fx - x0;
	ay = fy - y0;
	return (plane[y0 * stride + x0 * step] * (1 - ax) + plane[y0 * stride + x1 * step] * ax) *
		   (1 - ay) +
	       (plane[y1 * stride + x0 * step] * (1 - ax) + plane[y1 * stride + x1 * step] * ax) *
		   ay;
}

static uint8_t *bytes(const hi_vpc_pic_info *p)
{
	return p->picture_address;
}

static uint8_t *chroma(const hi_vpc_pic_info *p)
{
	return bytes(p) + (size_t)p->picture_width_stride * p->picture_height_stride;
}

static void wait_ok(hi_u32 task)
{
	assert_hi(hi_mpi_vpc_get_process_result(CHN, task, -1), HI_SUCCESS);
}

static int chn_setup(void **state)
{
	hi_vpc_chn_attr attr = { 0, 1920, 1080 };

	(void)state;
	assert_hi(hi_mpi_vpc_create_chn(CHN, &attr), HI_SUCCESS);
	return 0;
}

static int chn_teardown(void **state)
{
	(void)state;
	assert_hi(hi_mpi_vpc_destroy_chn(CHN), HI_SUCCESS);
	return 0;
}

/* Compares the YUV420SP dst with the bilinear reference of src's rectangle (x, y, w, h). */
static void check_scaled_nv12(const hi_vpc_pic_info *src, uint32_t x, uint32_t y, uint32_t w,
			      uint32_t h, const hi_vpc_pic_info *dst, uint32_t dx0, uint32_t dy0,
			      uint32_t dw, uint32_t dh)
{
	uint32_t sws = src->picture_width_stride, dws = dst->picture_width_stride;
	const uint8_t *sy = bytes(src) + y * sws + x, *suv = chroma(src) + y / 2 * sws + x;
	uint32_t i, j, k;

	for (j = 0; j < dh; j++)
		for (i = 0; i < dw; i++) {
			double ref = ref_bilinear(sy, sws, 1, w, h, dw, dh, i, j);

			assert_true(fabs(bytes(dst)[(dy0 + j) * dws + dx0 + i] - ref) <= 1.0);
		}
	for (k = 0; k < 2; k++)
		for (j = 0; j < dh / 2; j++)
			for (i = 0; i < dw / 2; i++) {
				double ref = ref_bilinear(suv + k, sws, 2, w / 2, h / 2, dw / 2,
							  dh / 2, i, j);
				uint8_t got = chroma(dst)[(dy0 / 2 + j) * dws + dx0 + 2 * i + k];

				assert_true(fabs(got - ref) <= 1.0);
			}
}

static void vpc_resize_bilinear_nv12(void **state)
{
	hi_vpc_pic_info src = v2_new_pic(HI_PIXEL_FORMAT_YUV_SEMIPLANAR_420, 64, 32, 64, 32);
	hi_vpc_pic_info dst = v2_new_pic(HI_PIXEL_FORMAT_YUV_SEMIPLANAR_420, 40, 20, 48, 20);
	hi_u32 task = 0;

	(void)state;
	v2_fill(&src);
	assert_hi(hi_mpi_vpc_resize(CHN, &src, &dst, 0, 0, 0, &task, -1), HI_SUCCESS);
	wait_ok(task);
	check_scaled_nv12(&src, 0, 0, 64, 32, &dst, 0, 0, 40, 20);
	hi_mpi_dvpp_free(src.picture_address);
	hi_mpi_dvpp_free(dst.picture_address);
}

static void vpc_resize_nearest_rgb(void **state)
{
	hi_vpc_pic_info src = v2_new_pic(HI_PIXEL_FORMAT_RGB_888, 30, 20, 90, 20);
	hi_vpc_pic_info dst = v2_new_pic(HI_PIXEL_FORMAT_RGB_888, 15, 10, 45, 10);
	hi_u32 task = 0, x, y, k;

	(void)state;
	v2_fill(&src);
	assert_hi(hi_mpi_vpc_resize(CHN, &src, &dst, 0.5, 0.5, 1, &task, -1), HI_SUCCESS);
	wait_ok(task);
	for (y = 0; y < 10; y++)
		for (x = 0; x < 15; x++)
			for (k = 0; k < 3; k++)
				assert_hi(bytes(&dst)[y * 45 + 3 * x + k],
					  v2_pat(2 * x + 1, 2 * y + 1, k));
	hi_mpi_dvpp_free(src.picture_address);
	hi_mpi_dvpp_free(dst.picture_address);
}

static void vpc_crop_exact(void **state)
{
	hi_vpc_pic_info src = v2_new_pic(HI_PIXEL_FORMAT_YVU_SEMIPLANAR_420, 64, 32, 64, 32);
	hi_vpc_crop_region_info info = {
		v2_new_pic(HI_PIXEL_FORMAT_YVU_SEMIPLANAR_420, 20, 10, 20, 10), { 6, 10, 20, 10 }
	};
	hi_u32 task = 0, x, y;

	(void)state;
	v2_fill(&src);
	assert_hi(hi_mpi_vpc_crop(CHN, &src, &info, 1, &task, -1), HI_SUCCESS);
	wait_ok(task);
	for (y = 0; y < 10; y++)
		for (x = 0; x < 20; x++)
			assert_hi(bytes(&info.dest_pic_info)[y * 20 + x], v2_pat(x + 10, y + 6, 0));
	for (y = 0; y < 5; y++)
		for (x = 0; x < 10; x++) {
			assert_hi(chroma(&info.dest_pic_info)[y * 20 + 2 * x],
				  v2_pat(x + 5, y + 3, 1));
			assert_hi(chroma(&info.dest_pic_info)[y * 20 + 2 * x + 1],
				  v2_pat(x + 5, y + 3, 2));
		}
	hi_mpi_dvpp_free(src.picture_address);
	hi_mpi_dvpp_free(info.dest_pic_info.picture_address);
}

static void vpc_crop_resize(void **state)
{
	hi_vpc_pic_info src = v2_new_pic(HI_PIXEL_FORMAT_YUV_SEMIPLANAR_420, 64, 32, 64, 32);
	hi_vpc_crop_resize_region r = {
		v2_new_pic(HI_PIXEL_FORMAT_YUV_SEMIPLANAR_420, 36, 18, 36, 18),
		{ 4, 8, 40, 24 },
		{ 36, 18, 0 },
	};
	hi_u32 task = 0;

	(void)state;
	v2_fill(&src);
	assert_hi(hi_mpi_vpc_crop_resize(CHN, &src, &r, 1, &task, -1), HI_SUCCESS);
	wait_ok(task);
	check_scaled_nv12(&src, 8, 4, 40, 24, &r.dest_pic_info, 0, 0, 36, 18);
	hi_mpi_dvpp_free(src.picture_address);
	hi_mpi_dvpp_free(r.dest_pic_info.picture_address);
}

static void vpc_crop_resize_paste(void **state)
{
	hi_vpc_pic_info src = v2_new_pic(HI_PIXEL_FORMAT_YUV_SEMIPLANAR_420, 64, 32, 64, 32);
	hi_vpc_crop_resize_paste_region r = {
		v2_new_pic(HI_PIXEL_FORMAT_YUV_SEMIPLANAR_420, 64, 32, 64, 32),
		{ 0, 0, 32, 16 },
		{ 16, 8, 0 },
		4, /* top */
		8, /* left */
	};
	hi_u32 task = 0, x, y;

	(void)state;
	v2_fill(&src);
	memset(r.dest_pic_info.picture_address, 0x11, 64 * 32 * 3 / 2);
	assert_hi(hi_mpi_vpc_crop_resize_paste(CHN, &src, &r, 1, &task, -1), HI_SUCCESS);
	wait_ok(task);
	check_scaled_nv12(&src, 0, 0, 32, 16, &r.dest_pic_info, 8, 4, 16, 8);
	/* Outside the pasted rectangle the destination keeps its contents. */
	for (y = 0; y < 32; y++)
		for (x = 0; x < 64; x++)
			if (x < 8 || x >= 24 || y < 4 || y >= 12)
				assert_hi(bytes(&r.dest_pic_info)[y * 64 + x], 0x11);
	for (y = 0; y < 16; y++)
		for (x = 0; x < 64; x++)
			if (x < 8 || x >= 24 || y < 2 || y >= 6)
				assert_hi(chroma(&r.dest_pic_info)[y * 64 + x], 0x11);
	hi_mpi_dvpp_free(src.picture_address);
	hi_mpi_dvpp_free(r.dest_pic_info.picture_address);
}

static void vpc_batch_crop_resize_paste(void **state)
{
	hi_vpc_pic_info a = v2_new_pic(HI_PIXEL_FORMAT_YUV_SEMIPLANAR_420, 32, 16, 32, 16);
	hi_vpc_pic_info b = v2_new_pic(HI_PIXEL_FORMAT_YUV_SEMIPLANAR_420, 64, 32, 64, 32);
	const hi_vpc_pic_info *srcs[2] = { &a, &b };
	hi_vpc_crop_resize_paste_region r[2] = {
		{ v2_new_pic(HI_PIXEL_FORMAT_YUV_SEMIPLANAR_420, 16, 8, 16, 8),
		  { 0, 0, 32, 16 },
		  { 16, 8, 0 },
		  0,
		  0 },
		{ v2_new_pic(HI_PIXEL_FORMAT_YUV_SEMIPLANAR_420, 32, 16, 32, 16),
		  { 2, 2, 20, 12 },
		  { 20, 12, 0 },
		  2,
		  6 },
	};
	hi_u32 count[2] = { 1, 1 }, task = 0, x, y;

	(void)state;
	v2_fill(&a);
	v2_fill(&b);
	assert_hi(hi_mpi_vpc_batch_crop_resize_paste(CHN, srcs, 2, r, count, &task, -1),
		  HI_SUCCESS);
	wait_ok(task);
	check_scaled_nv12(&a, 0, 0, 32, 16, &r[0].dest_pic_info, 0, 0, 16, 8);
	/* Unscaled region: an exact copy at the paste offset. */
	for (y = 0; y < 12; y++)
		for (x = 0; x < 20; x++)
			assert_hi(bytes(&r[1].dest_pic_info)[(y + 2) * 32 + x + 6],
				  v2_pat(x + 2, y + 2, 0));
	hi_mpi_dvpp_free(a.picture_address);
	hi_mpi_dvpp_free(b.picture_address);
	hi_mpi_dvpp_free(r[0].dest_pic_info.picture_address);
	hi_mpi_dvpp_free(r[1].dest_pic_info.picture_address);
}

static uint8_t clamp_round(double v)
{
	return v <= 0 ? 0 : v >= 255 ? 255 : (uint8_t)(v + 0.5);
}

/* Chroma of 2x2-cell runs (4x4 pixels), so that the inner 2x2 pixels see one pure value. */
static uint8_t run_u(uint32_t cx, uint32_t cy)
{
	return (uint8_t)((cx / 2) * 7 + (cy / 2) * 61);
}

static uint8_t run_v(uint32_t cx, uint32_t cy)
{
	return (uint8_t)((cx / 2) * 13 + (cy / 2) * 29 + 50);
}

static void vpc_convert_color_nv12_to_rgb(void **state)
{
	hi_vpc_pic_info src = v2_new_pic(HI_PIXEL_FORMAT_YUV_SEMIPLANAR_420, 256, 64, 256, 64);
	hi_vpc_pic_info dst = v2_new_pic(HI_PIXEL_FORMAT_RGB_888, 256, 64, 768, 64);
	hi_u32 task = 0, x, y, checked = 0;

	(void)state;
	for (y = 0; y < 64; y++)
		for (x = 0; x < 256; x++)
			bytes(&src)[y * 256 + x] = (uint8_t)(x * 3 + y * 5);
	for (y = 0; y < 32; y++)
		for (x = 0; x < 128; x++) {
			chroma(&src)[y * 256 + 2 * x] = run_u(x, y);
			chroma(&src)[y * 256 + 2 * x + 1] = run_v(x, y);
		}
	assert_hi(hi_mpi_vpc_convert_color(CHN, &src, &dst, &task, -1), HI_SUCCESS);
	wait_ok(task);
	/* Pixels inside a run: exactly the BT.601 full-range formula, over 1024 chroma pairs. */
	for (y = 0; y < 64; y++)
		for (x = 0; x < 256; x++) {
			double yy = (uint8_t)(x * 3 + y * 5), u, v;
			const uint8_t *p = bytes(&dst) + y * 768 + 3 * x;

			if (x % 4 == 0 || x % 4 == 3 || y % 4 == 0 || y % 4 == 3)
				continue;
			u = run_u(x / 2, y / 2);
			v = run_v(x / 2, y / 2);
			assert_hi(p[0], clamp_round(yy + 1.402 * (v - 128)));
			assert_hi(p[1],
				  clamp_round(yy - 0.344136 * (u - 128) - 0.714136 * (v - 128)));
			assert_hi(p[2], clamp_round(yy + 1.772 * (u - 128)));
			checked++;
		}
	assert_hi(checked, 64 * 256 / 4);
	hi_mpi_dvpp_free(src.picture_address);
	hi_mpi_dvpp_free(dst.picture_address);
}

static void vpc_convert_color_rgb_to_nv21(void **state)
{
	hi_vpc_pic_info src = v2_new_pic(HI_PIXEL_FORMAT_BGR_888, 16, 8, 48, 8);
	hi_vpc_pic_info dst = v2_new_pic(HI_PIXEL_FORMAT_YVU_SEMIPLANAR_420, 16, 8, 16, 8);
	hi_u32 task = 0, x, y;

	(void)state;
	v2_fill(&src);
	assert_hi(hi_mpi_vpc_convert_color_to_yuv420(CHN, &src, &dst, &task, -1), HI_SUCCESS);
	wait_ok(task);
	for (y = 0; y < 8; y++)
		for (x = 0; x < 16; x++) {
			/* BGR888: byte 0 is blue. */
			double b = v2_pat(x, y, 0), g = v2_pat(x, y, 1), r = v2_pat(x, y, 2);

			assert_hi(bytes(&dst)[y * 16 + x],
				  clamp_round(0.299 * r + 0.587 * g + 0.114 * b));
		}
	/* NV21: V first. Chroma of a 2x2 block = the formula on its mean RGB. */
	for (y = 0; y < 4; y++)
		for (x = 0; x < 8; x++) {
			double r = 0, g = 0, b = 0;
			uint32_t i, j;

			for (j = 0; j < 2; j++)
				for (i = 0; i < 2; i++) {
					b += v2_pat(2 * x + i, 2 * y + j, 0) / 4.0;
					g += v2_pat(2 * x + i, 2 * y + j, 1) / 4.0;
					r += v2_pat(2 * x + i, 2 * y + j, 2) / 4.0;
				}
			assert_hi(chroma(&dst)[y * 16 + 2 * x],
				  clamp_round(0.5 * r - 0.418688 * g - 0.081312 * b + 128));
			assert_hi(chroma(&dst)[y * 16 + 2 * x + 1],
				  clamp_round(-0.168736 * r - 0.331264 * g + 0.5 * b + 128));
		}
	hi_mpi_dvpp_free(src.picture_address);
	hi_mpi_dvpp_free(dst.picture_address);
}

static void vpc_copy_make_border(void **state)
{
	hi_vpc_pic_info src = v2_new_pic(HI_PIXEL_FORMAT_RGB_888, 10, 6, 30, 6);
	hi_vpc_pic_info dst = v2_new_pic(HI_PIXEL_FORMAT_RGB_888, 14, 12, 42, 12);
	hi_vpc_make_border_info b = { 2, 4, 1, 3, HI_BORDER_CONSTANT, { { 10, 20, 30, 0 } } };
	hi_u32 task = 0, x, y, k;

	(void)state;
	v2_fill(&src);
	assert_hi(hi_mpi_vpc_copy_make_border(CHN, &src, &dst, b, &task, -1), HI_SUCCESS);
	wait_ok(task);
	for (y = 0; y < 12; y++)
		for (x = 0; x < 14; x++)
			for (k = 0; k < 3; k++) {
				int in = x >= 1 && x < 11 && y >= 2 && y < 8;

				assert_hi(bytes(&dst)[y * 42 + 3 * x + k],
					  in ? v2_pat(x - 1, y - 2, k) : 10 * (k + 1));
			}
	b.border_type = HI_BORDER_REPLICATE;
	assert_hi(hi_mpi_vpc_copy_make_border(CHN, &src, &dst, b, &task, -1),
		  HI_ERR_VPC_NOT_SUPPORT);
	b.border_type = HI_BORDER_CONSTANT;
	b.right = 2; /* dest no longer source plus borders */
	assert_hi(hi_mpi_vpc_copy_make_border(CHN, &src, &dst, b, &task, -1),
		  HI_ERR_VPC_ILLEGAL_PARAM);
	hi_mpi_dvpp_free(src.picture_address);
	hi_mpi_dvpp_free(dst.picture_address);
}

static void vpc_crop_resize_make_border(void **state)
{
	hi_vpc_pic_info src = v2_new_pic(HI_PIXEL_FORMAT_BGR_888, 20, 10, 60, 10);
	hi_vpc_crop_resize_border_region r = {
		v2_new_pic(HI_PIXEL_FORMAT_BGR_888, 16, 12, 48, 12),
		{ 2, 4, 10, 6 },
		{ 10, 6, 1 },
		3, /* top */
		5, /* left */
		HI_BORDER_CONSTANT,
		{ { 7, 8, 9, 0 } },
	};
	hi_u32 task = 0, x, y, k;

	(void)state;
	v2_fill(&src);
	assert_hi(hi_mpi_vpc_crop_resize_make_border(CHN, &src, &r, 1, &task, -1), HI_SUCCESS);
	wait_ok(task);
	for (y = 0; y < 12; y++)
		for (x = 0; x < 16; x++)
			for (k = 0; k < 3; k++) {
				int in = x >= 5 && x < 15 && y >= 3 && y < 9;

				assert_hi(bytes(&r.dest_pic_info)[y * 48 + 3 * x + k],
					  in ? v2_pat(x - 5 + 4, y - 3 + 2, k) : 7 + k);
			}
	r.border_type = HI_BORDER_WRAP;
	assert_hi(hi_mpi_vpc_crop_resize_make_border(CHN, &src, &r, 1, &task, -1),
		  HI_ERR_VPC_NOT_SUPPORT);
	hi_mpi_dvpp_free(src.picture_address);
	hi_mpi_dvpp_free(r.dest_pic_info.picture_address);
}

static void vpc_rule_batch(void **state)
{
	hi_vpc_pic_info a = v2_new_pic(HI_PIXEL_FORMAT_YUV_SEMIPLANAR_420, 32, 16, 32, 16);
	const hi_vpc_pic_info *srcs[2] = { &a, NULL };
	hi_vpc_crop_resize_paste_region r[2] = {
		{ v2_new_pic(HI_PIXEL_FORMAT_YUV_SEMIPLANAR_420, 16, 8, 16, 8),
		  { 0, 0, 32, 16 },
		  { 16, 8, 0 },
		  0,
		  0 },
		{ v2_new_pic(HI_PIXEL_FORMAT_YUV_SEMIPLANAR_420, 16, 8, 16, 8),
		  { 0, 0, 32, 16 },
		  { 16, 8, 0 },
		  0,
		  0 },
	};
	hi_u32 count[2] = { 1, 1 }, zero[2] = { 0, 0 }, task;

	(void)state;
	assert_hi(hi_mpi_vpc_batch_crop_resize_paste(CHN, srcs, 0, r, count, &task, -1),
		  HI_ERR_VPC_ILLEGAL_PARAM);
	assert_hi(hi_mpi_vpc_batch_crop_resize_paste(CHN, srcs, 1, r, zero, &task, -1),
		  HI_ERR_VPC_ILLEGAL_PARAM);
	assert_hi(hi_mpi_vpc_batch_crop_resize_paste(CHN, srcs, 1, r, NULL, &task, -1),
		  HI_ERR_VPC_NULL_PTR);
	/* The second source is NULL. */
	assert_hi(hi_mpi_vpc_batch_crop_resize_paste(CHN, srcs, 2, r, count, &task, -1),
		  HI_ERR_VPC_NULL_PTR);
	/* A bad second region fails the whole call: nothing is queued. */
	srcs[1] = &a;
	r[1].dest_pic_info.picture_buffer_size -= 1;
	assert_hi(hi_mpi_vpc_batch_crop_resize_paste(CHN, srcs, 2, r, count, &task, -1),
		  HI_ERR_VPC_ILLEGAL_PARAM);
	hi_mpi_dvpp_free(a.picture_address);
	hi_mpi_dvpp_free(r[0].dest_pic_info.picture_address);
	hi_mpi_dvpp_free(r[1].dest_pic_info.picture_address);
}

/* One resize call from a valid NV12 64x32 picture to a valid 32x16 one, with overrides. */
static hi_s32 resize(const hi_vpc_pic_info *src, hi_vpc_pic_info *dst)
{
	hi_u32 task = 0;
	hi_s32 ret = hi_mpi_vpc_resize(CHN, src, dst, 0, 0, 0, &task, -1);

	if (ret == HI_SUCCESS)
		wait_ok(task);
	return ret;
}

static void vpc_rule_addresses(void **state)
{
	hi_vpc_pic_info src = v2_new_pic(HI_PIXEL_FORMAT_YUV_SEMIPLANAR_420, 64, 32, 64, 32);
	hi_vpc_pic_info dst = v2_new_pic(HI_PIXEL_FORMAT_YUV_SEMIPLANAR_420, 32, 16, 32, 16);
	hi_vpc_pic_info bad;
	void *heap = malloc(64 * 32 * 3 / 2), *dev = NULL, *freed;

	(void)state;
	assert_hi(resize(&src, &dst), HI_SUCCESS);
	/* Heap memory as input or output. */
	bad = src;
	bad.picture_address = heap;
	assert_hi(resize(&bad, &dst), HI_ERR_VPC_BAD_ADDR);
	bad = dst;
	bad.picture_address = heap;
	assert_hi(resize(&src, &bad), HI_ERR_VPC_BAD_ADDR);
	/* The last byte outside the block: a declared size far beyond what was allocated. */
	bad = src;
	bad.picture_buffer_size = 0x40000000u;
	assert_hi(resize(&bad, &dst), HI_ERR_VPC_BAD_ADDR);
	/*
	 * A picture starting inside the newest block and running past its end. (Only the first
	 * and the last byte are checked, as in CANN: running into a live neighbour would pass.)
	 */
	bad = dst;
	bad.picture_address = (uint8_t *)dst.picture_address + 32 * 16 * 3 / 2 - 100;
	assert_hi(resize(&src, &bad), HI_ERR_VPC_BAD_ADDR);
	/* Freed DVPP memory. */
	freed = v2_dvpp(64 * 32 * 3 / 2);
	assert_hi(hi_mpi_dvpp_free(freed), HI_SUCCESS);
	bad = src;
	bad.picture_address = freed;
	assert_hi(resize(&bad, &dst), HI_ERR_VPC_BAD_ADDR);
	/* aclrtMalloc memory: not DVPP memory on the default SoC (Ascend310P3). */
	assert_hi(aclrtMalloc(&dev, 64 * 32 * 3 / 2, ACL_MEM_MALLOC_HUGE_FIRST), 0);
	bad = src;
	bad.picture_address = dev;
	assert_hi(resize(&bad, &dst), HI_ERR_VPC_BAD_ADDR);
	/* NULL picture address. */
	bad = src;
	bad.picture_address = NULL;
	assert_hi(resize(&bad, &dst), HI_ERR_VPC_NULL_PTR);
	aclrtFree(dev);
	free(heap);
	hi_mpi_dvpp_free(src.picture_address);
	hi_mpi_dvpp_free(dst.picture_address);
}

static void vpc_rule_sizes_and_strides(void **state)
{
	hi_vpc_pic_info src = v2_new_pic(HI_PIXEL_FORMAT_YUV_SEMIPLANAR_420, 64, 32, 64, 32);
	hi_vpc_pic_info dst = v2_new_pic(HI_PIXEL_FORMAT_YUV_SEMIPLANAR_420, 32, 16, 32, 16);
	hi_vpc_pic_info rgb = v2_new_pic(HI_PIXEL_FORMAT_RGB_888, 32, 16, 96, 16);
	hi_vpc_pic_info bad;
	hi_u32 task;

	(void)state;
	/* Declared size one byte short of ws * hs * 3 / 2. */
	bad = src;
	bad.picture_buffer_size = 64 * 32 * 3 / 2 - 1;
	assert_hi(resize(&bad, &dst), HI_ERR_VPC_ILLEGAL_PARAM);
	bad = dst;
	bad.picture_buffer_size = 32 * 16 * 3 / 2 - 1;
	assert_hi(resize(&src, &bad), HI_ERR_VPC_ILLEGAL_PARAM);
	/* Width stride below the width, odd for YUV420SP; odd height stride. */
	bad = src;
	bad.picture_width_stride = 62;
	assert_hi(resize(&bad, &dst), HI_ERR_VPC_ILLEGAL_PARAM);
	bad = dst;
	bad.picture_width = 30;
	bad.picture_width_stride = 31;
	assert_hi(resize(&src, &bad), HI_ERR_VPC_ILLEGAL_PARAM);
	bad = src;
	bad.picture_height = 30;
	bad.picture_height_stride = 31;
	assert_hi(resize(&bad, &dst), HI_ERR_VPC_ILLEGAL_PARAM);
	/* RGB888: the stride counts 3 bytes per pixel, so width x 1 is too small. */
	bad = rgb;
	bad.picture_width_stride = 32;
	assert_hi(hi_mpi_vpc_convert_color(CHN, &src, &bad, &task, -1) == HI_SUCCESS, 0);
	/* Dimensions: below the 10x6 minimum, odd for YUV420SP, output above 4096. */
	bad = dst;
	bad.picture_width = 8;
	assert_hi(resize(&src, &bad), HI_ERR_VPC_ILLEGAL_PARAM);
	bad = dst;
	bad.picture_height = 15;
	assert_hi(resize(&src, &bad), HI_ERR_VPC_ILLEGAL_PARAM);
	bad = dst;
	bad.picture_width = 4098;
	bad.picture_width_stride = 4098;
	assert_hi(resize(&src, &bad), HI_ERR_VPC_ILLEGAL_PARAM);
	/* Unknown format; resize between formats; bad interpolation. */
	bad = src;
	bad.picture_format = HI_PIXEL_FORMAT_UNKNOWN;
	assert_hi(resize(&bad, &dst), HI_ERR_VPC_ILLEGAL_PARAM);
	assert_hi(resize(&src, &rgb), HI_ERR_VPC_ILLEGAL_PARAM);
	assert_hi(hi_mpi_vpc_resize(CHN, &src, &dst, 0, 0, 2, &task, -1), HI_ERR_VPC_ILLEGAL_PARAM);
	/* Convert: sizes must match. */
	assert_hi(hi_mpi_vpc_convert_color(CHN, &src, &rgb, &task, -1), HI_ERR_VPC_ILLEGAL_PARAM);
	hi_mpi_dvpp_free(src.picture_address);
	hi_mpi_dvpp_free(dst.picture_address);
	hi_mpi_dvpp_free(rgb.picture_address);
}

static void vpc_rule_regions(void **state)
{
	hi_vpc_pic_info src = v2_new_pic(HI_PIXEL_FORMAT_YUV_SEMIPLANAR_420, 64, 32, 64, 32);
	hi_vpc_crop_region_info c = {
		v2_new_pic(HI_PIXEL_FORMAT_YUV_SEMIPLANAR_420, 20, 10, 20, 10), { 0, 0, 20, 10 }
	};
	hi_vpc_crop_resize_paste_region p = {
		v2_new_pic(HI_PIXEL_FORMAT_YUV_SEMIPLANAR_420, 32, 16, 32, 16),
		{ 0, 0, 16, 8 },
		{ 16, 8, 0 },
		0,
		0,
	};
	hi_u32 task;

	(void)state;
	c.crop_region.left_offset = 50; /* 50 + 20 > 64 */
	assert_hi(hi_mpi_vpc_crop(CHN, &src, &c, 1, &task, -1), HI_ERR_VPC_ILLEGAL_PARAM);
	c.crop_region.left_offset = 3; /* odd offset in YUV420SP */
	assert_hi(hi_mpi_vpc_crop(CHN, &src, &c, 1, &task, -1), HI_ERR_VPC_ILLEGAL_PARAM);
	c.crop_region.left_offset = 0;
	assert_hi(hi_mpi_vpc_crop(CHN, &src, &c, 0, &task, -1), HI_ERR_VPC_ILLEGAL_PARAM);
	assert_hi(hi_mpi_vpc_crop(CHN, &src, NULL, 1, &task, -1), HI_ERR_VPC_NULL_PTR);
	p.dest_left_offset = 20; /* 20 + 16 > 32 */
	assert_hi(hi_mpi_vpc_crop_resize_paste(CHN, &src, &p, 1, &task, -1),
		  HI_ERR_VPC_ILLEGAL_PARAM);
	p.dest_left_offset = 0;
	p.resize_info.interpolation = 7;
	assert_hi(hi_mpi_vpc_crop_resize_paste(CHN, &src, &p, 1, &task, -1),
		  HI_ERR_VPC_ILLEGAL_PARAM);
	hi_mpi_dvpp_free(src.picture_address);
	hi_mpi_dvpp_free(c.dest_pic_info.picture_address);
	hi_mpi_dvpp_free(p.dest_pic_info.picture_address);
}

static void vpc_rule_channels_and_tasks(void **state)
{
	hi_vpc_pic_info src = v2_new_pic(HI_PIXEL_FORMAT_YUV_SEMIPLANAR_420, 64, 32, 64, 32);
	hi_vpc_pic_info dst = v2_new_pic(HI_PIXEL_FORMAT_YUV_SEMIPLANAR_420, 32, 16, 32, 16);
	hi_vpc_chn_attr attr = { 0, 64, 64 };
	hi_vpc_chn sys = -1;
	hi_u32 task = 0;

	(void)state;
	assert_hi(hi_mpi_vpc_resize(-1, &src, &dst, 0, 0, 0, &task, -1), HI_ERR_VPC_INVALID_CHN_ID);
	assert_hi(hi_mpi_vpc_resize(VPC_MAX_CHN_NUM, &src, &dst, 0, 0, 0, &task, -1),
		  HI_ERR_VPC_INVALID_CHN_ID);
	assert_hi(hi_mpi_vpc_resize(CHN + 1, &src, &dst, 0, 0, 0, &task, -1), HI_ERR_VPC_UNEXIST);
	assert_hi(hi_mpi_vpc_resize(CHN, NULL, &dst, 0, 0, 0, &task, -1), HI_ERR_VPC_NULL_PTR);
	assert_hi(hi_mpi_vpc_resize(CHN, &src, NULL, 0, 0, 0, &task, -1), HI_ERR_VPC_NULL_PTR);
	assert_hi(hi_mpi_vpc_resize(CHN, &src, &dst, 0, 0, 0, NULL, -1), HI_ERR_VPC_NULL_PTR);
	assert_hi(hi_mpi_vpc_create_chn(CHN, &attr), HI_ERR_VPC_EXIST);
	assert_hi(hi_mpi_vpc_create_chn(CHN + 1, NULL), HI_ERR_VPC_NULL_PTR);
	assert_hi(hi_mpi_vpc_create_chn(VPC_MAX_CHN_NUM, &attr), HI_ERR_VPC_INVALID_CHN_ID);
	assert_hi(hi_mpi_vpc_destroy_chn(CHN + 1), HI_ERR_VPC_UNEXIST);
	/* sys_create_chn picks a free id; it then works like any channel. */
	assert_hi(hi_mpi_vpc_sys_create_chn(&sys, &attr), HI_SUCCESS);
	assert_true(sys >= 0 && sys < VPC_MAX_CHN_NUM && sys != CHN);
	assert_hi(hi_mpi_vpc_resize(sys, &src, &dst, 0, 0, 0, &task, -1), HI_SUCCESS);
	assert_hi(hi_mpi_vpc_get_process_result(sys, task, -1), HI_SUCCESS);
	/* A task id is collected once. */
	assert_hi(hi_mpi_vpc_get_process_result(sys, task, -1), HI_ERR_VPC_ILLEGAL_PARAM);
	assert_hi(hi_mpi_vpc_get_process_result(sys, task + 100, 0), HI_ERR_VPC_ILLEGAL_PARAM);
	assert_hi(hi_mpi_vpc_destroy_chn(sys), HI_SUCCESS);
	assert_hi(hi_mpi_vpc_get_process_result(sys, task, 0), HI_ERR_VPC_UNEXIST);
	hi_mpi_dvpp_free(src.picture_address);
	hi_mpi_dvpp_free(dst.picture_address);
}

/* Several threads submit to one channel and collect their own tasks. */
struct worker_arg {
	hi_vpc_pic_info src, dst;
	int failures;
};

static void *submit_many(void *p)
{
	struct worker_arg *a = p;
	int i;

	for (i = 0; i < 40; i++) {
		hi_u32 task = 0;

		if (hi_mpi_vpc_resize(CHN, &a->src, &a->dst, 0, 0, 0, &task, -1) != HI_SUCCESS ||
		    hi_mpi_vpc_get_process_result(CHN, task, -1) != HI_SUCCESS)
			a->failures++;
	}
	return NULL;
}

static void vpc_threads_share_a_channel(void **state)
{
	struct worker_arg args[4];
	pthread_t threads[4];
	int i;

	(void)state;
	for (i = 0; i < 4; i++) {
		args[i].src = v2_new_pic(HI_PIXEL_FORMAT_YUV_SEMIPLANAR_420, 32, 16, 32, 16);
		args[i].dst = v2_new_pic(HI_PIXEL_FORMAT_YUV_SEMIPLANAR_420, 16, 8, 16, 8);
		args[i].failures = 0;
		memset(args[i].src.picture_address, 10 * (i + 1), 32 * 16 * 3 / 2);
		assert_int_equal(pthread_create(&threads[i], NULL, submit_many, &args[i]), 0);
	}
	for (i = 0; i < 4; i++) {
		assert_int_equal(pthread_join(threads[i], NULL), 0);
		assert_int_equal(args[i].failures, 0);
		/* Each thread's output is its own input, scaled. */
		assert_hi(bytes(&args[i].dst)[0], 10 * (i + 1));
		hi_mpi_dvpp_free(args[i].src.picture_address);
		hi_mpi_dvpp_free(args[i].dst.picture_address);
	}
}

/* ---- with ASCEND_SIM_TASK_DELAY_US=200000 ------------------------------------------------- */

static double now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static void async_result_only_after_get(void **state)
{
	hi_vpc_pic_info src = v2_new_pic(HI_PIXEL_FORMAT_YUV_SEMIPLANAR_420, 32, 16, 32, 16);
	hi_vpc_crop_region_info c = {
		v2_new_pic(HI_PIXEL_FORMAT_YUV_SEMIPLANAR_420, 32, 16, 32, 16), { 0, 0, 32, 16 }
	};
	hi_u32 task = 0, i;
	double t0;

	(void)state;
	v2_fill(&src);
	memset(c.dest_pic_info.picture_address, 0, 32 * 16 * 3 / 2);
	t0 = now_ms();
	assert_hi(hi_mpi_vpc_crop(CHN, &src, &c, 1, &task, -1), HI_SUCCESS);
	assert_true(now_ms() - t0 < 150); /* the call itself does not wait */
	/* Still pending: no pixels yet, and a non-blocking query says so. */
	for (i = 0; i < 32 * 16; i++)
		assert_hi(bytes(&c.dest_pic_info)[i], 0);
	assert_hi(hi_mpi_vpc_get_process_result(CHN, task, 0),
		  HI_DEFINE_ERR(HI_ID_VPC, HI_ERR_LEVEL_ERROR, HI_ERR_TIMEOUT));
	assert_hi(hi_mpi_vpc_get_process_result(CHN, task, 20),
		  HI_DEFINE_ERR(HI_ID_VPC, HI_ERR_LEVEL_ERROR, HI_ERR_TIMEOUT));
	assert_hi(hi_mpi_vpc_get_process_result(CHN, task, -1), HI_SUCCESS);
	assert_true(now_ms() - t0 >= 190);
	assert_memory_equal(c.dest_pic_info.picture_address, src.picture_address, 32 * 16 * 3 / 2);
	hi_mpi_dvpp_free(src.picture_address);
	hi_mpi_dvpp_free(c.dest_pic_info.picture_address);
}

static void async_freed_before_run(void **state)
{
	hi_vpc_pic_info src = v2_new_pic(HI_PIXEL_FORMAT_YUV_SEMIPLANAR_420, 32, 16, 32, 16);
	hi_vpc_pic_info dst = v2_new_pic(HI_PIXEL_FORMAT_YUV_SEMIPLANAR_420, 16, 8, 16, 8);
	hi_u32 task = 0, i;

	(void)state;
	memset(dst.picture_address, 0x5A, 16 * 8 * 3 / 2);
	assert_hi(hi_mpi_vpc_resize(CHN, &src, &dst, 0, 0, 0, &task, -1), HI_SUCCESS);
	/* The program frees the input while the task still waits for the hardware. */
	assert_hi(hi_mpi_dvpp_free(src.picture_address), HI_SUCCESS);
	assert_hi(hi_mpi_vpc_get_process_result(CHN, task, -1), HI_ERR_VPC_BAD_ADDR);
	for (i = 0; i < 16 * 8 * 3 / 2; i++)
		assert_hi(bytes(&dst)[i], 0x5A);
	hi_mpi_dvpp_free(dst.picture_address);
}

int main(int argc, char **argv)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(vpc_resize_bilinear_nv12, chn_setup, chn_teardown),
		cmocka_unit_test_setup_teardown(vpc_resize_nearest_rgb, chn_setup, chn_teardown),
		cmocka_unit_test_setup_teardown(vpc_crop_exact, chn_setup, chn_teardown),
		cmocka_unit_test_setup_teardown(vpc_crop_resize, chn_setup, chn_teardown),
		cmocka_unit_test_setup_teardown(vpc_crop_resize_paste, chn_setup, chn_teardown),
		cmocka_unit_test_setup_teardown(vpc_batch_crop_resize_paste, chn_setup,
						chn_teardown),
		cmocka_unit_test_setup_teardown(vpc_convert_color_nv12_to_rgb, chn_setup,
						chn_teardown),
		cmocka_unit_test_setup_teardown(vpc_convert_color_rgb_to_nv21, chn_setup,
						chn_teardown),
		cmocka_unit_test_setup_teardown(vpc_copy_make_border, chn_setup, chn_teardown),
		cmocka_unit_test_setup_teardown(vpc_crop_resize_make_border, chn_setup,
						chn_teardown),
		cmocka_unit_test_setup_teardown(vpc_rule_addresses, chn_setup, chn_teardown),
		cmocka_unit_test_setup_teardown(vpc_rule_batch, chn_setup, chn_teardown),
		cmocka_unit_test_setup_teardown(vpc_threads_share_a_channel, chn_setup,
						chn_teardown),
		cmocka_unit_test_setup_teardown(vpc_rule_sizes_and_strides, chn_setup,
						chn_teardown),
		cmocka_unit_test_setup_teardown(vpc_rule_regions, chn_setup, chn_teardown),
		cmocka_unit_test_setup_teardown(vpc_rule_channels_and_tasks, chn_setup,
						chn_teardown),
		cmocka_unit_test_setup_teardown(async_result_only_after_get, chn_setup,
						chn_teardown),
		cmocka_unit_test_setup_teardown(async_freed_before_run, chn_setup, chn_teardown),
	};

	return v2_run("sim.v2.vpc", tests, sizeof(tests) / sizeof(tests[0]), argc, argv);
}
