/* SPDX-License-Identifier: MIT */
/*
 * Video channels: frames sent to aclvdec/aclvenc come back through the channel's callback on
 * the thread the channel names (the one calling aclrtProcessReport), with the synthetic content
 * recomputed here from the input bytes; buffer rules fail with the exact code.
 */
#include "v1_cmocka.h"
#include "v1_util.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define FW	   128
#define FH	   128
#define FRAME_SIZE (FW * FH * 3 / 2)
#define MAX_CB	   16

static struct v1_env env;
static aclrtContext context;
static pthread_t cb_thread;
static atomic_bool stop;

/* What each callback saw. */
struct seen {
	pthread_t thread;
	void *input, *output;
	void *user_data;
	uint32_t ret_code;
	uint8_t nal[8];
	uint32_t size;
};
static struct seen seen[MAX_CB];
static atomic_int n_seen;

static void *report_loop(void *arg)
{
	(void)arg;
	aclrtSetCurrentContext(context);
	while (!atomic_load(&stop)) {
		if (aclrtProcessReport(20) == ACL_ERROR_RT_THREAD_SUBSCRIBE) {
			struct timespec t = { 0, 1000000 };
			nanosleep(&t, NULL);
		}
	}
	return NULL;
}

static int setup(void **state)
{
	(void)state;
	v1_setup(&env);
	assert_int_equal(aclrtGetCurrentContext(&context), ACL_SUCCESS);
	atomic_store(&stop, false);
	assert_int_equal(pthread_create(&cb_thread, NULL, report_loop, NULL), 0);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	atomic_store(&stop, true);
	pthread_join(cb_thread, NULL);
	v1_teardown(&env);
	return 0;
}

static void wait_for(int n)
{
	struct timespec t = { 0, 2000000 };

	for (int i = 0; i < 2500 && atomic_load(&n_seen) < n; i++)
		nanosleep(&t, NULL);
}

static void vdec_cb(acldvppStreamDesc *input, acldvppPicDesc *output, void *user_data)
{
	int i = atomic_load(&n_seen);

	if (i < MAX_CB) {
		seen[i].thread = pthread_self();
		seen[i].input = input;
		seen[i].output = output;
		seen[i].user_data = user_data;
		seen[i].ret_code = output ? acldvppGetPicDescRetCode(output) : 0;
	}
	atomic_store(&n_seen, i + 1);
}

static uint64_t fnv1a(const uint8_t *p, size_t n)
{
	uint64_t h = 0xcbf29ce484222325ull;

	for (size_t i = 0; i < n; i++) {
		h ^= p[i];
		h *= 0x100000001b3ull;
	}
	return h;
}

static aclvdecChannelDesc *vdec_channel(void)
{
	aclvdecChannelDesc *d = aclvdecCreateChannelDesc();

	/* 32 channels on Ascend310, 256 on the later SoCs. */
	assert_int_equal(aclvdecSetChannelDescChannelId(d, 100), strcmp(v1_soc(), "Ascend310") == 0
								     ? ACL_ERROR_INVALID_PARAM
								     : ACL_SUCCESS);
	assert_int_equal(aclvdecSetChannelDescChannelId(d, 3), ACL_SUCCESS);
	assert_int_equal(aclvdecGetChannelDescChannelId(d), 3);
	assert_int_equal(aclvdecSetChannelDescThreadId(d, (uint64_t)cb_thread), ACL_SUCCESS);
	assert_int_equal(aclvdecSetChannelDescCallback(d, vdec_cb), ACL_SUCCESS);
	assert_int_equal(aclvdecSetChannelDescEnType(d, H264_MAIN_LEVEL), ACL_SUCCESS);
	assert_int_equal(aclvdecSetChannelDescOutPicFormat(d, PIXEL_FORMAT_YUV_SEMIPLANAR_420),
			 ACL_SUCCESS);
	assert_int_equal(aclvdecSetChannelDescOutPicWidth(d, FW), ACL_SUCCESS);
	assert_int_equal(aclvdecSetChannelDescOutPicHeight(d, FH), ACL_SUCCESS);
	assert_int_equal(aclvdecGetChannelDescThreadId(d), (uint64_t)cb_thread);
	assert_int_equal(aclvdecGetChannelDescEnType(d), H264_MAIN_LEVEL);
	return d;
}

static void test_vdec_frames_on_callback_thread(void **state)
{
	aclvdecChannelDesc *ch = vdec_channel();
	acldvppStreamDesc *in[3], *eos = acldvppCreateStreamDesc();
	acldvppPicDesc *out[2];
	void *bits[2], *pix[2];
	int tag[3];

	(void)state;
	atomic_store(&n_seen, 0);
	assert_int_equal(aclvdecCreateChannel(ch), ACL_SUCCESS);
	for (int i = 0; i < 2; i++) {
		assert_int_equal(acldvppMalloc(&bits[i], 1000), ACL_SUCCESS);
		memset(bits[i], 0x20 + i, 1000);
		assert_int_equal(acldvppMalloc(&pix[i], FRAME_SIZE), ACL_SUCCESS);
		in[i] = acldvppCreateStreamDesc();
		acldvppSetStreamDescData(in[i], bits[i]);
		acldvppSetStreamDescSize(in[i], 1000);
		acldvppSetStreamDescFormat(in[i], H264_MAIN_LEVEL);
		out[i] = acldvppCreatePicDesc();
		acldvppSetPicDescData(out[i], pix[i]);
		acldvppSetPicDescSize(out[i], FRAME_SIZE);
		acldvppSetPicDescFormat(out[i], PIXEL_FORMAT_YUV_SEMIPLANAR_420);
		assert_int_equal(aclvdecSendFrame(ch, in[i], out[i], NULL, &tag[i]), ACL_SUCCESS);
	}
	acldvppSetStreamDescEos(eos, 1);
	in[2] = eos;
	assert_int_equal(aclvdecSendFrame(ch, eos, NULL, NULL, &tag[2]), ACL_SUCCESS);
	wait_for(3);
	assert_int_equal(atomic_load(&n_seen), 3);
	for (int i = 0; i < 3; i++) {
		assert_true(pthread_equal(seen[i].thread, cb_thread));
		assert_true(!pthread_equal(seen[i].thread, pthread_self()));
		assert_ptr_equal(seen[i].input, in[i]);
		assert_ptr_equal(seen[i].user_data, &tag[i]);
	}
	assert_null(seen[2].output);
	for (int i = 0; i < 2; i++) {
		uint64_t seed = fnv1a(bits[i], 1000);
		const uint8_t *p = pix[i];

		assert_ptr_equal(seen[i].output, out[i]);
		assert_int_equal(seen[i].ret_code, 0);
		assert_int_equal(acldvppGetPicDescWidth(out[i]), FW);
		assert_int_equal(acldvppGetPicDescWidthStride(out[i]), FW);
		for (uint32_t y = 0; y < FH; y += 7)
			for (uint32_t x = 0; x < FW; x += 5)
				assert_int_equal(p[y * FW + x], (uint8_t)(seed + x + 2 * y));
		assert_int_equal(p[FW * FH], (uint8_t)(seed >> 8));
		assert_int_equal(p[FW * FH + 1], (uint8_t)(seed >> 16));
	}
	assert_int_equal(aclvdecDestroyChannel(ch), ACL_SUCCESS);
	assert_int_equal(aclvdecDestroyChannelDesc(ch), ACL_SUCCESS);
	for (int i = 0; i < 2; i++) {
		acldvppDestroyStreamDesc(in[i]);
		acldvppDestroyPicDesc(out[i]);
		acldvppFree(bits[i]);
		acldvppFree(pix[i]);
	}
	acldvppDestroyStreamDesc(eos);
}

static void test_vdec_buffer_rules(void **state)
{
	aclvdecChannelDesc *ch = vdec_channel();
	acldvppStreamDesc *in = acldvppCreateStreamDesc();
	acldvppPicDesc *out = acldvppCreatePicDesc();
	void *heap = calloc(1, FRAME_SIZE), *bits = NULL, *pix = NULL;

	(void)state;
	assert_int_equal(aclvdecSendFrame(ch, in, out, NULL, NULL), ACL_ERROR_INVALID_PARAM);
	assert_int_equal(aclvdecCreateChannel(ch), ACL_SUCCESS);
	assert_int_equal(acldvppMalloc(&bits, 64), ACL_SUCCESS);
	assert_int_equal(acldvppMalloc(&pix, FRAME_SIZE), ACL_SUCCESS);
	acldvppSetPicDescData(out, pix);
	acldvppSetPicDescSize(out, FRAME_SIZE);
	/* Bitstream in heap memory. */
	acldvppSetStreamDescData(in, heap);
	acldvppSetStreamDescSize(in, 64);
	assert_int_equal(aclvdecSendFrame(ch, in, out, NULL, NULL), ACL_ERROR_INVALID_PARAM);
	/* Bitstream size past its block (far past: no other live block is that far on). */
	acldvppSetStreamDescData(in, bits);
	acldvppSetStreamDescSize(in, 64u << 20);
	assert_int_equal(aclvdecSendFrame(ch, in, out, NULL, NULL), ACL_ERROR_INVALID_PARAM);
	acldvppSetStreamDescSize(in, 64);
	/* Output too small for a 128x128 NV12 frame, then in heap memory. */
	acldvppSetPicDescSize(out, FRAME_SIZE - 2);
	assert_int_equal(aclvdecSendFrame(ch, in, out, NULL, NULL), ACL_ERROR_INVALID_PARAM);
	acldvppSetPicDescSize(out, FRAME_SIZE);
	acldvppSetPicDescData(out, heap);
	assert_int_equal(aclvdecSendFrame(ch, in, out, NULL, NULL), ACL_ERROR_INVALID_PARAM);
	assert_int_equal(aclvdecDestroyChannel(ch), ACL_SUCCESS);
	aclvdecDestroyChannelDesc(ch);
	acldvppDestroyStreamDesc(in);
	acldvppDestroyPicDesc(out);
	acldvppFree(bits);
	acldvppFree(pix);
	free(heap);
}

static void venc_cb(acldvppPicDesc *input, acldvppStreamDesc *output, void *user_data)
{
	int i = atomic_load(&n_seen);

	if (i < MAX_CB) {
		seen[i].thread = pthread_self();
		seen[i].input = input;
		seen[i].output = output;
		seen[i].user_data = user_data;
		seen[i].size = acldvppGetStreamDescSize(output);
		memcpy(seen[i].nal, acldvppGetStreamDescData(output), sizeof(seen[i].nal));
	}
	atomic_store(&n_seen, i + 1);
}

static void test_venc_key_frames(void **state)
{
	aclvencChannelDesc *ch = aclvencCreateChannelDesc();
	aclvencFrameConfig *force = aclvencCreateFrameConfig(), *eos = aclvencCreateFrameConfig();
	struct v1_pic pic;
	void *buf = NULL;
	/* Key frame interval 3: IDR at 0 and 3, and at 1 because it is forced. */
	const bool idr[5] = { true, true, false, true, false };

	(void)state;
	atomic_store(&n_seen, 0);
	v1_pic_alloc(&pic, PIXEL_FORMAT_YUV_SEMIPLANAR_420, FW, FH, FW, FH, 0);
	v1_fill_nv12(&pic, 2);
	assert_int_equal(acldvppMalloc(&buf, 1 << 20), ACL_SUCCESS);
	aclvencSetChannelDescThreadId(ch, (uint64_t)cb_thread);
	aclvencSetChannelDescCallback(ch, venc_cb);
	aclvencSetChannelDescEnType(ch, H264_MAIN_LEVEL);
	aclvencSetChannelDescPicFormat(ch, PIXEL_FORMAT_YUV_SEMIPLANAR_420);
	aclvencSetChannelDescPicWidth(ch, FW);
	aclvencSetChannelDescPicHeight(ch, FH);
	assert_int_equal(aclvencSetChannelDescKeyFrameInterval(ch, 3), ACL_SUCCESS);
	assert_int_equal(aclvencSetChannelDescBufAddr(ch, buf), ACL_SUCCESS);
	assert_int_equal(aclvencSetChannelDescBufSize(ch, 1 << 20), ACL_SUCCESS);
	assert_int_equal(aclvencCreateChannel(ch), ACL_SUCCESS);
	assert_int_equal(aclvencSetFrameConfigForceIFrame(force, 1), ACL_SUCCESS);
	for (int i = 0; i < 5; i++)
		assert_int_equal(aclvencSendFrame(ch, pic.desc, NULL, i == 1 ? force : NULL, NULL),
				 ACL_SUCCESS);
	assert_int_equal(aclvencSetFrameConfigEos(eos, 1), ACL_SUCCESS);
	assert_int_equal(aclvencSendFrame(ch, NULL, NULL, eos, NULL), ACL_SUCCESS);
	wait_for(5);
	assert_int_equal(atomic_load(&n_seen), 5);
	for (int i = 0; i < 5; i++) {
		assert_true(pthread_equal(seen[i].thread, cb_thread));
		assert_ptr_equal(seen[i].input, pic.desc);
		assert_memory_equal(seen[i].nal, "\0\0\0\1", 4);
		assert_int_equal(seen[i].nal[4], idr[i] ? 0x65 : 0x41);
		assert_int_equal(seen[i].nal[5], (uint8_t)i);
	}
	/* Input in heap memory is refused. */
	{
		void *heap = calloc(1, FRAME_SIZE);

		acldvppSetPicDescData(pic.desc, heap);
		assert_int_equal(aclvencSendFrame(ch, pic.desc, NULL, NULL, NULL),
				 ACL_ERROR_INVALID_PARAM);
		acldvppSetPicDescData(pic.desc, pic.data);
		free(heap);
	}
	assert_int_equal(aclvencDestroyChannel(ch), ACL_SUCCESS);
	aclvencDestroyChannelDesc(ch);
	aclvencDestroyFrameConfig(force);
	aclvencDestroyFrameConfig(eos);
	acldvppFree(buf);
	v1_pic_free(&pic);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_vdec_frames_on_callback_thread),
		cmocka_unit_test(test_vdec_buffer_rules),
		cmocka_unit_test(test_venc_key_frames),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
