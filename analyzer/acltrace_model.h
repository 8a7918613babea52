/* SPDX-License-Identifier: MIT */
/*
 * The model: replays the plain events of acltrace_event.h per process, recomputes findings,
 * accounts pools per device and detects leaks. It includes nothing of babeltrace.
 */
#ifndef ACLTRACE_MODEL_H
#define ACLTRACE_MODEL_H

#include "acltrace_event.h"
#include "acltrace_findings.h"
#include "acltrace_util.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define ACLTRACE_GROWTH_WINDOWS 32
#define ACLTRACE_MAX_API	256
#define ACLTRACE_MAX_DEVICES	64
#define ACLTRACE_MAX_PENDING	(1u << 20) /* async uses remembered per process */
#define ACLTRACE_SITE_CACHE	16

/* Which API allocated a buffer; decides the right free (issue 4's table). */
enum acltrace_family {
	ACLTRACE_FAMILY_UNKNOWN = 0,
	ACLTRACE_FAMILY_RT_MALLOC,	    /* aclrtMalloc */
	ACLTRACE_FAMILY_RT_MALLOC_ALIGN32,  /* aclrtMallocAlign32 */
	ACLTRACE_FAMILY_RT_MALLOC_CACHED,   /* aclrtMallocCached */
	ACLTRACE_FAMILY_RT_MALLOC_WITH_CFG, /* aclrtMallocWithCfg */
	ACLTRACE_FAMILY_RT_MALLOC_HOST,	    /* aclrtMallocHost */
	ACLTRACE_FAMILY_RT_MALLOC_HOST_CFG, /* aclrtMallocHostWithCfg */
	ACLTRACE_FAMILY_DVPP_MALLOC,	    /* acldvppMalloc */
	ACLTRACE_FAMILY_HI_MPI_DVPP_MALLOC, /* hi_mpi_dvpp_malloc */
	ACLTRACE_FAMILY_COUNT
};

enum acltrace_free_api {
	ACLTRACE_FREE_UNKNOWN = 0,
	ACLTRACE_FREE_RT_FREE,		 /* aclrtFree */
	ACLTRACE_FREE_RT_FREE_DEV_SYNC,	 /* aclrtFreeWithDevSync */
	ACLTRACE_FREE_RT_FREE_HOST,	 /* aclrtFreeHost */
	ACLTRACE_FREE_RT_FREE_HOST_SYNC, /* aclrtFreeHostWithDevSync */
	ACLTRACE_FREE_DVPP_FREE,	 /* acldvppFree */
	ACLTRACE_FREE_HI_MPI_DVPP_FREE,	 /* hi_mpi_dvpp_free */
	ACLTRACE_FREE_COUNT
};

/* What a use needs from its buffer, derived from the API name and the role. */
enum acltrace_use_need {
	ACLTRACE_NEED_DVPP = 1u << 0,	     /* DVPP operation: DVPP memory (per target SoC) */
	ACLTRACE_NEED_ALIGN128 = 1u << 1,    /* DVPP: start 128-byte aligned */
	ACLTRACE_NEED_RUNTIME_MEM = 1u << 2, /* model work/weight memory: not DVPP */
	ACLTRACE_NEED_PINNED_HOST = 1u << 3, /* async copy: host memory must be pinned, aligned */
	ACLTRACE_NEED_SIZE = 1u << 4,	     /* the size must fit the allocation */
};

const char *acltrace_family_name(uint32_t family);
const char *acltrace_free_name(uint32_t api);
enum acltrace_family acltrace_family_by_name(const char *name);
enum acltrace_free_api acltrace_free_by_name(const char *name);
uint32_t acltrace_use_needs(const char *api, uint32_t role);
/* True for return codes that mean the pool ran out of memory (api-facts.md section 4). */
bool acltrace_rc_is_oom(int64_t rc);

struct acltrace_model;
struct acltrace_process;

struct acltrace_stack {
	uint64_t id;
	uint32_t nframes;
	uint64_t frames[]; /* return addresses, innermost first */
};

struct acltrace_module {
	uint64_t base, memsz;
	char *path;
	char *debug_link;
	uint8_t *build_id;
	uint32_t build_id_len;
	bool is_pic;
	bool unloaded;
};

/* One allocation site (an allocation stack) of one process. */
struct acltrace_site {
	struct acltrace_process *proc;
	uint64_t stack_id;
	uint64_t live_bytes, live_count;
	bool leak_reported;
	bool growing;			 /* reported as a leak by growth */
	struct acltrace_pool_acct *acct; /* the pool this site allocated from last */
	size_t acct_slot;		 /* 1 + its index in acct->sites, 0: none */
	/* growth: the lowest live bytes in each time window (see model_growth) */
	uint32_t first_win, last_win;
	uint64_t floors[ACLTRACE_GROWTH_WINDOWS];
	struct acltrace_site *next_all; /* model-wide list */
};

/* Where a finding came from, after the cross-check with the preload's own finding events. */
enum acltrace_xcheck {
	ACLTRACE_XCHECK_CONFIRMED = 0, /* both found it, same count */
	ACLTRACE_XCHECK_COUNT_DIFFERS, /* both found it, counts differ */
	ACLTRACE_XCHECK_ANALYZER_ONLY, /* recomputed, the preload did not report it */
	ACLTRACE_XCHECK_PRELOAD_ONLY,  /* the preload reported it; the events do not show it */
	ACLTRACE_XCHECK_NO_PRELOAD,    /* the trace holds no finding events to compare with */
};

enum acltrace_leak_when {
	ACLTRACE_LEAK_NONE = 0,
	ACLTRACE_LEAK_FINALIZE,
	ACLTRACE_LEAK_RESET,
	ACLTRACE_LEAK_EXIT,
	ACLTRACE_LEAK_GROWTH,
	ACLTRACE_LEAK_END_OF_TRACE, /* live when the trace ended, the process's exit not seen */
};

/* One deduplicated finding: kind + process + stack, with counts. */
struct acltrace_finding {
	uint32_t kind;
	uint32_t severity;
	struct acltrace_process *proc;
	uint64_t stack_id;	 /* where it happened (for leaks: the allocation site) */
	uint64_t alloc_stack_id; /* for frees and uses: the allocation's stack; 0: none */
	uint64_t free_stack_id;	 /* for double frees and uses after free: the earlier free */
	bool has_alloc_stack, has_free_stack, has_stack;
	uint64_t count;		/* recomputed occurrences */
	uint64_t preload_count; /* occurrences the preload reported */
	uint64_t preload_bytes; /* leaks: bytes the preload reported */
	bool uncertain;		/* every occurrence fell where the trace is incomplete */
	bool predicted;		/* pool-exhausted from a device profile, not from a failure */
	enum acltrace_leak_when leak_when;
	uint64_t bytes; /* leaks: bytes in total; others: size of the first occurrence */
	/* first occurrence */
	int32_t tid;
	uint64_t time_ns;
	uint64_t addr;
	int32_t pool; /* enum acltrace_pool, or -1 */
	int32_t device;
	char api[40];
	char message[384];
	struct acltrace_finding *next; /* model-wide list, in order of creation */
};

struct acltrace_site_bytes {
	struct acltrace_site *site;
	uint64_t bytes, count;
};

/* One pool of one device of one host: processes on that device add up. */
struct acltrace_pool_acct {
	uint32_t host;	/* index into the model's host names */
	int32_t device; /* -1 for the host pool */
	uint32_t pool;
	uint64_t recorded_capacity; /* what the traced process knew (acltrace:pool), 0: none */
	uint32_t recorded_source;   /* enum acltrace_capacity_source */
	uint64_t live_bytes, live_requested, live_count;
	uint64_t peak_bytes, peak_requested, peak_count, peak_time_ns;
	uint64_t allocs, frees, failures;
	bool at_peak;
	struct acltrace_map site_live; /* site pointer -> struct acltrace_site_bytes * */
	struct acltrace_vec sites;     /* of struct acltrace_site_bytes, indexed from site_live */
	struct acltrace_vec peak_set;  /* of struct acltrace_site_bytes: live set at the peak */
	/* capacity, filled in by acltrace_model_apply_profile */
	uint64_t capacity_bytes; /* 0: unknown */
	uint64_t reserved_bytes; /* memory the runtime takes out of the pool for itself */
	const char *capacity_source;
	const char *profile_name; /* NULL when the capacity did not come from a profile */
	/* ACLTRACE_DVPP_LIMIT: the preload holds requested bytes to it, so the report does too */
	bool by_requested;
	struct acltrace_pool_acct *next;
};

struct acltrace_process {
	uint32_t host;
	int32_t pid;
	int64_t parent_pid;
	struct acltrace_process *parent; /* set by acltrace_model_finish when traced too */
	char *command;
	char *soc;
	uint32_t mode;
	uint32_t generation;
	int32_t device;				    /* current device */
	uint32_t device_refs[ACLTRACE_MAX_DEVICES]; /* aclrtSetDevice calls not yet reset */
	char *api_names[ACLTRACE_MAX_API];
	uint8_t api_family[ACLTRACE_MAX_API]; /* enum acltrace_family of each API id */
	uint8_t api_free[ACLTRACE_MAX_API];   /* enum acltrace_free_api */
	uint8_t api_needs[ACLTRACE_MAX_API][ACLTRACE_ROLE_COUNT]; /* enum acltrace_use_need */
	uint64_t first_time_ns, last_time_ns;
	bool has_process_event, saw_init, mid_run, forked, exited, finalized;
	bool had_failed_alloc;
	uint64_t uncertain_since;	  /* UINT64_MAX: certain everywhere */
	struct acltrace_treap live;	  /* struct acltrace_alloc_rec by address */
	struct acltrace_map live_idx;	  /* address -> struct acltrace_alloc_rec * */
	struct acltrace_map freed_idx;	  /* address -> freed struct acltrace_alloc_rec * */
	bool live_ordered, freed_ordered; /* the treaps are built (see live_containing) */
	struct acltrace_treap freed;	  /* freed records by address (see freed_containing) */
	struct acltrace_vec freed_fifo;	  /* of struct acltrace_alloc_rec *: the freed, a ring */
	size_t freed_head;
	struct acltrace_map stacks; /* id -> struct acltrace_stack * */
	struct acltrace_map sites;  /* alloc stack id -> struct acltrace_site * */
	struct acltrace_site *site_cache[ACLTRACE_SITE_CACHE]; /* by stack id, see site_get */
	struct acltrace_map calls;   /* thread id -> struct acltrace_call * (see call_add_use) */
	struct acltrace_vec pending; /* of struct acltrace_pending_use: async uses in flight */
	bool pending_dropped;	     /* some were forgotten (see forget_pending) */
	struct acltrace_vec modules; /* of struct acltrace_module */
	uint64_t allocs, frees, uses, preload_findings, unmatched_frees, missing_stacks;
	uint64_t refused_frees; /* frees the runtime refused (seen by a later free) */
	struct acltrace_process *next;
};

struct acltrace_model_stats {
	uint64_t events;
	uint64_t discarded_events;
	uint64_t discard_records;
	uint64_t first_time_ns, last_time_ns;
	uint64_t preload_findings;
	uint64_t missing_stacks; /* stack ids referenced but never defined */
	uint64_t bad_events;	 /* events with values out of range, skipped */
	uint64_t processes;	 /* with an acltrace:process event */
	bool started_mid_run;
	bool saw_acltrace; /* at least one acltrace:process event */
};

struct acltrace_model_config {
	/* how many freed buffers are remembered to tell double frees and uses after free */
	size_t freed_memory;
	/* leaks by growth: minimum windows and trace duration before a site counts as growing */
	uint32_t growth_min_windows;
	uint64_t growth_min_duration_ns;
};

void acltrace_model_config_default(struct acltrace_model_config *cfg);
struct acltrace_model *acltrace_model_create(const struct acltrace_model_config *cfg);
void acltrace_model_destroy(struct acltrace_model *m);
/* Returns 0, or -1 when out of memory (the model is then unusable). */
int acltrace_model_feed(struct acltrace_model *m, const struct acltrace_event *ev);
/* End of input: snapshots, growth, cross-check. Call once, before reading results. */
int acltrace_model_finish(struct acltrace_model *m);

/* Results. */
struct acltrace_process *acltrace_model_processes(const struct acltrace_model *m);
struct acltrace_finding *acltrace_model_findings(const struct acltrace_model *m);
struct acltrace_pool_acct *acltrace_model_pools(const struct acltrace_model *m);
const struct acltrace_model_stats *acltrace_model_stats(const struct acltrace_model *m);
const char *acltrace_model_host_name(const struct acltrace_model *m, uint32_t host);
const struct acltrace_stack *acltrace_model_stack(const struct acltrace_process *p, uint64_t id);
enum acltrace_xcheck acltrace_finding_xcheck(const struct acltrace_model *m,
					     const struct acltrace_finding *f);
/* Occurrences to show: recomputed, or the preload's when the events could not show it. */
uint64_t acltrace_finding_count(const struct acltrace_finding *f);
const char *acltrace_pool_name(uint32_t pool);
const char *acltrace_leak_when_name(enum acltrace_leak_when w);
const char *acltrace_xcheck_name(enum acltrace_xcheck x);

/* Device profiles (model_profiles.c). */
struct acltrace_pool_capacity {
	uint64_t bytes;	   /* 0: unknown */
	uint64_t reserved; /* taken by the runtime itself (AI CPU operator cache) */
	const char *source;
};

struct acltrace_device_profile {
	const char *name;
	const char *description;
	const char *soc_prefixes; /* comma-separated SoC name prefixes that select it */
	struct acltrace_pool_capacity pools[ACLTRACE_POOL_COUNT];
	uint64_t hugepage_reserve; /* pre-reserved huge pages, 0: none documented */
	const char *hugepage_source;
};

/* Overrides from the command line: 0 keeps the profile's value. */
struct acltrace_capacity_override {
	uint64_t bytes[ACLTRACE_POOL_COUNT];
	bool set[ACLTRACE_POOL_COUNT];
};

extern const struct acltrace_device_profile acltrace_device_profiles[];
extern const size_t acltrace_device_profile_count;
#define ACLTRACE_HUGEPAGE_BYTES (2ull << 20)
const struct acltrace_device_profile *acltrace_profile_by_name(const char *name);
const struct acltrace_device_profile *acltrace_profile_by_soc(const char *soc);
/*
 * Sets capacities of every pool from `profile` (NULL: from each host's recorded SoC) and the
 * overrides, and adds predicted pool-exhausted findings for peaks that do not fit.
 * Returns the profile used for the first pool, or NULL.
 */
const struct acltrace_device_profile *
acltrace_model_apply_profile(struct acltrace_model *m,
			     const struct acltrace_device_profile *profile,
			     const struct acltrace_capacity_override *ovr);
/* Parses "dvpp=512M"; returns 0 or -1. */
int acltrace_profile_parse_capacity(const char *arg, struct acltrace_capacity_override *ovr);
int acltrace_profile_parse_size(const char *s, uint64_t *out);

#endif
