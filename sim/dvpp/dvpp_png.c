/* SPDX-License-Identifier: MIT */
/*
 * PNG decoding (PNGD channel) and the PNG header helpers. The header is read here; decoding
 * uses libpng when the build found it, and reports the feature as unsupported otherwise.
 */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#ifdef ASCENDSIM_HAVE_LIBPNG
#include <png.h>
#endif

#include "dvpp_internal.h"

/* PNGD output geometry, modelled on the JPEG decoder's: width to 128 pixels, height to 16. */
#define PNGD_WIDTH_ALIGN  128u
#define PNGD_HEIGHT_ALIGN 16u

struct png_info {
	uint32_t width, height;
	int32_t components;
};

static uint32_t be32(const uint8_t *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

/* Signature, then IHDR: width, height, bit depth, colour type. */
static aclError read_info(const char *api, const void *data, uint32_t size, struct png_info *info)
{
	static const uint8_t sig[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
	const uint8_t *p = data;

	if (!p || size < 33 || memcmp(p, sig, sizeof(sig)) != 0 || memcmp(p + 12, "IHDR", 4) != 0) {
		ascendsim_warn("%s: %" PRIu32 " bytes at %p are not a PNG stream", api, size, data);
		return ACL_ERROR_INVALID_PARAM;
	}
	info->width = be32(p + 16);
	info->height = be32(p + 20);
	switch (p[25]) {
	case 0: /* grey */
		info->components = 1;
		break;
	case 4: /* grey + alpha */
		info->components = 2;
		break;
	case 2: /* RGB */
	case 3: /* palette */
		info->components = 3;
		break;
	case 6: /* RGBA */
		info->components = 4;
		break;
	default:
		ascendsim_warn("%s: PNG colour type %u is invalid", api, (unsigned)p[25]);
		return ACL_ERROR_INVALID_PARAM;
	}
	if (info->width == 0 || info->height == 0)
		return ACL_ERROR_INVALID_PARAM;
	return ACL_SUCCESS;
}

aclError acldvppPngGetImageInfo(const void *data, uint32_t dataSize, uint32_t *width,
				uint32_t *height, int32_t *components)
{
	struct png_info info;
	aclError ret = read_info("acldvppPngGetImageInfo", data, dataSize, &info);

	if (ret == ACL_SUCCESS) {
		if (width)
			*width = info.width;
		if (height)
			*height = info.height;
		if (components)
			*components = info.components;
	}
	ascendsim_dvpp_log("acldvppPngGetImageInfo", ret, "%p, %u, %p, %p, %p", data,
			   (unsigned)dataSize, (void *)width, (void *)height, (void *)components);
	return ret;
}

/* PNGD writes RGB888 or RGBA8888 (the alpha-carrying pictures). */
static bool out_format_ok(int32_t f)
{
	return f == PIXEL_FORMAT_RGB_888 || f == PIXEL_FORMAT_RGBA_8888;
}

static uint64_t decoded_size(int32_t format, uint32_t w, uint32_t h, uint32_t *ws, uint32_t *hs)
{
	uint32_t bpp = format == PIXEL_FORMAT_RGBA_8888 ? 4 : 3;

	*ws = ascendsim_img_align_up(w, PNGD_WIDTH_ALIGN) * bpp;
	*hs = ascendsim_img_align_up(h, PNGD_HEIGHT_ALIGN);
	return (uint64_t)*ws * *hs;
}

aclError acldvppPngPredictDecSize(const void *data, uint32_t dataSize,
				  acldvppPixelFormat outputPixelFormat, uint32_t *decSize)
{
	static const char api[] = "acldvppPngPredictDecSize";
	struct png_info info;
	uint32_t ws, hs;
	aclError ret = decSize ? read_info(api, data, dataSize, &info) : ACL_ERROR_INVALID_PARAM;

	if (ret == ACL_SUCCESS && !out_format_ok((int32_t)outputPixelFormat)) {
		ascendsim_warn("%s: PNGD outputs RGB888 or RGBA8888, not %d", api,
			       (int)outputPixelFormat);
		ret = ACL_ERROR_INVALID_PARAM;
	}
	if (ret == ACL_SUCCESS)
		*decSize = (uint32_t)decoded_size((int32_t)outputPixelFormat, info.width,
						  info.height, &ws, &hs);
	ascendsim_dvpp_log(api, ret, "%p, %u, %d, %p", data, (unsigned)dataSize,
			   (int)outputPixelFormat, (void *)decSize);
	return ret;
}

#ifdef ASCENDSIM_HAVE_LIBPNG
struct pngd_task {
	const uint8_t *data;
	uint32_t size;
	acldvppPicDesc *out;
	uint8_t *dst;
	uint32_t dst_size;
	int32_t format;
};

static int pngd_run(void *arg)
{
	struct pngd_task *t = arg;
	unsigned pools = ascendsim_dvpp_buffer_pools();
	png_image img;
	uint32_t ws = 0, hs = 0;
	int ret = ASCENDSIM_DVPP_TASK_ERROR;

	memset(&img, 0, sizeof(img));
	img.version = PNG_IMAGE_VERSION;
	if (!ascendsim_mem_check_range(t->data, t->size, pools) ||
	    !ascendsim_mem_check_range(t->dst, t->dst_size, pools)) {
		ascendsim_warn("acldvppPngDecodeAsync: a buffer was released before the task ran");
		goto end;
	}
	if (!png_image_begin_read_from_memory(&img, t->data, t->size)) {
		ascendsim_warn("acldvppPngDecodeAsync: PNGD failed: %s", img.message);
		goto end;
	}
	img.format = t->format == PIXEL_FORMAT_RGBA_8888 ? PNG_FORMAT_RGBA : PNG_FORMAT_RGB;
	if (decoded_size(t->format, img.width, img.height, &ws, &hs) > t->dst_size) {
		ascendsim_warn("acldvppPngDecodeAsync: a %ux%u picture does not fit %" PRIu32
			       " bytes",
			       (unsigned)img.width, (unsigned)img.height, t->dst_size);
		goto end;
	}
	if (!png_image_finish_read(&img, NULL, t->dst, (png_int_32)ws, NULL)) {
		ascendsim_warn("acldvppPngDecodeAsync: PNGD failed: %s", img.message);
		goto end;
	}
	ret = 0;
end:
	png_image_free(&img);
	if (ascendsim_dvpp_live_lock(t->out)) {
		if (ret == 0) {
			t->out->width = img.width;
			t->out->height = img.height;
			t->out->width_stride = ws;
			t->out->height_stride = hs;
			t->out->format = t->format;
		}
		t->out->ret_code = ret ? 1 : 0;
		ascendsim_dvpp_live_unlock();
	}
	return ret;
}

static void task_free(void *arg)
{
	free(arg);
}
#endif

static aclError png_decode(acldvppChannelDesc *ch, const void *data, uint32_t size,
			   acldvppPicDesc *out, aclrtStream stream)
{
	static const char api[] = "acldvppPngDecodeAsync";
	aclError ret = ascendsim_dvpp_check_channel(api, ch, DVPP_CHNMODE_PNGD);
	int32_t format;

	if (ret != ACL_SUCCESS)
		return ret;
	if (!out)
		return ACL_ERROR_INVALID_PARAM;
	format = out->format_set ? out->format : PIXEL_FORMAT_RGB_888;
	if (!out_format_ok(format)) {
		ascendsim_warn("%s: PNGD outputs RGB888 or RGBA8888, not %" PRId32, api, format);
		return ACL_ERROR_INVALID_PARAM;
	}
	ret = ascendsim_dvpp_check_buffer(api, "PNG input", data, size);
	if (ret == ACL_SUCCESS)
		ret = ascendsim_dvpp_check_buffer(api, "decoded output", out->data, out->size);
	if (ret != ACL_SUCCESS)
		return ret;
#ifdef ASCENDSIM_HAVE_LIBPNG
	{
		struct pngd_task *t = calloc(1, sizeof(*t));

		if (!t)
			return ACL_ERROR_BAD_ALLOC;
		t->data = data;
		t->size = size;
		t->out = out;
		t->dst = out->data;
		t->dst_size = out->size;
		t->format = format;
		ret = ascendsim_stream_submit(stream, pngd_run, t, task_free);
		if (ret != ACL_SUCCESS)
			free(t);
		return ret;
	}
#else
	(void)stream;
	ascendsim_warn("%s: this simulator was built without libpng", api);
	return ACL_ERROR_FEATURE_UNSUPPORTED;
#endif
}

aclError acldvppPngDecodeAsync(acldvppChannelDesc *channelDesc, const void *data, uint32_t size,
			       acldvppPicDesc *outputDesc, aclrtStream stream)
{
	aclError ret = png_decode(channelDesc, data, size, outputDesc, stream);

	ascendsim_dvpp_log("acldvppPngDecodeAsync", ret, "%p, %p, %u, %p, %p", (void *)channelDesc,
			   data, (unsigned)size, (void *)outputDesc, stream);
	return ret;
}
