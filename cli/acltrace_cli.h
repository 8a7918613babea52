/* SPDX-License-Identifier: MIT */
/* Internal interfaces of the `acltrace` command, one section per source file. */
#ifndef ACLTRACE_CLI_H
#define ACLTRACE_CLI_H

#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>

#define ACLTRACE_EXIT_USAGE 2

enum acltrace_format {
	ACLTRACE_FORMAT_TEXT,
	ACLTRACE_FORMAT_JSON,
	ACLTRACE_FORMAT_HTML, /* run/record only: the analyzer writes it */
};

/* Options of `acltrace run` and `acltrace record`. */
struct acltrace_run_opts {
	bool record_only;	     /* `record`: no report */
	const char *out_dir;	     /* -o; NULL: ./acltrace.<program>.<pid> */
	enum acltrace_format format; /* --format */
	const char *report_file;     /* --report */
	const char *mode;	     /* --mode observe|enforce, NULL: the preload's default */
	int bt_depth;		     /* --bt-depth, -1: the preload's default */
	bool no_loss;		     /* --no-loss */
	bool snapshot;		     /* --snapshot[=SIZE] */
	uint64_t snapshot_size;	     /* per-CPU ring size kept in memory */
	uint64_t buffer_size;	     /* --buffer-size: per-CPU size of the events channel */
	const char *shm_path;	     /* --shm-path */
	bool has_error_exitcode;
	int error_exitcode; /* --error-exitcode */
	bool quiet;	    /* -q */
	char **argv;	    /* PROGRAM [ARGS...] */
};

/* acltrace_options.c */
/* Returns 0, or ACLTRACE_EXIT_USAGE after printing a one-line error; 1 with --help printed. */
int acltrace_parse_run_opts(int argc, char **argv, struct acltrace_run_opts *opts);
bool acltrace_parse_size(const char *s, uint64_t *out);
void acltrace_print_help(void);

/* acltrace_util.c */
void acltrace_err(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void acltrace_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void acltrace_info(const struct acltrace_run_opts *opts, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
int acltrace_mkdir_p(const char *path);
int acltrace_rm_rf(const char *path);
/* The preload library to inject, NULL (after an error message) if none is found. */
char *acltrace_find_preload(void);
/*
 * Removes directories DIR/PREFIX<pid>.* of ours left by an acltrace that was killed (its pid no
 * longer exists), so even a crash leaves nothing behind for long.
 */
void acltrace_remove_stale(const char *dir, const char *prefix);
/* Bytes available in the directory's file system, or 0 when unknown. */
uint64_t acltrace_fs_avail(const char *dir);
/* Number of possible CPUs (LTTng allocates per-CPU buffers for each). */
unsigned acltrace_possible_cpus(void);

/* acltrace_sessiond.c: a running session daemon, started privately if none runs. */
struct acltrace_sessiond {
	bool started;		  /* we started it and must stop it */
	pid_t pid;		  /* its pid when started */
	int lock_fd;		  /* the machine-wide start/stop lock */
	char *home;		  /* private LTTNG_HOME (always set) */
	bool private_home_daemon; /* non-root daemon living in `home`: the program needs LTTNG_HOME
				   */
};
/* Returns holding the start/stop lock: call acltrace_sessiond_unlock once the session exists. */
int acltrace_sessiond_acquire(struct acltrace_sessiond *d);
void acltrace_sessiond_unlock(struct acltrace_sessiond *d);
void acltrace_sessiond_release(struct acltrace_sessiond *d);

/* acltrace_session.c: one capture session. */
struct acltrace_session {
	char name[64];
	char *out_dir; /* absolute */
	char *shm_dir; /* file-backed buffers, removed at the end; NULL when in /dev/shm */
	uint32_t run_id;
	bool created;
	bool snapshot;
	struct lttng_trigger *trigger;
	unsigned snapshots;
	uint64_t discarded_events;
	uint64_t lost_packets;
};
int acltrace_session_setup(struct acltrace_session *s, const struct acltrace_run_opts *opts);
int acltrace_session_snapshot(struct acltrace_session *s);
/* Stops, reads the discard counters, destroys; removes buffers left in shm_dir. */
int acltrace_session_finish(struct acltrace_session *s, const struct acltrace_run_opts *opts);

/* acltrace_launch.c */
struct acltrace_launch {
	pid_t pid;
	int go_fd;  /* write end: the child execs when it reads a byte */
	int status; /* wait status of PROGRAM */
};
int acltrace_launch_prepare(struct acltrace_launch *l, const struct acltrace_run_opts *opts,
			    const char *preload, uint32_t run_id, const char *lttng_home);
void acltrace_launch_go(struct acltrace_launch *l);
void acltrace_launch_abort(struct acltrace_launch *l);
/* Waits for PROGRAM and every descendant; forwards signals, snapshots on SIGUSR1. */
int acltrace_launch_wait(struct acltrace_launch *l, struct acltrace_session *s);
int acltrace_exit_code(int status);

/* acltrace_summary.c: the built-in summary, used when the analyzer is not built in. */
int acltrace_summary_main(int argc, char **argv);
int acltrace_summary(const char *trace_dir, enum acltrace_format format, const char *report_file,
		     const struct acltrace_session *s, bool *has_error_finding);

#endif
