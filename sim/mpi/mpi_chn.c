/* SPDX-License-Identifier: MIT */
/*
 * Channel tables and workers shared by VPC, VDEC, VENC and PNGD: create, destroy, look-up with
 * a reference, and the worker loop that runs each module's items in order after the simulated
 * hardware delay (ASCEND_SIM_TASK_DELAY_US).
 */
#include "mpi_chn.h"

#include <errno.h>
#include <stdlib.h>
#include <time.h>

#define CHN_ERR(cls, e) MPI_ERR((cls)->mod, e)

static void *worker_main(void *arg)
{
	struct ascendsim_mpi_chn *c = arg;
	const struct ascendsim_mpi_chn_ops *ops = c->cls->ops;

	pthread_mutex_lock(&c->lock);
	for (;;) {
		struct ascendsim_mpi_node *item;

		while (!c->pending.head && !c->stopping)
			pthread_cond_wait(&c->cond, &c->lock);
		if (!c->pending.head)
			break;
		/* The item stays queued (and counted against the limit) while it runs. */
		item = c->pending.head;
		pthread_mutex_unlock(&c->lock);
		ascendsim_mpi_task_delay();
		ops->run(c, item);
		pthread_mutex_lock(&c->lock);
		ascendsim_mpi_queue_pop(&c->pending);
		if (!ops->finish || ops->finish(c, item))
			ascendsim_mpi_queue_push(&c->ready, item);
		pthread_cond_broadcast(&c->cond);
	}
	pthread_mutex_unlock(&c->lock);
	return NULL;
}

hi_s32 ascendsim_mpi_chn_in_range(const struct ascendsim_mpi_chn_class *cls, const char *api,
				  int chn)
{
	if (chn < 0 || chn >= cls->count)
		return ascendsim_mpi_fail(api, CHN_ERR(cls, HI_ERR_INVALID_CHN_ID),
					  "channel %d outside [0, %d)", chn, cls->count);
	return HI_SUCCESS;
}

hi_s32 ascendsim_mpi_chn_sys_ready(const struct ascendsim_mpi_chn_class *cls, const char *api)
{
	if (!ascendsim_mpi_sys_ready())
		return ascendsim_mpi_fail(api, CHN_ERR(cls, HI_ERR_NOT_READY),
					  "hi_mpi_sys_init has not been called");
	return HI_SUCCESS;
}

/* Allocates, starts and installs chn; called with cls->lock held and the slot free. */
static hi_s32 create_at(struct ascendsim_mpi_chn_class *cls, const char *api, int chn,
			const void *attr)
{
	pthread_condattr_t ca;
	struct ascendsim_mpi_chn *c;
	hi_s32 ret;

	c = calloc(1, cls->size);
	if (!c)
		return ascendsim_mpi_fail(api, CHN_ERR(cls, HI_ERR_NO_MEM),
					  "no memory for channel %d", chn);
	c->cls = cls;
	if (cls->ops->init)
		cls->ops->init(c, attr);
	pthread_mutex_init(&c->lock, NULL);
	/* Timed waits use CLOCK_MONOTONIC deadlines (ascendsim_mpi_deadline). */
	pthread_condattr_init(&ca);
	pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
	pthread_cond_init(&c->cond, &ca);
	pthread_condattr_destroy(&ca);
	if (pthread_create(&c->worker, NULL, worker_main, c) != 0) {
		ret =
		    ascendsim_mpi_fail(api, CHN_ERR(cls, HI_ERR_NO_MEM),
				       "cannot start the %s of channel %d", cls->worker_name, chn);
		goto error;
	}
	cls->slots[chn] = c;
	return HI_SUCCESS;
error:
	pthread_cond_destroy(&c->cond);
	pthread_mutex_destroy(&c->lock);
	free(c);
	return ret;
}

hi_s32 ascendsim_mpi_chn_create(struct ascendsim_mpi_chn_class *cls, const char *api, int chn,
				const void *attr)
{
	hi_s32 ret;

	pthread_mutex_lock(&cls->lock);
	if (cls->slots[chn])
		ret = ascendsim_mpi_fail(api, CHN_ERR(cls, HI_ERR_EXIST),
					 "channel %d already exists", chn);
	else
		ret = create_at(cls, api, chn, attr);
	pthread_mutex_unlock(&cls->lock);
	return ret;
}

hi_s32 ascendsim_mpi_chn_create_any(struct ascendsim_mpi_chn_class *cls, const char *api, int *chn,
				    const void *attr)
{
	hi_s32 ret;
	int i;

	pthread_mutex_lock(&cls->lock);
	for (i = 0; i < cls->count && cls->slots[i]; i++)
		;
	if (i == cls->count)
		ret = ascendsim_mpi_fail(api, CHN_ERR(cls, HI_ERR_NO_BUF),
					 "all %d channels are in use", cls->count);
	else if ((ret = create_at(cls, api, i, attr)) == HI_SUCCESS)
		*chn = i;
	pthread_mutex_unlock(&cls->lock);
	return ret;
}

static hi_s32 unexist(const struct ascendsim_mpi_chn_class *cls, const char *api, int chn)
{
	return ascendsim_mpi_fail(api, CHN_ERR(cls, HI_ERR_UNEXIST), "channel %d does not exist",
				  chn);
}

static void free_node(struct ascendsim_mpi_node *node)
{
	free(node);
}

static void free_queue(const struct ascendsim_mpi_chn_class *cls, struct ascendsim_mpi_queue *q)
{
	ascendsim_mpi_queue_free(q, cls->ops->free_node ? cls->ops->free_node : free_node);
}

hi_s32 ascendsim_mpi_chn_destroy(struct ascendsim_mpi_chn_class *cls, const char *api, int chn)
{
	struct ascendsim_mpi_chn *c;
	hi_s32 ret = ascendsim_mpi_chn_in_range(cls, api, chn);

	if (ret != HI_SUCCESS)
		goto end;
	pthread_mutex_lock(&cls->lock);
	c = cls->slots[chn];
	cls->slots[chn] = NULL;
	pthread_mutex_unlock(&cls->lock);
	if (!c) {
		ret = unexist(cls, api, chn);
		goto end;
	}
	/*
	 * Queued items still run, as on the device; then the worker ends. Calls waiting inside
	 * the channel wake up and leave with an error.
	 */
	pthread_mutex_lock(&c->lock);
	c->stopping = true;
	pthread_cond_broadcast(&c->cond);
	pthread_mutex_unlock(&c->lock);
	pthread_join(c->worker, NULL);
	pthread_mutex_lock(&c->lock);
	while (c->refs)
		pthread_cond_wait(&c->cond, &c->lock);
	pthread_mutex_unlock(&c->lock);
	/* An item queued by a call that raced with destroy never runs: drop it too. */
	free_queue(cls, &c->pending);
	free_queue(cls, &c->ready);
	free_queue(cls, &c->out);
	pthread_cond_destroy(&c->cond);
	pthread_mutex_destroy(&c->lock);
	free(c);
end:
	ascendsim_mpi_log(api, ret, "chn=%d", chn);
	return ret;
}

void *ascendsim_mpi_chn_get(struct ascendsim_mpi_chn_class *cls, const char *api, int chn,
			    hi_s32 *ret)
{
	struct ascendsim_mpi_chn *c;

	*ret = ascendsim_mpi_chn_in_range(cls, api, chn);
	if (*ret != HI_SUCCESS)
		return NULL;
	pthread_mutex_lock(&cls->lock);
	c = cls->slots[chn];
	if (c) {
		pthread_mutex_lock(&c->lock);
		c->refs++;
		pthread_mutex_unlock(&c->lock);
	}
	pthread_mutex_unlock(&cls->lock);
	if (!c)
		*ret = unexist(cls, api, chn);
	return c;
}

void ascendsim_mpi_chn_put(struct ascendsim_mpi_chn *c)
{
	pthread_mutex_lock(&c->lock);
	c->refs--;
	pthread_cond_broadcast(&c->cond);
	pthread_mutex_unlock(&c->lock);
}

void ascendsim_mpi_chn_submit_locked(struct ascendsim_mpi_chn *c, struct ascendsim_mpi_node *item)
{
	ascendsim_mpi_queue_push(&c->pending, item);
	pthread_cond_broadcast(&c->cond);
}

bool ascendsim_mpi_chn_wait(struct ascendsim_mpi_chn *c, hi_s32 milli_sec,
			    const struct timespec *deadline)
{
	if (milli_sec == 0)
		return false;
	if (milli_sec < 0) {
		pthread_cond_wait(&c->cond, &c->lock);
		return true;
	}
	return pthread_cond_timedwait(&c->cond, &c->lock, deadline) != ETIMEDOUT;
}

struct ascendsim_mpi_node *ascendsim_mpi_chn_take_ready(struct ascendsim_mpi_chn *c,
							hi_s32 milli_sec)
{
	struct timespec deadline;

	if (milli_sec > 0)
		ascendsim_mpi_deadline(milli_sec, &deadline);
	while (!c->ready.head && !c->stopping)
		if (!ascendsim_mpi_chn_wait(c, milli_sec, &deadline))
			break;
	return ascendsim_mpi_queue_pop(&c->ready);
}
