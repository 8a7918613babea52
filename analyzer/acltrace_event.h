/* SPDX-License-Identifier: MIT */
/*
 * Plain trace events: what the adapter makes of babeltrace messages and what the model consumes.
 * Nothing here depends on babeltrace, so the model can be fed (and tested, and fuzzed) directly.
 */
#ifndef ACLTRACE_EVENT_H
#define ACLTRACE_EVENT_H

#include <stdint.h>

enum acltrace_event_type {
	ACLTRACE_EV_NONE = 0,
	ACLTRACE_EV_HOST,     /* str = host name of trace `trace_id` (sent once per trace) */
	ACLTRACE_EV_PROCESS,  /* acltrace:process; str = target SoC */
	ACLTRACE_EV_PROCNAME, /* str = command name (statedump procname or context) */
	ACLTRACE_EV_POOL,     /* acltrace:pool: a capacity the process knows */
	ACLTRACE_EV_API,      /* acltrace:api: str = name of API id */
	ACLTRACE_EV_ALLOC,
	ACLTRACE_EV_FREE, /* emitted before the real free */
	ACLTRACE_EV_USE,
	ACLTRACE_EV_TASK_SUBMIT,
	ACLTRACE_EV_TASK_RETIRE,
	ACLTRACE_EV_FINDING, /* a finding the preload reported itself */
	ACLTRACE_EV_STACK,   /* stack definition: id -> frames */
	ACLTRACE_EV_LIFECYCLE,
	ACLTRACE_EV_MODULE, /* a loaded object (statedump bin_info, dl_open): str = path */
	ACLTRACE_EV_MODULE_BUILD_ID,
	ACLTRACE_EV_MODULE_DEBUG_LINK, /* str = debug link file name */
	ACLTRACE_EV_MODULE_UNLOAD,     /* dl_close */
	ACLTRACE_EV_DISCARDED, /* the tracer lost events of this trace in [time, end_time] */
	ACLTRACE_EV_TYPE_COUNT
};

/* Values as in docs/trace-format.md. */
enum acltrace_pool {
	ACLTRACE_POOL_NONE = 0,
	ACLTRACE_POOL_DEVICE = 1,
	ACLTRACE_POOL_HOST = 2,
	ACLTRACE_POOL_DVPP = 3,
	ACLTRACE_POOL_COUNT
};

enum acltrace_use_role {
	ACLTRACE_ROLE_UNKNOWN = 0,
	ACLTRACE_ROLE_READ,
	ACLTRACE_ROLE_WRITE,
	ACLTRACE_ROLE_READ_WRITE,
	ACLTRACE_ROLE_DESCRIBE, /* attached to a description, accessed later */
	ACLTRACE_ROLE_MODEL_WORK,
	ACLTRACE_ROLE_MODEL_WEIGHT,
	ACLTRACE_ROLE_MODEL_IO,
	ACLTRACE_ROLE_COUNT
};

enum acltrace_free_action {
	ACLTRACE_FREE_FORWARDED = 0,
	ACLTRACE_FREE_BLOCKED, /* enforce mode kept it from the runtime: the buffer stays live */
	ACLTRACE_FREE_WAITED,  /* enforce mode synchronized pending work first */
};

enum acltrace_lifecycle_op {
	ACLTRACE_LC_INIT = 0,	  /* aclInit */
	ACLTRACE_LC_FINALIZE,	  /* aclFinalize */
	ACLTRACE_LC_SET_DEVICE,	  /* aclrtSetDevice */
	ACLTRACE_LC_RESET_DEVICE, /* aclrtResetDevice */
	ACLTRACE_LC_FORK_CHILD,	  /* first event of a forked child: it starts with no buffers */
	ACLTRACE_LC_EXIT,	  /* process exit */
	ACLTRACE_LC_COUNT
};

enum acltrace_capacity_source {
	ACLTRACE_CAPSRC_UNKNOWN = 0,
	ACLTRACE_CAPSRC_RUNTIME,
	ACLTRACE_CAPSRC_LIMIT,
	ACLTRACE_CAPSRC_PROFILE,
};

struct acltrace_event {
	uint16_t type;	   /* enum acltrace_event_type */
	uint16_t trace_id; /* which trace (one per metadata directory) */
	int32_t pid;
	int32_t tid;
	uint64_t time_ns;
	union {
		struct {
			uint32_t generation;
			uint32_t mode; /* 0 observe, 1 enforce */
			uint32_t bt_depth;
			int32_t ppid;
			int32_t device;
		} process;
		struct {
			uint64_t capacity;
			int32_t device;
			uint32_t pool;
			uint32_t source; /* enum acltrace_capacity_source */
		} pool;
		struct {
			uint32_t id;
		} api;
		struct {
			uint64_t addr;
			uint64_t requested;
			uint64_t size; /* reserved after the runtime's rounding */
			uint64_t stack_id;
			uint32_t api;
			uint32_t pool;
			uint32_t policy;
			int32_t device;
			int64_t rc;
		} alloc;
		struct {
			uint64_t addr;
			uint64_t stack_id;
			uint32_t api;
			uint32_t action; /* enum acltrace_free_action */
			/* pool of the allocation if the preload held it live, 0 if not, UINT32_MAX:
			 * not recorded */
			uint32_t live_pool;
		} free;
		struct {
			uint64_t addr;
			uint64_t size;
			uint64_t stack_id;
			uint32_t api;
			uint32_t role; /* enum acltrace_use_role */
		} use;
		struct {
			uint64_t stream;
			uint64_t task;
			uint64_t stack_id;
			uint32_t api;
		} task;
		struct {
			uint64_t addr;
			uint64_t size;
			uint64_t base;
			uint64_t alloc_size;
			uint64_t
			    count; /* occurrences (leak: allocations) this event stands for; 0: 1 */
			uint64_t stack_id;
			uint64_t alloc_stack_id;
			uint64_t free_stack_id;
			uint32_t kind;
			uint32_t severity;
			uint32_t api;
			uint32_t pool;
			uint32_t enforced;
		} finding;
		struct {
			uint64_t stack_id;
		} stack;
		struct {
			uint64_t stack_id;
			uint32_t op;
			int32_t device;
			int32_t rc;
		} lifecycle;
		struct {
			uint64_t base;
			uint64_t memsz;
			uint32_t is_pic;
			uint32_t build_id_len;
		} module;
		struct {
			uint64_t count;
			uint64_t end_time_ns;
		} discarded;
	} u;
	/* Variable parts, valid for the duration of the callback only. */
	const uint64_t *frames; /* STACK: return addresses, innermost first */
	uint32_t nframes;
	const char *str;	 /* HOST: host; PROCESS: SoC; API: name; MODULE: path; ... */
	const uint8_t *build_id; /* MODULE_BUILD_ID, u.module.build_id_len bytes */
};

#endif
