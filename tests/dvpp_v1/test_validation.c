/* SPDX-License-Identifier: MIT */
/*
 * Every buffer rule of the DVPP V1 user library, each proven by a call that fails with the exact
 * code, next to the same call made valid. Runs once per simulated SoC: the SoC decides whether
 * aclrtMalloc memory is accepted and which strides are.
 */
#include "v1_cmocka.h"
#include "v1_util.h"

#include <stdlib.h>
#include <string.h>

static struct v1_env env;

static int setup(void **state)
{
	(void)state;
	v1_setup(&env);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	v1_teardown(&env);
	return 0;
}

/* A 64x32 NV12 resize to 32x16: the valid baseline every test breaks in one way. */
struct case_pics {
	struct v1_pic in, out;
	acldvppResizeConfig *cfg;
};

static void pics_new(struct case_pics *c)
{
	v1_pic_alloc(&c->in, PIXEL_FORMAT_YUV_SEMIPLANAR_420, 64, 32, 64, 32, 0);
	v1_pic_alloc(&c->out, PIXEL_FORMAT_YUV_SEMIPLANAR_420, 32, 16, 32, 16, 0);
	c->cfg = acldvppCreateResizeConfig();
}

static void pics_free(struct case_pics *c)
{
	v1_pic_free(&c->in);
	v1_pic_free(&c->out);
	acldvppDestroyResizeConfig(c->cfg);
}

static aclError resize(struct case_pics *c)
{
	aclError ret =
	    acldvppVpcResizeAsync(env.channel, c->in.desc, c->out.desc, c->cfg, env.stream);

	assert_int_equal(aclrtSynchronizeStream(env.stream), ACL_SUCCESS);
	return ret;
}

static void test_baseline_accepted(void **state)
{
	struct case_pics c;

	(void)state;
	pics_new(&c);
	assert_int_equal(resize(&c), ACL_SUCCESS);
	pics_free(&c);
}

static void test_heap_input_rejected(void **state)
{
	struct case_pics c;
	void *heap = malloc(64 * 32 * 3 / 2);

	(void)state;
	pics_new(&c);
	acldvppSetPicDescData(c.in.desc, heap);
	assert_int_equal(resize(&c), ACL_ERROR_INVALID_PARAM);
	acldvppSetPicDescData(c.out.desc, heap);
	acldvppSetPicDescData(c.in.desc, c.in.data);
	assert_int_equal(resize(&c), ACL_ERROR_INVALID_PARAM);
	acldvppSetPicDescData(c.out.desc, c.out.data);
	free(heap);
	pics_free(&c);
}

static void test_last_byte_past_block(void **state)
{
	struct case_pics c;
	void *block = NULL;
	const uint32_t w = 1024, h = 512, need = w * h * 3 / 2;

	(void)state;
	pics_new(&c);
	acldvppSetPicDescWidth(c.in.desc, w);
	acldvppSetPicDescHeight(c.in.desc, h);
	acldvppSetPicDescWidthStride(c.in.desc, w);
	acldvppSetPicDescHeightStride(c.in.desc, h);
	acldvppSetPicDescSize(c.in.desc, need);
	/* Larger than any hole earlier tests left: nothing live lies behind this block. */
	assert_int_equal(acldvppMalloc(&block, need), ACL_SUCCESS);
	memset(block, 1, need);
	acldvppSetPicDescData(c.in.desc, block);
	assert_int_equal(resize(&c), ACL_SUCCESS);
	/* A sub-buffer 128 bytes in with the full size: its last byte is past the block. */
	acldvppSetPicDescData(c.in.desc, (uint8_t *)block + 128);
	assert_int_equal(resize(&c), ACL_ERROR_INVALID_PARAM);
	/* A description claiming more bytes than the block holds. */
	acldvppSetPicDescData(c.in.desc, block);
	acldvppSetPicDescSize(c.in.desc, need + (64u << 20));
	assert_int_equal(resize(&c), ACL_ERROR_INVALID_PARAM);
	/* A freed block. */
	acldvppSetPicDescSize(c.in.desc, need);
	assert_int_equal(acldvppFree(block), ACL_SUCCESS);
	assert_int_equal(resize(&c), ACL_ERROR_INVALID_PARAM);
	acldvppSetPicDescData(c.in.desc, c.in.data);
	pics_free(&c);
}

static void test_size_too_small(void **state)
{
	struct case_pics c;

	(void)state;
	pics_new(&c);
	acldvppSetPicDescSize(c.in.desc, 64 * 32 * 3 / 2 - 1);
	assert_int_equal(resize(&c), ACL_ERROR_INVALID_PARAM);
	acldvppSetPicDescSize(c.in.desc, 64 * 32 * 3 / 2);
	acldvppSetPicDescSize(c.out.desc, 32 * 16);
	assert_int_equal(resize(&c), ACL_ERROR_INVALID_PARAM);
	pics_free(&c);
}

static void test_bad_strides(void **state)
{
	struct case_pics c;

	(void)state;
	pics_new(&c);
	/* Width stride below the width. */
	acldvppSetPicDescWidthStride(c.in.desc, 48);
	assert_int_equal(resize(&c), ACL_ERROR_INVALID_PARAM);
	/* Height stride below the height. */
	acldvppSetPicDescWidthStride(c.in.desc, 64);
	acldvppSetPicDescHeightStride(c.in.desc, 30);
	assert_int_equal(resize(&c), ACL_ERROR_INVALID_PARAM);
	acldvppSetPicDescHeightStride(c.in.desc, 32);
	/* Unknown pixel format. */
	acldvppSetPicDescFormat(c.in.desc, PIXEL_FORMAT_UNKNOWN);
	assert_int_equal(resize(&c), ACL_ERROR_INVALID_PARAM);
	pics_free(&c);
}

/* Ascend 310 wants width strides aligned to 16; 310P and later take width = stride. */
static void test_stride_alignment_per_soc(void **state)
{
	struct v1_pic in, out;
	acldvppResizeConfig *cfg = acldvppCreateResizeConfig();
	aclError ret;

	(void)state;
	v1_pic_alloc(&in, PIXEL_FORMAT_YUV_SEMIPLANAR_420, 40, 32, 40, 32, 0);
	v1_pic_alloc(&out, PIXEL_FORMAT_YUV_SEMIPLANAR_420, 32, 16, 32, 16, 0);
	ret = acldvppVpcResizeAsync(env.channel, in.desc, out.desc, cfg, env.stream);
	assert_int_equal(aclrtSynchronizeStream(env.stream), ACL_SUCCESS);
	if (strcmp(v1_soc(), "Ascend310") == 0)
		assert_int_equal(ret, ACL_ERROR_INVALID_PARAM);
	else
		assert_int_equal(ret, ACL_SUCCESS);
	v1_pic_free(&in);
	v1_pic_free(&out);
	acldvppDestroyResizeConfig(cfg);
}

/* Paste areas start on a 16-pixel column on Ascend310/910 only. */
static void test_paste_alignment_per_soc(void **state)
{
	struct case_pics c;
	acldvppRoiConfig *crop = acldvppCreateRoiConfig(0, 15, 0, 7);
	acldvppRoiConfig *paste = acldvppCreateRoiConfig(8, 23, 2, 9);
	bool old = strcmp(v1_soc(), "Ascend310") == 0 || strcmp(v1_soc(), "Ascend910") == 0;
	aclError ret;

	(void)state;
	pics_new(&c);
	ret = acldvppVpcCropAndPasteAsync(env.channel, c.in.desc, c.out.desc, crop, paste,
					  env.stream);
	assert_int_equal(ret, old ? ACL_ERROR_INVALID_PARAM : ACL_SUCCESS);
	assert_int_equal(acldvppSetRoiConfig(paste, 16, 31, 2, 9), ACL_SUCCESS);
	assert_int_equal(acldvppVpcCropAndPasteAsync(env.channel, c.in.desc, c.out.desc, crop,
						     paste, env.stream),
			 ACL_SUCCESS);
	assert_int_equal(aclrtSynchronizeStream(env.stream), ACL_SUCCESS);
	acldvppDestroyRoiConfig(crop);
	acldvppDestroyRoiConfig(paste);
	pics_free(&c);
}

/* aclrtMalloc memory: accepted where the documents say so (A2 class), rejected elsewhere. */
static void test_device_memory_per_soc(void **state)
{
	struct case_pics c;
	void *dev = NULL;
	bool a2 =
	    strncmp(v1_soc(), "Ascend910B", 10) == 0 || strncmp(v1_soc(), "Ascend310B", 10) == 0;

	(void)state;
	pics_new(&c);
	assert_int_equal(aclrtMalloc(&dev, 64 * 32 * 3 / 2, ACL_MEM_MALLOC_HUGE_FIRST),
			 ACL_SUCCESS);
	acldvppSetPicDescData(c.in.desc, dev);
	assert_int_equal(resize(&c), a2 ? ACL_SUCCESS : ACL_ERROR_INVALID_PARAM);
	acldvppSetPicDescData(c.in.desc, c.in.data);
	assert_int_equal(aclrtFree(dev), ACL_SUCCESS);
	pics_free(&c);
}

static void test_channel_and_config_rules(void **state)
{
	struct case_pics c;
	acldvppChannelDesc *jpegd_only = acldvppCreateChannelDesc();
	acldvppChannelDesc *not_created = acldvppCreateChannelDesc();
	acldvppRoiConfig *odd = acldvppCreateRoiConfig(1, 30, 0, 15);
	acldvppRoiConfig *outside = acldvppCreateRoiConfig(0, 65, 0, 15);

	(void)state;
	pics_new(&c);
	assert_int_equal(acldvppSetChannelDescMode(jpegd_only, DVPP_CHNMODE_JPEGD), ACL_SUCCESS);
	assert_int_equal(acldvppCreateChannel(jpegd_only), ACL_SUCCESS);
	assert_int_equal(
	    acldvppVpcResizeAsync(jpegd_only, c.in.desc, c.out.desc, c.cfg, env.stream),
	    ACL_ERROR_INVALID_PARAM);
	assert_int_equal(
	    acldvppVpcResizeAsync(not_created, c.in.desc, c.out.desc, c.cfg, env.stream),
	    ACL_ERROR_INVALID_PARAM);
	assert_int_equal(
	    acldvppVpcResizeAsync(env.channel, c.in.desc, c.out.desc, NULL, env.stream),
	    ACL_ERROR_INVALID_PARAM);
	assert_int_equal(acldvppVpcCropAsync(env.channel, c.in.desc, c.out.desc, odd, env.stream),
			 ACL_ERROR_INVALID_PARAM);
	assert_int_equal(
	    acldvppVpcCropAsync(env.channel, c.in.desc, c.out.desc, outside, env.stream),
	    ACL_ERROR_INVALID_PARAM);
	assert_int_equal(acldvppSetResizeConfigInterpolation(c.cfg, 9), ACL_ERROR_INVALID_PARAM);
	assert_int_equal(aclrtSynchronizeStream(env.stream), ACL_SUCCESS);
	acldvppDestroyRoiConfig(odd);
	acldvppDestroyRoiConfig(outside);
	acldvppDestroyChannel(jpegd_only);
	acldvppDestroyChannelDesc(jpegd_only);
	acldvppDestroyChannelDesc(not_created);
	pics_free(&c);
}

/* The VPC scales by 1/32 to 16. */
static void test_scale_limits(void **state)
{
	struct v1_pic in, out;
	acldvppResizeConfig *cfg = acldvppCreateResizeConfig();

	(void)state;
	v1_pic_alloc(&in, PIXEL_FORMAT_YUV_SEMIPLANAR_420, 32, 16, 32, 16, 0);
	v1_pic_alloc(&out, PIXEL_FORMAT_YUV_SEMIPLANAR_420, 528, 16, 528, 16, 0);
	assert_int_equal(acldvppVpcResizeAsync(env.channel, in.desc, out.desc, cfg, env.stream),
			 ACL_ERROR_INVALID_PARAM);
	acldvppSetPicDescWidth(out.desc, 512);
	assert_int_equal(acldvppVpcResizeAsync(env.channel, in.desc, out.desc, cfg, env.stream),
			 ACL_SUCCESS);
	assert_int_equal(aclrtSynchronizeStream(env.stream), ACL_SUCCESS);
	v1_pic_free(&in);
	v1_pic_free(&out);
	acldvppDestroyResizeConfig(cfg);
}

/* Decoder input: live DVPP memory starting on 128 bytes; output buffer in DVPP memory. */
static void test_jpeg_and_video_buffers(void **state)
{
	struct v1_pic out;
	void *block = NULL, *heap = malloc(4096);
	aclvencChannelDesc *venc = aclvencCreateChannelDesc();

	(void)state;
	v1_pic_alloc(&out, PIXEL_FORMAT_YUV_SEMIPLANAR_420, 64, 64, 64, 64, 0);
	assert_int_equal(acldvppMalloc(&block, 4096), ACL_SUCCESS);
	memset(heap, 0, 4096);
	memset(block, 0, 4096);
	assert_int_equal(acldvppJpegDecodeAsync(env.channel, heap, 4096, out.desc, env.stream),
			 ACL_ERROR_INVALID_PARAM);
	assert_int_equal(
	    acldvppJpegDecodeAsync(env.channel, (uint8_t *)block + 64, 1024, out.desc, env.stream),
	    ACL_ERROR_INVALID_PARAM);
	assert_int_equal(acldvppJpegDecodeAsync(env.channel, block, 8192, out.desc, env.stream),
			 ACL_ERROR_INVALID_PARAM);
	acldvppSetPicDescData(out.desc, heap);
	assert_int_equal(acldvppJpegDecodeAsync(env.channel, block, 1024, out.desc, env.stream),
			 ACL_ERROR_INVALID_PARAM);
	acldvppSetPicDescData(out.desc, out.data);
	assert_int_equal(aclvencSetChannelDescBufAddr(venc, heap), ACL_ERROR_INVALID_PARAM);
	assert_int_equal(aclvencSetChannelDescBufAddr(venc, block), ACL_SUCCESS);
	assert_ptr_equal(aclvencGetChannelDescBufAddr(venc), block);
	assert_int_equal(aclrtSynchronizeStream(env.stream), ACL_SUCCESS);
	aclvencDestroyChannelDesc(venc);
	acldvppFree(block);
	free(heap);
	v1_pic_free(&out);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_baseline_accepted),
		cmocka_unit_test(test_heap_input_rejected),
		cmocka_unit_test(test_last_byte_past_block),
		cmocka_unit_test(test_size_too_small),
		cmocka_unit_test(test_bad_strides),
		cmocka_unit_test(test_stride_alignment_per_soc),
		cmocka_unit_test(test_paste_alignment_per_soc),
		cmocka_unit_test(test_device_memory_per_soc),
		cmocka_unit_test(test_channel_and_config_rules),
		cmocka_unit_test(test_scale_limits),
		cmocka_unit_test(test_jpeg_and_video_buffers),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
