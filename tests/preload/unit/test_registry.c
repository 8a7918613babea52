/* SPDX-License-Identifier: MIT */
/* The allocation registry: lifecycle of records, tombstones, forks, interior lookups, scale. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

/* cmocka.h needs the headers above first. */
/* clang-format off */
#include <cmocka.h>
/* clang-format on */

#include "acltrace_registry.h"
#include "acltrace_types.h"

static struct acltrace_rec make(uint64_t addr, uint64_t size, unsigned pool)
{
	struct acltrace_rec r = { .addr = addr,
				  .requested = size,
				  .rounded = size + 32,
				  .api = ACLTRACE_API_aclrtMalloc,
				  .pool = (uint8_t)pool,
				  .alloc_stack = 7,
				  .device = 0 };
	return r;
}

static int setup(void **state)
{
	(void)state;
	return acltrace_registry_init() ? 0 : -1;
}

static void test_release_and_double(void **state)
{
	struct acltrace_rec r = make(0x10000, 100, ACLTRACE_POOL_DEVICE), out;

	(void)state;
	assert_false(acltrace_registry_insert(&r));
	assert_int_equal(acltrace_registry_release(0x10000, ACLTRACE_API_aclrtFree, 9, 1, &out),
			 ACLTRACE_RELEASED);
	assert_int_equal(out.requested, 100);
	assert_int_equal(out.alloc_stack, 7);
	assert_int_equal(acltrace_registry_release(0x10000, ACLTRACE_API_aclrtFree, 11, 1, &out),
			 ACLTRACE_DOUBLE);
	assert_int_equal(out.free_stack, 9); /* the first free's stack */
	assert_int_equal(out.free_api, ACLTRACE_API_aclrtFree);
	/* The address handed out again is live again. */
	assert_false(acltrace_registry_insert(&r));
	assert_int_equal(acltrace_registry_release(0x10000, ACLTRACE_API_aclrtFree, 9, 1, &out),
			 ACLTRACE_RELEASED);
	assert_int_equal(acltrace_registry_release(0x10040, ACLTRACE_API_aclrtFree, 9, 1, &out),
			 ACLTRACE_NOT_FOUND);
}

static void test_unrelease(void **state)
{
	struct acltrace_rec r = make(0x20000, 64, ACLTRACE_POOL_HOST), out;
	uint64_t count, bytes;

	(void)state;
	acltrace_registry_insert(&r);
	acltrace_registry_pool_usage(ACLTRACE_POOL_HOST, &count, &bytes);
	assert_int_equal(count, 1);
	assert_int_equal(bytes, 64);
	assert_int_equal(acltrace_registry_release(0x20000, 0, 0, 1, &out), ACLTRACE_RELEASED);
	acltrace_registry_pool_usage(ACLTRACE_POOL_HOST, &count, &bytes);
	assert_int_equal(count, 0);
	acltrace_registry_unrelease(0x20000, out.generation);
	acltrace_registry_pool_usage(ACLTRACE_POOL_HOST, &count, &bytes);
	assert_int_equal(count, 1);
	assert_int_equal(acltrace_registry_release(0x20000, 0, 0, 1, &out), ACLTRACE_RELEASED);
}

static void test_interior(void **state)
{
	struct acltrace_rec r = make(0x30000, 1000, ACLTRACE_POOL_DVPP), out;

	(void)state;
	acltrace_registry_insert(&r);
	assert_true(acltrace_registry_find_containing(0x30000 + 999, &out));
	assert_int_equal(out.addr, 0x30000);
	/* The runtime's padding (rounded 1032) still belongs to the block; past it nothing does. */
	assert_true(acltrace_registry_find_containing(0x30000 + 1031, &out));
	assert_false(acltrace_registry_find_containing(0x30000 + 1032, &out));
	assert_int_equal(acltrace_registry_release(0x30000, 0, 0, 1, &out), ACLTRACE_RELEASED);
	assert_false(acltrace_registry_find_containing(0x30000 + 10, &out));
}

/* Interior lookups for small neighbours, page-straddling and huge blocks. */
static void test_interval_index(void **state)
{
	const uint64_t base = 0x200000000000ull;
	struct {
		uint64_t addr, size;
	} blocks[] = {
		{ base, 64 },				/* smallest class */
		{ base + 64, 100 },			/* neighbour, crosses a 128-byte granule */
		{ base + 4096 - 32, 4096 },		/* straddles a page */
		{ base + (1ull << 20) + 320, 3 << 20 }, /* 3 MiB, unaligned start */
		{ base + (1ull << 30), 1ull << 30 },	/* 1 GiB */
	};
	struct acltrace_rec out;

	(void)state;
	for (unsigned i = 0; i < sizeof(blocks) / sizeof(blocks[0]); i++) {
		struct acltrace_rec r = make(blocks[i].addr, blocks[i].size, ACLTRACE_POOL_DVPP);
		r.rounded = blocks[i].size;
		acltrace_registry_insert(&r);
	}
	for (unsigned i = 0; i < sizeof(blocks) / sizeof(blocks[0]); i++) {
		uint64_t a = blocks[i].addr, n = blocks[i].size;
		uint64_t probes[] = { a, a + 1, a + n / 2, a + n - 1 };

		for (unsigned k = 0; k < 4; k++) {
			assert_true(acltrace_registry_find_containing(probes[k], &out));
			assert_int_equal(out.addr, a);
		}
	}
	assert_false(acltrace_registry_find_containing(base + 164, &out)); /* gap after block 2 */
	assert_false(acltrace_registry_find_containing(base + (2ull << 30), &out));
	assert_false(acltrace_registry_find_containing(base - 1, &out));
	/* Freed blocks no longer contain anything. */
	for (unsigned i = 0; i < sizeof(blocks) / sizeof(blocks[0]); i++)
		assert_int_equal(acltrace_registry_release(blocks[i].addr, 0, 0, 1, &out),
				 ACLTRACE_RELEASED);
	assert_false(acltrace_registry_find_containing(base + (1ull << 30) + 12345, &out));
	assert_false(acltrace_registry_find_containing(base + 70, &out));
}

static void count_live(struct acltrace_rec *rec, void *ctx)
{
	(void)rec;
	++*(uint64_t *)ctx;
}

/* A million live buffers, all found again; then all released. */
static void test_million(void **state)
{
	const uint64_t n = 1000000, base = 0x100000000000ull;
	uint64_t live = 0, count, bytes, ins0, rel0, ins1, rel1;
	struct acltrace_rec out;

	(void)state;
	acltrace_registry_totals(&ins0, &rel0);
	for (uint64_t i = 0; i < n; i++) {
		struct acltrace_rec r = make(base + i * 192, 128, ACLTRACE_POOL_DEVICE);
		assert_false(acltrace_registry_insert(&r));
	}
	acltrace_registry_foreach_live(count_live, &live);
	assert_true(live >= n);
	/* Interior pointers resolve at this scale too (a scan: a few suffice). */
	for (uint64_t i = 0; i < n; i += n / 4 - 1) {
		assert_true(acltrace_registry_find_containing(base + i * 192 + 100, &out));
		assert_int_equal(out.addr, base + i * 192);
	}
	acltrace_registry_pool_usage(ACLTRACE_POOL_DEVICE, &count, &bytes);
	assert_int_equal(count, n);
	assert_int_equal(bytes, n * 128);
	for (uint64_t i = 0; i < n; i++)
		assert_int_equal(acltrace_registry_release(base + i * 192, 0, 0, 1, &out),
				 ACLTRACE_RELEASED);
	acltrace_registry_pool_usage(ACLTRACE_POOL_DEVICE, &count, &bytes);
	assert_int_equal(count, 0);
	acltrace_registry_totals(&ins1, &rel1);
	assert_int_equal(ins1 - ins0, n);
	assert_int_equal(rel1 - rel0, n);
}

/* After fork, the parent's live records are the parent's: not live, named as such. */
static void test_fork_generation(void **state)
{
	struct acltrace_rec r = make(0x40000, 10, ACLTRACE_POOL_DEVICE), out;
	uint64_t live = 0, count, bytes;
	uint32_t gen = acltrace_registry_generation();

	(void)state;
	acltrace_registry_insert(&r);
	acltrace_registry_atfork_prepare();
	acltrace_registry_atfork_child(); /* as in a child */
	assert_int_equal(acltrace_registry_generation(), gen + 1);
	acltrace_registry_foreach_live(count_live, &live);
	assert_int_equal(live, 0);
	acltrace_registry_pool_usage(ACLTRACE_POOL_DEVICE, &count, &bytes);
	assert_int_equal(count, 0);
	assert_int_equal(acltrace_registry_release(0x40000, 0, 0, 1, &out), ACLTRACE_PARENT);
	/* The child's own allocation at that address is the child's. */
	acltrace_registry_insert(&r);
	assert_int_equal(acltrace_registry_release(0x40000, 0, 0, 1, &out), ACLTRACE_RELEASED);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_release_and_double),
		cmocka_unit_test(test_unrelease),
		cmocka_unit_test(test_interior),
		cmocka_unit_test(test_interval_index),
		cmocka_unit_test(test_million),
		cmocka_unit_test(test_fork_generation),
	};
	return cmocka_run_group_tests(tests, setup, NULL);
}
