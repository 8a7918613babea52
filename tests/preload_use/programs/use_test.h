/* SPDX-License-Identifier: MIT */
/*
 * Helpers of the use-site test programs. Every use the tests annotate is called from main(), on
 * its own line, so the reported stack points at it. Bad calls are never MUST()ed: in observe mode
 * the runtime rejects some of them itself, in enforce mode acltrace does; each program prints
 * what the call returned ("NAME rc=0x..."), which the tests compare.
 */
#ifndef USE_TEST_H
#define USE_TEST_H

#define ENABLE_DVPP_INTERFACE
#include <acl/acl.h>
#include <acl/dvpp/hi_dvpp.h>
#include <acl/ops/acl_dvpp.h>
#include <stdint.h>
#include <stdio.h>

#include "acltrace_test.h"

/* NV12 pictures: 64x64 in, 32x32 out (width stride 64/32, height stride 64/32). */
#define IN_W     64u
#define IN_H     64u
#define IN_SIZE  (IN_W * IN_H * 3u / 2u)
#define OUT_W    32u
#define OUT_H    32u
#define OUT_SIZE (OUT_W * OUT_H * 3u / 2u)

static inline void show(const char *what, int rc)
{
	printf("%s rc=%#x\n", what, (unsigned)rc);
	fflush(stdout);
}

static inline acldvppPicDesc *nv12_desc(void *data, uint32_t size, uint32_t w, uint32_t h)
{
	acldvppPicDesc *d = acldvppCreatePicDesc();

	if (!d)
		exit(3);
	MUST(acldvppSetPicDescData(d, data));
	MUST(acldvppSetPicDescSize(d, size));
	MUST(acldvppSetPicDescFormat(d, PIXEL_FORMAT_YUV_SEMIPLANAR_420));
	MUST(acldvppSetPicDescWidth(d, w));
	MUST(acldvppSetPicDescHeight(d, h));
	MUST(acldvppSetPicDescWidthStride(d, w));
	MUST(acldvppSetPicDescHeightStride(d, h));
	return d;
}

static inline hi_vpc_pic_info nv12_pic(void *data, uint32_t size, uint32_t w, uint32_t h)
{
	hi_vpc_pic_info p = { data, size, w, h, w, h, HI_PIXEL_FORMAT_YUV_SEMIPLANAR_420 };

	return p;
}

#endif
