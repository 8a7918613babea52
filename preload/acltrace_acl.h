/* SPDX-License-Identifier: MIT */
/*
 * The few ACL and HiMPI types the interposer's prototypes need, re-typed from the documented ABI
 * (acl_base.h, acl_rt.h, hi_dvpp_type.h). Kept private so the library builds without any runtime
 * headers; tests/preload checks these prototypes against the runtime headers when they exist.
 */
#ifndef ACLTRACE_ACL_H
#define ACLTRACE_ACL_H

#include <stdint.h>

typedef int aclError;
typedef int aclrtMemMallocPolicy; /* an int-sized enum in the headers */
typedef struct aclrtMallocConfig aclrtMallocConfig;
typedef int hi_s32;
typedef unsigned int hi_u32;
typedef unsigned long long hi_u64;

#define ACLTRACE_ACL_SUCCESS        0
#define ACLTRACE_ACL_INVALID_PARAM  100000
#define ACLTRACE_ACL_NOT_SUPPORT    200001 /* ACL_ERROR_API_NOT_SUPPORT */
#define ACLTRACE_HI_SYS_NOT_SUPPORT ((hi_s32)0xA0028008u)
#define ACLTRACE_HI_SYS_ILLEGAL     ((hi_s32)0xA0028003u)

/* The types of the use-site hooks. */
#include "acltrace_use_acl.h"

#endif
