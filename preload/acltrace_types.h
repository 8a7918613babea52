/* SPDX-License-Identifier: MIT */
/* Small enums shared by the interposer, the registry and the event emitters. */
#ifndef ACLTRACE_TYPES_H
#define ACLTRACE_TYPES_H

#include <stdint.h>

/* One id per interposed symbol, in acltrace_hooks.def order (the trace carries these). */
enum acltrace_api {
#define HOOK(ret, name, params, args, lib, missing, kind, kargs) ACLTRACE_API_##name,
#define HOOK_NORET(name, params, args, lib)                        ACLTRACE_API_##name,
#include "acltrace_hooks.def"
#undef HOOK
#undef HOOK_NORET
	ACLTRACE_API_COUNT,
	ACLTRACE_API_NONE = 0xffff,
};

/* Memory pools; DVPP V1 and V2 share one window. */
enum acltrace_pool {
	ACLTRACE_POOL_NONE = 0,
	ACLTRACE_POOL_DEVICE = 1,
	ACLTRACE_POOL_HOST = 2,
	ACLTRACE_POOL_DVPP = 3,
	ACLTRACE_POOL_COUNT,
};

enum acltrace_lifecycle {
	ACLTRACE_LIFECYCLE_INIT = 0,
	ACLTRACE_LIFECYCLE_FINALIZE = 1,
	ACLTRACE_LIFECYCLE_SET_DEVICE = 2,
	ACLTRACE_LIFECYCLE_RESET_DEVICE = 3,
	ACLTRACE_LIFECYCLE_FORK_CHILD = 4,
	ACLTRACE_LIFECYCLE_EXIT = 5,
};

enum acltrace_mode {
	ACLTRACE_MODE_OBSERVE = 0,
	ACLTRACE_MODE_ENFORCE = 1,
};

/* Role of a buffer at a use site (part 2). */
enum acltrace_role {
	ACLTRACE_ROLE_INPUT = 0,
	ACLTRACE_ROLE_OUTPUT = 1,
	ACLTRACE_ROLE_INOUT = 2,
};

const char *acltrace_api_name(unsigned api);
const char *acltrace_pool_name(unsigned pool);

#endif
