/* SPDX-License-Identifier: MIT */
/*
 * The use-site check engine. A wrapper opens a use (acltrace_use_begin), checks each buffer the
 * call reads or writes against the registry (acltrace_use_buffer: pool, alignment, bounds,
 * liveness, failed allocations), and learns whether enforce mode keeps the call from the
 * runtime. The buffers checked are remembered, so an asynchronous call can queue a task that
 * references them once the runtime accepted it.
 */
#ifndef ACLTRACE_USE_H
#define ACLTRACE_USE_H

#include "acltrace_registry.h"
#include "acltrace_tasks.h"
#include "acltrace_track.h"

#include <stdbool.h>
#include <stdint.h>

/* What a use requires of a buffer. */
enum acltrace_need {
	ACLTRACE_NEED_NONE = 0,
	ACLTRACE_NEED_DVPP = 1u << 0, /* memory the target's engine accepts, 128-byte aligned */
	ACLTRACE_NEED_PINNED =
	    1u << 1, /* host side of an async copy: aclrtMallocHost, 64-aligned */
	ACLTRACE_NEED_RUNTIME = 1u << 2, /* runtime memory (model work/weights): not DVPP memory */
	ACLTRACE_NEED_LIVE = 1u << 3,	 /* only liveness and failed allocations (setters) */
};

/* Kinds of code a denied call returns. */
enum acltrace_site {
	ACLTRACE_SITE_ACL = 0, /* ACL_ERROR_INVALID_PARAM for everything */
	ACLTRACE_SITE_VPC,     /* HiMPI VPC: BAD_ADDR, ILLEGAL_PARAM for sizes */
	ACLTRACE_SITE_VDEC,    /* HiMPI VDEC: same codes of the VDEC module */
};

struct acltrace_use {
	struct acltrace_call *call;
	uint32_t stack;
	bool stack_taken;
	bool dvpp_op;	/* a DVPP operation: the address findings are enforceable here */
	uint8_t engine; /* enum acltrace_engine */
	uint8_t site;	/* enum acltrace_site */
	uint32_t found; /* bit per finding kind reported by this call */
	uint32_t deny;	/* bit per finding kind that keeps this call from the runtime */
	unsigned nbufs;
	struct acltrace_task_buf bufs[ACLTRACE_TASK_MAX_BUFS];
};

void acltrace_use_begin(struct acltrace_use *u, struct acltrace_call *c, bool dvpp_op,
			unsigned engine, unsigned site);
/*
 * Checks [addr, addr + len) used in role (enum acltrace_role) with the needs (enum
 * acltrace_need); what names the buffer in messages. len 0: the start only. Returns the
 * finding kinds reported (bit per kind).
 */
uint32_t acltrace_use_buffer(struct acltrace_use *u, const char *what, const void *addr,
			     uint64_t len, unsigned role, unsigned need);
/* The stack of the call (captured once). */
uint32_t acltrace_use_stack(struct acltrace_use *u);
/* Whether the call must not reach the runtime; *code receives what it returns instead. */
bool acltrace_use_denied(const struct acltrace_use *u, int *code);
/* Queue the remembered buffers as a task of the call (after the runtime accepted it). */
void acltrace_use_submit(struct acltrace_use *u, unsigned kind, uint64_t queue, uint64_t task_id);

/* Reports a finding of this use; rec may be NULL. */
void acltrace_use_report(struct acltrace_use *u, unsigned kind, uint64_t addr, uint64_t size,
			 const struct acltrace_rec *rec, const char *detail);

/* ---- calls from the allocation and free path (acltrace_track.c) ---- */
/* After every allocation: a failure remembers what *out holds; a success clears that. */
void acltrace_use_on_alloc(const struct acltrace_rec *rec, void **out, int rc);
/* Before the real free of a live allocation: freed-while-in-use. */
void acltrace_use_on_free(struct acltrace_call *c, const struct acltrace_rec *rec);
/* The real free failed: nothing left to undo (the registry is the use sites' index). */
void acltrace_use_on_free_failed(void *ptr);

#endif
