/* SPDX-License-Identifier: MIT */
/*
 * JPEG decoding through hi_mpi_vdec (type HI_PT_JPEG) and hi_mpi_dvpp_get_image_info, compared
 * with libjpeg-turbo's own decoding of the same data; JPEGD output stride rules (64x16 on 310P).
 */
/* cmocka needs its prerequisites first: keep this order. */
/* clang-format off */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <jpeglib.h>

#include "v2_util.h"
/* clang-format on */

#define CHN 4
#define W   100
#define H   75 /* odd: the decoder fills whole chroma cells */

static unsigned char *jpeg_data;
static unsigned long jpeg_len;

static void make_jpeg(void)
{
	struct jpeg_compress_struct c;
	struct jpeg_error_mgr err;
	uint8_t row[W * 3];
	JSAMPROW r = row;
	uint32_t x;

	c.err = jpeg_std_error(&err);
	jpeg_create_compress(&c);
	jpeg_mem_dest(&c, &jpeg_data, &jpeg_len);
	c.image_width = W;
	c.image_height = H;
	c.input_components = 3;
	c.in_color_space = JCS_RGB;
	jpeg_set_defaults(&c);
	jpeg_set_quality(&c, 90, TRUE);
	jpeg_start_compress(&c, TRUE);
	while (c.next_scanline < H) {
		for (x = 0; x < W; x++) {
			row[3 * x] = (uint8_t)(x * 2 + c.next_scanline);
			row[3 * x + 1] = (uint8_t)(255 - x * 2);
			row[3 * x + 2] = (uint8_t)(c.next_scanline * 3);
		}
		jpeg_write_scanlines(&c, &r, 1);
	}
	jpeg_finish_compress(&c);
	jpeg_destroy_compress(&c);
}

/* libjpeg's own decoding of the test image into cs (JCS_YCbCr or JCS_RGB), W*H*3 bytes. */
static uint8_t *reference(J_COLOR_SPACE cs)
{
	struct jpeg_decompress_struct d;
	struct jpeg_error_mgr err;
	uint8_t *out = malloc(W * H * 3);

	assert_non_null(out);
	d.err = jpeg_std_error(&err);
	jpeg_create_decompress(&d);
	jpeg_mem_src(&d, jpeg_data, jpeg_len);
	jpeg_read_header(&d, TRUE);
	d.out_color_space = cs;
	jpeg_start_decompress(&d);
	while (d.output_scanline < H) {
		JSAMPROW r = out + (size_t)d.output_scanline * W * 3;

		jpeg_read_scanlines(&d, &r, 1);
	}
	jpeg_finish_decompress(&d);
	jpeg_destroy_decompress(&d);
	return out;
}

static int chn_setup(void **state)
{
	hi_vdec_chn_attr attr = { 0 };

	(void)state;
	make_jpeg();
	attr.type = HI_PT_JPEG;
	attr.mode = HI_VDEC_SEND_MODE_FRAME;
	attr.pic_width = 4096;
	attr.pic_height = 4096;
	assert_hi(hi_mpi_vdec_create_chn(CHN, &attr), HI_SUCCESS);
	assert_hi(hi_mpi_vdec_start_recv_stream(CHN), HI_SUCCESS);
	return 0;
}

static int chn_teardown(void **state)
{
	(void)state;
	assert_hi(hi_mpi_vdec_stop_recv_stream(CHN), HI_SUCCESS);
	assert_hi(hi_mpi_vdec_destroy_chn(CHN), HI_SUCCESS);
	free(jpeg_data);
	jpeg_data = NULL;
	return 0;
}

static hi_vdec_stream dvpp_stream(void)
{
	uint8_t *s = v2_dvpp(jpeg_len);
	hi_vdec_stream st = { HI_TRUE, HI_FALSE, HI_FALSE, 0, 0, (hi_u32)jpeg_len, s };

	memcpy(s, jpeg_data, jpeg_len);
	return st;
}

/* Sends one stream with pic as output and returns the decoded frame's flag. */
static hi_u32 decode(const hi_vdec_stream *st, hi_vdec_pic_info *pic)
{
	hi_video_frame_info frame;
	hi_vdec_supplement_info sup;
	hi_vdec_stream got;
	hi_u32 flag;

	assert_hi(hi_mpi_vdec_send_stream(CHN, st, pic, -1), HI_SUCCESS);
	assert_hi(hi_mpi_vdec_get_frame(CHN, &frame, &sup, &got, -1), HI_SUCCESS);
	assert_ptr_equal(frame.v_frame.virt_addr[0], (void *)(uintptr_t)pic->vir_addr);
	flag = frame.v_frame.frame_flag;
	assert_hi(hi_mpi_vdec_release_frame(CHN, &frame), HI_SUCCESS);
	return flag;
}

static void jpegd_decode_matches_libjpeg(void **state)
{
	hi_vdec_stream st = dvpp_stream();
	hi_img_info info;
	hi_vdec_pic_info pic = { 0 };
	uint8_t *ycc = reference(JCS_YCbCr), *rgb = reference(JCS_RGB), *out;
	double se = 0, psnr;
	uint32_t x, y;

	(void)state;
	assert_hi(hi_mpi_dvpp_get_image_info(HI_PT_JPEG, &st, &info), HI_SUCCESS);
	assert_hi(info.width, W);
	assert_hi(info.height, H);
	assert_hi(info.width_stride, 128); /* 100 aligned to 64 */
	assert_hi(info.height_stride, 80); /* 75 aligned to 16 */
	assert_hi(info.img_buf_size, 128 * 80 * 3 / 2);
	assert_hi(info.pixel_format, HI_JPEG_RAW_FORMAT_YUV420);
	/* YUV420SP output: the luma plane is libjpeg's Y exactly. */
	pic = (hi_vdec_pic_info){ W,
				  H,
				  info.width_stride,
				  info.height_stride,
				  HI_PIXEL_FORMAT_YUV_SEMIPLANAR_420,
				  0,
				  info.img_buf_size };
	out = v2_dvpp(info.img_buf_size);
	pic.vir_addr = (hi_u64)(uintptr_t)out;
	assert_hi(decode(&st, &pic), 0);
	for (y = 0; y < H; y++)
		for (x = 0; x < W; x++)
			assert_hi(out[y * 128 + x], ycc[(y * W + x) * 3]);
	hi_mpi_dvpp_free(out);
	/* RGB888 output: libjpeg's RGB within rounding (PSNR well above 40 dB). */
	pic.pixel_format = HI_PIXEL_FORMAT_RGB_888;
	pic.width_stride = 128 * 3;
	pic.buffer_size = 128 * 3 * 80;
	out = v2_dvpp(pic.buffer_size);
	pic.vir_addr = (hi_u64)(uintptr_t)out;
	assert_hi(decode(&st, &pic), 0);
	for (y = 0; y < H; y++)
		for (x = 0; x < W * 3; x++) {
			double d = (double)out[y * 128 * 3 + x] - rgb[y * W * 3 + x];

			se += d * d;
		}
	psnr = se == 0 ? 99 : 10 * log10(255.0 * 255.0 / (se / (W * H * 3)));
	assert_true(psnr > 40);
	hi_mpi_dvpp_free(out);
	hi_mpi_dvpp_free(st.addr);
	free(ycc);
	free(rgb);
}

static void jpegd_rules(void **state)
{
	hi_vdec_stream st = dvpp_stream(), bad_st;
	uint8_t *out = v2_dvpp(128 * 80 * 3 / 2);
	hi_vdec_pic_info pic = { W,
				 H,
				 128,
				 80,
				 HI_PIXEL_FORMAT_YUV_SEMIPLANAR_420,
				 (hi_u64)(uintptr_t)out,
				 128 * 80 * 3 / 2 },
			 bad;
	hi_img_info info;
	uint8_t junk[64];

	(void)state;
	/* Width stride not a multiple of 64, height stride not a multiple of 16 (310P JPEGD). */
	bad = pic;
	bad.width_stride = 112;
	assert_hi(hi_mpi_vdec_send_stream(CHN, &st, &bad, -1), HI_ERR_VDEC_ILLEGAL_PARAM);
	bad = pic;
	bad.height_stride = 76;
	assert_hi(hi_mpi_vdec_send_stream(CHN, &st, &bad, -1), HI_ERR_VDEC_ILLEGAL_PARAM);
	bad = pic;
	bad.buffer_size = 128 * 80 * 3 / 2 - 1;
	assert_hi(hi_mpi_vdec_send_stream(CHN, &st, &bad, -1), HI_ERR_VDEC_ILLEGAL_PARAM);
	/* An output picture smaller than the image: the decode fails (frame flag). */
	bad = pic;
	bad.width = 64;
	assert_hi(decode(&st, &bad), 1);
	/* Not a JPEG. */
	memset(junk, 0x3C, sizeof(junk));
	bad_st = st;
	bad_st.addr = junk;
	bad_st.len = sizeof(junk);
	assert_hi(hi_mpi_dvpp_get_image_info(HI_PT_JPEG, &bad_st, &info),
		  HI_ERR_VDEC_ILLEGAL_PARAM);
	assert_hi(hi_mpi_dvpp_get_image_info(HI_PT_PNG, &st, &info), HI_ERR_VDEC_NOT_SUPPORT);
	memset(st.addr, 0x3C, 64);
	assert_hi(decode(&st, &pic), 1);
	hi_mpi_dvpp_free(out);
	hi_mpi_dvpp_free(st.addr);
}

int main(int argc, char **argv)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(jpegd_decode_matches_libjpeg, chn_setup,
						chn_teardown),
		cmocka_unit_test_setup_teardown(jpegd_rules, chn_setup, chn_teardown),
	};

	return v2_run("sim.v2.jpegd", tests, sizeof(tests) / sizeof(tests[0]), argc, argv);
}
