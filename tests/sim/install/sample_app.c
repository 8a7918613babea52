/* SPDX-License-Identifier: MIT */
/*
 * A small program written the way CANN samples are: it builds against the installed simulated
 * toolkit only (-I runtime/include -L runtime/lib64 -lascendcl ...) and reports what it saw.
 */
#include "acl/acl.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>
#ifdef SAMPLE_WITH_DVPP_V1
#include "acl/ops/acl_dvpp.h"
#endif
#ifdef SAMPLE_WITH_DVPP_V2
#include "acl/dvpp/hi_dvpp.h"
#endif

#define CHECK_ACL(call)                                                     \
	do {                                                                \
		aclError check_ret_ = (call);                               \
		if (check_ret_ != ACL_SUCCESS) {                            \
			printf("FAILED %s = %d\n", #call, (int)check_ret_); \
			return 1;                                           \
		}                                                           \
	} while (0)

int main(void)
{
	const size_t size = 1000;
	unsigned char host_in[1000], host_out[1000];
	void *dev = NULL, *pinned = NULL;
	aclrtStream stream = NULL;
	aclrtRunMode mode;
	size_t free_mem = 0, total_mem = 0;
	int32_t major, minor, patch;

	for (size_t i = 0; i < size; i++)
		host_in[i] = (unsigned char)(i * 7);
	CHECK_ACL(aclInit(NULL));
	CHECK_ACL(aclrtSetDevice(0));
	CHECK_ACL(aclrtCreateStream(&stream));
	CHECK_ACL(aclrtGetRunMode(&mode));
	CHECK_ACL(aclrtGetVersion(&major, &minor, &patch));
	CHECK_ACL(aclrtMallocHost(&pinned, size));
	CHECK_ACL(aclrtMalloc(&dev, size, ACL_MEM_MALLOC_HUGE_FIRST));
	memcpy(pinned, host_in, size);
	CHECK_ACL(aclrtMemcpyAsync(dev, size, pinned, size, ACL_MEMCPY_HOST_TO_DEVICE, stream));
	CHECK_ACL(aclrtSynchronizeStream(stream));
	CHECK_ACL(aclrtMemcpy(host_out, size, dev, size, ACL_MEMCPY_DEVICE_TO_HOST));
	CHECK_ACL(aclrtGetMemInfo(ACL_HBM_MEM, &free_mem, &total_mem));
	printf("soc %s\n", aclrtGetSocName());
	printf("run mode %s\n", mode == ACL_HOST ? "host" : "device");
	printf("version %d.%d.%d\n", (int)major, (int)minor, (int)patch);
	printf("device memory 64-byte aligned: %s\n", (uintptr_t)dev % 64 == 0 ? "yes" : "no");
	printf("round trip intact: %s\n", memcmp(host_in, host_out, size) == 0 ? "yes" : "no");
	printf("device memory in use: %zu\n", total_mem - free_mem);
#ifdef SAMPLE_WITH_DVPP_V1
	{
		void *pic = NULL;

		CHECK_ACL(acldvppMalloc(&pic, size));
		printf("dvpp v1 128-byte aligned: %s\n", (uintptr_t)pic % 128 == 0 ? "yes" : "no");
		CHECK_ACL(acldvppFree(pic));
	}
#endif
#ifdef SAMPLE_WITH_DVPP_V2
	{
		void *pic = NULL;

		if (hi_mpi_dvpp_malloc(0, &pic, size) != HI_SUCCESS) {
			printf("FAILED hi_mpi_dvpp_malloc\n");
			return 1;
		}
		printf("dvpp v2 128-byte aligned: %s\n", (uintptr_t)pic % 128 == 0 ? "yes" : "no");
		if (hi_mpi_dvpp_free(pic) != HI_SUCCESS) {
			printf("FAILED hi_mpi_dvpp_free\n");
			return 1;
		}
	}
#endif
	CHECK_ACL(aclrtFree(dev));
	CHECK_ACL(aclrtFreeHost(pinned));
	CHECK_ACL(aclrtDestroyStream(stream));
	CHECK_ACL(aclrtResetDevice(0));
	CHECK_ACL(aclFinalize());
	printf("done\n");
	return 0;
}
