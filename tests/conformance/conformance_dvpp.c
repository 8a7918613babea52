/* SPDX-License-Identifier: MIT */
/*
 * acl/ops/acl_dvpp.h (DVPP V1, libacl_dvpp.so) against the reference, section 2.5: prototypes,
 * callback types, channel modes, pixel and stream formats. Needs ENABLE_DVPP_INTERFACE, and
 * must compile as C too (CANN's own header is C++-only; ours must not be).
 */
#include "acl/ops/acl_dvpp.h"
#include "conformance.h"

/* ---- memory ---- */
CONF_FN(aclError, acldvppMalloc, (void **, size_t))
CONF_FN(aclError, acldvppFree, (void *))

/* ---- channels ---- */
CONF_FN(acldvppChannelDesc *, acldvppCreateChannelDesc, (void))
CONF_FN(aclError, acldvppDestroyChannelDesc, (acldvppChannelDesc *))
CONF_FN(aclError, acldvppSetChannelDescMode, (acldvppChannelDesc *, uint32_t))
CONF_FN(aclError, acldvppCreateChannel, (acldvppChannelDesc *))
CONF_FN(aclError, acldvppDestroyChannel, (acldvppChannelDesc *))
CONF_CONST(DVPP_CHNMODE_VPC, 1)
CONF_CONST(DVPP_CHNMODE_JPEGD, 2)
CONF_CONST(DVPP_CHNMODE_JPEGE, 4)
CONF_CONST(DVPP_CHNMODE_PNGD, 8)

/* ---- picture descriptions ---- */
CONF_FN(acldvppPicDesc *, acldvppCreatePicDesc, (void))
CONF_FN(aclError, acldvppDestroyPicDesc, (acldvppPicDesc *))
CONF_FN(aclError, acldvppSetPicDescData, (acldvppPicDesc *, void *))
CONF_FN(aclError, acldvppSetPicDescSize, (acldvppPicDesc *, uint32_t))
CONF_FN(aclError, acldvppSetPicDescFormat, (acldvppPicDesc *, acldvppPixelFormat))
CONF_FN(aclError, acldvppSetPicDescWidth, (acldvppPicDesc *, uint32_t))
CONF_FN(aclError, acldvppSetPicDescHeight, (acldvppPicDesc *, uint32_t))
CONF_FN(aclError, acldvppSetPicDescWidthStride, (acldvppPicDesc *, uint32_t))
CONF_FN(aclError, acldvppSetPicDescHeightStride, (acldvppPicDesc *, uint32_t))
CONF_FN(aclError, acldvppSetPicDescRetCode, (acldvppPicDesc *, uint32_t))
CONF_FN(void *, acldvppGetPicDescData, (const acldvppPicDesc *))
CONF_FN(uint32_t, acldvppGetPicDescSize, (const acldvppPicDesc *))
CONF_FN(uint32_t, acldvppGetPicDescWidth, (const acldvppPicDesc *))
CONF_FN(uint32_t, acldvppGetPicDescHeight, (const acldvppPicDesc *))
CONF_FN(uint32_t, acldvppGetPicDescWidthStride, (const acldvppPicDesc *))
CONF_FN(uint32_t, acldvppGetPicDescHeightStride, (const acldvppPicDesc *))
CONF_FN(uint32_t, acldvppGetPicDescRetCode, (const acldvppPicDesc *))
CONF_FN(acldvppPixelFormat, acldvppGetPicDescFormat, (const acldvppPicDesc *))

/* ---- stream descriptions ---- */
CONF_FN(acldvppStreamDesc *, acldvppCreateStreamDesc, (void))
CONF_FN(aclError, acldvppSetStreamDescData, (acldvppStreamDesc *, void *))
CONF_FN(aclError, acldvppSetStreamDescSize, (acldvppStreamDesc *, uint32_t))
CONF_FN(aclError, acldvppSetStreamDescFormat, (acldvppStreamDesc *, acldvppStreamFormat))
CONF_FN(aclError, acldvppSetStreamDescTimestamp, (acldvppStreamDesc *, uint64_t))
CONF_FN(aclError, acldvppSetStreamDescEos, (acldvppStreamDesc *, uint8_t))

/* ---- configs and VPC ---- */
CONF_FN(acldvppRoiConfig *, acldvppCreateRoiConfig, (uint32_t, uint32_t, uint32_t, uint32_t))
CONF_FN(acldvppResizeConfig *, acldvppCreateResizeConfig, (void))
CONF_FN(aclError, acldvppVpcResizeAsync,
	(acldvppChannelDesc *, acldvppPicDesc *, acldvppPicDesc *, acldvppResizeConfig *,
	 aclrtStream))
CONF_FN(aclError, acldvppVpcCropAsync,
	(acldvppChannelDesc *, acldvppPicDesc *, acldvppPicDesc *, acldvppRoiConfig *, aclrtStream))
CONF_FN(aclError, acldvppVpcCropResizeAsync,
	(acldvppChannelDesc *, acldvppPicDesc *, acldvppPicDesc *, acldvppRoiConfig *,
	 acldvppResizeConfig *, aclrtStream))
CONF_FN(aclError, acldvppVpcCropAndPasteAsync,
	(acldvppChannelDesc *, acldvppPicDesc *, acldvppPicDesc *, acldvppRoiConfig *,
	 acldvppRoiConfig *, aclrtStream))
CONF_FN(aclError, acldvppVpcConvertColorAsync,
	(acldvppChannelDesc *, acldvppPicDesc *, acldvppPicDesc *, aclrtStream))
CONF_FN(aclError, acldvppVpcPyrDownAsync,
	(acldvppChannelDesc *, acldvppPicDesc *, acldvppPicDesc *, void *, aclrtStream))

/* ---- JPEG / PNG ---- */
CONF_FN(aclError, acldvppJpegDecodeAsync,
	(acldvppChannelDesc *, const void *, uint32_t, acldvppPicDesc *, aclrtStream))
CONF_FN(aclError, acldvppJpegEncodeAsync,
	(acldvppChannelDesc *, acldvppPicDesc *, const void *, uint32_t *, acldvppJpegeConfig *,
	 aclrtStream))
CONF_FN(aclError, acldvppPngDecodeAsync,
	(acldvppChannelDesc *, const void *, uint32_t, acldvppPicDesc *, aclrtStream))
CONF_FN(aclError, acldvppJpegGetImageInfo,
	(const void *, uint32_t, uint32_t *, uint32_t *, int32_t *))
CONF_FN(aclError, acldvppJpegGetImageInfoV2,
	(const void *, uint32_t, uint32_t *, uint32_t *, int32_t *, acldvppJpegFormat *))
CONF_FN(aclError, acldvppJpegPredictDecSize,
	(const void *, uint32_t, acldvppPixelFormat, uint32_t *))
CONF_FN(aclError, acldvppJpegPredictEncSize,
	(const acldvppPicDesc *, const acldvppJpegeConfig *, uint32_t *))

/* ---- video buffer-pointer APIs and callbacks ---- */
CONF_FN(aclError, aclvdecSendFrame,
	(aclvdecChannelDesc *, acldvppStreamDesc *, acldvppPicDesc *, aclvdecFrameConfig *, void *))
CONF_FN(aclError, aclvencSendFrame,
	(aclvencChannelDesc *, acldvppPicDesc *, void *, aclvencFrameConfig *, void *))
CONF_FN(aclError, aclvencSetChannelDescBufAddr, (aclvencChannelDesc *, void *))
typedef void (*conf_vdec_callback)(acldvppStreamDesc *, acldvppPicDesc *, void *);
typedef void (*conf_venc_callback)(acldvppPicDesc *, acldvppStreamDesc *, void *);
CONF_SAME_TYPE(aclvdecCallback, conf_vdec_callback)
CONF_SAME_TYPE(aclvencCallback, conf_venc_callback)

/* ---- acldvppPixelFormat ---- */
CONF_CONST(PIXEL_FORMAT_YUV_400, 0)
CONF_CONST(PIXEL_FORMAT_YUV_SEMIPLANAR_420, 1)
CONF_CONST(PIXEL_FORMAT_YVU_SEMIPLANAR_420, 2)
CONF_CONST(PIXEL_FORMAT_YUV_SEMIPLANAR_422, 3)
CONF_CONST(PIXEL_FORMAT_YVU_SEMIPLANAR_422, 4)
CONF_CONST(PIXEL_FORMAT_YUV_SEMIPLANAR_444, 5)
CONF_CONST(PIXEL_FORMAT_YVU_SEMIPLANAR_444, 6)
CONF_CONST(PIXEL_FORMAT_YUYV_PACKED_422, 7)
CONF_CONST(PIXEL_FORMAT_UYVY_PACKED_422, 8)
CONF_CONST(PIXEL_FORMAT_YVYU_PACKED_422, 9)
CONF_CONST(PIXEL_FORMAT_VYUY_PACKED_422, 10)
CONF_CONST(PIXEL_FORMAT_YUV_PACKED_444, 11)
CONF_CONST(PIXEL_FORMAT_RGB_888, 12)
CONF_CONST(PIXEL_FORMAT_BGR_888, 13)
CONF_CONST(PIXEL_FORMAT_ARGB_8888, 14)
CONF_CONST(PIXEL_FORMAT_ABGR_8888, 15)
CONF_CONST(PIXEL_FORMAT_RGBA_8888, 16)
CONF_CONST(PIXEL_FORMAT_BGRA_8888, 17)
CONF_CONST(PIXEL_FORMAT_YVU_PLANAR_420, 20)
CONF_CONST(PIXEL_FORMAT_YVU_PLANAR_422, 21)
CONF_CONST(PIXEL_FORMAT_YVU_PLANAR_444, 22)
CONF_CONST(PIXEL_FORMAT_YUV_SEMIPLANAR_440, 1000)
CONF_CONST(PIXEL_FORMAT_YVU_SEMIPLANAR_440, 1001)
CONF_CONST(PIXEL_FORMAT_FLOAT32, 1002)
CONF_CONST(PIXEL_FORMAT_BUTT, 1003)
CONF_CONST(PIXEL_FORMAT_UNKNOWN, 10000)
/* At the ABI level these parameters are plain int. */
CONF_SIZE(acldvppPixelFormat, sizeof(int))
CONF_SIZE(acldvppStreamFormat, sizeof(int))

/* ---- acldvppStreamFormat ---- */
CONF_CONST(H265_MAIN_LEVEL, 0)
CONF_CONST(H264_BASELINE_LEVEL, 1)
CONF_CONST(H264_MAIN_LEVEL, 2)
CONF_CONST(H264_HIGH_LEVEL, 3)

int main(void)
{
	printf("conformance: acl_dvpp.h matches the reference\n");
	return 0;
}
