/* SPDX-License-Identifier: MIT */
/*
 * The simulator's own offline model file format (docs/simulator-models.md, "Model files").
 * Shared by libascendcl.so (parsing, the computation) and ascendsim-mkmodel (writing).
 * All integers are little-endian; the layout is read and written field by field, never by
 * casting the file onto a struct, so it does not depend on the host's padding or byte order.
 */
#ifndef ASCENDSIM_MODEL_FORMAT_H
#define ASCENDSIM_MODEL_FORMAT_H

#include <stddef.h>
#include <stdint.h>

#define ASCENDSIM_MDL_MAGIC	   "ASCMODEL" /* 8 bytes, no terminating NUL in the file */
#define ASCENDSIM_MDL_MAGIC_LEN	   8u
#define ASCENDSIM_MDL_VERSION	   1u
#define ASCENDSIM_MDL_HEADER_SIZE  64u
#define ASCENDSIM_MDL_TENSOR_SIZE  128u
#define ASCENDSIM_MDL_NAME_LEN	   64u /* including the terminating NUL */
#define ASCENDSIM_MDL_MAX_DIMS	   6u
#define ASCENDSIM_MDL_MAX_TENSORS  64u
#define ASCENDSIM_MDL_MAX_CHANNELS 64u

/* Computation ids. */
enum ascendsim_mdl_compute {
	/* Per input: FNV-1a 32 checksum and per-channel byte means; then the weights' checksum. */
	ASCENDSIM_MDL_COMPUTE_STATS = 1,
};

struct ascendsim_mdl_tensor {
	char name[ASCENDSIM_MDL_NAME_LEN];
	uint64_t size; /* bytes */
	uint32_t dim_count;
	int64_t dims[ASCENDSIM_MDL_MAX_DIMS];
};

struct ascendsim_mdl_info {
	uint32_t version;
	uint32_t compute;
	uint32_t channels;
	uint32_t num_inputs;
	uint32_t num_outputs;
	uint64_t work_size;
	uint64_t weight_size;
	uint64_t file_size;
	struct ascendsim_mdl_tensor inputs[ASCENDSIM_MDL_MAX_TENSORS];
	struct ascendsim_mdl_tensor outputs[ASCENDSIM_MDL_MAX_TENSORS];
	const uint8_t *weights; /* inside the parsed image; weight_size bytes */
};

/* Why a model image was rejected; ascendsim_mdl_strerror names it. */
enum ascendsim_mdl_status {
	ASCENDSIM_MDL_OK = 0,
	ASCENDSIM_MDL_TOO_SHORT,
	ASCENDSIM_MDL_BAD_MAGIC,
	ASCENDSIM_MDL_BAD_VERSION,
	ASCENDSIM_MDL_BAD_LAYOUT,    /* header or record sizes */
	ASCENDSIM_MDL_SIZE_MISMATCH, /* image length differs from the declared file size */
	ASCENDSIM_MDL_BAD_CHECKSUM,
	ASCENDSIM_MDL_BAD_COMPUTE,
	ASCENDSIM_MDL_BAD_TENSORS, /* counts, sizes, names or dims */
	ASCENDSIM_MDL_WORK_TOO_SMALL,
};

uint32_t ascendsim_mdl_fnv1a(uint32_t hash, const void *data, size_t len);
#define ASCENDSIM_MDL_FNV_INIT 0x811c9dc5u

/* Parses and validates a whole image of len bytes. */
enum ascendsim_mdl_status ascendsim_mdl_parse(const void *image, size_t len,
					      struct ascendsim_mdl_info *info);
const char *ascendsim_mdl_strerror(enum ascendsim_mdl_status status);

/* Bytes the result record of info's computation takes (the minimum work size). */
size_t ascendsim_mdl_result_size(const struct ascendsim_mdl_info *info);

/*
 * Serializes info (with weights, weight_size bytes) into a newly malloc'ed image; fills in
 * file_size. Returns NULL on a bad description or out of memory.
 */
uint8_t *ascendsim_mdl_serialize(struct ascendsim_mdl_info *info, const uint8_t *weights,
				 size_t *len);

/*
 * The computation: reads the inputs (inputs[i] holds info->inputs[i].size bytes) and the weight
 * memory, writes the result record to work (at least ascendsim_mdl_result_size bytes), then
 * fills every output with the record repeated and cut to the output's size.
 */
void ascendsim_mdl_compute(const struct ascendsim_mdl_info *info, const void *const *inputs,
			   const void *weights, void *work, void *const *outputs);

#endif
