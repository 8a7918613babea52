/* SPDX-License-Identifier: MIT */
/* Datasets over device (or DVPP) buffers for the model tests; failures end the cmocka test. */
#ifndef ACLTRACE_MODEL_TEST_IO_H
#define ACLTRACE_MODEL_TEST_IO_H

#include "acl/acl.h"

#include <stddef.h>
#include <stdint.h>

#define MAX_REC 1024

/* How a test buffer is allocated and freed. */
struct io_alloc {
	void *(*alloc)(size_t size);
	void (*release)(void *ptr);
};

extern const struct io_alloc io_device; /* aclrtMalloc / aclrtFree */

struct io {
	void *dev[4];
	size_t size[4];
	uint8_t *host[4]; /* what was written (inputs) or was last read back (outputs) */
	size_t n;
	aclmdlDataset *ds;
	const struct io_alloc *mem;
};

void *dev_alloc(size_t size);
/* Buffers of the given sizes, filled from seed (inputs) or zeroed (seed 0, outputs). */
void io_make(struct io *io, const size_t *sizes, size_t n, unsigned seed);
void io_make_with(struct io *io, const size_t *sizes, size_t n, unsigned seed,
		  const struct io_alloc *mem);
void io_pull(struct io *io);
void io_free(struct io *io);

/* The stats model the fixture writes (sizes come from CMakeLists.txt). */
extern const size_t stats_in[2];
extern const size_t stats_out[2];
/* The expected record for in: with the model file's own weights, or with the given ones. */
size_t expected(const struct io *in, const uint8_t *weights, uint8_t *rec);
/* Reads the outputs back and compares each with the record repeated. */
void check_outputs(struct io *out, const uint8_t *rec, size_t rec_len);
/* Whether every output byte is still zero. */
int outputs_untouched(struct io *out);

#endif
