/* SPDX-License-Identifier: MIT */
/* pool-exhausted: a device allocation larger than what is left of device memory. */
#include "acltrace_test.h"

#include <acl/acl.h>
#include <stdint.h>

int main(void)
{
	void *held = NULL, *p = NULL;
	size_t size = (size_t)1 << 20;
	const aclrtMemMallocPolicy policy = ACL_MEM_MALLOC_HUGE_FIRST;
	aclError rc;

	BAD(size = (size_t)64 << 30); /* far beyond the simulated device memory */
	MUST(aclInit(NULL));
	MUST(aclrtSetDevice(0));
	MUST(aclrtMalloc(&held, 1 << 20, ACL_MEM_MALLOC_HUGE_FIRST));
	rc = aclrtMalloc(&p, size, policy); // acltrace-expect: pool-exhausted error
	if (rc == ACL_SUCCESS)
		MUST(aclrtFree(p));
	MUST(aclrtFree(held));
	MUST(aclrtResetDevice(0));
	MUST(aclFinalize());
	return 0;
}
