/* SPDX-License-Identifier: MIT */
/*
 * A program written for CANN that the trace tests record. It allocates and frees memory of
 * every pool from several threads (and optionally a forked child), and writes a ledger of every
 * successful allocation and free it made (pid, API, address) so the test can compare the trace
 * with what really happened.
 *
 *   trace_prog [--threads N] [--iters N] [--fork] [--bad] [--ledger FILE]
 *              [--pause READY GO] [--rate EV_PER_S] [--spin SECONDS]
 *
 * --bad      also one double free, one mismatched free (DVPP memory given to aclrtFree) and one
 *            leak (never freed)
 * --pause    (repeatable, up to 4) after each round of work, create READY and wait until GO
 *            exists; one buffer of each pool stays live across all pauses (freed at the end)
 * --spin     alloc/free pairs for SECONDS seconds, at EV_PER_S events per second when --rate is
 *            given (0: as fast as possible); no ledger entries
 * --flood N  N alloc/free pairs as fast as possible; no ledger entries
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include "acl/acl.h"
#include "acl/dvpp/hi_dvpp.h"
#include "acl/ops/acl_dvpp.h"

#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static int opt_threads = 2, opt_iters = 50, opt_fork, opt_bad;
static const char *opt_ledger, *opt_ready[4], *opt_go[4];
static int opt_pauses;
static double opt_rate, opt_spin;
static long opt_flood;
static FILE *ledger;
static pthread_mutex_t ledger_lock = PTHREAD_MUTEX_INITIALIZER;

static void note(const char *what, const char *api, void *p)
{
	if (!ledger)
		return;
	pthread_mutex_lock(&ledger_lock);
	fprintf(ledger, "%d %s %s 0x%llx\n", (int)getpid(), what, api,
		(unsigned long long)(uintptr_t)p);
	pthread_mutex_unlock(&ledger_lock);
}

static void check(int rc, const char *what)
{
	if (rc != 0) {
		fprintf(stderr, "trace_prog: %s failed with %d\n", what, rc);
		exit(3);
	}
}

/* One round: a buffer of every allocation family, then the matching frees. */
static void round_trip(size_t size)
{
	void *dev = NULL, *dvpp = NULL, *mpi = NULL, *host = NULL;

	check(aclrtMalloc(&dev, size, ACL_MEM_MALLOC_HUGE_FIRST), "aclrtMalloc");
	note("alloc", "aclrtMalloc", dev);
	check(acldvppMalloc(&dvpp, size), "acldvppMalloc");
	note("alloc", "acldvppMalloc", dvpp);
	check(hi_mpi_dvpp_malloc(0, &mpi, size), "hi_mpi_dvpp_malloc");
	note("alloc", "hi_mpi_dvpp_malloc", mpi);
	check(aclrtMallocHost(&host, size), "aclrtMallocHost");
	note("alloc", "aclrtMallocHost", host);

	note("free", "aclrtFree", dev);
	check(aclrtFree(dev), "aclrtFree");
	note("free", "acldvppFree", dvpp);
	check(acldvppFree(dvpp), "acldvppFree");
	note("free", "hi_mpi_dvpp_free", mpi);
	check(hi_mpi_dvpp_free(mpi), "hi_mpi_dvpp_free");
	note("free", "aclrtFreeHost", host);
	check(aclrtFreeHost(host), "aclrtFreeHost");
}

static void *worker(void *arg)
{
	int id = (int)(intptr_t)arg;
	/* aclrtSetDevice binds the thread's context, as in real CANN programs. */
	check(aclrtSetDevice(0), "aclrtSetDevice");
	for (int i = 0; i < opt_iters; i++)
		round_trip(256 + (size_t)(id * 4096 + i) * 128);
	return NULL;
}

static void run_threads(void)
{
	pthread_t t[64];
	int n = opt_threads < 64 ? opt_threads : 64;
	for (int i = 0; i < n; i++)
		if (pthread_create(&t[i], NULL, worker, (void *)(intptr_t)i) != 0)
			exit(4);
	for (int i = 0; i < n; i++)
		pthread_join(t[i], NULL);
}

static void plant_bad(void)
{
	void *a = NULL, *b = NULL, *leak = NULL;
	check(aclrtMalloc(&a, 4096, ACL_MEM_MALLOC_HUGE_FIRST), "aclrtMalloc");
	note("alloc", "aclrtMalloc", a);
	note("free", "aclrtFree", a);
	aclrtFree(a);
	note("badfree", "aclrtFree", a);
	aclrtFree(a); /* double-free */
	check(acldvppMalloc(&b, 4096), "acldvppMalloc");
	note("alloc", "acldvppMalloc", b);
	note("free", "aclrtFree", b);
	aclrtFree(b); /* mismatched-free */
	check(aclrtMalloc(&leak, 8192, ACL_MEM_MALLOC_HUGE_FIRST), "aclrtMalloc");
	note("alloc", "aclrtMalloc", leak); /* leak: never freed */
}

static void wait_for(const char *path)
{
	struct timespec ts = { 0, 10 * 1000 * 1000 };
	for (int i = 0; i < 6000 && access(path, F_OK) != 0; i++)
		nanosleep(&ts, NULL);
}

static double now_s(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Alloc/free pairs for opt_spin seconds, paced to opt_rate events per second. */
static void spin(void)
{
	double start = now_s();
	uint64_t events = 0;
	for (;;) {
		void *p = NULL;
		double t = now_s() - start;
		if (t >= opt_spin)
			break;
		if (opt_rate > 0 && events > t * opt_rate) {
			continue;
		}
		for (int i = 0; i < 64; i++) {
			check(aclrtMalloc(&p, 512, ACL_MEM_MALLOC_HUGE_FIRST), "aclrtMalloc");
			check(aclrtFree(p), "aclrtFree");
		}
		events += 128;
	}
	printf("spin: %llu events in %.3f s\n", (unsigned long long)events, now_s() - start);
}

int main(int argc, char **argv)
{
	void *kept[3] = { NULL, NULL, NULL };

	/* Behave like a foreground program even when a script starts us in the background. */
	signal(SIGINT, SIG_DFL);
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--threads") && i + 1 < argc)
			opt_threads = atoi(argv[++i]);
		else if (!strcmp(argv[i], "--iters") && i + 1 < argc)
			opt_iters = atoi(argv[++i]);
		else if (!strcmp(argv[i], "--fork"))
			opt_fork = 1;
		else if (!strcmp(argv[i], "--bad"))
			opt_bad = 1;
		else if (!strcmp(argv[i], "--ledger") && i + 1 < argc)
			opt_ledger = argv[++i];
		else if (!strcmp(argv[i], "--pause") && i + 2 < argc && opt_pauses < 4) {
			opt_ready[opt_pauses] = argv[++i];
			opt_go[opt_pauses++] = argv[++i];
		} else if (!strcmp(argv[i], "--rate") && i + 1 < argc)
			opt_rate = atof(argv[++i]);
		else if (!strcmp(argv[i], "--spin") && i + 1 < argc)
			opt_spin = atof(argv[++i]);
		else if (!strcmp(argv[i], "--flood") && i + 1 < argc)
			opt_flood = atol(argv[++i]);
		else {
			fprintf(stderr, "trace_prog: unknown argument %s\n", argv[i]);
			return 2;
		}
	}
	if (opt_ledger) {
		ledger = fopen(opt_ledger, "a");
		if (!ledger) {
			fprintf(stderr, "trace_prog: %s: %s\n", opt_ledger, strerror(errno));
			return 2;
		}
		setvbuf(ledger, NULL, _IOLBF, 0);
	}
	check(aclInit(NULL), "aclInit");
	check(aclrtSetDevice(0), "aclrtSetDevice");
	if (opt_spin > 0) {
		spin();
		goto done;
	}
	if (opt_flood > 0) {
		for (long i = 0; i < opt_flood; i++) {
			void *p = NULL;
			check(aclrtMalloc(&p, 512, ACL_MEM_MALLOC_HUGE_FIRST), "aclrtMalloc");
			check(aclrtFree(p), "aclrtFree");
		}
		printf("spin: %ld events\n", 2 * opt_flood);
		goto done;
	}
	if (opt_pauses) {
		check(aclrtMalloc(&kept[0], 1000, ACL_MEM_MALLOC_HUGE_FIRST), "aclrtMalloc");
		note("alloc", "aclrtMalloc", kept[0]);
		check(acldvppMalloc(&kept[1], 1000), "acldvppMalloc");
		note("alloc", "acldvppMalloc", kept[1]);
		check(aclrtMallocHost(&kept[2], 1000), "aclrtMallocHost");
		note("alloc", "aclrtMallocHost", kept[2]);
	}
	for (int p = 0; p < opt_pauses; p++) {
		run_threads();
		FILE *f = fopen(opt_ready[p], "w");
		if (f)
			fclose(f);
		wait_for(opt_go[p]);
	}
	run_threads();
	if (opt_pauses) {
		note("free", "aclrtFree", kept[0]);
		check(aclrtFree(kept[0]), "aclrtFree");
		note("free", "acldvppFree", kept[1]);
		check(acldvppFree(kept[1]), "acldvppFree");
		note("free", "aclrtFreeHost", kept[2]);
		check(aclrtFreeHost(kept[2]), "aclrtFreeHost");
	}
	if (opt_fork) {
		fflush(NULL);
		pid_t pid = fork();
		if (pid == 0) {
			/* The child allocates on its own (device contexts are not inherited). */
			check(aclrtSetDevice(0), "aclrtSetDevice");
			opt_threads = 1;
			run_threads();
			if (ledger)
				fclose(ledger);
			exit(0);
		}
		int st = 0;
		waitpid(pid, &st, 0);
		if (!WIFEXITED(st) || WEXITSTATUS(st) != 0)
			return 5;
	}
	if (opt_bad)
		plant_bad();
done:
	aclrtResetDevice(0);
	aclFinalize();
	if (ledger)
		fclose(ledger);
	return 0;
}
