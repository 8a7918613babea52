/* SPDX-License-Identifier: MIT */
/*
 * Pool accounting per (host, device, pool): processes on one device add up. The live set at the
 * peak is copied lazily, when the live bytes first drop after a new peak, so a rising ramp costs
 * one copy and memory stays bounded by the number of sites.
 */
#include "acltrace_model_internal.h"

#include <stdlib.h>
#include <string.h>

struct acltrace_pool_acct *acltrace_pool_get(struct acltrace_model *m, uint32_t host,
					     int32_t device, uint32_t pool)
{
	uint64_t key = ((uint64_t)host << 36) | ((uint64_t)(uint32_t)(device + 1) << 4) | pool;
	struct acltrace_pool_acct *a = acltrace_map_get(&m->pools, key);

	if (a)
		return a;
	a = calloc(1, sizeof(*a));
	if (!a || acltrace_map_put(&m->pools, key, a) != 0) {
		free(a);
		return NULL;
	}
	a->host = host;
	a->device = device;
	a->pool = pool;
	acltrace_map_init(&a->site_live);
	acltrace_vec_init(&a->sites, sizeof(struct acltrace_site_bytes));
	acltrace_vec_init(&a->peak_set, sizeof(struct acltrace_site_bytes));
	*m->pool_tail = a;
	m->pool_tail = &a->next;
	return a;
}

static int snapshot(struct acltrace_pool_acct *a)
{
	a->peak_set.len = 0;
	for (size_t i = 0; i < a->sites.len; i++) {
		const struct acltrace_site_bytes *sb = acltrace_vec_at(&a->sites, i);
		if (sb->bytes == 0 && sb->count == 0)
			continue;
		struct acltrace_site_bytes *out = acltrace_vec_push(&a->peak_set);
		if (!out)
			return -1;
		*out = *sb;
	}
	a->at_peak = false;
	return 0;
}

/* 1 + the index of the site's entry in the pool, 0 when none; cached in the site. */
static uintptr_t site_slot(struct acltrace_pool_acct *a, struct acltrace_site *site)
{
	if (site->acct == a && site->acct_slot)
		return site->acct_slot;
	uintptr_t idx = (uintptr_t)acltrace_map_get(&a->site_live, (uint64_t)(uintptr_t)site);
	if (idx) {
		site->acct = a;
		site->acct_slot = idx;
	}
	return idx;
}

int acltrace_pool_add(struct acltrace_pool_acct *a, struct acltrace_site *site, uint64_t bytes,
		      uint64_t requested, uint64_t time_ns)
{
	uintptr_t idx = site_slot(a, site);
	struct acltrace_site_bytes *sb;

	if (idx == 0) {
		sb = acltrace_vec_push(&a->sites);
		if (!sb || acltrace_map_put(&a->site_live, (uint64_t)(uintptr_t)site,
					    (void *)(uintptr_t)a->sites.len) != 0)
			return -1;
		sb->site = site;
		site->acct = a;
		site->acct_slot = a->sites.len;
	} else {
		sb = acltrace_vec_at(&a->sites, idx - 1);
	}
	sb->bytes += bytes;
	sb->count++;
	a->allocs++;
	a->live_bytes += bytes;
	a->live_requested += requested;
	a->live_count++;
	if (a->live_bytes > a->peak_bytes) {
		a->peak_bytes = a->live_bytes;
		a->peak_requested = a->live_requested;
		a->peak_count = a->live_count;
		a->peak_time_ns = time_ns;
		a->at_peak = true;
	}
	return 0;
}

void acltrace_pool_sub(struct acltrace_pool_acct *a, struct acltrace_site *site, uint64_t bytes,
		       uint64_t requested)
{
	if (a->at_peak)
		(void)snapshot(a); /* on failure the peak set stays as it was */
	uintptr_t idx = site_slot(a, site);
	if (idx) {
		struct acltrace_site_bytes *sb = acltrace_vec_at(&a->sites, idx - 1);
		sb->bytes -= bytes;
		sb->count--;
	}
	a->frees++;
	a->live_bytes -= bytes;
	a->live_requested -= requested;
	a->live_count--;
}

static int by_bytes_desc(const void *x, const void *y)
{
	const struct acltrace_site_bytes *a = x, *b = y;
	if (a->bytes != b->bytes)
		return a->bytes < b->bytes ? 1 : -1;
	if (a->site->proc->pid != b->site->proc->pid)
		return a->site->proc->pid < b->site->proc->pid ? -1 : 1;
	return a->site->stack_id < b->site->stack_id ? -1 : a->site->stack_id > b->site->stack_id;
}

int acltrace_pool_finish(struct acltrace_pool_acct *a)
{
	int rc = a->at_peak ? snapshot(a) : 0;
	if (a->peak_set.len)
		qsort(a->peak_set.data, a->peak_set.len, a->peak_set.item, by_bytes_desc);
	return rc;
}

void acltrace_pools_destroy(struct acltrace_model *m)
{
	for (struct acltrace_pool_acct *a = m->pool_list, *next; a; a = next) {
		next = a->next;
		acltrace_map_fini(&a->site_live);
		acltrace_vec_fini(&a->sites);
		acltrace_vec_fini(&a->peak_set);
		free(a);
	}
	acltrace_map_fini(&m->pools);
	m->pool_list = NULL;
}
