/* SPDX-License-Identifier: MIT */
/* Shared by the simulated runtime's tests: cmocka plus set-up of an initialized device. */
#ifndef SIM_TEST_H
#define SIM_TEST_H

/* cmocka.h needs these first. */
/* clang-format off */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
/* clang-format on */

#include "acl/acl.h"
#include "ascendsim.h"

#define SIM_MIB		   ((size_t)1024 * 1024)
#define SIM_GIB		   ((size_t)1024 * 1024 * 1024)
#define SIM_ALIGN_UP(x, a) ((((x) + (a)-1) / (a)) * (a))

/* aclInit + aclrtSetDevice(0); every test starts from a fresh runtime. */
static inline int sim_setup(void **state)
{
	(void)state;
	if (aclInit(NULL) != ACL_SUCCESS)
		return -1;
	return aclrtSetDevice(0) == ACL_SUCCESS ? 0 : -1;
}

static inline int sim_teardown(void **state)
{
	(void)state;
	aclrtResetDevice(0);
	return aclFinalize() == ACL_SUCCESS ? 0 : -1;
}

/*
 * argv[1], when given, selects tests by name (cmocka filter pattern). Without it, tests named
 * env_* are skipped: they need the environment their ctest entry sets.
 */
static inline void sim_test_filter(int argc, char **argv)
{
	if (argc > 1)
		cmocka_set_test_filter(argv[1]);
	else
		cmocka_set_skip_filter("env_*");
}

#define SIM_TEST(fn) cmocka_unit_test_setup_teardown(fn, sim_setup, sim_teardown)

#endif
