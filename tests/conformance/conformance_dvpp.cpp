// SPDX-License-Identifier: MIT
// The same checks, compiled as C++17: the headers must work in both languages.
#include "conformance_dvpp.c"
