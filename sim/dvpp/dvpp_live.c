/* SPDX-License-Identifier: MIT */
/*
 * The descriptions a task writes back into when it runs (decoded sizes, return codes) may have
 * been destroyed by then: that is the caller's bug, and it must not turn into a write to freed
 * memory inside the runtime. Descriptions register here while they exist; the worker writes only
 * into live ones, under the registry lock, so a destruction cannot slip in between.
 */
#include "dvpp_internal.h"

#include <pthread.h>
#include <stdlib.h>

static pthread_mutex_t live_lock = PTHREAD_MUTEX_INITIALIZER;
static const void **live;
static size_t live_count, live_cap;

bool ascendsim_dvpp_live_add(const void *obj)
{
	bool ok = true;

	pthread_mutex_lock(&live_lock);
	if (live_count == live_cap) {
		size_t cap = live_cap ? live_cap * 2 : 64;
		const void **grown = realloc(live, cap * sizeof(*live));

		if (grown) {
			live = grown;
			live_cap = cap;
		} else {
			ok = false;
		}
	}
	if (ok)
		live[live_count++] = obj;
	pthread_mutex_unlock(&live_lock);
	return ok;
}

void *ascendsim_dvpp_live_new(size_t size)
{
	void *obj = calloc(1, size);

	if (obj && !ascendsim_dvpp_live_add(obj)) {
		free(obj);
		obj = NULL;
	}
	return obj;
}

/* Newest first: descriptions are usually destroyed soon after they were created. */
static size_t find(const void *obj)
{
	for (size_t i = live_count; i > 0; i--)
		if (live[i - 1] == obj)
			return i - 1;
	return SIZE_MAX;
}

bool ascendsim_dvpp_live_remove(const void *obj)
{
	size_t i;

	pthread_mutex_lock(&live_lock);
	i = find(obj);
	if (i != SIZE_MAX)
		live[i] = live[--live_count];
	pthread_mutex_unlock(&live_lock);
	return i != SIZE_MAX;
}

bool ascendsim_dvpp_live_lock(const void *obj)
{
	pthread_mutex_lock(&live_lock);
	if (find(obj) != SIZE_MAX)
		return true;
	pthread_mutex_unlock(&live_lock);
	return false;
}

void ascendsim_dvpp_live_unlock(void)
{
	pthread_mutex_unlock(&live_lock);
}
