/* SPDX-License-Identifier: MIT */
/*
 * A program that finds ACL functions with dlsym(RTLD_DEFAULT) when no runtime is loaded: the
 * preload's wrappers are found, and must answer "not supported" instead of crashing.
 */
#include <dlfcn.h>
#include <stdint.h>
#include <stdio.h>

typedef int (*malloc_fn)(void **, size_t, int);
typedef int (*dvpp_malloc_fn)(unsigned, void **, unsigned long long);

int main(void)
{
	malloc_fn mal = (malloc_fn)dlsym(RTLD_DEFAULT, "aclrtMalloc");
	dvpp_malloc_fn dmal = (dvpp_malloc_fn)dlsym(RTLD_DEFAULT, "hi_mpi_dvpp_malloc");
	void *p = NULL;
	int rc1, rc2;

	if (!mal || !dmal) {
		puts("no wrapper found (is the preload active?)");
		return 2;
	}
	rc1 = mal(&p, 64, 0);
	rc2 = dmal(0, &p, 64);
	printf("aclrtMalloc=%d hi_mpi_dvpp_malloc=0x%x\n", rc1, (unsigned)rc2);
	return rc1 == 200001 && (unsigned)rc2 == 0xA0028008u ? 0 : 1;
}
