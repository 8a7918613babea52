/* SPDX-License-Identifier: MIT */
/*
 * Video decoding channels. Buffers, threads and timing are real; the picture is synthetic: the
 * decoder does not parse H.264/H.265 but writes a frame whose content is derived from the bytes
 * it was given (a gradient seeded by their hash), so results depend on the input and can be
 * recomputed by a test.
 */
#include "dvpp_internal.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

struct vdec_frame {
	struct ascendsim_dvpp_video *video;
	aclvdecCallback callback;
	acldvppStreamDesc *input;
	acldvppPicDesc *output; /* NULL for skipped frames and end of stream */
	void *user_data;
	const uint8_t *in_data;
	uint32_t in_size;
	struct ascendsim_image out; /* geometry decided at the call */
	bool eos;
};

static void frame_deliver(void *arg)
{
	struct vdec_frame *f = arg;
	struct ascendsim_dvpp_video *v = f->video;

	f->callback(f->input, f->output, f->user_data);
	free(f);
	ascendsim_dvpp_video_done(v);
}

static void frame_discard(void *arg)
{
	free(arg);
}

/* Y(x, y) = seed + x + 2y, U and V constant from the seed: one byte of input changes it all. */
static void synthesize(const struct vdec_frame *f, uint64_t seed)
{
	const struct ascendsim_image *o = &f->out;
	uint8_t *uv = o->data + (size_t)o->width_stride * o->height_stride;
	uint8_t u = (uint8_t)(seed >> 8), v = (uint8_t)(seed >> 16);
	bool vu = o->format == PIXEL_FORMAT_YVU_SEMIPLANAR_420;

	for (uint32_t y = 0; y < o->height; y++)
		for (uint32_t x = 0; x < o->width; x++)
			o->data[(size_t)y * o->width_stride + x] = (uint8_t)(seed + x + 2 * y);
	for (uint32_t y = 0; y < o->height / 2; y++)
		for (uint32_t x = 0; x + 1 < o->width; x += 2) {
			uv[(size_t)y * o->width_stride + x] = vu ? v : u;
			uv[(size_t)y * o->width_stride + x + 1] = vu ? u : v;
		}
}

static int frame_decode(void *arg)
{
	struct vdec_frame *f = arg;
	unsigned pools = ascendsim_dvpp_buffer_pools();
	uint32_t ret_code = 0;

	if (!f->eos) {
		if (!ascendsim_mem_check_range(f->in_data, f->in_size, pools)) {
			ascendsim_warn("aclvdecSendFrame: stream buffer %p was released before it "
				       "was decoded",
				       (const void *)f->in_data);
			ret_code = 1;
		} else if (f->output &&
			   !ascendsim_mem_check_range(f->out.data, (size_t)f->out.size, pools)) {
			ascendsim_warn("aclvdecSendFrame: output buffer %p was released before "
				       "the frame was written",
				       (void *)f->out.data);
			ret_code = 1;
		} else if (f->output) {
			synthesize(f, ascendsim_dvpp_hash(f->in_data, f->in_size));
		}
	}
	if (f->output && ascendsim_dvpp_live_lock(f->output)) {
		f->output->width = f->out.width;
		f->output->height = f->out.height;
		f->output->width_stride = f->out.width_stride;
		f->output->height_stride = f->out.height_stride;
		f->output->format = f->out.format;
		f->output->ret_code = ret_code;
		ascendsim_dvpp_live_unlock();
	}
	if (ascendsim_dvpp_live_lock(f->input)) {
		f->input->ret_code = ret_code;
		ascendsim_dvpp_live_unlock();
	}
	ascendsim_dvpp_video_post(f->video, frame_deliver, f, frame_discard);
	/* Decoder failures travel in the descriptions' return codes, not on a user stream. */
	return 0;
}

aclError aclvdecCreateChannel(aclvdecChannelDesc *channelDesc)
{
	static const char api[] = "aclvdecCreateChannel";
	aclError ret = ACL_ERROR_INVALID_PARAM;

	if (!channelDesc || channelDesc->video) {
		ascendsim_warn("%s: description missing or channel already created", api);
	} else if (!channelDesc->callback || channelDesc->thread_id == 0) {
		ascendsim_warn("%s: set a callback and a callback thread id first", api);
	} else {
		ret = ascendsim_dvpp_video_open(api, channelDesc->thread_id, &channelDesc->video);
	}
	ascendsim_dvpp_log(api, ret, "%p", (void *)channelDesc);
	return ret;
}

aclError aclvdecDestroyChannel(aclvdecChannelDesc *channelDesc)
{
	static const char api[] = "aclvdecDestroyChannel";
	aclError ret = ACL_ERROR_INVALID_PARAM;

	if (channelDesc && channelDesc->video) {
		ascendsim_dvpp_video_close(api, channelDesc->video);
		channelDesc->video = NULL;
		ret = ACL_SUCCESS;
	}
	ascendsim_dvpp_log(api, ret, "%p", (void *)channelDesc);
	return ret;
}

/* The output frame: its geometry, checked against the decoder's rules and the buffer. */
static aclError check_output(const char *api, const aclvdecChannelDesc *ch,
			     const acldvppPicDesc *out, struct ascendsim_image *img)
{
	struct ascendsim_img_rules r;
	char why[256] = "";
	aclError ret;

	ascendsim_dvpp_pic_image(out, img);
	if (!out->format_set)
		img->format = ch->out_pic_format;
	if (img->width == 0)
		img->width = ch->out_pic_width;
	if (img->height == 0)
		img->height = ch->out_pic_height;
	if (img->width == 0 || img->height == 0) {
		ascendsim_warn("%s: output size unknown: set it on the picture or the channel",
			       api);
		return ACL_ERROR_INVALID_PARAM;
	}
	if (img->width_stride == 0)
		img->width_stride = ascendsim_img_align_up(img->width, 16);
	if (img->height_stride == 0)
		img->height_stride = ascendsim_img_align_up(img->height, 2);
	if (ascendsim_img_get_rules(ASCENDSIM_IMG_API_VDEC_OUT, ascendsim_dvpp_soc(), img->format,
				    true, &r) != ASCENDSIM_IMG_OK) {
		ascendsim_warn("%s: the decoder cannot output format %" PRId32, api, img->format);
		return ACL_ERROR_INVALID_PARAM;
	}
	if (ascendsim_img_validate(img, &r, why, sizeof(why)) != ASCENDSIM_IMG_OK) {
		ascendsim_warn("%s: output picture rejected: %s", api, why);
		return ACL_ERROR_INVALID_PARAM;
	}
	ret = ascendsim_dvpp_check_buffer(api, "output picture", out->data, out->size);
	return ret;
}

static aclError send_frame(const char *api, aclvdecChannelDesc *ch, acldvppStreamDesc *input,
			   acldvppPicDesc *output, void *user_data, bool skipped)
{
	struct vdec_frame *f;
	aclError ret;

	if (!ch || !ch->video) {
		ascendsim_warn("%s: channel not created", api);
		return ACL_ERROR_INVALID_PARAM;
	}
	if (!input) {
		ascendsim_warn("%s: input stream description is NULL", api);
		return ACL_ERROR_INVALID_PARAM;
	}
	f = calloc(1, sizeof(*f));
	if (!f)
		return ACL_ERROR_BAD_ALLOC;
	f->video = ch->video;
	f->callback = ch->callback;
	f->input = input;
	f->user_data = user_data;
	f->eos = input->eos != 0;
	if (!f->eos) {
		ret = ascendsim_dvpp_check_buffer(api, "input stream", input->data, input->size);
		if (ret != ACL_SUCCESS)
			goto fail;
		f->in_data = input->data;
		f->in_size = input->size;
		if (!skipped) {
			ret = ACL_ERROR_INVALID_PARAM;
			if (!output) {
				ascendsim_warn("%s: output picture description is NULL", api);
				goto fail;
			}
			ret = check_output(api, ch, output, &f->out);
			if (ret != ACL_SUCCESS)
				goto fail;
			f->output = output;
		}
	}
	ret = ascendsim_dvpp_video_submit(ch->video, frame_decode, f, NULL);
	if (ret != ACL_SUCCESS)
		goto fail;
	return ACL_SUCCESS;
fail:
	free(f);
	return ret;
}

aclError aclvdecSendFrame(aclvdecChannelDesc *channelDesc, acldvppStreamDesc *input,
			  acldvppPicDesc *output, aclvdecFrameConfig *config, void *userData)
{
	aclError ret = send_frame("aclvdecSendFrame", channelDesc, input, output, userData, false);

	ascendsim_dvpp_log("aclvdecSendFrame", ret, "%p, %p, %p, %p, %p", (void *)channelDesc,
			   (void *)input, (void *)output, (void *)config, userData);
	return ret;
}

aclError aclvdecSendSkippedFrame(aclvdecChannelDesc *channelDesc, acldvppStreamDesc *input,
				 aclvdecFrameConfig *config, void *userData)
{
	aclError ret =
	    send_frame("aclvdecSendSkippedFrame", channelDesc, input, NULL, userData, true);

	ascendsim_dvpp_log("aclvdecSendSkippedFrame", ret, "%p, %p, %p, %p", (void *)channelDesc,
			   (void *)input, (void *)config, userData);
	return ret;
}
