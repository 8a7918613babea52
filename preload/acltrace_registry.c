/* SPDX-License-Identifier: MIT */
#include "acltrace_registry.h"

#include "acltrace_log.h"
#include "acltrace_types.h"

#include <sched.h>
#include <string.h>
#include <sys/mman.h>

#define SHARD_BITS    8
#define SHARD_COUNT   (1u << SHARD_BITS)
#define INITIAL_SLOTS 1024u

struct shard {
	_Atomic int lock;
	uint32_t cap;  /* slots, a power of two */
	uint32_t used; /* non-empty slots */
	uint32_t freed;
	struct acltrace_rec *slots;
	uint64_t live_count[ACLTRACE_POOL_COUNT];
	uint64_t live_bytes[ACLTRACE_POOL_COUNT];
	uint64_t inserts;
	uint64_t releases;
} __attribute__((aligned(64)));

static struct shard shards[SHARD_COUNT];
static uint32_t generation = 1;

static void lock(struct shard *s)
{
	for (unsigned spins = 0; __atomic_exchange_n(&s->lock, 1, __ATOMIC_ACQUIRE); spins++) {
		if (spins > 64)
			sched_yield();
		else
			__builtin_ia32_pause();
	}
}

static void unlock(struct shard *s)
{
	__atomic_store_n(&s->lock, 0, __ATOMIC_RELEASE);
}

static uint64_t mix(uint64_t addr)
{
	uint64_t h = (addr >> 4) * 0x9e3779b97f4a7c15ull;
	return h ^ (h >> 31);
}

/*
 * The shard comes from the 64 KiB region of the address, so a thread that reuses its own recent
 * blocks (what allocators do) keeps touching the same few shards and their cache lines, instead
 * of sharing every line with the other threads; regions are spread over the shards by hash.
 */
static struct shard *shard_of(uint64_t addr)
{
	return &shards[mix(addr >> 16) >> (64 - SHARD_BITS)];
}

static struct acltrace_rec *map_slots(uint32_t cap)
{
	void *p = mmap(NULL, (size_t)cap * sizeof(struct acltrace_rec), PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	return p == MAP_FAILED ? NULL : p;
}

bool acltrace_registry_init(void)
{
	for (unsigned i = 0; i < SHARD_COUNT; i++) {
		if (shards[i].slots)
			continue;
		shards[i].slots = map_slots(INITIAL_SLOTS);
		if (!shards[i].slots) {
			acltrace_warn("cannot map %u registry slots; tracking is off",
				      INITIAL_SLOTS);
			return false;
		}
		shards[i].cap = INITIAL_SLOTS;
	}
	return true;
}

uint32_t acltrace_registry_generation(void)
{
	return generation;
}

static uint64_t extent_of(const struct acltrace_rec *r)
{
	uint64_t e = r->requested > r->rounded ? r->requested : r->rounded;
	return e ? e : 1;
}

/* Slot holding addr, or the empty slot where it would go. */
static struct acltrace_rec *probe(struct shard *s, uint64_t addr, uint64_t h)
{
	uint32_t mask = s->cap - 1;

	for (uint32_t i = (uint32_t)h & mask;; i = (i + 1) & mask) {
		struct acltrace_rec *r = &s->slots[i];
		if (r->state == ACLTRACE_REC_EMPTY || r->addr == addr)
			return r;
	}
}

/* Rebuilds the table without tombstones, doubling it while live records need the room. */
static void rehash(struct shard *s)
{
	uint32_t live = s->used - s->freed, cap = s->cap, oldcap = s->cap;
	struct acltrace_rec *old = s->slots, *fresh;
	/* Tombstones tell double frees from unknown pointers: keep them unless they dominate. */
	bool keep_freed = s->freed <= live + INITIAL_SLOTS;
	uint32_t need = keep_freed ? s->used : live;

	while (need * 4 >= cap)
		cap *= 2;
	fresh = map_slots(cap);
	if (!fresh)
		return; /* keep the full table; it still has free slots (see insert) */
	s->slots = fresh;
	s->cap = cap;
	s->used = 0;
	s->freed = 0;
	for (uint32_t i = 0; i < oldcap; i++) {
		struct acltrace_rec *r;

		if (old[i].state == ACLTRACE_REC_EMPTY ||
		    (old[i].state == ACLTRACE_REC_FREED && !keep_freed))
			continue;
		r = probe(s, old[i].addr, mix(old[i].addr));
		*r = old[i];
		s->used++;
		if (r->state == ACLTRACE_REC_FREED)
			s->freed++;
	}
	munmap(old, (size_t)oldcap * sizeof(struct acltrace_rec));
}

static void account(struct shard *s, const struct acltrace_rec *r, int sign)
{
	if (r->generation != generation || r->pool >= ACLTRACE_POOL_COUNT)
		return;
	s->live_count[r->pool] += (uint64_t)(int64_t)sign;
	s->live_bytes[r->pool] += (uint64_t)((int64_t)sign * (int64_t)r->requested);
}

bool acltrace_registry_insert(const struct acltrace_rec *rec)
{
	uint64_t h = mix(rec->addr);
	struct shard *s = shard_of(rec->addr);
	struct acltrace_rec *r;
	bool replaced = false;

	lock(s);
	/* Keep the load under 1/2: linear probing stays short (and always finds an empty slot). */
	if ((s->used + 1) * 2 > s->cap)
		rehash(s);
	if ((s->used + 1) * 8 > s->cap * 7) {
		unlock(s);
		return false; /* out of memory for the table: this allocation goes untracked */
	}
	r = probe(s, rec->addr, h);
	if (r->state == ACLTRACE_REC_EMPTY) {
		s->used++;
	} else if (r->state == ACLTRACE_REC_FREED) {
		s->freed--;
	} else {
		replaced = r->generation == generation;
		account(s, r, -1);
	}
	*r = *rec;
	s->inserts++;
	r->state = ACLTRACE_REC_LIVE;
	r->generation = generation;
	account(s, r, +1);
	unlock(s);
	return replaced;
}

enum acltrace_release acltrace_registry_release(uint64_t addr, uint8_t api, uint32_t free_stack,
						uint32_t tid, struct acltrace_rec *out)
{
	uint64_t h = mix(addr);
	struct shard *s = shard_of(addr);
	struct acltrace_rec *r;
	enum acltrace_release res;

	lock(s);
	r = probe(s, addr, h);
	if (r->state == ACLTRACE_REC_EMPTY) {
		res = ACLTRACE_NOT_FOUND;
	} else if (r->state == ACLTRACE_REC_FREED) {
		*out = *r;
		res = ACLTRACE_DOUBLE;
	} else if (r->generation != generation) {
		*out = *r;
		res = ACLTRACE_PARENT;
	} else {
		*out = *r;
		account(s, r, -1);
		r->state = ACLTRACE_REC_FREED;
		r->free_api = api;
		r->free_stack = free_stack;
		r->free_tid = tid;
		s->freed++;
		s->releases++;
		res = ACLTRACE_RELEASED;
	}
	unlock(s);
	return res;
}

void acltrace_registry_unrelease(uint64_t addr, uint32_t gen)
{
	uint64_t h = mix(addr);
	struct shard *s = shard_of(addr);
	struct acltrace_rec *r;

	lock(s);
	r = probe(s, addr, h);
	if (r->state == ACLTRACE_REC_FREED && r->generation == gen) {
		r->state = ACLTRACE_REC_LIVE;
		s->freed--;
		account(s, r, +1);
	}
	unlock(s);
}

bool acltrace_registry_lookup(uint64_t addr, struct acltrace_rec *out)
{
	uint64_t h = mix(addr);
	struct shard *s = shard_of(addr);
	struct acltrace_rec *r;
	bool found;

	lock(s);
	r = probe(s, addr, h);
	found = r->state != ACLTRACE_REC_EMPTY && r->generation == generation;
	if (found)
		*out = *r;
	unlock(s);
	return found;
}

bool acltrace_registry_find_containing(uint64_t addr, struct acltrace_rec *out)
{
	bool found = false;

	for (unsigned i = 0; i < SHARD_COUNT && !found; i++) {
		struct shard *s = &shards[i];

		lock(s);
		for (uint32_t k = 0; k < s->cap; k++) {
			const struct acltrace_rec *r = &s->slots[k];

			if (r->state == ACLTRACE_REC_LIVE && r->generation == generation &&
			    addr >= r->addr && addr - r->addr < extent_of(r)) {
				*out = *r;
				found = true;
				break;
			}
		}
		unlock(s);
	}
	return found;
}

void acltrace_registry_foreach_live(acltrace_rec_fn fn, void *ctx)
{
	for (unsigned i = 0; i < SHARD_COUNT; i++) {
		struct shard *s = &shards[i];

		lock(s);
		for (uint32_t k = 0; k < s->cap; k++) {
			struct acltrace_rec *r = &s->slots[k];

			if (r->state == ACLTRACE_REC_LIVE && r->generation == generation)
				fn(r, ctx);
		}
		unlock(s);
	}
}

void acltrace_registry_pool_usage(unsigned pool, uint64_t *count, uint64_t *bytes)
{
	*count = 0;
	*bytes = 0;
	if (pool >= ACLTRACE_POOL_COUNT)
		return;
	for (unsigned i = 0; i < SHARD_COUNT; i++) {
		/* Racy but word-sized reads: good enough for a message. */
		*count += __atomic_load_n(&shards[i].live_count[pool], __ATOMIC_RELAXED);
		*bytes += __atomic_load_n(&shards[i].live_bytes[pool], __ATOMIC_RELAXED);
	}
}

void acltrace_registry_totals(uint64_t *inserts, uint64_t *releases)
{
	*inserts = 0;
	*releases = 0;
	for (unsigned i = 0; i < SHARD_COUNT; i++) {
		*inserts += __atomic_load_n(&shards[i].inserts, __ATOMIC_RELAXED);
		*releases += __atomic_load_n(&shards[i].releases, __ATOMIC_RELAXED);
	}
}

void acltrace_registry_atfork_prepare(void)
{
	for (unsigned i = 0; i < SHARD_COUNT; i++)
		lock(&shards[i]);
}

void acltrace_registry_atfork_parent(void)
{
	for (unsigned i = SHARD_COUNT; i-- > 0;)
		unlock(&shards[i]);
}

void acltrace_registry_atfork_child(void)
{
	/* The child starts empty: the parent's records remain only to name them in reports. */
	generation++;
	for (unsigned i = SHARD_COUNT; i-- > 0;) {
		memset(shards[i].live_count, 0, sizeof(shards[i].live_count));
		memset(shards[i].live_bytes, 0, sizeof(shards[i].live_bytes));
		shards[i].inserts = 0;
		shards[i].releases = 0;
		unlock(&shards[i]);
	}
}
