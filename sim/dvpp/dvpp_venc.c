/* SPDX-License-Identifier: MIT */
/*
 * Video encoding channels. Input checks, the stream buffer, threads and timing are real; the
 * bitstream is synthetic: per frame one H.264/H.265 NAL unit (IDR or not, as the key frame
 * interval and forced I-frames say) whose payload is the frame number and a hash of the input
 * picture, written into the channel's stream buffer.
 */
#include "dvpp_internal.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

/* The encoder's picture range. */
#define VENC_MIN_DIM 128u
#define VENC_MAX_DIM 1920u
/* Stream buffer the channel allocates when the caller gives none. */
#define VENC_DEFAULT_BUF (2u << 20)

struct venc_frame {
	aclvencChannelDesc *ch;
	struct ascendsim_dvpp_video *video;
	aclvencCallback callback;
	acldvppPicDesc *input;
	void *user_data;
	struct ascendsim_image in;
	bool force_i;
	struct acldvppStreamDesc out; /* handed to the callback, valid during it */
};

static void frame_deliver(void *arg)
{
	struct venc_frame *f = arg;
	struct ascendsim_dvpp_video *v = f->video;

	f->callback(f->input, &f->out, f->user_data);
	free(f);
	ascendsim_dvpp_video_done(v);
}

static void frame_discard(void *arg)
{
	free(arg);
}

static uint64_t picture_hash(const struct ascendsim_image *img)
{
	uint64_t h = 0;

	/* Visible pixels only: luma rows, then the interleaved chroma rows. */
	for (uint32_t y = 0; y < img->height; y++)
		h = h * 31 +
		    ascendsim_dvpp_hash(img->data + (size_t)y * img->width_stride, img->width);
	for (uint32_t y = 0; y < img->height / 2; y++)
		h = h * 31 +
		    ascendsim_dvpp_hash(img->data + (size_t)img->width_stride * img->height_stride +
					    (size_t)y * img->width_stride,
					img->width);
	return h;
}

static uint32_t write_nal(uint8_t *p, int32_t en_type, bool idr, uint64_t index, uint64_t hash)
{
	uint32_t n = 0;

	p[n++] = 0;
	p[n++] = 0;
	p[n++] = 0;
	p[n++] = 1;
	if (en_type == H265_MAIN_LEVEL) {
		p[n++] = idr ? 0x26 : 0x02; /* IDR_W_RADL or TRAIL_R, layer 0 */
		p[n++] = 0x01;
	} else {
		p[n++] = idr ? 0x65 : 0x41; /* IDR slice or non-IDR slice */
	}
	for (int i = 0; i < 8; i++)
		p[n++] = (uint8_t)(index >> (8 * i));
	for (int i = 0; i < 8; i++)
		p[n++] = (uint8_t)(hash >> (8 * i));
	return n;
}

static int frame_encode(void *arg)
{
	struct venc_frame *f = arg;
	aclvencChannelDesc *ch = f->ch;
	unsigned pools = ascendsim_dvpp_buffer_pools();
	uint8_t nal[32];
	uint32_t len;
	bool idr;

	if (!ascendsim_mem_check_range(f->in.data, (size_t)f->in.size, pools) ||
	    !ascendsim_mem_check_range(ch->ring, ch->ring_size, pools)) {
		ascendsim_warn("aclvencSendFrame: input %p or stream buffer %p was released before "
			       "the frame was encoded",
			       (void *)f->in.data, (void *)ch->ring);
		f->out.ret_code = 1;
		goto post;
	}
	idr = f->force_i || ch->key_frame_interval == 0 ||
	      ch->frame_index % ch->key_frame_interval == 0;
	len = write_nal(nal, ch->en_type, idr, ch->frame_index, picture_hash(&f->in));
	if (ch->ring_pos + len > ch->ring_size)
		ch->ring_pos = 0;
	memcpy(ch->ring + ch->ring_pos, nal, len);
	f->out.data = ch->ring + ch->ring_pos;
	f->out.size = len;
	ch->ring_pos += len;
	ch->frame_index++;
post:
	f->out.format = ch->en_type;
	f->out.timestamp = ch->frame_index;
	ascendsim_dvpp_video_post(f->video, frame_deliver, f, frame_discard);
	return 0;
}

static aclError create_channel(const char *api, aclvencChannelDesc *d)
{
	aclError ret;

	if (!d || d->video) {
		ascendsim_warn("%s: description missing or channel already created", api);
		return ACL_ERROR_INVALID_PARAM;
	}
	if (!d->callback || d->thread_id == 0) {
		ascendsim_warn("%s: set a callback and a callback thread id first", api);
		return ACL_ERROR_INVALID_PARAM;
	}
	if (d->pic_width < VENC_MIN_DIM || d->pic_width > VENC_MAX_DIM ||
	    d->pic_height < VENC_MIN_DIM || d->pic_height > VENC_MAX_DIM) {
		ascendsim_warn("%s: picture %" PRIu32 "x%" PRIu32 " is outside %ux%u..%ux%u", api,
			       d->pic_width, d->pic_height, VENC_MIN_DIM, VENC_MIN_DIM,
			       VENC_MAX_DIM, VENC_MAX_DIM);
		return ACL_ERROR_INVALID_PARAM;
	}
	if (d->buf_addr) {
		ret = ascendsim_dvpp_check_buffer(api, "stream buffer", d->buf_addr, d->buf_size);
		if (ret != ACL_SUCCESS)
			return ret;
		d->ring = d->buf_addr;
		d->ring_size = d->buf_size;
	} else {
		d->ring_size = d->buf_size ? d->buf_size : VENC_DEFAULT_BUF;
		ret = ascendsim_mem_alloc(ASCENDSIM_POOL_DVPP, d->ring_size, &d->own_buf);
		if (ret != ACL_SUCCESS)
			return ret;
		d->ring = d->own_buf;
	}
	d->ring_pos = 0;
	d->frame_index = 0;
	ret = ascendsim_dvpp_video_open(api, d->thread_id, &d->video);
	if (ret != ACL_SUCCESS && d->own_buf) {
		(void)ascendsim_mem_free(d->own_buf);
		d->own_buf = NULL;
	}
	return ret;
}

aclError aclvencCreateChannel(aclvencChannelDesc *channelDesc)
{
	aclError ret = create_channel("aclvencCreateChannel", channelDesc);

	ascendsim_dvpp_log("aclvencCreateChannel", ret, "%p", (void *)channelDesc);
	return ret;
}

aclError aclvencDestroyChannel(aclvencChannelDesc *channelDesc)
{
	static const char api[] = "aclvencDestroyChannel";
	aclError ret = ACL_ERROR_INVALID_PARAM;

	if (channelDesc && channelDesc->video) {
		ascendsim_dvpp_video_close(api, channelDesc->video);
		channelDesc->video = NULL;
		if (channelDesc->own_buf)
			(void)ascendsim_mem_free(channelDesc->own_buf);
		channelDesc->own_buf = NULL;
		channelDesc->ring = NULL;
		ret = ACL_SUCCESS;
	}
	ascendsim_dvpp_log(api, ret, "%p", (void *)channelDesc);
	return ret;
}

static aclError send_frame(const char *api, aclvencChannelDesc *ch, acldvppPicDesc *input,
			   const aclvencFrameConfig *config, void *user_data)
{
	struct venc_frame *f;
	aclError ret;

	if (!ch || !ch->video) {
		ascendsim_warn("%s: channel not created", api);
		return ACL_ERROR_INVALID_PARAM;
	}
	/* End of stream: nothing to encode, frames before it are already queued. */
	if (config && config->eos)
		return ACL_SUCCESS;
	f = calloc(1, sizeof(*f));
	if (!f)
		return ACL_ERROR_BAD_ALLOC;
	ret = ascendsim_dvpp_check_pic(api, "input", input, ASCENDSIM_IMG_API_JPEGE_IN, false,
				       &f->in);
	if (ret != ACL_SUCCESS)
		goto fail;
	ret = ACL_ERROR_INVALID_PARAM;
	if (f->in.format != ch->pic_format || f->in.width != ch->pic_width ||
	    f->in.height != ch->pic_height) {
		ascendsim_warn("%s: input %" PRIu32 "x%" PRIu32 " format %" PRId32
			       " does not match the channel's %" PRIu32 "x%" PRIu32
			       " format %" PRId32,
			       api, f->in.width, f->in.height, f->in.format, ch->pic_width,
			       ch->pic_height, ch->pic_format);
		goto fail;
	}
	f->ch = ch;
	f->video = ch->video;
	f->callback = ch->callback;
	f->input = input;
	f->user_data = user_data;
	f->force_i = config && config->force_i_frame;
	ret = ascendsim_dvpp_video_submit(ch->video, frame_encode, f, NULL);
	if (ret != ACL_SUCCESS)
		goto fail;
	return ACL_SUCCESS;
fail:
	free(f);
	return ret;
}

aclError aclvencSendFrame(aclvencChannelDesc *channelDesc, acldvppPicDesc *input, void *reserve,
			  aclvencFrameConfig *config, void *userdata)
{
	aclError ret = send_frame("aclvencSendFrame", channelDesc, input, config, userdata);

	ascendsim_dvpp_log("aclvencSendFrame", ret, "%p, %p, %p, %p, %p", (void *)channelDesc,
			   (void *)input, reserve, (void *)config, userdata);
	return ret;
}
