/* SPDX-License-Identifier: MIT */
/* The preload's private codes, compiled apart from the runtime headers (abi_check.c). */
#include "acltrace_acl.h"

int acltrace_abi_acl_not_supported(void);
int acltrace_abi_acl_invalid_param(void);
int acltrace_abi_hi_not_supported(void);

int acltrace_abi_acl_not_supported(void)
{
	return ACLTRACE_ACL_NOT_SUPPORT;
}

int acltrace_abi_acl_invalid_param(void)
{
	return ACLTRACE_ACL_INVALID_PARAM;
}

int acltrace_abi_hi_not_supported(void)
{
	return ACLTRACE_HI_SYS_NOT_SUPPORT;
}
