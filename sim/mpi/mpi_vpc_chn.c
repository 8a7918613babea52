/* SPDX-License-Identifier: MIT */
/*
 * VPC channels: each has a worker thread that runs its tasks in order after the simulated
 * hardware delay (ASCEND_SIM_TASK_DELAY_US). Results stay with the channel until
 * hi_mpi_vpc_get_process_result collects them.
 */
#include "mpi_chn.h"
#include "mpi_vpc.h"

#include <stdlib.h>
#include <time.h>

#define VPC_ERR(e) MPI_ERR(HI_ID_VPC, e)

struct vpc_chn {
	struct ascendsim_mpi_chn base;	     /* pending: tasks waiting or running, in order */
	struct ascendsim_mpi_queue finished; /* done, not yet collected */
	hi_u32 next_task_id;
};
_Static_assert(offsetof(struct vpc_chn, base) == 0, "ascendsim_mpi_chn_get returns the base");

static struct vpc_chn *vpc_of(struct ascendsim_mpi_chn *c)
{
	return ASCENDSIM_MPI_OUTER(c, struct vpc_chn, base);
}

static struct ascendsim_vpc_task *task_of(struct ascendsim_mpi_node *node)
{
	return ASCENDSIM_MPI_OUTER(node, struct ascendsim_vpc_task, node);
}

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

static void vpc_init(struct ascendsim_mpi_chn *c, const void *attr)
{
	(void)attr;
	vpc_of(c)->next_task_id = 1;
}

static void vpc_run(struct ascendsim_mpi_chn *c, struct ascendsim_mpi_node *node)
{
	struct ascendsim_vpc_task *t = task_of(node);
	hi_s32 result = HI_SUCCESS;
	size_t i;

	(void)c;
	for (i = 0; i < t->nops && result == HI_SUCCESS; i++)
		result = run_op(&t->ops[i]);
	t->result = result;
}

static const struct ascendsim_mpi_chn_ops vpc_ops = {
	.init = vpc_init,
	.run = vpc_run,
};

ASCENDSIM_MPI_CHN_CLASS(vpc_chns, HI_ID_VPC, VPC_MAX_CHN_NUM, struct vpc_chn, "worker", &vpc_ops);

hi_s32 ascendsim_vpc_check_chn(const char *api, hi_vpc_chn chn)
{
	hi_s32 ret;
	struct vpc_chn *c = ascendsim_mpi_chn_get(&vpc_chns, api, chn, &ret);

	if (c)
		ascendsim_mpi_chn_put(&c->base);
	return ret;
}

static hi_s32 check_attr(const char *api, const hi_vpc_chn_attr *attr)
{
	if (!attr)
		return ascendsim_mpi_fail(api, VPC_ERR(HI_ERR_NULL_PTR), "attr is NULL");
	return ascendsim_mpi_chn_sys_ready(&vpc_chns, api);
}

MPI_EXPORT hi_s32 hi_mpi_vpc_create_chn(hi_vpc_chn chn, const hi_vpc_chn_attr *attr)
{
	const char *api = "hi_mpi_vpc_create_chn";
	hi_s32 ret;

	if ((ret = check_attr(api, attr)) == HI_SUCCESS &&
	    (ret = ascendsim_mpi_chn_in_range(&vpc_chns, api, chn)) == HI_SUCCESS)
		ret = ascendsim_mpi_chn_create(&vpc_chns, api, chn, attr);
	ascendsim_mpi_log(api, ret, "chn=%d, attr=%p", chn, (const void *)attr);
	return ret;
}

MPI_EXPORT hi_s32 hi_mpi_vpc_sys_create_chn(hi_vpc_chn *chnl, const hi_vpc_chn_attr *attr)
{
	const char *api = "hi_mpi_vpc_sys_create_chn";
	hi_s32 ret;

	if (!chnl)
		ret = ascendsim_mpi_fail(api, VPC_ERR(HI_ERR_NULL_PTR), "chnl is NULL");
	else if ((ret = check_attr(api, attr)) == HI_SUCCESS)
		ret = ascendsim_mpi_chn_create_any(&vpc_chns, api, chnl, attr);
	ascendsim_mpi_log(api, ret, "chnl=%p -> %d, attr=%p", (void *)chnl,
			  chnl && ret == HI_SUCCESS ? *chnl : -1, (const void *)attr);
	return ret;
}

MPI_EXPORT hi_s32 hi_mpi_vpc_destroy_chn(hi_vpc_chn chn)
{
	return ascendsim_mpi_chn_destroy(&vpc_chns, "hi_mpi_vpc_destroy_chn", chn);
}

hi_s32 ascendsim_vpc_submit(const char *api, hi_vpc_chn chn, struct ascendsim_vpc_task *task,
			    hi_u32 *task_id)
{
	hi_s32 ret;
	struct vpc_chn *c = ascendsim_mpi_chn_get(&vpc_chns, api, chn, &ret);

	if (!c) {
		free(task);
		return ret;
	}
	pthread_mutex_lock(&c->base.lock);
	task->id = c->next_task_id++;
	if (c->next_task_id == 0)
		c->next_task_id = 1;
	*task_id = task->id;
	ascendsim_mpi_chn_submit_locked(&c->base, &task->node);
	pthread_mutex_unlock(&c->base.lock);
	ascendsim_mpi_chn_put(&c->base);
	return HI_SUCCESS;
}

static bool task_has_id(const struct ascendsim_mpi_node *node, const void *key)
{
	const struct ascendsim_vpc_task *t =
	    ASCENDSIM_MPI_OUTER(node, const struct ascendsim_vpc_task, node);

	return t->id == *(const hi_u32 *)key;
}

static bool task_known(const struct ascendsim_mpi_chn *c, hi_u32 id)
{
	const struct ascendsim_mpi_node *node;

	for (node = c->pending.head; node; node = node->next)
		if (task_has_id(node, &id))
			return true;
	return false;
}

MPI_EXPORT hi_s32 hi_mpi_vpc_get_process_result(hi_vpc_chn chn, hi_u32 task_id, hi_s32 milli_sec)
{
	const char *api = "hi_mpi_vpc_get_process_result";
	struct ascendsim_mpi_node *done = NULL;
	struct timespec deadline;
	struct vpc_chn *c;
	hi_s32 ret;

	if ((ret = ascendsim_mpi_chn_in_range(&vpc_chns, api, chn)) != HI_SUCCESS)
		goto end;
	if (!ascendsim_mpi_valid_timeout(milli_sec)) {
		ret = ascendsim_mpi_fail(api, VPC_ERR(HI_ERR_ILLEGAL_PARAM),
					 "milli_sec %d is below -1", milli_sec);
		goto end;
	}
	if (!(c = ascendsim_mpi_chn_get(&vpc_chns, api, chn, &ret)))
		goto end;
	if (milli_sec > 0)
		ascendsim_mpi_deadline(milli_sec, &deadline);
	pthread_mutex_lock(&c->base.lock);
	for (;;) {
		done = ascendsim_mpi_queue_take(&c->base.ready, task_has_id, &task_id);
		if (done)
			break;
		if (!task_known(&c->base, task_id)) {
			ret = ascendsim_mpi_fail(api, VPC_ERR(HI_ERR_ILLEGAL_PARAM),
						 "task %u is unknown on channel %d (or collected)",
						 task_id, chn);
			break;
		}
		if (!ascendsim_mpi_chn_wait(&c->base, milli_sec, &deadline)) {
			ret = VPC_ERR(HI_ERR_TIMEOUT);
			break;
		}
	}
	pthread_mutex_unlock(&c->base.lock);
	ascendsim_mpi_chn_put(&c->base);
	if (done) {
		ret = task_of(done)->result;
		free(task_of(done));
	}
end:
	ascendsim_mpi_log(api, ret, "chn=%d, task_id=%u, milli_sec=%d", chn, task_id, milli_sec);
	return ret;
}
