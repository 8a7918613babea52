/* SPDX-License-Identifier: MIT */
/* acldvppMalloc / acldvppFree: the V1 face of the DVPP window the runtime keeps. */
#include "dvpp_internal.h"

aclError acldvppMalloc(void **devPtr, size_t size)
{
	aclError ret = ascendsim_dvpp_alloc(-1, size, devPtr);

	/* Same shape as the runtime's aclrtMalloc line, so one parser reads both. */
	if (ascendsim_log_enabled())
		ascendsim_log_call("acldvppMalloc", "(size=%zu) = %d devPtr=%p", size, ret,
				   (ret == ACL_SUCCESS && devPtr) ? *devPtr : NULL);
	return ret;
}

aclError acldvppFree(void *devPtr)
{
	aclError ret = ascendsim_dvpp_free(devPtr);

	if (ascendsim_log_enabled())
		ascendsim_log_call("acldvppFree", "(devPtr=%p) = %d", devPtr, ret);
	return ret;
}
