/* SPDX-License-Identifier: MIT */
/*
 * A deliberately cheap stand-in runtime for the overhead benchmark: aclrtMalloc/aclrtFree from
 * per-thread free lists of 1 KiB blocks, so the figures measure the interposer, not a runtime.
 * aclrtMemset does nothing: one call is enough to make libacltrace.so's use-site checks active.
 */
#include <stddef.h>
#include <stdint.h>
#include <sys/mman.h>

#define BLOCK	   1024u
#define ARENA_SIZE ((size_t)4 << 30)

int aclrtMalloc(void **p, size_t size, int policy);
int aclrtFree(void *p);
int aclrtMemset(void *dev, size_t max, int32_t value, size_t count);

struct block {
	struct block *next;
};

static __thread char *arena, *arena_end;
static __thread struct block *free_list;

__attribute__((visibility("default"))) int aclrtMalloc(void **p, size_t size, int policy)
{
	(void)policy;
	if (!p || !size || size > BLOCK)
		return 100000;
	if (free_list) {
		*p = free_list;
		free_list = free_list->next;
		return 0;
	}
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

__attribute__((visibility("default"))) int aclrtFree(void *p)
{
	struct block *b = p;

	if (!b)
		return 100000;
	b->next = free_list;
	free_list = b;
	return 0;
}

__attribute__((visibility("default"))) int aclrtMemset(void *dev, size_t max, int32_t value,
						       size_t count)
{
	(void)value;
	return dev && count <= max ? 0 : 100000;
}
