/* SPDX-License-Identifier: MIT */
/* The ACLTRACE_* table: defaults, valid values, bad values (message + default). */
#include <fcntl.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* cmocka.h needs the headers above first. */
/* clang-format off */
#include <cmocka.h>
/* clang-format on */

#include "acltrace_options.h"

/* Parses with stderr captured; returns what was written. */
static const char *parse_capturing(void)
{
	static char text[4096];
	char path[] = "/tmp/acltrace_options_XXXXXX";
	int fd = mkstemp(path), saved = dup(2);
	ssize_t n;

	assert_true(fd >= 0 && saved >= 0);
	dup2(fd, 2);
	acltrace_options_parse();
	dup2(saved, 2);
	close(saved);
	n = pread(fd, text, sizeof(text) - 1, 0);
	text[n > 0 ? n : 0] = '\0';
	close(fd);
	unlink(path);
	return text;
}

static void clear(void)
{
	unsetenv("ACLTRACE_BT_DEPTH");
	unsetenv("ACLTRACE_MODE");
	unsetenv("ACLTRACE_ABORT_ON_ERROR");
	unsetenv("ACLTRACE_LOG");
	unsetenv("ACLTRACE_NOPE");
}

static void test_defaults(void **state)
{
	(void)state;
	clear();
	assert_string_equal(parse_capturing(), "");
	assert_int_equal(acltrace_option_int(ACLTRACE_OPT_BT_DEPTH), 16);
	assert_int_equal(acltrace_option_int(ACLTRACE_OPT_MODE), ACLTRACE_MODE_OBSERVE);
	assert_int_equal(acltrace_option_int(ACLTRACE_OPT_ABORT_ON_ERROR), 0);
	assert_int_equal(acltrace_option_int(ACLTRACE_OPT_LEAKS), 1);
	assert_string_equal(acltrace_option_str(ACLTRACE_OPT_LOG), "");
}

static void test_values(void **state)
{
	(void)state;
	clear();
	setenv("ACLTRACE_BT_DEPTH", "0", 1);
	setenv("ACLTRACE_MODE", "enforce", 1);
	setenv("ACLTRACE_ABORT_ON_ERROR", "yes", 1);
	setenv("ACLTRACE_LOG", "/tmp/x.%p", 1);
	assert_string_equal(parse_capturing(), "");
	assert_int_equal(acltrace_option_int(ACLTRACE_OPT_BT_DEPTH), 0);
	assert_int_equal(acltrace_option_int(ACLTRACE_OPT_MODE), ACLTRACE_MODE_ENFORCE);
	assert_int_equal(acltrace_option_int(ACLTRACE_OPT_ABORT_ON_ERROR), 1);
	assert_string_equal(acltrace_option_str(ACLTRACE_OPT_LOG), "/tmp/x.%p");
}

static void test_bad_values(void **state)
{
	const char *msg;

	(void)state;
	clear();
	setenv("ACLTRACE_BT_DEPTH", "65", 1);
	setenv("ACLTRACE_MODE", "loud", 1);
	setenv("ACLTRACE_ABORT_ON_ERROR", "2", 1);
	setenv("ACLTRACE_NOPE", "1", 1);
	msg = parse_capturing();
	assert_non_null(strstr(msg, "ACLTRACE_BT_DEPTH='65' is not valid (expected a decimal "
				    "number in [0, 64]); using the default '16'"));
	assert_non_null(strstr(msg, "ACLTRACE_MODE='loud' is not valid"));
	assert_non_null(strstr(msg, "ACLTRACE_ABORT_ON_ERROR='2' is not valid"));
	assert_non_null(strstr(msg, "unknown option ACLTRACE_NOPE ignored"));
	assert_int_equal(acltrace_option_int(ACLTRACE_OPT_BT_DEPTH), 16);
	assert_int_equal(acltrace_option_int(ACLTRACE_OPT_MODE), ACLTRACE_MODE_OBSERVE);
	assert_int_equal(acltrace_option_int(ACLTRACE_OPT_ABORT_ON_ERROR), 0);
	clear();
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_defaults),
		cmocka_unit_test(test_values),
		cmocka_unit_test(test_bad_values),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
