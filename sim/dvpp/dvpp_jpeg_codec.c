/* SPDX-License-Identifier: MIT */
/* libjpeg-turbo glue: errors come back as return codes, never as exits. */
#include "dvpp_jpeg_codec.h"

#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* clang-format off: jpeglib.h needs stdio.h first */
#include <jpeglib.h>
/* clang-format on */

#include "dvpp_internal.h"

struct jerr {
	struct jpeg_error_mgr mgr;
	jmp_buf env;
	char msg[JMSG_LENGTH_MAX];
};

static void jerr_exit(j_common_ptr cinfo)
{
	struct jerr *e = (struct jerr *)cinfo->err;

	(*cinfo->err->format_message)(cinfo, e->msg);
	longjmp(e->env, 1);
}

static void jerr_quiet(j_common_ptr cinfo)
{
	(void)cinfo; /* warnings of corrupt data end up as errors or are harmless */
}

static void jerr_init(struct jerr *e, j_common_ptr cinfo)
{
	cinfo->err = jpeg_std_error(&e->mgr);
	e->mgr.error_exit = jerr_exit;
	e->mgr.output_message = jerr_quiet;
	e->msg[0] = '\0';
}

static int32_t css_of(const struct jpeg_decompress_struct *d)
{
	int h, v;

	if (d->num_components == 1)
		return ACL_JPEG_CSS_GRAY;
	if (d->num_components != 3)
		return ACL_JPEG_CSS_UNKNOWN;
	/* Chroma is assumed to be 1x1; the luma factors give the subsampling. */
	if (d->comp_info[1].h_samp_factor != 1 || d->comp_info[1].v_samp_factor != 1 ||
	    d->comp_info[2].h_samp_factor != 1 || d->comp_info[2].v_samp_factor != 1)
		return ACL_JPEG_CSS_UNKNOWN;
	h = d->comp_info[0].h_samp_factor;
	v = d->comp_info[0].v_samp_factor;
	if (h == 1 && v == 1)
		return ACL_JPEG_CSS_444;
	if (h == 2 && v == 1)
		return ACL_JPEG_CSS_422;
	if (h == 2 && v == 2)
		return ACL_JPEG_CSS_420;
	if (h == 1 && v == 2)
		return ACL_JPEG_CSS_440;
	if (h == 4 && v == 1)
		return ACL_JPEG_CSS_411;
	return ACL_JPEG_CSS_UNKNOWN;
}

int ascendsim_jpeg_read_info(const void *data, size_t size, struct ascendsim_jpeg_info *info,
			     char *why, size_t why_len)
{
	struct jpeg_decompress_struct d;
	struct jerr e;
	volatile int ret = -1;

	memset(&d, 0, sizeof(d));
	jerr_init(&e, (j_common_ptr)&d);
	if (setjmp(e.env)) {
		snprintf(why, why_len, "%s", e.msg);
		goto end;
	}
	jpeg_create_decompress(&d);
	jpeg_mem_src(&d, (const unsigned char *)data, (unsigned long)size);
	jpeg_read_header(&d, TRUE);
	info->width = d.image_width;
	info->height = d.image_height;
	info->components = d.num_components;
	info->css = css_of(&d);
	info->supported = !d.progressive_mode && !d.arith_code &&
			  (d.num_components == 1 || d.num_components == 3) &&
			  info->css != ACL_JPEG_CSS_UNKNOWN;
	ret = 0;
end:
	jpeg_destroy_decompress(&d);
	return ret;
}

int ascendsim_jpeg_decode_yuv444(const void *data, size_t size, struct ascendsim_image *img,
				 char *why, size_t why_len)
{
	struct jpeg_decompress_struct d;
	struct jerr e;
	uint8_t *volatile pix = NULL;
	uint8_t *volatile row = NULL;
	uint32_t w, h, ew, eh;
	volatile int ret = -1;

	memset(&d, 0, sizeof(d));
	jerr_init(&e, (j_common_ptr)&d);
	if (setjmp(e.env)) {
		snprintf(why, why_len, "%s", e.msg);
		free(pix);
		pix = NULL;
		goto end;
	}
	jpeg_create_decompress(&d);
	jpeg_mem_src(&d, (const unsigned char *)data, (unsigned long)size);
	jpeg_read_header(&d, TRUE);
	d.out_color_space = d.num_components == 1 ? JCS_GRAYSCALE : JCS_YCbCr;
	jpeg_start_decompress(&d);
	w = d.output_width;
	h = d.output_height;
	ew = w + (w & 1);
	eh = h + (h & 1);
	pix = malloc((size_t)ew * eh * 3);
	row = malloc((size_t)w * (size_t)d.output_components);
	if (!pix || !row) {
		snprintf(why, why_len, "out of memory for a %ux%u picture", (unsigned)w,
			 (unsigned)h);
		free(pix);
		pix = NULL;
		goto end;
	}
	while (d.output_scanline < h) {
		JSAMPROW rows[1] = { row };
		uint32_t y = d.output_scanline;
		uint8_t *dst = pix + (size_t)y * ew * 3;

		jpeg_read_scanlines(&d, rows, 1);
		for (uint32_t x = 0; x < w; x++) {
			if (d.output_components == 1) {
				dst[x * 3] = row[x];
				dst[x * 3 + 1] = 128;
				dst[x * 3 + 2] = 128;
			} else {
				memcpy(dst + x * 3, row + x * 3, 3);
			}
		}
		if (ew != w)
			memcpy(dst + (size_t)w * 3, dst + (size_t)(w - 1) * 3, 3);
	}
	if (eh != h)
		memcpy(pix + (size_t)h * ew * 3, pix + (size_t)(h - 1) * ew * 3, (size_t)ew * 3);
	jpeg_finish_decompress(&d);
	img->data = pix;
	img->size = (uint64_t)ew * eh * 3;
	img->format = ASCENDSIM_PIXFMT_YUV444_PACKED;
	img->width = ew;
	img->height = eh;
	img->width_stride = ew * 3;
	img->height_stride = eh;
	ret = 0;
end:
	free(row);
	jpeg_destroy_decompress(&d);
	return ret;
}

int ascendsim_jpeg_encode_yuv444(const struct ascendsim_image *img, int quality, uint8_t **out,
				 size_t *out_len, char *why, size_t why_len)
{
	struct jpeg_compress_struct c;
	struct jerr e;
	unsigned char *volatile buf = NULL;
	unsigned long len = 0;
	volatile int ret = -1;

	memset(&c, 0, sizeof(c));
	jerr_init(&e, (j_common_ptr)&c);
	if (setjmp(e.env)) {
		snprintf(why, why_len, "%s", e.msg);
		goto end;
	}
	jpeg_create_compress(&c);
	jpeg_mem_dest(&c, (unsigned char **)&buf, &len);
	c.image_width = img->width;
	c.image_height = img->height;
	c.input_components = 3;
	c.in_color_space = JCS_YCbCr;
	jpeg_set_defaults(&c);
	jpeg_set_colorspace(&c, JCS_YCbCr);
	c.comp_info[0].h_samp_factor = 2;
	c.comp_info[0].v_samp_factor = 2;
	jpeg_set_quality(&c, quality, TRUE);
	jpeg_start_compress(&c, TRUE);
	while (c.next_scanline < c.image_height) {
		JSAMPROW rows[1] = { img->data + (size_t)c.next_scanline * img->width_stride };

		jpeg_write_scanlines(&c, rows, 1);
	}
	jpeg_finish_compress(&c);
	*out = buf;
	*out_len = len;
	buf = NULL;
	ret = 0;
end:
	jpeg_destroy_compress(&c);
	free(buf);
	return ret;
}
