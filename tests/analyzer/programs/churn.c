/* SPDX-License-Identifier: MIT */
/*
 * Many allocation/free pairs from a window of live buffers, fast enough to overflow a tiny trace
 * buffer, then one real double free at the end.
 * usage: churn ITERATIONS
 */
#include <acl/acl.h>
#include <stdio.h>
#include <stdlib.h>

#define WINDOW 32

int main(int argc, char **argv)
{
	static void *live[WINDOW];
	long iter = argc > 1 ? atol(argv[1]) : 100000;

	if (aclInit(NULL) != ACL_SUCCESS || aclrtSetDevice(0) != ACL_SUCCESS)
		return 3;
	for (long i = 0; i < iter; i++) {
		int slot = (int)(i % WINDOW);
		if (live[slot])
			aclrtFree(live[slot]);
		live[slot] = NULL;
		if (aclrtMalloc(&live[slot], 64 + (size_t)(i % 1024), ACL_MEM_MALLOC_HUGE_FIRST) !=
		    ACL_SUCCESS)
			return 3;
	}
	for (int s = 0; s < WINDOW; s++)
		aclrtFree(live[s]);
	aclrtFree(live[0]); /* the double free */
	aclrtResetDevice(0);
	aclFinalize();
	return 0;
}
