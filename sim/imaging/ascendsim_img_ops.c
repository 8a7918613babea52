/* SPDX-License-Identifier: MIT */
/*
 * The pixel engine: crop a source rectangle, resample it (bilinear or nearest, pixel-centre
 * aligned), convert its colour space, write it into a destination rectangle. Every component is
 * handled in its own sampling grid, so chroma planes are resampled at their real resolution.
 */
#include "ascendsim_img_color.h"
#include "ascendsim_img_internal.h"

#include <math.h>
#include <string.h>

struct view {
	const struct ascendsim_img_layout *l;
	uint8_t *data;
	uint32_t ws, hs, w, h;
};

static uint8_t *sample_ptr(const struct view *v, unsigned k, uint32_t gx, uint32_t gy)
{
	const struct ascendsim_img_comp *c = &v->l->comp[k];
	uint8_t *base = v->data;
	size_t row = v->ws;

	if (c->plane) {
		base += (size_t)v->ws * v->hs;
		row = (size_t)v->ws * 2 / v->l->sub_x;
	}
	return base + (size_t)gy * row + c->offset + (size_t)gx * c->step;
}

static enum ascendsim_img_status open_view(const struct ascendsim_image *img, struct view *v)
{
	v->l = ascendsim_img_layout_of(img->format);
	if (!v->l || !img->data)
		return ASCENDSIM_IMG_ERR_FORMAT;
	if (!img->width || !img->height)
		return ASCENDSIM_IMG_ERR_DIM;
	if ((uint64_t)img->width_stride < (uint64_t)img->width * v->l->bpp ||
	    img->height_stride < img->height)
		return ASCENDSIM_IMG_ERR_STRIDE;
	if (img->size <
	    ascendsim_img_buffer_size(img->format, img->width_stride, img->height_stride))
		return ASCENDSIM_IMG_ERR_SIZE;
	v->data = img->data;
	v->ws = img->width_stride;
	v->hs = img->height_stride;
	v->w = img->width;
	v->h = img->height;
	return ASCENDSIM_IMG_OK;
}

static enum ascendsim_img_status check_rect(const struct view *v, const struct ascendsim_rect *in,
					    struct ascendsim_rect *out)
{
	*out = in ? *in : (struct ascendsim_rect){ 0, 0, v->w, v->h };
	if (!out->w || !out->h || out->x > v->w || out->w > v->w - out->x || out->y > v->h ||
	    out->h > v->h - out->y)
		return ASCENDSIM_IMG_ERR_RECT;
	if (out->x % v->l->sub_x || out->w % v->l->sub_x || out->y % v->l->sub_y ||
	    out->h % v->l->sub_y)
		return ASCENDSIM_IMG_ERR_RECT;
	return ASCENDSIM_IMG_OK;
}

/* Value of component k of src at continuous pixel position (px, py), confined to rect. */
static double sample(const struct view *src, const struct ascendsim_rect *rect, unsigned k,
		     double px, double py, enum ascendsim_img_interp interp)
{
	const struct ascendsim_img_comp *c = &src->l->comp[k];
	uint32_t lo_x = rect->x / c->sx, hi_x = (rect->x + rect->w) / c->sx - 1;
	uint32_t lo_y = rect->y / c->sy, hi_y = (rect->y + rect->h) / c->sy - 1;
	double gx = px / c->sx - 0.5, gy = py / c->sy - 0.5;
	double fx, fy, top, bottom;
	uint32_t x0, y0, x1, y1;

	if (interp == ASCENDSIM_IMG_INTERP_NEAREST) {
		gx = floor(px / c->sx);
		gy = floor(py / c->sy);
	}
	gx = gx < lo_x ? lo_x : gx > hi_x ? hi_x : gx;
	gy = gy < lo_y ? lo_y : gy > hi_y ? hi_y : gy;
	x0 = (uint32_t)gx;
	y0 = (uint32_t)gy;
	fx = gx - x0;
	fy = gy - y0;
	x1 = x0 < hi_x ? x0 + 1 : x0;
	y1 = y0 < hi_y ? y0 + 1 : y0;
	top = *sample_ptr(src, k, x0, y0) * (1.0 - fx) + *sample_ptr(src, k, x1, y0) * fx;
	bottom = *sample_ptr(src, k, x0, y1) * (1.0 - fx) + *sample_ptr(src, k, x1, y1) * fx;
	return top * (1.0 - fy) + bottom * fy;
}

/* The destination family's canonical components (Y,U,V or R,G,B,A) at source position (px, py). */
static void sample_all(const struct view *src, const struct ascendsim_rect *rect,
		       const struct ascendsim_img_layout *dl, double px, double py,
		       enum ascendsim_img_interp interp, double out[4])
{
	const struct ascendsim_img_layout *sl = src->l;
	double in[4] = { 0.0, 128.0, 128.0, 255.0 };
	unsigned k;

	for (k = 0; k < sl->ncomp; k++)
		in[k] = sample(src, rect, k, px, py, interp);
	out[3] = in[3];
	if (sl->family == dl->family) {
		out[0] = in[0];
		out[1] = in[1];
		out[2] = in[2];
	} else if (dl->family == ASCENDSIM_IMG_FAMILY_RGB) {
		ascendsim_img_yuv_to_rgb_d(in, out);
	} else {
		ascendsim_img_rgb_to_yuv_d(in, out);
	}
}

/* Same format, no scaling: whole rows per plane (exact, and fast for full frames). */
static void copy_unscaled(const struct view *s, const struct ascendsim_rect *sr,
			  const struct view *d, const struct ascendsim_rect *dr)
{
	const struct ascendsim_img_layout *l = s->l;
	uint32_t y;

	for (y = 0; y < sr->h; y++)
		memcpy(d->data + (size_t)(dr->y + y) * d->ws + (size_t)dr->x * l->bpp,
		       s->data + (size_t)(sr->y + y) * s->ws + (size_t)sr->x * l->bpp,
		       (size_t)sr->w * l->bpp);
	if (l->ncomp < 3 || l->comp[1].plane != 1)
		return;
	/* Interleaved chroma plane: 2 bytes per chroma sample. */
	for (y = 0; y < sr->h / l->sub_y; y++)
		memcpy(sample_ptr(d, 1, dr->x / l->sub_x, dr->y / l->sub_y + y) - l->comp[1].offset,
		       sample_ptr(s, 1, sr->x / l->sub_x, sr->y / l->sub_y + y) - l->comp[1].offset,
		       (size_t)sr->w / l->sub_x * 2);
}

enum ascendsim_img_status ascendsim_img_process(const struct ascendsim_image *src,
						const struct ascendsim_rect *src_rect,
						const struct ascendsim_image *dst,
						const struct ascendsim_rect *dst_rect,
						enum ascendsim_img_interp interp)
{
	struct ascendsim_rect sr, dr;
	struct view s, d;
	enum ascendsim_img_status st;
	double scale_x, scale_y;
	unsigned pass;

	if (!src || !dst)
		return ASCENDSIM_IMG_ERR_FORMAT;
	if ((st = open_view(src, &s)) || (st = open_view(dst, &d)) ||
	    (st = check_rect(&s, src_rect, &sr)) || (st = check_rect(&d, dst_rect, &dr)))
		return st;
	if (s.l == d.l && sr.w == dr.w && sr.h == dr.h) {
		copy_unscaled(&s, &sr, &d, &dr);
		return ASCENDSIM_IMG_OK;
	}
	scale_x = (double)sr.w / dr.w;
	scale_y = (double)sr.h / dr.h;
	/* One pass per sampling grid of the destination: full resolution, then chroma. */
	for (pass = 0; pass < 2; pass++) {
		uint32_t sx = pass ? d.l->sub_x : 1, sy = pass ? d.l->sub_y : 1;
		unsigned mask = 0, k;
		uint32_t gx, gy;

		for (k = 0; k < d.l->ncomp; k++)
			if (d.l->comp[k].sx == sx && d.l->comp[k].sy == sy)
				mask |= 1u << k;
		if (!mask || (pass && sx == 1 && sy == 1))
			continue;
		for (gy = dr.y / sy; gy < (dr.y + dr.h) / sy; gy++) {
			double py = sr.y + ((gy + 0.5) * sy - dr.y) * scale_y;

			for (gx = dr.x / sx; gx < (dr.x + dr.w) / sx; gx++) {
				double px = sr.x + ((gx + 0.5) * sx - dr.x) * scale_x;
				double v[4];

				sample_all(&s, &sr, d.l, px, py, interp, v);
				for (k = 0; k < d.l->ncomp; k++)
					if (mask & (1u << k))
						*sample_ptr(&d, k, gx, gy) =
						    ascendsim_img_to_u8(v[k]);
			}
		}
	}
	return ASCENDSIM_IMG_OK;
}

enum ascendsim_img_status ascendsim_img_resize(const struct ascendsim_image *src,
					       const struct ascendsim_image *dst,
					       enum ascendsim_img_interp interp)
{
	return ascendsim_img_process(src, NULL, dst, NULL, interp);
}

enum ascendsim_img_status ascendsim_img_crop(const struct ascendsim_image *src,
					     const struct ascendsim_rect *src_rect,
					     const struct ascendsim_image *dst)
{
	struct ascendsim_rect dr;

	if (!src_rect)
		return ascendsim_img_process(src, NULL, dst, NULL, ASCENDSIM_IMG_INTERP_NEAREST);
	dr = (struct ascendsim_rect){ 0, 0, src_rect->w, src_rect->h };
	return ascendsim_img_process(src, src_rect, dst, &dr, ASCENDSIM_IMG_INTERP_NEAREST);
}

enum ascendsim_img_status ascendsim_img_crop_resize(const struct ascendsim_image *src,
						    const struct ascendsim_rect *src_rect,
						    const struct ascendsim_image *dst,
						    enum ascendsim_img_interp interp)
{
	return ascendsim_img_process(src, src_rect, dst, NULL, interp);
}

enum ascendsim_img_status ascendsim_img_convert(const struct ascendsim_image *src,
						const struct ascendsim_image *dst)
{
	if (!src || !dst)
		return ASCENDSIM_IMG_ERR_FORMAT;
	if (src->width != dst->width || src->height != dst->height)
		return ASCENDSIM_IMG_ERR_DIM;
	return ascendsim_img_process(src, NULL, dst, NULL, ASCENDSIM_IMG_INTERP_BILINEAR);
}

enum ascendsim_img_status ascendsim_img_fill(const struct ascendsim_image *dst,
					     const struct ascendsim_rect *rect,
					     const double value[4])
{
	struct ascendsim_rect r;
	struct view d;
	enum ascendsim_img_status st;
	unsigned k;

	if (!dst || !value)
		return ASCENDSIM_IMG_ERR_FORMAT;
	if ((st = open_view(dst, &d)) || (st = check_rect(&d, rect, &r)))
		return st;
	for (k = 0; k < d.l->ncomp; k++) {
		const struct ascendsim_img_comp *c = &d.l->comp[k];
		/* YUV values come as Y,U,V; RGB values in memory byte order. */
		uint8_t b = ascendsim_img_to_u8(
		    value[d.l->family == ASCENDSIM_IMG_FAMILY_RGB ? c->offset : k]);
		uint32_t gx, gy;

		for (gy = r.y / c->sy; gy < (r.y + r.h) / c->sy; gy++)
			for (gx = r.x / c->sx; gx < (r.x + r.w) / c->sx; gx++)
				*sample_ptr(&d, k, gx, gy) = b;
	}
	return ASCENDSIM_IMG_OK;
}

enum ascendsim_img_status ascendsim_img_copy_make_border(const struct ascendsim_image *src,
							 const struct ascendsim_image *dst,
							 uint32_t top, uint32_t bottom,
							 uint32_t left, uint32_t right,
							 const double value[4])
{
	struct ascendsim_rect inner, checked;
	struct view s, d;
	enum ascendsim_img_status st;

	if (!src || !dst || !value)
		return ASCENDSIM_IMG_ERR_FORMAT;
	if (src->format != dst->format)
		return ASCENDSIM_IMG_ERR_FORMAT;
	if ((uint64_t)src->width + left + right != dst->width ||
	    (uint64_t)src->height + top + bottom != dst->height)
		return ASCENDSIM_IMG_ERR_DIM;
	inner = (struct ascendsim_rect){ left, top, src->width, src->height };
	/* Validate everything before the fill touches dst. */
	if ((st = open_view(src, &s)) || (st = open_view(dst, &d)) ||
	    (st = check_rect(&d, &inner, &checked)))
		return st;
	if ((st = ascendsim_img_fill(dst, NULL, value)))
		return st;
	return ascendsim_img_process(src, NULL, dst, &inner, ASCENDSIM_IMG_INTERP_NEAREST);
}
