/* SPDX-License-Identifier: MIT */
/*
 * The session daemon: use the running one, or start one and stop it afterwards.
 *
 * As root there is one daemon per machine, shared by every concurrent acltrace (and by anyone
 * else). Starting and stopping happen under a machine-wide lock; the lock file records the pid
 * of a daemon that acltrace started, and whoever finishes last while no session remains stops
 * it. A daemon acltrace did not start is never stopped. As another user the daemon lives in a
 * private LTTNG_HOME and belongs to this run alone.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include "acltrace_cli.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <lttng/lttng.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define ACLTRACE_SESSIOND_WAIT_MS 10000

static void acltrace_sleep_ms(unsigned ms)
{
	struct timespec ts = { .tv_sec = ms / 1000, .tv_nsec = (long)(ms % 1000) * 1000000L };
	while (nanosleep(&ts, &ts) != 0 && errno == EINTR)
		;
}

/* A live lttng-sessiond (an exited one stays a zombie until its reaper collects it). */
static bool acltrace_is_sessiond(pid_t pid)
{
	char path[64], buf[256] = "";
	snprintf(path, sizeof(path), "/proc/%d/stat", (int)pid);
	FILE *f = fopen(path, "r");
	if (!f)
		return false;
	bool ok = fgets(buf, sizeof(buf), f) != NULL;
	fclose(f);
	/* "pid (comm) state ..." */
	const char *open = strchr(buf, '(');
	const char *close = strrchr(buf, ')');
	if (!ok || !open || !close || close[1] != ' ')
		return false;
	return strncmp(open + 1, "lttng-sessiond)", 15) == 0 && close[2] != 'Z' && close[2] != 'X';
}

/* State letter and parent of a process, from /proc/PID/stat; false when it is gone. */
static bool acltrace_proc_stat(pid_t pid, char *comm, size_t len, char *state, pid_t *ppid)
{
	char path[64], buf[512] = "";
	snprintf(path, sizeof(path), "/proc/%d/stat", (int)pid);
	FILE *f = fopen(path, "r");
	if (!f)
		return false;
	bool ok = fgets(buf, sizeof(buf), f) != NULL;
	fclose(f);
	const char *open = strchr(buf, '(');
	const char *close = strrchr(buf, ')');
	int parent = 0;
	if (!ok || !open || !close || sscanf(close + 1, " %c %d", state, &parent) != 2)
		return false;
	size_t n = (size_t)(close - open - 1);
	if (n >= len)
		n = len - 1;
	memcpy(comm, open + 1, n);
	comm[n] = '\0';
	*ppid = (pid_t)parent;
	return true;
}

static bool acltrace_is_lttng_helper(const char *comm)
{
	return strcmp(comm, "lttng-sessiond") == 0 || strcmp(comm, "lttng-consumerd") == 0 ||
	       strcmp(comm, "lttng-runas") == 0;
}

/*
 * Live lttng daemon processes of ours (sessiond, consumerd, run-as): with `parent` > 0 only the
 * descendants of that process, else all of them. Returns how many were found (at most max).
 */
static size_t acltrace_lttng_processes(pid_t parent, pid_t *out, size_t max)
{
	DIR *d = opendir("/proc");
	struct dirent *e;
	size_t n = 0;
	if (!d)
		return 0;
	while ((e = readdir(d)) != NULL && n < max) {
		char comm[64], state;
		pid_t pid = (pid_t)atoi(e->d_name), ppid;
		if (pid <= 0 || !acltrace_proc_stat(pid, comm, sizeof(comm), &state, &ppid))
			continue;
		if (state == 'Z' || state == 'X' || !acltrace_is_lttng_helper(comm))
			continue;
		/* Only our user's: other users' private daemons have their own run directories. */
		char path[64];
		struct stat st;
		snprintf(path, sizeof(path), "/proc/%d", (int)pid);
		if (stat(path, &st) != 0 || st.st_uid != geteuid())
			continue;
		if (parent > 0) {
			/* Children of the daemon, or of its children (consumerd forks once more).
			 */
			char pcomm[64], pstate;
			pid_t gp = 0;
			if (ppid != parent &&
			    !(acltrace_proc_stat(ppid, pcomm, sizeof(pcomm), &pstate, &gp) &&
			      gp == parent))
				continue;
		}
		out[n++] = pid;
	}
	closedir(d);
	return n;
}

static bool acltrace_any_alive(const pid_t *pids, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		char comm[64], state;
		pid_t ppid;
		if (acltrace_proc_stat(pids[i], comm, sizeof(comm), &state, &ppid) &&
		    state != 'Z' && state != 'X' && acltrace_is_lttng_helper(comm))
			return true;
	}
	return false;
}

static pid_t acltrace_read_pid(const char *path)
{
	FILE *f = fopen(path, "r");
	int pid = 0;
	if (!f)
		return 0;
	if (fscanf(f, "%d", &pid) != 1)
		pid = 0;
	fclose(f);
	return (pid_t)pid;
}

static pid_t acltrace_lock_owner(int fd)
{
	char buf[32] = "";
	ssize_t n = pread(fd, buf, sizeof(buf) - 1, 0);
	if (n <= 0)
		return 0;
	buf[n] = '\0';
	return (pid_t)atoi(buf);
}

static void acltrace_set_lock_owner(int fd, pid_t pid)
{
	char buf[32];
	int n = pid > 0 ? snprintf(buf, sizeof(buf), "%d\n", (int)pid) : 0;
	if (ftruncate(fd, 0) != 0 || (n > 0 && pwrite(fd, buf, (size_t)n, 0) != n))
		acltrace_err("cannot record the session daemon's pid in the lock file: %s",
			     strerror(errno));
}

static void acltrace_wait_no_helpers(void);

/* Runs lttng-sessiond --daemonize, which returns once the daemon accepts commands. */
static int acltrace_spawn_sessiond(const struct acltrace_sessiond *d)
{
	if (!d->private_home_daemon)
		acltrace_wait_no_helpers();
	pid_t pid = fork();
	if (pid < 0) {
		acltrace_err("cannot fork to start lttng-sessiond: %s", strerror(errno));
		return -1;
	}
	if (pid == 0) {
		/* A shared root daemon outlives us: it must not keep our private home. */
		if (!d->private_home_daemon)
			unsetenv("LTTNG_HOME");
		int null = open("/dev/null", O_RDWR);
		if (null >= 0) {
			dup2(null, STDIN_FILENO);
			dup2(null, STDOUT_FILENO);
			dup2(null, STDERR_FILENO);
		}
		execlp("lttng-sessiond", "lttng-sessiond", "--daemonize", "--no-kernel",
		       (char *)NULL);
		_exit(127);
	}
	int status = 0;
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	if (WIFEXITED(status) && WEXITSTATUS(status) == 127) {
		acltrace_err("cannot run lttng-sessiond (is lttng-tools installed and on PATH?)");
		return -1;
	}
	for (unsigned waited = 0; waited < ACLTRACE_SESSIOND_WAIT_MS; waited += 20) {
		if (lttng_session_daemon_alive() == 1)
			return 0;
		acltrace_sleep_ms(20);
	}
	acltrace_err("lttng-sessiond did not come up within %u ms (exit status %d)",
		     ACLTRACE_SESSIOND_WAIT_MS, WIFEXITED(status) ? WEXITSTATUS(status) : -1);
	return -1;
}

/*
 * Stops a daemon and waits for its consumer and run-as helpers too: they clean up the run
 * directory after the daemon itself is gone, and would delete the sockets of a daemon started
 * in the meantime.
 */
static void acltrace_stop_daemon(pid_t pid)
{
	pid_t helpers[16];
	size_t n;

	if (pid <= 0 || !acltrace_is_sessiond(pid))
		return;
	n = acltrace_lttng_processes(pid, helpers, sizeof(helpers) / sizeof(helpers[0]) - 1);
	helpers[n++] = pid;
	kill(pid, SIGTERM);
	for (unsigned waited = 0; waited < ACLTRACE_SESSIOND_WAIT_MS; waited += 20) {
		if (!acltrace_any_alive(helpers, n))
			return;
		acltrace_sleep_ms(20);
	}
	acltrace_err("lttng-sessiond (pid %d) did not stop within %u ms after SIGTERM; killing it",
		     (int)pid, ACLTRACE_SESSIOND_WAIT_MS);
	for (size_t i = 0; i < n; i++)
		if (acltrace_any_alive(&helpers[i], 1))
			kill(helpers[i], SIGKILL);
}

/* Helpers of a daemon that is going away must be gone before a new daemon starts. */
static void acltrace_wait_no_helpers(void)
{
	pid_t pids[16];
	for (unsigned waited = 0; waited < ACLTRACE_SESSIOND_WAIT_MS / 2; waited += 50) {
		if (acltrace_lttng_processes(0, pids, 16) == 0)
			return;
		acltrace_sleep_ms(50);
	}
}

int acltrace_sessiond_acquire(struct acltrace_sessiond *d)
{
	const char *tmp = getenv("TMPDIR");
	char templ[4096];

	memset(d, 0, sizeof(*d));
	d->lock_fd = -1;
	if (tmp && *tmp)
		acltrace_remove_stale(tmp, "acltrace-home.");
	/* A non-root daemon's sockets live in it: unix socket paths hold 107 bytes at most. */
	if (!tmp || !*tmp ||
	    strlen(tmp) + sizeof("/acltrace-home.4194304.XXXXXX/.lttng/client-lttng-sessiond") >
		100)
		tmp = "/tmp";
	acltrace_remove_stale(tmp, "acltrace-home.");
	snprintf(templ, sizeof(templ), "%s/acltrace-home.%d.XXXXXX", tmp, (int)getpid());
	if (!mkdtemp(templ)) {
		acltrace_err("cannot create a private LTTNG_HOME under %s: %s", templ,
			     strerror(errno));
		return -1;
	}
	d->home = strdup(templ);
	if (!d->home)
		return -1;
	/* Keeps .lttngrc and any per-user daemon state out of the user's home. */
	setenv("LTTNG_HOME", d->home, 1);

	if (geteuid() != 0) {
		if (lttng_session_daemon_alive() == 1)
			return 0; /* the root daemon, reachable through the tracing group */
		d->private_home_daemon = true;
		if (acltrace_spawn_sessiond(d) != 0)
			return -1;
		char pidfile[4200];
		snprintf(pidfile, sizeof(pidfile), "%s/.lttng/lttng-sessiond.pid", d->home);
		d->pid = acltrace_read_pid(pidfile);
		d->started = true;
		return 0;
	}

	char lock[128];
	snprintf(lock, sizeof(lock), "/tmp/acltrace-sessiond-%d.lock", (int)geteuid());
	d->lock_fd = open(lock, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
	if (d->lock_fd < 0) {
		acltrace_err("cannot open the session daemon lock %s: %s", lock, strerror(errno));
		return -1;
	}
	while (flock(d->lock_fd, LOCK_EX) != 0 && errno == EINTR)
		;
	int rc = 0;
	if (lttng_session_daemon_alive() != 1) {
		rc = acltrace_spawn_sessiond(d);
		if (rc == 0) {
			d->pid = acltrace_read_pid("/var/run/lttng/lttng-sessiond.pid");
			d->started = true;
			acltrace_set_lock_owner(d->lock_fd, d->pid);
		}
	}
	/* Held until our session exists, so a finishing run cannot stop the daemon under us. */
	return rc;
}

void acltrace_sessiond_unlock(struct acltrace_sessiond *d)
{
	if (d->lock_fd >= 0)
		flock(d->lock_fd, LOCK_UN);
}

void acltrace_sessiond_release(struct acltrace_sessiond *d)
{
	if (d->private_home_daemon) {
		if (d->started)
			acltrace_stop_daemon(d->pid);
	} else if (d->lock_fd >= 0) {
		while (flock(d->lock_fd, LOCK_EX) != 0 && errno == EINTR)
			;
		pid_t owner = acltrace_lock_owner(d->lock_fd);
		if (owner > 0 && acltrace_is_sessiond(owner)) {
			struct lttng_session *sessions = NULL;
			int n = lttng_list_sessions(&sessions);
			free(sessions);
			if (n == 0) {
				acltrace_stop_daemon(owner);
				acltrace_set_lock_owner(d->lock_fd, 0);
			}
		} else if (owner > 0) {
			acltrace_set_lock_owner(d->lock_fd, 0);
		}
		flock(d->lock_fd, LOCK_UN);
		close(d->lock_fd);
		d->lock_fd = -1;
	}
	if (d->home) {
		acltrace_rm_rf(d->home);
		free(d->home);
		d->home = NULL;
	}
}
