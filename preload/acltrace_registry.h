/* SPDX-License-Identifier: MIT */
/*
 * The registry of allocations, per process, and the one index of them: it answers exact lookups
 * (frees) and interior ones (use-site checks: which allocation contains this address) alike.
 *
 * A record of extent n bytes (the larger of requested and rounded size) is filed once, under the
 * granule holding its start at the smallest level whose granule (256 B, 1 KiB, 4 KiB, ... up to
 * 2^62 B, 4 times larger per level) holds n bytes: so it reaches at most into the next granule,
 * and an address is found by looking at its own granule and the one before, at each level in
 * use. Records live in 256 shards selected by the 64 KiB region of their granule, each an
 * open-addressing table under its own spin lock, memory from mmap: a dense array of 16-byte
 * entries that lookups read (address, requested size, level, state, pool, API) and, at the same
 * index, the 64-byte records. Writers (allocations, frees) take the lock; use-site lookups take
 * none: they retry when the shard's sequence count moved.
 *
 * A freed allocation stays as a tombstone (state FREED) until its address is handed out again or
 * the shard is compacted, which is what tells a double free from a free of an unknown pointer,
 * and a use of freed memory (start or interior) from a use of unknown memory. A forked child
 * bumps the generation: records of the parent stay visible, as the parent's, but are not live.
 */
#ifndef ACLTRACE_REGISTRY_H
#define ACLTRACE_REGISTRY_H

#include <stdbool.h>
#include <stdint.h>

enum acltrace_rec_state {
	ACLTRACE_REC_EMPTY = 0,
	ACLTRACE_REC_LIVE = 1,
	ACLTRACE_REC_FREED = 2,
	ACLTRACE_REC_DEAD = 3, /* removed (inside the registry only): skipped by every lookup */
};

#define ACLTRACE_REC_LEAK_REPORTED 0x1

struct acltrace_rec {
	uint64_t addr;
	uint64_t requested;
	uint64_t rounded;
	uint64_t time_ns; /* CLOCK_MONOTONIC_COARSE at allocation */
	uint32_t tid;	  /* allocating thread */
	uint32_t free_tid;
	uint32_t alloc_stack;
	uint32_t free_stack;
	uint32_t generation; /* process generation (bumped in a forked child) */
	int16_t device;
	uint8_t api; /* enum acltrace_api of the allocation */
	uint8_t free_api;
	uint8_t pool;
	uint8_t state;
	uint8_t flags;
	uint8_t level; /* set by the registry: granule level the record is filed under */
};

enum acltrace_release {
	ACLTRACE_RELEASED,  /* was live: now freed; *out holds the allocation */
	ACLTRACE_DOUBLE,    /* already freed: *out holds allocation and previous free */
	ACLTRACE_PARENT,    /* live in the parent process, never in this one */
	ACLTRACE_NOT_FOUND, /* not the start of any known allocation */
};

bool acltrace_registry_init(void);
uint32_t acltrace_registry_generation(void);
/* Records a live allocation; returns true when a live record at that address was replaced. */
bool acltrace_registry_insert(const struct acltrace_rec *rec);
/* Marks addr freed by api; out receives the record as it was before. */
enum acltrace_release acltrace_registry_release(uint64_t addr, uint8_t api, uint32_t free_stack,
						uint32_t tid, struct acltrace_rec *out);
/* Undoes a release whose real free failed, so the allocation stays live. */
void acltrace_registry_unrelease(uint64_t addr, uint32_t generation);
/*
 * Live allocation of this process containing addr within its extent (the larger of requested
 * and rounded size): what an interior pointer handed to a free belongs to.
 */
bool acltrace_registry_find_containing(uint64_t addr, struct acltrace_rec *out);
/*
 * The use-site lookup, without a lock: the allocation of this process whose requested bytes (at
 * least one) contain addr, live if there is one, else a freed one still remembered (state FREED).
 * It reads only what a check needs: out gets addr, requested, api, pool, state and generation
 * (the other fields are 0; acltrace_registry_lookup gives the whole record, for a report).
 */
bool acltrace_registry_find(uint64_t addr, struct acltrace_rec *out);
/* The record (live or freed) that starts at addr, in this process generation. */
bool acltrace_registry_lookup(uint64_t addr, struct acltrace_rec *out);

/* Calls fn on each live record of this process; fn may change flags only. */
typedef void (*acltrace_rec_fn)(struct acltrace_rec *rec, void *ctx);
void acltrace_registry_foreach_live(acltrace_rec_fn fn, void *ctx);
/* Live count and bytes (requested) of a pool, summed over shards. */
void acltrace_registry_pool_usage(unsigned pool, uint64_t *count, uint64_t *bytes);

/* Allocations recorded and frees of live allocations, since start (or fork). */
void acltrace_registry_totals(uint64_t *inserts, uint64_t *releases);

void acltrace_registry_atfork_prepare(void);
void acltrace_registry_atfork_parent(void);
void acltrace_registry_atfork_child(void);

#endif
