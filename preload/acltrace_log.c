/* SPDX-License-Identifier: MIT */
#include "acltrace_log.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <string.h>
#include <unistd.h>

static int acltrace_log_fd = STDERR_FILENO;

void acltrace_buf_init(struct acltrace_buf *b, char *mem, size_t cap)
{
	b->mem = mem;
	b->len = 0;
	b->cap = cap;
	if (cap)
		mem[0] = '\0';
}

static void buf_putc(struct acltrace_buf *b, char c)
{
	if (b->len + 1 < b->cap) {
		b->mem[b->len++] = c;
		b->mem[b->len] = '\0';
	}
}

static void buf_pad(struct acltrace_buf *b, char c, int n)
{
	while (n-- > 0)
		buf_putc(b, c);
}

static void buf_field(struct acltrace_buf *b, const char *s, size_t n, int width, int left,
		      char pad)
{
	int fill = width > (int)n ? width - (int)n : 0;

	if (!left)
		buf_pad(b, pad, fill);
	for (size_t i = 0; i < n; i++)
		buf_putc(b, s[i]);
	if (left)
		buf_pad(b, ' ', fill);
}

/* Digits of v in base 10 or 16, into the end of tmp; returns the first digit. */
static char *fmt_unsigned(char *end, unsigned long long v, unsigned base)
{
	static const char digits[] = "0123456789abcdef";
	char *p = end;

	do {
		*--p = digits[v % base];
		v /= base;
	} while (v);
	return p;
}

void acltrace_buf_vprintf(struct acltrace_buf *b, const char *fmt, va_list ap)
{
	char tmp[32];

	for (const char *f = fmt; *f; f++) {
		int left = 0, width = 0, lng = 0, size_t_mod = 0;
		char pad = ' ';

		if (*f != '%') {
			buf_putc(b, *f);
			continue;
		}
		f++;
		for (; *f == '-' || *f == '0'; f++) {
			if (*f == '-')
				left = 1;
			else
				pad = '0';
		}
		for (; *f >= '0' && *f <= '9'; f++)
			width = width * 10 + (*f - '0');
		for (; *f == 'l'; f++)
			lng++;
		if (*f == 'z') {
			size_t_mod = 1;
			f++;
		}
		switch (*f) {
		case 's': {
			const char *s = va_arg(ap, const char *);
			if (!s)
				s = "(null)";
			buf_field(b, s, strlen(s), width, left, ' ');
			break;
		}
		case 'c':
			tmp[0] = (char)va_arg(ap, int);
			buf_field(b, tmp, 1, width, left, ' ');
			break;
		case 'd':
		case 'i': {
			long long v = size_t_mod ? (long long)va_arg(ap, ptrdiff_t)
				      : lng >= 2 ? va_arg(ap, long long)
				      : lng == 1 ? va_arg(ap, long)
						 : va_arg(ap, int);
			unsigned long long mag =
			    v < 0 ? 0ull - (unsigned long long)v : (unsigned long long)v;
			char *p = fmt_unsigned(tmp + sizeof(tmp), mag, 10);
			if (v < 0)
				*--p = '-';
			buf_field(b, p, (size_t)(tmp + sizeof(tmp) - p), width, left, pad);
			break;
		}
		case 'u':
		case 'x': {
			unsigned long long v = size_t_mod ? va_arg(ap, size_t)
					       : lng >= 2 ? va_arg(ap, unsigned long long)
					       : lng == 1 ? va_arg(ap, unsigned long)
							  : va_arg(ap, unsigned int);
			char *p = fmt_unsigned(tmp + sizeof(tmp), v, *f == 'u' ? 10 : 16);
			buf_field(b, p, (size_t)(tmp + sizeof(tmp) - p), width, left, pad);
			break;
		}
		case 'p': {
			uintptr_t v = (uintptr_t)va_arg(ap, void *);
			char *p = fmt_unsigned(tmp + sizeof(tmp), v, 16);
			*--p = 'x';
			*--p = '0';
			buf_field(b, p, (size_t)(tmp + sizeof(tmp) - p), width, left, ' ');
			break;
		}
		case '%':
			buf_putc(b, '%');
			break;
		case '\0':
			return;
		default:
			buf_putc(b, '%');
			buf_putc(b, *f);
			break;
		}
	}
}

void acltrace_buf_printf(struct acltrace_buf *b, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	acltrace_buf_vprintf(b, fmt, ap);
	va_end(ap);
}

void acltrace_log_write(const char *s, size_t len)
{
	int saved = errno;

	while (len) {
		ssize_t n = write(acltrace_log_fd, s, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		s += n;
		len -= (size_t)n;
	}
	errno = saved;
}

void acltrace_log_flush_buf(struct acltrace_buf *b)
{
	acltrace_log_write(b->mem, b->len);
	b->len = 0;
	if (b->cap)
		b->mem[0] = '\0';
}

void acltrace_log_open(const char *tmpl)
{
	char path[4096];
	struct acltrace_buf b;
	int fd;

	if (!tmpl || !*tmpl)
		return;
	acltrace_buf_init(&b, path, sizeof(path));
	for (const char *t = tmpl; *t; t++) {
		if (t[0] == '%' && t[1] == 'p') {
			acltrace_buf_printf(&b, "%d", (int)getpid());
			t++;
		} else {
			acltrace_buf_printf(&b, "%c", *t);
		}
	}
	fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
	if (fd < 0) {
		int err = errno;
		acltrace_log_fd = STDERR_FILENO;
		acltrace_warn("cannot open ACLTRACE_LOG file '%s' (errno %d); using stderr", path,
			      err);
		return;
	}
	if (acltrace_log_fd != STDERR_FILENO)
		close(acltrace_log_fd);
	acltrace_log_fd = fd;
}

void acltrace_warn(const char *fmt, ...)
{
	char mem[1024];
	struct acltrace_buf b;
	va_list ap;

	acltrace_buf_init(&b, mem, sizeof(mem));
	acltrace_buf_printf(&b, "acltrace: warning: ");
	va_start(ap, fmt);
	acltrace_buf_vprintf(&b, fmt, ap);
	va_end(ap);
	acltrace_buf_printf(&b, "\n");
	acltrace_log_flush_buf(&b);
}
