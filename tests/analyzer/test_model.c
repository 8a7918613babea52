/* SPDX-License-Identifier: MIT */
/* The model fed with event sequences, without babeltrace: findings, leaks, pools, uncertainty. */
#include "analyzer_test_events.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

/* cmocka.h needs the headers above first */
// clang-format off
#include <cmocka.h>
// clang-format on

#define MIB	  (1ull << 20)
#define GIB	  (1ull << 30)
#define DVPP_BASE 0x100000000000ull
#define DEV_BASE  0x120000000000ull
#define HOST_BASE 0x7f0000000000ull

static int setup(void **state)
{
	struct tb *b = calloc(1, sizeof(*b));
	if (!b)
		return -1;
	b->m = acltrace_model_create(NULL);
	b->pid = 100;
	tb_host(b, "hostA");
	*state = b;
	return b->m ? 0 : -1;
}

static int teardown(void **state)
{
	struct tb *b = *state;
	acltrace_model_destroy(b->m);
	free(b);
	return 0;
}

static void finish(struct tb *b)
{
	assert_false(b->failed);
	assert_int_equal(acltrace_model_finish(b->m), 0);
}

/* Every family freed by its right function, uses within bounds: nothing to report. */
static void test_correct_program_has_no_findings(void **state)
{
	struct tb *b = *state;
	tb_start(b, 1, "Ascend310P3");
	tb_lifecycle(b, ACLTRACE_LC_INIT, -1);
	tb_lifecycle(b, ACLTRACE_LC_SET_DEVICE, 0);
	tb_alloc(b, API_RT_MALLOC, 1000, DEV_BASE, 1);
	tb_alloc(b, API_RT_MALLOC_HOST, 4096, HOST_BASE, 2);
	tb_alloc(b, API_DVPP_MALLOC, 8192, DVPP_BASE, 3);
	tb_alloc(b, API_HI_DVPP_MALLOC, 8192, DVPP_BASE + 0x10000, 4);
	tb_use(b, API_VPC_RESIZE, ACLTRACE_ROLE_READ, DVPP_BASE, 8192, 5);
	tb_use(b, API_VPC_RESIZE, ACLTRACE_ROLE_WRITE, DVPP_BASE + 0x10000, 4096, 5);
	tb_submit(b, API_VPC_RESIZE, 0, 1, 5);
	tb_use(b, API_MEMCPY_ASYNC, ACLTRACE_ROLE_READ, HOST_BASE, 4096, 6);
	tb_submit(b, API_MEMCPY_ASYNC, 0, 2, 6);
	tb_use(b, API_MDL_LOAD_WITH_MEM, ACLTRACE_ROLE_MODEL_WORK, DEV_BASE, 1000, 7);
	tb_task(b, ACLTRACE_EV_TASK_RETIRE, 0, 1);
	tb_task(b, ACLTRACE_EV_TASK_RETIRE, 0, 2);
	tb_free(b, API_RT_FREE, DEV_BASE, 8);
	tb_free(b, API_RT_FREE_HOST, HOST_BASE, 9);
	tb_free(b, API_DVPP_FREE, DVPP_BASE, 10);
	tb_free(b, API_HI_DVPP_FREE, DVPP_BASE + 0x10000, 11);
	tb_free(b, API_RT_FREE, 0, 12); /* freeing NULL */
	tb_lifecycle(b, ACLTRACE_LC_RESET_DEVICE, 0);
	tb_lifecycle(b, ACLTRACE_LC_FINALIZE, -1);
	tb_lifecycle(b, ACLTRACE_LC_EXIT, -1);
	finish(b);
	assert_int_equal(tb_total_findings(b->m), 0);
	assert_false(acltrace_model_stats(b->m)->started_mid_run);
}

static void test_mismatched_free_severity_by_table(void **state)
{
	struct tb *b = *state;
	int n;
	tb_start(b, 1, "Ascend310P3");
	tb_alloc(b, API_RT_MALLOC, 1000, DEV_BASE, 1);
	tb_free(b, API_DVPP_FREE, DEV_BASE, 2); /* device memory to acldvppFree: error */
	tb_alloc(b, API_DVPP_MALLOC, 1000, DVPP_BASE, 3);
	tb_free(b, API_HI_DVPP_FREE, DVPP_BASE, 4); /* same heap, undocumented: warning */
	tb_alloc(b, API_RT_MALLOC_HOST, 64, HOST_BASE, 5);
	tb_free(b, API_RT_FREE, HOST_BASE, 6); /* host memory to aclrtFree: error */
	finish(b);
	tb_find(b->m, ACLTRACE_FINDING_MISMATCHED_FREE, 100, &n);
	assert_int_equal(n, 3);
	int errors = 0, warnings = 0;
	for (const struct acltrace_finding *f = acltrace_model_findings(b->m); f; f = f->next) {
		assert_int_equal(f->kind, ACLTRACE_FINDING_MISMATCHED_FREE);
		assert_true(f->has_alloc_stack);
		assert_int_equal(f->alloc_stack_id, f->stack_id - 1); /* the allocation's stack */
		if (f->severity == ACLTRACE_SEVERITY_ERROR)
			errors++;
		else
			warnings++;
	}
	assert_int_equal(errors, 2);
	assert_int_equal(warnings, 1);
	/* the mismatched frees were forwarded: nothing stays live */
	assert_int_equal(tb_pool(b->m, ACLTRACE_POOL_DEVICE, 0)->live_bytes, 0);
}

static void test_double_and_invalid_free(void **state)
{
	struct tb *b = *state;
	const struct acltrace_finding *f;
	int n;
	tb_start(b, 1, NULL);
	tb_alloc(b, API_RT_MALLOC, 256, DEV_BASE, 1);
	tb_free(b, API_RT_FREE, DEV_BASE, 2);
	tb_free(b, API_RT_FREE, DEV_BASE, 3); /* double */
	tb_alloc(b, API_RT_MALLOC, 256, DEV_BASE + 4096, 4);
	tb_free(b, API_RT_FREE, DEV_BASE + 4096 + 16, 5); /* interior */
	tb_free(b, API_RT_FREE, 0xdead0000, 6);		  /* never allocated */
	finish(b);
	f = tb_find(b->m, ACLTRACE_FINDING_DOUBLE_FREE, 100, &n);
	assert_int_equal(n, 1);
	assert_int_equal(f->stack_id, 3);
	assert_int_equal(f->alloc_stack_id, 1);
	assert_int_equal(f->free_stack_id, 2);
	assert_false(f->uncertain);
	tb_find(b->m, ACLTRACE_FINDING_INVALID_FREE, 100, &n);
	assert_int_equal(n, 2);
	for (f = acltrace_model_findings(b->m); f; f = f->next) {
		if (f->kind != ACLTRACE_FINDING_INVALID_FREE)
			continue;
		if (f->stack_id == 5) {
			assert_int_equal(f->addr, DEV_BASE + 4096 + 16);
			assert_int_equal(f->alloc_stack_id, 4);
			assert_non_null(strstr(f->message, "interior pointer 16 bytes"));
		} else {
			assert_int_equal(f->stack_id, 6);
			assert_non_null(strstr(f->message, "not a live allocation"));
		}
	}
}

static void test_dedup_by_kind_and_stack(void **state)
{
	struct tb *b = *state;
	int n;
	tb_start(b, 1, NULL);
	for (int i = 0; i < 5; i++) {
		tb_alloc(b, API_RT_MALLOC, 64, DEV_BASE + i * 4096, 1);
		tb_free(b, API_DVPP_FREE, DEV_BASE + i * 4096, 7); /* same free site */
	}
	tb_alloc(b, API_RT_MALLOC, 64, DEV_BASE, 1);
	tb_free(b, API_DVPP_FREE, DEV_BASE, 8); /* another site */
	finish(b);
	tb_find(b->m, ACLTRACE_FINDING_MISMATCHED_FREE, 100, &n);
	assert_int_equal(n, 2);
	for (const struct acltrace_finding *f = acltrace_model_findings(b->m); f; f = f->next)
		assert_int_equal(f->count, f->stack_id == 7 ? 5 : 1);
}

static void test_leaks_at_finalize_per_site(void **state)
{
	struct tb *b = *state;
	int n;
	tb_start(b, 1, NULL);
	tb_lifecycle(b, ACLTRACE_LC_INIT, -1);
	for (int i = 0; i < 3; i++)
		tb_alloc(b, API_DVPP_MALLOC, 1000, DVPP_BASE + i * 4096, 1);
	tb_alloc(b, API_RT_MALLOC, 500, DEV_BASE, 2);
	tb_alloc(b, API_RT_MALLOC, 700, DEV_BASE + 4096, 3);
	tb_free(b, API_RT_FREE, DEV_BASE + 4096, 4);
	tb_lifecycle(b, ACLTRACE_LC_FINALIZE, -1);
	tb_lifecycle(b, ACLTRACE_LC_EXIT, -1); /* already reported at finalize: not again */
	finish(b);
	tb_find(b->m, ACLTRACE_FINDING_LEAK, 100, &n);
	assert_int_equal(n, 2);
	for (const struct acltrace_finding *f = acltrace_model_findings(b->m); f; f = f->next) {
		assert_int_equal(f->kind, ACLTRACE_FINDING_LEAK);
		assert_int_equal(f->leak_when, ACLTRACE_LEAK_FINALIZE);
		if (f->stack_id == 1) {
			assert_int_equal(f->count, 3);
			assert_int_equal(f->bytes, 3000);
		} else {
			assert_int_equal(f->stack_id, 2);
			assert_int_equal(f->count, 1);
			assert_int_equal(f->bytes, 500);
		}
	}
}

static void test_reset_device_leaks_only_that_device(void **state)
{
	struct tb *b = *state;
	int n;
	tb_start(b, 1, NULL);
	tb_lifecycle(b, ACLTRACE_LC_SET_DEVICE, 0);
	tb_lifecycle(b, ACLTRACE_LC_SET_DEVICE, 0);
	tb_alloc_rc(b, API_RT_MALLOC, 0, 100, DEV_BASE, 1, 0);
	tb_alloc_rc(b, API_RT_MALLOC, 1, 200, DEV_BASE + 4096, 2, 0);
	tb_alloc_rc(b, API_RT_MALLOC_HOST, 0, 300, HOST_BASE, 3, 0); /* made while on device 0 */
	tb_lifecycle(b, ACLTRACE_LC_RESET_DEVICE, 0); /* balances the second set: no release */
	tb_find(b->m, ACLTRACE_FINDING_LEAK, 100, &n);
	assert_int_equal(n, 0);
	tb_lifecycle(b, ACLTRACE_LC_RESET_DEVICE, 0);
	finish(b);
	tb_find(b->m, ACLTRACE_FINDING_LEAK, 100, &n);
	assert_int_equal(n, 2);
	for (const struct acltrace_finding *f = acltrace_model_findings(b->m); f; f = f->next) {
		if (f->leak_when == ACLTRACE_LEAK_END_OF_TRACE) {
			assert_int_equal(f->stack_id, 2); /* device 1's buffer, never released */
			continue;
		}
		assert_true(f->stack_id == 1 || f->stack_id == 3);
		assert_int_equal(f->leak_when, ACLTRACE_LEAK_RESET);
	}
	/* the reset returned device 0's memory */
	assert_int_equal(tb_pool(b->m, ACLTRACE_POOL_DEVICE, 0)->live_bytes, 0);
	assert_int_equal(tb_pool(b->m, ACLTRACE_POOL_DEVICE, 1)->live_bytes, 200);
}

/* Peak known analytically: 4 x 1 MiB + 2 x 3 MiB live at once, after which it only falls. */
static void test_pool_peak_and_live_set(void **state)
{
	struct tb *b = *state;
	tb_start(b, 1, NULL);
	for (int i = 0; i < 4; i++)
		tb_alloc(b, API_DVPP_MALLOC, MIB, DVPP_BASE + i * 16 * MIB, 1);
	tb_free(b, API_DVPP_FREE, DVPP_BASE, 9);	 /* 3 MiB */
	tb_alloc(b, API_DVPP_MALLOC, MIB, DVPP_BASE, 1); /* 4 MiB */
	tb_alloc(b, API_HI_DVPP_MALLOC, 3 * MIB, DVPP_BASE + 100 * MIB, 2);
	tb_alloc(b, API_HI_DVPP_MALLOC, 3 * MIB, DVPP_BASE + 200 * MIB, 2); /* peak 10 MiB */
	uint64_t peak_time = b->t;
	tb_free(b, API_HI_DVPP_FREE, DVPP_BASE + 100 * MIB, 9);
	tb_alloc(b, API_DVPP_MALLOC, MIB, DVPP_BASE + 300 * MIB, 3); /* 8 MiB: below the peak */
	finish(b);
	const struct acltrace_pool_acct *a = tb_pool(b->m, ACLTRACE_POOL_DVPP, 0);
	assert_non_null(a);
	assert_int_equal(a->peak_bytes, 10 * MIB);
	assert_int_equal(a->peak_count, 6);
	assert_int_equal(a->peak_time_ns, peak_time);
	assert_int_equal(a->live_bytes, 8 * MIB);
	assert_int_equal(a->peak_set.len, 2);
	const struct acltrace_site_bytes *s0 = acltrace_vec_at(&a->peak_set, 0);
	const struct acltrace_site_bytes *s1 = acltrace_vec_at(&a->peak_set, 1);
	assert_int_equal(s0->site->stack_id, 2); /* largest first */
	assert_int_equal(s0->bytes, 6 * MIB);
	assert_int_equal(s0->count, 2);
	assert_int_equal(s1->site->stack_id, 1);
	assert_int_equal(s1->bytes, 4 * MIB);
	assert_int_equal(s1->count, 4);
}

/* Two processes on device 0 of one host add up; the same device on another host does not. */
static void test_pools_add_up_per_device_and_host(void **state)
{
	struct tb *b = *state;
	tb_start(b, 1, NULL);
	tb_alloc(b, API_DVPP_MALLOC, 5 * MIB, DVPP_BASE, 1);
	b->pid = 200;
	tb_start(b, 1, NULL);
	tb_alloc(b, API_DVPP_MALLOC, 7 * MIB, DVPP_BASE, 1);
	b->trace = 1;
	tb_host(b, "hostB");
	b->pid = 300;
	tb_start(b, 1, NULL);
	tb_alloc(b, API_DVPP_MALLOC, 11 * MIB, DVPP_BASE, 1);
	finish(b);
	int pools = 0;
	for (const struct acltrace_pool_acct *a = acltrace_model_pools(b->m); a; a = a->next) {
		if (a->pool != ACLTRACE_POOL_DVPP)
			continue;
		pools++;
		const char *host = acltrace_model_host_name(b->m, a->host);
		if (strcmp(host, "hostA") == 0) {
			assert_int_equal(a->peak_bytes, 12 * MIB);
			assert_int_equal(a->peak_set.len, 2);
		} else {
			assert_string_equal(host, "hostB");
			assert_int_equal(a->peak_bytes, 11 * MIB);
		}
	}
	assert_int_equal(pools, 2);
}

/* A trace that began mid-run: frees of older buffers are not invalid. */
static void test_mid_run_no_false_invalid_free(void **state)
{
	struct tb *b = *state;
	tb_start(b, 2, NULL); /* generation 2: tracing started while the program ran */
	tb_free(b, API_RT_FREE, DEV_BASE, 1);
	tb_free(b, API_DVPP_FREE, DVPP_BASE, 2);
	tb_alloc(b, API_RT_MALLOC, 64, DEV_BASE + 4096, 3);
	tb_free(b, API_RT_FREE, DEV_BASE + 4096, 4);
	tb_free(b, API_RT_FREE, DEV_BASE + 4096, 5); /* a real double free, seen whole */
	finish(b);
	assert_true(acltrace_model_stats(b->m)->started_mid_run);
	int n;
	tb_find(b->m, ACLTRACE_FINDING_INVALID_FREE, 100, &n);
	assert_int_equal(n, 0);
	const struct acltrace_finding *f = tb_find(b->m, ACLTRACE_FINDING_DOUBLE_FREE, 100, &n);
	assert_int_equal(n, 1);
	assert_false(f->uncertain);
	assert_int_equal(acltrace_model_processes(b->m)->unmatched_frees, 2);
}

/* Lost events: later findings are uncertain, unknown frees are not invalid. */
static void test_discards_make_findings_uncertain(void **state)
{
	struct tb *b = *state;
	tb_start(b, 1, NULL);
	tb_lifecycle(b, ACLTRACE_LC_INIT, -1);
	tb_alloc(b, API_RT_MALLOC, 64, DEV_BASE, 1);
	tb_free(b, API_DVPP_FREE, DEV_BASE, 2); /* before the loss: certain */
	tb_discard(b, 42);
	tb_free(b, API_RT_FREE, 0xbad000, 3); /* its allocation may be lost */
	tb_alloc(b, API_RT_MALLOC, 64, DEV_BASE + 4096, 4);
	tb_free(b, API_RT_FREE, DEV_BASE + 4096, 5);
	tb_free(b, API_RT_FREE, DEV_BASE + 4096, 6); /* an alloc in between may be lost */
	tb_alloc(b, API_RT_MALLOC, 64, DEV_BASE + 8192, 7);
	/* its free was lost: a new buffer inside it replaces it, and frees of either are fine */
	tb_alloc(b, API_RT_MALLOC, 512, DEV_BASE + 65536, 8);
	tb_alloc(b, API_RT_MALLOC, 32, DEV_BASE + 65536 + 64, 8);
	tb_free(b, API_RT_FREE, DEV_BASE + 65536 + 64, 9);
	tb_free(b, API_RT_FREE, DEV_BASE + 65536 + 128, 10);
	tb_lifecycle(b, ACLTRACE_LC_EXIT, -1); /* its free may be lost */
	finish(b);
	const struct acltrace_model_stats *st = acltrace_model_stats(b->m);
	assert_int_equal(st->discarded_events, 42);
	int n;
	tb_find(b->m, ACLTRACE_FINDING_INVALID_FREE, 100, &n);
	assert_int_equal(n, 0);
	assert_false(tb_find(b->m, ACLTRACE_FINDING_MISMATCHED_FREE, 100, NULL)->uncertain);
	assert_true(tb_find(b->m, ACLTRACE_FINDING_DOUBLE_FREE, 100, NULL)->uncertain);
	assert_true(tb_find(b->m, ACLTRACE_FINDING_LEAK, 100, NULL)->uncertain);
	/* only the 64-byte buffer is left: the 512-byte one was replaced */
	assert_int_equal(tb_pool(b->m, ACLTRACE_POOL_DEVICE, 0)->live_bytes, 64);
	assert_int_equal(tb_find(b->m, ACLTRACE_FINDING_LEAK, 100, NULL)->count, 1);
	assert_int_equal(acltrace_model_processes(b->m)->unmatched_frees, 2);
}

static void test_use_findings(void **state)
{
	struct tb *b = *state;
	const struct acltrace_finding *f;
	tb_start(b, 1, "Ascend310");
	tb_alloc(b, API_DVPP_MALLOC, 1000, DVPP_BASE, 1);
	tb_alloc(b, API_RT_MALLOC, 1000, DEV_BASE, 2);
	tb_alloc(b, API_DVPP_MALLOC, 4096, DVPP_BASE + 0x10000, 3);
	tb_use(b, API_VPC_RESIZE, ACLTRACE_ROLE_READ, DVPP_BASE, 1500, 10); /* overflow */
	tb_use(b, API_VPC_RESIZE, ACLTRACE_ROLE_READ, DEV_BASE, 100, 11);   /* non-dvpp */
	tb_use(b, API_VPC_RESIZE, ACLTRACE_ROLE_READ, 0x5555000, 100, 12);  /* heap */
	tb_use(b, API_VPC_RESIZE, ACLTRACE_ROLE_READ, DVPP_BASE + 0x10000 + 64, 64, 13);
	/* the trace's roles are input/output/inout: the API says it is model memory */
	tb_use(b, API_MDL_LOAD_WITH_MEM, ACLTRACE_ROLE_READ_WRITE, DVPP_BASE, 100, 14);
	tb_use(b, API_MEMCPY_ASYNC, ACLTRACE_ROLE_READ, 0x5556000, 100, 15); /* heap host */
	tb_use(b, API_MEMCPY_ASYNC, ACLTRACE_ROLE_WRITE, DEV_BASE, 100, 15); /* device side */
	tb_alloc(b, API_RT_MALLOC_HOST, 4096, HOST_BASE, 18);
	tb_use(b, API_MEMCPY_ASYNC, ACLTRACE_ROLE_READ, HOST_BASE + 8, 100, 19); /* misaligned */
	tb_use(b, API_MEMCPY_ASYNC, ACLTRACE_ROLE_READ, HOST_BASE + 64, 100, 20);
	tb_free(b, API_DVPP_FREE, DVPP_BASE, 4);
	tb_use(b, API_MEMCPY, ACLTRACE_ROLE_READ, DVPP_BASE + 8, 8, 16); /* after free */
	/* model input from DVPP output is the documented zero-copy path: nothing */
	tb_use(b, API_MDL_EXECUTE, ACLTRACE_ROLE_READ, DVPP_BASE + 0x10000, 4096, 17);
	finish(b);
	f = tb_find(b->m, ACLTRACE_FINDING_BUFFER_OVERFLOW, 100, NULL);
	assert_non_null(f);
	assert_int_equal(f->stack_id, 10);
	assert_int_equal(f->alloc_stack_id, 1);
	assert_non_null(strstr(f->message, "500 bytes past its end"));
	int n;
	tb_find(b->m, ACLTRACE_FINDING_NON_DVPP_BUFFER, 100, &n);
	assert_int_equal(n, 2);
	f = tb_find(b->m, ACLTRACE_FINDING_MISALIGNED_BUFFER, 100, &n);
	assert_int_equal(n, 1);
	assert_int_equal(f->stack_id, 13);
	f = tb_find(b->m, ACLTRACE_FINDING_DVPP_POOL_MISUSE, 100, &n);
	assert_int_equal(n, 1);
	assert_int_equal(f->stack_id, 14);
	f = tb_find(b->m, ACLTRACE_FINDING_UNPINNED_ASYNC_COPY, 100, &n);
	assert_int_equal(n, 2); /* heap memory at stack 15, a misaligned host buffer at 19 */
	assert_int_equal(f->stack_id, 15);
	f = tb_find(b->m, ACLTRACE_FINDING_USE_AFTER_FREE, 100, &n);
	assert_int_equal(n, 1);
	assert_int_equal(f->free_stack_id, 4);
	assert_int_equal(f->alloc_stack_id, 1);
	assert_int_equal(tb_total_findings(b->m), 8);
}

/* Ascend910B's VPC also takes aclrtMalloc memory (api-facts.md 5.2). */
static void test_soc_rules(void **state)
{
	struct tb *b = *state;
	tb_start(b, 1, "Ascend910B1");
	tb_alloc(b, API_RT_MALLOC, 1000, DEV_BASE, 2);
	tb_use(b, API_VPC_RESIZE, ACLTRACE_ROLE_READ, DEV_BASE, 100, 11);
	finish(b);
	assert_int_equal(tb_total_findings(b->m), 0);
}

static void test_freed_while_in_use(void **state)
{
	struct tb *b = *state;
	int n;
	tb_start(b, 1, NULL);
	tb_alloc(b, API_DVPP_MALLOC, 4096, DVPP_BASE, 1);
	tb_alloc(b, API_DVPP_MALLOC, 4096, DVPP_BASE + 0x10000, 1);
	/* as the preload records them: the uses of a call, then its submission */
	tb_use(b, API_VPC_RESIZE, ACLTRACE_ROLE_READ, DVPP_BASE, 4096, 2);
	tb_submit(b, API_VPC_RESIZE, 0xabc, 1, 2);
	tb_use(b, API_VPC_RESIZE, ACLTRACE_ROLE_READ, DVPP_BASE + 0x10000, 4096, 2);
	tb_submit(b, API_VPC_RESIZE, 0xabc, 2, 2);
	/* a use of another call that submits nothing (synchronous) changes nothing */
	tb_use(b, API_VPC_RESIZE, ACLTRACE_ROLE_READ, DVPP_BASE, 4096, 7);
	tb_task(b, ACLTRACE_EV_TASK_RETIRE, 0xdef, 9);	   /* another stream: not ours */
	tb_task(b, ACLTRACE_EV_TASK_RETIRE, 0xabc, 1);	   /* task 1 done, task 2 pending */
	tb_free(b, API_DVPP_FREE, DVPP_BASE, 3);	   /* fine */
	tb_free(b, API_DVPP_FREE, DVPP_BASE + 0x10000, 4); /* still in use */
	finish(b);
	const struct acltrace_finding *f =
	    tb_find(b->m, ACLTRACE_FINDING_FREED_WHILE_IN_USE, 100, &n);
	assert_int_equal(n, 1);
	assert_int_equal(f->stack_id, 4);
	assert_int_equal(tb_total_findings(b->m), 1);
}

static void test_alloc_failures_and_unchecked(void **state)
{
	struct tb *b = *state;
	tb_start(b, 1, NULL);
	tb_alloc(b, API_DVPP_MALLOC, 3 * MIB, DVPP_BASE, 1);
	tb_alloc_rc(b, API_DVPP_MALLOC, 0, 8 * GIB, 0, 2, 207001); /* out of memory */
	tb_alloc_rc(b, API_RT_MALLOC, 0, 0, 0, 3, 100000);	   /* invalid parameter */
	tb_use(b, API_VPC_RESIZE, ACLTRACE_ROLE_READ, 0, 100, 4);
	finish(b);
	const struct acltrace_finding *f =
	    tb_find(b->m, ACLTRACE_FINDING_POOL_EXHAUSTED, 100, NULL);
	assert_non_null(f);
	assert_int_equal(f->stack_id, 2);
	assert_non_null(strstr(f->message, "3145728 bytes (3.0 MiB) live"));
	assert_non_null(tb_find(b->m, ACLTRACE_FINDING_ALLOC_FAILED, 100, NULL));
	assert_non_null(tb_find(b->m, ACLTRACE_FINDING_UNCHECKED_FAILURE, 100, NULL));
	assert_true(acltrace_rc_is_oom(0xA007800C)); /* HI_ERR_VPC_NO_MEM */
	assert_false(acltrace_rc_is_oom(0xA0078003));
}

static void test_enforce_blocked_free_stays_live(void **state)
{
	struct tb *b = *state;
	int n;
	tb_start(b, 1, NULL);
	tb_alloc(b, API_RT_MALLOC, 64, DEV_BASE, 1);
	tb_free_action(b, API_DVPP_FREE, DEV_BASE, 2, ACLTRACE_FREE_BLOCKED);
	tb_free(b, API_RT_FREE, DEV_BASE, 3); /* the right free afterwards: no double free */
	finish(b);
	tb_find(b->m, ACLTRACE_FINDING_DOUBLE_FREE, 100, &n);
	assert_int_equal(n, 0);
	assert_int_equal(tb_total_findings(b->m), 1);
}

static void test_fork_child_frees_parent_buffer(void **state)
{
	struct tb *b = *state;
	tb_start(b, 1, NULL);
	tb_alloc(b, API_RT_MALLOC, 64, DEV_BASE, 1);
	b->pid = 101;
	struct acltrace_event ev = { .type = ACLTRACE_EV_PROCESS };
	ev.u.process.generation = 1;
	ev.u.process.ppid = 100;
	tb_feed(b, &ev);
	for (uint32_t id = 1; id < API_COUNT_; id++) {
		struct acltrace_event a = { .type = ACLTRACE_EV_API, .str = test_api_names[id] };
		a.u.api.id = id;
		tb_feed(b, &a);
	}
	tb_lifecycle(b, ACLTRACE_LC_FORK_CHILD, -1);
	tb_free(b, API_RT_FREE, DEV_BASE, 2);
	finish(b);
	const struct acltrace_finding *f = tb_find(b->m, ACLTRACE_FINDING_INVALID_FREE, 101, NULL);
	assert_non_null(f);
	assert_non_null(strstr(f->message, "parent process 100"));
}

/* A service that never exits: one site grows every second, another is balanced. */
static void test_growth_detected_per_site(void **state)
{
	struct tb *b = *state;
	tb_start(b, 1, NULL);
	uint64_t t = 1000000000ull;
	for (int frame = 0; frame < 100; frame++) {
		uint64_t base = DVPP_BASE + (uint64_t)frame * 3 * 65536;
		b->t = t + frame * 100000000ull; /* 10 frames per second, 10 s */
		tb_alloc(b, API_DVPP_MALLOC, 1000, base, 1);
		tb_alloc(b, API_DVPP_MALLOC, 1000, base + 65536, 1);
		tb_alloc(b, API_DVPP_MALLOC, 2000, base + 2 * 65536, 2);
		tb_free(b, API_DVPP_FREE, base, 3);		/* site 1 keeps one per frame */
		tb_free(b, API_DVPP_FREE, base + 2 * 65536, 3); /* site 2 balanced */
	}
	finish(b);
	int n;
	const struct acltrace_finding *f = tb_find(b->m, ACLTRACE_FINDING_LEAK, 100, &n);
	assert_int_equal(n, 1);
	assert_int_equal(f->stack_id, 1);
	assert_int_equal(f->leak_when, ACLTRACE_LEAK_GROWTH);
	assert_int_equal(f->count, 100);
	assert_int_equal(f->bytes, 100000);
}

/* No exit in the trace: what is still live is reported, uncertain, once per site. */
static void test_end_of_trace_leaks(void **state)
{
	struct tb *b = *state;
	tb_start(b, 1, NULL);
	tb_alloc(b, API_RT_MALLOC, 10, DEV_BASE, 1);
	tb_alloc(b, API_RT_MALLOC, 20, DEV_BASE + 4096, 1);
	tb_alloc(b, API_RT_MALLOC, 30, DEV_BASE + 8192, 2);
	tb_free(b, API_RT_FREE, DEV_BASE + 8192, 3);
	finish(b);
	int n = 0;
	for (const struct acltrace_finding *f = acltrace_model_findings(b->m); f; f = f->next) {
		n++;
		assert_int_equal(f->kind, ACLTRACE_FINDING_LEAK);
		assert_int_equal(f->leak_when, ACLTRACE_LEAK_END_OF_TRACE);
		assert_true(f->uncertain);
		assert_int_equal(f->stack_id, 1);
		assert_int_equal(f->count, 2);
		assert_int_equal(f->bytes, 30);
	}
	assert_int_equal(n, 1);
}

static void test_profiles_predict_exhaustion(void **state)
{
	struct tb *b = *state;
	tb_start(b, 1, "Ascend310");
	for (int i = 0; i < 5; i++)
		tb_alloc(b, API_DVPP_MALLOC, GIB, DVPP_BASE + i * 2 * GIB, 1);
	finish(b);
	assert_ptr_equal(acltrace_profile_by_soc("Ascend310"),
			 acltrace_profile_by_name("ascend310"));
	assert_ptr_equal(acltrace_profile_by_soc("Ascend310P3"),
			 acltrace_profile_by_name("ascend310p"));
	assert_ptr_equal(acltrace_profile_by_soc("Ascend910B3"),
			 acltrace_profile_by_name("atlas-a2"));
	assert_null(acltrace_profile_by_soc("Ascend999"));
	/* from the recorded SoC: Ascend310, 4 GiB window, 5 GiB live */
	const struct acltrace_device_profile *p = acltrace_model_apply_profile(b->m, NULL, NULL);
	assert_string_equal(p->name, "ascend310");
	const struct acltrace_pool_acct *a = tb_pool(b->m, ACLTRACE_POOL_DVPP, 0);
	assert_int_equal(a->capacity_bytes, 4 * GIB);
	const struct acltrace_finding *f =
	    tb_find(b->m, ACLTRACE_FINDING_POOL_EXHAUSTED, 100, NULL);
	assert_non_null(f);
	assert_true(f->predicted);
	assert_int_equal(f->bytes, 5 * GIB);
}

static void test_profile_fits_and_override(void **state)
{
	struct tb *b = *state;
	tb_start(b, 1, "Ascend310");
	tb_alloc(b, API_DVPP_MALLOC, 600 * MIB, DVPP_BASE, 1);
	finish(b);
	acltrace_model_apply_profile(b->m, acltrace_profile_by_name("ascend310p"), NULL);
	assert_null(tb_find(b->m, ACLTRACE_FINDING_POOL_EXHAUSTED, 100, NULL));
	assert_int_equal(tb_pool(b->m, ACLTRACE_POOL_DVPP, 0)->capacity_bytes, 16 * GIB);
	struct acltrace_capacity_override ovr = { 0 };
	assert_int_equal(acltrace_profile_parse_capacity("dvpp=512M", &ovr), 0);
	assert_int_equal(acltrace_profile_parse_capacity("gpu=1G", &ovr), -1);
	assert_int_equal(acltrace_profile_parse_capacity("dvpp=12X", &ovr), -1);
	acltrace_model_apply_profile(b->m, NULL, &ovr);
	assert_int_equal(tb_pool(b->m, ACLTRACE_POOL_DVPP, 0)->capacity_bytes, 512 * MIB);
	assert_non_null(tb_find(b->m, ACLTRACE_FINDING_POOL_EXHAUSTED, 100, NULL));
	uint64_t v;
	assert_int_equal(acltrace_profile_parse_size("2GiB", &v), 0);
	assert_int_equal(v, 2 * GIB);
	assert_int_equal(acltrace_profile_parse_size("-1", &v), -1);
}

/* A capacity the traced process recorded (acltrace:pool) beats any profile; the option beats
 * both. */
static void test_recorded_pool_capacity(void **state)
{
	struct tb *b = *state;
	tb_start(b, 1, "Ascend310");
	struct acltrace_event ev = { .type = ACLTRACE_EV_POOL };
	ev.u.pool.device = 0;
	ev.u.pool.pool = ACLTRACE_POOL_DVPP;
	ev.u.pool.capacity = 2 * MIB;
	ev.u.pool.source = ACLTRACE_CAPSRC_LIMIT;
	tb_feed(b, &ev);
	tb_alloc(b, API_DVPP_MALLOC, 3 * MIB, DVPP_BASE, 1);
	finish(b);
	acltrace_model_apply_profile(b->m, NULL, NULL);
	const struct acltrace_pool_acct *a = tb_pool(b->m, ACLTRACE_POOL_DVPP, 0);
	assert_int_equal(a->capacity_bytes, 2 * MIB);
	assert_non_null(strstr(a->capacity_source, "ACLTRACE_DVPP_LIMIT"));
	assert_non_null(tb_find(b->m, ACLTRACE_FINDING_POOL_EXHAUSTED, 100, NULL));
	/* also against a chosen profile */
	acltrace_model_apply_profile(b->m, acltrace_profile_by_name("ascend310p"), NULL);
	assert_int_equal(a->capacity_bytes, 2 * MIB);
	struct acltrace_capacity_override ovr = { 0 };
	assert_int_equal(acltrace_profile_parse_capacity("dvpp=8M", &ovr), 0);
	acltrace_model_apply_profile(b->m, NULL, &ovr);
	assert_int_equal(a->capacity_bytes, 8 * MIB);
	assert_string_equal(a->capacity_source, "--pool-capacity");
}

/* The hash map under the model: deletions keep every other key reachable. */
static void test_map_delete(void **state)
{
	(void)state;
	struct acltrace_map m;
	static int vals[4096];
	acltrace_map_init(&m);
	for (uint64_t k = 0; k < 4096; k++)
		assert_int_equal(acltrace_map_put(&m, k * 64, &vals[k]), 0);
	for (uint64_t k = 0; k < 4096; k += 3)
		acltrace_map_del_if(&m, k * 64, &vals[(k + 1) % 4096]); /* another value: kept */
	assert_int_equal(m.len, 4096);
	for (uint64_t k = 0; k < 4096; k += 3)
		acltrace_map_del_if(&m, k * 64, &vals[k]);
	for (uint64_t k = 1; k < 4096; k += 3)
		assert_ptr_equal(acltrace_map_del(&m, k * 64), &vals[k]);
	for (uint64_t k = 0; k < 4096; k++)
		assert_ptr_equal(acltrace_map_get(&m, k * 64), k % 3 == 2 ? &vals[k] : NULL);
	assert_int_equal(m.len, 4096 / 3);
	acltrace_map_fini(&m);
}

static void test_cross_check_with_preload(void **state)
{
	struct tb *b = *state;
	tb_start(b, 1, NULL);
	tb_alloc(b, API_RT_MALLOC, 64, DEV_BASE, 1);
	tb_free(b, API_DVPP_FREE, DEV_BASE, 2);
	tb_preload_finding(b, ACLTRACE_FINDING_MISMATCHED_FREE, 1, DEV_BASE, 2);
	tb_preload_finding(b, ACLTRACE_FINDING_NON_DVPP_BUFFER, 1, DEV_BASE, 9);
	finish(b);
	const struct acltrace_finding *f =
	    tb_find(b->m, ACLTRACE_FINDING_MISMATCHED_FREE, 100, NULL);
	assert_int_equal(acltrace_finding_xcheck(b->m, f), ACLTRACE_XCHECK_CONFIRMED);
	f = tb_find(b->m, ACLTRACE_FINDING_NON_DVPP_BUFFER, 100, NULL);
	assert_int_equal(acltrace_finding_xcheck(b->m, f), ACLTRACE_XCHECK_PRELOAD_ONLY);
	assert_int_equal(acltrace_finding_count(f), 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)
		T(test_correct_program_has_no_findings),
		T(test_mismatched_free_severity_by_table),
		T(test_double_and_invalid_free),
		T(test_dedup_by_kind_and_stack),
		T(test_leaks_at_finalize_per_site),
		T(test_reset_device_leaks_only_that_device),
		T(test_pool_peak_and_live_set),
		T(test_pools_add_up_per_device_and_host),
		T(test_mid_run_no_false_invalid_free),
		T(test_discards_make_findings_uncertain),
		T(test_use_findings),
		T(test_soc_rules),
		T(test_freed_while_in_use),
		T(test_alloc_failures_and_unchecked),
		T(test_enforce_blocked_free_stays_live),
		T(test_fork_child_frees_parent_buffer),
		T(test_growth_detected_per_site),
		T(test_end_of_trace_leaks),
		T(test_recorded_pool_capacity),
		T(test_map_delete),
		T(test_profiles_predict_exhaustion),
		T(test_profile_fits_and_override),
		T(test_cross_check_with_preload),
#undef T
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
