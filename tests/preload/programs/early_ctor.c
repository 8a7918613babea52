/* SPDX-License-Identifier: MIT */
/* Linked to a library that initialises ACL and uses its memory in its constructor. */
#include "acltrace_test.h"

#include <acl/acl.h>

int acltrace_test_early_ran(void);

int main(void)
{
	void *p = NULL;

	if (!acltrace_test_early_ran()) {
		fprintf(stderr, "the library constructor did not use ACL memory\n");
		return 2;
	}
	/* aclInit already ran in early_ctor_lib.c's constructor. */
	MUST(aclrtSetDevice(0));
	MUST(aclrtMalloc(&p, 64, ACL_MEM_MALLOC_HUGE_FIRST));
	MUST(aclrtFree(p));
	MUST(aclrtResetDevice(0));
	(void)aclFinalize(); /* may report a repeated finalize: aclInit ran in a constructor */
	return 0;
}
