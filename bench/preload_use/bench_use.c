/* SPDX-License-Identifier: MIT */
/*
 * Cost of a use-site check: LIVE buffers are allocated, then aclrtMemset is called CALLS times,
 * at buffer starts and at interior pointers, in two patterns: "hot", a working set of 64 buffers
 * spread over the live ones (a pipeline reusing its buffers), and "scattered", every call on
 * another buffer of the whole set (each check then misses the caches). Run without and with
 * libacltrace.so preloaded (run_bench.py); the difference per call is what the check adds, the
 * wrapper included. It also times free + allocation pairs before the first use-site call and
 * after it (when acltrace keeps its range index up to date on every allocation and free).
 * bench_use LIVE CALLS
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <time.h>

int aclrtMalloc(void **p, size_t size, int policy);
int aclrtFree(void *p);
int aclrtMemset(void *dev, size_t max, int32_t value, size_t count);

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
}

#define HOT 64u

/* Frees and re-allocates every 7th buffer: ns per pair. */
static double churn(void **bufs, size_t live)
{
	size_t n = 0;
	double t0 = now();

	for (size_t i = 0; i < live; i += 7, n++) {
		aclrtFree(bufs[i]);
		if (aclrtMalloc(&bufs[i], 200, 0) != 0)
			abort();
	}
	return (now() - t0) / (double)n;
}

static double run(void **bufs, size_t live, size_t calls, size_t offset, bool hot)
{
	/* A stride coprime with live visits buffers in a scattered, repeatable order. */
	size_t stride = 7919, k = 0;
	void *set[HOT];
	double t0;

	for (unsigned i = 0; i < HOT; i++)
		set[i] = (char *)bufs[(size_t)i * (live / HOT)] + offset;
	t0 = now();
	for (size_t i = 0; i < calls; i++) {
		void *p = hot ? set[i % HOT] : (char *)bufs[k] + offset;

		if (aclrtMemset(p, 64, 0, 64) != 0)
			abort();
		k += stride;
		if (k >= live)
			k -= live;
	}
	return (now() - t0) / (double)calls;
}

int main(int argc, char **argv)
{
	size_t live = argc > 1 ? strtoul(argv[1], NULL, 10) : 100000;
	size_t calls = argc > 2 ? strtoul(argv[2], NULL, 10) : 2000000;
	void **bufs;
	double r[4], churn_before, churn_after;

	if (live == 0 || live % 7919 == 0) {
		fprintf(stderr, "bench_use: LIVE must be positive and not a multiple of 7919\n");
		return 2;
	}
	bufs = mmap(NULL, live * sizeof(void *), PROT_READ | PROT_WRITE,
		    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (bufs == MAP_FAILED)
		return 2;
	for (size_t i = 0; i < live; i++) {
		if (aclrtMalloc(&bufs[i], 200, 0) != 0) {
			fprintf(stderr, "bench_use: allocation %zu failed\n", i);
			return 2;
		}
	}
	churn_before = churn(bufs, live);
	run(bufs, live, calls / 10, 0, false); /* warm up; the first use-site call builds the index */
	r[0] = run(bufs, live, calls, 0, true);
	r[1] = run(bufs, live, calls, 128, true);
	r[2] = run(bufs, live, calls, 0, false);
	r[3] = run(bufs, live, calls, 128, false);
	churn_after = churn(bufs, live);
	printf("live=%zu hot_start_ns=%.1f hot_interior_ns=%.1f scattered_start_ns=%.1f "
	       "scattered_interior_ns=%.1f churn_before_ns=%.1f churn_after_ns=%.1f\n",
	       live, r[0], r[1], r[2], r[3], churn_before, churn_after);
	for (size_t i = 0; i < live; i++)
		aclrtFree(bufs[i]);
	return 0;
}
