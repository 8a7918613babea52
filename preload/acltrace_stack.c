/* SPDX-License-Identifier: MIT */
#include "acltrace_stack.h"

#include "acltrace_symbolize.h"

#include <dlfcn.h>
#include <link.h>
#include <pthread.h>
#include <stdbool.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#define UNW_LOCAL_ONLY
#include <libunwind.h>

#define TABLE_BITS  20 /* hash slots; at most half are used */
#define MAX_STACKS  (1u << (TABLE_BITS - 1))
#define ARENA_WORDS (1u << 24) /* frames of all stacks */
#define OWN_FRAMES  8	       /* extra room for the frames of this library */

struct stack_rec {
	uint64_t off; /* first frame in the arena */
	uint32_t hash;
	uint32_t depth;
};

static _Atomic uint32_t *stack_table; /* slot -> id */
static struct stack_rec *stack_recs;  /* id -> record (index 0 unused) */
static uint64_t *stack_arena;
static uint64_t stack_arena_used;
static _Atomic uint32_t stack_ids; /* highest id handed out */
static pthread_mutex_t stack_lock = PTHREAD_MUTEX_INITIALIZER;
static uintptr_t own_lo, own_hi; /* this library's mapped range */
static uintptr_t exe_lo, exe_hi; /* the main program's mapped range */
static char exe_path[1024];	 /* dladdr names the program as it was invoked */
static _Atomic int stack_ready;
static unsigned own_depth = OWN_FRAMES; /* frames of this library above the caller, as seen */
static bool own_measured;		/* own_depth is a measurement, not the default */
static bool stack_full_warned;

static void *map_noreserve(size_t len)
{
	void *p = mmap(NULL, len, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	return p == MAP_FAILED ? NULL : p;
}

static int find_own_range(struct dl_phdr_info *info, size_t size, void *data)
{
	uintptr_t me = (uintptr_t)data, lo = UINTPTR_MAX, hi = 0;
	bool mine = false;

	(void)size;
	for (unsigned i = 0; i < info->dlpi_phnum; i++) {
		const ElfW(Phdr) *ph = &info->dlpi_phdr[i];
		uintptr_t s = info->dlpi_addr + ph->p_vaddr, e = s + ph->p_memsz;

		if (ph->p_type != PT_LOAD)
			continue;
		if (s < lo)
			lo = s;
		if (e > hi)
			hi = e;
		if (me >= s && me < e)
			mine = true;
	}
	if (!mine)
		return 0;
	own_lo = lo;
	own_hi = hi;
	return 1;
}

static int find_exe_range(struct dl_phdr_info *info, size_t size, void *data)
{
	(void)size;
	(void)data;
	/* The first object is the main program. */
	exe_lo = UINTPTR_MAX;
	for (unsigned i = 0; i < info->dlpi_phnum; i++) {
		const ElfW(Phdr) *ph = &info->dlpi_phdr[i];
		uintptr_t s = info->dlpi_addr + ph->p_vaddr, e = s + ph->p_memsz;

		if (ph->p_type != PT_LOAD)
			continue;
		if (s < exe_lo)
			exe_lo = s;
		if (e > exe_hi)
			exe_hi = e;
	}
	return 1;
}

void acltrace_stack_init(void)
{
	void *prime[4];

	if (__atomic_load_n(&stack_ready, __ATOMIC_ACQUIRE))
		return;
	pthread_mutex_lock(&stack_lock);
	if (!stack_ready) {
		stack_table = map_noreserve(sizeof(uint32_t) << TABLE_BITS);
		stack_recs = map_noreserve(sizeof(struct stack_rec) * (MAX_STACKS + 1));
		stack_arena = map_noreserve(sizeof(uint64_t) * ARENA_WORDS);
		dl_iterate_phdr(find_own_range, (void *)(uintptr_t)&acltrace_stack_init);
		dl_iterate_phdr(find_exe_range, NULL);
		{
			ssize_t n = readlink("/proc/self/exe", exe_path, sizeof(exe_path) - 1);
			exe_path[n > 0 ? n : 0] = '\0';
		}
		/* The first unwind sets up libunwind's caches; do it before the program runs. */
		unw_set_caching_policy(unw_local_addr_space, UNW_CACHE_PER_THREAD);
		unw_backtrace(prime, 4);
		__atomic_store_n(&stack_ready, stack_table && stack_recs && stack_arena ? 1 : -1,
				 __ATOMIC_RELEASE);
	}
	pthread_mutex_unlock(&stack_lock);
}

/* The innermost frames tell stacks apart well enough for a hash; equality compares them all. */
#define HASHED_FRAMES 6

static uint32_t hash_frames(const uint64_t *f, unsigned n)
{
	uint64_t h = 0x9e3779b97f4a7c15ull ^ n;

	for (unsigned i = 0; i < n && i < HASHED_FRAMES; i++)
		h = (h ^ f[i]) * 0xff51afd7ed558ccdull;
	h ^= h >> 32;
	return (uint32_t)h | 1u;
}

static bool same(uint32_t id, const uint64_t *f, unsigned n, uint32_t h)
{
	const struct stack_rec *r = &stack_recs[id];

	return r->hash == h && r->depth == n &&
	       memcmp(&stack_arena[r->off], f, n * sizeof(uint64_t)) == 0;
}

static uint32_t intern(const uint64_t *f, unsigned n)
{
	uint32_t h = hash_frames(f, n), mask = (1u << TABLE_BITS) - 1, slot, id;

	for (slot = h & mask;; slot = (slot + 1) & mask) {
		id = __atomic_load_n(&stack_table[slot], __ATOMIC_ACQUIRE);
		if (!id)
			break;
		if (same(id, f, n, h))
			return id;
	}
	/* Not there: insert under the lock, probing again in case another thread just did. */
	pthread_mutex_lock(&stack_lock);
	for (slot = h & mask;; slot = (slot + 1) & mask) {
		id = __atomic_load_n(&stack_table[slot], __ATOMIC_ACQUIRE);
		if (!id)
			break;
		if (same(id, f, n, h))
			goto out;
	}
	if (stack_ids >= MAX_STACKS || stack_arena_used + n > ARENA_WORDS) {
		id = 0;
		if (!stack_full_warned) {
			stack_full_warned = true;
			acltrace_warn(
			    "stack table full (%u distinct stacks); new stacks are dropped",
			    (unsigned)stack_ids);
		}
		goto out;
	}
	id = stack_ids + 1;
	stack_recs[id].off = stack_arena_used;
	stack_recs[id].hash = h;
	stack_recs[id].depth = n;
	memcpy(&stack_arena[stack_arena_used], f, n * sizeof(uint64_t));
	stack_arena_used += n;
	__atomic_store_n(&stack_ids, id, __ATOMIC_RELEASE);
	__atomic_store_n(&stack_table[slot], id, __ATOMIC_RELEASE);
out:
	pthread_mutex_unlock(&stack_lock);
	return id;
}

__attribute__((noinline)) uint32_t acltrace_stack_capture(unsigned depth)
{
	void *raw[ACLTRACE_STACK_MAX_DEPTH + OWN_FRAMES];
	uint64_t frames[ACLTRACE_STACK_MAX_DEPTH];
	int n, skip = 0;
	unsigned k = 0;

	if (!depth || __atomic_load_n(&stack_ready, __ATOMIC_ACQUIRE) != 1)
		return 0;
	if (depth > ACLTRACE_STACK_MAX_DEPTH)
		depth = ACLTRACE_STACK_MAX_DEPTH;
	/* Unwinding costs per frame: ask for our own frames plus depth, no more. */
	n = unw_backtrace(raw, (int)(depth + __atomic_load_n(&own_depth, __ATOMIC_RELAXED)));
	while (skip < n && (uintptr_t)raw[skip] >= own_lo && (uintptr_t)raw[skip] < own_hi)
		skip++;
	/*
	 * Callers differ in how many frames of ours they have: remember the most seen, so that a
	 * call site always yields the same depth-frame stack (and id), whichever path came before.
	 */
	if (skip < n && skip < OWN_FRAMES) {
		unsigned seen = __atomic_load_n(&own_depth, __ATOMIC_RELAXED);
		if (!__atomic_load_n(&own_measured, __ATOMIC_RELAXED)) {
			__atomic_store_n(&own_depth, (unsigned)skip, __ATOMIC_RELAXED);
			__atomic_store_n(&own_measured, true, __ATOMIC_RELAXED);
		} else if ((unsigned)skip > seen) {
			__atomic_store_n(&own_depth, (unsigned)skip, __ATOMIC_RELAXED);
		}
	}
	for (int i = skip; i < n && k < depth; i++)
		frames[k++] = (uint64_t)(uintptr_t)raw[i];
	if (!k)
		return 0;
	return intern(frames, k);
}

void acltrace_stack_set_skip_range(uintptr_t lo, uintptr_t hi)
{
	own_lo = lo;
	own_hi = hi;
}

bool acltrace_stack_lookup(uint32_t id, uint64_t *frames, unsigned *depth)
{
	const struct stack_rec *r;

	if (!id || id > __atomic_load_n(&stack_ids, __ATOMIC_ACQUIRE))
		return false;
	r = &stack_recs[id];
	memcpy(frames, &stack_arena[r->off], r->depth * sizeof(uint64_t));
	*depth = r->depth;
	return true;
}

uint32_t acltrace_stack_count(void)
{
	return __atomic_load_n(&stack_ids, __ATOMIC_ACQUIRE);
}

static void format_frame(struct acltrace_buf *b, uint64_t ip)
{
	struct acltrace_symbol sym;
	Dl_info info;
	bool have_sym = acltrace_symbolize(ip, &sym);

	/* Return addresses: look up ip - 1 so a call at the end of a function stays in it. */
	if (dladdr((void *)(uintptr_t)(ip - 1), &info) && info.dli_fname) {
		const char *module = info.dli_fname;

		if (have_sym && sym.function)
			acltrace_buf_printf(b, "%s ", sym.function);
		else if (info.dli_sname)
			acltrace_buf_printf(b, "%s+0x%lx ", info.dli_sname,
					    (unsigned long)(ip - (uintptr_t)info.dli_saddr));
		if (have_sym && sym.file)
			acltrace_buf_printf(b, "%s:%d ", sym.file, sym.line);
		if (exe_path[0] && ip - 1 >= exe_lo && ip - 1 < exe_hi)
			module = exe_path;
		acltrace_buf_printf(b, "(%s+0x%lx)", module,
				    (unsigned long)(ip - (uintptr_t)info.dli_fbase));
	} else {
		acltrace_buf_printf(b, "(<unknown module>)");
	}
}

void acltrace_stack_format(struct acltrace_buf *b, uint32_t id, const char *indent)
{
	uint64_t frames[ACLTRACE_STACK_MAX_DEPTH];
	unsigned n;

	if (!acltrace_stack_lookup(id, frames, &n)) {
		acltrace_buf_printf(b, "%s<no stack: ACLTRACE_BT_DEPTH=0 or not captured>\n",
				    indent);
		return;
	}
	for (unsigned i = 0; i < n; i++) {
		acltrace_buf_printf(b, "%s#%u 0x%lx in ", indent, i, (unsigned long)frames[i]);
		format_frame(b, frames[i]);
		acltrace_buf_printf(b, "\n");
	}
}

void acltrace_stack_format_top(struct acltrace_buf *b, uint32_t id)
{
	uint64_t frames[ACLTRACE_STACK_MAX_DEPTH];
	unsigned n;

	if (!acltrace_stack_lookup(id, frames, &n) || !n) {
		acltrace_buf_printf(b, "<no stack>");
		return;
	}
	format_frame(b, frames[0]);
}

void acltrace_stack_atfork_prepare(void)
{
	pthread_mutex_lock(&stack_lock);
}

void acltrace_stack_atfork_parent(void)
{
	pthread_mutex_unlock(&stack_lock);
}

void acltrace_stack_atfork_child(void)
{
	pthread_mutex_unlock(&stack_lock);
}
