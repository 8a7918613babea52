/* SPDX-License-Identifier: MIT */
#include "acltrace_rindex.h"

#include "acltrace_log.h"

#include <sched.h>
#include <string.h>
#include <sys/mman.h>

#define LEVELS	       7
#define SHARD_BITS     6
#define SHARD_COUNT    (1u << SHARD_BITS)
#define INITIAL_SLOTS  512u
#define FREED_KEEP     256u /* per shard: 16384 in all */
#define KEY_EMPTY      0ull
#define KEY_TOMB       UINT64_MAX
#define INFO_LIVE      0x10000ull
#define INFO_SEQ_SHIFT 32

struct slot {
	uint64_t key; /* (level + 1) << 56 | granule; KEY_EMPTY, KEY_TOMB */
	uint64_t start;
	uint64_t len;
	uint64_t info; /* pool | api << 8 | INFO_LIVE | free sequence << 32 */
};

struct table {
	uint64_t cap; /* a power of two */
	uint64_t pad[3];
	struct slot slots[];
};

struct shard {
	_Atomic uint32_t seq; /* odd while a writer changes the shard */
	_Atomic int lock;
	struct table *_Atomic tab;
	struct table *spare; /* same capacity as tab: the next rebuild goes there */
	uint64_t used;	     /* slots ever filled since the last rebuild */
	uint64_t live;
	uint64_t free_clock; /* frees in this shard: a freed entry FREED_KEEP frees old is gone */
} __attribute__((aligned(64)));

static struct shard shards[SHARD_COUNT];
static _Atomic unsigned level_mask;

static void spin_lock(_Atomic int *l)
{
	for (unsigned spins = 0; __atomic_exchange_n(l, 1, __ATOMIC_ACQUIRE); spins++) {
		if (spins > 64)
			sched_yield();
		else
			__builtin_ia32_pause();
	}
}

static void spin_unlock(_Atomic int *l)
{
	__atomic_store_n(l, 0, __ATOMIC_RELEASE);
}

static unsigned level_of(uint64_t len)
{
	unsigned l = 0;

	while (l < LEVELS - 1 && len > (1ull << (8 + 4 * l)))
		l++;
	return l;
}

static unsigned shift_of(unsigned level)
{
	return 8 + 4 * level;
}

static uint64_t key_of(unsigned level, uint64_t granule)
{
	return ((uint64_t)(level + 1) << 56) | (granule & ((1ull << 56) - 1));
}

static uint64_t mix(uint64_t k)
{
	k *= 0x9e3779b97f4a7c15ull;
	return k ^ (k >> 29);
}

static struct shard *shard_of(uint64_t h)
{
	return &shards[h >> (64 - SHARD_BITS)];
}

/* A freed entry pushed out by newer frees: its slot may be taken again. */
static bool stale(uint64_t info, uint64_t clock)
{
	return !(info & INFO_LIVE) && clock - (info >> INFO_SEQ_SHIFT) > FREED_KEEP;
}

static struct table *map_table(uint64_t cap)
{
	size_t len = sizeof(struct table) + cap * sizeof(struct slot);
	struct table *t =
	    mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	if (t == MAP_FAILED)
		return NULL;
	t->cap = cap;
	return t;
}

bool acltrace_rindex_init(void)
{
	for (unsigned i = 0; i < SHARD_COUNT; i++) {
		struct table *t;

		if (__atomic_load_n(&shards[i].tab, __ATOMIC_ACQUIRE))
			continue;
		t = map_table(INITIAL_SLOTS);
		if (!t) {
			acltrace_warn("cannot map %u range index slots; use-site checks are off",
				      INITIAL_SLOTS);
			return false;
		}
		__atomic_store_n(&shards[i].tab, t, __ATOMIC_RELEASE);
	}
	return true;
}

static void write_begin(struct shard *s)
{
	spin_lock(&s->lock);
	__atomic_store_n(&s->seq, s->seq + 1, __ATOMIC_RELAXED);
	__atomic_thread_fence(__ATOMIC_RELEASE);
}

static void write_end(struct shard *s)
{
	__atomic_store_n(&s->seq, s->seq + 1, __ATOMIC_RELEASE);
	spin_unlock(&s->lock);
}

/* Files e in t: the first empty, deleted or stale slot of its probe path; false if there. */
static bool put(struct table *t, const struct slot *e, struct shard *s, uint64_t clock)
{
	uint64_t mask = t->cap - 1;

	for (uint64_t i = mix(e->key) & mask;; i = (i + 1) & mask) {
		struct slot *x = &t->slots[i];

		/* Indexed already (from the registry, while the index was being built). */
		if (x->key == e->key && x->start == e->start && (x->info & INFO_LIVE))
			return false;
		if (x->key == KEY_EMPTY || x->key == KEY_TOMB || stale(x->info, clock)) {
			if (x->key == KEY_EMPTY)
				s->used++;
			x->start = e->start;
			x->len = e->len;
			x->info = e->info;
			__atomic_store_n(&x->key, e->key, __ATOMIC_RELAXED);
			return true;
		}
	}
}

/*
 * Keeps the filled slots under 70 %: rebuilds into the spare table without deleted and stale
 * entries, or into a larger one while the kept entries need the room. Readers may still walk
 * the table being replaced: it stays mapped (as the next spare, or for good after growing),
 * and their sequence check makes them retry.
 */
static bool make_room(struct shard *s, uint64_t clock)
{
	struct table *t = s->tab, *fresh;
	uint64_t keep = 0, cap = t->cap;

	if ((s->used + 1) * 10 <= t->cap * 7)
		return true;
	for (uint64_t i = 0; i < t->cap; i++) {
		const struct slot *x = &t->slots[i];

		if (x->key != KEY_EMPTY && x->key != KEY_TOMB && !stale(x->info, clock))
			keep++;
	}
	while ((keep + 1) * 2 > cap)
		cap *= 2;
	if (cap == t->cap && s->spare) {
		fresh = s->spare;
		memset(fresh->slots, 0, cap * sizeof(struct slot));
	} else {
		fresh = map_table(cap);
		if (!fresh)
			return s->used + 1 < t->cap;
	}
	s->used = 0;
	for (uint64_t i = 0; i < t->cap; i++) {
		const struct slot *x = &t->slots[i];

		if (x->key != KEY_EMPTY && x->key != KEY_TOMB && !stale(x->info, clock))
			put(fresh, x, s, clock);
	}
	__atomic_store_n(&s->tab, fresh, __ATOMIC_RELEASE);
	/* A smaller old table is left mapped for good: growth is geometric, so that stays small. */
	s->spare = cap == t->cap ? t : NULL;
	return true;
}

void acltrace_rindex_insert(uint64_t start, uint64_t len, uint8_t pool, uint8_t api)
{
	unsigned level;
	uint64_t first, last;

	if (!len)
		len = 1;
	level = level_of(len);
	first = start >> shift_of(level);
	last = (start + len - 1) >> shift_of(level);
	if (!(__atomic_load_n(&level_mask, __ATOMIC_RELAXED) & (1u << level)))
		__atomic_fetch_or(&level_mask, 1u << level, __ATOMIC_RELEASE);
	for (uint64_t g = first; g <= last; g++) {
		struct slot e = { .key = key_of(level, g),
				  .start = start,
				  .len = len,
				  .info = pool | (uint64_t)api << 8 | INFO_LIVE };
		struct shard *s = shard_of(mix(e.key));

		write_begin(s);
		if (s->tab && make_room(s, s->free_clock)) {
			if (put(s->tab, &e, s, s->free_clock) && g == first)
				s->live++;
		}
		write_end(s);
	}
}

/* Sets the liveness of the entries of the allocation at start (len 0: look at every level). */
static void set_live(uint64_t start, uint64_t len, bool live)
{
	unsigned mask = __atomic_load_n(&level_mask, __ATOMIC_ACQUIRE);
	uint64_t found = 0;

	for (unsigned level = 0; level < LEVELS && !found; level++) {
		uint64_t first, last;

		if (!(mask & (1u << level)) || (len && level != level_of(len)))
			continue;
		first = start >> shift_of(level);
		last = first;
		for (uint64_t g = first; g <= last; g++) {
			uint64_t key = key_of(level, g), h = mix(key);
			struct shard *s = shard_of(h);
			struct table *t;
			uint64_t m;

			write_begin(s);
			t = s->tab;
			m = t ? t->cap - 1 : 0;
			for (uint64_t i = h & m, n = 0; t && n <= m; i = (i + 1) & m, n++) {
				struct slot *x = &t->slots[i];

				if (x->key == KEY_EMPTY)
					break;
				if (x->key != key || x->start != start ||
				    !!(x->info & INFO_LIVE) == live || (found && x->len != found) ||
				    (len && x->len != len))
					continue;
				if (!found) {
					found = x->len;
					last = (start + found - 1) >> shift_of(level);
				}
				if (live)
					x->info = (x->info & 0xffffull) | INFO_LIVE;
				else
					x->info = (x->info & 0xffffull & ~INFO_LIVE) |
						  ++s->free_clock << INFO_SEQ_SHIFT;
				if (g == first)
					s->live += live ? 1 : (uint64_t)-1;
				break;
			}
			write_end(s);
		}
	}
}

void acltrace_rindex_release(uint64_t start, uint64_t len)
{
	set_live(start, len, false);
}

void acltrace_rindex_unrelease(uint64_t start, uint64_t len)
{
	set_live(start, len, true);
}

bool acltrace_rindex_find(uint64_t addr, struct acltrace_range *out)
{
	unsigned mask = __atomic_load_n(&level_mask, __ATOMIC_ACQUIRE);
	bool have_freed = false;

	for (unsigned level = 0; level < LEVELS; level++) {
		uint64_t key, h;
		struct shard *s;
		uint32_t seq;
		bool live;

		if (!(mask & (1u << level)))
			continue;
		key = key_of(level, addr >> shift_of(level));
		h = mix(key);
		s = shard_of(h);
	again:
		live = false;
		seq = __atomic_load_n(&s->seq, __ATOMIC_ACQUIRE);
		if (seq & 1) {
			__builtin_ia32_pause();
			goto again;
		}
		{
			struct table *t = __atomic_load_n(&s->tab, __ATOMIC_ACQUIRE);
			uint64_t m = t ? __atomic_load_n(&t->cap, __ATOMIC_RELAXED) - 1 : 0;
			uint64_t clock = __atomic_load_n(&s->free_clock, __ATOMIC_RELAXED);

			for (uint64_t i = h & m, n = 0; t && n <= m; i = (i + 1) & m, n++) {
				const struct slot *x = &t->slots[i];
				uint64_t k = __atomic_load_n(&x->key, __ATOMIC_RELAXED), st, ln,
					 info;

				if (k == KEY_EMPTY)
					break;
				if (k != key)
					continue;
				st = __atomic_load_n(&x->start, __ATOMIC_RELAXED);
				ln = __atomic_load_n(&x->len, __ATOMIC_RELAXED);
				if (addr - st >= ln)
					continue;
				info = __atomic_load_n(&x->info, __ATOMIC_RELAXED);
				if (stale(info, clock))
					continue;
				if ((info & INFO_LIVE) || !have_freed) {
					*out =
					    (struct acltrace_range){ .start = st,
								     .len = ln,
								     .pool = (uint8_t)info,
								     .api = (uint8_t)(info >> 8),
								     .live = !!(info & INFO_LIVE) };
					have_freed = !(info & INFO_LIVE);
					live = !have_freed;
					if (live)
						break;
				}
			}
		}
		__atomic_thread_fence(__ATOMIC_ACQUIRE);
		if (__atomic_load_n(&s->seq, __ATOMIC_RELAXED) != seq)
			goto again;
		if (live)
			return true;
	}
	return have_freed;
}

uint64_t acltrace_rindex_live(void)
{
	uint64_t n = 0;

	for (unsigned i = 0; i < SHARD_COUNT; i++)
		n += __atomic_load_n(&shards[i].live, __ATOMIC_RELAXED);
	return n;
}

void acltrace_rindex_atfork_child(void)
{
	for (unsigned i = 0; i < SHARD_COUNT; i++) {
		struct table *t = shards[i].tab;

		if (t)
			memset(t->slots, 0, t->cap * sizeof(struct slot));
		shards[i].used = shards[i].live = shards[i].free_clock = 0;
		shards[i].lock = 0;
		shards[i].seq = 0;
	}
}
