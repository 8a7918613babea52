/* SPDX-License-Identifier: MIT */
/*
 * VDEC: channels with a decoder thread each. Bitstreams are not really decoded: each stream
 * sent with an output buffer yields one frame whose pixels are a deterministic pattern of the
 * stream's bytes (h = FNV-1a 32 of the bytes; h0..h2 its low three bytes):
 *   YUV420SP: Y(x,y) = x + 2y + h0; chroma pair (i,j): first byte i + j + h1, second 3i + h2
 *   RGB888/BGR888: byte k of pixel (x,y) = (k+1)x + y + h_k          (all mod 256)
 * Channels of type HI_PT_JPEG decode for real (libjpeg-turbo, mpi_jpeg.c).
 * Buffer checks, ordering, timing (ASCEND_SIM_TASK_DELAY_US) and the frame hand-over are real:
 * the output buffer is written on the decoder thread, after the delay, only if it is still live.
 */
#include "mpi_internal.h"
#include "mpi_jpeg.h"

#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define VDEC_ERR(e)	      MPI_ERR(HI_ID_VDEC, e)
#define VDEC_MAX_QUEUED	      32 /* streams sent but not yet collected with get_frame */
#define VDEC_FRAME_FLAG_ERROR 1

struct vdec_frame {
	struct vdec_frame *next;
	hi_vdec_stream stream;
	hi_vdec_pic_info pic;
	bool has_output;
	hi_u32 frame_flag;
	hi_u32 index;
};

struct frame_list {
	struct vdec_frame *head, *tail;
	unsigned n;
};

struct vdec_chn {
	hi_vdec_chn_attr attr;
	pthread_mutex_t lock;
	pthread_cond_t cond;
	pthread_t worker;
	struct frame_list pending, ready, out; /* to decode, decoded, handed to the program */
	bool receiving, stopping;
	unsigned refs; /* calls inside the channel; destroy waits for them */
	hi_u32 received, decoded;
	hi_u64 latest_pts;
};

static pthread_mutex_t table_lock = PTHREAD_MUTEX_INITIALIZER;
static struct vdec_chn *table[VDEC_MAX_CHN_NUM];

static void list_push(struct frame_list *l, struct vdec_frame *f)
{
	f->next = NULL;
	if (l->tail)
		l->tail->next = f;
	else
		l->head = f;
	l->tail = f;
	l->n++;
}

static struct vdec_frame *list_pop(struct frame_list *l)
{
	struct vdec_frame *f = l->head;

	if (f) {
		l->head = f->next;
		if (!l->head)
			l->tail = NULL;
		l->n--;
	}
	return f;
}

static void list_free(struct frame_list *l)
{
	struct vdec_frame *f;

	while ((f = list_pop(l)))
		free(f);
}

static uint32_t fnv1a(const uint8_t *p, size_t n)
{
	uint32_t h = 2166136261u;
	size_t i;

	for (i = 0; i < n; i++) {
		h ^= p[i];
		h *= 16777619u;
	}
	return h;
}

static void draw_pattern(const hi_vdec_pic_info *pic, uint32_t h)
{
	uint8_t *base = (uint8_t *)(uintptr_t)pic->vir_addr;
	uint8_t h0 = h & 0xff, h1 = (h >> 8) & 0xff, h2 = (h >> 16) & 0xff;
	uint32_t x, y, k;

	if (pic->pixel_format == HI_PIXEL_FORMAT_RGB_888 ||
	    pic->pixel_format == HI_PIXEL_FORMAT_BGR_888) {
		uint8_t hk[3] = { h0, h1, h2 };

		for (y = 0; y < pic->height; y++)
			for (x = 0; x < pic->width; x++)
				for (k = 0; k < 3; k++)
					base[(size_t)y * pic->width_stride + x * 3 + k] =
					    (uint8_t)((k + 1) * x + y + hk[k]);
		return;
	}
	for (y = 0; y < pic->height; y++)
		for (x = 0; x < pic->width; x++)
			base[(size_t)y * pic->width_stride + x] = (uint8_t)(x + 2 * y + h0);
	base += (size_t)pic->width_stride * pic->height_stride;
	for (y = 0; y < pic->height / 2; y++) {
		for (x = 0; x < pic->width / 2; x++) {
			base[(size_t)y * pic->width_stride + 2 * x] = (uint8_t)(x + y + h1);
			base[(size_t)y * pic->width_stride + 2 * x + 1] = (uint8_t)(3 * x + h2);
		}
	}
}

/* Runs on the decoder thread without the lock. */
static void decode(hi_payload_type type, struct vdec_frame *f)
{
	uint64_t out_len = f->pic.buffer_size;

	ascendsim_mpi_task_delay();
	if (!f->has_output)
		return;
	/* The decoder reads the stream and writes the frame now: both must still be alive. */
	if (!ascendsim_mpi_buffer_live(f->stream.addr, f->stream.len) ||
	    !ascendsim_mpi_buffer_live((const void *)(uintptr_t)f->pic.vir_addr, out_len)) {
		f->frame_flag = VDEC_FRAME_FLAG_ERROR;
		return;
	}
	if (type == HI_PT_JPEG) {
		if (!ascendsim_mpi_jpeg_decode(f->stream.addr, f->stream.len, &f->pic))
			f->frame_flag = VDEC_FRAME_FLAG_ERROR;
		return;
	}
	draw_pattern(&f->pic, fnv1a(f->stream.addr, f->stream.len));
}

static void *worker_main(void *arg)
{
	struct vdec_chn *c = arg;

	pthread_mutex_lock(&c->lock);
	for (;;) {
		struct vdec_frame *f;

		while (!c->pending.head && !c->stopping)
			pthread_cond_wait(&c->cond, &c->lock);
		if (!c->pending.head)
			break;
		f = c->pending.head; /* stays queued (counted) while it decodes */
		pthread_mutex_unlock(&c->lock);
		decode(c->attr.type, f);
		pthread_mutex_lock(&c->lock);
		list_pop(&c->pending);
		c->decoded++;
		c->latest_pts = f->stream.pts;
		if (f->has_output)
			list_push(&c->ready, f);
		else
			free(f);
		pthread_cond_broadcast(&c->cond);
	}
	pthread_mutex_unlock(&c->lock);
	return NULL;
}

static hi_s32 chn_in_range(const char *api, hi_vdec_chn chn)
{
	if (chn < 0 || chn >= VDEC_MAX_CHN_NUM)
		return ascendsim_mpi_fail(api, VDEC_ERR(HI_ERR_INVALID_CHN_ID),
					  "channel %d outside [0, %d)", chn, VDEC_MAX_CHN_NUM);
	return HI_SUCCESS;
}

/* Looks chn up and takes a reference (release with put). */
static hi_s32 get(const char *api, hi_vdec_chn chn, struct vdec_chn **out)
{
	hi_s32 ret = chn_in_range(api, chn);
	struct vdec_chn *c = NULL;

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
		return ascendsim_mpi_fail(api, VDEC_ERR(HI_ERR_UNEXIST),
					  "channel %d does not exist", chn);
	*out = c;
	return HI_SUCCESS;
}

static void put(struct vdec_chn *c)
{
	pthread_mutex_lock(&c->lock);
	c->refs--;
	pthread_cond_broadcast(&c->cond);
	pthread_mutex_unlock(&c->lock);
}

static bool payload_supported(hi_payload_type t)
{
	return t == HI_PT_H264 || t == HI_PT_H265 || t == HI_PT_JPEG;
}

MPI_EXPORT hi_s32 hi_mpi_vdec_create_chn(hi_vdec_chn chn, const hi_vdec_chn_attr *attr)
{
	const char *api = "hi_mpi_vdec_create_chn";
	pthread_condattr_t ca;
	struct vdec_chn *c = NULL;
	hi_s32 ret;

	if (!attr) {
		ret = ascendsim_mpi_fail(api, VDEC_ERR(HI_ERR_NULL_PTR), "attr is NULL");
		goto end;
	}
	if ((ret = chn_in_range(api, chn)) != HI_SUCCESS)
		goto end;
	if (!ascendsim_mpi_sys_ready()) {
		ret = ascendsim_mpi_fail(api, VDEC_ERR(HI_ERR_NOT_READY),
					 "hi_mpi_sys_init has not been called");
		goto end;
	}
	if (!payload_supported(attr->type) || attr->mode >= HI_VDEC_SEND_MODE_BUTT ||
	    attr->pic_width < 10 || attr->pic_width > 8192 || attr->pic_height < 6 ||
	    attr->pic_height > 8192) {
		ret = ascendsim_mpi_fail(api, VDEC_ERR(HI_ERR_ILLEGAL_PARAM),
					 "attr type %d mode %d %ux%u not supported (H.264, H.265, "
					 "JPEG up to 8192x8192)",
					 (int)attr->type, (int)attr->mode, attr->pic_width,
					 attr->pic_height);
		goto end;
	}
	pthread_mutex_lock(&table_lock);
	if (table[chn]) {
		ret = ascendsim_mpi_fail(api, VDEC_ERR(HI_ERR_EXIST), "channel %d already exists",
					 chn);
		goto unlock;
	}
	c = calloc(1, sizeof(*c));
	if (!c) {
		ret = ascendsim_mpi_fail(api, VDEC_ERR(HI_ERR_NO_MEM), "no memory for channel %d",
					 chn);
		goto unlock;
	}
	c->attr = *attr;
	pthread_mutex_init(&c->lock, NULL);
	pthread_condattr_init(&ca);
	pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
	pthread_cond_init(&c->cond, &ca);
	pthread_condattr_destroy(&ca);
	if (pthread_create(&c->worker, NULL, worker_main, c) != 0) {
		ret = ascendsim_mpi_fail(api, VDEC_ERR(HI_ERR_NO_MEM),
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

MPI_EXPORT hi_s32 hi_mpi_vdec_destroy_chn(hi_vdec_chn chn)
{
	const char *api = "hi_mpi_vdec_destroy_chn";
	struct vdec_chn *c = NULL;
	hi_s32 ret = chn_in_range(api, chn);

	if (ret != HI_SUCCESS)
		goto end;
	pthread_mutex_lock(&table_lock);
	c = table[chn];
	table[chn] = NULL;
	pthread_mutex_unlock(&table_lock);
	if (!c) {
		ret = ascendsim_mpi_fail(api, VDEC_ERR(HI_ERR_UNEXIST), "channel %d does not exist",
					 chn);
		goto end;
	}
	/* Wake calls waiting inside the channel; they leave with an error. */
	pthread_mutex_lock(&c->lock);
	c->stopping = true;
	pthread_cond_broadcast(&c->cond);
	pthread_mutex_unlock(&c->lock);
	pthread_join(c->worker, NULL);
	pthread_mutex_lock(&c->lock);
	while (c->refs)
		pthread_cond_wait(&c->cond, &c->lock);
	pthread_mutex_unlock(&c->lock);
	list_free(&c->pending);
	list_free(&c->ready);
	list_free(&c->out);
	pthread_cond_destroy(&c->cond);
	pthread_mutex_destroy(&c->lock);
	free(c);
end:
	ascendsim_mpi_log(api, ret, "chn=%d", chn);
	return ret;
}

static hi_s32 set_receiving(const char *api, hi_vdec_chn chn, bool on)
{
	struct vdec_chn *c;
	hi_s32 ret;

	ret = get(api, chn, &c);
	if (ret == HI_SUCCESS) {
		pthread_mutex_lock(&c->lock);
		c->receiving = on;
		pthread_mutex_unlock(&c->lock);
		put(c);
	}
	ascendsim_mpi_log(api, ret, "chn=%d", chn);
	return ret;
}

MPI_EXPORT hi_s32 hi_mpi_vdec_start_recv_stream(hi_vdec_chn chn)
{
	return set_receiving("hi_mpi_vdec_start_recv_stream", chn, true);
}

MPI_EXPORT hi_s32 hi_mpi_vdec_stop_recv_stream(hi_vdec_chn chn)
{
	return set_receiving("hi_mpi_vdec_stop_recv_stream", chn, false);
}

static hi_s32 check_output(const char *api, const struct vdec_chn *c, const hi_vdec_pic_info *pic)
{
	enum ascendsim_img_api rules =
	    c->attr.type == HI_PT_JPEG ? ASCENDSIM_IMG_API_JPEGD_OUT : ASCENDSIM_IMG_API_VDEC_OUT;
	struct ascendsim_image img;
	hi_vpc_pic_info as_pic = {
		.picture_address = (void *)(uintptr_t)pic->vir_addr,
		.picture_buffer_size = pic->buffer_size,
		.picture_width = pic->width,
		.picture_height = pic->height,
		.picture_width_stride = pic->width_stride,
		.picture_height_stride = pic->height_stride,
		.picture_format = pic->pixel_format,
	};

	/* JPEG images may be odd-sized; the decoder fills whole chroma cells. */
	if (c->attr.type == HI_PT_JPEG) {
		as_pic.picture_width = ascendsim_img_align_up(
		    pic->width, ascendsim_img_chroma_x((int32_t)pic->pixel_format));
		as_pic.picture_height = ascendsim_img_align_up(
		    pic->height, ascendsim_img_chroma_y((int32_t)pic->pixel_format));
	}
	if (pic->width > c->attr.pic_width || pic->height > c->attr.pic_height)
		return ascendsim_mpi_fail(api, VDEC_ERR(HI_ERR_ILLEGAL_PARAM),
					  "output %ux%u exceeds the channel's %ux%u", pic->width,
					  pic->height, c->attr.pic_width, c->attr.pic_height);
	return ascendsim_mpi_check_pic(api, HI_ID_VDEC, rules, &as_pic, true, "output picture",
				       &img);
}

/* Waits on c->cond per milli_sec; false on timeout. Called with c->lock held. */
static bool wait_for(struct vdec_chn *c, hi_s32 milli_sec, const struct timespec *deadline)
{
	if (milli_sec == 0)
		return false;
	if (milli_sec < 0) {
		pthread_cond_wait(&c->cond, &c->lock);
		return true;
	}
	return pthread_cond_timedwait(&c->cond, &c->lock, deadline) != ETIMEDOUT;
}

MPI_EXPORT hi_s32 hi_mpi_vdec_send_stream(hi_vdec_chn chn, const hi_vdec_stream *stream,
					  hi_vdec_pic_info *vdec_pic_info, hi_s32 milli_sec)
{
	const char *api = "hi_mpi_vdec_send_stream";
	struct vdec_frame *f = NULL;
	struct timespec deadline;
	struct vdec_chn *c = NULL;
	bool eos_only;
	hi_s32 ret;

	if (!stream) {
		ret = ascendsim_mpi_fail(api, VDEC_ERR(HI_ERR_NULL_PTR), "stream is NULL");
		goto unlock;
	}
	if ((ret = get(api, chn, &c)) != HI_SUCCESS)
		goto unlock;
	if (!ascendsim_mpi_valid_timeout(milli_sec)) {
		ret = ascendsim_mpi_fail(api, VDEC_ERR(HI_ERR_ILLEGAL_PARAM),
					 "milli_sec %d is below -1", milli_sec);
		goto unlock;
	}
	eos_only = stream->end_of_stream && stream->len == 0;
	if (!eos_only) {
		if (!stream->addr || stream->len == 0) {
			ret = ascendsim_mpi_fail(api, VDEC_ERR(HI_ERR_NULL_PTR),
						 "stream addr %p len %u: no data",
						 (void *)stream->addr, stream->len);
			goto unlock;
		}
		if (!vdec_pic_info) {
			ret = ascendsim_mpi_fail(api, VDEC_ERR(HI_ERR_NULL_PTR),
						 "vdec_pic_info is NULL");
			goto unlock;
		}
		if (!ascendsim_mpi_buffer_live(stream->addr, stream->len)) {
			ret = ascendsim_mpi_fail(api, VDEC_ERR(HI_ERR_BAD_ADDR),
						 "stream %p len %u is not in live DVPP memory",
						 (void *)stream->addr, stream->len);
			goto unlock;
		}
		if (vdec_pic_info->vir_addr == 0) {
			ret = ascendsim_mpi_fail(api, VDEC_ERR(HI_ERR_NULL_PTR),
						 "vdec_pic_info->vir_addr is 0");
			goto unlock;
		}
		if ((ret = check_output(api, c, vdec_pic_info)) != HI_SUCCESS)
			goto unlock;
	}
	f = calloc(1, sizeof(*f));
	if (!f) {
		ret = ascendsim_mpi_fail(api, VDEC_ERR(HI_ERR_NO_MEM), "no memory for a frame");
		goto unlock;
	}
	f->stream = *stream;
	f->has_output = !eos_only;
	if (f->has_output)
		f->pic = *vdec_pic_info;
	if (milli_sec > 0)
		ascendsim_mpi_deadline(milli_sec, &deadline);
	pthread_mutex_lock(&c->lock);
	if (!c->receiving) {
		ret = ascendsim_mpi_fail(
		    api, VDEC_ERR(HI_ERR_NOT_PERM),
		    "channel %d is not receiving (hi_mpi_vdec_start_recv_stream)", chn);
	} else {
		while (c->pending.n + c->ready.n >= VDEC_MAX_QUEUED && !c->stopping)
			if (!wait_for(c, milli_sec, &deadline))
				break;
		if (c->stopping) {
			ret = VDEC_ERR(HI_ERR_UNEXIST);
		} else if (c->pending.n + c->ready.n >= VDEC_MAX_QUEUED) {
			ret = VDEC_ERR(HI_ERR_BUF_FULL);
		} else {
			f->index = c->received++;
			list_push(&c->pending, f);
			f = NULL;
			pthread_cond_broadcast(&c->cond);
		}
	}
	pthread_mutex_unlock(&c->lock);
	free(f);
unlock:
	if (c)
		put(c);
	ascendsim_mpi_log(api, ret,
			  "chn=%d, stream=%p {addr=%p, len=%u, pts=%llu, eos=%d}, "
			  "vdec_pic_info=%p {vir_addr=%#llx, buffer_size=%u}, milli_sec=%d",
			  chn, (const void *)stream, stream ? (void *)stream->addr : NULL,
			  stream ? stream->len : 0, stream ? stream->pts : 0ull,
			  stream ? (int)stream->end_of_stream : 0, (void *)vdec_pic_info,
			  vdec_pic_info ? vdec_pic_info->vir_addr : 0ull,
			  vdec_pic_info ? vdec_pic_info->buffer_size : 0, milli_sec);
	return ret;
}

static void fill_frame(const struct vdec_chn *c, const struct vdec_frame *f,
		       hi_video_frame_info *info, hi_vdec_supplement_info *sup,
		       hi_vdec_stream *stream)
{
	hi_video_frame *v = &info->v_frame;
	uint64_t chroma = f->pic.vir_addr + (uint64_t)f->pic.width_stride * f->pic.height_stride;

	memset(info, 0, sizeof(*info));
	v->width = f->pic.width;
	v->height = f->pic.height;
	v->field = HI_VIDEO_FIELD_FRAME;
	v->pixel_format = f->pic.pixel_format;
	v->video_format = HI_VIDEO_FORMAT_LINEAR;
	v->width_stride[0] = v->width_stride[1] = f->pic.width_stride;
	v->height_stride[0] = v->height_stride[1] = f->pic.height_stride;
	v->phys_addr[0] = f->pic.vir_addr;
	v->phys_addr[1] = chroma;
	v->virt_addr[0] = (void *)(uintptr_t)f->pic.vir_addr;
	v->virt_addr[1] = (void *)(uintptr_t)chroma;
	v->time_ref = f->index * 2;
	v->pts = f->stream.pts;
	v->frame_flag = f->frame_flag;
	info->mod_id = HI_ID_VDEC;
	memset(sup, 0, sizeof(*sup));
	sup->type = c->attr.type;
	sup->video_supplement_info.frame_type = HI_VDEC_FRAME_TYPE_I;
	*stream = f->stream;
}

MPI_EXPORT hi_s32 hi_mpi_vdec_get_frame(hi_vdec_chn chn, hi_video_frame_info *frame_info,
					hi_vdec_supplement_info *supplement, hi_vdec_stream *stream,
					hi_s32 milli_sec)
{
	const char *api = "hi_mpi_vdec_get_frame";
	struct timespec deadline;
	struct vdec_frame *f = NULL;
	struct vdec_chn *c = NULL;
	hi_s32 ret;

	if (!frame_info || !supplement || !stream) {
		ret = ascendsim_mpi_fail(api, VDEC_ERR(HI_ERR_NULL_PTR),
					 "frame_info, supplement or stream is NULL");
		goto unlock;
	}
	if ((ret = get(api, chn, &c)) != HI_SUCCESS)
		goto unlock;
	if (!ascendsim_mpi_valid_timeout(milli_sec)) {
		ret = ascendsim_mpi_fail(api, VDEC_ERR(HI_ERR_ILLEGAL_PARAM),
					 "milli_sec %d is below -1", milli_sec);
		goto unlock;
	}
	if (milli_sec > 0)
		ascendsim_mpi_deadline(milli_sec, &deadline);
	pthread_mutex_lock(&c->lock);
	/* The reference keeps the channel alive; destroy wakes us with stopping set. */
	while (!c->ready.head && !c->stopping)
		if (!wait_for(c, milli_sec, &deadline))
			break;
	f = list_pop(&c->ready);
	if (f) {
		fill_frame(c, f, frame_info, supplement, stream);
		list_push(&c->out, f);
	} else {
		ret = c->stopping ? VDEC_ERR(HI_ERR_UNEXIST) : VDEC_ERR(HI_ERR_BUF_EMPTY);
	}
	pthread_cond_broadcast(&c->cond);
	pthread_mutex_unlock(&c->lock);
unlock:
	if (c)
		put(c);
	ascendsim_mpi_log(api, ret,
			  "chn=%d, frame_info=%p -> {virt_addr=%p, frame_flag=%u}, supplement=%p, "
			  "stream=%p, milli_sec=%d",
			  chn, (void *)frame_info, f ? frame_info->v_frame.virt_addr[0] : NULL,
			  f ? frame_info->v_frame.frame_flag : 0, (void *)supplement,
			  (void *)stream, milli_sec);
	return ret;
}

MPI_EXPORT hi_s32 hi_mpi_vdec_release_frame(hi_vdec_chn chn, const hi_video_frame_info *frame_info)
{
	const char *api = "hi_mpi_vdec_release_frame";
	struct vdec_frame **p, *f = NULL;
	struct vdec_chn *c = NULL;
	hi_s32 ret;

	if (!frame_info) {
		ret = ascendsim_mpi_fail(api, VDEC_ERR(HI_ERR_NULL_PTR), "frame_info is NULL");
		goto unlock;
	}
	if ((ret = get(api, chn, &c)) != HI_SUCCESS)
		goto unlock;
	pthread_mutex_lock(&c->lock);
	for (p = &c->out.head; *p; p = &(*p)->next) {
		if ((void *)(uintptr_t)(*p)->pic.vir_addr == frame_info->v_frame.virt_addr[0]) {
			f = *p;
			*p = f->next;
			if (c->out.tail == f) {
				struct vdec_frame *t = c->out.head;

				while (t && t->next)
					t = t->next;
				c->out.tail = t;
			}
			c->out.n--;
			break;
		}
	}
	pthread_mutex_unlock(&c->lock);
	if (f)
		free(f);
	else
		ret = ascendsim_mpi_fail(api, VDEC_ERR(HI_ERR_ILLEGAL_PARAM),
					 "frame %p was not handed out by channel %d (or released)",
					 frame_info->v_frame.virt_addr[0], chn);
unlock:
	if (c)
		put(c);
	ascendsim_mpi_log(api, ret, "chn=%d, frame_info=%p {virt_addr=%p}", chn,
			  (const void *)frame_info,
			  frame_info ? frame_info->v_frame.virt_addr[0] : NULL);
	return ret;
}

MPI_EXPORT hi_s32 hi_mpi_vdec_query_status(hi_vdec_chn chn, hi_vdec_chn_status *status)
{
	const char *api = "hi_mpi_vdec_query_status";
	struct vdec_chn *c = NULL;
	hi_s32 ret;

	if (!status) {
		ret = ascendsim_mpi_fail(api, VDEC_ERR(HI_ERR_NULL_PTR), "status is NULL");
	} else if ((ret = get(api, chn, &c)) == HI_SUCCESS) {
		pthread_mutex_lock(&c->lock);
		memset(status, 0, sizeof(*status));
		status->type = c->attr.type;
		status->left_stream_frames = c->pending.n;
		status->left_decoded_frames = c->ready.n;
		status->is_started = c->receiving ? HI_TRUE : HI_FALSE;
		status->recv_stream_frames = c->received;
		status->dec_stream_frames = c->decoded;
		status->width = c->attr.pic_width;
		status->height = c->attr.pic_height;
		status->latest_frame_pts = c->latest_pts;
		pthread_mutex_unlock(&c->lock);
	}
	if (c)
		put(c);
	ascendsim_mpi_log(api, ret, "chn=%d, status=%p", chn, (void *)status);
	return ret;
}

MPI_EXPORT hi_s32 hi_mpi_vdec_reset_chn(hi_vdec_chn chn)
{
	const char *api = "hi_mpi_vdec_reset_chn";
	struct vdec_chn *c = NULL;
	hi_s32 ret;

	if ((ret = get(api, chn, &c)) == HI_SUCCESS) {
		pthread_mutex_lock(&c->lock);
		if (c->receiving)
			ret = ascendsim_mpi_fail(api, VDEC_ERR(HI_ERR_NOT_PERM),
						 "channel %d is still receiving", chn);
		else
			list_free(&c->ready);
		pthread_mutex_unlock(&c->lock);
	}
	if (c)
		put(c);
	ascendsim_mpi_log(api, ret, "chn=%d", chn);
	return ret;
}

MPI_EXPORT hi_s32 hi_mpi_vdec_set_chn_param(hi_vdec_chn chn, const hi_vdec_chn_param *chn_param)
{
	const char *api = "hi_mpi_vdec_set_chn_param";
	struct vdec_chn *c = NULL;
	hi_s32 ret;

	if (!chn_param)
		ret = ascendsim_mpi_fail(api, VDEC_ERR(HI_ERR_NULL_PTR), "chn_param is NULL");
	else
		ret = get(api, chn, &c);
	if (c)
		put(c);
	ascendsim_mpi_log(api, ret, "chn=%d, chn_param=%p", chn, (const void *)chn_param);
	return ret;
}

MPI_EXPORT hi_s32 hi_mpi_vdec_get_chn_param(hi_vdec_chn chn, hi_vdec_chn_param *chn_param)
{
	const char *api = "hi_mpi_vdec_get_chn_param";
	struct vdec_chn *c = NULL;
	hi_s32 ret;

	if (!chn_param) {
		ret = ascendsim_mpi_fail(api, VDEC_ERR(HI_ERR_NULL_PTR), "chn_param is NULL");
	} else if ((ret = get(api, chn, &c)) == HI_SUCCESS) {
		memset(chn_param, 0, sizeof(*chn_param));
		chn_param->type = c->attr.type;
		chn_param->display_frame_num = 2;
	}
	if (c)
		put(c);
	ascendsim_mpi_log(api, ret, "chn=%d, chn_param=%p", chn, (void *)chn_param);
	return ret;
}

MPI_EXPORT hi_s32 hi_mpi_dvpp_get_image_info(hi_payload_type img_type, const hi_vdec_stream *stream,
					     hi_img_info *img_info)
{
	const char *api = "hi_mpi_dvpp_get_image_info";
	hi_jpeg_raw_format raw;
	uint32_t w, h, ws, hs;
	hi_s32 ret = HI_SUCCESS;

	if (!stream || !img_info || !stream->addr) {
		ret = ascendsim_mpi_fail(api, VDEC_ERR(HI_ERR_NULL_PTR),
					 "stream, its addr or img_info is NULL");
	} else if (img_type != HI_PT_JPEG) {
		ret = ascendsim_mpi_fail(api, VDEC_ERR(HI_ERR_NOT_SUPPORT),
					 "image type %d: only HI_PT_JPEG is simulated",
					 (int)img_type);
	} else if (!ascendsim_mpi_jpeg_header(stream->addr, stream->len, &w, &h, &raw)) {
		ret = ascendsim_mpi_fail(api, VDEC_ERR(HI_ERR_ILLEGAL_PARAM),
					 "%u bytes at %p are not a readable JPEG", stream->len,
					 (void *)stream->addr);
	} else {
		/* Strides and size of the default YUV420SP output on this SoC. */
		ascendsim_img_jpegd_out_strides(ascendsim_mpi_soc(), ASCENDSIM_PIXFMT_NV12, w, h,
						&ws, &hs);
		memset(img_info, 0, sizeof(*img_info));
		img_info->width = w;
		img_info->height = h;
		img_info->width_stride = ws;
		img_info->height_stride = hs;
		img_info->img_buf_size = ws * hs * 3 / 2;
		img_info->pixel_format = raw;
	}
	ascendsim_mpi_log(api, ret, "img_type=%d, stream=%p, img_info=%p", (int)img_type,
			  (const void *)stream, (void *)img_info);
	return ret;
}
