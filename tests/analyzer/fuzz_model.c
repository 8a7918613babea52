/* SPDX-License-Identifier: MIT */
/*
 * libFuzzer target: arbitrary bytes become a sequence of plain events (any type, any values,
 * stacks, strings from a small table) fed to the model, which then finishes, applies a device
 * profile and renders a JSON report. Nothing may crash, leak or trip the sanitizers.
 */
#include "acltrace_emit.h"
#include "acltrace_model.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

static const char *const strings[] = {
	"aclrtMalloc",
	"aclrtFree",
	"aclrtMallocHost",
	"aclrtFreeHost",
	"acldvppMalloc",
	"acldvppFree",
	"hi_mpi_dvpp_malloc",
	"hi_mpi_dvpp_free",
	"acldvppVpcResizeAsync",
	"aclrtMemcpyAsync",
	"aclmdlLoadFromFileWithMem",
	"Ascend310",
	"Ascend910B1",
	"",
	"host",
	"/nonexistent/lib.so",
};

struct cursor {
	const uint8_t *p;
	size_t n;
};

static uint64_t take(struct cursor *c, unsigned bytes)
{
	uint64_t v = 0;
	for (unsigned i = 0; i < bytes; i++) {
		v = (v << 8) | (c->n ? *c->p : 0);
		if (c->n) {
			c->p++;
			c->n--;
		}
	}
	return v;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct cursor c = { data, size };
	struct acltrace_model_config cfg;
	acltrace_model_config_default(&cfg);
	cfg.freed_memory = 8; /* small, so the freed-record ring wraps */
	struct acltrace_model *m = acltrace_model_create(&cfg);
	uint64_t frames[8];
	uint64_t t = 0;

	if (!m)
		return 0;
	while (c.n > 0) {
		struct acltrace_event ev = { 0 };
		ev.type = (uint16_t)(take(&c, 1) % (ACLTRACE_EV_TYPE_COUNT + 1));
		ev.trace_id = (uint16_t)(take(&c, 1) % 3);
		ev.pid = (int32_t)(take(&c, 1) % 4) + 1;
		ev.tid = ev.pid;
		t += take(&c, 2) * 1000;
		ev.time_ns = t;
		/* small values collide more: addresses in a few pages, ids in a few slots */
		uint64_t a = take(&c, 2) * 16, b = take(&c, 2), x = take(&c, 1), y = take(&c, 1);
		memset(&ev.u, 0, sizeof(ev.u));
		ev.u.alloc.addr = a;
		ev.u.alloc.requested = b;
		ev.u.alloc.size = b + (x & 32);
		ev.u.alloc.stack_id = x % 6;
		ev.u.alloc.api = (uint32_t)(y % 12);
		ev.u.alloc.pool = (uint32_t)(x % 5);
		ev.u.alloc.device = (int32_t)(y % 3) - 1;
		ev.u.alloc.rc = (y & 0x80) ? 207001 : 0;
		if (ev.type == ACLTRACE_EV_FREE) {
			ev.u.free.addr = a;
			ev.u.free.stack_id = x % 6;
			ev.u.free.api = (uint32_t)(y % 12);
			ev.u.free.action = (uint32_t)(x % 3);
			ev.u.free.live_pool = (y & 1) ? UINT32_MAX : (uint32_t)(x % 4);
		} else if (ev.type == ACLTRACE_EV_USE) {
			ev.u.use.addr = a;
			ev.u.use.size = b;
			ev.u.use.stack_id = y % 6;
			ev.u.use.api = (uint32_t)(y % 12);
			ev.u.use.role = (uint32_t)(x % 10);
		} else if (ev.type == ACLTRACE_EV_TASK_SUBMIT ||
			   ev.type == ACLTRACE_EV_TASK_RETIRE) {
			ev.u.task.stream = x % 3;
			ev.u.task.task = y % 5;
			ev.u.task.stack_id = y % 6;
			ev.u.task.api = (uint32_t)(x % 12);
		} else if (ev.type == ACLTRACE_EV_FINDING) {
			ev.u.finding.kind = (uint32_t)(x % 16);
			ev.u.finding.severity = y & 1;
			ev.u.finding.stack_id = y % 6;
			ev.u.finding.alloc_stack_id = x % 6;
			ev.u.finding.count = b % 3;
			ev.u.finding.addr = a;
		} else if (ev.type == ACLTRACE_EV_LIFECYCLE) {
			ev.u.lifecycle.op = (uint32_t)(x % 8);
			ev.u.lifecycle.device = (int32_t)(y % 3) - 1;
			ev.u.lifecycle.rc = (int32_t)(b % 2);
		} else if (ev.type == ACLTRACE_EV_PROCESS) {
			ev.u.process.generation = (uint32_t)(x % 3);
			ev.u.process.ppid = (int32_t)(y % 5);
			ev.u.process.device = (int32_t)(b % 3) - 1;
		} else if (ev.type == ACLTRACE_EV_POOL) {
			ev.u.pool.pool = (uint32_t)(x % 5);
			ev.u.pool.device = (int32_t)(y % 3) - 1;
			ev.u.pool.capacity = b << 10;
			ev.u.pool.source = (uint32_t)(x % 6);
		} else if (ev.type == ACLTRACE_EV_API) {
			ev.u.api.id = (uint32_t)(x % 300);
		} else if (ev.type == ACLTRACE_EV_STACK) {
			ev.u.stack.stack_id = x % 6;
			ev.nframes = (uint32_t)(y % 9);
			for (uint32_t i = 0; i < ev.nframes; i++)
				frames[i] = take(&c, 2);
			ev.frames = frames;
		} else if (ev.type == ACLTRACE_EV_MODULE ||
			   ev.type == ACLTRACE_EV_MODULE_BUILD_ID ||
			   ev.type == ACLTRACE_EV_MODULE_DEBUG_LINK ||
			   ev.type == ACLTRACE_EV_MODULE_UNLOAD) {
			ev.u.module.base = a;
			ev.u.module.memsz = b;
			ev.u.module.build_id_len = (uint32_t)(x % 300);
			ev.build_id = data; /* at least as long as the input: capped below */
			if (ev.u.module.build_id_len > size)
				ev.u.module.build_id_len = (uint32_t)size;
		} else if (ev.type == ACLTRACE_EV_DISCARDED) {
			ev.u.discarded.count = b;
		}
		ev.str =
		    (y & 0x40) ? NULL : strings[(x + y) % (sizeof(strings) / sizeof(strings[0]))];
		if (acltrace_model_feed(m, &ev) != 0)
			break;
	}
	if (acltrace_model_finish(m) == 0) {
		struct acltrace_capacity_override ovr = { 0 };
		ovr.set[ACLTRACE_POOL_DVPP] = true;
		ovr.bytes[ACLTRACE_POOL_DVPP] = 1u << 16;
		acltrace_model_apply_profile(m, NULL, &ovr);
		FILE *out = fopen("/dev/null", "w");
		if (out) {
			struct acltrace_emitter *e = (data[0] % 3) == 0 ? acltrace_emitter_json(out)
						     : (data[0] % 3) == 1
							 ? acltrace_emitter_html(out)
							 : acltrace_emitter_text(out, true);
			struct acltrace_report_info info = { .profile_selected_by = "none" };
			if (e)
				acltrace_report_emit(m, NULL, e, &info);
			acltrace_emitter_destroy(e);
			fclose(out);
		}
	}
	acltrace_model_destroy(m);
	return 0;
}
