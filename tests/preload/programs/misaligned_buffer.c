/* SPDX-License-Identifier: MIT */
/*
 * misaligned-buffer: DVPP allocations whose start the runtime did not align to 128 bytes. The
 * test runs this program with ASCEND_SIM_DVPP_ALIGN=64 (a runtime that aligns to 64 only); the
 * correct build is run on a runtime that keeps the documented 128-byte alignment.
 */
#define ENABLE_DVPP_INTERFACE
#include "acltrace_test.h"

#include <acl/acl.h>
#include <acl/dvpp/hi_dvpp.h>
#include <acl/ops/acl_dvpp.h>

int main(void)
{
	void *v1 = NULL, *v2 = NULL;

	MUST(aclInit(NULL));
	MUST(aclrtSetDevice(0));
	MUST(acldvppMalloc(&v1, 1000));		// acltrace-expect: misaligned-buffer
	MUST(hi_mpi_dvpp_malloc(0, &v2, 1000)); // acltrace-expect: misaligned-buffer
	MUST(acldvppFree(v1));
	MUST(hi_mpi_dvpp_free(v2));
	MUST(aclrtResetDevice(0));
	MUST(aclFinalize());
	return 0;
}
