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
#include "mpi_chn.h"
#include "mpi_jpeg.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#define VDEC_ERR(e)	      MPI_ERR(HI_ID_VDEC, e)
#define VDEC_MAX_QUEUED	      32 /* streams sent but not yet collected with get_frame */
#define VDEC_FRAME_FLAG_ERROR 1

struct vdec_frame {
	struct ascendsim_mpi_node node;
	hi_vdec_stream stream;
	hi_vdec_pic_info pic;
	bool has_output;
	hi_u32 frame_flag;
	hi_u32 index;
};

struct vdec_chn {
	struct ascendsim_mpi_chn base; /* pending: streams to decode */
	hi_vdec_chn_attr attr;
	bool receiving;
	hi_u32 received, decoded;
	hi_u64 latest_pts;
};

static struct vdec_chn *vdec_of(struct ascendsim_mpi_chn *c)
{
	return ASCENDSIM_MPI_OUTER(c, struct vdec_chn, base);
}

static struct vdec_frame *frame_of(struct ascendsim_mpi_node *node)
{
	return node ? ASCENDSIM_MPI_OUTER(node, struct vdec_frame, node) : NULL;
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

/* Runs on the decoder thread without the lock, after the delay. */
static void decode(struct ascendsim_mpi_chn *c, struct ascendsim_mpi_node *node)
{
	hi_payload_type type = vdec_of(c)->attr.type;
	struct vdec_frame *f = frame_of(node);
	uint64_t out_len = f->pic.buffer_size;

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

/* Back on the channel, with the lock held: only frames with an output are handed out. */
static bool decoded(struct ascendsim_mpi_chn *base, struct ascendsim_mpi_node *node)
{
	struct vdec_chn *c = vdec_of(base);
	struct vdec_frame *f = frame_of(node);
	bool keep = f->has_output;

	c->decoded++;
	c->latest_pts = f->stream.pts;
	if (!keep)
		free(f);
	return keep;
}

static void init(struct ascendsim_mpi_chn *c, const void *attr)
{
	vdec_of(c)->attr = *(const hi_vdec_chn_attr *)attr;
}

static void free_frame(struct ascendsim_mpi_node *node)
{
	free(frame_of(node));
}

static const struct ascendsim_mpi_chn_ops vdec_ops = {
	.init = init,
	.run = decode,
	.finish = decoded,
	.free_node = free_frame,
};

ASCENDSIM_MPI_CHN_CLASS(vdec_chns, HI_ID_VDEC, VDEC_MAX_CHN_NUM, struct vdec_chn, "decoder",
			&vdec_ops);

static bool payload_supported(hi_payload_type t)
{
	return t == HI_PT_H264 || t == HI_PT_H265 || t == HI_PT_JPEG;
}

MPI_EXPORT hi_s32 hi_mpi_vdec_create_chn(hi_vdec_chn chn, const hi_vdec_chn_attr *attr)
{
	const char *api = "hi_mpi_vdec_create_chn";
	hi_s32 ret;

	if (!attr) {
		ret = ascendsim_mpi_fail(api, VDEC_ERR(HI_ERR_NULL_PTR), "attr is NULL");
		goto end;
	}
	if ((ret = ascendsim_mpi_chn_in_range(&vdec_chns, api, chn)) != HI_SUCCESS ||
	    (ret = ascendsim_mpi_chn_sys_ready(&vdec_chns, api)) != HI_SUCCESS)
		goto end;
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
	ret = ascendsim_mpi_chn_create(&vdec_chns, api, chn, attr);
end:
	ascendsim_mpi_log(api, ret, "chn=%d, attr=%p", chn, (const void *)attr);
	return ret;
}

MPI_EXPORT hi_s32 hi_mpi_vdec_destroy_chn(hi_vdec_chn chn)
{
	return ascendsim_mpi_chn_destroy(&vdec_chns, "hi_mpi_vdec_destroy_chn", chn);
}

static hi_s32 set_receiving(const char *api, hi_vdec_chn chn, bool on)
{
	struct vdec_chn *c;
	hi_s32 ret;

	c = ascendsim_mpi_chn_get(&vdec_chns, api, chn, &ret);
	if (ret == HI_SUCCESS) {
		pthread_mutex_lock(&c->base.lock);
		c->receiving = on;
		pthread_mutex_unlock(&c->base.lock);
		ascendsim_mpi_chn_put(&c->base);
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
	if (!(c = ascendsim_mpi_chn_get(&vdec_chns, api, chn, &ret)))
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
	pthread_mutex_lock(&c->base.lock);
	if (!c->receiving) {
		ret = ascendsim_mpi_fail(
		    api, VDEC_ERR(HI_ERR_NOT_PERM),
		    "channel %d is not receiving (hi_mpi_vdec_start_recv_stream)", chn);
	} else {
		while (c->base.pending.n + c->base.ready.n >= VDEC_MAX_QUEUED && !c->base.stopping)
			if (!ascendsim_mpi_chn_wait(&c->base, milli_sec, &deadline))
				break;
		if (c->base.stopping) {
			ret = VDEC_ERR(HI_ERR_UNEXIST);
		} else if (c->base.pending.n + c->base.ready.n >= VDEC_MAX_QUEUED) {
			ret = VDEC_ERR(HI_ERR_BUF_FULL);
		} else {
			f->index = c->received++;
			ascendsim_mpi_chn_submit_locked(&c->base, &f->node);
			f = NULL;
		}
	}
	pthread_mutex_unlock(&c->base.lock);
	free(f);
unlock:
	if (c)
		ascendsim_mpi_chn_put(&c->base);
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
	struct vdec_frame *f = NULL;
	struct vdec_chn *c = NULL;
	hi_s32 ret;

	if (!frame_info || !supplement || !stream) {
		ret = ascendsim_mpi_fail(api, VDEC_ERR(HI_ERR_NULL_PTR),
					 "frame_info, supplement or stream is NULL");
		goto unlock;
	}
	if (!(c = ascendsim_mpi_chn_get(&vdec_chns, api, chn, &ret)))
		goto unlock;
	if (!ascendsim_mpi_valid_timeout(milli_sec)) {
		ret = ascendsim_mpi_fail(api, VDEC_ERR(HI_ERR_ILLEGAL_PARAM),
					 "milli_sec %d is below -1", milli_sec);
		goto unlock;
	}
	pthread_mutex_lock(&c->base.lock);
	/* The reference keeps the channel alive; destroy wakes us with stopping set. */
	f = frame_of(ascendsim_mpi_chn_take_ready(&c->base, milli_sec));
	if (f) {
		fill_frame(c, f, frame_info, supplement, stream);
		ascendsim_mpi_queue_push(&c->base.out, &f->node);
	} else {
		ret = c->base.stopping ? VDEC_ERR(HI_ERR_UNEXIST) : VDEC_ERR(HI_ERR_BUF_EMPTY);
	}
	pthread_cond_broadcast(&c->base.cond);
	pthread_mutex_unlock(&c->base.lock);
unlock:
	if (c)
		ascendsim_mpi_chn_put(&c->base);
	ascendsim_mpi_log(api, ret,
			  "chn=%d, frame_info=%p -> {virt_addr=%p, frame_flag=%u}, supplement=%p, "
			  "stream=%p, milli_sec=%d",
			  chn, (void *)frame_info, f ? frame_info->v_frame.virt_addr[0] : NULL,
			  f ? frame_info->v_frame.frame_flag : 0, (void *)supplement,
			  (void *)stream, milli_sec);
	return ret;
}

/* The handed-out frame whose picture starts at key. */
static bool frame_at(const struct ascendsim_mpi_node *node, const void *key)
{
	const struct vdec_frame *f = ASCENDSIM_MPI_OUTER(node, const struct vdec_frame, node);

	return (const void *)(uintptr_t)f->pic.vir_addr == key;
}

MPI_EXPORT hi_s32 hi_mpi_vdec_release_frame(hi_vdec_chn chn, const hi_video_frame_info *frame_info)
{
	const char *api = "hi_mpi_vdec_release_frame";
	struct vdec_frame *f = NULL;
	struct vdec_chn *c = NULL;
	hi_s32 ret;

	if (!frame_info) {
		ret = ascendsim_mpi_fail(api, VDEC_ERR(HI_ERR_NULL_PTR), "frame_info is NULL");
		goto unlock;
	}
	if (!(c = ascendsim_mpi_chn_get(&vdec_chns, api, chn, &ret)))
		goto unlock;
	pthread_mutex_lock(&c->base.lock);
	f = frame_of(
	    ascendsim_mpi_queue_take(&c->base.out, frame_at, frame_info->v_frame.virt_addr[0]));
	pthread_mutex_unlock(&c->base.lock);
	if (f)
		free(f);
	else
		ret = ascendsim_mpi_fail(api, VDEC_ERR(HI_ERR_ILLEGAL_PARAM),
					 "frame %p was not handed out by channel %d (or released)",
					 frame_info->v_frame.virt_addr[0], chn);
unlock:
	if (c)
		ascendsim_mpi_chn_put(&c->base);
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
	} else if ((c = ascendsim_mpi_chn_get(&vdec_chns, api, chn, &ret))) {
		pthread_mutex_lock(&c->base.lock);
		memset(status, 0, sizeof(*status));
		status->type = c->attr.type;
		status->left_stream_frames = c->base.pending.n;
		status->left_decoded_frames = c->base.ready.n;
		status->is_started = c->receiving ? HI_TRUE : HI_FALSE;
		status->recv_stream_frames = c->received;
		status->dec_stream_frames = c->decoded;
		status->width = c->attr.pic_width;
		status->height = c->attr.pic_height;
		status->latest_frame_pts = c->latest_pts;
		pthread_mutex_unlock(&c->base.lock);
	}
	if (c)
		ascendsim_mpi_chn_put(&c->base);
	ascendsim_mpi_log(api, ret, "chn=%d, status=%p", chn, (void *)status);
	return ret;
}

MPI_EXPORT hi_s32 hi_mpi_vdec_reset_chn(hi_vdec_chn chn)
{
	const char *api = "hi_mpi_vdec_reset_chn";
	struct vdec_chn *c = NULL;
	hi_s32 ret;

	if ((c = ascendsim_mpi_chn_get(&vdec_chns, api, chn, &ret))) {
		pthread_mutex_lock(&c->base.lock);
		if (c->receiving)
			ret = ascendsim_mpi_fail(api, VDEC_ERR(HI_ERR_NOT_PERM),
						 "channel %d is still receiving", chn);
		else
			ascendsim_mpi_queue_free(&c->base.ready, free_frame);
		pthread_mutex_unlock(&c->base.lock);
	}
	if (c)
		ascendsim_mpi_chn_put(&c->base);
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
		c = ascendsim_mpi_chn_get(&vdec_chns, api, chn, &ret);
	if (c)
		ascendsim_mpi_chn_put(&c->base);
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
	} else if ((c = ascendsim_mpi_chn_get(&vdec_chns, api, chn, &ret))) {
		memset(chn_param, 0, sizeof(*chn_param));
		chn_param->type = c->attr.type;
		chn_param->display_frame_num = 2;
	}
	if (c)
		ascendsim_mpi_chn_put(&c->base);
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
