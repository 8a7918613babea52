/* SPDX-License-Identifier: MIT */
/*
 * VPC channels: each has a worker thread that runs its tasks in order after the simulated
 * hardware delay (ASCEND_SIM_TASK_DELAY_US). Results stay with the channel until
 * hi_mpi_vpc_get_process_result collects them.
 */
#include "mpi_vpc.h"

#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <time.h>

#define VPC_ERR(e) MPI_ERR(HI_ID_VPC, e)

struct vpc_chn {
	hi_vpc_chn id;
	pthread_mutex_t lock;
	pthread_cond_t cond; /* queue changed, a task finished, a reference dropped */
	pthread_t worker;
	struct ascendsim_vpc_task *queue, *queue_tail; /* waiting, in order */
	struct ascendsim_vpc_task *running;
	struct ascendsim_vpc_task *finished; /* done, not yet collected */
	hi_u32 next_task_id;
	unsigned refs; /* callers inside the channel besides the table */
	bool stopping;
};

static pthread_mutex_t table_lock = PTHREAD_MUTEX_INITIALIZER;
static struct vpc_chn *table[VPC_MAX_CHN_NUM];

struct ascendsim_vpc_task *ascendsim_vpc_task_new(size_t nops)
{
	struct ascendsim_vpc_task *t =
	    calloc(1, sizeof(*t) + nops * sizeof(struct ascendsim_vpc_op));

	if (t)
		t->nops = nops;
	return t;
}

static hi_s32 run_op(const struct ascendsim_vpc_op *op)
{
	enum ascendsim_img_status st = ASCENDSIM_IMG_OK;

	/* The hardware reads and writes at run time: the buffers must still be alive then. */
	if (!ascendsim_mpi_buffer_live(op->src.data, op->src.size) ||
	    !ascendsim_mpi_buffer_live(op->dst.data, op->dst.size))
		return VPC_ERR(HI_ERR_BAD_ADDR);
	if (op->fill)
		st = ascendsim_img_fill(&op->dst, NULL, op->fill_value);
	if (st == ASCENDSIM_IMG_OK)
		st = ascendsim_img_process(&op->src, &op->src_rect, &op->dst, &op->dst_rect,
					   op->interp);
	return st == ASCENDSIM_IMG_OK ? HI_SUCCESS : VPC_ERR(HI_ERR_SYS_ERROR);
}

static void *worker_main(void *arg)
{
	struct vpc_chn *c = arg;

	pthread_mutex_lock(&c->lock);
	for (;;) {
		struct ascendsim_vpc_task *t;
		hi_s32 result = HI_SUCCESS;
		size_t i;

		while (!c->queue && !c->stopping)
			pthread_cond_wait(&c->cond, &c->lock);
		if (!c->queue)
			break;
		t = c->queue;
		c->queue = t->next;
		if (!c->queue)
			c->queue_tail = NULL;
		c->running = t;
		pthread_mutex_unlock(&c->lock);

		ascendsim_mpi_task_delay();
		for (i = 0; i < t->nops && result == HI_SUCCESS; i++)
			result = run_op(&t->ops[i]);

		pthread_mutex_lock(&c->lock);
		t->result = result;
		t->done = true;
		c->running = NULL;
		t->next = c->finished;
		c->finished = t;
		pthread_cond_broadcast(&c->cond);
	}
	pthread_mutex_unlock(&c->lock);
	return NULL;
}

static void free_list(struct ascendsim_vpc_task *t)
{
	while (t) {
		struct ascendsim_vpc_task *next = t->next;

		free(t);
		t = next;
	}
}

static hi_s32 chn_in_range(const char *api, hi_vpc_chn chn)
{
	if (chn < 0 || chn >= VPC_MAX_CHN_NUM)
		return ascendsim_mpi_fail(api, VPC_ERR(HI_ERR_INVALID_CHN_ID),
					  "channel %d outside [0, %d)", chn, VPC_MAX_CHN_NUM);
	return HI_SUCCESS;
}

/* Looks chn up and takes a reference; NULL if it does not exist. */
static struct vpc_chn *chn_get(hi_vpc_chn chn)
{
	struct vpc_chn *c;

	if (chn < 0 || chn >= VPC_MAX_CHN_NUM)
		return NULL;
	pthread_mutex_lock(&table_lock);
	c = table[chn];
	if (c) {
		pthread_mutex_lock(&c->lock);
		c->refs++;
		pthread_mutex_unlock(&c->lock);
	}
	pthread_mutex_unlock(&table_lock);
	return c;
}

/* Drops a reference; called with c->lock held, releases it. */
static void chn_put_locked(struct vpc_chn *c)
{
	c->refs--;
	pthread_cond_broadcast(&c->cond);
	pthread_mutex_unlock(&c->lock);
}

hi_s32 ascendsim_vpc_check_chn(const char *api, hi_vpc_chn chn)
{
	hi_s32 ret = chn_in_range(api, chn);
	bool exists;

	if (ret != HI_SUCCESS)
		return ret;
	pthread_mutex_lock(&table_lock);
	exists = table[chn] != NULL;
	pthread_mutex_unlock(&table_lock);
	if (!exists)
		return ascendsim_mpi_fail(api, VPC_ERR(HI_ERR_UNEXIST), "channel %d does not exist",
					  chn);
	return HI_SUCCESS;
}

static hi_s32 create_at(const char *api, hi_vpc_chn chn)
{
	pthread_condattr_t ca;
	struct vpc_chn *c;
	hi_s32 ret = HI_SUCCESS;

	c = calloc(1, sizeof(*c));
	if (!c)
		return ascendsim_mpi_fail(api, VPC_ERR(HI_ERR_NO_MEM), "no memory for channel %d",
					  chn);
	c->id = chn;
	c->next_task_id = 1;
	pthread_mutex_init(&c->lock, NULL);
	pthread_condattr_init(&ca);
	pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
	pthread_cond_init(&c->cond, &ca);
	pthread_condattr_destroy(&ca);
	if (pthread_create(&c->worker, NULL, worker_main, c) != 0) {
		ret = ascendsim_mpi_fail(api, VPC_ERR(HI_ERR_NO_MEM),
					 "cannot start the worker of channel %d", chn);
		goto error;
	}
	table[chn] = c;
	return HI_SUCCESS;
error:
	pthread_cond_destroy(&c->cond);
	pthread_mutex_destroy(&c->lock);
	free(c);
	return ret;
}

static hi_s32 check_attr(const char *api, const hi_vpc_chn_attr *attr)
{
	if (!attr)
		return ascendsim_mpi_fail(api, VPC_ERR(HI_ERR_NULL_PTR), "attr is NULL");
	if (!ascendsim_mpi_sys_ready())
		return ascendsim_mpi_fail(api, VPC_ERR(HI_ERR_NOT_READY),
					  "hi_mpi_sys_init has not been called");
	return HI_SUCCESS;
}

MPI_EXPORT hi_s32 hi_mpi_vpc_create_chn(hi_vpc_chn chn, const hi_vpc_chn_attr *attr)
{
	const char *api = "hi_mpi_vpc_create_chn";
	hi_s32 ret;

	if ((ret = check_attr(api, attr)) != HI_SUCCESS || (ret = chn_in_range(api, chn)))
		goto end;
	pthread_mutex_lock(&table_lock);
	if (table[chn])
		ret = ascendsim_mpi_fail(api, VPC_ERR(HI_ERR_EXIST), "channel %d already exists",
					 chn);
	else
		ret = create_at(api, chn);
	pthread_mutex_unlock(&table_lock);
end:
	ascendsim_mpi_log(api, ret, "chn=%d, attr=%p", chn, (const void *)attr);
	return ret;
}

MPI_EXPORT hi_s32 hi_mpi_vpc_sys_create_chn(hi_vpc_chn *chnl, const hi_vpc_chn_attr *attr)
{
	const char *api = "hi_mpi_vpc_sys_create_chn";
	hi_s32 ret;
	hi_vpc_chn chn;

	if (!chnl) {
		ret = ascendsim_mpi_fail(api, VPC_ERR(HI_ERR_NULL_PTR), "chnl is NULL");
		goto end;
	}
	if ((ret = check_attr(api, attr)) != HI_SUCCESS)
		goto end;
	pthread_mutex_lock(&table_lock);
	for (chn = 0; chn < VPC_MAX_CHN_NUM && table[chn]; chn++)
		;
	if (chn == VPC_MAX_CHN_NUM)
		ret = ascendsim_mpi_fail(api, VPC_ERR(HI_ERR_NO_BUF), "all %d channels are in use",
					 VPC_MAX_CHN_NUM);
	else if ((ret = create_at(api, chn)) == HI_SUCCESS)
		*chnl = chn;
	pthread_mutex_unlock(&table_lock);
end:
	ascendsim_mpi_log(api, ret, "chnl=%p -> %d, attr=%p", (void *)chnl,
			  chnl && ret == HI_SUCCESS ? *chnl : -1, (const void *)attr);
	return ret;
}

MPI_EXPORT hi_s32 hi_mpi_vpc_destroy_chn(hi_vpc_chn chn)
{
	const char *api = "hi_mpi_vpc_destroy_chn";
	struct vpc_chn *c = NULL;
	hi_s32 ret;

	if ((ret = chn_in_range(api, chn)) != HI_SUCCESS)
		goto end;
	pthread_mutex_lock(&table_lock);
	c = table[chn];
	table[chn] = NULL;
	pthread_mutex_unlock(&table_lock);
	if (!c) {
		ret = ascendsim_mpi_fail(api, VPC_ERR(HI_ERR_UNEXIST), "channel %d does not exist",
					 chn);
		goto end;
	}
	/* Queued tasks still run, as on the device; then the worker ends. */
	pthread_mutex_lock(&c->lock);
	c->stopping = true;
	pthread_cond_broadcast(&c->cond);
	pthread_mutex_unlock(&c->lock);
	pthread_join(c->worker, NULL);
	pthread_mutex_lock(&c->lock);
	while (c->refs)
		pthread_cond_wait(&c->cond, &c->lock);
	pthread_mutex_unlock(&c->lock);
	/* A task queued by a call that raced with destroy never runs: drop it too. */
	free_list(c->queue);
	free_list(c->finished);
	pthread_cond_destroy(&c->cond);
	pthread_mutex_destroy(&c->lock);
	free(c);
end:
	ascendsim_mpi_log(api, ret, "chn=%d", chn);
	return ret;
}

hi_s32 ascendsim_vpc_submit(const char *api, hi_vpc_chn chn, struct ascendsim_vpc_task *task,
			    hi_u32 *task_id)
{
	struct vpc_chn *c = chn_get(chn);

	if (!c) {
		free(task);
		return ascendsim_mpi_fail(api, VPC_ERR(HI_ERR_UNEXIST), "channel %d does not exist",
					  chn);
	}
	pthread_mutex_lock(&c->lock);
	task->id = c->next_task_id++;
	if (c->next_task_id == 0)
		c->next_task_id = 1;
	*task_id = task->id;
	task->next = NULL;
	if (c->queue_tail)
		c->queue_tail->next = task;
	else
		c->queue = task;
	c->queue_tail = task;
	pthread_cond_broadcast(&c->cond);
	chn_put_locked(c);
	return HI_SUCCESS;
}

static bool task_known(struct vpc_chn *c, hi_u32 id)
{
	struct ascendsim_vpc_task *t;

	if (c->running && c->running->id == id)
		return true;
	for (t = c->queue; t; t = t->next)
		if (t->id == id)
			return true;
	return false;
}

/* Unlinks and returns the finished task id, or NULL. */
static struct ascendsim_vpc_task *take_finished(struct vpc_chn *c, hi_u32 id)
{
	struct ascendsim_vpc_task **p;

	for (p = &c->finished; *p; p = &(*p)->next) {
		if ((*p)->id == id) {
			struct ascendsim_vpc_task *t = *p;

			*p = t->next;
			return t;
		}
	}
	return NULL;
}

MPI_EXPORT hi_s32 hi_mpi_vpc_get_process_result(hi_vpc_chn chn, hi_u32 task_id, hi_s32 milli_sec)
{
	const char *api = "hi_mpi_vpc_get_process_result";
	struct ascendsim_vpc_task *t = NULL;
	struct timespec deadline;
	struct vpc_chn *c;
	hi_s32 ret;

	if ((ret = chn_in_range(api, chn)) != HI_SUCCESS)
		goto end;
	if (!ascendsim_mpi_valid_timeout(milli_sec)) {
		ret = ascendsim_mpi_fail(api, VPC_ERR(HI_ERR_ILLEGAL_PARAM),
					 "milli_sec %d is below -1", milli_sec);
		goto end;
	}
	c = chn_get(chn);
	if (!c) {
		ret = ascendsim_mpi_fail(api, VPC_ERR(HI_ERR_UNEXIST), "channel %d does not exist",
					 chn);
		goto end;
	}
	if (milli_sec > 0)
		ascendsim_mpi_deadline(milli_sec, &deadline);
	pthread_mutex_lock(&c->lock);
	for (;;) {
		t = take_finished(c, task_id);
		if (t)
			break;
		if (!task_known(c, task_id)) {
			ret = ascendsim_mpi_fail(api, VPC_ERR(HI_ERR_ILLEGAL_PARAM),
						 "task %u is unknown on channel %d (or collected)",
						 task_id, chn);
			break;
		}
		if (milli_sec == 0 ||
		    (milli_sec > 0 &&
		     pthread_cond_timedwait(&c->cond, &c->lock, &deadline) == ETIMEDOUT)) {
			ret = VPC_ERR(HI_ERR_TIMEOUT);
			break;
		}
		if (milli_sec < 0)
			pthread_cond_wait(&c->cond, &c->lock);
	}
	chn_put_locked(c);
	if (t) {
		ret = t->result;
		free(t);
	}
end:
	ascendsim_mpi_log(api, ret, "chn=%d, task_id=%u, milli_sec=%d", chn, task_id, milli_sec);
	return ret;
}
