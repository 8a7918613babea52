/* SPDX-License-Identifier: MIT */
/* Stream descriptions: the bitstream side of the video decoder and encoder. */
#include "dvpp_internal.h"

#include <stdlib.h>

acldvppStreamDesc *acldvppCreateStreamDesc(void)
{
	struct acldvppStreamDesc *sd = calloc(1, sizeof(*sd));

	if (sd && !ascendsim_dvpp_live_add(sd)) {
		free(sd);
		sd = NULL;
	}
	ascendsim_dvpp_log("acldvppCreateStreamDesc", sd ? 0 : ACL_ERROR_BAD_ALLOC, "%s", "");
	return sd;
}

aclError acldvppDestroyStreamDesc(acldvppStreamDesc *streamDesc)
{
	aclError ret = ACL_SUCCESS;

	if (!streamDesc || !ascendsim_dvpp_live_remove(streamDesc))
		ret = ACL_ERROR_INVALID_PARAM;
	ascendsim_dvpp_log("acldvppDestroyStreamDesc", ret, "%p", (void *)streamDesc);
	if (ret == ACL_SUCCESS)
		free(streamDesc);
	return ret;
}

aclError acldvppSetStreamDescData(acldvppStreamDesc *streamDesc, void *dataDev)
{
	aclError ret = streamDesc ? ACL_SUCCESS : ACL_ERROR_INVALID_PARAM;

	if (streamDesc)
		streamDesc->data = dataDev;
	ascendsim_dvpp_log("acldvppSetStreamDescData", ret, "%p, %p", (void *)streamDesc, dataDev);
	return ret;
}

aclError acldvppSetStreamDescSize(acldvppStreamDesc *streamDesc, uint32_t size)
{
	aclError ret = streamDesc ? ACL_SUCCESS : ACL_ERROR_INVALID_PARAM;

	if (streamDesc)
		streamDesc->size = size;
	ascendsim_dvpp_log("acldvppSetStreamDescSize", ret, "%p, %u", (void *)streamDesc,
			   (unsigned)size);
	return ret;
}

aclError acldvppSetStreamDescFormat(acldvppStreamDesc *streamDesc, acldvppStreamFormat format)
{
	aclError ret = ACL_SUCCESS;

	if (!streamDesc || (int)format < H265_MAIN_LEVEL || (int)format > H264_HIGH_LEVEL)
		ret = ACL_ERROR_INVALID_PARAM;
	else
		streamDesc->format = (int32_t)format;
	ascendsim_dvpp_log("acldvppSetStreamDescFormat", ret, "%p, %d", (void *)streamDesc,
			   (int)format);
	return ret;
}

aclError acldvppSetStreamDescTimestamp(acldvppStreamDesc *streamDesc, uint64_t timestamp)
{
	aclError ret = streamDesc ? ACL_SUCCESS : ACL_ERROR_INVALID_PARAM;

	if (streamDesc)
		streamDesc->timestamp = timestamp;
	ascendsim_dvpp_log("acldvppSetStreamDescTimestamp", ret, "%p, %llu", (void *)streamDesc,
			   (unsigned long long)timestamp);
	return ret;
}

aclError acldvppSetStreamDescRetCode(acldvppStreamDesc *streamDesc, uint32_t retCode)
{
	aclError ret = streamDesc ? ACL_SUCCESS : ACL_ERROR_INVALID_PARAM;

	if (streamDesc)
		streamDesc->ret_code = retCode;
	ascendsim_dvpp_log("acldvppSetStreamDescRetCode", ret, "%p, %u", (void *)streamDesc,
			   (unsigned)retCode);
	return ret;
}

aclError acldvppSetStreamDescEos(acldvppStreamDesc *streamDesc, uint8_t eos)
{
	aclError ret = streamDesc ? ACL_SUCCESS : ACL_ERROR_INVALID_PARAM;

	if (streamDesc)
		streamDesc->eos = eos ? 1 : 0;
	ascendsim_dvpp_log("acldvppSetStreamDescEos", ret, "%p, %u", (void *)streamDesc,
			   (unsigned)eos);
	return ret;
}

void *acldvppGetStreamDescData(const acldvppStreamDesc *streamDesc)
{
	void *data = streamDesc ? streamDesc->data : NULL;

	ascendsim_dvpp_log("acldvppGetStreamDescData", 0, "%p", (const void *)streamDesc);
	return data;
}

uint32_t acldvppGetStreamDescSize(const acldvppStreamDesc *streamDesc)
{
	uint32_t v = streamDesc ? streamDesc->size : 0;

	ascendsim_dvpp_log("acldvppGetStreamDescSize", (int)v, "%p", (const void *)streamDesc);
	return v;
}

acldvppStreamFormat acldvppGetStreamDescFormat(const acldvppStreamDesc *streamDesc)
{
	int32_t v = streamDesc ? streamDesc->format : H265_MAIN_LEVEL;

	ascendsim_dvpp_log("acldvppGetStreamDescFormat", (int)v, "%p", (const void *)streamDesc);
	return (acldvppStreamFormat)v;
}

uint64_t acldvppGetStreamDescTimestamp(const acldvppStreamDesc *streamDesc)
{
	uint64_t v = streamDesc ? streamDesc->timestamp : 0;

	ascendsim_dvpp_log("acldvppGetStreamDescTimestamp", 0, "%p", (const void *)streamDesc);
	return v;
}

uint32_t acldvppGetStreamDescRetCode(const acldvppStreamDesc *streamDesc)
{
	uint32_t v = streamDesc ? streamDesc->ret_code : 0;

	ascendsim_dvpp_log("acldvppGetStreamDescRetCode", (int)v, "%p", (const void *)streamDesc);
	return v;
}

uint8_t acldvppGetStreamDescEos(const acldvppStreamDesc *streamDesc)
{
	uint8_t v = streamDesc ? streamDesc->eos : 0;

	ascendsim_dvpp_log("acldvppGetStreamDescEos", (int)v, "%p", (const void *)streamDesc);
	return v;
}
