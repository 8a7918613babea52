/* SPDX-License-Identifier: MIT */
/* DVPP V1 VPC operations produce the right pixels, checked against references computed here. */
#include "v1_cmocka.h"
#include "v1_util.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static int setup(void **state)
{
	static struct v1_env env;

	v1_setup(&env);
	*state = &env;
	return 0;
}

static int teardown(void **state)
{
	v1_teardown(*state);
	return 0;
}

static void nv12(struct v1_pic *p, uint32_t w, uint32_t h)
{
	v1_pic_alloc(p, PIXEL_FORMAT_YUV_SEMIPLANAR_420, w, h, (w + 15) / 16 * 16, (h + 1) / 2 * 2,
		     0);
}

static void run_resize(struct v1_env *env, uint32_t iw, uint32_t ih, uint32_t ow, uint32_t oh,
		       uint32_t interp, int *err)
{
	struct v1_pic in, out;
	acldvppResizeConfig *cfg = acldvppCreateResizeConfig();

	nv12(&in, iw, ih);
	nv12(&out, ow, oh);
	v1_fill_nv12(&in, 3);
	assert_int_equal(acldvppSetResizeConfigInterpolation(cfg, interp), ACL_SUCCESS);
	assert_int_equal(acldvppVpcResizeAsync(env->channel, in.desc, out.desc, cfg, env->stream),
			 ACL_SUCCESS);
	assert_int_equal(aclrtSynchronizeStream(env->stream), ACL_SUCCESS);
	*err = v1_max_luma_error(&in, 0, 0, iw, ih, &out, 0, 0, ow, oh);
	acldvppDestroyResizeConfig(cfg);
	v1_pic_free(&in);
	v1_pic_free(&out);
}

static void test_resize_bilinear(void **state)
{
	int err;

	run_resize(*state, 96, 64, 48, 32, 0, &err);
	assert_in_range(err, 0, 1);
	run_resize(*state, 64, 48, 100, 76, 1, &err);
	assert_in_range(err, 0, 1);
}

static void test_resize_nearest_differs(void **state)
{
	int err;

	/* Interpolation 2 is nearest neighbour: visibly different from the bilinear reference. */
	run_resize(*state, 64, 48, 100, 76, 2, &err);
	assert_true(err > 3);
}

static void test_crop_and_crop_resize(void **state)
{
	struct v1_env *env = *state;
	struct v1_pic in, out, small;
	acldvppRoiConfig *roi = acldvppCreateRoiConfig(10, 41, 6, 37);
	acldvppResizeConfig *cfg = acldvppCreateResizeConfig();

	nv12(&in, 96, 64);
	nv12(&out, 32, 32);
	nv12(&small, 16, 16);
	v1_fill_nv12(&in, 7);
	assert_int_equal(acldvppVpcCropAsync(env->channel, in.desc, out.desc, roi, env->stream),
			 ACL_SUCCESS);
	assert_int_equal(
	    acldvppVpcCropResizeAsync(env->channel, in.desc, small.desc, roi, cfg, env->stream),
	    ACL_SUCCESS);
	assert_int_equal(aclrtSynchronizeStream(env->stream), ACL_SUCCESS);
	/* Unscaled crop is an exact copy. */
	for (uint32_t y = 0; y < 32; y++)
		assert_memory_equal(out.data + (size_t)y * out.ws,
				    in.data + (size_t)(6 + y) * in.ws + 10, 32);
	assert_in_range(v1_max_luma_error(&in, 10, 6, 32, 32, &small, 0, 0, 16, 16), 0, 1);
	acldvppDestroyRoiConfig(roi);
	acldvppDestroyResizeConfig(cfg);
	v1_pic_free(&in);
	v1_pic_free(&out);
	v1_pic_free(&small);
}

static void test_crop_and_paste(void **state)
{
	struct v1_env *env = *state;
	struct v1_pic in, out;
	acldvppRoiConfig *crop = acldvppCreateRoiConfig(0, 47, 0, 31);
	acldvppRoiConfig *paste = acldvppCreateRoiConfig(16, 39, 8, 23);

	nv12(&in, 96, 64);
	nv12(&out, 64, 48);
	v1_fill_nv12(&in, 11);
	memset(out.data, 0x11, out.size);
	assert_int_equal(
	    acldvppVpcCropAndPasteAsync(env->channel, in.desc, out.desc, crop, paste, env->stream),
	    ACL_SUCCESS);
	assert_int_equal(aclrtSynchronizeStream(env->stream), ACL_SUCCESS);
	assert_in_range(v1_max_luma_error(&in, 0, 0, 48, 32, &out, 16, 8, 24, 16), 0, 1);
	/* Outside the paste area the output is untouched. */
	for (uint32_t y = 0; y < 48; y++)
		for (uint32_t x = 0; x < 64; x++)
			if (x < 16 || x > 39 || y < 8 || y > 23)
				assert_int_equal(out.data[(size_t)y * out.ws + x], 0x11);
	acldvppDestroyRoiConfig(crop);
	acldvppDestroyRoiConfig(paste);
	v1_pic_free(&in);
	v1_pic_free(&out);
}

static uint8_t clamp8(double v)
{
	return (uint8_t)lround(v < 0 ? 0 : (v > 255 ? 255 : v));
}

static void test_convert_color_to_rgb(void **state)
{
	struct v1_env *env = *state;
	struct v1_pic in, out;
	const int u = 90, v = 170;

	nv12(&in, 64, 32);
	v1_pic_alloc(&out, PIXEL_FORMAT_RGB_888, 64, 32, 64 * 3, 32, 0);
	v1_fill_nv12(&in, 5);
	/* Constant chroma: the expected RGB does not depend on chroma upsampling. */
	for (uint32_t i = 0; i < 64 * 16; i += 2) {
		in.data[64 * 32 + i] = (uint8_t)u;
		in.data[64 * 32 + i + 1] = (uint8_t)v;
	}
	assert_int_equal(acldvppVpcConvertColorAsync(env->channel, in.desc, out.desc, env->stream),
			 ACL_SUCCESS);
	assert_int_equal(aclrtSynchronizeStream(env->stream), ACL_SUCCESS);
	for (uint32_t y = 0; y < 32; y++)
		for (uint32_t x = 0; x < 64; x++) {
			int Y = in.data[y * 64 + x];
			const uint8_t *px = out.data + (size_t)y * out.ws + x * 3;

			assert_true(abs(px[0] - clamp8(Y + 1.402 * (v - 128))) <= 2);
			assert_true(abs(px[1] - clamp8(Y - 0.344136 * (u - 128) -
						       0.714136 * (v - 128))) <= 2);
			assert_true(abs(px[2] - clamp8(Y + 1.772 * (u - 128))) <= 2);
		}
	v1_pic_free(&in);
	v1_pic_free(&out);
}

static void test_batch_crop_resize_paste(void **state)
{
	struct v1_env *env = *state;
	acldvppBatchPicDesc *src = acldvppCreateBatchPicDesc(2);
	acldvppBatchPicDesc *dst = acldvppCreateBatchPicDesc(3);
	struct v1_pic in[2], out[3];
	acldvppRoiConfig *crops[3], *pastes[3];
	acldvppResizeConfig *cfg = acldvppCreateResizeConfig();
	uint32_t roi_nums[2] = { 1, 2 };
	const uint32_t cr[3][4] = { { 0, 31, 0, 31 }, { 8, 39, 4, 35 }, { 16, 63, 16, 47 } };
	const uint32_t pa[3][4] = { { 0, 15, 0, 15 }, { 16, 47, 0, 31 }, { 32, 63, 16, 31 } };

	assert_non_null(src);
	assert_non_null(dst);
	assert_null(acldvppGetPicDesc(src, 2));
	for (int i = 0; i < 2; i++) {
		nv12(&in[i], 64, 64);
		v1_fill_nv12(&in[i], 20 * i);
		acldvppPicDesc *d = acldvppGetPicDesc(src, (uint32_t)i);
		/* Batch members are described through their own setters. */
		acldvppSetPicDescData(d, in[i].data);
		acldvppSetPicDescSize(d, in[i].size);
		acldvppSetPicDescFormat(d, PIXEL_FORMAT_YUV_SEMIPLANAR_420);
		acldvppSetPicDescWidth(d, 64);
		acldvppSetPicDescHeight(d, 64);
		acldvppSetPicDescWidthStride(d, 64);
		acldvppSetPicDescHeightStride(d, 64);
	}
	for (int k = 0; k < 3; k++) {
		nv12(&out[k], 64, 48);
		acldvppPicDesc *d = acldvppGetPicDesc(dst, (uint32_t)k);
		acldvppSetPicDescData(d, out[k].data);
		acldvppSetPicDescSize(d, out[k].size);
		acldvppSetPicDescFormat(d, PIXEL_FORMAT_YUV_SEMIPLANAR_420);
		acldvppSetPicDescWidth(d, 64);
		acldvppSetPicDescHeight(d, 48);
		acldvppSetPicDescWidthStride(d, 64);
		acldvppSetPicDescHeightStride(d, 48);
		crops[k] = acldvppCreateRoiConfig(cr[k][0], cr[k][1], cr[k][2], cr[k][3]);
		pastes[k] = acldvppCreateRoiConfig(pa[k][0], pa[k][1], pa[k][2], pa[k][3]);
	}
	assert_int_equal(acldvppDestroyPicDesc(acldvppGetPicDesc(src, 0)), ACL_ERROR_INVALID_PARAM);
	assert_int_equal(acldvppVpcBatchCropResizePasteAsync(env->channel, src, roi_nums, 2, dst,
							     crops, pastes, cfg, env->stream),
			 ACL_SUCCESS);
	assert_int_equal(aclrtSynchronizeStream(env->stream), ACL_SUCCESS);
	for (int k = 0; k < 3; k++) {
		const struct v1_pic *from = &in[k == 0 ? 0 : 1];

		assert_in_range(v1_max_luma_error(from, cr[k][0], cr[k][2], cr[k][1] - cr[k][0] + 1,
						  cr[k][3] - cr[k][2] + 1, &out[k], pa[k][0],
						  pa[k][2], pa[k][1] - pa[k][0] + 1,
						  pa[k][3] - pa[k][2] + 1),
				0, 1);
		acldvppDestroyRoiConfig(crops[k]);
		acldvppDestroyRoiConfig(pastes[k]);
		v1_pic_free(&out[k]);
	}
	v1_pic_free(&in[0]);
	v1_pic_free(&in[1]);
	acldvppDestroyResizeConfig(cfg);
	acldvppDestroyBatchPicDesc(src);
	acldvppDestroyBatchPicDesc(dst);
}

static void test_make_border(void **state)
{
	struct v1_env *env = *state;
	struct v1_pic in, out;
	acldvppBorderConfig *b = acldvppCreateBorderConfig();

	nv12(&in, 32, 32);
	v1_pic_alloc(&out, PIXEL_FORMAT_YUV_SEMIPLANAR_420, 36, 36, 48, 36, 0);
	v1_fill_nv12(&in, 1);
	acldvppSetBorderConfigTop(b, 2);
	acldvppSetBorderConfigBottom(b, 2);
	acldvppSetBorderConfigLeft(b, 2);
	acldvppSetBorderConfigRight(b, 2);
	acldvppSetBorderConfigValue(b, 0, 200);
	acldvppSetBorderConfigValue(b, 1, 128);
	acldvppSetBorderConfigValue(b, 2, 128);
	assert_int_equal(acldvppVpcMakeBorderAsync(env->channel, in.desc, out.desc, b, env->stream),
			 ACL_SUCCESS);
	assert_int_equal(aclrtSynchronizeStream(env->stream), ACL_SUCCESS);
	for (uint32_t y = 0; y < 36; y++)
		for (uint32_t x = 0; x < 36; x++) {
			uint8_t got = out.data[y * out.ws + x];
			if (x < 2 || x >= 34 || y < 2 || y >= 34)
				assert_int_equal(got, 200);
			else
				assert_int_equal(got, in.data[(y - 2) * in.ws + x - 2]);
		}
	/* Replicate: the border repeats the edge pixels. */
	assert_int_equal(acldvppSetBorderConfigBorderType(b, BORDER_REPLICATE), ACL_SUCCESS);
	assert_int_equal(acldvppVpcMakeBorderAsync(env->channel, in.desc, out.desc, b, env->stream),
			 ACL_SUCCESS);
	assert_int_equal(aclrtSynchronizeStream(env->stream), ACL_SUCCESS);
	for (uint32_t y = 2; y < 34; y++) {
		assert_int_equal(out.data[y * out.ws + 0], in.data[(y - 2) * in.ws]);
		assert_int_equal(out.data[y * out.ws + 35], in.data[(y - 2) * in.ws + 31]);
	}
	acldvppDestroyBorderConfig(b);
	v1_pic_free(&in);
	v1_pic_free(&out);
}

static void test_lut_hist_pyrdown(void **state)
{
	struct v1_env *env = *state;
	struct v1_pic in, out, gray, half;
	acldvppLutMap *lut = acldvppCreateLutMap();
	acldvppHist *hist = acldvppCreateHist();
	uint8_t *map;
	uint32_t len, *bins;
	uint16_t hlen;

	nv12(&in, 32, 32);
	nv12(&out, 32, 32);
	v1_fill_nv12(&in, 9);
	assert_int_equal(acldvppGetLutMapDims(lut), 3);
	assert_int_equal(acldvppGetLutMapData(lut, 0, &map, &len), ACL_SUCCESS);
	assert_int_equal(len, 256);
	for (int i = 0; i < 256; i++)
		map[i] = (uint8_t)(255 - i);
	assert_int_equal(
	    acldvppVpcEqualizeHistAsync(env->channel, in.desc, out.desc, lut, env->stream),
	    ACL_SUCCESS);
	assert_int_equal(aclrtSynchronizeStream(env->stream), ACL_SUCCESS);
	for (uint32_t i = 0; i < 32 * 32; i++)
		assert_int_equal(out.data[i], 255 - in.data[i]);
	assert_memory_equal(out.data + 32 * 32, in.data + 32 * 32, 32 * 16);

	v1_pic_alloc(&gray, PIXEL_FORMAT_YUV_400, 32, 32, 32, 32, 0);
	v1_pic_alloc(&half, PIXEL_FORMAT_YUV_400, 16, 16, 16, 16, 0);
	memset(gray.data, 10, 32 * 32);
	memset(gray.data, 50, 32 * 4);
	gray.data[10 * 32 + 10] = 255;
	assert_int_equal(acldvppVpcCalcHistAsync(env->channel, gray.desc, hist, NULL, env->stream),
			 ACL_SUCCESS);
	assert_int_equal(aclrtSynchronizeStream(env->stream), ACL_SUCCESS);
	memset(gray.data, 0, 32 * 4);
	assert_int_equal(
	    acldvppVpcPyrDownAsync(env->channel, gray.desc, half.desc, NULL, env->stream),
	    ACL_SUCCESS);
	assert_int_equal(aclrtSynchronizeStream(env->stream), ACL_SUCCESS);
	/* The histogram of the picture before rows 0-3 were cleared. */
	assert_int_equal(acldvppGetHistData(hist, 0, &bins, &hlen), ACL_SUCCESS);
	assert_int_equal(hlen, 256);
	assert_int_equal(bins[50], 128);
	assert_int_equal(bins[255], 1);
	assert_int_equal(bins[10], 32 * 32 - 129);
	/* Pyramid down of a 255 impulse at (10, 10) over 10 (rows 0-3 now 0). */
	assert_int_equal(half.data[5 * 16 + 5], (36 * 255 + 220 * 10 + 128) / 256);
	assert_int_equal(half.data[12 * 16 + 12], 10);
	acldvppDestroyLutMap(lut);
	acldvppDestroyHist(hist);
	v1_pic_free(&in);
	v1_pic_free(&out);
	v1_pic_free(&gray);
	v1_pic_free(&half);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_resize_bilinear),
		cmocka_unit_test(test_resize_nearest_differs),
		cmocka_unit_test(test_crop_and_crop_resize),
		cmocka_unit_test(test_crop_and_paste),
		cmocka_unit_test(test_convert_color_to_rgb),
		cmocka_unit_test(test_batch_crop_resize_paste),
		cmocka_unit_test(test_make_border),
		cmocka_unit_test(test_lut_hist_pyrdown),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
