/* SPDX-License-Identifier: MIT */
/*
 * hi_mpi_pngd_*: PNG decoding into the program's RGB/RGBA picture, exact against the encoded
 * pixels (PNG is lossless), and the PNGD user library's buffer checks with the PNGD codes.
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
#include <png.h>

#include "v2_util.h"
/* clang-format on */

#define CHN 5
#define W   50
#define H   30

static uint8_t rgb[W * H * 3];
static void *png_data;
static size_t png_len;

static int chn_setup(void **state)
{
	hi_pngd_chn_attr attr = { 0 };
	png_image img;
	png_alloc_size_t len = 0;
	uint32_t i;

	(void)state;
	for (i = 0; i < sizeof(rgb); i++)
		rgb[i] = v2_pat(i % (W * 3), i / (W * 3), 0);
	memset(&img, 0, sizeof(img));
	img.version = PNG_IMAGE_VERSION;
	img.width = W;
	img.height = H;
	img.format = PNG_FORMAT_RGB;
	assert_true(png_image_write_to_memory(&img, NULL, &len, 0, rgb, W * 3, NULL));
	png_data = v2_dvpp(len);
	assert_true(png_image_write_to_memory(&img, png_data, &len, 0, rgb, W * 3, NULL));
	png_len = len;
	assert_hi(hi_mpi_pngd_create_chn(CHN, &attr), HI_SUCCESS);
	return 0;
}

static int chn_teardown(void **state)
{
	(void)state;
	assert_hi(hi_mpi_pngd_destroy_chn(CHN), HI_SUCCESS);
	hi_mpi_dvpp_free(png_data);
	return 0;
}

static hi_img_stream stream_of(void *addr, size_t len)
{
	hi_img_stream s = { HI_PT_PNG, addr, (hi_u32)len, 0, { 0, 0 } };

	return s;
}

static void pngd_decodes_exactly(void **state)
{
	hi_img_stream s = stream_of(png_data, png_len), back;
	hi_img_info info;
	hi_pic_info pic, got;
	uint8_t *out;
	uint32_t x, y, k;

	(void)state;
	assert_hi(hi_mpi_png_get_image_info(&s, &info), HI_SUCCESS);
	assert_hi(info.width, W);
	assert_hi(info.height, H);
	assert_hi(info.png_pixel_format, HI_PNG_COLOR_FORMAT_RGB);
	assert_hi(info.width_stride, 64 * 3); /* 50 aligned to 16, 3 bytes per pixel */
	assert_hi(info.img_buf_size, 64 * 3 * H);
	/* RGB888 output: the encoded pixels exactly. */
	out = v2_dvpp(info.img_buf_size);
	pic = (hi_pic_info){ out, info.img_buf_size,	  W, H, info.width_stride,
			     H,	  HI_PIXEL_FORMAT_RGB_888 };
	assert_hi(hi_mpi_pngd_send_stream(CHN, &s, &pic, -1), HI_SUCCESS);
	assert_hi(hi_mpi_pngd_get_image_data(CHN, &got, &back, -1), HI_SUCCESS);
	assert_ptr_equal(got.picture_address, out);
	assert_ptr_equal(back.addr, png_data);
	assert_hi(got.picture_width, W);
	for (y = 0; y < H; y++)
		assert_memory_equal(out + y * info.width_stride, rgb + y * W * 3, W * 3);
	hi_mpi_dvpp_free(out);
	/* RGBA8888 output: the same colours, opaque. */
	out = v2_dvpp(64 * 4 * H);
	pic = (hi_pic_info){ out, 64 * 4 * H, W, H, 64 * 4, H, HI_PIXEL_FORMAT_RGBA_8888 };
	assert_hi(hi_mpi_pngd_send_stream(CHN, &s, &pic, -1), HI_SUCCESS);
	assert_hi(hi_mpi_pngd_get_image_data(CHN, &got, &back, -1), HI_SUCCESS);
	for (y = 0; y < H; y++)
		for (x = 0; x < W; x++) {
			for (k = 0; k < 3; k++)
				assert_hi(out[y * 256 + 4 * x + k], rgb[(y * W + x) * 3 + k]);
			assert_hi(out[y * 256 + 4 * x + 3], 255);
		}
	/* Nothing left. */
	assert_hi(hi_mpi_pngd_get_image_data(CHN, &got, &back, 0), HI_ERR_PNGD_BUF_EMPTY);
	hi_mpi_dvpp_free(out);
}

static void pngd_rules(void **state)
{
	uint8_t *out = v2_dvpp(64 * 3 * H), *junk = v2_dvpp(64);
	void *heap = malloc(64 * 3 * H);
	hi_img_stream s = stream_of(png_data, png_len), bs, back;
	hi_pic_info pic = { out, 64 * 3 * H, W, H, 64 * 3, H, HI_PIXEL_FORMAT_RGB_888 }, bad, got;
	hi_pngd_chn_attr attr = { 0 };

	(void)state;
	/* The stream and the output must be DVPP memory, first and last byte. */
	memcpy(heap, png_data, png_len);
	bs = stream_of(heap, png_len);
	assert_hi(hi_mpi_pngd_send_stream(CHN, &bs, &pic, -1), HI_ERR_PNGD_BAD_ADDR);
	bs = stream_of(png_data, 0x10000000u);
	assert_hi(hi_mpi_pngd_send_stream(CHN, &bs, &pic, -1), HI_ERR_PNGD_BAD_ADDR);
	bad = pic;
	bad.picture_address = heap;
	assert_hi(hi_mpi_pngd_send_stream(CHN, &s, &bad, -1), HI_ERR_PNGD_BAD_ADDR);
	bad = pic;
	bad.picture_address = junk; /* the newest block: 64 bytes, the picture needs more */
	assert_hi(hi_mpi_pngd_send_stream(CHN, &s, &bad, -1), HI_ERR_PNGD_BAD_ADDR);
	/* Picture description: size, stride, format. */
	bad = pic;
	bad.picture_buffer_size -= 1;
	assert_hi(hi_mpi_pngd_send_stream(CHN, &s, &bad, -1), HI_ERR_PNGD_ILLEGAL_PARAM);
	bad = pic;
	bad.picture_width_stride = W * 3 - 3;
	assert_hi(hi_mpi_pngd_send_stream(CHN, &s, &bad, -1), HI_ERR_PNGD_ILLEGAL_PARAM);
	bad = pic;
	bad.picture_format = HI_PIXEL_FORMAT_YUV_SEMIPLANAR_420;
	assert_hi(hi_mpi_pngd_send_stream(CHN, &s, &bad, -1), HI_ERR_PNGD_ILLEGAL_PARAM);
	assert_hi(hi_mpi_pngd_send_stream(CHN, NULL, &pic, -1), HI_ERR_PNGD_NULL_PTR);
	/* Channels. */
	assert_hi(hi_mpi_pngd_send_stream(PNGD_MAX_CHN_NUM, &s, &pic, -1),
		  HI_ERR_PNGD_INVALID_CHN_ID);
	assert_hi(hi_mpi_pngd_send_stream(CHN + 1, &s, &pic, -1), HI_ERR_PNGD_UNEXIST);
	assert_hi(hi_mpi_pngd_create_chn(CHN, &attr), HI_ERR_PNGD_EXIST);
	/* Data that is not a PNG: refused by get_image_info, failed by the decoder. */
	memset(junk, 0x3C, 64);
	bs = stream_of(junk, 64);
	assert_hi(hi_mpi_png_get_image_info(&bs, &(hi_img_info){ 0 }), HI_ERR_PNGD_ILLEGAL_PARAM);
	assert_hi(hi_mpi_pngd_send_stream(CHN, &bs, &pic, -1), HI_SUCCESS);
	assert_hi(hi_mpi_pngd_get_image_data(CHN, &got, &back, -1), HI_ERR_PNGD_ILLEGAL_PARAM);
	assert_ptr_equal(back.addr, junk); /* handed back so that it can be freed */
	free(heap);
	hi_mpi_dvpp_free(out);
	hi_mpi_dvpp_free(junk);
}

int main(int argc, char **argv)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(pngd_decodes_exactly, chn_setup, chn_teardown),
		cmocka_unit_test_setup_teardown(pngd_rules, chn_setup, chn_teardown),
	};

	return v2_run("sim.v2.pngd", tests, sizeof(tests) / sizeof(tests[0]), argc, argv);
}
