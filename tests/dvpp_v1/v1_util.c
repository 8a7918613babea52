/* SPDX-License-Identifier: MIT */
#include "v1_util.h"

#include "v1_cmocka.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

void v1_setup(struct v1_env *env)
{
	assert_int_equal(aclInit(NULL), ACL_SUCCESS);
	assert_int_equal(aclrtSetDevice(0), ACL_SUCCESS);
	assert_int_equal(aclrtCreateStream(&env->stream), ACL_SUCCESS);
	env->channel = acldvppCreateChannelDesc();
	assert_non_null(env->channel);
	assert_int_equal(acldvppCreateChannel(env->channel), ACL_SUCCESS);
}

void v1_teardown(struct v1_env *env)
{
	assert_int_equal(acldvppDestroyChannel(env->channel), ACL_SUCCESS);
	assert_int_equal(acldvppDestroyChannelDesc(env->channel), ACL_SUCCESS);
	assert_int_equal(aclrtDestroyStream(env->stream), ACL_SUCCESS);
	assert_int_equal(aclrtResetDevice(0), ACL_SUCCESS);
	assert_int_equal(aclFinalize(), ACL_SUCCESS);
}

uint64_t v1_format_size(int32_t format, uint32_t ws, uint32_t hs)
{
	uint64_t n = (uint64_t)ws * hs;

	switch (format) {
	case PIXEL_FORMAT_YUV_400:
		return n;
	case PIXEL_FORMAT_YUV_SEMIPLANAR_420:
	case PIXEL_FORMAT_YVU_SEMIPLANAR_420:
		return n * 3 / 2;
	case PIXEL_FORMAT_YUV_SEMIPLANAR_422:
	case PIXEL_FORMAT_YVU_SEMIPLANAR_422:
		return n * 2;
	case PIXEL_FORMAT_YUV_SEMIPLANAR_444:
	case PIXEL_FORMAT_YVU_SEMIPLANAR_444:
		return n * 3;
	default:
		return n; /* packed: the stride counts the bytes */
	}
}

void v1_pic_alloc(struct v1_pic *p, int32_t format, uint32_t width, uint32_t height, uint32_t ws,
		  uint32_t hs, uint32_t size)
{
	void *mem = NULL;

	memset(p, 0, sizeof(*p));
	p->format = format;
	p->width = width;
	p->height = height;
	p->ws = ws;
	p->hs = hs;
	p->size = size ? size : (uint32_t)v1_format_size(format, ws, hs);
	assert_int_equal(acldvppMalloc(&mem, p->size), ACL_SUCCESS);
	p->data = mem;
	memset(p->data, 0, p->size);
	p->desc = acldvppCreatePicDesc();
	assert_non_null(p->desc);
	assert_int_equal(acldvppSetPicDescData(p->desc, p->data), ACL_SUCCESS);
	assert_int_equal(acldvppSetPicDescSize(p->desc, p->size), ACL_SUCCESS);
	assert_int_equal(acldvppSetPicDescFormat(p->desc, (acldvppPixelFormat)format), ACL_SUCCESS);
	assert_int_equal(acldvppSetPicDescWidth(p->desc, width), ACL_SUCCESS);
	assert_int_equal(acldvppSetPicDescHeight(p->desc, height), ACL_SUCCESS);
	assert_int_equal(acldvppSetPicDescWidthStride(p->desc, ws), ACL_SUCCESS);
	assert_int_equal(acldvppSetPicDescHeightStride(p->desc, hs), ACL_SUCCESS);
}

void v1_pic_free(struct v1_pic *p)
{
	if (p->desc)
		assert_int_equal(acldvppDestroyPicDesc(p->desc), ACL_SUCCESS);
	if (p->data)
		assert_int_equal(acldvppFree(p->data), ACL_SUCCESS);
	memset(p, 0, sizeof(*p));
}

void v1_fill_nv12(struct v1_pic *p, int seed)
{
	uint8_t *uv = p->data + (size_t)p->ws * p->hs;

	for (uint32_t y = 0; y < p->height; y++)
		for (uint32_t x = 0; x < p->width; x++)
			p->data[(size_t)y * p->ws + x] =
			    (uint8_t)lround(128 + 100 * sin((x + seed) / 5.0) * cos(y / 7.0));
	for (uint32_t y = 0; y < p->height / 2; y++)
		for (uint32_t x = 0; x < p->width / 2; x++) {
			uv[(size_t)y * p->ws + 2 * x] = (uint8_t)(64 + (x * 3 + seed) % 128);
			uv[(size_t)y * p->ws + 2 * x + 1] = (uint8_t)(64 + (y * 5) % 128);
		}
}

static double clampd(double v, double lo, double hi)
{
	return v < lo ? lo : (v > hi ? hi : v);
}

uint8_t v1_bilinear(const uint8_t *plane, uint32_t stride, uint32_t rx, uint32_t ry, uint32_t rw,
		    uint32_t rh, double sx, double sy)
{
	double fx = clampd(sx, 0, rw - 1), fy = clampd(sy, 0, rh - 1);
	uint32_t x0 = (uint32_t)fx, y0 = (uint32_t)fy;
	uint32_t x1 = x0 + 1 < rw ? x0 + 1 : x0, y1 = y0 + 1 < rh ? y0 + 1 : y0;
	double ax = fx - x0, ay = fy - y0;
	const uint8_t *r0 = plane + (size_t)(ry + y0) * stride + rx;
	const uint8_t *r1 = plane + (size_t)(ry + y1) * stride + rx;
	double top = r0[x0] * (1 - ax) + r0[x1] * ax;
	double bot = r1[x0] * (1 - ax) + r1[x1] * ax;

	return (uint8_t)lround(top * (1 - ay) + bot * ay);
}

int v1_max_luma_error(const struct v1_pic *in, uint32_t rx, uint32_t ry, uint32_t rw, uint32_t rh,
		      const struct v1_pic *out, uint32_t dx, uint32_t dy, uint32_t dw, uint32_t dh)
{
	double scx = (double)rw / dw, scy = (double)rh / dh;
	int worst = 0;

	for (uint32_t y = 0; y < dh; y++)
		for (uint32_t x = 0; x < dw; x++) {
			uint8_t ref = v1_bilinear(in->data, in->ws, rx, ry, rw, rh,
						  (x + 0.5) * scx - 0.5, (y + 0.5) * scy - 0.5);
			int got = out->data[(size_t)(dy + y) * out->ws + dx + x];
			int d = abs(got - ref);

			if (d > worst)
				worst = d;
		}
	return worst;
}

double v1_psnr(const uint8_t *a, const uint8_t *b, size_t n)
{
	double se = 0;

	for (size_t i = 0; i < n; i++) {
		double d = (double)a[i] - b[i];
		se += d * d;
	}
	if (se == 0)
		return 99.0;
	return 10 * log10(255.0 * 255.0 / (se / n));
}

static uint8_t clamp8(double v)
{
	return (uint8_t)lround(clampd(v, 0, 255));
}

void v1_rgb_to_yuv(uint8_t r, uint8_t g, uint8_t b, uint8_t *y, uint8_t *u, uint8_t *v)
{
	*y = clamp8(0.299 * r + 0.587 * g + 0.114 * b);
	*u = clamp8(-0.168736 * r - 0.331264 * g + 0.5 * b + 128);
	*v = clamp8(0.5 * r - 0.418688 * g - 0.081312 * b + 128);
}

const char *v1_soc(void)
{
	const char *s = getenv("ASCEND_SIM_SOC");

	return s && *s ? s : "Ascend310P3";
}

bool v1_soc_is(const char *prefix)
{
	return strncmp(v1_soc(), prefix, strlen(prefix)) == 0;
}
