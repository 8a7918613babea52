/* SPDX-License-Identifier: MIT */
/*
 * Internals of the simulated libacl_dvpp.so (DVPP V1): the objects behind the opaque handles of
 * acl/ops/acl_dvpp.h, the buffer checks the real user library makes, and the task helpers.
 */
#ifndef ASCENDSIM_DVPP_INTERNAL_H
#define ASCENDSIM_DVPP_INTERNAL_H

#define ENABLE_DVPP_INTERFACE 1

#include "acl/acl.h"
#include "acl/ops/acl_dvpp.h"
#include "ascendsim.h"
#include "ascendsim_imaging.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>

struct acldvppPicDesc {
	void *data;
	uint32_t size;
	int32_t format;
	bool format_set; /* JPEG decoding outputs NV12 unless the caller chose a format */
	uint32_t width, height;
	uint32_t width_stride, height_stride;
	uint32_t ret_code;
	bool in_batch; /* owned by an acldvppBatchPicDesc, not destroyable on its own */
};

struct acldvppBatchPicDesc {
	uint32_t count;
	struct acldvppPicDesc *pics;
};

struct acldvppRoiConfig {
	uint32_t left, right, top, bottom; /* inclusive: right and bottom are the last column/row */
};

struct acldvppResizeConfig {
	uint32_t interpolation;
};

struct acldvppJpegeConfig {
	uint32_t level;
};

struct acldvppBorderConfig {
	double value[4];
	int32_t type;
	uint32_t top, bottom, left, right;
};

#define ASCENDSIM_DVPP_LUT_DIMS	 3
#define ASCENDSIM_DVPP_HIST_DIMS 3
#define ASCENDSIM_DVPP_BINS	 256

struct acldvppLutMap {
	uint8_t map[ASCENDSIM_DVPP_LUT_DIMS][ASCENDSIM_DVPP_BINS];
};

struct acldvppHist {
	uint32_t bins[ASCENDSIM_DVPP_HIST_DIMS][ASCENDSIM_DVPP_BINS];
	uint32_t ret_code;
};

struct acldvppChannelDesc {
	uint32_t mode; /* DVPP_CHNMODE_* bits; 0 means every mode */
	uint32_t csc_matrix;
	uint32_t width, height;
	uint64_t channel_id;
	bool created;
};

struct acldvppStreamDesc {
	void *data;
	uint32_t size;
	int32_t format;
	uint64_t timestamp;
	uint32_t ret_code;
	uint8_t eos;
};

struct aclvdecFrameConfig {
	uint32_t reserved;
};

struct aclvencFrameConfig {
	uint8_t force_i_frame;
	uint8_t eos;
};

/* The device side of a video channel: its own stream, with the callback thread subscribed. */
struct ascendsim_dvpp_video {
	aclrtStream stream;
	uint64_t thread_id;
	atomic_int pending; /* frames sent whose callback has not run yet */
};

struct aclvdecChannelDesc {
	uint32_t channel_id;
	uint64_t thread_id;
	aclvdecCallback callback;
	int32_t en_type;
	int32_t out_pic_format;
	uint32_t out_pic_width, out_pic_height;
	uint32_t ref_frame_num;
	uint32_t bit_depth;
	uint32_t out_mode;
	uint32_t csc_matrix;
	struct ascendsim_dvpp_video *video; /* non-NULL while the channel exists */
};

struct aclvencChannelDesc {
	uint32_t channel_id;
	uint64_t thread_id;
	aclvencCallback callback;
	int32_t en_type;
	int32_t pic_format;
	uint32_t pic_width, pic_height;
	uint32_t key_frame_interval;
	void *buf_addr;
	uint32_t buf_size;
	uint32_t rc_mode, src_rate, max_bit_rate, max_ip_prop;
	struct ascendsim_dvpp_video *video;
	void *own_buf; /* stream buffer the channel allocated when the caller gave none */
	uint8_t *ring; /* where encoded frames go: buf_addr or own_buf */
	uint32_t ring_size;
	uint32_t ring_pos;    /* worker-only */
	uint64_t frame_index; /* frames encoded, worker-only */
};

/* ---- logging ---------------------------------------------------------------------------- */

/* One ASCEND_SIM_LOG line for a public call: "api(args) = ret". */
void ascendsim_dvpp_log(const char *api, int ret, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* ---- live descriptions (dvpp_live.c) ---------------------------------------------------- */

/* Registers a picture or stream description for as long as it exists. */
bool ascendsim_dvpp_live_add(const void *obj);
/* Unregisters it; false when it was not registered (unknown or already destroyed). */
bool ascendsim_dvpp_live_remove(const void *obj);
/* A zeroed description of size bytes, registered as live; NULL when out of memory. */
void *ascendsim_dvpp_live_new(size_t size);
/* True, with the registry locked, when obj is live: write into it, then unlock. */
bool ascendsim_dvpp_live_lock(const void *obj);
void ascendsim_dvpp_live_unlock(void);

/* ---- checks ----------------------------------------------------------------------------- */

enum ascendsim_soc ascendsim_dvpp_soc(void);

/* Pool mask a DVPP buffer may come from on the current SoC (DVPP, plus device memory on A2). */
unsigned ascendsim_dvpp_buffer_pools(void);

/*
 * The user library's address check: first and last byte of [addr, addr + len) in live memory of
 * the accepted pools. what names the buffer in the diagnostic. Returns ACL_SUCCESS or
 * ACL_ERROR_INVALID_PARAM.
 */
aclError ascendsim_dvpp_check_buffer(const char *api, const char *what, const void *addr,
				     uint64_t len);

/* Snapshot of a picture description as an imaging picture. */
void ascendsim_dvpp_pic_image(const struct acldvppPicDesc *pic, struct ascendsim_image *img);

/*
 * Full check of a picture for api: description present, format/strides/size against the SoC
 * rules, buffer in accepted memory. Fills img. Returns ACL_SUCCESS or ACL_ERROR_INVALID_PARAM.
 */
aclError ascendsim_dvpp_check_pic(const char *api, const char *what,
				  const struct acldvppPicDesc *pic,
				  enum ascendsim_img_api rules_api, bool is_output,
				  struct ascendsim_image *img);

/* The channel was created (acldvppCreateChannel) and serves mode. */
aclError ascendsim_dvpp_check_channel(const char *api, const struct acldvppChannelDesc *ch,
				      uint32_t mode);

/* The ROI lies inside a width x height picture with even left/top, odd right/bottom. */
aclError ascendsim_dvpp_check_roi(const char *api, const char *what,
				  const struct acldvppRoiConfig *roi, uint32_t width,
				  uint32_t height, struct ascendsim_rect *rect);

/* Resize config interpolation to the engine's; ACL_ERROR_INVALID_PARAM for unknown values. */
aclError ascendsim_dvpp_interp(const char *api, const struct acldvppResizeConfig *cfg,
			       enum ascendsim_img_interp *out);

/* Device-side failure code a task reports at synchronization. */
/* V1 DVPP tasks run as AI CPU kernels on the device; their failures surface as AI CPU faults. */
#define ASCENDSIM_DVPP_TASK_ERROR ACL_ERROR_RT_AICPU_EXCEPTION

/* ---- video channels --------------------------------------------------------------------- */

/* Creates the channel's stream and subscribes thread_id to it, as the real library does. */
aclError ascendsim_dvpp_video_open(const char *api, uint64_t thread_id,
				   struct ascendsim_dvpp_video **out);
/* Runs fn(arg) on the channel's stream; the frame's callback is then posted from there. */
aclError ascendsim_dvpp_video_submit(struct ascendsim_dvpp_video *v, ascendsim_task_fn fn,
				     void *arg, void (*release)(void *arg));
/*
 * Queues fn(arg) for the subscribed thread and counts it pending until fn calls
 * ascendsim_dvpp_video_done. When the thread can no longer take callbacks, discard(arg) runs
 * instead, here.
 */
void ascendsim_dvpp_video_post(struct ascendsim_dvpp_video *v, void (*fn)(void *arg), void *arg,
			       void (*discard)(void *arg));
/* Marks one posted callback as delivered (the posted fn calls it last). */
void ascendsim_dvpp_video_done(struct ascendsim_dvpp_video *v);
/* Waits for the frames in flight and their callbacks, then tears the channel side down. */
void ascendsim_dvpp_video_close(const char *api, struct ascendsim_dvpp_video *v);

/* FNV-1a over a buffer: the seed of the synthetic decoded and encoded content. */
uint64_t ascendsim_dvpp_hash(const void *data, size_t len);

#endif
