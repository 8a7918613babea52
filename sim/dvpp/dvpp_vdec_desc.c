/* SPDX-License-Identifier: MIT */
/* Video decoder channel descriptions and frame configurations. */
#include "dvpp_internal.h"

#include <stdlib.h>
#include <string.h>

aclvdecChannelDesc *aclvdecCreateChannelDesc(void)
{
	struct aclvdecChannelDesc *d = calloc(1, sizeof(*d));

	if (d) {
		d->en_type = H265_MAIN_LEVEL;
		d->out_pic_format = PIXEL_FORMAT_YUV_SEMIPLANAR_420;
	}
	ascendsim_dvpp_log("aclvdecCreateChannelDesc", d ? 0 : ACL_ERROR_BAD_ALLOC, "%s", "");
	return d;
}

aclError aclvdecDestroyChannelDesc(aclvdecChannelDesc *channelDesc)
{
	aclError ret = ACL_SUCCESS;

	if (!channelDesc || channelDesc->video)
		ret = ACL_ERROR_INVALID_PARAM; /* batch members and live channels stay */
	ascendsim_dvpp_log("aclvdecDestroyChannelDesc", ret, "%p", (void *)channelDesc);
	if (ret == ACL_SUCCESS)
		free(channelDesc);
	return ret;
}

static bool out_format_ok(int32_t f)
{
	return f == PIXEL_FORMAT_YUV_SEMIPLANAR_420 || f == PIXEL_FORMAT_YVU_SEMIPLANAR_420;
}

static uint64_t max_channel_id(void)
{
	enum ascendsim_soc soc = ascendsim_dvpp_soc();

	return (soc == ASCENDSIM_SOC_310 || soc == ASCENDSIM_SOC_910) ? 31 : 255;
}

/* Stores v into the field param names; false when the value is out of range. */
static bool store(aclvdecChannelDesc *d, int param, uint64_t v)
{
	switch (param) {
	case ACL_VDEC_CSC_MATRIX_UINT32:
		if (v > ACL_DVPP_CSC_MATRIX_BT2020_NARROW)
			return false;
		d->csc_matrix = (uint32_t)v;
		return true;
	case ACL_VDEC_OUT_MODE_UINT32:
		if (v > 1)
			return false;
		d->out_mode = (uint32_t)v;
		return true;
	case ACL_VDEC_THREAD_ID_UINT64:
		d->thread_id = v;
		return true;
	case ACL_VDEC_CHANNEL_ID_UINT32:
		/* 32 decoder channels on Ascend310/910, 256 on the later SoCs. */
		if (v > max_channel_id())
			return false;
		d->channel_id = (uint32_t)v;
		return true;
	case ACL_VDEC_ENCODE_TYPE_UINT32:
		if (v > H264_HIGH_LEVEL)
			return false;
		d->en_type = (int32_t)v;
		return true;
	case ACL_VDEC_OUT_PIC_FORMAT_UINT32:
		if (!out_format_ok((int32_t)v))
			return false;
		d->out_pic_format = (int32_t)v;
		return true;
	case ACL_VDEC_OUT_PIC_WIDTH_UINT32:
		d->out_pic_width = (uint32_t)v;
		return true;
	case ACL_VDEC_OUT_PIC_HEIGHT_UINT32:
		d->out_pic_height = (uint32_t)v;
		return true;
	case ACL_VDEC_REF_FRAME_NUM_UINT32:
		if (v > 16)
			return false;
		d->ref_frame_num = (uint32_t)v;
		return true;
	case ACL_VDEC_BIT_DEPTH_UINT32:
		if (v != 0 && v != 8 && v != 10)
			return false;
		d->bit_depth = (uint32_t)v;
		return true;
	default:
		return false;
	}
}

static aclError set(const char *api, aclvdecChannelDesc *d, int param, uint64_t v)
{
	aclError ret =
	    (d && !d->video && store(d, param, v)) ? ACL_SUCCESS : ACL_ERROR_INVALID_PARAM;

	ascendsim_dvpp_log(api, ret, "%p, %llu", (void *)d, (unsigned long long)v);
	return ret;
}

/* The 32-bit setters: one store() parameter each. */
#define VDEC_SETTER(fn, type, param)                                              \
	aclError fn(aclvdecChannelDesc *channelDesc, type value)                  \
	{                                                                         \
		return set(#fn, channelDesc, (param), (uint64_t)(uint32_t)value); \
	}

VDEC_SETTER(aclvdecSetChannelDescChannelId, uint32_t, ACL_VDEC_CHANNEL_ID_UINT32)
VDEC_SETTER(aclvdecSetChannelDescEnType, acldvppStreamFormat, ACL_VDEC_ENCODE_TYPE_UINT32)
VDEC_SETTER(aclvdecSetChannelDescOutPicFormat, acldvppPixelFormat, ACL_VDEC_OUT_PIC_FORMAT_UINT32)
VDEC_SETTER(aclvdecSetChannelDescOutPicWidth, uint32_t, ACL_VDEC_OUT_PIC_WIDTH_UINT32)
VDEC_SETTER(aclvdecSetChannelDescOutPicHeight, uint32_t, ACL_VDEC_OUT_PIC_HEIGHT_UINT32)
VDEC_SETTER(aclvdecSetChannelDescRefFrameNum, uint32_t, ACL_VDEC_REF_FRAME_NUM_UINT32)
VDEC_SETTER(aclvdecSetChannelDescBitDepth, uint32_t, ACL_VDEC_BIT_DEPTH_UINT32)
VDEC_SETTER(aclvdecSetChannelDescOutMode, uint32_t, ACL_VDEC_OUT_MODE_UINT32)

aclError aclvdecSetChannelDescThreadId(aclvdecChannelDesc *channelDesc, uint64_t threadId)
{
	return set("aclvdecSetChannelDescThreadId", channelDesc, ACL_VDEC_THREAD_ID_UINT64,
		   threadId);
}

aclError aclvdecSetChannelDescCallback(aclvdecChannelDesc *channelDesc, aclvdecCallback callback)
{
	aclError ret = (channelDesc && callback && !channelDesc->video) ? ACL_SUCCESS
									: ACL_ERROR_INVALID_PARAM;

	if (ret == ACL_SUCCESS)
		channelDesc->callback = callback;
	ascendsim_dvpp_log("aclvdecSetChannelDescCallback", ret, "%p, %p", (void *)channelDesc,
			   (void *)(uintptr_t)callback);
	return ret;
}

#define VDEC_GETTER(type, fn, expr)                                                          \
	type fn(const aclvdecChannelDesc *channelDesc)                                       \
	{                                                                                    \
		type v = channelDesc ? (type)(expr) : (type)0;                               \
		ascendsim_dvpp_log(#fn, (int)(uintptr_t)v, "%p", (const void *)channelDesc); \
		return v;                                                                    \
	}

VDEC_GETTER(uint32_t, aclvdecGetChannelDescChannelId, channelDesc->channel_id)
VDEC_GETTER(uint64_t, aclvdecGetChannelDescThreadId, channelDesc->thread_id)
VDEC_GETTER(uint32_t, aclvdecGetChannelDescOutPicWidth, channelDesc->out_pic_width)
VDEC_GETTER(uint32_t, aclvdecGetChannelDescOutPicHeight, channelDesc->out_pic_height)
VDEC_GETTER(uint32_t, aclvdecGetChannelDescBitDepth, channelDesc->bit_depth)
VDEC_GETTER(uint32_t, aclvdecGetChannelDescRefFrameNum, channelDesc->ref_frame_num)
VDEC_GETTER(uint32_t, aclvdecGetChannelDescOutMode, channelDesc->out_mode)

aclvdecCallback aclvdecGetChannelDescCallback(const aclvdecChannelDesc *channelDesc)
{
	aclvdecCallback cb = channelDesc ? channelDesc->callback : NULL;

	ascendsim_dvpp_log("aclvdecGetChannelDescCallback", 0, "%p", (const void *)channelDesc);
	return cb;
}

acldvppStreamFormat aclvdecGetChannelDescEnType(const aclvdecChannelDesc *channelDesc)
{
	int32_t v = channelDesc ? channelDesc->en_type : H265_MAIN_LEVEL;

	ascendsim_dvpp_log("aclvdecGetChannelDescEnType", (int)v, "%p", (const void *)channelDesc);
	return (acldvppStreamFormat)v;
}

acldvppPixelFormat aclvdecGetChannelDescOutPicFormat(const aclvdecChannelDesc *channelDesc)
{
	int32_t v = channelDesc ? channelDesc->out_pic_format : PIXEL_FORMAT_YUV_SEMIPLANAR_420;

	ascendsim_dvpp_log("aclvdecGetChannelDescOutPicFormat", (int)v, "%p",
			   (const void *)channelDesc);
	return (acldvppPixelFormat)v;
}

aclError aclvdecSetChannelDescParam(aclvdecChannelDesc *channelDesc,
				    aclvdecChannelDescParamType paramType, size_t length,
				    const void *param)
{
	aclError ret = ACL_ERROR_INVALID_PARAM;
	uint64_t v = 0;

	if (channelDesc && param && !channelDesc->video) {
		if (paramType == ACL_VDEC_CALLBACK_PTR && length == sizeof(aclvdecCallback)) {
			memcpy(&channelDesc->callback, param, sizeof(aclvdecCallback));
			ret = channelDesc->callback ? ACL_SUCCESS : ACL_ERROR_INVALID_PARAM;
		} else if (paramType == ACL_VDEC_THREAD_ID_UINT64 && length == sizeof(uint64_t)) {
			memcpy(&v, param, sizeof(uint64_t));
			ret = store(channelDesc, (int)paramType, v) ? ACL_SUCCESS : ret;
		} else if (paramType != ACL_VDEC_CALLBACK_PTR &&
			   paramType != ACL_VDEC_THREAD_ID_UINT64 && length == sizeof(uint32_t)) {
			uint32_t v32;

			memcpy(&v32, param, sizeof(v32));
			ret = store(channelDesc, (int)paramType, v32) ? ACL_SUCCESS : ret;
		}
	}
	ascendsim_dvpp_log("aclvdecSetChannelDescParam", ret, "%p, %d, %zu, %p",
			   (void *)channelDesc, (int)paramType, length, param);
	return ret;
}

aclError aclvdecGetChannelDescParam(const aclvdecChannelDesc *channelDesc,
				    aclvdecChannelDescParamType paramType, size_t length,
				    size_t *paramRetSize, void *param)
{
	aclError ret = ACL_ERROR_INVALID_PARAM;
	const aclvdecChannelDesc *d = channelDesc;
	uint32_t v32 = 0;

	if (!d || !param || !paramRetSize)
		goto end;
	if (paramType == ACL_VDEC_CALLBACK_PTR) {
		if (length < sizeof(aclvdecCallback))
			goto end;
		memcpy(param, &d->callback, sizeof(aclvdecCallback));
		*paramRetSize = sizeof(aclvdecCallback);
		ret = ACL_SUCCESS;
		goto end;
	}
	if (paramType == ACL_VDEC_THREAD_ID_UINT64) {
		if (length < sizeof(uint64_t))
			goto end;
		memcpy(param, &d->thread_id, sizeof(uint64_t));
		*paramRetSize = sizeof(uint64_t);
		ret = ACL_SUCCESS;
		goto end;
	}
	switch (paramType) {
	case ACL_VDEC_CSC_MATRIX_UINT32:
		v32 = d->csc_matrix;
		break;
	case ACL_VDEC_OUT_MODE_UINT32:
		v32 = d->out_mode;
		break;
	case ACL_VDEC_CHANNEL_ID_UINT32:
		v32 = d->channel_id;
		break;
	case ACL_VDEC_ENCODE_TYPE_UINT32:
		v32 = (uint32_t)d->en_type;
		break;
	case ACL_VDEC_OUT_PIC_FORMAT_UINT32:
		v32 = (uint32_t)d->out_pic_format;
		break;
	case ACL_VDEC_OUT_PIC_WIDTH_UINT32:
		v32 = d->out_pic_width;
		break;
	case ACL_VDEC_OUT_PIC_HEIGHT_UINT32:
		v32 = d->out_pic_height;
		break;
	case ACL_VDEC_REF_FRAME_NUM_UINT32:
		v32 = d->ref_frame_num;
		break;
	case ACL_VDEC_BIT_DEPTH_UINT32:
		v32 = d->bit_depth;
		break;
	default:
		goto end;
	}
	if (length < sizeof(v32))
		goto end;
	memcpy(param, &v32, sizeof(v32));
	*paramRetSize = sizeof(v32);
	ret = ACL_SUCCESS;
end:
	ascendsim_dvpp_log("aclvdecGetChannelDescParam", ret, "%p, %d, %zu, %p, %p",
			   (const void *)channelDesc, (int)paramType, length, (void *)paramRetSize,
			   param);
	return ret;
}

aclvdecFrameConfig *aclvdecCreateFrameConfig(void)
{
	struct aclvdecFrameConfig *c = calloc(1, sizeof(*c));

	ascendsim_dvpp_log("aclvdecCreateFrameConfig", c ? 0 : ACL_ERROR_BAD_ALLOC, "%s", "");
	return c;
}

aclError aclvdecDestroyFrameConfig(aclvdecFrameConfig *vdecFrameConfig)
{
	aclError ret = vdecFrameConfig ? ACL_SUCCESS : ACL_ERROR_INVALID_PARAM;

	ascendsim_dvpp_log("aclvdecDestroyFrameConfig", ret, "%p", (void *)vdecFrameConfig);
	free(vdecFrameConfig);
	return ret;
}
