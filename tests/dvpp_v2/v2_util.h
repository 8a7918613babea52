/* SPDX-License-Identifier: MIT */
/* Helpers shared by the DVPP V2 tests: runtime set-up, DVPP buffers, test patterns. */
#ifndef V2_UTIL_H
#define V2_UTIL_H

#include "acl/acl.h"
#include "acl/dvpp/hi_dvpp.h"

#include <stddef.h>
#include <stdint.h>

/*
 * Compares HiMPI return codes (hi_s32, negative) with the headers' unsigned code macros the way
 * a C comparison does: as 32-bit values.
 */
#define assert_hi(a, b) assert_int_equal((hi_u32)(a), (hi_u32)(b))

/* aclInit, device 0, hi_mpi_sys_init; asserts each succeeds. */
void v2_init(void);
void v2_fini(void);
/* hi_mpi_dvpp_malloc of size bytes; asserts success. */
void *v2_dvpp(size_t size);
hi_vpc_pic_info v2_pic(void *addr, uint32_t size, hi_pixel_format fmt, uint32_t w, uint32_t h,
		       uint32_t ws, uint32_t hs);
/* A DVPP picture whose block holds exactly what the format needs. */
hi_vpc_pic_info v2_new_pic(hi_pixel_format fmt, uint32_t w, uint32_t h, uint32_t ws, uint32_t hs);
uint32_t v2_pic_size(hi_pixel_format fmt, uint32_t ws, uint32_t hs);
/* The deterministic pattern tests write into sources. */
uint8_t v2_pat(uint32_t x, uint32_t y, uint32_t k);
/* Fills NV12/NV21 (k: 0 luma, 1/2 the two chroma bytes) or packed RGB (k: byte index). */
void v2_fill(const hi_vpc_pic_info *pic);
/* Runs cmocka tests between v2_init and v2_fini, with an optional name filter in argv[1]. */
int v2_run(const char *name, const void *tests, size_t count, int argc, char **argv);

#endif
