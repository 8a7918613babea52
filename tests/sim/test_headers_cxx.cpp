// SPDX-License-Identifier: MIT
// The public headers compile as C++ and link against the simulated runtime from C++.
#include <acl/acl.h>
#include <acl/error_codes/rt_error_codes.h>
#include <cstdio>
#include <cstring>

static_assert(sizeof(aclError) == 4, "aclError is 32-bit");
static_assert(ACL_MEM_MALLOC_HUGE1G_ONLY == 6, "policy value");
static_assert(ACL_MEMCPY_DEVICE_TO_HOST == 2, "memcpy kind value");
static_assert(ACL_HOST == 1, "run mode value");
static_assert(ACL_ERROR_RT_MEMORY_ALLOCATION == 207001, "runtime error code");

int main()
{
	void *p = nullptr;
	aclrtRunMode mode = ACL_DEVICE;

	if (aclInit(nullptr) != ACL_SUCCESS || aclrtSetDevice(0) != ACL_SUCCESS) {
		std::fprintf(stderr, "cannot initialize the runtime\n");
		return 1;
	}
	if (aclrtMalloc(&p, 100, ACL_MEM_MALLOC_HUGE_FIRST) != ACL_SUCCESS ||
	    reinterpret_cast<uintptr_t>(p) % 64 != 0 || aclrtGetRunMode(&mode) != ACL_SUCCESS ||
	    mode != ACL_HOST || std::strcmp(aclrtGetSocName(), "Ascend310P3") != 0) {
		std::fprintf(stderr, "unexpected results from C++\n");
		return 1;
	}
	if (aclrtFree(p) != ACL_SUCCESS || aclrtFree(p) != ACL_ERROR_RT_MEMORY_FREE)
		return 1;
	aclrtResetDevice(0);
	return aclFinalize() == ACL_SUCCESS ? 0 : 1;
}
