/* SPDX-License-Identifier: MIT */
/*
 * The babeltrace2 graph: one source.ctf.fs per trace directory -> utils.muxer -> a simple sink
 * that turns each message into a plain struct acltrace_event. Field positions are resolved by
 * name once per event class, so the per-event cost is a few indexed reads.
 */
#include "acltrace_adapter.h"

#include "acltrace_util.h"

#include <babeltrace2/babeltrace.h>
#include <ftw.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

enum handler {
	H_IGNORE = 0,
	H_PROCESS,
	H_POOL,
	H_API,
	H_STACK,
	H_LIFECYCLE,
	H_ALLOC,
	H_FREE,
	H_USE,
	H_TASK_SUBMIT,
	H_TASK_RETIRE,
	H_FINDING,
	H_BIN_INFO,
	H_BUILD_ID,
	H_DEBUG_LINK,
	H_PROCNAME,
	H_DLOPEN,
	H_DLCLOSE,
	H_COUNT
};

#define MAX_FIELDS  14
#define CLASS_CACHE 61 /* prime: class addresses share low bits */

/* Event names and the payload fields each handler reads, in a fixed order. */
static const struct {
	const char *names[3];
	const char *fields[MAX_FIELDS];
} handlers[H_COUNT] = {
	[H_PROCESS] = { { "acltrace:process" },
			{ "generation", "mode", "bt_depth", "ppid", "device", "soc" } },
	[H_POOL] = { { "acltrace:pool" }, { "device", "pool", "capacity", "source" } },
	[H_API] = { { "acltrace:api" }, { "id", "name" } },
	[H_STACK] = { { "acltrace:stack" }, { "id", "frames" } },
	[H_LIFECYCLE] = { { "acltrace:lifecycle" }, { "op", "device", "rc", "stack" } },
	[H_ALLOC] = { { "acltrace:alloc" },
		      { "api", "pool", "device", "rc", "policy", "requested", "size", "addr",
			"stack" } },
	[H_FREE] = { { "acltrace:free" }, { "api", "action", "addr", "stack", "pool" } },
	[H_USE] = { { "acltrace:use" }, { "api", "role", "addr", "size", "stack" } },
	[H_TASK_SUBMIT] = { { "acltrace:task_submit" }, { "api", "stream", "task", "stack" } },
	[H_TASK_RETIRE] = { { "acltrace:task_retire" }, { "api", "stream", "task", "stack" } },
	[H_FINDING] = { { "acltrace:finding" },
			{ "kind", "severity", "api", "enforced", "pool", "addr", "size", "base",
			  "alloc_size", "stack", "alloc_stack", "free_stack", "count" } },
	[H_BIN_INFO] = { { "lttng_ust_statedump:bin_info" },
			 { "baddr", "memsz", "path", "is_pic" } },
	[H_BUILD_ID] = { { "lttng_ust_statedump:build_id", "lttng_ust_dl:build_id" },
			 { "baddr", "build_id" } },
	[H_DEBUG_LINK] = { { "lttng_ust_statedump:debug_link", "lttng_ust_dl:debug_link" },
			   { "baddr", "filename" } },
	[H_PROCNAME] = { { "lttng_ust_statedump:procname" }, { "procname" } },
	[H_DLOPEN] = { { "lttng_ust_dl:dlopen", "lttng_ust_dl:dlmopen" },
		       { "baddr", "memsz", "path" } },
	[H_DLCLOSE] = { { "lttng_ust_dl:dlclose" }, { "baddr" } },
};

/* How a member is read, decided once per event class. */
enum field_kind { FK_OTHER = 0, FK_UNSIGNED, FK_SIGNED };

struct class_info {
	enum handler h;
	int8_t role_of[256];	   /* use roles by enum value, from the labels; -1: not looked up */
	int64_t field[MAX_FIELDS]; /* payload member index, -1 when absent */
	uint8_t kind[MAX_FIELDS];  /* enum field_kind of each member */
	int64_t vpid, vtid, procname; /* common context member index, -1 when absent */
	uint8_t vpid_kind, vtid_kind;
	bool clock_known;
	const bt_clock_class *clock;
};

struct sink {
	acltrace_event_cb cb;
	void *arg;
	int stopped;
	struct acltrace_map classes; /* bt_event_class * -> class_info * */
	const bt_event_class *cache_ec[CLASS_CACHE];
	struct class_info *cache_ci[CLASS_CACHE];
	struct acltrace_map streams; /* bt_stream * -> trace id + 1 */
	const bt_trace *traces[1024];
	uint16_t ntraces;
	const bt_stream *last_stream;
	uint16_t last_trace;
	uint64_t *frames;
	size_t frames_cap;
	uint8_t build_id[256];
	const bt_clock_class *clock; /* the clock whose offset is cached */
	bool clock_fast;
	uint64_t clock_offset_ns;
	char err[512];
};

static int64_t member_index(const bt_field_class *st, const char *name)
{
	if (!st || bt_field_class_get_type(st) != BT_FIELD_CLASS_TYPE_STRUCTURE)
		return -1;
	uint64_t n = bt_field_class_structure_get_member_count(st);
	for (uint64_t i = 0; i < n; i++) {
		const bt_field_class_structure_member *m =
		    bt_field_class_structure_borrow_member_by_index_const(st, i);
		if (strcmp(bt_field_class_structure_member_get_name(m), name) == 0)
			return (int64_t)i;
	}
	return -1;
}

static uint8_t kind_of(const bt_field_class *st, int64_t idx)
{
	const bt_field_class *fc = bt_field_class_structure_member_borrow_field_class_const(
	    bt_field_class_structure_borrow_member_by_index_const(st, (uint64_t)idx));
	bt_field_class_type t = bt_field_class_get_type(fc);
	if (bt_field_class_type_is(t, BT_FIELD_CLASS_TYPE_UNSIGNED_INTEGER))
		return FK_UNSIGNED;
	if (bt_field_class_type_is(t, BT_FIELD_CLASS_TYPE_SIGNED_INTEGER))
		return FK_SIGNED;
	return FK_OTHER;
}

static struct class_info *class_info_get(struct sink *s, const bt_event_class *ec)
{
	/* a direct-mapped cache in front of the map: a handful of classes, millions of events */
	size_t slot = ((uintptr_t)ec >> 4) % CLASS_CACHE;
	if (s->cache_ec[slot] == ec)
		return s->cache_ci[slot];
	struct class_info *ci = acltrace_map_get(&s->classes, (uint64_t)(uintptr_t)ec);
	if (ci) {
		s->cache_ec[slot] = ec;
		s->cache_ci[slot] = ci;
		return ci;
	}
	ci = calloc(1, sizeof(*ci));
	if (!ci)
		return NULL;
	const char *name = bt_event_class_get_name(ec);
	ci->h = H_IGNORE;
	memset(ci->role_of, -1, sizeof(ci->role_of));
	for (int h = 1; name && h < H_COUNT; h++)
		for (int k = 0; k < 3 && handlers[h].names[k]; k++)
			if (strcmp(name, handlers[h].names[k]) == 0)
				ci->h = (enum handler)h;
	const bt_field_class *payload = bt_event_class_borrow_payload_field_class_const(ec);
	for (int i = 0; i < MAX_FIELDS; i++) {
		ci->field[i] = handlers[ci->h].fields[i]
				   ? member_index(payload, handlers[ci->h].fields[i])
				   : -1;
		ci->kind[i] = FK_OTHER;
		if (ci->field[i] < 0)
			continue;
		ci->kind[i] = kind_of(payload, ci->field[i]);
	}
	const bt_stream_class *sc = bt_event_class_borrow_stream_class_const(ec);
	const bt_field_class *ctx =
	    bt_stream_class_borrow_event_common_context_field_class_const(sc);
	ci->vpid = member_index(ctx, "vpid");
	ci->vtid = member_index(ctx, "vtid");
	ci->vpid_kind = ci->vpid >= 0 ? kind_of(ctx, ci->vpid) : FK_OTHER;
	ci->vtid_kind = ci->vtid >= 0 ? kind_of(ctx, ci->vtid) : FK_OTHER;
	ci->procname = member_index(ctx, "procname");
	if (acltrace_map_put(&s->classes, (uint64_t)(uintptr_t)ec, ci) != 0) {
		free(ci);
		return NULL;
	}
	return ci;
}

static const bt_field *member(const bt_field *st, int64_t idx)
{
	if (!st || idx < 0)
		return NULL;
	return bt_field_structure_borrow_member_field_by_index_const(st, (uint64_t)idx);
}

static uint64_t get_u(const bt_field *f)
{
	if (!f)
		return 0;
	bt_field_class_type t = bt_field_get_class_type(f);
	if (bt_field_class_type_is(t, BT_FIELD_CLASS_TYPE_UNSIGNED_INTEGER))
		return bt_field_integer_unsigned_get_value(f);
	if (bt_field_class_type_is(t, BT_FIELD_CLASS_TYPE_SIGNED_INTEGER))
		return (uint64_t)bt_field_integer_signed_get_value(f);
	if (t == BT_FIELD_CLASS_TYPE_BOOL)
		return bt_field_bool_get_value(f);
	return 0;
}

static int64_t get_i(const bt_field *f)
{
	if (!f)
		return 0;
	bt_field_class_type t = bt_field_get_class_type(f);
	if (bt_field_class_type_is(t, BT_FIELD_CLASS_TYPE_SIGNED_INTEGER))
		return bt_field_integer_signed_get_value(f);
	return (int64_t)get_u(f);
}

static const char *get_s(const bt_field *f)
{
	if (!f || bt_field_get_class_type(f) != BT_FIELD_CLASS_TYPE_STRING)
		return NULL;
	return bt_field_string_get_value(f);
}

/* Reads an array of integers into buf (grown as needed); returns the element count. */
static uint32_t get_array_u64(struct sink *s, const bt_field *f)
{
	if (!f || !bt_field_class_type_is(bt_field_get_class_type(f), BT_FIELD_CLASS_TYPE_ARRAY))
		return 0;
	uint64_t n = bt_field_array_get_length(f);
	if (n > 4096)
		n = 4096;
	if (n > s->frames_cap) {
		uint64_t *nf = realloc(s->frames, n * sizeof(*nf));
		if (!nf)
			return 0;
		s->frames = nf;
		s->frames_cap = n;
	}
	for (uint64_t i = 0; i < n; i++)
		s->frames[i] = get_u(bt_field_array_borrow_element_field_by_index_const(f, i));
	return (uint32_t)n;
}

/*
 * Use roles by label, so that a provider that numbers them differently still reads right:
 * read/input, write/output, read_write/inout, describe, model_work, model_weight, model_io.
 */
static uint32_t role_of(struct class_info *ci, const bt_field *f)
{
	uint64_t v = get_u(f);
	if (v >= 256)
		return ACLTRACE_ROLE_UNKNOWN;
	if (ci->role_of[v] >= 0)
		return (uint32_t)ci->role_of[v];
	uint32_t role = (uint32_t)v < ACLTRACE_ROLE_COUNT ? (uint32_t)v : ACLTRACE_ROLE_UNKNOWN;
	bt_field_class_enumeration_mapping_label_array labels;
	uint64_t n = 0;
	if (f && bt_field_get_class_type(f) == BT_FIELD_CLASS_TYPE_UNSIGNED_ENUMERATION &&
	    bt_field_enumeration_unsigned_get_mapping_labels(f, &labels, &n) ==
		BT_FIELD_ENUMERATION_GET_MAPPING_LABELS_STATUS_OK &&
	    n > 0) {
		static const struct {
			const char *label;
			uint32_t role;
		} known[] = {
			{ "read", ACLTRACE_ROLE_READ },
			{ "input", ACLTRACE_ROLE_READ },
			{ "write", ACLTRACE_ROLE_WRITE },
			{ "output", ACLTRACE_ROLE_WRITE },
			{ "read_write", ACLTRACE_ROLE_READ_WRITE },
			{ "inout", ACLTRACE_ROLE_READ_WRITE },
			{ "describe", ACLTRACE_ROLE_DESCRIBE },
			{ "model_work", ACLTRACE_ROLE_MODEL_WORK },
			{ "model_weight", ACLTRACE_ROLE_MODEL_WEIGHT },
			{ "model_io", ACLTRACE_ROLE_MODEL_IO },
			{ "unknown", ACLTRACE_ROLE_UNKNOWN },
		};
		for (size_t i = 0; i < sizeof(known) / sizeof(known[0]); i++)
			if (strcmp(labels[0], known[i].label) == 0)
				role = known[i].role;
	}
	ci->role_of[v] = (int8_t)role;
	return role;
}

static uint64_t read_kind(const bt_field *f, uint8_t kind)
{
	switch (kind) {
	case FK_UNSIGNED:
		return bt_field_integer_unsigned_get_value(f);
	case FK_SIGNED:
		return (uint64_t)bt_field_integer_signed_get_value(f);
	default:
		return get_u(f);
	}
}

/* Integer member i of the payload, read the way its class says (no per-event type query). */
static uint64_t member_u(const bt_field *payload, const struct class_info *ci, int i)
{
	if (ci->field[i] < 0)
		return 0;
	return read_kind(
	    bt_field_structure_borrow_member_field_by_index_const(payload, (uint64_t)ci->field[i]),
	    ci->kind[i]);
}

static int emit(struct sink *s, struct acltrace_event *ev)
{
	int rc = s->cb(ev, s->arg);
	if (rc)
		s->stopped = 1;
	return rc;
}

static int trace_id_of(struct sink *s, const bt_stream *stream, uint16_t *out)
{
	if (stream == s->last_stream) {
		*out = s->last_trace;
		return 0;
	}
	uintptr_t v = (uintptr_t)acltrace_map_get(&s->streams, (uint64_t)(uintptr_t)stream);
	if (v == 0) {
		const bt_trace *trace = bt_stream_borrow_trace_const(stream);
		uint16_t id;
		for (id = 0; id < s->ntraces; id++)
			if (s->traces[id] == trace)
				break;
		if (id == s->ntraces) {
			if (s->ntraces == sizeof(s->traces) / sizeof(s->traces[0]))
				return -1;
			s->traces[s->ntraces++] = trace;
			const bt_value *host =
			    bt_trace_borrow_environment_entry_value_by_name_const(trace,
										  "hostname");
			struct acltrace_event ev = { .type = ACLTRACE_EV_HOST, .trace_id = id };
			ev.str = host && bt_value_is_string(host) ? bt_value_string_get(host)
								  : "unknown";
			if (emit(s, &ev))
				return -1;
		}
		v = (uintptr_t)id + 1;
		if (acltrace_map_put(&s->streams, (uint64_t)(uintptr_t)stream, (void *)v) != 0)
			return -1;
	}
	s->last_stream = stream;
	s->last_trace = (uint16_t)(v - 1);
	*out = s->last_trace;
	return 0;
}

static uint64_t snapshot_ns(const bt_clock_snapshot *cs)
{
	int64_t ns = 0;
	if (!cs || bt_clock_snapshot_get_ns_from_origin(cs, &ns) !=
		       BT_CLOCK_SNAPSHOT_GET_NS_FROM_ORIGIN_STATUS_OK)
		return 0;
	return ns < 0 ? 0 : (uint64_t)ns;
}

/*
 * Nanoseconds from origin. LTTng clocks count nanoseconds: then it is an addition, with the
 * clock class's offset looked up once, instead of the library's general conversion per event.
 */
static uint64_t event_ns(struct sink *s, const bt_clock_class *cc, const bt_clock_snapshot *cs)
{
	if (cc != s->clock) {
		int64_t off_s = 0;
		uint64_t off_cycles = 0;
		s->clock = cc;
		s->clock_fast = bt_clock_class_get_frequency(cc) == 1000000000ull;
		bt_clock_class_get_offset(cc, &off_s, &off_cycles);
		s->clock_fast = s->clock_fast && off_s >= 0 && off_s < INT64_MAX / 1000000000ll;
		s->clock_offset_ns =
		    s->clock_fast ? (uint64_t)off_s * 1000000000ull + off_cycles : 0;
	}
	if (s->clock_fast)
		return s->clock_offset_ns + bt_clock_snapshot_get_value(cs);
	return snapshot_ns(cs);
}

static int convert_event(struct sink *s, const bt_message *msg)
{
	const bt_event *event = bt_message_event_borrow_event_const(msg);
	const bt_event_class *ec = bt_event_borrow_class_const(event);
	struct class_info *ci = class_info_get(s, ec);
	if (!ci)
		return -1;
	if (ci->h == H_IGNORE)
		return 0;
	struct acltrace_event ev = { 0 };
	const bt_field *p = bt_event_borrow_payload_field_const(event);
	const bt_field *ctx = bt_event_borrow_common_context_field_const(event);
#define F(i) member(p, ci->field[i])
	if (trace_id_of(s, bt_event_borrow_stream_const(event), &ev.trace_id) != 0)
		return -1;
	ev.pid = ci->vpid >= 0 ? (int32_t)read_kind(member(ctx, ci->vpid), ci->vpid_kind) : 0;
	ev.tid = ci->vtid >= 0 ? (int32_t)read_kind(member(ctx, ci->vtid), ci->vtid_kind) : ev.pid;
	/* the event class fixes the stream class, hence the clock */
	if (!ci->clock_known) {
		ci->clock = bt_message_event_borrow_stream_class_default_clock_class_const(msg);
		ci->clock_known = true;
	}
	const bt_clock_class *cc = ci->clock;
	if (cc)
		ev.time_ns =
		    event_ns(s, cc, bt_message_event_borrow_default_clock_snapshot_const(msg));
	switch (ci->h) {
	case H_PROCESS:
		ev.type = ACLTRACE_EV_PROCESS;
		ev.u.process.generation = (uint32_t)get_u(F(0));
		ev.u.process.mode = (uint32_t)get_u(F(1));
		ev.u.process.bt_depth = (uint32_t)get_u(F(2));
		ev.u.process.ppid = (int32_t)get_i(F(3));
		ev.u.process.device = ci->field[4] >= 0 ? (int32_t)get_i(F(4)) : -1;
		ev.str = get_s(F(5));
		if (emit(s, &ev))
			return 0;
		if (ci->procname >= 0) {
			/* the command name travels as a context on the meta channel */
			struct acltrace_event pn = ev;
			pn.type = ACLTRACE_EV_PROCNAME;
			pn.str = get_s(member(ctx, ci->procname));
			if (pn.str)
				emit(s, &pn);
		}
		return 0;
	case H_POOL:
		ev.type = ACLTRACE_EV_POOL;
		ev.u.pool.device = (int32_t)get_i(F(0));
		ev.u.pool.pool = (uint32_t)get_u(F(1));
		ev.u.pool.capacity = get_u(F(2));
		ev.u.pool.source = (uint32_t)get_u(F(3));
		break;
	case H_API:
		ev.type = ACLTRACE_EV_API;
		ev.u.api.id = (uint32_t)get_u(F(0));
		ev.str = get_s(F(1));
		break;
	case H_STACK:
		ev.type = ACLTRACE_EV_STACK;
		ev.u.stack.stack_id = get_u(F(0));
		ev.nframes = get_array_u64(s, F(1));
		ev.frames = s->frames;
		break;
	case H_LIFECYCLE:
		ev.type = ACLTRACE_EV_LIFECYCLE;
		ev.u.lifecycle.op = (uint32_t)get_u(F(0));
		ev.u.lifecycle.device = (int32_t)get_i(F(1));
		ev.u.lifecycle.rc = (int32_t)get_i(F(2));
		ev.u.lifecycle.stack_id = get_u(F(3));
		break;
	case H_ALLOC:
		ev.type = ACLTRACE_EV_ALLOC;
		ev.u.alloc.api = (uint32_t)member_u(p, ci, 0);
		ev.u.alloc.pool = (uint32_t)member_u(p, ci, 1);
		ev.u.alloc.device = (int32_t)member_u(p, ci, 2);
		ev.u.alloc.rc = (int64_t)member_u(p, ci, 3);
		ev.u.alloc.requested = member_u(p, ci, 5);
		ev.u.alloc.size = member_u(p, ci, 6);
		ev.u.alloc.addr = member_u(p, ci, 7);
		ev.u.alloc.stack_id = member_u(p, ci, 8);
		break;
	case H_FREE:
		ev.type = ACLTRACE_EV_FREE;
		ev.u.free.api = (uint32_t)member_u(p, ci, 0);
		ev.u.free.action = (uint32_t)member_u(p, ci, 1);
		ev.u.free.addr = member_u(p, ci, 2);
		ev.u.free.stack_id = member_u(p, ci, 3);
		ev.u.free.live_pool = ci->field[4] >= 0 ? (uint32_t)member_u(p, ci, 4) : UINT32_MAX;
		break;
	case H_USE:
		ev.type = ACLTRACE_EV_USE;
		ev.u.use.api = (uint32_t)member_u(p, ci, 0);
		ev.u.use.role = role_of(ci, F(1));
		ev.u.use.addr = member_u(p, ci, 2);
		ev.u.use.size = member_u(p, ci, 3);
		ev.u.use.stack_id = member_u(p, ci, 4);
		break;
	case H_TASK_SUBMIT:
	case H_TASK_RETIRE:
		ev.type =
		    ci->h == H_TASK_SUBMIT ? ACLTRACE_EV_TASK_SUBMIT : ACLTRACE_EV_TASK_RETIRE;
		ev.u.task.api = (uint32_t)member_u(p, ci, 0);
		ev.u.task.stream = member_u(p, ci, 1);
		ev.u.task.task = member_u(p, ci, 2);
		ev.u.task.stack_id = member_u(p, ci, 3);
		break;
	case H_FINDING:
		ev.type = ACLTRACE_EV_FINDING;
		ev.u.finding.kind = (uint32_t)get_u(F(0));
		ev.u.finding.severity = (uint32_t)get_u(F(1));
		ev.u.finding.api = (uint32_t)get_u(F(2));
		ev.u.finding.enforced = (uint32_t)get_u(F(3));
		ev.u.finding.pool = (uint32_t)get_u(F(4));
		ev.u.finding.addr = get_u(F(5));
		ev.u.finding.size = get_u(F(6));
		ev.u.finding.base = get_u(F(7));
		ev.u.finding.alloc_size = get_u(F(8));
		ev.u.finding.stack_id = get_u(F(9));
		ev.u.finding.alloc_stack_id = get_u(F(10));
		ev.u.finding.free_stack_id = get_u(F(11));
		ev.u.finding.count = get_u(F(12));
		break;
	case H_BIN_INFO:
	case H_DLOPEN:
		ev.type = ACLTRACE_EV_MODULE;
		ev.u.module.base = get_u(F(0));
		ev.u.module.memsz = get_u(F(1));
		ev.str = get_s(F(2));
		/* dlopen carries no is_pic: shared objects are position independent */
		ev.u.module.is_pic = ci->h == H_DLOPEN ? 1 : (uint32_t)get_u(F(3));
		break;
	case H_BUILD_ID: {
		ev.type = ACLTRACE_EV_MODULE_BUILD_ID;
		ev.u.module.base = get_u(F(0));
		uint32_t n = get_array_u64(s, F(1));
		if (n > sizeof(s->build_id))
			n = sizeof(s->build_id);
		for (uint32_t i = 0; i < n; i++)
			s->build_id[i] = (uint8_t)s->frames[i];
		ev.u.module.build_id_len = n;
		ev.build_id = s->build_id;
		break;
	}
	case H_DEBUG_LINK:
		ev.type = ACLTRACE_EV_MODULE_DEBUG_LINK;
		ev.u.module.base = get_u(F(0));
		ev.str = get_s(F(1));
		break;
	case H_PROCNAME:
		ev.type = ACLTRACE_EV_PROCNAME;
		ev.str = get_s(F(0));
		break;
	case H_DLCLOSE:
		ev.type = ACLTRACE_EV_MODULE_UNLOAD;
		ev.u.module.base = get_u(F(0));
		break;
	default:
		return 0;
	}
#undef F
	emit(s, &ev);
	return 0;
}

static int convert_discarded(struct sink *s, const bt_message *msg, bool packets)
{
	const bt_stream *stream = packets ? bt_message_discarded_packets_borrow_stream_const(msg)
					  : bt_message_discarded_events_borrow_stream_const(msg);
	const bt_stream_class *sc = bt_stream_borrow_class_const(stream);
	struct acltrace_event ev = { .type = ACLTRACE_EV_DISCARDED, .pid = -1, .tid = -1 };
	uint64_t count = 0;

	if (trace_id_of(s, stream, &ev.trace_id) != 0)
		return -1;
	if (packets) {
		if (bt_message_discarded_packets_get_count(msg, &count) ==
		    BT_PROPERTY_AVAILABILITY_AVAILABLE)
			ev.u.discarded.count = 0; /* events in lost packets are not counted */
		if (bt_stream_class_discarded_packets_have_default_clock_snapshots(sc)) {
			ev.time_ns = snapshot_ns(
			    bt_message_discarded_packets_borrow_beginning_default_clock_snapshot_const(
				msg));
			ev.u.discarded.end_time_ns = snapshot_ns(
			    bt_message_discarded_packets_borrow_end_default_clock_snapshot_const(
				msg));
		}
	} else {
		if (bt_message_discarded_events_get_count(msg, &count) ==
		    BT_PROPERTY_AVAILABILITY_AVAILABLE)
			ev.u.discarded.count = count;
		if (bt_stream_class_discarded_events_have_default_clock_snapshots(sc)) {
			ev.time_ns = snapshot_ns(
			    bt_message_discarded_events_borrow_beginning_default_clock_snapshot_const(
				msg));
			ev.u.discarded.end_time_ns = snapshot_ns(
			    bt_message_discarded_events_borrow_end_default_clock_snapshot_const(
				msg));
		}
	}
	emit(s, &ev);
	return 0;
}

static bt_graph_simple_sink_component_consume_func_status sink_consume(bt_message_iterator *it,
								       void *user_data)
{
	struct sink *s = user_data;
	bt_message_array_const msgs;
	uint64_t count = 0;
	bt_graph_simple_sink_component_consume_func_status st =
	    BT_GRAPH_SIMPLE_SINK_COMPONENT_CONSUME_FUNC_STATUS_OK;

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
		const bt_message *msg = msgs[i];
		int rc = 0;
		if (st == BT_GRAPH_SIMPLE_SINK_COMPONENT_CONSUME_FUNC_STATUS_OK && !s->stopped) {
			switch (bt_message_get_type(msg)) {
			case BT_MESSAGE_TYPE_EVENT:
				rc = convert_event(s, msg);
				break;
			case BT_MESSAGE_TYPE_DISCARDED_EVENTS:
				rc = convert_discarded(s, msg, false);
				break;
			case BT_MESSAGE_TYPE_DISCARDED_PACKETS:
				rc = convert_discarded(s, msg, true);
				break;
			default:
				break;
			}
			if (rc != 0 && !s->stopped) {
				snprintf(s->err, sizeof(s->err),
					 "out of memory while converting trace events");
				st = BT_GRAPH_SIMPLE_SINK_COMPONENT_CONSUME_FUNC_STATUS_ERROR;
			}
		}
		bt_message_put_ref(msg);
	}
	if (s->stopped)
		return BT_GRAPH_SIMPLE_SINK_COMPONENT_CONSUME_FUNC_STATUS_END;
	return st;
}

/* ---- finding the traces ---- */

static char **found_dirs;
static int nfound, capfound;

static int find_cb(const char *path, const struct stat *sb, int type, struct FTW *ftw)
{
	(void)ftw;
	if (type != FTW_F || !S_ISREG(sb->st_mode))
		return 0;
	const char *base = strrchr(path, '/');
	base = base ? base + 1 : path;
	if (strcmp(base, "metadata") != 0)
		return 0;
	if (nfound == capfound) {
		int ncap = capfound ? capfound * 2 : 8;
		char **nd = realloc(found_dirs, ncap * sizeof(*nd));
		if (!nd)
			return 1;
		found_dirs = nd;
		capfound = ncap;
	}
	size_t len = (size_t)(base - path);
	char *dir = malloc(len + 2);
	if (!dir)
		return 1;
	if (len == 0) {
		strcpy(dir, ".");
	} else {
		memcpy(dir, path, len - 1);
		dir[len - 1] = '\0';
	}
	found_dirs[nfound++] = dir;
	return 0;
}

/* A metadata file is TSDL text (starting with a CTF version comment) or packetized. */
static int check_metadata(const char *dir, char *err, size_t errlen)
{
	char path[4096];
	unsigned char head[8] = { 0 };
	snprintf(path, sizeof(path), "%s/metadata", dir);
	FILE *f = fopen(path, "rb");
	if (!f) {
		snprintf(err, errlen, "%s: cannot read the file", path);
		return -1;
	}
	size_t n = fread(head, 1, sizeof(head), f);
	fclose(f);
	if (n == 0) {
		snprintf(err, errlen, "%s: the file is empty (truncated trace?)", path);
		return -1;
	}
	bool packetized =
	    (head[0] == 0x57 && head[1] == 0x1d && head[2] == 0xd1 && head[3] == 0x75) ||
	    (head[0] == 0x75 && head[1] == 0xd1 && head[2] == 0x1d && head[3] == 0x57);
	if (!packetized && (n < 6 || memcmp(head, "/* CTF", 6) != 0)) {
		snprintf(err, errlen, "%s: not CTF metadata (neither TSDL text nor packetized)",
			 path);
		return -1;
	}
	return 0;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int acltrace_adapter_find_traces(const char *const *paths, size_t npaths, char ***dirs, char *err,
				 size_t errlen)
{
	found_dirs = NULL;
	nfound = capfound = 0;
	for (size_t i = 0; i < npaths; i++) {
		struct stat st;
		int before = nfound;
		if (stat(paths[i], &st) != 0) {
			snprintf(err, errlen, "%s: no such file or directory", paths[i]);
			goto fail;
		}
		if (!S_ISDIR(st.st_mode)) {
			snprintf(err, errlen, "%s: not a directory (give the trace directory)",
				 paths[i]);
			goto fail;
		}
		if (nftw(paths[i], find_cb, 16, FTW_PHYS) != 0) {
			snprintf(err, errlen, "%s: cannot walk the directory", paths[i]);
			goto fail;
		}
		if (nfound == before) {
			snprintf(
			    err, errlen,
			    "%s: no CTF trace found (no `metadata` file in the directory tree)",
			    paths[i]);
			goto fail;
		}
	}
	qsort(found_dirs, nfound, sizeof(*found_dirs), cmp_str);
	for (int i = 0; i < nfound; i++)
		if (check_metadata(found_dirs[i], err, errlen) != 0)
			goto fail;
	*dirs = found_dirs;
	return nfound;
fail:
	acltrace_adapter_free_traces(found_dirs, nfound);
	found_dirs = NULL;
	return -1;
}

void acltrace_adapter_free_traces(char **dirs, int n)
{
	for (int i = 0; i < n; i++)
		free(dirs[i]);
	free(dirs);
}

/* ---- the graph ---- */

/*
 * babeltrace2 messages read "What failed: key=value, ...". Keeps the words and the values a user
 * can act on, drops object addresses.
 */
static void clean_cause(char *out, size_t len, const char *msg)
{
	size_t n = strcspn(msg, "\n");
	const char *colon = NULL;

	for (size_t i = 0; i + 1 < n; i++) {
		if (msg[i] == ':' && msg[i + 1] == ' ' && memchr(msg + i, '=', n - i)) {
			colon = msg + i;
			break;
		}
	}
	if (!colon) {
		while (n > 0 && (msg[n - 1] == '.' || msg[n - 1] == ' '))
			n--;
		snprintf(out, len, "%.*s", (int)n, msg);
		return;
	}
	size_t o = (size_t)snprintf(out, len, "%.*s", (int)(colon - msg), msg);
	const char *p = colon + 2, *end = msg + n;
	bool first = true;
	while (p < end && o + 1 < len) {
		const char *comma = memchr(p, ',', (size_t)(end - p));
		const char *stop = comma ? comma : end;
		const char *eq = memchr(p, '=', (size_t)(stop - p));
		bool addr = eq && eq - p >= 4 && memcmp(eq - 4, "addr", 4) == 0;
		if (eq && !addr) {
			o += (size_t)snprintf(out + o, len - o, "%s%.*s", first ? " (" : ", ",
					      (int)(stop - p), p);
			first = false;
		}
		p = comma ? comma + 2 : end;
	}
	if (!first && o + 1 < len)
		snprintf(out + o, len - o, ")");
}

/*
 * One line out of babeltrace's cause chain: the deepest cause says what is wrong, the first cause
 * naming a file says where.
 */
static void take_bt_error(char *err, size_t errlen, const char *what, const char *dir)
{
	const bt_error *e = bt_current_thread_take_error();
	char deep[256] = "", where[512] = "";

	if (e) {
		uint64_t n = bt_error_get_cause_count(e);
		for (uint64_t i = 0; i < n; i++) {
			const char *msg =
			    bt_error_cause_get_message(bt_error_borrow_cause_by_index(e, i));
			if (!msg)
				continue;
			if (!deep[0])
				clean_cause(deep, sizeof(deep), msg);
			if (!where[0] && strchr(msg, '/')) {
				clean_cause(where, sizeof(where), msg);
				break;
			}
		}
		bt_error_release(e);
	}
	if (where[0] && deep[0] && strcmp(where, deep) != 0)
		snprintf(err, errlen, "%s: %s: %s: %s", dir ? dir : "trace", what, where, deep);
	else if (where[0] || deep[0])
		snprintf(err, errlen, "%s: %s: %s", dir ? dir : "trace", what,
			 where[0] ? where : deep);
	else
		snprintf(err, errlen, "%s: %s", dir ? dir : "trace", what);
}

int acltrace_adapter_decode(char *const *dirs, int ndirs, acltrace_event_cb cb, void *arg,
			    char *err, size_t errlen)
{
	bt_graph *graph = NULL;
	const bt_plugin *ctf = NULL, *utils = NULL;
	const bt_component_filter *mux = NULL;
	const bt_component_sink *sink_comp = NULL;
	struct sink s = { .cb = cb, .arg = arg };
	int ret = -1;
	uint64_t mux_port = 0;
	const bt_component_class_source *fs = NULL;
	const bt_component_class_filter *muxer = NULL;

	acltrace_map_init(&s.classes);
	acltrace_map_init(&s.streams);
	if (bt_plugin_find("ctf", BT_FALSE, BT_FALSE, BT_TRUE, BT_TRUE, BT_FALSE, &ctf) !=
		BT_PLUGIN_FIND_STATUS_OK ||
	    bt_plugin_find("utils", BT_FALSE, BT_FALSE, BT_TRUE, BT_TRUE, BT_FALSE, &utils) !=
		BT_PLUGIN_FIND_STATUS_OK) {
		take_bt_error(err, errlen, "cannot load the babeltrace2 ctf/utils plugins", NULL);
		goto end;
	}
	fs = bt_plugin_borrow_source_component_class_by_name_const(ctf, "fs");
	muxer = bt_plugin_borrow_filter_component_class_by_name_const(utils, "muxer");
	if (!fs || !muxer) {
		snprintf(err, errlen, "babeltrace2 lacks source.ctf.fs or filter.utils.muxer");
		goto end;
	}
	graph = bt_graph_create(0);
	if (!graph) {
		snprintf(err, errlen, "cannot create a babeltrace2 graph");
		goto end;
	}
	if (bt_graph_add_filter_component(graph, muxer, "mux", NULL, BT_LOGGING_LEVEL_NONE, &mux) !=
	    BT_GRAPH_ADD_COMPONENT_STATUS_OK) {
		take_bt_error(err, errlen, "cannot create the muxer", NULL);
		goto end;
	}
	for (int i = 0; i < ndirs; i++) {
		const bt_component_source *src = NULL;
		bt_value *params = bt_value_map_create();
		bt_value *inputs = NULL;
		char name[32];
		int ok = params &&
			 bt_value_map_insert_empty_array_entry(params, "inputs", &inputs) ==
			     BT_VALUE_MAP_INSERT_ENTRY_STATUS_OK &&
			 bt_value_array_append_string_element(inputs, dirs[i]) ==
			     BT_VALUE_ARRAY_APPEND_ELEMENT_STATUS_OK;
		snprintf(name, sizeof(name), "src%d", i);
		if (ok &&
		    bt_graph_add_source_component(graph, fs, name, params, BT_LOGGING_LEVEL_NONE,
						  &src) != BT_GRAPH_ADD_COMPONENT_STATUS_OK)
			ok = 0;
		bt_value_put_ref(params);
		if (!ok) {
			take_bt_error(err, errlen, "cannot open the trace", dirs[i]);
			goto end;
		}
		uint64_t nports = bt_component_source_get_output_port_count(src);
		for (uint64_t k = 0; k < nports; k++) {
			const bt_port_input *in =
			    bt_component_filter_borrow_input_port_by_index_const(mux, mux_port++);
			if (!in ||
			    bt_graph_connect_ports(
				graph,
				bt_component_source_borrow_output_port_by_index_const(src, k), in,
				NULL) != BT_GRAPH_CONNECT_PORTS_STATUS_OK) {
				take_bt_error(err, errlen, "cannot connect the trace", dirs[i]);
				goto end;
			}
		}
	}
	if (bt_graph_add_simple_sink_component(graph, "acltrace", NULL, sink_consume, NULL, &s,
					       &sink_comp) != BT_GRAPH_ADD_COMPONENT_STATUS_OK ||
	    bt_graph_connect_ports(graph,
				   bt_component_filter_borrow_output_port_by_index_const(mux, 0),
				   bt_component_sink_borrow_input_port_by_index_const(sink_comp, 0),
				   NULL) != BT_GRAPH_CONNECT_PORTS_STATUS_OK) {
		take_bt_error(err, errlen, "cannot create the sink", NULL);
		goto end;
	}
	for (;;) {
		bt_graph_run_status st = bt_graph_run(graph);
		if (st == BT_GRAPH_RUN_STATUS_OK)
			break;
		if (st == BT_GRAPH_RUN_STATUS_AGAIN)
			continue;
		if (s.stopped)
			break;
		if (s.err[0])
			snprintf(err, errlen, "%s", s.err);
		else
			take_bt_error(err, errlen, "cannot decode the trace",
				      ndirs == 1 ? dirs[0] : "traces");
		goto end;
	}
	ret = s.stopped ? 1 : 0;
end:
	bt_graph_put_ref(graph);
	bt_plugin_put_ref(ctf);
	bt_plugin_put_ref(utils);
	size_t it = 0;
	uint64_t key;
	void *val;
	while (acltrace_map_next(&s.classes, &it, &key, &val))
		free(val);
	acltrace_map_fini(&s.classes);
	acltrace_map_fini(&s.streams);
	free(s.frames);
	return ret;
}
