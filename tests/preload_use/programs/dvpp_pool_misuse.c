/* SPDX-License-Identifier: MIT */
/*
 * dvpp-pool-misuse: model work memory taken from the DVPP pool (aclmdlLoadFromFileWithMem). Both
 * programs then run the documented zero-copy pipeline, which is never a finding: a V2 resize
 * writes DVPP memory that the model reads directly as its input (aclmdlExecute and
 * aclmdlExecuteAsync). The correct program takes work memory from aclrtMalloc.
 * Usage: dvpp_pool_misuse MODEL (input OUT_SIZE bytes, one output of 64 bytes).
 */
#include "use_test.h"

int main(int argc, char **argv)
{
	aclrtStream stream = NULL;
	void *work = NULL, *weight = NULL, *in = NULL, *pic = NULL, *result = NULL;
	size_t work_size = 0, weight_size = 0;
	uint32_t model = 0;
	aclmdlDataset *inputs, *outputs;
	hi_vpc_chn chn = 0;
	hi_vpc_chn_attr attr = { 0, IN_W, IN_H };
	hi_vpc_pic_info a, b;
	hi_u32 task = 0;
	int dvpp_work = 0, rc;

	if (argc < 2)
		return 2;
	BAD(dvpp_work = 1);
	MUST(aclInit(NULL));
	MUST(aclrtSetDevice(0));
	MUST(aclrtCreateStream(&stream));
	MUST(aclmdlQuerySize(argv[1], &work_size, &weight_size));
	if (dvpp_work)
		MUST(acldvppMalloc(&work, work_size));
	else
		MUST(aclrtMalloc(&work, work_size, ACL_MEM_MALLOC_HUGE_FIRST));
	MUST(aclrtMalloc(&weight, weight_size, ACL_MEM_MALLOC_HUGE_FIRST));
	rc = aclmdlLoadFromFileWithMem(argv[1], &model, work, work_size, weight, weight_size); // acltrace-expect: dvpp-pool-misuse warning
	show("aclmdlLoadFromFileWithMem", rc);
	if (rc != 0) {
		/* The runtime (or enforce mode) refused DVPP work memory: load as documented. */
		MUST(acldvppFree(work));
		dvpp_work = 0;
		MUST(aclrtMalloc(&work, work_size, ACL_MEM_MALLOC_HUGE_FIRST));
		MUST(aclmdlLoadFromFileWithMem(argv[1], &model, work, work_size, weight,
					       weight_size));
	}

	/* Zero copy: the resize output is the model input. */
	MUST(hi_mpi_sys_init());
	MUST(hi_mpi_vpc_sys_create_chn(&chn, &attr));
	MUST(hi_mpi_dvpp_malloc(0, &in, IN_SIZE));
	MUST(hi_mpi_dvpp_malloc(0, &pic, OUT_SIZE));
	MUST(aclrtMalloc(&result, 64, ACL_MEM_MALLOC_HUGE_FIRST));
	a = nv12_pic(in, IN_SIZE, IN_W, IN_H);
	b = nv12_pic(pic, OUT_SIZE, OUT_W, OUT_H);
	MUST(hi_mpi_vpc_resize(chn, &a, &b, 0, 0, 0, &task, -1));
	MUST(hi_mpi_vpc_get_process_result(chn, task, -1));
	inputs = aclmdlCreateDataset();
	outputs = aclmdlCreateDataset();
	MUST(aclmdlAddDatasetBuffer(inputs, aclCreateDataBuffer(pic, OUT_SIZE)));
	MUST(aclmdlAddDatasetBuffer(outputs, aclCreateDataBuffer(result, 64)));
	MUST(aclmdlExecute(model, inputs, outputs));
	MUST(aclmdlExecuteAsync(model, inputs, outputs, stream));
	MUST(aclrtSynchronizeStream(stream));
	printf("pipeline ok\n");

	MUST(aclDestroyDataBuffer(aclmdlGetDatasetBuffer(inputs, 0)));
	MUST(aclDestroyDataBuffer(aclmdlGetDatasetBuffer(outputs, 0)));
	MUST(aclmdlDestroyDataset(inputs));
	MUST(aclmdlDestroyDataset(outputs));
	MUST(aclmdlUnload(model));
	MUST(hi_mpi_vpc_destroy_chn(chn));
	MUST(hi_mpi_sys_exit());
	MUST(hi_mpi_dvpp_free(in));
	MUST(hi_mpi_dvpp_free(pic));
	MUST(aclrtFree(result));
	if (dvpp_work)
		MUST(acldvppFree(work));
	else
		MUST(aclrtFree(work));
	MUST(aclrtFree(weight));
	MUST(aclrtDestroyStream(stream));
	MUST(aclrtResetDevice(0));
	MUST(aclFinalize());
	return 0;
}
