/* SPDX-License-Identifier: MIT */
/*
 * JPEG through DVPP V1: a JPEG made here with libjpeg is decoded by acldvppJpegDecodeAsync and
 * compared with libjpeg-turbo's own djpeg output (converted to YUV here) by PSNR; header
 * queries, size predictions, per-SoC output strides, encoding, and device-side failures.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* clang-format off: jpeglib.h needs stdio.h first */
#include <jpeglib.h>
/* clang-format on */

#include "v1_cmocka.h"
#include "v1_util.h"

#define W 200
#define H 150

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

static uint8_t *make_jpeg(int components, unsigned long *len)
{
	struct jpeg_compress_struct c;
	struct jpeg_error_mgr err;
	unsigned char *out = NULL;
	uint8_t row[W * 3];

	c.err = jpeg_std_error(&err);
	jpeg_create_compress(&c);
	jpeg_mem_dest(&c, &out, len);
	c.image_width = W;
	c.image_height = H;
	c.input_components = components;
	c.in_color_space = components == 3 ? JCS_RGB : JCS_GRAYSCALE;
	jpeg_set_defaults(&c);
	jpeg_set_quality(&c, 95, TRUE);
	jpeg_start_compress(&c, TRUE);
	while (c.next_scanline < H) {
		uint32_t y = c.next_scanline;
		JSAMPROW rows[1] = { row };

		for (uint32_t x = 0; x < W; x++) {
			uint8_t v[3] = { (uint8_t)(x * 255 / W), (uint8_t)(y * 255 / H),
					 (uint8_t)(128 + 90 * sin(x / 9.0) * cos(y / 11.0)) };
			memcpy(row + x * (uint32_t)components, v, (size_t)components);
		}
		jpeg_write_scanlines(&c, rows, 1);
	}
	jpeg_finish_compress(&c);
	jpeg_destroy_compress(&c);
	return out;
}

/* libjpeg-turbo's djpeg decodes the file to a PPM; returns W*H*3 RGB bytes. */
static uint8_t *djpeg_rgb(const uint8_t *jpeg, unsigned long len)
{
	char jpath[] = "/tmp/acltrace-v1-jpeg-XXXXXX";
	char ppath[64], cmd[256], magic[3];
	int fd = mkstemp(jpath), w, h, maxv;
	uint8_t *rgb = malloc(W * H * 3);
	FILE *f;

	assert_true(fd >= 0);
	assert_int_equal(write(fd, jpeg, len), (ssize_t)len);
	close(fd);
	snprintf(ppath, sizeof(ppath), "%s.ppm", jpath);
	snprintf(cmd, sizeof(cmd), "'%s' -ppm -outfile '%s' '%s'", DJPEG_PATH, ppath, jpath);
	assert_int_equal(system(cmd), 0);
	f = fopen(ppath, "rb");
	assert_non_null(f);
	assert_int_equal(fscanf(f, "%2s %d %d %d", magic, &w, &h, &maxv), 4);
	assert_string_equal(magic, "P6");
	assert_int_equal(w, W);
	assert_int_equal(h, H);
	fgetc(f);
	assert_int_equal(fread(rgb, 1, W * H * 3, f), W * H * 3);
	fclose(f);
	unlink(ppath);
	unlink(jpath);
	return rgb;
}

static uint8_t *to_dvpp(const uint8_t *data, unsigned long len)
{
	void *p = NULL;

	assert_int_equal(acldvppMalloc(&p, len), ACL_SUCCESS);
	memcpy(p, data, len);
	return p;
}

static uint32_t align(uint32_t v, uint32_t a)
{
	return (v + a - 1) / a * a;
}

static uint32_t expected_ws(void)
{
	/* JPEGD output width stride: 128 on Ascend310/910, 64 on 310P and the A2 class. */
	bool old = strcmp(v1_soc(), "Ascend310") == 0 || strcmp(v1_soc(), "Ascend910") == 0;

	return align(W, old ? 128 : 64);
}

static void test_decode_matches_djpeg(void **state)
{
	unsigned long len;
	uint8_t *jpeg = make_jpeg(3, &len), *dev = to_dvpp(jpeg, len);
	uint8_t *rgb = djpeg_rgb(jpeg, len);
	uint8_t *ry = malloc(W * H), *got_y = malloc(W * H);
	uint8_t *ruv = malloc(W * H / 2), *got_uv = malloc(W * H / 2);
	uint32_t w, h, dec_size, ws, hs = align(H, 16);
	int32_t comps;
	acldvppJpegFormat css;
	struct v1_pic out;

	(void)state;
	assert_int_equal(acldvppJpegGetImageInfoV2(dev, (uint32_t)len, &w, &h, &comps, &css),
			 ACL_SUCCESS);
	assert_int_equal(w, W);
	assert_int_equal(h, H);
	assert_int_equal(comps, 3);
	assert_int_equal(css, ACL_JPEG_CSS_420);
	assert_int_equal(acldvppJpegPredictDecSize(dev, (uint32_t)len,
						   PIXEL_FORMAT_YUV_SEMIPLANAR_420, &dec_size),
			 ACL_SUCCESS);
	ws = expected_ws();
	assert_int_equal(dec_size, ws * hs * 3 / 2);
	v1_pic_alloc(&out, PIXEL_FORMAT_YUV_SEMIPLANAR_420, 0, 0, 0, 0, dec_size);
	assert_int_equal(
	    acldvppJpegDecodeAsync(env.channel, dev, (uint32_t)len, out.desc, env.stream),
	    ACL_SUCCESS);
	assert_int_equal(aclrtSynchronizeStream(env.stream), ACL_SUCCESS);
	assert_int_equal(acldvppGetPicDescWidth(out.desc), W);
	assert_int_equal(acldvppGetPicDescHeight(out.desc), H);
	assert_int_equal(acldvppGetPicDescWidthStride(out.desc), ws);
	assert_int_equal(acldvppGetPicDescHeightStride(out.desc), hs);
	/* Reference: djpeg's RGB converted to NV12 here, chroma averaged over 2x2. */
	for (uint32_t y = 0; y < H; y++)
		for (uint32_t x = 0; x < W; x++) {
			const uint8_t *p = rgb + (y * W + x) * 3;
			uint8_t u, v;

			v1_rgb_to_yuv(p[0], p[1], p[2], &ry[y * W + x], &u, &v);
			got_y[y * W + x] = out.data[y * ws + x];
		}
	for (uint32_t y = 0; y < H / 2; y++)
		for (uint32_t x = 0; x < W / 2; x++) {
			double su = 0, sv = 0;

			for (int k = 0; k < 4; k++) {
				const uint8_t *p = rgb + ((2 * y + k / 2) * W + 2 * x + k % 2) * 3;
				uint8_t yy, u, v;

				v1_rgb_to_yuv(p[0], p[1], p[2], &yy, &u, &v);
				su += u;
				sv += v;
			}
			ruv[y * W + 2 * x] = (uint8_t)lround(su / 4);
			ruv[y * W + 2 * x + 1] = (uint8_t)lround(sv / 4);
			got_uv[y * W + 2 * x] = out.data[ws * hs + y * ws + 2 * x];
			got_uv[y * W + 2 * x + 1] = out.data[ws * hs + y * ws + 2 * x + 1];
		}
	assert_true(v1_psnr(ry, got_y, W * H) > 40.0);
	assert_true(v1_psnr(ruv, got_uv, W * H / 2) > 40.0);
	free(ry);
	free(got_y);
	free(ruv);
	free(got_uv);
	free(rgb);
	free(jpeg);
	acldvppFree(dev);
	v1_pic_free(&out);
}

static void test_gray_decodes_with_neutral_chroma(void **state)
{
	unsigned long len;
	uint8_t *jpeg = make_jpeg(1, &len), *dev = to_dvpp(jpeg, len);
	uint32_t w, h, size;
	int32_t comps;
	acldvppJpegFormat css;
	struct v1_pic out;
	acldvppPicDesc *desc;
	void *buf = NULL;

	(void)state;
	assert_int_equal(acldvppJpegGetImageInfoV2(dev, (uint32_t)len, &w, &h, &comps, &css),
			 ACL_SUCCESS);
	assert_int_equal(comps, 1);
	assert_int_equal(css, ACL_JPEG_CSS_GRAY);
	assert_int_equal(
	    acldvppJpegPredictDecSize(dev, (uint32_t)len, PIXEL_FORMAT_YUV_SEMIPLANAR_420, &size),
	    ACL_SUCCESS);
	/* No format set: the decoder writes NV12. */
	assert_int_equal(acldvppMalloc(&buf, size), ACL_SUCCESS);
	desc = acldvppCreatePicDesc();
	acldvppSetPicDescData(desc, buf);
	acldvppSetPicDescSize(desc, size);
	assert_int_equal(acldvppJpegDecodeAsync(env.channel, dev, (uint32_t)len, desc, env.stream),
			 ACL_SUCCESS);
	assert_int_equal(aclrtSynchronizeStream(env.stream), ACL_SUCCESS);
	assert_int_equal(acldvppGetPicDescFormat(desc), PIXEL_FORMAT_YUV_SEMIPLANAR_420);
	out.ws = acldvppGetPicDescWidthStride(desc);
	out.hs = acldvppGetPicDescHeightStride(desc);
	for (uint32_t y = 0; y < H / 2; y++)
		for (uint32_t x = 0; x < W; x++)
			assert_int_equal(((uint8_t *)buf)[out.ws * out.hs + y * out.ws + x], 0x80);
	acldvppDestroyPicDesc(desc);
	acldvppFree(buf);
	acldvppFree(dev);
	free(jpeg);
}

static void test_device_side_failures(void **state)
{
	unsigned long len;
	uint8_t *jpeg = make_jpeg(3, &len), *dev = to_dvpp(jpeg, len);
	uint8_t garbage[512];
	uint8_t *bad;
	uint32_t w, h;
	int32_t comps;
	struct v1_pic small;

	(void)state;
	memset(garbage, 0x5a, sizeof(garbage));
	bad = to_dvpp(garbage, sizeof(garbage));
	assert_int_equal(acldvppJpegGetImageInfo(bad, sizeof(garbage), &w, &h, &comps),
			 ACL_ERROR_INVALID_PARAM);
	/* Half the needed output: accepted at the call, fails on the device. */
	v1_pic_alloc(&small, PIXEL_FORMAT_YUV_SEMIPLANAR_420, 0, 0, 0, 0, W * H / 2);
	assert_int_equal(
	    acldvppJpegDecodeAsync(env.channel, dev, (uint32_t)len, small.desc, env.stream),
	    ACL_SUCCESS);
	assert_int_equal(aclrtSynchronizeStream(env.stream), ACL_ERROR_RT_AICPU_EXCEPTION);
	assert_int_not_equal(acldvppGetPicDescRetCode(small.desc), 0);
	/* Not a JPEG stream: the decoder fails on the device too. */
	assert_int_equal(
	    acldvppJpegDecodeAsync(env.channel, bad, sizeof(garbage), small.desc, env.stream),
	    ACL_SUCCESS);
	assert_int_equal(aclrtSynchronizeStream(env.stream), ACL_ERROR_RT_AICPU_EXCEPTION);
	v1_pic_free(&small);
	acldvppFree(bad);
	acldvppFree(dev);
	free(jpeg);
}

static void test_encode_roundtrip(void **state)
{
	struct v1_pic in;
	acldvppJpegeConfig *cfg = acldvppCreateJpegeConfig();
	uint32_t predicted, size;
	void *out = NULL;
	struct jpeg_decompress_struct d;
	struct jpeg_error_mgr err;
	uint8_t *y = malloc(128 * 96), row[128 * 3];

	(void)state;
	v1_pic_alloc(&in, PIXEL_FORMAT_YUV_SEMIPLANAR_420, 128, 96, 128, 96, 0);
	v1_fill_nv12(&in, 4);
	assert_int_equal(acldvppSetJpegeConfigLevel(cfg, 90), ACL_SUCCESS);
	assert_int_equal(acldvppGetJpegeConfigLevel(cfg), 90);
	assert_int_equal(acldvppSetJpegeConfigLevel(cfg, 101), ACL_ERROR_INVALID_PARAM);
	assert_int_equal(acldvppJpegPredictEncSize(in.desc, cfg, &predicted), ACL_SUCCESS);
	assert_int_equal(acldvppMalloc(&out, predicted), ACL_SUCCESS);
	size = predicted;
	assert_int_equal(acldvppJpegEncodeAsync(env.channel, in.desc, out, &size, cfg, env.stream),
			 ACL_SUCCESS);
	assert_int_equal(aclrtSynchronizeStream(env.stream), ACL_SUCCESS);
	assert_true(size > 100 && size < predicted);
	/* libjpeg reads it back: same size, luma close to the input. */
	d.err = jpeg_std_error(&err);
	jpeg_create_decompress(&d);
	jpeg_mem_src(&d, out, size);
	assert_int_equal(jpeg_read_header(&d, TRUE), JPEG_HEADER_OK);
	d.out_color_space = JCS_YCbCr;
	jpeg_start_decompress(&d);
	assert_int_equal(d.output_width, 128);
	assert_int_equal(d.output_height, 96);
	while (d.output_scanline < 96) {
		JSAMPROW rows[1] = { row };
		uint32_t r = d.output_scanline;

		jpeg_read_scanlines(&d, rows, 1);
		for (uint32_t x = 0; x < 128; x++)
			y[r * 128 + x] = row[x * 3];
	}
	jpeg_finish_decompress(&d);
	jpeg_destroy_decompress(&d);
	assert_true(v1_psnr(y, in.data, 128 * 96) > 35.0);
	free(y);
	acldvppFree(out);
	acldvppDestroyJpegeConfig(cfg);
	v1_pic_free(&in);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_decode_matches_djpeg),
		cmocka_unit_test(test_gray_decodes_with_neutral_chroma),
		cmocka_unit_test(test_device_side_failures),
		cmocka_unit_test(test_encode_roundtrip),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
