/* SPDX-License-Identifier: MIT */
/*
 * hi_mpi_vdec_*: the send / get / release round trip with the documented synthetic frame
 * pattern, and every validation rule with its exact VDEC code.
 */
/* cmocka needs its prerequisites first: keep this order. */
/* clang-format off */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "v2_util.h"
/* clang-format on */

#define CHN	 1
#define W	 176
#define H	 144
#define WS	 176
#define HS	 144
#define OUT_SIZE (WS * HS * 3 / 2)

static int chn_setup(void **state)
{
	hi_vdec_chn_attr attr = { 0 };

	(void)state;
	attr.type = HI_PT_H264;
	attr.mode = HI_VDEC_SEND_MODE_FRAME;
	attr.pic_width = 1920;
	attr.pic_height = 1080;
	attr.frame_buf_cnt = 8;
	assert_hi(hi_mpi_vdec_create_chn(CHN, &attr), HI_SUCCESS);
	assert_hi(hi_mpi_vdec_start_recv_stream(CHN), HI_SUCCESS);
	return 0;
}

static int chn_teardown(void **state)
{
	(void)state;
	assert_hi(hi_mpi_vdec_stop_recv_stream(CHN), HI_SUCCESS);
	assert_hi(hi_mpi_vdec_destroy_chn(CHN), HI_SUCCESS);
	return 0;
}

static uint8_t *new_stream(uint32_t len, uint8_t seed)
{
	uint8_t *s = v2_dvpp(len);
	uint32_t i;

	for (i = 0; i < len; i++)
		s[i] = (uint8_t)(seed * 31 + i * 7 + (i >> 3));
	return s;
}

static uint32_t fnv1a(const uint8_t *p, size_t n)
{
	uint32_t h = 2166136261u;

	while (n--) {
		h ^= *p++;
		h *= 16777619u;
	}
	return h;
}

static hi_vdec_pic_info out_info(void *buf)
{
	hi_vdec_pic_info p = {
		W, H, WS, HS, HI_PIXEL_FORMAT_YUV_SEMIPLANAR_420, (hi_u64)(uintptr_t)buf, OUT_SIZE,
		0, 0, 0,  0
	};

	return p;
}

static hi_vdec_stream stream_of(uint8_t *addr, uint32_t len, hi_u64 pts)
{
	hi_vdec_stream s = { HI_TRUE, HI_FALSE, HI_TRUE, pts, 0, len, addr };

	return s;
}

/* The documented pattern (see mpi_vdec.c), recomputed here. */
static void check_pattern(const uint8_t *out, const uint8_t *stream, uint32_t len)
{
	uint32_t h = fnv1a(stream, len), x, y;
	const uint8_t *uv = out + WS * HS;

	for (y = 0; y < H; y++)
		for (x = 0; x < W; x++)
			assert_hi(out[y * WS + x], (uint8_t)(x + 2 * y + (h & 0xff)));
	for (y = 0; y < H / 2; y++)
		for (x = 0; x < W / 2; x++) {
			assert_hi(uv[y * WS + 2 * x], (uint8_t)(x + y + ((h >> 8) & 0xff)));
			assert_hi(uv[y * WS + 2 * x + 1], (uint8_t)(3 * x + ((h >> 16) & 0xff)));
		}
}

static void vdec_round_trip(void **state)
{
	uint8_t *streams[3];
	void *outs[3];
	hi_video_frame_info frame;
	hi_vdec_supplement_info sup;
	hi_vdec_stream got;
	hi_vdec_chn_status st;
	int i;

	(void)state;
	for (i = 0; i < 3; i++) {
		hi_vdec_stream s;
		hi_vdec_pic_info o;

		streams[i] = new_stream(1000 + i * 10, (uint8_t)i);
		outs[i] = v2_dvpp(OUT_SIZE);
		memset(outs[i], 0, OUT_SIZE);
		s = stream_of(streams[i], 1000 + i * 10, 100 + i);
		o = out_info(outs[i]);
		assert_hi(hi_mpi_vdec_send_stream(CHN, &s, &o, -1), HI_SUCCESS);
	}
	/* Frames come back in order, into the buffers that were passed, with their stream. */
	for (i = 0; i < 3; i++) {
		assert_hi(hi_mpi_vdec_get_frame(CHN, &frame, &sup, &got, -1), HI_SUCCESS);
		assert_ptr_equal(frame.v_frame.virt_addr[0], outs[i]);
		assert_hi(frame.v_frame.frame_flag, 0);
		assert_hi(frame.v_frame.width, W);
		assert_hi(frame.v_frame.height, H);
		assert_hi(frame.v_frame.width_stride[0], WS);
		assert_hi(frame.v_frame.pixel_format, HI_PIXEL_FORMAT_YUV_SEMIPLANAR_420);
		assert_hi(frame.v_frame.pts, 100 + i);
		assert_ptr_equal(got.addr, streams[i]);
		assert_hi(got.len, 1000 + i * 10);
		check_pattern(outs[i], streams[i], 1000 + i * 10);
		assert_hi(hi_mpi_vdec_release_frame(CHN, &frame), HI_SUCCESS);
		/* Released once only. */
		assert_hi(hi_mpi_vdec_release_frame(CHN, &frame), HI_ERR_VDEC_ILLEGAL_PARAM);
	}
	/* Different streams, different pictures. */
	assert_memory_not_equal(outs[0], outs[1], WS * HS);
	assert_hi(hi_mpi_vdec_query_status(CHN, &st), HI_SUCCESS);
	assert_hi(st.recv_stream_frames, 3);
	assert_hi(st.dec_stream_frames, 3);
	assert_hi(st.is_started, HI_TRUE);
	/* Nothing left: a non-blocking get reports an empty buffer. */
	assert_hi(hi_mpi_vdec_get_frame(CHN, &frame, &sup, &got, 0), HI_ERR_VDEC_BUF_EMPTY);
	assert_hi(hi_mpi_vdec_get_frame(CHN, &frame, &sup, &got, 30), HI_ERR_VDEC_BUF_EMPTY);
	for (i = 0; i < 3; i++) {
		hi_mpi_dvpp_free(streams[i]);
		hi_mpi_dvpp_free(outs[i]);
	}
}

static void vdec_rules(void **state)
{
	uint8_t *stream = new_stream(500, 9);
	void *out = v2_dvpp(OUT_SIZE), *heap = malloc(OUT_SIZE);
	hi_vdec_stream s = stream_of(stream, 500, 1);
	hi_vdec_pic_info o = out_info(out), bad;
	hi_vdec_stream bs;
	hi_video_frame_info frame = { 0 };

	(void)state;
	/* Output buffer on the heap, or past its block, or too small, or badly strided. */
	bad = o;
	bad.vir_addr = (hi_u64)(uintptr_t)heap;
	assert_hi(hi_mpi_vdec_send_stream(CHN, &s, &bad, -1), HI_ERR_VDEC_BAD_ADDR);
	bad = o;
	bad.vir_addr += 64;
	assert_hi(hi_mpi_vdec_send_stream(CHN, &s, &bad, -1), HI_ERR_VDEC_BAD_ADDR);
	bad = o;
	bad.buffer_size = OUT_SIZE - 1;
	assert_hi(hi_mpi_vdec_send_stream(CHN, &s, &bad, -1), HI_ERR_VDEC_ILLEGAL_PARAM);
	bad = o;
	bad.width_stride = 168; /* below the width */
	assert_hi(hi_mpi_vdec_send_stream(CHN, &s, &bad, -1), HI_ERR_VDEC_ILLEGAL_PARAM);
	bad = o;
	bad.width = 170;
	bad.width_stride = 170; /* not 16-aligned */
	assert_hi(hi_mpi_vdec_send_stream(CHN, &s, &bad, -1), HI_ERR_VDEC_ILLEGAL_PARAM);
	bad = o;
	bad.vir_addr = 0;
	assert_hi(hi_mpi_vdec_send_stream(CHN, &s, &bad, -1), HI_ERR_VDEC_NULL_PTR);
	/* Stream on the heap, or longer than its block. */
	bs = stream_of(heap, 500, 1);
	assert_hi(hi_mpi_vdec_send_stream(CHN, &bs, &o, -1), HI_ERR_VDEC_BAD_ADDR);
	bs = stream_of(stream, 0x10000000u, 1);
	assert_hi(hi_mpi_vdec_send_stream(CHN, &bs, &o, -1), HI_ERR_VDEC_BAD_ADDR);
	assert_hi(hi_mpi_vdec_send_stream(CHN, NULL, &o, -1), HI_ERR_VDEC_NULL_PTR);
	assert_hi(hi_mpi_vdec_send_stream(CHN, &s, NULL, -1), HI_ERR_VDEC_NULL_PTR);
	/* Channels. */
	assert_hi(hi_mpi_vdec_send_stream(VDEC_MAX_CHN_NUM, &s, &o, -1),
		  HI_ERR_VDEC_INVALID_CHN_ID);
	assert_hi(hi_mpi_vdec_send_stream(CHN + 1, &s, &o, -1), HI_ERR_VDEC_UNEXIST);
	assert_hi(hi_mpi_vdec_create_chn(CHN, NULL), HI_ERR_VDEC_NULL_PTR);
	/* Not receiving. */
	assert_hi(hi_mpi_vdec_stop_recv_stream(CHN), HI_SUCCESS);
	assert_hi(hi_mpi_vdec_send_stream(CHN, &s, &o, -1), HI_ERR_VDEC_NOT_PERM);
	assert_hi(hi_mpi_vdec_start_recv_stream(CHN), HI_SUCCESS);
	/* A frame never handed out cannot be released. */
	frame.v_frame.virt_addr[0] = out;
	assert_hi(hi_mpi_vdec_release_frame(CHN, &frame), HI_ERR_VDEC_ILLEGAL_PARAM);
	/* End of stream alone needs no output buffer. */
	bs = stream_of(NULL, 0, 0);
	bs.end_of_stream = HI_TRUE;
	assert_hi(hi_mpi_vdec_send_stream(CHN, &bs, NULL, -1), HI_SUCCESS);
	free(heap);
	hi_mpi_dvpp_free(stream);
	hi_mpi_dvpp_free(out);
}

static void vdec_queue_full(void **state)
{
	enum { N = 32 }; /* frames a channel holds before get_frame */
	uint8_t *stream = new_stream(300, 5);
	uint8_t *out = v2_dvpp(OUT_SIZE);
	hi_vdec_stream s = stream_of(stream, 300, 0), got;
	hi_vdec_pic_info o = out_info(out);
	hi_video_frame_info frame;
	hi_vdec_supplement_info sup;
	int i;

	(void)state;
	for (i = 0; i < N; i++)
		assert_hi(hi_mpi_vdec_send_stream(CHN, &s, &o, -1), HI_SUCCESS);
	/* Full: refused at once, or after the timeout. */
	assert_hi(hi_mpi_vdec_send_stream(CHN, &s, &o, 0), HI_ERR_VDEC_BUF_FULL);
	assert_hi(hi_mpi_vdec_send_stream(CHN, &s, &o, 20), HI_ERR_VDEC_BUF_FULL);
	/* Collecting one frame makes room. */
	assert_hi(hi_mpi_vdec_get_frame(CHN, &frame, &sup, &got, -1), HI_SUCCESS);
	assert_hi(hi_mpi_vdec_send_stream(CHN, &s, &o, 0), HI_SUCCESS);
	assert_hi(hi_mpi_vdec_release_frame(CHN, &frame), HI_SUCCESS);
	for (i = 0; i < N; i++) {
		assert_hi(hi_mpi_vdec_get_frame(CHN, &frame, &sup, &got, -1), HI_SUCCESS);
		assert_hi(hi_mpi_vdec_release_frame(CHN, &frame), HI_SUCCESS);
	}
	hi_mpi_dvpp_free(stream);
	hi_mpi_dvpp_free(out);
}

/* With ASCEND_SIM_TASK_DELAY_US: the frame is written late, and not at all once freed. */
static void async_vdec_output_freed(void **state)
{
	uint8_t *stream = new_stream(400, 3);
	void *out = v2_dvpp(OUT_SIZE), *out2 = v2_dvpp(OUT_SIZE);
	hi_vdec_stream s = stream_of(stream, 400, 7), got;
	hi_vdec_pic_info o = out_info(out), o2 = out_info(out2);
	hi_video_frame_info frame;
	hi_vdec_supplement_info sup;

	(void)state;
	memset(out2, 0, OUT_SIZE);
	assert_hi(hi_mpi_vdec_send_stream(CHN, &s, &o, -1), HI_SUCCESS);
	assert_hi(hi_mpi_vdec_send_stream(CHN, &s, &o2, -1), HI_SUCCESS);
	/* Not decoded yet. */
	assert_hi(hi_mpi_vdec_get_frame(CHN, &frame, &sup, &got, 0), HI_ERR_VDEC_BUF_EMPTY);
	assert_hi(((uint8_t *)out2)[1], 0);
	/* The program frees the first output before the decoder wrote it. */
	assert_hi(hi_mpi_dvpp_free(out), HI_SUCCESS);
	assert_hi(hi_mpi_vdec_get_frame(CHN, &frame, &sup, &got, -1), HI_SUCCESS);
	assert_hi(frame.v_frame.frame_flag, 1);
	assert_hi(hi_mpi_vdec_release_frame(CHN, &frame), HI_SUCCESS);
	assert_hi(hi_mpi_vdec_get_frame(CHN, &frame, &sup, &got, -1), HI_SUCCESS);
	assert_hi(frame.v_frame.frame_flag, 0);
	check_pattern(out2, stream, 400);
	assert_hi(hi_mpi_vdec_release_frame(CHN, &frame), HI_SUCCESS);
	hi_mpi_dvpp_free(stream);
	hi_mpi_dvpp_free(out2);
}

int main(int argc, char **argv)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(vdec_round_trip, chn_setup, chn_teardown),
		cmocka_unit_test_setup_teardown(vdec_rules, chn_setup, chn_teardown),
		cmocka_unit_test_setup_teardown(vdec_queue_full, chn_setup, chn_teardown),
		cmocka_unit_test_setup_teardown(async_vdec_output_freed, chn_setup, chn_teardown),
	};

	return v2_run("sim.v2.vdec", tests, sizeof(tests) / sizeof(tests[0]), argc, argv);
}
