/* SPDX-License-Identifier: MIT */
/*
 * unpinned-async-copy: asynchronous copies whose host side is heap memory, or aclrtMallocHost
 * memory at an offset that is not 64-byte aligned. The correct program copies from the start of
 * aclrtMallocHost memory.
 */
#include <stdlib.h>

#include "use_test.h"

int main(void)
{
	aclrtStream stream = NULL;
	void *pinned = NULL, *dev = NULL, *src, *dst;
	void *heap = aligned_alloc(64, 4096);
	size_t off = 0;

	BAD(off = 16);
	MUST(aclInit(NULL));
	MUST(aclrtSetDevice(0));
	MUST(aclrtCreateStream(&stream));
	MUST(aclrtMallocHost(&pinned, 4096 + 64));
	MUST(aclrtMalloc(&dev, 4096, ACL_MEM_MALLOC_HUGE_FIRST));
	src = pinned;
	BAD(src = heap);
	MUST(aclrtMemcpyAsync(dev, 4096, src, 4096, ACL_MEMCPY_HOST_TO_DEVICE, stream)); // acltrace-expect: unpinned-async-copy warning
	dst = (char *)pinned + off;
	MUST(aclrtMemcpyAsync(dst, 4096, dev, 4096, ACL_MEMCPY_DEVICE_TO_HOST, stream)); // acltrace-expect: unpinned-async-copy
	MUST(aclrtSynchronizeStream(stream));
	MUST(aclrtFree(dev));
	MUST(aclrtFreeHost(pinned));
	MUST(aclrtDestroyStream(stream));
	MUST(aclrtResetDevice(0));
	MUST(aclFinalize());
	free(heap);
	return 0;
}
