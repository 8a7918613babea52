/* SPDX-License-Identifier: MIT */
/* cmocka.h needs these headers first; the order is kept out of include sorting. */
#ifndef ACLTRACE_MODEL_TEST_CMOCKA_H
#define ACLTRACE_MODEL_TEST_CMOCKA_H

// clang-format off
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
// clang-format on

#endif
