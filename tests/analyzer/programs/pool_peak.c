/* SPDX-License-Identifier: MIT */
/*
 * A workload whose DVPP peak is known: A buffers of SA bytes and B buffers of SB bytes live at
 * once, then everything freed and one more SA buffer (below the peak). With "fork", the B
 * buffers are allocated by a forked child while the parent holds its A: the device pool adds
 * both processes up.
 * usage: pool_peak A SA B SB [fork]
 */
#include <acl/acl.h>
#include <acl/ops/acl_dvpp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#define MAXBUF 256

static void must(int rc, const char *what)
{
	if (rc != 0) {
		fprintf(stderr, "pool_peak: %s failed with %d\n", what, rc);
		exit(3);
	}
}

static void alloc_b(void **pb, int b, size_t sb)
{
	for (int i = 0; i < b; i++)
		must(acldvppMalloc(&pb[i], sb), "acldvppMalloc B"); // site-B
}

int main(int argc, char **argv)
{
	static void *pa[MAXBUF], *pb[MAXBUF];
	if (argc < 5)
		return 2;
	int a = atoi(argv[1]), b = atoi(argv[3]);
	size_t sa = strtoul(argv[2], NULL, 10), sb = strtoul(argv[4], NULL, 10);
	int forking = argc > 5 && strcmp(argv[5], "fork") == 0;
	if (a > MAXBUF || b > MAXBUF)
		return 2;

	must(aclInit(NULL), "aclInit");
	must(aclrtSetDevice(0), "aclrtSetDevice");
	for (int i = 0; i < a; i++)
		must(acldvppMalloc(&pa[i], sa), "acldvppMalloc A"); // site-A
	if (forking) {
		int up[2], down[2];
		char c = 0;
		must(pipe(up) || pipe(down), "pipe");
		pid_t pid = fork();
		if (pid == 0) {
			alloc_b(pb, b, sb);
			must(write(up[1], &c, 1) != 1, "write"); /* the peak is reached */
			must(read(down[0], &c, 1) != 1, "read");
			for (int i = 0; i < b; i++)
				must(acldvppFree(pb[i]), "acldvppFree B");
			_exit(0);
		}
		must(read(up[0], &c, 1) != 1, "read");
		must(write(down[1], &c, 1) != 1, "write");
		int status;
		waitpid(pid, &status, 0);
	} else {
		alloc_b(pb, b, sb);
	}
	for (int i = 0; i < a; i++)
		must(acldvppFree(pa[i]), "acldvppFree A");
	if (!forking)
		for (int i = 0; i < b; i++)
			must(acldvppFree(pb[i]), "acldvppFree B");
	void *p = NULL;
	must(acldvppMalloc(&p, sa), "acldvppMalloc C");
	must(acldvppFree(p), "acldvppFree C");
	must(aclrtResetDevice(0), "aclrtResetDevice");
	must(aclFinalize(), "aclFinalize");
	return 0;
}
