/* SPDX-License-Identifier: MIT */
/*
 * DVPP V1 video frames in flight. A frame sent with aclvdecSendFrame / aclvencSendFrame keeps its
 * buffers in use until its callback runs. The channel's callback is replaced by acltrace's own,
 * which finds the frame by the callback's arguments, retires it and calls the program's
 * callback; destroying the channel (which waits for the callbacks in flight) retires the rest.
 */
#ifndef ACLTRACE_VIDEO_H
#define ACLTRACE_VIDEO_H

#include "acltrace_tasks.h"

#include <stdbool.h>
#include <stdint.h>

enum acltrace_video_kind {
	ACLTRACE_VIDEO_VDEC = 0,
	ACLTRACE_VIDEO_VENC = 1,
};

typedef void (*acltrace_video_cb)(void *input, void *output, void *user);

/* *cb is the program's callback for chan: remembered, and replaced by acltrace's. */
void acltrace_video_set_callback(unsigned kind, const void *chan, acltrace_video_cb *cb);
/* Before forwarding a send: the frame and the buffers it uses (may be none). Returns its id. */
uint64_t acltrace_video_frame(unsigned kind, unsigned api, const void *chan, const void *input,
			      const void *output, void *user, const struct acltrace_task_buf *bufs,
			      unsigned nbufs, uint32_t stack);
/* The send failed: the frame never runs. */
void acltrace_video_frame_cancel(uint64_t id, unsigned api);
/* The channel was destroyed: its callbacks have run (or never will). */
void acltrace_video_channel_done(unsigned kind, const void *chan, unsigned api);
/* What the runtime reports as chan's callback (got), as the program set it. */
acltrace_video_cb acltrace_video_program_callback(unsigned kind, const void *chan,
						  acltrace_video_cb got);
/* The channel description was destroyed. */
void acltrace_video_forget_channel(unsigned kind, const void *chan);
void acltrace_video_atfork_child(void);

#endif
