/* SPDX-License-Identifier: MIT */
/* alloc-failed: allocations the runtime rejects for a reason other than memory. */
#include "acltrace_test.h"

#include <acl/acl.h>

int main(void)
{
	void *p = NULL;
	size_t size = 0;
	const aclrtMemMallocPolicy policy = ACL_MEM_MALLOC_HUGE_FIRST;
	aclError rc;

	GOOD(size = 64);
	MUST(aclInit(NULL));
	MUST(aclrtSetDevice(0));
	rc = aclrtMalloc(&p, size, policy); // acltrace-expect: alloc-failed warning
	if (rc == ACL_SUCCESS)
		MUST(aclrtFree(p));
	MUST(aclrtResetDevice(0));
	MUST(aclFinalize());
	return 0;
}
