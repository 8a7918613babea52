/* SPDX-License-Identifier: MIT */
/*
 * The exported wrappers, one per line of acltrace_hooks.def, all of the same shape:
 * guard++, resolve lazily, bookkeeping before (frees), real call, bookkeeping after
 * (allocations), guard--, errno as the real call left it. Each wrapper is defined under a hidden
 * name and exported under the ACL name as an alias, so the library can take its own address.
 */
#include <errno.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/syscall.h>
#include <sys/types.h>
#include <unistd.h>

#include "acltrace_acl.h"
#include "acltrace_track.h"
#include "acltrace_use_hooks.h" /* ACLTRACE_PRE_USE / ACLTRACE_POST_USE */
#include "acltrace_enforce.h"

#define ACLTRACE_EXPORT __attribute__((visibility("default")))

/* Use-site checks: ACLTRACE_DVPP_LIMIT fails a DVPP allocation before it reaches the runtime. */
#define ACLTRACE_PRE_ALLOC(pool, outp, size, policy)                                              \
	do {                                                                                      \
		int code_;                                                                        \
		if (acltrace_enforce_pre_alloc(&call, pool, outp, (uint64_t)(size), (int)(policy),\
					       &code_)) {                                         \
			rc = (__typeof__(rc))code_;                                               \
			goto out;                                                                 \
		}                                                                                 \
	} while (0)
/* Use-site checks: ACLTRACE_REALIGN may replace a misaligned DVPP block before it is recorded. */
#define ACLTRACE_POST_ALLOC(pool, out, size, policy)                                              \
	do {                                                                                      \
		acltrace_enforce_realign(&call, pool, (int)rc, out, (uint64_t)(size));            \
		acltrace_on_alloc(&call, pool, (int)rc, out, (uint64_t)(size), (int)(policy));    \
	} while (0)
/* Use-site checks: in enforce mode a bad free is not forwarded (acltrace_enforce.h). */
#define ACLTRACE_PRE_FREE(ptr)                                                                    \
	do {                                                                                      \
		int code_;                                                                        \
		acltrace_on_free(&call, ptr);                                                     \
		if (acltrace_enforce_take_free_denial(&call, &code_)) {                           \
			rc = (__typeof__(rc))code_;                                               \
			goto out;                                                                 \
		}                                                                                 \
		ptr = acltrace_enforce_realigned_base(ptr);                                       \
	} while (0)
#define ACLTRACE_POST_FREE(ptr) acltrace_on_free_done(&call, ptr, (int)rc)
#define ACLTRACE_PRE_INIT()
#define ACLTRACE_POST_INIT() acltrace_on_init(&call, (int)rc)
#define ACLTRACE_PRE_FINALIZE()
#define ACLTRACE_POST_FINALIZE() acltrace_on_finalize(&call, (int)rc)
#define ACLTRACE_PRE_SETDEV(dev)
#define ACLTRACE_POST_SETDEV(dev) acltrace_on_set_device(&call, dev, (int)rc)
#define ACLTRACE_PRE_RESETDEV(dev)
#define ACLTRACE_POST_RESETDEV(dev) acltrace_on_reset_device(&call, dev, (int)rc)
#define ACLTRACE_PRE_FORK()
#define ACLTRACE_POST_FORK()

#define HOOK(ret, name, params, args, lib, missing, kind, kargs)                                  \
	ret acltrace_wrap_##name params;                                                          \
	ret acltrace_wrap_##name params                                                           \
	{                                                                                         \
		struct acltrace_call call;                                                        \
		ret rc;                                                                           \
		ret(*fn) params;                                                                  \
                                                                                                  \
		acltrace_enter(&call, ACLTRACE_API_##name);                                       \
		fn = (ret(*) params)acltrace_real_get(ACLTRACE_API_##name);                       \
		if (!fn)                                                                          \
			fn = (ret(*) params)acltrace_real_resolve(ACLTRACE_API_##name);           \
		if (!fn) {                                                                        \
			acltrace_missing(&call);                                                  \
			rc = (ret)(missing);                                                      \
			goto out;                                                                 \
		}                                                                                 \
		if (call.top) {                                                                   \
			ACLTRACE_PRE_##kind kargs;                                                \
			errno = call.saved_errno; /* the runtime sees the caller's errno */       \
		}                                                                                 \
		rc = fn args;                                                                     \
		call.saved_errno = errno;                                                         \
		if (call.top) {                                                                   \
			ACLTRACE_POST_##kind kargs;                                               \
		}                                                                                 \
	out:                                                                                      \
		acltrace_leave(&call);                                                            \
		return rc;                                                                        \
	}                                                                                         \
	ACLTRACE_EXPORT ret name params __attribute__((alias("acltrace_wrap_" #name)));

/* Exit calls: report first (leaks, summary), then leave as asked. */
#define HOOK_NORET(name, params, args, lib)                                                       \
	void acltrace_wrap_##name params;                                                         \
	void acltrace_wrap_##name params                                                          \
	{                                                                                         \
		void(*fn) params;                                                                 \
                                                                                                  \
		if (!acltrace_guard++)                                                            \
			acltrace_on_exit_now();                                                   \
		fn = (void(*) params)acltrace_real_get(ACLTRACE_API_##name);                      \
		if (!fn)                                                                          \
			fn = (void(*) params)acltrace_real_resolve(ACLTRACE_API_##name);          \
		if (fn)                                                                           \
			fn args;                                                                  \
		syscall(SYS_exit_group, status);                                                  \
		__builtin_unreachable();                                                          \
	}                                                                                         \
	ACLTRACE_EXPORT __attribute__((noreturn)) void name params                                \
		__attribute__((alias("acltrace_wrap_" #name)));

#include "acltrace_hooks.def"
