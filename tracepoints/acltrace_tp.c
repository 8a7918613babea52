/* SPDX-License-Identifier: MIT */
/*
 * The provider's probes, compiled into the preload library. Both definitions are hidden so the
 * library exports nothing but the interposed functions.
 */
#define LTTNG_UST_TRACEPOINT_CREATE_PROBES
#define LTTNG_UST_TRACEPOINT_DEFINE
#define LTTNG_UST_TRACEPOINT_HIDDEN_DEFINITION
#define LTTNG_UST_TRACEPOINT_PROVIDER_HIDDEN_DEFINITION

/* The provider macros declare some symbols more than once, by design. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wredundant-decls"
#include "acltrace_tp.h"
#pragma GCC diagnostic pop

#include "acltrace_findings.h"

/* The finding_kind enumeration in acltrace_tp.h lists the vocabulary by hand. */
_Static_assert(ACLTRACE_FINDING_COUNT == 14,
	       "a finding kind was added: extend the finding_kind enumeration in acltrace_tp.h");

/*
 * The preload reports leaks at exit and writes its `exit` event from a destructor that runs after
 * this unit's own, which would unregister the provider first and drop those events. A second
 * reference on each registration keeps them alive to the end (liblttng-ust, a dependency, is
 * finalized after us). These are the header's own init functions: each one counts references.
 */
static void acltrace_tp_pin(void) __attribute__((constructor));
static void acltrace_tp_pin(void)
{
	lttng_ust__tracepoints__init();
	lttng_ust__tracepoints__ptrs_init();
	lttng_ust__events_init__acltrace();
}
