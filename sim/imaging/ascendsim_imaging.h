/* SPDX-License-Identifier: MIT */
/*
 * ascendsim_imaging: the pixel engine shared by the simulated DVPP V1 (libacl_dvpp.so) and V2
 * (libacl_dvpp_mpi.so) libraries. Static PIC library, target `ascendsim_imaging`; link it
 * PRIVATE and include this header. It knows nothing about the runtime: no memory checks, no
 * streams, no logging. Callers validate addresses with ascendsim_mem_check_range() themselves and
 * map the statuses below onto their own API's error codes.
 *
 * What it provides:
 *   1. Pixel formats as plain ints with the numbering shared by acldvppPixelFormat and
 *      hi_pixel_format (0 = YUV400, 1 = NV12, 2 = NV21, ... 17 = BGRA8888), the bytes a format
 *      needs for a (widthStride, heightStride), bytes per pixel.
 *   2. SoC classification from the aclrtGetSocName()/ascendsim_soc_name() string, and per-SoC facts
 *      (V2 supported, VPC/JPEGD also accept aclrtMalloc memory).
 *   3. Stride/dimension rules per API (V1 VPC, V2 VPC, JPEGD output, JPEGE input, VDEC output)
 *      and SoC, as one table (ascendsim_img_rules.c), and a validator for a picture against them.
 *   4. Pixel operations on real memory with explicit strides: one general engine
 *      (crop a source rectangle, resize it bilinearly or nearest, convert the format, write it into
 *      a destination rectangle) and thin wrappers (resize, crop, crop+resize, paste, convert,
 *      fill, copy-make-border).
 *
 * Conventions (read of api-facts.md 5.4):
 *   - width_stride is the number of BYTES per row of the first plane. For semi-planar YUV and
 *     YUV400 that equals the stride in pixels; for packed formats it already includes the bytes
 *     per pixel (packed 422: width x 2, RGB888/YUV444 packed: width x 3, xRGB8888: width x 4).
 *   - height_stride is the number of rows of the first plane; the chroma plane of a semi-planar
 *     format starts at data + width_stride x height_stride.
 *   - Buffer sizes: YUV400 ws*hs, YUV420SP ws*hs*3/2, YUV422SP ws*hs*2, YUV444SP ws*hs*3,
 *     packed 422 / packed 444 / RGB / xRGB ws*hs (the stride already counts the bytes).
 *   - Chroma of semi-planar formats is interleaved (U,V for NV12/16/24; V,U for NV21/61/42), one
 *     chroma row per two luma rows for 420 and per luma row for 422/444; a 444SP chroma row holds
 *     2 x width_stride bytes.
 *   - Packed formats are named in memory byte order: RGB888 = R,G,B; ARGB8888 = A,R,G,B; YUYV =
 *     Y0,U,Y1,V; YUV444 packed = Y,U,V.
 *   - Colour conversion: BT.601 full range (JFIF), the matrix JPEG data uses, so a decoded JPEG
 *     converted to RGB matches a JPEG library's own RGB output. Alpha is carried between
 *     formats that have it, 255 otherwise.
 *   - Bilinear sampling uses pixel centres (src = (dst + 0.5) * scale - 0.5, clamped to the
 *     source rectangle), so an unscaled copy is exact. Chroma planes are resampled in their own
 *     (subsampled) grid.
 */
#ifndef ASCENDSIM_IMAGING_H
#define ASCENDSIM_IMAGING_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Pixel format numbers (acldvppPixelFormat == hi_pixel_format for these). */
enum {
	ASCENDSIM_PIXFMT_YUV400 = 0,
	ASCENDSIM_PIXFMT_NV12 = 1, /* YUV_SEMIPLANAR_420 */
	ASCENDSIM_PIXFMT_NV21 = 2, /* YVU_SEMIPLANAR_420 */
	ASCENDSIM_PIXFMT_YUV422SP = 3,
	ASCENDSIM_PIXFMT_YVU422SP = 4,
	ASCENDSIM_PIXFMT_YUV444SP = 5,
	ASCENDSIM_PIXFMT_YVU444SP = 6,
	ASCENDSIM_PIXFMT_YUYV422 = 7,
	ASCENDSIM_PIXFMT_UYVY422 = 8,
	ASCENDSIM_PIXFMT_YVYU422 = 9,
	ASCENDSIM_PIXFMT_VYUY422 = 10,
	ASCENDSIM_PIXFMT_YUV444_PACKED = 11,
	ASCENDSIM_PIXFMT_RGB888 = 12,
	ASCENDSIM_PIXFMT_BGR888 = 13,
	ASCENDSIM_PIXFMT_ARGB8888 = 14,
	ASCENDSIM_PIXFMT_ABGR8888 = 15,
	ASCENDSIM_PIXFMT_RGBA8888 = 16,
	ASCENDSIM_PIXFMT_BGRA8888 = 17,
};

/* Statuses of every function below; callers map them onto their API's codes. */
enum ascendsim_img_status {
	ASCENDSIM_IMG_OK = 0,
	ASCENDSIM_IMG_ERR_FORMAT, /* format unknown to the engine or not allowed here */
	ASCENDSIM_IMG_ERR_DIM,	  /* width/height out of bounds (or zero) */
	ASCENDSIM_IMG_ERR_STRIDE, /* stride too small, misaligned or out of bounds */
	ASCENDSIM_IMG_ERR_SIZE,	  /* declared buffer size below what the format needs */
	ASCENDSIM_IMG_ERR_RECT,	  /* a rectangle outside its picture, empty, or misaligned */
	ASCENDSIM_IMG_ERR_NOMEM,  /* scratch allocation failed */
};

/* ---- 1. formats ------------------------------------------------------------------------- */

/* True for the formats listed in the enum above (the ones the engine reads and writes). */
bool ascendsim_img_format_supported(int32_t format);
/* "YUV420SP_NV12", ...; "UNKNOWN" for others. For messages. */
const char *ascendsim_img_format_name(int32_t format);
/* Bytes per pixel in the first plane: 1 for YUV400/semi-planar, 2 packed 422, 3, 4. 0 unknown. */
uint32_t ascendsim_img_bytes_per_pixel(int32_t format);
/* Horizontal and vertical chroma subsampling factors (1 or 2); YUV420SP 2x2, YUV422 2x1. */
uint32_t ascendsim_img_chroma_x(int32_t format);
uint32_t ascendsim_img_chroma_y(int32_t format);
bool ascendsim_img_format_is_rgb(int32_t format);
bool ascendsim_img_format_is_yuv(int32_t format); /* YUV400 included */
/* Bytes a picture of that format and strides needs; 0 for an unknown format. */
uint64_t ascendsim_img_buffer_size(int32_t format, uint32_t width_stride, uint32_t height_stride);

static inline uint32_t ascendsim_img_align_up(uint32_t v, uint32_t a)
{
	return a ? (v + a - 1) / a * a : v;
}

/* ---- 2. SoCs ---------------------------------------------------------------------------- */

enum ascendsim_soc {
	ASCENDSIM_SOC_UNKNOWN = 0,
	ASCENDSIM_SOC_310,    /* "Ascend310": Atlas 200/300/500 inference */
	ASCENDSIM_SOC_310P,   /* "Ascend310P*": Atlas inference series (default of the simulator) */
	ASCENDSIM_SOC_310B,   /* "Ascend310B*": Atlas 200I/500 A2 */
	ASCENDSIM_SOC_910,    /* "Ascend910", "Ascend910A", "Ascend910Pro*": training */
	ASCENDSIM_SOC_910B,   /* "Ascend910B*": Atlas A2 */
	ASCENDSIM_SOC_910_93, /* "Ascend910_93*": Atlas A3 */
};

/* Classifies an aclrtGetSocName() string (pass ascendsim_soc_name()); NULL gives UNKNOWN. */
enum ascendsim_soc ascendsim_soc_classify(const char *soc_name);
const char *ascendsim_soc_family_name(enum ascendsim_soc soc);
/* hi_mpi_* (DVPP V2) exists: 310P, 310B, 910B, 910_93 (api-facts.md 5.2). */
bool ascendsim_soc_has_dvpp_v2(enum ascendsim_soc soc);
/*
 * VPC/VDEC/JPEGD also accept aclrtMalloc memory, besides DVPP memory: 910B (A2), 910_93 (A3),
 * 310B (200I/500 A2), api-facts.md 5.2. Callers then check pools DVPP | DEVICE.
 */
bool ascendsim_soc_dvpp_accepts_device_mem(enum ascendsim_soc soc);
/* UNKNOWN is treated as the simulator's default, 310P, by the rule lookup below. */

/* ---- 3. rules --------------------------------------------------------------------------- */

enum ascendsim_img_api {
	ASCENDSIM_IMG_API_V1_VPC,    /* acldvppVpc* input and output pictures */
	ASCENDSIM_IMG_API_V2_VPC,    /* hi_mpi_vpc_* input and output pictures */
	ASCENDSIM_IMG_API_JPEGD_OUT, /* JPEG decoder output picture (V1 and V2) */
	ASCENDSIM_IMG_API_JPEGE_IN,  /* JPEG encoder input picture (V1 and V2) */
	ASCENDSIM_IMG_API_VDEC_OUT,  /* video decoder output frame (V1 and V2) */
};

struct ascendsim_img_rules {
	/*
	 * width_stride must be a multiple of ws_align x bytes_per_pixel and within
	 * [ws_min, ws_max] x bytes_per_pixel (bounds in pixels, as the documents state them);
	 * height_stride a multiple of hs_align within [hs_min, hs_max]. Both at least the
	 * picture's width x bytes_per_pixel and height.
	 */
	uint32_t ws_align, ws_min, ws_max;
	uint32_t hs_align, hs_min, hs_max;
	/* Picture dimensions. Width and height also even for chroma-subsampled formats. */
	uint32_t w_min, w_max, h_min, h_max;
	const char *source; /* where the numbers come from, for messages and review */
};

/*
 * The rules of api on soc for an input (is_output false) or output picture of format. Returns
 * ASCENDSIM_IMG_ERR_FORMAT when that api does not take the format, ASCENDSIM_IMG_OK otherwise.
 */
enum ascendsim_img_status ascendsim_img_get_rules(enum ascendsim_img_api api,
						  enum ascendsim_soc soc, int32_t format,
						  bool is_output, struct ascendsim_img_rules *out);

/* A picture in memory: what a picture description (V1) or hi_vpc_pic_info (V2) declares. */
struct ascendsim_image {
	uint8_t *data;
	uint64_t size; /* declared buffer size in bytes */
	int32_t format;
	uint32_t width, height;
	uint32_t width_stride; /* bytes per row of the first plane (see conventions) */
	uint32_t height_stride;
};

/*
 * Checks img against rules: format known, dimensions, strides (>= width*bpp / height, alignment,
 * bounds), then declared size >= ascendsim_img_buffer_size(). Does not look at data. On failure
 * writes a one-line reason naming the values into why (if non-NULL).
 */
enum ascendsim_img_status ascendsim_img_validate(const struct ascendsim_image *img,
						 const struct ascendsim_img_rules *rules, char *why,
						 size_t why_len);

/* JPEGD output strides for a decoded w x h picture (128x16 on 310/910, 64x16 elsewhere). */
void ascendsim_img_jpegd_out_strides(enum ascendsim_soc soc, int32_t format, uint32_t width,
				     uint32_t height, uint32_t *width_stride,
				     uint32_t *height_stride);

/* ---- 4. pixel operations ---------------------------------------------------------------- */

struct ascendsim_rect {
	uint32_t x, y; /* top-left corner */
	uint32_t w, h;
};

enum ascendsim_img_interp {
	ASCENDSIM_IMG_INTERP_BILINEAR = 0,
	ASCENDSIM_IMG_INTERP_NEAREST = 1,
};

/*
 * The general operation: take src_rect of src, scale it to dst_rect's size with interp, convert
 * to dst's format, and write it into dst_rect of dst. Pixels of dst outside dst_rect are left as
 * they are (paste). NULL rects mean the whole picture. Rectangles must lie inside their
 * pictures (width x height, not strides); for chroma-subsampled formats x/y/w/h must be even
 * where the subsampling applies, else ASCENDSIM_IMG_ERR_RECT. Both pictures need sizes covering
 * their strides (ASCENDSIM_IMG_ERR_SIZE otherwise): the engine never touches bytes outside
 * [data, data + buffer_size). src and dst must not overlap.
 */
enum ascendsim_img_status ascendsim_img_process(const struct ascendsim_image *src,
						const struct ascendsim_rect *src_rect,
						const struct ascendsim_image *dst,
						const struct ascendsim_rect *dst_rect,
						enum ascendsim_img_interp interp);

/* Whole src scaled into whole dst (formats may differ). */
enum ascendsim_img_status ascendsim_img_resize(const struct ascendsim_image *src,
					       const struct ascendsim_image *dst,
					       enum ascendsim_img_interp interp);
/* src_rect of src copied unscaled into dst's top-left corner (dst at least that large). */
enum ascendsim_img_status ascendsim_img_crop(const struct ascendsim_image *src,
					     const struct ascendsim_rect *src_rect,
					     const struct ascendsim_image *dst);
/* src_rect of src scaled into the whole of dst. */
enum ascendsim_img_status ascendsim_img_crop_resize(const struct ascendsim_image *src,
						    const struct ascendsim_rect *src_rect,
						    const struct ascendsim_image *dst,
						    enum ascendsim_img_interp interp);
/* Whole src converted into whole dst: same width and height, formats differ. */
enum ascendsim_img_status ascendsim_img_convert(const struct ascendsim_image *src,
						const struct ascendsim_image *dst);
/*
 * Fills rect of dst (NULL: the whole picture) with a constant colour. value[] is in the format's
 * component order: (Y, U, V) for YUV formats, memory byte order for packed RGB formats (BGR888:
 * B, G, R; ARGB8888: A, R, G, B). Values are rounded and clamped to 0..255.
 */
enum ascendsim_img_status ascendsim_img_fill(const struct ascendsim_image *dst,
					     const struct ascendsim_rect *rect,
					     const double value[4]);
/*
 * Copy-make-border, constant border: dst (width = src.width + left + right, height =
 * src.height + top + bottom, same format) gets value[] around src copied at (left, top).
 */
enum ascendsim_img_status ascendsim_img_copy_make_border(const struct ascendsim_image *src,
							 const struct ascendsim_image *dst,
							 uint32_t top, uint32_t bottom,
							 uint32_t left, uint32_t right,
							 const double value[4]);

/* Fixed BT.601 full-range conversion used by the engine (exposed so tests and JPEG code agree). */
void ascendsim_img_rgb_to_yuv(uint8_t r, uint8_t g, uint8_t b, uint8_t *y, uint8_t *u, uint8_t *v);
void ascendsim_img_yuv_to_rgb(uint8_t y, uint8_t u, uint8_t v, uint8_t *r, uint8_t *g, uint8_t *b);

#ifdef __cplusplus
}
#endif

#endif
