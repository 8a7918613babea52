/* SPDX-License-Identifier: MIT */
/* The `acltrace` command: run, record and report. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include "acltrace_cli.h"

#include <dirent.h>
#include <errno.h>
#include <libgen.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <time.h>
#include <unistd.h>

#ifdef ACLTRACE_HAVE_ANALYZER
#include "acltrace_report.h"
#endif

static uint32_t acltrace_draw_run_id(void)
{
	uint32_t id = 0;
	while (id == 0) {
		if (getrandom(&id, sizeof(id), 0) != sizeof(id)) {
			struct timespec ts;
			clock_gettime(CLOCK_REALTIME, &ts);
			id = (uint32_t)ts.tv_nsec ^ ((uint32_t)getpid() << 12);
		}
	}
	return id;
}

/* The newest snapshot-N-* directory of a flight-recorder session, or NULL. */
static char *acltrace_latest_snapshot(const char *out_dir)
{
	DIR *d = opendir(out_dir);
	struct dirent *e;
	long best = -1;
	char *path = NULL;
	if (!d)
		return NULL;
	while ((e = readdir(d)) != NULL) {
		long n;
		if (sscanf(e->d_name, "snapshot-%ld-", &n) != 1 || n <= best)
			continue;
		char *p = NULL;
		if (asprintf(&p, "%s/%s", out_dir, e->d_name) < 0)
			continue;
		free(path);
		path = p;
		best = n;
	}
	closedir(d);
	return path;
}

static int acltrace_report_trace(const char *trace, const struct acltrace_run_opts *opts,
				 const struct acltrace_session *s, bool *has_error)
{
#ifdef ACLTRACE_HAVE_ANALYZER
	(void)s;
	char code[16];
	char *argv[16];
	int argc = 0;
	argv[argc++] = (char *)"acltrace report";
	argv[argc++] = (char *)"--format";
	argv[argc++] = (char *)(opts->format == ACLTRACE_FORMAT_JSON   ? "json"
				: opts->format == ACLTRACE_FORMAT_HTML ? "html"
								       : "text");
	if (opts->report_file) {
		argv[argc++] = (char *)"--output";
		argv[argc++] = (char *)opts->report_file;
	}
	/* A code no report failure uses tells us that error findings exist. */
	snprintf(code, sizeof(code), "%d", 113);
	argv[argc++] = (char *)"--error-exitcode";
	argv[argc++] = code;
	argv[argc++] = (char *)trace;
	argv[argc] = NULL;
	int rc = acltrace_report_main(argc, argv);
	*has_error = rc == 113;
	return rc == 0 || rc == 113 ? 0 : -1;
#else
	/* The summary knows text and JSON only. */
	return acltrace_summary(trace,
				opts->format == ACLTRACE_FORMAT_JSON ? ACLTRACE_FORMAT_JSON
								     : ACLTRACE_FORMAT_TEXT,
				opts->report_file, s, has_error);
#endif
}

static int acltrace_run(int argc, char **argv, bool record_only)
{
	struct acltrace_run_opts opts = { .record_only = record_only };
	struct acltrace_sessiond daemon = { .lock_fd = -1 };
	struct acltrace_session session = { 0 };
	struct acltrace_launch launch = { .pid = -1, .go_fd = -1 };
	char *preload = NULL, *default_out = NULL, *report_trace = NULL, *orig_home_copy = NULL;
	const char *orig_home;
	uint32_t run_id;
	int rc = acltrace_parse_run_opts(argc, argv, &opts);
	int exit_code = 1, finish_rc;
	sigset_t all;

	if (rc != 0)
		return rc == 1 ? 0 : rc;
	preload = acltrace_find_preload();
	if (!preload)
		return 1;
	orig_home = getenv("LTTNG_HOME");
	orig_home_copy = orig_home ? strdup(orig_home) : NULL;
	run_id = acltrace_draw_run_id();

	if (acltrace_sessiond_acquire(&daemon) != 0)
		goto out;
	if (acltrace_launch_prepare(&launch, &opts, preload, run_id,
				    daemon.private_home_daemon ? daemon.home : orig_home_copy) != 0)
		goto out;
	if (!opts.out_dir) {
		char *prog = strdup(opts.argv[0]);
		if (!prog ||
		    asprintf(&default_out, "acltrace.%s.%d", basename(prog), (int)launch.pid) < 0) {
			free(prog);
			goto out;
		}
		free(prog);
		opts.out_dir = default_out;
	}
	session.run_id = run_id;
	if (acltrace_session_setup(&session, &opts) != 0) {
		acltrace_sessiond_unlock(&daemon);
		acltrace_launch_abort(&launch);
		acltrace_session_finish(&session, &opts);
		goto out;
	}
	acltrace_sessiond_unlock(&daemon);
	acltrace_info(&opts, "recording %s (pid %d) into %s", opts.argv[0], (int)launch.pid,
		      session.out_dir);
	acltrace_launch_go(&launch);
	acltrace_launch_wait(&launch, &session);
	if (opts.snapshot)
		acltrace_session_snapshot(&session);
	finish_rc = acltrace_session_finish(&session, &opts);
	acltrace_sessiond_release(&daemon);
	sigemptyset(&all);
	sigprocmask(SIG_SETMASK, &all, NULL);

	exit_code = acltrace_exit_code(launch.status);
	if (session.discarded_events || session.lost_packets)
		acltrace_warn("%llu events (%llu packets) were lost: the trace is incomplete; use "
			      "--no-loss or a bigger --buffer-size",
			      (unsigned long long)session.discarded_events,
			      (unsigned long long)session.lost_packets);
	if (finish_rc != 0)
		acltrace_warn("the trace in %s may be incomplete", session.out_dir);
	acltrace_info(&opts, "trace written to %s", session.out_dir);
	if (!record_only) {
		report_trace = opts.snapshot ? acltrace_latest_snapshot(session.out_dir) : NULL;
		bool has_error = false;
		if (opts.snapshot && !report_trace) {
			acltrace_err("no snapshot was written to %s", session.out_dir);
		} else if (acltrace_report_trace(report_trace ? report_trace : session.out_dir,
						 &opts, &session, &has_error) != 0) {
			acltrace_err("the report of %s failed", session.out_dir);
		} else if (has_error && opts.has_error_exitcode) {
			exit_code = opts.error_exitcode;
		}
	}
	goto done;
out:
	acltrace_sessiond_release(&daemon);
done:
	free(session.out_dir);
	free(report_trace);
	free(default_out);
	free(orig_home_copy);
	free(preload);
	return exit_code;
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		acltrace_err("no command given (usage: acltrace run|record|report ...; see "
			     "acltrace --help)");
		return ACLTRACE_EXIT_USAGE;
	}
	const char *cmd = argv[1];
	if (strcmp(cmd, "run") == 0 || strcmp(cmd, "record") == 0)
		return acltrace_run(argc - 1, argv + 1, cmd[1] == 'e');
	if (strcmp(cmd, "report") == 0) {
#ifdef ACLTRACE_HAVE_ANALYZER
		return acltrace_report_main(argc - 1, argv + 1);
#else
		return acltrace_summary_main(argc - 1, argv + 1);
#endif
	}
	if (strcmp(cmd, "summary") == 0)
		return acltrace_summary_main(argc - 1, argv + 1);
	if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0 || strcmp(cmd, "help") == 0) {
		acltrace_print_help();
		return 0;
	}
	if (strcmp(cmd, "--version") == 0) {
		printf("acltrace %s\n", ACLTRACE_VERSION);
		return 0;
	}
	acltrace_err(
	    "unknown command '%s' (expected run, record, report or summary; see acltrace --help)",
	    cmd);
	return ACLTRACE_EXIT_USAGE;
}
