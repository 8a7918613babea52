/* SPDX-License-Identifier: MIT */
/* Private to the model's files. */
#ifndef ACLTRACE_MODEL_INTERNAL_H
#define ACLTRACE_MODEL_INTERNAL_H

#include "acltrace_model.h"

struct acltrace_alloc_rec {
	struct acltrace_tnode node; /* key: address */
	uint64_t size, rounded, stack_id, time_ns;
	struct acltrace_site *site;
	struct acltrace_pool_acct *acct;
	uint32_t gen;
	uint32_t pending; /* async uses not yet synchronized */
	int32_t tid, device;
	uint8_t family, pool;
	bool leak_reported, released;
	/* once freed, the record is remembered (freed_idx, ring) to tell double frees */
	bool in_freed_treap;
	uint64_t free_stack_id, free_time_ns;
};

struct acltrace_pending_use {
	uint64_t addr;
	uint64_t stream;
	uint64_t task;
	uint32_t gen;
};

/* The buffers of a thread's latest call, until its task_submit (uses precede it). */
#define ACLTRACE_CALL_BUFS 64
struct acltrace_call {
	uint64_t stack_id;
	uint32_t api;
	uint32_t n;
	uint64_t addr[ACLTRACE_CALL_BUFS];
	uint32_t gen[ACLTRACE_CALL_BUFS];
};

#define ACLTRACE_MAX_TRACES 1024 /* as many as the adapter opens */

struct acltrace_model {
	struct acltrace_model_config cfg;
	struct acltrace_model_stats stats;
	struct acltrace_map procs; /* (host << 32 | pid) -> process */
	struct acltrace_process *last_proc;
	uint64_t last_proc_key;
	struct acltrace_process *proc_list, **proc_tail;
	struct acltrace_map findings; /* key hash -> finding */
	struct acltrace_finding *finding_list, **finding_tail;
	struct acltrace_map pools; /* key -> pool acct */
	struct acltrace_pool_acct *pool_list, **pool_tail;
	struct acltrace_site *site_list;
	/* traces: trace id -> host index, and where each trace lost events */
	uint32_t trace_host[ACLTRACE_MAX_TRACES];
	uint64_t trace_uncertain_since[ACLTRACE_MAX_TRACES];
	bool trace_known[ACLTRACE_MAX_TRACES];
	char **hosts;
	uint32_t nhosts;
	uint32_t gen;
	bool finished;
	bool oom;
	/* growth windows */
	uint64_t win_origin, win_width;
	bool win_started;
};

/* model.c */
struct acltrace_finding *acltrace_model_add_finding(struct acltrace_model *m,
						    struct acltrace_process *p, uint32_t kind,
						    uint32_t severity, uint64_t stack_id,
						    bool has_stack, uint64_t time_ns,
						    bool uncertain);
/* model_pools.c */
struct acltrace_pool_acct *acltrace_pool_get(struct acltrace_model *m, uint32_t host,
					     int32_t device, uint32_t pool);
int acltrace_pool_add(struct acltrace_pool_acct *a, struct acltrace_site *site, uint64_t bytes,
		      uint64_t requested, uint64_t time_ns);
void acltrace_pool_sub(struct acltrace_pool_acct *a, struct acltrace_site *site, uint64_t bytes,
		       uint64_t requested);
int acltrace_pool_finish(struct acltrace_pool_acct *a);
void acltrace_pools_destroy(struct acltrace_model *m);
/* model_growth.c */
void acltrace_growth_update(struct acltrace_model *m, struct acltrace_site *s, uint64_t time_ns,
			    uint64_t old_live, uint64_t new_live);
void acltrace_growth_finish(struct acltrace_model *m);

void acltrace_format_bytes(char *buf, size_t len, uint64_t bytes);

#endif
