/* SPDX-License-Identifier: MIT */
#include "acltrace_util.h"

#include <stdlib.h>
#include <string.h>

void acltrace_map_init(struct acltrace_map *m)
{
	memset(m, 0, sizeof(*m));
}

void acltrace_map_fini(struct acltrace_map *m)
{
	free(m->slots);
	memset(m, 0, sizeof(*m));
}

static size_t map_slot(const struct acltrace_map *m, uint64_t key)
{
	return (size_t)acltrace_hash64(key) & (m->cap - 1);
}

void *acltrace_map_get(const struct acltrace_map *m, uint64_t key)
{
	if (key == 0)
		return m->has_zero ? m->zero_val : NULL;
	if (m->cap == 0)
		return NULL;
	for (size_t i = map_slot(m, key);; i = (i + 1) & (m->cap - 1)) {
		if (m->slots[i].key == key)
			return m->slots[i].val;
		if (m->slots[i].key == 0)
			return NULL;
	}
}

static int map_grow(struct acltrace_map *m)
{
	size_t ncap = m->cap ? m->cap * 2 : 16;
	struct acltrace_map_slot *ns = calloc(ncap, sizeof(*ns));

	if (!ns)
		return -1;
	for (size_t i = 0; i < m->cap; i++) {
		if (m->slots[i].key == 0)
			continue;
		size_t j = (size_t)acltrace_hash64(m->slots[i].key) & (ncap - 1);
		while (ns[j].key != 0)
			j = (j + 1) & (ncap - 1);
		ns[j] = m->slots[i];
	}
	free(m->slots);
	m->slots = ns;
	m->cap = ncap;
	return 0;
}

int acltrace_map_put(struct acltrace_map *m, uint64_t key, void *val)
{
	if (key == 0) {
		m->len += !m->has_zero;
		m->has_zero = 1;
		m->zero_val = val;
		return 0;
	}
	if ((m->len + 1) * 4 >= m->cap * 3 && map_grow(m) != 0)
		return -1;
	size_t i = map_slot(m, key);
	while (m->slots[i].key != 0 && m->slots[i].key != key)
		i = (i + 1) & (m->cap - 1);
	if (m->slots[i].key == 0)
		m->len++;
	m->slots[i].key = key;
	m->slots[i].val = val;
	return 0;
}

/* Backward-shift deletion of slot i keeps probe chains intact without tombstones. */
static void map_remove_slot(struct acltrace_map *m, size_t i)
{
	size_t hole = i;
	m->len--;
	for (size_t j = (i + 1) & (m->cap - 1); m->slots[j].key != 0; j = (j + 1) & (m->cap - 1)) {
		size_t home = map_slot(m, m->slots[j].key);
		if (((j - home) & (m->cap - 1)) >= ((j - hole) & (m->cap - 1))) {
			m->slots[hole] = m->slots[j];
			hole = j;
		}
	}
	m->slots[hole].key = 0;
	m->slots[hole].val = NULL;
}

void *acltrace_map_del(struct acltrace_map *m, uint64_t key)
{
	if (key == 0) {
		if (!m->has_zero)
			return NULL;
		m->has_zero = 0;
		m->len--;
		return m->zero_val;
	}
	if (m->cap == 0)
		return NULL;
	size_t i = map_slot(m, key);
	while (m->slots[i].key != key) {
		if (m->slots[i].key == 0)
			return NULL;
		i = (i + 1) & (m->cap - 1);
	}
	void *val = m->slots[i].val;
	map_remove_slot(m, i);
	return val;
}

void acltrace_map_del_if(struct acltrace_map *m, uint64_t key, const void *val)
{
	if (key == 0) {
		if (m->has_zero && m->zero_val == val)
			acltrace_map_del(m, 0);
		return;
	}
	if (m->cap == 0)
		return;
	size_t i = map_slot(m, key);
	while (m->slots[i].key != key) {
		if (m->slots[i].key == 0)
			return;
		i = (i + 1) & (m->cap - 1);
	}
	if (m->slots[i].val == val)
		map_remove_slot(m, i);
}

int acltrace_map_next(const struct acltrace_map *m, size_t *i, uint64_t *key, void **val)
{
	if (*i == 0 && m->has_zero) {
		*i = 1;
		*key = 0;
		*val = m->zero_val;
		return 1;
	}
	if (*i == 0)
		*i = 1;
	for (size_t j = *i - 1; j < m->cap; j++) {
		if (m->slots[j].key != 0) {
			*i = j + 2;
			*key = m->slots[j].key;
			*val = m->slots[j].val;
			return 1;
		}
	}
	*i = m->cap + 1;
	return 0;
}

static uint32_t treap_rand(struct acltrace_treap *t)
{
	/* xorshift: priorities need only be well spread, not secure */
	uint32_t x = t->seed ? t->seed : 0x9e3779b9u;
	x ^= x << 13;
	x ^= x >> 17;
	x ^= x << 5;
	t->seed = x;
	return x;
}

static struct acltrace_tnode *treap_merge(struct acltrace_tnode *a, struct acltrace_tnode *b)
{
	struct acltrace_tnode *root = NULL, **link = &root;

	while (a && b) {
		if (a->prio > b->prio) {
			*link = a;
			link = &a->right;
			a = a->right;
		} else {
			*link = b;
			link = &b->left;
			b = b->left;
		}
	}
	*link = a ? a : b;
	return root;
}

/* Splits t into keys < key and keys >= key. */
static void treap_split(struct acltrace_tnode *t, uint64_t key, struct acltrace_tnode **lo,
			struct acltrace_tnode **hi)
{
	struct acltrace_tnode **l = lo, **h = hi;

	while (t) {
		if (t->key < key) {
			*l = t;
			l = &t->right;
			t = t->right;
		} else {
			*h = t;
			h = &t->left;
			t = t->left;
		}
	}
	*l = NULL;
	*h = NULL;
}

void acltrace_treap_insert(struct acltrace_treap *t, struct acltrace_tnode *n)
{
	struct acltrace_tnode **link = &t->root;

	n->prio = treap_rand(t);
	n->left = n->right = NULL;
	while (*link && (*link)->prio >= n->prio)
		link = n->key < (*link)->key ? &(*link)->left : &(*link)->right;
	treap_split(*link, n->key, &n->left, &n->right);
	*link = n;
	t->len++;
}

void acltrace_treap_remove(struct acltrace_treap *t, struct acltrace_tnode *n)
{
	struct acltrace_tnode **link = &t->root;

	while (*link && *link != n)
		link = n->key < (*link)->key ? &(*link)->left : &(*link)->right;
	if (!*link)
		return;
	*link = treap_merge(n->left, n->right);
	n->left = n->right = NULL;
	t->len--;
}

struct acltrace_tnode *acltrace_treap_find(const struct acltrace_treap *t, uint64_t key)
{
	struct acltrace_tnode *n = t->root;

	while (n && n->key != key)
		n = key < n->key ? n->left : n->right;
	return n;
}

struct acltrace_tnode *acltrace_treap_floor(const struct acltrace_treap *t, uint64_t key)
{
	struct acltrace_tnode *n = t->root, *best = NULL;

	while (n) {
		if (n->key == key)
			return n;
		if (n->key < key) {
			best = n;
			n = n->right;
		} else {
			n = n->left;
		}
	}
	return best;
}

static int treap_walk_node(struct acltrace_tnode *n, int (*fn)(struct acltrace_tnode *, void *),
			   void *arg)
{
	/* Iterative in-order walk: a degenerate treap must not overflow the stack. */
	struct acltrace_tnode *stack[128], *cur = n;
	size_t sp = 0;

	while (cur || sp) {
		while (cur) {
			if (sp == sizeof(stack) / sizeof(stack[0])) {
				/* depth > 128 is astronomically unlikely for a treap; recurse then
				 */
				int rc = treap_walk_node(cur, fn, arg);
				if (rc)
					return rc;
				cur = NULL;
				break;
			}
			stack[sp++] = cur;
			cur = cur->left;
		}
		if (!sp)
			break;
		cur = stack[--sp];
		int rc = fn(cur, arg);
		if (rc)
			return rc;
		cur = cur->right;
	}
	return 0;
}

int acltrace_treap_walk(const struct acltrace_treap *t, int (*fn)(struct acltrace_tnode *, void *),
			void *arg)
{
	return treap_walk_node(t->root, fn, arg);
}

void acltrace_vec_init(struct acltrace_vec *v, size_t item)
{
	memset(v, 0, sizeof(*v));
	v->item = item;
}

void acltrace_vec_fini(struct acltrace_vec *v)
{
	free(v->data);
	v->data = NULL;
	v->len = v->cap = 0;
}

void *acltrace_vec_push(struct acltrace_vec *v)
{
	if (v->len == v->cap) {
		size_t ncap = v->cap ? v->cap * 2 : 8;
		void *nd = realloc(v->data, ncap * v->item);
		if (!nd)
			return NULL;
		v->data = nd;
		v->cap = ncap;
	}
	void *p = acltrace_vec_at(v, v->len++);
	memset(p, 0, v->item);
	return p;
}
