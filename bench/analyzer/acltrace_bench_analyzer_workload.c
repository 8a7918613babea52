/* SPDX-License-Identifier: MIT */
/*
 * Workload for the analyzer benchmark: ITER allocation/free pairs (2 events each) from a few
 * call sites, with a steady window of live buffers, so the trace grows with ITER while the live
 * set and the number of distinct stacks stay fixed.
 * usage: acltrace_bench_analyzer_workload ITER
 */
#include <acl/acl.h>
#include <stdio.h>
#include <stdlib.h>

#define WINDOW 64

static void *alloc_small(size_t n)
{
	void *p = NULL;
	return aclrtMalloc(&p, n, ACL_MEM_MALLOC_HUGE_FIRST) == ACL_SUCCESS ? p : NULL;
}

static void *alloc_large(size_t n)
{
	void *p = NULL;
	return aclrtMalloc(&p, n, ACL_MEM_MALLOC_NORMAL_ONLY) == ACL_SUCCESS ? p : NULL;
}

static void *alloc_host(size_t n)
{
	void *p = NULL;
	return aclrtMallocHost(&p, n) == ACL_SUCCESS ? p : NULL;
}

int main(int argc, char **argv)
{
	static void *live[WINDOW];
	static int host[WINDOW];
	long iter = argc > 1 ? atol(argv[1]) : 1000000;

	if (aclInit(NULL) != ACL_SUCCESS || aclrtSetDevice(0) != ACL_SUCCESS) {
		fprintf(stderr, "workload: cannot initialise ACL\n");
		return 1;
	}
	for (long i = 0; i < iter; i++) {
		int slot = (int)(i % WINDOW);
		if (live[slot]) {
			if (host[slot])
				aclrtFreeHost(live[slot]);
			else
				aclrtFree(live[slot]);
		}
		switch (i % 3) {
		case 0:
			live[slot] = alloc_small(64 + (size_t)(i % 512));
			host[slot] = 0;
			break;
		case 1:
			live[slot] = alloc_large(4096 + (size_t)(i % 4096));
			host[slot] = 0;
			break;
		default:
			live[slot] = alloc_host(256);
			host[slot] = 1;
			break;
		}
	}
	for (int s = 0; s < WINDOW; s++) {
		if (!live[s])
			continue;
		if (host[s])
			aclrtFreeHost(live[s]);
		else
			aclrtFree(live[s]);
	}
	aclrtResetDevice(0);
	aclFinalize();
	return 0;
}
