/* SPDX-License-Identifier: MIT */
/* The preload's re-typed HiMPI layouts, in the order abi_use_check.c lists the runtime's. */
#include <stddef.h>

#include "acltrace_acl.h"

size_t acltrace_abi_layout(unsigned what);

size_t acltrace_abi_layout(unsigned what)
{
	static const size_t layout[] = {
		sizeof(hi_vpc_pic_info),
		offsetof(hi_vpc_pic_info, picture_format),
		sizeof(hi_vpc_crop_region_info),
		sizeof(hi_vpc_crop_resize_region),
		sizeof(hi_vpc_crop_resize_paste_region),
		sizeof(hi_vpc_crop_resize_border_region),
		sizeof(hi_vpc_crop_resize_resize_paste_region),
		sizeof(hi_vpc_make_border_info),
		sizeof(hi_vdec_stream),
		offsetof(hi_vdec_stream, addr),
		offsetof(hi_vdec_stream, len),
		sizeof(hi_vdec_pic_info),
		offsetof(hi_vdec_pic_info, vir_addr),
		offsetof(hi_vdec_pic_info, buffer_size),
		offsetof(acltrace_hi_video_frame_head, virt_addr),
		offsetof(acltrace_hi_video_frame_head, width_stride),
	};
	return what < sizeof(layout) / sizeof(layout[0]) ? layout[what] : 0;
}
