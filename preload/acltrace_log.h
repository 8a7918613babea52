/* SPDX-License-Identifier: MIT */
/*
 * Output without stdio and without allocation: messages are formatted into caller-provided
 * buffers by a small printf subset and written with write(2) to stderr or ACLTRACE_LOG.
 */
#ifndef ACLTRACE_LOG_H
#define ACLTRACE_LOG_H

#include <stdarg.h>
#include <stddef.h>

struct acltrace_buf {
	char *mem;
	size_t len;
	size_t cap; /* mem holds cap bytes; len stops at cap - 1, the text stays NUL-terminated */
};

void acltrace_buf_init(struct acltrace_buf *b, char *mem, size_t cap);
/* Supports %s %c %d %i %u %x %p %% with flags '-' '0', a width and the l, ll, z modifiers. */
void acltrace_buf_printf(struct acltrace_buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void acltrace_buf_vprintf(struct acltrace_buf *b, const char *fmt, va_list ap);

/* Opens ACLTRACE_LOG (with %p replaced by the pid) or keeps stderr; again in a forked child. */
void acltrace_log_open(const char *path_template);
void acltrace_log_write(const char *s, size_t len);
void acltrace_log_flush_buf(struct acltrace_buf *b);
/* One line "acltrace: warning: ..." on the log. */
void acltrace_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
