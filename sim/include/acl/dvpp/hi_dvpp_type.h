/* SPDX-License-Identifier: MIT */
/* HiMPI (DVPP V2) base types, as CANN's acl/dvpp/hi_dvpp_type.h names them. */
#ifndef HI_DVPP_TYPE_H_
#define HI_DVPP_TYPE_H_

#ifdef __cplusplus
extern "C" {
#endif

typedef unsigned char hi_u8;
typedef signed char hi_s8;
typedef unsigned short hi_u16;
typedef short hi_s16;
typedef unsigned int hi_u32;
typedef int hi_s32;
typedef unsigned long long hi_u64;
typedef long long hi_s64;
typedef char hi_char;
typedef double hi_double;
typedef float hi_float;
typedef hi_u32 hi_fr32;

/* A macro, not a typedef, so that "hi_s32 f(hi_void)" is a prototype in C. */
#define hi_void void

typedef enum {
	HI_FALSE = 0,
	HI_TRUE = 1,
} hi_bool;

#define HI_NULL	   0L
#define HI_SUCCESS 0
#define HI_FAILURE (-1)

#ifdef __cplusplus
}
#endif

#endif
