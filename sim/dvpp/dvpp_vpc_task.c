/* SPDX-License-Identifier: MIT */
/* Running VPC work on the stream's worker: the device side of every acldvppVpc* call. */
#include "dvpp_vpc_task.h"

#include <inttypes.h>
#include <stdlib.h>

struct vpc_task *ascendsim_vpc_task_new(const char *api, uint32_t count)
{
	struct vpc_task *task = calloc(1, sizeof(*task) + (size_t)count * sizeof(task->jobs[0]));

	if (task) {
		task->api = api;
		task->count = count;
	}
	return task;
}

/*
 * The device reads and writes the buffers when the task runs, not when it was submitted: a
 * buffer freed in between faults there, and the fault is what synchronization reports.
 */
static bool buffers_live(const struct vpc_task *task, const struct vpc_job *job)
{
	unsigned pools = ascendsim_dvpp_buffer_pools();

	if (!ascendsim_mem_check_range(job->src.data, (size_t)job->src.size, pools)) {
		ascendsim_warn("%s: input buffer %p was released before the task ran", task->api,
			       (void *)job->src.data);
		return false;
	}
	if (job->op != VPC_OP_HIST &&
	    !ascendsim_mem_check_range(job->dst.data, (size_t)job->dst.size, pools)) {
		ascendsim_warn("%s: output buffer %p was released before the task ran", task->api,
			       (void *)job->dst.data);
		return false;
	}
	return true;
}

static enum ascendsim_img_status run_job(const struct vpc_job *job)
{
	switch (job->op) {
	case VPC_OP_PROCESS:
		return ascendsim_img_process(&job->src, &job->src_rect, &job->dst, &job->dst_rect,
					     job->interp);
	case VPC_OP_BORDER:
		return ascendsim_dvpp_border(job);
	case VPC_OP_LUT:
		return ascendsim_dvpp_lut(job);
	case VPC_OP_HIST:
		return ascendsim_dvpp_hist(job);
	case VPC_OP_PYRDOWN:
		return ascendsim_dvpp_pyrdown(job);
	}
	return ASCENDSIM_IMG_ERR_FORMAT;
}

static int vpc_task_run(void *arg)
{
	struct vpc_task *task = arg;

	for (uint32_t i = 0; i < task->count; i++) {
		const struct vpc_job *job = &task->jobs[i];
		enum ascendsim_img_status st;

		if (!buffers_live(task, job))
			return ASCENDSIM_DVPP_TASK_ERROR;
		st = run_job(job);
		if (st != ASCENDSIM_IMG_OK) {
			ascendsim_warn("%s: picture %" PRIu32 " failed on the device (status %d)",
				       task->api, i, (int)st);
			return ASCENDSIM_DVPP_TASK_ERROR;
		}
	}
	return 0;
}

static void vpc_task_release(void *arg)
{
	free(arg);
}

aclError ascendsim_vpc_task_submit(struct vpc_task *task, aclrtStream stream)
{
	int ret = ascendsim_stream_submit(stream, vpc_task_run, task, vpc_task_release);

	if (ret != ACL_SUCCESS) {
		ascendsim_warn("%s: submitting to stream %p failed (%d)", task->api, stream, ret);
		free(task);
	}
	return ret;
}
