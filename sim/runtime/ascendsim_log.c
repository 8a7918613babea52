/* SPDX-License-Identifier: MIT */
/*
 * ASCEND_SIM_LOG (one line per public call the simulated runtime receives) and the per-thread
 * error message behind aclGetRecentErrMsg.
 */
#include "ascendsim_rt.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define ASCENDSIM_ERRMSG_MAX 256

static __thread char recent_error[ASCENDSIM_ERRMSG_MAX];
static __thread char returned_error[ASCENDSIM_ERRMSG_MAX];

ASCENDSIM_API bool ascendsim_log_enabled(void)
{
	return ascendsim_config()->log_fd >= 0;
}

ASCENDSIM_API void ascendsim_log_call(const char *api, const char *fmt, ...)
{
	int fd = ascendsim_config()->log_fd;
	char line[1024];
	size_t n;
	va_list ap;
	int r;

	if (fd < 0)
		return;
	n = strlen(api);
	if (n > 200)
		n = 200;
	memcpy(line, api, n);
	va_start(ap, fmt);
	r = vsnprintf(line + n, sizeof(line) - n - 1, fmt, ap);
	va_end(ap);
	if (r < 0)
		return;
	n += (size_t)r;
	if (n > sizeof(line) - 2)
		n = sizeof(line) - 2;
	line[n++] = '\n';
	/* O_APPEND and a single write: lines of concurrent threads stay whole. */
	if (write(fd, line, n) < 0)
		return;
}

aclError ascendsim_error(aclError code, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(recent_error, sizeof(recent_error), fmt, ap);
	va_end(ap);
	return code;
}

ACL_FUNC_VISIBILITY const char *aclGetRecentErrMsg(void)
{
	if (recent_error[0] == '\0')
		return NULL;
	/* Reading the message consumes it; the returned text stays valid until the next read. */
	memcpy(returned_error, recent_error, sizeof(returned_error));
	recent_error[0] = '\0';
	ASCENDSIM_LOG("aclGetRecentErrMsg", "() = \"%s\"", returned_error);
	return returned_error;
}

uint64_t ascendsim_now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
}
