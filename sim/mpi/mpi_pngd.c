/* SPDX-License-Identifier: MIT */
/*
 * PNGD: channels with a decoder thread each, decoding for real with libpng into the program's
 * RGB888 / RGBA8888 picture. The user library's checks (acl-api.md 5.2, PNGD source): the first
 * and last byte of the stream and of the output buffer in live DVPP memory, else
 * HI_ERR_PNGD_BAD_ADDR; picture description against the rules, else HI_ERR_PNGD_ILLEGAL_PARAM.
 * hi_mpi_png_get_image_info reports the size and an output layout: width stride = width aligned
 * to 16 times the bytes per pixel (3, or 4 with alpha), height stride = height (modelled).
 */
#include "mpi_internal.h"

#include <errno.h>
#include <png.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define PNGD_ERR(e)	MPI_ERR(HI_ID_PNGD, e)
#define PNGD_MAX_QUEUED 32

struct pngd_item {
	struct pngd_item *next;
	hi_img_stream stream;
	hi_pic_info pic;
	hi_s32 result;
};

struct pngd_list {
	struct pngd_item *head, *tail;
	unsigned n;
};

struct pngd_chn {
	pthread_mutex_t lock;
	pthread_cond_t cond;
	pthread_t worker;
	struct pngd_list pending, ready;
	unsigned refs;
	bool stopping;
};

static pthread_mutex_t table_lock = PTHREAD_MUTEX_INITIALIZER;
static struct pngd_chn *table[PNGD_MAX_CHN_NUM];

static void push(struct pngd_list *l, struct pngd_item *it)
{
	it->next = NULL;
	if (l->tail)
		l->tail->next = it;
	else
		l->head = it;
	l->tail = it;
	l->n++;
}

static struct pngd_item *pop(struct pngd_list *l)
{
	struct pngd_item *it = l->head;

	if (it) {
		l->head = it->next;
		if (!l->head)
			l->tail = NULL;
		l->n--;
	}
	return it;
}

static void free_list(struct pngd_list *l)
{
	struct pngd_item *it;

	while ((it = pop(l)))
		free(it);
}

/* Decodes on the decoder thread, without the lock. */
static void decode(struct pngd_item *it)
{
	png_image img;
	bool alpha = it->pic.picture_format == HI_PIXEL_FORMAT_RGBA_8888;

	ascendsim_mpi_task_delay();
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

static void *worker_main(void *arg)
{
	struct pngd_chn *c = arg;

	pthread_mutex_lock(&c->lock);
	for (;;) {
		struct pngd_item *it;

		while (!c->pending.head && !c->stopping)
			pthread_cond_wait(&c->cond, &c->lock);
		if (!c->pending.head)
			break;
		it = c->pending.head;
		pthread_mutex_unlock(&c->lock);
		decode(it);
		pthread_mutex_lock(&c->lock);
		pop(&c->pending);
		push(&c->ready, it);
		pthread_cond_broadcast(&c->cond);
	}
	pthread_mutex_unlock(&c->lock);
	return NULL;
}

static hi_s32 chn_in_range(const char *api, hi_pngd_chn chn)
{
	if (chn < 0 || chn >= PNGD_MAX_CHN_NUM)
		return ascendsim_mpi_fail(api, PNGD_ERR(HI_ERR_INVALID_CHN_ID),
					  "channel %d outside [0, %d)", chn, PNGD_MAX_CHN_NUM);
	return HI_SUCCESS;
}

static hi_s32 get(const char *api, hi_pngd_chn chn, struct pngd_chn **out)
{
	hi_s32 ret = chn_in_range(api, chn);
	struct pngd_chn *c = NULL;

	*out = NULL;
	if (ret != HI_SUCCESS)
		return ret;
	pthread_mutex_lock(&table_lock);
	c = table[chn];
	if (c) {
		pthread_mutex_lock(&c->lock);
		c->refs++;
		pthread_mutex_unlock(&c->lock);
	}
	pthread_mutex_unlock(&table_lock);
	if (!c)
		return ascendsim_mpi_fail(api, PNGD_ERR(HI_ERR_UNEXIST),
					  "channel %d does not exist", chn);
	*out = c;
	return HI_SUCCESS;
}

static void put(struct pngd_chn *c)
{
	pthread_mutex_lock(&c->lock);
	c->refs--;
	pthread_cond_broadcast(&c->cond);
	pthread_mutex_unlock(&c->lock);
}

static bool wait_for(struct pngd_chn *c, hi_s32 milli_sec, const struct timespec *deadline)
{
	if (milli_sec == 0)
		return false;
	if (milli_sec < 0) {
		pthread_cond_wait(&c->cond, &c->lock);
		return true;
	}
	return pthread_cond_timedwait(&c->cond, &c->lock, deadline) != ETIMEDOUT;
}

MPI_EXPORT hi_s32 hi_mpi_pngd_create_chn(hi_pngd_chn chn, const hi_pngd_chn_attr *attr)
{
	const char *api = "hi_mpi_pngd_create_chn";
	pthread_condattr_t ca;
	struct pngd_chn *c;
	hi_s32 ret;

	if (!attr) {
		ret = ascendsim_mpi_fail(api, PNGD_ERR(HI_ERR_NULL_PTR), "attr is NULL");
		goto end;
	}
	if ((ret = chn_in_range(api, chn)) != HI_SUCCESS)
		goto end;
	if (!ascendsim_mpi_sys_ready()) {
		ret = ascendsim_mpi_fail(api, PNGD_ERR(HI_ERR_NOT_READY),
					 "hi_mpi_sys_init has not been called");
		goto end;
	}
	pthread_mutex_lock(&table_lock);
	if (table[chn]) {
		ret = ascendsim_mpi_fail(api, PNGD_ERR(HI_ERR_EXIST), "channel %d already exists",
					 chn);
		goto unlock;
	}
	c = calloc(1, sizeof(*c));
	if (!c) {
		ret = ascendsim_mpi_fail(api, PNGD_ERR(HI_ERR_NO_MEM), "no memory for channel %d",
					 chn);
		goto unlock;
	}
	pthread_mutex_init(&c->lock, NULL);
	pthread_condattr_init(&ca);
	pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
	pthread_cond_init(&c->cond, &ca);
	pthread_condattr_destroy(&ca);
	if (pthread_create(&c->worker, NULL, worker_main, c) != 0) {
		ret = ascendsim_mpi_fail(api, PNGD_ERR(HI_ERR_NO_MEM),
					 "cannot start the decoder of channel %d", chn);
		pthread_cond_destroy(&c->cond);
		pthread_mutex_destroy(&c->lock);
		free(c);
		goto unlock;
	}
	table[chn] = c;
unlock:
	pthread_mutex_unlock(&table_lock);
end:
	ascendsim_mpi_log(api, ret, "chn=%d, attr=%p", chn, (const void *)attr);
	return ret;
}

MPI_EXPORT hi_s32 hi_mpi_pngd_destroy_chn(hi_pngd_chn chn)
{
	const char *api = "hi_mpi_pngd_destroy_chn";
	struct pngd_chn *c = NULL;
	hi_s32 ret = chn_in_range(api, chn);

	if (ret != HI_SUCCESS)
		goto end;
	pthread_mutex_lock(&table_lock);
	c = table[chn];
	table[chn] = NULL;
	pthread_mutex_unlock(&table_lock);
	if (!c) {
		ret = ascendsim_mpi_fail(api, PNGD_ERR(HI_ERR_UNEXIST), "channel %d does not exist",
					 chn);
		goto end;
	}
	pthread_mutex_lock(&c->lock);
	c->stopping = true;
	pthread_cond_broadcast(&c->cond);
	pthread_mutex_unlock(&c->lock);
	pthread_join(c->worker, NULL);
	pthread_mutex_lock(&c->lock);
	while (c->refs)
		pthread_cond_wait(&c->cond, &c->lock);
	pthread_mutex_unlock(&c->lock);
	free_list(&c->pending);
	free_list(&c->ready);
	pthread_cond_destroy(&c->cond);
	pthread_mutex_destroy(&c->lock);
	free(c);
end:
	ascendsim_mpi_log(api, ret, "chn=%d", chn);
	return ret;
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

	if ((ret = get(api, chn, &c)) || (ret = check_send(api, stream, png_pic_info)))
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
	pthread_mutex_lock(&c->lock);
	while (!c->stopping && c->pending.n + c->ready.n >= PNGD_MAX_QUEUED)
		if (!wait_for(c, milli_sec, &deadline))
			break;
	if (c->stopping) {
		ret = PNGD_ERR(HI_ERR_UNEXIST);
	} else if (c->pending.n + c->ready.n >= PNGD_MAX_QUEUED) {
		ret = PNGD_ERR(HI_ERR_BUF_FULL);
	} else {
		push(&c->pending, it);
		it = NULL;
		pthread_cond_broadcast(&c->cond);
	}
	pthread_mutex_unlock(&c->lock);
end:
	free(it);
	if (c)
		put(c);
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
	struct timespec deadline;
	struct pngd_chn *c = NULL;
	hi_s32 ret;

	if (!png_pic_info || !stream) {
		ret = ascendsim_mpi_fail(api, PNGD_ERR(HI_ERR_NULL_PTR),
					 "png_pic_info or stream is NULL");
		goto end;
	}
	if ((ret = get(api, chn, &c)) != HI_SUCCESS)
		goto end;
	if (milli_sec > 0)
		ascendsim_mpi_deadline(milli_sec, &deadline);
	pthread_mutex_lock(&c->lock);
	while (!c->ready.head && !c->stopping)
		if (!wait_for(c, milli_sec, &deadline))
			break;
	it = pop(&c->ready);
	pthread_cond_broadcast(&c->cond);
	pthread_mutex_unlock(&c->lock);
	if (!it) {
		ret = c->stopping ? PNGD_ERR(HI_ERR_UNEXIST) : PNGD_ERR(HI_ERR_BUF_EMPTY);
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
		put(c);
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
