/* SPDX-License-Identifier: MIT */
/* Emitters: the JSON report parsed back with jansson and checked field by field; the text one. */
#include "acltrace_emit.h"
#include "analyzer_test_events.h"

#include <jansson.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

/* cmocka.h needs the headers above first */
// clang-format off
#include <cmocka.h>
// clang-format on

#define MIB (1ull << 20)

/* One process: a mismatched free, a leak at aclFinalize, a DVPP peak of 3 MiB. */
static struct acltrace_model *build(void)
{
	struct tb b = { .m = acltrace_model_create(NULL), .pid = 4242 };
	assert_non_null(b.m);
	tb_host(&b, "board1");
	tb_start(&b, 1, "Ascend310");
	struct acltrace_event pn = { .type = ACLTRACE_EV_PROCNAME, .str = "decoder" };
	tb_feed(&b, &pn);
	tb_stack(&b, 1, 0x401000);
	tb_stack(&b, 2, 0x402000);
	tb_stack(&b, 3, 0x403000);
	tb_lifecycle(&b, ACLTRACE_LC_INIT, -1);
	tb_alloc(&b, API_RT_MALLOC, 4096, 0x120000000000ull, 1);
	struct acltrace_event fr = { .type = ACLTRACE_EV_FREE, .tid = 4243 };
	fr.u.free.api = API_DVPP_FREE;
	fr.u.free.addr = 0x120000000000ull;
	fr.u.free.stack_id = 2;
	tb_feed(&b, &fr);
	tb_alloc(&b, API_DVPP_MALLOC, MIB, 0x100000000000ull, 3);
	tb_alloc(&b, API_DVPP_MALLOC, 2 * MIB, 0x100000200000ull, 3);
	tb_lifecycle(&b, ACLTRACE_LC_FINALIZE, -1);
	tb_lifecycle(&b, ACLTRACE_LC_EXIT, -1);
	assert_false(b.failed);
	assert_int_equal(acltrace_model_finish(b.m), 0);
	acltrace_model_apply_profile(b.m, NULL, NULL);
	return b.m;
}

static char *render(struct acltrace_model *m, bool json, bool colour)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&buf, &len);
	assert_non_null(out);
	struct acltrace_emitter *e =
	    json ? acltrace_emitter_json(out) : acltrace_emitter_text(out, colour);
	assert_non_null(e);
	const char *traces[] = { "/traces/t1/ust/uid/0/64-bit" };
	struct acltrace_report_info info = { .traces = traces,
					     .ntraces = 1,
					     .profile = acltrace_profile_by_name("ascend310"),
					     .profile_selected_by = "soc" };
	assert_int_equal(acltrace_report_emit(m, NULL, e, &info), 0);
	acltrace_emitter_destroy(e);
	fclose(out);
	return buf;
}

static json_t *find_kind(json_t *findings, const char *kind)
{
	size_t i;
	json_t *f;
	json_array_foreach(findings, i, f)
	{
		if (strcmp(json_string_value(json_object_get(f, "kind")), kind) == 0)
			return f;
	}
	return NULL;
}

static void test_json_fields(void **state)
{
	(void)state;
	struct acltrace_model *m = build();
	char *text = render(m, true, false);
	json_error_t err;
	json_t *root = json_loads(text, 0, &err);
	if (!root)
		fail_msg("JSON does not parse: %s at line %d", err.text, err.line);
	assert_string_equal(json_string_value(json_object_get(root, "schema")),
			    "acltrace-report/1");

	json_t *procs = json_object_get(root, "processes");
	assert_int_equal(json_array_size(procs), 1);
	json_t *p = json_array_get(procs, 0);
	assert_int_equal(json_integer_value(json_object_get(p, "pid")), 4242);
	assert_string_equal(json_string_value(json_object_get(p, "command")), "decoder");
	assert_string_equal(json_string_value(json_object_get(p, "host")), "board1");
	assert_string_equal(json_string_value(json_object_get(p, "soc")), "Ascend310");

	json_t *findings = json_object_get(root, "findings");
	assert_int_equal(json_array_size(findings), 2);
	/* misuse first, leaks after */
	assert_string_equal(json_string_value(json_object_get(json_array_get(findings, 0), "kind")),
			    "mismatched-free");
	json_t *mf = find_kind(findings, "mismatched-free");
	assert_non_null(mf);
	assert_string_equal(json_string_value(json_object_get(mf, "severity")), "error");
	assert_int_equal(json_integer_value(json_object_get(mf, "count")), 1);
	assert_int_equal(json_integer_value(json_object_get(mf, "pid")), 4242);
	assert_int_equal(json_integer_value(json_object_get(mf, "tid")), 4243);
	assert_string_equal(json_string_value(json_object_get(mf, "api")), "acldvppFree");
	assert_string_equal(json_string_value(json_object_get(mf, "address")), "0x120000000000");
	assert_int_equal(json_integer_value(json_object_get(mf, "size")), 4096);
	assert_string_equal(json_string_value(json_object_get(mf, "pool")), "device");
	assert_non_null(strstr(json_string_value(json_object_get(mf, "message")), "aclrtMalloc"));
	assert_true(json_is_false(json_object_get(mf, "uncertain")));
	json_t *stack = json_object_get(mf, "stack");
	assert_int_equal(json_array_size(stack), 2);
	assert_string_equal(json_string_value(json_object_get(json_array_get(stack, 0), "ip")),
			    "0x402000");
	assert_true(json_is_null(json_object_get(json_array_get(stack, 0), "function")));
	json_t *astack = json_object_get(mf, "alloc_stack");
	assert_string_equal(json_string_value(json_object_get(json_array_get(astack, 0), "ip")),
			    "0x401000");

	json_t *leak = find_kind(findings, "leak");
	assert_non_null(leak);
	assert_int_equal(json_integer_value(json_object_get(leak, "count")), 2);
	assert_int_equal(json_integer_value(json_object_get(leak, "bytes")), 3 * MIB);
	assert_string_equal(json_string_value(json_object_get(leak, "leak_when")), "finalize");

	json_t *pools = json_object_get(root, "pools");
	json_t *dvpp = NULL, *pl;
	size_t i;
	json_array_foreach(pools, i, pl)
	{
		if (strcmp(json_string_value(json_object_get(pl, "name")), "dvpp") == 0)
			dvpp = pl;
	}
	assert_non_null(dvpp);
	assert_int_equal(json_integer_value(json_object_get(dvpp, "device")), 0);
	assert_string_equal(json_string_value(json_object_get(dvpp, "host")), "board1");
	assert_int_equal(json_integer_value(json_object_get(dvpp, "peak_bytes")), 3 * MIB);
	assert_int_equal(json_integer_value(json_object_get(dvpp, "capacity_bytes")), 4ull << 30);
	assert_int_equal(json_integer_value(json_object_get(dvpp, "headroom_bytes")),
			 (4ll << 30) - 3 * MIB);
	assert_true(json_is_integer(json_object_get(dvpp, "peak_time")));
	assert_int_equal(json_integer_value(json_object_get(dvpp, "live_bytes_at_end")), 3 * MIB);
	json_t *top = json_object_get(dvpp, "top_sites_at_peak");
	assert_int_equal(json_array_size(top), 1);
	assert_int_equal(json_integer_value(json_object_get(json_array_get(top, 0), "bytes")),
			 3 * MIB);

	json_t *trace = json_object_get(root, "trace");
	assert_int_equal(json_integer_value(json_object_get(trace, "discarded_events")), 0);
	assert_true(json_is_false(json_object_get(trace, "started_mid_run")));
	json_t *sum = json_object_get(root, "summary");
	assert_int_equal(json_integer_value(json_object_get(sum, "errors")), 2);
	json_decref(root);
	free(text);
	acltrace_model_destroy(m);
}

static void test_text_blocks(void **state)
{
	(void)state;
	struct acltrace_model *m = build();
	char *plain = render(m, false, false);
	const char *block = strstr(plain, "==4242==ERROR: acltrace: mismatched-free");
	const char *leaks = strstr(plain, "\nLeaks\n");
	const char *pools = strstr(plain, "\nPools\n");
	assert_non_null(block);
	assert_non_null(leaks);
	assert_non_null(pools);
	assert_true(block < leaks && leaks < pools); /* findings, then leaks, then pools */
	assert_non_null(strstr(plain, "    #0 0x402000 in ??"));
	assert_non_null(strstr(plain, "SUMMARY: acltrace: 2 errors, 0 warnings"));
	assert_null(strchr(plain, '\033'));
	char *colour = render(m, false, true);
	assert_non_null(strstr(colour, "\033[1;31m==4242==ERROR"));
	uint64_t errors, warnings;
	acltrace_report_count(m, &errors, &warnings);
	assert_int_equal(errors, 2);
	assert_int_equal(warnings, 0);
	free(plain);
	free(colour);
	acltrace_model_destroy(m);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_json_fields),
		cmocka_unit_test(test_text_blocks),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
