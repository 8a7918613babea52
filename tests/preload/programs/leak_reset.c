/* SPDX-License-Identifier: MIT */
/*
 * leak: a device buffer live when its device is released. The device is set twice, so only the
 * second aclrtResetDevice releases it (and reports); aclFinalize must not report it again.
 */
#include "acltrace_test.h"

#include <acl/acl.h>

int main(void)
{
	void *a = NULL;

	MUST(aclInit(NULL));
	MUST(aclrtSetDevice(0));
	MUST(aclrtSetDevice(0));
	MUST(aclrtMalloc(&a, 2048, ACL_MEM_MALLOC_HUGE_FIRST)); // acltrace-expect: leak
	MUST(aclrtResetDevice(0));
	GOOD(MUST(aclrtFree(a)));
	MUST(aclrtResetDevice(0));
	MUST(aclFinalize());
	return 0;
}
