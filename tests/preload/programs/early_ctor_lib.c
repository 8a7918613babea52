/* SPDX-License-Identifier: MIT */
/*
 * A library whose constructor initialises ACL and uses ACL memory: it runs before
 * libacltrace.so's own constructor (the program's dependencies are initialised first), so the
 * first wrapper call has to initialise the tracer.
 */
#include <acl/acl.h>

int acltrace_test_early_ran(void);
static int ran;

int acltrace_test_early_ran(void)
{
	return ran;
}

__attribute__((constructor)) static void early(void)
{
	void *p = NULL;

	if (aclInit(NULL) != ACL_SUCCESS || aclrtSetDevice(0) != ACL_SUCCESS ||
	    aclrtMallocHost(&p, 64) != ACL_SUCCESS)
		return;
	ran = 1;
	aclrtFreeHost(p);
#ifndef ACLTRACE_TEST_CORRECT
	aclrtFreeHost(p); // acltrace-expect: double-free
#endif
}
