/* SPDX-License-Identifier: MIT */
/*
 * ACLTRACE_DVPP_LIMIT=2M rehearses a smaller DVPP pool: the third 1 MiB block does not fit and
 * fails with the runtime's out-of-memory code before the runtime is asked. The correct program
 * stays within two blocks.
 */
#include "use_test.h"

int main(void)
{
	void *b[3] = { NULL, NULL, NULL };
	int n = 2, rc;

	BAD(n = 3);
	MUST(aclInit(NULL));
	MUST(aclrtSetDevice(0));
	MUST(acldvppMalloc(&b[0], 1 << 20));
	MUST(hi_mpi_dvpp_malloc(0, &b[1], 1 << 20));
	if (n == 3) {
		rc = acldvppMalloc(&b[2], 1 << 20); // acltrace-expect: pool-exhausted
		show("acldvppMalloc", rc);
		rc = hi_mpi_dvpp_malloc(0, &b[2], 1 << 20); // acltrace-expect: pool-exhausted
		show("hi_mpi_dvpp_malloc", rc);
	}
	MUST(acldvppFree(b[0]));
	MUST(hi_mpi_dvpp_free(b[1]));
	MUST(aclrtResetDevice(0));
	MUST(aclFinalize());
	return 0;
}
