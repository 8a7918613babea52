/* SPDX-License-Identifier: MIT */
/*
 * dlsym(handle) of another preloaded interposer (preloaded before libacltrace.so) returns that
 * interposer's own aclrtMalloc. It must be returned as is: were it adopted as "the real
 * function", our wrapper would call it, it would forward to us with RTLD_NEXT, and so on forever.
 * argv[1] is the interposer (libacltrace_nextwrap.so).
 */
#include "acltrace_test.h"

#include <acl/acl.h>
#include <dlfcn.h>

typedef int (*malloc_fn)(void **, size_t, int);
typedef int (*free_fn)(void *);

int main(int argc, char **argv)
{
	void *h, *p = NULL;
	malloc_fn mal;
	free_fn fr;

	if (argc < 2)
		return 2;
	h = dlopen(argv[1], RTLD_NOW | RTLD_NOLOAD);
	if (!h) {
		fprintf(stderr, "%s is not preloaded\n", argv[1]);
		return 2;
	}
	mal = (malloc_fn)dlsym(h, "aclrtMalloc");
	fr = (free_fn)dlsym(h, "aclrtFree");
	if (!mal || !fr)
		return 2;
	MUST(aclInit(NULL));
	MUST(aclrtSetDevice(0));
	MUST(mal(&p, 128, 0));
	MUST(fr(p));
	BAD(fr(p)); // acltrace-expect: double-free
	MUST(aclrtResetDevice(0));
	MUST(aclFinalize());
	return 0;
}
