/* SPDX-License-Identifier: MIT */
/*
 * Symbolization with libdwfl on this very test binary (built with -g -O0): a return address
 * taken at a known line must come back as this file, that line and the calling function, the
 * way a recorded stack frame does; an object without a file gives module+offset only.
 */
#define _GNU_SOURCE
#include "acltrace_model.h"
#include "acltrace_symbolize.h"

#include <dlfcn.h>
#include <elfutils/libdwelf.h>
#include <fcntl.h>
#include <gelf.h>
#include <link.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* cmocka.h needs the headers above first */
// clang-format off
#include <cmocka.h>
// clang-format on

__attribute__((noinline)) static uint64_t return_address(void)
{
	return (uint64_t)(uintptr_t)__builtin_return_address(0);
}

static int known_line;

__attribute__((noinline)) static uint64_t analyzer_symbolize_caller(void)
{
	/* the call and __LINE__ must share a line */
	// clang-format off
	uint64_t ra = return_address(); known_line = __LINE__;
	// clang-format on
	return ra;
}

/* Feeds a process whose only module is this executable at its real load base. */
static struct acltrace_model *model_with_self(uint64_t ip, const char *path)
{
	Dl_info info;
	struct acltrace_model *m = acltrace_model_create(NULL);
	assert_non_null(m);
	assert_true(dladdr((void *)(uintptr_t)ip, &info) != 0);
	struct acltrace_event ev = { .type = ACLTRACE_EV_PROCESS, .pid = 7, .time_ns = 1 };
	ev.u.process.generation = 1;
	assert_int_equal(acltrace_model_feed(m, &ev), 0);
	struct acltrace_event mod = { .type = ACLTRACE_EV_MODULE, .pid = 7, .time_ns = 2 };
	mod.u.module.base = (uint64_t)(uintptr_t)info.dli_fbase;
	mod.u.module.memsz = 1ull << 30;
	mod.u.module.is_pic = 1;
	mod.str = path ? path : info.dli_fname;
	assert_int_equal(acltrace_model_feed(m, &mod), 0);
	assert_int_equal(acltrace_model_finish(m), 0);
	return m;
}

static void test_function_file_line(void **state)
{
	(void)state;
	uint64_t ip = analyzer_symbolize_caller();
	char exe[4096];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	assert_true(n > 0);
	exe[n] = '\0';
	struct acltrace_model *m = model_with_self(ip, exe);
	struct acltrace_symbolizer *s = acltrace_symbolizer_create(NULL, NULL);
	assert_non_null(s);
	struct acltrace_frame fr;
	acltrace_symbolize(s, acltrace_model_processes(m), ip, &fr);
	assert_non_null(fr.module);
	assert_string_equal(fr.module, exe);
	assert_non_null(fr.function);
	assert_string_equal(fr.function, "analyzer_symbolize_caller");
	assert_non_null(fr.file);
	const char *base = strrchr(fr.file, '/');
	assert_string_equal(base ? base + 1 : fr.file, "test_symbolize.c");
	assert_int_equal(fr.line, known_line);
	/* the cache answers the same */
	struct acltrace_frame again;
	acltrace_symbolize(s, acltrace_model_processes(m), ip, &again);
	assert_ptr_equal(again.function, fr.function);
	assert_int_equal(again.line, fr.line);
	acltrace_symbolizer_destroy(s);
	acltrace_model_destroy(m);
}

/* A --sysroot that holds the binary under the recorded path finds it there. */
static void test_sysroot(void **state)
{
	(void)state;
	uint64_t ip = analyzer_symbolize_caller();
	char exe[4096];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	assert_true(n > 0);
	exe[n] = '\0';
	char root[] = "/tmp/acltrace-sysroot-XXXXXX";
	assert_non_null(mkdtemp(root));
	char link_path[4200];
	snprintf(link_path, sizeof(link_path), "%s/acltrace-test-binary", root);
	assert_int_equal(symlink(exe, link_path), 0);
	struct acltrace_model *m = model_with_self(ip, "/acltrace-test-binary");
	struct acltrace_symbolizer *s = acltrace_symbolizer_create(NULL, root);
	struct acltrace_frame fr;
	acltrace_symbolize(s, acltrace_model_processes(m), ip, &fr);
	assert_non_null(fr.function);
	assert_string_equal(fr.function, "analyzer_symbolize_caller");
	assert_int_equal(fr.line, known_line);
	acltrace_symbolizer_destroy(s);
	acltrace_model_destroy(m);
	unlink(link_path);
	rmdir(root);
}

static void test_module_offset_without_file(void **state)
{
	(void)state;
	uint64_t ip = analyzer_symbolize_caller();
	struct acltrace_model *m = model_with_self(ip, "/nonexistent/libgone.so");
	struct acltrace_symbolizer *s = acltrace_symbolizer_create(NULL, NULL);
	struct acltrace_frame fr;
	Dl_info info;
	assert_true(dladdr((void *)(uintptr_t)ip, &info) != 0);
	acltrace_symbolize(s, acltrace_model_processes(m), ip, &fr);
	assert_string_equal(fr.module, "/nonexistent/libgone.so");
	assert_null(fr.function);
	assert_null(fr.file);
	/* the first PT_LOAD of the missing file is unknown: offset from the load base */
	assert_int_equal(fr.offset, ip - (uint64_t)(uintptr_t)info.dli_fbase);
	/* an address outside every module has no module at all */
	acltrace_symbolize(s, acltrace_model_processes(m), 16, &fr);
	assert_null(fr.module);
	acltrace_symbolizer_destroy(s);
	acltrace_model_destroy(m);
}

/* Reads the GNU build id of a file with libelf; returns its length, 0 when none. */
static size_t build_id_of(const char *path, uint8_t *out, size_t cap)
{
	size_t n = 0;
	int fd = open(path, O_RDONLY);
	if (fd < 0)
		return 0;
	elf_version(EV_CURRENT);
	Elf *elf = elf_begin(fd, ELF_C_READ, NULL);
	const void *id = NULL;
	ssize_t len = elf ? dwelf_elf_gnu_build_id(elf, &id) : -1;
	if (len > 0 && (size_t)len <= cap) {
		memcpy(out, id, (size_t)len);
		n = (size_t)len;
	}
	if (elf)
		elf_end(elf);
	close(fd);
	return n;
}

/*
 * A stripped copy of this binary, its debug information split into DIR/.build-id/xx/yy.debug:
 * --debug-dir DIR finds the function and line by the build id the trace recorded.
 */
static void test_debug_dir_by_build_id(void **state)
{
	(void)state;
	uint64_t ip = analyzer_symbolize_caller();
	char exe[1024], cmd[8192], dbg[1200], stripped[1200], idpath[1400];
	uint8_t id[64];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	assert_true(n > 0);
	exe[n] = '\0';
	size_t idlen = build_id_of(exe, id, sizeof(id));
	if (idlen < 2 || system("command -v objcopy > /dev/null 2>&1") != 0)
		skip();
	char root[] = "/tmp/acltrace-debugdir-XXXXXX";
	assert_non_null(mkdtemp(root));
	snprintf(dbg, sizeof(dbg), "%s/.build-id/%02x", root, id[0]);
	snprintf(cmd, sizeof(cmd), "mkdir -p '%s'", dbg);
	assert_int_equal(system(cmd), 0);
	int k = snprintf(idpath, sizeof(idpath), "%s/", dbg);
	for (size_t i = 1; i < idlen; i++)
		k += snprintf(idpath + k, sizeof(idpath) - (size_t)k, "%02x", id[i]);
	snprintf(idpath + k, sizeof(idpath) - (size_t)k, ".debug");
	snprintf(stripped, sizeof(stripped), "%s/stripped", root);
	snprintf(cmd, sizeof(cmd),
		 "objcopy --only-keep-debug '%s' '%s' && objcopy --strip-all '%s' '%s'", exe,
		 idpath, exe, stripped);
	assert_int_equal(system(cmd), 0);

	/* the module and its build id, as the statedump records them */
	Dl_info info;
	assert_true(dladdr((void *)(uintptr_t)ip, &info) != 0);
	struct acltrace_event bid = { .type = ACLTRACE_EV_MODULE_BUILD_ID, .pid = 7, .time_ns = 3 };
	bid.u.module.base = (uint64_t)(uintptr_t)info.dli_fbase;
	bid.u.module.build_id_len = (uint32_t)idlen;
	bid.build_id = id;
	struct acltrace_model *m = acltrace_model_create(NULL);
	assert_non_null(m);
	struct acltrace_event ev = { .type = ACLTRACE_EV_PROCESS, .pid = 7, .time_ns = 1 };
	ev.u.process.generation = 1;
	assert_int_equal(acltrace_model_feed(m, &ev), 0);
	struct acltrace_event mod = { .type = ACLTRACE_EV_MODULE, .pid = 7, .time_ns = 2 };
	mod.u.module.base = bid.u.module.base;
	mod.u.module.memsz = 1ull << 30;
	mod.u.module.is_pic = 1;
	mod.str = stripped;
	assert_int_equal(acltrace_model_feed(m, &mod), 0);
	assert_int_equal(acltrace_model_feed(m, &bid), 0);
	assert_int_equal(acltrace_model_finish(m), 0);

	struct acltrace_frame fr;
	struct acltrace_symbolizer *without = acltrace_symbolizer_create(NULL, NULL);
	acltrace_symbolize(without, acltrace_model_processes(m), ip, &fr);
	assert_null(fr.file); /* stripped: no lines without the debug file */
	acltrace_symbolizer_destroy(without);

	struct acltrace_symbolizer *with = acltrace_symbolizer_create(root, NULL);
	acltrace_symbolize(with, acltrace_model_processes(m), ip, &fr);
	assert_non_null(fr.function);
	assert_string_equal(fr.function, "analyzer_symbolize_caller");
	assert_non_null(fr.file);
	assert_int_equal(fr.line, known_line);
	acltrace_symbolizer_destroy(with);
	acltrace_model_destroy(m);
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", root);
	assert_int_equal(system(cmd), 0);
}

/* The file on disk is another build than the one traced: its symbols would lie. */
static void test_build_id_mismatch(void **state)
{
	(void)state;
	uint64_t ip = analyzer_symbolize_caller();
	char exe[1024];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	assert_true(n > 0);
	exe[n] = '\0';
	Dl_info info;
	assert_true(dladdr((void *)(uintptr_t)ip, &info) != 0);
	struct acltrace_model *m = acltrace_model_create(NULL);
	struct acltrace_event ev = { .type = ACLTRACE_EV_PROCESS, .pid = 7, .time_ns = 1 };
	ev.u.process.generation = 1;
	assert_int_equal(acltrace_model_feed(m, &ev), 0);
	struct acltrace_event mod = { .type = ACLTRACE_EV_MODULE, .pid = 7, .time_ns = 2 };
	mod.u.module.base = (uint64_t)(uintptr_t)info.dli_fbase;
	mod.u.module.memsz = 1ull << 30;
	mod.u.module.is_pic = 1;
	mod.str = exe;
	assert_int_equal(acltrace_model_feed(m, &mod), 0);
	uint8_t wrong[20];
	memset(wrong, 0xab, sizeof(wrong));
	struct acltrace_event bid = { .type = ACLTRACE_EV_MODULE_BUILD_ID, .pid = 7, .time_ns = 3 };
	bid.u.module.base = mod.u.module.base;
	bid.u.module.build_id_len = sizeof(wrong);
	bid.build_id = wrong;
	assert_int_equal(acltrace_model_feed(m, &bid), 0);
	assert_int_equal(acltrace_model_finish(m), 0);
	struct acltrace_symbolizer *s = acltrace_symbolizer_create(NULL, NULL);
	struct acltrace_frame fr;
	acltrace_symbolize(s, acltrace_model_processes(m), ip, &fr);
	assert_string_equal(fr.module, exe);
	assert_null(fr.function);
	assert_null(fr.file);
	acltrace_symbolizer_destroy(s);
	acltrace_model_destroy(m);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_function_file_line),
		cmocka_unit_test(test_sysroot),
		cmocka_unit_test(test_module_offset_without_file),
		cmocka_unit_test(test_debug_dir_by_build_id),
		cmocka_unit_test(test_build_id_mismatch),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
