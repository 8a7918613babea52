/* SPDX-License-Identifier: MIT */
/* Stack capture and interning: one id per distinct call stack, frames retrievable by id. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

/* cmocka.h needs the headers above first. */
/* clang-format off */
#include <cmocka.h>
/* clang-format on */

#include "acltrace_stack.h"

static __attribute__((noinline)) uint32_t site_a(void)
{
	uint32_t id = acltrace_stack_capture(16);
	__asm__ volatile("" ::: "memory"); /* keep the call out of tail position */
	return id;
}

static __attribute__((noinline)) uint32_t site_b(void)
{
	uint32_t id = acltrace_stack_capture(16);
	__asm__ volatile("" ::: "memory");
	return id;
}

static void test_ids(void **state)
{
	uint32_t a[2], a1, a2, b, top;
	uint64_t frames[ACLTRACE_STACK_MAX_DEPTH];
	unsigned depth = 0;

	(void)state;
	acltrace_stack_init();
	acltrace_stack_set_skip_range(0, 0); /* here the engine is part of the program */
	/* One call instruction (the loop must stay a loop), so one stack. */
	for (volatile int i = 0; i < 2; i++)
		a[i] = site_a();
	a1 = a[0];
	a2 = a[1];
	b = site_b();
	assert_true(a1 != 0);
	assert_int_equal(a1, a2);
	assert_true(b != 0 && b != a1);
	top = acltrace_stack_count();
	assert_true(top >= 2 && a1 <= top && b <= top);
	assert_true(acltrace_stack_lookup(a1, frames, &depth));
	assert_true(depth >= 2 && depth <= 16);
	/* One of the innermost frames is the return address inside site_a. */
	{
		int in_site_a = 0;
		for (unsigned i = 0; i < depth && i < 3; i++)
			in_site_a |= frames[i] > (uint64_t)(uintptr_t)site_a &&
				     frames[i] < (uint64_t)(uintptr_t)site_a + 256;
		assert_true(in_site_a);
	}
	assert_false(acltrace_stack_lookup(0, frames, &depth));
	assert_false(acltrace_stack_lookup(top + 1, frames, &depth));
}

static void test_depth(void **state)
{
	uint64_t frames[ACLTRACE_STACK_MAX_DEPTH];
	unsigned depth = 0;
	uint32_t id;

	(void)state;
	acltrace_stack_set_skip_range(0, 0);
	assert_int_equal(acltrace_stack_capture(0), 0);
	id = acltrace_stack_capture(1);
	assert_true(acltrace_stack_lookup(id, frames, &depth));
	assert_int_equal(depth, 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_ids),
		cmocka_unit_test(test_depth),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
