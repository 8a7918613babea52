/* SPDX-License-Identifier: MIT */
/*
 * VENC basics: channels with an encoder thread each; each frame sent yields one stream packet.
 * JPEG/MJPEG channels really encode (libjpeg-turbo, baseline 4:2:0, quality 90) into DVPP memory
 * the channel owns, or into the program's buffer with hi_mpi_venc_send_jpege_frame. H.264/H.265
 * packets are synthetic: a start code and NAL header, the frame's size and the FNV-1a 32 hash of
 * its visible pixels, so the output depends on the input. Checks, ordering, timing and the
 * hand-over (get_stream / release_stream) are real.
 */
#include "mpi_chn.h"
#include "mpi_jpeg.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#define VENC_ERR(e)	MPI_ERR(HI_ID_VENC, e)
#define VENC_CHN_NUM	256 /* channels simulated */
#define VENC_MAX_QUEUED 32  /* frames sent but not yet collected */

struct venc_item {
	struct ascendsim_mpi_node node;
	hi_video_frame frame; /* the input */
	uint8_t *out;	      /* the packet, DVPP memory */
	hi_u32 out_cap;	      /* bytes available at out */
	hi_u32 out_len;
	bool out_owned; /* allocated by the channel (else the program's jpege buffer) */
	hi_u32 seq;
	hi_s32 failed; /* BAD_ADDR: a buffer freed before use; SIZE_NOT_ENOUGH: did not fit */
};

struct venc_chn {
	struct ascendsim_mpi_chn base; /* pending: frames to encode */
	hi_venc_chn_attr attr;
	bool started;
	hi_s32 recv_left; /* -1: unlimited */
	hi_u32 seq;
};

static struct venc_chn *venc_of(struct ascendsim_mpi_chn *c)
{
	return ASCENDSIM_MPI_OUTER(c, struct venc_chn, base);
}

static struct venc_item *item_of(struct ascendsim_mpi_node *node)
{
	return node ? ASCENDSIM_MPI_OUTER(node, struct venc_item, node) : NULL;
}

static void free_item(struct venc_item *it)
{
	if (it->out && it->out_owned)
		ascendsim_mem_free(it->out);
	free(it);
}

static void free_node(struct ascendsim_mpi_node *node)
{
	free_item(item_of(node));
}

static uint64_t frame_bytes(const hi_video_frame *f)
{
	return (uint64_t)f->width_stride[0] * f->height_stride[0] * 3 / 2;
}

static uint32_t hash_frame(const hi_video_frame *f)
{
	const uint8_t *base = f->virt_addr[0];
	uint32_t h = 2166136261u, x, y;

	for (y = 0; y < f->height + f->height / 2; y++) {
		const uint8_t *row = base + (size_t)y * f->width_stride[0];

		if (y >= f->height) /* chroma rows start after height_stride luma rows */
			row = base +
			      (size_t)(f->height_stride[0] + y - f->height) * f->width_stride[0];
		for (x = 0; x < f->width; x++) {
			h ^= row[x];
			h *= 16777619u;
		}
	}
	return h;
}

static void put_be(uint8_t *p, uint32_t v, int n)
{
	int i;

	for (i = n - 1; i >= 0; i--, v >>= 8)
		p[i] = (uint8_t)v;
}

#define VENC_PACKET_MAX	  16 /* bytes of the synthetic H.264/H.265 packet */
#define VENC_JPEG_QUALITY 90

static bool is_jpeg(const struct venc_chn *c)
{
	return c->attr.venc_attr.type == HI_PT_JPEG || c->attr.venc_attr.type == HI_PT_MJPEG;
}

/* Stream bytes a JPEG of the frame can need: an upper bound, as the predicted size is. */
static uint64_t jpeg_bound(const hi_video_frame *f)
{
	return (uint64_t)f->width_stride[0] * f->height_stride[0] * 2 + 4096;
}

static void encode_synthetic(const struct venc_chn *c, struct venc_item *it)
{
	uint8_t *pkt = it->out;
	uint32_t h = hash_frame(&it->frame);

	put_be(pkt, 1, 4);
	/* H.264 IDR / non-IDR slice, H.265 IDR_W_RADL / TRAIL_R NAL headers. */
	if (c->attr.venc_attr.type == HI_PT_H265)
		pkt[4] = it->seq == 0 ? 0x26 : 0x02;
	else
		pkt[4] = it->seq == 0 ? 0x65 : 0x41;
	put_be(pkt + 5, it->frame.width, 2);
	put_be(pkt + 7, it->frame.height, 2);
	put_be(pkt + 9, h, 4);
	it->out_len = 13;
}

/* Encoder thread, without the lock, after the delay: fills the packet buffer chosen at send time.
 */
static void encode(struct ascendsim_mpi_chn *base, struct ascendsim_mpi_node *node)
{
	const struct venc_chn *c = venc_of(base);
	struct venc_item *it = item_of(node);

	/* The encoder reads the frame and writes the stream now: both must still be alive. */
	if (!ascendsim_mpi_buffer_live(it->frame.virt_addr[0], frame_bytes(&it->frame)) ||
	    !ascendsim_mpi_buffer_live(it->out, it->out_cap)) {
		it->failed = VENC_ERR(HI_ERR_BAD_ADDR);
		return;
	}
	if (!is_jpeg(c)) {
		encode_synthetic(c, it);
		return;
	}
	if (!ascendsim_mpi_jpeg_encode(&it->frame, VENC_JPEG_QUALITY, it->out, it->out_cap,
				       &it->out_len))
		it->failed = VENC_ERR(HI_ERR_SIZE_NOT_ENOUGH);
}

static void init(struct ascendsim_mpi_chn *c, const void *attr)
{
	venc_of(c)->attr = *(const hi_venc_chn_attr *)attr;
}

static const struct ascendsim_mpi_chn_ops venc_ops = {
	.init = init,
	.run = encode,
	.free_node = free_node,
};

ASCENDSIM_MPI_CHN_CLASS(venc_chns, HI_ID_VENC, VENC_CHN_NUM, struct venc_chn, "encoder", &venc_ops);

MPI_EXPORT hi_s32 hi_mpi_venc_create_chn(hi_venc_chn chn, const hi_venc_chn_attr *attr)
{
	const char *api = "hi_mpi_venc_create_chn";
	hi_s32 ret;
	hi_payload_type t;

	if (!attr) {
		ret = ascendsim_mpi_fail(api, VENC_ERR(HI_ERR_NULL_PTR), "attr is NULL");
		goto end;
	}
	if ((ret = ascendsim_mpi_chn_in_range(&venc_chns, api, chn)) != HI_SUCCESS ||
	    (ret = ascendsim_mpi_chn_sys_ready(&venc_chns, api)) != HI_SUCCESS)
		goto end;
	t = attr->venc_attr.type;
	if ((t != HI_PT_H264 && t != HI_PT_H265 && t != HI_PT_JPEG && t != HI_PT_MJPEG) ||
	    attr->venc_attr.max_pic_width < 32 || attr->venc_attr.max_pic_width > 8192 ||
	    attr->venc_attr.max_pic_height < 32 || attr->venc_attr.max_pic_height > 8192) {
		ret = ascendsim_mpi_fail(api, VENC_ERR(HI_ERR_ILLEGAL_PARAM),
					 "type %d max %ux%u not supported (H.264, H.265, JPEG, "
					 "MJPEG; 32..8192)",
					 (int)t, attr->venc_attr.max_pic_width,
					 attr->venc_attr.max_pic_height);
		goto end;
	}
	ret = ascendsim_mpi_chn_create(&venc_chns, api, chn, attr);
end:
	ascendsim_mpi_log(api, ret, "chn=%d, attr=%p", chn, (const void *)attr);
	return ret;
}

MPI_EXPORT hi_s32 hi_mpi_venc_destroy_chn(hi_venc_chn chn)
{
	return ascendsim_mpi_chn_destroy(&venc_chns, "hi_mpi_venc_destroy_chn", chn);
}

MPI_EXPORT hi_s32 hi_mpi_venc_start_chn(hi_venc_chn chn, const hi_venc_start_param *recv_param)
{
	const char *api = "hi_mpi_venc_start_chn";
	struct venc_chn *c = NULL;
	hi_s32 ret;

	if (!recv_param) {
		ret = ascendsim_mpi_fail(api, VENC_ERR(HI_ERR_NULL_PTR), "recv_param is NULL");
	} else if (recv_param->recv_pic_num == 0 || recv_param->recv_pic_num < -1) {
		ret = ascendsim_mpi_fail(api, VENC_ERR(HI_ERR_ILLEGAL_PARAM),
					 "recv_pic_num %d is neither -1 nor positive",
					 recv_param->recv_pic_num);
	} else if ((c = ascendsim_mpi_chn_get(&venc_chns, api, chn, &ret))) {
		pthread_mutex_lock(&c->base.lock);
		c->started = true;
		c->recv_left = recv_param->recv_pic_num;
		pthread_mutex_unlock(&c->base.lock);
		ascendsim_mpi_chn_put(&c->base);
	}
	ascendsim_mpi_log(api, ret, "chn=%d, recv_param=%p", chn, (const void *)recv_param);
	return ret;
}

MPI_EXPORT hi_s32 hi_mpi_venc_stop_chn(hi_venc_chn chn)
{
	const char *api = "hi_mpi_venc_stop_chn";
	struct venc_chn *c = NULL;
	hi_s32 ret;

	c = ascendsim_mpi_chn_get(&venc_chns, api, chn, &ret);

	if (ret == HI_SUCCESS) {
		pthread_mutex_lock(&c->base.lock);
		c->started = false;
		pthread_mutex_unlock(&c->base.lock);
		ascendsim_mpi_chn_put(&c->base);
	}
	ascendsim_mpi_log(api, ret, "chn=%d", chn);
	return ret;
}

static hi_s32 check_frame(const char *api, const struct venc_chn *c, const hi_video_frame *f)
{
	if (!f->virt_addr[0])
		return ascendsim_mpi_fail(api, VENC_ERR(HI_ERR_NULL_PTR), "virt_addr[0] is NULL");
	if (f->pixel_format != HI_PIXEL_FORMAT_YUV_SEMIPLANAR_420 &&
	    f->pixel_format != HI_PIXEL_FORMAT_YVU_SEMIPLANAR_420)
		return ascendsim_mpi_fail(api, VENC_ERR(HI_ERR_ILLEGAL_PARAM),
					  "pixel format %d is not YUV420SP", (int)f->pixel_format);
	if (f->width == 0 || f->height == 0 || f->width % 2 || f->height % 2 ||
	    f->width > c->attr.venc_attr.max_pic_width ||
	    f->height > c->attr.venc_attr.max_pic_height || f->width_stride[0] < f->width ||
	    f->width_stride[0] % 16 || f->height_stride[0] < f->height || f->height_stride[0] % 2)
		return ascendsim_mpi_fail(
		    api, VENC_ERR(HI_ERR_ILLEGAL_PARAM),
		    "frame %ux%u strides %ux%u: needs even sizes, the channel's "
		    "%ux%u at most, width stride 16-aligned, height stride even",
		    f->width, f->height, f->width_stride[0], f->height_stride[0],
		    c->attr.venc_attr.max_pic_width, c->attr.venc_attr.max_pic_height);
	if (!ascendsim_mpi_buffer_live(f->virt_addr[0], frame_bytes(f)))
		return ascendsim_mpi_fail(api, VENC_ERR(HI_ERR_BAD_ADDR),
					  "frame %p (%llu bytes) is not in live DVPP memory",
					  f->virt_addr[0], (unsigned long long)frame_bytes(f));
	return HI_SUCCESS;
}

/* Queues frame; user_out (send_jpege_frame) receives the JPEG instead of a channel buffer. */
static hi_s32 send(const char *api, hi_venc_chn chn, const hi_video_frame_info *frame,
		   const hi_img_stream *user_out, hi_s32 milli_sec)
{
	struct venc_item *it = NULL;
	struct timespec deadline;
	struct venc_chn *c = NULL;
	void *packet = NULL;
	hi_s32 ret;

	if (!frame) {
		ret = ascendsim_mpi_fail(api, VENC_ERR(HI_ERR_NULL_PTR), "frame is NULL");
		goto end;
	}
	if (!(c = ascendsim_mpi_chn_get(&venc_chns, api, chn, &ret)))
		goto end;
	if (!ascendsim_mpi_valid_timeout(milli_sec)) {
		ret = ascendsim_mpi_fail(api, VENC_ERR(HI_ERR_ILLEGAL_PARAM),
					 "milli_sec %d is below -1", milli_sec);
		goto end;
	}
	if ((ret = check_frame(api, c, &frame->v_frame)) != HI_SUCCESS)
		goto end;
	it = calloc(1, sizeof(*it));
	if (!it) {
		ret = ascendsim_mpi_fail(api, VENC_ERR(HI_ERR_NO_MEM), "no memory for a frame");
		goto end;
	}
	it->frame = frame->v_frame;
	if (user_out) {
		if (!is_jpeg(c)) {
			ret = ascendsim_mpi_fail(api, VENC_ERR(HI_ERR_NOT_SUPPORT),
						 "channel %d does not encode JPEG", chn);
			goto end;
		}
		if (!user_out->addr) {
			ret = ascendsim_mpi_fail(api, VENC_ERR(HI_ERR_NULL_PTR),
						 "jpege_stream->addr is NULL");
			goto end;
		}
		if (!ascendsim_mpi_buffer_live(user_out->addr, user_out->len)) {
			ret = ascendsim_mpi_fail(api, VENC_ERR(HI_ERR_BAD_ADDR),
						 "output %p len %u is not in live DVPP memory",
						 (void *)user_out->addr, user_out->len);
			goto end;
		}
		it->out = user_out->addr;
		it->out_cap = user_out->len;
	} else {
		/* The stream buffer belongs to the channel, in DVPP memory. */
		uint64_t cap = is_jpeg(c) ? jpeg_bound(&it->frame) : VENC_PACKET_MAX;

		if (cap > UINT32_MAX ||
		    ascendsim_mem_alloc(ASCENDSIM_POOL_DVPP, (size_t)cap, &packet) != 0) {
			ret = ascendsim_mpi_fail(api, VENC_ERR(HI_ERR_NO_MEM),
						 "no DVPP memory for the stream buffer");
			goto end;
		}
		it->out = packet;
		it->out_cap = (hi_u32)cap;
		it->out_owned = true;
	}
	if (milli_sec > 0)
		ascendsim_mpi_deadline(milli_sec, &deadline);
	pthread_mutex_lock(&c->base.lock);
	while (c->started && !c->base.stopping &&
	       c->base.pending.n + c->base.ready.n >= VENC_MAX_QUEUED)
		if (!ascendsim_mpi_chn_wait(&c->base, milli_sec, &deadline))
			break;
	if (!c->started || c->base.stopping || c->recv_left == 0) {
		ret = ascendsim_mpi_fail(api, VENC_ERR(HI_ERR_NOT_PERM),
					 "channel %d is not receiving frames", chn);
	} else if (c->base.pending.n + c->base.ready.n >= VENC_MAX_QUEUED) {
		ret = VENC_ERR(HI_ERR_BUF_FULL);
	} else {
		if (c->recv_left > 0)
			c->recv_left--;
		it->seq = c->seq++;
		ascendsim_mpi_chn_submit_locked(&c->base, &it->node);
		it = NULL;
	}
	pthread_mutex_unlock(&c->base.lock);
end:
	if (it)
		free_item(it);
	if (c)
		ascendsim_mpi_chn_put(&c->base);
	return ret;
}

MPI_EXPORT hi_s32 hi_mpi_venc_send_frame(hi_venc_chn chn, const hi_video_frame_info *frame,
					 hi_s32 milli_sec)
{
	hi_s32 ret = send("hi_mpi_venc_send_frame", chn, frame, NULL, milli_sec);

	ascendsim_mpi_log("hi_mpi_venc_send_frame", ret,
			  "chn=%d, frame=%p {virt_addr=%p}, milli_sec=%d", chn, (const void *)frame,
			  frame ? frame->v_frame.virt_addr[0] : NULL, milli_sec);
	return ret;
}

MPI_EXPORT hi_s32 hi_mpi_venc_send_jpege_frame(hi_venc_chn chn, const hi_video_frame_info *frame,
					       const hi_img_stream *jpege_stream, hi_s32 milli_sec)
{
	const char *api = "hi_mpi_venc_send_jpege_frame";
	hi_s32 ret;

	if (!jpege_stream)
		ret = ascendsim_mpi_fail(api, VENC_ERR(HI_ERR_NULL_PTR), "jpege_stream is NULL");
	else
		ret = send(api, chn, frame, jpege_stream, milli_sec);
	ascendsim_mpi_log(api, ret,
			  "chn=%d, frame=%p {virt_addr=%p}, jpege_stream=%p {addr=%p, len=%u}, "
			  "milli_sec=%d",
			  chn, (const void *)frame, frame ? frame->v_frame.virt_addr[0] : NULL,
			  (const void *)jpege_stream,
			  jpege_stream ? (void *)jpege_stream->addr : NULL,
			  jpege_stream ? jpege_stream->len : 0, milli_sec);
	return ret;
}

MPI_EXPORT hi_s32 hi_mpi_venc_get_jpege_predicted_size(const hi_video_frame_info *frame,
						       const hi_venc_jpeg_param *jpeg_param,
						       hi_u32 *size)
{
	const char *api = "hi_mpi_venc_get_jpege_predicted_size";
	hi_s32 ret = HI_SUCCESS;

	if (!frame || !jpeg_param || !size)
		ret = ascendsim_mpi_fail(api, VENC_ERR(HI_ERR_NULL_PTR),
					 "frame, jpeg_param or size is NULL");
	else if (jpeg_bound(&frame->v_frame) > UINT32_MAX)
		ret = ascendsim_mpi_fail(
		    api, VENC_ERR(HI_ERR_ILLEGAL_PARAM), "frame strides %ux%u too large",
		    frame->v_frame.width_stride[0], frame->v_frame.height_stride[0]);
	else
		*size = (hi_u32)jpeg_bound(&frame->v_frame);
	ascendsim_mpi_log(api, ret, "frame=%p, jpeg_param=%p, size=%p -> %u", (const void *)frame,
			  (const void *)jpeg_param, (void *)size,
			  size && ret == HI_SUCCESS ? *size : 0);
	return ret;
}

MPI_EXPORT hi_s32 hi_mpi_venc_get_stream(hi_venc_chn chn, hi_venc_stream *stream, hi_s32 milli_sec)
{
	const char *api = "hi_mpi_venc_get_stream";
	struct venc_item *it = NULL;
	struct venc_chn *c = NULL;
	hi_s32 ret;

	if (!stream || !stream->pack) {
		ret = ascendsim_mpi_fail(api, VENC_ERR(HI_ERR_NULL_PTR),
					 "stream or its pack is NULL");
		goto end;
	}
	if (stream->pack_cnt == 0) {
		ret = ascendsim_mpi_fail(api, VENC_ERR(HI_ERR_ILLEGAL_PARAM), "pack_cnt is 0");
		goto end;
	}
	if (!(c = ascendsim_mpi_chn_get(&venc_chns, api, chn, &ret)))
		goto end;
	pthread_mutex_lock(&c->base.lock);
	it = item_of(ascendsim_mpi_chn_take_ready(&c->base, milli_sec));
	if (it && it->failed) {
		ret = ascendsim_mpi_fail(api, it->failed, "frame %p: %s", it->frame.virt_addr[0],
					 it->failed == VENC_ERR(HI_ERR_BAD_ADDR)
					     ? "a buffer was freed before the encoder used it"
					     : "the stream does not fit the output buffer");
		free_item(it);
	} else if (it) {
		hi_venc_pack *p = &stream->pack[0];
		bool h265 = c->attr.venc_attr.type == HI_PT_H265;

		memset(p, 0, sizeof(*p));
		p->phys_addr = (hi_u64)(uintptr_t)it->out;
		p->addr = it->out;
		p->len = it->out_len;
		p->pts = it->frame.pts;
		p->is_frame_end = HI_TRUE;
		if (c->attr.venc_attr.type == HI_PT_JPEG || c->attr.venc_attr.type == HI_PT_MJPEG)
			p->data_type.jpeg_type = HI_VENC_JPEG_PACK_PIC;
		else if (h265)
			p->data_type.h265_type =
			    it->seq == 0 ? HI_VENC_H265_NALU_IDR_SLICE : HI_VENC_H265_NALU_P_SLICE;
		else
			p->data_type.h264_type =
			    it->seq == 0 ? HI_VENC_H264_NALU_IDR_SLICE : HI_VENC_H264_NALU_P_SLICE;
		p->data_num = 1;
		stream->pack_cnt = 1;
		stream->seq = it->seq;
		ascendsim_mpi_queue_push(&c->base.out, &it->node);
	} else {
		ret = VENC_ERR(HI_ERR_BUF_EMPTY);
	}
	pthread_cond_broadcast(&c->base.cond);
	pthread_mutex_unlock(&c->base.lock);
end:
	if (c)
		ascendsim_mpi_chn_put(&c->base);
	ascendsim_mpi_log(api, ret, "chn=%d, stream=%p, milli_sec=%d", chn, (void *)stream,
			  milli_sec);
	return ret;
}

/* The handed-out packet whose bytes start at key. */
static bool packet_at(const struct ascendsim_mpi_node *node, const void *key)
{
	return ASCENDSIM_MPI_OUTER(node, const struct venc_item, node)->out == key;
}

MPI_EXPORT hi_s32 hi_mpi_venc_release_stream(hi_venc_chn chn, hi_venc_stream *stream)
{
	const char *api = "hi_mpi_venc_release_stream";
	struct venc_item *it = NULL;
	struct venc_chn *c = NULL;
	hi_s32 ret;

	if (!stream || !stream->pack) {
		ret = ascendsim_mpi_fail(api, VENC_ERR(HI_ERR_NULL_PTR),
					 "stream or its pack is NULL");
		goto end;
	}
	if (!(c = ascendsim_mpi_chn_get(&venc_chns, api, chn, &ret)))
		goto end;
	pthread_mutex_lock(&c->base.lock);
	it = item_of(ascendsim_mpi_queue_take(&c->base.out, packet_at, stream->pack[0].addr));
	pthread_mutex_unlock(&c->base.lock);
	if (it)
		free_item(it);
	else
		ret = ascendsim_mpi_fail(api, VENC_ERR(HI_ERR_ILLEGAL_PARAM),
					 "stream %p was not handed out by channel %d (or released)",
					 (void *)stream->pack[0].addr, chn);
end:
	if (c)
		ascendsim_mpi_chn_put(&c->base);
	ascendsim_mpi_log(api, ret, "chn=%d, stream=%p", chn, (void *)stream);
	return ret;
}
