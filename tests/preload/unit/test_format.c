/* SPDX-License-Identifier: MIT */
/* The no-allocation formatter against the C library's snprintf. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

/* cmocka.h needs the headers above first. */
/* clang-format off */
#include <cmocka.h>
/* clang-format on */

#include "acltrace_log.h"

#define SAME(...)                                            \
	do {                                                 \
		char want_[256], mem_[256];                  \
		struct acltrace_buf b_;                      \
		snprintf(want_, sizeof(want_), __VA_ARGS__); \
		acltrace_buf_init(&b_, mem_, sizeof(mem_));  \
		acltrace_buf_printf(&b_, __VA_ARGS__);       \
		assert_string_equal(mem_, want_);            \
		assert_int_equal(b_.len, strlen(want_));     \
	} while (0)

static void test_conversions(void **state)
{
	(void)state;
	SAME("plain text");
	SAME("%d %d %d", 0, -1, 2147483647);
	SAME("%i|%5d|%-5d|%05d", -42, 42, 42, 42);
	SAME("%u %x %lu %lx", 3000000000u, 0xdeadbeefu, 18446744073709551615ul, 0xfful);
	SAME("%llu %lld", 12345678901234ull, -12345678901234ll);
	SAME("%zu %zd", (size_t)77, (ptrdiff_t)-77);
	SAME("%p %p", (void *)0x1234, (void *)0x7fffdeadbeef);
	SAME("[%s] [%10s] [%-10s]", "abc", "abc", "abc");
	SAME("%c%c 100%%", 'o', 'k');
	SAME("%016lx", 0xabcul);
}

static void test_truncation(void **state)
{
	char mem[8];
	struct acltrace_buf b;

	(void)state;
	acltrace_buf_init(&b, mem, sizeof(mem));
	acltrace_buf_printf(&b, "%s", "0123456789");
	assert_string_equal(mem, "0123456");
	assert_int_equal(b.len, 7);
	acltrace_buf_printf(&b, "more");
	assert_string_equal(mem, "0123456");
}

static void test_null_string(void **state)
{
	char mem[32];
	struct acltrace_buf b;
	const char *volatile null = NULL; /* hidden from the format checker on purpose */

	(void)state;
	acltrace_buf_init(&b, mem, sizeof(mem));
	acltrace_buf_printf(&b, "%s", null);
	assert_string_equal(mem, "(null)");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_conversions),
		cmocka_unit_test(test_truncation),
		cmocka_unit_test(test_null_string),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
