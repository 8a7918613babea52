/* SPDX-License-Identifier: MIT */
/*
 * mismatched-free between the DVPP allocators: V1 and V2 share one heap, so crossing them is a
 * warning; runtime memory and DVPP memory released through each other's free is an error.
 */
#define ENABLE_DVPP_INTERFACE
#include "acltrace_test.h"

#include <acl/acl.h>
#include <acl/dvpp/hi_dvpp.h>
#include <acl/ops/acl_dvpp.h>

int main(void)
{
	void *v1 = NULL, *v2 = NULL, *v1b = NULL, *dev = NULL;

	MUST(aclInit(NULL));
	MUST(aclrtSetDevice(0));
	MUST(acldvppMalloc(&v1, 1 << 16));
	MUST(hi_mpi_dvpp_malloc(0, &v2, 1 << 16));
	MUST(acldvppMalloc(&v1b, 4096));
	MUST(aclrtMalloc(&dev, 4096, ACL_MEM_MALLOC_HUGE_FIRST));
	BAD(hi_mpi_dvpp_free(v1)); // acltrace-expect: mismatched-free warning
	BAD(acldvppFree(v2));	   // acltrace-expect: mismatched-free warning
	BAD(aclrtFree(v1b));	   // acltrace-expect: mismatched-free error
	BAD(acldvppFree(dev));	   // acltrace-expect: mismatched-free error
	GOOD(MUST(acldvppFree(v1)));
	GOOD(MUST(hi_mpi_dvpp_free(v2)));
	GOOD(MUST(acldvppFree(v1b)));
	GOOD(MUST(aclrtFree(dev)));
	MUST(aclrtResetDevice(0));
	MUST(aclFinalize());
	return 0;
}
