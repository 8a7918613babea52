/* SPDX-License-Identifier: MIT */
/* libjpeg-turbo behind the JPEG calls: header parsing, decoding and encoding in host memory. */
#ifndef ASCENDSIM_DVPP_JPEG_CODEC_H
#define ASCENDSIM_DVPP_JPEG_CODEC_H

#include "ascendsim_imaging.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct ascendsim_jpeg_info {
	uint32_t width, height;
	int32_t components;
	int32_t css;	/* an acldvppJpegFormat value */
	bool supported; /* baseline/extended Huffman, 1 or 3 components: what JPEGD decodes */
};

/* 0 on success, -1 (with a reason in why) when data is not a readable JPEG stream. */
int ascendsim_jpeg_read_info(const void *data, size_t size, struct ascendsim_jpeg_info *info,
			     char *why, size_t why_len);

/*
 * Decodes into a new packed YUV 4:4:4 picture (Y,U,V bytes, BT.601 full range as JPEG stores
 * it; grey pictures get U = V = 128) whose width and height are rounded up to even, the last
 * column and row repeated. img->data is malloc'ed; free it. 0 on success, -1 otherwise.
 */
int ascendsim_jpeg_decode_yuv444(const void *data, size_t size, struct ascendsim_image *img,
				 char *why, size_t why_len);

/*
 * Encodes a packed YUV 4:4:4 picture (width x height of img) at quality 1..100 with 4:2:0
 * sampling. *out is malloc'ed. 0 on success, -1 otherwise.
 */
int ascendsim_jpeg_encode_yuv444(const struct ascendsim_image *img, int quality, uint8_t **out,
				 size_t *out_len, char *why, size_t why_len);

#endif
