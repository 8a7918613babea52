/* SPDX-License-Identifier: MIT */
/*
 * Emitters: the report is walked once, in a fixed order (header, processes, findings other than
 * leaks, leaks, pools, trace facts, end), and each back-end renders the calls its own way.
 * A new format (HTML, ...) is one more struct acltrace_emitter_ops.
 */
#ifndef ACLTRACE_EMIT_H
#define ACLTRACE_EMIT_H

#include "acltrace_model.h"
#include "acltrace_symbolize.h"

#include <stdbool.h>
#include <stdio.h>

#define ACLTRACE_REPORT_SCHEMA "acltrace-report/1"

struct acltrace_report_stack {
	uint64_t id;
	bool present; /* the event referenced a stack */
	bool missing; /* referenced, but the trace holds no definition */
	const struct acltrace_frame *frames;
	size_t nframes;
};

struct acltrace_report_finding {
	const struct acltrace_finding *f;
	const char *kind;
	const char *severity;
	uint64_t count;
	const char *cross_check;
	struct acltrace_report_stack stack, alloc_stack, free_stack;
};

struct acltrace_report_site {
	const struct acltrace_site_bytes *sb;
	struct acltrace_report_stack stack;
};

struct acltrace_report_pool {
	const struct acltrace_pool_acct *a;
	const char *host;
	int64_t headroom;     /* capacity - reserved - peak; valid when capacity_bytes != 0 */
	double peak_offset_s; /* from the first event of the trace */
	const struct acltrace_report_site *sites;
	size_t nsites;
};

struct acltrace_report_info {
	const char *const *traces;
	size_t ntraces;
	const struct acltrace_device_profile *profile;
	const char *profile_selected_by; /* "option", "soc" or "none" */
	const struct acltrace_model_stats *stats;
	uint64_t errors, warnings; /* findings by severity (deduplicated) */
};

struct acltrace_emitter;

struct acltrace_emitter_ops {
	const char *name;
	int (*begin)(struct acltrace_emitter *e, const struct acltrace_report_info *info);
	int (*process)(struct acltrace_emitter *e, const struct acltrace_process *p,
		       const char *host);
	int (*finding)(struct acltrace_emitter *e, const struct acltrace_report_finding *rf);
	int (*pool)(struct acltrace_emitter *e, const struct acltrace_report_pool *rp);
	int (*end)(struct acltrace_emitter *e, const struct acltrace_report_info *info);
	void (*destroy)(struct acltrace_emitter *e);
};

struct acltrace_emitter {
	const struct acltrace_emitter_ops *ops;
	FILE *out;
	bool colour;
	unsigned max_frames; /* 0: all */
	void *priv;
};

/* Back-ends. */
struct acltrace_emitter *acltrace_emitter_text(FILE *out, bool colour);
struct acltrace_emitter *acltrace_emitter_json(FILE *out);
struct acltrace_emitter *acltrace_emitter_html(FILE *out);
void acltrace_emitter_destroy(struct acltrace_emitter *e);

/* Walks the finished model through an emitter. Returns 0 or -1. */
int acltrace_report_emit(struct acltrace_model *m, struct acltrace_symbolizer *sym,
			 struct acltrace_emitter *e, struct acltrace_report_info *info);

/* Counts deduplicated findings by severity (what --error-exitcode looks at). */
void acltrace_report_count(const struct acltrace_model *m, uint64_t *errors, uint64_t *warnings);

#endif
