/* SPDX-License-Identifier: MIT */
#include "acltrace_use.h"

#include "acltrace_emit.h"
#include "acltrace_enforce.h"
#include "acltrace_findings.h"
#include "acltrace_log.h"
#include "acltrace_options.h"
#include "acltrace_picture.h"
#include "acltrace_report.h"
#include "acltrace_soc.h"
#include "acltrace_stack.h"
#include "acltrace_types.h"
#include "acltrace_use_hooks.h"
#include "acltrace_video.h"

#include <pthread.h>
#include <string.h>

uint32_t acltrace_tid(void);

/* ---- failed allocations: what their out-parameter held afterwards ---- */

#define FAILED_KEEP 64u

struct failed_alloc {
	void **out;	/* the caller's variable */
	uint64_t value; /* what it held after the failure (NULL, or a stale pointer) */
	uint32_t stack;
	uint16_t api;
	bool used;
};

static struct failed_alloc failed[FAILED_KEEP];
static uint32_t failed_next;
static _Atomic uint32_t failed_count;
static pthread_mutex_t failed_lock = PTHREAD_MUTEX_INITIALIZER;
static int use_ready;
static pthread_mutex_t use_init_lock = PTHREAD_MUTEX_INITIALIZER;

static void use_atfork_child(void)
{
	acltrace_tasks_atfork_child();
	acltrace_video_atfork_child();
	acltrace_picture_atfork_child();
	memset(failed, 0, sizeof(failed));
	failed_count = 0;
	pthread_mutex_init(&failed_lock, NULL);
	pthread_mutex_init(&use_init_lock, NULL);
}

static void use_init(void)
{
	if (__atomic_load_n(&use_ready, __ATOMIC_ACQUIRE))
		return;
	pthread_mutex_lock(&use_init_lock);
	if (!use_ready) {
		pthread_atfork(NULL, NULL, use_atfork_child);
		__atomic_store_n(&use_ready, 1, __ATOMIC_RELEASE);
	}
	pthread_mutex_unlock(&use_init_lock);
}

void acltrace_use_on_alloc(const struct acltrace_rec *rec, void **out, int rc)
{
	use_init();
	if (rc == 0 && rec->addr) {
		if (__atomic_load_n(&failed_count, __ATOMIC_ACQUIRE)) {
			/* A retry that succeeded clears the failure of the same variable. */
			pthread_mutex_lock(&failed_lock);
			for (unsigned i = 0; i < FAILED_KEEP; i++) {
				if (failed[i].used && failed[i].out == out) {
					failed[i].used = false;
					failed_count--;
				}
			}
			pthread_mutex_unlock(&failed_lock);
		}
		return;
	}
	if (!out)
		return;
	pthread_mutex_lock(&failed_lock);
	{
		struct failed_alloc *f = &failed[failed_next++ % FAILED_KEEP];

		if (!f->used)
			failed_count++;
		*f = (struct failed_alloc){ .out = out,
					    .value = (uint64_t)(uintptr_t)*out,
					    .stack = rec->alloc_stack,
					    .api = rec->api,
					    .used = true };
	}
	pthread_mutex_unlock(&failed_lock);
}

/* A pointer that is what a failed allocation left in its variable: taken out of the list. */
static bool take_failed(uint64_t value, struct failed_alloc *out)
{
	bool found = false;

	if (!__atomic_load_n(&failed_count, __ATOMIC_ACQUIRE))
		return false;
	pthread_mutex_lock(&failed_lock);
	for (unsigned n = 0; n < FAILED_KEEP && !found; n++) {
		/* Newest first. */
		struct failed_alloc *f = &failed[(failed_next - 1 - n) % FAILED_KEEP];

		if (f->used && f->value == value) {
			*out = *f;
			f->used = false;
			failed_count--;
			found = true;
		}
	}
	pthread_mutex_unlock(&failed_lock);
	return found;
}

/* ---- one use ---- */

void acltrace_use_begin(struct acltrace_use *u, struct acltrace_call *c, bool dvpp_op,
			unsigned engine, unsigned site)
{
	u->call = c;
	u->stack = 0;
	u->stack_taken = false;
	u->dvpp_op = dvpp_op;
	u->engine = (uint8_t)engine;
	u->site = (uint8_t)site;
	u->found = 0;
	u->deny = 0;
	u->nbufs = 0;
	use_init();
}

uint32_t acltrace_use_stack(struct acltrace_use *u)
{
	if (!u->stack_taken) {
		u->stack =
		    acltrace_stack_capture((unsigned)acltrace_option_int(ACLTRACE_OPT_BT_DEPTH));
		u->stack_taken = true;
	}
	return u->stack;
}

void acltrace_use_report(struct acltrace_use *u, unsigned kind, uint64_t addr, uint64_t size,
			 const struct acltrace_rec *rec, const char *detail)
{
	unsigned rule = acltrace_enforce_rule(kind);
	struct acltrace_finding f = {
		.kind = kind,
		.severity = acltrace_finding_table[kind].severity,
		.api = u->call->api,
		.addr = addr,
		.size = size,
		.tid = acltrace_tid(),
		.rec = rec,
		.detail = detail,
	};

	if (rule == ACLTRACE_RULE_OFF)
		return;
	f.stack = acltrace_use_stack(u);
	u->found |= 1u << kind;
	if (acltrace_enforce_denies_use(kind, u->dvpp_op))
		u->deny |= 1u << kind;
	acltrace_report(&f);
}

static const char *role_name(unsigned role)
{
	return role == ACLTRACE_ROLE_INPUT    ? "read"
	       : role == ACLTRACE_ROLE_OUTPUT ? "written"
					      : "read and written";
}

/* The whole record of the allocation starting at start, for a report (the check reads less). */
static const struct acltrace_rec *record_of(uint64_t start, struct acltrace_rec *mem)
{
	return acltrace_registry_lookup(start, mem) ? mem : NULL;
}

uint32_t acltrace_use_buffer(struct acltrace_use *u, const char *what, const void *ptr,
			     uint64_t len, unsigned role, unsigned need)
{
	uint64_t addr = (uint64_t)(uintptr_t)ptr;
	struct acltrace_rec r, recmem;
	struct failed_alloc fa;
	char mem[384];
	struct acltrace_buf b;
	uint32_t before = u->found;
	uint64_t start = 0, size = 0;
	bool known;

	acltrace_buf_init(&b, mem, sizeof(mem));
	if (u->nbufs < ACLTRACE_TASK_MAX_BUFS && addr)
		u->bufs[u->nbufs++] = (struct acltrace_task_buf){ addr, len };
	{
		struct acltrace_emit_use ev = {
			.api = u->call->api, .role = (uint8_t)role, .addr = addr, .size = len
		};
		if (acltrace_emit_wants_stack())
			ev.stack_id = acltrace_use_stack(u);
		acltrace_emit_use(&ev);
	}
	if (take_failed(addr, &fa)) {
		acltrace_buf_printf(&b,
				    "%s %p is what the failed %s left in its variable; the "
				    "allocation's result was not checked",
				    what, ptr, acltrace_api_name(fa.api));
		acltrace_use_report(u, ACLTRACE_FINDING_UNCHECKED_FAILURE, addr, len, NULL, mem);
		return u->found & ~before;
	}
	if (!addr)
		return 0; /* the runtime rejects NULL itself */
	/* One lock-free lookup: start or interior, live or freed. */
	known = acltrace_registry_find(addr, &r);
	if (known) {
		start = r.addr;
		size = r.requested ? r.requested : 1;
	}
	if (known && r.state != ACLTRACE_REC_LIVE) {
		acltrace_buf_printf(&b,
				    "%s %p (%s) is %llu bytes inside the %llu-byte %s allocation "
				    "at %p, which was freed",
				    what, ptr, role_name(role), (unsigned long long)(addr - start),
				    (unsigned long long)size, acltrace_pool_name(r.pool),
				    (void *)(uintptr_t)start);
		acltrace_use_report(u, ACLTRACE_FINDING_USE_AFTER_FREE, addr, len,
				    record_of(start, &recmem), mem);
		return u->found & ~before;
	}
	if (need & ACLTRACE_NEED_LIVE)
		return 0;
	if (need & ACLTRACE_NEED_DVPP) {
		const struct acltrace_soc *soc = acltrace_soc_target();

		if (!known || !acltrace_soc_accepts(soc, u->engine, r.pool)) {
			acltrace_buf_init(&b, mem, sizeof(mem));
			acltrace_buf_printf(
			    &b, "%s %p given to %s is %s memory; %s on %s accepts %s", what, ptr,
			    acltrace_engine_name(u->engine),
			    known ? acltrace_pool_name(r.pool) : "host or unknown",
			    acltrace_engine_name(u->engine), soc->family,
			    acltrace_soc_accepts(soc, u->engine, ACLTRACE_POOL_DEVICE)
				? "DVPP or aclrtMalloc memory"
				: "DVPP memory only (acldvppMalloc, "
				  "hi_mpi_dvpp_malloc)");
			acltrace_use_report(u, ACLTRACE_FINDING_NON_DVPP_BUFFER, addr, len,
					    known ? record_of(start, &recmem) : NULL, mem);
		}
		if (addr & 127u) {
			acltrace_buf_init(&b, mem, sizeof(mem));
			acltrace_buf_printf(&b,
					    "%s %p given to %s starts %u bytes past a 128-byte "
					    "boundary%s",
					    what, ptr, acltrace_engine_name(u->engine),
					    (unsigned)(addr & 127u),
					    known && addr != start ? " (a sub-buffer carved from a "
								     "larger block)"
								   : "");
			acltrace_use_report(u, ACLTRACE_FINDING_MISALIGNED_BUFFER, addr, len,
					    known ? record_of(start, &recmem) : NULL, mem);
		}
	}
	if (known && len && addr - start + len > size) {
		acltrace_buf_init(&b, mem, sizeof(mem));
		acltrace_buf_printf(&b,
				    "%s needs %llu bytes from %p, %llu bytes into the %llu-byte %s "
				    "allocation at %p: %llu bytes past its end",
				    what, (unsigned long long)len, ptr,
				    (unsigned long long)(addr - start), (unsigned long long)size,
				    acltrace_pool_name(r.pool), (void *)(uintptr_t)start,
				    (unsigned long long)(addr - start + len - size));
		acltrace_use_report(u, ACLTRACE_FINDING_BUFFER_OVERFLOW, addr, len,
				    record_of(start, &recmem), mem);
	}
	if ((need & ACLTRACE_NEED_RUNTIME) && known && r.pool == ACLTRACE_POOL_DVPP) {
		acltrace_buf_init(&b, mem, sizeof(mem));
		acltrace_buf_printf(&b,
				    "%s %p is DVPP memory (from %s); model work and weight memory "
				    "should come from aclrtMalloc: the DVPP window is small and "
				    "shared by the media engines",
				    what, ptr, acltrace_api_name(r.api));
		acltrace_use_report(u, ACLTRACE_FINDING_DVPP_POOL_MISUSE, addr, len,
				    record_of(start, &recmem), mem);
	}
	if ((need & ACLTRACE_NEED_PINNED) && (!known || r.pool == ACLTRACE_POOL_HOST)) {
		const char *why = !known	 ? "not aclrtMallocHost memory"
				  : (addr & 63u) ? "not 64-byte aligned"
						 : NULL;
		if (why) {
			acltrace_buf_init(&b, mem, sizeof(mem));
			acltrace_buf_printf(&b,
					    "host side %s %p of an asynchronous copy is %s; the "
					    "result is unpredictable on Atlas 200/300/500 and "
					    "training products",
					    what, ptr, why);
			acltrace_use_report(u, ACLTRACE_FINDING_UNPINNED_ASYNC_COPY, addr, len,
					    NULL, mem);
		}
	}
	return u->found & ~before;
}

bool acltrace_use_denied(const struct acltrace_use *u, int *code)
{
	if (!u->deny)
		return false;
	*code = acltrace_enforce_use_code(u->site, u->deny);
	return true;
}

void acltrace_use_submit(struct acltrace_use *u, unsigned kind, uint64_t queue, uint64_t task_id)
{
	acltrace_tasks_submit(u->call->api, kind, queue, task_id, u->bufs, u->nbufs,
			      acltrace_use_stack(u));
}

/* ---- the free path ---- */

typedef int (*sync_fn)(void *);
typedef int (*vpc_result_fn)(int, unsigned, int);

void acltrace_use_on_free(struct acltrace_call *c, const struct acltrace_rec *rec)
{
	struct acltrace_task t;
	struct acltrace_use u;
	char mem[384];
	struct acltrace_buf b;

	for (unsigned round = 0;
	     round < 64 && acltrace_tasks_find_user(rec->addr, rec->requested, &t); round++) {
		bool enforce = acltrace_enforce_rule(ACLTRACE_FINDING_FREED_WHILE_IN_USE) ==
			       ACLTRACE_RULE_ENFORCE;

		if (round > 0 && !enforce)
			break;
		acltrace_use_begin(&u, c, false, 0, ACLTRACE_SITE_ACL);
		acltrace_buf_init(&b, mem, sizeof(mem));
		if (t.kind == ACLTRACE_QUEUE_VIDEO)
			acltrace_buf_printf(&b,
					    "the %llu-byte %s allocation is used by a frame sent "
					    "with %s to channel %p whose callback has not run yet",
					    (unsigned long long)rec->requested,
					    acltrace_pool_name(rec->pool), acltrace_api_name(t.api),
					    (void *)(uintptr_t)t.queue);
		else if (t.kind == ACLTRACE_QUEUE_HI_VDEC)
			acltrace_buf_printf(&b,
					    "the %llu-byte %s allocation is used by a stream sent "
					    "with %s to VDEC channel %lld, whose frame "
					    "hi_mpi_vdec_get_frame has not returned yet",
					    (unsigned long long)rec->requested,
					    acltrace_pool_name(rec->pool), acltrace_api_name(t.api),
					    (long long)t.queue);
		else if (t.kind == ACLTRACE_QUEUE_VPC)
			acltrace_buf_printf(&b,
					    "the %llu-byte %s allocation is used by %s task %llu "
					    "of VPC channel %lld, not yet collected with "
					    "hi_mpi_vpc_get_process_result",
					    (unsigned long long)rec->requested,
					    acltrace_pool_name(rec->pool), acltrace_api_name(t.api),
					    (unsigned long long)t.task_id, (long long)t.queue);
		else
			acltrace_buf_printf(&b,
					    "the %llu-byte %s allocation is used by %s queued on "
					    "stream %p, not yet synchronized",
					    (unsigned long long)rec->requested,
					    acltrace_pool_name(rec->pool), acltrace_api_name(t.api),
					    (void *)(uintptr_t)t.queue);
		if (round == 0)
			acltrace_use_report(&u, ACLTRACE_FINDING_FREED_WHILE_IN_USE, rec->addr,
					    rec->requested, rec, mem);
		/* Video work completes through the program's own calls (aclrtProcessReport on its
		 * callback thread, hi_mpi_vdec_get_frame): waiting here could wait forever. */
		if (!enforce || t.kind == ACLTRACE_QUEUE_VIDEO || t.kind == ACLTRACE_QUEUE_HI_VDEC)
			break;
		{
			/* Let the pending work finish, then free: the program stays correct. */
			if (t.kind == ACLTRACE_QUEUE_VPC) {
				vpc_result_fn fn = (vpc_result_fn)acltrace_real_get(
				    ACLTRACE_API_hi_mpi_vpc_get_process_result);
				if (fn)
					fn((int)t.queue, (unsigned)t.task_id, -1);
				acltrace_tasks_retire_vpc(t.queue, t.task_id, c->api);
			} else {
				sync_fn fn =
				    (sync_fn)acltrace_real_get(ACLTRACE_API_aclrtSynchronizeStream);
				if (fn)
					fn((void *)(uintptr_t)t.queue);
				acltrace_tasks_retire_stream(t.queue, UINT64_MAX, c->api);
			}
		}
	}
}

void acltrace_use_on_free_failed(void *ptr)
{
	/* Nothing to undo: the registry, which the caller restored, is the use sites' index. */
	(void)ptr;
}
