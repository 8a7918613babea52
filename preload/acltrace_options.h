/* SPDX-License-Identifier: MIT */
/* ACLTRACE_* options, parsed once from the environment (see acltrace_options.def). */
#ifndef ACLTRACE_OPTIONS_H
#define ACLTRACE_OPTIONS_H

#include "acltrace_emit.h"

#include <stdbool.h>

enum acltrace_option_id {
#define ACLTRACE_OPTION(id, type, def, min, max, help) ACLTRACE_OPT_##id,
#include "acltrace_options.def"
#undef ACLTRACE_OPTION
	ACLTRACE_OPT_COUNT
};

/* Reads environ; bad values are reported on the log and replaced by the default. */
void acltrace_options_parse(void);
long acltrace_option_int(enum acltrace_option_id id);
const char *acltrace_option_str(enum acltrace_option_id id);
/* The resolved table, one line per option (ACLTRACE_VERBOSE). */
void acltrace_options_dump(void);

#endif
