/* SPDX-License-Identifier: MIT */
/*
 * The LTTng-UST event sink (docs/trace-format.md). Besides forwarding events it keeps traces
 * self-contained: stack definitions are written once per *generation* and referenced by id, and
 * a new generation starts whenever the process sees the acltrace events go from disabled to
 * enabled (a session started while the program ran), and in a forked child. lttng-ust 2.13 has
 * no statedump hook for providers, so the transition is detected on the event path itself, with
 * one atomic load per event, and by a watcher thread that samples the same state every 50 ms
 * once the process has been traced, so a session that ends and another that starts while the
 * program is idle are not mistaken for one.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include "acltrace_emit.h"
#include "acltrace_enforce.h"
#include "acltrace_real.h"

#include <dlfcn.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>

#define LTTNG_UST_TRACEPOINT_HIDDEN_DEFINITION
#define LTTNG_UST_TRACEPOINT_PROVIDER_HIDDEN_DEFINITION
/* The provider macros declare some symbols more than once, by design. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wredundant-decls"
#include "acltrace_tp.h"
#pragma GCC diagnostic pop

/*
 * Generation word: (generation << 1) | listening. Packing both in one word lets every thread
 * see a consistent pair, and exactly one thread win the off->on transition.
 */
static _Atomic uint64_t acltrace_gen_word;
/* Set when an event was dropped because nobody listened: the next generation is mid-run. */
static atomic_bool acltrace_missed_events;

/* The configuration of the last acltrace_emit_process() call, re-emitted with each generation. */
static struct {
	atomic_bool known;
	uint8_t mode;
	uint8_t bt_depth;
	char soc[64];
} acltrace_proc;

/* Known pool capacities, repeated in every generation. */
#define ACLTRACE_EMIT_MAX_POOLS 32
static struct {
	atomic_bool used;
	int32_t device;
	uint8_t pool;
	uint8_t source;
	_Atomic uint64_t capacity;
} acltrace_pools[ACLTRACE_EMIT_MAX_POOLS];

/* The watcher thread: started with the first generation, and again in a forked child. */
#define ACLTRACE_WATCH_INTERVAL_NS (50 * 1000 * 1000)
static atomic_bool acltrace_watcher_needed;
static atomic_bool acltrace_watcher_running;

/* ACLTRACE_RUN_ID, read once; 0 when unset or malformed. */
static _Atomic uint32_t acltrace_run_cached;
static atomic_bool acltrace_run_read;

/*
 * Generation in which each stack id was last defined, indexed by id. Two levels of lazily
 * mmap'ed pages so a million stacks cost 4 MiB and nothing is taken from the program's heap.
 */
#define ACLTRACE_STACK_PAGE_BITS 16
#define ACLTRACE_STACK_PAGE_SIZE (1u << ACLTRACE_STACK_PAGE_BITS)
#define ACLTRACE_STACK_PAGES	 1024
static _Atomic(_Atomic uint32_t *) acltrace_stack_pages[ACLTRACE_STACK_PAGES];

static uint32_t acltrace_run(void)
{
	if (atomic_load_explicit(&acltrace_run_read, memory_order_acquire))
		return atomic_load_explicit(&acltrace_run_cached, memory_order_relaxed);
	/* getenv neither allocates nor locks; concurrent first calls compute the same value. */
	const char *s = getenv("ACLTRACE_RUN_ID");
	uint32_t run = 0;
	if (s && *s) {
		char *end = NULL;
		unsigned long long v = strtoull(s, &end, 10);
		if (*end == '\0' && v <= UINT32_MAX)
			run = (uint32_t)v;
	}
	atomic_store_explicit(&acltrace_run_cached, run, memory_order_relaxed);
	atomic_store_explicit(&acltrace_run_read, true, memory_order_release);
	return run;
}

static uint8_t acltrace_api8(uint16_t api)
{
	return api < ACLTRACE_TP_API_NONE ? (uint8_t)api : ACLTRACE_TP_API_NONE;
}

static void acltrace_emit_generation_header(uint32_t gen)
{
	uint32_t run = acltrace_run();

	if (lttng_ust_tracepoint_enabled(acltrace, process)) {
		bool known = atomic_load(&acltrace_proc.known);
		lttng_ust_do_tracepoint(acltrace, process, run, gen, known ? acltrace_proc.mode : 0,
					known ? acltrace_proc.bt_depth : 0, (int32_t)getpid(),
					(int32_t)getppid(), (uint16_t)ACLTRACE_API_COUNT,
					known ? acltrace_proc.soc : "");
	}
	if (lttng_ust_tracepoint_enabled(acltrace, pool)) {
		for (unsigned i = 0; i < ACLTRACE_EMIT_MAX_POOLS; i++) {
			if (!atomic_load(&acltrace_pools[i].used))
				continue;
			lttng_ust_do_tracepoint(
			    acltrace, pool, run, acltrace_pools[i].device, acltrace_pools[i].pool,
			    atomic_load(&acltrace_pools[i].capacity), acltrace_pools[i].source);
		}
	}
	if (lttng_ust_tracepoint_enabled(acltrace, api)) {
		for (unsigned id = 0; id < ACLTRACE_API_COUNT && id < ACLTRACE_TP_API_NONE; id++)
			lttng_ust_do_tracepoint(acltrace, api, run, (uint8_t)id,
						acltrace_api_name(id));
	}
}

static uint32_t acltrace_generation(void);

static void *acltrace_watch(void *arg)
{
	struct timespec ts = { 0, ACLTRACE_WATCH_INTERVAL_NS };
	(void)arg;
	for (;;) {
		nanosleep(&ts, NULL);
		(void)acltrace_generation();
	}
	return NULL;
}

static void acltrace_start_watcher(void)
{
	pthread_attr_t attr;
	pthread_t thread;
	sigset_t all, old;

	atomic_store(&acltrace_watcher_needed, false);
	if (atomic_exchange(&acltrace_watcher_running, true))
		return;
	/* The program's signals are never delivered to our thread. */
	sigfillset(&all);
	pthread_sigmask(SIG_SETMASK, &all, &old);
	if (pthread_attr_init(&attr) == 0) {
		pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
		pthread_attr_setstacksize(&attr, 64 * 1024);
		if (pthread_create(&thread, &attr, acltrace_watch, NULL) != 0)
			atomic_store(&acltrace_watcher_running, false);
		pthread_attr_destroy(&attr);
	}
	pthread_sigmask(SIG_SETMASK, &old, NULL);
}

/*
 * The current generation, starting a new one if the events just became enabled. Returns 0 when
 * nobody listens (the caller drops its event).
 */
static uint32_t acltrace_generation(void)
{
	uint64_t word = atomic_load_explicit(&acltrace_gen_word, memory_order_acquire);
	bool on = lttng_ust_tracepoint_enabled(acltrace, stack);

	for (;;) {
		bool was_on = word & 1;
		if (on == was_on)
			return on ? (uint32_t)(word >> 1) : 0;
		uint64_t gen = word >> 1;
		uint64_t next;
		if (on) {
			gen++;
			/* Calls went unrecorded: show "joined mid-run" (gen > 1). */
			if (gen == 1 && atomic_load(&acltrace_missed_events))
				gen = 2;
			next = gen << 1 | 1;
		} else {
			next = gen << 1;
		}
		if (atomic_compare_exchange_weak_explicit(&acltrace_gen_word, &word, next,
							  memory_order_acq_rel,
							  memory_order_acquire)) {
			if (!on)
				return 0;
			if (!atomic_load_explicit(&acltrace_watcher_running, memory_order_relaxed))
				atomic_store(&acltrace_watcher_needed, true);
			acltrace_emit_generation_header((uint32_t)gen);
			return (uint32_t)gen;
		}
	}
}

/* Starts a new generation (a forked child re-defines everything under its own pid). */
static void acltrace_new_generation(void)
{
	uint64_t word = atomic_load(&acltrace_gen_word);
	uint64_t next;
	do {
		next = ((word >> 1) + 1)
		       << 1; /* off: the next event re-enters through the header */
	} while (!atomic_compare_exchange_weak(&acltrace_gen_word, &word, next));
}

static _Atomic uint32_t *acltrace_stack_slot(uint32_t id)
{
	uint32_t page = id >> ACLTRACE_STACK_PAGE_BITS;
	if (page >= ACLTRACE_STACK_PAGES)
		return NULL;
	_Atomic uint32_t *p =
	    atomic_load_explicit(&acltrace_stack_pages[page], memory_order_acquire);
	if (!p) {
		void *m = mmap(NULL, ACLTRACE_STACK_PAGE_SIZE * sizeof(uint32_t),
			       PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		if (m == MAP_FAILED)
			return NULL;
		_Atomic uint32_t *expected = NULL;
		if (atomic_compare_exchange_strong(&acltrace_stack_pages[page], &expected, m)) {
			p = m;
		} else {
			munmap(m, ACLTRACE_STACK_PAGE_SIZE * sizeof(uint32_t));
			p = expected;
		}
	}
	return &p[id & (ACLTRACE_STACK_PAGE_SIZE - 1)];
}

/*
 * Writes the definition of a stack unless this generation already has it. Two threads may both
 * write one (identical) definition; each thread's own reference still follows a definition.
 */
static void acltrace_define_stack(uint32_t run, uint32_t gen, uint32_t id)
{
	if (id == 0)
		return;
	_Atomic uint32_t *slot = acltrace_stack_slot(id);
	if (slot && atomic_load_explicit(slot, memory_order_relaxed) == gen)
		return;
	uint64_t frames[ACLTRACE_STACK_MAX_DEPTH];
	unsigned depth = 0;
	if (!acltrace_stack_lookup(id, frames, &depth))
		return;
	if (depth > ACLTRACE_TP_MAX_FRAMES)
		depth = ACLTRACE_TP_MAX_FRAMES;
	if (lttng_ust_tracepoint_enabled(acltrace, stack))
		lttng_ust_do_tracepoint(acltrace, stack, run, id, frames, (uint8_t)depth);
	if (slot)
		atomic_store_explicit(slot, gen, memory_order_relaxed);
}

/* Common prologue: the generation, or 0 to drop the event (and remember one was missed). */
static uint32_t acltrace_begin(bool event_enabled)
{
	/* Started here, not where the need is found, which may be inside an atfork handler. */
	if (atomic_load_explicit(&acltrace_watcher_needed, memory_order_relaxed))
		acltrace_start_watcher();
	uint32_t gen = acltrace_generation();
	if (gen == 0 || !event_enabled) {
		/* Read first: no shared cache-line write per event while nobody listens. */
		if (gen == 0 &&
		    !atomic_load_explicit(&acltrace_missed_events, memory_order_relaxed))
			atomic_store_explicit(&acltrace_missed_events, true, memory_order_relaxed);
		return 0;
	}
	return gen;
}

void acltrace_emit_process(const struct acltrace_emit_process *ev)
{
	static pid_t last_pid;
	pid_t pid = getpid();

	acltrace_proc.mode = ev->mode;
	acltrace_proc.bt_depth = ev->bt_depth;
	const char *soc = ev->target ? ev->target : "";
	strncpy(acltrace_proc.soc, soc, sizeof(acltrace_proc.soc) - 1);
	acltrace_proc.soc[sizeof(acltrace_proc.soc) - 1] = '\0';
	bool first = !atomic_exchange(&acltrace_proc.known, true);

	if (!first && last_pid != pid) {
		/*
		 * A forked child, called from the atfork handler: lttng-ust has not re-registered
		 * the child yet (liblttng-ust-fork does it when fork returns), so anything written
		 * now would carry the parent's pid. Start a new generation; the child's first event
		 * writes the header and the definitions under its own pid.
		 */
		last_pid = pid;
		acltrace_new_generation();
		/* Threads do not survive fork: the child needs its own watcher. */
		atomic_store(&acltrace_watcher_running, false);
		return;
	}
	last_pid = pid;
	if (!first) {
		/* A configuration change (e.g. the target SoC became known): announce it. */
		uint32_t gen = acltrace_generation();
		if (gen)
			acltrace_emit_generation_header(gen);
		return;
	}
	(void)acltrace_generation();
}

void acltrace_emit_alloc(const struct acltrace_emit_alloc *ev)
{
	uint32_t gen = acltrace_begin(lttng_ust_tracepoint_enabled(acltrace, alloc));
	if (!gen)
		return;
	uint32_t run = acltrace_run();
	acltrace_define_stack(run, gen, ev->stack_id);
	int16_t device =
	    ev->device < INT16_MIN || ev->device > INT16_MAX ? -1 : (int16_t)ev->device;
	lttng_ust_do_tracepoint(acltrace, alloc, run, acltrace_api8(ev->api), ev->pool, device,
				ev->rc, ev->policy, ev->requested, ev->rounded, ev->addr,
				ev->stack_id);
}

void acltrace_emit_free(const struct acltrace_emit_free *ev)
{
	uint32_t gen = acltrace_begin(lttng_ust_tracepoint_enabled(acltrace, free));
	if (!gen)
		return;
	uint32_t run = acltrace_run();
	acltrace_define_stack(run, gen, ev->stack_id);
	lttng_ust_do_tracepoint(acltrace, free, run, acltrace_api8(ev->api), ev->pool, ev->addr,
				ev->stack_id);
}

void acltrace_emit_use(const struct acltrace_emit_use *ev)
{
	uint32_t gen = acltrace_begin(lttng_ust_tracepoint_enabled(acltrace, use));
	if (!gen)
		return;
	uint32_t run = acltrace_run();
	acltrace_define_stack(run, gen, ev->stack_id);
	lttng_ust_do_tracepoint(acltrace, use, run, acltrace_api8(ev->api), ev->role, ev->addr,
				ev->size, ev->stack_id);
}

void acltrace_emit_task_submit(const struct acltrace_emit_task *ev)
{
	uint32_t gen = acltrace_begin(lttng_ust_tracepoint_enabled(acltrace, task_submit));
	if (!gen)
		return;
	uint32_t run = acltrace_run();
	acltrace_define_stack(run, gen, ev->stack_id);
	lttng_ust_do_tracepoint(acltrace, task_submit, run, acltrace_api8(ev->api), ev->stream,
				ev->task_id, ev->stack_id);
}

void acltrace_emit_task_retire(const struct acltrace_emit_task *ev)
{
	uint32_t gen = acltrace_begin(lttng_ust_tracepoint_enabled(acltrace, task_retire));
	if (!gen)
		return;
	uint32_t run = acltrace_run();
	acltrace_define_stack(run, gen, ev->stack_id);
	lttng_ust_do_tracepoint(acltrace, task_retire, run, acltrace_api8(ev->api), ev->stream,
				ev->task_id, ev->stack_id);
}

void acltrace_emit_finding(const struct acltrace_emit_finding *ev)
{
	uint32_t gen = acltrace_begin(lttng_ust_tracepoint_enabled(acltrace, finding));
	if (!gen)
		return;
	uint32_t run = acltrace_run();
	acltrace_define_stack(run, gen, ev->stack_id);
	acltrace_define_stack(run, gen, ev->alloc_stack_id);
	acltrace_define_stack(run, gen, ev->free_stack_id);
	struct acltrace_tp_finding f = {
		.kind = (uint8_t)ev->kind,
		.severity = ev->severity,
		.api = acltrace_api8(ev->api),
		.addr = ev->addr,
		.size = ev->size,
		.base = ev->related_addr,
		.count = ev->count,
		.stack = ev->stack_id,
		.alloc_stack = ev->alloc_stack_id,
		.free_stack = ev->free_stack_id,
	};
	lttng_ust_do_tracepoint(acltrace, finding, run, &f);
}

/* aclrtMemAttr values (api-facts.md 3.3) the device pool is asked for, in this order. */
#define ACLTRACE_ACL_HBM_MEM 1
#define ACLTRACE_ACL_DDR_MEM 0
typedef int (*acltrace_meminfo_fn)(int attr, size_t *free_bytes, size_t *total);

/* Devices whose limit was registered / whose runtime was asked: once per device and process. */
#define ACLTRACE_EMIT_MAX_DEVICES 64
static _Atomic uint64_t acltrace_devices_limited;
static _Atomic uint64_t acltrace_devices_asked;

/*
 * The process event of a program started without ACLTRACE_TARGET carries no SoC: the runtime can
 * name it only once a device is set. Ask it then (the caller records pool events, so the query
 * happens only in traced runs) and repeat the process event, so reports pick the device profile
 * of the SoC the program really ran on.
 */
static void acltrace_learn_soc(void *(*real_dlsym)(void *, const char *))
{
	typedef const char *(*soc_name_fn)(void);

	if (atomic_load(&acltrace_proc.known) && acltrace_proc.soc[0])
		return;
	soc_name_fn soc_name = (soc_name_fn)real_dlsym(RTLD_DEFAULT, "aclrtGetSocName");
	const char *name = soc_name ? soc_name() : NULL;
	if (!name || !name[0])
		return;
	strncpy(acltrace_proc.soc, name, sizeof(acltrace_proc.soc) - 1);
	acltrace_proc.soc[sizeof(acltrace_proc.soc) - 1] = '\0';
	uint32_t gen = acltrace_begin(lttng_ust_tracepoint_enabled(acltrace, process));
	if (gen && atomic_load(&acltrace_proc.known))
		lttng_ust_do_tracepoint(acltrace, process, acltrace_run(), gen, acltrace_proc.mode,
					acltrace_proc.bt_depth, (int32_t)getpid(), (int32_t)getppid(),
					(uint16_t)ACLTRACE_API_COUNT, acltrace_proc.soc);
}

/*
 * The capacities a device's pools are known to have, right after aclrtSetDevice succeeded on
 * this thread: ACLTRACE_DVPP_LIMIT for its DVPP pool, and the total the runtime reports for its
 * device memory. The runtime is asked only while someone records pool events, so an untraced
 * program's calls reach the runtime exactly as without acltrace; a trace that starts later keeps
 * the limit and falls back to device profiles for the rest.
 */
static void acltrace_device_pools(int32_t device)
{
	if (device < 0 || device >= ACLTRACE_EMIT_MAX_DEVICES)
		return;
	uint64_t bit = 1ull << device;
	uint64_t limit = acltrace_enforce_dvpp_limit();
	if (limit && !(atomic_fetch_or(&acltrace_devices_limited, bit) & bit)) {
		struct acltrace_emit_pool p = {
			.device = device, .pool = ACLTRACE_POOL_DVPP, .source = 2, .capacity = limit
		};
		acltrace_emit_pool(&p);
	}
	if ((atomic_load(&acltrace_devices_asked) & bit) ||
	    !lttng_ust_tracepoint_enabled(acltrace, pool) ||
	    (atomic_fetch_or(&acltrace_devices_asked, bit) & bit))
		return;
	typedef void *(*dlsym_fn)(void *, const char *);
	dlsym_fn real_dlsym = (dlsym_fn)__atomic_load_n(&acltrace_libc_dlsym, __ATOMIC_ACQUIRE);
	acltrace_meminfo_fn meminfo =
	    real_dlsym ? (acltrace_meminfo_fn)real_dlsym(RTLD_DEFAULT, "aclrtGetMemInfo") : NULL;
	if (!meminfo)
		return;
	size_t free_bytes = 0, total = 0;
	/* Parts with DDR device memory answer ACL_DDR_MEM only. */
	if (meminfo(ACLTRACE_ACL_HBM_MEM, &free_bytes, &total) != 0 || total == 0) {
		total = 0;
		if (meminfo(ACLTRACE_ACL_DDR_MEM, &free_bytes, &total) != 0)
			total = 0;
	}
	if (total) {
		struct acltrace_emit_pool p = { .device = device,
						.pool = ACLTRACE_POOL_DEVICE,
						.source = 1,
						.capacity = total };
		acltrace_emit_pool(&p);
	}
	acltrace_learn_soc(real_dlsym);
}

void acltrace_emit_lifecycle(const struct acltrace_emit_lifecycle *ev)
{
	uint32_t gen = acltrace_begin(lttng_ust_tracepoint_enabled(acltrace, lifecycle));
	if (gen)
		lttng_ust_do_tracepoint(acltrace, lifecycle, acltrace_run(), ev->event, ev->device,
					ev->rc);
	if (ev->event == ACLTRACE_LIFECYCLE_SET_DEVICE && ev->rc == 0)
		acltrace_device_pools(ev->device);
}

void acltrace_emit_pool(const struct acltrace_emit_pool *ev)
{
	/* Registration is rare (init, set device); a slot is claimed once and never released. */
	static atomic_flag lock = ATOMIC_FLAG_INIT;
	unsigned i;

	while (atomic_flag_test_and_set_explicit(&lock, memory_order_acquire))
		;
	for (i = 0; i < ACLTRACE_EMIT_MAX_POOLS; i++) {
		if (!atomic_load(&acltrace_pools[i].used))
			break;
		if (acltrace_pools[i].device == ev->device && acltrace_pools[i].pool == ev->pool)
			break;
	}
	if (i < ACLTRACE_EMIT_MAX_POOLS) {
		acltrace_pools[i].device = ev->device;
		acltrace_pools[i].pool = ev->pool;
		acltrace_pools[i].source = ev->source;
		atomic_store(&acltrace_pools[i].capacity, ev->capacity);
		atomic_store(&acltrace_pools[i].used, true);
	}
	atomic_flag_clear_explicit(&lock, memory_order_release);

	uint32_t gen = acltrace_begin(lttng_ust_tracepoint_enabled(acltrace, pool));
	if (gen)
		lttng_ust_do_tracepoint(acltrace, pool, acltrace_run(), ev->device, ev->pool,
					ev->capacity, ev->source);
}

bool acltrace_emit_wants_stack(void)
{
	return lttng_ust_tracepoint_enabled(acltrace, alloc) ||
	       lttng_ust_tracepoint_enabled(acltrace, free) ||
	       lttng_ust_tracepoint_enabled(acltrace, use) ||
	       lttng_ust_tracepoint_enabled(acltrace, finding);
}
