/* SPDX-License-Identifier: MIT */
/* `acltrace report [options] TRACE...`: the analyzer's entry point. */
#ifndef ACLTRACE_REPORT_H
#define ACLTRACE_REPORT_H

#ifdef __cplusplus
extern "C" {
#endif

/*
 * argv[0] is the command's name (e.g. "acltrace report"), the rest options and traces, as for
 * main(). Returns the exit status: 0, the --error-exitcode value when an error finding exists,
 * 1 on bad input (one line on stderr), 2 on a usage error.
 */
int acltrace_report_main(int argc, char **argv);

#ifdef __cplusplus
}
#endif

#endif
