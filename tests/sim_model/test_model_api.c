/* SPDX-License-Identifier: MIT */
/*
 * The model API of the simulated runtime: query, load (file, memory, with caller memory),
 * descriptions, datasets, execution results, and every error code the checks return.
 * argv[1]: the directory holding the fixture's model files (see CMakeLists.txt for their shape).
 */
#include "acl/acl.h"
#include "model_test_cmocka.h"
#include "model_test_io.h"
#include "model_test_util.h"

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static int setup(void **state)
{
	(void)state;
	if (aclInit(NULL) != ACL_SUCCESS || aclrtSetDevice(0) != ACL_SUCCESS)
		return -1;
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	aclrtResetDevice(0);
	aclFinalize();
	return 0;
}

static void test_query_size(void **state)
{
	size_t work = 0, weight = 0, len = 0;
	(void)state;

	assert_int_equal(aclmdlQuerySize(acltrace_test_model_path("stats.om"), &work, &weight),
			 ACL_SUCCESS);
	assert_int_equal(work, STATS_WORK);
	assert_int_equal(weight, STATS_WEIGHT);

	uint8_t *image = acltrace_test_read_file(acltrace_test_model_path("stats.om"), &len);
	assert_non_null(image);
	work = weight = 0;
	assert_int_equal(aclmdlQuerySizeFromMem(image, len, &work, &weight), ACL_SUCCESS);
	assert_int_equal(work, STATS_WORK);
	assert_int_equal(weight, STATS_WEIGHT);
	assert_int_equal(aclmdlQuerySizeFromMem(image, len - 1, &work, &weight),
			 ACL_ERROR_MODEL_SIZE_INVALID);
	assert_int_equal(aclmdlQuerySizeFromMem(NULL, len, &work, &weight),
			 ACL_ERROR_INVALID_PARAM);
	assert_int_equal(aclmdlQuerySize(acltrace_test_model_path("stats.om"), NULL, &weight),
			 ACL_ERROR_INVALID_PARAM);
	assert_int_equal(aclmdlQuerySize(acltrace_test_model_path("missing.om"), &work, &weight),
			 ACL_ERROR_READ_MODEL_FAILURE);
	free(image);
}

static void test_desc(void **state)
{
	uint32_t id = 0;
	aclmdlIODims dims;
	size_t index = 99;
	(void)state;

	assert_int_equal(aclmdlLoadFromFile(acltrace_test_model_path("stats.om"), &id),
			 ACL_SUCCESS);
	aclmdlDesc *desc = aclmdlCreateDesc();
	assert_non_null(desc);
	assert_int_equal(aclmdlGetDesc(desc, id), ACL_SUCCESS);
	assert_int_equal(aclmdlGetNumInputs(desc), 2);
	assert_int_equal(aclmdlGetNumOutputs(desc), 2);
	for (size_t i = 0; i < 2; i++) {
		assert_int_equal(aclmdlGetInputSizeByIndex(desc, i), stats_in[i]);
		assert_int_equal(aclmdlGetOutputSizeByIndex(desc, i), stats_out[i]);
	}
	assert_int_equal(aclmdlGetInputSizeByIndex(desc, 2), 0);
	assert_string_equal(aclmdlGetInputNameByIndex(desc, 0), "image");
	assert_string_equal(aclmdlGetInputNameByIndex(desc, 1), "extra");
	assert_string_equal(aclmdlGetOutputNameByIndex(desc, 1), "digest");
	assert_int_equal(aclmdlGetInputIndexByName(desc, "extra", &index), ACL_SUCCESS);
	assert_int_equal(index, 1);
	assert_int_equal(aclmdlGetOutputIndexByName(desc, "nope", &index), ACL_ERROR_INVALID_PARAM);
	assert_int_equal(aclmdlGetInputDims(desc, 0, &dims), ACL_SUCCESS);
	assert_string_equal(dims.name, "image");
	assert_int_equal(dims.dimCount, 4);
	assert_int_equal(dims.dims[0] * dims.dims[1] * dims.dims[2] * dims.dims[3], STATS_IN0);
	assert_int_equal(aclmdlGetOutputDims(desc, 0, &dims), ACL_SUCCESS);
	assert_int_equal(dims.dimCount, 1);
	assert_int_equal(dims.dims[0], STATS_OUT0);
	assert_int_equal(aclmdlGetInputDims(desc, 5, &dims), ACL_ERROR_INVALID_PARAM);
	assert_int_equal(aclmdlGetInputDataType(desc, 0), ACL_UINT8);
	assert_int_equal(aclmdlGetInputFormat(desc, 0), ACL_FORMAT_ND);

	assert_int_equal(aclmdlGetDesc(desc, id + 1000), ACL_ERROR_INVALID_MODEL_ID);
	assert_int_equal(aclmdlGetDesc(NULL, id), ACL_ERROR_INVALID_PARAM);
	assert_int_equal(aclmdlDestroyDesc(desc), ACL_SUCCESS);
	assert_int_equal(aclmdlUnload(id), ACL_SUCCESS);
}

static void run_and_check(uint32_t id, unsigned seed)
{
	struct io in, out;
	uint8_t rec[MAX_REC];

	io_make(&in, stats_in, 2, seed);
	io_make(&out, stats_out, 2, 0);
	assert_int_equal(aclmdlExecute(id, in.ds, out.ds), ACL_SUCCESS);
	check_outputs(&out, rec, expected(&in, NULL, rec));
	io_free(&in);
	io_free(&out);
}

static void test_load_file_execute(void **state)
{
	uint32_t id = 0;
	(void)state;

	assert_int_equal(aclmdlLoadFromFile(acltrace_test_model_path("stats.om"), &id),
			 ACL_SUCCESS);
	run_and_check(id, 1);
	run_and_check(id, 2); /* other inputs, other outputs: checked against the reference */
	assert_int_equal(aclmdlUnload(id), ACL_SUCCESS);
	assert_int_equal(aclmdlUnload(id), ACL_ERROR_INVALID_MODEL_ID);
}

static void test_outputs_follow_inputs(void **state)
{
	uint32_t id = 0;
	struct io in, out;
	uint8_t first[STATS_OUT0];
	(void)state;

	assert_int_equal(aclmdlLoadFromFile(acltrace_test_model_path("stats.om"), &id),
			 ACL_SUCCESS);
	io_make(&in, stats_in, 2, 5);
	io_make(&out, stats_out, 2, 0);
	assert_int_equal(aclmdlExecute(id, in.ds, out.ds), ACL_SUCCESS);
	io_pull(&out);
	memcpy(first, out.host[0], sizeof(first));
	/* One byte of the second input changes: its checksum in the output must change. */
	uint8_t b = (uint8_t)(in.host[1][3] + 1);
	assert_int_equal(aclrtMemcpy((uint8_t *)in.dev[1] + 3, 1, &b, 1, ACL_MEMCPY_HOST_TO_DEVICE),
			 ACL_SUCCESS);
	assert_int_equal(aclmdlExecute(id, in.ds, out.ds), ACL_SUCCESS);
	io_pull(&out);
	assert_memory_not_equal(first, out.host[0], sizeof(first));
	io_free(&in);
	io_free(&out);
	assert_int_equal(aclmdlUnload(id), ACL_SUCCESS);
}

static void test_load_mem(void **state)
{
	uint32_t id = 0;
	size_t len = 0;
	(void)state;

	uint8_t *image = acltrace_test_read_file(acltrace_test_model_path("stats.om"), &len);
	assert_non_null(image);
	assert_int_equal(aclmdlLoadFromMem(image, len, &id), ACL_SUCCESS);
	/* The runtime keeps its own copy: the caller's image may go right away. */
	memset(image, 0, len);
	free(image);
	run_and_check(id, 3);
	assert_int_equal(aclmdlUnload(id), ACL_SUCCESS);
}

static void test_load_errors(void **state)
{
	uint32_t id = 0;
	size_t len = 0;
	(void)state;

	uint8_t *image = acltrace_test_read_file(acltrace_test_model_path("stats.om"), &len);
	assert_non_null(image);
	assert_int_equal(aclmdlLoadFromFile(NULL, &id), ACL_ERROR_INVALID_PARAM);
	assert_int_equal(aclmdlLoadFromFile(acltrace_test_model_path("stats.om"), NULL),
			 ACL_ERROR_INVALID_PARAM);
	assert_int_equal(aclmdlLoadFromFile(acltrace_test_model_path("missing.om"), &id),
			 ACL_ERROR_READ_MODEL_FAILURE);
	assert_int_equal(aclmdlLoadFromMem(image, 0, &id), ACL_ERROR_INVALID_PARAM);
	assert_int_equal(aclmdlLoadFromMem(image, len - 1, &id), ACL_ERROR_MODEL_SIZE_INVALID);
	assert_int_equal(aclmdlLoadFromMem(image, len, NULL), ACL_ERROR_INVALID_PARAM);
	image[len / 2] ^= 0x40; /* a corrupt byte: the checksum catches it */
	assert_int_equal(aclmdlLoadFromMem(image, len, &id), ACL_ERROR_PARSE_MODEL);
	image[len / 2] ^= 0x40;
	image[0] = 'X'; /* not a model */
	assert_int_equal(aclmdlLoadFromMem(image, len, &id), ACL_ERROR_PARSE_MODEL);
	free(image);
}

static void test_with_mem_uses_caller_memory(void **state)
{
	size_t work_size = 0, weight_size = 0, len = 0;
	uint32_t id = 0;
	struct io in, out;
	uint8_t rec[MAX_REC];
	(void)state;

	assert_int_equal(
	    aclmdlQuerySize(acltrace_test_model_path("stats.om"), &work_size, &weight_size),
	    ACL_SUCCESS);
	void *work = dev_alloc(work_size);
	void *weight = dev_alloc(weight_size);
	assert_int_equal(aclmdlLoadFromFileWithMem(acltrace_test_model_path("stats.om"), &id, work,
						   work_size, weight, weight_size),
			 ACL_SUCCESS);

	/* The weights were copied into the caller's weight memory at load. */
	uint8_t *image = acltrace_test_read_file(acltrace_test_model_path("stats.om"), &len);
	assert_non_null(image);
	uint8_t *seen = malloc(weight_size);
	assert_non_null(seen);
	assert_int_equal(
	    aclrtMemcpy(seen, weight_size, weight, weight_size, ACL_MEMCPY_DEVICE_TO_HOST),
	    ACL_SUCCESS);
	assert_memory_equal(seen, acltrace_test_model_weights(image, len, weight_size),
			    weight_size);

	/* Execution stages the record in the caller's work memory. */
	io_make(&in, stats_in, 2, 9);
	io_make(&out, stats_out, 2, 0);
	assert_int_equal(aclmdlExecute(id, in.ds, out.ds), ACL_SUCCESS);
	size_t rec_len = expected(&in, NULL, rec);
	check_outputs(&out, rec, rec_len);
	uint8_t staged[MAX_REC];
	assert_int_equal(aclrtMemcpy(staged, rec_len, work, rec_len, ACL_MEMCPY_DEVICE_TO_HOST),
			 ACL_SUCCESS);
	assert_memory_equal(staged, rec, rec_len);

	/* And the weights are read from the caller's memory at execution, not from a copy. */
	seen[0] ^= 0xff;
	assert_int_equal(aclrtMemcpy(weight, 1, seen, 1, ACL_MEMCPY_HOST_TO_DEVICE), ACL_SUCCESS);
	assert_int_equal(aclmdlExecute(id, in.ds, out.ds), ACL_SUCCESS);
	check_outputs(&out, rec, expected(&in, seen, rec));

	io_free(&in);
	io_free(&out);
	assert_int_equal(aclmdlUnload(id), ACL_SUCCESS);
	/* Unload leaves the caller's memory to the caller. */
	assert_int_equal(aclrtFree(work), ACL_SUCCESS);
	assert_int_equal(aclrtFree(weight), ACL_SUCCESS);
	free(seen);
	free(image);
}

static void test_with_mem_from_mem(void **state)
{
	size_t work_size = 0, weight_size = 0, len = 0;
	uint32_t id = 0;
	(void)state;

	uint8_t *image = acltrace_test_read_file(acltrace_test_model_path("stats.om"), &len);
	assert_non_null(image);
	assert_int_equal(aclmdlQuerySizeFromMem(image, len, &work_size, &weight_size), ACL_SUCCESS);
	void *work = dev_alloc(work_size);
	void *weight = dev_alloc(weight_size);
	assert_int_equal(
	    aclmdlLoadFromMemWithMem(image, len, &id, work, work_size, weight, weight_size),
	    ACL_SUCCESS);
	run_and_check(id, 4);
	assert_int_equal(aclmdlUnload(id), ACL_SUCCESS);
	/* NULL work/weight pointers: the runtime manages that memory itself. */
	assert_int_equal(aclmdlLoadFromMemWithMem(image, len, &id, NULL, 0, NULL, 0), ACL_SUCCESS);
	run_and_check(id, 5);
	assert_int_equal(aclmdlUnload(id), ACL_SUCCESS);
	aclrtFree(work);
	aclrtFree(weight);
	free(image);
}

static void test_with_mem_errors(void **state)
{
	size_t work_size = 0, weight_size = 0;
	uint32_t id = 0;
	const char *path = acltrace_test_model_path("stats.om");
	(void)state;

	assert_int_equal(aclmdlQuerySize(path, &work_size, &weight_size), ACL_SUCCESS);
	void *work = dev_alloc(work_size);
	void *weight = dev_alloc(weight_size);
	void *small = dev_alloc(16);
	void *host = malloc(work_size + weight_size);
	assert_non_null(host);

	/* Declared sizes below what aclmdlQuerySize said. */
	assert_int_equal(
	    aclmdlLoadFromFileWithMem(path, &id, work, work_size - 1, weight, weight_size),
	    ACL_ERROR_INVALID_PARAM);
	assert_int_equal(
	    aclmdlLoadFromFileWithMem(path, &id, work, work_size, weight, weight_size - 1),
	    ACL_ERROR_INVALID_PARAM);
	/* A size that lies: the block behind the pointer is smaller than declared. */
	assert_int_equal(
	    aclmdlLoadFromFileWithMem(path, &id, small, work_size, weight, weight_size),
	    (aclError)ACL_ERROR_GE_EXEC_MODEL_ADDR_INVALID);
	/* Not device memory at all. */
	assert_int_equal(aclmdlLoadFromFileWithMem(path, &id, host, work_size, weight, weight_size),
			 (aclError)ACL_ERROR_GE_EXEC_MODEL_ADDR_INVALID);
	/* Freed device memory. */
	assert_int_equal(aclrtFree(weight), ACL_SUCCESS);
	assert_int_equal(aclmdlLoadFromFileWithMem(path, &id, work, work_size, weight, weight_size),
			 (aclError)ACL_ERROR_GE_EXEC_MODEL_ADDR_INVALID);
	aclrtFree(work);
	aclrtFree(small);
	free(host);
}

static void test_execute_errors(void **state)
{
	uint32_t id = 0;
	struct io in, out, one, small_in, small_out;
	(void)state;

	assert_int_equal(aclmdlLoadFromFile(acltrace_test_model_path("stats.om"), &id),
			 ACL_SUCCESS);
	io_make(&in, stats_in, 2, 1);
	io_make(&out, stats_out, 2, 0);
	io_make(&one, stats_in, 1, 1);
	size_t short_in[2] = { STATS_IN0, STATS_IN1 - 1 };
	size_t short_out[2] = { STATS_OUT0 - 1, STATS_OUT1 };
	io_make(&small_in, short_in, 2, 1);
	io_make(&small_out, short_out, 2, 0);

	assert_int_equal(aclmdlExecute(id + 1000, in.ds, out.ds), ACL_ERROR_INVALID_MODEL_ID);
	assert_int_equal(aclmdlExecute(id, NULL, out.ds), ACL_ERROR_INVALID_PARAM);
	assert_int_equal(aclmdlExecute(id, in.ds, NULL), ACL_ERROR_INVALID_PARAM);
	assert_int_equal(aclmdlExecute(id, one.ds, out.ds), ACL_ERROR_MODEL_INPUT_NOT_MATCH);
	assert_int_equal(aclmdlExecute(id, small_in.ds, out.ds), ACL_ERROR_MODEL_INPUT_NOT_MATCH);
	assert_int_equal(aclmdlExecute(id, in.ds, one.ds), ACL_ERROR_MODEL_OUTPUT_NOT_MATCH);
	assert_int_equal(aclmdlExecute(id, in.ds, small_out.ds), ACL_ERROR_MODEL_OUTPUT_NOT_MATCH);

	/* A data buffer over host memory: the model cannot read it. */
	uint8_t *host = calloc(1, STATS_IN1);
	assert_non_null(host);
	aclDataBuffer *b = aclmdlGetDatasetBuffer(in.ds, 1);
	assert_int_equal(aclUpdateDataBuffer(b, host, STATS_IN1), ACL_SUCCESS);
	assert_int_equal(aclmdlExecute(id, in.ds, out.ds),
			 (aclError)ACL_ERROR_GE_EXEC_MODEL_ADDR_INVALID);
	/* A buffer that claims more than its block holds. */
	void *tiny = dev_alloc(8);
	assert_int_equal(aclUpdateDataBuffer(b, tiny, STATS_IN1), ACL_SUCCESS);
	assert_int_equal(aclmdlExecute(id, in.ds, out.ds),
			 (aclError)ACL_ERROR_GE_EXEC_MODEL_ADDR_INVALID);
	/* A freed buffer. */
	assert_int_equal(aclrtFree(tiny), ACL_SUCCESS);
	assert_int_equal(aclUpdateDataBuffer(b, tiny, 8), ACL_SUCCESS);
	assert_int_equal(aclmdlExecute(id, in.ds, out.ds), ACL_ERROR_MODEL_INPUT_NOT_MATCH);
	assert_int_equal(aclUpdateDataBuffer(b, tiny, STATS_IN1), ACL_SUCCESS);
	assert_int_equal(aclmdlExecute(id, in.ds, out.ds),
			 (aclError)ACL_ERROR_GE_EXEC_MODEL_ADDR_INVALID);
	assert_int_equal(aclUpdateDataBuffer(b, in.dev[1], STATS_IN1), ACL_SUCCESS);
	assert_int_equal(aclmdlExecute(id, in.ds, out.ds), ACL_SUCCESS);

	assert_int_equal(aclmdlUnload(id), ACL_SUCCESS);
	assert_int_equal(aclmdlExecute(id, in.ds, out.ds), ACL_ERROR_INVALID_MODEL_ID);
	free(host);
	io_free(&in);
	io_free(&out);
	io_free(&one);
	io_free(&small_in);
	io_free(&small_out);
}

static void test_dataset(void **state)
{
	int dummy;
	(void)state;

	aclmdlDataset *ds = aclmdlCreateDataset();
	assert_non_null(ds);
	aclDataBuffer *a = aclCreateDataBuffer(&dummy, sizeof(dummy));
	aclDataBuffer *b = aclCreateDataBuffer(NULL, 0);
	assert_non_null(a);
	assert_non_null(b);
	assert_int_equal(aclmdlAddDatasetBuffer(ds, a), ACL_SUCCESS);
	assert_int_equal(aclmdlAddDatasetBuffer(ds, b), ACL_SUCCESS);
	assert_int_equal(aclmdlAddDatasetBuffer(ds, NULL), ACL_ERROR_INVALID_PARAM);
	assert_int_equal(aclmdlAddDatasetBuffer(NULL, a), ACL_ERROR_INVALID_PARAM);
	assert_int_equal(aclmdlGetDatasetNumBuffers(ds), 2);
	assert_ptr_equal(aclmdlGetDatasetBuffer(ds, 0), a);
	assert_ptr_equal(aclmdlGetDatasetBuffer(ds, 1), b);
	assert_null(aclmdlGetDatasetBuffer(ds, 2));
	assert_int_equal(aclmdlGetDatasetNumBuffers(NULL), 0);
	assert_int_equal(aclmdlDestroyDataset(ds), ACL_SUCCESS);
	assert_int_equal(aclmdlDestroyDataset(NULL), ACL_ERROR_INVALID_PARAM);
	/* The dataset never owned the buffers. */
	assert_ptr_equal(aclGetDataBufferAddr(a), &dummy);
	aclDestroyDataBuffer(a);
	aclDestroyDataBuffer(b);
}

static void test_no_weights_model(void **state)
{
	size_t work = 1, weight = 1;
	uint32_t id = 0;
	struct io in, out;
	uint8_t rec[MAX_REC];
	const size_t in_size[1] = { NOW_IN0 }, out_size[1] = { NOW_OUT0 };
	(void)state;

	assert_int_equal(aclmdlQuerySize(acltrace_test_model_path("noweights.om"), &work, &weight),
			 ACL_SUCCESS);
	assert_int_equal(weight, 0);
	assert_int_equal(aclmdlLoadFromFileWithMem(acltrace_test_model_path("noweights.om"), &id,
						   NULL, 0, NULL, 0),
			 ACL_SUCCESS);
	io_make(&in, in_size, 1, 3);
	io_make(&out, out_size, 1, 0);
	assert_int_equal(aclmdlExecute(id, in.ds, out.ds), ACL_SUCCESS);
	size_t n = acltrace_test_expected_record((const uint8_t *const *)in.host, in.size, 1, 1,
						 NULL, 0, rec, sizeof(rec));
	check_outputs(&out, rec, n);
	io_free(&in);
	io_free(&out);
	assert_int_equal(aclmdlUnload(id), ACL_SUCCESS);
}

/* Without caller memory the runtime takes work and weight memory from the device pool. */
static void test_internal_memory_from_device_pool(void **state)
{
	size_t free0 = 0, free1 = 0, free2 = 0, total = 0;
	uint32_t id = 0;
	(void)state;

	assert_int_equal(aclrtGetMemInfo(ACL_HBM_MEM, &free0, &total), ACL_SUCCESS);
	assert_int_equal(aclmdlLoadFromFile(acltrace_test_model_path("stats.om"), &id),
			 ACL_SUCCESS);
	assert_int_equal(aclrtGetMemInfo(ACL_HBM_MEM, &free1, &total), ACL_SUCCESS);
	assert_true(free1 + STATS_WORK + STATS_WEIGHT <= free0);
	assert_int_equal(aclmdlUnload(id), ACL_SUCCESS);
	assert_int_equal(aclrtGetMemInfo(ACL_HBM_MEM, &free2, &total), ACL_SUCCESS);
	assert_int_equal(free2, free0);
}

int main(int argc, char **argv)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_query_size),
		cmocka_unit_test(test_desc),
		cmocka_unit_test(test_load_file_execute),
		cmocka_unit_test(test_outputs_follow_inputs),
		cmocka_unit_test(test_load_mem),
		cmocka_unit_test(test_load_errors),
		cmocka_unit_test(test_with_mem_uses_caller_memory),
		cmocka_unit_test(test_with_mem_from_mem),
		cmocka_unit_test(test_with_mem_errors),
		cmocka_unit_test(test_execute_errors),
		cmocka_unit_test(test_dataset),
		cmocka_unit_test(test_no_weights_model),
		cmocka_unit_test(test_internal_memory_from_device_pool),
	};

	if (argc > 1)
		acltrace_test_model_dir = argv[1];
	return cmocka_run_group_tests(tests, setup, teardown);
}
