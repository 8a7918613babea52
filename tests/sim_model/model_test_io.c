/* SPDX-License-Identifier: MIT */
#include "model_test_io.h"

#include "model_test_cmocka.h"
#include "model_test_util.h"

#include <stdlib.h>
#include <string.h>

const size_t stats_in[2] = { STATS_IN0, STATS_IN1 };
const size_t stats_out[2] = { STATS_OUT0, STATS_OUT1 };

void *dev_alloc(size_t size)
{
	void *p = NULL;

	assert_int_equal(aclrtMalloc(&p, size, ACL_MEM_MALLOC_NORMAL_ONLY), ACL_SUCCESS);
	assert_non_null(p);
	return p;
}

static void dev_release(void *p)
{
	assert_int_equal(aclrtFree(p), ACL_SUCCESS);
}

const struct io_alloc io_device = { dev_alloc, dev_release };

void io_make_with(struct io *io, const size_t *sizes, size_t n, unsigned seed,
		  const struct io_alloc *mem)
{
	memset(io, 0, sizeof(*io));
	io->n = n;
	io->mem = mem;
	io->ds = aclmdlCreateDataset();
	assert_non_null(io->ds);
	for (size_t i = 0; i < n; i++) {
		io->size[i] = sizes[i];
		io->dev[i] = mem->alloc(sizes[i]);
		io->host[i] = malloc(sizes[i]);
		assert_non_null(io->host[i]);
		for (size_t k = 0; k < sizes[i]; k++)
			io->host[i][k] = seed ? (uint8_t)((k * 31u + i * 7u + seed) ^ (k >> 3)) : 0;
		assert_int_equal(aclrtMemcpy(io->dev[i], sizes[i], io->host[i], sizes[i],
					     ACL_MEMCPY_HOST_TO_DEVICE),
				 ACL_SUCCESS);
		aclDataBuffer *b = aclCreateDataBuffer(io->dev[i], sizes[i]);
		assert_non_null(b);
		assert_int_equal(aclmdlAddDatasetBuffer(io->ds, b), ACL_SUCCESS);
	}
	assert_int_equal(aclmdlGetDatasetNumBuffers(io->ds), n);
}

void io_make(struct io *io, const size_t *sizes, size_t n, unsigned seed)
{
	io_make_with(io, sizes, n, seed, &io_device);
}

void io_pull(struct io *io)
{
	for (size_t i = 0; i < io->n; i++)
		assert_int_equal(aclrtMemcpy(io->host[i], io->size[i], io->dev[i], io->size[i],
					     ACL_MEMCPY_DEVICE_TO_HOST),
				 ACL_SUCCESS);
}

void io_free(struct io *io)
{
	for (size_t i = 0; i < io->n; i++) {
		aclDataBuffer *b = aclmdlGetDatasetBuffer(io->ds, i);
		assert_int_equal(aclDestroyDataBuffer(b), ACL_SUCCESS);
		if (io->dev[i] != NULL)
			io->mem->release(io->dev[i]);
		free(io->host[i]);
	}
	assert_int_equal(aclmdlDestroyDataset(io->ds), ACL_SUCCESS);
}

size_t expected(const struct io *in, const uint8_t *weights, uint8_t *rec)
{
	size_t len = 0, n;
	uint8_t *image = NULL;

	if (weights == NULL) {
		image = acltrace_test_read_file(acltrace_test_model_path("stats.om"), &len);
		assert_non_null(image);
		weights = acltrace_test_model_weights(image, len, STATS_WEIGHT);
	}
	n = acltrace_test_expected_record((const uint8_t *const *)in->host, in->size, in->n,
					  STATS_CHANNELS, weights, STATS_WEIGHT, rec, MAX_REC);
	free(image);
	assert_true(n > 0);
	return n;
}

void check_outputs(struct io *out, const uint8_t *rec, size_t rec_len)
{
	io_pull(out);
	for (size_t i = 0; i < out->n; i++)
		assert_true(acltrace_test_output_matches(out->host[i], out->size[i], rec, rec_len));
}

int outputs_untouched(struct io *out)
{
	io_pull(out);
	for (size_t i = 0; i < out->n; i++) {
		for (size_t k = 0; k < out->size[i]; k++) {
			if (out->host[i][k] != 0)
				return 0;
		}
	}
	return 1;
}
