/* SPDX-License-Identifier: MIT */
#include "acltrace_track.h"

#include "acltrace_emit.h"
#include "acltrace_enforce.h" /* use-site checks */
#include "acltrace_findings.h"
#include "acltrace_log.h"
#include "acltrace_options.h"
#include "acltrace_registry.h"
#include "acltrace_report.h"
#include "acltrace_stack.h"
#include "acltrace_use.h" /* use-site checks */

#include <stdbool.h>
#include <string.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#define MAX_DEVICES 64

__thread unsigned acltrace_guard __attribute__((tls_model("initial-exec")));
static __thread uint32_t tid_cache __attribute__((tls_model("initial-exec")));
static __thread int32_t thread_device __attribute__((tls_model("initial-exec"))) = -1;
static int32_t process_device = -1;  /* last device set by any thread */
static int device_refs[MAX_DEVICES]; /* aclrtSetDevice minus aclrtResetDevice */

uint32_t acltrace_tid(void);
void acltrace_track_atfork_child(void);

uint32_t acltrace_tid(void)
{
	if (!tid_cache)
		tid_cache = (uint32_t)syscall(SYS_gettid);
	return tid_cache;
}

void acltrace_track_atfork_child(void)
{
	tid_cache = 0;
	memset(device_refs, 0, sizeof(device_refs));
}

static int32_t current_device(void)
{
	return thread_device >= 0 ? thread_device
				  : __atomic_load_n(&process_device, __ATOMIC_RELAXED);
}

static uint32_t capture(void)
{
	return acltrace_stack_capture((unsigned)acltrace_option_int(ACLTRACE_OPT_BT_DEPTH));
}

static uint64_t align_up(uint64_t v, uint64_t a)
{
	return (v + a - 1) / a * a;
}

/* What the runtime reserves for a request, by the documented rules (api-facts.md 5.1, 5.2). */
static uint64_t rounded_size(unsigned api, uint64_t size, int policy)
{
	switch (api) {
	case ACLTRACE_API_aclrtMallocAlign32:
		return align_up(size, 32);
	case ACLTRACE_API_aclrtMalloc:
	case ACLTRACE_API_aclrtMallocCached:
	case ACLTRACE_API_aclrtMallocWithCfg:
		if (policy >= 0 && ((policy & 0xff) == 6 || (policy & 0xff) == 7))
			return align_up(size, 1ull << 30); /* 1 GB pages: no +32 */
		return align_up(size, 32) + 32;
	case ACLTRACE_API_acldvppMalloc:
	case ACLTRACE_API_hi_mpi_dvpp_malloc:
		return align_up(size, 32) + 32;
	default:
		return size;
	}
}

/* Out-of-memory return codes: ACL, runtime, GE, and HiMPI NO_MEM / NO_BUF of any module. */
static bool is_out_of_memory(int rc)
{
	uint32_t u = (uint32_t)rc;

	switch (rc) {
	case 200000: /* ACL_ERROR_BAD_ALLOC */
	case 207001: /* ACL_ERROR_RT_MEMORY_ALLOCATION */
	case 207018: /* ACL_ERROR_RT_DEVICE_OOM */
	case 245000: /* ACL_ERROR_GE_MEMORY_ALLOCATION */
		return true;
	default:
		break;
	}
	return (u & 0xff000000u) == 0xa0000000u && ((u & 0x1fffu) == 12 || (u & 0x1fffu) == 13);
}

static uint64_t now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC_COARSE, &ts);
	return (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
}

void acltrace_on_alloc(struct acltrace_call *c, unsigned pool, int rc, void **out, uint64_t size,
		       int policy)
{
	void *addr = rc == 0 && out ? *out : NULL;
	struct acltrace_rec rec = {
		.addr = (uint64_t)(uintptr_t)addr,
		.requested = size,
		.rounded = rounded_size(c->api, size, policy),
		.tid = acltrace_tid(),
		.device = (int16_t)current_device(),
		.api = (uint8_t)c->api,
		.pool = (uint8_t)pool,
	};
	struct acltrace_emit_alloc ev = {
		.api = c->api,
		.pool = (uint8_t)pool,
		.device = rec.device,
		.requested = size,
		.rounded = rec.rounded,
		.addr = rec.addr,
		.policy = policy,
		.rc = rc,
	};

	rec.alloc_stack = capture();
	ev.stack_id = rec.alloc_stack;
	if (addr) {
		rec.time_ns = now_ns();
		acltrace_registry_insert(&rec);
	}
	acltrace_emit_alloc(&ev);
	acltrace_use_on_alloc(&rec, out, rc); /* use sites: failed allocations */
	if (addr && pool == ACLTRACE_POOL_DVPP && (rec.addr & 127u)) {
		char mem[256];
		struct acltrace_buf b;
		struct acltrace_finding f = {
			.kind = ACLTRACE_FINDING_MISALIGNED_BUFFER,
			.severity =
			    acltrace_finding_table[ACLTRACE_FINDING_MISALIGNED_BUFFER].severity,
			.api = c->api,
			.addr = rec.addr,
			.size = size,
			.tid = rec.tid,
			.stack = rec.alloc_stack,
			.detail = mem,
		};

		acltrace_buf_init(&b, mem, sizeof(mem));
		acltrace_buf_printf(
		    &b,
		    "the runtime returned a DVPP buffer of %llu bytes whose start is "
		    "%u bytes past a 128-byte boundary",
		    (unsigned long long)size, (unsigned)(rec.addr & 127u));
		acltrace_report(&f);
	}
	if (rc != 0) {
		char mem[256];
		struct acltrace_buf b;
		bool oom = is_out_of_memory(rc);
		struct acltrace_finding f = {
			.kind =
			    oom ? ACLTRACE_FINDING_POOL_EXHAUSTED : ACLTRACE_FINDING_ALLOC_FAILED,
			.api = c->api,
			.size = size,
			.tid = rec.tid,
			.stack = rec.alloc_stack,
			.detail = mem,
		};
		uint64_t live_count, live_bytes;

		f.severity = acltrace_finding_table[f.kind].severity;
		acltrace_registry_pool_usage(pool, &live_count, &live_bytes);
		acltrace_buf_init(&b, mem, sizeof(mem));
		acltrace_buf_printf(
		    &b,
		    "%s of %llu bytes failed with %d (0x%x); the %s pool holds %llu "
		    "bytes in %llu live allocations",
		    acltrace_api_name(c->api), (unsigned long long)size, rc, (unsigned)rc,
		    acltrace_pool_name(pool), (unsigned long long)live_bytes,
		    (unsigned long long)live_count);
		acltrace_report(&f);
	}
}

/* Which free is right for which allocation (issue table); *warn for the DVPP V1/V2 crossing. */
static bool free_matches(unsigned alloc_api, unsigned free_api, bool *warn)
{
	*warn = false;
	switch (alloc_api) {
	case ACLTRACE_API_aclrtMalloc:
	case ACLTRACE_API_aclrtMallocAlign32:
	case ACLTRACE_API_aclrtMallocCached:
	case ACLTRACE_API_aclrtMallocWithCfg:
		return free_api == ACLTRACE_API_aclrtFree ||
		       free_api == ACLTRACE_API_aclrtFreeWithDevSync;
	case ACLTRACE_API_aclrtMallocHost:
	case ACLTRACE_API_aclrtMallocHostWithCfg:
		return free_api == ACLTRACE_API_aclrtFreeHost ||
		       free_api == ACLTRACE_API_aclrtFreeHostWithDevSync;
	case ACLTRACE_API_acldvppMalloc:
		*warn = free_api == ACLTRACE_API_hi_mpi_dvpp_free;
		return free_api == ACLTRACE_API_acldvppFree;
	case ACLTRACE_API_hi_mpi_dvpp_malloc:
		*warn = free_api == ACLTRACE_API_acldvppFree;
		return free_api == ACLTRACE_API_hi_mpi_dvpp_free;
	default:
		return false;
	}
}

static const char *correct_free(unsigned alloc_api)
{
	switch (alloc_api) {
	case ACLTRACE_API_aclrtMallocHost:
	case ACLTRACE_API_aclrtMallocHostWithCfg:
		return "aclrtFreeHost";
	case ACLTRACE_API_acldvppMalloc:
		return "acldvppFree";
	case ACLTRACE_API_hi_mpi_dvpp_malloc:
		return "hi_mpi_dvpp_free";
	default:
		return "aclrtFree";
	}
}

void acltrace_on_free(struct acltrace_call *c, void *ptr)
{
	uint64_t addr = (uint64_t)(uintptr_t)ptr;
	struct acltrace_rec rec, inner;
	struct acltrace_emit_free ev = { .api = c->api, .addr = addr };
	struct acltrace_finding f = { .api = c->api, .addr = addr, .tid = acltrace_tid() };
	enum acltrace_release res;
	char mem[512];
	struct acltrace_buf b;
	bool warn;

	c->stack = capture();
	ev.stack_id = c->stack;
	f.stack = c->stack;
	if (!ptr) {
		acltrace_emit_free(&ev); /* the runtime rejects NULL itself; not a memory error */
		return;
	}
	res = acltrace_registry_release(addr, (uint8_t)c->api, c->stack, f.tid, &rec);
	if (res == ACLTRACE_RELEASED) {
		ev.pool = rec.pool;
		ev.size = rec.requested;
		c->released = true;
		c->generation = rec.generation;
		acltrace_use_on_free(c, &rec); /* use sites: freed-while-in-use */
	}
	acltrace_emit_free(&ev);

	acltrace_buf_init(&b, mem, sizeof(mem));
	f.detail = mem;
	switch (res) {
	case ACLTRACE_RELEASED:
		if (free_matches(rec.api, c->api, &warn))
			return;
		f.kind = ACLTRACE_FINDING_MISMATCHED_FREE;
		f.severity = warn ? ACLTRACE_SEVERITY_WARNING : ACLTRACE_SEVERITY_ERROR;
		f.size = rec.requested;
		f.rec = &rec;
		acltrace_buf_printf(&b, "memory from %s (pool %s) released with %s; use %s%s",
				    acltrace_api_name(rec.api), acltrace_pool_name(rec.pool),
				    acltrace_api_name(c->api), correct_free(rec.api),
				    warn ? " (same DVPP heap, but against the documentation)" : "");
		break;
	case ACLTRACE_DOUBLE:
		f.kind = ACLTRACE_FINDING_DOUBLE_FREE;
		f.severity = acltrace_finding_table[f.kind].severity;
		f.size = rec.requested;
		f.rec = &rec;
		acltrace_buf_printf(&b, "the %llu-byte %s allocation was already freed",
				    (unsigned long long)rec.requested,
				    acltrace_pool_name(rec.pool));
		break;
	case ACLTRACE_PARENT:
		f.kind = ACLTRACE_FINDING_INVALID_FREE;
		f.severity = acltrace_finding_table[f.kind].severity;
		f.size = rec.requested;
		f.rec = &rec;
		acltrace_buf_printf(&b,
				    "%p was allocated by the parent process, not by this forked "
				    "child; the child must not free it",
				    ptr);
		break;
	case ACLTRACE_NOT_FOUND:
		f.kind = ACLTRACE_FINDING_INVALID_FREE;
		f.severity = acltrace_finding_table[f.kind].severity;
		if (acltrace_registry_find_containing(addr, &inner)) {
			f.rec = &inner;
			f.size = inner.requested;
			acltrace_buf_printf(
			    &b,
			    "%p is an interior pointer: %llu bytes inside the %llu-byte "
			    "allocation at %p",
			    ptr, (unsigned long long)(addr - inner.addr),
			    (unsigned long long)inner.requested, (void *)(uintptr_t)inner.addr);
		} else {
			acltrace_buf_printf(&b,
					    "%p is not the start of any live allocation (unknown "
					    "pointer, or freed long ago)",
					    ptr);
		}
		break;
	}
	acltrace_report(&f);
	acltrace_enforce_on_bad_free(c, f.kind, f.severity, addr); /* enforce mode */
}

void acltrace_on_free_done(struct acltrace_call *c, void *ptr, int rc)
{
	/* The runtime refused the free: the memory is still allocated as far as it is concerned. */
	if (rc != 0 && c->released)
		acltrace_registry_unrelease((uint64_t)(uintptr_t)ptr, c->generation);
}

static void lifecycle(unsigned event, int32_t device, int rc)
{
	struct acltrace_emit_lifecycle ev = { .event = (uint8_t)event, .device = device, .rc = rc };
	acltrace_emit_lifecycle(&ev);
}

void acltrace_on_init(struct acltrace_call *c, int rc)
{
	(void)c;
	lifecycle(ACLTRACE_LIFECYCLE_INIT, -1, rc);
}

void acltrace_on_finalize(struct acltrace_call *c, int rc)
{
	(void)c;
	lifecycle(ACLTRACE_LIFECYCLE_FINALIZE, -1, rc);
	if (rc == 0)
		acltrace_report_leaks("aclFinalize", -1);
}

void acltrace_on_set_device(struct acltrace_call *c, int32_t device, int rc)
{
	(void)c;
	lifecycle(ACLTRACE_LIFECYCLE_SET_DEVICE, device, rc);
	if (rc != 0)
		return;
	thread_device = device;
	__atomic_store_n(&process_device, device, __ATOMIC_RELAXED);
	if (device >= 0 && device < MAX_DEVICES)
		__atomic_add_fetch(&device_refs[device], 1, __ATOMIC_RELAXED);
}

void acltrace_on_reset_device(struct acltrace_call *c, int32_t device, int rc)
{
	char when[64];
	struct acltrace_buf b;

	(void)c;
	lifecycle(ACLTRACE_LIFECYCLE_RESET_DEVICE, device, rc);
	if (rc != 0 || device < 0 || device >= MAX_DEVICES)
		return;
	if (thread_device == device)
		thread_device = -1;
	/* Only the reset that balances the last aclrtSetDevice releases the device. */
	if (__atomic_sub_fetch(&device_refs[device], 1, __ATOMIC_RELAXED) > 0)
		return;
	device_refs[device] = 0;
	acltrace_buf_init(&b, when, sizeof(when));
	acltrace_buf_printf(&b, "aclrtResetDevice(%d)", (int)device);
	acltrace_report_leaks(when, device);
}

void acltrace_missing(struct acltrace_call *c)
{
	static int warned[ACLTRACE_API_COUNT];

	if (c->api < ACLTRACE_API_COUNT &&
	    !__atomic_exchange_n(&warned[c->api], 1, __ATOMIC_RELAXED))
		acltrace_warn("%s: no library defines it; returning the not-supported code",
			      acltrace_api_name(c->api));
}
