/* SPDX-License-Identifier: MIT */
/*
 * For a trace that starts while the program runs: allocates before tracing begins, writes
 * READY_FILE, waits for GO_FILE, then frees the early buffers (whose allocations the trace
 * cannot hold), allocates and frees one more, and double-frees it.
 * usage: late_start READY_FILE GO_FILE
 */
#include <acl/acl.h>
#include <stdio.h>
#include <unistd.h>

#define EARLY 8

int main(int argc, char **argv)
{
	void *early[EARLY], *late = NULL;

	if (argc < 3 || aclInit(NULL) != ACL_SUCCESS || aclrtSetDevice(0) != ACL_SUCCESS)
		return 3;
	for (int i = 0; i < EARLY; i++)
		if (aclrtMalloc(&early[i], 1024, ACL_MEM_MALLOC_HUGE_FIRST) != ACL_SUCCESS)
			return 3;
	FILE *f = fopen(argv[1], "w");
	if (!f)
		return 3;
	fclose(f);
	for (int waited = 0; access(argv[2], F_OK) != 0; waited++) {
		if (waited > 3000)
			return 4; /* 30 s without a go */
		usleep(10000);
	}
	/* give the tracer a moment to see the events enabled */
	usleep(100000);
	for (int i = 0; i < EARLY; i++)
		aclrtFree(early[i]); /* allocated before the trace began: not invalid */
	if (aclrtMalloc(&late, 64, ACL_MEM_MALLOC_HUGE_FIRST) != ACL_SUCCESS)
		return 3;
	aclrtFree(late);
	aclrtFree(late); // acltrace-expect: double-free
	aclrtResetDevice(0);
	aclFinalize();
	return 0;
}
