/* SPDX-License-Identifier: MIT */
/*
 * JPEG decoding for hi_mpi_vdec channels of type HI_PT_JPEG: libjpeg-turbo decodes to YCbCr
 * (or grey), the pixel engine writes that into the program's output picture in its format.
 */
/* jpeglib.h needs stdio.h first: keep this order. */
/* clang-format off */
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jpeglib.h>

#include "mpi_jpeg.h"
/* clang-format on */

struct jpeg_err {
	struct jpeg_error_mgr mgr;
	jmp_buf jump;
};

static void on_error(j_common_ptr cinfo)
{
	struct jpeg_err *e = (struct jpeg_err *)cinfo->err;

	longjmp(e->jump, 1);
}

static void on_message(j_common_ptr cinfo)
{
	(void)cinfo; /* corrupt-data warnings stay quiet, as the hardware's would */
}

/* Errors jump back to the caller's setjmp; warnings are dropped. */
static struct jpeg_error_mgr *err_init(struct jpeg_err *err)
{
	struct jpeg_error_mgr *mgr = jpeg_std_error(&err->mgr);

	err->mgr.error_exit = on_error;
	err->mgr.output_message = on_message;
	return mgr;
}

static hi_jpeg_raw_format raw_format(const struct jpeg_decompress_struct *d)
{
	int h, v;

	if (d->num_components == 1)
		return HI_JPEG_RAW_FORMAT_YUV400;
	h = d->comp_info[0].h_samp_factor / d->comp_info[1].h_samp_factor;
	v = d->comp_info[0].v_samp_factor / d->comp_info[1].v_samp_factor;
	if (h == 2 && v == 2)
		return HI_JPEG_RAW_FORMAT_YUV420;
	if (h == 2 && v == 1)
		return HI_JPEG_RAW_FORMAT_YUV422;
	if (h == 1 && v == 2)
		return HI_JPEG_RAW_FORMAT_YUV440;
	if (h == 4)
		return HI_JPEG_RAW_FORMAT_YUV411;
	return HI_JPEG_RAW_FORMAT_YUV444;
}

struct jpeg_facts {
	uint32_t width, height;
	hi_jpeg_raw_format raw;
};

/* Reads the header into facts (if not NULL) and, with a pic, decodes the image into pic. */
static bool read_jpeg(const uint8_t *data, size_t len, struct jpeg_facts *facts,
		      const hi_vdec_pic_info *pic)
{
	struct jpeg_decompress_struct d;
	struct jpeg_err err;
	struct ascendsim_image src = { 0 }, dst;
	uint8_t *volatile pixels = NULL;
	uint32_t w2, h2, sub_x, sub_y, y;
	volatile bool ok = false;
	size_t row;

	if (!data || len == 0)
		return false;
	d.err = err_init(&err);
	jpeg_create_decompress(&d);
	if (setjmp(err.jump))
		goto end;
	jpeg_mem_src(&d, data, (unsigned long)len);
	if (jpeg_read_header(&d, TRUE) != JPEG_HEADER_OK)
		goto end;
	if (facts)
		*facts = (struct jpeg_facts){ d.image_width, d.image_height, raw_format(&d) };
	if (!pic) {
		ok = true;
		goto end;
	}
	d.out_color_space = d.num_components == 1 ? JCS_GRAYSCALE : JCS_YCbCr;
	jpeg_start_decompress(&d);
	sub_x = ascendsim_img_chroma_x((int32_t)pic->pixel_format);
	sub_y = ascendsim_img_chroma_y((int32_t)pic->pixel_format);
	/* Subsampled outputs hold whole chroma cells: the last column/row is repeated. */
	w2 = ascendsim_img_align_up(d.output_width, sub_x);
	h2 = ascendsim_img_align_up(d.output_height, sub_y);
	if (w2 > ascendsim_img_align_up(pic->width, sub_x) ||
	    h2 > ascendsim_img_align_up(pic->height, sub_y))
		goto abort;
	row = (size_t)w2 * d.output_components;
	pixels = malloc(row * h2);
	if (!pixels)
		goto abort;
	while (d.output_scanline < d.output_height) {
		JSAMPROW r = pixels + row * d.output_scanline;

		jpeg_read_scanlines(&d, &r, 1);
	}
	jpeg_finish_decompress(&d);
	for (y = 0; y < h2; y++) {
		uint8_t *r = pixels + row * (y < d.output_height ? y : d.output_height - 1);

		if (y >= d.output_height)
			memcpy(pixels + row * y, r, row);
		if (w2 > d.output_width)
			memcpy(pixels + row * y + (size_t)d.output_width * d.output_components,
			       pixels + row * y +
				   (size_t)(d.output_width - 1) * d.output_components,
			       d.output_components);
	}
	src = (struct ascendsim_image){ pixels,
					row * h2,
					d.output_components == 1 ? ASCENDSIM_PIXFMT_YUV400
								 : ASCENDSIM_PIXFMT_YUV444_PACKED,
					w2,
					h2,
					(uint32_t)row,
					h2 };
	dst = (struct ascendsim_image){ (uint8_t *)(uintptr_t)pic->vir_addr,
					pic->buffer_size,
					(int32_t)pic->pixel_format,
					w2,
					h2,
					pic->width_stride,
					pic->height_stride };
	ok = ascendsim_img_process(&src, NULL, &dst, NULL, ASCENDSIM_IMG_INTERP_BILINEAR) ==
	     ASCENDSIM_IMG_OK;
	goto end;
abort:
	jpeg_abort_decompress(&d);
end:
	jpeg_destroy_decompress(&d);
	free(pixels);
	return ok;
}

bool ascendsim_mpi_jpeg_header(const uint8_t *data, size_t len, uint32_t *width, uint32_t *height,
			       hi_jpeg_raw_format *raw)
{
	struct jpeg_facts facts;

	if (!read_jpeg(data, len, &facts, NULL))
		return false;
	*width = facts.width;
	*height = facts.height;
	*raw = facts.raw;
	return true;
}

bool ascendsim_mpi_jpeg_decode(const uint8_t *data, size_t len, const hi_vdec_pic_info *pic)
{
	return read_jpeg(data, len, NULL, pic);
}

bool ascendsim_mpi_jpeg_encode(const hi_video_frame *f, int quality, uint8_t *out, uint32_t cap,
			       uint32_t *len)
{
	struct jpeg_compress_struct c;
	struct jpeg_err err;
	struct ascendsim_image src, tmp;
	unsigned char *volatile mem = NULL;
	unsigned long mem_len = 0;
	uint8_t *volatile pixels = NULL;
	volatile bool ok = false;
	size_t row;

	src = (struct ascendsim_image){ f->virt_addr[0],
					(uint64_t)f->width_stride[0] * f->height_stride[0] * 3 / 2,
					(int32_t)f->pixel_format,
					f->width,
					f->height,
					f->width_stride[0],
					f->height_stride[0] };
	row = (size_t)f->width * 3;
	pixels = malloc(row * f->height);
	if (!pixels)
		return false;
	/* Full-resolution YCbCr for libjpeg, which subsamples to 4:2:0 itself. */
	tmp = (struct ascendsim_image){ pixels,	  row * f->height, ASCENDSIM_PIXFMT_YUV444_PACKED,
					f->width, f->height,	   (uint32_t)row,
					f->height };
	if (ascendsim_img_convert(&src, &tmp) != ASCENDSIM_IMG_OK) {
		free(pixels);
		return false;
	}
	c.err = err_init(&err);
	jpeg_create_compress(&c);
	if (setjmp(err.jump))
		goto end;
	jpeg_mem_dest(&c, (unsigned char **)&mem, &mem_len);
	c.image_width = f->width;
	c.image_height = f->height;
	c.input_components = 3;
	c.in_color_space = JCS_YCbCr;
	jpeg_set_defaults(&c);
	jpeg_set_quality(&c, quality, TRUE);
	jpeg_start_compress(&c, TRUE);
	while (c.next_scanline < c.image_height) {
		JSAMPROW r = pixels + row * c.next_scanline;

		jpeg_write_scanlines(&c, &r, 1);
	}
	jpeg_finish_compress(&c);
	if (mem_len <= cap) {
		memcpy(out, mem, mem_len);
		*len = (uint32_t)mem_len;
		ok = true;
	}
end:
	jpeg_destroy_compress(&c);
	free(mem);
	free(pixels);
	return ok;
}
