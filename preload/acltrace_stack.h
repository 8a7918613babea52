/* SPDX-License-Identifier: MIT */
/*
 * Call stacks: captured with libunwind's unw_backtrace into a fixed array, our own frames
 * dropped, and interned so that each distinct stack gets a small dense id. Lookups are lock-free;
 * only a stack never seen before takes a lock. Memory comes from mmap.
 */
#ifndef ACLTRACE_STACK_H
#define ACLTRACE_STACK_H

#include "acltrace_emit.h"
#include "acltrace_log.h"

#include <stdint.h>

void acltrace_stack_init(void);
/* Captures up to depth frames of the caller of the wrapper; 0 when depth is 0 or on failure. */
uint32_t acltrace_stack_capture(unsigned depth);
/* Appends "    #N 0xIP in symbol+0xOFF (module+0xOFF)" lines, each prefixed by indent. */
void acltrace_stack_format(struct acltrace_buf *b, uint32_t id, const char *indent);
/* The innermost frame as "symbol+0xOFF (module+0xOFF)", or "<no stack>". */
void acltrace_stack_format_top(struct acltrace_buf *b, uint32_t id);

/* Frames inside [lo, hi) at the top of a stack are dropped (default: this library's range). */
void acltrace_stack_set_skip_range(uintptr_t lo, uintptr_t hi);

void acltrace_stack_atfork_prepare(void);
void acltrace_stack_atfork_parent(void);
void acltrace_stack_atfork_child(void);

#endif
