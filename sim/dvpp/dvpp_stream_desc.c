/* SPDX-License-Identifier: MIT */
/* Stream descriptions: the bitstream side of the video decoder and encoder. */
#include "dvpp_internal.h"

#include <stdlib.h>

acldvppStreamDesc *acldvppCreateStreamDesc(void)
{
	struct acldvppStreamDesc *sd = ascendsim_dvpp_live_new(sizeof(*sd));

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

/* Setters storing one field as given (stored), logged as fmt with shown. */
#define STREAM_SETTER(fn, type, field, stored, fmt, shown)                             \
	aclError fn(acldvppStreamDesc *streamDesc, type value)                         \
	{                                                                              \
		aclError ret = streamDesc ? ACL_SUCCESS : ACL_ERROR_INVALID_PARAM;     \
		if (streamDesc)                                                        \
			streamDesc->field = (stored);                                  \
		ascendsim_dvpp_log(#fn, ret, "%p, " fmt, (void *)streamDesc, (shown)); \
		return ret;                                                            \
	}

STREAM_SETTER(acldvppSetStreamDescData, void *, data, value, "%p", value)
STREAM_SETTER(acldvppSetStreamDescSize, uint32_t, size, value, "%u", (unsigned)value)
STREAM_SETTER(acldvppSetStreamDescTimestamp, uint64_t, timestamp, value, "%llu",
	      (unsigned long long)value)
STREAM_SETTER(acldvppSetStreamDescRetCode, uint32_t, ret_code, value, "%u", (unsigned)value)
STREAM_SETTER(acldvppSetStreamDescEos, uint8_t, eos, value ? 1 : 0, "%u", (unsigned)value)

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

/* Getters: the field, or 0 without a description; logged is the call's logged result. */
#define STREAM_GETTER(type, fn, field, logged)                                     \
	type fn(const acldvppStreamDesc *streamDesc)                               \
	{                                                                          \
		type v = streamDesc ? streamDesc->field : 0;                       \
		ascendsim_dvpp_log(#fn, (logged), "%p", (const void *)streamDesc); \
		return v;                                                          \
	}

STREAM_GETTER(void *, acldvppGetStreamDescData, data, 0)
STREAM_GETTER(uint32_t, acldvppGetStreamDescSize, size, (int)v)
STREAM_GETTER(uint64_t, acldvppGetStreamDescTimestamp, timestamp, 0)
STREAM_GETTER(uint32_t, acldvppGetStreamDescRetCode, ret_code, (int)v)
STREAM_GETTER(uint8_t, acldvppGetStreamDescEos, eos, (int)v)

acldvppStreamFormat acldvppGetStreamDescFormat(const acldvppStreamDesc *streamDesc)
{
	int32_t v = streamDesc ? streamDesc->format : H265_MAIN_LEVEL;

	ascendsim_dvpp_log("acldvppGetStreamDescFormat", (int)v, "%p", (const void *)streamDesc);
	return (acldvppStreamFormat)v;
}
