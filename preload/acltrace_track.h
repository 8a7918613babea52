/* SPDX-License-Identifier: MIT */
/*
 * What the wrappers do around the real call: the recursion guard, lazy initialisation and the
 * bookkeeping per kind of call (allocation, free, lifecycle). Frees are recorded before the real
 * free, allocations after the real allocation.
 */
#ifndef ACLTRACE_TRACK_H
#define ACLTRACE_TRACK_H

#include <errno.h>
#include <stdbool.h>
#include <stdint.h>

#include "acltrace_real.h"

struct acltrace_call {
	uint16_t api;
	bool top;        /* outermost wrapper on this thread: only then is the call recorded */
	int saved_errno; /* what the caller sees when the wrapper returns */
	uint32_t stack;
	bool released;   /* a free removed a live record (undone if the real free fails) */
	uint32_t generation;
};

extern __thread unsigned acltrace_guard __attribute__((tls_model("initial-exec")));
extern int acltrace_ready; /* 0 before initialisation, 1 after */

void acltrace_init_slow(void);

static inline void acltrace_enter(struct acltrace_call *c, unsigned api)
{
	c->api = (uint16_t)api;
	c->saved_errno = errno;
	c->stack = 0;
	c->released = false;
	c->top = ++acltrace_guard == 1;
	if (c->top && !__atomic_load_n(&acltrace_ready, __ATOMIC_ACQUIRE))
		acltrace_init_slow();
}

static inline void acltrace_leave(struct acltrace_call *c)
{
	acltrace_guard--;
	errno = c->saved_errno;
}

void acltrace_on_alloc(struct acltrace_call *c, unsigned pool, int rc, void **out, uint64_t size,
		       int policy);
void acltrace_on_free(struct acltrace_call *c, void *ptr);
void acltrace_on_free_done(struct acltrace_call *c, void *ptr, int rc);
void acltrace_on_init(struct acltrace_call *c, int rc);
void acltrace_on_finalize(struct acltrace_call *c, int rc);
void acltrace_on_set_device(struct acltrace_call *c, int32_t device, int rc);
void acltrace_on_reset_device(struct acltrace_call *c, int32_t device, int rc);
/* The process is about to end (_exit, exit, return from main): leaks and summary, once. */
void acltrace_on_exit_now(void);
void acltrace_missing(struct acltrace_call *c);

#endif
