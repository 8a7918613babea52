/* SPDX-License-Identifier: MIT */
/* double-free: a device buffer and a host buffer each released twice. */
#include "acltrace_test.h"

#include <acl/acl.h>

int main(void)
{
	void *dev = NULL, *host = NULL;

	MUST(aclInit(NULL));
	MUST(aclrtSetDevice(0));
	MUST(aclrtMalloc(&dev, 1000, ACL_MEM_MALLOC_HUGE_FIRST));
	MUST(aclrtMallocHost(&host, 256));
	MUST(aclrtFree(dev));
	BAD(aclrtFree(dev)); // acltrace-expect: double-free error
	MUST(aclrtFreeHost(host));
	BAD(aclrtFreeHost(host)); // acltrace-expect: double-free
	MUST(aclrtResetDevice(0));
	MUST(aclFinalize());
	return 0;
}
