/* SPDX-License-Identifier: MIT */
/*
 * Helpers for the preload test programs. Each program is built twice: as is (it must produce
 * the findings annotated with "acltrace-expect:") and with ACLTRACE_TEST_CORRECT defined (the
 * near-identical correct program, which must produce none).
 */
#ifndef ACLTRACE_TEST_H
#define ACLTRACE_TEST_H

#include <stdio.h>
#include <stdlib.h>

/* A call that must succeed for the scenario to mean anything. */
#define MUST(call)                                                                               \
	do {                                                                                     \
		int rc_ = (int)(call);                                                           \
		if (rc_ != 0) {                                                                  \
			fprintf(stderr, "%s:%d: %s failed with %d\n", __FILE__, __LINE__, #call, \
				rc_);                                                            \
			exit(3);                                                                 \
		}                                                                                \
	} while (0)

#ifdef ACLTRACE_TEST_CORRECT
#define BAD(stmt)  ((void)0)
#define GOOD(stmt) stmt
#else
#define BAD(stmt)  stmt
#define GOOD(stmt) ((void)0)
#endif

#endif
