/* SPDX-License-Identifier: MIT */
/*
 * A minimal stand-in ACL library for the dlclose/reload test: it can really be unloaded (the
 * simulated runtime keeps threads and state). Memory comes from the C heap.
 */
#include <stdint.h>
#include <stdlib.h>

__attribute__((visibility("default"))) int fakeacl_marker;

int aclrtMalloc(void **p, size_t size, int policy);
int aclrtFree(void *p);

__attribute__((visibility("default"))) int aclrtMalloc(void **p, size_t size, int policy)
{
	(void)policy;
	if (!p || !size)
		return 100000;
	*p = aligned_alloc(64, (size + 63) / 64 * 64);
	return *p ? 0 : 207001;
}

__attribute__((visibility("default"))) int aclrtFree(void *p)
{
	/* Only the test's own well-formed frees reach free(); a repeated one is refused. */
	static void *last;

	if (!p || p == last)
		return 207002;
	last = p;
	free(p);
	return 0;
}
