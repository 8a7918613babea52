/* SPDX-License-Identifier: MIT */
/* Per-format facts: names, bytes per pixel, chroma subsampling, buffer sizes. */
#include "ascendsim_img_internal.h"

#include <stddef.h>

/*
 * Indexed by format number 0..17; layouts follow the conventions in ascendsim_imaging.h.
 * Columns: name, family, components, bytes per pixel, chroma subsampling x/y, buffer size as
 * a multiple of ws*hs/2, then per component {plane, offset, step, sx, sy} in Y,U,V / R,G,B,A order.
 */
#define YUV ASCENDSIM_IMG_FAMILY_YUV
#define RGB ASCENDSIM_IMG_FAMILY_RGB
/* clang-format off */
static const struct ascendsim_img_layout layouts[] = {
	[ASCENDSIM_PIXFMT_YUV400]        = { "YUV400",         YUV, 1, 1, 1, 1, 2,
		{ { 0, 0, 1, 1, 1 } } },
	[ASCENDSIM_PIXFMT_NV12]          = { "YUV420SP_NV12",  YUV, 3, 1, 2, 2, 3,
		{ { 0, 0, 1, 1, 1 }, { 1, 0, 2, 2, 2 }, { 1, 1, 2, 2, 2 } } },
	[ASCENDSIM_PIXFMT_NV21]          = { "YUV420SP_NV21",  YUV, 3, 1, 2, 2, 3,
		{ { 0, 0, 1, 1, 1 }, { 1, 1, 2, 2, 2 }, { 1, 0, 2, 2, 2 } } },
	[ASCENDSIM_PIXFMT_YUV422SP]      = { "YUV422SP",       YUV, 3, 1, 2, 1, 4,
		{ { 0, 0, 1, 1, 1 }, { 1, 0, 2, 2, 1 }, { 1, 1, 2, 2, 1 } } },
	[ASCENDSIM_PIXFMT_YVU422SP]      = { "YVU422SP",       YUV, 3, 1, 2, 1, 4,
		{ { 0, 0, 1, 1, 1 }, { 1, 1, 2, 2, 1 }, { 1, 0, 2, 2, 1 } } },
	[ASCENDSIM_PIXFMT_YUV444SP]      = { "YUV444SP",       YUV, 3, 1, 1, 1, 6,
		{ { 0, 0, 1, 1, 1 }, { 1, 0, 2, 1, 1 }, { 1, 1, 2, 1, 1 } } },
	[ASCENDSIM_PIXFMT_YVU444SP]      = { "YVU444SP",       YUV, 3, 1, 1, 1, 6,
		{ { 0, 0, 1, 1, 1 }, { 1, 1, 2, 1, 1 }, { 1, 0, 2, 1, 1 } } },
	[ASCENDSIM_PIXFMT_YUYV422]       = { "YUYV422_PACKED", YUV, 3, 2, 2, 1, 2,
		{ { 0, 0, 2, 1, 1 }, { 0, 1, 4, 2, 1 }, { 0, 3, 4, 2, 1 } } },
	[ASCENDSIM_PIXFMT_UYVY422]       = { "UYVY422_PACKED", YUV, 3, 2, 2, 1, 2,
		{ { 0, 1, 2, 1, 1 }, { 0, 0, 4, 2, 1 }, { 0, 2, 4, 2, 1 } } },
	[ASCENDSIM_PIXFMT_YVYU422]       = { "YVYU422_PACKED", YUV, 3, 2, 2, 1, 2,
		{ { 0, 0, 2, 1, 1 }, { 0, 3, 4, 2, 1 }, { 0, 1, 4, 2, 1 } } },
	[ASCENDSIM_PIXFMT_VYUY422]       = { "VYUY422_PACKED", YUV, 3, 2, 2, 1, 2,
		{ { 0, 1, 2, 1, 1 }, { 0, 2, 4, 2, 1 }, { 0, 0, 4, 2, 1 } } },
	[ASCENDSIM_PIXFMT_YUV444_PACKED] = { "YUV444_PACKED",  YUV, 3, 3, 1, 1, 2,
		{ { 0, 0, 3, 1, 1 }, { 0, 1, 3, 1, 1 }, { 0, 2, 3, 1, 1 } } },
	[ASCENDSIM_PIXFMT_RGB888]        = { "RGB888",         RGB, 3, 3, 1, 1, 2,
		{ { 0, 0, 3, 1, 1 }, { 0, 1, 3, 1, 1 }, { 0, 2, 3, 1, 1 } } },
	[ASCENDSIM_PIXFMT_BGR888]        = { "BGR888",         RGB, 3, 3, 1, 1, 2,
		{ { 0, 2, 3, 1, 1 }, { 0, 1, 3, 1, 1 }, { 0, 0, 3, 1, 1 } } },
	[ASCENDSIM_PIXFMT_ARGB8888]      = { "ARGB8888",       RGB, 4, 4, 1, 1, 2,
		{ { 0, 1, 4, 1, 1 }, { 0, 2, 4, 1, 1 }, { 0, 3, 4, 1, 1 }, { 0, 0, 4, 1, 1 } } },
	[ASCENDSIM_PIXFMT_ABGR8888]      = { "ABGR8888",       RGB, 4, 4, 1, 1, 2,
		{ { 0, 3, 4, 1, 1 }, { 0, 2, 4, 1, 1 }, { 0, 1, 4, 1, 1 }, { 0, 0, 4, 1, 1 } } },
	[ASCENDSIM_PIXFMT_RGBA8888]      = { "RGBA8888",       RGB, 4, 4, 1, 1, 2,
		{ { 0, 0, 4, 1, 1 }, { 0, 1, 4, 1, 1 }, { 0, 2, 4, 1, 1 }, { 0, 3, 4, 1, 1 } } },
	[ASCENDSIM_PIXFMT_BGRA8888]      = { "BGRA8888",       RGB, 4, 4, 1, 1, 2,
		{ { 0, 2, 4, 1, 1 }, { 0, 1, 4, 1, 1 }, { 0, 0, 4, 1, 1 }, { 0, 3, 4, 1, 1 } } },
};
/* clang-format on */
#undef YUV
#undef RGB

const struct ascendsim_img_layout *ascendsim_img_layout_of(int32_t format)
{
	if (format < 0 || (size_t)format >= sizeof(layouts) / sizeof(layouts[0]))
		return NULL;
	return layouts[format].name ? &layouts[format] : NULL;
}

bool ascendsim_img_format_supported(int32_t format)
{
	return ascendsim_img_layout_of(format) != NULL;
}

const char *ascendsim_img_format_name(int32_t format)
{
	const struct ascendsim_img_layout *l = ascendsim_img_layout_of(format);

	return l ? l->name : "UNKNOWN";
}

uint32_t ascendsim_img_bytes_per_pixel(int32_t format)
{
	const struct ascendsim_img_layout *l = ascendsim_img_layout_of(format);

	return l ? l->bpp : 0;
}

uint32_t ascendsim_img_chroma_x(int32_t format)
{
	const struct ascendsim_img_layout *l = ascendsim_img_layout_of(format);

	return l ? l->sub_x : 1;
}

uint32_t ascendsim_img_chroma_y(int32_t format)
{
	const struct ascendsim_img_layout *l = ascendsim_img_layout_of(format);

	return l ? l->sub_y : 1;
}

bool ascendsim_img_format_is_rgb(int32_t format)
{
	const struct ascendsim_img_layout *l = ascendsim_img_layout_of(format);

	return l && l->family == ASCENDSIM_IMG_FAMILY_RGB;
}

bool ascendsim_img_format_is_yuv(int32_t format)
{
	const struct ascendsim_img_layout *l = ascendsim_img_layout_of(format);

	return l && l->family == ASCENDSIM_IMG_FAMILY_YUV;
}

uint64_t ascendsim_img_buffer_size(int32_t format, uint32_t width_stride, uint32_t height_stride)
{
	const struct ascendsim_img_layout *l = ascendsim_img_layout_of(format);

	if (!l)
		return 0;
	/* size_x2 is twice the ratio of the whole buffer to one luma plane (3/2 -> 3). */
	return (uint64_t)width_stride * height_stride * l->size_x2 / 2;
}
