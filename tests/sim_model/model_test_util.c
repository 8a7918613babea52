/* SPDX-License-Identifier: MIT */
#include "model_test_util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *acltrace_test_model_dir = ".";

const char *acltrace_test_model_path(const char *name)
{
	static char path[4096];

	snprintf(path, sizeof(path), "%s/%s", acltrace_test_model_dir, name);
	return path;
}

uint8_t *acltrace_test_read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	uint8_t *buf = NULL;
	long size;

	if (f == NULL)
		return NULL;
	if (fseek(f, 0, SEEK_END) == 0 && (size = ftell(f)) > 0 && fseek(f, 0, SEEK_SET) == 0) {
		buf = malloc((size_t)size);
		if (buf != NULL && fread(buf, 1, (size_t)size, f) == (size_t)size) {
			*len = (size_t)size;
		} else {
			free(buf);
			buf = NULL;
		}
	}
	fclose(f);
	return buf;
}

const uint8_t *acltrace_test_model_weights(const uint8_t *image, size_t len, size_t weight_size)
{
	return weight_size <= len ? image + len - weight_size : NULL;
}

uint32_t acltrace_test_fnv1a(const uint8_t *p, size_t n)
{
	uint32_t h = 2166136261u;

	for (size_t i = 0; i < n; i++) {
		h ^= p[i];
		h *= 16777619u;
	}
	return h;
}

static void store_le32(uint8_t *p, uint32_t v)
{
	p[0] = (uint8_t)v;
	p[1] = (uint8_t)(v >> 8);
	p[2] = (uint8_t)(v >> 16);
	p[3] = (uint8_t)(v >> 24);
}

size_t acltrace_test_expected_record(const uint8_t *const *inputs, const size_t *sizes,
				     size_t num_inputs, unsigned channels, const uint8_t *weights,
				     size_t weight_size, uint8_t *rec, size_t cap)
{
	size_t len = 4 * num_inputs + 4 * num_inputs * channels + 4;
	size_t pos = 0;

	if (len > cap)
		return 0;
	for (size_t i = 0; i < num_inputs; i++, pos += 4)
		store_le32(rec + pos, acltrace_test_fnv1a(inputs[i], sizes[i]));
	for (size_t i = 0; i < num_inputs; i++) {
		for (unsigned c = 0; c < channels; c++, pos += 4) {
			double sum = 0;
			size_t n = 0;
			for (size_t k = c; k < sizes[i]; k += channels, n++)
				sum += inputs[i][k];
			float mean = n ? (float)(sum / (double)n) : 0.0f;
			uint32_t bits;
			memcpy(&bits, &mean, sizeof(bits));
			store_le32(rec + pos, bits);
		}
	}
	store_le32(rec + pos, acltrace_test_fnv1a(weights, weight_size));
	return len;
}

int acltrace_test_output_matches(const uint8_t *out, size_t size, const uint8_t *rec,
				 size_t rec_len)
{
	for (size_t k = 0; k < size; k++) {
		if (out[k] != rec[k % rec_len])
			return 0;
	}
	return 1;
}
