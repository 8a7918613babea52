/* SPDX-License-Identifier: MIT */
/*
 * PNGD: declared with the documented surface, not simulated. Calls are logged and refused with
 * HI_ERR_PNGD_NOT_SUPPORT after the argument checks every PNGD call makes.
 */
#include "mpi_internal.h"

#define PNGD_ERR(e) MPI_ERR(HI_ID_PNGD, e)

static hi_s32 refuse(const char *api, hi_pngd_chn chn)
{
	if (chn < 0 || chn >= PNGD_MAX_CHN_NUM)
		return ascendsim_mpi_fail(api, PNGD_ERR(HI_ERR_INVALID_CHN_ID),
					  "channel %d outside [0, %d)", chn, PNGD_MAX_CHN_NUM);
	return PNGD_ERR(HI_ERR_NOT_SUPPORT);
}

MPI_EXPORT hi_s32 hi_mpi_pngd_create_chn(hi_pngd_chn chn, const hi_pngd_chn_attr *attr)
{
	hi_s32 ret = refuse("hi_mpi_pngd_create_chn", chn);

	ascendsim_mpi_log("hi_mpi_pngd_create_chn", ret, "chn=%d, attr=%p", chn,
			  (const void *)attr);
	return ret;
}

MPI_EXPORT hi_s32 hi_mpi_pngd_destroy_chn(hi_pngd_chn chn)
{
	hi_s32 ret = refuse("hi_mpi_pngd_destroy_chn", chn);

	ascendsim_mpi_log("hi_mpi_pngd_destroy_chn", ret, "chn=%d", chn);
	return ret;
}

MPI_EXPORT hi_s32 hi_mpi_pngd_send_stream(hi_pngd_chn chn, const hi_img_stream *stream,
					  hi_pic_info *png_pic_info, hi_s32 milli_sec)
{
	hi_s32 ret = refuse("hi_mpi_pngd_send_stream", chn);

	ascendsim_mpi_log("hi_mpi_pngd_send_stream", ret,
			  "chn=%d, stream=%p, png_pic_info=%p, milli_sec=%d", chn,
			  (const void *)stream, (void *)png_pic_info, milli_sec);
	return ret;
}

MPI_EXPORT hi_s32 hi_mpi_pngd_get_image_data(hi_pngd_chn chn, hi_pic_info *png_pic_info,
					     hi_img_stream *stream, hi_s32 milli_sec)
{
	hi_s32 ret = refuse("hi_mpi_pngd_get_image_data", chn);

	ascendsim_mpi_log("hi_mpi_pngd_get_image_data", ret,
			  "chn=%d, png_pic_info=%p, stream=%p, milli_sec=%d", chn,
			  (void *)png_pic_info, (void *)stream, milli_sec);
	return ret;
}

MPI_EXPORT hi_s32 hi_mpi_png_get_image_info(const hi_img_stream *png_stream, hi_img_info *img_info)
{
	hi_s32 ret = PNGD_ERR(HI_ERR_NOT_SUPPORT);

	if (!png_stream || !img_info)
		ret = PNGD_ERR(HI_ERR_NULL_PTR);
	ascendsim_mpi_log("hi_mpi_png_get_image_info", ret, "png_stream=%p, img_info=%p",
			  (const void *)png_stream, (void *)img_info);
	return ret;
}
