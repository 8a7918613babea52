/* SPDX-License-Identifier: MIT */
/* invalid-free: an interior pointer and a pointer no ACL function returned. */
#include "acltrace_test.h"

#include <acl/acl.h>

static char not_acl_memory[64];

int main(void)
{
	void *dev = NULL;

	MUST(aclInit(NULL));
	MUST(aclrtSetDevice(0));
	MUST(aclrtMalloc(&dev, 512, ACL_MEM_MALLOC_HUGE_FIRST));
	BAD(aclrtFree((char *)dev + 64)); // acltrace-expect: invalid-free
	BAD(aclrtFree(not_acl_memory));	  // acltrace-expect: invalid-free
	MUST(aclrtFree(dev));
	MUST(aclrtResetDevice(0));
	MUST(aclFinalize());
	(void)not_acl_memory;
	return 0;
}
