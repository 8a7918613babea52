/* SPDX-License-Identifier: MIT */
/* Text back-end: findings as AddressSanitizer-like blocks, then leaks, pools and a summary. */
#include "acltrace_emit.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct text_priv {
	bool in_leaks, pools_started;
	size_t nprocs;
};

#define C_RED	  "\033[1;31m"
#define C_MAGENTA "\033[1;35m"
#define C_BLUE	  "\033[1;34m"
#define C_BOLD	  "\033[1m"
#define C_RESET	  "\033[0m"

static const char *c(const struct acltrace_emitter *e, const char *code)
{
	return e->colour ? code : "";
}

static void print_stack(struct acltrace_emitter *e, const struct acltrace_report_stack *st,
			const char *title)
{
	FILE *o = e->out;

	if (!st->present)
		return;
	if (title)
		fprintf(o, "%s%s%s\n", c(e, C_BOLD), title, c(e, C_RESET));
	if (st->missing) {
		fprintf(o, "    (stack %" PRIu64 " has no definition in the trace)\n", st->id);
		return;
	}
	if (st->nframes == 0)
		fprintf(o, "    (empty stack)\n");
	for (size_t i = 0; i < st->nframes; i++) {
		const struct acltrace_frame *fr = &st->frames[i];
		fprintf(o, "    #%zu 0x%" PRIx64 " in %s", i, fr->ip,
			fr->function ? fr->function : "??");
		if (fr->file)
			fprintf(o, " %s:%d", fr->file, fr->line);
		if (fr->module)
			fprintf(o, " (%s+0x%" PRIx64 ")", fr->module, fr->offset);
		fputc('\n', o);
	}
}

static int text_begin(struct acltrace_emitter *e, const struct acltrace_report_info *info)
{
	(void)info;
	(void)e;
	return 0;
}

static int text_process(struct acltrace_emitter *e, const struct acltrace_process *p,
			const char *host)
{
	struct text_priv *tp = e->priv;
	if (tp->nprocs++ == 0)
		fprintf(e->out, "%sacltrace report%s\n", c(e, C_BOLD), c(e, C_RESET));
	fprintf(e->out, "  process %d (%s) on %s, %s mode%s%s%s\n", p->pid,
		p->command ? p->command : "?", host, p->mode ? "enforce" : "observe",
		p->soc ? ", target " : "", p->soc ? p->soc : "",
		p->mid_run ? ", trace started mid-run" : "");
	return 0;
}

static int text_finding(struct acltrace_emitter *e, const struct acltrace_report_finding *rf)
{
	struct text_priv *tp = e->priv;
	const struct acltrace_finding *f = rf->f;
	FILE *o = e->out;
	bool err = f->severity == ACLTRACE_SEVERITY_ERROR;

	if (f->kind == ACLTRACE_FINDING_LEAK && !tp->in_leaks) {
		tp->in_leaks = true;
		fprintf(o, "\n%sLeaks%s\n", c(e, C_BOLD), c(e, C_RESET));
	}
	fprintf(o, "\n%s==%d==%s: acltrace: %s%s", c(e, err ? C_RED : C_MAGENTA), f->proc->pid,
		err ? "ERROR" : "WARNING", rf->kind, c(e, C_RESET));
	if (rf->count > 1)
		fprintf(o, " (%" PRIu64 " times)", rf->count);
	if (f->predicted)
		fprintf(o, " [predicted]");
	if (f->uncertain)
		fprintf(o, " [uncertain: the trace lost events or started mid-run]");
	fputc('\n', o);
	fprintf(o, "%s\n",
		f->message[0] ? f->message : acltrace_finding_table[f->kind].description);
	fprintf(o, "  thread %d", f->tid);
	if (f->pool > 0)
		fprintf(o, ", pool %s", acltrace_pool_name((uint32_t)f->pool));
	if (f->device >= 0)
		fprintf(o, ", device %d", f->device);
	if (f->addr)
		fprintf(o, ", address 0x%" PRIx64, f->addr);
	fprintf(o, "; preload cross-check: %s\n", rf->cross_check);
	print_stack(e, &rf->stack, f->kind == ACLTRACE_FINDING_LEAK ? "  allocated at:" : NULL);
	print_stack(e, &rf->alloc_stack, "  allocated at:");
	print_stack(e, &rf->free_stack, "  previously freed at:");
	return ferror(o) ? -1 : 0;
}

static void human(char *buf, size_t len, uint64_t v)
{
	if (v >= (1ull << 30))
		snprintf(buf, len, "%.2f GiB", (double)v / (1ull << 30));
	else if (v >= (1ull << 20))
		snprintf(buf, len, "%.1f MiB", (double)v / (1ull << 20));
	else if (v >= (1ull << 10))
		snprintf(buf, len, "%.1f KiB", (double)v / (1ull << 10));
	else
		snprintf(buf, len, "%" PRIu64 " B", v);
}

static int text_pool(struct acltrace_emitter *e, const struct acltrace_report_pool *rp)
{
	struct text_priv *tp = e->priv;
	const struct acltrace_pool_acct *a = rp->a;
	FILE *o = e->out;
	char peak[32], cap[32], head[32], end[32];

	if (!tp->pools_started) {
		tp->pools_started = true;
		fprintf(o, "\n%sPools%s\n", c(e, C_BOLD), c(e, C_RESET));
	}
	human(peak, sizeof(peak), a->peak_bytes);
	human(end, sizeof(end), a->live_bytes);
	fprintf(o, "\n  %s%s%s", c(e, C_BLUE), acltrace_pool_name(a->pool), c(e, C_RESET));
	if (a->device >= 0)
		fprintf(o, " on device %d", a->device);
	fprintf(o,
		" of %s: peak %s (%" PRIu64 " bytes, %" PRIu64
		" buffers) at +%.3f s, %s live at the end\n",
		rp->host, peak, a->peak_bytes, a->peak_count, rp->peak_offset_s, end);
	if (a->capacity_bytes) {
		human(cap, sizeof(cap), a->capacity_bytes);
		human(head, sizeof(head),
		      rp->headroom < 0 ? (uint64_t)-rp->headroom : (uint64_t)rp->headroom);
		fprintf(o, "    capacity %s%s%s%s\n", cap, a->profile_name ? " (profile " : "",
			a->profile_name ? a->profile_name : "", a->profile_name ? ")" : "");
		fprintf(o, "    %s%s %s%s", rp->headroom < 0 ? c(e, C_RED) : "",
			rp->headroom < 0 ? "over capacity by" : "headroom", head,
			rp->headroom < 0 ? c(e, C_RESET) : "");
		if (a->reserved_bytes) {
			char res[32];
			human(res, sizeof(res), a->reserved_bytes);
			fprintf(o, " (after %s the runtime reserves)", res);
		}
		fprintf(o, "\n    source: %s\n", a->capacity_source ? a->capacity_source : "?");
	} else {
		fprintf(
		    o,
		    "    capacity unknown (choose one with --device-profile or --pool-capacity)\n");
	}
	if (rp->nsites)
		fprintf(o, "    live at the peak, by call site:\n");
	for (size_t i = 0; i < rp->nsites; i++) {
		const struct acltrace_report_site *s = &rp->sites[i];
		char b[32];
		human(b, sizeof(b), s->sb->bytes);
		const struct acltrace_frame *top = s->stack.nframes ? &s->stack.frames[0] : NULL;
		fprintf(o, "    %10s in %4" PRIu64 " buffers, pid %d, ", b, s->sb->count,
			s->sb->site->proc->pid);
		if (top && top->file)
			fprintf(o, "%s %s:%d\n", top->function ? top->function : "??", top->file,
				top->line);
		else if (top)
			fprintf(o, "%s (%s+0x%" PRIx64 ")\n", top->function ? top->function : "??",
				top->module ? top->module : "?", top->offset);
		else
			fprintf(o, "stack %" PRIu64 "\n", s->stack.id);
	}
	return ferror(o) ? -1 : 0;
}

static int text_end(struct acltrace_emitter *e, const struct acltrace_report_info *info)
{
	const struct acltrace_model_stats *st = info->stats;
	FILE *o = e->out;

	fprintf(o, "\n%sTrace%s: %" PRIu64 " events", c(e, C_BOLD), c(e, C_RESET), st->events);
	if (st->first_time_ns != UINT64_MAX)
		fprintf(o, " over %.3f s", (double)(st->last_time_ns - st->first_time_ns) / 1e9);
	if (st->discarded_events || st->discard_records)
		fprintf(o, ", %s%" PRIu64 " events discarded by the tracer%s", c(e, C_RED),
			st->discarded_events, c(e, C_RESET));
	if (st->started_mid_run)
		fprintf(o, ", started while a program ran");
	if (st->missing_stacks)
		fprintf(o, ", %" PRIu64 " stack references without definition", st->missing_stacks);
	if (info->profile)
		fprintf(o, "; device profile %s (%s)", info->profile->name,
			info->profile->description);
	fprintf(o, "\n%sSUMMARY: acltrace: %" PRIu64 " error%s, %" PRIu64 " warning%s%s\n",
		c(e, info->errors ? C_RED : C_BOLD), info->errors, info->errors == 1 ? "" : "s",
		info->warnings, info->warnings == 1 ? "" : "s", c(e, C_RESET));
	fflush(o);
	return ferror(o) ? -1 : 0;
}

static void text_destroy(struct acltrace_emitter *e)
{
	free(e->priv);
	free(e);
}

static const struct acltrace_emitter_ops text_ops = {
	.name = "text",
	.begin = text_begin,
	.process = text_process,
	.finding = text_finding,
	.pool = text_pool,
	.end = text_end,
	.destroy = text_destroy,
};

struct acltrace_emitter *acltrace_emitter_text(FILE *out, bool colour)
{
	struct acltrace_emitter *e = calloc(1, sizeof(*e));
	struct text_priv *tp = calloc(1, sizeof(*tp));
	if (!e || !tp) {
		free(e);
		free(tp);
		return NULL;
	}
	e->ops = &text_ops;
	e->out = out;
	e->colour = colour;
	e->priv = tp;
	return e;
}
