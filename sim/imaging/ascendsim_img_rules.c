/* SPDX-License-Identifier: MIT */
/*
 * Stride and dimension rules per API and SoC, in one table. Numbers and sources (api-facts.md 5.4
 * unless noted). Widths and width strides are in pixels; width_stride in bytes must be a multiple
 * of ws_align x bytes_per_pixel and lie within [ws_min, ws_max] x bytes_per_pixel.
 *
 *  V1 VPC, Ascend310/910: widthStride = width aligned to 16, heightStride = height aligned to 2,
 *    width stride 32..4096, height stride 6..4096 ([GE] header comments on
 *    acldvppVpcResizeAsync, aclcppdevg_03_0168/0173); pictures 10x6..4096x4096.
 *  V1 and V2 VPC, 310P/310B/910B/910_93: relaxed: widthStride may equal width (2-aligned where
 *    chroma is subsampled horizontally), heightStride = height aligned to 2 for YUV420SP; strides
 *    10..16384 and 6..16384; input 10x6..8192x8192; output up to 4096x4096 on 310P and 4096 wide
 *    x 8192 high on A2/A3/200I A2 (aclcppdevg_03_0397/0480/0637).
 *  JPEGD output: width stride aligned to 128 (310/910) or 64 (others), height stride to 16;
 *    pictures 32x32..8192x8192 (16384x16384 on A2/A3/200I A2).
 *  JPEGE input: not tabulated in api-facts.md; modelled on the V1 VPC rules (16/2 alignment),
 *    pictures 32x32..8192x8192.
 *  VDEC output: not tabulated in api-facts.md; modelled: width stride aligned to 16, height stride
 *    to 2, frames 128x128..4096x4096 (the H.264/H.265 decoder's range).
 */
#include "ascendsim_img_internal.h"

#include <inttypes.h>
#include <stdio.h>

static bool old_soc(enum ascendsim_soc soc)
{
	return soc == ASCENDSIM_SOC_310 || soc == ASCENDSIM_SOC_910;
}

static bool a2_class(enum ascendsim_soc soc)
{
	return soc == ASCENDSIM_SOC_910B || soc == ASCENDSIM_SOC_910_93 ||
	       soc == ASCENDSIM_SOC_310B;
}

static void set(struct ascendsim_img_rules *r, uint32_t ws_align, uint32_t ws_min, uint32_t ws_max,
		uint32_t hs_align, uint32_t hs_min, uint32_t hs_max, uint32_t w_min, uint32_t w_max,
		uint32_t h_min, uint32_t h_max, const char *source)
{
	*r = (struct ascendsim_img_rules){ ws_align, ws_min, ws_max, hs_align, hs_min, hs_max,
					   w_min,    w_max,  h_min,  h_max,    source };
}

static bool format_allowed(enum ascendsim_img_api api, enum ascendsim_soc soc, int32_t format)
{
	if (!ascendsim_img_format_supported(format))
		return false;
	switch (api) {
	case ASCENDSIM_IMG_API_V1_VPC:
	case ASCENDSIM_IMG_API_V2_VPC:
		return true;
	case ASCENDSIM_IMG_API_JPEGD_OUT:
		/* YUV400 and the semi-planar outputs everywhere; RGB on the newer decoders. */
		return format <= ASCENDSIM_PIXFMT_YVU444SP ||
		       (!old_soc(soc) && ascendsim_img_format_is_rgb(format));
	case ASCENDSIM_IMG_API_JPEGE_IN:
		return (format >= ASCENDSIM_PIXFMT_NV12 && format <= ASCENDSIM_PIXFMT_NV21) ||
		       (format >= ASCENDSIM_PIXFMT_YUYV422 && format <= ASCENDSIM_PIXFMT_VYUY422);
	case ASCENDSIM_IMG_API_VDEC_OUT:
		return format == ASCENDSIM_PIXFMT_NV12 || format == ASCENDSIM_PIXFMT_NV21 ||
		       (!old_soc(soc) &&
			(format == ASCENDSIM_PIXFMT_RGB888 || format == ASCENDSIM_PIXFMT_BGR888));
	}
	return false;
}

enum ascendsim_img_status ascendsim_img_get_rules(enum ascendsim_img_api api,
						  enum ascendsim_soc soc, int32_t format,
						  bool is_output, struct ascendsim_img_rules *out)
{
	uint32_t sub_x = ascendsim_img_chroma_x(format);
	uint32_t sub_y = ascendsim_img_chroma_y(format);

	if (!format_allowed(api, soc, format))
		return ASCENDSIM_IMG_ERR_FORMAT;
	switch (api) {
	case ASCENDSIM_IMG_API_V1_VPC:
		if (old_soc(soc)) {
			set(out, 16, 32, 4096, 2, 6, 4096, 10, 4096, 6, 4096,
			    "V1 VPC Ascend310/910: ws align 16, hs align 2 (api-facts.md 5.4)");
			return ASCENDSIM_IMG_OK;
		}
		/* V1 on the newer SoCs follows the V2 rules. */
		/* fall through */
	case ASCENDSIM_IMG_API_V2_VPC:
		if (!is_output)
			set(out, sub_x, 10, 16384, sub_y, 6, 16384, 10, 8192, 6, 8192,
			    "VPC input 310P/A2/A3: strides 10..16384 / 6..16384 (api-facts.md 5.4)");
		else if (a2_class(soc))
			set(out, sub_x, 10, 16384, sub_y, 6, 16384, 10, 4096, 6, 8192,
			    "VPC output A2/A3/200I A2: up to 4096x8192 (api-facts.md 5.4)");
		else
			set(out, sub_x, 10, 16384, sub_y, 6, 16384, 10, 4096, 6, 4096,
			    "VPC output 310P: up to 4096x4096 (api-facts.md 5.4)");
		return ASCENDSIM_IMG_OK;
	case ASCENDSIM_IMG_API_JPEGD_OUT:
		if (old_soc(soc))
			set(out, 128, 32, 8192, 16, 32, 8192, 32, 8192, 32, 8192,
			    "JPEGD output Ascend310/910: ws align 128, hs align 16 (api-facts.md "
			    "5.4)");
		else if (a2_class(soc))
			set(out, 64, 32, 16384, 16, 32, 16384, 32, 16384, 32, 16384,
			    "JPEGD output A2/A3/200I A2: ws align 64, hs align 16 (api-facts.md "
			    "5.4)");
		else
			set(out, 64, 32, 8192, 16, 32, 8192, 32, 8192, 32, 8192,
			    "JPEGD output 310P: ws align 64, hs align 16 (api-facts.md 5.4)");
		return ASCENDSIM_IMG_OK;
	case ASCENDSIM_IMG_API_JPEGE_IN:
		set(out, 16, 32, 8192, 2, 32, 8192, 32, 8192, 32, 8192,
		    "JPEGE input: modelled on V1 VPC (ws align 16, hs align 2)");
		return ASCENDSIM_IMG_OK;
	case ASCENDSIM_IMG_API_VDEC_OUT:
		set(out, 16, 128, 4096, 2, 128, 4096, 128, 4096, 128, 4096,
		    "VDEC output: modelled (ws align 16, hs align 2, 128..4096)");
		return ASCENDSIM_IMG_OK;
	}
	return ASCENDSIM_IMG_ERR_FORMAT;
}

enum ascendsim_img_status ascendsim_img_validate(const struct ascendsim_image *img,
						 const struct ascendsim_img_rules *rules, char *why,
						 size_t why_len)
{
	const struct ascendsim_img_layout *l = ascendsim_img_layout_of(img->format);
	uint64_t need;
	uint32_t bpp;

	if (!why || !why_len) {
		why = NULL;
		why_len = 0;
	}
	if (!l) {
		if (why)
			snprintf(why, why_len, "unsupported pixel format %" PRId32, img->format);
		return ASCENDSIM_IMG_ERR_FORMAT;
	}
	bpp = l->bpp;
	if (img->width < rules->w_min || img->width > rules->w_max || img->height < rules->h_min ||
	    img->height > rules->h_max || img->width % l->sub_x || img->height % l->sub_y) {
		if (why)
			snprintf(why, why_len,
				 "%s picture %" PRIu32 "x%" PRIu32 " outside %" PRIu32 "x%" PRIu32
				 "..%" PRIu32 "x%" PRIu32 " or not a multiple of %ux%u",
				 l->name, img->width, img->height, rules->w_min, rules->h_min,
				 rules->w_max, rules->h_max, l->sub_x, l->sub_y);
		return ASCENDSIM_IMG_ERR_DIM;
	}
	if ((uint64_t)img->width_stride < (uint64_t)img->width * bpp ||
	    img->width_stride % (rules->ws_align * bpp) ||
	    (uint64_t)img->width_stride < (uint64_t)rules->ws_min * bpp ||
	    (uint64_t)img->width_stride > (uint64_t)rules->ws_max * bpp) {
		if (why)
			snprintf(why, why_len,
				 "%s width stride %" PRIu32 " for width %" PRIu32
				 ": needs >= width x %u, a multiple of %" PRIu32 ", within %" PRIu64
				 "..%" PRIu64,
				 l->name, img->width_stride, img->width, bpp, rules->ws_align * bpp,
				 (uint64_t)rules->ws_min * bpp, (uint64_t)rules->ws_max * bpp);
		return ASCENDSIM_IMG_ERR_STRIDE;
	}
	if (img->height_stride < img->height || img->height_stride % rules->hs_align ||
	    img->height_stride < rules->hs_min || img->height_stride > rules->hs_max) {
		if (why)
			snprintf(why, why_len,
				 "%s height stride %" PRIu32 " for height %" PRIu32
				 ": needs >= height, a multiple of %" PRIu32 ", within %" PRIu32
				 "..%" PRIu32,
				 l->name, img->height_stride, img->height, rules->hs_align,
				 rules->hs_min, rules->hs_max);
		return ASCENDSIM_IMG_ERR_STRIDE;
	}
	need = ascendsim_img_buffer_size(img->format, img->width_stride, img->height_stride);
	if (img->size < need) {
		if (why)
			snprintf(why, why_len,
				 "%s buffer size %" PRIu64 " below the %" PRIu64 " bytes a %" PRIu32
				 "x%" PRIu32 " stride needs",
				 l->name, img->size, need, img->width_stride, img->height_stride);
		return ASCENDSIM_IMG_ERR_SIZE;
	}
	return ASCENDSIM_IMG_OK;
}

void ascendsim_img_jpegd_out_strides(enum ascendsim_soc soc, int32_t format, uint32_t width,
				     uint32_t height, uint32_t *width_stride,
				     uint32_t *height_stride)
{
	uint32_t bpp = ascendsim_img_bytes_per_pixel(format);
	uint32_t align = old_soc(soc) ? 128 : 64;

	if (!bpp)
		bpp = 1;
	*width_stride = ascendsim_img_align_up(width, align) * bpp;
	*height_stride = ascendsim_img_align_up(height, 16);
}
