/* SPDX-License-Identifier: MIT */
/* Option parsing of `acltrace run`/`record`: sizes, ranges, defaults and usage errors. */
/* cmocka.h needs these before it. */
/* clang-format off */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>
/* clang-format on */

#include "acltrace_cli.h"

static int parse(struct acltrace_run_opts *o, bool record, const char **argv)
{
	int argc = 0;
	while (argv[argc])
		argc++;
	memset(o, 0, sizeof(*o));
	o->record_only = record;
	/* getopt_long with "+" neither permutes nor writes the strings. */
	return acltrace_parse_run_opts(argc, (char **)argv, o);
}

static void test_sizes(void **state)
{
	uint64_t v = 0;
	(void)state;
	assert_true(acltrace_parse_size("4096", &v));
	assert_int_equal(v, 4096);
	assert_true(acltrace_parse_size("16K", &v));
	assert_int_equal(v, 16384);
	assert_true(acltrace_parse_size("8M", &v));
	assert_int_equal(v, 8u << 20);
	assert_true(acltrace_parse_size("2GiB", &v));
	assert_int_equal(v, 2ull << 30);
	assert_true(acltrace_parse_size("3m", &v));
	assert_int_equal(v, 3u << 20);
	assert_false(acltrace_parse_size("", &v));
	assert_false(acltrace_parse_size("-1", &v));
	assert_false(acltrace_parse_size("12X", &v));
	assert_false(acltrace_parse_size("M", &v));
	assert_false(acltrace_parse_size("99999999999999999999G", &v));
}

static void test_defaults_and_program(void **state)
{
	struct acltrace_run_opts o;
	const char *argv[] = { "run", "--", "prog", "-o", "x", NULL };
	(void)state;
	assert_int_equal(parse(&o, false, argv), 0);
	assert_null(o.out_dir);
	assert_int_equal(o.bt_depth, -1);
	assert_int_equal(o.format, ACLTRACE_FORMAT_TEXT);
	assert_int_equal(o.buffer_size, 4u << 20);
	assert_false(o.snapshot);
	/* PROGRAM's own options stay PROGRAM's. */
	assert_string_equal(o.argv[0], "prog");
	assert_string_equal(o.argv[1], "-o");
}

static void test_all_options(void **state)
{
	struct acltrace_run_opts o;
	const char *argv[] = { "run",
			       "-o",
			       "out",
			       "--format",
			       "json",
			       "--report",
			       "r.json",
			       "--mode",
			       "enforce",
			       "--bt-depth",
			       "8",
			       "--snapshot=1M",
			       "--buffer-size",
			       "64K",
			       "--shm-path",
			       "/var/tmp",
			       "--error-exitcode",
			       "9",
			       "-q",
			       "prog",
			       NULL };
	(void)state;
	assert_int_equal(parse(&o, false, argv), 0);
	assert_string_equal(o.out_dir, "out");
	assert_int_equal(o.format, ACLTRACE_FORMAT_JSON);
	assert_string_equal(o.report_file, "r.json");
	assert_string_equal(o.mode, "enforce");
	assert_int_equal(o.bt_depth, 8);
	assert_true(o.snapshot);
	assert_int_equal(o.snapshot_size, 1u << 20);
	assert_int_equal(o.buffer_size, 64u << 10);
	assert_string_equal(o.shm_path, "/var/tmp");
	assert_true(o.has_error_exitcode);
	assert_int_equal(o.error_exitcode, 9);
	assert_true(o.quiet);
	assert_string_equal(o.argv[0], "prog");
}

static void test_snapshot_default(void **state)
{
	struct acltrace_run_opts o;
	const char *argv[] = { "record", "--snapshot", "--", "prog", NULL };
	(void)state;
	assert_int_equal(parse(&o, true, argv), 0);
	assert_true(o.snapshot);
	assert_int_equal(o.snapshot_size, 8u << 20);
}

static void test_usage_errors(void **state)
{
	struct acltrace_run_opts o;
	const char *no_prog[] = { "run", NULL };
	const char *bad_fmt[] = { "run", "--format", "xml", "--", "p", NULL };
	const char *bad_mode[] = { "run", "--mode", "strict", "--", "p", NULL };
	const char *bad_depth[] = { "run", "--bt-depth", "65", "--", "p", NULL };
	const char *neg_depth[] = { "run", "--bt-depth", "-1", "--", "p", NULL };
	const char *small_buf[] = { "run", "--buffer-size", "4K", "--", "p", NULL };
	const char *bad_code[] = { "run", "--error-exitcode", "256", "--", "p", NULL };
	const char *both[] = { "run", "--snapshot", "--no-loss", "--", "p", NULL };
	const char *unknown[] = { "run", "--frobnicate", "--", "p", NULL };
	const char *missing[] = { "run", "-o", NULL };
	const char *rec_report[] = { "record", "--report", "f", "--", "p", NULL };
	(void)state;
	assert_int_equal(parse(&o, false, no_prog), ACLTRACE_EXIT_USAGE);
	assert_int_equal(parse(&o, false, bad_fmt), ACLTRACE_EXIT_USAGE);
	assert_int_equal(parse(&o, false, bad_mode), ACLTRACE_EXIT_USAGE);
	assert_int_equal(parse(&o, false, bad_depth), ACLTRACE_EXIT_USAGE);
	assert_int_equal(parse(&o, false, neg_depth), ACLTRACE_EXIT_USAGE);
	assert_int_equal(parse(&o, false, small_buf), ACLTRACE_EXIT_USAGE);
	assert_int_equal(parse(&o, false, bad_code), ACLTRACE_EXIT_USAGE);
	assert_int_equal(parse(&o, false, both), ACLTRACE_EXIT_USAGE);
	assert_int_equal(parse(&o, false, unknown), ACLTRACE_EXIT_USAGE);
	assert_int_equal(parse(&o, false, missing), ACLTRACE_EXIT_USAGE);
	assert_int_equal(parse(&o, true, rec_report), ACLTRACE_EXIT_USAGE);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sizes),	     cmocka_unit_test(test_defaults_and_program),
		cmocka_unit_test(test_all_options),  cmocka_unit_test(test_snapshot_default),
		cmocka_unit_test(test_usage_errors),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
