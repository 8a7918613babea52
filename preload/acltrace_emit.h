/* SPDX-License-Identifier: MIT */
/*
 * The seam between the interposer and an event sink. The wrappers call these functions; one
 * implementation is linked in: acltrace_emit_none.c (no events) or an LTTng-UST emitter.
 * Every call comes from inside a wrapper with the recursion guard held, so an emitter may use
 * anything except the wrapped ACL functions. Stack ids are dense (1, 2, 3, ...; 0 = no stack)
 * and resolve with acltrace_stack_lookup(); ids never change meaning within a process.
 */
#ifndef ACLTRACE_EMIT_H
#define ACLTRACE_EMIT_H

#include <stdbool.h>
#include <stdint.h>

#include "acltrace_types.h"

struct acltrace_emit_process {
	uint64_t run_id;     /* random per process, re-drawn in a forked child */
	uint32_t pid;
	uint8_t mode;        /* enum acltrace_mode */
	uint8_t bt_depth;    /* ACLTRACE_BT_DEPTH */
	const char *target;  /* target SoC name, "" when unknown */
};

struct acltrace_emit_alloc {
	uint16_t api;       /* enum acltrace_api: which function allocated */
	uint8_t pool;       /* enum acltrace_pool */
	int32_t device;     /* -1 when unknown */
	uint64_t requested; /* size the caller asked for */
	uint64_t rounded;   /* size the runtime reserves by its documented rounding */
	uint64_t addr;      /* 0 when the allocation failed */
	int32_t policy;     /* aclrtMemMallocPolicy, -1 for calls without one */
	int32_t rc;         /* the runtime's return code */
	uint32_t stack_id;
};

/* Emitted before the real free, so the address cannot be handed out again in between. */
struct acltrace_emit_free {
	uint16_t api;
	uint8_t pool;   /* pool of the live allocation, ACLTRACE_POOL_NONE when not live */
	uint64_t addr;
	uint64_t size;  /* requested size of the live allocation, 0 when not live */
	uint32_t stack_id;
};

/* A buffer handed to an API that reads or writes it (part 2). */
struct acltrace_emit_use {
	uint16_t api;
	uint8_t role;   /* enum acltrace_role */
	uint64_t addr;
	uint64_t size;
	uint32_t stack_id;
};

/* Asynchronous work that references buffers (part 2). */
struct acltrace_emit_task {
	uint16_t api;
	uint64_t stream;
	uint64_t task_id;
	uint32_t stack_id; /* submit only */
};

struct acltrace_emit_finding {
	uint16_t kind;          /* enum acltrace_finding_kind */
	uint8_t severity;       /* enum acltrace_severity */
	uint16_t api;           /* the call that revealed it */
	uint64_t addr;
	uint64_t size;
	uint64_t related_addr;  /* start of the allocation an interior pointer hits, or 0 */
	uint64_t count;         /* leaks: allocations aggregated; others: 1 */
	uint32_t stack_id;      /* where it happened (allocation site for leaks) */
	uint32_t alloc_stack_id;
	uint32_t free_stack_id; /* previous free, for double frees */
};

struct acltrace_emit_lifecycle {
	uint8_t event;  /* enum acltrace_lifecycle */
	int32_t device; /* -1 when not applicable */
	int32_t rc;
};

/* Once, from the library constructor (or the first wrapper call), and in a forked child. */
void acltrace_emit_process(const struct acltrace_emit_process *ev);
void acltrace_emit_alloc(const struct acltrace_emit_alloc *ev);
void acltrace_emit_free(const struct acltrace_emit_free *ev);
void acltrace_emit_use(const struct acltrace_emit_use *ev);
void acltrace_emit_task_submit(const struct acltrace_emit_task *ev);
void acltrace_emit_task_retire(const struct acltrace_emit_task *ev);
void acltrace_emit_finding(const struct acltrace_emit_finding *ev);
void acltrace_emit_lifecycle(const struct acltrace_emit_lifecycle *ev);

/*
 * Capacity of a pool the process knows (e.g. ACLTRACE_DVPP_LIMIT, or what the runtime reports
 * for a device). Optional: emitters remember the last value per (device, pool) and repeat it in
 * every trace generation. source: 0 unknown, 1 runtime, 2 limit option, 3 device profile.
 */
struct acltrace_emit_pool {
	int32_t device;    /* -1 for host memory */
	uint8_t pool;      /* enum acltrace_pool */
	uint8_t source;
	uint64_t capacity; /* bytes, 0 when unknown */
};
void acltrace_emit_pool(const struct acltrace_emit_pool *ev);

/* True when a listener wants stacks on alloc/free/use events; cheap, called on every event. */
bool acltrace_emit_wants_stack(void);

/* From acltrace_stack.c, for emitters: frames of a stack id (innermost first). */
#define ACLTRACE_STACK_MAX_DEPTH 64
bool acltrace_stack_lookup(uint32_t id, uint64_t *frames, unsigned *depth);
/* Highest stack id handed out so far (ids are 1..count). */
uint32_t acltrace_stack_count(void);

#endif
