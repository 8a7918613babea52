/* SPDX-License-Identifier: MIT */
/* mismatched-free (error): device memory released as host memory and the reverse. */
#include "acltrace_test.h"

#include <acl/acl.h>

int main(void)
{
	void *dev = NULL, *host = NULL, *a32 = NULL;

	MUST(aclInit(NULL));
	MUST(aclrtSetDevice(0));
	MUST(aclrtMalloc(&dev, 4096, ACL_MEM_MALLOC_HUGE_FIRST));
	MUST(aclrtMallocHost(&host, 4096));
	MUST(aclrtMallocAlign32(&a32, 100, ACL_MEM_MALLOC_NORMAL_ONLY));
	BAD(aclrtFreeHost(dev)); // acltrace-expect: mismatched-free error
	BAD(aclrtFree(host));	 // acltrace-expect: mismatched-free error
	GOOD(aclrtFree(dev));
	GOOD(aclrtFreeHost(host));
	MUST(aclrtFree(a32));
	/* Whatever the runtime did with the mismatched frees, release the rest properly. */
	BAD(aclrtFree(dev));
	BAD(aclrtFreeHost(host));
	MUST(aclrtResetDevice(0));
	MUST(aclFinalize());
	return 0;
}
