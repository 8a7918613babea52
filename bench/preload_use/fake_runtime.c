/* SPDX-License-Identifier: MIT */
/*
 * A deliberately cheap stand-in runtime for the use-site benchmark: aclrtMalloc hands out
 * 256-byte blocks from one arena (no reuse), aclrtFree accepts anything, aclrtMemset does
 * nothing. The figures then measure the interposer's use-site check, not a runtime.
 */
#include <stddef.h>
#include <stdint.h>
#include <sys/mman.h>

#define BLOCK	   256u
#define ARENA_SIZE ((size_t)2 << 30)

#define EXPORT __attribute__((visibility("default")))

EXPORT int aclrtMalloc(void **p, size_t size, int policy);
EXPORT int aclrtFree(void *p);
EXPORT int aclrtMemset(void *dev, size_t max, int32_t value, size_t count);

static char *arena, *arena_end;

int aclrtMalloc(void **p, size_t size, int policy)
{
	(void)policy;
	if (!p || !size || size > BLOCK)
		return 100000;
	if (!arena) {
		arena = mmap(NULL, ARENA_SIZE, PROT_READ | PROT_WRITE,
			     MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
		if (arena == MAP_FAILED) {
			arena = NULL;
			return 207001;
		}
		arena_end = arena + ARENA_SIZE;
	}
	if (arena + BLOCK > arena_end)
		return 207001;
	*p = arena;
	arena += BLOCK;
	return 0;
}

int aclrtFree(void *p)
{
	return p ? 0 : 100000;
}

int aclrtMemset(void *dev, size_t max, int32_t value, size_t count)
{
	(void)value;
	return dev && count <= max ? 0 : 100000;
}
