/* SPDX-License-Identifier: MIT */
/* JSON back-end (schema acltrace-report/1, docs/report-format.md), built with jansson. */
#include "acltrace_emit.h"

#include <inttypes.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>

struct json_priv {
	json_t *root, *processes, *findings, *pools;
	int failed;
};

static json_t *hex(uint64_t v)
{
	char buf[32];
	snprintf(buf, sizeof(buf), "0x%" PRIx64, v);
	return json_string(buf);
}

static json_t *u64(uint64_t v)
{
	/* jansson integers are signed 64-bit; larger values do not occur for sizes and times */
	return json_integer(v > INT64_MAX ? INT64_MAX : (json_int_t)v);
}

static json_t *str_or_null(const char *s)
{
	return s ? json_string(s) : json_null();
}

static void set(struct json_priv *jp, json_t *obj, const char *key, json_t *val)
{
	if (!val || json_object_set_new(obj, key, val) != 0)
		jp->failed = 1;
}

static json_t *stack_json(struct json_priv *jp, const struct acltrace_report_stack *st)
{
	json_t *arr = json_array();
	if (!arr) {
		jp->failed = 1;
		return NULL;
	}
	for (size_t i = 0; i < st->nframes; i++) {
		const struct acltrace_frame *fr = &st->frames[i];
		json_t *o = json_object();
		if (!o) {
			jp->failed = 1;
			break;
		}
		set(jp, o, "ip", hex(fr->ip));
		set(jp, o, "module", str_or_null(fr->module));
		set(jp, o, "offset", fr->module ? hex(fr->offset) : json_null());
		set(jp, o, "function", str_or_null(fr->function));
		set(jp, o, "file", str_or_null(fr->file));
		set(jp, o, "line", fr->file ? json_integer(fr->line) : json_null());
		if (json_array_append_new(arr, o) != 0)
			jp->failed = 1;
	}
	return arr;
}

static int json_begin(struct acltrace_emitter *e, const struct acltrace_report_info *info)
{
	struct json_priv *jp = e->priv;
	jp->root = json_object();
	jp->processes = json_array();
	jp->findings = json_array();
	jp->pools = json_array();
	if (!jp->root || !jp->processes || !jp->findings || !jp->pools)
		return -1;
	set(jp, jp->root, "schema", json_string(ACLTRACE_REPORT_SCHEMA));
	json_t *gen = json_object();
	if (gen) {
		set(jp, gen, "name", json_string("acltrace"));
		set(jp, gen, "version", json_string(ACLTRACE_VERSION));
	}
	set(jp, jp->root, "generator", gen);
	json_t *traces = json_array();
	for (size_t i = 0; traces && i < info->ntraces; i++)
		json_array_append_new(traces, json_string(info->traces[i]));
	set(jp, jp->root, "traces", traces);
	json_t *prof = json_object();
	if (prof) {
		set(jp, prof, "name", str_or_null(info->profile ? info->profile->name : NULL));
		set(jp, prof, "description",
		    str_or_null(info->profile ? info->profile->description : NULL));
		set(jp, prof, "selected_by", json_string(info->profile_selected_by));
		if (info->profile && info->profile->hugepage_reserve) {
			set(jp, prof, "hugepage_reserve_bytes",
			    u64(info->profile->hugepage_reserve));
			set(jp, prof, "hugepage_reserve_source",
			    json_string(info->profile->hugepage_source));
		}
		set(jp, prof, "hugepage_granularity_bytes", u64(ACLTRACE_HUGEPAGE_BYTES));
	}
	set(jp, jp->root, "device_profile", prof);
	return jp->failed ? -1 : 0;
}

static int json_process(struct acltrace_emitter *e, const struct acltrace_process *p,
			const char *host)
{
	struct json_priv *jp = e->priv;
	json_t *o = json_object();
	if (!o)
		return -1;
	set(jp, o, "pid", json_integer(p->pid));
	set(jp, o, "ppid", p->parent_pid >= 0 ? json_integer(p->parent_pid) : json_null());
	set(jp, o, "command", str_or_null(p->command));
	set(jp, o, "host", json_string(host));
	set(jp, o, "soc", str_or_null(p->soc));
	set(jp, o, "mode", json_string(p->mode ? "enforce" : "observe"));
	set(jp, o, "started_mid_run", json_boolean(p->mid_run));
	set(jp, o, "forked", json_boolean(p->forked));
	set(jp, o, "exited", json_boolean(p->exited));
	set(jp, o, "finalized", json_boolean(p->finalized));
	set(jp, o, "allocations", u64(p->allocs));
	set(jp, o, "frees", u64(p->frees));
	set(jp, o, "uses", u64(p->uses));
	set(jp, o, "unmatched_frees", u64(p->unmatched_frees));
	set(jp, o, "preload_findings", u64(p->preload_findings));
	if (json_array_append_new(jp->processes, o) != 0)
		return -1;
	return jp->failed ? -1 : 0;
}

static int json_finding(struct acltrace_emitter *e, const struct acltrace_report_finding *rf)
{
	struct json_priv *jp = e->priv;
	const struct acltrace_finding *f = rf->f;
	json_t *o = json_object();
	if (!o)
		return -1;
	set(jp, o, "kind", json_string(rf->kind));
	set(jp, o, "severity", json_string(rf->severity));
	set(jp, o, "count", u64(rf->count));
	set(jp, o, "preload_count", u64(f->preload_count));
	set(jp, o, "cross_check", json_string(rf->cross_check));
	set(jp, o, "pid", json_integer(f->proc->pid));
	set(jp, o, "tid", json_integer(f->tid));
	set(jp, o, "api", f->api[0] ? json_string(f->api) : json_null());
	set(jp, o, "address", f->addr ? hex(f->addr) : json_null());
	set(jp, o, "size", u64(f->bytes));
	set(jp, o, "pool",
	    f->pool > 0 ? json_string(acltrace_pool_name((uint32_t)f->pool)) : json_null());
	set(jp, o, "device", f->device >= 0 ? json_integer(f->device) : json_null());
	set(jp, o, "message",
	    json_string(f->message[0] ? f->message : acltrace_finding_table[f->kind].description));
	set(jp, o, "uncertain", json_boolean(f->uncertain));
	set(jp, o, "predicted", json_boolean(f->predicted));
	set(jp, o, "time_ns", u64(f->time_ns));
	if (f->kind == ACLTRACE_FINDING_LEAK) {
		set(jp, o, "leak_when", json_string(acltrace_leak_when_name(f->leak_when)));
		set(jp, o, "bytes", u64(f->bytes ? f->bytes : f->preload_bytes));
	}
	set(jp, o, "stack_id", u64(rf->stack.id));
	set(jp, o, "stack_missing",
	    json_boolean(rf->stack.missing || rf->alloc_stack.missing || rf->free_stack.missing));
	set(jp, o, "stack", stack_json(jp, &rf->stack));
	set(jp, o, "alloc_stack", stack_json(jp, &rf->alloc_stack));
	set(jp, o, "free_stack", stack_json(jp, &rf->free_stack));
	if (json_array_append_new(jp->findings, o) != 0)
		return -1;
	return jp->failed ? -1 : 0;
}

static int json_pool(struct acltrace_emitter *e, const struct acltrace_report_pool *rp)
{
	struct json_priv *jp = e->priv;
	const struct acltrace_pool_acct *a = rp->a;
	json_t *o = json_object();
	if (!o)
		return -1;
	set(jp, o, "name", json_string(acltrace_pool_name(a->pool)));
	set(jp, o, "device", a->device >= 0 ? json_integer(a->device) : json_null());
	set(jp, o, "host", json_string(rp->host));
	set(jp, o, "peak_bytes", u64(a->peak_bytes));
	set(jp, o, "peak_requested_bytes", u64(a->peak_requested));
	set(jp, o, "peak_buffers", u64(a->peak_count));
	set(jp, o, "peak_time", u64(a->peak_time_ns));
	set(jp, o, "peak_time_offset_s", json_real(rp->peak_offset_s));
	set(jp, o, "capacity_bytes", a->capacity_bytes ? u64(a->capacity_bytes) : json_null());
	set(jp, o, "capacity_source", str_or_null(a->capacity_source));
	set(jp, o, "reserved_bytes", u64(a->reserved_bytes));
	set(jp, o, "headroom_bytes", a->capacity_bytes ? json_integer(rp->headroom) : json_null());
	set(jp, o, "fits", a->capacity_bytes ? json_boolean(rp->headroom >= 0) : json_null());
	set(jp, o, "live_bytes_at_end", u64(a->live_bytes));
	set(jp, o, "live_buffers_at_end", u64(a->live_count));
	set(jp, o, "allocations", u64(a->allocs));
	set(jp, o, "frees", u64(a->frees));
	set(jp, o, "failed_allocations", u64(a->failures));
	json_t *top = json_array();
	for (size_t i = 0; top && i < rp->nsites; i++) {
		const struct acltrace_report_site *s = &rp->sites[i];
		json_t *so = json_object();
		if (!so) {
			jp->failed = 1;
			break;
		}
		set(jp, so, "pid", json_integer(s->sb->site->proc->pid));
		set(jp, so, "bytes", u64(s->sb->bytes));
		set(jp, so, "buffers", u64(s->sb->count));
		set(jp, so, "stack_id", u64(s->stack.id));
		set(jp, so, "stack", stack_json(jp, &s->stack));
		json_array_append_new(top, so);
	}
	set(jp, o, "top_sites_at_peak", top);
	if (json_array_append_new(jp->pools, o) != 0)
		return -1;
	return jp->failed ? -1 : 0;
}

static int json_end(struct acltrace_emitter *e, const struct acltrace_report_info *info)
{
	struct json_priv *jp = e->priv;
	const struct acltrace_model_stats *st = info->stats;
	set(jp, jp->root, "processes", json_incref(jp->processes));
	set(jp, jp->root, "findings", json_incref(jp->findings));
	set(jp, jp->root, "pools", json_incref(jp->pools));
	json_t *t = json_object();
	if (t) {
		bool any = st->first_time_ns != UINT64_MAX;
		set(jp, t, "events", u64(st->events));
		set(jp, t, "discarded_events", u64(st->discarded_events));
		set(jp, t, "discard_records", u64(st->discard_records));
		set(jp, t, "started_mid_run", json_boolean(st->started_mid_run));
		set(jp, t, "first_time_ns", any ? u64(st->first_time_ns) : json_null());
		set(jp, t, "last_time_ns", any ? u64(st->last_time_ns) : json_null());
		set(jp, t, "duration_s",
		    json_real(any ? (double)(st->last_time_ns - st->first_time_ns) / 1e9 : 0.0));
		set(jp, t, "preload_findings", u64(st->preload_findings));
		set(jp, t, "missing_stack_definitions", u64(st->missing_stacks));
		set(jp, t, "skipped_events", u64(st->bad_events));
	}
	set(jp, jp->root, "trace", t);
	json_t *sum = json_object();
	if (sum) {
		set(jp, sum, "errors", u64(info->errors));
		set(jp, sum, "warnings", u64(info->warnings));
	}
	set(jp, jp->root, "summary", sum);
	if (jp->failed)
		return -1;
	if (json_dumpf(jp->root, e->out, JSON_INDENT(2) | JSON_PRESERVE_ORDER) != 0)
		return -1;
	fputc('\n', e->out);
	return ferror(e->out) ? -1 : 0;
}

static void json_destroy(struct acltrace_emitter *e)
{
	struct json_priv *jp = e->priv;
	json_decref(jp->root);
	json_decref(jp->processes);
	json_decref(jp->findings);
	json_decref(jp->pools);
	free(jp);
	free(e);
}

static const struct acltrace_emitter_ops json_ops = {
	.name = "json",
	.begin = json_begin,
	.process = json_process,
	.finding = json_finding,
	.pool = json_pool,
	.end = json_end,
	.destroy = json_destroy,
};

struct acltrace_emitter *acltrace_emitter_json(FILE *out)
{
	struct acltrace_emitter *e = calloc(1, sizeof(*e));
	struct json_priv *jp = calloc(1, sizeof(*jp));
	if (!e || !jp) {
		free(e);
		free(jp);
		return NULL;
	}
	e->ops = &json_ops;
	e->out = out;
	e->priv = jp;
	return e;
}
