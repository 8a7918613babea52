/* SPDX-License-Identifier: MIT */
/*
 * Cost of an allocation and of a free through whatever aclrtMalloc/aclrtFree the dynamic linker
 * binds (the bare stand-in runtime, or libacltrace.so in front of it), with LIVE buffers live,
 * called from under a chain of frames so 16-frame stacks are full. Also measures unw_backtrace
 * of the same depth at the same place, for the "plus the cost of unw_backtrace" budget.
 *
 * acltrace_bench_alloc THREADS LIVE ROUNDS BT_DEPTH [USE]
 * USE=1: one aclrtMemset on a live buffer before the timed rounds, so a preloaded acltrace has
 * its use-site checks active (the complete library as a DVPP or model program runs it).
 * prints: threads=N alloc_ns=X free_ns=Y pairs_per_s=Z unw_ns=U
 * Each round times BATCH allocations, then BATCH frees; the figures are medians over rounds (per
 * thread, averaged over threads), so a round that lost the CPU to another process does not
 * count. pairs_per_s is the sum over threads of 1 / (median alloc + median free).
 */
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#define UNW_LOCAL_ONLY
#include <libunwind.h>

#define BATCH	   1000
#define MAX_ROUNDS 4096

int aclrtMalloc(void **p, size_t size, int policy);
int aclrtFree(void *p);
int aclrtMemset(void *dev, size_t max, int32_t value, size_t count);

struct job {
	unsigned live;
	unsigned rounds;
	unsigned bt_depth;
	unsigned use;
	double alloc_ns, free_ns, unw_ns;
	uint64_t pairs;
	double seconds;
};

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static void fail(const char *what, int rc)
{
	fprintf(stderr, "acltrace_bench_alloc: %s failed with %d\n", what, rc);
	exit(1);
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

static double median(double *v, unsigned n)
{
	qsort(v, n, sizeof(*v), cmp_double);
	return v[n / 2];
}

static __attribute__((noinline)) void measure(struct job *j)
{
	static __thread void *batch[BATCH];
	static __thread double t_allocs[MAX_ROUNDS], t_frees[MAX_ROUNDS], t_unw[MAX_ROUNDS];
	void *frames[64];
	double t0, t1, t2, start = now();
	int rc;

	for (unsigned r = 0; r < j->rounds; r++) {
		t0 = now();
		for (unsigned i = 0; i < BATCH; i++)
			if ((rc = aclrtMalloc(&batch[i], 256, 0)) != 0)
				fail("aclrtMalloc", rc);
		t1 = now();
		for (unsigned i = 0; i < BATCH; i++)
			if ((rc = aclrtFree(batch[i])) != 0)
				fail("aclrtFree", rc);
		t2 = now();
		t_allocs[r] = (t1 - t0) * 1e9 / BATCH;
		t_frees[r] = (t2 - t1) * 1e9 / BATCH;
	}
	j->seconds = now() - start;
	j->pairs = (uint64_t)j->rounds * BATCH;
	j->alloc_ns = median(t_allocs, j->rounds);
	j->free_ns = median(t_frees, j->rounds);
	j->unw_ns = 0;
	if (j->bt_depth) {
		/* Same call depth as the calls above, plus the wrapper's own frames. */
		for (unsigned r = 0; r < j->rounds; r++) {
			t0 = now();
			for (unsigned i = 0; i < BATCH / 4; i++)
				unw_backtrace(frames, (int)j->bt_depth + 3);
			t_unw[r] = (now() - t0) * 1e9 / (BATCH / 4);
		}
		j->unw_ns = median(t_unw, j->rounds);
	}
}

static __attribute__((noinline)) void nest(struct job *j, int depth)
{
	if (depth > 0)
		nest(j, depth - 1);
	else
		measure(j);
	__asm__ volatile("" ::: "memory"); /* not a tail call: keep the frames */
}

static void *run(void *arg)
{
	struct job *j = arg;
	void **live = calloc(j->live, sizeof(void *));
	int rc;

	if (!live)
		fail("calloc", 0);
	for (unsigned i = 0; i < j->live; i++)
		if ((rc = aclrtMalloc(&live[i], 512, 0)) != 0)
			fail("aclrtMalloc (live set)", rc);
	if (j->use && j->live && (rc = aclrtMemset(live[0], 64, 0, 64)) != 0)
		fail("aclrtMemset", rc);
	nest(j, 20);
	for (unsigned i = 0; i < j->live; i++)
		aclrtFree(live[i]);
	free(live);
	return NULL;
}

int main(int argc, char **argv)
{
	unsigned threads = argc > 1 ? (unsigned)atoi(argv[1]) : 1;
	unsigned live = argc > 2 ? (unsigned)atoi(argv[2]) : 100000;
	unsigned rounds = argc > 3 ? (unsigned)atoi(argv[3]) : 200;
	unsigned depth = argc > 4 ? (unsigned)atoi(argv[4]) : 16;
	unsigned use = argc > 5 ? (unsigned)atoi(argv[5]) : 0;
	pthread_t t[64];
	struct job jobs[64];
	double alloc = 0, fr = 0, unw = 0, rate = 0;

	if (threads < 1 || threads > 64 || rounds < 1 || rounds > MAX_ROUNDS)
		return 2;
	for (unsigned i = 0; i < threads; i++) {
		jobs[i] = (struct job){
			.live = live / threads, .rounds = rounds, .bt_depth = depth, .use = use
		};
		pthread_create(&t[i], NULL, run, &jobs[i]);
	}
	for (unsigned i = 0; i < threads; i++) {
		pthread_join(t[i], NULL);
		alloc += jobs[i].alloc_ns / threads;
		fr += jobs[i].free_ns / threads;
		unw += jobs[i].unw_ns / threads;
		rate += 1e9 / (jobs[i].alloc_ns + jobs[i].free_ns);
	}
	printf("threads=%u alloc_ns=%.1f free_ns=%.1f pairs_per_s=%.0f unw_ns=%.1f\n", threads,
	       alloc, fr, rate, unw);
	return 0;
}
