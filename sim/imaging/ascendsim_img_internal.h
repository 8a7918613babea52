/* SPDX-License-Identifier: MIT */
/* Private to ascendsim_imaging: how each format lays its components out in memory. */
#ifndef ASCENDSIM_IMG_INTERNAL_H
#define ASCENDSIM_IMG_INTERNAL_H

#include "ascendsim_imaging.h"

enum ascendsim_img_family {
	ASCENDSIM_IMG_FAMILY_YUV,
	ASCENDSIM_IMG_FAMILY_RGB,
};

/*
 * One component (Y, U, V or R, G, B, A): plane 0 starts at data with width_stride bytes per row;
 * plane 1 (semi-planar chroma) starts at data + width_stride * height_stride with
 * width_stride * 2 / sub_x bytes per row. Sample i of a row sits at offset + i * step; the
 * component has one sample per sx x sy pixels.
 */
struct ascendsim_img_comp {
	uint8_t plane, offset, step, sx, sy;
};

struct ascendsim_img_layout {
	const char *name;
	enum ascendsim_img_family family;
	uint8_t ncomp; /* 3, or 4 with alpha last; 1 for YUV400 */
	uint8_t bpp;   /* bytes per pixel in plane 0 */
	uint8_t sub_x, sub_y;
	uint8_t size_x2; /* buffer size = ws * hs * size_x2 / 2 */
	/* Components in canonical order: Y, U, V or R, G, B, A. */
	struct ascendsim_img_comp comp[4];
};

const struct ascendsim_img_layout *ascendsim_img_layout_of(int32_t format);

#endif
