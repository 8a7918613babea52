/* SPDX-License-Identifier: MIT */
/*
 * Pixel work of the V1-only VPC operations (borders, look-up tables, histograms, pyramid down),
 * written over planes of "units": a unit is the smallest group of bytes that maps to one
 * position of its plane (one byte of YUV400, a UV pair of semi-planar chroma, 3 bytes of RGB888,
 * 4 bytes covering two pixels of packed 4:2:2).
 */
#include "dvpp_vpc_task.h"

#include <string.h>

struct plane {
	uint8_t *base;
	uint32_t stride; /* bytes per row */
	uint32_t unit;	 /* bytes per unit */
	uint32_t w, h;	 /* in units */
	uint32_t gx, gy; /* pixels per unit, horizontally and vertically */
};

static bool is_packed422(int32_t f)
{
	return f >= ASCENDSIM_PIXFMT_YUYV422 && f <= ASCENDSIM_PIXFMT_VYUY422;
}

static bool is_semiplanar(int32_t f)
{
	return f >= ASCENDSIM_PIXFMT_NV12 && f <= ASCENDSIM_PIXFMT_YVU444SP;
}

/* Planes of img; returns how many (1 or 2). */
static int planes_of(const struct ascendsim_image *img, struct plane p[2])
{
	uint32_t bpp = ascendsim_img_bytes_per_pixel(img->format);

	p[0].base = img->data;
	p[0].stride = img->width_stride;
	p[0].h = img->height;
	p[0].gy = 1;
	if (is_packed422(img->format)) {
		p[0].unit = 4;
		p[0].w = img->width / 2;
		p[0].gx = 2;
	} else {
		p[0].unit = bpp ? bpp : 1;
		p[0].w = img->width;
		p[0].gx = 1;
	}
	if (!is_semiplanar(img->format))
		return 1;
	p[1].gx = ascendsim_img_chroma_x(img->format);
	p[1].gy = ascendsim_img_chroma_y(img->format);
	p[1].base = img->data + (size_t)img->width_stride * img->height_stride;
	p[1].stride = img->width_stride * 2 / p[1].gx;
	p[1].unit = 2;
	p[1].w = img->width / p[1].gx;
	p[1].h = img->height / p[1].gy;
	return 2;
}

static uint8_t *unit_at(const struct plane *p, uint32_t x, uint32_t y)
{
	return p->base + (size_t)y * p->stride + (size_t)x * p->unit;
}

/* Source index for position i of an n-long line extended by a border of the given type. */
static uint32_t border_map(int64_t i, uint32_t n, int32_t type)
{
	int64_t r = i;

	if (n == 1)
		return 0;
	if (type == BORDER_REFLECT) {
		if (i < 0)
			r = -i - 1;
		else if (i >= n)
			r = 2 * (int64_t)n - i - 1;
	} else if (type == BORDER_REFLECT_101) {
		if (i < 0)
			r = -i;
		else if (i >= n)
			r = 2 * (int64_t)n - i - 2;
	}
	if (r < 0)
		r = 0;
	if (r >= n)
		r = n - 1;
	return (uint32_t)r;
}

/* Extends the inner rectangle (in units) of plane p over the rest of the plane. */
static void extend_plane(const struct plane *p, uint32_t ix, uint32_t iy, uint32_t iw, uint32_t ih,
			 int32_t type)
{
	for (uint32_t y = iy; y < iy + ih; y++) {
		for (uint32_t x = 0; x < p->w; x++) {
			if (x >= ix && x < ix + iw)
				continue;
			uint32_t sx = ix + border_map((int64_t)x - ix, iw, type);
			memcpy(unit_at(p, x, y), unit_at(p, sx, y), p->unit);
		}
	}
	for (uint32_t y = 0; y < p->h; y++) {
		if (y >= iy && y < iy + ih)
			continue;
		uint32_t sy = iy + border_map((int64_t)y - iy, ih, type);
		memcpy(unit_at(p, 0, y), unit_at(p, 0, sy), (size_t)p->w * p->unit);
	}
}

enum ascendsim_img_status ascendsim_dvpp_border(const struct vpc_job *job)
{
	const struct ascendsim_rect *in = &job->dst_rect;
	enum ascendsim_img_status st;
	struct plane p[2];
	int n;

	st = ascendsim_img_process(&job->src, &job->src_rect, &job->dst, in, job->interp);
	if (st != ASCENDSIM_IMG_OK)
		return st;
	if (job->border_type == BORDER_CONSTANT) {
		const struct ascendsim_image *d = &job->dst;
		struct ascendsim_rect r[4] = {
			{ 0, 0, d->width, in->y },
			{ 0, in->y + in->h, d->width, d->height - in->y - in->h },
			{ 0, in->y, in->x, in->h },
			{ in->x + in->w, in->y, d->width - in->x - in->w, in->h },
		};
		for (int i = 0; i < 4; i++) {
			if (r[i].w == 0 || r[i].h == 0)
				continue;
			st = ascendsim_img_fill(d, &r[i], job->border_value);
			if (st != ASCENDSIM_IMG_OK)
				return st;
		}
		return ASCENDSIM_IMG_OK;
	}
	n = planes_of(&job->dst, p);
	for (int i = 0; i < n; i++)
		extend_plane(&p[i], in->x / p[i].gx, in->y / p[i].gy, in->w / p[i].gx,
			     in->h / p[i].gy, job->border_type);
	return ASCENDSIM_IMG_OK;
}

/* Which table (or histogram) byte b of a unit in plane k of format f belongs to. */
static int channel_of(int32_t f, int k, uint32_t b)
{
	if (k == 1) {
		bool vu = f == ASCENDSIM_PIXFMT_NV21 || f == ASCENDSIM_PIXFMT_YVU422SP ||
			  f == ASCENDSIM_PIXFMT_YVU444SP;
		return vu ? 2 - (int)b : 1 + (int)b;
	}
	if (ascendsim_img_format_is_rgb(f))
		return (int)(b % 3);
	return 0;
}

enum ascendsim_img_status ascendsim_dvpp_lut(const struct vpc_job *job)
{
	struct plane sp[2], dp[2];
	int n = planes_of(&job->src, sp);

	planes_of(&job->dst, dp);
	for (int k = 0; k < n; k++)
		for (uint32_t y = 0; y < sp[k].h; y++)
			for (uint32_t x = 0; x < sp[k].w; x++) {
				const uint8_t *s = unit_at(&sp[k], x, y);
				uint8_t *d = unit_at(&dp[k], x, y);
				for (uint32_t b = 0; b < sp[k].unit; b++)
					d[b] = job->lut[channel_of(job->src.format, k, b)][s[b]];
			}
	return ASCENDSIM_IMG_OK;
}

enum ascendsim_img_status ascendsim_dvpp_hist(const struct vpc_job *job)
{
	struct plane sp[2];
	int n = planes_of(&job->src, sp);

	memset(job->hist->bins, 0, sizeof(job->hist->bins));
	for (int k = 0; k < n; k++)
		for (uint32_t y = 0; y < sp[k].h; y++)
			for (uint32_t x = 0; x < sp[k].w; x++) {
				const uint8_t *s = unit_at(&sp[k], x, y);
				for (uint32_t b = 0; b < sp[k].unit; b++)
					job->hist->bins[channel_of(job->src.format, k, b)][s[b]]++;
			}
	job->hist->ret_code = 0;
	return ASCENDSIM_IMG_OK;
}

/* 5x5 Gaussian (1 4 6 4 1 separable, sum 256) with reflect-101 edges, then every other pixel. */
enum ascendsim_img_status ascendsim_dvpp_pyrdown(const struct vpc_job *job)
{
	static const int k[5] = { 1, 4, 6, 4, 1 };
	const struct ascendsim_image *s = &job->src, *d = &job->dst;

	for (uint32_t y = 0; y < d->height; y++)
		for (uint32_t x = 0; x < d->width; x++) {
			uint32_t acc = 0;
			for (int j = -2; j <= 2; j++) {
				uint32_t sy =
				    border_map((int64_t)y * 2 + j, s->height, BORDER_REFLECT_101);
				for (int i = -2; i <= 2; i++) {
					uint32_t sx = border_map((int64_t)x * 2 + i, s->width,
								 BORDER_REFLECT_101);
					acc += (uint32_t)(k[j + 2] * k[i + 2]) *
					       s->data[(size_t)sy * s->width_stride + sx];
				}
			}
			d->data[(size_t)y * d->width_stride + x] = (uint8_t)((acc + 128) / 256);
		}
	return ASCENDSIM_IMG_OK;
}
