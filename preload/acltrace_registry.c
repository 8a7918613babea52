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
#define LEVELS	      28 /* granules of 2^8, 2^10, .. 2^62 bytes */
#define PAGE	      4096u

_Static_assert(sizeof(struct acltrace_rec) == 64, "a record is one cache line");

/*
 * What a lookup reads of a record, 4 to a cache line: the records themselves (64 bytes) sit in a
 * parallel array at the same index, read only to report.
 */
struct entry {
	uint64_t addr;
	uint64_t info; /* requested | level | state | pool | generation | api, see INFO_* */
};

#define INFO_SIZE_BITS	40
#define INFO_SIZE_MAX	((1ull << INFO_SIZE_BITS) - 1)
#define INFO_LEVEL(i)	((unsigned)((i) >> 40) & 31u)
#define INFO_STATE(i)	((unsigned)((i) >> 45) & 3u)
#define INFO_POOL(i)	((unsigned)((i) >> 47) & 3u)
#define INFO_GEN(i)	((unsigned)((i) >> 49) & 255u)
#define INFO_API(i)	((unsigned)((i) >> 57) & 127u)
#define INFO_STATE_MASK (3ull << 45)

_Static_assert(ACLTRACE_API_COUNT <= 128 && ACLTRACE_POOL_COUNT <= 4, "entry fields");

struct table {
	uint32_t cap; /* slots, a power of two */
	uint32_t pad[15];
	struct entry ents[]; /* cap entries, then cap records */
};

struct shard {
	_Atomic int lock;
	_Atomic uint32_t seq;	/* odd while a writer changes the table */
	struct table *tab;	/* for writers, under the lock */
	_Atomic uintptr_t view; /* for readers: tab | log2 of its capacity, read in one load */
	struct table *spare;	/* same capacity as tab: the next compaction goes there */
	uint32_t cap;		/* tab's capacity, for writers (one cache line less to touch) */
	uint32_t used;		/* non-empty slots (live, freed, dead) */
	uint32_t freed;
	uint32_t dead;
	uint64_t live_count[ACLTRACE_POOL_COUNT];
	uint64_t live_bytes[ACLTRACE_POOL_COUNT];
	uint64_t inserts;
	uint64_t releases;
} __attribute__((aligned(64)));

static struct shard shards[SHARD_COUNT];
static uint32_t generation = 1;
static _Atomic uint32_t level_mask; /* levels that ever held a record */

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

/* Lock, and tell lock-free readers the table is changing. */
static void write_begin(struct shard *s)
{
	lock(s);
	__atomic_store_n(&s->seq, s->seq + 1, __ATOMIC_RELAXED);
	__atomic_thread_fence(__ATOMIC_RELEASE);
}

static void write_end(struct shard *s)
{
	__atomic_store_n(&s->seq, s->seq + 1, __ATOMIC_RELEASE);
	unlock(s);
}

/* Fibonacci hashing: the high bits of the product depend on every bit of k. */
static uint64_t mix(uint64_t k)
{
	return k * 0x9e3779b97f4a7c15ull;
}

static unsigned shift_of(unsigned level)
{
	return 8 + 2 * level;
}

/* Smallest level whose granule holds n bytes. */
static unsigned level_of(uint64_t n)
{
	uint64_t e = n ? n - 1 : 0;
	unsigned bits = e ? 64u - (unsigned)__builtin_clzll(e) : 0;
	unsigned l = bits <= 8 ? 0 : (bits - 8 + 1) / 2;

	return l < LEVELS ? l : LEVELS - 1;
}

static uint64_t extent_of(const struct acltrace_rec *r)
{
	uint64_t e = r->requested > r->rounded ? r->requested : r->rounded;
	return e ? e : 1;
}

/*
 * The shard comes from the 64 KiB region of the granule, so a thread that reuses its own recent
 * blocks (what allocators do) keeps touching the same few shards and their cache lines, instead
 * of sharing every line with the other threads; regions are spread over the shards by hash.
 */
static struct shard *shard_of(unsigned level, uint64_t granule)
{
	return &shards[mix((granule << shift_of(level)) >> 16) >> (64 - SHARD_BITS)];
}

/* Where the chain of a granule starts in a table of 2^bits slots. */
static uint32_t first_slot(unsigned level, uint64_t granule, unsigned bits)
{
	return (uint32_t)(mix(granule ^ (uint64_t)(level + 1) << 58) >> (64 - bits));
}

static size_t table_bytes(uint32_t cap)
{
	return sizeof(struct table) +
	       (size_t)cap * (sizeof(struct entry) + sizeof(struct acltrace_rec));
}

static struct acltrace_rec *recs_of(const struct table *t, uint32_t cap)
{
	return (struct acltrace_rec *)(uintptr_t)(t->ents + cap);
}

static uint64_t info_of(const struct acltrace_rec *r)
{
	uint64_t size = r->requested < INFO_SIZE_MAX ? r->requested : INFO_SIZE_MAX;

	return size | (uint64_t)r->level << 40 | (uint64_t)(r->state & 3u) << 45 |
	       (uint64_t)(r->pool & 3u) << 47 | (uint64_t)(r->generation & 255u) << 49 |
	       (uint64_t)(r->api & 127u) << 57;
}

/* A record's state changes in both places (lookups read the entry, reports the record). */
static void set_state(struct entry *e, struct acltrace_rec *r, unsigned state)
{
	r->state = (uint8_t)state;
	__atomic_store_n(&e->info, (e->info & ~INFO_STATE_MASK) | (uint64_t)state << 45,
			 __ATOMIC_RELAXED);
}

static struct table *map_table(uint32_t cap)
{
	struct table *t = mmap(NULL, table_bytes(cap), PROT_READ | PROT_WRITE,
			       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	if (t == MAP_FAILED)
		return NULL;
	t->cap = cap;
	return t;
}

/*
 * A table replaced by a larger one. Lock-free readers may still be walking it (their sequence
 * check then sends them to the new one), so it stays mapped; its pages go back to the system
 * and read as empty slots. Growth is geometric, so the address space kept stays small.
 */
static void retire(struct table *t)
{
	uintptr_t from = ((uintptr_t)t->ents + PAGE - 1) & ~(uintptr_t)(PAGE - 1);
	uintptr_t end = ((uintptr_t)t + table_bytes(t->cap)) & ~(uintptr_t)(PAGE - 1);

	if (end > from)
		madvise((void *)from, end - from, MADV_DONTNEED);
}

/* Readers see the table and its capacity together (tables are page-aligned: low bits free). */
static void publish(struct shard *s)
{
	__atomic_store_n(&s->view, (uintptr_t)s->tab | (uintptr_t)__builtin_ctz(s->cap),
			 __ATOMIC_RELEASE);
}

bool acltrace_registry_init(void)
{
	for (unsigned i = 0; i < SHARD_COUNT; i++) {
		struct table *t;

		if (__atomic_load_n(&shards[i].view, __ATOMIC_ACQUIRE))
			continue;
		t = map_table(INITIAL_SLOTS);
		if (!t) {
			acltrace_warn("cannot map %u registry slots; tracking is off",
				      INITIAL_SLOTS);
			return false;
		}
		shards[i].cap = INITIAL_SLOTS;
		shards[i].tab = t;
		publish(&shards[i]);
	}
	return true;
}

uint32_t acltrace_registry_generation(void)
{
	return generation;
}

/*
 * Under the lock: the index of the record of the granule's chain that starts at addr (not dead),
 * or -1; *hole receives where a new record of the granule goes (the first dead slot, else the
 * empty one ending the chain).
 */
static int64_t probe(const struct table *t, uint32_t cap, unsigned level, uint64_t addr,
		     uint32_t *hole)
{
	uint64_t granule = addr >> shift_of(level);
	uint32_t mask = cap - 1, first = first_slot(level, granule, (unsigned)__builtin_ctz(cap));
	int64_t dead = -1;

	/* The record is mostly at the chain's first slot: fetch it while the entries are read. */
	__builtin_prefetch(&recs_of(t, cap)[first], 1);
	for (uint32_t i = first;; i = (i + 1) & mask) {
		const struct entry *e = &t->ents[i];
		unsigned st = INFO_STATE(e->info);

		if (st == ACLTRACE_REC_EMPTY) {
			if (hole)
				*hole = dead >= 0 ? (uint32_t)dead : i;
			return -1;
		}
		if (st == ACLTRACE_REC_DEAD) {
			if (dead < 0)
				dead = i;
			continue;
		}
		if (e->addr == addr && INFO_LEVEL(e->info) == level)
			return i;
	}
}

/*
 * Rebuilds the table without dead records, doubling it while the kept records need the room.
 * Called with the shard being written (lock held, sequence odd).
 */
static void rehash(struct shard *s)
{
	struct table *old = s->tab, *fresh;
	uint32_t live = s->used - s->freed - s->dead, cap = s->cap;
	/* Tombstones tell double frees from unknown pointers: keep them unless they dominate. */
	bool keep_freed = s->freed <= live + INITIAL_SLOTS;
	uint32_t need = keep_freed ? live + s->freed : live;

	while ((uint64_t)need * 4 >= cap)
		cap *= 2;
	if (cap == s->cap && s->spare) {
		fresh = s->spare;
		memset(fresh->ents, 0, (size_t)cap * sizeof(struct entry));
	} else {
		fresh = map_table(cap);
		if (!fresh)
			return; /* keep the full table; it still has free slots (see insert) */
	}
	s->used = 0;
	s->freed = 0;
	s->dead = 0;
	for (uint32_t i = 0; i < s->cap; i++) {
		const struct entry *e = &old->ents[i];
		unsigned st = INFO_STATE(e->info);
		uint32_t hole;

		if (st == ACLTRACE_REC_EMPTY || st == ACLTRACE_REC_DEAD ||
		    (st == ACLTRACE_REC_FREED && !keep_freed))
			continue;
		probe(fresh, cap, INFO_LEVEL(e->info), e->addr, &hole);
		recs_of(fresh, cap)[hole] = recs_of(old, s->cap)[i];
		fresh->ents[hole] = *e;
		s->used++;
		if (st == ACLTRACE_REC_FREED)
			s->freed++;
	}
	s->tab = fresh;
	if (cap == s->cap) {
		s->spare = old;
	} else {
		retire(old);
		if (s->spare)
			retire(s->spare);
		s->spare = NULL;
	}
	s->cap = cap;
	publish(s);
}

static void account(struct shard *s, const struct acltrace_rec *r, int sign)
{
	if (r->generation != generation || r->pool >= ACLTRACE_POOL_COUNT)
		return;
	s->live_count[r->pool] += (uint64_t)(int64_t)sign;
	s->live_bytes[r->pool] += (uint64_t)((int64_t)sign * (int64_t)r->requested);
}

/* Removes a record from lookups (its slot is reused or dropped at the next rebuild). */
static void kill(struct shard *s, struct entry *e, struct acltrace_rec *r)
{
	if (r->state == ACLTRACE_REC_LIVE)
		account(s, r, -1);
	else if (r->state == ACLTRACE_REC_FREED)
		s->freed--;
	set_state(e, r, ACLTRACE_REC_DEAD);
	s->dead++;
}

/* The runtime handed out addr again: a record starting there at another level is gone. */
static bool drop_other_levels(uint64_t addr, unsigned level)
{
	uint32_t mask = __atomic_load_n(&level_mask, __ATOMIC_ACQUIRE) & ~(1u << level);
	bool replaced = false;

	for (unsigned l = 0; mask; l++, mask >>= 1) {
		struct shard *s;
		struct acltrace_rec *r;
		int64_t i;

		if (!(mask & 1u))
			continue;
		s = shard_of(l, addr >> shift_of(l));
		write_begin(s);
		i = probe(s->tab, s->cap, l, addr, NULL);
		if (i >= 0) {
			r = &recs_of(s->tab, s->cap)[i];
			replaced |= r->state == ACLTRACE_REC_LIVE && r->generation == generation;
			kill(s, &s->tab->ents[i], r);
		}
		write_end(s);
	}
	return replaced;
}

bool acltrace_registry_insert(const struct acltrace_rec *rec)
{
	unsigned level = level_of(extent_of(rec));
	struct shard *s = shard_of(level, rec->addr >> shift_of(level));
	struct acltrace_rec *r;
	uint32_t hole;
	int64_t i;
	bool replaced = false;

	/* Readers must look at this level before they can meet the record. */
	if (!(__atomic_load_n(&level_mask, __ATOMIC_RELAXED) & (1u << level)))
		__atomic_fetch_or(&level_mask, 1u << level, __ATOMIC_SEQ_CST);
	write_begin(s);
	/* Keep the load under 1/2: linear probing stays short (and always finds an empty slot). */
	if ((s->used + 1) * 2 > s->cap)
		rehash(s);
	if ((s->used + 1) * 8 > s->cap * 7) {
		write_end(s);
		return false; /* out of memory for the table: this allocation goes untracked */
	}
	i = probe(s->tab, s->cap, level, rec->addr, &hole);
	if (i < 0) {
		i = hole;
		r = &recs_of(s->tab, s->cap)[i];
		if (INFO_STATE(s->tab->ents[i].info) == ACLTRACE_REC_EMPTY)
			s->used++;
		else
			s->dead--;
	} else if ((r = &recs_of(s->tab, s->cap)[i])->state == ACLTRACE_REC_FREED) {
		s->freed--;
	} else {
		replaced = r->generation == generation;
		account(s, r, -1);
	}
	*r = *rec;
	r->level = (uint8_t)level;
	r->state = ACLTRACE_REC_LIVE;
	r->generation = generation;
	s->tab->ents[i].addr = rec->addr;
	__atomic_store_n(&s->tab->ents[i].info, info_of(r), __ATOMIC_RELAXED);
	s->inserts++;
	account(s, r, +1);
	write_end(s);
	if (__atomic_load_n(&level_mask, __ATOMIC_RELAXED) & ~(1u << level))
		replaced |= drop_other_levels(rec->addr, level);
	return replaced;
}

/*
 * Under the shard's lock (returned in *sp, locked): the record starting at addr, at whichever
 * level it is filed, and its entry; NULL (no lock held) when there is none.
 */
static struct acltrace_rec *find_start(uint64_t addr, struct shard **sp, struct entry **ep)
{
	uint32_t mask = __atomic_load_n(&level_mask, __ATOMIC_ACQUIRE);

	for (unsigned l = 0; mask; l++, mask >>= 1) {
		struct shard *s;
		int64_t i;

		if (!(mask & 1u))
			continue;
		s = shard_of(l, addr >> shift_of(l));
		write_begin(s);
		i = probe(s->tab, s->cap, l, addr, NULL);
		if (i >= 0) {
			*sp = s;
			*ep = &s->tab->ents[i];
			return &recs_of(s->tab, s->cap)[i];
		}
		write_end(s);
	}
	return NULL;
}

enum acltrace_release acltrace_registry_release(uint64_t addr, uint8_t api, uint32_t free_stack,
						uint32_t tid, struct acltrace_rec *out)
{
	struct shard *s;
	struct entry *e;
	struct acltrace_rec *r = find_start(addr, &s, &e);
	enum acltrace_release res;

	if (!r)
		return ACLTRACE_NOT_FOUND;
	*out = *r;
	if (r->state == ACLTRACE_REC_FREED) {
		res = ACLTRACE_DOUBLE;
	} else if (r->generation != generation) {
		res = ACLTRACE_PARENT;
	} else {
		account(s, r, -1);
		set_state(e, r, ACLTRACE_REC_FREED);
		r->free_api = api;
		r->free_stack = free_stack;
		r->free_tid = tid;
		s->freed++;
		s->releases++;
		res = ACLTRACE_RELEASED;
	}
	write_end(s);
	return res;
}

void acltrace_registry_unrelease(uint64_t addr, uint32_t gen)
{
	struct shard *s;
	struct entry *e;
	struct acltrace_rec *r = find_start(addr, &s, &e);

	if (!r)
		return;
	if (r->state == ACLTRACE_REC_FREED && r->generation == gen) {
		set_state(e, r, ACLTRACE_REC_LIVE);
		s->freed--;
		account(s, r, +1);
	}
	write_end(s);
}

bool acltrace_registry_lookup(uint64_t addr, struct acltrace_rec *out)
{
	struct shard *s;
	struct entry *e;
	struct acltrace_rec *r = find_start(addr, &s, &e);
	bool found;

	if (!r)
		return false;
	found = r->generation == generation;
	if (found)
		*out = *r;
	write_end(s);
	return found;
}

enum match {
	MATCH_REQUESTED, /* use sites: the requested bytes, live or freed */
	MATCH_EXTENT,	 /* interior frees: the whole extent, live only */
};

/*
 * Looks for addr in one granule's chain without a lock. Returns true when a live record matched
 * (copied to out); a freed one is copied only while *have_freed is false. Use sites read the
 * entries only (MATCH_REQUESTED); the extent needs the record.
 */
static bool scan_granule(uint64_t addr, unsigned level, uint64_t granule, enum match how,
			 struct acltrace_rec *out, bool *have_freed)
{
	struct shard *s = shard_of(level, granule);
	unsigned gen = generation & 255u;
	uint32_t seq;
	bool live, freed;
	uint64_t hit_addr = 0, hit_info = 0;
	struct acltrace_rec whole;

again:
	live = false;
	freed = false;
	seq = __atomic_load_n(&s->seq, __ATOMIC_ACQUIRE);
	if (seq & 1u) {
		__builtin_ia32_pause();
		goto again;
	}
	{
		uintptr_t view = __atomic_load_n(&s->view, __ATOMIC_ACQUIRE);
		const struct table *t = (const struct table *)(view & ~(uintptr_t)(PAGE - 1));
		uint32_t cap = 1u << (view & 31u), mask = cap - 1;

		for (uint32_t i = first_slot(level, granule, view & 31u), n = 0; n <= mask;
		     i = (i + 1) & mask, n++) {
			const struct entry *e = &t->ents[i];
			uint64_t info = __atomic_load_n(&e->info, __ATOMIC_RELAXED), a, len;
			unsigned st = INFO_STATE(info);

			if (st == ACLTRACE_REC_EMPTY)
				break;
			if (st == ACLTRACE_REC_DEAD || INFO_LEVEL(info) != level ||
			    INFO_GEN(info) != gen)
				continue;
			a = __atomic_load_n(&e->addr, __ATOMIC_RELAXED);
			if (a >> shift_of(level) != granule || addr < a)
				continue;
			if (how == MATCH_EXTENT) {
				const struct acltrace_rec *r = &recs_of(t, cap)[i];
				uint64_t q = __atomic_load_n(&r->requested, __ATOMIC_RELAXED);
				uint64_t z = __atomic_load_n(&r->rounded, __ATOMIC_RELAXED);

				len = q > z ? q : z;
				if (st != ACLTRACE_REC_LIVE || addr - a >= (len ? len : 1))
					continue;
				memcpy(&whole, r, sizeof(whole));
				live = true;
				break;
			}
			len = info & INFO_SIZE_MAX;
			if (addr - a >= (len ? len : 1) ||
			    (st != ACLTRACE_REC_LIVE && (freed || *have_freed)))
				continue;
			hit_addr = a;
			hit_info = info;
			if (st == ACLTRACE_REC_LIVE) {
				live = true;
				break;
			}
			freed = true;
		}
	}
	__atomic_thread_fence(__ATOMIC_ACQUIRE);
	if (__atomic_load_n(&s->seq, __ATOMIC_RELAXED) != seq)
		goto again;
	if (how == MATCH_EXTENT) {
		if (live)
			*out = whole;
		return live;
	}
	if (live || freed) {
		/* Field by field: the caller reads fields, never the struct as a block. */
		memset(out, 0, sizeof(*out));
		out->addr = hit_addr;
		out->requested = hit_info & INFO_SIZE_MAX;
		out->generation = generation;
		out->api = (uint8_t)INFO_API(hit_info);
		out->pool = (uint8_t)INFO_POOL(hit_info);
		out->state = (uint8_t)INFO_STATE(hit_info);
		out->level = (uint8_t)level;
		*have_freed |= freed;
	}
	return live;
}

static bool find_range(uint64_t addr, enum match how, struct acltrace_rec *out)
{
	uint32_t levels = __atomic_load_n(&level_mask, __ATOMIC_ACQUIRE);
	bool have_freed = false;

	/* Its own granule at each level first (every start pointer, most interior ones), then
	 * the granule before, where an allocation reaching into this one starts. */
	for (unsigned before = 0; before < 2; before++) {
		for (uint32_t mask = levels, l = 0; mask; l++, mask >>= 1) {
			uint64_t g = addr >> shift_of(l);

			if ((mask & 1u) && g >= before &&
			    scan_granule(addr, l, g - before, how, out, &have_freed))
				return true;
		}
	}
	return have_freed;
}

bool acltrace_registry_find(uint64_t addr, struct acltrace_rec *out)
{
	return find_range(addr, MATCH_REQUESTED, out);
}

bool acltrace_registry_find_containing(uint64_t addr, struct acltrace_rec *out)
{
	return find_range(addr, MATCH_EXTENT, out);
}

void acltrace_registry_foreach_live(acltrace_rec_fn fn, void *ctx)
{
	for (unsigned i = 0; i < SHARD_COUNT; i++) {
		struct shard *s = &shards[i];
		struct table *t;

		lock(s);
		t = s->tab;
		for (uint32_t k = 0; t && k < s->cap; k++) {
			struct acltrace_rec *r = &recs_of(t, s->cap)[k];

			/* The entry says which slots are in use (a reused table keeps old records).
			 */
			if (INFO_STATE(t->ents[k].info) == ACLTRACE_REC_LIVE &&
			    r->generation == generation)
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
