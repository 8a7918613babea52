/* SPDX-License-Identifier: MIT */
/*
 * Trace benchmark program (bench/trace/run_bench.sh drives it).
 *
 *   acltrace_bench_trace call N      aclrtMalloc+aclrtFree pairs from a deep call chain; prints
 *                                    ns per call (run with and without the preload)
 *   acltrace_bench_trace bare N      the reference: unw_backtrace of the same depth plus a bare
 *                                    LTTng-UST event carrying the frames, per call
 *   acltrace_bench_trace spin S RATE alloc/free pairs for S seconds at RATE events per second
 *
 * Calls are made from a chain of ACLTRACE_BENCH_CHAIN frames so every captured stack is full.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#define UNW_LOCAL_ONLY
#include "acl/acl.h"

#include <libunwind.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* The provider macros declare some symbols more than once, by design. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wredundant-decls"
#include "acltrace_bench_tp.h"
#pragma GCC diagnostic pop

#define ACLTRACE_BENCH_CHAIN 20
#define ACLTRACE_BENCH_DEPTH 16

static uint32_t bench_run;
static volatile int bench_sink;

static double now_ns(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
}

static void do_call(void)
{
	void *p = NULL;
	if (aclrtMalloc(&p, 512, ACL_MEM_MALLOC_HUGE_FIRST) != ACL_SUCCESS ||
	    aclrtFree(p) != ACL_SUCCESS) {
		fprintf(stderr, "acltrace_bench_trace: aclrtMalloc/aclrtFree failed\n");
		exit(1);
	}
}

static void do_bare(void)
{
	void *frames[ACLTRACE_BENCH_DEPTH];
	uint64_t f64[ACLTRACE_BENCH_DEPTH];
	/* Two events per pair, as a traced alloc/free pair writes two events. */
	for (int k = 0; k < 2; k++) {
		int n = unw_backtrace(frames, ACLTRACE_BENCH_DEPTH);
		for (int i = 0; i < n; i++)
			f64[i] = (uint64_t)(uintptr_t)frames[i];
		lttng_ust_tracepoint(acltrace_bench, alloc, bench_run, 512,
				     (uint64_t)(uintptr_t)frames, 0, f64, (uint8_t)(n > 0 ? n : 0));
	}
}

/* A call chain deep enough that every stack capture is full; noinline keeps the frames. */
static __attribute__((noinline)) void chain(int depth, void (*fn)(void), long iters)
{
	if (depth > 0) {
		chain(depth - 1, fn, iters);
		bench_sink++; /* no tail call */
		return;
	}
	for (long i = 0; i < iters; i++)
		fn();
}

static double measure(void (*fn)(void), long iters)
{
	chain(ACLTRACE_BENCH_CHAIN, fn, iters / 10 + 1); /* warm-up: caches, stack definitions */
	double t0 = now_ns();
	chain(ACLTRACE_BENCH_CHAIN, fn, iters);
	return (now_ns() - t0) / (double)iters;
}

static void spin(double seconds, double rate)
{
	double start = now_ns();
	uint64_t events = 0;
	for (;;) {
		double t = (now_ns() - start) / 1e9;
		if (t >= seconds)
			break;
		if (rate > 0 && (double)events > t * rate)
			continue;
		for (int i = 0; i < 50; i++)
			do_call();
		events += 100;
	}
	printf("spin %.0f events/s for %.3f s: %llu events\n",
	       (double)events / ((now_ns() - start) / 1e9), (now_ns() - start) / 1e9,
	       (unsigned long long)events);
}

int main(int argc, char **argv)
{
	const char *run = getenv("ACLTRACE_RUN_ID");
	bench_run = run ? (uint32_t)strtoul(run, NULL, 10) : 0;
	if (argc < 3) {
		fprintf(stderr, "usage: %s call N | bare N | spin SECONDS RATE\n", argv[0]);
		return 2;
	}
	if (aclInit(NULL) != ACL_SUCCESS || aclrtSetDevice(0) != ACL_SUCCESS) {
		fprintf(stderr, "acltrace_bench_trace: aclInit/aclrtSetDevice failed\n");
		return 1;
	}
	unw_set_caching_policy(unw_local_addr_space, UNW_CACHE_PER_THREAD);
	long n = atol(argv[2]);
	if (strcmp(argv[1], "call") == 0) {
		/* Per call: an alloc/free pair is two calls. */
		printf("call %.1f ns\n", measure(do_call, n) / 2);
	} else if (strcmp(argv[1], "bare") == 0) {
		printf("bare %.1f ns\n", measure(do_bare, n) / 2);
	} else if (strcmp(argv[1], "spin") == 0 && argc >= 4) {
		spin(atof(argv[2]), atof(argv[3]));
	} else {
		fprintf(stderr, "acltrace_bench_trace: unknown mode %s\n", argv[1]);
		return 2;
	}
	aclrtResetDevice(0);
	aclFinalize();
	return 0;
}
