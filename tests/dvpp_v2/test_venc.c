/* SPDX-License-Identifier: MIT */
/*
 * hi_mpi_venc_*: frames in, stream packets out (H.264: the documented synthetic packet, which
 * depends on the frame's pixels; JPEG: a real JPEG that libjpeg decodes back to the frame),
 * release, and the buffer checks with the VENC codes.
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

#define CHN 0
#define W   64
#define H   32

static int chn_setup(void **state)
{
	hi_venc_chn_attr attr;
	hi_venc_start_param start = { -1 };

	(void)state;
	memset(&attr, 0, sizeof(attr));
	attr.venc_attr.type = HI_PT_H264;
	attr.venc_attr.max_pic_width = 1920;
	attr.venc_attr.max_pic_height = 1080;
	attr.venc_attr.pic_width = W;
	attr.venc_attr.pic_height = H;
	attr.rc_attr.rc_mode = HI_VENC_RC_MODE_H264_CBR;
	assert_hi(hi_mpi_venc_create_chn(CHN, &attr), HI_SUCCESS);
	assert_hi(hi_mpi_venc_start_chn(CHN, &start), HI_SUCCESS);
	return 0;
}

static int chn_teardown(void **state)
{
	(void)state;
	assert_hi(hi_mpi_venc_stop_chn(CHN), HI_SUCCESS);
	assert_hi(hi_mpi_venc_destroy_chn(CHN), HI_SUCCESS);
	return 0;
}

static hi_video_frame_info frame_of(void *buf, hi_u64 pts)
{
	hi_video_frame_info f;

	memset(&f, 0, sizeof(f));
	f.v_frame.width = W;
	f.v_frame.height = H;
	f.v_frame.pixel_format = HI_PIXEL_FORMAT_YUV_SEMIPLANAR_420;
	f.v_frame.width_stride[0] = W;
	f.v_frame.height_stride[0] = H;
	f.v_frame.virt_addr[0] = buf;
	f.v_frame.pts = pts;
	return f;
}

static uint32_t frame_hash(const uint8_t *p)
{
	uint32_t h = 2166136261u, i;

	/* Visible pixels: W x H luma then W x H/2 chroma (strides equal the sizes here). */
	for (i = 0; i < W * H * 3 / 2; i++) {
		h ^= p[i];
		h *= 16777619u;
	}
	return h;
}

static void venc_round_trip(void **state)
{
	hi_vpc_pic_info pics[2] = {
		v2_new_pic(HI_PIXEL_FORMAT_YUV_SEMIPLANAR_420, W, H, W, H),
		v2_new_pic(HI_PIXEL_FORMAT_YUV_SEMIPLANAR_420, W, H, W, H),
	};
	hi_venc_pack pack;
	hi_venc_stream stream;
	int i;

	(void)state;
	v2_fill(&pics[0]);
	memset(pics[1].picture_address, 0x42, W * H * 3 / 2);
	for (i = 0; i < 2; i++) {
		hi_video_frame_info f = frame_of(pics[i].picture_address, 1000 + i);

		assert_hi(hi_mpi_venc_send_frame(CHN, &f, -1), HI_SUCCESS);
	}
	for (i = 0; i < 2; i++) {
		const uint8_t *p;
		uint32_t h = frame_hash(pics[i].picture_address);

		memset(&stream, 0, sizeof(stream));
		stream.pack = &pack;
		stream.pack_cnt = 1;
		assert_hi(hi_mpi_venc_get_stream(CHN, &stream, -1), HI_SUCCESS);
		assert_hi(stream.pack_cnt, 1);
		assert_hi(stream.seq, i);
		assert_hi(pack.pts, 1000 + i);
		assert_hi(pack.len, 13);
		p = pack.addr;
		/* Start code, IDR then non-IDR NAL header, size, hash of the pixels. */
		assert_hi(p[0] | p[1] | p[2], 0);
		assert_hi(p[3], 1);
		assert_hi(p[4], i == 0 ? 0x65 : 0x41);
		assert_hi((p[5] << 8) | p[6], W);
		assert_hi((p[7] << 8) | p[8], H);
		assert_hi(((uint32_t)p[9] << 24) | (p[10] << 16) | (p[11] << 8) | p[12], h);
		assert_hi(pack.data_type.h264_type,
			  i == 0 ? HI_VENC_H264_NALU_IDR_SLICE : HI_VENC_H264_NALU_P_SLICE);
		assert_hi(hi_mpi_venc_release_stream(CHN, &stream), HI_SUCCESS);
		assert_hi(hi_mpi_venc_release_stream(CHN, &stream), HI_ERR_VENC_ILLEGAL_PARAM);
	}
	stream.pack = &pack;
	stream.pack_cnt = 1;
	assert_hi(hi_mpi_venc_get_stream(CHN, &stream, 0), HI_ERR_VENC_BUF_EMPTY);
	hi_mpi_dvpp_free(pics[0].picture_address);
	hi_mpi_dvpp_free(pics[1].picture_address);
}

static void venc_rules(void **state)
{
	void *buf = v2_dvpp(W * H * 3 / 2), *heap = malloc(W * H * 3 / 2);
	hi_video_frame_info f = frame_of(buf, 0), bad;
	hi_venc_stream stream = { 0 };
	hi_venc_start_param start = { -1 };

	(void)state;
	bad = frame_of(heap, 0);
	assert_hi(hi_mpi_venc_send_frame(CHN, &bad, -1), HI_ERR_VENC_BAD_ADDR);
	bad = f;
	bad.v_frame.height_stride[0] = H * 4; /* the frame would run past its block */
	bad.v_frame.virt_addr[0] = (uint8_t *)buf + 64;
	assert_hi(hi_mpi_venc_send_frame(CHN, &bad, -1), HI_ERR_VENC_BAD_ADDR);
	bad = f;
	bad.v_frame.width_stride[0] = 60;
	assert_hi(hi_mpi_venc_send_frame(CHN, &bad, -1), HI_ERR_VENC_ILLEGAL_PARAM);
	bad = f;
	bad.v_frame.pixel_format = HI_PIXEL_FORMAT_RGB_888;
	assert_hi(hi_mpi_venc_send_frame(CHN, &bad, -1), HI_ERR_VENC_ILLEGAL_PARAM);
	bad = f;
	bad.v_frame.virt_addr[0] = NULL;
	assert_hi(hi_mpi_venc_send_frame(CHN, &bad, -1), HI_ERR_VENC_NULL_PTR);
	assert_hi(hi_mpi_venc_send_frame(CHN, NULL, -1), HI_ERR_VENC_NULL_PTR);
	assert_hi(hi_mpi_venc_send_frame(CHN + 1, &f, -1), HI_ERR_VENC_UNEXIST);
	assert_hi(hi_mpi_venc_send_frame(-1, &f, -1), HI_ERR_VENC_INVALID_CHN_ID);
	assert_hi(hi_mpi_venc_get_stream(CHN, &stream, 0), HI_ERR_VENC_NULL_PTR);
	assert_hi(hi_mpi_venc_start_chn(CHN, NULL), HI_ERR_VENC_NULL_PTR);
	/* Stopped: frames are refused. */
	assert_hi(hi_mpi_venc_stop_chn(CHN), HI_SUCCESS);
	assert_hi(hi_mpi_venc_send_frame(CHN, &f, -1), HI_ERR_VENC_NOT_PERM);
	assert_hi(hi_mpi_venc_start_chn(CHN, &start), HI_SUCCESS);
	free(heap);
	hi_mpi_dvpp_free(buf);
}

#define JCHN 1

static int jpeg_setup(void **state)
{
	hi_venc_chn_attr attr;
	hi_venc_start_param start = { -1 };

	(void)state;
	memset(&attr, 0, sizeof(attr));
	attr.venc_attr.type = HI_PT_JPEG;
	attr.venc_attr.max_pic_width = 4096;
	attr.venc_attr.max_pic_height = 4096;
	assert_hi(hi_mpi_venc_create_chn(JCHN, &attr), HI_SUCCESS);
	assert_hi(hi_mpi_venc_start_chn(JCHN, &start), HI_SUCCESS);
	return 0;
}

static int jpeg_teardown(void **state)
{
	(void)state;
	assert_hi(hi_mpi_venc_stop_chn(JCHN), HI_SUCCESS);
	assert_hi(hi_mpi_venc_destroy_chn(JCHN), HI_SUCCESS);
	return 0;
}

/* libjpeg decodes the packet; returns the luma PSNR against the frame (W x H NV12, stride W). */
static double luma_psnr(const uint8_t *jpeg, size_t len, const uint8_t *frame)
{
	struct jpeg_decompress_struct d;
	struct jpeg_error_mgr err;
	uint8_t row[W * 3];
	double se = 0;
	uint32_t x;

	d.err = jpeg_std_error(&err);
	jpeg_create_decompress(&d);
	jpeg_mem_src(&d, jpeg, (unsigned long)len);
	assert_int_equal(jpeg_read_header(&d, TRUE), JPEG_HEADER_OK);
	assert_int_equal(d.image_width, W);
	assert_int_equal(d.image_height, H);
	d.out_color_space = JCS_YCbCr;
	jpeg_start_decompress(&d);
	while (d.output_scanline < H) {
		JSAMPROW r = row;
		uint32_t y = d.output_scanline;

		jpeg_read_scanlines(&d, &r, 1);
		for (x = 0; x < W; x++) {
			double diff = (double)row[3 * x] - frame[y * W + x];

			se += diff * diff;
		}
	}
	jpeg_finish_decompress(&d);
	jpeg_destroy_decompress(&d);
	return se == 0 ? 99 : 10 * log10(255.0 * 255.0 / (se / (W * H)));
}

/* A smooth frame: JPEG at quality 90 keeps it well above 35 dB. */
static void smooth_frame(hi_vpc_pic_info *p)
{
	uint8_t *b = p->picture_address;
	uint32_t x, y;

	for (y = 0; y < H; y++)
		for (x = 0; x < W; x++)
			b[y * W + x] = (uint8_t)(40 + 2 * x + y);
	memset(b + W * H, 128, W * H / 2);
}

static void venc_jpeg_encodes(void **state)
{
	hi_vpc_pic_info pic = v2_new_pic(HI_PIXEL_FORMAT_YUV_SEMIPLANAR_420, W, H, W, H);
	hi_video_frame_info f = frame_of(pic.picture_address, 5);
	hi_venc_jpeg_param param = { 90 };
	hi_venc_pack pack;
	hi_venc_stream stream;
	hi_img_stream user;
	hi_u32 predicted = 0;

	(void)state;
	smooth_frame(&pic);
	/* Into the channel's own buffer. */
	assert_hi(hi_mpi_venc_send_frame(JCHN, &f, -1), HI_SUCCESS);
	memset(&stream, 0, sizeof(stream));
	stream.pack = &pack;
	stream.pack_cnt = 1;
	assert_hi(hi_mpi_venc_get_stream(JCHN, &stream, -1), HI_SUCCESS);
	assert_hi(pack.data_type.jpeg_type, HI_VENC_JPEG_PACK_PIC);
	assert_true(pack.len > 100 && pack.addr[0] == 0xFF && pack.addr[1] == 0xD8);
	assert_true(luma_psnr(pack.addr, pack.len, pic.picture_address) > 35);
	assert_hi(hi_mpi_venc_release_stream(JCHN, &stream), HI_SUCCESS);
	/* Into the program's buffer, sized by the predicted size. */
	assert_hi(hi_mpi_venc_get_jpege_predicted_size(&f, &param, &predicted), HI_SUCCESS);
	assert_true(predicted >= W * H * 3 / 2);
	memset(&user, 0, sizeof(user));
	user.type = HI_PT_JPEG;
	user.addr = v2_dvpp(predicted);
	user.len = predicted;
	assert_hi(hi_mpi_venc_send_jpege_frame(JCHN, &f, &user, -1), HI_SUCCESS);
	assert_hi(hi_mpi_venc_get_stream(JCHN, &stream, -1), HI_SUCCESS);
	assert_ptr_equal(pack.addr, user.addr);
	assert_true(luma_psnr(pack.addr, pack.len, pic.picture_address) > 35);
	assert_hi(hi_mpi_venc_release_stream(JCHN, &stream), HI_SUCCESS);
	/* The program's buffer must be DVPP memory, and large enough. */
	hi_mpi_dvpp_free(user.addr);
	user.addr = malloc(predicted);
	assert_hi(hi_mpi_venc_send_jpege_frame(JCHN, &f, &user, -1), HI_ERR_VENC_BAD_ADDR);
	free(user.addr);
	user.addr = v2_dvpp(64);
	user.len = 64;
	assert_hi(hi_mpi_venc_send_jpege_frame(JCHN, &f, &user, -1), HI_SUCCESS);
	assert_hi(hi_mpi_venc_get_stream(JCHN, &stream, -1),
		  HI_DEFINE_ERR(HI_ID_VENC, HI_ERR_LEVEL_ERROR, HI_ERR_SIZE_NOT_ENOUGH));
	/* H.264 channels take no JPEG output buffer. */
	assert_hi(hi_mpi_venc_send_jpege_frame(CHN, &f, &user, -1), HI_ERR_VENC_UNEXIST);
	hi_mpi_dvpp_free(user.addr);
	hi_mpi_dvpp_free(pic.picture_address);
}

int main(int argc, char **argv)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(venc_round_trip, chn_setup, chn_teardown),
		cmocka_unit_test_setup_teardown(venc_rules, chn_setup, chn_teardown),
		cmocka_unit_test_setup_teardown(venc_jpeg_encodes, jpeg_setup, jpeg_teardown),
	};

	return v2_run("sim.v2.venc", tests, sizeof(tests) / sizeof(tests[0]), argc, argv);
}
