/* SPDX-License-Identifier: MIT */
/*
 * The part-1 prototypes of the hook table, spelled with the runtime headers' own types, must
 * redeclare exactly what those headers declare (a mismatch is a "conflicting types" compile
 * error), and the codes the preload returns for missing symbols (abi_codes.c, compiled with the
 * preload's private header) must be the runtime's.
 */
#define ENABLE_DVPP_INTERFACE
#include <acl/acl.h>
#include <acl/dvpp/hi_dvpp.h>
#include <acl/ops/acl_dvpp.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/types.h>

/* Keep the hooks whose kind is one of part 1's; expand the others to nothing. */
#define ABI_SECOND(a, b, ...) b
#define ABI_IS_PROBE(...)     ABI_SECOND(__VA_ARGS__, 0, )
#define ABI_PROBE	      ~, 1,
#define ABI_CAT(a, b)	      ABI_CAT_(a, b)
#define ABI_CAT_(a, b)	      a##b
#define ABI_KIND_ALLOC	      ABI_PROBE
#define ABI_KIND_FREE	      ABI_PROBE
#define ABI_KIND_INIT	      ABI_PROBE
#define ABI_KIND_FINALIZE     ABI_PROBE
#define ABI_KIND_SETDEV	      ABI_PROBE
#define ABI_KIND_RESETDEV     ABI_PROBE
#define ABI_IF_1(x)	      x
#define ABI_IF_0(x)
#define ABI_WHEN(kind)		    ABI_CAT(ABI_IF_, ABI_IS_PROBE(ABI_KIND_##kind))
#define ABI_DECL(ret, name, params) ret name params;
#define HOOK(ret, name, params, args, lib, missing, kind, kargs) \
	ABI_WHEN(kind)(ABI_DECL(ret, name, params))
#define HOOK_NORET(name, params, args, lib)
#include "acltrace_hooks.def"

int acltrace_abi_acl_not_supported(void);
int acltrace_abi_acl_invalid_param(void);
int acltrace_abi_hi_not_supported(void);

int main(void)
{
	int bad = 0;

	if (acltrace_abi_acl_not_supported() != ACL_ERROR_API_NOT_SUPPORT)
		bad = 1;
	if (acltrace_abi_acl_invalid_param() != ACL_ERROR_INVALID_PARAM)
		bad = 1;
	/* HI_ERR_SYS NOT_SUPPORT: module 2, level error, errno 8 (api-facts.md 4.3). */
	if ((unsigned)acltrace_abi_hi_not_supported() != 0xA0028008u)
		bad = 1;
	puts(bad ? "codes differ from the runtime's" : "ok");
	return bad;
}
