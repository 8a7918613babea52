/* SPDX-License-Identifier: MIT */
/*
 * Process state: whether aclInit ran, each device's reference count and default context, the
 * contexts alive, and each thread's current context.
 */
#include "ascendsim_rt.h"

#include <stdatomic.h>
#include <stdlib.h>

#define CONTEXT_MAGIC 0x43545854u /* "CTXT" */

struct device_state {
	uint32_t set_count;
	struct ascendsim_context *default_ctx;
};

pthread_mutex_t ascendsim_state_lock = PTHREAD_MUTEX_INITIALIZER;
static struct device_state devices[ASCENDSIM_MAX_DEVICES];
static struct ascendsim_context *contexts;
static atomic_bool initialized;
static __thread struct ascendsim_context *current_ctx;

bool ascendsim_context_is_live(const struct ascendsim_context *ctx)
{
	for (struct ascendsim_context *it = contexts; it != NULL; it = it->next) {
		if (it == ctx)
			return it->magic == CONTEXT_MAGIC;
	}
	return false;
}

struct ascendsim_context *ascendsim_current_context(void)
{
	struct ascendsim_context *ctx = current_ctx;

	if (ctx == NULL)
		return NULL;
	pthread_mutex_lock(&ascendsim_state_lock);
	if (!ascendsim_context_is_live(ctx))
		ctx = current_ctx = NULL;
	pthread_mutex_unlock(&ascendsim_state_lock);
	return ctx;
}

void ascendsim_set_current_context(struct ascendsim_context *ctx)
{
	current_ctx = ctx;
}

bool ascendsim_device_valid(int32_t device)
{
	return device >= 0 && (uint32_t)device < ascendsim_config()->device_count;
}

aclError ascendsim_require_device(int32_t *device)
{
	struct ascendsim_context *ctx = ascendsim_current_context();

	if (ctx == NULL)
		return ACL_ERROR_RT_CONTEXT_NULL;
	*device = ctx->device;
	return ACL_SUCCESS;
}

void ascendsim_set_initialized(bool on)
{
	atomic_store(&initialized, on);
}

ASCENDSIM_API bool ascendsim_initialized(void)
{
	return atomic_load(&initialized);
}

ASCENDSIM_API int32_t ascendsim_current_device(void)
{
	struct ascendsim_context *ctx = ascendsim_current_context();

	return ctx ? ctx->device : -1;
}

/* Under the state lock. */
static struct ascendsim_context *context_new(int32_t device, bool is_default)
{
	struct ascendsim_context *ctx = calloc(1, sizeof(*ctx));

	if (ctx == NULL)
		return NULL;
	ctx->magic = CONTEXT_MAGIC;
	ctx->device = device;
	ctx->is_default = is_default;
	ctx->next = contexts;
	contexts = ctx;
	return ctx;
}

/* Under the state lock: unlinks; the caller destroys streams and frees outside the lock. */
static void context_unlink(struct ascendsim_context *ctx)
{
	for (struct ascendsim_context **pp = &contexts; *pp != NULL; pp = &(*pp)->next) {
		if (*pp == ctx) {
			*pp = ctx->next;
			break;
		}
	}
	ctx->magic = 0;
}

static void context_free(struct ascendsim_context *ctx)
{
	ascendsim_streams_destroy_context(ctx);
	if (current_ctx == ctx)
		current_ctx = NULL;
	free(ctx);
}

/* Under the state lock: whether any context still uses the device. */
static bool device_in_use(int32_t device)
{
	if (devices[device].set_count > 0)
		return true;
	for (struct ascendsim_context *it = contexts; it != NULL; it = it->next) {
		if (it->device == device)
			return true;
	}
	return false;
}

aclError ascendsim_device_set(int32_t device)
{
	struct device_state *d;
	aclError ret = ACL_SUCCESS;

	if (!ascendsim_device_valid(device))
		return ACL_ERROR_RT_INVALID_DEVICEID;
	pthread_mutex_lock(&ascendsim_state_lock);
	d = &devices[device];
	if (d->default_ctx == NULL)
		d->default_ctx = context_new(device, true);
	if (d->default_ctx == NULL) {
		ret = ACL_ERROR_RT_RESOURCE_ALLOC_FAIL;
	} else {
		d->set_count++;
		current_ctx = d->default_ctx;
	}
	pthread_mutex_unlock(&ascendsim_state_lock);
	return ret;
}

/* Drops one reference (all with force); the last one releases the device's resources. */
aclError ascendsim_device_reset(int32_t device, bool force)
{
	struct ascendsim_context *victim = NULL;
	struct device_state *d;
	bool release = false;

	if (!ascendsim_device_valid(device))
		return ACL_ERROR_RT_INVALID_DEVICEID;
	pthread_mutex_lock(&ascendsim_state_lock);
	d = &devices[device];
	if (d->set_count > 0)
		d->set_count = force ? 0 : d->set_count - 1;
	if (d->set_count == 0 && d->default_ctx != NULL) {
		victim = d->default_ctx;
		d->default_ctx = NULL;
		context_unlink(victim);
	}
	release = !device_in_use(device);
	pthread_mutex_unlock(&ascendsim_state_lock);
	if (victim != NULL)
		context_free(victim);
	/* Like the driver at device close: the process's memory on the device goes away. */
	if (release)
		ascendsim_free_device_blocks(device);
	return ACL_SUCCESS;
}

aclError ascendsim_context_create(int32_t device, struct ascendsim_context **out)
{
	struct ascendsim_context *ctx;

	if (!ascendsim_device_valid(device))
		return ACL_ERROR_RT_INVALID_DEVICEID;
	pthread_mutex_lock(&ascendsim_state_lock);
	ctx = context_new(device, false);
	pthread_mutex_unlock(&ascendsim_state_lock);
	if (ctx == NULL)
		return ACL_ERROR_RT_RESOURCE_ALLOC_FAIL;
	current_ctx = ctx;
	*out = ctx;
	return ACL_SUCCESS;
}

aclError ascendsim_context_destroy(struct ascendsim_context *ctx)
{
	bool release;
	int32_t device;

	pthread_mutex_lock(&ascendsim_state_lock);
	if (!ascendsim_context_is_live(ctx) || ctx->is_default) {
		pthread_mutex_unlock(&ascendsim_state_lock);
		return ACL_ERROR_RT_INVALID_HANDLE;
	}
	device = ctx->device;
	context_unlink(ctx);
	release = !device_in_use(device);
	pthread_mutex_unlock(&ascendsim_state_lock);
	context_free(ctx);
	if (release)
		ascendsim_free_device_blocks(device);
	return ACL_SUCCESS;
}

aclError ascendsim_context_set_current(struct ascendsim_context *ctx)
{
	bool live;

	pthread_mutex_lock(&ascendsim_state_lock);
	live = ascendsim_context_is_live(ctx);
	pthread_mutex_unlock(&ascendsim_state_lock);
	if (!live)
		return ACL_ERROR_RT_INVALID_HANDLE;
	current_ctx = ctx;
	return ACL_SUCCESS;
}

/* aclFinalize: every context and device goes. */
void ascendsim_release_all(void)
{
	for (;;) {
		struct ascendsim_context *victim;

		pthread_mutex_lock(&ascendsim_state_lock);
		victim = contexts;
		if (victim != NULL) {
			if (victim->is_default)
				devices[victim->device].default_ctx = NULL;
			context_unlink(victim);
		}
		pthread_mutex_unlock(&ascendsim_state_lock);
		if (victim == NULL)
			break;
		context_free(victim);
	}
	pthread_mutex_lock(&ascendsim_state_lock);
	for (unsigned i = 0; i < ASCENDSIM_MAX_DEVICES; i++)
		devices[i].set_count = 0;
	pthread_mutex_unlock(&ascendsim_state_lock);
	for (int32_t i = 0; i < (int32_t)ASCENDSIM_MAX_DEVICES; i++)
		ascendsim_free_device_blocks(i);
	current_ctx = NULL;
}
