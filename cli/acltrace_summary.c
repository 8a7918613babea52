/* SPDX-License-Identifier: MIT */
/*
 * The built-in trace summary (libbabeltrace2: source.ctf.fs per trace -> utils.muxer -> a
 * simple sink): events per type, processes, findings, stack definitions and references that do
 * not resolve, run ids, and lost events. `acltrace run` prints it when the analyzer is not
 * built in; the tests use its JSON form to check traces.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include "acltrace_cli.h"
#include "acltrace_findings.h"

#include <babeltrace2/babeltrace.h>
#include <errno.h>
#include <ftw.h>
#include <getopt.h>
#include <inttypes.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ACLTRACE_SUM_MAX_NAMES 128
#define ACLTRACE_SUM_MAX_RUNS  16
#define ACLTRACE_SUM_MAX_PIDS  4096

/* A set of 64-bit keys (vpid << 32 | stack id), open addressing, 0 never stored. */
struct acltrace_keyset {
	uint64_t *slots;
	size_t cap, len;
};

static bool acltrace_keyset_has(const struct acltrace_keyset *k, uint64_t key)
{
	if (!k->cap)
		return false;
	for (size_t i = (key * 0x9E3779B97F4A7C15ull) & (k->cap - 1);; i = (i + 1) & (k->cap - 1)) {
		if (k->slots[i] == key)
			return true;
		if (k->slots[i] == 0)
			return false;
	}
}

static int acltrace_keyset_add(struct acltrace_keyset *k, uint64_t key)
{
	if ((k->len + 1) * 2 > k->cap) {
		size_t ncap = k->cap ? k->cap * 2 : 1024;
		uint64_t *ns = calloc(ncap, sizeof(*ns));
		if (!ns)
			return -1;
		for (size_t i = 0; i < k->cap; i++) {
			uint64_t v = k->slots[i];
			if (!v)
				continue;
			size_t j = (v * 0x9E3779B97F4A7C15ull) & (ncap - 1);
			while (ns[j])
				j = (j + 1) & (ncap - 1);
			ns[j] = v;
		}
		free(k->slots);
		k->slots = ns;
		k->cap = ncap;
	}
	size_t i = (key * 0x9E3779B97F4A7C15ull) & (k->cap - 1);
	while (k->slots[i] && k->slots[i] != key)
		i = (i + 1) & (k->cap - 1);
	if (!k->slots[i]) {
		k->slots[i] = key;
		k->len++;
	}
	return 0;
}

struct acltrace_sum {
	struct {
		const bt_event_class *cls;
		char *name;
		uint64_t count;
	} names[ACLTRACE_SUM_MAX_NAMES];
	unsigned nnames;
	uint64_t events;
	uint64_t discarded_events, discarded_packets;
	uint64_t findings[ACLTRACE_FINDING_COUNT + 1];
	uint64_t errors, warnings;
	uint64_t stack_defs, stack_refs, unresolved;
	uint32_t runs[ACLTRACE_SUM_MAX_RUNS];
	unsigned nruns;
	int64_t pids[ACLTRACE_SUM_MAX_PIDS];
	unsigned npids, mid_run;
	struct acltrace_keyset stacks;
	bool failed;
};

static const bt_field *acltrace_member(const bt_field *st, const char *name)
{
	if (!st || bt_field_get_class_type(st) != BT_FIELD_CLASS_TYPE_STRUCTURE)
		return NULL;
	return bt_field_structure_borrow_member_field_by_name_const(st, name);
}

static bool acltrace_uint(const bt_field *st, const char *name, uint64_t *out)
{
	const bt_field *f = acltrace_member(st, name);
	if (!f)
		return false;
	if (bt_field_class_type_is(bt_field_get_class_type(f),
				   BT_FIELD_CLASS_TYPE_UNSIGNED_INTEGER))
		*out = bt_field_integer_unsigned_get_value(f);
	else if (bt_field_class_type_is(bt_field_get_class_type(f),
					BT_FIELD_CLASS_TYPE_SIGNED_INTEGER))
		*out = (uint64_t)bt_field_integer_signed_get_value(f);
	else
		return false;
	return true;
}

static void acltrace_check_stack(struct acltrace_sum *sum, uint64_t vpid, const bt_field *payload,
				 const char *field)
{
	uint64_t id = 0;
	if (!acltrace_uint(payload, field, &id) || id == 0)
		return;
	sum->stack_refs++;
	if (!acltrace_keyset_has(&sum->stacks, vpid << 32 | (id & 0xffffffffu)))
		sum->unresolved++;
}

static void acltrace_note_run(struct acltrace_sum *sum, uint64_t run)
{
	for (unsigned i = 0; i < sum->nruns; i++)
		if (sum->runs[i] == run)
			return;
	if (sum->nruns < ACLTRACE_SUM_MAX_RUNS)
		sum->runs[sum->nruns++] = (uint32_t)run;
}

static void acltrace_on_event(struct acltrace_sum *sum, const bt_event *ev)
{
	const bt_event_class *cls = bt_event_borrow_class_const(ev);
	unsigned idx;
	for (idx = 0; idx < sum->nnames; idx++)
		if (sum->names[idx].cls == cls)
			break;
	if (idx == sum->nnames) {
		const char *name = bt_event_class_get_name(cls);
		/* Several streams may carry classes of the same name: merge them. */
		for (idx = 0; idx < sum->nnames; idx++)
			if (strcmp(sum->names[idx].name, name ? name : "?") == 0)
				break;
		if (idx == sum->nnames) {
			if (sum->nnames == ACLTRACE_SUM_MAX_NAMES)
				return;
			sum->names[idx].name = strdup(name ? name : "?");
			sum->nnames++;
		}
		sum->names[idx].cls = cls;
	}
	sum->names[idx].count++;
	sum->events++;

	const char *name = sum->names[idx].name;
	if (strncmp(name, "acltrace:", 9) != 0)
		return;
	name += 9;
	const bt_field *payload = bt_event_borrow_payload_field_const(ev);
	uint64_t vpid = 0, run = 0;
	acltrace_uint(bt_event_borrow_common_context_field_const(ev), "vpid", &vpid);
	vpid &= 0xffffffffu;
	if (acltrace_uint(payload, "run", &run))
		acltrace_note_run(sum, run);

	if (strcmp(name, "stack") == 0) {
		uint64_t id = 0;
		if (acltrace_uint(payload, "id", &id) && id) {
			sum->stack_defs++;
			if (acltrace_keyset_add(&sum->stacks, vpid << 32 | (id & 0xffffffffu)) != 0)
				sum->failed = true;
		}
	} else if (strcmp(name, "process") == 0) {
		uint64_t gen = 0, pid = 0;
		acltrace_uint(payload, "generation", &gen);
		acltrace_uint(payload, "pid", &pid);
		unsigned i;
		for (i = 0; i < sum->npids; i++)
			if (sum->pids[i] == (int64_t)pid)
				break;
		if (i == sum->npids && sum->npids < ACLTRACE_SUM_MAX_PIDS) {
			sum->pids[sum->npids++] = (int64_t)pid;
			if (gen > 1)
				sum->mid_run++;
		}
	} else if (strcmp(name, "finding") == 0) {
		uint64_t kind = ACLTRACE_FINDING_COUNT, sev = 0;
		acltrace_uint(payload, "kind", &kind);
		acltrace_uint(payload, "severity", &sev);
		sum->findings[kind < ACLTRACE_FINDING_COUNT ? kind : ACLTRACE_FINDING_COUNT]++;
		if (sev == ACLTRACE_SEVERITY_ERROR)
			sum->errors++;
		else
			sum->warnings++;
		acltrace_check_stack(sum, vpid, payload, "stack");
		acltrace_check_stack(sum, vpid, payload, "alloc_stack");
		acltrace_check_stack(sum, vpid, payload, "free_stack");
	} else {
		acltrace_check_stack(sum, vpid, payload, "stack");
	}
}

static bt_graph_simple_sink_component_consume_func_status
acltrace_sum_consume(bt_message_iterator *it, void *data)
{
	struct acltrace_sum *sum = data;
	bt_message_array_const msgs;
	uint64_t count = 0;

	switch (bt_message_iterator_next(it, &msgs, &count)) {
	case BT_MESSAGE_ITERATOR_NEXT_STATUS_OK:
		break;
	case BT_MESSAGE_ITERATOR_NEXT_STATUS_END:
		return BT_GRAPH_SIMPLE_SINK_COMPONENT_CONSUME_FUNC_STATUS_END;
	case BT_MESSAGE_ITERATOR_NEXT_STATUS_AGAIN:
		return BT_GRAPH_SIMPLE_SINK_COMPONENT_CONSUME_FUNC_STATUS_AGAIN;
	case BT_MESSAGE_ITERATOR_NEXT_STATUS_MEMORY_ERROR:
		return BT_GRAPH_SIMPLE_SINK_COMPONENT_CONSUME_FUNC_STATUS_MEMORY_ERROR;
	default:
		return BT_GRAPH_SIMPLE_SINK_COMPONENT_CONSUME_FUNC_STATUS_ERROR;
	}
	for (uint64_t i = 0; i < count; i++) {
		const bt_message *m = msgs[i];
		uint64_t n = 0;
		switch (bt_message_get_type(m)) {
		case BT_MESSAGE_TYPE_EVENT:
			acltrace_on_event(sum, bt_message_event_borrow_event_const(m));
			break;
		case BT_MESSAGE_TYPE_DISCARDED_EVENTS:
			if (bt_message_discarded_events_get_count(m, &n) ==
			    BT_PROPERTY_AVAILABILITY_AVAILABLE)
				sum->discarded_events += n;
			break;
		case BT_MESSAGE_TYPE_DISCARDED_PACKETS:
			if (bt_message_discarded_packets_get_count(m, &n) ==
			    BT_PROPERTY_AVAILABILITY_AVAILABLE)
				sum->discarded_packets += n;
			break;
		default:
			break;
		}
		bt_message_put_ref(m);
	}
	return BT_GRAPH_SIMPLE_SINK_COMPONENT_CONSUME_FUNC_STATUS_OK;
}

/* Directories holding a CTF `metadata` file, found under the given paths. */
static char **acltrace_found;
static size_t acltrace_nfound;

static int acltrace_find_meta(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st;
	if (flag == FTW_F && strcmp(path + ftw->base, "metadata") == 0) {
		char *copy = strdup(path);
		char **grown = realloc(acltrace_found, (acltrace_nfound + 1) * sizeof(*grown));
		if (!copy || !grown) {
			free(copy);
			if (grown)
				acltrace_found = grown;
			return -1;
		}
		acltrace_found = grown;
		acltrace_found[acltrace_nfound++] = strdup(dirname(copy));
		free(copy);
	}
	return 0;
}

static int acltrace_add_sources(bt_graph *graph, const bt_component_class_source *fs,
				const bt_component_filter *mux)
{
	for (size_t i = 0; i < acltrace_nfound; i++) {
		bt_value *params = bt_value_map_create();
		bt_value *inputs = NULL;
		const bt_component_source *src = NULL;
		char name[32];
		int rc = -1;

		if (!params ||
		    bt_value_map_insert_empty_array_entry(params, "inputs", &inputs) !=
			BT_VALUE_MAP_INSERT_ENTRY_STATUS_OK ||
		    bt_value_array_append_string_element(inputs, acltrace_found[i]) !=
			BT_VALUE_ARRAY_APPEND_ELEMENT_STATUS_OK)
			goto next;
		snprintf(name, sizeof(name), "src%zu", i);
		if (bt_graph_add_source_component(graph, fs, name, params, BT_LOGGING_LEVEL_ERROR,
						  &src) != BT_GRAPH_ADD_COMPONENT_STATUS_OK) {
			acltrace_err("cannot read the trace in %s (not CTF, or corrupt)",
				     acltrace_found[i]);
			goto next;
		}
		rc = 0;
		for (uint64_t p = 0; p < bt_component_source_get_output_port_count(src); p++) {
			const bt_port_output *out =
			    bt_component_source_borrow_output_port_by_index_const(src, p);
			uint64_t nin = bt_component_filter_get_input_port_count(mux);
			const bt_port_input *in =
			    bt_component_filter_borrow_input_port_by_index_const(mux, nin - 1);
			if (bt_graph_connect_ports(graph, out, in, NULL) !=
			    BT_GRAPH_CONNECT_PORTS_STATUS_OK) {
				rc = -1;
				break;
			}
		}
	next:
		bt_value_put_ref(params);
		if (rc != 0)
			return -1;
	}
	return 0;
}

static int acltrace_read_traces(char *const *paths, size_t npaths, struct acltrace_sum *sum)
{
	const bt_plugin *ctf = NULL, *utils = NULL;
	bt_graph *graph = NULL;
	const bt_component_filter *mux = NULL;
	const bt_component_sink *sink = NULL;
	const bt_component_class_source *fs;
	const bt_component_class_filter *muxer;
	int rc = -1;

	for (size_t i = 0; i < npaths; i++) {
		size_t before = acltrace_nfound;
		if (nftw(paths[i], acltrace_find_meta, 16, FTW_PHYS) != 0) {
			acltrace_err("cannot read %s: %s", paths[i], strerror(errno));
			goto end;
		}
		if (acltrace_nfound == before) {
			acltrace_err("%s holds no trace (no CTF metadata file found)", paths[i]);
			goto end;
		}
	}
	if (bt_plugin_find("ctf", BT_TRUE, BT_TRUE, BT_TRUE, BT_TRUE, BT_TRUE, &ctf) !=
		BT_PLUGIN_FIND_STATUS_OK ||
	    bt_plugin_find("utils", BT_TRUE, BT_TRUE, BT_TRUE, BT_TRUE, BT_TRUE, &utils) !=
		BT_PLUGIN_FIND_STATUS_OK) {
		acltrace_err("the babeltrace2 plugins ctf and utils are not installed");
		goto end;
	}
	fs = bt_plugin_borrow_source_component_class_by_name_const(ctf, "fs");
	muxer = bt_plugin_borrow_filter_component_class_by_name_const(utils, "muxer");
	graph = bt_graph_create(0);
	if (!fs || !muxer || !graph)
		goto end;
	if (bt_graph_add_filter_component(graph, muxer, "mux", NULL, BT_LOGGING_LEVEL_ERROR,
					  &mux) != BT_GRAPH_ADD_COMPONENT_STATUS_OK ||
	    acltrace_add_sources(graph, fs, mux) != 0 ||
	    bt_graph_add_simple_sink_component(graph, "sum", NULL, acltrace_sum_consume, NULL, sum,
					       &sink) != BT_GRAPH_ADD_COMPONENT_STATUS_OK ||
	    bt_graph_connect_ports(graph,
				   bt_component_filter_borrow_output_port_by_name_const(mux, "out"),
				   bt_component_sink_borrow_input_port_by_name_const(sink, "in"),
				   NULL) != BT_GRAPH_CONNECT_PORTS_STATUS_OK)
		goto end;
	for (;;) {
		bt_graph_run_status st = bt_graph_run(graph);
		if (st == BT_GRAPH_RUN_STATUS_OK)
			break;
		if (st != BT_GRAPH_RUN_STATUS_AGAIN) {
			acltrace_err("reading the trace failed (corrupt or truncated CTF?)");
			goto end;
		}
	}
	rc = sum->failed ? -1 : 0;
end:
	bt_current_thread_clear_error();
	bt_graph_put_ref(graph);
	bt_plugin_put_ref(ctf);
	bt_plugin_put_ref(utils);
	for (size_t i = 0; i < acltrace_nfound; i++)
		free(acltrace_found[i]);
	free(acltrace_found);
	acltrace_found = NULL;
	acltrace_nfound = 0;
	return rc;
}

static void acltrace_json_str(FILE *out, const char *s)
{
	fputc('"', out);
	for (; *s; s++) {
		if (*s == '"' || *s == '\\')
			fprintf(out, "\\%c", *s);
		else if ((unsigned char)*s < 0x20)
			fprintf(out, "\\u%04x", (unsigned)*s);
		else
			fputc(*s, out);
	}
	fputc('"', out);
}

static void acltrace_print_sum(FILE *out, const struct acltrace_sum *sum, const char *trace,
			       enum acltrace_format format, const struct acltrace_session *s)
{
	if (format == ACLTRACE_FORMAT_JSON) {
		fputs("{\"schema\": \"acltrace-summary/1\", \"trace\": ", out);
		acltrace_json_str(out, trace);
		fprintf(out, ", \"total_events\": %" PRIu64 ", \"events\": {", sum->events);
		for (unsigned i = 0; i < sum->nnames; i++) {
			fputs(i ? ", " : "", out);
			acltrace_json_str(out, sum->names[i].name);
			fprintf(out, ": %" PRIu64, sum->names[i].count);
		}
		fprintf(out, "}, \"processes\": %u, \"started_mid_run\": %u, \"runs\": [",
			sum->npids, sum->mid_run);
		for (unsigned i = 0; i < sum->nruns; i++)
			fprintf(out, "%s%u", i ? ", " : "", sum->runs[i]);
		fprintf(out,
			"], \"stack_definitions\": %" PRIu64 ", \"stack_references\": %" PRIu64
			", \"unresolved_stacks\": %" PRIu64 ", \"findings\": {\"error\": %" PRIu64
			", \"warning\": %" PRIu64 ", \"by_kind\": {",
			sum->stack_defs, sum->stack_refs, sum->unresolved, sum->errors,
			sum->warnings);
		bool first = true;
		for (unsigned k = 0; k <= ACLTRACE_FINDING_COUNT; k++) {
			if (!sum->findings[k])
				continue;
			fprintf(out, "%s\"%s\": %" PRIu64, first ? "" : ", ",
				acltrace_finding_name(k), sum->findings[k]);
			first = false;
		}
		fprintf(out,
			"}}, \"discarded_events\": %" PRIu64 ", \"discarded_packets\": %" PRIu64,
			sum->discarded_events, sum->discarded_packets);
		if (s)
			fprintf(
			    out,
			    ", \"session\": {\"name\": \"%s\", \"run\": %u, \"discarded_events\": "
			    "%" PRIu64 ", \"lost_packets\": %" PRIu64 ", \"snapshots\": %u}",
			    s->name, s->run_id, s->discarded_events, s->lost_packets, s->snapshots);
		fputs("}\n", out);
		return;
	}
	fprintf(out, "acltrace: trace summary of %s\n", trace);
	fprintf(out, "  processes: %u (%u joined mid-run)\n", sum->npids, sum->mid_run);
	fprintf(out, "  events: %" PRIu64 "\n", sum->events);
	for (unsigned i = 0; i < sum->nnames; i++)
		fprintf(out, "    %-34s %12" PRIu64 "\n", sum->names[i].name, sum->names[i].count);
	fprintf(out,
		"  stacks: %" PRIu64 " definitions, %" PRIu64 " references, %" PRIu64
		" unresolved\n",
		sum->stack_defs, sum->stack_refs, sum->unresolved);
	fprintf(out, "  findings: %" PRIu64 " errors, %" PRIu64 " warnings\n", sum->errors,
		sum->warnings);
	for (unsigned k = 0; k <= ACLTRACE_FINDING_COUNT; k++)
		if (sum->findings[k])
			fprintf(out, "    %-34s %12" PRIu64 "\n", acltrace_finding_name(k),
				sum->findings[k]);
	fprintf(out, "  discarded events: %" PRIu64 " (discarded packets: %" PRIu64 ")\n",
		sum->discarded_events, sum->discarded_packets);
	if (s && (s->discarded_events || s->lost_packets))
		fprintf(out,
			"  warning: the session lost %" PRIu64 " events and %" PRIu64
			" packets; rerun with --no-loss or a bigger --buffer-size\n",
			s->discarded_events, s->lost_packets);
}

static void acltrace_sum_free(struct acltrace_sum *sum)
{
	for (unsigned i = 0; i < sum->nnames; i++)
		free(sum->names[i].name);
	free(sum->stacks.slots);
	free(sum);
}

static int acltrace_summarize(char *const *paths, size_t npaths, enum acltrace_format format,
			      const char *report_file, const struct acltrace_session *s,
			      bool *has_error_finding)
{
	struct acltrace_sum *sum = calloc(1, sizeof(*sum));
	FILE *out = stdout;
	int rc = -1;
	if (!sum)
		return -1;
	if (acltrace_read_traces(paths, npaths, sum) != 0)
		goto end;
	if (report_file) {
		out = fopen(report_file, "w");
		if (!out) {
			acltrace_err("cannot write the report to %s: %s", report_file,
				     strerror(errno));
			goto end;
		}
	}
	acltrace_print_sum(out, sum, npaths == 1 ? paths[0] : "(several traces)", format, s);
	if (out != stdout && fclose(out) != 0) {
		acltrace_err("cannot write the report to %s: %s", report_file, strerror(errno));
		goto end;
	}
	if (has_error_finding)
		*has_error_finding = sum->errors > 0;
	rc = 0;
end:
	acltrace_sum_free(sum);
	return rc;
}

int acltrace_summary(const char *trace_dir, enum acltrace_format format, const char *report_file,
		     const struct acltrace_session *s, bool *has_error_finding)
{
	char *paths[] = { (char *)trace_dir };
	return acltrace_summarize(paths, 1, format, report_file, s, has_error_finding);
}

int acltrace_summary_main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "report", required_argument, NULL, 'r' },
		{ "error-exitcode", required_argument, NULL, 'e' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	enum acltrace_format format = ACLTRACE_FORMAT_TEXT;
	const char *report_file = NULL;
	int error_exitcode = -1, c;

	opterr = 0;
	optind = 1;
	while ((c = getopt_long(argc, argv, ":h", longopts, NULL)) != -1) {
		switch (c) {
		case 'f':
			if (strcmp(optarg, "json") == 0) {
				format = ACLTRACE_FORMAT_JSON;
			} else if (strcmp(optarg, "text") == 0) {
				format = ACLTRACE_FORMAT_TEXT;
			} else {
				acltrace_err("summary: --format must be text or json, not '%s'",
					     optarg);
				return ACLTRACE_EXIT_USAGE;
			}
			break;
		case 'r':
			report_file = optarg;
			break;
		case 'e': {
			char *end = NULL;
			long v = strtol(optarg, &end, 10);
			if (*optarg == '\0' || *end != '\0' || v < 0 || v > 255) {
				acltrace_err(
				    "summary: --error-exitcode must be an integer from 0 to "
				    "255, not '%s'",
				    optarg);
				return ACLTRACE_EXIT_USAGE;
			}
			error_exitcode = (int)v;
			break;
		}
		case 'h':
			puts(
			    "Usage: acltrace summary [--format text|json] [--report FILE] "
			    "[--error-exitcode N] TRACE...\n"
			    "Summarizes traces recorded by acltrace: events per type, processes, "
			    "findings,\nstack definitions and unresolved references, lost events.");
			return 0;
		case ':':
			acltrace_err("summary: option '%s' needs an argument", argv[optind - 1]);
			return ACLTRACE_EXIT_USAGE;
		default:
			acltrace_err("summary: unknown option '%s' (see acltrace summary --help)",
				     argv[optind - 1]);
			return ACLTRACE_EXIT_USAGE;
		}
	}
	if (optind >= argc) {
		acltrace_err("summary: no TRACE directory given");
		return ACLTRACE_EXIT_USAGE;
	}
	bool errors = false;
	if (acltrace_summarize(&argv[optind], (size_t)(argc - optind), format, report_file, NULL,
			       &errors) != 0)
		return 1;
	return errors && error_exitcode >= 0 ? error_exitcode : 0;
}
