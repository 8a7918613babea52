/* SPDX-License-Identifier: MIT */
/*
 * ACLTRACE_REALIGN=1 on a runtime that aligns DVPP memory to 64 bytes only
 * (ASCEND_SIM_DVPP_ALIGN=64): the program gets 128-byte aligned blocks it can use and free as
 * usual. Without the option both allocations are reported as misaligned.
 */
#include "use_test.h"

int main(void)
{
	void *a = NULL, *b = NULL;

	MUST(aclInit(NULL));
	MUST(aclrtSetDevice(0));
	MUST(acldvppMalloc(&a, 1000)); // acltrace-expect: misaligned-buffer
	MUST(hi_mpi_dvpp_malloc(0, &b, 1000)); // acltrace-expect: misaligned-buffer
	printf("aligned %u %u\n", (unsigned)((uintptr_t)a & 127u), (unsigned)((uintptr_t)b & 127u));
	MUST(aclrtMemset(a, 1000, 7, 1000));
	MUST(aclrtMemset(b, 1000, 9, 1000));
	MUST(acldvppFree(a));
	MUST(hi_mpi_dvpp_free(b));
	MUST(aclrtResetDevice(0));
	MUST(aclFinalize());
	return 0;
}
