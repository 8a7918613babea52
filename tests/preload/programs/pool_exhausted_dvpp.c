/* SPDX-License-Identifier: MIT */
/*
 * pool-exhausted in the DVPP window, through V1 (runtime code 207001) and V2 (HiMPI NO_MEM
 * 0xA002800C); the message gives what the window held at that moment.
 */
#define ENABLE_DVPP_INTERFACE
#include "acltrace_test.h"

#include <acl/acl.h>
#include <acl/dvpp/hi_dvpp.h>
#include <acl/ops/acl_dvpp.h>

int main(void)
{
	void *held = NULL, *p = NULL, *q = NULL;
	hi_u64 size = 1 << 20;
	int rc1, rc2;

	BAD(size = 16ull << 30); /* far beyond the DVPP window */
	MUST(aclInit(NULL));
	MUST(aclrtSetDevice(0));
	MUST(acldvppMalloc(&held, 4096));
	rc1 = acldvppMalloc(&p, (size_t)size); // acltrace-expect: pool-exhausted error
	rc2 = hi_mpi_dvpp_malloc(0, &q, size); // acltrace-expect: pool-exhausted error
	if (rc1 == 0)
		MUST(acldvppFree(p));
	if (rc2 == 0)
		MUST(hi_mpi_dvpp_free(q));
	MUST(acldvppFree(held));
	MUST(aclrtResetDevice(0));
	MUST(aclFinalize());
	return 0;
}
