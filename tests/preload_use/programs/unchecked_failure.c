/* SPDX-License-Identifier: MIT */
/*
 * unchecked-failure: DVPP allocations that fail (larger than the DVPP window), whose result is
 * not checked: the NULL they leave is passed to a memset and set into a V2 picture. The correct
 * program checks the result and skips the use. Both programs report the failed allocations
 * themselves (pool-exhausted).
 */
#include "use_test.h"

int main(void)
{
	void *p = NULL, *q = NULL, *in = NULL;
	uint64_t huge = (uint64_t)64 << 30;
	int r1, r2, rc;
	hi_vpc_chn chn = 0;
	hi_vpc_chn_attr attr = { 0, IN_W, IN_H };
	hi_vpc_pic_info a, b;
	hi_u32 task = 0;

	MUST(aclInit(NULL));
	MUST(aclrtSetDevice(0));
	MUST(hi_mpi_dvpp_malloc(0, &in, IN_SIZE));
	r1 = acldvppMalloc(&p, (size_t)huge); // acltrace-expect: pool-exhausted
	r2 = hi_mpi_dvpp_malloc(0, &q, huge); // acltrace-expect: pool-exhausted
	show("acldvppMalloc", r1);
	show("hi_mpi_dvpp_malloc", r2);
	BAD(r1 = 0);
	BAD(r2 = 0);
	if (r1 == 0) {
		rc = aclrtMemset(p, 4096, 0, 4096); // acltrace-expect: unchecked-failure
		show("aclrtMemset", rc);
	}
	MUST(hi_mpi_sys_init());
	MUST(hi_mpi_vpc_sys_create_chn(&chn, &attr));
	if (r2 == 0) {
		a = nv12_pic(in, IN_SIZE, IN_W, IN_H);
		b = nv12_pic(q, OUT_SIZE, OUT_W, OUT_H);
		rc = hi_mpi_vpc_resize(chn, &a, &b, 0, 0, 0, &task, -1); // acltrace-expect: unchecked-failure
		show("hi_mpi_vpc_resize", rc);
	}
	MUST(hi_mpi_vpc_destroy_chn(chn));
	MUST(hi_mpi_sys_exit());
	MUST(hi_mpi_dvpp_free(in));
	MUST(aclrtResetDevice(0));
	MUST(aclFinalize());
	return 0;
}
