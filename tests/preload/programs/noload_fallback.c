/* SPDX-License-Identifier: MIT */
/*
 * The runtime is dlopen'ed RTLD_LOCAL, so dlsym(RTLD_NEXT) cannot see it; the program then finds
 * aclrtMalloc through the global scope, which yields the preload's wrapper. The wrapper must
 * still reach the runtime (dlopen(soname, RTLD_NOLOAD)) and track the calls.
 * argv[1] is libascendcl.so.
 */
#include "acltrace_test.h"

#include <dlfcn.h>

typedef int (*init_fn)(const char *);
typedef int (*dev_fn)(int);
typedef int (*malloc_fn)(void **, size_t, int);
typedef int (*free_fn)(void *);

int main(int argc, char **argv)
{
	void *h, *p = NULL;
	init_fn init;
	dev_fn set_dev;
	malloc_fn mal;
	free_fn fr;

	if (argc < 2 || !(h = dlopen(argv[1], RTLD_NOW | RTLD_LOCAL)))
		return 2;
	init = (init_fn)dlsym(RTLD_DEFAULT, "aclInit");
	set_dev = (dev_fn)dlsym(RTLD_DEFAULT, "aclrtSetDevice");
	mal = (malloc_fn)dlsym(RTLD_DEFAULT, "aclrtMalloc");
	fr = (free_fn)dlsym(RTLD_DEFAULT, "aclrtFree");
	if (!init || !set_dev || !mal || !fr) {
		fprintf(stderr, "no ACL symbol in the global scope (is the preload active?)\n");
		return 2;
	}
	MUST(init(NULL));
	MUST(set_dev(0));
	MUST(mal(&p, 64, 0));
	MUST(fr(p));
	BAD(fr(p)); // acltrace-expect: double-free
	return 0;
}
