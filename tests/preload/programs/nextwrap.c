/* SPDX-License-Identifier: MIT */
/*
 * A second preloaded library that wraps aclrtMalloc and aclrtFree the usual way, with
 * dlsym(RTLD_NEXT). If our dlsym resolved RTLD_NEXT relative to itself instead of to this
 * library, this library would find its own functions and recurse forever.
 */
#include <dlfcn.h>
#include <stddef.h>
#include <stdio.h>

static unsigned long calls;

typedef int (*malloc_fn)(void **, size_t, int);
typedef int (*free_fn)(void *);

int aclrtMalloc(void **p, size_t size, int policy);
int aclrtFree(void *p);

__attribute__((visibility("default"))) int aclrtMalloc(void **p, size_t size, int policy)
{
	static malloc_fn next;

	if (!next)
		next = (malloc_fn)dlsym(RTLD_NEXT, "aclrtMalloc");
	calls++;
	return next ? next(p, size, policy) : 200001;
}

__attribute__((visibility("default"))) int aclrtFree(void *p)
{
	static free_fn next;

	if (!next)
		next = (free_fn)dlsym(RTLD_NEXT, "aclrtFree");
	calls++;
	return next ? next(p) : 200001;
}

__attribute__((destructor)) static void report(void)
{
	fprintf(stderr, "nextwrap: %lu calls forwarded\n", calls);
}
