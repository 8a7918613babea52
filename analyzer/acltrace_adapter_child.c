/* SPDX-License-Identifier: MIT */
/*
 * Decoding in a forked child: libbabeltrace2 may crash or loop on corrupt CTF, and that must end
 * as one error line, not as a crash of the report. The child streams plain events through a pipe
 * (the struct, then its variable parts); the parent feeds them to the callback. The two also run
 * on two cores at once.
 */
#include "acltrace_adapter.h"

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <poll.h>
#include <signal.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

enum wire_kind { WIRE_EVENT = 1, WIRE_ERROR = 2, WIRE_DONE = 3 };

struct wire_hdr {
	uint32_t len; /* payload bytes */
	uint32_t kind;
};

#define BUF_SIZE (1u << 20)

struct writer {
	int fd;
	size_t len;
	int failed;
	unsigned char buf[BUF_SIZE];
};

static void w_flush(struct writer *w)
{
	size_t off = 0;
	while (off < w->len && !w->failed) {
		ssize_t n = write(w->fd, w->buf + off, w->len - off);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			w->failed = 1; /* the parent went away */
			break;
		}
		off += (size_t)n;
	}
	w->len = 0;
}

static void w_put(struct writer *w, const void *p, size_t n)
{
	const unsigned char *src = p;
	while (n) {
		if (w->len == BUF_SIZE)
			w_flush(w);
		size_t k = BUF_SIZE - w->len < n ? BUF_SIZE - w->len : n;
		memcpy(w->buf + w->len, src, k);
		w->len += k;
		src += k;
		n -= k;
	}
}

enum { WF_STR = 1u << 16, WF_FRAMES = 1u << 17, WF_BUILD_ID = 1u << 18 };

#define HEAD_SIZE offsetof(struct acltrace_event, u)

/* Only the union member of the event's type travels: most events are alloc and free. */
static size_t union_size(uint16_t type)
{
	const struct acltrace_event *e = NULL;
	switch (type) {
	case ACLTRACE_EV_PROCESS:
		return sizeof(e->u.process);
	case ACLTRACE_EV_POOL:
		return sizeof(e->u.pool);
	case ACLTRACE_EV_API:
		return sizeof(e->u.api);
	case ACLTRACE_EV_ALLOC:
		return sizeof(e->u.alloc);
	case ACLTRACE_EV_FREE:
		return sizeof(e->u.free);
	case ACLTRACE_EV_USE:
		return sizeof(e->u.use);
	case ACLTRACE_EV_TASK_SUBMIT:
	case ACLTRACE_EV_TASK_RETIRE:
		return sizeof(e->u.task);
	case ACLTRACE_EV_FINDING:
		return sizeof(e->u.finding);
	case ACLTRACE_EV_STACK:
		return sizeof(e->u.stack);
	case ACLTRACE_EV_LIFECYCLE:
		return sizeof(e->u.lifecycle);
	case ACLTRACE_EV_MODULE:
	case ACLTRACE_EV_MODULE_BUILD_ID:
	case ACLTRACE_EV_MODULE_DEBUG_LINK:
	case ACLTRACE_EV_MODULE_UNLOAD:
		return sizeof(e->u.module);
	case ACLTRACE_EV_DISCARDED:
		return sizeof(e->u.discarded);
	default:
		return 0;
	}
}

static size_t pad8(size_t n)
{
	return (n + 7) & ~(size_t)7;
}

static int child_cb(const struct acltrace_event *ev, void *arg)
{
	static const unsigned char zeros[8];
	struct writer *w = arg;
	uint64_t slen = ev->str ? strlen(ev->str) : 0;
	uint64_t nframes = ev->frames ? ev->nframes : 0;
	uint32_t blen =
	    ev->type == ACLTRACE_EV_MODULE_BUILD_ID && ev->build_id ? ev->u.module.build_id_len : 0;
	size_t usize = union_size(ev->type);
	struct wire_hdr h = { .kind = WIRE_EVENT };
	size_t len = HEAD_SIZE + pad8(usize);

	if (ev->str) {
		h.kind |= WF_STR;
		len += 8 + pad8(slen + 1);
	}
	if (nframes) {
		h.kind |= WF_FRAMES;
		len += 8 + nframes * 8;
	}
	if (blen) {
		h.kind |= WF_BUILD_ID;
		len += pad8(blen);
	}
	h.len = (uint32_t)len;
	w_put(w, &h, sizeof(h));
	w_put(w, ev, HEAD_SIZE);
	w_put(w, &ev->u, usize);
	w_put(w, zeros, pad8(usize) - usize);
	if (ev->str) {
		w_put(w, &slen, 8);
		w_put(w, ev->str, slen + 1);
		w_put(w, zeros, pad8(slen + 1) - (slen + 1));
	}
	if (nframes) {
		w_put(w, &nframes, 8);
		w_put(w, ev->frames, nframes * 8);
	}
	if (blen) {
		w_put(w, ev->build_id, blen);
		w_put(w, zeros, pad8(blen) - blen);
	}
	return w->failed;
}

static void child_main(int fd, char *const *dirs, int ndirs)
{
	static struct writer w;
	char err[1024] = "";
	const char *fault = getenv("ACLTRACE_ANALYZER_TEST_DECODER_FAULT");

	w.fd = fd;
	/* the tests' stand-in for a decoding library that crashes or hangs on corrupt input */
	if (fault && strcmp(fault, "crash") == 0)
		raise(SIGSEGV);
	if (fault && strcmp(fault, "hang") == 0)
		for (;;)
			pause();
	int rc = acltrace_adapter_decode(dirs, ndirs, child_cb, &w, err, sizeof(err));
	struct wire_hdr h;
	if (rc < 0) {
		static const char zeros[8];
		size_t raw = strlen(err) + 1;
		h.kind = WIRE_ERROR;
		h.len = (uint32_t)((raw + 7) & ~(size_t)7);
		w_put(&w, &h, sizeof(h));
		w_put(&w, err, raw);
		w_put(&w, zeros, h.len - raw);
	}
	int64_t status = rc;
	h.kind = WIRE_DONE;
	h.len = sizeof(status);
	w_put(&w, &h, sizeof(h));
	w_put(&w, &status, sizeof(status));
	w_flush(&w);
	close(fd);
	_exit(0);
}

static double now_s(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static void stop_child(pid_t pid)
{
	int status;
	kill(pid, SIGKILL);
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
}

/* Parses one complete record; returns 1 to stop (callback asked or error record). */
static int parse_record(const struct wire_hdr *h, unsigned char *p, acltrace_event_cb cb, void *arg,
			char *err, size_t errlen, int *done, int *child_rc,
			unsigned long long *events, int *bad)
{
	switch (h->kind & 0xffffu) {
	case WIRE_EVENT: {
		struct acltrace_event ev;
		unsigned char *q = p, *end = p + h->len;
		uint32_t flags = h->kind & ~0xffffu;
		size_t usize;
		memset(&ev, 0, sizeof(ev));
		if (h->len < HEAD_SIZE)
			goto bad;
		memcpy(&ev, q, HEAD_SIZE);
		q += HEAD_SIZE;
		usize = union_size(ev.type);
		if ((size_t)(end - q) < pad8(usize))
			goto bad;
		memcpy(&ev.u, q, usize);
		q += pad8(usize);
		if (flags & WF_STR) {
			uint64_t slen;
			if (end - q < 8)
				goto bad;
			memcpy(&slen, q, 8);
			q += 8;
			if (slen >= (uint64_t)(end - q) || q[slen] != '\0')
				goto bad;
			ev.str = (const char *)q;
			q += pad8(slen + 1);
		}
		if (flags & WF_FRAMES) {
			uint64_t n;
			if (end - q < 8)
				goto bad;
			memcpy(&n, q, 8);
			q += 8;
			if (n > (uint64_t)(end - q) / 8)
				goto bad;
			ev.frames = (const uint64_t *)(void *)q;
			ev.nframes = (uint32_t)n;
			q += n * 8;
		} else {
			ev.nframes = 0;
		}
		if (flags & WF_BUILD_ID) {
			if (ev.u.module.build_id_len > (uint64_t)(end - q))
				goto bad;
			ev.build_id = q;
			q += pad8(ev.u.module.build_id_len);
		} else if (ev.type == ACLTRACE_EV_MODULE_BUILD_ID) {
			ev.u.module.build_id_len = 0;
		}
		if (q != end)
			goto bad;
		(*events)++;
		return cb(&ev, arg) != 0;
	bad:
		*bad = 1;
		return 1;
	}
	case WIRE_ERROR:
		snprintf(err, errlen, "%.*s", (int)strnlen((const char *)p, h->len),
			 (const char *)p);
		return 0;
	case WIRE_DONE:
		*done = 1;
		if (h->len == sizeof(int64_t)) {
			int64_t rc;
			memcpy(&rc, p, sizeof(rc));
			*child_rc = (int)rc;
		}
		return 0;
	default:
		*bad = 1;
		return 1;
	}
}

int acltrace_adapter_run(char *const *dirs, int ndirs, const struct acltrace_adapter_opts *opts,
			 acltrace_event_cb cb, void *arg, char *err, size_t errlen)
{
	int fds[2];
	const char *what = ndirs == 1 ? dirs[0] : "traces";
	unsigned stall = opts && opts->stall_timeout_s ? opts->stall_timeout_s : 300;

	err[0] = '\0';
	if (pipe2(fds, O_CLOEXEC) != 0) {
		snprintf(err, errlen, "cannot create a pipe for the decoder: %s", strerror(errno));
		return -1;
	}
#ifdef F_SETPIPE_SZ
	(void)fcntl(fds[1], F_SETPIPE_SZ, 1 << 20); /* fewer wake-ups; a failure costs speed only */
#endif
	fflush(NULL);
	pid_t pid = fork();
	if (pid < 0) {
		snprintf(err, errlen, "cannot fork the decoder: %s", strerror(errno));
		close(fds[0]);
		close(fds[1]);
		return -1;
	}
	if (pid == 0) {
		close(fds[0]);
		child_main(fds[1], dirs, ndirs);
	}
	close(fds[1]);

	size_t cap = 4u << 20, len = 0;
	unsigned char *buf = malloc(cap);
	int done = 0, child_rc = -1, stopped = 0, bad = 0, ret = -1, status = 0;
	unsigned long long events = 0;
	double start = now_s(), last_data = start, last_progress = start, t;
	char child_err[1024] = "";
	struct pollfd pfd = { .fd = fds[0], .events = POLLIN };
	ssize_t n;
	size_t off;
	int pr;

	if (!buf) {
		snprintf(err, errlen, "out of memory reading decoded events");
		stop_child(pid);
		close(fds[0]);
		return -1;
	}
	for (;;) {
		pr = poll(&pfd, 1, 500);
		t = now_s();
		if (opts && opts->progress && t - last_progress >= 0.5) {
			struct acltrace_adapter_progress p = { events, t - start };
			opts->progress(&p, opts->progress_arg);
			last_progress = t;
		}
		if (pr < 0 && errno == EINTR)
			continue;
		if (pr == 0) {
			if (t - last_data > stall) {
				snprintf(
				    err, errlen,
				    "%s: the trace decoder made no progress for %u s; stopped it "
				    "(the trace is probably corrupt)",
				    what, stall);
				stop_child(pid);
				goto out;
			}
			continue;
		}
		if (len == cap) {
			/* one record larger than the buffer: grow (records are small in practice)
			 */
			unsigned char *nb = realloc(buf, cap * 2);
			if (!nb) {
				snprintf(err, errlen, "out of memory reading decoded events");
				stop_child(pid);
				goto out;
			}
			buf = nb;
			cap *= 2;
		}
		n = read(fds[0], buf + len, cap - len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break; /* EOF: the child finished or died */
		last_data = t;
		len += (size_t)n;
		off = 0;
		while (len - off >= sizeof(struct wire_hdr)) {
			struct wire_hdr h;
			memcpy(&h, buf + off, sizeof(h));
			if (h.len > (64u << 20)) {
				bad = 1;
				break;
			}
			if (len - off - sizeof(h) < h.len)
				break;
			unsigned char *payload = buf + off + sizeof(h);
			if (parse_record(&h, payload, cb, arg, child_err, sizeof(child_err), &done,
					 &child_rc, &events, &bad)) {
				stopped = !bad;
				break;
			}
			off += sizeof(h) + h.len;
		}
		if (bad) {
			snprintf(err, errlen,
				 "%s: internal error: malformed record from the decoder", what);
			stop_child(pid);
			goto out;
		}
		if (stopped) {
			stop_child(pid);
			ret = 1;
			goto out;
		}
		memmove(buf, buf + off, len - off);
		len -= off;
	}
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	if (opts && opts->progress) {
		struct acltrace_adapter_progress p = { events, now_s() - start };
		opts->progress(&p, opts->progress_arg);
	}
	if (child_err[0]) {
		snprintf(err, errlen, "%s", child_err);
	} else if (WIFSIGNALED(status)) {
		snprintf(
		    err, errlen,
		    "%s: the trace decoder crashed (signal %d, %s) after %llu events; the trace "
		    "is probably corrupt or truncated",
		    what, WTERMSIG(status), strsignal(WTERMSIG(status)), events);
	} else if (!done) {
		snprintf(
		    err, errlen,
		    "%s: the trace decoder failed (exit status %d) after %llu events; the trace is "
		    "probably corrupt or truncated",
		    what, WIFEXITED(status) ? WEXITSTATUS(status) : -1, events);
	} else if (child_rc < 0) {
		snprintf(err, errlen, "%s: the trace could not be decoded", what);
	} else {
		ret = child_rc;
	}
out:
	free(buf);
	close(fds[0]);
	return ret;
}
