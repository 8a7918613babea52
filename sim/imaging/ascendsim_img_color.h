/* SPDX-License-Identifier: MIT */
/* Private to ascendsim_imaging: colour conversion on unrounded values. */
#ifndef ASCENDSIM_IMG_COLOR_H
#define ASCENDSIM_IMG_COLOR_H

#include "ascendsim_imaging.h"

void ascendsim_img_rgb_to_yuv_d(const double rgb[3], double yuv[3]);
void ascendsim_img_yuv_to_rgb_d(const double yuv[3], double rgb[3]);
/* Rounds to nearest and clamps to 0..255. */
uint8_t ascendsim_img_to_u8(double v);

#endif
