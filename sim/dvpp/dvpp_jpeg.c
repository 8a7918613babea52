/* SPDX-License-Identifier: MIT */
/*
 * JPEG decoding and encoding of DVPP V1 (JPEGD, JPEGE channels) and the host-side helpers that
 * read a JPEG header. The call checks what the user library can see; the codec runs on the
 * stream's worker, where a stream the decoder cannot handle or an output too small for the
 * picture is a device failure reported at synchronization.
 */
#include "dvpp_internal.h"
#include "dvpp_jpeg_codec.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

/* JPEGD reads its input through a DMA engine that needs 128-byte aligned starts. */
#define JPEGD_INPUT_ALIGN 128u

/* ---- header helpers --------------------------------------------------------------------- */

static aclError image_info(const char *api, const void *data, uint32_t size,
			   struct ascendsim_jpeg_info *info)
{
	char why[256];

	if (!data || size == 0) {
		ascendsim_warn("%s: JPEG data %p of size %" PRIu32 " is empty", api, data, size);
		return ACL_ERROR_INVALID_PARAM;
	}
	if (ascendsim_jpeg_read_info(data, size, info, why, sizeof(why)) != 0) {
		ascendsim_warn("%s: %" PRIu32 " bytes at %p are not a JPEG stream: %s", api, size,
			       data, why);
		return ACL_ERROR_INVALID_PARAM;
	}
	return ACL_SUCCESS;
}

aclError acldvppJpegGetImageInfo(const void *data, uint32_t size, uint32_t *width, uint32_t *height,
				 int32_t *components)
{
	struct ascendsim_jpeg_info info;
	aclError ret = image_info("acldvppJpegGetImageInfo", data, size, &info);

	if (ret == ACL_SUCCESS) {
		if (width)
			*width = info.width;
		if (height)
			*height = info.height;
		if (components)
			*components = info.components;
	}
	ascendsim_dvpp_log("acldvppJpegGetImageInfo", ret, "%p, %u, %p, %p, %p", data,
			   (unsigned)size, (void *)width, (void *)height, (void *)components);
	return ret;
}

aclError acldvppJpegGetImageInfoV2(const void *data, uint32_t size, uint32_t *width,
				   uint32_t *height, int32_t *components, acldvppJpegFormat *format)
{
	struct ascendsim_jpeg_info info;
	aclError ret = image_info("acldvppJpegGetImageInfoV2", data, size, &info);

	if (ret == ACL_SUCCESS) {
		if (width)
			*width = info.width;
		if (height)
			*height = info.height;
		if (components)
			*components = info.components;
		if (format)
			*format = (acldvppJpegFormat)info.css;
	}
	ascendsim_dvpp_log("acldvppJpegGetImageInfoV2", ret, "%p, %u, %p, %p, %p, %p", data,
			   (unsigned)size, (void *)width, (void *)height, (void *)components,
			   (void *)format);
	return ret;
}

/* The JPEGD limits for a picture: stream features and resolution. */
static aclError check_decodable(const char *api, const struct ascendsim_jpeg_info *info,
				int32_t format)
{
	struct ascendsim_img_rules r;
	enum ascendsim_soc soc = ascendsim_dvpp_soc();

	if (ascendsim_img_get_rules(ASCENDSIM_IMG_API_JPEGD_OUT, soc, format, true, &r) !=
	    ASCENDSIM_IMG_OK) {
		ascendsim_warn("%s: JPEGD cannot output format %" PRId32 " on %s", api, format,
			       ascendsim_soc_family_name(soc));
		return ACL_ERROR_INVALID_PARAM;
	}
	if (!info->supported) {
		ascendsim_warn("%s: JPEGD decodes baseline Huffman JPEG with 1 or 3 components "
			       "only",
			       api);
		return ACL_ERROR_UNSUPPORTED_JPEG;
	}
	if (info->width < r.w_min || info->width > r.w_max || info->height < r.h_min ||
	    info->height > r.h_max) {
		ascendsim_warn("%s: %" PRIu32 "x%" PRIu32 " is outside the JPEGD range %" PRIu32
			       "x%" PRIu32 "..%" PRIu32 "x%" PRIu32,
			       api, info->width, info->height, r.w_min, r.h_min, r.w_max, r.h_max);
		return ACL_ERROR_UNSUPPORTED_JPEG;
	}
	return ACL_SUCCESS;
}

static uint64_t decoded_size(int32_t format, uint32_t width, uint32_t height, uint32_t *ws,
			     uint32_t *hs)
{
	ascendsim_img_jpegd_out_strides(ascendsim_dvpp_soc(), format, width, height, ws, hs);
	return ascendsim_img_buffer_size(format, *ws, *hs);
}

aclError acldvppJpegPredictDecSize(const void *data, uint32_t dataSize,
				   acldvppPixelFormat outputPixelFormat, uint32_t *decSize)
{
	static const char api[] = "acldvppJpegPredictDecSize";
	struct ascendsim_jpeg_info info;
	uint32_t ws, hs;
	aclError ret = decSize ? image_info(api, data, dataSize, &info) : ACL_ERROR_INVALID_PARAM;

	if (ret == ACL_SUCCESS)
		ret = check_decodable(api, &info, (int32_t)outputPixelFormat);
	if (ret == ACL_SUCCESS)
		*decSize = (uint32_t)decoded_size((int32_t)outputPixelFormat, info.width,
						  info.height, &ws, &hs);
	ascendsim_dvpp_log(api, ret, "%p, %u, %d, %p", data, (unsigned)dataSize,
			   (int)outputPixelFormat, (void *)decSize);
	return ret;
}

/* Worst case of the encoder's output: 3 bytes a pixel of the padded picture plus headers. */
static uint64_t predicted_enc_size(uint32_t ws, uint32_t hs)
{
	return (uint64_t)ascendsim_img_align_up(ws, 16) * ascendsim_img_align_up(hs, 16) * 3 + 4096;
}

aclError acldvppJpegPredictEncSize(const acldvppPicDesc *inputDesc,
				   const acldvppJpegeConfig *config, uint32_t *size)
{
	static const char api[] = "acldvppJpegPredictEncSize";
	struct ascendsim_img_rules r;
	struct ascendsim_image img;
	char why[256] = "";
	aclError ret = ACL_ERROR_INVALID_PARAM;

	if (!inputDesc || !config || !size)
		goto end;
	ascendsim_dvpp_pic_image(inputDesc, &img);
	if (ascendsim_img_get_rules(ASCENDSIM_IMG_API_JPEGE_IN, ascendsim_dvpp_soc(), img.format,
				    false, &r) != ASCENDSIM_IMG_OK) {
		ascendsim_warn("%s: JPEGE does not take format %" PRId32, api, img.format);
		goto end;
	}
	/* Only the geometry matters here; the buffer is not needed yet. */
	img.size = UINT32_MAX;
	if (ascendsim_img_validate(&img, &r, why, sizeof(why)) != ASCENDSIM_IMG_OK) {
		ascendsim_warn("%s: %s", api, why);
		goto end;
	}
	*size = (uint32_t)predicted_enc_size(img.width_stride, img.height_stride);
	ret = ACL_SUCCESS;
end:
	ascendsim_dvpp_log(api, ret, "%p, %p, %p", (const void *)inputDesc, (const void *)config,
			   (void *)size);
	return ret;
}

/* ---- decoding --------------------------------------------------------------------------- */

struct jpegd_task {
	const uint8_t *data;
	uint32_t size;
	acldvppPicDesc *out;
	struct ascendsim_image dst; /* data, size and format of the output at submission */
};

static int jpegd_run(void *arg)
{
	static const char api[] = "acldvppJpegDecodeAsync";
	struct jpegd_task *t = arg;
	unsigned pools = ascendsim_dvpp_buffer_pools();
	struct ascendsim_image yuv = { 0 }, dst = t->dst;
	char why[256] = "";
	uint32_t w = 0, h = 0;
	uint64_t need;
	int ret = ASCENDSIM_DVPP_TASK_ERROR;

	if (!ascendsim_mem_check_range(t->data, t->size, pools) ||
	    !ascendsim_mem_check_range(dst.data, (size_t)dst.size, pools)) {
		ascendsim_warn("%s: input %p or output %p was released before the task ran", api,
			       (const void *)t->data, (void *)dst.data);
		goto end;
	}
	if (ascendsim_jpeg_decode_yuv444(t->data, t->size, &yuv, why, sizeof(why)) != 0) {
		ascendsim_warn("%s: JPEGD failed on %" PRIu32 " bytes at %p: %s", api, t->size,
			       (const void *)t->data, why);
		goto end;
	}
	/* yuv is rounded up to even; the picture keeps its real size. */
	{
		struct ascendsim_jpeg_info info;

		if (ascendsim_jpeg_read_info(t->data, t->size, &info, why, sizeof(why)) != 0)
			goto end;
		if (check_decodable(api, &info, dst.format) != ACL_SUCCESS)
			goto end;
		w = info.width;
		h = info.height;
	}
	need = decoded_size(dst.format, w, h, &dst.width_stride, &dst.height_stride);
	if (need > dst.size) {
		ascendsim_warn("%s: a %" PRIu32 "x%" PRIu32 " picture needs %" PRIu64
			       " bytes, the output holds %" PRIu64,
			       api, w, h, need, dst.size);
		goto end;
	}
	dst.width = yuv.width;
	dst.height = yuv.height;
	if (ascendsim_img_process(&yuv, NULL, &dst, NULL, ASCENDSIM_IMG_INTERP_BILINEAR) !=
	    ASCENDSIM_IMG_OK) {
		ascendsim_warn("%s: writing the decoded picture failed", api);
		goto end;
	}
	ret = 0;
end:
	/* What the decoder found goes back into the description, if the caller still has it. */
	if (ascendsim_dvpp_live_lock(t->out)) {
		if (ret == 0) {
			t->out->width = w;
			t->out->height = h;
			t->out->width_stride = dst.width_stride;
			t->out->height_stride = dst.height_stride;
			t->out->format = dst.format;
		}
		t->out->ret_code = ret ? 1 : 0;
		ascendsim_dvpp_live_unlock();
	}
	free(yuv.data);
	return ret;
}

static void task_free(void *arg)
{
	free(arg);
}

static aclError jpeg_decode(acldvppChannelDesc *ch, const void *data, uint32_t size,
			    acldvppPicDesc *out, aclrtStream stream)
{
	static const char api[] = "acldvppJpegDecodeAsync";
	struct ascendsim_img_rules r;
	struct jpegd_task *t;
	int32_t format;
	aclError ret = ascendsim_dvpp_check_channel(api, ch, DVPP_CHNMODE_JPEGD);

	if (ret != ACL_SUCCESS)
		return ret;
	if (!out) {
		ascendsim_warn("%s: output picture description is NULL", api);
		return ACL_ERROR_INVALID_PARAM;
	}
	ret = ascendsim_dvpp_check_buffer(api, "JPEG input", data, size);
	if (ret != ACL_SUCCESS)
		return ret;
	if ((uintptr_t)data % JPEGD_INPUT_ALIGN) {
		ascendsim_warn("%s: JPEG input %p does not start on a %u-byte boundary", api, data,
			       JPEGD_INPUT_ALIGN);
		return ACL_ERROR_INVALID_PARAM;
	}
	format = out->format_set ? out->format : ASCENDSIM_PIXFMT_NV12;
	if (ascendsim_img_get_rules(ASCENDSIM_IMG_API_JPEGD_OUT, ascendsim_dvpp_soc(), format, true,
				    &r) != ASCENDSIM_IMG_OK) {
		ascendsim_warn("%s: JPEGD cannot output format %" PRId32 " on %s", api, format,
			       ascendsim_soc_family_name(ascendsim_dvpp_soc()));
		return ACL_ERROR_INVALID_PARAM;
	}
	ret = ascendsim_dvpp_check_buffer(api, "decoded output", out->data, out->size);
	if (ret != ACL_SUCCESS)
		return ret;
	t = calloc(1, sizeof(*t));
	if (!t)
		return ACL_ERROR_BAD_ALLOC;
	t->data = data;
	t->size = size;
	t->out = out;
	t->dst.data = out->data;
	t->dst.size = out->size;
	t->dst.format = format;
	ret = ascendsim_stream_submit(stream, jpegd_run, t, task_free);
	if (ret != ACL_SUCCESS)
		free(t);
	return ret;
}

aclError acldvppJpegDecodeAsync(acldvppChannelDesc *channelDesc, const void *data, uint32_t size,
				acldvppPicDesc *outputDesc, aclrtStream stream)
{
	aclError ret = jpeg_decode(channelDesc, data, size, outputDesc, stream);

	ascendsim_dvpp_log("acldvppJpegDecodeAsync", ret, "%p, %p, %u, %p, %p", (void *)channelDesc,
			   data, (unsigned)size, (void *)outputDesc, stream);
	return ret;
}

/* ---- encoding --------------------------------------------------------------------------- */

struct jpege_task {
	struct ascendsim_image src;
	uint8_t *out;
	uint32_t capacity;
	uint32_t *size; /* the caller's, written when the task ran */
	int quality;
};

static int jpege_run(void *arg)
{
	static const char api[] = "acldvppJpegEncodeAsync";
	struct jpege_task *t = arg;
	unsigned pools = ascendsim_dvpp_buffer_pools();
	struct ascendsim_image yuv = { 0 };
	uint8_t *jpeg = NULL;
	size_t len = 0;
	char why[256] = "";
	int ret = ASCENDSIM_DVPP_TASK_ERROR;

	if (!ascendsim_mem_check_range(t->src.data, (size_t)t->src.size, pools) ||
	    !ascendsim_mem_check_range(t->out, t->capacity, pools)) {
		ascendsim_warn("%s: input %p or output %p was released before the task ran", api,
			       (void *)t->src.data, (void *)t->out);
		goto end;
	}
	yuv.format = ASCENDSIM_PIXFMT_YUV444_PACKED;
	yuv.width = t->src.width;
	yuv.height = t->src.height;
	yuv.width_stride = yuv.width * 3;
	yuv.height_stride = yuv.height;
	yuv.size = (uint64_t)yuv.width_stride * yuv.height;
	yuv.data = malloc((size_t)yuv.size);
	if (!yuv.data || ascendsim_img_process(&t->src, NULL, &yuv, NULL,
					       ASCENDSIM_IMG_INTERP_BILINEAR) != ASCENDSIM_IMG_OK) {
		ascendsim_warn("%s: reading the input picture failed", api);
		goto end;
	}
	if (ascendsim_jpeg_encode_yuv444(&yuv, t->quality, &jpeg, &len, why, sizeof(why)) != 0) {
		ascendsim_warn("%s: JPEGE failed: %s", api, why);
		goto end;
	}
	if (len > t->capacity) {
		ascendsim_warn("%s: the encoded picture takes %zu bytes, the output holds %" PRIu32,
			       api, len, t->capacity);
		goto end;
	}
	memcpy(t->out, jpeg, len);
	*t->size = (uint32_t)len;
	ret = 0;
end:
	free(jpeg);
	free(yuv.data);
	return ret;
}

static aclError jpeg_encode(acldvppChannelDesc *ch, acldvppPicDesc *in, const void *data,
			    uint32_t *size, acldvppJpegeConfig *config, aclrtStream stream)
{
	static const char api[] = "acldvppJpegEncodeAsync";
	struct jpege_task *t;
	struct ascendsim_image src;
	aclError ret = ascendsim_dvpp_check_channel(api, ch, DVPP_CHNMODE_JPEGE);

	if (ret != ACL_SUCCESS)
		return ret;
	if (!size || !config) {
		ascendsim_warn("%s: size pointer or encoding configuration is NULL", api);
		return ACL_ERROR_INVALID_PARAM;
	}
	ret = ascendsim_dvpp_check_pic(api, "input", in, ASCENDSIM_IMG_API_JPEGE_IN, false, &src);
	if (ret == ACL_SUCCESS)
		ret = ascendsim_dvpp_check_buffer(api, "JPEG output", data, *size);
	if (ret != ACL_SUCCESS)
		return ret;
	t = calloc(1, sizeof(*t));
	if (!t)
		return ACL_ERROR_BAD_ALLOC;
	t->src = src;
	t->out = (uint8_t *)(uintptr_t)data;
	t->capacity = *size;
	t->size = size;
	/* Level 0 encodes like level 100. */
	t->quality = config->level == 0 ? 100 : (int)config->level;
	ret = ascendsim_stream_submit(stream, jpege_run, t, task_free);
	if (ret != ACL_SUCCESS)
		free(t);
	return ret;
}

aclError acldvppJpegEncodeAsync(acldvppChannelDesc *channelDesc, acldvppPicDesc *inputDesc,
				const void *data, uint32_t *size, acldvppJpegeConfig *config,
				aclrtStream stream)
{
	aclError ret = jpeg_encode(channelDesc, inputDesc, data, size, config, stream);

	ascendsim_dvpp_log("acldvppJpegEncodeAsync", ret, "%p, %p, %p, %p, %p, %p",
			   (void *)channelDesc, (void *)inputDesc, data, (void *)size,
			   (void *)config, stream);
	return ret;
}
