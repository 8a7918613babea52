/* SPDX-License-Identifier: MIT */
/* The checks the DVPP V1 user library makes before it hands a task to the device. */
#include "dvpp_internal.h"

#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>

void ascendsim_dvpp_log(const char *api, int ret, const char *fmt, ...)
{
	char args[512];
	va_list ap;

	if (!ascendsim_log_enabled())
		return;
	va_start(ap, fmt);
	vsnprintf(args, sizeof(args), fmt, ap);
	va_end(ap);
	ascendsim_log_call(api, "(%s) = %d", args, ret);
}

enum ascendsim_soc ascendsim_dvpp_soc(void)
{
	return ascendsim_soc_classify(ascendsim_soc_name());
}

unsigned ascendsim_dvpp_buffer_pools(void)
{
	unsigned pools = ASCENDSIM_POOL_DVPP;

	if (ascendsim_soc_dvpp_accepts_device_mem(ascendsim_dvpp_soc()))
		pools |= ASCENDSIM_POOL_DEVICE;
	return pools;
}

aclError ascendsim_dvpp_check_buffer(const char *api, const char *what, const void *addr,
				     uint64_t len)
{
	unsigned pools = ascendsim_dvpp_buffer_pools();
	const char *accepted = (pools & ASCENDSIM_POOL_DEVICE) ? "DVPP or device" : "DVPP";

	if (!addr) {
		ascendsim_warn("%s: %s is NULL", api, what);
		return ACL_ERROR_INVALID_PARAM;
	}
	if (len == 0) {
		ascendsim_warn("%s: %s %p has size 0", api, what, addr);
		return ACL_ERROR_INVALID_PARAM;
	}
	if (!ascendsim_mem_check_range(addr, (size_t)len, pools)) {
		ascendsim_warn("%s: %s [%p, +%" PRIu64 ") is not in live %s memory of this process "
			       "(use acldvppMalloc)",
			       api, what, addr, len, accepted);
		return ACL_ERROR_INVALID_PARAM;
	}
	return ACL_SUCCESS;
}

void ascendsim_dvpp_pic_image(const struct acldvppPicDesc *pic, struct ascendsim_image *img)
{
	img->data = pic->data;
	img->size = pic->size;
	img->format = pic->format;
	img->width = pic->width;
	img->height = pic->height;
	img->width_stride = pic->width_stride;
	img->height_stride = pic->height_stride;
}

aclError ascendsim_dvpp_check_pic(const char *api, const char *what,
				  const struct acldvppPicDesc *pic,
				  enum ascendsim_img_api rules_api, bool is_output,
				  struct ascendsim_image *img)
{
	struct ascendsim_img_rules rules;
	enum ascendsim_soc soc = ascendsim_dvpp_soc();
	char why[256] = "";

	if (!pic) {
		ascendsim_warn("%s: %s picture description is NULL", api, what);
		return ACL_ERROR_INVALID_PARAM;
	}
	ascendsim_dvpp_pic_image(pic, img);
	if (ascendsim_img_get_rules(rules_api, soc, pic->format, is_output, &rules) !=
	    ASCENDSIM_IMG_OK) {
		ascendsim_warn("%s: %s format %" PRId32 " (%s) is not supported on %s", api, what,
			       pic->format, ascendsim_img_format_name(pic->format),
			       ascendsim_soc_family_name(soc));
		return ACL_ERROR_INVALID_PARAM;
	}
	if (ascendsim_img_validate(img, &rules, why, sizeof(why)) != ASCENDSIM_IMG_OK) {
		ascendsim_warn("%s: %s picture rejected on %s: %s", api, what,
			       ascendsim_soc_family_name(soc), why);
		return ACL_ERROR_INVALID_PARAM;
	}
	return ascendsim_dvpp_check_buffer(api, what, pic->data, pic->size);
}

aclError ascendsim_dvpp_check_channel(const char *api, const struct acldvppChannelDesc *ch,
				      uint32_t mode)
{
	if (!ch) {
		ascendsim_warn("%s: channel description is NULL", api);
		return ACL_ERROR_INVALID_PARAM;
	}
	if (!ch->created) {
		ascendsim_warn("%s: channel %p was not created with acldvppCreateChannel", api,
			       (const void *)ch);
		return ACL_ERROR_INVALID_PARAM;
	}
	if (ch->mode != 0 && !(ch->mode & mode)) {
		ascendsim_warn("%s: channel %p has mode 0x%" PRIx32
			       ", this operation needs 0x%" PRIx32,
			       api, (const void *)ch, ch->mode, mode);
		return ACL_ERROR_INVALID_PARAM;
	}
	return ACL_SUCCESS;
}

aclError ascendsim_dvpp_check_roi(const char *api, const char *what,
				  const struct acldvppRoiConfig *roi, uint32_t width,
				  uint32_t height, struct ascendsim_rect *rect)
{
	if (!roi) {
		ascendsim_warn("%s: %s area is NULL", api, what);
		return ACL_ERROR_INVALID_PARAM;
	}
	if (roi->left % 2 || roi->top % 2 || roi->right % 2 != 1 || roi->bottom % 2 != 1 ||
	    roi->right <= roi->left || roi->bottom <= roi->top || roi->right >= width ||
	    roi->bottom >= height) {
		ascendsim_warn(
		    "%s: %s area left %" PRIu32 " right %" PRIu32 " top %" PRIu32 " bottom %" PRIu32
		    " is not an even-to-odd area inside %" PRIu32 "x%" PRIu32,
		    api, what, roi->left, roi->right, roi->top, roi->bottom, width, height);
		return ACL_ERROR_INVALID_PARAM;
	}
	rect->x = roi->left;
	rect->y = roi->top;
	rect->w = roi->right - roi->left + 1;
	rect->h = roi->bottom - roi->top + 1;
	return ACL_SUCCESS;
}

aclError ascendsim_dvpp_interp(const char *api, const struct acldvppResizeConfig *cfg,
			       enum ascendsim_img_interp *out)
{
	/* 0 default and 1/3 (OpenCV- and TensorFlow-like) are bilinear, 2/4 nearest neighbour. */
	uint32_t v = cfg ? cfg->interpolation : 0;

	switch (v) {
	case 0:
	case 1:
	case 3:
		*out = ASCENDSIM_IMG_INTERP_BILINEAR;
		return ACL_SUCCESS;
	case 2:
	case 4:
		*out = ASCENDSIM_IMG_INTERP_NEAREST;
		return ACL_SUCCESS;
	default:
		ascendsim_warn("%s: resize interpolation %" PRIu32 " is not 0..4", api, v);
		return ACL_ERROR_INVALID_PARAM;
	}
}
