/* SPDX-License-Identifier: MIT */
/* Registry replay per process and the findings recomputed from allocation, free and use events. */
#include "acltrace_model_internal.h"

#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const family_names[ACLTRACE_FAMILY_COUNT] = {
	[ACLTRACE_FAMILY_UNKNOWN] = "unknown allocator",
	[ACLTRACE_FAMILY_RT_MALLOC] = "aclrtMalloc",
	[ACLTRACE_FAMILY_RT_MALLOC_ALIGN32] = "aclrtMallocAlign32",
	[ACLTRACE_FAMILY_RT_MALLOC_CACHED] = "aclrtMallocCached",
	[ACLTRACE_FAMILY_RT_MALLOC_WITH_CFG] = "aclrtMallocWithCfg",
	[ACLTRACE_FAMILY_RT_MALLOC_HOST] = "aclrtMallocHost",
	[ACLTRACE_FAMILY_RT_MALLOC_HOST_CFG] = "aclrtMallocHostWithCfg",
	[ACLTRACE_FAMILY_DVPP_MALLOC] = "acldvppMalloc",
	[ACLTRACE_FAMILY_HI_MPI_DVPP_MALLOC] = "hi_mpi_dvpp_malloc",
};

static const char *const free_names[ACLTRACE_FREE_COUNT] = {
	[ACLTRACE_FREE_UNKNOWN] = "unknown free",
	[ACLTRACE_FREE_RT_FREE] = "aclrtFree",
	[ACLTRACE_FREE_RT_FREE_DEV_SYNC] = "aclrtFreeWithDevSync",
	[ACLTRACE_FREE_RT_FREE_HOST] = "aclrtFreeHost",
	[ACLTRACE_FREE_RT_FREE_HOST_SYNC] = "aclrtFreeHostWithDevSync",
	[ACLTRACE_FREE_DVPP_FREE] = "acldvppFree",
	[ACLTRACE_FREE_HI_MPI_DVPP_FREE] = "hi_mpi_dvpp_free",
};

const char *acltrace_family_name(uint32_t f)
{
	return f < ACLTRACE_FAMILY_COUNT ? family_names[f] : "unknown allocator";
}

const char *acltrace_free_name(uint32_t api)
{
	return api < ACLTRACE_FREE_COUNT ? free_names[api] : "unknown free";
}

enum acltrace_family acltrace_family_by_name(const char *name)
{
	for (uint32_t f = 1; name && f < ACLTRACE_FAMILY_COUNT; f++)
		if (strcmp(name, family_names[f]) == 0)
			return (enum acltrace_family)f;
	return ACLTRACE_FAMILY_UNKNOWN;
}

enum acltrace_free_api acltrace_free_by_name(const char *name)
{
	for (uint32_t f = 1; name && f < ACLTRACE_FREE_COUNT; f++)
		if (strcmp(name, free_names[f]) == 0)
			return (enum acltrace_free_api)f;
	return ACLTRACE_FREE_UNKNOWN;
}

static bool starts_with(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}

/* DVPP operations: V1 (acldvpp*, aclvdec*, aclvenc*) and V2 (hi_mpi_vpc/vdec/venc/jpeg/png). */
static bool is_dvpp_operation(const char *api)
{
	static const char *const prefixes[] = {
		"acldvppVpc",	    "acldvppJpeg",	"acldvppPng",
		"aclvdecSendFrame", "aclvencSendFrame", "aclvencSetChannelDescBufAddr",
		"hi_mpi_vpc_",	    "hi_mpi_vdec_",	"hi_mpi_venc_",
		"hi_mpi_jpegd_",    "hi_mpi_jpege_",	"hi_mpi_pngd_",
	};
	for (size_t i = 0; i < sizeof(prefixes) / sizeof(prefixes[0]); i++)
		if (starts_with(api, prefixes[i]))
			return true;
	return false;
}

uint32_t acltrace_use_needs(const char *api, uint32_t role)
{
	if (role == ACLTRACE_ROLE_DESCRIBE)
		return 0; /* descriptions are checked where an operation receives them */
	uint32_t need = ACLTRACE_NEED_SIZE;
	if (role == ACLTRACE_ROLE_MODEL_WORK || role == ACLTRACE_ROLE_MODEL_WEIGHT)
		need |= ACLTRACE_NEED_RUNTIME_MEM;
	if (!api)
		return need;
	if (is_dvpp_operation(api))
		need |= ACLTRACE_NEED_DVPP | ACLTRACE_NEED_ALIGN128;
	if (starts_with(api, "aclrtMemcpyAsync") || starts_with(api, "aclrtMemcpy2dAsync"))
		need |= ACLTRACE_NEED_PINNED_HOST;
	/* the trace's roles are input/output/inout: every buffer of these loads is work or weight
	 * memory (the model file or image is not recorded as a use) */
	if (strcmp(api, "aclmdlLoadFromFileWithMem") == 0 ||
	    strcmp(api, "aclmdlLoadFromMemWithMem") == 0)
		need |= ACLTRACE_NEED_RUNTIME_MEM;
	return need;
}

bool acltrace_rc_is_oom(int64_t rc)
{
	uint32_t u = (uint32_t)rc;
	switch (rc) {
	case 200000: /* ACL_ERROR_BAD_ALLOC */
	case 207001: /* ACL_ERROR_RT_MEMORY_ALLOCATION */
	case 207018: /* ACL_ERROR_RT_DEVICE_OOM */
		return true;
	default:
		/* HiMPI NO_MEM of any module: 0xA0mm800C */
		return (u & 0xFF00FFFFu) == 0xA000800Cu;
	}
}

static const char *api_name(const struct acltrace_process *p, uint32_t id)
{
	return id < ACLTRACE_MAX_API ? p->api_names[id] : NULL;
}

/* What an API id means for the model, worked out once when its name arrives. */
static void api_define(struct acltrace_process *p, uint32_t id)
{
	const char *name = p->api_names[id];
	p->api_family[id] = (uint8_t)acltrace_family_by_name(name);
	p->api_free[id] = (uint8_t)acltrace_free_by_name(name);
	for (uint32_t role = 0; role < ACLTRACE_ROLE_COUNT; role++)
		p->api_needs[id][role] = (uint8_t)acltrace_use_needs(name, role);
}

enum free_match { FREE_OK, FREE_MISMATCH_WARNING, FREE_MISMATCH_ERROR, FREE_UNKNOWN };

/* Issue 4's table: which free is right for which allocation. */
static enum free_match free_matches(uint32_t family, uint32_t api)
{
	if (family == ACLTRACE_FAMILY_UNKNOWN || api == ACLTRACE_FREE_UNKNOWN ||
	    family >= ACLTRACE_FAMILY_COUNT || api >= ACLTRACE_FREE_COUNT)
		return FREE_UNKNOWN;
	switch (family) {
	case ACLTRACE_FAMILY_RT_MALLOC:
	case ACLTRACE_FAMILY_RT_MALLOC_ALIGN32:
	case ACLTRACE_FAMILY_RT_MALLOC_CACHED:
	case ACLTRACE_FAMILY_RT_MALLOC_WITH_CFG:
		return api == ACLTRACE_FREE_RT_FREE || api == ACLTRACE_FREE_RT_FREE_DEV_SYNC
			   ? FREE_OK
			   : FREE_MISMATCH_ERROR;
	case ACLTRACE_FAMILY_RT_MALLOC_HOST:
	case ACLTRACE_FAMILY_RT_MALLOC_HOST_CFG:
		return api == ACLTRACE_FREE_RT_FREE_HOST || api == ACLTRACE_FREE_RT_FREE_HOST_SYNC
			   ? FREE_OK
			   : FREE_MISMATCH_ERROR;
	case ACLTRACE_FAMILY_DVPP_MALLOC:
		if (api == ACLTRACE_FREE_DVPP_FREE)
			return FREE_OK;
		return api == ACLTRACE_FREE_HI_MPI_DVPP_FREE ? FREE_MISMATCH_WARNING
							     : FREE_MISMATCH_ERROR;
	case ACLTRACE_FAMILY_HI_MPI_DVPP_MALLOC:
		if (api == ACLTRACE_FREE_HI_MPI_DVPP_FREE)
			return FREE_OK;
		return api == ACLTRACE_FREE_DVPP_FREE ? FREE_MISMATCH_WARNING : FREE_MISMATCH_ERROR;
	default:
		return FREE_UNKNOWN;
	}
}

void acltrace_format_bytes(char *buf, size_t len, uint64_t bytes)
{
	if (bytes >= (1ull << 30) && bytes % (1ull << 20) == 0)
		snprintf(buf, len, "%" PRIu64 " bytes (%.2f GiB)", bytes,
			 (double)bytes / (1ull << 30));
	else if (bytes >= (1ull << 20))
		snprintf(buf, len, "%" PRIu64 " bytes (%.1f MiB)", bytes,
			 (double)bytes / (1ull << 20));
	else
		snprintf(buf, len, "%" PRIu64 " bytes", bytes);
}

void acltrace_model_config_default(struct acltrace_model_config *cfg)
{
	cfg->freed_memory = 65536;
	cfg->growth_min_windows = 8;
	cfg->growth_min_duration_ns = 1000000000ull;
}

struct acltrace_model *acltrace_model_create(const struct acltrace_model_config *cfg)
{
	struct acltrace_model *m = calloc(1, sizeof(*m));

	if (!m)
		return NULL;
	if (cfg)
		m->cfg = *cfg;
	else
		acltrace_model_config_default(&m->cfg);
	if (m->cfg.freed_memory == 0)
		m->cfg.freed_memory = 1;
	m->proc_tail = &m->proc_list;
	m->finding_tail = &m->finding_list;
	m->pool_tail = &m->pool_list;
	for (size_t i = 0; i < ACLTRACE_MAX_TRACES; i++)
		m->trace_uncertain_since[i] = UINT64_MAX;
	m->stats.first_time_ns = UINT64_MAX;
	return m;
}

static void process_destroy(struct acltrace_process *p)
{
	/* Records are freed by collecting them first: the treap cannot be walked while freed. */
	size_t lit = 0;
	uint64_t lkey;
	void *lval;
	while (acltrace_map_next(&p->live_idx, &lit, &lkey, &lval))
		free(lval);
	acltrace_map_fini(&p->live_idx);
	acltrace_map_fini(&p->freed_idx);
	for (size_t i = 0; i < p->freed_fifo.len; i++)
		free(*(struct acltrace_alloc_rec **)acltrace_vec_at(&p->freed_fifo, i));
	acltrace_vec_fini(&p->freed_fifo);
	size_t it = 0;
	uint64_t key;
	void *val;
	while (acltrace_map_next(&p->stacks, &it, &key, &val))
		free(val);
	acltrace_map_fini(&p->stacks);
	it = 0;
	while (acltrace_map_next(&p->sites, &it, &key, &val))
		free(val);
	acltrace_map_fini(&p->sites);
	it = 0;
	while (acltrace_map_next(&p->calls, &it, &key, &val))
		free(val);
	acltrace_map_fini(&p->calls);
	acltrace_vec_fini(&p->pending);
	for (size_t i = 0; i < ACLTRACE_MAX_API; i++)
		free(p->api_names[i]);
	for (size_t i = 0; i < p->modules.len; i++) {
		struct acltrace_module *mod = acltrace_vec_at(&p->modules, i);
		free(mod->path);
		free(mod->debug_link);
		free(mod->build_id);
	}
	acltrace_vec_fini(&p->modules);
	free(p->command);
	free(p->soc);
	free(p);
}

void acltrace_model_destroy(struct acltrace_model *m)
{
	if (!m)
		return;
	for (struct acltrace_process *p = m->proc_list, *next; p; p = next) {
		next = p->next;
		process_destroy(p);
	}
	acltrace_map_fini(&m->procs);
	for (struct acltrace_finding *f = m->finding_list, *next; f; f = next) {
		next = f->next;
		free(f);
	}
	acltrace_map_fini(&m->findings);
	acltrace_pools_destroy(m);
	for (uint32_t i = 0; i < m->nhosts; i++)
		free(m->hosts[i]);
	free(m->hosts);
	free(m);
}

static int host_intern(struct acltrace_model *m, const char *name, uint32_t *out)
{
	for (uint32_t i = 0; i < m->nhosts; i++) {
		if (strcmp(m->hosts[i], name) == 0) {
			*out = i;
			return 0;
		}
	}
	char **nh = realloc(m->hosts, (m->nhosts + 1) * sizeof(*nh));
	if (!nh)
		return -1;
	m->hosts = nh;
	m->hosts[m->nhosts] = strdup(name);
	if (!m->hosts[m->nhosts])
		return -1;
	*out = m->nhosts++;
	return 0;
}

const char *acltrace_model_host_name(const struct acltrace_model *m, uint32_t host)
{
	return host < m->nhosts ? m->hosts[host] : "unknown";
}

static int trace_host(struct acltrace_model *m, uint16_t trace, uint32_t *host)
{
	if (!m->trace_known[trace]) {
		char name[32];
		snprintf(name, sizeof(name), "unknown-host-%u", (unsigned)trace);
		if (host_intern(m, name, &m->trace_host[trace]) != 0)
			return -1;
		m->trace_known[trace] = true;
	}
	*host = m->trace_host[trace];
	return 0;
}

static struct acltrace_process *process_get(struct acltrace_model *m,
					    const struct acltrace_event *ev)
{
	uint32_t host;

	if (trace_host(m, ev->trace_id, &host) != 0)
		return NULL;
	uint64_t key = ((uint64_t)host << 32) | (uint32_t)ev->pid;
	if (m->last_proc && m->last_proc_key == key)
		return m->last_proc; /* events come in runs of one process */
	struct acltrace_process *p = acltrace_map_get(&m->procs, key);
	if (p) {
		m->last_proc = p;
		m->last_proc_key = key;
		return p;
	}
	p = calloc(1, sizeof(*p));
	if (!p)
		return NULL;
	p->host = host;
	p->pid = ev->pid;
	p->parent_pid = -1;
	p->uncertain_since = UINT64_MAX;
	p->first_time_ns = ev->time_ns;
	acltrace_vec_init(&p->freed_fifo, sizeof(struct acltrace_alloc_rec *));
	acltrace_vec_init(&p->modules, sizeof(struct acltrace_module));
	acltrace_vec_init(&p->pending, sizeof(struct acltrace_pending_use));
	p->device = -1;
	if (acltrace_map_put(&m->procs, key, p) != 0) {
		free(p);
		return NULL;
	}
	*m->proc_tail = p;
	m->proc_tail = &p->next;
	return p;
}

static struct acltrace_process *process_find(struct acltrace_model *m, uint32_t host, int64_t pid)
{
	if (pid < 0)
		return NULL;
	return acltrace_map_get(&m->procs, ((uint64_t)host << 32) | (uint32_t)pid);
}

/* True when the events before `time_ns` in this process's trace may be incomplete. */
static bool lost_before(const struct acltrace_model *m, const struct acltrace_process *p,
			uint16_t trace, uint64_t time_ns)
{
	uint64_t since = p->uncertain_since;
	if (m->trace_uncertain_since[trace] < since)
		since = m->trace_uncertain_since[trace];
	return time_ns >= since;
}

static uint64_t finding_key(const struct acltrace_process *p, uint32_t kind, uint64_t stack_id,
			    bool has_stack)
{
	uint64_t h = acltrace_hash64((uint64_t)(uintptr_t)p ^ ((uint64_t)kind << 56));
	h = acltrace_hash64(h ^ stack_id ^ (has_stack ? 0x5bd1e995ull : 0));
	return h ? h : 1;
}

struct acltrace_finding *acltrace_model_add_finding(struct acltrace_model *m,
						    struct acltrace_process *p, uint32_t kind,
						    uint32_t severity, uint64_t stack_id,
						    bool has_stack, uint64_t time_ns,
						    bool uncertain)
{
	uint64_t key = finding_key(p, kind, stack_id, has_stack);
	struct acltrace_finding *f;

	for (;;) {
		f = acltrace_map_get(&m->findings, key);
		if (!f)
			break;
		if (f->proc == p && f->kind == kind && f->stack_id == stack_id &&
		    f->has_stack == has_stack) {
			/* certain once any occurrence is certain */
			f->uncertain = f->uncertain && uncertain;
			if (severity > f->severity)
				f->severity = severity;
			return f;
		}
		key = key + 1 ? key + 1 : 1;
	}
	f = calloc(1, sizeof(*f));
	if (!f || acltrace_map_put(&m->findings, key, f) != 0) {
		free(f);
		m->oom = true;
		return NULL;
	}
	f->kind = kind;
	f->severity = severity;
	f->proc = p;
	f->stack_id = stack_id;
	f->has_stack = has_stack;
	f->time_ns = time_ns;
	f->uncertain = uncertain;
	f->pool = -1;
	f->device = -1;
	*m->finding_tail = f;
	m->finding_tail = &f->next;
	return f;
}

__attribute__((format(printf, 2, 3))) static void set_message(struct acltrace_finding *f,
							      const char *fmt, ...)
{
	if (f->message[0])
		return; /* the first occurrence describes the finding */
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(f->message, sizeof(f->message), fmt, ap);
	va_end(ap);
}

/* Records one recomputed occurrence. */
static struct acltrace_finding *occur(struct acltrace_model *m, struct acltrace_process *p,
				      const struct acltrace_event *ev, uint32_t kind,
				      uint32_t severity, uint64_t stack_id, bool uncertain)
{
	struct acltrace_finding *f = acltrace_model_add_finding(
	    m, p, kind, severity, stack_id, stack_id != 0, ev->time_ns, uncertain);
	if (!f)
		return NULL;
	if (f->count++ == 0 && f->preload_count == 0) {
		f->tid = ev->tid;
		f->time_ns = ev->time_ns;
	}
	return f;
}

static void set_api(struct acltrace_finding *f, const char *api)
{
	if (!f->api[0] && api)
		snprintf(f->api, sizeof(f->api), "%s", api);
}

/* A finding at a use site: counted, and on its first occurrence the call, address and size. */
static struct acltrace_finding *use_occur(struct acltrace_model *m, struct acltrace_process *p,
					  const struct acltrace_event *ev, uint32_t kind,
					  uint32_t severity, uint64_t stack_id, bool uncertain,
					  const char *api, uint64_t addr, uint64_t size)
{
	struct acltrace_finding *f = occur(m, p, ev, kind, severity, stack_id, uncertain);

	if (!f)
		return NULL;
	set_api(f, api);
	if (f->count == 1) {
		f->addr = addr;
		f->bytes = size;
	}
	return f;
}

static void set_alloc(struct acltrace_finding *f, const struct acltrace_alloc_rec *r)
{
	if (f->has_alloc_stack || f->count > 1)
		return;
	f->alloc_stack_id = r->stack_id;
	f->has_alloc_stack = r->stack_id != 0;
	f->addr = r->node.key;
	f->bytes = r->size;
	f->pool = r->pool;
	f->device = r->device;
}

static struct acltrace_site *site_get(struct acltrace_model *m, struct acltrace_process *p,
				      uint64_t stack_id)
{
	/* a loop allocates from a few sites: a direct-mapped cache in front of the map */
	struct acltrace_site **slot = &p->site_cache[stack_id % ACLTRACE_SITE_CACHE];
	if (*slot && (*slot)->stack_id == stack_id)
		return *slot;
	struct acltrace_site *s = acltrace_map_get(&p->sites, stack_id);
	if (s) {
		*slot = s;
		return s;
	}
	s = calloc(1, sizeof(*s));
	if (!s || acltrace_map_put(&p->sites, stack_id, s) != 0) {
		free(s);
		return NULL;
	}
	s->proc = p;
	s->stack_id = stack_id;
	s->first_win = UINT32_MAX;
	s->last_win = UINT32_MAX;
	s->next_all = m->site_list;
	m->site_list = s;
	return s;
}

/*
 * Live and freed records: a hash map for exact addresses (the common case), and a treap for the
 * interior-pointer lookups of uses and invalid frees, built the first time such a lookup comes
 * and kept up to date from then on. Traces without uses never pay for the ordering.
 */
static int live_insert(struct acltrace_process *p, struct acltrace_alloc_rec *r)
{
	if (acltrace_map_put(&p->live_idx, r->node.key, r) != 0)
		return -1;
	if (p->live_ordered)
		acltrace_treap_insert(&p->live, &r->node);
	return 0;
}

static void live_remove(struct acltrace_process *p, struct acltrace_alloc_rec *r)
{
	acltrace_map_del(&p->live_idx, r->node.key);
	if (p->live_ordered)
		acltrace_treap_remove(&p->live, &r->node);
}

/* Calls fn for every live record; fn must not add or remove records. */
static void live_walk(struct acltrace_process *p, int (*fn)(struct acltrace_tnode *, void *),
		      void *arg)
{
	size_t it = 0;
	uint64_t key;
	void *val;
	while (acltrace_map_next(&p->live_idx, &it, &key, &val))
		if (fn(&((struct acltrace_alloc_rec *)val)->node, arg))
			return;
}

static struct acltrace_alloc_rec *live_at(const struct acltrace_process *p, uint64_t addr)
{
	return acltrace_map_get(&p->live_idx, addr);
}

/* Forgets a freed record (it stays in the ring, which owns it). */
static void freed_remove(struct acltrace_process *p, struct acltrace_alloc_rec *fr)
{
	acltrace_map_del_if(&p->freed_idx, fr->node.key, fr);
	if (fr->in_freed_treap) {
		acltrace_treap_remove(&p->freed, &fr->node);
		fr->in_freed_treap = false;
	}
}

/*
 * The freed record is the live record itself, moved from the live index to the freed one (its
 * memory is hot). A ring of cfg.freed_memory records bounds what is remembered.
 */
static void remember_freed(struct acltrace_model *m, struct acltrace_process *p,
			   struct acltrace_alloc_rec *r, uint64_t free_stack, uint64_t time_ns)
{
	r->free_stack_id = free_stack;
	r->free_time_ns = time_ns;
	r->in_freed_treap = false;
	if (p->freed_fifo.len < m->cfg.freed_memory) {
		struct acltrace_alloc_rec **slot = acltrace_vec_push(&p->freed_fifo);
		if (!slot) {
			free(r); /* forgetting a freed buffer only weakens double-free detection */
			return;
		}
		*slot = r;
	} else {
		/* ring full: the oldest record goes */
		struct acltrace_alloc_rec **slot = acltrace_vec_at(&p->freed_fifo, p->freed_head);
		p->freed_head = (p->freed_head + 1) % p->freed_fifo.len;
		freed_remove(p, *slot);
		free(*slot);
		*slot = r;
	}
	/* one record per address: the latest free wins (the older stays in the ring) */
	if (p->freed_ordered) {
		struct acltrace_alloc_rec *old = acltrace_map_get(&p->freed_idx, r->node.key);
		if (old && old->in_freed_treap) {
			acltrace_treap_remove(&p->freed, &old->node);
			old->in_freed_treap = false;
		}
	}
	if (acltrace_map_put(&p->freed_idx, r->node.key, r) != 0)
		return; /* as above: only weaker */
	if (p->freed_ordered) {
		acltrace_treap_insert(&p->freed, &r->node);
		r->in_freed_treap = true;
	}
}

/* Takes a buffer out of the pools and the site (the runtime no longer holds it). */
static void release_accounting(struct acltrace_model *m, struct acltrace_alloc_rec *r,
			       uint64_t time_ns)
{
	if (r->released)
		return;
	r->released = true;
	uint64_t bytes = r->rounded ? r->rounded : r->size;
	if (r->acct)
		acltrace_pool_sub(r->acct, r->site, bytes, r->size);
	if (r->site) {
		r->site->live_bytes -= r->size;
		r->site->live_count--;
		acltrace_growth_update(m, r->site, time_ns, r->site->live_bytes + r->size,
				       r->site->live_bytes);
	}
}

static void drop_live(struct acltrace_model *m, struct acltrace_process *p,
		      struct acltrace_alloc_rec *r, uint64_t time_ns)
{
	release_accounting(m, r, time_ns);
	live_remove(p, r);
	free(r);
}

static void free_live(struct acltrace_model *m, struct acltrace_process *p,
		      struct acltrace_alloc_rec *r, uint64_t free_stack, uint64_t time_ns)
{
	release_accounting(m, r, time_ns);
	live_remove(p, r);
	remember_freed(m, p, r, free_stack, time_ns);
}

static struct acltrace_alloc_rec *live_containing(struct acltrace_process *p, uint64_t addr)
{
	struct acltrace_alloc_rec *exact = live_at(p, addr);
	if (exact)
		return exact;
	if (!p->live_ordered) {
		size_t it = 0;
		uint64_t key;
		void *val;
		while (acltrace_map_next(&p->live_idx, &it, &key, &val))
			acltrace_treap_insert(&p->live, &((struct acltrace_alloc_rec *)val)->node);
		p->live_ordered = true;
	}
	struct acltrace_tnode *n = acltrace_treap_floor(&p->live, addr);
	if (!n)
		return NULL;
	struct acltrace_alloc_rec *r = ACLTRACE_CONTAINER_OF(n, struct acltrace_alloc_rec, node);
	uint64_t extent = r->size ? r->size : 1;
	if (r->rounded > extent)
		extent = r->rounded;
	return addr - n->key < extent ? r : NULL;
}

static struct acltrace_alloc_rec *freed_containing(struct acltrace_process *p, uint64_t addr)
{
	struct acltrace_alloc_rec *exact = acltrace_map_get(&p->freed_idx, addr);
	if (exact)
		return exact;
	if (!p->freed_ordered) {
		size_t it = 0;
		uint64_t key;
		void *val;
		while (acltrace_map_next(&p->freed_idx, &it, &key, &val)) {
			struct acltrace_alloc_rec *fr = val;
			acltrace_treap_insert(&p->freed, &fr->node);
			fr->in_freed_treap = true;
		}
		p->freed_ordered = true;
	}
	struct acltrace_tnode *n = acltrace_treap_floor(&p->freed, addr);
	if (!n)
		return NULL;
	struct acltrace_alloc_rec *r = ACLTRACE_CONTAINER_OF(n, struct acltrace_alloc_rec, node);
	return addr - n->key < (r->size ? r->size : 1) ? r : NULL;
}

static int on_alloc(struct acltrace_model *m, struct acltrace_process *p,
		    const struct acltrace_event *ev)
{
	const char *name = api_name(p, ev->u.alloc.api);
	enum acltrace_family family = ev->u.alloc.api < ACLTRACE_MAX_API
					  ? (enum acltrace_family)p->api_family[ev->u.alloc.api]
					  : ACLTRACE_FAMILY_UNKNOWN;
	const char *fam = name ? name : acltrace_family_name(family);
	uint32_t pool = ev->u.alloc.pool;
	char sz[64], live[64];

	if (pool >= ACLTRACE_POOL_COUNT || pool == ACLTRACE_POOL_NONE) {
		m->stats.bad_events++;
		return 0;
	}
	p->allocs++;
	/* pinned host memory is a host resource: one host pool, whatever the device */
	int32_t device = pool == ACLTRACE_POOL_HOST ? -1 : ev->u.alloc.device;
	struct acltrace_site *site = site_get(m, p, ev->u.alloc.stack_id);
	if (!site)
		return -1;
	struct acltrace_pool_acct *acct = site->acct;
	if (!acct || acct->device != device || acct->pool != pool)
		acct = acltrace_pool_get(m, p->host, device, pool);
	if (!acct)
		return -1;
	if (ev->u.alloc.rc != 0) {
		bool oom = acltrace_rc_is_oom(ev->u.alloc.rc);
		uint32_t kind =
		    oom ? ACLTRACE_FINDING_POOL_EXHAUSTED : ACLTRACE_FINDING_ALLOC_FAILED;
		p->had_failed_alloc = true;
		acct->failures++;
		struct acltrace_finding *f =
		    occur(m, p, ev, kind, acltrace_finding_table[kind].severity,
			  ev->u.alloc.stack_id, false);
		if (!f)
			return -1;
		set_api(f, fam);
		acltrace_format_bytes(sz, sizeof(sz), ev->u.alloc.requested);
		acltrace_format_bytes(live, sizeof(live), acct->live_bytes);
		if (f->count == 1) {
			f->bytes = ev->u.alloc.requested;
			f->pool = (int32_t)pool;
			f->device = device;
		}
		set_message(f, "%s of %s failed with error %" PRId64 "; pool %s%s had %s live", fam,
			    sz, ev->u.alloc.rc, acltrace_pool_name(pool),
			    device >= 0 ? " of the device" : "", live);
		return 0;
	}
	uint64_t addr = ev->u.alloc.addr;
	struct acltrace_alloc_rec *stale = live_at(p, addr);
	if (stale) {
		/* its free was lost, or happened outside what the tracer sees */
		drop_live(m, p, stale, ev->time_ns);
	}
	if (lost_before(m, p, ev->trace_id, ev->time_ns)) {
		/* after a loss, live records the new buffer overlaps were freed unseen */
		while ((stale = live_containing(p, addr)) != NULL)
			drop_live(m, p, stale, ev->time_ns);
	}
	struct acltrace_alloc_rec *r = calloc(1, sizeof(*r));
	if (!r)
		return -1;
	r->node.key = addr;
	r->size = ev->u.alloc.requested;
	r->rounded = ev->u.alloc.size;
	r->stack_id = ev->u.alloc.stack_id;
	r->time_ns = ev->time_ns;
	r->site = site;
	r->acct = acct;
	r->gen = ++m->gen;
	r->tid = ev->tid;
	r->device = ev->u.alloc.device;
	r->family = (uint8_t)family;
	r->pool = (uint8_t)pool;
	if (live_insert(p, r) != 0) {
		free(r);
		return -1;
	}
	site->live_bytes += r->size;
	site->live_count++;
	acltrace_growth_update(m, site, ev->time_ns, site->live_bytes - r->size, site->live_bytes);
	if (acltrace_pool_add(acct, site, r->rounded ? r->rounded : r->size, r->size,
			      ev->time_ns) != 0)
		return -1;
	if (pool == ACLTRACE_POOL_DVPP && addr % 128 != 0) {
		struct acltrace_finding *f = occur(m, p, ev, ACLTRACE_FINDING_MISALIGNED_BUFFER,
						   ACLTRACE_SEVERITY_ERROR, r->stack_id, false);
		if (!f)
			return -1;
		set_api(f, fam);
		set_alloc(f, r);
		set_message(f,
			    "%s returned 0x%" PRIx64 ", which is not 128-byte aligned (offset %u)",
			    fam, addr, (unsigned)(addr % 128));
	}
	return 0;
}

static void report_leak(struct acltrace_model *m, struct acltrace_process *p,
			struct acltrace_alloc_rec *r, enum acltrace_leak_when when, uint16_t trace,
			uint64_t time_ns)
{
	/* whether the program ended when the trace did is unknown */
	bool uncertain = when == ACLTRACE_LEAK_END_OF_TRACE || lost_before(m, p, trace, time_ns);
	struct acltrace_finding *f =
	    acltrace_model_add_finding(m, p, ACLTRACE_FINDING_LEAK, ACLTRACE_SEVERITY_ERROR,
				       r->stack_id, r->stack_id != 0, time_ns, uncertain);
	if (!f)
		return;
	if (f->count == 0 && f->preload_count == 0) {
		f->tid = r->tid;
		f->addr = r->node.key;
		f->pool = r->pool;
		f->device = r->device;
		f->time_ns = time_ns;
		set_api(f, acltrace_family_name(r->family));
	}
	if (f->leak_when == ACLTRACE_LEAK_NONE)
		f->leak_when = when;
	f->count++;
	f->bytes += r->size;
	r->leak_reported = true;
	if (r->site)
		r->site->leak_reported = true;
	/* the message is written at the end, when count and bytes are final */
}

struct leak_walk {
	struct acltrace_model *m;
	struct acltrace_process *p;
	enum acltrace_leak_when when;
	int32_t device;
	uint16_t trace;
	uint64_t time_ns;
};

static int leak_node(struct acltrace_tnode *n, void *arg)
{
	struct leak_walk *w = arg;
	struct acltrace_alloc_rec *r = ACLTRACE_CONTAINER_OF(n, struct acltrace_alloc_rec, node);

	if (r->leak_reported || r->released || (r->site && r->site->growing))
		return 0;
	if (w->when == ACLTRACE_LEAK_RESET && r->device != w->device)
		return 0;
	report_leak(w->m, w->p, r, w->when, w->trace, w->time_ns);
	if (w->when == ACLTRACE_LEAK_RESET) {
		/* the reset returns the device's memory: it leaves the pools */
		release_accounting(w->m, r, w->time_ns);
	}
	return 0;
}

static void report_leaks(struct acltrace_model *m, struct acltrace_process *p,
			 const struct acltrace_event *ev, enum acltrace_leak_when when)
{
	struct leak_walk w = { .m = m,
			       .p = p,
			       .when = when,
			       .device = ev->u.lifecycle.device,
			       .trace = ev->trace_id,
			       .time_ns = ev->time_ns };
	live_walk(p, leak_node, &w);
}

static int on_free(struct acltrace_model *m, struct acltrace_process *p,
		   const struct acltrace_event *ev)
{
	uint64_t addr = ev->u.free.addr;
	uint64_t stack = ev->u.free.stack_id;
	const char *name = api_name(p, ev->u.free.api);
	enum acltrace_free_api fapi = ev->u.free.api < ACLTRACE_MAX_API
					  ? (enum acltrace_free_api)p->api_free[ev->u.free.api]
					  : ACLTRACE_FREE_UNKNOWN;
	const char *api = name ? name : "free";
	bool lost = lost_before(m, p, ev->trace_id, ev->time_ns);
	struct acltrace_finding *f;
	char sz[64];

	p->frees++;
	if (addr == 0)
		return 0; /* freeing NULL is a no-op in every family */
	struct acltrace_alloc_rec *r = live_at(p, addr);
	if (r) {
		enum free_match fm = free_matches(r->family, fapi);
		bool forwarded = true;
		if (fm == FREE_MISMATCH_WARNING || fm == FREE_MISMATCH_ERROR) {
			uint32_t sev = fm == FREE_MISMATCH_ERROR ? ACLTRACE_SEVERITY_ERROR
								 : ACLTRACE_SEVERITY_WARNING;
			f = occur(m, p, ev, ACLTRACE_FINDING_MISMATCHED_FREE, sev, stack, false);
			if (!f)
				return -1;
			set_api(f, api);
			set_alloc(f, r);
			acltrace_format_bytes(sz, sizeof(sz), r->size);
			set_message(f, "%s of 0x%" PRIx64 " (%s) allocated by %s%s", api, addr, sz,
				    acltrace_family_name(r->family),
				    fm == FREE_MISMATCH_WARNING
					? ": same heap, but against the documentation"
					: "");
		}
		/* enforce mode keeps bad frees from the runtime: the buffer stays live */
		forwarded = ev->u.free.action != ACLTRACE_FREE_BLOCKED;
		if (r->pending > 0) {
			f = occur(m, p, ev, ACLTRACE_FINDING_FREED_WHILE_IN_USE,
				  ACLTRACE_SEVERITY_ERROR, stack, lost);
			if (!f)
				return -1;
			set_api(f, api);
			set_alloc(f, r);
			acltrace_format_bytes(sz, sizeof(sz), r->size);
			set_message(f,
				    "%s of 0x%" PRIx64
				    " (%s) while %u asynchronous task%s using it "
				    "%s not synchronized",
				    api, addr, sz, r->pending, r->pending == 1 ? "" : "s",
				    r->pending == 1 ? "was" : "were");
		}
		if (!forwarded)
			return 0;
		free_live(m, p, r, stack, ev->time_ns);
		return 0;
	}
	struct acltrace_alloc_rec *inner = live_containing(p, addr);
	if (inner && lost) {
		/* the record may be stale: its free, and a newer allocation here, may be lost */
		p->unmatched_frees++;
		return 0;
	}
	if (inner) {
		f = occur(m, p, ev, ACLTRACE_FINDING_INVALID_FREE, ACLTRACE_SEVERITY_ERROR, stack,
			  lost);
		if (!f)
			return -1;
		set_api(f, api);
		set_alloc(f, inner);
		f->addr = addr;
		acltrace_format_bytes(sz, sizeof(sz), inner->size);
		set_message(f,
			    "%s of 0x%" PRIx64 ", an interior pointer %" PRIu64
			    " bytes into a %s buffer allocated by %s",
			    api, addr, addr - inner->node.key, sz,
			    acltrace_family_name(inner->family));
		return 0;
	}
	struct acltrace_alloc_rec *fr = acltrace_map_get(&p->freed_idx, addr);
	if (fr && fr->node.key == addr && ev->u.free.live_pool != UINT32_MAX &&
	    ev->u.free.live_pool != ACLTRACE_POOL_NONE) {
		/*
		 * The preload still held the buffer live: the runtime refused the earlier free
		 * (the free event precedes the call, so only this later event tells). This free
		 * is the real one.
		 */
		fr->free_stack_id = stack;
		fr->free_time_ns = ev->time_ns;
		p->refused_frees++;
		return 0;
	}
	if (fr && fr->node.key == addr) {
		f = occur(m, p, ev, ACLTRACE_FINDING_DOUBLE_FREE, ACLTRACE_SEVERITY_ERROR, stack,
			  lost);
		if (!f)
			return -1;
		set_api(f, api);
		if (f->count == 1) {
			f->addr = addr;
			f->bytes = fr->size;
			f->pool = fr->pool;
			f->alloc_stack_id = fr->stack_id;
			f->has_alloc_stack = fr->stack_id != 0;
			f->free_stack_id = fr->free_stack_id;
			f->has_free_stack = fr->free_stack_id != 0;
		}
		acltrace_format_bytes(sz, sizeof(sz), fr->size);
		set_message(f, "%s of 0x%" PRIx64 " (%s, allocated by %s), which was already freed",
			    api, addr, sz, acltrace_family_name(fr->family));
		return 0;
	}
	if (p->mid_run || lost) {
		/* allocated before the trace began, or its allocation event was lost */
		p->unmatched_frees++;
		return 0;
	}
	f = occur(m, p, ev, ACLTRACE_FINDING_INVALID_FREE, ACLTRACE_SEVERITY_ERROR, stack, false);
	if (!f)
		return -1;
	set_api(f, api);
	if (f->count == 1)
		f->addr = addr;
	struct acltrace_process *parent =
	    p->forked ? process_find(m, p->host, p->parent_pid) : NULL;
	struct acltrace_alloc_rec *pr = parent ? live_containing(parent, addr) : NULL;
	if (pr && pr->node.key == addr) {
		set_message(f,
			    "%s of 0x%" PRIx64 " in a forked child: the buffer was allocated by "
			    "the parent process %d, the child has no such allocation",
			    api, addr, parent->pid);
	} else {
		set_message(f, "%s of 0x%" PRIx64 ", which is not a live allocation", api, addr);
	}
	return 0;
}

/* SoCs whose DVPP (VPC/VDEC/JPEGD) also accepts aclrtMalloc memory (api-facts.md 5.2). */
static bool soc_dvpp_accepts_device_mem(const char *soc)
{
	if (!soc)
		return false;
	return strncmp(soc, "Ascend910B", 10) == 0 || strncmp(soc, "Ascend910_93", 12) == 0 ||
	       strncmp(soc, "Ascend310B", 10) == 0;
}

/*
 * A program that never synchronizes would make the pending list grow with its events: past a
 * bound, entries of buffers since freed go, then the oldest half (counted as retired).
 */
static void forget_pending(struct acltrace_process *p)
{
	size_t keep = 0, drop_below = p->pending.len / 2;
	for (size_t i = 0; i < p->pending.len; i++) {
		struct acltrace_pending_use *pu = acltrace_vec_at(&p->pending, i);
		struct acltrace_alloc_rec *r = live_at(p, pu->addr);
		bool stale = !r || r->gen != pu->gen;
		if (!stale && i < drop_below) {
			if (r->pending > 0)
				r->pending--;
			stale = true;
		}
		if (!stale)
			*(struct acltrace_pending_use *)acltrace_vec_at(&p->pending, keep++) = *pu;
	}
	p->pending.len = keep;
	p->pending_dropped = true;
}

static int call_add_use(struct acltrace_process *p, const struct acltrace_event *ev,
			const struct acltrace_alloc_rec *r);

static int on_use(struct acltrace_model *m, struct acltrace_process *p,
		  const struct acltrace_event *ev)
{
	uint64_t addr = ev->u.use.addr, size = ev->u.use.size, stack = ev->u.use.stack_id;
	const char *name = api_name(p, ev->u.use.api);
	uint32_t need = ev->u.use.api < ACLTRACE_MAX_API && ev->u.use.role < ACLTRACE_ROLE_COUNT
			    ? p->api_needs[ev->u.use.api][ev->u.use.role]
			    : acltrace_use_needs(name, ev->u.use.role);
	const char *api = name ? name : "use";
	bool lost = lost_before(m, p, ev->trace_id, ev->time_ns);
	struct acltrace_finding *f;
	char sz[64], need_sz[64];

	p->uses++;
	if (addr == 0) {
		if (p->had_failed_alloc) {
			f = occur(m, p, ev, ACLTRACE_FINDING_UNCHECKED_FAILURE,
				  ACLTRACE_SEVERITY_ERROR, stack, false);
			if (!f)
				return -1;
			set_api(f, api);
			set_message(f,
				    "%s given a NULL pointer after an allocation of this process "
				    "failed",
				    api);
		}
		return 0;
	}
	struct acltrace_alloc_rec *r = live_containing(p, addr);
	if (!r) {
		struct acltrace_alloc_rec *fr = freed_containing(p, addr);
		if (fr) {
			f = use_occur(m, p, ev, ACLTRACE_FINDING_USE_AFTER_FREE,
				      ACLTRACE_SEVERITY_ERROR, stack, lost, api, addr, size);
			if (!f)
				return -1;
			if (f->count == 1) {
				f->pool = fr->pool;
				f->alloc_stack_id = fr->stack_id;
				f->has_alloc_stack = fr->stack_id != 0;
				f->free_stack_id = fr->free_stack_id;
				f->has_free_stack = fr->free_stack_id != 0;
			}
			acltrace_format_bytes(sz, sizeof(sz), fr->size);
			set_message(f,
				    "%s uses 0x%" PRIx64 ", %" PRIu64
				    " bytes into a %s buffer allocated by %s and already freed",
				    api, addr, addr - fr->node.key, sz,
				    acltrace_family_name(fr->family));
			return 0;
		}
		/* Unknown memory (heap, stack, or allocated before the trace began). */
		bool unsure = p->mid_run || lost;
		if (need & ACLTRACE_NEED_DVPP) {
			f = use_occur(m, p, ev, ACLTRACE_FINDING_NON_DVPP_BUFFER,
				      ACLTRACE_SEVERITY_ERROR, stack, unsure, api, addr, size);
			if (!f)
				return -1;
			set_message(f,
				    "%s given 0x%" PRIx64
				    ", which is not DVPP memory (not allocated through ACL at all)",
				    api, addr);
		}
		if (need & ACLTRACE_NEED_PINNED_HOST) {
			f = use_occur(m, p, ev, ACLTRACE_FINDING_UNPINNED_ASYNC_COPY,
				      ACLTRACE_SEVERITY_WARNING, stack, unsure, api, addr, size);
			if (!f)
				return -1;
			set_message(f,
				    "%s with host memory 0x%" PRIx64
				    " that was not allocated with aclrtMallocHost",
				    api, addr);
		}
		return 0;
	}
	uint64_t off = addr - r->node.key;
	if ((need & ACLTRACE_NEED_SIZE) && (off + size > r->size || off + size < off)) {
		f = occur(m, p, ev, ACLTRACE_FINDING_BUFFER_OVERFLOW, ACLTRACE_SEVERITY_ERROR,
			  stack, lost);
		if (!f)
			return -1;
		set_api(f, api);
		set_alloc(f, r);
		if (f->count == 1) {
			f->addr = addr;
			f->bytes = size;
		}
		acltrace_format_bytes(need_sz, sizeof(need_sz), size);
		acltrace_format_bytes(sz, sizeof(sz), r->size);
		set_message(f,
			    "%s needs %s at 0x%" PRIx64 " (offset %" PRIu64 ") but the buffer "
			    "allocated by %s holds %s: %" PRIu64 " bytes past its end",
			    api, need_sz, addr, off, acltrace_family_name(r->family), sz,
			    off + size - r->size);
	}
	if ((need & ACLTRACE_NEED_DVPP) && r->pool != ACLTRACE_POOL_DVPP &&
	    !(r->pool == ACLTRACE_POOL_DEVICE && soc_dvpp_accepts_device_mem(p->soc))) {
		f = occur(m, p, ev, ACLTRACE_FINDING_NON_DVPP_BUFFER, ACLTRACE_SEVERITY_ERROR,
			  stack, lost);
		if (!f)
			return -1;
		set_api(f, api);
		set_alloc(f, r);
		set_message(f, "%s given %s memory from %s; %s requires DVPP memory", api,
			    acltrace_pool_name(r->pool), acltrace_family_name(r->family),
			    p->soc ? p->soc : "the target");
	}
	if ((need & ACLTRACE_NEED_ALIGN128) && addr % 128 != 0) {
		f = occur(m, p, ev, ACLTRACE_FINDING_MISALIGNED_BUFFER, ACLTRACE_SEVERITY_ERROR,
			  stack, lost);
		if (!f)
			return -1;
		set_api(f, api);
		set_alloc(f, r);
		if (f->count == 1)
			f->addr = addr;
		set_message(f,
			    "%s given 0x%" PRIx64 " (offset %" PRIu64
			    " into its block), not 128-byte aligned",
			    api, addr, off);
	}
	if ((need & ACLTRACE_NEED_RUNTIME_MEM) && r->pool == ACLTRACE_POOL_DVPP) {
		f = occur(m, p, ev, ACLTRACE_FINDING_DVPP_POOL_MISUSE, ACLTRACE_SEVERITY_WARNING,
			  stack, lost);
		if (!f)
			return -1;
		set_api(f, api);
		set_alloc(f, r);
		set_message(f,
			    "%s given DVPP memory from %s where runtime memory (aclrtMalloc) is "
			    "documented",
			    api, acltrace_family_name(r->family));
	}
	/* of an async copy, the side in device or DVPP memory is the device side: fine */
	if ((need & ACLTRACE_NEED_PINNED_HOST) && r->pool == ACLTRACE_POOL_HOST && addr % 64 != 0) {
		f = occur(m, p, ev, ACLTRACE_FINDING_UNPINNED_ASYNC_COPY, ACLTRACE_SEVERITY_WARNING,
			  stack, lost);
		if (!f)
			return -1;
		set_api(f, api);
		set_alloc(f, r);
		set_message(f, "%s with host side 0x%" PRIx64 ", not 64-byte aligned", api, addr);
	}
	return call_add_use(p, ev, r);
}

/*
 * The uses of one call arrive before its task_submit (same thread, API and stack): they are
 * collected per thread until the submission names the task, or until another call starts.
 */
static int call_add_use(struct acltrace_process *p, const struct acltrace_event *ev,
			const struct acltrace_alloc_rec *r)
{
	uint64_t key = (uint32_t)ev->tid;
	struct acltrace_call *c = acltrace_map_get(&p->calls, key);
	if (!c) {
		c = calloc(1, sizeof(*c));
		if (!c || acltrace_map_put(&p->calls, key, c) != 0) {
			free(c);
			return -1;
		}
	}
	if (c->api != ev->u.use.api || c->stack_id != ev->u.use.stack_id) {
		c->api = ev->u.use.api;
		c->stack_id = ev->u.use.stack_id;
		c->n = 0;
	}
	if (c->n < ACLTRACE_CALL_BUFS) {
		c->addr[c->n] = r->node.key;
		c->gen[c->n] = r->gen;
		c->n++;
	}
	return 0;
}

static int on_submit(struct acltrace_process *p, const struct acltrace_event *ev)
{
	struct acltrace_call *c = acltrace_map_get(&p->calls, (uint32_t)ev->tid);
	if (!c || c->n == 0 || c->api != ev->u.task.api || c->stack_id != ev->u.task.stack_id)
		return 0;
	for (uint32_t i = 0; i < c->n; i++) {
		struct acltrace_alloc_rec *r = live_at(p, c->addr[i]);
		if (!r || r->gen != c->gen[i])
			continue; /* freed since (by another thread) */
		if (p->pending.len >= ACLTRACE_MAX_PENDING)
			forget_pending(p);
		struct acltrace_pending_use *pu = acltrace_vec_push(&p->pending);
		if (!pu)
			return -1;
		pu->addr = r->node.key;
		pu->stream = ev->u.task.stream;
		pu->task = ev->u.task.task;
		pu->gen = r->gen;
		r->pending++;
	}
	c->n = 0;
	return 0;
}

/*
 * The preload emits one task_retire per completed task (a stream synchronization retires each
 * task of the stream), so a retire matches its task exactly: VPC task ids are per channel.
 */
static void on_retire(struct acltrace_process *p, const struct acltrace_event *ev)
{
	size_t keep = 0;

	for (size_t i = 0; i < p->pending.len; i++) {
		struct acltrace_pending_use *pu = acltrace_vec_at(&p->pending, i);
		if (pu->task != ev->u.task.task || pu->stream != ev->u.task.stream) {
			*(struct acltrace_pending_use *)acltrace_vec_at(&p->pending, keep++) = *pu;
			continue;
		}
		struct acltrace_alloc_rec *r = live_at(p, pu->addr);
		if (r && r->gen == pu->gen && r->pending > 0)
			r->pending--;
	}
	p->pending.len = keep;
}

static int on_preload_finding(struct acltrace_model *m, struct acltrace_process *p,
			      const struct acltrace_event *ev)
{
	uint32_t kind = ev->u.finding.kind;
	if (kind >= ACLTRACE_FINDING_COUNT) {
		m->stats.bad_events++;
		return 0;
	}
	m->stats.preload_findings++;
	p->preload_findings++;
	uint32_t sev = ev->u.finding.severity ? ACLTRACE_SEVERITY_ERROR : ACLTRACE_SEVERITY_WARNING;
	struct acltrace_finding *f = acltrace_model_add_finding(
	    m, p, kind, sev, ev->u.finding.stack_id, ev->u.finding.stack_id != 0, ev->time_ns,
	    lost_before(m, p, ev->trace_id, ev->time_ns));
	if (!f)
		return -1;
	if (f->count == 0 && f->preload_count == 0) {
		f->tid = ev->tid;
		f->addr = ev->u.finding.addr;
		f->bytes = ev->u.finding.size;
		f->pool = ev->u.finding.pool ? (int32_t)ev->u.finding.pool : -1;
		if (ev->u.finding.alloc_stack_id) {
			f->alloc_stack_id = ev->u.finding.alloc_stack_id;
			f->has_alloc_stack = true;
		}
		if (ev->u.finding.free_stack_id) {
			f->free_stack_id = ev->u.finding.free_stack_id;
			f->has_free_stack = true;
		}
		set_api(f, api_name(p, ev->u.finding.api));
	}
	uint64_t n = ev->u.finding.count;
	if (n == 0)
		n = kind == ACLTRACE_FINDING_LEAK && ev->u.finding.alloc_size
			? ev->u.finding.alloc_size
			: 1;
	f->preload_count += n;
	if (kind == ACLTRACE_FINDING_LEAK)
		f->preload_bytes += ev->u.finding.size; /* one event per site: all its bytes */
	return 0;
}

static struct acltrace_module *module_at(struct acltrace_process *p, uint64_t base)
{
	/* the latest object loaded at that base */
	for (size_t i = p->modules.len; i-- > 0;) {
		struct acltrace_module *mod = acltrace_vec_at(&p->modules, i);
		if (mod->base == base)
			return mod;
	}
	return NULL;
}

static int add_module(struct acltrace_process *p, const struct acltrace_event *ev)
{
	if (!ev->str)
		return 0;
	/* statedumps repeat: keep one entry per (base, path) */
	struct acltrace_module *mod = module_at(p, ev->u.module.base);
	if (mod && strcmp(mod->path, ev->str) == 0) {
		mod->unloaded = false;
		return 0;
	}
	mod = acltrace_vec_push(&p->modules);
	if (!mod)
		return -1;
	mod->base = ev->u.module.base;
	mod->memsz = ev->u.module.memsz;
	mod->is_pic = ev->u.module.is_pic != 0;
	mod->path = strdup(ev->str);
	return mod->path ? 0 : -1;
}

static int module_build_id(struct acltrace_process *p, const struct acltrace_event *ev)
{
	struct acltrace_module *mod = module_at(p, ev->u.module.base);
	uint32_t len = ev->u.module.build_id_len;
	if (!mod || !ev->build_id || len == 0 || len > 256)
		return 0;
	uint8_t *id = malloc(len);
	if (!id)
		return -1;
	memcpy(id, ev->build_id, len);
	free(mod->build_id);
	mod->build_id = id;
	mod->build_id_len = len;
	return 0;
}

static int module_debug_link(struct acltrace_process *p, const struct acltrace_event *ev)
{
	struct acltrace_module *mod = module_at(p, ev->u.module.base);
	if (!mod || !ev->str)
		return 0;
	char *dl = strdup(ev->str);
	if (!dl)
		return -1;
	free(mod->debug_link);
	mod->debug_link = dl;
	return 0;
}

static void unload_module(struct acltrace_process *p, const struct acltrace_event *ev)
{
	struct acltrace_module *mod = module_at(p, ev->u.module.base);
	if (mod)
		mod->unloaded = true;
}

static int add_stack(struct acltrace_process *p, const struct acltrace_event *ev)
{
	if (acltrace_map_get(&p->stacks, ev->u.stack.stack_id))
		return 0; /* re-emitted definition */
	uint32_t n = ev->nframes > 1024 ? 1024 : ev->nframes;
	if (n && !ev->frames)
		n = 0;
	struct acltrace_stack *s = malloc(sizeof(*s) + n * sizeof(uint64_t));
	if (!s)
		return -1;
	s->id = ev->u.stack.stack_id;
	s->nframes = n;
	if (n)
		memcpy(s->frames, ev->frames, n * sizeof(uint64_t));
	if (acltrace_map_put(&p->stacks, s->id, s) != 0) {
		free(s);
		return -1;
	}
	return 0;
}

static int set_string(char **dst, const char *src)
{
	if (!src || (*dst && strcmp(*dst, src) == 0))
		return 0;
	char *copy = strdup(src);
	if (!copy)
		return -1;
	free(*dst);
	*dst = copy;
	return 0;
}

static int on_process(struct acltrace_model *m, struct acltrace_process *p,
		      const struct acltrace_event *ev)
{
	if (!p->has_process_event) {
		p->has_process_event = true;
		m->stats.processes++;
		m->stats.saw_acltrace = true;
		/*
		 * A first generation > 1: the trace began while the process ran, unless the
		 * process is a child forked from a traced parent (children inherit the counter).
		 */
		struct acltrace_process *parent =
		    ev->u.process.ppid > 0 ? process_find(m, p->host, ev->u.process.ppid) : NULL;
		if (ev->u.process.generation > 1 && parent && parent->has_process_event &&
		    parent != p) {
			p->forked = true;
		} else if (ev->u.process.generation > 1) {
			p->mid_run = true;
			m->stats.started_mid_run = true;
		}
	}
	p->generation = ev->u.process.generation;
	p->mode = ev->u.process.mode;
	if (ev->u.process.ppid > 0)
		p->parent_pid = ev->u.process.ppid;
	if (ev->u.process.device >= 0)
		p->device = ev->u.process.device;
	if (ev->str && ev->str[0])
		return set_string(&p->soc, ev->str);
	return 0;
}

static int on_pool(struct acltrace_model *m, struct acltrace_process *p,
		   const struct acltrace_event *ev)
{
	uint32_t pool = ev->u.pool.pool;
	if (pool == ACLTRACE_POOL_NONE || pool >= ACLTRACE_POOL_COUNT) {
		m->stats.bad_events++;
		return 0;
	}
	int32_t device = pool == ACLTRACE_POOL_HOST ? -1 : ev->u.pool.device;
	struct acltrace_pool_acct *a = acltrace_pool_get(m, p->host, device, pool);
	if (!a)
		return -1;
	if (ev->u.pool.capacity) {
		a->recorded_capacity = ev->u.pool.capacity;
		a->recorded_source = ev->u.pool.source;
	}
	return 0;
}

static int on_lifecycle(struct acltrace_model *m, struct acltrace_process *p,
			const struct acltrace_event *ev)
{
	int32_t dev = ev->u.lifecycle.device;

	if (ev->u.lifecycle.rc != 0 && ev->u.lifecycle.op != ACLTRACE_LC_EXIT)
		return 0; /* a failed call changed nothing */
	switch (ev->u.lifecycle.op) {
	case ACLTRACE_LC_INIT:
		p->saw_init = true;
		break;
	case ACLTRACE_LC_FINALIZE:
		report_leaks(m, p, ev, ACLTRACE_LEAK_FINALIZE);
		p->finalized = true;
		break;
	case ACLTRACE_LC_SET_DEVICE:
		p->device = dev;
		if (dev >= 0 && dev < ACLTRACE_MAX_DEVICES)
			p->device_refs[dev]++;
		break;
	case ACLTRACE_LC_RESET_DEVICE:
		/* only the reset that balances the last aclrtSetDevice releases the device */
		if (dev >= 0 && dev < ACLTRACE_MAX_DEVICES && p->device_refs[dev] > 1) {
			p->device_refs[dev]--;
			break;
		}
		if (dev >= 0 && dev < ACLTRACE_MAX_DEVICES)
			p->device_refs[dev] = 0;
		report_leaks(m, p, ev, ACLTRACE_LEAK_RESET);
		break;
	case ACLTRACE_LC_EXIT:
		report_leaks(m, p, ev, ACLTRACE_LEAK_EXIT);
		p->exited = true;
		break;
	case ACLTRACE_LC_FORK_CHILD:
		p->forked = true;
		break;
	default:
		m->stats.bad_events++;
		break;
	}
	return 0;
}

int acltrace_model_feed(struct acltrace_model *m, const struct acltrace_event *ev)
{
	struct acltrace_process *p;
	int rc = 0;

	if (m->oom || m->finished)
		return -1;
	m->stats.events++;
	if (ev->type == ACLTRACE_EV_NONE || ev->type >= ACLTRACE_EV_TYPE_COUNT ||
	    ev->trace_id >= ACLTRACE_MAX_TRACES) {
		m->stats.bad_events++;
		return 0;
	}
	if (ev->type == ACLTRACE_EV_HOST) {
		if (host_intern(m, ev->str ? ev->str : "unknown", &m->trace_host[ev->trace_id]) !=
		    0)
			goto oom;
		m->trace_known[ev->trace_id] = true;
		return 0;
	}
	if (ev->type == ACLTRACE_EV_DISCARDED) {
		m->stats.discarded_events += ev->u.discarded.count;
		m->stats.discard_records++;
		if (ev->time_ns < m->trace_uncertain_since[ev->trace_id])
			m->trace_uncertain_since[ev->trace_id] = ev->time_ns;
		return 0;
	}
	if (ev->time_ns < m->stats.first_time_ns)
		m->stats.first_time_ns = ev->time_ns;
	if (ev->time_ns > m->stats.last_time_ns)
		m->stats.last_time_ns = ev->time_ns;
	p = process_get(m, ev);
	if (!p)
		goto oom;
	if (ev->time_ns > p->last_time_ns)
		p->last_time_ns = ev->time_ns;
	switch (ev->type) {
	case ACLTRACE_EV_PROCESS:
		rc = on_process(m, p, ev);
		break;
	case ACLTRACE_EV_PROCNAME:
		rc = set_string(&p->command, ev->str);
		break;
	case ACLTRACE_EV_POOL:
		rc = on_pool(m, p, ev);
		break;
	case ACLTRACE_EV_API:
		if (ev->u.api.id < ACLTRACE_MAX_API && ev->str) {
			rc = set_string(&p->api_names[ev->u.api.id], ev->str);
			api_define(p, ev->u.api.id);
		}
		break;
	case ACLTRACE_EV_ALLOC:
		rc = on_alloc(m, p, ev);
		break;
	case ACLTRACE_EV_FREE:
		rc = on_free(m, p, ev);
		break;
	case ACLTRACE_EV_USE:
		rc = on_use(m, p, ev);
		break;
	case ACLTRACE_EV_TASK_SUBMIT:
		rc = on_submit(p, ev);
		break;
	case ACLTRACE_EV_TASK_RETIRE:
		on_retire(p, ev);
		break;
	case ACLTRACE_EV_FINDING:
		rc = on_preload_finding(m, p, ev);
		break;
	case ACLTRACE_EV_STACK:
		rc = add_stack(p, ev);
		break;
	case ACLTRACE_EV_LIFECYCLE:
		rc = on_lifecycle(m, p, ev);
		break;
	case ACLTRACE_EV_MODULE:
		rc = add_module(p, ev);
		break;
	case ACLTRACE_EV_MODULE_BUILD_ID:
		rc = module_build_id(p, ev);
		break;
	case ACLTRACE_EV_MODULE_DEBUG_LINK:
		rc = module_debug_link(p, ev);
		break;
	case ACLTRACE_EV_MODULE_UNLOAD:
		unload_module(p, ev);
		break;
	default:
		break;
	}
	if (rc != 0 || m->oom)
		goto oom;
	return 0;
oom:
	m->oom = true;
	return -1;
}

static void leak_messages(struct acltrace_model *m)
{
	static const char *const what[] = {
		[ACLTRACE_LEAK_NONE] = "",
		[ACLTRACE_LEAK_FINALIZE] = "at aclFinalize",
		[ACLTRACE_LEAK_RESET] = "at aclrtResetDevice",
		[ACLTRACE_LEAK_EXIT] = "at exit",
		[ACLTRACE_LEAK_GROWTH] = "",
		[ACLTRACE_LEAK_END_OF_TRACE] = "when the trace ended (the process's exit is not "
					       "in the trace)",
	};
	char sz[64];

	for (struct acltrace_finding *f = m->finding_list; f; f = f->next) {
		if (f->kind != ACLTRACE_FINDING_LEAK || f->leak_when == ACLTRACE_LEAK_GROWTH ||
		    f->count == 0)
			continue;
		acltrace_format_bytes(sz, sizeof(sz), f->bytes);
		snprintf(f->message, sizeof(f->message),
			 "%" PRIu64 " buffer%s (%s) from %s still live %s", f->count,
			 f->count == 1 ? "" : "s", sz, f->api[0] ? f->api : "this site",
			 what[f->leak_when]);
	}
}

static void preload_only_messages(struct acltrace_model *m)
{
	for (struct acltrace_finding *f = m->finding_list; f; f = f->next) {
		if (f->count || !f->preload_count || f->message[0])
			continue;
		snprintf(f->message, sizeof(f->message),
			 "%s of 0x%" PRIx64
			 " reported by the preload; the allocation, free and use "
			 "events of the trace do not show it",
			 f->api[0] ? f->api : "a call", f->addr);
	}
}

int acltrace_model_finish(struct acltrace_model *m)
{
	if (m->finished)
		return 0;
	m->finished = true;
	for (struct acltrace_pool_acct *a = m->pool_list; a; a = a->next)
		if (acltrace_pool_finish(a) != 0)
			m->oom = true;
	acltrace_growth_finish(m);
	for (struct acltrace_process *p = m->proc_list; p; p = p->next) {
		if (p->exited || !p->has_process_event)
			continue;
		struct leak_walk w = { .m = m,
				       .p = p,
				       .when = ACLTRACE_LEAK_END_OF_TRACE,
				       .device = -1,
				       .time_ns = p->last_time_ns };
		live_walk(p, leak_node, &w);
	}
	leak_messages(m);
	preload_only_messages(m);
	for (struct acltrace_process *p = m->proc_list; p; p = p->next)
		p->parent = process_find(m, p->host, p->parent_pid);
	for (struct acltrace_finding *f = m->finding_list; f; f = f->next) {
		if (f->has_stack && !acltrace_model_stack(f->proc, f->stack_id))
			m->stats.missing_stacks++;
		if (f->has_alloc_stack && !acltrace_model_stack(f->proc, f->alloc_stack_id))
			m->stats.missing_stacks++;
	}
	return m->oom ? -1 : 0;
}

struct acltrace_process *acltrace_model_processes(const struct acltrace_model *m)
{
	return m->proc_list;
}

struct acltrace_finding *acltrace_model_findings(const struct acltrace_model *m)
{
	return m->finding_list;
}

struct acltrace_pool_acct *acltrace_model_pools(const struct acltrace_model *m)
{
	return m->pool_list;
}

const struct acltrace_model_stats *acltrace_model_stats(const struct acltrace_model *m)
{
	return &m->stats;
}

const struct acltrace_stack *acltrace_model_stack(const struct acltrace_process *p, uint64_t id)
{
	return acltrace_map_get(&p->stacks, id);
}

enum acltrace_xcheck acltrace_finding_xcheck(const struct acltrace_model *m,
					     const struct acltrace_finding *f)
{
	if (f->predicted || f->leak_when == ACLTRACE_LEAK_GROWTH)
		return ACLTRACE_XCHECK_ANALYZER_ONLY;
	if (f->preload_count == 0)
		return m->stats.preload_findings == 0 ? ACLTRACE_XCHECK_NO_PRELOAD
						      : ACLTRACE_XCHECK_ANALYZER_ONLY;
	if (f->count == 0)
		return ACLTRACE_XCHECK_PRELOAD_ONLY;
	return f->count == f->preload_count ? ACLTRACE_XCHECK_CONFIRMED
					    : ACLTRACE_XCHECK_COUNT_DIFFERS;
}

uint64_t acltrace_finding_count(const struct acltrace_finding *f)
{
	return f->count ? f->count : f->preload_count;
}

const char *acltrace_pool_name(uint32_t pool)
{
	static const char *const names[ACLTRACE_POOL_COUNT] = {
		[ACLTRACE_POOL_NONE] = "none",
		[ACLTRACE_POOL_DEVICE] = "device",
		[ACLTRACE_POOL_DVPP] = "dvpp",
		[ACLTRACE_POOL_HOST] = "host",
	};
	return pool < ACLTRACE_POOL_COUNT ? names[pool] : "unknown";
}

const char *acltrace_leak_when_name(enum acltrace_leak_when w)
{
	switch (w) {
	case ACLTRACE_LEAK_FINALIZE:
		return "finalize";
	case ACLTRACE_LEAK_RESET:
		return "device-reset";
	case ACLTRACE_LEAK_EXIT:
		return "exit";
	case ACLTRACE_LEAK_GROWTH:
		return "growth";
	case ACLTRACE_LEAK_END_OF_TRACE:
		return "end-of-trace";
	default:
		return "none";
	}
}

const char *acltrace_xcheck_name(enum acltrace_xcheck x)
{
	switch (x) {
	case ACLTRACE_XCHECK_CONFIRMED:
		return "confirmed";
	case ACLTRACE_XCHECK_COUNT_DIFFERS:
		return "count-differs";
	case ACLTRACE_XCHECK_ANALYZER_ONLY:
		return "analyzer-only";
	case ACLTRACE_XCHECK_PRELOAD_ONLY:
		return "preload-only";
	default:
		return "no-preload-findings";
	}
}
