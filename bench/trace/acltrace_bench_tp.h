/* SPDX-License-Identifier: MIT */
/*
 * The reference the trace benchmark compares with: a bare LTTng-UST allocation event carrying
 * its whole stack (what a tracer without stack ids writes for every allocation).
 */
/* The provider macros read better laid out by hand. */
/* clang-format off */
#undef LTTNG_UST_TRACEPOINT_PROVIDER
#define LTTNG_UST_TRACEPOINT_PROVIDER acltrace_bench

#undef LTTNG_UST_TRACEPOINT_INCLUDE
#define LTTNG_UST_TRACEPOINT_INCLUDE "acltrace_bench_tp.h"

#if !defined(ACLTRACE_BENCH_TP_H) || defined(LTTNG_UST_TRACEPOINT_HEADER_MULTI_READ)
#define ACLTRACE_BENCH_TP_H

#include <lttng/tracepoint.h>
#include <stdint.h>

LTTNG_UST_TRACEPOINT_EVENT(acltrace_bench, alloc,
	LTTNG_UST_TP_ARGS(uint32_t, run, uint64_t, size, uint64_t, addr, int32_t, rc,
			  const uint64_t *, frames, uint8_t, depth),
	LTTNG_UST_TP_FIELDS(
		lttng_ust_field_integer(uint32_t, run, run)
		lttng_ust_field_integer(uint64_t, size, size)
		lttng_ust_field_integer_hex(uint64_t, addr, addr)
		lttng_ust_field_integer(int32_t, rc, rc)
		lttng_ust_field_sequence_hex(uint64_t, frames, frames, uint8_t, depth)))

#endif

#include <lttng/tracepoint-event.h>
