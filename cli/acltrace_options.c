/* SPDX-License-Identifier: MIT */
/* Command-line options of `acltrace run` and `acltrace record`, and the help text. */
#include "acltrace_cli.h"

#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ACLTRACE_DEFAULT_SNAPSHOT_SIZE (8ull << 20)

static const char acltrace_help[] =
    "Usage: acltrace run [OPTIONS] -- PROGRAM [ARGS...]\n"
    "       acltrace record [OPTIONS] -- PROGRAM [ARGS...]\n"
    "       acltrace report [OPTIONS] TRACE...\n"
    "       acltrace summary [--format text|json] [--report FILE] TRACE...\n"
    "\n"
    "Records every AscendCL memory allocation, free, use and misuse finding of PROGRAM and\n"
    "its children into an LTTng trace (CTF), then (run) prints the report.\n"
    "\n"
    "  run      record PROGRAM, then analyse the trace and print the report\n"
    "  record   record PROGRAM only\n"
    "  report   analyse traces recorded earlier (see `acltrace report --help`)\n"
    "  summary  count what traces hold: events per type, processes, findings, stack\n"
    "           definitions and unresolved references, lost events\n"
    "\n"
    "Options of run and record:\n"
    "  -o DIR               write the trace to DIR (default ./acltrace.PROGRAM.PID, where\n"
    "                       PID is PROGRAM's process id); DIR must not hold a trace yet\n"
    "  --format text|json|html\n"
    "                       report format (default text)\n"
    "  --report FILE        write the report to FILE instead of standard output\n"
    "  --mode observe|enforce\n"
    "                       observe forwards every call unchanged (default); enforce keeps\n"
    "                       bad calls from the runtime (sets ACLTRACE_MODE)\n"
    "  --bt-depth N         stack depth recorded per event, 0..64, 0 = no stacks\n"
    "                       (sets ACLTRACE_BT_DEPTH; default 16)\n"
    "  --no-loss            block PROGRAM, for at most 1 s per event, when the trace buffers\n"
    "                       are full instead of discarding events\n"
    "  --snapshot[=SIZE]    flight recorder: keep the last SIZE bytes per CPU in memory\n"
    "                       (default 8M) and write them out when an error finding occurs,\n"
    "                       on SIGUSR1 to acltrace, and when PROGRAM ends (each snapshot is\n"
    "                       a trace of its own under DIR; run reports the last one)\n"
    "  --buffer-size SIZE   events buffer per CPU (default 4M, at least 16K); bigger\n"
    "                       buffers absorb longer bursts\n"
    "  --shm-path DIR       keep the trace buffers in files under DIR instead of /dev/shm\n"
    "                       (chosen automatically when /dev/shm is too small)\n"
    "  --error-exitcode N   exit with N when the report holds a finding of severity error\n"
    "  -q, --quiet          no progress messages on standard error\n"
    "  -h, --help           this help\n"
    "\n"
    "SIZE accepts the suffixes K, M and G (powers of 1024).\n"
    "\n"
    "Exit status: PROGRAM's (128+N when a signal N ended it), unless --error-exitcode\n"
    "applies; 2 for a usage error; 1 when the capture itself failed.\n"
    "\n"
    "Sessions: acltrace uses a running lttng-sessiond or starts one for the capture and\n"
    "stops it afterwards. Each run has its own session and run id, so concurrent runs on\n"
    "one machine never record each other's programs. SIGINT and SIGTERM are passed on to\n"
    "PROGRAM and the trace is still completed. Lost events are counted in the report.\n";

void acltrace_print_help(void)
{
	fputs(acltrace_help, stdout);
}

bool acltrace_parse_size(const char *s, uint64_t *out)
{
	char *end = NULL;
	errno = 0;
	if (!s || !*s || *s == '-')
		return false;
	unsigned long long v = strtoull(s, &end, 10);
	if (errno || end == s)
		return false;
	unsigned shift = 0;
	switch (*end) {
	case '\0':
		break;
	case 'k':
	case 'K':
		shift = 10;
		end++;
		break;
	case 'm':
	case 'M':
		shift = 20;
		end++;
		break;
	case 'g':
	case 'G':
		shift = 30;
		end++;
		break;
	default:
		return false;
	}
	if (*end == 'i' || *end == 'B')
		end += (*end == 'i' && end[1] == 'B') ? 2 : 1;
	if (*end != '\0' || v > (UINT64_MAX >> shift))
		return false;
	*out = (uint64_t)v << shift;
	return true;
}

static bool acltrace_parse_int(const char *s, long lo, long hi, int *out)
{
	char *end = NULL;
	errno = 0;
	long v = strtol(s, &end, 10);
	if (errno || end == s || *end != '\0' || v < lo || v > hi)
		return false;
	*out = (int)v;
	return true;
}

enum {
	OPT_FORMAT = 256,
	OPT_REPORT,
	OPT_MODE,
	OPT_BT_DEPTH,
	OPT_NO_LOSS,
	OPT_SNAPSHOT,
	OPT_BUFFER_SIZE,
	OPT_SHM_PATH,
	OPT_ERROR_EXITCODE,
};

int acltrace_parse_run_opts(int argc, char **argv, struct acltrace_run_opts *opts)
{
	static const struct option longopts[] = {
		{ "output", required_argument, NULL, 'o' },
		{ "format", required_argument, NULL, OPT_FORMAT },
		{ "report", required_argument, NULL, OPT_REPORT },
		{ "mode", required_argument, NULL, OPT_MODE },
		{ "bt-depth", required_argument, NULL, OPT_BT_DEPTH },
		{ "no-loss", no_argument, NULL, OPT_NO_LOSS },
		{ "snapshot", optional_argument, NULL, OPT_SNAPSHOT },
		{ "buffer-size", required_argument, NULL, OPT_BUFFER_SIZE },
		{ "shm-path", required_argument, NULL, OPT_SHM_PATH },
		{ "error-exitcode", required_argument, NULL, OPT_ERROR_EXITCODE },
		{ "quiet", no_argument, NULL, 'q' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *cmd = argv[0];
	int c;

	opts->bt_depth = -1;
	opts->buffer_size = 4ull << 20;
	opts->format = ACLTRACE_FORMAT_TEXT;
	opterr = 0;
	optind = 1;
	/* '+': stop at PROGRAM, so its own options are left alone. */
	while ((c = getopt_long(argc, argv, "+:o:qh", longopts, NULL)) != -1) {
		switch (c) {
		case 'o':
			opts->out_dir = optarg;
			break;
		case OPT_FORMAT:
			if (strcmp(optarg, "text") == 0) {
				opts->format = ACLTRACE_FORMAT_TEXT;
			} else if (strcmp(optarg, "json") == 0) {
				opts->format = ACLTRACE_FORMAT_JSON;
			} else if (strcmp(optarg, "html") == 0) {
				opts->format = ACLTRACE_FORMAT_HTML;
			} else {
				acltrace_err("%s: --format must be text, json or html, not '%s'", cmd,
					     optarg);
				return ACLTRACE_EXIT_USAGE;
			}
			break;
		case OPT_REPORT:
			opts->report_file = optarg;
			break;
		case OPT_MODE:
			if (strcmp(optarg, "observe") != 0 && strcmp(optarg, "enforce") != 0) {
				acltrace_err("%s: --mode must be observe or enforce, not '%s'", cmd,
					     optarg);
				return ACLTRACE_EXIT_USAGE;
			}
			opts->mode = optarg;
			break;
		case OPT_BT_DEPTH:
			if (!acltrace_parse_int(optarg, 0, 64, &opts->bt_depth)) {
				acltrace_err(
				    "%s: --bt-depth must be an integer from 0 to 64, not '%s'", cmd,
				    optarg);
				return ACLTRACE_EXIT_USAGE;
			}
			break;
		case OPT_NO_LOSS:
			opts->no_loss = true;
			break;
		case OPT_SNAPSHOT:
			opts->snapshot = true;
			opts->snapshot_size = ACLTRACE_DEFAULT_SNAPSHOT_SIZE;
			if (optarg && (!acltrace_parse_size(optarg, &opts->snapshot_size) ||
				       opts->snapshot_size < (16u << 10) ||
				       opts->snapshot_size > (1ull << 32))) {
				acltrace_err(
				    "%s: --snapshot=SIZE needs a size from 16K to 4G, not '%s'",
				    cmd, optarg);
				return ACLTRACE_EXIT_USAGE;
			}
			break;
		case OPT_BUFFER_SIZE:
			if (!acltrace_parse_size(optarg, &opts->buffer_size) ||
			    opts->buffer_size < (16u << 10) || opts->buffer_size > (1ull << 32)) {
				acltrace_err(
				    "%s: --buffer-size needs a size from 16K to 4G, not '%s'", cmd,
				    optarg);
				return ACLTRACE_EXIT_USAGE;
			}
			break;
		case OPT_SHM_PATH:
			opts->shm_path = optarg;
			break;
		case OPT_ERROR_EXITCODE:
			if (!acltrace_parse_int(optarg, 0, 255, &opts->error_exitcode)) {
				acltrace_err(
				    "%s: --error-exitcode must be an integer from 0 to 255, "
				    "not '%s'",
				    cmd, optarg);
				return ACLTRACE_EXIT_USAGE;
			}
			opts->has_error_exitcode = true;
			break;
		case 'q':
			opts->quiet = true;
			break;
		case 'h':
			acltrace_print_help();
			return 1;
		case ':':
			acltrace_err("%s: option '%s' needs an argument", cmd, argv[optind - 1]);
			return ACLTRACE_EXIT_USAGE;
		default:
			acltrace_err("%s: unknown option '%s' (see acltrace --help)", cmd,
				     argv[optind - 1]);
			return ACLTRACE_EXIT_USAGE;
		}
	}
	if (optind >= argc) {
		acltrace_err("%s: no PROGRAM given (usage: acltrace %s [OPTIONS] -- PROGRAM "
			     "[ARGS...])",
			     cmd, cmd);
		return ACLTRACE_EXIT_USAGE;
	}
	if (opts->snapshot && opts->no_loss) {
		acltrace_err("%s: --snapshot and --no-loss exclude each other", cmd);
		return ACLTRACE_EXIT_USAGE;
	}
	if (opts->record_only && (opts->report_file || opts->has_error_exitcode)) {
		acltrace_err("%s: --report and --error-exitcode need `acltrace run`", cmd);
		return ACLTRACE_EXIT_USAGE;
	}
	opts->argv = &argv[optind];
	return 0;
}
