/* SPDX-License-Identifier: MIT */
/* The adapter: CTF traces -> plain acltrace events, through libbabeltrace2. */
#ifndef ACLTRACE_ADAPTER_H
#define ACLTRACE_ADAPTER_H

#include "acltrace_event.h"

#include <stdbool.h>
#include <stddef.h>

/* Returns 0 to go on, non-zero to stop decoding. */
typedef int (*acltrace_event_cb)(const struct acltrace_event *ev, void *arg);

/*
 * Finds the CTF traces (directories holding a `metadata` file) under each path.
 * Returns the number found (>= 1), or -1 with a one-line reason in err.
 */
int acltrace_adapter_find_traces(const char *const *paths, size_t npaths, char ***dirs, char *err,
				 size_t errlen);
void acltrace_adapter_free_traces(char **dirs, int n);

/* Decodes in this process. Returns 0, 1 when cb stopped it, or -1 with a reason in err. */
int acltrace_adapter_decode(char *const *dirs, int ndirs, acltrace_event_cb cb, void *arg,
			    char *err, size_t errlen);

struct acltrace_adapter_progress {
	unsigned long long events;
	double seconds;
};

struct acltrace_adapter_opts {
	/* seconds without any decoded event after which the decoder is stopped; 0: 300 */
	unsigned stall_timeout_s;
	/* called about twice a second in the parent while decoding (NULL: none) */
	void (*progress)(const struct acltrace_adapter_progress *pr, void *arg);
	void *progress_arg;
};

/*
 * Decodes in a forked child, so a crash or a hang of the decoding library on corrupt input
 * becomes an error message; cb runs in this process. Same return values as above.
 */
int acltrace_adapter_run(char *const *dirs, int ndirs, const struct acltrace_adapter_opts *opts,
			 acltrace_event_cb cb, void *arg, char *err, size_t errlen);

#endif
