/* SPDX-License-Identifier: MIT */
/* Image processing channel descriptions and channels (VPC, JPEGD, JPEGE, PNGD). */
#include "dvpp_internal.h"

#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#define ALL_MODES (DVPP_CHNMODE_VPC | DVPP_CHNMODE_JPEGD | DVPP_CHNMODE_JPEGE | DVPP_CHNMODE_PNGD)

static atomic_uint_fast64_t next_channel_id;

acldvppChannelDesc *acldvppCreateChannelDesc(void)
{
	struct acldvppChannelDesc *ch = calloc(1, sizeof(*ch));

	ascendsim_dvpp_log("acldvppCreateChannelDesc", ch ? 0 : ACL_ERROR_BAD_ALLOC, "%s", "");
	return ch;
}

aclError acldvppDestroyChannelDesc(acldvppChannelDesc *channelDesc)
{
	aclError ret = channelDesc ? ACL_SUCCESS : ACL_ERROR_INVALID_PARAM;

	ascendsim_dvpp_log("acldvppDestroyChannelDesc", ret, "%p", (void *)channelDesc);
	free(channelDesc);
	return ret;
}

uint64_t acldvppGetChannelDescChannelId(const acldvppChannelDesc *channelDesc)
{
	uint64_t id = channelDesc ? channelDesc->channel_id : 0;

	ascendsim_dvpp_log("acldvppGetChannelDescChannelId", (int)id, "%p",
			   (const void *)channelDesc);
	return id;
}

static bool mode_valid(uint32_t mode)
{
	return mode != 0 && (mode & ~(uint32_t)ALL_MODES) == 0;
}

aclError acldvppSetChannelDescMode(acldvppChannelDesc *channelDesc, uint32_t mode)
{
	aclError ret = ACL_SUCCESS;

	if (!channelDesc || !mode_valid(mode) || channelDesc->created)
		ret = ACL_ERROR_INVALID_PARAM;
	else
		channelDesc->mode = mode;
	ascendsim_dvpp_log("acldvppSetChannelDescMode", ret, "%p, %u", (void *)channelDesc,
			   (unsigned)mode);
	return ret;
}

static aclError set_param(acldvppChannelDesc *ch, int type, size_t length, const void *param)
{
	uint32_t v;

	if (!ch || !param)
		return ACL_ERROR_INVALID_PARAM;
	if (type == ACL_DVPP_CHANNEL_ID_UINT64)
		return ACL_ERROR_INVALID_PARAM; /* assigned by acldvppCreateChannel, read-only */
	if (length != sizeof(uint32_t))
		return ACL_ERROR_INVALID_PARAM;
	memcpy(&v, param, sizeof(v));
	switch (type) {
	case ACL_DVPP_CSC_MATRIX_UINT32:
		if (v > ACL_DVPP_CSC_MATRIX_BT2020_NARROW)
			return ACL_ERROR_INVALID_PARAM;
		ch->csc_matrix = v;
		return ACL_SUCCESS;
	case ACL_DVPP_MODE_UINT32:
		if (!mode_valid(v) || ch->created)
			return ACL_ERROR_INVALID_PARAM;
		ch->mode = v;
		return ACL_SUCCESS;
	case ACL_DVPP_CHANNEL_HEIGHT_UINT32:
		ch->height = v;
		return ACL_SUCCESS;
	case ACL_DVPP_CHANNEL_WIDTH_UINT32:
		ch->width = v;
		return ACL_SUCCESS;
	default:
		return ACL_ERROR_INVALID_PARAM;
	}
}

aclError acldvppSetChannelDescParam(acldvppChannelDesc *channelDesc,
				    acldvppChannelDescParamType paramType, size_t length,
				    const void *param)
{
	aclError ret = set_param(channelDesc, (int)paramType, length, param);

	ascendsim_dvpp_log("acldvppSetChannelDescParam", ret, "%p, %d, %zu, %p",
			   (void *)channelDesc, (int)paramType, length, param);
	return ret;
}

static aclError get_param(const acldvppChannelDesc *ch, int type, size_t length, size_t *ret_size,
			  void *param)
{
	uint64_t v64;
	uint32_t v;

	if (!ch || !param || !ret_size)
		return ACL_ERROR_INVALID_PARAM;
	if (type == ACL_DVPP_CHANNEL_ID_UINT64) {
		if (length < sizeof(v64))
			return ACL_ERROR_INVALID_PARAM;
		v64 = ch->channel_id;
		memcpy(param, &v64, sizeof(v64));
		*ret_size = sizeof(v64);
		return ACL_SUCCESS;
	}
	switch (type) {
	case ACL_DVPP_CSC_MATRIX_UINT32:
		v = ch->csc_matrix;
		break;
	case ACL_DVPP_MODE_UINT32:
		v = ch->mode ? ch->mode : ALL_MODES;
		break;
	case ACL_DVPP_CHANNEL_HEIGHT_UINT32:
		v = ch->height;
		break;
	case ACL_DVPP_CHANNEL_WIDTH_UINT32:
		v = ch->width;
		break;
	default:
		return ACL_ERROR_INVALID_PARAM;
	}
	if (length < sizeof(v))
		return ACL_ERROR_INVALID_PARAM;
	memcpy(param, &v, sizeof(v));
	*ret_size = sizeof(v);
	return ACL_SUCCESS;
}

aclError acldvppGetChannelDescParam(const acldvppChannelDesc *channelDesc,
				    acldvppChannelDescParamType paramType, size_t length,
				    size_t *paramRetSize, void *param)
{
	aclError ret = get_param(channelDesc, (int)paramType, length, paramRetSize, param);

	ascendsim_dvpp_log("acldvppGetChannelDescParam", ret, "%p, %d, %zu, %p, %p",
			   (const void *)channelDesc, (int)paramType, length, (void *)paramRetSize,
			   param);
	return ret;
}

aclError acldvppCreateChannel(acldvppChannelDesc *channelDesc)
{
	aclError ret = ACL_SUCCESS;

	if (!channelDesc || channelDesc->created) {
		ret = ACL_ERROR_INVALID_PARAM;
	} else if (!ascendsim_initialized()) {
		ret = ACL_ERROR_UNINITIALIZE;
	} else {
		channelDesc->channel_id = atomic_fetch_add(&next_channel_id, 1);
		channelDesc->created = true;
	}
	ascendsim_dvpp_log("acldvppCreateChannel", ret, "%p", (void *)channelDesc);
	return ret;
}

aclError acldvppDestroyChannel(acldvppChannelDesc *channelDesc)
{
	aclError ret = ACL_SUCCESS;

	if (!channelDesc || !channelDesc->created)
		ret = ACL_ERROR_INVALID_PARAM;
	else
		channelDesc->created = false;
	ascendsim_dvpp_log("acldvppDestroyChannel", ret, "%p", (void *)channelDesc);
	return ret;
}
