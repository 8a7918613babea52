/* SPDX-License-Identifier: MIT */
/* Parsing, writing and evaluating the simulator's model files (see model_format.h). */
#include "model_format.h"

#include <stdlib.h>
#include <string.h>

/* Field offsets of the 64-byte header. */
enum {
	HDR_MAGIC = 0,
	HDR_VERSION = 8,
	HDR_HEADER_SIZE = 12,
	HDR_COMPUTE = 16,
	HDR_CHANNELS = 20,
	HDR_NUM_INPUTS = 24,
	HDR_NUM_OUTPUTS = 28,
	HDR_WORK_SIZE = 32,
	HDR_WEIGHT_SIZE = 40,
	HDR_FILE_SIZE = 48,
	HDR_TENSOR_SIZE = 56,
	HDR_CHECKSUM = 60,
};

/* Field offsets of a 128-byte tensor record. */
enum {
	TEN_NAME = 0,
	TEN_SIZE = 64,
	TEN_DIM_COUNT = 72,
	TEN_RESERVED = 76,
	TEN_DIMS = 80,
};

uint32_t ascendsim_mdl_fnv1a(uint32_t hash, const void *data, size_t len)
{
	const uint8_t *p = data;

	for (size_t i = 0; i < len; i++) {
		hash ^= p[i];
		hash *= 0x01000193u;
	}
	return hash;
}

static uint32_t get_u32(const uint8_t *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static uint64_t get_u64(const uint8_t *p)
{
	return (uint64_t)get_u32(p) | (uint64_t)get_u32(p + 4) << 32;
}

static void put_u32(uint8_t *p, uint32_t v)
{
	for (int i = 0; i < 4; i++)
		p[i] = (uint8_t)(v >> (8 * i));
}

static void put_u64(uint8_t *p, uint64_t v)
{
	put_u32(p, (uint32_t)v);
	put_u32(p + 4, (uint32_t)(v >> 32));
}

static size_t tables_size(uint32_t num_inputs, uint32_t num_outputs)
{
	return (size_t)ASCENDSIM_MDL_TENSOR_SIZE * (num_inputs + num_outputs);
}

static int tensor_valid(const struct ascendsim_mdl_tensor *t)
{
	if (t->size == 0 || t->dim_count > ASCENDSIM_MDL_MAX_DIMS)
		return 0;
	if (memchr(t->name, '\0', ASCENDSIM_MDL_NAME_LEN) == NULL || t->name[0] == '\0')
		return 0;
	for (uint32_t d = 0; d < t->dim_count; d++) {
		if (t->dims[d] < -1)
			return 0;
	}
	return 1;
}

static void read_tensor(const uint8_t *rec, struct ascendsim_mdl_tensor *t)
{
	memcpy(t->name, rec + TEN_NAME, ASCENDSIM_MDL_NAME_LEN);
	t->size = get_u64(rec + TEN_SIZE);
	t->dim_count = get_u32(rec + TEN_DIM_COUNT);
	for (uint32_t d = 0; d < ASCENDSIM_MDL_MAX_DIMS; d++)
		t->dims[d] = (int64_t)get_u64(rec + TEN_DIMS + 8 * d);
}

static void write_tensor(uint8_t *rec, const struct ascendsim_mdl_tensor *t)
{
	memcpy(rec + TEN_NAME, t->name, ASCENDSIM_MDL_NAME_LEN);
	put_u64(rec + TEN_SIZE, t->size);
	put_u32(rec + TEN_DIM_COUNT, t->dim_count);
	put_u32(rec + TEN_RESERVED, 0);
	for (uint32_t d = 0; d < ASCENDSIM_MDL_MAX_DIMS; d++)
		put_u64(rec + TEN_DIMS + 8 * d, d < t->dim_count ? (uint64_t)t->dims[d] : 0);
}

size_t ascendsim_mdl_result_size(const struct ascendsim_mdl_info *info)
{
	return 4u * info->num_inputs + 4u * info->num_inputs * info->channels + 4u;
}

static enum ascendsim_mdl_status check_description(const struct ascendsim_mdl_info *info)
{
	if (info->compute != ASCENDSIM_MDL_COMPUTE_STATS)
		return ASCENDSIM_MDL_BAD_COMPUTE;
	if (info->channels == 0 || info->channels > ASCENDSIM_MDL_MAX_CHANNELS)
		return ASCENDSIM_MDL_BAD_COMPUTE;
	if (info->num_inputs == 0 || info->num_inputs > ASCENDSIM_MDL_MAX_TENSORS ||
	    info->num_outputs == 0 || info->num_outputs > ASCENDSIM_MDL_MAX_TENSORS)
		return ASCENDSIM_MDL_BAD_TENSORS;
	for (uint32_t i = 0; i < info->num_inputs; i++) {
		if (!tensor_valid(&info->inputs[i]))
			return ASCENDSIM_MDL_BAD_TENSORS;
	}
	for (uint32_t i = 0; i < info->num_outputs; i++) {
		if (!tensor_valid(&info->outputs[i]))
			return ASCENDSIM_MDL_BAD_TENSORS;
	}
	if (info->work_size < ascendsim_mdl_result_size(info))
		return ASCENDSIM_MDL_WORK_TOO_SMALL;
	return ASCENDSIM_MDL_OK;
}

enum ascendsim_mdl_status ascendsim_mdl_parse(const void *image, size_t len,
					      struct ascendsim_mdl_info *info)
{
	const uint8_t *p = image;

	memset(info, 0, sizeof(*info));
	if (len < ASCENDSIM_MDL_HEADER_SIZE)
		return ASCENDSIM_MDL_TOO_SHORT;
	if (memcmp(p + HDR_MAGIC, ASCENDSIM_MDL_MAGIC, ASCENDSIM_MDL_MAGIC_LEN) != 0)
		return ASCENDSIM_MDL_BAD_MAGIC;
	info->version = get_u32(p + HDR_VERSION);
	if (info->version != ASCENDSIM_MDL_VERSION)
		return ASCENDSIM_MDL_BAD_VERSION;
	if (get_u32(p + HDR_HEADER_SIZE) != ASCENDSIM_MDL_HEADER_SIZE ||
	    get_u32(p + HDR_TENSOR_SIZE) != ASCENDSIM_MDL_TENSOR_SIZE)
		return ASCENDSIM_MDL_BAD_LAYOUT;
	info->compute = get_u32(p + HDR_COMPUTE);
	info->channels = get_u32(p + HDR_CHANNELS);
	info->num_inputs = get_u32(p + HDR_NUM_INPUTS);
	info->num_outputs = get_u32(p + HDR_NUM_OUTPUTS);
	info->work_size = get_u64(p + HDR_WORK_SIZE);
	info->weight_size = get_u64(p + HDR_WEIGHT_SIZE);
	info->file_size = get_u64(p + HDR_FILE_SIZE);
	if (info->num_inputs > ASCENDSIM_MDL_MAX_TENSORS ||
	    info->num_outputs > ASCENDSIM_MDL_MAX_TENSORS)
		return ASCENDSIM_MDL_BAD_TENSORS;
	size_t fixed = ASCENDSIM_MDL_HEADER_SIZE + tables_size(info->num_inputs, info->num_outputs);
	if (info->file_size != len || len < fixed || len - fixed != info->weight_size)
		return ASCENDSIM_MDL_SIZE_MISMATCH;
	if (get_u32(p + HDR_CHECKSUM) != ascendsim_mdl_fnv1a(ASCENDSIM_MDL_FNV_INIT,
							     p + ASCENDSIM_MDL_HEADER_SIZE,
							     len - ASCENDSIM_MDL_HEADER_SIZE))
		return ASCENDSIM_MDL_BAD_CHECKSUM;

	const uint8_t *rec = p + ASCENDSIM_MDL_HEADER_SIZE;
	for (uint32_t i = 0; i < info->num_inputs; i++, rec += ASCENDSIM_MDL_TENSOR_SIZE)
		read_tensor(rec, &info->inputs[i]);
	for (uint32_t i = 0; i < info->num_outputs; i++, rec += ASCENDSIM_MDL_TENSOR_SIZE)
		read_tensor(rec, &info->outputs[i]);
	info->weights = rec;
	return check_description(info);
}

const char *ascendsim_mdl_strerror(enum ascendsim_mdl_status status)
{
	switch (status) {
	case ASCENDSIM_MDL_OK:
		return "valid";
	case ASCENDSIM_MDL_TOO_SHORT:
		return "shorter than the 64-byte header";
	case ASCENDSIM_MDL_BAD_MAGIC:
		return "not a simulator model (bad magic)";
	case ASCENDSIM_MDL_BAD_VERSION:
		return "unsupported format version";
	case ASCENDSIM_MDL_BAD_LAYOUT:
		return "unexpected header or tensor record size";
	case ASCENDSIM_MDL_SIZE_MISMATCH:
		return "length differs from the declared file size";
	case ASCENDSIM_MDL_BAD_CHECKSUM:
		return "checksum mismatch (corrupt file)";
	case ASCENDSIM_MDL_BAD_COMPUTE:
		return "unknown computation or bad channel count";
	case ASCENDSIM_MDL_BAD_TENSORS:
		return "bad input/output count, size, name or dims";
	case ASCENDSIM_MDL_WORK_TOO_SMALL:
		return "declared work size smaller than the result record";
	}
	return "unknown status";
}

uint8_t *ascendsim_mdl_serialize(struct ascendsim_mdl_info *info, const uint8_t *weights,
				 size_t *len)
{
	info->version = ASCENDSIM_MDL_VERSION;
	if (check_description(info) != ASCENDSIM_MDL_OK)
		return NULL;
	if (info->weight_size > SIZE_MAX / 2 || (info->weight_size > 0 && weights == NULL))
		return NULL;
	size_t fixed = ASCENDSIM_MDL_HEADER_SIZE + tables_size(info->num_inputs, info->num_outputs);
	size_t total = fixed + (size_t)info->weight_size;
	uint8_t *p = calloc(1, total);
	if (p == NULL)
		return NULL;

	info->file_size = total;
	memcpy(p + HDR_MAGIC, ASCENDSIM_MDL_MAGIC, ASCENDSIM_MDL_MAGIC_LEN);
	put_u32(p + HDR_VERSION, ASCENDSIM_MDL_VERSION);
	put_u32(p + HDR_HEADER_SIZE, ASCENDSIM_MDL_HEADER_SIZE);
	put_u32(p + HDR_COMPUTE, info->compute);
	put_u32(p + HDR_CHANNELS, info->channels);
	put_u32(p + HDR_NUM_INPUTS, info->num_inputs);
	put_u32(p + HDR_NUM_OUTPUTS, info->num_outputs);
	put_u64(p + HDR_WORK_SIZE, info->work_size);
	put_u64(p + HDR_WEIGHT_SIZE, info->weight_size);
	put_u64(p + HDR_FILE_SIZE, total);
	put_u32(p + HDR_TENSOR_SIZE, ASCENDSIM_MDL_TENSOR_SIZE);

	uint8_t *rec = p + ASCENDSIM_MDL_HEADER_SIZE;
	for (uint32_t i = 0; i < info->num_inputs; i++, rec += ASCENDSIM_MDL_TENSOR_SIZE)
		write_tensor(rec, &info->inputs[i]);
	for (uint32_t i = 0; i < info->num_outputs; i++, rec += ASCENDSIM_MDL_TENSOR_SIZE)
		write_tensor(rec, &info->outputs[i]);
	if (info->weight_size > 0)
		memcpy(rec, weights, (size_t)info->weight_size);
	put_u32(p + HDR_CHECKSUM,
		ascendsim_mdl_fnv1a(ASCENDSIM_MDL_FNV_INIT, p + ASCENDSIM_MDL_HEADER_SIZE,
				    total - ASCENDSIM_MDL_HEADER_SIZE));
	*len = total;
	return p;
}

static void put_float(uint8_t *p, float f)
{
	uint32_t bits;

	memcpy(&bits, &f, sizeof(bits));
	put_u32(p, bits);
}

void ascendsim_mdl_compute(const struct ascendsim_mdl_info *info, const void *const *inputs,
			   const void *weights, void *work, void *const *outputs)
{
	uint8_t *rec = work;
	uint32_t channels = info->channels;
	uint8_t *means = rec + 4u * info->num_inputs;

	for (uint32_t i = 0; i < info->num_inputs; i++) {
		const uint8_t *in = inputs[i];
		size_t size = (size_t)info->inputs[i].size;
		uint64_t sum[ASCENDSIM_MDL_MAX_CHANNELS] = { 0 };

		put_u32(rec + 4u * i, ascendsim_mdl_fnv1a(ASCENDSIM_MDL_FNV_INIT, in, size));
		for (size_t k = 0; k < size; k++)
			sum[k % channels] += in[k];
		for (uint32_t c = 0; c < channels; c++) {
			/* Bytes of channel c: positions c, c + channels, ... below size. */
			size_t count = size > c ? (size - c + channels - 1) / channels : 0;
			float mean = count ? (float)((double)sum[c] / (double)count) : 0.0f;
			put_float(means + 4u * ((size_t)i * channels + c), mean);
		}
	}
	size_t rec_len = ascendsim_mdl_result_size(info);
	put_u32(rec + rec_len - 4u,
		ascendsim_mdl_fnv1a(ASCENDSIM_MDL_FNV_INIT, weights, (size_t)info->weight_size));

	for (uint32_t o = 0; o < info->num_outputs; o++) {
		uint8_t *out = outputs[o];
		size_t size = (size_t)info->outputs[o].size;
		for (size_t done = 0; done < size;) {
			size_t n = size - done < rec_len ? size - done : rec_len;
			memcpy(out + done, rec, n);
			done += n;
		}
	}
}
