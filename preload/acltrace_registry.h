/* SPDX-License-Identifier: MIT */
/*
 * The registry of allocations, per process. 256 shards selected by address region, each an
 * open-addressing table under its own spin lock, memory from mmap. A freed allocation stays as a
 * tombstone (state FREED) until its address is handed out again or the shard is compacted, which
 * is what tells a double free from a free of an unknown pointer. A forked child bumps the
 * generation: records of the parent stay visible, as the parent's, but are not live.
 */
#ifndef ACLTRACE_REGISTRY_H
#define ACLTRACE_REGISTRY_H

#include <stdbool.h>
#include <stdint.h>

enum acltrace_rec_state {
	ACLTRACE_REC_EMPTY = 0,
	ACLTRACE_REC_LIVE = 1,
	ACLTRACE_REC_FREED = 2,
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
 * and rounded size). A scan of the registry: for error paths only (the use-site checks keep
 * their own range index, acltrace_rindex.h).
 */
bool acltrace_registry_find_containing(uint64_t addr, struct acltrace_rec *out);
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
