/* SPDX-License-Identifier: MIT */
/* The range index of the use-site checks, the picture sizes and the per-SoC rule table. */
/* cmocka needs its prerequisites first: keep this order. */
/* clang-format off */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
/* clang-format on */

#include "acltrace_picture.h"
#include "acltrace_rindex.h"
#include "acltrace_types.h"

#define BASE 0x100000000000ull

static void test_exact_and_interior(void **state)
{
	struct acltrace_range r;

	(void)state;
	assert_true(acltrace_rindex_init());
	/* Sizes across every level, packed back to back as the runtime places them. */
	acltrace_rindex_insert(BASE, 64, ACLTRACE_POOL_DVPP, 3);
	acltrace_rindex_insert(BASE + 128, 5000, ACLTRACE_POOL_DEVICE, 1);
	acltrace_rindex_insert(BASE + (1ull << 20), 3u << 20, ACLTRACE_POOL_DVPP, 3);
	acltrace_rindex_insert(BASE + (1ull << 30), 5ull << 30, ACLTRACE_POOL_DEVICE, 1);
	assert_true(acltrace_rindex_find(BASE, &r));
	assert_int_equal(r.start, BASE);
	assert_int_equal(r.len, 64);
	assert_int_equal(r.pool, ACLTRACE_POOL_DVPP);
	assert_true(r.live);
	assert_true(acltrace_rindex_find(BASE + 63, &r));
	assert_int_equal(r.start, BASE);
	assert_false(acltrace_rindex_find(BASE + 64, &r)); /* the gap after the 64 bytes */
	assert_true(acltrace_rindex_find(BASE + 128 + 4999, &r));
	assert_int_equal(r.start, BASE + 128);
	assert_false(acltrace_rindex_find(BASE + 128 + 5000, &r));
	assert_true(acltrace_rindex_find(BASE + (1ull << 20) + (2ull << 20) + 7, &r));
	assert_int_equal(r.len, 3u << 20);
	/* A buffer larger than the largest granule is found from any of its granules. */
	assert_true(acltrace_rindex_find(BASE + (1ull << 30) + (4ull << 30) + 1, &r));
	assert_int_equal(r.start, BASE + (1ull << 30));
	assert_int_equal(acltrace_rindex_live(), 4);
}

static void test_release_keeps_freed(void **state)
{
	struct acltrace_range r;

	(void)state;
	acltrace_rindex_release(BASE + 128, 5000);
	assert_true(acltrace_rindex_find(BASE + 200, &r));
	assert_false(r.live);
	assert_int_equal(r.start, BASE + 128);
	/* A new allocation at the same start wins over the freed one. */
	acltrace_rindex_insert(BASE + 128, 100, ACLTRACE_POOL_DVPP, 3);
	assert_true(acltrace_rindex_find(BASE + 130, &r));
	assert_true(r.live);
	assert_int_equal(r.len, 100);
	/* Past the new one, the old freed extent still answers. */
	assert_true(acltrace_rindex_find(BASE + 128 + 4000, &r));
	assert_false(r.live);
	/* A failed free makes the allocation live again. */
	acltrace_rindex_release(BASE, 64);
	assert_true(acltrace_rindex_find(BASE + 1, &r));
	assert_false(r.live);
	acltrace_rindex_unrelease(BASE, 0);
	assert_true(acltrace_rindex_find(BASE + 1, &r));
	assert_true(r.live);
}

static void test_many_and_churn(void **state)
{
	const uint64_t base = BASE + (64ull << 30);
	struct acltrace_range r;

	(void)state;
	for (uint64_t i = 0; i < 200000; i++)
		acltrace_rindex_insert(base + i * 256, 200, ACLTRACE_POOL_DEVICE, 1);
	for (uint64_t i = 0; i < 200000; i += 997) {
		assert_true(acltrace_rindex_find(base + i * 256 + 199, &r));
		assert_int_equal(r.start, base + i * 256);
		assert_false(acltrace_rindex_find(base + i * 256 + 200, &r));
	}
	/* Free them all: only the newest frees stay known as freed; the index does not grow. */
	for (uint64_t i = 0; i < 200000; i++)
		acltrace_rindex_release(base + i * 256, 200);
	assert_true(acltrace_rindex_find(base + 199999 * 256, &r));
	assert_false(r.live);
	assert_false(acltrace_rindex_find(base + 5, &r));
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
	return cmocka_run_group_tests(tests, NULL, NULL);
}
