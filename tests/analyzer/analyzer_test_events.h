/* SPDX-License-Identifier: MIT */
/* Builds event sequences for the model tests: the model is fed exactly what the adapter makes. */
#ifndef ANALYZER_TEST_EVENTS_H
#define ANALYZER_TEST_EVENTS_H

#include "acltrace_model.h"

#include <stdint.h>
#include <string.h>

/* API ids of the test traces; names are what the preload's acltrace:api events carry. */
enum {
	API_RT_MALLOC = 1,
	API_RT_MALLOC_ALIGN32,
	API_RT_MALLOC_CACHED,
	API_RT_MALLOC_HOST,
	API_DVPP_MALLOC,
	API_HI_DVPP_MALLOC,
	API_RT_FREE,
	API_RT_FREE_HOST,
	API_DVPP_FREE,
	API_HI_DVPP_FREE,
	API_VPC_RESIZE,
	API_MEMCPY_ASYNC,
	API_MDL_LOAD_WITH_MEM,
	API_MEMCPY,
	API_SYNC_STREAM,
	API_MDL_EXECUTE,
	API_COUNT_
};

static const char *const test_api_names[API_COUNT_] = {
	[API_RT_MALLOC] = "aclrtMalloc",
	[API_RT_MALLOC_ALIGN32] = "aclrtMallocAlign32",
	[API_RT_MALLOC_CACHED] = "aclrtMallocCached",
	[API_RT_MALLOC_HOST] = "aclrtMallocHost",
	[API_DVPP_MALLOC] = "acldvppMalloc",
	[API_HI_DVPP_MALLOC] = "hi_mpi_dvpp_malloc",
	[API_RT_FREE] = "aclrtFree",
	[API_RT_FREE_HOST] = "aclrtFreeHost",
	[API_DVPP_FREE] = "acldvppFree",
	[API_HI_DVPP_FREE] = "hi_mpi_dvpp_free",
	[API_VPC_RESIZE] = "acldvppVpcResizeAsync",
	[API_MEMCPY_ASYNC] = "aclrtMemcpyAsync",
	[API_MDL_LOAD_WITH_MEM] = "aclmdlLoadFromFileWithMem",
	[API_MEMCPY] = "aclrtMemcpy",
	[API_SYNC_STREAM] = "aclrtSynchronizeStream",
	[API_MDL_EXECUTE] = "aclmdlExecute",
};

struct tb {
	struct acltrace_model *m;
	int32_t pid;
	uint16_t trace;
	uint64_t t; /* advances by 1 us per event unless set */
	int failed;
};

static inline void tb_feed(struct tb *b, struct acltrace_event *ev)
{
	ev->pid = b->pid;
	if (!ev->tid)
		ev->tid = b->pid;
	ev->trace_id = b->trace;
	if (!ev->time_ns)
		ev->time_ns = (b->t += 1000);
	else
		b->t = ev->time_ns;
	if (acltrace_model_feed(b->m, ev) != 0)
		b->failed = 1;
}

static inline void tb_host(struct tb *b, const char *host)
{
	struct acltrace_event ev = { .type = ACLTRACE_EV_HOST, .str = host };
	tb_feed(b, &ev);
}

/* acltrace:process of generation `gen`, then the API names, as the preload does. */
static inline void tb_start(struct tb *b, uint32_t gen, const char *soc)
{
	struct acltrace_event ev = { .type = ACLTRACE_EV_PROCESS };
	ev.u.process.generation = gen;
	ev.u.process.device = -1;
	ev.str = soc;
	tb_feed(b, &ev);
	for (uint32_t id = 1; id < API_COUNT_; id++) {
		struct acltrace_event a = { .type = ACLTRACE_EV_API, .str = test_api_names[id] };
		a.u.api.id = id;
		tb_feed(b, &a);
	}
}

static inline void tb_stack(struct tb *b, uint64_t id, uint64_t ip)
{
	uint64_t frames[2] = { ip, ip + 0x100 };
	struct acltrace_event ev = { .type = ACLTRACE_EV_STACK, .frames = frames, .nframes = 2 };
	ev.u.stack.stack_id = id;
	tb_feed(b, &ev);
}

static inline void tb_lifecycle(struct tb *b, uint32_t op, int32_t device)
{
	struct acltrace_event ev = { .type = ACLTRACE_EV_LIFECYCLE };
	ev.u.lifecycle.op = op;
	ev.u.lifecycle.device = device;
	tb_feed(b, &ev);
}

static inline uint32_t tb_pool_of(uint32_t api)
{
	switch (api) {
	case API_DVPP_MALLOC:
	case API_HI_DVPP_MALLOC:
		return ACLTRACE_POOL_DVPP;
	case API_RT_MALLOC_HOST:
		return ACLTRACE_POOL_HOST;
	default:
		return ACLTRACE_POOL_DEVICE;
	}
}

static inline void tb_alloc_rc(struct tb *b, uint32_t api, int32_t device, uint64_t size,
			       uint64_t addr, uint64_t stack, int64_t rc)
{
	struct acltrace_event ev = { .type = ACLTRACE_EV_ALLOC };
	ev.u.alloc.api = api;
	ev.u.alloc.pool = tb_pool_of(api);
	ev.u.alloc.device = device;
	ev.u.alloc.requested = size;
	ev.u.alloc.size = size;
	ev.u.alloc.addr = addr;
	ev.u.alloc.stack_id = stack;
	ev.u.alloc.rc = rc;
	tb_feed(b, &ev);
}

static inline void tb_alloc(struct tb *b, uint32_t api, uint64_t size, uint64_t addr,
			    uint64_t stack)
{
	tb_alloc_rc(b, api, 0, size, addr, stack, 0);
}

static inline void tb_free_action(struct tb *b, uint32_t api, uint64_t addr, uint64_t stack,
				  uint32_t action)
{
	struct acltrace_event ev = { .type = ACLTRACE_EV_FREE };
	ev.u.free.api = api;
	ev.u.free.addr = addr;
	ev.u.free.stack_id = stack;
	ev.u.free.action = action;
	tb_feed(b, &ev);
}

static inline void tb_free(struct tb *b, uint32_t api, uint64_t addr, uint64_t stack)
{
	tb_free_action(b, api, addr, stack, ACLTRACE_FREE_FORWARDED);
}

static inline void tb_use(struct tb *b, uint32_t api, uint32_t role, uint64_t addr, uint64_t size,
			  uint64_t stack)
{
	struct acltrace_event ev = { .type = ACLTRACE_EV_USE };
	ev.u.use.api = api;
	ev.u.use.role = role;
	ev.u.use.addr = addr;
	ev.u.use.size = size;
	ev.u.use.stack_id = stack;
	tb_feed(b, &ev);
}

/* The submission of the call whose uses came last on this thread (same API and stack). */
static inline void tb_submit(struct tb *b, uint32_t api, uint64_t stream, uint64_t task,
			     uint64_t stack)
{
	struct acltrace_event ev = { .type = ACLTRACE_EV_TASK_SUBMIT };
	ev.u.task.api = api;
	ev.u.task.stream = stream;
	ev.u.task.task = task;
	ev.u.task.stack_id = stack;
	tb_feed(b, &ev);
}

static inline void tb_task(struct tb *b, uint16_t type, uint64_t stream, uint64_t task)
{
	struct acltrace_event ev = { .type = type };
	ev.u.task.api = API_SYNC_STREAM;
	ev.u.task.stream = stream;
	ev.u.task.task = task;
	tb_feed(b, &ev);
}

static inline void tb_discard(struct tb *b, uint64_t count)
{
	struct acltrace_event ev = { .type = ACLTRACE_EV_DISCARDED };
	ev.u.discarded.count = count;
	ev.pid = -1;
	ev.trace_id = b->trace;
	ev.time_ns = (b->t += 1000);
	if (acltrace_model_feed(b->m, &ev) != 0)
		b->failed = 1;
}

static inline void tb_preload_finding(struct tb *b, uint32_t kind, uint32_t sev, uint64_t addr,
				      uint64_t stack)
{
	struct acltrace_event ev = { .type = ACLTRACE_EV_FINDING };
	ev.u.finding.kind = kind;
	ev.u.finding.severity = sev;
	ev.u.finding.addr = addr;
	ev.u.finding.stack_id = stack;
	tb_feed(b, &ev);
}

/* Leaks of buffers still live when the test's trace ends are counted only where asked for. */
static inline int tb_counted(const struct acltrace_finding *f)
{
	return acltrace_finding_count(f) > 0 && f->leak_when != ACLTRACE_LEAK_END_OF_TRACE;
}

/* The first counted finding of `kind` in process pid, or NULL; *n gets how many exist. */
static inline const struct acltrace_finding *tb_find(const struct acltrace_model *m, uint32_t kind,
						     int32_t pid, int *n)
{
	const struct acltrace_finding *found = NULL;
	int count = 0;
	for (const struct acltrace_finding *f = acltrace_model_findings(m); f; f = f->next) {
		if (f->kind == kind && f->proc->pid == pid && tb_counted(f)) {
			found = found ? found : f;
			count++;
		}
	}
	if (n)
		*n = count;
	return found;
}

static inline int tb_total_findings(const struct acltrace_model *m)
{
	int n = 0;
	for (const struct acltrace_finding *f = acltrace_model_findings(m); f; f = f->next)
		n += tb_counted(f);
	return n;
}

static inline const struct acltrace_pool_acct *tb_pool(const struct acltrace_model *m,
						       uint32_t pool, int32_t device)
{
	for (const struct acltrace_pool_acct *a = acltrace_model_pools(m); a; a = a->next)
		if (a->pool == pool && a->device == device)
			return a;
	return NULL;
}

#endif
