/* SPDX-License-Identifier: MIT */
/*
 * A library dlopen'ed, used through dlsym(handle), dlclose'd and loaded again at another
 * address: the wrappers must forward to the new copy (not the unmapped old one) and keep
 * tracking. argv[1] is the library (libacltrace_fakeacl.so).
 */
#include "acltrace_test.h"

#include <dlfcn.h>
#include <stdint.h>
#include <sys/mman.h>

typedef int (*malloc_fn)(void **, size_t, int);
typedef int (*free_fn)(void *);

static void *base_of(void *h)
{
	Dl_info info;
	void *marker = dlsym(h, "fakeacl_marker");

	return marker && dladdr(marker, &info) ? info.dli_fbase : NULL;
}

static void round_trip(void *h, int round)
{
	malloc_fn mal = (malloc_fn)dlsym(h, "aclrtMalloc");
	/* The library versions its symbols: dlvsym finds them by version. */
	free_fn fr = (free_fn)dlvsym(h, "aclrtFree", "FAKEACL_1");
	void *p = NULL;

	if (!mal || !fr)
		exit(2);
	MUST(mal(&p, 100, 0));
	MUST(fr(p));
	if (round == 1)
		BAD(fr(p)); // acltrace-expect: double-free x2
}

int main(int argc, char **argv)
{
	void *h, *base1, *base2, *hole;

	if (argc < 2)
		return 2;
	h = dlopen(argv[1], RTLD_NOW | RTLD_LOCAL);
	if (!h)
		return 2;
	base1 = base_of(h);
	round_trip(h, 0);
	round_trip(h, 1);
	if (dlclose(h) != 0)
		return 2;
	/* Occupy the old address range so the second load cannot land there. */
	hole =
	    mmap(base1, 4096, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
	h = dlopen(argv[1], RTLD_NOW | RTLD_LOCAL);
	if (!h)
		return 2;
	base2 = base_of(h);
	if (!base1 || base1 == base2 || hole == MAP_FAILED) {
		fprintf(stderr, "library not reloaded elsewhere (%p, %p)\n", base1, base2);
		return 6;
	}
	round_trip(h, 1);
	dlclose(h);
	return 0;
}
