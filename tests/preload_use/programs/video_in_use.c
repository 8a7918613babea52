/* SPDX-License-Identifier: MIT */
/*
 * freed-while-in-use for video (run with ASCEND_SIM_TASK_DELAY_US, so a frame is still being
 * processed): the stream buffer of an aclvdecSendFrame frame, the input picture of an
 * aclvencSendFrame frame and the output picture of a hi_mpi_vdec_send_stream stream are freed
 * before their frame's callback ran / hi_mpi_vdec_get_frame returned it. The correct program
 * frees each after that. Output pictures freed after the callback and a second decoder frame
 * retired by aclvdecDestroyChannel are freed correctly in both programs; both check that
 * aclv{dec,enc}GetChannelDescCallback return the program's callback and that a skipped frame's
 * callback reaches it.
 */
#include "use_test.h"

/* The video engines take pictures from 128x128 up. */
#define V_W    128u
#define V_H    128u
#define V_SIZE (V_W * V_H * 3u / 2u)

#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <string.h>
#include <time.h>

static atomic_int callbacks;
static atomic_bool stop;
static aclrtContext context;

static void *report_loop(void *arg)
{
	(void)arg;
	aclrtSetCurrentContext(context);
	while (!atomic_load(&stop))
		if (aclrtProcessReport(20) == ACL_ERROR_RT_THREAD_SUBSCRIBE) {
			struct timespec t = { 0, 1000000 };
			nanosleep(&t, NULL);
		}
	return NULL;
}

static void vdec_cb(acldvppStreamDesc *input, acldvppPicDesc *output, void *user)
{
	(void)input;
	(void)output;
	(void)user;
	atomic_fetch_add(&callbacks, 1);
}

static void venc_cb(acldvppPicDesc *input, acldvppStreamDesc *output, void *user)
{
	(void)input;
	(void)output;
	(void)user;
	atomic_fetch_add(&callbacks, 1);
}

static void wait_callbacks(int n)
{
	struct timespec t = { 0, 1000000 };

	for (int i = 0; i < 5000 && atomic_load(&callbacks) < n; i++)
		nanosleep(&t, NULL);
	if (atomic_load(&callbacks) < n) {
		printf("callbacks: %d of %d\n", atomic_load(&callbacks), n);
		exit(4);
	}
}

int main(void)
{
	pthread_t thread;
	aclvdecChannelDesc *vd;
	aclvencChannelDesc *ve;
	acldvppStreamDesc *sd, *sd2;
	acldvppPicDesc *pd, *pd2, *vin;
	aclvencFrameConfig *cfg;
	void *stream = NULL, *pic = NULL, *stream2 = NULL, *pic2 = NULL, *enc_in = NULL,
	     *enc_out = NULL, *v2_stream = NULL, *v2_out = NULL;
	hi_vdec_chn_attr attr = { 0 };
	hi_vdec_stream s, got;
	hi_vdec_pic_info o = { 0 };
	hi_video_frame_info frame;
	hi_vdec_supplement_info sup;
	int rc;

	MUST(aclInit(NULL));
	MUST(aclrtSetDevice(0));
	MUST(aclrtGetCurrentContext(&context));
	if (pthread_create(&thread, NULL, report_loop, NULL) != 0)
		return 3;

	/* V1 decoder: one frame freed early (bad) or after its callback; one retired by destroy. */
	MUST(acldvppMalloc(&stream, 4096));
	MUST(acldvppMalloc(&pic, V_SIZE));
	MUST(acldvppMalloc(&stream2, 4096));
	MUST(acldvppMalloc(&pic2, V_SIZE));
	memset(stream, 0x11, 4096);
	memset(stream2, 0x22, 4096);
	vd = aclvdecCreateChannelDesc();
	MUST(aclvdecSetChannelDescChannelId(vd, 1));
	MUST(aclvdecSetChannelDescThreadId(vd, (uint64_t)thread));
	MUST(aclvdecSetChannelDescCallback(vd, vdec_cb));
	MUST(aclvdecSetChannelDescEnType(vd, H264_MAIN_LEVEL));
	MUST(aclvdecSetChannelDescOutPicFormat(vd, PIXEL_FORMAT_YUV_SEMIPLANAR_420));
	MUST(aclvdecSetChannelDescOutPicWidth(vd, V_W));
	MUST(aclvdecSetChannelDescOutPicHeight(vd, V_H));
	MUST(aclvdecCreateChannel(vd));
	if (aclvdecGetChannelDescCallback(vd) != vdec_cb) {
		puts("aclvdecGetChannelDescCallback: not the program's callback");
		return 5;
	}
	sd = acldvppCreateStreamDesc();
	MUST(acldvppSetStreamDescData(sd, stream));
	MUST(acldvppSetStreamDescSize(sd, 4096));
	pd = nv12_desc(pic, V_SIZE, V_W, V_H);
	MUST(aclvdecSendFrame(vd, sd, pd, NULL, NULL));
	GOOD(wait_callbacks(1));
	rc = acldvppFree(stream); // acltrace-expect: freed-while-in-use
	show("acldvppFree", rc);
	BAD(wait_callbacks(1));
	MUST(acldvppFree(pic));
	sd2 = acldvppCreateStreamDesc();
	MUST(acldvppSetStreamDescData(sd2, stream2));
	MUST(acldvppSetStreamDescSize(sd2, 4096));
	pd2 = nv12_desc(pic2, V_SIZE, V_W, V_H);
	/* A skipped frame's callback reaches the program too. */
	MUST(aclvdecSendSkippedFrame(vd, sd2, NULL, NULL));
	wait_callbacks(2);
	MUST(aclvdecSendFrame(vd, sd2, pd2, NULL, NULL));
	MUST(aclvdecDestroyChannel(vd));
	MUST(acldvppFree(stream2));
	MUST(acldvppFree(pic2));
	aclvdecDestroyChannelDesc(vd);

	/* V1 encoder: the input picture (the decoder made three callbacks). */
	MUST(acldvppMalloc(&enc_in, V_SIZE));
	MUST(acldvppMalloc(&enc_out, 1 << 20));
	memset(enc_in, 0x33, V_SIZE);
	ve = aclvencCreateChannelDesc();
	MUST(aclvencSetChannelDescThreadId(ve, (uint64_t)thread));
	MUST(aclvencSetChannelDescCallback(ve, venc_cb));
	MUST(aclvencSetChannelDescEnType(ve, H264_MAIN_LEVEL));
	MUST(aclvencSetChannelDescPicFormat(ve, PIXEL_FORMAT_YUV_SEMIPLANAR_420));
	MUST(aclvencSetChannelDescPicWidth(ve, V_W));
	MUST(aclvencSetChannelDescPicHeight(ve, V_H));
	MUST(aclvencSetChannelDescBufAddr(ve, enc_out));
	MUST(aclvencSetChannelDescBufSize(ve, 1 << 20));
	MUST(aclvencCreateChannel(ve));
	if (aclvencGetChannelDescCallback(ve) != venc_cb) {
		puts("aclvencGetChannelDescCallback: not the program's callback");
		return 5;
	}
	cfg = aclvencCreateFrameConfig();
	vin = nv12_desc(enc_in, V_SIZE, V_W, V_H);
	MUST(aclvencSendFrame(ve, vin, NULL, cfg, NULL));
	GOOD(wait_callbacks(4));
	rc = acldvppFree(enc_in); // acltrace-expect: freed-while-in-use
	show("acldvppFree", rc);
	BAD(wait_callbacks(4));
	MUST(aclvencDestroyChannel(ve));
	MUST(acldvppFree(enc_out));
	aclvencDestroyChannelDesc(ve);
	aclvencDestroyFrameConfig(cfg);

	/* V2 decoder: the output picture, until hi_mpi_vdec_get_frame returns it. */
	MUST(hi_mpi_sys_init());
	attr.type = HI_PT_H264;
	attr.mode = HI_VDEC_SEND_MODE_FRAME;
	attr.pic_width = V_W;
	attr.pic_height = V_H;
	attr.frame_buf_cnt = 4;
	MUST(hi_mpi_vdec_create_chn(0, &attr));
	MUST(hi_mpi_vdec_start_recv_stream(0));
	MUST(hi_mpi_dvpp_malloc(0, &v2_stream, 1000));
	MUST(hi_mpi_dvpp_malloc(0, &v2_out, V_SIZE));
	memset(v2_stream, 0x44, 1000);
	s = (hi_vdec_stream){ HI_TRUE, HI_FALSE, HI_TRUE, 1, 0, 1000, v2_stream };
	o.width = V_W;
	o.height = V_H;
	o.width_stride = V_W;
	o.height_stride = V_H;
	o.pixel_format = HI_PIXEL_FORMAT_YUV_SEMIPLANAR_420;
	o.vir_addr = (hi_u64)(uintptr_t)v2_out;
	o.buffer_size = V_SIZE;
	MUST(hi_mpi_vdec_send_stream(0, &s, &o, -1));
	GOOD(MUST(hi_mpi_vdec_get_frame(0, &frame, &sup, &got, -1)));
	GOOD(MUST(hi_mpi_vdec_release_frame(0, &frame)));
	rc = hi_mpi_dvpp_free(v2_out); // acltrace-expect: freed-while-in-use
	show("hi_mpi_dvpp_free", rc);
	/* The frame whose output was freed: whatever the runtime makes of it. */
	BAD(rc = hi_mpi_vdec_get_frame(0, &frame, &sup, &got, -1));
	BAD(show("hi_mpi_vdec_get_frame", rc));
	MUST(hi_mpi_vdec_stop_recv_stream(0));
	MUST(hi_mpi_vdec_destroy_chn(0));
	MUST(hi_mpi_dvpp_free(v2_stream));

	atomic_store(&stop, true);
	pthread_join(thread, NULL);
	MUST(aclrtResetDevice(0));
	MUST(aclFinalize());
	puts("done");
	return 0;
}
