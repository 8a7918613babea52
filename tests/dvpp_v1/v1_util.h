/* SPDX-License-Identifier: MIT */
/* Shared helpers of the DVPP V1 tests: runtime set-up, pictures in DVPP memory, references. */
#ifndef V1_UTIL_H
#define V1_UTIL_H

#define ENABLE_DVPP_INTERFACE 1

#include "acl/acl.h"
#include "acl/ops/acl_dvpp.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct v1_env {
	aclrtStream stream;
	acldvppChannelDesc *channel;
};

/* aclInit, device 0, a stream and a DVPP channel with every mode. Asserts on failure. */
void v1_setup(struct v1_env *env);
void v1_teardown(struct v1_env *env);

/* A picture in fresh DVPP memory: size bytes (0: what the format needs), strides as given. */
struct v1_pic {
	acldvppPicDesc *desc;
	uint8_t *data;
	uint32_t size;
	uint32_t width, height, ws, hs;
	int32_t format;
};

void v1_pic_alloc(struct v1_pic *p, int32_t format, uint32_t width, uint32_t height, uint32_t ws,
		  uint32_t hs, uint32_t size);
void v1_pic_free(struct v1_pic *p);
uint64_t v1_format_size(int32_t format, uint32_t ws, uint32_t hs);

/* A smooth, non-linear test picture (NV12), so that bilinear and nearest differ visibly. */
void v1_fill_nv12(struct v1_pic *p, int seed);

/* Reference bilinear (pixel centres, clamped) of one 8-bit plane region. */
uint8_t v1_bilinear(const uint8_t *plane, uint32_t stride, uint32_t rx, uint32_t ry, uint32_t rw,
		    uint32_t rh, double sx, double sy);

/* Largest absolute difference between the output's luma and the bilinear reference of
 * (rx, ry, rw, rh) of the input scaled into (dx, dy, dw, dh) of the output. */
int v1_max_luma_error(const struct v1_pic *in, uint32_t rx, uint32_t ry, uint32_t rw, uint32_t rh,
		      const struct v1_pic *out, uint32_t dx, uint32_t dy, uint32_t dw, uint32_t dh);

double v1_psnr(const uint8_t *a, const uint8_t *b, size_t n);

/* BT.601 full range, as JPEG uses. */
void v1_rgb_to_yuv(uint8_t r, uint8_t g, uint8_t b, uint8_t *y, uint8_t *u, uint8_t *v);

/* The SoC this run simulates (ASCEND_SIM_SOC, default Ascend310P3). */
const char *v1_soc(void);
bool v1_soc_is(const char *prefix);

#endif
