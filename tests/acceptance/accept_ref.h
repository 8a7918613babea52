/* SPDX-License-Identifier: MIT */
/*
 * Independent references for the acceptance program: everything here is computed on the host
 * from first principles (libjpeg's own decoder, a textbook bilinear, the documented hash and
 * pattern formulas), never through the runtime under test. Compiles as C11 and as C++17.
 */
#ifndef ACCEPT_REF_H
#define ACCEPT_REF_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* A picture in host memory: YUV420SP (NV12), Y plane then interleaved U/V, both strided. */
struct accept_nv12 {
	const uint8_t *data;
	uint32_t width, height, width_stride, height_stride;
};

/* A full-resolution Y, Cb, Cr picture (3 bytes a pixel) as libjpeg decodes it. */
struct accept_ycc {
	uint8_t *pixels;
	uint32_t width, height;
};

uint32_t accept_fnv1a32(const uint8_t *p, size_t n);
uint64_t accept_fnv1a64(const uint8_t *p, size_t n);

/* Decodes a JPEG held in memory with libjpeg into accept_ycc; 0 on success. */
int accept_ref_jpeg_decode(const uint8_t *jpeg, size_t size, struct accept_ycc *out);
void accept_ycc_free(struct accept_ycc *ycc);

/*
 * PSNR (dB) of the decoded NV12 picture against libjpeg's decode: the Y plane pixel by pixel,
 * the chroma samples against the mean of libjpeg's 2x2 full-resolution Cb/Cr. 99 means identical.
 * row_shift (0 normally) offsets the reference rows: used to prove the check can fail.
 */
void accept_psnr_vs_jpeg(const struct accept_nv12 *pic, const struct accept_ycc *ref,
			 uint32_t row_shift, double *psnr_y, double *psnr_c);

/*
 * Largest absolute difference between dst and a bilinear resize of src computed here (pixel
 * centres aligned, edge samples clamped, each plane at its own resolution). centre_offset is the
 * half-pixel shift of the mapping, 0.5 for the textbook bilinear.
 */
double accept_resize_max_error(const struct accept_nv12 *src, const struct accept_nv12 *dst,
			       double centre_offset);

/* Largest absolute difference of two pictures of the same size (visible area only). */
unsigned accept_max_diff(const struct accept_nv12 *a, const struct accept_nv12 *b);

/* Standard deviation of the visible Y samples: proves a picture is not flat. */
double accept_luma_stddev(const struct accept_nv12 *pic);

/*
 * The synthetic frames the simulated decoders document (sim/dvpp/README.md, sim/mpi/README.md).
 * Return the number of mismatching samples (0: the frame is what the documentation says).
 */
size_t accept_check_vdec_v1_frame(const struct accept_nv12 *pic, const uint8_t *bitstream,
				  size_t len);
size_t accept_check_vdec_v2_frame(const struct accept_nv12 *pic, const uint8_t *bitstream,
				  size_t len);

/* The model file facts the "stats" computation needs (docs/simulator-models.md). */
struct accept_model_file {
	uint32_t channels, inputs, outputs;
	uint32_t weight_checksum; /* FNV-1a 32 of the weights as stored in the file */
};
int accept_read_model_file(const char *path, struct accept_model_file *m);

/*
 * The "stats" result record for one input: FNV-1a 32 of its bytes, the per-channel means as
 * floats, the weight checksum; little-endian. Returns the record length (4 * (2 + channels)).
 */
size_t accept_stats_record(const uint8_t *input, size_t size, uint32_t channels,
			   uint32_t weight_checksum, uint8_t *record, size_t capacity);

/*
 * Compares one model output with the record repeated and cut to the output's size; the means
 * may differ by float rounding only. Returns the index of the first differing byte, or -1.
 */
long accept_compare_output(const uint8_t *output, size_t size, const uint8_t *record,
			   size_t record_len, uint32_t channels);

#ifdef __cplusplus
}
#endif

#endif
