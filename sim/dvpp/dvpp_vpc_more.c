/* SPDX-License-Identifier: MIT */
/* The single-picture VPC operations beyond crop/resize/paste: border, LUT, histogram, pyramid. */
#include "dvpp_vpc_task.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

static aclError check_in_out(const char *api, const acldvppChannelDesc *ch,
			     const acldvppPicDesc *in, const acldvppPicDesc *out,
			     struct vpc_job *job)
{
	aclError ret = ascendsim_dvpp_check_channel(api, ch, DVPP_CHNMODE_VPC);

	if (ret == ACL_SUCCESS)
		ret = ascendsim_dvpp_check_pic(api, "input", in, ASCENDSIM_IMG_API_V1_VPC, false,
					       &job->src);
	if (ret == ACL_SUCCESS && out)
		ret = ascendsim_dvpp_check_pic(api, "output", out, ASCENDSIM_IMG_API_V1_VPC, true,
					       &job->dst);
	return ret;
}

/*
 * The start every call here shares: a one-job task (BAD_ALLOC), the call's own arguments
 * (args_ok, else INVALID_PARAM), then channel and pictures. *task is NULL only without memory.
 * Always inlined so that the compiler sees success implies a task (-Wnull-dereference).
 */
static inline __attribute__((always_inline)) aclError
start_one(const char *api, const acldvppChannelDesc *ch, const acldvppPicDesc *in,
	  const acldvppPicDesc *out, bool args_ok, struct vpc_task **task)
{
	*task = ascendsim_vpc_task_new(api, 1);
	if (!*task)
		return ACL_ERROR_BAD_ALLOC;
	if (!args_ok)
		return ACL_ERROR_INVALID_PARAM;
	return check_in_out(api, ch, in, out, &(*task)->jobs[0]);
}

static aclError submit_one(struct vpc_task *task, aclError ret, aclrtStream stream)
{
	if (ret != ACL_SUCCESS) {
		free(task);
		return ret;
	}
	return ascendsim_vpc_task_submit(task, stream);
}

static aclError dims_must_be(const char *api, const struct ascendsim_image *dst, uint32_t w,
			     uint32_t h)
{
	if (dst->width != w || dst->height != h) {
		ascendsim_warn("%s: output is %" PRIu32 "x%" PRIu32 ", expected %" PRIu32
			       "x%" PRIu32,
			       api, dst->width, dst->height, w, h);
		return ACL_ERROR_INVALID_PARAM;
	}
	return ACL_SUCCESS;
}

aclError acldvppVpcMakeBorderAsync(const acldvppChannelDesc *channelDesc,
				   const acldvppPicDesc *inputDesc, acldvppPicDesc *outputDesc,
				   const acldvppBorderConfig *borderConfig, aclrtStream stream)
{
	static const char api[] = "acldvppVpcMakeBorderAsync";
	const acldvppBorderConfig *b = borderConfig;
	struct vpc_task *task;
	aclError ret = start_one(api, channelDesc, inputDesc, outputDesc, b != NULL, &task);
	struct vpc_job *job = task ? &task->jobs[0] : NULL;
	if (ret == ACL_SUCCESS && job->src.format != job->dst.format) {
		ascendsim_warn("%s: input and output formats differ (%" PRId32 ", %" PRId32 ")",
			       api, job->src.format, job->dst.format);
		ret = ACL_ERROR_INVALID_PARAM;
	}
	if (ret == ACL_SUCCESS)
		ret = dims_must_be(api, &job->dst, job->src.width + b->left + b->right,
				   job->src.height + b->top + b->bottom);
	if (ret == ACL_SUCCESS &&
	    (((b->left | b->right) & (ascendsim_img_chroma_x(job->src.format) - 1)) ||
	     ((b->top | b->bottom) & (ascendsim_img_chroma_y(job->src.format) - 1)))) {
		ascendsim_warn("%s: border sizes must be even for subsampled format %" PRId32, api,
			       job->src.format);
		ret = ACL_ERROR_INVALID_PARAM;
	}
	if (ret == ACL_SUCCESS) {
		job->op = VPC_OP_BORDER;
		job->src_rect = (struct ascendsim_rect){ 0, 0, job->src.width, job->src.height };
		job->dst_rect =
		    (struct ascendsim_rect){ b->left, b->top, job->src.width, job->src.height };
		job->interp = ASCENDSIM_IMG_INTERP_BILINEAR;
		job->border_type = b->type;
		memcpy(job->border_value, b->value, sizeof(job->border_value));
	}
	ret = task ? submit_one(task, ret, stream) : ret;
	ascendsim_dvpp_log(api, ret, "%p, %p, %p, %p, %p", (const void *)channelDesc,
			   (const void *)inputDesc, (void *)outputDesc, (const void *)borderConfig,
			   stream);
	return ret;
}

/* Formats whose bytes are plain 8-bit channels the table and histogram understand. */
static aclError check_channel_format(const char *api, int32_t f)
{
	switch (f) {
	case ASCENDSIM_PIXFMT_YUV400:
	case ASCENDSIM_PIXFMT_NV12:
	case ASCENDSIM_PIXFMT_NV21:
	case ASCENDSIM_PIXFMT_RGB888:
	case ASCENDSIM_PIXFMT_BGR888:
		return ACL_SUCCESS;
	default:
		ascendsim_warn("%s: format %" PRId32 " is not YUV400, YUV420SP or RGB888/BGR888",
			       api, f);
		return ACL_ERROR_INVALID_PARAM;
	}
}

aclError acldvppVpcEqualizeHistAsync(const acldvppChannelDesc *channelDesc,
				     const acldvppPicDesc *inputDesc, acldvppPicDesc *outputDesc,
				     const acldvppLutMap *lutMap, aclrtStream stream)
{
	static const char api[] = "acldvppVpcEqualizeHistAsync";
	struct vpc_task *task;
	aclError ret = start_one(api, channelDesc, inputDesc, outputDesc, lutMap != NULL, &task);
	struct vpc_job *job = task ? &task->jobs[0] : NULL;
	if (ret == ACL_SUCCESS)
		ret = check_channel_format(api, job->src.format);
	if (ret == ACL_SUCCESS &&
	    (job->src.format != job->dst.format || job->src.width_stride != job->dst.width_stride ||
	     job->src.height_stride != job->dst.height_stride)) {
		ascendsim_warn("%s: output format and strides must equal the input's", api);
		ret = ACL_ERROR_INVALID_PARAM;
	}
	if (ret == ACL_SUCCESS)
		ret = dims_must_be(api, &job->dst, job->src.width, job->src.height);
	if (ret == ACL_SUCCESS) {
		job->op = VPC_OP_LUT;
		memcpy(job->lut, lutMap->map, sizeof(job->lut));
	}
	ret = task ? submit_one(task, ret, stream) : ret;
	ascendsim_dvpp_log(api, ret, "%p, %p, %p, %p, %p", (const void *)channelDesc,
			   (const void *)inputDesc, (void *)outputDesc, (const void *)lutMap,
			   stream);
	return ret;
}

aclError acldvppVpcCalcHistAsync(acldvppChannelDesc *channelDesc, acldvppPicDesc *srcPicDesc,
				 acldvppHist *hist, void *reserve, aclrtStream stream)
{
	static const char api[] = "acldvppVpcCalcHistAsync";
	struct vpc_task *task;
	aclError ret = start_one(api, channelDesc, srcPicDesc, NULL, hist && !reserve, &task);
	struct vpc_job *job = task ? &task->jobs[0] : NULL;
	if (ret == ACL_SUCCESS)
		ret = check_channel_format(api, job->src.format);
	if (ret == ACL_SUCCESS) {
		job->op = VPC_OP_HIST;
		job->hist = hist;
	}
	ret = task ? submit_one(task, ret, stream) : ret;
	ascendsim_dvpp_log(api, ret, "%p, %p, %p, %p, %p", (void *)channelDesc, (void *)srcPicDesc,
			   (void *)hist, reserve, stream);
	return ret;
}

aclError acldvppVpcPyrDownAsync(acldvppChannelDesc *channelDesc, acldvppPicDesc *inputDesc,
				acldvppPicDesc *outputDesc, void *reserve, aclrtStream stream)
{
	static const char api[] = "acldvppVpcPyrDownAsync";
	struct vpc_task *task;
	aclError ret = start_one(api, channelDesc, inputDesc, outputDesc, !reserve, &task);
	struct vpc_job *job = task ? &task->jobs[0] : NULL;
	if (ret == ACL_SUCCESS && (job->src.format != ASCENDSIM_PIXFMT_YUV400 ||
				   job->dst.format != ASCENDSIM_PIXFMT_YUV400)) {
		ascendsim_warn("%s: pyramid down takes and gives YUV400 only", api);
		ret = ACL_ERROR_INVALID_PARAM;
	}
	if (ret == ACL_SUCCESS)
		ret = dims_must_be(api, &job->dst, (job->src.width + 1) / 2,
				   (job->src.height + 1) / 2);
	if (ret == ACL_SUCCESS)
		job->op = VPC_OP_PYRDOWN;
	ret = task ? submit_one(task, ret, stream) : ret;
	ascendsim_dvpp_log(api, ret, "%p, %p, %p, %p, %p", (void *)channelDesc, (void *)inputDesc,
			   (void *)outputDesc, reserve, stream);
	return ret;
}
