/* SPDX-License-Identifier: MIT */
/* Names of the interposed APIs (acltrace_hooks.def order) and of the pools, for reports. */
#include "acltrace_types.h"

static const char *const api_names[ACLTRACE_API_COUNT] = {
#define HOOK(ret, name, params, args, lib, missing, kind, kargs) #name,
#define HOOK_NORET(name, params, args, lib)			 #name,
#include "acltrace_hooks.def"
#undef HOOK
#undef HOOK_NORET
};

const char *acltrace_api_name(unsigned api)
{
	return api < ACLTRACE_API_COUNT ? api_names[api] : "?";
}

const char *acltrace_pool_name(unsigned pool)
{
	static const char *const names[ACLTRACE_POOL_COUNT] = { "none", "device", "host", "dvpp" };
	return pool < ACLTRACE_POOL_COUNT ? names[pool] : "?";
}
