/* SPDX-License-Identifier: MIT */
/* Small containers of the model: a u64 -> pointer hash map and an address-ordered treap. */
#ifndef ACLTRACE_UTIL_H
#define ACLTRACE_UTIL_H

#include <stddef.h>
#include <stdint.h>

/* Open addressing, linear probing; key 0 is allowed (stored out of band). */
/* A key and its value side by side: one cache line per probe. */
struct acltrace_map_slot {
	uint64_t key;
	void *val;
};

struct acltrace_map {
	struct acltrace_map_slot *slots;
	size_t cap; /* power of two, or 0 */
	size_t len;
	void *zero_val;
	int has_zero;
};

void acltrace_map_init(struct acltrace_map *m);
void acltrace_map_fini(struct acltrace_map *m);
void *acltrace_map_get(const struct acltrace_map *m, uint64_t key);
/* Returns 0, or -1 when out of memory. val must not be NULL. */
int acltrace_map_put(struct acltrace_map *m, uint64_t key, void *val);
void *acltrace_map_del(struct acltrace_map *m, uint64_t key);
/* Removes key only when it maps to val (one probe instead of a get and a delete). */
void acltrace_map_del_if(struct acltrace_map *m, uint64_t key, const void *val);
/* Iteration: i from 0 while acltrace_map_next(m, &i, &key, &val) returns 1. */
int acltrace_map_next(const struct acltrace_map *m, size_t *i, uint64_t *key, void **val);

static inline uint64_t acltrace_hash64(uint64_t x)
{
	x ^= x >> 33;
	x *= 0xff51afd7ed558ccdULL;
	x ^= x >> 33;
	x *= 0xc4ceb9fe1a85ec53ULL;
	x ^= x >> 33;
	return x;
}

/* Treap node, embedded in the records it orders. */
struct acltrace_tnode {
	struct acltrace_tnode *left, *right;
	uint64_t key;
	uint32_t prio;
};

struct acltrace_treap {
	struct acltrace_tnode *root;
	size_t len;
	uint32_t seed;
};

void acltrace_treap_insert(struct acltrace_treap *t, struct acltrace_tnode *n);
void acltrace_treap_remove(struct acltrace_treap *t, struct acltrace_tnode *n);
struct acltrace_tnode *acltrace_treap_find(const struct acltrace_treap *t, uint64_t key);
/* Greatest key <= key, or NULL. */
struct acltrace_tnode *acltrace_treap_floor(const struct acltrace_treap *t, uint64_t key);
/* In-order walk; stops when fn returns non-zero. fn may not modify the treap. */
int acltrace_treap_walk(const struct acltrace_treap *t, int (*fn)(struct acltrace_tnode *, void *),
			void *arg);

#define ACLTRACE_CONTAINER_OF(ptr, type, member) \
	((type *)(void *)((char *)(ptr)-offsetof(type, member)))

/* Growable array of fixed-size items. */
struct acltrace_vec {
	void *data;
	size_t len, cap, item;
};

void acltrace_vec_init(struct acltrace_vec *v, size_t item);
void acltrace_vec_fini(struct acltrace_vec *v);
/* Returns a pointer to a new zeroed item, or NULL when out of memory. */
void *acltrace_vec_push(struct acltrace_vec *v);
static inline void *acltrace_vec_at(const struct acltrace_vec *v, size_t i)
{
	return (char *)v->data + i * v->item;
}

#endif
