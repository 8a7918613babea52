/* SPDX-License-Identifier: MIT */
/* Host-side references of the acceptance program (see accept_ref.h). C11 and C++17. */
#include "accept_ref.h"

/* jpeglib.h needs stdio.h (FILE) first: keep this order. */
/* clang-format off */
#include <stdio.h>
#include <jpeglib.h>
/* clang-format on */
#include <math.h>
#include <stdlib.h>
#include <string.h>

uint32_t accept_fnv1a32(const uint8_t *p, size_t n)
{
	uint32_t h = 2166136261u;
	size_t i;

	for (i = 0; i < n; i++) {
		h ^= p[i];
		h *= 16777619u;
	}
	return h;
}

uint64_t accept_fnv1a64(const uint8_t *p, size_t n)
{
	uint64_t h = 0xcbf29ce484222325ull;
	size_t i;

	for (i = 0; i < n; i++) {
		h ^= p[i];
		h *= 0x100000001b3ull;
	}
	return h;
}

int accept_ref_jpeg_decode(const uint8_t *jpeg, size_t size, struct accept_ycc *out)
{
	struct jpeg_decompress_struct d;
	struct jpeg_error_mgr err;
	JSAMPROW row;

	/* libjpeg's default error handler prints the reason and exits: fine for a test. */
	memset(&d, 0, sizeof(d));
	d.err = jpeg_std_error(&err);
	jpeg_create_decompress(&d);
	jpeg_mem_src(&d, jpeg, (unsigned long)size);
	if (jpeg_read_header(&d, TRUE) != JPEG_HEADER_OK || d.num_components != 3) {
		fprintf(stderr, "accept: reference decoder: not a 3-component JPEG\n");
		jpeg_destroy_decompress(&d);
		return -1;
	}
	d.out_color_space = JCS_YCbCr; /* the decoder's own Y/Cb/Cr, no colour conversion */
	jpeg_start_decompress(&d);
	out->width = d.output_width;
	out->height = d.output_height;
	out->pixels = (uint8_t *)malloc((size_t)out->width * out->height * 3);
	if (!out->pixels) {
		fprintf(stderr, "accept: reference decoder: no memory for %ux%u\n", out->width,
			out->height);
		jpeg_destroy_decompress(&d);
		return -1;
	}
	while (d.output_scanline < d.output_height) {
		row = out->pixels + (size_t)d.output_scanline * out->width * 3;
		jpeg_read_scanlines(&d, &row, 1);
	}
	jpeg_finish_decompress(&d);
	jpeg_destroy_decompress(&d);
	return 0;
}

void accept_ycc_free(struct accept_ycc *ycc)
{
	free(ycc->pixels);
	ycc->pixels = NULL;
}

static double psnr(double sq_sum, size_t count)
{
	double mse = count ? sq_sum / (double)count : 0.0;

	return mse <= 0.0 ? 99.0 : 10.0 * log10(255.0 * 255.0 / mse);
}

static uint32_t clamp_u32(uint32_t v, uint32_t max)
{
	return v > max ? max : v;
}

void accept_psnr_vs_jpeg(const struct accept_nv12 *pic, const struct accept_ycc *ref,
			 uint32_t row_shift, double *psnr_y, double *psnr_c)
{
	const uint8_t *uv = pic->data + (size_t)pic->width_stride * pic->height_stride;
	double sq_y = 0.0, sq_c = 0.0;
	size_t n_y = 0, n_c = 0;
	uint32_t x, y, k;

	for (y = 0; y < pic->height; y++) {
		uint32_t ry = clamp_u32(y + row_shift, ref->height - 1);

		for (x = 0; x < pic->width; x++) {
			double d = (double)pic->data[(size_t)y * pic->width_stride + x] -
				   ref->pixels[((size_t)ry * ref->width + x) * 3];

			sq_y += d * d;
			n_y++;
		}
	}
	/* A chroma sample covers 2x2 pixels: compare with the mean of libjpeg's four. */
	for (y = 0; y < pic->height / 2; y++)
		for (x = 0; x < pic->width / 2; x++)
			for (k = 1; k <= 2; k++) {
				double mean = 0.0, d;
				uint32_t dy, dx;

				for (dy = 0; dy < 2; dy++)
					for (dx = 0; dx < 2; dx++) {
						uint32_t ry = clamp_u32(2 * y + dy + row_shift,
									ref->height - 1);

						mean += ref->pixels[((size_t)ry * ref->width +
								     2 * x + dx) *
									3 +
								    k];
					}
				d = (double)uv[(size_t)y * pic->width_stride + 2 * x + k - 1] -
				    mean / 4.0;
				sq_c += d * d;
				n_c++;
			}
	*psnr_y = psnr(sq_y, n_y);
	*psnr_c = psnr(sq_c, n_c);
}

/*
 * Textbook bilinear of one component: destination sample (dx, dy) maps to the source position
 * (dx + 0.5) * sw / dw - 0.5 (likewise for y), the four neighbours are weighted by distance and
 * positions outside the plane are clamped to its edge.
 */
static double bilinear(const uint8_t *plane, size_t stride, size_t step, uint32_t sw, uint32_t sh,
		       uint32_t dw, uint32_t dh, uint32_t dx, uint32_t dy, double centre_offset)
{
	double sx = (dx + centre_offset) * sw / dw - centre_offset;
	double sy = (dy + centre_offset) * sh / dh - centre_offset;
	uint32_t x0, y0, x1, y1;
	double fx, fy, top, bottom;

	sx = sx < 0.0 ? 0.0 : sx > sw - 1.0 ? sw - 1.0 : sx;
	sy = sy < 0.0 ? 0.0 : sy > sh - 1.0 ? sh - 1.0 : sy;
	x0 = (uint32_t)sx;
	y0 = (uint32_t)sy;
	x1 = x0 + 1 < sw ? x0 + 1 : x0;
	y1 = y0 + 1 < sh ? y0 + 1 : y0;
	fx = sx - x0;
	fy = sy - y0;
	top = plane[y0 * stride + x0 * step] * (1.0 - fx) + plane[y0 * stride + x1 * step] * fx;
	bottom = plane[y1 * stride + x0 * step] * (1.0 - fx) + plane[y1 * stride + x1 * step] * fx;
	return top * (1.0 - fy) + bottom * fy;
}

double accept_resize_max_error(const struct accept_nv12 *src, const struct accept_nv12 *dst,
			       double centre_offset)
{
	const uint8_t *suv = src->data + (size_t)src->width_stride * src->height_stride;
	const uint8_t *duv = dst->data + (size_t)dst->width_stride * dst->height_stride;
	double worst = 0.0, e;
	uint32_t x, y, k;

	for (y = 0; y < dst->height; y++)
		for (x = 0; x < dst->width; x++) {
			e = fabs(dst->data[(size_t)y * dst->width_stride + x] -
				 bilinear(src->data, src->width_stride, 1, src->width, src->height,
					  dst->width, dst->height, x, y, centre_offset));
			worst = e > worst ? e : worst;
		}
	/* Chroma: a (width/2)x(height/2) plane of U/V pairs, resized at that resolution. */
	for (y = 0; y < dst->height / 2; y++)
		for (x = 0; x < dst->width / 2; x++)
			for (k = 0; k < 2; k++) {
				e = fabs(duv[(size_t)y * dst->width_stride + 2 * x + k] -
					 bilinear(suv + k, src->width_stride, 2, src->width / 2,
						  src->height / 2, dst->width / 2, dst->height / 2,
						  x, y, centre_offset));
				worst = e > worst ? e : worst;
			}
	return worst;
}

unsigned accept_max_diff(const struct accept_nv12 *a, const struct accept_nv12 *b)
{
	const uint8_t *auv = a->data + (size_t)a->width_stride * a->height_stride;
	const uint8_t *buv = b->data + (size_t)b->width_stride * b->height_stride;
	unsigned worst = 0, d;
	uint32_t x, y;

	for (y = 0; y < a->height; y++)
		for (x = 0; x < a->width; x++) {
			d = (unsigned)abs(a->data[(size_t)y * a->width_stride + x] -
					  b->data[(size_t)y * b->width_stride + x]);
			worst = d > worst ? d : worst;
		}
	for (y = 0; y < a->height / 2; y++)
		for (x = 0; x < a->width; x++) {
			d = (unsigned)abs(auv[(size_t)y * a->width_stride + x] -
					  buv[(size_t)y * b->width_stride + x]);
			worst = d > worst ? d : worst;
		}
	return worst;
}

double accept_luma_stddev(const struct accept_nv12 *pic)
{
	double sum = 0.0, sq = 0.0, n = (double)pic->width * pic->height, mean;
	uint32_t x, y;

	for (y = 0; y < pic->height; y++)
		for (x = 0; x < pic->width; x++) {
			double v = pic->data[(size_t)y * pic->width_stride + x];

			sum += v;
			sq += v * v;
		}
	mean = sum / n;
	return sqrt(sq / n - mean * mean);
}

/* sim/dvpp/README.md: h = FNV-1a 64 of the bitstream, Y = h + x + 2y, U = h >> 8, V = h >> 16. */
size_t accept_check_vdec_v1_frame(const struct accept_nv12 *pic, const uint8_t *bitstream,
				  size_t len)
{
	const uint8_t *uv = pic->data + (size_t)pic->width_stride * pic->height_stride;
	uint64_t h = accept_fnv1a64(bitstream, len);
	size_t bad = 0;
	uint32_t x, y;

	for (y = 0; y < pic->height; y++)
		for (x = 0; x < pic->width; x++)
			bad += pic->data[(size_t)y * pic->width_stride + x] !=
			       (uint8_t)(h + x + 2 * y);
	for (y = 0; y < pic->height / 2; y++)
		for (x = 0; x < pic->width / 2; x++) {
			bad += uv[(size_t)y * pic->width_stride + 2 * x] != (uint8_t)(h >> 8);
			bad += uv[(size_t)y * pic->width_stride + 2 * x + 1] != (uint8_t)(h >> 16);
		}
	return bad;
}

/*
 * sim/mpi/README.md: h = FNV-1a 32 of the stream, h0..h2 its low bytes; Y(x,y) = x + 2y + h0,
 * chroma pair (i,j) = (i + j + h1, 3i + h2).
 */
size_t accept_check_vdec_v2_frame(const struct accept_nv12 *pic, const uint8_t *bitstream,
				  size_t len)
{
	const uint8_t *uv = pic->data + (size_t)pic->width_stride * pic->height_stride;
	uint32_t h = accept_fnv1a32(bitstream, len), x, y;
	uint8_t h0 = (uint8_t)h, h1 = (uint8_t)(h >> 8), h2 = (uint8_t)(h >> 16);
	size_t bad = 0;

	for (y = 0; y < pic->height; y++)
		for (x = 0; x < pic->width; x++)
			bad += pic->data[(size_t)y * pic->width_stride + x] !=
			       (uint8_t)(x + 2 * y + h0);
	for (y = 0; y < pic->height / 2; y++)
		for (x = 0; x < pic->width / 2; x++) {
			bad += uv[(size_t)y * pic->width_stride + 2 * x] != (uint8_t)(x + y + h1);
			bad +=
			    uv[(size_t)y * pic->width_stride + 2 * x + 1] != (uint8_t)(3 * x + h2);
		}
	return bad;
}

static uint32_t le32(const uint8_t *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static uint64_t le64(const uint8_t *p)
{
	return (uint64_t)le32(p) | (uint64_t)le32(p + 4) << 32;
}

/* docs/simulator-models.md: 64-byte header, 128-byte records (inputs, outputs), weights. */
int accept_read_model_file(const char *path, struct accept_model_file *m)
{
	uint8_t *image = NULL;
	uint64_t weight_size, weight_at;
	long len;
	FILE *f = fopen(path, "rb");
	int rc = -1;

	if (!f) {
		perror(path);
		return -1;
	}
	if (fseek(f, 0, SEEK_END) != 0 || (len = ftell(f)) < 64 || fseek(f, 0, SEEK_SET) != 0) {
		fprintf(stderr, "accept: %s: cannot size the model file\n", path);
		goto out;
	}
	image = (uint8_t *)malloc((size_t)len);
	if (!image || fread(image, 1, (size_t)len, f) != (size_t)len) {
		fprintf(stderr, "accept: %s: cannot read %ld bytes\n", path, len);
		goto out;
	}
	if (memcmp(image, "ASCMODEL", 8) != 0 || le32(image + 16) != 1) {
		fprintf(stderr, "accept: %s: not a \"stats\" model file\n", path);
		goto out;
	}
	m->channels = le32(image + 20);
	m->inputs = le32(image + 24);
	m->outputs = le32(image + 28);
	weight_size = le64(image + 40);
	weight_at = 64 + 128 * ((uint64_t)m->inputs + m->outputs);
	if (weight_at + weight_size != (uint64_t)len) {
		fprintf(stderr, "accept: %s: weights at %llu + %llu bytes, file has %ld\n", path,
			(unsigned long long)weight_at, (unsigned long long)weight_size, len);
		goto out;
	}
	m->weight_checksum = accept_fnv1a32(image + weight_at, (size_t)weight_size);
	rc = 0;
out:
	free(image);
	fclose(f);
	return rc;
}

static void put_le32(uint8_t *p, uint32_t v)
{
	p[0] = (uint8_t)v;
	p[1] = (uint8_t)(v >> 8);
	p[2] = (uint8_t)(v >> 16);
	p[3] = (uint8_t)(v >> 24);
}

size_t accept_stats_record(const uint8_t *input, size_t size, uint32_t channels,
			   uint32_t weight_checksum, uint8_t *record, size_t capacity)
{
	size_t len = 4 * (2 + (size_t)channels), i;
	uint32_t c;

	if (len > capacity)
		return 0;
	put_le32(record, accept_fnv1a32(input, size));
	for (c = 0; c < channels; c++) {
		uint64_t sum = 0, count = 0;
		float mean;
		uint32_t bits;

		for (i = c; i < size; i += channels) {
			sum += input[i];
			count++;
		}
		mean = count ? (float)((double)sum / (double)count) : 0.0f;
		memcpy(&bits, &mean, sizeof(bits));
		put_le32(record + 4 + 4 * (size_t)c, bits);
	}
	put_le32(record + 4 + 4 * (size_t)channels, weight_checksum);
	return len;
}

static float get_float(const uint8_t *p)
{
	uint32_t bits = le32(p);
	float f;

	memcpy(&f, &bits, sizeof(f));
	return f;
}

long accept_compare_output(const uint8_t *output, size_t size, const uint8_t *record,
			   size_t record_len, uint32_t channels)
{
	size_t i;

	for (i = 0; i < size; i++) {
		size_t at = i % record_len, field = at / 4;
		size_t start = i - at % 4;

		/* Whole means may differ by float rounding; everything else bit for bit. */
		if (field >= 1 && field <= channels && start + 4 <= size) {
			float got = get_float(output + start);
			float want = get_float(record + field * 4);

			if (fabsf(got - want) > 1e-5f * (fabsf(want) > 1.0f ? fabsf(want) : 1.0f))
				return (long)i;
			continue;
		}
		if (output[i] != record[at])
			return (long)i;
	}
	return -1;
}
