/* SPDX-License-Identifier: MIT */
/*
 * errno after each call is whatever the runtime left, with or without the preload: the test
 * compares this program's output across both runs (simlog_compare.py).
 */
#include "acltrace_test.h"

#include <acl/acl.h>
#include <errno.h>

#define PROBE(call)                                                  \
	do {                                                         \
		int rc_;                                             \
		errno = 4242;                                        \
		rc_ = (int)(call);                                   \
		printf("%-40s rc=%d errno=%d\n", #call, rc_, errno); \
	} while (0)

static char not_acl_memory[16];

int main(void)
{
	void *p = NULL, *h = NULL;

	PROBE(aclInit(NULL));
	PROBE(aclrtSetDevice(0));
	PROBE(aclrtMalloc(&p, 128, ACL_MEM_MALLOC_HUGE_FIRST));
	PROBE(aclrtMallocHost(&h, 128));
	PROBE(aclrtFreeHost(p));
	PROBE(aclrtFree(p));
	PROBE(aclrtFree(p));
	PROBE(aclrtFree(not_acl_memory));
	PROBE(aclrtMalloc(&p, 0, ACL_MEM_MALLOC_HUGE_FIRST));
	PROBE(aclrtResetDevice(0));
	PROBE(aclFinalize());
	return 0;
}
