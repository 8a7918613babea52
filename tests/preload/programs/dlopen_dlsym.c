/* SPDX-License-Identifier: MIT */
/*
 * A caller that is not linked to the runtime: it dlopens libascendcl.so with RTLD_LOCAL and
 * fetches functions with dlsym(handle) and dlvsym(handle), which LD_PRELOAD alone does not see.
 * Built once with the default dlsym version (GLIBC_2.34) and once referencing dlsym@GLIBC_2.2.5
 * as binaries built against older glibc do (ACLTRACE_TEST_OLD_DLSYM).
 */
#include "acltrace_test.h"

#include <dlfcn.h>

#ifdef ACLTRACE_TEST_OLD_DLSYM
void *old_dlsym(void *handle, const char *name);
void *old_dlvsym(void *handle, const char *name, const char *version);
__asm__(".symver old_dlsym, dlsym@GLIBC_2.2.5");
__asm__(".symver old_dlvsym, dlvsym@GLIBC_2.2.5");
#define DLSYM  old_dlsym
#define DLVSYM old_dlvsym
#else
#define DLSYM  dlsym
#define DLVSYM dlvsym
#endif

typedef int (*init_fn)(const char *);
typedef int (*dev_fn)(int);
typedef int (*fin_fn)(void);
typedef int (*malloc_fn)(void **, size_t, int);
typedef int (*free_fn)(void *);

int main(int argc, char **argv)
{
	void *h, *p = NULL, *q = NULL;
	init_fn init;
	dev_fn set_dev, reset_dev;
	fin_fn fin;
	malloc_fn mal;
	free_fn fr;

	if (argc < 2)
		return 2;
	h = dlopen(argv[1], RTLD_NOW | RTLD_LOCAL);
	if (!h) {
		fprintf(stderr, "dlopen %s: %s\n", argv[1], dlerror());
		return 2;
	}
	init = (init_fn)DLSYM(h, "aclInit");
	set_dev = (dev_fn)DLSYM(h, "aclrtSetDevice");
	reset_dev = (dev_fn)DLSYM(h, "aclrtResetDevice");
	fin = (fin_fn)DLSYM(h, "aclFinalize");
	mal = (malloc_fn)DLSYM(h, "aclrtMalloc");
	fr = (free_fn)DLSYM(h, "aclrtFree");
	if (!init || !set_dev || !reset_dev || !fin || !mal || !fr) {
		fprintf(stderr, "missing symbol: %s\n", dlerror());
		return 2;
	}
	/* Caller-relative lookups still work through the preload's dlvsym. */
	if (!DLVSYM(RTLD_DEFAULT, "strlen", "GLIBC_2.2.5") ||
	    !DLVSYM(RTLD_NEXT, "strlen", "GLIBC_2.2.5"))
		return 2;
	/* A failed lookup still reports through dlerror, as without the preload. */
	if (DLSYM(h, "aclNoSuchFunction") || !dlerror())
		return 2;
	MUST(init(NULL));
	MUST(set_dev(0));
	MUST(mal(&p, 256, 0));
	MUST(mal(&q, 256, 0));
	MUST(fr(p));
	BAD(fr(p)); // acltrace-expect: double-free
	MUST(fr(q));
	BAD(fr(q)); // acltrace-expect: double-free
	MUST(reset_dev(0));
	MUST(fin());
	return 0;
}
