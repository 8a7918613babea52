/* SPDX-License-Identifier: MIT */
/* The registry as the use sites query it (start and interior pointers, freed blocks), and the
 * picture size table. */
/* cmocka needs its prerequisites first: keep this order. */
/* clang-format off */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
/* clang-format on */

#include "acltrace_picture.h"
#include "acltrace_registry.h"
#include "acltrace_types.h"

#define BASE 0x100000000000ull

static void insert(uint64_t addr, uint64_t size, unsigned pool, unsigned api)
{
	struct acltrace_rec rec = { 0 };

	rec.addr = addr;
	rec.requested = size;
	rec.rounded = (size + 31) / 32 * 32 + 32;
	rec.pool = (uint8_t)pool;
	rec.api = (uint8_t)api;
	rec.state = ACLTRACE_REC_LIVE;
	rec.generation = acltrace_registry_generation();
	acltrace_registry_insert(&rec);
}

static int setup(void **state)
{
	(void)state;
	return acltrace_registry_init() ? 0 : -1;
}

static void test_exact_and_interior(void **state)
{
	struct acltrace_rec r;

	(void)state;
	insert(BASE, 64, ACLTRACE_POOL_DVPP, 3);
	insert(BASE + 128, 5000, ACLTRACE_POOL_DEVICE, 1);
	insert(BASE + (1ull << 20), 3u << 20, ACLTRACE_POOL_DVPP, 3);
	insert(BASE + (1ull << 30), 5ull << 30, ACLTRACE_POOL_DEVICE, 1);

	assert_true(acltrace_registry_find(BASE, &r));
	assert_int_equal(r.addr, BASE);
	assert_int_equal(r.pool, ACLTRACE_POOL_DVPP);
	assert_true(acltrace_registry_find(BASE + 63, &r));
	assert_int_equal(r.addr, BASE);
	/* the padding after the 64 requested bytes belongs to no use */
	assert_false(acltrace_registry_find(BASE + 64, &r));
	assert_true(acltrace_registry_find(BASE + 128 + 4999, &r));
	assert_int_equal(r.addr, BASE + 128);
	assert_false(acltrace_registry_find(BASE + 128 + 5000, &r));
	/* large blocks are found from deep inside, several granules past their start */
	assert_true(acltrace_registry_find(BASE + (1ull << 20) + (2ull << 20) + 7, &r));
	assert_int_equal(r.addr, BASE + (1ull << 20));
	assert_true(acltrace_registry_find(BASE + (1ull << 30) + (4ull << 30) + 1, &r));
	assert_int_equal(r.addr, BASE + (1ull << 30));
	assert_int_equal(r.requested, 5ull << 30);
}

static void test_release_keeps_freed(void **state)
{
	struct acltrace_rec r;
	const uint64_t b = BASE + (1ull << 40);

	(void)state;
	insert(b, 5000, ACLTRACE_POOL_DEVICE, 1);
	assert_int_equal(acltrace_registry_release(b, 1, 0, 1, &r), ACLTRACE_RELEASED);
	/* an interior pointer into freed memory is still recognised, as freed */
	assert_true(acltrace_registry_find(b + 200, &r));
	assert_int_equal(r.state, ACLTRACE_REC_FREED);
	assert_int_equal(r.addr, b);
	/* a new live block at the same start wins over the remembered free one */
	insert(b, 100, ACLTRACE_POOL_DVPP, 3);
	assert_true(acltrace_registry_find(b + 50, &r));
	assert_int_equal(r.state, ACLTRACE_REC_LIVE);
	assert_int_equal(r.requested, 100);
	/* a free whose real free failed is undone: the block is live again */
	assert_int_equal(acltrace_registry_release(b, 3, 0, 1, &r), ACLTRACE_RELEASED);
	acltrace_registry_unrelease(b, acltrace_registry_generation());
	assert_true(acltrace_registry_find(b + 1, &r));
	assert_int_equal(r.state, ACLTRACE_REC_LIVE);
}

static void test_many_and_churn(void **state)
{
	struct acltrace_rec r;
	const uint64_t base = BASE + (2ull << 40);
	const unsigned n = 200000;

	(void)state;
	for (unsigned i = 0; i < n; i++)
		insert(base + (uint64_t)i * 256, 200, ACLTRACE_POOL_DEVICE, 1);
	for (unsigned i = 0; i < n; i += 997) {
		assert_true(acltrace_registry_find(base + (uint64_t)i * 256 + 199, &r));
		assert_int_equal(r.addr, base + (uint64_t)i * 256);
		assert_false(acltrace_registry_find(base + (uint64_t)i * 256 + 200, &r));
	}
	for (unsigned i = 0; i < n; i++)
		assert_int_equal(acltrace_registry_release(base + (uint64_t)i * 256, 1, 0, 1, &r),
				 ACLTRACE_RELEASED);
	for (unsigned i = 0; i < n; i += 997) {
		if (acltrace_registry_find(base + (uint64_t)i * 256 + 10, &r))
			assert_int_equal(r.state, ACLTRACE_REC_FREED);
	}
}

static void test_picture_bytes(void **state)
{
	(void)state;
	assert_int_equal(acltrace_picture_bytes(1, 64, 64), 64 * 64 * 3 / 2); /* NV12 */
	assert_int_equal(acltrace_picture_bytes(2, 1920, 1080), 1920 * 1080 * 3 / 2);
	assert_int_equal(acltrace_picture_bytes(3, 64, 64), 64 * 64 * 2); /* YUV422SP */
	assert_int_equal(acltrace_picture_bytes(5, 64, 64), 64 * 64 * 3); /* YUV444SP */
	assert_int_equal(acltrace_picture_bytes(12, 192, 64), 192 * 64);  /* RGB888: bytes */
	assert_int_equal(acltrace_picture_bytes(0, 64, 64), 64 * 64);	  /* YUV400 */
	assert_int_equal(acltrace_picture_bytes(9999, 64, 64), 0);	  /* no rule */
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_exact_and_interior),
		cmocka_unit_test(test_release_keeps_freed),
		cmocka_unit_test(test_many_and_churn),
		cmocka_unit_test(test_picture_bytes),
	};
	return cmocka_run_group_tests(tests, setup, NULL);
}
