/* SPDX-License-Identifier: MIT */
/*
 * The `acltrace` LTTng-UST provider. docs/trace-format.md is the reference for every event and
 * field; change both together and bump ACLTRACE_TRACE_FORMAT_VERSION on incompatible changes.
 *
 * Layout rules: hot events (alloc, free, use, task_*) carry only integers (pointers as hex, small
 * vocabularies as 8-bit enumerations, stacks as 32-bit ids); strings appear only in the rare
 * process event. Every event starts with `run`, the per-run id a session filters on.
 */
/* The provider macros read better laid out by hand. */
/* clang-format off */
#undef LTTNG_UST_TRACEPOINT_PROVIDER
#define LTTNG_UST_TRACEPOINT_PROVIDER acltrace

#undef LTTNG_UST_TRACEPOINT_INCLUDE
#define LTTNG_UST_TRACEPOINT_INCLUDE "acltrace_tp.h"

#if !defined(ACLTRACE_TP_H) || defined(LTTNG_UST_TRACEPOINT_HEADER_MULTI_READ)
#define ACLTRACE_TP_H

#include <lttng/tracepoint.h>
#include <stdint.h>

#ifndef ACLTRACE_TP_CONSTANTS
#define ACLTRACE_TP_CONSTANTS
/* Version of the event layout; travels in acltrace:process. */
#define ACLTRACE_TRACE_FORMAT_VERSION 1
/* Longest stack definition the provider records. */
#define ACLTRACE_TP_MAX_FRAMES 64

/* The finding event has more fields than a tracepoint has arguments. */
struct acltrace_tp_finding {
	uint8_t kind, severity, api;
	uint64_t addr, size, base, count;
	uint32_t stack, alloc_stack, free_stack;
};
/* The `api` value of events not tied to an interposed function. */
#define ACLTRACE_TP_API_NONE 255
#endif

LTTNG_UST_TRACEPOINT_ENUM(acltrace, pool,
	LTTNG_UST_TP_ENUM_VALUES(
		lttng_ust_field_enum_value("none", 0)
		lttng_ust_field_enum_value("device", 1)
		lttng_ust_field_enum_value("host", 2)
		lttng_ust_field_enum_value("dvpp", 3)))

LTTNG_UST_TRACEPOINT_ENUM(acltrace, mode,
	LTTNG_UST_TP_ENUM_VALUES(
		lttng_ust_field_enum_value("observe", 0)
		lttng_ust_field_enum_value("enforce", 1)))

LTTNG_UST_TRACEPOINT_ENUM(acltrace, capacity_source,
	LTTNG_UST_TP_ENUM_VALUES(
		lttng_ust_field_enum_value("unknown", 0)
		lttng_ust_field_enum_value("runtime", 1)
		lttng_ust_field_enum_value("limit", 2)
		lttng_ust_field_enum_value("profile", 3)))

LTTNG_UST_TRACEPOINT_ENUM(acltrace, lifecycle_op,
	LTTNG_UST_TP_ENUM_VALUES(
		lttng_ust_field_enum_value("init", 0)
		lttng_ust_field_enum_value("finalize", 1)
		lttng_ust_field_enum_value("set_device", 2)
		lttng_ust_field_enum_value("reset_device", 3)
		lttng_ust_field_enum_value("fork_child", 4)
		lttng_ust_field_enum_value("exit", 5)))

/* Same numbering as enum acltrace_role (preload/acltrace_types.h). */
LTTNG_UST_TRACEPOINT_ENUM(acltrace, use_role,
	LTTNG_UST_TP_ENUM_VALUES(
		lttng_ust_field_enum_value("input", 0)
		lttng_ust_field_enum_value("output", 1)
		lttng_ust_field_enum_value("inout", 2)))

LTTNG_UST_TRACEPOINT_ENUM(acltrace, severity,
	LTTNG_UST_TP_ENUM_VALUES(
		lttng_ust_field_enum_value("warning", 0)
		lttng_ust_field_enum_value("error", 1)))

/* Same numbering as common/acltrace_findings.def (acltrace_tp.c asserts the count). */
LTTNG_UST_TRACEPOINT_ENUM(acltrace, finding_kind,
	LTTNG_UST_TP_ENUM_VALUES(
		lttng_ust_field_enum_value("mismatched-free", 0)
		lttng_ust_field_enum_value("double-free", 1)
		lttng_ust_field_enum_value("invalid-free", 2)
		lttng_ust_field_enum_value("misaligned-buffer", 3)
		lttng_ust_field_enum_value("leak", 4)
		lttng_ust_field_enum_value("pool-exhausted", 5)
		lttng_ust_field_enum_value("alloc-failed", 6)
		lttng_ust_field_enum_value("non-dvpp-buffer", 7)
		lttng_ust_field_enum_value("buffer-overflow", 8)
		lttng_ust_field_enum_value("use-after-free", 9)
		lttng_ust_field_enum_value("freed-while-in-use", 10)
		lttng_ust_field_enum_value("dvpp-pool-misuse", 11)
		lttng_ust_field_enum_value("unpinned-async-copy", 12)
		lttng_ust_field_enum_value("unchecked-failure", 13)))

/* ---- Process and configuration (rare; re-emitted with every generation) ---- */

LTTNG_UST_TRACEPOINT_EVENT(acltrace, process,
	LTTNG_UST_TP_ARGS(uint32_t, run, uint32_t, generation, uint8_t, mode, uint8_t, bt_depth,
			  int32_t, pid, int32_t, ppid, uint16_t, api_count, const char *, soc),
	LTTNG_UST_TP_FIELDS(
		lttng_ust_field_integer(uint32_t, run, run)
		lttng_ust_field_integer(uint16_t, format, ACLTRACE_TRACE_FORMAT_VERSION)
		lttng_ust_field_integer(uint32_t, generation, generation)
		lttng_ust_field_enum(acltrace, mode, uint8_t, mode, mode)
		lttng_ust_field_integer(uint8_t, bt_depth, bt_depth)
		lttng_ust_field_integer(int32_t, pid, pid)
		lttng_ust_field_integer(int32_t, ppid, ppid)
		lttng_ust_field_integer(uint16_t, api_count, api_count)
		lttng_ust_field_string(soc, soc)))

LTTNG_UST_TRACEPOINT_EVENT(acltrace, pool,
	LTTNG_UST_TP_ARGS(uint32_t, run, int32_t, device, uint8_t, pool, uint64_t, capacity,
			  uint8_t, source),
	LTTNG_UST_TP_FIELDS(
		lttng_ust_field_integer(uint32_t, run, run)
		lttng_ust_field_integer(int32_t, device, device)
		lttng_ust_field_enum(acltrace, pool, uint8_t, pool, pool)
		lttng_ust_field_integer(uint64_t, capacity, capacity)
		lttng_ust_field_enum(acltrace, capacity_source, uint8_t, source, source)))

/* Name of an API id; emitted with every generation for every id the process can emit. */
LTTNG_UST_TRACEPOINT_EVENT(acltrace, api,
	LTTNG_UST_TP_ARGS(uint32_t, run, uint8_t, id, const char *, name),
	LTTNG_UST_TP_FIELDS(
		lttng_ust_field_integer(uint32_t, run, run)
		lttng_ust_field_integer(uint8_t, id, id)
		lttng_ust_field_string(name, name)))

/* A stack, defined once per generation before it is referenced by id. */
LTTNG_UST_TRACEPOINT_EVENT(acltrace, stack,
	LTTNG_UST_TP_ARGS(uint32_t, run, uint32_t, id, const uint64_t *, frames, uint8_t, depth),
	LTTNG_UST_TP_FIELDS(
		lttng_ust_field_integer(uint32_t, run, run)
		lttng_ust_field_integer(uint32_t, id, id)
		lttng_ust_field_sequence_hex(uint64_t, frames, frames, uint8_t, depth)))

/* ---- Lifecycle ---- */

LTTNG_UST_TRACEPOINT_EVENT(acltrace, lifecycle,
	LTTNG_UST_TP_ARGS(uint32_t, run, uint8_t, op, int32_t, device, int32_t, rc),
	LTTNG_UST_TP_FIELDS(
		lttng_ust_field_integer(uint32_t, run, run)
		lttng_ust_field_enum(acltrace, lifecycle_op, uint8_t, op, op)
		lttng_ust_field_integer(int32_t, device, device)
		lttng_ust_field_integer(int32_t, rc, rc)))

/* ---- Memory (hot) ---- */

LTTNG_UST_TRACEPOINT_EVENT(acltrace, alloc,
	LTTNG_UST_TP_ARGS(uint32_t, run, uint8_t, api, uint8_t, pool, int16_t, device, int32_t, rc,
			  int32_t, policy, uint64_t, requested, uint64_t, size, uint64_t, addr,
			  uint32_t, stack),
	LTTNG_UST_TP_FIELDS(
		lttng_ust_field_integer(uint32_t, run, run)
		lttng_ust_field_integer(uint8_t, api, api)
		lttng_ust_field_enum(acltrace, pool, uint8_t, pool, pool)
		lttng_ust_field_integer(int16_t, device, device)
		lttng_ust_field_integer(int32_t, rc, rc)
		lttng_ust_field_integer(int32_t, policy, policy)
		lttng_ust_field_integer(uint64_t, requested, requested)
		lttng_ust_field_integer(uint64_t, size, size)
		lttng_ust_field_integer_hex(uint64_t, addr, addr)
		lttng_ust_field_integer(uint32_t, stack, stack)))

LTTNG_UST_TRACEPOINT_EVENT(acltrace, free,
	LTTNG_UST_TP_ARGS(uint32_t, run, uint8_t, api, uint8_t, pool, uint64_t, addr,
			  uint32_t, stack),
	LTTNG_UST_TP_FIELDS(
		lttng_ust_field_integer(uint32_t, run, run)
		lttng_ust_field_integer(uint8_t, api, api)
		lttng_ust_field_enum(acltrace, pool, uint8_t, pool, pool)
		lttng_ust_field_integer_hex(uint64_t, addr, addr)
		lttng_ust_field_integer(uint32_t, stack, stack)))

LTTNG_UST_TRACEPOINT_EVENT(acltrace, use,
	LTTNG_UST_TP_ARGS(uint32_t, run, uint8_t, api, uint8_t, role, uint64_t, addr,
			  uint64_t, size, uint32_t, stack),
	LTTNG_UST_TP_FIELDS(
		lttng_ust_field_integer(uint32_t, run, run)
		lttng_ust_field_integer(uint8_t, api, api)
		lttng_ust_field_enum(acltrace, use_role, uint8_t, role, role)
		lttng_ust_field_integer_hex(uint64_t, addr, addr)
		lttng_ust_field_integer(uint64_t, size, size)
		lttng_ust_field_integer(uint32_t, stack, stack)))

/* ---- Asynchronous work: one class, submit and retire instances ---- */

LTTNG_UST_TRACEPOINT_EVENT_CLASS(acltrace, task_class,
	LTTNG_UST_TP_ARGS(uint32_t, run, uint8_t, api, uint64_t, stream, uint64_t, task,
			  uint32_t, stack),
	LTTNG_UST_TP_FIELDS(
		lttng_ust_field_integer(uint32_t, run, run)
		lttng_ust_field_integer(uint8_t, api, api)
		lttng_ust_field_integer_hex(uint64_t, stream, stream)
		lttng_ust_field_integer(uint64_t, task, task)
		lttng_ust_field_integer(uint32_t, stack, stack)))

LTTNG_UST_TRACEPOINT_EVENT_INSTANCE(acltrace, task_class, acltrace, task_submit,
	LTTNG_UST_TP_ARGS(uint32_t, run, uint8_t, api, uint64_t, stream, uint64_t, task,
			  uint32_t, stack))

LTTNG_UST_TRACEPOINT_EVENT_INSTANCE(acltrace, task_class, acltrace, task_retire,
	LTTNG_UST_TP_ARGS(uint32_t, run, uint8_t, api, uint64_t, stream, uint64_t, task,
			  uint32_t, stack))

/* ---- Findings (what the preload concluded; the analyzer recomputes and cross-checks) ---- */

LTTNG_UST_TRACEPOINT_EVENT(acltrace, finding,
	LTTNG_UST_TP_ARGS(uint32_t, run, const struct acltrace_tp_finding *, f),
	LTTNG_UST_TP_FIELDS(
		lttng_ust_field_integer(uint32_t, run, run)
		lttng_ust_field_enum(acltrace, finding_kind, uint8_t, kind, f->kind)
		lttng_ust_field_enum(acltrace, severity, uint8_t, severity, f->severity)
		lttng_ust_field_integer(uint8_t, api, f->api)
		lttng_ust_field_integer_hex(uint64_t, addr, f->addr)
		lttng_ust_field_integer(uint64_t, size, f->size)
		lttng_ust_field_integer_hex(uint64_t, base, f->base)
		lttng_ust_field_integer(uint64_t, count, f->count)
		lttng_ust_field_integer(uint32_t, stack, f->stack)
		lttng_ust_field_integer(uint32_t, alloc_stack, f->alloc_stack)
		lttng_ust_field_integer(uint32_t, free_stack, f->free_stack)))

#endif /* ACLTRACE_TP_H */

#include <lttng/tracepoint-event.h>
