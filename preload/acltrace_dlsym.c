/* SPDX-License-Identifier: MIT */
/*
 * dlsym/dlvsym for callers that dlopen the ACL libraries and look functions up by handle
 * (Python ctypes, framework loaders), which LD_PRELOAD alone does not reach.
 *
 * The exported entry points are in acltrace_dlsym_<arch>.S: RTLD_NEXT and RTLD_DEFAULT lookups
 * depend on the caller's position in the search order, so they tail-jump to libc's dlsym with
 * the caller's return address untouched (another preloaded library using RTLD_NEXT keeps
 * working). Handle lookups come here: they do not depend on the caller, and when they return a
 * real ACL function we hook, the caller gets our wrapper and the wrapper forwards to that
 * address (adopted as the real function, which also covers a library dlclose'd and loaded
 * again at another address). An address inside another preloaded library is never adopted: that
 * library is an interposer itself and may forward to us with RTLD_NEXT, which would loop.
 */
#include "acltrace_real.h"

#include <dlfcn.h>
#include <stdbool.h>
#include <stddef.h>
#include <string.h>

typedef void *(*dlsym_fn)(void *, const char *);
typedef void *(*dlvsym_fn)(void *, const char *, const char *);

void *acltrace_dlsym_handle(void *handle, const char *name) ACLTRACE_HIDDEN;
void *acltrace_dlvsym_handle(void *handle, const char *name, const char *version) ACLTRACE_HIDDEN;
void *acltrace_dl_bootstrap(void) ACLTRACE_HIDDEN;
void *acltrace_dlv_bootstrap(void) ACLTRACE_HIDDEN;

extern char **environ;

/* LD_PRELOAD as the process started (a program may change its environment later). */
static char preload_list[4096];
static int preload_list_state; /* 0 not read, 1 read */

void acltrace_dlsym_init(void) ACLTRACE_HIDDEN;

void acltrace_dlsym_init(void)
{
	if (__atomic_load_n(&preload_list_state, __ATOMIC_ACQUIRE))
		return;
	for (char **e = environ; e && *e; e++) {
		if (strncmp(*e, "LD_PRELOAD=", 11) == 0) {
			strncpy(preload_list, *e + 11, sizeof(preload_list) - 1);
			break;
		}
	}
	__atomic_store_n(&preload_list_state, 1, __ATOMIC_RELEASE);
}

static const char *base_name(const char *path, size_t *len)
{
	const char *slash = strrchr(path, '/'), *b = slash ? slash + 1 : path;

	*len = strlen(b);
	return b;
}

/* Whether addr lies in an object named in LD_PRELOAD (compared by file name). */
static bool in_preloaded_object(void *addr)
{
	Dl_info info;
	const char *obj, *p = preload_list;
	size_t objlen;

	acltrace_dlsym_init();
	if (!dladdr(addr, &info) || !info.dli_fname)
		return false;
	obj = base_name(info.dli_fname, &objlen);
	while (*p) {
		size_t n = strcspn(p, ": "), blen;
		char entry[1024];
		const char *b;

		if (n && n < sizeof(entry)) {
			memcpy(entry, p, n);
			entry[n] = '\0';
			b = base_name(entry, &blen);
			if (blen == objlen && memcmp(b, obj, objlen) == 0)
				return true;
		}
		p += n;
		p += strspn(p, ": ");
	}
	return false;
}

static void *substitute(const char *name, void *addr)
{
	int api;

	if (!addr || !name)
		return addr;
	api = acltrace_api_by_name(name);
	if (api < 0 || addr == acltrace_wrapper_addr((unsigned)api))
		return addr;
	if (addr != acltrace_real_get((unsigned)api) && in_preloaded_object(addr))
		return addr;
	acltrace_real_adopt((unsigned)api, addr);
	return acltrace_wrapper_addr((unsigned)api);
}

void *acltrace_dlsym_handle(void *handle, const char *name)
{
	dlsym_fn real = (dlsym_fn)__atomic_load_n(&acltrace_libc_dlsym, __ATOMIC_ACQUIRE);

	if (!real && acltrace_dl_bootstrap_find())
		real = (dlsym_fn)acltrace_libc_dlsym;
	if (!real)
		return NULL;
	return substitute(name, real(handle, name));
}

void *acltrace_dlvsym_handle(void *handle, const char *name, const char *version)
{
	dlvsym_fn real = (dlvsym_fn)__atomic_load_n(&acltrace_libc_dlvsym, __ATOMIC_ACQUIRE);

	if (!real && acltrace_dl_bootstrap_find())
		real = (dlvsym_fn)acltrace_libc_dlvsym;
	if (!real)
		return NULL;
	return substitute(name, real(handle, name, version));
}

/* Slow paths of the assembly entries: find libc's functions; NULL makes the entry return NULL. */
void *acltrace_dl_bootstrap(void)
{
	return acltrace_dl_bootstrap_find() ? acltrace_libc_dlsym : NULL;
}

void *acltrace_dlv_bootstrap(void)
{
	return acltrace_dl_bootstrap_find() ? acltrace_libc_dlvsym : NULL;
}
