/* SPDX-License-Identifier: MIT */
/*
 * Starting PROGRAM under the preload and waiting for it. The child is forked first and execs
 * only once the session records, so its pid names the output directory and nothing it does is
 * missed. The parent takes signals synchronously (sigwaitinfo): SIGINT/SIGTERM/SIGHUP/SIGQUIT
 * are passed on to PROGRAM, SIGUSR1 takes a snapshot, and the capture is finalised whatever
 * happens. acltrace is a child subreaper, so PROGRAM's children stay its own to wait for.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include "acltrace_cli.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/* How long descendants still running after PROGRAM ended may go on being recorded. */
#define ACLTRACE_DESCENDANT_GRACE_MS 2000

static sigset_t acltrace_old_mask;
static char **acltrace_child_env;

static void acltrace_fill_set(sigset_t *set)
{
	sigemptyset(set);
	sigaddset(set, SIGCHLD);
	sigaddset(set, SIGINT);
	sigaddset(set, SIGTERM);
	sigaddset(set, SIGHUP);
	sigaddset(set, SIGQUIT);
	sigaddset(set, SIGUSR1);
}

static bool acltrace_env_is(const char *entry, const char *name)
{
	size_t n = strlen(name);
	return strncmp(entry, name, n) == 0 && entry[n] == '=';
}

static char *acltrace_env_entry(const char *name, const char *value)
{
	char *e = NULL;
	if (asprintf(&e, "%s=%s", name, value) < 0)
		return NULL;
	return e;
}

/* PROGRAM's environment: ours, with the preload and its settings. */
static char **acltrace_build_env(const struct acltrace_run_opts *opts, const char *preload,
				 uint32_t run_id, const char *lttng_home)
{
	static const char *const replaced[] = { "LD_PRELOAD",
						"ACLTRACE_RUN_ID",
						"ACLTRACE_MODE",
						"ACLTRACE_BT_DEPTH",
						"ACLTRACE_PRELOAD",
						"LTTNG_HOME",
						"LTTNG_UST_ALLOW_BLOCKING" };
	size_t n = 0, k = 0;
	const char *old_preload = getenv("LD_PRELOAD");
	while (environ[n])
		n++;
	char **env = calloc(n + 8, sizeof(*env));
	if (!env)
		return NULL;
	for (size_t i = 0; i < n; i++) {
		bool skip = false;
		for (size_t r = 0; r < sizeof(replaced) / sizeof(replaced[0]); r++)
			skip = skip || acltrace_env_is(environ[i], replaced[r]);
		if (!skip)
			env[k++] = environ[i];
	}
	char *lp = NULL;
	/*
	 * liblttng-ust-fork: children register as themselves; -dl: later dlopens are mapped. The
	 * preload comes first so its fork wrapper runs outside lttng-ust's: the child's first
	 * events are then written after lttng-ust re-registered it under its own pid.
	 */
	if (asprintf(&lp, "%s:liblttng-ust-fork.so.1:liblttng-ust-dl.so.1%s%s", preload,
		     old_preload && *old_preload ? ":" : "", old_preload ? old_preload : "") < 0)
		goto fail;
	env[k++] = acltrace_env_entry("LD_PRELOAD", lp);
	free(lp);
	char run[16];
	snprintf(run, sizeof(run), "%u", run_id);
	env[k++] = acltrace_env_entry("ACLTRACE_RUN_ID", run);
	if (opts->mode)
		env[k++] = acltrace_env_entry("ACLTRACE_MODE", opts->mode);
	if (opts->bt_depth >= 0) {
		char depth[16];
		snprintf(depth, sizeof(depth), "%d", opts->bt_depth);
		env[k++] = acltrace_env_entry("ACLTRACE_BT_DEPTH", depth);
	}
	if (lttng_home)
		env[k++] = acltrace_env_entry("LTTNG_HOME", lttng_home);
	if (opts->no_loss)
		env[k++] = acltrace_env_entry("LTTNG_UST_ALLOW_BLOCKING", "1");
	for (size_t i = 0; i < k; i++)
		if (!env[i])
			goto fail;
	return env;
fail:
	acltrace_err("out of memory building PROGRAM's environment");
	free(env);
	return NULL;
}

int acltrace_launch_prepare(struct acltrace_launch *l, const struct acltrace_run_opts *opts,
			    const char *preload, uint32_t run_id, const char *lttng_home)
{
	sigset_t set;
	int fds[2];

	l->pid = -1;
	l->go_fd = -1;
	l->status = 0;
	acltrace_child_env = acltrace_build_env(opts, preload, run_id, lttng_home);
	if (!acltrace_child_env)
		return -1;
	acltrace_fill_set(&set);
	sigprocmask(SIG_BLOCK, &set, &acltrace_old_mask);
	if (prctl(PR_SET_CHILD_SUBREAPER, 1) != 0)
		acltrace_err("cannot become a child subreaper (%s): orphaned children of PROGRAM "
			     "will not be waited for",
			     strerror(errno));
	if (pipe2(fds, O_CLOEXEC) != 0) {
		acltrace_err("cannot create a pipe: %s", strerror(errno));
		return -1;
	}
	fflush(NULL);
	l->pid = fork();
	if (l->pid < 0) {
		acltrace_err("cannot fork to run %s: %s", opts->argv[0], strerror(errno));
		close(fds[0]);
		close(fds[1]);
		return -1;
	}
	if (l->pid == 0) {
		char go = 0;
		close(fds[1]);
		sigprocmask(SIG_SETMASK, &acltrace_old_mask, NULL);
		ssize_t n;
		while ((n = read(fds[0], &go, 1)) < 0 && errno == EINTR)
			;
		if (n != 1)
			_exit(127); /* the capture could not start; acltrace said why */
		execvpe(opts->argv[0], opts->argv, acltrace_child_env);
		fprintf(stderr, "acltrace: error: cannot run %s: %s\n", opts->argv[0],
			strerror(errno));
		_exit(errno == ENOENT ? 127 : 126);
	}
	close(fds[0]);
	l->go_fd = fds[1];
	return 0;
}

void acltrace_launch_go(struct acltrace_launch *l)
{
	char go = 1;
	if (l->go_fd >= 0) {
		if (write(l->go_fd, &go, 1) != 1)
			acltrace_err("cannot release PROGRAM: %s", strerror(errno));
		close(l->go_fd);
		l->go_fd = -1;
	}
}

void acltrace_launch_abort(struct acltrace_launch *l)
{
	if (l->go_fd >= 0) {
		close(l->go_fd); /* the child reads EOF and exits */
		l->go_fd = -1;
	}
	if (l->pid > 0) {
		while (waitpid(l->pid, &l->status, 0) < 0 && errno == EINTR)
			;
		l->pid = -1;
	}
	sigprocmask(SIG_SETMASK, &acltrace_old_mask, NULL);
}

int acltrace_exit_code(int status)
{
	if (WIFEXITED(status))
		return WEXITSTATUS(status);
	if (WIFSIGNALED(status))
		return 128 + WTERMSIG(status);
	return 1;
}

int acltrace_launch_wait(struct acltrace_launch *l, struct acltrace_session *s)
{
	sigset_t set;
	bool main_done = false;
	struct timespec grace = { .tv_sec = ACLTRACE_DESCENDANT_GRACE_MS / 1000,
				  .tv_nsec = (ACLTRACE_DESCENDANT_GRACE_MS % 1000) * 1000000L };

	acltrace_fill_set(&set);
	for (;;) {
		bool others = false;
		for (;;) {
			int st = 0;
			pid_t p = waitpid(-1, &st, WNOHANG);
			if (p == 0) {
				others = true;
				break;
			}
			if (p < 0)
				break; /* ECHILD: nobody left */
			if (p == l->pid) {
				l->status = st;
				main_done = true;
			}
		}
		if (main_done && (!others || (grace.tv_sec == 0 && grace.tv_nsec == 0)))
			break;
		siginfo_t si;
		int sig;
		if (main_done) {
			/* PROGRAM is gone; give its remaining children a moment, then stop. */
			struct timespec t0, t1;
			clock_gettime(CLOCK_MONOTONIC, &t0);
			sig = sigtimedwait(&set, &si, &grace);
			clock_gettime(CLOCK_MONOTONIC, &t1);
			long left_ns =
			    (grace.tv_sec * 1000000000L + grace.tv_nsec) -
			    ((t1.tv_sec - t0.tv_sec) * 1000000000L + (t1.tv_nsec - t0.tv_nsec));
			if (sig < 0 && errno == EAGAIN)
				left_ns = 0;
			if (left_ns < 0)
				left_ns = 0;
			grace.tv_sec = left_ns / 1000000000L;
			grace.tv_nsec = left_ns % 1000000000L;
			if (left_ns == 0 && sig < 0) {
				acltrace_err("children of the program are still running; their "
					     "later events are not recorded");
				break;
			}
		} else {
			sig = sigwaitinfo(&set, &si);
		}
		if (sig < 0)
			continue;
		switch (sig) {
		case SIGCHLD:
			break;
		case SIGUSR1:
			acltrace_session_snapshot(s);
			break;
		default:
			/* A terminal's signal already reached PROGRAM's process group. */
			if (si.si_code != SI_KERNEL && !main_done)
				kill(l->pid, sig);
			break;
		}
	}
	/* Signals stay blocked: the caller finalises the capture before it restores them. */
	return 0;
}
