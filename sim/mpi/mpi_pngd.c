/* SPDX-License-Identifier: MIT */
/*
 * PNGD: channels with a decoder thread each, decoding for real with libpng into the program's
 * RGB888 / RGBA8888 picture. The user library's checks (api-facts.md 5.2, PNGD source): the first
 * and last byte of the stream and of the output buffer in live DVPP memory, else
 * HI_ERR_PNGD_BAD_ADDR; picture description against the rules, else HI_ERR_PNGD_ILLEGAL_PARAM.
 * hi_mpi_png_get_image_info reports the size and an output layout: width stride = width aligned
 * to 16 times the bytes per pixel (3, or 4 with alpha), height stride = height (modelled).
 */
#include "mpi_chn.h"

#include <png.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define PNGD_ERR(e)	MPI_ERR(HI_ID_PNGD, e)
#define PNGD_MAX_QUEUED 32

struct pngd_item {
	struct ascendsim_mpi_node node;
	hi_img_stream stream;
	hi_pic_info pic;
	hi_s32 result;
};
_Static_assert(offsetof(struct pngd_item, node) == 0, "free(node) frees the item");

struct pngd_chn {
	struct ascendsim_mpi_chn base; /* pending: streams to decode */
};

static struct pngd_item *item_of(struct ascendsim_mpi_node *node)
{
	return node ? ASCENDSIM_MPI_OUTER(node, struct pngd_item, node) : NULL;
}

/* Decodes on the decoder thread, without the lock, after the delay. */
static void decode(struct ascendsim_mpi_chn *c, struct ascendsim_mpi_node *node)
{
	struct pngd_item *it = item_of(node);
	png_image img;
	bool alpha = it->pic.picture_format == HI_PIXEL_FORMAT_RGBA_8888;

	(void)c;
	if (!ascendsim_mpi_buffer_live(it->stream.addr, it->stream.len) ||
	    !ascendsim_mpi_buffer_live(it->pic.picture_address, it->pic.picture_buffer_size)) {
		it->result = PNGD_ERR(HI_ERR_BAD_ADDR);
		return;
	}
	memset(&img, 0, sizeof(img));
	img.version = PNG_IMAGE_VERSION;
	if (!png_image_begin_read_from_memory(&img, it->stream.addr, it->stream.len)) {
		it->result = PNGD_ERR(HI_ERR_ILLEGAL_PARAM);
		return;
	}
	img.format = alpha ? PNG_FORMAT_RGBA : PNG_FORMAT_RGB;
	if (img.width > it->pic.picture_width || img.height > it->pic.picture_height ||
	    !png_image_finish_read(&img, NULL, it->pic.picture_address,
				   (png_int_32)it->pic.picture_width_stride, NULL)) {
		png_image_free(&img);
		it->result = PNGD_ERR(HI_ERR_ILLEGAL_PARAM);
		return;
	}
	it->pic.picture_width = img.width;
	it->pic.picture_height = img.height;
	it->result = HI_SUCCESS;
}

static const struct ascendsim_mpi_chn_ops pngd_ops = {
	.run = decode,
};

ASCENDSIM_MPI_CHN_CLASS(pngd_chns, HI_ID_PNGD, PNGD_MAX_CHN_NUM, struct pngd_chn, "decoder",
			&pngd_ops);

MPI_EXPORT hi_s32 hi_mpi_pngd_create_chn(hi_pngd_chn chn, const hi_pngd_chn_attr *attr)
{
	const char *api = "hi_mpi_pngd_create_chn";
	hi_s32 ret;

	if (!attr)
		ret = ascendsim_mpi_fail(api, PNGD_ERR(HI_ERR_NULL_PTR), "attr is NULL");
	else if ((ret = ascendsim_mpi_chn_in_range(&pngd_chns, api, chn)) == HI_SUCCESS &&
		 (ret = ascendsim_mpi_chn_sys_ready(&pngd_chns, api)) == HI_SUCCESS)
		ret = ascendsim_mpi_chn_create(&pngd_chns, api, chn, attr);
	ascendsim_mpi_log(api, ret, "chn=%d, attr=%p", chn, (const void *)attr);
	return ret;
}

MPI_EXPORT hi_s32 hi_mpi_pngd_destroy_chn(hi_pngd_chn chn)
{
	return ascendsim_mpi_chn_destroy(&pngd_chns, "hi_mpi_pngd_destroy_chn", chn);
}

static hi_s32 check_send(const char *api, const hi_img_stream *stream, const hi_pic_info *pic)
{
	struct ascendsim_image img;
	hi_vpc_pic_info as_vpc;

	if (!stream || !pic || !stream->addr)
		return ascendsim_mpi_fail(api, PNGD_ERR(HI_ERR_NULL_PTR),
					  "stream, its addr or png_pic_info is NULL");
	if (!ascendsim_mpi_buffer_live(stream->addr, stream->len))
		return ascendsim_mpi_fail(api, PNGD_ERR(HI_ERR_BAD_ADDR),
					  "stream %p len %u is not in live DVPP memory; use "
					  "hi_mpi_dvpp_malloc or acldvppMalloc",
					  (void *)stream->addr, stream->len);
	if (pic->picture_format != HI_PIXEL_FORMAT_RGB_888 &&
	    pic->picture_format != HI_PIXEL_FORMAT_RGBA_8888)
		return ascendsim_mpi_fail(api, PNGD_ERR(HI_ERR_ILLEGAL_PARAM),
					  "output format %d is neither RGB888 nor RGBA8888",
					  (int)pic->picture_format);
	memcpy(&as_vpc, pic, sizeof(as_vpc)); /* same field list and layout */
	return ascendsim_mpi_check_pic(api, HI_ID_PNGD, ASCENDSIM_IMG_API_V2_VPC, &as_vpc, true,
				       "output picture", &img);
}

MPI_EXPORT hi_s32 hi_mpi_pngd_send_stream(hi_pngd_chn chn, const hi_img_stream *stream,
					  hi_pic_info *png_pic_info, hi_s32 milli_sec)
{
	const char *api = "hi_mpi_pngd_send_stream";
	struct pngd_item *it = NULL;
	struct timespec deadline;
	struct pngd_chn *c = NULL;
	hi_s32 ret;

	if (!(c = ascendsim_mpi_chn_get(&pngd_chns, api, chn, &ret)) ||
	    (ret = check_send(api, stream, png_pic_info)))
		goto end;
	if (!ascendsim_mpi_valid_timeout(milli_sec)) {
		ret = ascendsim_mpi_fail(api, PNGD_ERR(HI_ERR_ILLEGAL_PARAM),
					 "milli_sec %d is below -1", milli_sec);
		goto end;
	}
	it = calloc(1, sizeof(*it));
	if (!it) {
		ret = ascendsim_mpi_fail(api, PNGD_ERR(HI_ERR_NO_MEM), "no memory for a stream");
		goto end;
	}
	it->stream = *stream;
	it->pic = *png_pic_info;
	if (milli_sec > 0)
		ascendsim_mpi_deadline(milli_sec, &deadline);
	pthread_mutex_lock(&c->base.lock);
	while (!c->base.stopping && c->base.pending.n + c->base.ready.n >= PNGD_MAX_QUEUED)
		if (!ascendsim_mpi_chn_wait(&c->base, milli_sec, &deadline))
			break;
	if (c->base.stopping) {
		ret = PNGD_ERR(HI_ERR_UNEXIST);
	} else if (c->base.pending.n + c->base.ready.n >= PNGD_MAX_QUEUED) {
		ret = PNGD_ERR(HI_ERR_BUF_FULL);
	} else {
		ascendsim_mpi_chn_submit_locked(&c->base, &it->node);
		it = NULL;
	}
	pthread_mutex_unlock(&c->base.lock);
end:
	free(it);
	if (c)
		ascendsim_mpi_chn_put(&c->base);
	ascendsim_mpi_log(
	    api, ret,
	    "chn=%d, stream=%p {addr=%p, len=%u}, png_pic_info=%p {addr=%p, size=%u}, "
	    "milli_sec=%d",
	    chn, (const void *)stream, stream ? (void *)stream->addr : NULL,
	    stream ? stream->len : 0, (void *)png_pic_info,
	    png_pic_info ? png_pic_info->picture_address : NULL,
	    png_pic_info ? png_pic_info->picture_buffer_size : 0, milli_sec);
	return ret;
}

MPI_EXPORT hi_s32 hi_mpi_pngd_get_image_data(hi_pngd_chn chn, hi_pic_info *png_pic_info,
					     hi_img_stream *stream, hi_s32 milli_sec)
{
	const char *api = "hi_mpi_pngd_get_image_data";
	struct pngd_item *it = NULL;
	struct pngd_chn *c = NULL;
	hi_s32 ret;

	if (!png_pic_info || !stream) {
		ret = ascendsim_mpi_fail(api, PNGD_ERR(HI_ERR_NULL_PTR),
					 "png_pic_info or stream is NULL");
		goto end;
	}
	if (!(c = ascendsim_mpi_chn_get(&pngd_chns, api, chn, &ret)))
		goto end;
	pthread_mutex_lock(&c->base.lock);
	it = item_of(ascendsim_mpi_chn_take_ready(&c->base, milli_sec));
	pthread_cond_broadcast(&c->base.cond);
	pthread_mutex_unlock(&c->base.lock);
	if (!it) {
		ret = c->base.stopping ? PNGD_ERR(HI_ERR_UNEXIST) : PNGD_ERR(HI_ERR_BUF_EMPTY);
		goto end;
	}
	/* The buffers come back either way, so that the program can release them. */
	*png_pic_info = it->pic;
	*stream = it->stream;
	ret = it->result;
	if (ret != HI_SUCCESS)
		ascendsim_mpi_fail(api, ret, "decoding the stream at %p failed (%s)",
				   (void *)it->stream.addr,
				   ret == PNGD_ERR(HI_ERR_BAD_ADDR)
				       ? "a buffer was freed before the decoder used it"
				       : "not a PNG, or larger than the output picture");
	free(it);
end:
	if (c)
		ascendsim_mpi_chn_put(&c->base);
	ascendsim_mpi_log(api, ret, "chn=%d, png_pic_info=%p, stream=%p, milli_sec=%d", chn,
			  (void *)png_pic_info, (void *)stream, milli_sec);
	return ret;
}

MPI_EXPORT hi_s32 hi_mpi_png_get_image_info(const hi_img_stream *png_stream, hi_img_info *img_info)
{
	const char *api = "hi_mpi_png_get_image_info";
	hi_s32 ret = HI_SUCCESS;
	png_image img;

	memset(&img, 0, sizeof(img));
	img.version = PNG_IMAGE_VERSION;
	if (!png_stream || !img_info || !png_stream->addr) {
		ret = ascendsim_mpi_fail(api, PNGD_ERR(HI_ERR_NULL_PTR),
					 "png_stream, its addr or img_info is NULL");
	} else if (!png_image_begin_read_from_memory(&img, png_stream->addr, png_stream->len)) {
		ret = ascendsim_mpi_fail(api, PNGD_ERR(HI_ERR_ILLEGAL_PARAM),
					 "%u bytes at %p are not a readable PNG", png_stream->len,
					 (void *)png_stream->addr);
	} else {
		bool alpha = img.format & PNG_FORMAT_FLAG_ALPHA;
		uint32_t bpp = alpha ? 4 : 3;

		memset(img_info, 0, sizeof(*img_info));
		img_info->width = img.width;
		img_info->height = img.height;
		img_info->width_stride = ascendsim_img_align_up(img.width, 16) * bpp;
		img_info->height_stride = img.height;
		img_info->img_buf_size = img_info->width_stride * img_info->height_stride;
		if (img.format & PNG_FORMAT_FLAG_COLORMAP)
			img_info->png_pixel_format = HI_PNG_COLOR_FORMAT_CLUT;
		else if (img.format & PNG_FORMAT_FLAG_COLOR)
			img_info->png_pixel_format =
			    alpha ? HI_PNG_COLOR_FORMAT_ARGB : HI_PNG_COLOR_FORMAT_RGB;
		else
			img_info->png_pixel_format =
			    alpha ? HI_PNG_COLOR_FORMAT_AGRAY : HI_PNG_COLOR_FORMAT_GRAY;
		png_image_free(&img);
	}
	ascendsim_mpi_log(api, ret, "png_stream=%p, img_info=%p", (const void *)png_stream,
			  (void *)img_info);
	return ret;
}
