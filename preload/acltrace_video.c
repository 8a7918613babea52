/* SPDX-License-Identifier: MIT */
#include "acltrace_video.h"

#include "acltrace_log.h"

#include <pthread.h>
#include <string.h>

#define MAX_CHANNELS 256u
#define MAX_FRAMES   4096u /* in flight at once; the oldest is assumed done beyond that */

struct channel {
	const void *chan;
	acltrace_video_cb fn;
	uint8_t kind;
	bool used;
};

struct frame {
	const void *chan;
	const void *input, *output;
	void *user;
	uint64_t id;
	uint16_t api;
	uint8_t kind;
	bool used;
};

static struct channel channels[MAX_CHANNELS];
static struct frame frames[MAX_FRAMES];
static uint64_t next_id = 1;
static pthread_mutex_t video_lock = PTHREAD_MUTEX_INITIALIZER;

static void video_vdec_cb(void *input, void *output, void *user);
static void video_venc_cb(void *input, void *output, void *user);

static struct channel *channel_of(unsigned kind, const void *chan)
{
	for (unsigned i = 0; i < MAX_CHANNELS; i++)
		if (channels[i].used && channels[i].kind == kind && channels[i].chan == chan)
			return &channels[i];
	return NULL;
}

void acltrace_video_set_callback(unsigned kind, const void *chan, acltrace_video_cb *cb)
{
	struct channel *c;

	if (!*cb || !chan)
		return;
	pthread_mutex_lock(&video_lock);
	c = channel_of(kind, chan);
	for (unsigned i = 0; !c && i < MAX_CHANNELS; i++)
		if (!channels[i].used)
			c = &channels[i];
	if (c)
		*c = (struct channel){
			.chan = chan, .fn = *cb, .kind = (uint8_t)kind, .used = true
		};
	pthread_mutex_unlock(&video_lock);
	if (!c) {
		/* Untracked: the program's own callback stays, its frames are not tracked. */
		acltrace_warn("more than %u video channel descriptions: frames of %p not tracked",
			      MAX_CHANNELS, chan);
		return;
	}
	*cb = kind == ACLTRACE_VIDEO_VDEC ? video_vdec_cb : video_venc_cb;
}

static void retire_frame(struct frame *f, unsigned api)
{
	acltrace_tasks_retire_task(ACLTRACE_QUEUE_VIDEO, (uint64_t)(uintptr_t)f->chan, f->id, false,
				   api);
	f->used = false;
}

uint64_t acltrace_video_frame(unsigned kind, unsigned api, const void *chan, const void *input,
			      const void *output, void *user, const struct acltrace_task_buf *bufs,
			      unsigned nbufs, uint32_t stack)
{
	struct frame *f = NULL;
	uint64_t id;

	pthread_mutex_lock(&video_lock);
	if (!channel_of(kind, chan)) {
		/* Its callback is the program's own: nothing would retire the frame. */
		pthread_mutex_unlock(&video_lock);
		return 0;
	}
	for (unsigned i = 0; !f && i < MAX_FRAMES; i++)
		if (!frames[i].used)
			f = &frames[i];
	if (!f) {
		f = &frames[0];
		for (unsigned i = 1; i < MAX_FRAMES; i++)
			if (frames[i].id < f->id)
				f = &frames[i];
		retire_frame(f, api);
	}
	id = next_id++;
	*f = (struct frame){ .chan = chan,
			     .input = input,
			     .output = output,
			     .user = user,
			     .id = id,
			     .api = (uint16_t)api,
			     .kind = (uint8_t)kind,
			     .used = true };
	pthread_mutex_unlock(&video_lock);
	if (nbufs)
		acltrace_tasks_submit(api, ACLTRACE_QUEUE_VIDEO, (uint64_t)(uintptr_t)chan, id,
				      bufs, nbufs, stack);
	return id;
}

void acltrace_video_frame_cancel(uint64_t id, unsigned api)
{
	if (!id)
		return;
	pthread_mutex_lock(&video_lock);
	for (unsigned i = 0; i < MAX_FRAMES; i++)
		if (frames[i].used && frames[i].id == id)
			retire_frame(&frames[i], api);
	pthread_mutex_unlock(&video_lock);
}

void acltrace_video_channel_done(unsigned kind, const void *chan, unsigned api)
{
	pthread_mutex_lock(&video_lock);
	for (unsigned i = 0; i < MAX_FRAMES; i++)
		if (frames[i].used && frames[i].kind == kind && frames[i].chan == chan)
			retire_frame(&frames[i], api);
	pthread_mutex_unlock(&video_lock);
	acltrace_tasks_retire_task(ACLTRACE_QUEUE_VIDEO, (uint64_t)(uintptr_t)chan, 0, true, api);
}

/* The program's callback for a callback acltrace received: its frame's channel's, else (a
 * callback of a send acltrace did not see) the one program callback of that kind. */
static acltrace_video_cb deliver(unsigned kind, void *input, void *output, void *user)
{
	struct frame *best = NULL;
	struct channel *c = NULL;
	acltrace_video_cb fn = NULL;

	pthread_mutex_lock(&video_lock);
	for (unsigned i = 0; i < MAX_FRAMES; i++) {
		struct frame *f = &frames[i];

		/* Frames are delivered in order: the oldest match is this one. */
		if (f->used && f->kind == kind && f->input == input && f->user == user &&
		    (!f->output || !output || f->output == output) && (!best || f->id < best->id))
			best = f;
	}
	if (best) {
		c = channel_of(kind, best->chan);
		retire_frame(best, best->api);
	}
	if (c) {
		fn = c->fn;
	} else {
		for (unsigned i = 0; i < MAX_CHANNELS; i++) {
			if (!channels[i].used || channels[i].kind != kind)
				continue;
			if (fn && fn != channels[i].fn) {
				fn = NULL;
				break;
			}
			fn = channels[i].fn;
		}
	}
	pthread_mutex_unlock(&video_lock);
	if (!fn)
		acltrace_warn("a %s callback (input %p) matches no frame sent through acltrace and "
			      "the channels' callbacks differ: not delivered",
			      kind == ACLTRACE_VIDEO_VDEC ? "video decoder" : "video encoder",
			      input);
	return fn;
}

static void video_vdec_cb(void *input, void *output, void *user)
{
	acltrace_video_cb fn = deliver(ACLTRACE_VIDEO_VDEC, input, output, user);

	if (fn)
		fn(input, output, user);
}

static void video_venc_cb(void *input, void *output, void *user)
{
	acltrace_video_cb fn = deliver(ACLTRACE_VIDEO_VENC, input, output, user);

	if (fn)
		fn(input, output, user);
}

acltrace_video_cb acltrace_video_program_callback(unsigned kind, const void *chan,
						  acltrace_video_cb got)
{
	struct channel *c;

	if (got != video_vdec_cb && got != video_venc_cb)
		return got;
	pthread_mutex_lock(&video_lock);
	c = channel_of(kind, chan);
	if (c)
		got = c->fn;
	pthread_mutex_unlock(&video_lock);
	return got;
}

void acltrace_video_forget_channel(unsigned kind, const void *chan)
{
	struct channel *c;

	pthread_mutex_lock(&video_lock);
	c = channel_of(kind, chan);
	if (c)
		c->used = false;
	pthread_mutex_unlock(&video_lock);
}

void acltrace_video_atfork_child(void)
{
	/* Callbacks registered stay valid in the child; frames in flight do not exist there. */
	pthread_mutex_init(&video_lock, NULL);
	for (unsigned i = 0; i < MAX_FRAMES; i++)
		frames[i].used = false;
}
