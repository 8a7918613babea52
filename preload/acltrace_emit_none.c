/* SPDX-License-Identifier: MIT */
/* The event sink used when no tracer is built in: every event is dropped. */
#include "acltrace_emit.h"

void acltrace_emit_process(const struct acltrace_emit_process *ev)
{
	(void)ev;
}

void acltrace_emit_alloc(const struct acltrace_emit_alloc *ev)
{
	(void)ev;
}

void acltrace_emit_free(const struct acltrace_emit_free *ev)
{
	(void)ev;
}

void acltrace_emit_use(const struct acltrace_emit_use *ev)
{
	(void)ev;
}

void acltrace_emit_task_submit(const struct acltrace_emit_task *ev)
{
	(void)ev;
}

void acltrace_emit_task_retire(const struct acltrace_emit_task *ev)
{
	(void)ev;
}

void acltrace_emit_finding(const struct acltrace_emit_finding *ev)
{
	(void)ev;
}

void acltrace_emit_lifecycle(const struct acltrace_emit_lifecycle *ev)
{
	(void)ev;
}

void acltrace_emit_pool(const struct acltrace_emit_pool *ev)
{
	(void)ev;
}

bool acltrace_emit_wants_stack(void)
{
	return false;
}
