/* SPDX-License-Identifier: MIT */
/*
 * The real functions behind the wrappers, resolved lazily and all at once with
 * dlsym(RTLD_NEXT), falling back to dlopen(lib, RTLD_NOLOAD) for libraries that were loaded
 * RTLD_LOCAL; an entry that stays NULL makes its wrapper return the vendor's "not supported".
 */
#ifndef ACLTRACE_REAL_H
#define ACLTRACE_REAL_H

#include "acltrace_types.h"

#include <stdbool.h>

#define ACLTRACE_HIDDEN __attribute__((visibility("hidden")))

extern void *acltrace_real[ACLTRACE_API_COUNT];
/* libc's dlsym and dlvsym, found by reading libc's symbol table (we export both names). */
extern void *acltrace_libc_dlsym;
extern void *acltrace_libc_dlvsym;

static inline void *acltrace_real_get(unsigned api)
{
	return __atomic_load_n(&acltrace_real[api], __ATOMIC_ACQUIRE);
}

/* Slow path of a wrapper whose entry is NULL: resolve everything again; returns the entry. */
void *acltrace_real_resolve(unsigned api);
void acltrace_real_resolve_all(void);
/* Finds libc's dlsym/dlvsym; false when they cannot be found (dlsym wrapping is then off). */
bool acltrace_dl_bootstrap_find(void);

/* API id of a hooked ACL symbol name (libc hooks excluded), or -1. */
int acltrace_api_by_name(const char *name);
/* Address of our wrapper for api. */
void *acltrace_wrapper_addr(unsigned api);
/* A handle lookup returned addr for the hooked symbol api: make it the real function. */
void acltrace_real_adopt(unsigned api, void *addr);
/* The resolved table, one line per symbol (ACLTRACE_VERBOSE). */
void acltrace_real_dump(void);

#endif
