/* SPDX-License-Identifier: MIT */
/*
 * Device profiles: pool capacities per product, each with its documented source, and the
 * predicted pool-exhausted findings for peaks that would not fit the chosen device.
 */
#include "acltrace_model_internal.h"

#include <ctype.h>
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define GIB (1ull << 30)
#define MIB (1ull << 20)

#define SRC_DVPP_4G                                                                               \
	"DVPP heap per device is the capability dvpp_memsize, 4 GB by default (hicann/driver "    \
	"svm v2 devmm_virt_dvpp_heap.c); old DDK: buffers within one 4 GB space (Atlas 300 DVPP " \
	"docs, atlasdvpp_07_0015)"
#define SRC_DVPP_16G                                                                         \
	"media data processing can access at most 16 GB of address space per process (CANN " \
	"8.0.RC3 aclcppdevg_03_0094; 9.0.0-beta.2 aclcppdevg_03_0322)"
#define SRC_AICPU_200M                                                                        \
	"AI CPU operators cached on the first task after device boot in EP mode: 100-200 MB " \
	"(CANN 8.0.0 aclcppdevg_03_0094, memory management overview); the upper bound is kept"
#define SRC_AICPU_300M                                                                \
	"first task loads a system package of about 300 MB on A2/A3 (hicann/runtime " \
	"docs/zh/api_ref/11_memory_management.md)"
#define SRC_HUGE_1940M                                                                 \
	"huge pages pre-reserved at 25% of device OS memory, about 1940 MB, on Atlas " \
	"200/300/500 inference products (CANN 8.0.0 aclcppdevg_03_0094)"

const struct acltrace_device_profile acltrace_device_profiles[] = {
	{
	    .name = "ascend310",
	    .description = "Atlas 200/300/500 inference products (Ascend 310)",
	    .soc_prefixes = "Ascend310,",
	    .pools = { [ACLTRACE_POOL_DEVICE] = { 0, 200 * MIB, SRC_AICPU_200M },
		       [ACLTRACE_POOL_DVPP] = { 4 * GIB, 0, SRC_DVPP_4G },
		       [ACLTRACE_POOL_HOST] = { 0, 0, NULL } },
	    .hugepage_reserve = 1940 * MIB,
	    .hugepage_source = SRC_HUGE_1940M,
	},
	{
	    .name = "ascend310p",
	    .description = "Atlas inference series (Ascend 310P)",
	    .soc_prefixes = "Ascend310P",
	    .pools = { [ACLTRACE_POOL_DEVICE] = { 0, 200 * MIB, SRC_AICPU_200M },
		       [ACLTRACE_POOL_DVPP] = { 16 * GIB, 0, SRC_DVPP_16G },
		       [ACLTRACE_POOL_HOST] = { 0, 0, NULL } },
	},
	{
	    .name = "ascend310b",
	    .description = "Atlas 200I/500 A2 (Ascend 310B)",
	    .soc_prefixes = "Ascend310B",
	    .pools = { [ACLTRACE_POOL_DEVICE] = { 0, 200 * MIB, SRC_AICPU_200M },
		       [ACLTRACE_POOL_DVPP] = { 4 * GIB, 0, SRC_DVPP_4G },
		       [ACLTRACE_POOL_HOST] = { 0, 0, NULL } },
	},
	{
	    .name = "atlas-a2",
	    .description = "Atlas A2 training/inference series (Ascend 910B)",
	    .soc_prefixes = "Ascend910B",
	    .pools = { [ACLTRACE_POOL_DEVICE] = { 0, 300 * MIB, SRC_AICPU_300M },
		       [ACLTRACE_POOL_DVPP] = { 16 * GIB, 0, SRC_DVPP_16G },
		       [ACLTRACE_POOL_HOST] = { 0, 0, NULL } },
	},
	{
	    .name = "atlas-a3",
	    .description = "Atlas A3 series (Ascend 910_93)",
	    .soc_prefixes = "Ascend910_93",
	    .pools = { [ACLTRACE_POOL_DEVICE] = { 0, 300 * MIB, SRC_AICPU_300M },
		       [ACLTRACE_POOL_DVPP] = { 16 * GIB, 0, SRC_DVPP_16G },
		       [ACLTRACE_POOL_HOST] = { 0, 0, NULL } },
	},
};

const size_t acltrace_device_profile_count =
    sizeof(acltrace_device_profiles) / sizeof(acltrace_device_profiles[0]);

const struct acltrace_device_profile *acltrace_profile_by_name(const char *name)
{
	for (size_t i = 0; i < acltrace_device_profile_count; i++)
		if (strcasecmp(acltrace_device_profiles[i].name, name) == 0)
			return &acltrace_device_profiles[i];
	return NULL;
}

/* The longest matching prefix wins: "Ascend310P3" is a 310P, not a 310. */
const struct acltrace_device_profile *acltrace_profile_by_soc(const char *soc)
{
	const struct acltrace_device_profile *best = NULL;
	size_t best_len = 0;

	if (!soc)
		return NULL;
	for (size_t i = 0; i < acltrace_device_profile_count; i++) {
		const char *p = acltrace_device_profiles[i].soc_prefixes;
		while (*p) {
			size_t len = strcspn(p, ",");
			bool exact = p[len] == ',';
			if (len && strncasecmp(soc, p, len) == 0 && (!exact || soc[len] == '\0') &&
			    len > best_len) {
				best = &acltrace_device_profiles[i];
				best_len = len;
			}
			p += len + (p[len] == ',');
		}
	}
	return best;
}

int acltrace_profile_parse_size(const char *s, uint64_t *out)
{
	char *end;

	if (!s || !isdigit((unsigned char)*s))
		return -1;
	errno = 0;
	unsigned long long v = strtoull(s, &end, 10);
	if (errno)
		return -1;
	uint64_t mult = 1;
	switch (toupper((unsigned char)*end)) {
	case '\0':
		break;
	case 'K':
		mult = 1ull << 10;
		break;
	case 'M':
		mult = 1ull << 20;
		break;
	case 'G':
		mult = 1ull << 30;
		break;
	case 'T':
		mult = 1ull << 40;
		break;
	default:
		return -1;
	}
	if (*end) {
		end++;
		if (*end == 'i' || *end == 'I')
			end++;
		if (*end == 'B' || *end == 'b')
			end++;
		if (*end)
			return -1;
	}
	if (v > UINT64_MAX / mult)
		return -1;
	*out = v * mult;
	return 0;
}

int acltrace_profile_parse_capacity(const char *arg, struct acltrace_capacity_override *ovr)
{
	const char *eq = strchr(arg, '=');
	if (!eq)
		return -1;
	for (uint32_t pool = ACLTRACE_POOL_NONE + 1; pool < ACLTRACE_POOL_COUNT; pool++) {
		const char *name = acltrace_pool_name(pool);
		if (strlen(name) == (size_t)(eq - arg) && strncmp(arg, name, eq - arg) == 0) {
			uint64_t v;
			if (acltrace_profile_parse_size(eq + 1, &v) != 0)
				return -1;
			ovr->bytes[pool] = v;
			ovr->set[pool] = true;
			return 0;
		}
	}
	return -1;
}

static uint64_t round_up(uint64_t v, uint64_t to)
{
	return (v + to - 1) / to * to;
}

static const char *host_soc(const struct acltrace_model *m, uint32_t host)
{
	for (const struct acltrace_process *p = m->proc_list; p; p = p->next)
		if (p->host == host && p->soc)
			return p->soc;
	return NULL;
}

/* The site holding the most at the peak stands for a pool-level finding. */
static const struct acltrace_site_bytes *top_site(const struct acltrace_pool_acct *a)
{
	return a->peak_set.len ? acltrace_vec_at(&a->peak_set, 0) : NULL;
}

const struct acltrace_device_profile *
acltrace_model_apply_profile(struct acltrace_model *m,
			     const struct acltrace_device_profile *profile,
			     const struct acltrace_capacity_override *ovr)
{
	const struct acltrace_device_profile *first = NULL;
	char peak[64], cap[64];

	for (struct acltrace_pool_acct *a = m->pool_list; a; a = a->next) {
		const struct acltrace_device_profile *pr =
		    profile ? profile : acltrace_profile_by_soc(host_soc(m, a->host));
		if (!first)
			first = pr;
		a->capacity_bytes = 0;
		a->reserved_bytes = 0;
		a->capacity_source = NULL;
		a->profile_name = NULL;
		a->by_requested = false;
		static const char *const recorded[] = {
			"recorded in the trace", "recorded in the trace (queried from the runtime)",
			"recorded in the trace (ACLTRACE_DVPP_LIMIT)",
			"recorded in the trace (the preload's profile)"
		};
		if (pr) {
			a->reserved_bytes = pr->pools[a->pool].reserved;
			a->capacity_bytes = pr->pools[a->pool].bytes;
			a->capacity_source = pr->pools[a->pool].source;
			a->profile_name = pr->name;
		}
		/*
		 * What the traced process knew (the runtime's figure, ACLTRACE_DVPP_LIMIT) beats
		 * any profile: profiles give no device-memory total, and a limit is deliberate.
		 */
		if (a->recorded_capacity) {
			a->capacity_bytes = a->recorded_capacity;
			a->capacity_source =
			    recorded[a->recorded_source < 4 ? a->recorded_source : 0];
			a->profile_name = NULL;
			if (a->recorded_source == ACLTRACE_CAPSRC_LIMIT) {
				a->by_requested = true;
				a->reserved_bytes = 0;
			}
		}
		if (ovr && ovr->set[a->pool]) {
			a->capacity_bytes = ovr->bytes[a->pool];
			a->capacity_source = "--pool-capacity";
			a->profile_name = NULL;
			a->by_requested = false;
		}
		if (a->capacity_bytes == 0)
			continue;
		/* DVPP memory comes in 2 MiB huge pages: what fits is counted in pages */
		uint64_t need = a->peak_bytes + a->reserved_bytes;
		if (a->by_requested)
			need = a->peak_requested;
		else if (a->pool == ACLTRACE_POOL_DVPP)
			need = round_up(a->peak_bytes, ACLTRACE_HUGEPAGE_BYTES);
		if (need <= a->capacity_bytes)
			continue;
		const struct acltrace_site_bytes *top = top_site(a);
		if (!top)
			continue;
		struct acltrace_finding *f = acltrace_model_add_finding(
		    m, top->site->proc, ACLTRACE_FINDING_POOL_EXHAUSTED, ACLTRACE_SEVERITY_ERROR,
		    top->site->stack_id, top->site->stack_id != 0, a->peak_time_ns, false);
		if (!f)
			continue;
		f->predicted = true;
		f->count = 1;
		f->pool = (int32_t)a->pool;
		f->device = a->device;
		f->bytes = a->peak_bytes;
		f->tid = top->site->proc->pid;
		acltrace_format_bytes(peak, sizeof(peak), need);
		acltrace_format_bytes(cap, sizeof(cap), a->capacity_bytes);
		snprintf(f->message, sizeof(f->message),
			 "predicted: pool %s of device %d needs %s at its peak%s, more than the %s "
			 "of %s; the stack is the largest site at the peak",
			 acltrace_pool_name(a->pool), a->device, peak,
			 a->by_requested		 ? " (requested bytes, as the limit counts)"
			 : a->pool == ACLTRACE_POOL_DVPP ? " (in 2 MiB huge pages)"
			 : a->reserved_bytes		 ? " (with the runtime's reserve)"
							 : "",
			 cap, a->profile_name ? a->profile_name : "the given capacity");
	}
	return first;
}
