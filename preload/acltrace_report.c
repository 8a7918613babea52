/* SPDX-License-Identifier: MIT */
#include "acltrace_report.h"

#include "acltrace_emit.h"
#include "acltrace_findings.h"
#include "acltrace_log.h"
#include "acltrace_options.h"
#include "acltrace_stack.h"
#include "acltrace_types.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#define GROUP_SLOTS 4096u /* distinct (kind, stack, api) groups kept for dedup and the summary */

struct group {
	uint32_t used;
	uint32_t stack;
	uint16_t kind;
	uint16_t api;
	uint8_t severity;
	uint64_t count;
};

static struct group groups[GROUP_SLOTS];
static uint32_t group_order[GROUP_SLOTS];
static uint32_t group_count;
static uint64_t ungrouped[ACLTRACE_FINDING_COUNT]; /* findings beyond GROUP_SLOTS groups */
static uint64_t kind_totals[ACLTRACE_FINDING_COUNT];
static pthread_mutex_t report_lock = PTHREAD_MUTEX_INITIALIZER;

void acltrace_report_init(void)
{
}

/* Returns the group, creating it; NULL when the table is full. *fresh tells a new group. */
static struct group *group_get(const struct acltrace_finding *f, int *fresh)
{
	uint32_t h =
	    (uint32_t)(f->kind * 0x9e3779b1u) ^ (f->stack * 0x85ebca6bu) ^ (f->api * 0xc2b2ae35u);

	*fresh = 0;
	for (uint32_t n = 0, i = h % GROUP_SLOTS; n < GROUP_SLOTS; n++, i = (i + 1) % GROUP_SLOTS) {
		struct group *g = &groups[i];

		if (!g->used) {
			g->used = 1;
			g->kind = (uint16_t)f->kind;
			g->stack = f->stack;
			g->api = (uint16_t)f->api;
			g->severity = (uint8_t)f->severity;
			group_order[group_count++] = i;
			*fresh = 1;
			return g;
		}
		if (g->kind == f->kind && g->stack == f->stack && g->api == f->api)
			return g;
	}
	return NULL;
}

static void print_block(const struct acltrace_finding *f)
{
	char mem[16384];
	struct acltrace_buf b;
	const struct acltrace_rec *r = f->rec;
	const char *sev = f->severity == ACLTRACE_SEVERITY_ERROR ? "ERROR" : "WARNING";
	int pid = (int)getpid();

	acltrace_buf_init(&b, mem, sizeof(mem));
	if (f->kind == ACLTRACE_FINDING_LEAK)
		acltrace_buf_printf(&b, "==%d==%s: acltrace: %s: %s\n", pid, sev,
				    acltrace_finding_name(f->kind), f->detail ? f->detail : "");
	else if (!f->addr) /* failed allocations */
		acltrace_buf_printf(&b, "==%d==%s: acltrace: %s in %s, thread %u\n", pid, sev,
				    acltrace_finding_name(f->kind), acltrace_api_name(f->api),
				    f->tid);
	else
		acltrace_buf_printf(&b, "==%d==%s: acltrace: %s on address %p in %s, thread %u\n",
				    pid, sev, acltrace_finding_name(f->kind),
				    (void *)(uintptr_t)f->addr, acltrace_api_name(f->api), f->tid);
	if (f->kind != ACLTRACE_FINDING_LEAK && f->detail)
		acltrace_buf_printf(&b, "    %s\n", f->detail);
	acltrace_stack_format(&b, f->stack, "    ");
	if (r) {
		acltrace_buf_printf(
		    &b,
		    "  %p is a %llu-byte %s allocation (rounded %llu, device %d) made "
		    "by %s in thread %u:\n",
		    (void *)(uintptr_t)r->addr, (unsigned long long)r->requested,
		    acltrace_pool_name(r->pool), (unsigned long long)r->rounded, (int)r->device,
		    acltrace_api_name(r->api), r->tid);
		acltrace_stack_format(&b, r->alloc_stack, "    ");
		if (r->state == ACLTRACE_REC_FREED) {
			acltrace_buf_printf(&b, "  freed before by %s in thread %u:\n",
					    acltrace_api_name(r->free_api), r->free_tid);
			acltrace_stack_format(&b, r->free_stack, "    ");
		}
	}
	acltrace_buf_printf(&b, "\n");
	acltrace_log_flush_buf(&b);
}

void acltrace_report(const struct acltrace_finding *f)
{
	struct acltrace_emit_finding ev = {
		.kind = (uint16_t)f->kind,
		.severity = (uint8_t)f->severity,
		.api = (uint16_t)f->api,
		.addr = f->addr,
		.size = f->size,
		.count = f->count ? f->count : 1,
		.stack_id = f->stack,
	};
	struct group *g;
	int fresh;
	uint64_t n = f->count ? f->count : 1;

	if (f->rec) {
		ev.related_addr = f->rec->addr != f->addr ? f->rec->addr : 0;
		ev.alloc_stack_id = f->rec->alloc_stack;
		if (f->rec->state == ACLTRACE_REC_FREED)
			ev.free_stack_id = f->rec->free_stack;
	}
	acltrace_emit_finding(&ev);

	pthread_mutex_lock(&report_lock);
	if (f->kind < ACLTRACE_FINDING_COUNT)
		kind_totals[f->kind] += n;
	g = group_get(f, &fresh);
	if (g)
		g->count += n;
	else if (f->kind < ACLTRACE_FINDING_COUNT)
		ungrouped[f->kind] += n;
	/* Print under the lock so blocks from several threads do not interleave. */
	if (fresh || !g)
		print_block(f);
	pthread_mutex_unlock(&report_lock);

	if (f->severity == ACLTRACE_SEVERITY_ERROR &&
	    acltrace_option_int(ACLTRACE_OPT_ABORT_ON_ERROR)) {
		acltrace_warn("ACLTRACE_ABORT_ON_ERROR=1: aborting after the first error finding");
		acltrace_report_summary();
		abort();
	}
}

/* ---- leaks ---- */

#define SITE_SLOTS 65536u

struct site {
	uint32_t used;
	uint32_t stack;
	uint8_t api;
	uint8_t pool;
	int16_t device;
	uint64_t count;
	uint64_t bytes;
};

struct leak_ctx {
	struct site *sites;
	uint32_t nsites;
	int32_t device;
	uint64_t dropped;
};

static void collect_leak(struct acltrace_rec *r, void *data)
{
	struct leak_ctx *c = data;
	uint32_t h;

	if (r->flags & ACLTRACE_REC_LEAK_REPORTED)
		return;
	if (c->device >= 0 && r->device != c->device)
		return;
	r->flags |= ACLTRACE_REC_LEAK_REPORTED;
	h = (r->alloc_stack * 0x9e3779b1u) ^ (r->api * 0x85ebca6bu) ^ ((uint32_t)r->device << 8);
	for (uint32_t n = 0, i = h % SITE_SLOTS; n < SITE_SLOTS; n++, i = (i + 1) % SITE_SLOTS) {
		struct site *s = &c->sites[i];

		if (!s->used) {
			*s = (struct site){ .used = 1,
					    .stack = r->alloc_stack,
					    .api = r->api,
					    .pool = r->pool,
					    .device = r->device };
			c->nsites++;
		} else if (s->stack != r->alloc_stack || s->api != r->api ||
			   s->device != r->device) {
			continue;
		}
		s->count++;
		s->bytes += r->requested;
		return;
	}
	c->dropped++;
}

void acltrace_report_leaks(const char *when, int32_t device)
{
	struct leak_ctx c = { .device = device };
	size_t len = SITE_SLOTS * sizeof(struct site);
	uint32_t *order;
	uint32_t n = 0;

	if (!acltrace_option_int(ACLTRACE_OPT_LEAKS))
		return;
	c.sites = mmap(NULL, len + SITE_SLOTS * sizeof(uint32_t), PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (c.sites == MAP_FAILED) {
		acltrace_warn("cannot map %zu bytes for the leak report at %s", len, when);
		return;
	}
	order = (uint32_t *)((char *)c.sites + len);
	acltrace_registry_foreach_live(collect_leak, &c);
	for (uint32_t i = 0; i < SITE_SLOTS; i++)
		if (c.sites[i].used)
			order[n++] = i;
	/* Largest sites first, as leak checkers usually print them. */
	if (n <= 4096) {
		for (uint32_t i = 1; i < n; i++) {
			uint32_t v = order[i], k = i;
			for (; k > 0 && c.sites[order[k - 1]].bytes < c.sites[v].bytes; k--)
				order[k] = order[k - 1];
			order[k] = v;
		}
	}
	for (uint32_t i = 0; i < n; i++) {
		const struct site *s = &c.sites[order[i]];
		char mem[512];
		struct acltrace_buf b;
		struct acltrace_finding f = {
			.kind = ACLTRACE_FINDING_LEAK,
			.severity = acltrace_finding_table[ACLTRACE_FINDING_LEAK].severity,
			.api = s->api,
			.size = s->bytes,
			.stack = s->stack,
			.count = s->count,
			.when = when,
		};

		acltrace_buf_init(&b, mem, sizeof(mem));
		acltrace_buf_printf(&b,
				    "%llu bytes in %llu allocation%s from %s (pool %s, device %d) "
				    "still live at %s",
				    (unsigned long long)s->bytes, (unsigned long long)s->count,
				    s->count == 1 ? "" : "s", acltrace_api_name(s->api),
				    acltrace_pool_name(s->pool), (int)s->device, when);
		f.detail = mem;
		acltrace_report(&f);
	}
	if (c.dropped)
		acltrace_warn("%llu leaked allocations not grouped (more than %u sites)",
			      (unsigned long long)c.dropped, SITE_SLOTS);
	munmap(c.sites, len + SITE_SLOTS * sizeof(uint32_t));
}

void acltrace_report_summary(void)
{
	char mem[1024];
	struct acltrace_buf b;
	uint64_t total = 0, errors = 0, inserts, releases;
	int pid = (int)getpid();

	if (!acltrace_option_int(ACLTRACE_OPT_SUMMARY))
		return;
	pthread_mutex_lock(&report_lock);
	for (unsigned k = 0; k < ACLTRACE_FINDING_COUNT; k++)
		total += kind_totals[k];
	for (uint32_t i = 0; i < group_count; i++) {
		const struct group *g = &groups[group_order[i]];
		if (g->severity == ACLTRACE_SEVERITY_ERROR)
			errors += g->count;
	}
	acltrace_registry_totals(&inserts, &releases);
	acltrace_buf_init(&b, mem, sizeof(mem));
	acltrace_buf_printf(&b,
			    "==%d== acltrace summary: %llu finding%s (%llu error%s, %llu "
			    "warning%s) in %u group%s; %llu allocations, %llu frees tracked\n",
			    pid, (unsigned long long)total, total == 1 ? "" : "s",
			    (unsigned long long)errors, errors == 1 ? "" : "s",
			    (unsigned long long)(total - errors), total - errors == 1 ? "" : "s",
			    group_count, group_count == 1 ? "" : "s", (unsigned long long)inserts,
			    (unsigned long long)releases);
	acltrace_log_flush_buf(&b);
	for (uint32_t i = 0; i < group_count; i++) {
		const struct group *g = &groups[group_order[i]];

		acltrace_buf_init(&b, mem, sizeof(mem));
		acltrace_buf_printf(&b, "==%d==   %s x%llu (%s, %s) at ", pid,
				    acltrace_finding_name(g->kind), (unsigned long long)g->count,
				    acltrace_severity_name(g->severity), acltrace_api_name(g->api));
		acltrace_stack_format_top(&b, g->stack);
		acltrace_buf_printf(&b, "\n");
		acltrace_log_flush_buf(&b);
	}
	for (unsigned k = 0; k < ACLTRACE_FINDING_COUNT; k++) {
		if (!ungrouped[k])
			continue;
		acltrace_buf_init(&b, mem, sizeof(mem));
		acltrace_buf_printf(&b, "==%d==   %s x%llu (not grouped: too many sites)\n", pid,
				    acltrace_finding_name(k), (unsigned long long)ungrouped[k]);
		acltrace_log_flush_buf(&b);
	}
	pthread_mutex_unlock(&report_lock);
}

void acltrace_report_atfork_prepare(void)
{
	pthread_mutex_lock(&report_lock);
}

void acltrace_report_atfork_parent(void)
{
	pthread_mutex_unlock(&report_lock);
}

void acltrace_report_atfork_child(void)
{
	/* The child reports only its own findings. */
	memset(groups, 0, sizeof(groups));
	memset(ungrouped, 0, sizeof(ungrouped));
	memset(kind_totals, 0, sizeof(kind_totals));
	group_count = 0;
	pthread_mutex_unlock(&report_lock);
}
