/* SPDX-License-Identifier: MIT */
/*
 * 4 threads allocate and hand every buffer to the next thread, which frees it (cross-thread
 * frees). The correct build must show no finding and exactly THREADS * PER_THREAD allocations
 * and frees; the other build also frees DOUBLES buffers per thread a second time, all from one
 * source line. The second frees happen while no thread allocates (between barriers), so no
 * address can have been handed out again in between.
 */
#include "acltrace_test.h"

#include <acl/acl.h>
#include <pthread.h>
#include <stdint.h>

#define THREADS	   4
#define PER_THREAD 5000
#define DOUBLES	   25
#define RING	   64

struct ring {
	void *slot[RING];
	unsigned head, tail;
	pthread_mutex_t lock;
	pthread_cond_t cond;
};

static struct ring rings[THREADS];
static pthread_barrier_t barrier;

static void push(struct ring *r, void *p)
{
	pthread_mutex_lock(&r->lock);
	while (r->head - r->tail == RING)
		pthread_cond_wait(&r->cond, &r->lock);
	r->slot[r->head++ % RING] = p;
	pthread_cond_broadcast(&r->cond);
	pthread_mutex_unlock(&r->lock);
}

static void *pop(struct ring *r)
{
	void *p;

	pthread_mutex_lock(&r->lock);
	while (r->head == r->tail)
		pthread_cond_wait(&r->cond, &r->lock);
	p = r->slot[r->tail++ % RING];
	pthread_cond_broadcast(&r->cond);
	pthread_mutex_unlock(&r->lock);
	return p;
}

static void release_again(void *p)
{
	BAD(aclrtFree(p)); // acltrace-expect: double-free x100
	(void)p;
}

static void *worker(void *arg)
{
	unsigned id = (unsigned)(uintptr_t)arg;
	struct ring *mine = &rings[id], *next = &rings[(id + 1) % THREADS];
	void *kept[DOUBLES];

	MUST(aclrtSetDevice(0));
	for (unsigned i = 0; i < PER_THREAD; i++) {
		void *p = NULL;

		MUST(aclrtMalloc(&p, 64 + (i % 7) * 32, ACL_MEM_MALLOC_NORMAL_ONLY));
		push(next, p);
		p = pop(mine);
		if (i < DOUBLES)
			kept[i] = p;
		else
			MUST(aclrtFree(p));
	}
	pthread_barrier_wait(&barrier);
	for (unsigned i = 0; i < DOUBLES; i++)
		MUST(aclrtFree(kept[i]));
	pthread_barrier_wait(&barrier);
	for (unsigned i = 0; i < DOUBLES; i++)
		release_again(kept[i]);
	pthread_barrier_wait(&barrier);
	MUST(aclrtResetDevice(0));
	return NULL;
}

int main(void)
{
	pthread_t t[THREADS];

	MUST(aclInit(NULL));
	MUST(aclrtSetDevice(0));
	pthread_barrier_init(&barrier, NULL, THREADS);
	for (unsigned i = 0; i < THREADS; i++) {
		pthread_mutex_init(&rings[i].lock, NULL);
		pthread_cond_init(&rings[i].cond, NULL);
	}
	for (unsigned i = 0; i < THREADS; i++)
		pthread_create(&t[i], NULL, worker, (void *)(uintptr_t)i);
	for (unsigned i = 0; i < THREADS; i++)
		pthread_join(t[i], NULL);
	MUST(aclrtResetDevice(0));
	MUST(aclFinalize());
	return 0;
}
