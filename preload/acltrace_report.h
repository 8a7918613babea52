/* SPDX-License-Identifier: MIT */
/*
 * Findings as reports in the manner of AddressSanitizer: one block per finding on the log,
 * deduplicated by kind and stack (repeats are counted, not printed), and a summary at exit.
 * Every finding is also handed to the event emitter.
 */
#ifndef ACLTRACE_REPORT_H
#define ACLTRACE_REPORT_H

#include "acltrace_registry.h"

#include <stdint.h>

struct acltrace_finding {
	unsigned kind;	   /* enum acltrace_finding_kind */
	unsigned severity; /* enum acltrace_severity */
	unsigned api;	   /* the call that revealed it */
	uint64_t addr;
	uint64_t size;
	uint32_t tid;
	uint32_t stack;
	const struct acltrace_rec *rec; /* the allocation involved, or NULL */
	uint64_t count;			/* leaks: allocations aggregated */
	const char *detail;		/* one sentence, no newline */
	const char *when;		/* leaks: "aclFinalize", ... */
};

void acltrace_report_init(void);
void acltrace_report(const struct acltrace_finding *f);
/* Aggregates live allocations (of device, or all when device < 0) per site and reports them. */
void acltrace_report_leaks(const char *when, int32_t device);
void acltrace_report_summary(void);

void acltrace_report_atfork_prepare(void);
void acltrace_report_atfork_parent(void);
void acltrace_report_atfork_child(void);

#endif
