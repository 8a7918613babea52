/* SPDX-License-Identifier: MIT */
/*
 * The ACL, DVPP V1 and HiMPI types the use-site wrappers need, re-typed from the documented ABI
 * (api-facts.md 1, 2.3-2.6). Descriptions stay opaque; the HiMPI structures that carry buffer
 * pointers are laid out field by field (LP64), and tests/preload_use checks each layout against
 * the runtime headers.
 */
#ifndef ACLTRACE_USE_ACL_H
#define ACLTRACE_USE_ACL_H

#include "acltrace_acl.h"

#include <stddef.h>
#include <stdint.h>

/* Missing-symbol codes of the HiMPI modules: NOT_SUPPORT (api-facts.md 4.3). */
#define ACLTRACE_HI_VPC_NOT_SUPPORT  ((hi_s32)0xA0078008u)
#define ACLTRACE_HI_VDEC_NOT_SUPPORT ((hi_s32)0xA0058008u)

typedef void *aclrtStream;
typedef void *aclrtEvent;
typedef int aclrtMemcpyKind;	/* int-sized enum */
typedef int acldvppPixelFormat; /* enums are plain int at the ABI level */
typedef struct aclDataBuffer aclDataBuffer;
typedef struct aclmdlDataset aclmdlDataset;
typedef struct acldvppPicDesc acldvppPicDesc;
typedef struct acldvppStreamDesc acldvppStreamDesc;
typedef struct acldvppBatchPicDesc acldvppBatchPicDesc;
typedef struct acldvppChannelDesc acldvppChannelDesc;
typedef struct acldvppRoiConfig acldvppRoiConfig;
typedef struct acldvppResizeConfig acldvppResizeConfig;
typedef struct acldvppJpegeConfig acldvppJpegeConfig;
typedef struct acldvppBorderConfig acldvppBorderConfig;
typedef struct acldvppLutMap acldvppLutMap;
typedef struct acldvppHist acldvppHist;
typedef struct aclvdecChannelDesc aclvdecChannelDesc;
typedef struct aclvdecFrameConfig aclvdecFrameConfig;
typedef struct aclvencChannelDesc aclvencChannelDesc;
typedef struct aclvencFrameConfig aclvencFrameConfig;
typedef void (*aclvdecCallback)(acldvppStreamDesc *input, acldvppPicDesc *output, void *userData);
typedef void (*aclvencCallback)(acldvppPicDesc *input, acldvppStreamDesc *output, void *userdata);

typedef signed char hi_s8;
typedef unsigned short hi_u16;
typedef double hi_double;
typedef hi_s32 hi_vpc_chn;
typedef hi_s32 hi_vdec_chn;

/* hi_vpc_pic_info: 32 bytes, the picture every VPC operation reads or writes. */
typedef struct {
	void *picture_address;
	hi_u32 picture_buffer_size;
	hi_u32 picture_width;
	hi_u32 picture_height;
	hi_u32 picture_width_stride;
	hi_u32 picture_height_stride;
	int picture_format;
} hi_vpc_pic_info;

typedef struct {
	hi_u32 top_offset, left_offset, crop_width, crop_height;
} hi_vpc_crop_region;

typedef struct {
	hi_u32 resize_width, resize_height, interpolation;
} hi_vpc_resize_info;

typedef struct {
	double val[4];
} hi_vpc_scalar;

typedef struct {
	hi_u32 top, bottom, left, right;
	int border_type;
	hi_vpc_scalar scalar_value;
} hi_vpc_make_border_info;

/* Region arrays: each element starts with its destination picture. */
typedef struct {
	hi_vpc_pic_info dest_pic_info;
	hi_vpc_crop_region crop_region;
} hi_vpc_crop_region_info; /* 48 bytes */

typedef struct {
	hi_vpc_pic_info dest_pic_info;
	hi_vpc_crop_region crop_region;
	hi_vpc_resize_info resize_info;
} hi_vpc_crop_resize_region; /* 64 bytes */

typedef struct {
	hi_vpc_pic_info dest_pic_info;
	hi_vpc_crop_region crop_region;
	hi_vpc_resize_info resize_info;
	hi_u32 dest_top_offset, dest_left_offset;
} hi_vpc_crop_resize_paste_region; /* 72 bytes */

typedef struct {
	hi_vpc_pic_info dest_pic_info;
	hi_vpc_crop_region crop_region;
	hi_vpc_resize_info resize_info;
	hi_u32 dest_top_offset, dest_left_offset;
	int border_type;
	hi_vpc_scalar scalar_value;
} hi_vpc_crop_resize_border_region;

typedef struct {
	hi_vpc_pic_info dest_pic_info;
	hi_vpc_crop_region crop_region;
	hi_vpc_resize_info resize_info1, resize_info2;
	hi_u32 dest_top_offset, dest_left_offset;
	hi_u32 reserved[2];
} hi_vpc_crop_resize_resize_paste_region;

typedef struct hi_vpc_histogram_config hi_vpc_histogram_config;
typedef struct hi_vpc_lut_remap hi_vpc_lut_remap;
typedef struct hi_csc_conf hi_csc_conf;

/* hi_vdec_stream: 48 bytes, addr at 40. */
typedef struct {
	int end_of_frame, end_of_stream, need_display;
	hi_u64 pts;
	hi_u64 private_data;
	hi_u32 len;
	unsigned char *addr __attribute__((aligned(8)));
} hi_vdec_stream;

/* hi_vdec_pic_info: 48 bytes; vir_addr is an address carried as an integer. */
typedef struct {
	hi_u32 width, height, width_stride, height_stride;
	int pixel_format;
	hi_u64 vir_addr;
	hi_u32 buffer_size;
	short offset_top, offset_bottom, offset_left, offset_right;
} hi_vdec_pic_info;

/* The leading part of hi_video_frame_info up to the plane addresses (virt_addr[0] at 144). */
typedef struct {
	hi_u32 width, height;
	int field, pixel_format, video_format, compress_mode, dynamic_range, color_gamut;
	hi_u32 header_stride[3], width_stride[3], height_stride[3];
	hi_u64 header_phys_addr[3], phys_addr[3];
	void *header_virt_addr[3];
	void *virt_addr[3];
} acltrace_hi_video_frame_head;
typedef struct hi_video_frame_info hi_video_frame_info;
typedef struct hi_vdec_supplement_info hi_vdec_supplement_info;

#endif
