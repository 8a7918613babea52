/* SPDX-License-Identifier: MIT */
/* BT.601 full-range (JFIF) colour conversion, in doubles so resampling rounds only once. */
#include "ascendsim_img_color.h"

static uint8_t clamp_round(double v)
{
	if (v <= 0.0)
		return 0;
	if (v >= 255.0)
		return 255;
	return (uint8_t)(v + 0.5);
}

void ascendsim_img_rgb_to_yuv_d(const double rgb[3], double yuv[3])
{
	double r = rgb[0], g = rgb[1], b = rgb[2];

	yuv[0] = 0.299 * r + 0.587 * g + 0.114 * b;
	yuv[1] = -0.168736 * r - 0.331264 * g + 0.5 * b + 128.0;
	yuv[2] = 0.5 * r - 0.418688 * g - 0.081312 * b + 128.0;
}

void ascendsim_img_yuv_to_rgb_d(const double yuv[3], double rgb[3])
{
	double y = yuv[0], u = yuv[1] - 128.0, v = yuv[2] - 128.0;

	rgb[0] = y + 1.402 * v;
	rgb[1] = y - 0.344136 * u - 0.714136 * v;
	rgb[2] = y + 1.772 * u;
}

uint8_t ascendsim_img_to_u8(double v)
{
	return clamp_round(v);
}

void ascendsim_img_rgb_to_yuv(uint8_t r, uint8_t g, uint8_t b, uint8_t *y, uint8_t *u, uint8_t *v)
{
	double in[3] = { r, g, b }, out[3];

	ascendsim_img_rgb_to_yuv_d(in, out);
	*y = clamp_round(out[0]);
	*u = clamp_round(out[1]);
	*v = clamp_round(out[2]);
}

void ascendsim_img_yuv_to_rgb(uint8_t y, uint8_t u, uint8_t v, uint8_t *r, uint8_t *g, uint8_t *b)
{
	double in[3] = { y, u, v }, out[3];

	ascendsim_img_yuv_to_rgb_d(in, out);
	*r = clamp_round(out[0]);
	*g = clamp_round(out[1]);
	*b = clamp_round(out[2]);
}
