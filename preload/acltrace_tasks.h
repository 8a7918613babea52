/* SPDX-License-Identifier: MIT */
/*
 * Asynchronous work that still references buffers: tasks queued on an ACL stream (DVPP V1
 * operations, async copies and memsets, model execution) until that stream, an event recorded
 * after them, or the device is synchronized, or the stream destroyed; HiMPI VPC tasks until
 * hi_mpi_vpc_get_process_result returns for their task id; V1 video frames until their callback
 * runs or their channel is destroyed; HiMPI VDEC streams until hi_mpi_vdec_get_frame returns their
 * output picture or their channel is destroyed. A free consults this table to find
 * memory freed while a task still uses it.
 */
#ifndef ACLTRACE_TASKS_H
#define ACLTRACE_TASKS_H

#include <stdbool.h>
#include <stdint.h>

#define ACLTRACE_TASK_MAX_BUFS 16

enum acltrace_queue {
	ACLTRACE_QUEUE_STREAM = 0,  /* queue: the aclrtStream (0: default stream) */
	ACLTRACE_QUEUE_VPC = 1,	    /* queue: the VPC channel; task_id: its task id */
	ACLTRACE_QUEUE_VIDEO = 2,   /* queue: the V1 video channel desc; task_id: the frame id */
	ACLTRACE_QUEUE_HI_VDEC = 3, /* queue: the HiMPI VDEC channel; task_id: output address */
};

struct acltrace_task_buf {
	uint64_t addr;
	uint64_t len;
};

struct acltrace_task {
	uint64_t queue;
	uint64_t task_id;
	uint64_t seq; /* position on its stream */
	uint32_t stack;
	uint16_t api;
	uint8_t kind; /* enum acltrace_queue */
	uint8_t nbufs;
	struct acltrace_task_buf bufs[ACLTRACE_TASK_MAX_BUFS];
};

void acltrace_tasks_submit(unsigned api, unsigned kind, uint64_t queue, uint64_t task_id,
			   const struct acltrace_task_buf *bufs, unsigned nbufs, uint32_t stack);
/* Retire the tasks of a stream (all of them, or those up to seq), of every stream, of a VPC. */
void acltrace_tasks_retire_stream(uint64_t stream, uint64_t upto_seq, unsigned api);
void acltrace_tasks_retire_all_streams(unsigned api);
void acltrace_tasks_retire_vpc(uint64_t chn, uint64_t task_id, unsigned api);
/* Retire the tasks of a queue of kind: those with task_id, or all of them (all true). */
void acltrace_tasks_retire_task(unsigned kind, uint64_t queue, uint64_t task_id, bool all,
				unsigned api);
/* aclrtRecordEvent: the event follows the tasks queued on stream so far. */
void acltrace_tasks_event_record(uint64_t event, uint64_t stream);
/* aclrtSynchronizeEvent: retires what the event follows. */
void acltrace_tasks_event_sync(uint64_t event, unsigned api);
/* A pending task that reads or writes [addr, addr + len): copied to *out. */
bool acltrace_tasks_find_user(uint64_t addr, uint64_t len, struct acltrace_task *out);
uint64_t acltrace_tasks_pending(void);
void acltrace_tasks_atfork_child(void);

#endif
