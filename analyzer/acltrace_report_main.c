/* SPDX-License-Identifier: MIT */
/* Option parsing and the pipeline: adapter (in a child) -> model -> profiles -> emitter. */
#include "acltrace_adapter.h"
#include "acltrace_emit.h"
#include "acltrace_model.h"
#include "acltrace_report.h"
#include "acltrace_symbolize.h"

#include <errno.h>
#include <getopt.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

enum { EXIT_BAD_INPUT = 1, EXIT_USAGE = 2 };

struct options {
	const char *format;
	const char *output;
	const char *profile;
	const char *debug_dir;
	const char *sysroot;
	const char *color;
	struct acltrace_capacity_override ovr;
	int error_exitcode;
	bool has_error_exitcode;
	bool progress;
	bool in_process;
	unsigned stall_timeout;
};

static void usage(FILE *o, const char *prog)
{
	fprintf(
	    o,
	    "Usage: %s [options] TRACE...\n"
	    "Analyse acltrace traces (LTTng CTF directories): misuse findings, leaks, pool peaks.\n"
	    "\n"
	    "  -f, --format text|json|html  output format (default: text); html: one\n"
	    "                             self-contained page\n"
	    "  -o, --output FILE          write the report to FILE (default: standard output)\n"
	    "      --device-profile NAME  pool capacities of this device (list: --device-profile "
	    "list);\n"
	    "                             default: the SoC recorded in the trace\n"
	    "      --pool-capacity P=SIZE override a pool's capacity (dvpp, device, host), e.g. "
	    "dvpp=512M\n"
	    "      --debug-dir DIR        look for debug information under DIR too\n"
	    "      --sysroot DIR          find the traced objects under DIR (trace from another "
	    "machine)\n"
	    "      --error-exitcode N     exit with N when a finding of severity error exists\n"
	    "      --color auto|always|never   colour in text output (default: auto)\n"
	    "      --no-progress          no progress line on a terminal\n"
	    "      --in-process           decode in this process (no crash isolation)\n"
	    "      --stall-timeout SEC    give up when decoding makes no progress (default: 300)\n"
	    "  -h, --help                 this help\n",
	    prog);
}

static void list_profiles(FILE *o)
{
	for (size_t i = 0; i < acltrace_device_profile_count; i++) {
		const struct acltrace_device_profile *p = &acltrace_device_profiles[i];
		fprintf(o, "%-12s %s\n", p->name, p->description);
	}
}

static int parse_int(const char *s, int *out)
{
	char *end;
	errno = 0;
	long v = strtol(s, &end, 10);
	if (errno || *end || end == s || v < 0 || v > 255)
		return -1;
	*out = (int)v;
	return 0;
}

static int parse_options(int argc, char **argv, struct options *o)
{
	enum {
		OPT_PROFILE = 256,
		OPT_POOL_CAP,
		OPT_DEBUG_DIR,
		OPT_SYSROOT,
		OPT_ERROR_EXITCODE,
		OPT_COLOR,
		OPT_NO_PROGRESS,
		OPT_IN_PROCESS,
		OPT_STALL
	};
	static const struct option longopts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "output", required_argument, NULL, 'o' },
		{ "device-profile", required_argument, NULL, OPT_PROFILE },
		{ "pool-capacity", required_argument, NULL, OPT_POOL_CAP },
		{ "debug-dir", required_argument, NULL, OPT_DEBUG_DIR },
		{ "sysroot", required_argument, NULL, OPT_SYSROOT },
		{ "error-exitcode", required_argument, NULL, OPT_ERROR_EXITCODE },
		{ "color", required_argument, NULL, OPT_COLOR },
		{ "colour", required_argument, NULL, OPT_COLOR },
		{ "no-progress", no_argument, NULL, OPT_NO_PROGRESS },
		{ "in-process", no_argument, NULL, OPT_IN_PROCESS },
		{ "stall-timeout", required_argument, NULL, OPT_STALL },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	int c, v;

	o->format = "text";
	o->color = "auto";
	o->progress = true;
	optind = 0; /* the caller may have used getopt already */
	while ((c = getopt_long(argc, argv, "f:o:h", longopts, NULL)) != -1) {
		switch (c) {
		case 'f':
			if (strcmp(optarg, "text") != 0 && strcmp(optarg, "json") != 0 &&
			    strcmp(optarg, "html") != 0) {
				fprintf(stderr, "%s: unknown format '%s' (text, json or html)\n",
					argv[0], optarg);
				return -1;
			}
			o->format = optarg;
			break;
		case 'o':
			o->output = optarg;
			break;
		case OPT_PROFILE:
			if (strcmp(optarg, "list") == 0) {
				list_profiles(stdout);
				return 1;
			}
			if (!acltrace_profile_by_name(optarg)) {
				fprintf(stderr, "%s: unknown device profile '%s'; known:\n",
					argv[0], optarg);
				list_profiles(stderr);
				return -1;
			}
			o->profile = optarg;
			break;
		case OPT_POOL_CAP: {
			char *copy = strdup(optarg), *save = NULL;
			int bad = !copy;
			for (char *tok = copy ? strtok_r(copy, ",", &save) : NULL; tok;
			     tok = strtok_r(NULL, ",", &save))
				bad |= acltrace_profile_parse_capacity(tok, &o->ovr) != 0;
			free(copy);
			if (bad) {
				fprintf(
				    stderr,
				    "%s: bad --pool-capacity '%s' (expected POOL=SIZE, POOL one of "
				    "dvpp, device, host, SIZE like 512M or 4G)\n",
				    argv[0], optarg);
				return -1;
			}
			break;
		}
		case OPT_DEBUG_DIR:
			o->debug_dir = optarg;
			break;
		case OPT_SYSROOT:
			o->sysroot = optarg;
			break;
		case OPT_ERROR_EXITCODE:
			if (parse_int(optarg, &v) != 0) {
				fprintf(stderr, "%s: bad --error-exitcode '%s' (0..255)\n", argv[0],
					optarg);
				return -1;
			}
			o->error_exitcode = v;
			o->has_error_exitcode = true;
			break;
		case OPT_COLOR:
			if (strcmp(optarg, "auto") != 0 && strcmp(optarg, "always") != 0 &&
			    strcmp(optarg, "never") != 0) {
				fprintf(stderr, "%s: bad --color '%s' (auto, always, never)\n",
					argv[0], optarg);
				return -1;
			}
			o->color = optarg;
			break;
		case OPT_NO_PROGRESS:
			o->progress = false;
			break;
		case OPT_IN_PROCESS:
			o->in_process = true;
			break;
		case OPT_STALL:
			if (parse_int(optarg, &v) != 0 || v == 0) {
				fprintf(stderr, "%s: bad --stall-timeout '%s' (1..255 s)\n",
					argv[0], optarg);
				return -1;
			}
			o->stall_timeout = (unsigned)v;
			break;
		case 'h':
			usage(stdout, argv[0]);
			return 1;
		default:
			usage(stderr, argv[0]);
			return -1;
		}
	}
	if (optind >= argc) {
		fprintf(stderr, "%s: no trace given\n", argv[0]);
		usage(stderr, argv[0]);
		return -1;
	}
	return 0;
}

struct feed_ctx {
	struct acltrace_model *m;
	int failed;
};

static int feed(const struct acltrace_event *ev, void *arg)
{
	struct feed_ctx *fc = arg;
	if (acltrace_model_feed(fc->m, ev) != 0) {
		fc->failed = 1;
		return 1;
	}
	return 0;
}

static void progress(const struct acltrace_adapter_progress *pr, void *arg)
{
	(void)arg;
	fprintf(stderr, "\racltrace: decoding, %llu events (%.1f M/s)\033[K", pr->events,
		pr->seconds > 0 ? (double)pr->events / pr->seconds / 1e6 : 0.0);
	fflush(stderr);
}

static bool want_colour(const struct options *o, FILE *out)
{
	if (strcmp(o->color, "always") == 0)
		return true;
	return strcmp(o->color, "auto") == 0 && isatty(fileno(out)) && !getenv("NO_COLOR");
}

static int decode(const struct options *o, char **dirs, int ndirs, struct feed_ctx *fc, char *err,
		  size_t errlen)
{
	if (o->in_process)
		return acltrace_adapter_decode(dirs, ndirs, feed, fc, err, errlen);
	bool show = o->progress && isatty(STDERR_FILENO);
	struct acltrace_adapter_opts ao = { .stall_timeout_s = o->stall_timeout,
					    .progress = show ? progress : NULL };
	int rc = acltrace_adapter_run(dirs, ndirs, &ao, feed, fc, err, errlen);
	if (show)
		fprintf(stderr, "\r\033[K");
	return rc;
}

static int run(const struct options *o, const char *prog, const char *const *paths, size_t npaths)
{
	char err[1024] = "";
	char **dirs = NULL;
	int ndirs, rc, status = EXIT_BAD_INPUT;
	struct acltrace_model *m = NULL;
	struct acltrace_symbolizer *sym = NULL;
	struct acltrace_emitter *e = NULL;
	FILE *out = stdout;
	struct feed_ctx fc = { 0 };
	const struct acltrace_model_stats *st;
	const struct acltrace_device_profile *chosen, *used;
	struct acltrace_report_info info = { 0 };
	const char *what = npaths == 1 ? paths[0] : "traces";

	ndirs = acltrace_adapter_find_traces(paths, npaths, &dirs, err, sizeof(err));
	if (ndirs < 0) {
		fprintf(stderr, "%s: %s\n", prog, err);
		return EXIT_BAD_INPUT;
	}
	m = acltrace_model_create(NULL);
	if (!m) {
		fprintf(stderr, "%s: out of memory\n", prog);
		goto out;
	}
	fc.m = m;
	rc = decode(o, dirs, ndirs, &fc, err, sizeof(err));
	if (fc.failed) {
		fprintf(stderr, "%s: out of memory while analysing the trace\n", prog);
		goto out;
	}
	if (rc < 0) {
		fprintf(stderr, "%s: %s\n", prog, err);
		goto out;
	}
	if (acltrace_model_finish(m) != 0) {
		fprintf(stderr, "%s: out of memory while analysing the trace\n", prog);
		goto out;
	}
	st = acltrace_model_stats(m);
	if (!st->saw_acltrace) {
		fprintf(stderr,
			"%s: %s: the trace holds no acltrace events (not a trace of a program run "
			"with libacltrace.so?)\n",
			prog, what);
		goto out;
	}
	chosen = o->profile ? acltrace_profile_by_name(o->profile) : NULL;
	used = acltrace_model_apply_profile(m, chosen, &o->ovr);
	info.traces = (const char *const *)dirs;
	info.ntraces = (size_t)ndirs;
	info.profile = chosen ? chosen : used;
	info.profile_selected_by = chosen ? "option" : used ? "soc" : "none";
	if (o->output) {
		out = fopen(o->output, "w");
		if (!out) {
			fprintf(stderr, "%s: cannot write %s: %s\n", prog, o->output,
				strerror(errno));
			out = stdout;
			goto out;
		}
	}
	if (strcmp(o->format, "json") == 0)
		e = acltrace_emitter_json(out);
	else if (strcmp(o->format, "html") == 0)
		e = acltrace_emitter_html(out);
	else
		e = acltrace_emitter_text(out, want_colour(o, out));
	sym = acltrace_symbolizer_create(o->debug_dir, o->sysroot);
	if (!e || !sym) {
		fprintf(stderr, "%s: out of memory\n", prog);
		goto out;
	}
	if (acltrace_report_emit(m, sym, e, &info) != 0) {
		fprintf(stderr, "%s: cannot write the report%s%s\n", prog, o->output ? " to " : "",
			o->output ? o->output : "");
		goto out;
	}
	status = 0;
	if (st->missing_stacks && !st->discard_records) {
		/* a complete trace defines every stack it references */
		fprintf(stderr,
			"%s: %s: %" PRIu64
			" stack references have no definition in the trace (corrupt or truncated "
			"trace)\n",
			prog, what, st->missing_stacks);
		status = EXIT_BAD_INPUT;
	}
	if (o->has_error_exitcode && info.errors > 0)
		status = o->error_exitcode;
out:
	if (out != stdout && fclose(out) != 0 && status == 0) {
		fprintf(stderr, "%s: cannot write %s: %s\n", prog, o->output, strerror(errno));
		status = EXIT_BAD_INPUT;
	}
	acltrace_emitter_destroy(e);
	acltrace_symbolizer_destroy(sym);
	acltrace_model_destroy(m);
	acltrace_adapter_free_traces(dirs, ndirs);
	return status;
}

int acltrace_report_main(int argc, char **argv)
{
	struct options o = { 0 };
	const char *prog = argc > 0 && argv[0] ? argv[0] : "acltrace report";
	if (strcmp(prog, "report") == 0)
		prog = "acltrace report"; /* dispatched by the acltrace command */
	if (argc > 0)
		argv[0] = (char *)prog;
	int pr = parse_options(argc, argv, &o);

	if (pr != 0)
		return pr > 0 ? 0 : EXIT_USAGE;
	return run(&o, prog, (const char *const *)&argv[optind], (size_t)(argc - optind));
}
