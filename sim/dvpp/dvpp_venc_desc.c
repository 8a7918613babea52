/* SPDX-License-Identifier: MIT */
/* Video encoder channel descriptions and frame configurations. */
#include "dvpp_internal.h"

#include <stdlib.h>
#include <string.h>

aclvencChannelDesc *aclvencCreateChannelDesc(void)
{
	struct aclvencChannelDesc *d = calloc(1, sizeof(*d));

	if (d) {
		d->en_type = H265_MAIN_LEVEL;
		d->pic_format = PIXEL_FORMAT_YUV_SEMIPLANAR_420;
	}
	ascendsim_dvpp_log("aclvencCreateChannelDesc", d ? 0 : ACL_ERROR_BAD_ALLOC, "%s", "");
	return d;
}

aclError aclvencDestroyChannelDesc(aclvencChannelDesc *channelDesc)
{
	aclError ret = ACL_SUCCESS;

	if (!channelDesc || channelDesc->video)
		ret = ACL_ERROR_INVALID_PARAM; /* batch members and live channels stay */
	ascendsim_dvpp_log("aclvencDestroyChannelDesc", ret, "%p", (void *)channelDesc);
	if (ret == ACL_SUCCESS)
		free(channelDesc);
	return ret;
}

/* Stores a scalar parameter; false when out of range. */
static bool store(aclvencChannelDesc *d, int param, uint64_t v)
{
	switch (param) {
	case ACL_VENC_THREAD_ID_UINT64:
		d->thread_id = v;
		return true;
	case ACL_VENC_PIXEL_FORMAT_UINT32:
		if (v != PIXEL_FORMAT_YUV_SEMIPLANAR_420 && v != PIXEL_FORMAT_YVU_SEMIPLANAR_420)
			return false;
		d->pic_format = (int32_t)v;
		return true;
	case ACL_VENC_ENCODE_TYPE_UINT32:
		if (v > H264_HIGH_LEVEL)
			return false;
		d->en_type = (int32_t)v;
		return true;
	case ACL_VENC_PIC_WIDTH_UINT32:
		d->pic_width = (uint32_t)v;
		return true;
	case ACL_VENC_PIC_HEIGHT_UINT32:
		d->pic_height = (uint32_t)v;
		return true;
	case ACL_VENC_KEY_FRAME_INTERVAL_UINT32:
		if (v == 0 || v > 65536)
			return false;
		d->key_frame_interval = (uint32_t)v;
		return true;
	case ACL_VENC_BUF_SIZE_UINT32:
		d->buf_size = (uint32_t)v;
		return true;
	case ACL_VENC_RC_MODE_UINT32:
		if (v > 2)
			return false;
		d->rc_mode = (uint32_t)v;
		return true;
	case ACL_VENC_SRC_RATE_UINT32:
		d->src_rate = (uint32_t)v;
		return true;
	case ACL_VENC_MAX_BITRATE_UINT32:
		d->max_bit_rate = (uint32_t)v;
		return true;
	case ACL_VENC_MAX_IP_PROP_UINT32:
		d->max_ip_prop = (uint32_t)v;
		return true;
	default:
		return false;
	}
}

static aclError set(const char *api, aclvencChannelDesc *d, int param, uint64_t v)
{
	aclError ret =
	    (d && !d->video && store(d, param, v)) ? ACL_SUCCESS : ACL_ERROR_INVALID_PARAM;

	ascendsim_dvpp_log(api, ret, "%p, %llu", (void *)d, (unsigned long long)v);
	return ret;
}

aclError aclvencSetChannelDescThreadId(aclvencChannelDesc *channelDesc, uint64_t threadId)
{
	return set("aclvencSetChannelDescThreadId", channelDesc, ACL_VENC_THREAD_ID_UINT64,
		   threadId);
}

aclError aclvencSetChannelDescEnType(aclvencChannelDesc *channelDesc, acldvppStreamFormat enType)
{
	return set("aclvencSetChannelDescEnType", channelDesc, ACL_VENC_ENCODE_TYPE_UINT32,
		   (uint64_t)(uint32_t)enType);
}

aclError aclvencSetChannelDescPicFormat(aclvencChannelDesc *channelDesc,
					acldvppPixelFormat picFormat)
{
	return set("aclvencSetChannelDescPicFormat", channelDesc, ACL_VENC_PIXEL_FORMAT_UINT32,
		   (uint64_t)(uint32_t)picFormat);
}

aclError aclvencSetChannelDescPicWidth(aclvencChannelDesc *channelDesc, uint32_t picWidth)
{
	return set("aclvencSetChannelDescPicWidth", channelDesc, ACL_VENC_PIC_WIDTH_UINT32,
		   picWidth);
}

aclError aclvencSetChannelDescPicHeight(aclvencChannelDesc *channelDesc, uint32_t picHeight)
{
	return set("aclvencSetChannelDescPicHeight", channelDesc, ACL_VENC_PIC_HEIGHT_UINT32,
		   picHeight);
}

aclError aclvencSetChannelDescKeyFrameInterval(aclvencChannelDesc *channelDesc,
					       uint32_t keyFrameInterval)
{
	return set("aclvencSetChannelDescKeyFrameInterval", channelDesc,
		   ACL_VENC_KEY_FRAME_INTERVAL_UINT32, keyFrameInterval);
}

aclError aclvencSetChannelDescBufSize(aclvencChannelDesc *channelDesc, uint32_t bufSize)
{
	return set("aclvencSetChannelDescBufSize", channelDesc, ACL_VENC_BUF_SIZE_UINT32, bufSize);
}

aclError aclvencSetChannelDescRcMode(aclvencChannelDesc *channelDesc, uint32_t rcMode)
{
	return set("aclvencSetChannelDescRcMode", channelDesc, ACL_VENC_RC_MODE_UINT32, rcMode);
}

aclError aclvencSetChannelDescSrcRate(aclvencChannelDesc *channelDesc, uint32_t srcRate)
{
	return set("aclvencSetChannelDescSrcRate", channelDesc, ACL_VENC_SRC_RATE_UINT32, srcRate);
}

aclError aclvencSetChannelDescMaxBitRate(aclvencChannelDesc *channelDesc, uint32_t maxBitRate)
{
	return set("aclvencSetChannelDescMaxBitRate", channelDesc, ACL_VENC_MAX_BITRATE_UINT32,
		   maxBitRate);
}

/* The encoder writes its streams there: the address must lie in DVPP memory. */
static aclError set_buf_addr(aclvencChannelDesc *d, void *addr)
{
	if (!d || d->video || !addr)
		return ACL_ERROR_INVALID_PARAM;
	if (!ascendsim_mem_check_range(addr, 0, ascendsim_dvpp_buffer_pools())) {
		ascendsim_warn("aclvencSetChannelDescBufAddr: %p is not live DVPP memory (use "
			       "acldvppMalloc)",
			       addr);
		return ACL_ERROR_INVALID_PARAM;
	}
	d->buf_addr = addr;
	return ACL_SUCCESS;
}

aclError aclvencSetChannelDescBufAddr(aclvencChannelDesc *channelDesc, void *bufAddr)
{
	aclError ret = set_buf_addr(channelDesc, bufAddr);

	ascendsim_dvpp_log("aclvencSetChannelDescBufAddr", ret, "%p, %p", (void *)channelDesc,
			   bufAddr);
	return ret;
}

aclError aclvencSetChannelDescCallback(aclvencChannelDesc *channelDesc, aclvencCallback callback)
{
	aclError ret = (channelDesc && callback && !channelDesc->video) ? ACL_SUCCESS
									: ACL_ERROR_INVALID_PARAM;

	if (ret == ACL_SUCCESS)
		channelDesc->callback = callback;
	ascendsim_dvpp_log("aclvencSetChannelDescCallback", ret, "%p, %p", (void *)channelDesc,
			   (void *)(uintptr_t)callback);
	return ret;
}

aclError aclvencSetChannelDescParam(aclvencChannelDesc *channelDesc,
				    aclvencChannelDescParamType paramType, size_t length,
				    const void *param)
{
	aclError ret = ACL_ERROR_INVALID_PARAM;

	if (!channelDesc || !param || channelDesc->video)
		goto end;
	if (paramType == ACL_VENC_CALLBACK_PTR) {
		aclvencCallback cb;

		if (length != sizeof(cb))
			goto end;
		memcpy(&cb, param, sizeof(cb));
		if (cb) {
			channelDesc->callback = cb;
			ret = ACL_SUCCESS;
		}
	} else if (paramType == ACL_VENC_BUF_ADDR_PTR) {
		void *addr;

		if (length != sizeof(addr))
			goto end;
		memcpy(&addr, param, sizeof(addr));
		ret = set_buf_addr(channelDesc, addr);
	} else if (paramType == ACL_VENC_THREAD_ID_UINT64) {
		uint64_t v;

		if (length != sizeof(v))
			goto end;
		memcpy(&v, param, sizeof(v));
		ret = store(channelDesc, (int)paramType, v) ? ACL_SUCCESS : ret;
	} else {
		uint32_t v;

		if (length != sizeof(v))
			goto end;
		memcpy(&v, param, sizeof(v));
		ret = store(channelDesc, (int)paramType, v) ? ACL_SUCCESS : ret;
	}
end:
	ascendsim_dvpp_log("aclvencSetChannelDescParam", ret, "%p, %d, %zu, %p",
			   (void *)channelDesc, (int)paramType, length, param);
	return ret;
}

aclError aclvencGetChannelDescParam(const aclvencChannelDesc *channelDesc,
				    aclvencChannelDescParamType paramType, size_t length,
				    size_t *paramRetSize, void *param)
{
	const aclvencChannelDesc *d = channelDesc;
	aclError ret = ACL_ERROR_INVALID_PARAM;
	const void *src = NULL;
	size_t n = sizeof(uint32_t);
	uint32_t v32 = 0;

	if (!d || !param || !paramRetSize)
		goto end;
	switch (paramType) {
	case ACL_VENC_THREAD_ID_UINT64:
		src = &d->thread_id;
		n = sizeof(uint64_t);
		break;
	case ACL_VENC_CALLBACK_PTR:
		src = &d->callback;
		n = sizeof(aclvencCallback);
		break;
	case ACL_VENC_BUF_ADDR_PTR:
		src = &d->buf_addr;
		n = sizeof(void *);
		break;
	case ACL_VENC_PIXEL_FORMAT_UINT32:
		v32 = (uint32_t)d->pic_format;
		break;
	case ACL_VENC_ENCODE_TYPE_UINT32:
		v32 = (uint32_t)d->en_type;
		break;
	case ACL_VENC_PIC_WIDTH_UINT32:
		v32 = d->pic_width;
		break;
	case ACL_VENC_PIC_HEIGHT_UINT32:
		v32 = d->pic_height;
		break;
	case ACL_VENC_KEY_FRAME_INTERVAL_UINT32:
		v32 = d->key_frame_interval;
		break;
	case ACL_VENC_BUF_SIZE_UINT32:
		v32 = d->buf_size;
		break;
	case ACL_VENC_RC_MODE_UINT32:
		v32 = d->rc_mode;
		break;
	case ACL_VENC_SRC_RATE_UINT32:
		v32 = d->src_rate;
		break;
	case ACL_VENC_MAX_BITRATE_UINT32:
		v32 = d->max_bit_rate;
		break;
	case ACL_VENC_MAX_IP_PROP_UINT32:
		v32 = d->max_ip_prop;
		break;
	default:
		goto end;
	}
	if (!src)
		src = &v32;
	if (length < n)
		goto end;
	memcpy(param, src, n);
	*paramRetSize = n;
	ret = ACL_SUCCESS;
end:
	ascendsim_dvpp_log("aclvencGetChannelDescParam", ret, "%p, %d, %zu, %p, %p",
			   (const void *)channelDesc, (int)paramType, length, (void *)paramRetSize,
			   param);
	return ret;
}

#define VENC_GETTER(type, fn, expr)                                                          \
	type fn(const aclvencChannelDesc *channelDesc)                                       \
	{                                                                                    \
		type v = channelDesc ? (type)(expr) : (type)0;                               \
		ascendsim_dvpp_log(#fn, (int)(uintptr_t)v, "%p", (const void *)channelDesc); \
		return v;                                                                    \
	}

VENC_GETTER(void *, aclvencGetChannelDescBufAddr, channelDesc->buf_addr)
VENC_GETTER(uint32_t, aclvencGetChannelDescBufSize, channelDesc->buf_size)
VENC_GETTER(uint32_t, aclvencGetChannelDescChannelId, channelDesc->channel_id)
VENC_GETTER(uint64_t, aclvencGetChannelDescThreadId, channelDesc->thread_id)
VENC_GETTER(uint32_t, aclvencGetChannelDescPicWidth, channelDesc->pic_width)
VENC_GETTER(uint32_t, aclvencGetChannelDescPicHeight, channelDesc->pic_height)
VENC_GETTER(uint32_t, aclvencGetChannelDescKeyFrameInterval, channelDesc->key_frame_interval)
VENC_GETTER(uint32_t, aclvencGetChannelDescRcMode, channelDesc->rc_mode)
VENC_GETTER(uint32_t, aclvencGetChannelDescSrcRate, channelDesc->src_rate)
VENC_GETTER(uint32_t, aclvencGetChannelDescMaxBitRate, channelDesc->max_bit_rate)

aclvencCallback aclvencGetChannelDescCallback(const aclvencChannelDesc *channelDesc)
{
	aclvencCallback cb = channelDesc ? channelDesc->callback : NULL;

	ascendsim_dvpp_log("aclvencGetChannelDescCallback", 0, "%p", (const void *)channelDesc);
	return cb;
}

acldvppStreamFormat aclvencGetChannelDescEnType(const aclvencChannelDesc *channelDesc)
{
	int32_t v = channelDesc ? channelDesc->en_type : H265_MAIN_LEVEL;

	ascendsim_dvpp_log("aclvencGetChannelDescEnType", (int)v, "%p", (const void *)channelDesc);
	return (acldvppStreamFormat)v;
}

acldvppPixelFormat aclvencGetChannelDescPicFormat(const aclvencChannelDesc *channelDesc)
{
	int32_t v = channelDesc ? channelDesc->pic_format : PIXEL_FORMAT_YUV_SEMIPLANAR_420;

	ascendsim_dvpp_log("aclvencGetChannelDescPicFormat", (int)v, "%p",
			   (const void *)channelDesc);
	return (acldvppPixelFormat)v;
}

aclvencFrameConfig *aclvencCreateFrameConfig(void)
{
	struct aclvencFrameConfig *c = calloc(1, sizeof(*c));

	ascendsim_dvpp_log("aclvencCreateFrameConfig", c ? 0 : ACL_ERROR_BAD_ALLOC, "%s", "");
	return c;
}

aclError aclvencDestroyFrameConfig(aclvencFrameConfig *config)
{
	aclError ret = config ? ACL_SUCCESS : ACL_ERROR_INVALID_PARAM;

	ascendsim_dvpp_log("aclvencDestroyFrameConfig", ret, "%p", (void *)config);
	free(config);
	return ret;
}

aclError aclvencSetFrameConfigForceIFrame(aclvencFrameConfig *config, uint8_t forceIFrame)
{
	aclError ret = (config && forceIFrame <= 1) ? ACL_SUCCESS : ACL_ERROR_INVALID_PARAM;

	if (ret == ACL_SUCCESS)
		config->force_i_frame = forceIFrame;
	ascendsim_dvpp_log("aclvencSetFrameConfigForceIFrame", ret, "%p, %u", (void *)config,
			   (unsigned)forceIFrame);
	return ret;
}

aclError aclvencSetFrameConfigEos(aclvencFrameConfig *config, uint8_t eos)
{
	aclError ret = (config && eos <= 1) ? ACL_SUCCESS : ACL_ERROR_INVALID_PARAM;

	if (ret == ACL_SUCCESS)
		config->eos = eos;
	ascendsim_dvpp_log("aclvencSetFrameConfigEos", ret, "%p, %u", (void *)config,
			   (unsigned)eos);
	return ret;
}

uint8_t aclvencGetFrameConfigForceIFrame(const aclvencFrameConfig *config)
{
	uint8_t v = config ? config->force_i_frame : 0;

	ascendsim_dvpp_log("aclvencGetFrameConfigForceIFrame", (int)v, "%p", (const void *)config);
	return v;
}

uint8_t aclvencGetFrameConfigEos(const aclvencFrameConfig *config)
{
	uint8_t v = config ? config->eos : 0;

	ascendsim_dvpp_log("aclvencGetFrameConfigEos", (int)v, "%p", (const void *)config);
	return v;
}
