/* SPDX-License-Identifier: MIT */
/*
 * Per-SoC rules: VPC output in aclrtMalloc memory is accepted on Atlas A2 (Ascend910B) and
 * 200I/500 A2 (Ascend310B), not on Ascend310P. The test runs this program with two
 * ASCEND_SIM_SOC values, and with ACLTRACE_TARGET overriding what the runtime reports.
 */
#include "use_test.h"

int main(void)
{
	void *in = NULL, *dev = NULL;
	hi_vpc_chn chn = 0;
	hi_vpc_chn_attr attr = { 0, IN_W, IN_H };
	hi_vpc_pic_info a, b;
	hi_u32 task = 0;
	int rc;

	MUST(aclInit(NULL));
	MUST(aclrtSetDevice(0));
	printf("soc %s\n", aclrtGetSocName());
	MUST(hi_mpi_dvpp_malloc(0, &in, IN_SIZE));
	MUST(aclrtMalloc(&dev, OUT_SIZE, ACL_MEM_MALLOC_HUGE_FIRST));
	MUST(hi_mpi_sys_init());
	MUST(hi_mpi_vpc_sys_create_chn(&chn, &attr));
	a = nv12_pic(in, IN_SIZE, IN_W, IN_H);
	b = nv12_pic(dev, OUT_SIZE, OUT_W, OUT_H);
	rc = hi_mpi_vpc_resize(chn, &a, &b, 0, 0, 0, &task, -1); // acltrace-expect: non-dvpp-buffer
	show("hi_mpi_vpc_resize", rc);
	if (rc == 0)
		MUST(hi_mpi_vpc_get_process_result(chn, task, -1));
	MUST(hi_mpi_vpc_destroy_chn(chn));
	MUST(hi_mpi_sys_exit());
	MUST(hi_mpi_dvpp_free(in));
	MUST(aclrtFree(dev));
	MUST(aclrtResetDevice(0));
	MUST(aclFinalize());
	return 0;
}
