/* SPDX-License-Identifier: MIT */
/* cmocka.h with the headers it expects before it, in that order. */
#ifndef V1_CMOCKA_H
#define V1_CMOCKA_H

/* clang-format off */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
/* clang-format on */

#endif
