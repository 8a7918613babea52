/* SPDX-License-Identifier: MIT */
/*
 * acl/dvpp/hi_dvpp.h and its sub-headers (DVPP V2 / HiMPI, libacl_dvpp_mpi.so) against the
 * reference: base types (1.2), prototypes, channel types, limits, struct layouts, pixel formats
 * and module ids (2.6), error codes (4.3).
 */
#include "acl/dvpp/hi_dvpp.h"
#include "conformance.h"

/* ---- 1.2 base types ---- */
CONF_SAME_TYPE(hi_u8, unsigned char)
CONF_SAME_TYPE(hi_s8, signed char)
CONF_SAME_TYPE(hi_u16, unsigned short)
CONF_SAME_TYPE(hi_s16, short)
CONF_SAME_TYPE(hi_u32, unsigned int)
CONF_SAME_TYPE(hi_s32, int)
CONF_SAME_TYPE(hi_u64, unsigned long long)
CONF_SAME_TYPE(hi_s64, long long)
CONF_SAME_TYPE(hi_char, char)
CONF_SAME_TYPE(hi_double, double)
CONF_SAME_TYPE(hi_float, float)
CONF_SAME_TYPE(hi_fr32, hi_u32)
#ifndef hi_void
#error "hi_void must be a macro"
#endif
CONF_SAME_TYPE(hi_void, void)
CONF_CONST(HI_FALSE, 0)
CONF_CONST(HI_TRUE, 1)
CONF_SIZE(hi_bool, sizeof(int))
CONF_CONST(HI_NULL, 0)
CONF_STATIC(sizeof(HI_NULL) == sizeof(long), "HI_NULL is 0L")
CONF_CONST(HI_SUCCESS, 0)
CONF_CONST(HI_FAILURE, -1)
#ifndef ATTRIBUTE
#error "ATTRIBUTE must be defined"
#endif
CONF_CONST(DEFAULT_ALIGN, 32)
CONF_CONST(ALIGN_UP(33, 32), 64)
CONF_CONST(ALIGN_UP(64, 32), 64)
CONF_CONST32(HI_ERR_APP_ID, 0xA0000000u)
CONF_CONST32(HI_DEFINE_ERR(7, 4, 17), 0xA0078011u)
CONF_STATIC(HI_DEFINE_ERR(7, 4, 17) < 0, "HI_DEFINE_ERR gives a negative hi_s32")

/* ---- 2.6 prototypes: common and system ---- */
CONF_FN(hi_s32, hi_mpi_dvpp_malloc, (hi_u32, hi_void **, hi_u64))
CONF_FN(hi_s32, hi_mpi_dvpp_free, (hi_void *))
CONF_FN(hi_s32, hi_mpi_dvpp_get_version, (hi_s32 *, hi_s32 *, hi_s32 *))
CONF_FN(hi_s32, hi_mpi_sys_init, (void))
CONF_FN(hi_s32, hi_mpi_sys_exit, (void))
CONF_FN(hi_s32, hi_mpi_sys_create_epoll, (hi_s32, hi_s32 *))
CONF_FN(hi_s32, hi_mpi_sys_ctl_epoll, (hi_s32, hi_s32, hi_s32, hi_dvpp_epoll_event *))
CONF_FN(hi_s32, hi_mpi_sys_wait_epoll, (hi_s32, hi_dvpp_epoll_event *, hi_s32, hi_s32, hi_s32 *))
CONF_FN(hi_s32, hi_mpi_sys_close_epoll, (hi_s32))

/* ---- VPC ---- */
CONF_FN(hi_s32, hi_mpi_vpc_create_chn, (hi_vpc_chn, const hi_vpc_chn_attr *))
CONF_FN(hi_s32, hi_mpi_vpc_sys_create_chn, (hi_vpc_chn *, const hi_vpc_chn_attr *))
CONF_FN(hi_s32, hi_mpi_vpc_destroy_chn, (hi_vpc_chn))
CONF_FN(hi_s32, hi_mpi_vpc_crop,
	(hi_vpc_chn, const hi_vpc_pic_info *, hi_vpc_crop_region_info *, hi_u32, hi_u32 *, hi_s32))
CONF_FN(hi_s32, hi_mpi_vpc_resize,
	(hi_vpc_chn, const hi_vpc_pic_info *, hi_vpc_pic_info *, hi_double, hi_double, hi_u32,
	 hi_u32 *, hi_s32))
CONF_FN(hi_s32, hi_mpi_vpc_crop_resize,
	(hi_vpc_chn, const hi_vpc_pic_info *, hi_vpc_crop_resize_region *, hi_u32, hi_u32 *,
	 hi_s32))
CONF_FN(hi_s32, hi_mpi_vpc_crop_resize_paste,
	(hi_vpc_chn, const hi_vpc_pic_info *, hi_vpc_crop_resize_paste_region *, hi_u32, hi_u32 *,
	 hi_s32))
CONF_FN(hi_s32, hi_mpi_vpc_batch_crop_resize_paste,
	(hi_vpc_chn, const hi_vpc_pic_info **, hi_u32, hi_vpc_crop_resize_paste_region *, hi_u32 *,
	 hi_u32 *, hi_s32))
CONF_EXISTS(hi_mpi_vpc_crop_resize_make_border)
CONF_EXISTS(hi_mpi_vpc_batch_crop_resize_make_border)
CONF_EXISTS(hi_mpi_vpc_crop_resize_resize_paste)
CONF_FN(hi_s32, hi_mpi_vpc_convert_color,
	(hi_vpc_chn, const hi_vpc_pic_info *, hi_vpc_pic_info *, hi_u32 *, hi_s32))
CONF_EXISTS(hi_mpi_vpc_convert_color_to_yuv420)
CONF_EXISTS(hi_mpi_vpc_convert_color_v2)
CONF_FN(hi_s32, hi_mpi_vpc_copy_make_border,
	(hi_vpc_chn, const hi_vpc_pic_info *, hi_vpc_pic_info *, hi_vpc_make_border_info, hi_u32 *,
	 hi_s32))
CONF_FN(hi_s32, hi_mpi_vpc_pyrdown,
	(hi_vpc_chn, const hi_vpc_pic_info *, hi_vpc_pic_info *, hi_u32, hi_s8 (*)[5], hi_u16,
	 hi_vpc_make_border_info, hi_u32 *, hi_s32))
CONF_EXISTS(hi_mpi_vpc_calc_hist)
CONF_EXISTS(hi_mpi_vpc_equalize_hist)
CONF_FN(hi_s32, hi_mpi_vpc_get_process_result, (hi_vpc_chn, hi_u32, hi_s32))

/* ---- VDEC ---- */
CONF_FN(hi_s32, hi_mpi_vdec_create_chn, (hi_vdec_chn, const hi_vdec_chn_attr *))
CONF_EXISTS(hi_mpi_vdec_destroy_chn)
CONF_EXISTS(hi_mpi_vdec_start_recv_stream)
CONF_EXISTS(hi_mpi_vdec_stop_recv_stream)
CONF_EXISTS(hi_mpi_vdec_set_chn_param)
CONF_EXISTS(hi_mpi_vdec_get_chn_param)
CONF_EXISTS(hi_mpi_vdec_query_status)
CONF_EXISTS(hi_mpi_vdec_reset_chn)
CONF_FN(hi_s32, hi_mpi_vdec_send_stream,
	(hi_vdec_chn, const hi_vdec_stream *, hi_vdec_pic_info *, hi_s32))
CONF_FN(hi_s32, hi_mpi_vdec_get_frame,
	(hi_vdec_chn, hi_video_frame_info *, hi_vdec_supplement_info *, hi_vdec_stream *, hi_s32))
CONF_FN(hi_s32, hi_mpi_vdec_release_frame, (hi_vdec_chn, const hi_video_frame_info *))
CONF_FN(hi_s32, hi_mpi_dvpp_get_image_info,
	(hi_payload_type, const hi_vdec_stream *, hi_img_info *))

/* ---- VENC ---- */
CONF_FN(hi_s32, hi_mpi_venc_send_frame, (hi_venc_chn, const hi_video_frame_info *, hi_s32))
CONF_FN(hi_s32, hi_mpi_venc_send_jpege_frame,
	(hi_venc_chn, const hi_video_frame_info *, const hi_img_stream *, hi_s32))
CONF_FN(hi_s32, hi_mpi_venc_get_stream, (hi_venc_chn, hi_venc_stream *, hi_s32))
CONF_EXISTS(hi_mpi_venc_release_stream)
CONF_FN(hi_s32, hi_mpi_venc_get_jpege_predicted_size,
	(const hi_video_frame_info *, const hi_venc_jpeg_param *, hi_u32 *))

/* ---- PNGD ---- */
CONF_FN(hi_s32, hi_mpi_pngd_send_stream,
	(hi_pngd_chn, const hi_img_stream *, hi_pic_info *, hi_s32))
CONF_FN(hi_s32, hi_mpi_pngd_get_image_data, (hi_pngd_chn, hi_pic_info *, hi_img_stream *, hi_s32))
CONF_FN(hi_s32, hi_mpi_png_get_image_info, (const hi_img_stream *, hi_img_info *))

/* ---- channel types and limits ---- */
CONF_SAME_TYPE(hi_vpc_chn, hi_s32)
CONF_SAME_TYPE(hi_vdec_chn, hi_s32)
CONF_SAME_TYPE(hi_venc_chn, hi_s32)
CONF_SAME_TYPE(hi_pngd_chn, hi_s32)
CONF_CONST(VPC_MAX_CHN_NUM, 512)
CONF_CONST(VDEC_MAX_CHN_NUM, 256)
CONF_CONST(PNGD_MAX_CHN_NUM, 128)

/* ---- structures carrying buffer pointers (LP64) ---- */
#define CONF_PIC_INFO(t)                                          \
	CONF_SIZE(t, 32)                                          \
	CONF_STATIC(CONF_ALIGNOF(t) == 8, "alignof(" #t ") == 8") \
	CONF_OFFSET(t, picture_address, 0)                        \
	CONF_OFFSET(t, picture_buffer_size, 8)                    \
	CONF_OFFSET(t, picture_width, 12)                         \
	CONF_OFFSET(t, picture_height, 16)                        \
	CONF_OFFSET(t, picture_width_stride, 20)                  \
	CONF_OFFSET(t, picture_height_stride, 24)                 \
	CONF_OFFSET(t, picture_format, 28)                        \
	CONF_MEMBER_TYPE(t, picture_address, hi_void *)           \
	CONF_MEMBER_TYPE(t, picture_format, hi_pixel_format)
CONF_PIC_INFO(hi_vpc_pic_info)
CONF_PIC_INFO(hi_pic_info)

CONF_SIZE(hi_vpc_crop_region, 16)
CONF_OFFSET(hi_vpc_crop_region, top_offset, 0)
CONF_OFFSET(hi_vpc_crop_region, left_offset, 4)
CONF_OFFSET(hi_vpc_crop_region, crop_width, 8)
CONF_OFFSET(hi_vpc_crop_region, crop_height, 12)

CONF_SIZE(hi_vpc_crop_region_info, 48)
CONF_OFFSET(hi_vpc_crop_region_info, dest_pic_info, 0)
CONF_OFFSET(hi_vpc_crop_region_info, crop_region, 32)

CONF_SIZE(hi_vpc_resize_info, 12)
CONF_OFFSET(hi_vpc_resize_info, resize_width, 0)
CONF_OFFSET(hi_vpc_resize_info, resize_height, 4)
CONF_OFFSET(hi_vpc_resize_info, interpolation, 8)

CONF_SIZE(hi_vpc_crop_resize_region, 64)
CONF_OFFSET(hi_vpc_crop_resize_region, dest_pic_info, 0)
CONF_OFFSET(hi_vpc_crop_resize_region, crop_region, 32)
CONF_OFFSET(hi_vpc_crop_resize_region, resize_info, 48)

CONF_SIZE(hi_vpc_crop_resize_paste_region, 72)
CONF_OFFSET(hi_vpc_crop_resize_paste_region, dest_pic_info, 0)
CONF_OFFSET(hi_vpc_crop_resize_paste_region, crop_region, 32)
CONF_OFFSET(hi_vpc_crop_resize_paste_region, resize_info, 48)
CONF_OFFSET(hi_vpc_crop_resize_paste_region, dest_top_offset, 60)
CONF_OFFSET(hi_vpc_crop_resize_paste_region, dest_left_offset, 64)

CONF_SIZE(hi_vpc_chn_attr, 12)
CONF_OFFSET(hi_vpc_chn_attr, attr, 0)
CONF_OFFSET(hi_vpc_chn_attr, pic_width, 4)
CONF_OFFSET(hi_vpc_chn_attr, pic_height, 8)

CONF_SIZE(hi_vdec_stream, 48)
CONF_OFFSET(hi_vdec_stream, end_of_frame, 0)
CONF_OFFSET(hi_vdec_stream, end_of_stream, 4)
CONF_OFFSET(hi_vdec_stream, need_display, 8)
CONF_OFFSET(hi_vdec_stream, pts, 16)
CONF_OFFSET(hi_vdec_stream, private_data, 24)
CONF_OFFSET(hi_vdec_stream, len, 32)
CONF_OFFSET(hi_vdec_stream, addr, 40)
CONF_MEMBER_TYPE(hi_vdec_stream, end_of_frame, hi_bool)
CONF_MEMBER_TYPE(hi_vdec_stream, addr[0], hi_u8) /* addr is a hi_u8 pointer */

CONF_SIZE(hi_vdec_pic_info, 48)
CONF_OFFSET(hi_vdec_pic_info, width, 0)
CONF_OFFSET(hi_vdec_pic_info, height, 4)
CONF_OFFSET(hi_vdec_pic_info, width_stride, 8)
CONF_OFFSET(hi_vdec_pic_info, height_stride, 12)
CONF_OFFSET(hi_vdec_pic_info, pixel_format, 16)
CONF_OFFSET(hi_vdec_pic_info, vir_addr, 24)
CONF_OFFSET(hi_vdec_pic_info, buffer_size, 32)
CONF_OFFSET(hi_vdec_pic_info, offset_top, 36)
CONF_OFFSET(hi_vdec_pic_info, offset_bottom, 38)
CONF_OFFSET(hi_vdec_pic_info, offset_left, 40)
CONF_OFFSET(hi_vdec_pic_info, offset_right, 42)
CONF_MEMBER_TYPE(hi_vdec_pic_info, vir_addr, hi_u64) /* not a pointer */
CONF_MEMBER_TYPE(hi_vdec_pic_info, offset_top, hi_s16)

CONF_SIZE(hi_img_stream, 40)
CONF_OFFSET(hi_img_stream, type, 0)
CONF_OFFSET(hi_img_stream, addr, 8)
CONF_OFFSET(hi_img_stream, len, 16)
CONF_OFFSET(hi_img_stream, pts, 24)
CONF_OFFSET(hi_img_stream, reserved, 32)
CONF_MEMBER_TYPE(hi_img_stream, type, hi_payload_type)

/* hi_video_frame: the reference fixes the field types of its buffer arrays. */
CONF_MEMBER_TYPE(hi_video_frame, header_stride[0], hi_u32)
CONF_MEMBER_TYPE(hi_video_frame, width_stride[0], hi_u32)
CONF_MEMBER_TYPE(hi_video_frame, height_stride[0], hi_u32)
CONF_MEMBER_TYPE(hi_video_frame, header_phys_addr[0], hi_u64)
CONF_MEMBER_TYPE(hi_video_frame, phys_addr[0], hi_u64)
CONF_MEMBER_TYPE(hi_video_frame, header_virt_addr[0], hi_void *)
CONF_MEMBER_TYPE(hi_video_frame, virt_addr[0], hi_void *)
CONF_STATIC(sizeof(((hi_video_frame *)0)->virt_addr) == 3 * sizeof(void *), "virt_addr[3]");

/* ---- hi_pixel_format: CANN's V1 numbering, plus V2's own ---- */
CONF_CONST(HI_PIXEL_FORMAT_YUV_400, 0)
CONF_CONST(HI_PIXEL_FORMAT_YUV_SEMIPLANAR_420, 1)
CONF_CONST(HI_PIXEL_FORMAT_YVU_SEMIPLANAR_420, 2)
CONF_CONST(HI_PIXEL_FORMAT_YUV_SEMIPLANAR_422, 3)
CONF_CONST(HI_PIXEL_FORMAT_YVU_SEMIPLANAR_422, 4)
CONF_CONST(HI_PIXEL_FORMAT_YUV_SEMIPLANAR_444, 5)
CONF_CONST(HI_PIXEL_FORMAT_YVU_SEMIPLANAR_444, 6)
CONF_CONST(HI_PIXEL_FORMAT_YUYV_PACKED_422, 7)
CONF_CONST(HI_PIXEL_FORMAT_UYVY_PACKED_422, 8)
CONF_CONST(HI_PIXEL_FORMAT_YVYU_PACKED_422, 9)
CONF_CONST(HI_PIXEL_FORMAT_VYUY_PACKED_422, 10)
CONF_CONST(HI_PIXEL_FORMAT_YUV_PACKED_444, 11)
CONF_CONST(HI_PIXEL_FORMAT_RGB_888, 12)
CONF_CONST(HI_PIXEL_FORMAT_BGR_888, 13)
CONF_CONST(HI_PIXEL_FORMAT_ARGB_8888, 14)
CONF_CONST(HI_PIXEL_FORMAT_ABGR_8888, 15)
CONF_CONST(HI_PIXEL_FORMAT_RGBA_8888, 16)
CONF_CONST(HI_PIXEL_FORMAT_BGRA_8888, 17)
CONF_CONST(HI_PIXEL_FORMAT_YVU_PLANAR_420, 20)
CONF_CONST(HI_PIXEL_FORMAT_YUV_PLANAR_420, 55)
CONF_CONST(HI_PIXEL_FORMAT_RGB_888_PLANAR, 69)
CONF_CONST(HI_PIXEL_FORMAT_YUV_SEMIPLANAR_440, 1000)
CONF_CONST(HI_PIXEL_FORMAT_UNKNOWN, 10000)

/* ---- hi_mod_id ---- */
CONF_CONST(HI_ID_SYS, 2)
CONF_CONST(HI_ID_VDEC, 5)
CONF_CONST(HI_ID_VPC, 7)
CONF_CONST(HI_ID_VENC, 8)
CONF_CONST(HI_ID_JPEGE, 11)
CONF_CONST(HI_ID_JPEGD, 14)
CONF_CONST(HI_ID_PNGD, 64)

/* ---- 4.3 errno values and module codes ---- */
CONF_CONST(HI_ERR_LEVEL_ERROR, 4)
CONF_CONST(HI_ERR_INVALID_DEV_ID, 1)
CONF_CONST(HI_ERR_INVALID_CHN_ID, 2)
CONF_CONST(HI_ERR_ILLEGAL_PARAM, 3)
CONF_CONST(HI_ERR_EXIST, 4)
CONF_CONST(HI_ERR_UNEXIST, 5)
CONF_CONST(HI_ERR_NULL_PTR, 6)
CONF_CONST(HI_ERR_NOT_CFG, 7)
CONF_CONST(HI_ERR_NOT_SUPPORT, 8)
CONF_CONST(HI_ERR_NOT_PERM, 9)
CONF_CONST(HI_ERR_NO_MEM, 12)
CONF_CONST(HI_ERR_NO_BUF, 13)
CONF_CONST(HI_ERR_BUF_EMPTY, 14)
CONF_CONST(HI_ERR_BUF_FULL, 15)
CONF_CONST(HI_ERR_NOT_READY, 16)
CONF_CONST(HI_ERR_BAD_ADDR, 17)
CONF_CONST(HI_ERR_BUSY, 18)
CONF_CONST(HI_ERR_SIZE_NOT_ENOUGH, 19)
CONF_CONST(HI_ERR_TIMEOUT, 20)
CONF_CONST(HI_ERR_SYS_ERROR, 21)

CONF_CONST32(HI_ERR_SYS_ILLEGAL_PARAM, 0xA0028003u)
CONF_CONST32(HI_ERR_SYS_NULL_PTR, 0xA0028006u)
CONF_CONST32(HI_ERR_SYS_NOT_SUPPORT, 0xA0028008u)
CONF_CONST32(HI_ERR_SYS_NO_MEM, 0xA002800Cu)
CONF_CONST32(HI_ERR_SYS_NOT_READY, 0xA0028010u)
CONF_CONST32(HI_ERR_SYS_BUSY, 0xA0028012u)
CONF_CONST32(HI_ERR_SYS_ERR, 0xA0028015u)
CONF_CONST32(HI_ERR_VDEC_NO_MEM, 0xA005800Cu)
CONF_CONST32(HI_ERR_VDEC_BAD_ADDR, 0xA0058011u)
CONF_CONST32(HI_ERR_VDEC_SYS_ERROR, 0xA0058015u)
CONF_CONST32(HI_ERR_VPC_ILLEGAL_PARAM, 0xA0078003u)
CONF_CONST32(HI_ERR_VPC_NULL_PTR, 0xA0078006u)
CONF_CONST32(HI_ERR_VPC_NO_MEM, 0xA007800Cu)
CONF_CONST32(HI_ERR_VPC_BAD_ADDR, 0xA0078011u)
CONF_CONST32(HI_ERR_VPC_SYS_ERROR, 0xA0078015u)
CONF_CONST32(HI_ERR_VENC_ILLEGAL_PARAM, 0xA0088003u)
CONF_CONST32(HI_ERR_PNGD_BAD_ADDR, 0xA0408011u)
CONF_CONST32(HI_ERR_PNGD_SYS_ERROR, 0xA0408015u)

int main(void)
{
	printf("conformance: hi_dvpp.h matches the reference\n");
	return 0;
}
