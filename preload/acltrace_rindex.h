/* SPDX-License-Identifier: MIT */
/*
 * The range index of the use-site checks: which allocation contains an address, in a few
 * nanoseconds, for exact and interior pointers alike (the registry answers interior lookups by a
 * full scan, fit for error paths only).
 *
 * An allocation of n bytes is filed under the granules of the smallest level whose granule
 * (256 B, 4 KiB, 64 KiB, 1 MiB, 16 MiB, 256 MiB, 4 GiB) holds n bytes, so it covers at most two
 * granules of its level, and a granule holds few allocations. Entries live in 64 open-addressing
 * shards; writers take the shard's spin lock, readers take no lock and retry when the shard's
 * sequence count moved under them. Freed allocations stay in the index, marked freed with the count
 * of frees at that moment, until 16384 newer frees make their slots free for reuse: that is how an
 * interior pointer into freed memory is recognised, at the cost of one update per free.
 */
#ifndef ACLTRACE_RINDEX_H
#define ACLTRACE_RINDEX_H

#include <stdbool.h>
#include <stdint.h>

struct acltrace_range {
	uint64_t start;
	uint64_t len; /* requested size (at least 1) */
	uint8_t pool; /* enum acltrace_pool */
	uint8_t api;  /* allocating API */
	bool live;    /* false: freed (and not reused since) */
};

bool acltrace_rindex_init(void);
void acltrace_rindex_insert(uint64_t start, uint64_t len, uint8_t pool, uint8_t api);
/* The live allocation of len bytes at start is freed (known as freed until pushed out). */
void acltrace_rindex_release(uint64_t start, uint64_t len);
/* A release whose real free failed: live again (len 0: not known). */
void acltrace_rindex_unrelease(uint64_t start, uint64_t len);
/* Live allocation containing addr, else the most recently indexed freed one; false if none. */
bool acltrace_rindex_find(uint64_t addr, struct acltrace_range *out);
/* Live entries (for tests). */
uint64_t acltrace_rindex_live(void);
/* A forked child starts empty, like the registry. */
void acltrace_rindex_atfork_child(void);

#endif
