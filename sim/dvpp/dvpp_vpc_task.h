/* SPDX-License-Identifier: MIT */
/* VPC work items: what a submitted VPC call does on the stream's worker thread. */
#ifndef ASCENDSIM_DVPP_VPC_TASK_H
#define ASCENDSIM_DVPP_VPC_TASK_H

#include "dvpp_internal.h"

enum vpc_op {
	VPC_OP_PROCESS, /* src_rect of src scaled and converted into dst_rect of dst */
	VPC_OP_BORDER,	/* PROCESS into the inner area, border around it */
	VPC_OP_LUT,	/* per-channel look-up table, same size and format */
	VPC_OP_HIST,	/* histogram of src into a hist object */
	VPC_OP_PYRDOWN, /* Gaussian 5x5 then halve, YUV400 */
};

struct vpc_job {
	enum vpc_op op;
	struct ascendsim_image src, dst;
	struct ascendsim_rect src_rect, dst_rect; /* inside src / dst */
	enum ascendsim_img_interp interp;
	/* VPC_OP_BORDER */
	int32_t border_type;
	double border_value[4];
	/* VPC_OP_LUT */
	uint8_t lut[ASCENDSIM_DVPP_LUT_DIMS][ASCENDSIM_DVPP_BINS];
	/* VPC_OP_HIST: written on the worker; the caller keeps it alive until synchronization. */
	struct acldvppHist *hist;
};

struct vpc_task {
	const char *api;
	uint32_t count;
	struct vpc_job jobs[];
};

struct vpc_task *ascendsim_vpc_task_new(const char *api, uint32_t count);
/* Hands the task to the stream; it is freed after it ran (or here, on failure). */
aclError ascendsim_vpc_task_submit(struct vpc_task *task, aclrtStream stream);

/* Pixel operations the shared engine does not have (ascendsim_dvpp_vpc_extra.c). */
enum ascendsim_img_status ascendsim_dvpp_border(const struct vpc_job *job);
enum ascendsim_img_status ascendsim_dvpp_lut(const struct vpc_job *job);
enum ascendsim_img_status ascendsim_dvpp_hist(const struct vpc_job *job);
enum ascendsim_img_status ascendsim_dvpp_pyrdown(const struct vpc_job *job);

#endif
