/* SPDX-License-Identifier: MIT */
/*
 * VPC image operations of DVPP V1. Everything the user library can see is checked here, at the
 * call: channel, descriptions, formats, strides and sizes per SoC, areas, scaling limits and the
 * first and last byte of each buffer. The pixels are produced later, on the stream's worker.
 */
#include "dvpp_vpc_task.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Scaling range of the VPC: 1/32 to 16 in each direction. */
#define VPC_SCALE_MAX	  16u
#define VPC_SCALE_MIN_DIV 32u

static aclError check_scale(const char *api, const struct ascendsim_rect *from,
			    const struct ascendsim_rect *to)
{
	if ((uint64_t)to->w > (uint64_t)from->w * VPC_SCALE_MAX ||
	    (uint64_t)to->h > (uint64_t)from->h * VPC_SCALE_MAX ||
	    (uint64_t)to->w * VPC_SCALE_MIN_DIV < from->w ||
	    (uint64_t)to->h * VPC_SCALE_MIN_DIV < from->h) {
		ascendsim_warn("%s: scaling %" PRIu32 "x%" PRIu32 " to %" PRIu32 "x%" PRIu32
			       " is outside 1/32..16",
			       api, from->w, from->h, to->w, to->h);
		return ACL_ERROR_INVALID_PARAM;
	}
	return ACL_SUCCESS;
}

static void whole(const struct ascendsim_image *img, struct ascendsim_rect *r)
{
	r->x = 0;
	r->y = 0;
	r->w = img->width;
	r->h = img->height;
}

/* Paste areas start on a 16-pixel column on the original V1 hardware (Ascend 310 / 910). */
static aclError check_paste_left(const char *api, const struct ascendsim_rect *paste)
{
	enum ascendsim_soc soc = ascendsim_dvpp_soc();

	if ((soc == ASCENDSIM_SOC_310 || soc == ASCENDSIM_SOC_910) && paste->x % 16) {
		ascendsim_warn("%s: paste area left %" PRIu32 " is not 16-aligned on %s", api,
			       paste->x, ascendsim_soc_family_name(soc));
		return ACL_ERROR_INVALID_PARAM;
	}
	return ACL_SUCCESS;
}

static aclError check_pair(const char *api, const acldvppChannelDesc *ch, const acldvppPicDesc *in,
			   const acldvppPicDesc *out, struct ascendsim_image *src,
			   struct ascendsim_image *dst)
{
	aclError ret = ascendsim_dvpp_check_channel(api, ch, DVPP_CHNMODE_VPC);

	if (ret == ACL_SUCCESS)
		ret = ascendsim_dvpp_check_pic(api, "input", in, ASCENDSIM_IMG_API_V1_VPC, false,
					       src);
	if (ret == ACL_SUCCESS)
		ret = ascendsim_dvpp_check_pic(api, "output", out, ASCENDSIM_IMG_API_V1_VPC, true,
					       dst);
	return ret;
}

/*
 * One crop [+ resize] [+ paste] job: crop NULL means the whole input, paste NULL the whole
 * output. Fills job on success.
 */
static aclError make_process_job(const char *api, const acldvppChannelDesc *ch,
				 const acldvppPicDesc *in, const acldvppPicDesc *out,
				 const acldvppRoiConfig *crop, const acldvppRoiConfig *paste,
				 const acldvppResizeConfig *resize, bool need_crop, bool need_paste,
				 struct vpc_job *job)
{
	aclError ret = check_pair(api, ch, in, out, &job->src, &job->dst);

	job->op = VPC_OP_PROCESS;
	if (ret != ACL_SUCCESS)
		return ret;
	if (need_crop)
		ret = ascendsim_dvpp_check_roi(api, "crop", crop, job->src.width, job->src.height,
					       &job->src_rect);
	else
		whole(&job->src, &job->src_rect);
	if (ret != ACL_SUCCESS)
		return ret;
	if (need_paste) {
		ret = ascendsim_dvpp_check_roi(api, "paste", paste, job->dst.width, job->dst.height,
					       &job->dst_rect);
		if (ret == ACL_SUCCESS)
			ret = check_paste_left(api, &job->dst_rect);
	} else {
		whole(&job->dst, &job->dst_rect);
	}
	if (ret == ACL_SUCCESS)
		ret = ascendsim_dvpp_interp(api, resize, &job->interp);
	if (ret == ACL_SUCCESS)
		ret = check_scale(api, &job->src_rect, &job->dst_rect);
	return ret;
}

static aclError submit_single(const char *api, const acldvppChannelDesc *ch,
			      const acldvppPicDesc *in, const acldvppPicDesc *out,
			      const acldvppRoiConfig *crop, const acldvppRoiConfig *paste,
			      const acldvppResizeConfig *resize, bool need_crop, bool need_paste,
			      aclrtStream stream)
{
	struct vpc_task *task = ascendsim_vpc_task_new(api, 1);
	aclError ret;

	if (!task)
		return ACL_ERROR_BAD_ALLOC;
	ret = make_process_job(api, ch, in, out, crop, paste, resize, need_crop, need_paste,
			       &task->jobs[0]);
	if (ret != ACL_SUCCESS) {
		free(task);
		return ret;
	}
	return ascendsim_vpc_task_submit(task, stream);
}

aclError acldvppVpcResizeAsync(acldvppChannelDesc *channelDesc, acldvppPicDesc *inputDesc,
			       acldvppPicDesc *outputDesc, acldvppResizeConfig *resizeConfig,
			       aclrtStream stream)
{
	static const char api[] = "acldvppVpcResizeAsync";
	aclError ret = resizeConfig ? submit_single(api, channelDesc, inputDesc, outputDesc, NULL,
						    NULL, resizeConfig, false, false, stream)
				    : ACL_ERROR_INVALID_PARAM;

	ascendsim_dvpp_log(api, ret, "%p, %p, %p, %p, %p", (void *)channelDesc, (void *)inputDesc,
			   (void *)outputDesc, (void *)resizeConfig, stream);
	return ret;
}

aclError acldvppVpcCropAsync(acldvppChannelDesc *channelDesc, acldvppPicDesc *inputDesc,
			     acldvppPicDesc *outputDesc, acldvppRoiConfig *cropArea,
			     aclrtStream stream)
{
	static const char api[] = "acldvppVpcCropAsync";
	aclError ret = submit_single(api, channelDesc, inputDesc, outputDesc, cropArea, NULL, NULL,
				     true, false, stream);

	ascendsim_dvpp_log(api, ret, "%p, %p, %p, %p, %p", (void *)channelDesc, (void *)inputDesc,
			   (void *)outputDesc, (void *)cropArea, stream);
	return ret;
}

aclError acldvppVpcCropResizeAsync(acldvppChannelDesc *channelDesc, acldvppPicDesc *inputDesc,
				   acldvppPicDesc *outputDesc, acldvppRoiConfig *cropArea,
				   acldvppResizeConfig *resizeConfig, aclrtStream stream)
{
	static const char api[] = "acldvppVpcCropResizeAsync";
	aclError ret = resizeConfig
			   ? submit_single(api, channelDesc, inputDesc, outputDesc, cropArea, NULL,
					   resizeConfig, true, false, stream)
			   : ACL_ERROR_INVALID_PARAM;

	ascendsim_dvpp_log(api, ret, "%p, %p, %p, %p, %p, %p", (void *)channelDesc,
			   (void *)inputDesc, (void *)outputDesc, (void *)cropArea,
			   (void *)resizeConfig, stream);
	return ret;
}

aclError acldvppVpcCropAndPasteAsync(acldvppChannelDesc *channelDesc, acldvppPicDesc *inputDesc,
				     acldvppPicDesc *outputDesc, acldvppRoiConfig *cropArea,
				     acldvppRoiConfig *pasteArea, aclrtStream stream)
{
	static const char api[] = "acldvppVpcCropAndPasteAsync";
	aclError ret = submit_single(api, channelDesc, inputDesc, outputDesc, cropArea, pasteArea,
				     NULL, true, true, stream);

	ascendsim_dvpp_log(api, ret, "%p, %p, %p, %p, %p, %p", (void *)channelDesc,
			   (void *)inputDesc, (void *)outputDesc, (void *)cropArea,
			   (void *)pasteArea, stream);
	return ret;
}

aclError acldvppVpcCropResizePasteAsync(acldvppChannelDesc *channelDesc, acldvppPicDesc *inputDesc,
					acldvppPicDesc *outputDesc, acldvppRoiConfig *cropArea,
					acldvppRoiConfig *pasteArea,
					acldvppResizeConfig *resizeConfig, aclrtStream stream)
{
	static const char api[] = "acldvppVpcCropResizePasteAsync";
	aclError ret = resizeConfig
			   ? submit_single(api, channelDesc, inputDesc, outputDesc, cropArea,
					   pasteArea, resizeConfig, true, true, stream)
			   : ACL_ERROR_INVALID_PARAM;

	ascendsim_dvpp_log(api, ret, "%p, %p, %p, %p, %p, %p, %p", (void *)channelDesc,
			   (void *)inputDesc, (void *)outputDesc, (void *)cropArea,
			   (void *)pasteArea, (void *)resizeConfig, stream);
	return ret;
}

aclError acldvppVpcConvertColorAsync(acldvppChannelDesc *channelDesc, acldvppPicDesc *inputDesc,
				     acldvppPicDesc *outputDesc, aclrtStream stream)
{
	static const char api[] = "acldvppVpcConvertColorAsync";
	aclError ret = ACL_ERROR_INVALID_PARAM;

	/* Conversion keeps the size; the output may leave width and height at 0. */
	if (inputDesc && outputDesc && outputDesc->width == 0 && outputDesc->height == 0) {
		outputDesc->width = inputDesc->width;
		outputDesc->height = inputDesc->height;
	}
	if (inputDesc && outputDesc &&
	    (inputDesc->width != outputDesc->width || inputDesc->height != outputDesc->height)) {
		ascendsim_warn("%s: output %" PRIu32 "x%" PRIu32 " differs from input %" PRIu32
			       "x%" PRIu32,
			       api, outputDesc->width, outputDesc->height, inputDesc->width,
			       inputDesc->height);
	} else if (inputDesc && outputDesc) {
		ret = submit_single(api, channelDesc, inputDesc, outputDesc, NULL, NULL, NULL,
				    false, false, stream);
	}
	ascendsim_dvpp_log(api, ret, "%p, %p, %p, %p", (void *)channelDesc, (void *)inputDesc,
			   (void *)outputDesc, stream);
	return ret;
}

/* ---- batches ---------------------------------------------------------------------------- */

struct batch_args {
	acldvppBatchPicDesc *src;
	uint32_t *roi_nums;
	uint32_t size;
	acldvppBatchPicDesc *dst;
	acldvppRoiConfig **crops;
	acldvppRoiConfig **pastes;     /* NULL: each output whole */
	acldvppBorderConfig **borders; /* NULL: no border */
	acldvppResizeConfig *resize;
};

/* Inner area of a bordered output, after checking the border fits. */
static aclError border_inner(const char *api, const acldvppBorderConfig *b,
			     const struct ascendsim_image *dst, struct ascendsim_rect *inner)
{
	if (!b) {
		ascendsim_warn("%s: border configuration is NULL", api);
		return ACL_ERROR_INVALID_PARAM;
	}
	if ((uint64_t)b->left + b->right >= dst->width ||
	    (uint64_t)b->top + b->bottom >= dst->height) {
		ascendsim_warn("%s: border %" PRIu32 "/%" PRIu32 "/%" PRIu32 "/%" PRIu32
			       " leaves nothing of a %" PRIu32 "x%" PRIu32 " output",
			       api, b->top, b->bottom, b->left, b->right, dst->width, dst->height);
		return ACL_ERROR_INVALID_PARAM;
	}
	if (((b->left | b->right) & (ascendsim_img_chroma_x(dst->format) - 1)) ||
	    ((b->top | b->bottom) & (ascendsim_img_chroma_y(dst->format) - 1))) {
		ascendsim_warn("%s: border sizes must be even for subsampled format %" PRId32, api,
			       dst->format);
		return ACL_ERROR_INVALID_PARAM;
	}
	inner->x = b->left;
	inner->y = b->top;
	inner->w = dst->width - b->left - b->right;
	inner->h = dst->height - b->top - b->bottom;
	return ACL_SUCCESS;
}

static aclError submit_batch(const char *api, acldvppChannelDesc *ch, const struct batch_args *a,
			     aclrtStream stream)
{
	struct vpc_task *task = NULL;
	uint64_t total = 0;
	uint32_t k = 0;
	aclError ret = ACL_ERROR_INVALID_PARAM;

	if (!a->src || !a->dst || !a->roi_nums || !a->crops || a->size == 0 ||
	    a->size > a->src->count) {
		ascendsim_warn("%s: batch arguments missing or size %" PRIu32 " exceeds the input "
			       "batch",
			       api, a->size);
		goto end;
	}
	for (uint32_t i = 0; i < a->size; i++) {
		if (a->roi_nums[i] == 0 || a->roi_nums[i] > 256) {
			ascendsim_warn("%s: roiNums[%" PRIu32 "] = %" PRIu32 " is not 1..256", api,
				       i, a->roi_nums[i]);
			goto end;
		}
		total += a->roi_nums[i];
	}
	if (total > a->dst->count) {
		ascendsim_warn("%s: %" PRIu64 " areas but the output batch holds %" PRIu32, api,
			       total, a->dst->count);
		goto end;
	}
	task = ascendsim_vpc_task_new(api, (uint32_t)total);
	if (!task) {
		ret = ACL_ERROR_BAD_ALLOC;
		goto end;
	}
	for (uint32_t i = 0; i < a->size; i++) {
		for (uint32_t r = 0; r < a->roi_nums[i]; r++, k++) {
			struct vpc_job *job = &task->jobs[k];
			const acldvppBorderConfig *b = a->borders ? a->borders[k] : NULL;

			ret = make_process_job(api, ch, &a->src->pics[i], &a->dst->pics[k],
					       a->crops[k], a->pastes ? a->pastes[k] : NULL,
					       a->resize, true, a->pastes != NULL, job);
			if (ret != ACL_SUCCESS)
				goto end;
			if (!a->borders)
				continue;
			ret = border_inner(api, b, &job->dst, &job->dst_rect);
			if (ret == ACL_SUCCESS)
				ret = check_scale(api, &job->src_rect, &job->dst_rect);
			if (ret != ACL_SUCCESS)
				goto end;
			job->op = VPC_OP_BORDER;
			job->border_type = b->type;
			memcpy(job->border_value, b->value, sizeof(job->border_value));
		}
	}
	ret = ascendsim_vpc_task_submit(task, stream);
	task = NULL;
end:
	free(task);
	return ret;
}

/*
 * The five batch calls: the optional arguments a call takes (paste areas or border configs,
 * resize config) must not be NULL. One log line lists the call's arguments in order.
 */
static aclError batch_call(const char *api, acldvppChannelDesc *channelDesc,
			   const struct batch_args *a, bool with_areas, bool with_resize,
			   aclrtStream stream)
{
	const void *areas = a->borders ? (const void *)a->borders : (const void *)a->pastes;
	aclError ret = ACL_ERROR_INVALID_PARAM;
	char tail[64] = "";
	int n = 0;

	if ((!with_areas || areas) && (!with_resize || a->resize))
		ret = submit_batch(api, channelDesc, a, stream);
	if (with_areas)
		n = snprintf(tail, sizeof(tail), ", %p", areas);
	if (with_resize)
		snprintf(tail + n, sizeof(tail) - (size_t)n, ", %p", (const void *)a->resize);
	ascendsim_dvpp_log(api, ret, "%p, %p, %p, %u, %p, %p%s, %p", (void *)channelDesc,
			   (void *)a->src, (void *)a->roi_nums, (unsigned)a->size, (void *)a->dst,
			   (void *)a->crops, tail, stream);
	return ret;
}

aclError acldvppVpcBatchCropAsync(acldvppChannelDesc *channelDesc,
				  acldvppBatchPicDesc *srcBatchPicDescs, uint32_t *roiNums,
				  uint32_t size, acldvppBatchPicDesc *dstBatchPicDescs,
				  acldvppRoiConfig *cropAreas[], aclrtStream stream)
{
	struct batch_args a = { srcBatchPicDescs, roiNums, size, dstBatchPicDescs,
				cropAreas,	  NULL,	   NULL, NULL };

	return batch_call("acldvppVpcBatchCropAsync", channelDesc, &a, false, false, stream);
}

aclError acldvppVpcBatchCropResizeAsync(acldvppChannelDesc *channelDesc,
					acldvppBatchPicDesc *srcBatchPicDescs, uint32_t *roiNums,
					uint32_t size, acldvppBatchPicDesc *dstBatchPicDescs,
					acldvppRoiConfig *cropAreas[],
					acldvppResizeConfig *resizeConfig, aclrtStream stream)
{
	struct batch_args a = { srcBatchPicDescs, roiNums, size, dstBatchPicDescs,
				cropAreas,	  NULL,	   NULL, resizeConfig };

	return batch_call("acldvppVpcBatchCropResizeAsync", channelDesc, &a, false, true, stream);
}

aclError acldvppVpcBatchCropAndPasteAsync(acldvppChannelDesc *channelDesc,
					  acldvppBatchPicDesc *srcBatchPicDescs, uint32_t *roiNums,
					  uint32_t size, acldvppBatchPicDesc *dstBatchPicDescs,
					  acldvppRoiConfig *cropAreas[],
					  acldvppRoiConfig *pasteAreas[], aclrtStream stream)
{
	struct batch_args a = { srcBatchPicDescs, roiNums,    size, dstBatchPicDescs,
				cropAreas,	  pasteAreas, NULL, NULL };

	return batch_call("acldvppVpcBatchCropAndPasteAsync", channelDesc, &a, true, false, stream);
}

aclError acldvppVpcBatchCropResizePasteAsync(
    acldvppChannelDesc *channelDesc, acldvppBatchPicDesc *srcBatchPicDescs, uint32_t *roiNums,
    uint32_t size, acldvppBatchPicDesc *dstBatchPicDescs, acldvppRoiConfig *cropAreas[],
    acldvppRoiConfig *pasteAreas[], acldvppResizeConfig *resizeConfig, aclrtStream stream)
{
	struct batch_args a = { srcBatchPicDescs, roiNums,    size, dstBatchPicDescs,
				cropAreas,	  pasteAreas, NULL, resizeConfig };

	return batch_call("acldvppVpcBatchCropResizePasteAsync", channelDesc, &a, true, true,
			  stream);
}

aclError acldvppVpcBatchCropResizeMakeBorderAsync(
    acldvppChannelDesc *channelDesc, acldvppBatchPicDesc *srcBatchPicDescs, uint32_t *roiNums,
    uint32_t size, acldvppBatchPicDesc *dstBatchPicDescs, acldvppRoiConfig *cropAreas[],
    acldvppBorderConfig *borderCfgs[], acldvppResizeConfig *resizeConfig, aclrtStream stream)
{
	struct batch_args a = { srcBatchPicDescs, roiNums, size,       dstBatchPicDescs,
				cropAreas,	  NULL,	   borderCfgs, resizeConfig };

	return batch_call("acldvppVpcBatchCropResizeMakeBorderAsync", channelDesc, &a, true, true,
			  stream);
}
