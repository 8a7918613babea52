/* SPDX-License-Identifier: MIT */
/* leak: buffers still live at aclFinalize, aggregated per allocation site. */
#include "acltrace_test.h"

#include <acl/acl.h>

int main(void)
{
	void *bufs[3], *host = NULL;
	const aclrtMemMallocPolicy policy = ACL_MEM_MALLOC_HUGE_FIRST;

	MUST(aclInit(NULL));
	MUST(aclrtSetDevice(0));
	for (int i = 0; i < 3; i++)
		MUST(aclrtMalloc(&bufs[i], 100 + i, policy)); // acltrace-expect: leak x3
	MUST(aclrtMallocHost(&host, 64));		      // acltrace-expect: leak
	GOOD(for (int i = 0; i < 3; i++) MUST(aclrtFree(bufs[i])));
	GOOD(MUST(aclrtFreeHost(host)));
	/* Finalize without resetting the device: the leaks show at aclFinalize. */
	MUST(aclFinalize());
	return 0;
}
