/* SPDX-License-Identifier: MIT */
/*
 * The use-site part of the interposed calls (the USE lines of acltrace_hooks.def). The wrapper
 * generated for each line calls acltrace_usepre_<api> before the real function, which checks the
 * buffers the call reads and writes and returns true when enforce mode keeps the call from the
 * runtime (having set *rc to what the wrapper returns), and acltrace_usepost_<api> after it,
 * which queues asynchronous work or retires it. Both see the call's arguments unchanged.
 */
#ifndef ACLTRACE_USE_HOOKS_H
#define ACLTRACE_USE_HOOKS_H

#include "acltrace_acl.h"
#include "acltrace_track.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* How the wrapper of a USE line calls the handlers (acltrace_hooks.c). */
#define ACLTRACE_PRE_USE(h, a)     \
	if (acltrace_usepre_##h a) \
	goto out
#define ACLTRACE_POST_USE(h, a) acltrace_usepost_##h a

bool acltrace_usepre_acldvppSetPicDescData(struct acltrace_call *c, aclError *rc,
					   acldvppPicDesc *picDesc, void *dataDev);
void acltrace_usepost_acldvppSetPicDescData(struct acltrace_call *c, aclError *rc,
					    acldvppPicDesc *picDesc, void *dataDev);
bool acltrace_usepre_acldvppSetPicDescSize(struct acltrace_call *c, aclError *rc,
					   acldvppPicDesc *picDesc, uint32_t size);
void acltrace_usepost_acldvppSetPicDescSize(struct acltrace_call *c, aclError *rc,
					    acldvppPicDesc *picDesc, uint32_t size);
bool acltrace_usepre_acldvppSetPicDescFormat(struct acltrace_call *c, aclError *rc,
					     acldvppPicDesc *picDesc, acldvppPixelFormat format);
void acltrace_usepost_acldvppSetPicDescFormat(struct acltrace_call *c, aclError *rc,
					      acldvppPicDesc *picDesc, acldvppPixelFormat format);
bool acltrace_usepre_acldvppSetPicDescWidth(struct acltrace_call *c, aclError *rc,
					    acldvppPicDesc *picDesc, uint32_t width);
void acltrace_usepost_acldvppSetPicDescWidth(struct acltrace_call *c, aclError *rc,
					     acldvppPicDesc *picDesc, uint32_t width);
bool acltrace_usepre_acldvppSetPicDescHeight(struct acltrace_call *c, aclError *rc,
					     acldvppPicDesc *picDesc, uint32_t height);
void acltrace_usepost_acldvppSetPicDescHeight(struct acltrace_call *c, aclError *rc,
					      acldvppPicDesc *picDesc, uint32_t height);
bool acltrace_usepre_acldvppSetPicDescWidthStride(struct acltrace_call *c, aclError *rc,
						  acldvppPicDesc *picDesc, uint32_t widthStride);
void acltrace_usepost_acldvppSetPicDescWidthStride(struct acltrace_call *c, aclError *rc,
						   acldvppPicDesc *picDesc, uint32_t widthStride);
bool acltrace_usepre_acldvppSetPicDescHeightStride(struct acltrace_call *c, aclError *rc,
						   acldvppPicDesc *picDesc, uint32_t heightStride);
void acltrace_usepost_acldvppSetPicDescHeightStride(struct acltrace_call *c, aclError *rc,
						    acldvppPicDesc *picDesc, uint32_t heightStride);
bool acltrace_usepre_acldvppSetStreamDescData(struct acltrace_call *c, aclError *rc,
					      acldvppStreamDesc *streamDesc, void *dataDev);
void acltrace_usepost_acldvppSetStreamDescData(struct acltrace_call *c, aclError *rc,
					       acldvppStreamDesc *streamDesc, void *dataDev);
bool acltrace_usepre_acldvppSetStreamDescSize(struct acltrace_call *c, aclError *rc,
					      acldvppStreamDesc *streamDesc, uint32_t size);
void acltrace_usepost_acldvppSetStreamDescSize(struct acltrace_call *c, aclError *rc,
					       acldvppStreamDesc *streamDesc, uint32_t size);
bool acltrace_usepre_acldvppVpcResizeAsync(struct acltrace_call *c, aclError *rc,
					   acldvppChannelDesc *channelDesc,
					   acldvppPicDesc *inputDesc, acldvppPicDesc *outputDesc,
					   acldvppResizeConfig *resizeConfig, aclrtStream stream);
void acltrace_usepost_acldvppVpcResizeAsync(struct acltrace_call *c, aclError *rc,
					    acldvppChannelDesc *channelDesc,
					    acldvppPicDesc *inputDesc, acldvppPicDesc *outputDesc,
					    acldvppResizeConfig *resizeConfig, aclrtStream stream);
bool acltrace_usepre_acldvppVpcCropAsync(struct acltrace_call *c, aclError *rc,
					 acldvppChannelDesc *channelDesc, acldvppPicDesc *inputDesc,
					 acldvppPicDesc *outputDesc, acldvppRoiConfig *cropArea,
					 aclrtStream stream);
void acltrace_usepost_acldvppVpcCropAsync(struct acltrace_call *c, aclError *rc,
					  acldvppChannelDesc *channelDesc,
					  acldvppPicDesc *inputDesc, acldvppPicDesc *outputDesc,
					  acldvppRoiConfig *cropArea, aclrtStream stream);
bool acltrace_usepre_acldvppVpcCropResizeAsync(
    struct acltrace_call *c, aclError *rc, acldvppChannelDesc *channelDesc,
    acldvppPicDesc *inputDesc, acldvppPicDesc *outputDesc, acldvppRoiConfig *cropArea,
    acldvppResizeConfig *resizeConfig, aclrtStream stream);
void acltrace_usepost_acldvppVpcCropResizeAsync(
    struct acltrace_call *c, aclError *rc, acldvppChannelDesc *channelDesc,
    acldvppPicDesc *inputDesc, acldvppPicDesc *outputDesc, acldvppRoiConfig *cropArea,
    acldvppResizeConfig *resizeConfig, aclrtStream stream);
bool acltrace_usepre_acldvppVpcBatchCropAsync(struct acltrace_call *c, aclError *rc,
					      acldvppChannelDesc *channelDesc,
					      acldvppBatchPicDesc *srcBatchPicDescs,
					      uint32_t *roiNums, uint32_t size,
					      acldvppBatchPicDesc *dstBatchPicDescs,
					      acldvppRoiConfig *cropAreas[], aclrtStream stream);
void acltrace_usepost_acldvppVpcBatchCropAsync(struct acltrace_call *c, aclError *rc,
					       acldvppChannelDesc *channelDesc,
					       acldvppBatchPicDesc *srcBatchPicDescs,
					       uint32_t *roiNums, uint32_t size,
					       acldvppBatchPicDesc *dstBatchPicDescs,
					       acldvppRoiConfig *cropAreas[], aclrtStream stream);
bool acltrace_usepre_acldvppVpcBatchCropResizeAsync(
    struct acltrace_call *c, aclError *rc, acldvppChannelDesc *channelDesc,
    acldvppBatchPicDesc *srcBatchPicDescs, uint32_t *roiNums, uint32_t size,
    acldvppBatchPicDesc *dstBatchPicDescs, acldvppRoiConfig *cropAreas[],
    acldvppResizeConfig *resizeConfig, aclrtStream stream);
void acltrace_usepost_acldvppVpcBatchCropResizeAsync(
    struct acltrace_call *c, aclError *rc, acldvppChannelDesc *channelDesc,
    acldvppBatchPicDesc *srcBatchPicDescs, uint32_t *roiNums, uint32_t size,
    acldvppBatchPicDesc *dstBatchPicDescs, acldvppRoiConfig *cropAreas[],
    acldvppResizeConfig *resizeConfig, aclrtStream stream);
bool acltrace_usepre_acldvppVpcCropAndPasteAsync(struct acltrace_call *c, aclError *rc,
						 acldvppChannelDesc *channelDesc,
						 acldvppPicDesc *inputDesc,
						 acldvppPicDesc *outputDesc,
						 acldvppRoiConfig *cropArea,
						 acldvppRoiConfig *pasteArea, aclrtStream stream);
void acltrace_usepost_acldvppVpcCropAndPasteAsync(struct acltrace_call *c, aclError *rc,
						  acldvppChannelDesc *channelDesc,
						  acldvppPicDesc *inputDesc,
						  acldvppPicDesc *outputDesc,
						  acldvppRoiConfig *cropArea,
						  acldvppRoiConfig *pasteArea, aclrtStream stream);
bool acltrace_usepre_acldvppVpcCropResizePasteAsync(
    struct acltrace_call *c, aclError *rc, acldvppChannelDesc *channelDesc,
    acldvppPicDesc *inputDesc, acldvppPicDesc *outputDesc, acldvppRoiConfig *cropArea,
    acldvppRoiConfig *pasteArea, acldvppResizeConfig *resizeConfig, aclrtStream stream);
void acltrace_usepost_acldvppVpcCropResizePasteAsync(
    struct acltrace_call *c, aclError *rc, acldvppChannelDesc *channelDesc,
    acldvppPicDesc *inputDesc, acldvppPicDesc *outputDesc, acldvppRoiConfig *cropArea,
    acldvppRoiConfig *pasteArea, acldvppResizeConfig *resizeConfig, aclrtStream stream);
bool acltrace_usepre_acldvppVpcBatchCropAndPasteAsync(
    struct acltrace_call *c, aclError *rc, acldvppChannelDesc *channelDesc,
    acldvppBatchPicDesc *srcBatchPicDescs, uint32_t *roiNums, uint32_t size,
    acldvppBatchPicDesc *dstBatchPicDescs, acldvppRoiConfig *cropAreas[],
    acldvppRoiConfig *pasteAreas[], aclrtStream stream);
void acltrace_usepost_acldvppVpcBatchCropAndPasteAsync(
    struct acltrace_call *c, aclError *rc, acldvppChannelDesc *channelDesc,
    acldvppBatchPicDesc *srcBatchPicDescs, uint32_t *roiNums, uint32_t size,
    acldvppBatchPicDesc *dstBatchPicDescs, acldvppRoiConfig *cropAreas[],
    acldvppRoiConfig *pasteAreas[], aclrtStream stream);
bool acltrace_usepre_acldvppVpcBatchCropResizePasteAsync(
    struct acltrace_call *c, aclError *rc, acldvppChannelDesc *channelDesc,
    acldvppBatchPicDesc *srcBatchPicDescs, uint32_t *roiNums, uint32_t size,
    acldvppBatchPicDesc *dstBatchPicDescs, acldvppRoiConfig *cropAreas[],
    acldvppRoiConfig *pasteAreas[], acldvppResizeConfig *resizeConfig, aclrtStream stream);
void acltrace_usepost_acldvppVpcBatchCropResizePasteAsync(
    struct acltrace_call *c, aclError *rc, acldvppChannelDesc *channelDesc,
    acldvppBatchPicDesc *srcBatchPicDescs, uint32_t *roiNums, uint32_t size,
    acldvppBatchPicDesc *dstBatchPicDescs, acldvppRoiConfig *cropAreas[],
    acldvppRoiConfig *pasteAreas[], acldvppResizeConfig *resizeConfig, aclrtStream stream);
bool acltrace_usepre_acldvppVpcBatchCropResizeMakeBorderAsync(
    struct acltrace_call *c, aclError *rc, acldvppChannelDesc *channelDesc,
    acldvppBatchPicDesc *srcBatchPicDescs, uint32_t *roiNums, uint32_t size,
    acldvppBatchPicDesc *dstBatchPicDescs, acldvppRoiConfig *cropAreas[],
    acldvppBorderConfig *borderCfgs[], acldvppResizeConfig *resizeConfig, aclrtStream stream);
void acltrace_usepost_acldvppVpcBatchCropResizeMakeBorderAsync(
    struct acltrace_call *c, aclError *rc, acldvppChannelDesc *channelDesc,
    acldvppBatchPicDesc *srcBatchPicDescs, uint32_t *roiNums, uint32_t size,
    acldvppBatchPicDesc *dstBatchPicDescs, acldvppRoiConfig *cropAreas[],
    acldvppBorderConfig *borderCfgs[], acldvppResizeConfig *resizeConfig, aclrtStream stream);
bool acltrace_usepre_acldvppVpcConvertColorAsync(struct acltrace_call *c, aclError *rc,
						 acldvppChannelDesc *channelDesc,
						 acldvppPicDesc *inputDesc,
						 acldvppPicDesc *outputDesc, aclrtStream stream);
void acltrace_usepost_acldvppVpcConvertColorAsync(struct acltrace_call *c, aclError *rc,
						  acldvppChannelDesc *channelDesc,
						  acldvppPicDesc *inputDesc,
						  acldvppPicDesc *outputDesc, aclrtStream stream);
bool acltrace_usepre_acldvppVpcPyrDownAsync(struct acltrace_call *c, aclError *rc,
					    acldvppChannelDesc *channelDesc,
					    acldvppPicDesc *inputDesc, acldvppPicDesc *outputDesc,
					    void *reserve, aclrtStream stream);
void acltrace_usepost_acldvppVpcPyrDownAsync(struct acltrace_call *c, aclError *rc,
					     acldvppChannelDesc *channelDesc,
					     acldvppPicDesc *inputDesc, acldvppPicDesc *outputDesc,
					     void *reserve, aclrtStream stream);
bool acltrace_usepre_acldvppVpcEqualizeHistAsync(struct acltrace_call *c, aclError *rc,
						 const acldvppChannelDesc *channelDesc,
						 const acldvppPicDesc *inputDesc,
						 acldvppPicDesc *outputDesc,
						 const acldvppLutMap *lutMap, aclrtStream stream);
void acltrace_usepost_acldvppVpcEqualizeHistAsync(struct acltrace_call *c, aclError *rc,
						  const acldvppChannelDesc *channelDesc,
						  const acldvppPicDesc *inputDesc,
						  acldvppPicDesc *outputDesc,
						  const acldvppLutMap *lutMap, aclrtStream stream);
bool acltrace_usepre_acldvppVpcMakeBorderAsync(struct acltrace_call *c, aclError *rc,
					       const acldvppChannelDesc *channelDesc,
					       const acldvppPicDesc *inputDesc,
					       acldvppPicDesc *outputDesc,
					       const acldvppBorderConfig *borderConfig,
					       aclrtStream stream);
void acltrace_usepost_acldvppVpcMakeBorderAsync(struct acltrace_call *c, aclError *rc,
						const acldvppChannelDesc *channelDesc,
						const acldvppPicDesc *inputDesc,
						acldvppPicDesc *outputDesc,
						const acldvppBorderConfig *borderConfig,
						aclrtStream stream);
bool acltrace_usepre_acldvppVpcCalcHistAsync(struct acltrace_call *c, aclError *rc,
					     acldvppChannelDesc *channelDesc,
					     acldvppPicDesc *srcPicDesc, acldvppHist *hist,
					     void *reserve, aclrtStream stream);
void acltrace_usepost_acldvppVpcCalcHistAsync(struct acltrace_call *c, aclError *rc,
					      acldvppChannelDesc *channelDesc,
					      acldvppPicDesc *srcPicDesc, acldvppHist *hist,
					      void *reserve, aclrtStream stream);
bool acltrace_usepre_acldvppJpegDecodeAsync(struct acltrace_call *c, aclError *rc,
					    acldvppChannelDesc *channelDesc, const void *data,
					    uint32_t size, acldvppPicDesc *outputDesc,
					    aclrtStream stream);
void acltrace_usepost_acldvppJpegDecodeAsync(struct acltrace_call *c, aclError *rc,
					     acldvppChannelDesc *channelDesc, const void *data,
					     uint32_t size, acldvppPicDesc *outputDesc,
					     aclrtStream stream);
bool acltrace_usepre_acldvppJpegEncodeAsync(struct acltrace_call *c, aclError *rc,
					    acldvppChannelDesc *channelDesc,
					    acldvppPicDesc *inputDesc, const void *data,
					    uint32_t *size, acldvppJpegeConfig *config,
					    aclrtStream stream);
void acltrace_usepost_acldvppJpegEncodeAsync(struct acltrace_call *c, aclError *rc,
					     acldvppChannelDesc *channelDesc,
					     acldvppPicDesc *inputDesc, const void *data,
					     uint32_t *size, acldvppJpegeConfig *config,
					     aclrtStream stream);
bool acltrace_usepre_acldvppPngDecodeAsync(struct acltrace_call *c, aclError *rc,
					   acldvppChannelDesc *channelDesc, const void *data,
					   uint32_t size, acldvppPicDesc *outputDesc,
					   aclrtStream stream);
void acltrace_usepost_acldvppPngDecodeAsync(struct acltrace_call *c, aclError *rc,
					    acldvppChannelDesc *channelDesc, const void *data,
					    uint32_t size, acldvppPicDesc *outputDesc,
					    aclrtStream stream);
bool acltrace_usepre_aclvdecSendFrame(struct acltrace_call *c, aclError *rc,
				      aclvdecChannelDesc *channelDesc, acldvppStreamDesc *input,
				      acldvppPicDesc *output, aclvdecFrameConfig *config,
				      void *userData);
void acltrace_usepost_aclvdecSendFrame(struct acltrace_call *c, aclError *rc,
				       aclvdecChannelDesc *channelDesc, acldvppStreamDesc *input,
				       acldvppPicDesc *output, aclvdecFrameConfig *config,
				       void *userData);
bool acltrace_usepre_aclvencSendFrame(struct acltrace_call *c, aclError *rc,
				      aclvencChannelDesc *channelDesc, acldvppPicDesc *input,
				      void *reserve, aclvencFrameConfig *config, void *userdata);
void acltrace_usepost_aclvencSendFrame(struct acltrace_call *c, aclError *rc,
				       aclvencChannelDesc *channelDesc, acldvppPicDesc *input,
				       void *reserve, aclvencFrameConfig *config, void *userdata);
bool acltrace_usepre_aclvencSetChannelDescBufAddr(struct acltrace_call *c, aclError *rc,
						  aclvencChannelDesc *channelDesc, void *bufAddr);
void acltrace_usepost_aclvencSetChannelDescBufAddr(struct acltrace_call *c, aclError *rc,
						   aclvencChannelDesc *channelDesc, void *bufAddr);
bool acltrace_usepre_hi_mpi_vpc_crop(struct acltrace_call *c, hi_s32 *rc, hi_vpc_chn chn,
				     const hi_vpc_pic_info *source_pic,
				     hi_vpc_crop_region_info crop_info[], hi_u32 count,
				     hi_u32 *task_id, hi_s32 milli_sec);
void acltrace_usepost_hi_mpi_vpc_crop(struct acltrace_call *c, hi_s32 *rc, hi_vpc_chn chn,
				      const hi_vpc_pic_info *source_pic,
				      hi_vpc_crop_region_info crop_info[], hi_u32 count,
				      hi_u32 *task_id, hi_s32 milli_sec);
bool acltrace_usepre_hi_mpi_vpc_resize(struct acltrace_call *c, hi_s32 *rc, hi_vpc_chn chn,
				       const hi_vpc_pic_info *source_pic, hi_vpc_pic_info *dest_pic,
				       hi_double fx, hi_double fy, hi_u32 interpolation,
				       hi_u32 *task_id, hi_s32 milli_sec);
void acltrace_usepost_hi_mpi_vpc_resize(struct acltrace_call *c, hi_s32 *rc, hi_vpc_chn chn,
					const hi_vpc_pic_info *source_pic,
					hi_vpc_pic_info *dest_pic, hi_double fx, hi_double fy,
					hi_u32 interpolation, hi_u32 *task_id, hi_s32 milli_sec);
bool acltrace_usepre_hi_mpi_vpc_crop_resize(struct acltrace_call *c, hi_s32 *rc, hi_vpc_chn chn,
					    const hi_vpc_pic_info *source_pic,
					    hi_vpc_crop_resize_region crop_resize_info[],
					    hi_u32 count, hi_u32 *task_id, hi_s32 milli_sec);
void acltrace_usepost_hi_mpi_vpc_crop_resize(struct acltrace_call *c, hi_s32 *rc, hi_vpc_chn chn,
					     const hi_vpc_pic_info *source_pic,
					     hi_vpc_crop_resize_region crop_resize_info[],
					     hi_u32 count, hi_u32 *task_id, hi_s32 milli_sec);
bool acltrace_usepre_hi_mpi_vpc_crop_resize_paste(
    struct acltrace_call *c, hi_s32 *rc, hi_vpc_chn chn, const hi_vpc_pic_info *source_pic,
    hi_vpc_crop_resize_paste_region crop_resize_paste_info[], hi_u32 count, hi_u32 *task_id,
    hi_s32 milli_sec);
void acltrace_usepost_hi_mpi_vpc_crop_resize_paste(
    struct acltrace_call *c, hi_s32 *rc, hi_vpc_chn chn, const hi_vpc_pic_info *source_pic,
    hi_vpc_crop_resize_paste_region crop_resize_paste_info[], hi_u32 count, hi_u32 *task_id,
    hi_s32 milli_sec);
bool acltrace_usepre_hi_mpi_vpc_batch_crop_resize_paste(
    struct acltrace_call *c, hi_s32 *rc, hi_vpc_chn chn, const hi_vpc_pic_info *source_pic[],
    hi_u32 pic_num, hi_vpc_crop_resize_paste_region crop_resize_paste_info[], hi_u32 count[],
    hi_u32 *task_id, hi_s32 milli_sec);
void acltrace_usepost_hi_mpi_vpc_batch_crop_resize_paste(
    struct acltrace_call *c, hi_s32 *rc, hi_vpc_chn chn, const hi_vpc_pic_info *source_pic[],
    hi_u32 pic_num, hi_vpc_crop_resize_paste_region crop_resize_paste_info[], hi_u32 count[],
    hi_u32 *task_id, hi_s32 milli_sec);
bool acltrace_usepre_hi_mpi_vpc_crop_resize_make_border(
    struct acltrace_call *c, hi_s32 *rc, hi_vpc_chn chn, const hi_vpc_pic_info *source_pic,
    hi_vpc_crop_resize_border_region crop_resize_make_border_info[], hi_u32 count, hi_u32 *task_id,
    hi_s32 milli_sec);
void acltrace_usepost_hi_mpi_vpc_crop_resize_make_border(
    struct acltrace_call *c, hi_s32 *rc, hi_vpc_chn chn, const hi_vpc_pic_info *source_pic,
    hi_vpc_crop_resize_border_region crop_resize_make_border_info[], hi_u32 count, hi_u32 *task_id,
    hi_s32 milli_sec);
bool acltrace_usepre_hi_mpi_vpc_batch_crop_resize_make_border(
    struct acltrace_call *c, hi_s32 *rc, hi_vpc_chn chn, const hi_vpc_pic_info *source_pic[],
    hi_u32 pic_num, hi_vpc_crop_resize_border_region crop_resize_make_border_info[], hi_u32 count[],
    hi_u32 *task_id, hi_s32 milli_sec);
void acltrace_usepost_hi_mpi_vpc_batch_crop_resize_make_border(
    struct acltrace_call *c, hi_s32 *rc, hi_vpc_chn chn, const hi_vpc_pic_info *source_pic[],
    hi_u32 pic_num, hi_vpc_crop_resize_border_region crop_resize_make_border_info[], hi_u32 count[],
    hi_u32 *task_id, hi_s32 milli_sec);
bool acltrace_usepre_hi_mpi_vpc_crop_resize_resize_paste(
    struct acltrace_call *c, hi_s32 *rc, hi_vpc_chn chn, const hi_vpc_pic_info *source_pic,
    hi_vpc_crop_resize_resize_paste_region crop_resize_resize_paste_info[], hi_u32 count,
    hi_u32 *task_id, hi_s32 milli_sec);
void acltrace_usepost_hi_mpi_vpc_crop_resize_resize_paste(
    struct acltrace_call *c, hi_s32 *rc, hi_vpc_chn chn, const hi_vpc_pic_info *source_pic,
    hi_vpc_crop_resize_resize_paste_region crop_resize_resize_paste_info[], hi_u32 count,
    hi_u32 *task_id, hi_s32 milli_sec);
bool acltrace_usepre_hi_mpi_vpc_convert_color(struct acltrace_call *c, hi_s32 *rc, hi_vpc_chn chn,
					      const hi_vpc_pic_info *source_pic,
					      hi_vpc_pic_info *dest_pic, hi_u32 *task_id,
					      hi_s32 milli_sec);
void acltrace_usepost_hi_mpi_vpc_convert_color(struct acltrace_call *c, hi_s32 *rc, hi_vpc_chn chn,
					       const hi_vpc_pic_info *source_pic,
					       hi_vpc_pic_info *dest_pic, hi_u32 *task_id,
					       hi_s32 milli_sec);
bool acltrace_usepre_hi_mpi_vpc_convert_color_to_yuv420(struct acltrace_call *c, hi_s32 *rc,
							hi_vpc_chn chn,
							const hi_vpc_pic_info *source_pic,
							hi_vpc_pic_info *dest_pic, hi_u32 *task_id,
							hi_s32 milli_sec);
void acltrace_usepost_hi_mpi_vpc_convert_color_to_yuv420(struct acltrace_call *c, hi_s32 *rc,
							 hi_vpc_chn chn,
							 const hi_vpc_pic_info *source_pic,
							 hi_vpc_pic_info *dest_pic, hi_u32 *task_id,
							 hi_s32 milli_sec);
bool acltrace_usepre_hi_mpi_vpc_convert_color_v2(struct acltrace_call *c, hi_s32 *rc,
						 hi_vpc_chn chn, const hi_vpc_pic_info *source_pic,
						 hi_vpc_pic_info *dest_pic, hi_csc_conf *conf,
						 hi_u32 *task_id, hi_s32 milli_sec);
void acltrace_usepost_hi_mpi_vpc_convert_color_v2(struct acltrace_call *c, hi_s32 *rc,
						  hi_vpc_chn chn, const hi_vpc_pic_info *source_pic,
						  hi_vpc_pic_info *dest_pic, hi_csc_conf *conf,
						  hi_u32 *task_id, hi_s32 milli_sec);
bool acltrace_usepre_hi_mpi_vpc_copy_make_border(struct acltrace_call *c, hi_s32 *rc,
						 hi_vpc_chn chn, const hi_vpc_pic_info *source_pic,
						 hi_vpc_pic_info *dest_pic,
						 hi_vpc_make_border_info make_border_info,
						 hi_u32 *task_id, hi_s32 milli_sec);
void acltrace_usepost_hi_mpi_vpc_copy_make_border(struct acltrace_call *c, hi_s32 *rc,
						  hi_vpc_chn chn, const hi_vpc_pic_info *source_pic,
						  hi_vpc_pic_info *dest_pic,
						  hi_vpc_make_border_info make_border_info,
						  hi_u32 *task_id, hi_s32 milli_sec);
bool acltrace_usepre_hi_mpi_vpc_pyrdown(struct acltrace_call *c, hi_s32 *rc, hi_vpc_chn chn,
					const hi_vpc_pic_info *source_pic,
					hi_vpc_pic_info dest_pic[], hi_u32 filter_level,
					hi_s8 gaussian_filter[][5], hi_u16 divisor,
					hi_vpc_make_border_info make_border_info, hi_u32 *task_id,
					hi_s32 milli_sec);
void acltrace_usepost_hi_mpi_vpc_pyrdown(struct acltrace_call *c, hi_s32 *rc, hi_vpc_chn chn,
					 const hi_vpc_pic_info *source_pic,
					 hi_vpc_pic_info dest_pic[], hi_u32 filter_level,
					 hi_s8 gaussian_filter[][5], hi_u16 divisor,
					 hi_vpc_make_border_info make_border_info, hi_u32 *task_id,
					 hi_s32 milli_sec);
bool acltrace_usepre_hi_mpi_vpc_calc_hist(struct acltrace_call *c, hi_s32 *rc, hi_vpc_chn chn,
					  const hi_vpc_pic_info *source_pic,
					  hi_vpc_histogram_config *hist_config, hi_u32 *task_id,
					  hi_s32 milli_sec);
void acltrace_usepost_hi_mpi_vpc_calc_hist(struct acltrace_call *c, hi_s32 *rc, hi_vpc_chn chn,
					   const hi_vpc_pic_info *source_pic,
					   hi_vpc_histogram_config *hist_config, hi_u32 *task_id,
					   hi_s32 milli_sec);
bool acltrace_usepre_hi_mpi_vpc_equalize_hist(struct acltrace_call *c, hi_s32 *rc, hi_vpc_chn chn,
					      const hi_vpc_pic_info *source_pic,
					      hi_vpc_pic_info *dest_pic,
					      const hi_vpc_lut_remap *lut_remap, hi_u32 *task_id,
					      hi_s32 milli_sec);
void acltrace_usepost_hi_mpi_vpc_equalize_hist(struct acltrace_call *c, hi_s32 *rc, hi_vpc_chn chn,
					       const hi_vpc_pic_info *source_pic,
					       hi_vpc_pic_info *dest_pic,
					       const hi_vpc_lut_remap *lut_remap, hi_u32 *task_id,
					       hi_s32 milli_sec);
bool acltrace_usepre_hi_mpi_vpc_get_process_result(struct acltrace_call *c, hi_s32 *rc,
						   hi_vpc_chn chn, hi_u32 task_id,
						   hi_s32 milli_sec);
void acltrace_usepost_hi_mpi_vpc_get_process_result(struct acltrace_call *c, hi_s32 *rc,
						    hi_vpc_chn chn, hi_u32 task_id,
						    hi_s32 milli_sec);
bool acltrace_usepre_hi_mpi_vdec_send_stream(struct acltrace_call *c, hi_s32 *rc, hi_vdec_chn chn,
					     const hi_vdec_stream *stream,
					     hi_vdec_pic_info *vdec_pic_info, hi_s32 milli_sec);
void acltrace_usepost_hi_mpi_vdec_send_stream(struct acltrace_call *c, hi_s32 *rc, hi_vdec_chn chn,
					      const hi_vdec_stream *stream,
					      hi_vdec_pic_info *vdec_pic_info, hi_s32 milli_sec);
bool acltrace_usepre_hi_mpi_vdec_release_frame(struct acltrace_call *c, hi_s32 *rc, hi_vdec_chn chn,
					       const hi_video_frame_info *frame_info);
void acltrace_usepost_hi_mpi_vdec_release_frame(struct acltrace_call *c, hi_s32 *rc,
						hi_vdec_chn chn,
						const hi_video_frame_info *frame_info);
bool acltrace_usepre_aclrtMemcpy(struct acltrace_call *c, aclError *rc, void *dst, size_t destMax,
				 const void *src, size_t count, aclrtMemcpyKind kind);
void acltrace_usepost_aclrtMemcpy(struct acltrace_call *c, aclError *rc, void *dst, size_t destMax,
				  const void *src, size_t count, aclrtMemcpyKind kind);
bool acltrace_usepre_aclrtMemcpyAsync(struct acltrace_call *c, aclError *rc, void *dst,
				      size_t destMax, const void *src, size_t count,
				      aclrtMemcpyKind kind, aclrtStream stream);
void acltrace_usepost_aclrtMemcpyAsync(struct acltrace_call *c, aclError *rc, void *dst,
				       size_t destMax, const void *src, size_t count,
				       aclrtMemcpyKind kind, aclrtStream stream);
bool acltrace_usepre_aclrtMemcpy2d(struct acltrace_call *c, aclError *rc, void *dst, size_t dpitch,
				   const void *src, size_t spitch, size_t width, size_t height,
				   aclrtMemcpyKind kind);
void acltrace_usepost_aclrtMemcpy2d(struct acltrace_call *c, aclError *rc, void *dst, size_t dpitch,
				    const void *src, size_t spitch, size_t width, size_t height,
				    aclrtMemcpyKind kind);
bool acltrace_usepre_aclrtMemcpy2dAsync(struct acltrace_call *c, aclError *rc, void *dst,
					size_t dpitch, const void *src, size_t spitch, size_t width,
					size_t height, aclrtMemcpyKind kind, aclrtStream stream);
void acltrace_usepost_aclrtMemcpy2dAsync(struct acltrace_call *c, aclError *rc, void *dst,
					 size_t dpitch, const void *src, size_t spitch,
					 size_t width, size_t height, aclrtMemcpyKind kind,
					 aclrtStream stream);
bool acltrace_usepre_aclrtMemset(struct acltrace_call *c, aclError *rc, void *devPtr,
				 size_t maxCount, int32_t value, size_t count);
void acltrace_usepost_aclrtMemset(struct acltrace_call *c, aclError *rc, void *devPtr,
				  size_t maxCount, int32_t value, size_t count);
bool acltrace_usepre_aclrtMemsetAsync(struct acltrace_call *c, aclError *rc, void *devPtr,
				      size_t maxCount, int32_t value, size_t count,
				      aclrtStream stream);
void acltrace_usepost_aclrtMemsetAsync(struct acltrace_call *c, aclError *rc, void *devPtr,
				       size_t maxCount, int32_t value, size_t count,
				       aclrtStream stream);
bool acltrace_usepre_aclCreateDataBuffer(struct acltrace_call *c, aclDataBuffer **rc, void *data,
					 size_t size);
void acltrace_usepost_aclCreateDataBuffer(struct acltrace_call *c, aclDataBuffer **rc, void *data,
					  size_t size);
bool acltrace_usepre_aclUpdateDataBuffer(struct acltrace_call *c, aclError *rc,
					 aclDataBuffer *dataBuffer, void *data, size_t size);
void acltrace_usepost_aclUpdateDataBuffer(struct acltrace_call *c, aclError *rc,
					  aclDataBuffer *dataBuffer, void *data, size_t size);
bool acltrace_usepre_aclmdlLoadFromFileWithMem(struct acltrace_call *c, aclError *rc,
					       const char *modelPath, uint32_t *modelId,
					       void *workPtr, size_t workSize, void *weightPtr,
					       size_t weightSize);
void acltrace_usepost_aclmdlLoadFromFileWithMem(struct acltrace_call *c, aclError *rc,
						const char *modelPath, uint32_t *modelId,
						void *workPtr, size_t workSize, void *weightPtr,
						size_t weightSize);
bool acltrace_usepre_aclmdlLoadFromMemWithMem(struct acltrace_call *c, aclError *rc,
					      const void *model, size_t modelSize,
					      uint32_t *modelId, void *workPtr, size_t workSize,
					      void *weightPtr, size_t weightSize);
void acltrace_usepost_aclmdlLoadFromMemWithMem(struct acltrace_call *c, aclError *rc,
					       const void *model, size_t modelSize,
					       uint32_t *modelId, void *workPtr, size_t workSize,
					       void *weightPtr, size_t weightSize);
bool acltrace_usepre_aclmdlExecute(struct acltrace_call *c, aclError *rc, uint32_t modelId,
				   const aclmdlDataset *input, aclmdlDataset *output);
void acltrace_usepost_aclmdlExecute(struct acltrace_call *c, aclError *rc, uint32_t modelId,
				    const aclmdlDataset *input, aclmdlDataset *output);
bool acltrace_usepre_aclmdlExecuteAsync(struct acltrace_call *c, aclError *rc, uint32_t modelId,
					const aclmdlDataset *input, aclmdlDataset *output,
					aclrtStream stream);
void acltrace_usepost_aclmdlExecuteAsync(struct acltrace_call *c, aclError *rc, uint32_t modelId,
					 const aclmdlDataset *input, aclmdlDataset *output,
					 aclrtStream stream);
bool acltrace_usepre_aclrtRecordEvent(struct acltrace_call *c, aclError *rc, aclrtEvent event,
				      aclrtStream stream);
void acltrace_usepost_aclrtRecordEvent(struct acltrace_call *c, aclError *rc, aclrtEvent event,
				       aclrtStream stream);
bool acltrace_usepre_aclrtSynchronizeEvent(struct acltrace_call *c, aclError *rc, aclrtEvent event);
void acltrace_usepost_aclrtSynchronizeEvent(struct acltrace_call *c, aclError *rc,
					    aclrtEvent event);
bool acltrace_usepre_aclrtSynchronizeStream(struct acltrace_call *c, aclError *rc,
					    aclrtStream stream);
void acltrace_usepost_aclrtSynchronizeStream(struct acltrace_call *c, aclError *rc,
					     aclrtStream stream);
bool acltrace_usepre_aclrtSynchronizeStreamWithTimeout(struct acltrace_call *c, aclError *rc,
						       aclrtStream stream, int32_t timeout);
void acltrace_usepost_aclrtSynchronizeStreamWithTimeout(struct acltrace_call *c, aclError *rc,
							aclrtStream stream, int32_t timeout);
bool acltrace_usepre_aclrtSynchronizeDevice(struct acltrace_call *c, aclError *rc);
void acltrace_usepost_aclrtSynchronizeDevice(struct acltrace_call *c, aclError *rc);
bool acltrace_usepre_aclrtDestroyStream(struct acltrace_call *c, aclError *rc, aclrtStream stream);
void acltrace_usepost_aclrtDestroyStream(struct acltrace_call *c, aclError *rc, aclrtStream stream);

bool acltrace_usepre_acldvppCreatePicDesc(struct acltrace_call *c, acldvppPicDesc **rc);
void acltrace_usepost_acldvppCreatePicDesc(struct acltrace_call *c, acldvppPicDesc **rc);
bool acltrace_usepre_acldvppDestroyPicDesc(struct acltrace_call *c, aclError *rc,
					   acldvppPicDesc *picDesc);
void acltrace_usepost_acldvppDestroyPicDesc(struct acltrace_call *c, aclError *rc,
					    acldvppPicDesc *picDesc);
bool acltrace_usepre_acldvppCreateStreamDesc(struct acltrace_call *c, acldvppStreamDesc **rc);
void acltrace_usepost_acldvppCreateStreamDesc(struct acltrace_call *c, acldvppStreamDesc **rc);
bool acltrace_usepre_acldvppDestroyStreamDesc(struct acltrace_call *c, aclError *rc,
					      acldvppStreamDesc *streamDesc);
void acltrace_usepost_acldvppDestroyStreamDesc(struct acltrace_call *c, aclError *rc,
					       acldvppStreamDesc *streamDesc);

bool acltrace_usepre_aclvdecSetChannelDescCallback(struct acltrace_call *c, aclError *rc,
						   aclvdecChannelDesc *channelDesc,
						   aclvdecCallback *callback);
void acltrace_usepost_aclvdecSetChannelDescCallback(struct acltrace_call *c, aclError *rc,
						    aclvdecChannelDesc *channelDesc,
						    aclvdecCallback *callback);
bool acltrace_usepre_aclvencSetChannelDescCallback(struct acltrace_call *c, aclError *rc,
						   aclvencChannelDesc *channelDesc,
						   aclvencCallback *callback);
void acltrace_usepost_aclvencSetChannelDescCallback(struct acltrace_call *c, aclError *rc,
						    aclvencChannelDesc *channelDesc,
						    aclvencCallback *callback);
bool acltrace_usepre_aclvdecDestroyChannel(struct acltrace_call *c, aclError *rc,
					   aclvdecChannelDesc *channelDesc);
void acltrace_usepost_aclvdecDestroyChannel(struct acltrace_call *c, aclError *rc,
					    aclvdecChannelDesc *channelDesc);
bool acltrace_usepre_aclvencDestroyChannel(struct acltrace_call *c, aclError *rc,
					   aclvencChannelDesc *channelDesc);
void acltrace_usepost_aclvencDestroyChannel(struct acltrace_call *c, aclError *rc,
					    aclvencChannelDesc *channelDesc);
bool acltrace_usepre_hi_mpi_vdec_get_frame(struct acltrace_call *c, hi_s32 *rc, hi_vdec_chn chn,
					   hi_video_frame_info *frame_info,
					   hi_vdec_supplement_info *supplement,
					   hi_vdec_stream *stream, hi_s32 milli_sec);
void acltrace_usepost_hi_mpi_vdec_get_frame(struct acltrace_call *c, hi_s32 *rc, hi_vdec_chn chn,
					    hi_video_frame_info *frame_info,
					    hi_vdec_supplement_info *supplement,
					    hi_vdec_stream *stream, hi_s32 milli_sec);
bool acltrace_usepre_hi_mpi_vdec_destroy_chn(struct acltrace_call *c, hi_s32 *rc, hi_vdec_chn chn);
void acltrace_usepost_hi_mpi_vdec_destroy_chn(struct acltrace_call *c, hi_s32 *rc, hi_vdec_chn chn);

bool acltrace_usepre_aclvdecSendSkippedFrame(struct acltrace_call *c, aclError *rc,
					     aclvdecChannelDesc *channelDesc,
					     acldvppStreamDesc *input, aclvdecFrameConfig *config,
					     void *userData);
void acltrace_usepost_aclvdecSendSkippedFrame(struct acltrace_call *c, aclError *rc,
					      aclvdecChannelDesc *channelDesc,
					      acldvppStreamDesc *input, aclvdecFrameConfig *config,
					      void *userData);
bool acltrace_usepre_aclvdecGetChannelDescCallback(struct acltrace_call *c, aclvdecCallback *rc,
						   const aclvdecChannelDesc *channelDesc);
void acltrace_usepost_aclvdecGetChannelDescCallback(struct acltrace_call *c, aclvdecCallback *rc,
						    const aclvdecChannelDesc *channelDesc);
bool acltrace_usepre_aclvencGetChannelDescCallback(struct acltrace_call *c, aclvencCallback *rc,
						   const aclvencChannelDesc *channelDesc);
void acltrace_usepost_aclvencGetChannelDescCallback(struct acltrace_call *c, aclvencCallback *rc,
						    const aclvencChannelDesc *channelDesc);
bool acltrace_usepre_aclvdecDestroyChannelDesc(struct acltrace_call *c, aclError *rc,
					       aclvdecChannelDesc *channelDesc);
void acltrace_usepost_aclvdecDestroyChannelDesc(struct acltrace_call *c, aclError *rc,
						aclvdecChannelDesc *channelDesc);
bool acltrace_usepre_aclvencDestroyChannelDesc(struct acltrace_call *c, aclError *rc,
					       aclvencChannelDesc *channelDesc);
void acltrace_usepost_aclvencDestroyChannelDesc(struct acltrace_call *c, aclError *rc,
						aclvencChannelDesc *channelDesc);

#endif
