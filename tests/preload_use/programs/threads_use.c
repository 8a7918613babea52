/* SPDX-License-Identifier: MIT */
/*
 * Use-site checks from 4 threads at once, each allocating, copying (synchronously and on its own
 * stream), synchronizing and freeing its own buffers, 500 times: no false finding. The bad
 * program lets each thread copy once past the end of its buffer: exactly 4 buffer-overflows.
 */
#include <pthread.h>
#include <string.h>

#include "use_test.h"

#define THREADS 4
#define ROUNDS  500

static void *worker(void *arg)
{
	aclrtStream stream = NULL;
	void *host = NULL;
	size_t extra = 0;
	int rc;

	(void)arg;
	BAD(extra = 512); /* past any of the sizes below */
	MUST(aclrtSetDevice(0));
	MUST(aclrtCreateStream(&stream));
	MUST(aclrtMallocHost(&host, 4096));
	memset(host, 1, 4096);
	for (int i = 0; i < ROUNDS; i++) {
		void *dev = NULL;

		MUST(aclrtMalloc(&dev, 1024 + (size_t)i % 7 * 64, ACL_MEM_MALLOC_HUGE_FIRST));
		MUST(aclrtMemcpy(dev, 1024, host, 1024, ACL_MEMCPY_HOST_TO_DEVICE));
		MUST(aclrtMemcpyAsync(host, 512, (char *)dev + 512, 512, ACL_MEMCPY_DEVICE_TO_HOST,
				      stream));
		MUST(aclrtSynchronizeStream(stream));
		if (i == ROUNDS / 2) {
			rc = aclrtMemset(dev, 1024 + extra, 0, 1024 + extra); // acltrace-expect: buffer-overflow x4
			(void)rc;
		}
		MUST(aclrtFree(dev));
	}
	MUST(aclrtFreeHost(host));
	MUST(aclrtDestroyStream(stream));
	return NULL;
}

int main(void)
{
	pthread_t t[THREADS];

	MUST(aclInit(NULL));
	MUST(aclrtSetDevice(0));
	for (int i = 0; i < THREADS; i++)
		if (pthread_create(&t[i], NULL, worker, NULL) != 0)
			return 3;
	for (int i = 0; i < THREADS; i++)
		pthread_join(t[i], NULL);
	MUST(aclrtResetDevice(0));
	MUST(aclFinalize());
	return 0;
}
