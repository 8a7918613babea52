/* SPDX-License-Identifier: MIT */
/*
 * HTML back-end: one self-contained page (inline CSS, no scripts, nothing fetched) with the
 * findings and their stacks, the leaks, and per pool a bar of the peak against the capacity.
 */
#include "acltrace_emit.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct html_priv {
	bool procs_open, findings_open, in_leaks, pools_open;
	uint64_t nfindings;
};

static const char css[] =
    "body{font-family:sans-serif;margin:1.5em;color:#222}"
    "h1{font-size:1.4em}h2{font-size:1.15em;border-bottom:1px solid #ccc}"
    ".finding{border-left:4px solid #c0392b;padding:.3em .8em;margin:.8em 0;background:#fdf3f2}"
    ".finding.warning{border-color:#8e44ad;background:#f7f1fa}"
    ".kind{font-weight:bold}.meta{color:#555;font-size:.9em}"
    "ol.stack{font-family:monospace;font-size:.85em;margin:.2em 0 .4em 0}"
    ".pool{margin:1em 0}.bar{position:relative;width:40em;max-width:100%;height:1.2em;"
    "background:#e8e8e8;border:1px solid #999}"
    ".fill{height:100%;background:#2e86c1}.fill.over{background:#c0392b}"
    "table{border-collapse:collapse}td,th{padding:.1em .6em;text-align:left}";

static void fmt_bytes(char *buf, size_t len, uint64_t bytes)
{
	if (bytes >= (1ull << 20))
		snprintf(buf, len, "%.1f MiB (%" PRIu64 " bytes)", (double)bytes / (1ull << 20),
			 bytes);
	else
		snprintf(buf, len, "%" PRIu64 " bytes", bytes);
}

static void esc(FILE *o, const char *s)
{
	for (; s && *s; s++) {
		switch (*s) {
		case '<':
			fputs("&lt;", o);
			break;
		case '>':
			fputs("&gt;", o);
			break;
		case '&':
			fputs("&amp;", o);
			break;
		case '"':
			fputs("&quot;", o);
			break;
		default:
			fputc(*s, o);
		}
	}
}

static void print_stack(FILE *o, const struct acltrace_report_stack *st, const char *title)
{
	if (!st->present)
		return;
	fprintf(o, "<div class=\"meta\">%s</div>\n", title);
	if (st->missing) {
		fprintf(
		    o, "<p class=\"meta\">(stack %" PRIu64 " has no definition in the trace)</p>\n",
		    st->id);
		return;
	}
	fputs("<ol class=\"stack\" start=\"0\">\n", o);
	for (size_t i = 0; i < st->nframes; i++) {
		const struct acltrace_frame *fr = &st->frames[i];
		fprintf(o, "<li>0x%" PRIx64 " in <span class=\"fn\">", fr->ip);
		esc(o, fr->function ? fr->function : "??");
		fputs("</span>", o);
		if (fr->file) {
			fputs(" <span class=\"loc\">", o);
			esc(o, fr->file);
			fprintf(o, ":%d</span>", fr->line);
		}
		if (fr->module) {
			fputs(" (", o);
			esc(o, fr->module);
			fprintf(o, "+0x%" PRIx64 ")", fr->offset);
		}
		fputs("</li>\n", o);
	}
	fputs("</ol>\n", o);
}

static int html_begin(struct acltrace_emitter *e, const struct acltrace_report_info *info)
{
	(void)info;
	fprintf(e->out,
		"<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
		"<title>acltrace report</title>\n<style>%s</style>\n</head>\n<body>\n"
		"<h1>acltrace report</h1>\n",
		css);
	return 0;
}

static int html_process(struct acltrace_emitter *e, const struct acltrace_process *p,
			const char *host)
{
	struct html_priv *hp = e->priv;
	FILE *o = e->out;
	if (!hp->procs_open) {
		fputs("<h2>Processes</h2>\n<table>\n<tr><th>pid</th><th>command</th><th>host</th>"
		      "<th>mode</th><th>target</th></tr>\n",
		      o);
		hp->procs_open = true;
	}
	fprintf(o, "<tr><td>%d</td><td>", p->pid);
	esc(o, p->command ? p->command : "?");
	fputs("</td><td>", o);
	esc(o, host);
	fprintf(o, "</td><td>%s</td><td>", p->mode ? "enforce" : "observe");
	esc(o, p->soc ? p->soc : "");
	fprintf(o, "%s</td></tr>\n", p->mid_run ? " (trace started mid-run)" : "");
	return 0;
}

static void close_procs(struct html_priv *hp, FILE *o)
{
	if (hp->procs_open)
		fputs("</table>\n", o);
	hp->procs_open = false;
}

static int html_finding(struct acltrace_emitter *e, const struct acltrace_report_finding *rf)
{
	struct html_priv *hp = e->priv;
	const struct acltrace_finding *f = rf->f;
	FILE *o = e->out;

	close_procs(hp, o);
	if (!hp->findings_open) {
		fputs("<h2 id=\"findings\">Findings</h2>\n", o);
		hp->findings_open = true;
	}
	if (f->kind == ACLTRACE_FINDING_LEAK && !hp->in_leaks) {
		fputs("<h2 id=\"leaks\">Leaks</h2>\n", o);
		hp->in_leaks = true;
	}
	hp->nfindings++;
	fprintf(o,
		"<div class=\"finding %s\" data-kind=\"%s\" data-count=\"%" PRIu64 "\">\n"
		"<div><span class=\"kind\">%s</span> (%s, %" PRIu64 " time%s)%s%s</div>\n<div>",
		rf->severity, rf->kind, rf->count, rf->kind, rf->severity, rf->count,
		rf->count == 1 ? "" : "s", f->uncertain ? " [uncertain]" : "",
		f->predicted ? " [predicted]" : "");
	esc(o, f->message);
	fprintf(o, "</div>\n<div class=\"meta\">process %d, thread %d", f->proc->pid, f->tid);
	if (f->pool >= 0)
		fprintf(o, ", pool %s", acltrace_pool_name((uint32_t)f->pool));
	if (f->device >= 0)
		fprintf(o, ", device %d", f->device);
	if (f->addr)
		fprintf(o, ", address 0x%" PRIx64, f->addr);
	fprintf(o, "; preload cross-check: %s</div>\n", rf->cross_check);
	print_stack(o, &rf->stack, f->kind == ACLTRACE_FINDING_LEAK ? "allocated at:" : "at:");
	print_stack(o, &rf->alloc_stack, "allocated at:");
	print_stack(o, &rf->free_stack, "previously freed at:");
	fputs("</div>\n", o);
	return 0;
}

static int html_pool(struct acltrace_emitter *e, const struct acltrace_report_pool *rp)
{
	struct html_priv *hp = e->priv;
	const struct acltrace_pool_acct *a = rp->a;
	FILE *o = e->out;
	char peak[64], cap[64], end[64];

	close_procs(hp, o);
	if (!hp->pools_open) {
		if (hp->nfindings == 0)
			fputs("<h2 id=\"findings\">Findings</h2>\n<p>No findings.</p>\n", o);
		fputs("<h2 id=\"pools\">Pools</h2>\n", o);
		hp->pools_open = true;
	}
	fmt_bytes(peak, sizeof(peak), a->peak_bytes);
	fmt_bytes(end, sizeof(end), a->live_bytes);
	fprintf(o,
		"<div class=\"pool\" data-pool=\"%s\" data-device=\"%d\" data-peak=\"%" PRIu64
		"\" data-capacity=\"%" PRIu64 "\">\n<div><b>%s</b>",
		acltrace_pool_name(a->pool), a->device, a->peak_bytes, a->capacity_bytes,
		acltrace_pool_name(a->pool));
	if (a->device >= 0)
		fprintf(o, " on device %d", a->device);
	fputs(" of ", o);
	esc(o, rp->host);
	fprintf(o, ": peak %s at +%.3f s, %s live at the end</div>\n", peak, rp->peak_offset_s,
		end);
	/* the bar: the peak as a share of the capacity (full width when the capacity is unknown) */
	double share = 1.0;
	if (a->capacity_bytes)
		share =
		    ((double)a->capacity_bytes - (double)rp->headroom) / (double)a->capacity_bytes;
	bool over = a->capacity_bytes && share > 1.0;
	fprintf(o, "<div class=\"bar\"><div class=\"fill%s\" style=\"width:%.1f%%\"></div></div>\n",
		over ? " over" : "", share > 1.0 ? 100.0 : share * 100.0);
	if (a->capacity_bytes) {
		fmt_bytes(cap, sizeof(cap), a->capacity_bytes);
		fprintf(o, "<div class=\"meta\">capacity %s (", cap);
		esc(o, a->capacity_source ? a->capacity_source : "unknown source");
		fprintf(o, "), %.1f%% used at the peak, headroom %" PRId64 " bytes</div>\n",
			share * 100.0, rp->headroom);
	} else {
		fputs("<div class=\"meta\">capacity unknown (choose one with --device-profile or "
		      "--pool-capacity)</div>\n",
		      o);
	}
	for (size_t i = 0; i < rp->nsites; i++) {
		char b[64];
		fmt_bytes(b, sizeof(b), rp->sites[i].sb->bytes);
		fprintf(o,
			"<div class=\"meta\">live at the peak: %s in %" PRIu64 " buffers</div>\n",
			b, rp->sites[i].sb->count);
		print_stack(o, &rp->sites[i].stack, "site:");
	}
	fputs("</div>\n", o);
	return 0;
}

static int html_end(struct acltrace_emitter *e, const struct acltrace_report_info *info)
{
	struct html_priv *hp = e->priv;
	FILE *o = e->out;
	const struct acltrace_model_stats *st = info->stats;

	close_procs(hp, o);
	if (!hp->findings_open && !hp->pools_open)
		fputs("<h2 id=\"findings\">Findings</h2>\n<p>No findings.</p>\n", o);
	fprintf(o,
		"<h2>Trace</h2>\n<p>%" PRIu64 " events, %" PRIu64 " discarded, %s; profile %s</p>\n"
		"<p id=\"summary\">SUMMARY: %" PRIu64 " errors, %" PRIu64 " warnings</p>\n"
		"</body>\n</html>\n",
		st->events, st->discarded_events,
		st->started_mid_run ? "started mid-run" : "complete from the start",
		info->profile ? info->profile->name : "none", info->errors, info->warnings);
	return ferror(o) ? -1 : 0;
}

static void html_destroy(struct acltrace_emitter *e)
{
	free(e->priv);
	free(e);
}

static const struct acltrace_emitter_ops html_ops = {
	.name = "html",
	.begin = html_begin,
	.process = html_process,
	.finding = html_finding,
	.pool = html_pool,
	.end = html_end,
	.destroy = html_destroy,
};

struct acltrace_emitter *acltrace_emitter_html(FILE *out)
{
	struct acltrace_emitter *e = calloc(1, sizeof(*e));
	struct html_priv *hp = calloc(1, sizeof(*hp));
	if (!e || !hp) {
		free(e);
		free(hp);
		return NULL;
	}
	e->ops = &html_ops;
	e->out = out;
	e->priv = hp;
	return e;
}
