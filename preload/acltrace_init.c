/* SPDX-License-Identifier: MIT */
/*
 * Start, fork and exit. Initialisation runs from the constructor or from the first wrapper call,
 * whichever comes first. A forked child starts with an empty registry and its own report. At
 * exit (return from main, exit, _exit, _Exit) leaks and the summary are written once; no signal
 * handler is installed, so a terminating signal ends the program exactly as without acltrace.
 */
#include "acltrace_emit.h"
#include "acltrace_log.h"
#include "acltrace_options.h"
#include "acltrace_real.h"
#include "acltrace_registry.h"
#include "acltrace_report.h"
#include "acltrace_stack.h"
#include "acltrace_track.h"

#include <pthread.h>
#include <stdint.h>
#include <time.h>
#include <unistd.h>

int acltrace_ready;
static pthread_mutex_t init_lock = PTHREAD_MUTEX_INITIALIZER;
static int exit_done;
static pid_t traced_pid; /* the process acltrace initialised in (updated in a forked child) */

uint32_t acltrace_tid(void);
void acltrace_dlsym_init(void);
void acltrace_track_atfork_child(void);

static uint64_t draw_run_id(void)
{
	struct timespec ts;
	uint64_t x;

	clock_gettime(CLOCK_REALTIME, &ts);
	x = (uint64_t)ts.tv_nsec ^ ((uint64_t)ts.tv_sec << 32) ^ ((uint64_t)getpid() << 16);
	x ^= (uint64_t)(uintptr_t)&ts; /* stack address: ASLR entropy */
	x *= 0x9e3779b97f4a7c15ull;
	return x ^ (x >> 29);
}

static void emit_process(void)
{
	struct acltrace_emit_process ev = {
		.run_id = draw_run_id(),
		.pid = (uint32_t)getpid(),
		.mode = (uint8_t)acltrace_option_int(ACLTRACE_OPT_MODE),
		.bt_depth = (uint8_t)acltrace_option_int(ACLTRACE_OPT_BT_DEPTH),
		.target = acltrace_option_str(ACLTRACE_OPT_TARGET),
	};
	acltrace_emit_process(&ev);
}

static void atfork_prepare(void)
{
	acltrace_report_atfork_prepare();
	acltrace_stack_atfork_prepare();
	acltrace_registry_atfork_prepare();
}

static void atfork_parent(void)
{
	acltrace_registry_atfork_parent();
	acltrace_stack_atfork_parent();
	acltrace_report_atfork_parent();
}

static void atfork_child(void)
{
	acltrace_registry_atfork_child();
	acltrace_stack_atfork_child();
	acltrace_report_atfork_child();
	acltrace_track_atfork_child();
	exit_done = 0;
	traced_pid = getpid();
	acltrace_log_open(acltrace_option_str(ACLTRACE_OPT_LOG)); /* %p: the child's own file */
	emit_process();
}

void acltrace_init_slow(void)
{
	/* A recursive entry from this thread (guard > 1) never gets here; other threads wait. */
	pthread_mutex_lock(&init_lock);
	if (!acltrace_ready) {
		traced_pid = getpid();
		acltrace_dlsym_init();
		acltrace_options_parse();
		acltrace_log_open(acltrace_option_str(ACLTRACE_OPT_LOG));
		acltrace_registry_init();
		acltrace_stack_init();
		acltrace_report_init();
		if (!acltrace_dl_bootstrap_find())
			acltrace_warn(
			    "libc's dlsym not found: dlopen+dlsym callers are not traced");
		acltrace_real_resolve_all();
		pthread_atfork(atfork_prepare, atfork_parent, atfork_child);
		emit_process();
		if (acltrace_option_int(ACLTRACE_OPT_VERBOSE)) {
			acltrace_options_dump();
			acltrace_real_dump();
		}
		__atomic_store_n(&acltrace_ready, 1, __ATOMIC_RELEASE);
	}
	pthread_mutex_unlock(&init_lock);
}

void acltrace_on_exit_now(void)
{
	/*
	 * A vfork child (or a raw clone) shares our memory but is another process: its _exit must
	 * neither report the parent's allocations nor mark the parent's report as done.
	 */
	if (getpid() != __atomic_load_n(&traced_pid, __ATOMIC_RELAXED))
		return;
	if (__atomic_exchange_n(&exit_done, 1, __ATOMIC_ACQ_REL))
		return;
	if (!__atomic_load_n(&acltrace_ready, __ATOMIC_ACQUIRE))
		return; /* nothing was ever traced */
	acltrace_report_leaks("exit", -1);
	acltrace_report_summary();
	{
		struct acltrace_emit_lifecycle ev = { .event = ACLTRACE_LIFECYCLE_EXIT,
						      .device = -1 };
		acltrace_emit_lifecycle(&ev);
	}
}

__attribute__((constructor(101))) static void acltrace_ctor(void)
{
	acltrace_guard++;
	if (!__atomic_load_n(&acltrace_ready, __ATOMIC_ACQUIRE))
		acltrace_init_slow();
	acltrace_guard--;
}

/* Shared-object destructors run after every atexit handler of the program. */
__attribute__((destructor(101))) static void acltrace_dtor(void)
{
	acltrace_guard++;
	acltrace_on_exit_now();
	acltrace_guard--;
}
