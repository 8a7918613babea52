/* SPDX-License-Identifier: MIT */
/* Private to libacl_dvpp_mpi.so: JPEG decoding and encoding (libjpeg-turbo) for VDEC and VENC. */
#ifndef ASCENDSIM_MPI_JPEG_H
#define ASCENDSIM_MPI_JPEG_H

#include "mpi_internal.h"

/* Header facts of a JPEG image; false if data is not a JPEG libjpeg can read. */
bool ascendsim_mpi_jpeg_header(const uint8_t *data, size_t len, uint32_t *width, uint32_t *height,
			       hi_jpeg_raw_format *raw);
/*
 * Decodes data into pic (its format, strides, buffer at vir_addr). The image must fit pic's
 * width and height (rounded up to even). Returns false on a decode error or a misfit.
 */
bool ascendsim_mpi_jpeg_decode(const uint8_t *data, size_t len, const hi_vdec_pic_info *pic);

/*
 * Encodes a YUV420SP frame (virt_addr[0], strides [0]) as a baseline 4:2:0 JPEG of the given
 * quality into out; false on an error or when the stream needs more than cap bytes.
 */
bool ascendsim_mpi_jpeg_encode(const hi_video_frame *f, int quality, uint8_t *out, uint32_t cap,
			       uint32_t *len);

#endif
