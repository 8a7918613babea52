/* SPDX-License-Identifier: MIT */
/*
 * Bad frees in enforce mode (only run in that mode): none reaches the runtime, each returns the
 * invalid-parameter code, and the allocation stays live: the device buffer freed with
 * acldvppFree is then freed correctly with aclrtFree. The correct program makes only the correct
 * frees.
 */
#include "use_test.h"

int main(void)
{
	void *d = NULL, *v = NULL, *x = NULL;
	int rc = 0;

	MUST(aclInit(NULL));
	MUST(aclrtSetDevice(0));
	MUST(aclrtMalloc(&d, 1000, ACL_MEM_MALLOC_HUGE_FIRST));
	MUST(hi_mpi_dvpp_malloc(0, &v, 1000));
	MUST(aclrtMalloc(&x, 512, ACL_MEM_MALLOC_HUGE_FIRST));
	BAD(rc = acldvppFree(d)); // acltrace-expect: mismatched-free error
	BAD(show("acldvppFree", rc));
	MUST(aclrtFree(d));
	BAD(rc = aclrtFree(d)); // acltrace-expect: double-free
	BAD(show("aclrtFree", rc));
	MUST(hi_mpi_dvpp_free(v));
	BAD(rc = hi_mpi_dvpp_free(v)); // acltrace-expect: double-free
	BAD(show("hi_mpi_dvpp_free", rc));
	BAD(rc = aclrtFree((char *)x + 64)); // acltrace-expect: invalid-free
	BAD(show("aclrtFree interior", rc));
	MUST(aclrtFree(x));
	(void)rc;
	MUST(aclrtResetDevice(0));
	MUST(aclFinalize());
	return 0;
}
