/* SPDX-License-Identifier: MIT */
/* Walks a finished model in report order and hands symbolized pieces to an emitter. */
#include "acltrace_emit.h"

#include <stdlib.h>
#include <string.h>

#define TOP_SITES 10

static bool shown(const struct acltrace_finding *f)
{
	/* processes without acltrace:process are other programs' statedumps */
	return f->proc->has_process_event && acltrace_finding_count(f) > 0;
}

void acltrace_report_count(const struct acltrace_model *m, uint64_t *errors, uint64_t *warnings)
{
	*errors = *warnings = 0;
	for (const struct acltrace_finding *f = acltrace_model_findings(m); f; f = f->next) {
		if (!shown(f))
			continue;
		if (f->severity == ACLTRACE_SEVERITY_ERROR)
			(*errors)++;
		else
			(*warnings)++;
	}
}

static int finding_order(const void *x, const void *y)
{
	const struct acltrace_finding *a = *(const struct acltrace_finding *const *)x;
	const struct acltrace_finding *b = *(const struct acltrace_finding *const *)y;
	bool la = a->kind == ACLTRACE_FINDING_LEAK, lb = b->kind == ACLTRACE_FINDING_LEAK;
	if (la != lb)
		return la ? 1 : -1; /* leaks after the misuse findings */
	if (la && a->bytes != b->bytes)
		return a->bytes < b->bytes ? 1 : -1;
	if (a->severity != b->severity)
		return a->severity < b->severity ? 1 : -1;
	if (a->time_ns != b->time_ns)
		return a->time_ns < b->time_ns ? -1 : 1;
	if (a->kind != b->kind)
		return a->kind < b->kind ? -1 : 1;
	return a->stack_id < b->stack_id ? -1 : a->stack_id > b->stack_id;
}

static int symbolize_stack(struct acltrace_symbolizer *sym, const struct acltrace_process *p,
			   uint64_t id, bool present, struct acltrace_report_stack *out,
			   struct acltrace_frame **storage)
{
	memset(out, 0, sizeof(*out));
	*storage = NULL;
	out->id = id;
	out->present = present;
	if (!present)
		return 0;
	const struct acltrace_stack *st = acltrace_model_stack(p, id);
	if (!st) {
		out->missing = true;
		return 0;
	}
	if (st->nframes == 0)
		return 0;
	struct acltrace_frame *fr = calloc(st->nframes, sizeof(*fr));
	if (!fr)
		return -1;
	for (uint32_t i = 0; i < st->nframes; i++) {
		if (sym) {
			acltrace_symbolize(sym, p, st->frames[i], &fr[i]);
		} else {
			fr[i].ip = st->frames[i];
		}
	}
	out->frames = fr;
	out->nframes = st->nframes;
	*storage = fr;
	return 0;
}

static int emit_finding(struct acltrace_model *m, struct acltrace_symbolizer *sym,
			struct acltrace_emitter *e, const struct acltrace_finding *f)
{
	struct acltrace_report_finding rf = { .f = f };
	struct acltrace_frame *s1, *s2, *s3;
	int rc = -1;

	rf.kind = acltrace_finding_name(f->kind);
	rf.severity = acltrace_severity_name(f->severity);
	rf.count = acltrace_finding_count(f);
	rf.cross_check = acltrace_xcheck_name(acltrace_finding_xcheck(m, f));
	if (symbolize_stack(sym, f->proc, f->stack_id, f->has_stack, &rf.stack, &s1) != 0)
		return -1;
	if (symbolize_stack(sym, f->proc, f->alloc_stack_id,
			    f->has_alloc_stack && f->kind != ACLTRACE_FINDING_LEAK, &rf.alloc_stack,
			    &s2) != 0)
		goto out1;
	if (symbolize_stack(sym, f->proc, f->free_stack_id, f->has_free_stack, &rf.free_stack,
			    &s3) != 0)
		goto out2;
	rc = e->ops->finding(e, &rf);
	free(s3);
out2:
	free(s2);
out1:
	free(s1);
	return rc;
}

static int emit_pool(struct acltrace_model *m, struct acltrace_symbolizer *sym,
		     struct acltrace_emitter *e, const struct acltrace_pool_acct *a)
{
	struct acltrace_report_pool rp = { .a = a };
	struct acltrace_report_site sites[TOP_SITES];
	struct acltrace_frame *storage[TOP_SITES] = { 0 };
	int rc = -1;

	rp.host = acltrace_model_host_name(m, a->host);
	rp.headroom = (int64_t)a->capacity_bytes - (int64_t)a->reserved_bytes -
		      (int64_t)(a->by_requested ? a->peak_requested : a->peak_bytes);
	const struct acltrace_model_stats *st = acltrace_model_stats(m);
	if (a->peak_time_ns >= st->first_time_ns && st->first_time_ns != UINT64_MAX)
		rp.peak_offset_s = (double)(a->peak_time_ns - st->first_time_ns) / 1e9;
	size_t n = a->peak_set.len < TOP_SITES ? a->peak_set.len : TOP_SITES;
	for (size_t i = 0; i < n; i++) {
		const struct acltrace_site_bytes *sb = acltrace_vec_at(&a->peak_set, i);
		sites[i].sb = sb;
		if (symbolize_stack(sym, sb->site->proc, sb->site->stack_id,
				    sb->site->stack_id != 0, &sites[i].stack, &storage[i]) != 0)
			goto out;
	}
	rp.sites = sites;
	rp.nsites = n;
	rc = e->ops->pool(e, &rp);
out:
	for (size_t i = 0; i < n; i++)
		free(storage[i]);
	return rc;
}

int acltrace_report_emit(struct acltrace_model *m, struct acltrace_symbolizer *sym,
			 struct acltrace_emitter *e, struct acltrace_report_info *info)
{
	size_t nf = 0;
	struct acltrace_finding **order = NULL;
	int rc = -1;

	info->stats = acltrace_model_stats(m);
	acltrace_report_count(m, &info->errors, &info->warnings);
	for (const struct acltrace_finding *f = acltrace_model_findings(m); f; f = f->next)
		nf += shown(f);
	order = calloc(nf ? nf : 1, sizeof(*order));
	if (!order)
		return -1;
	nf = 0;
	for (struct acltrace_finding *f = acltrace_model_findings(m); f; f = f->next)
		if (shown(f))
			order[nf++] = f;
	qsort(order, nf, sizeof(*order), finding_order);

	if (e->ops->begin(e, info) != 0)
		goto out;
	for (const struct acltrace_process *p = acltrace_model_processes(m); p; p = p->next)
		if (p->has_process_event &&
		    e->ops->process(e, p, acltrace_model_host_name(m, p->host)) != 0)
			goto out;
	for (size_t i = 0; i < nf; i++)
		if (emit_finding(m, sym, e, order[i]) != 0)
			goto out;
	for (const struct acltrace_pool_acct *a = acltrace_model_pools(m); a; a = a->next)
		if ((a->allocs || a->failures || a->recorded_capacity) &&
		    emit_pool(m, sym, e, a) != 0)
			goto out;
	rc = e->ops->end(e, info);
out:
	free(order);
	return rc;
}

void acltrace_emitter_destroy(struct acltrace_emitter *e)
{
	if (e && e->ops->destroy)
		e->ops->destroy(e);
}
