/* SPDX-License-Identifier: MIT */
/* Private to libacl_dvpp_mpi.so: JPEG decoding (libjpeg-turbo) for VDEC channels of type JPEG. */
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

#endif
