/* SPDX-License-Identifier: MIT */
/* Private to libacl_dvpp_mpi.so: VPC channels and the tasks their workers run. */
#ifndef ASCENDSIM_MPI_VPC_H
#define ASCENDSIM_MPI_VPC_H

#include "mpi_queue.h"

/* One picture operation of a task: src_rect of src, resampled into dst_rect of dst. */
struct ascendsim_vpc_op {
	struct ascendsim_image src, dst;
	struct ascendsim_rect src_rect, dst_rect;
	enum ascendsim_img_interp interp;
	bool fill; /* first fill the whole of dst with fill_value (borders) */
	double fill_value[4];
};

struct ascendsim_vpc_task {
	struct ascendsim_mpi_node node; /* first: free(task) frees the whole task */
	hi_u32 id;
	hi_s32 result;
	size_t nops;
	struct ascendsim_vpc_op ops[];
};

struct ascendsim_vpc_task *ascendsim_vpc_task_new(size_t nops);
/* INVALID_CHN_ID for an id out of range, UNEXIST for a channel not created. */
hi_s32 ascendsim_vpc_check_chn(const char *api, hi_vpc_chn chn);
/*
 * Queues task on chn's worker and returns its id in *task_id; takes ownership of task in every
 * case. The worker re-checks every buffer before touching it (a buffer freed meanwhile fails
 * the task with BAD_ADDR, reported by hi_mpi_vpc_get_process_result).
 */
hi_s32 ascendsim_vpc_submit(const char *api, hi_vpc_chn chn, struct ascendsim_vpc_task *task,
			    hi_u32 *task_id);

#endif
