/* SPDX-License-Identifier: MIT */
#ifndef ACLTRACE_FINDINGS_H
#define ACLTRACE_FINDINGS_H

#include <stddef.h>
#include <string.h>

enum acltrace_severity {
	ACLTRACE_SEVERITY_WARNING = 0,
	ACLTRACE_SEVERITY_ERROR = 1,
};

enum acltrace_finding_kind {
#define ACLTRACE_FINDING(id, name, severity, description) ACLTRACE_FINDING_##id,
#include "acltrace_findings.def"
#undef ACLTRACE_FINDING
	ACLTRACE_FINDING_COUNT
};

struct acltrace_finding_desc {
	const char *name;
	enum acltrace_severity severity;
	const char *description;
};

static const struct acltrace_finding_desc acltrace_finding_table[ACLTRACE_FINDING_COUNT] = {
#define ACLTRACE_FINDING(id, n, sev, desc) \
	[ACLTRACE_FINDING_##id] = { .name = n, .severity = ACLTRACE_SEVERITY_##sev, .description = desc },
#include "acltrace_findings.def"
#undef ACLTRACE_FINDING
};

static inline const char *acltrace_finding_name(unsigned kind)
{
	return kind < ACLTRACE_FINDING_COUNT ? acltrace_finding_table[kind].name : "unknown";
}

static inline const char *acltrace_severity_name(unsigned severity)
{
	return severity == ACLTRACE_SEVERITY_ERROR ? "error" : "warning";
}

/* Returns ACLTRACE_FINDING_COUNT when name is not a finding kind. */
static inline enum acltrace_finding_kind acltrace_finding_by_name(const char *name, size_t len)
{
	for (unsigned k = 0; k < ACLTRACE_FINDING_COUNT; k++) {
		const char *n = acltrace_finding_table[k].name;
		if (strlen(n) == len && memcmp(n, name, len) == 0)
			return (enum acltrace_finding_kind)k;
	}
	return ACLTRACE_FINDING_COUNT;
}

#endif
