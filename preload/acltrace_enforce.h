/* SPDX-License-Identifier: MIT */
/*
 * Enforce mode (ACLTRACE_MODE=enforce) and the per-rule overrides of ACLTRACE_RULES. What
 * enforce does per finding kind (docs/preload.md repeats this table):
 *
 *   kind                                  enforce
 *   mismatched-free (error), double-free, the free is not forwarded: ACL_ERROR_INVALID_PARAM
 *   invalid-free                          (100000), hi_mpi_dvpp_free HI_ERR_SYS_ILLEGAL_PARAM
 *                                         (0xA0028003); the allocation stays live
 *   non-dvpp-buffer, misaligned-buffer,   at a DVPP operation the call is not forwarded: V1
 *   buffer-overflow, use-after-free       100000; V2 the module's BAD_ADDR (ILLEGAL_PARAM for
 *                                         buffer-overflow); elsewhere reported only
 *   freed-while-in-use                    the free first synchronizes the stream (or waits for
 *                                         the VPC task) still using the memory, then proceeds;
 *                                         video frames: reported only (they complete through
 *                                         the program's own calls)
 *   mismatched-free (warning), leak,      reported only; with an explicit
 *   pool-exhausted, alloc-failed,         ACLTRACE_RULES=<kind>:enforce the use-site kinds
 *   dvpp-pool-misuse, unpinned-async-     (dvpp-pool-misuse, unpinned-async-copy,
 *   copy, unchecked-failure               unchecked-failure) keep the call from the runtime
 *                                         with the site's invalid-parameter code
 *
 * ACLTRACE_RULES=kind:off|observe|enforce,... overrides one kind whatever the mode: off is
 * neither reported nor enforced. ACLTRACE_DVPP_LIMIT=SIZE (K/M/G suffixes) fails DVPP
 * allocations that would take the pool's live bytes past SIZE with the runtime's
 * out-of-memory code (acldvppMalloc 207001, hi_mpi_dvpp_malloc HI_ERR_SYS_NO_MEM 0xA002800C).
 * ACLTRACE_REALIGN=1 re-aligns DVPP allocations the runtime returned misaligned.
 */
#ifndef ACLTRACE_ENFORCE_H
#define ACLTRACE_ENFORCE_H

#include "acltrace_track.h"

#include <stdbool.h>
#include <stdint.h>

enum acltrace_rule {
	ACLTRACE_RULE_OFF = 0,
	ACLTRACE_RULE_OBSERVE = 1,
	ACLTRACE_RULE_ENFORCE = 2,
};

/* The rule of a finding kind, from ACLTRACE_MODE and ACLTRACE_RULES. */
unsigned acltrace_enforce_rule(unsigned kind);
/* Whether a finding of kind at a use site keeps the call from the runtime. */
bool acltrace_enforce_denies_use(unsigned kind, bool dvpp_op);
/* The code a denied use returns at site (enum acltrace_site). */
int acltrace_enforce_use_code(unsigned site, uint32_t deny_kinds);

/* The free path: a bad free was reported; in enforce mode it will not be forwarded. */
void acltrace_enforce_on_bad_free(struct acltrace_call *c, unsigned kind, unsigned severity,
				  uint64_t addr);
/* Whether the free of this call is withheld; *code receives what the wrapper returns. */
bool acltrace_enforce_take_free_denial(struct acltrace_call *c, int *code);
/* ACLTRACE_DVPP_LIMIT in bytes, 0 when unset (parsed once). */
uint64_t acltrace_enforce_dvpp_limit(void);
/* Before a DVPP allocation: ACLTRACE_DVPP_LIMIT; true and *code when it must fail. */
bool acltrace_enforce_pre_alloc(struct acltrace_call *c, unsigned pool, void **out, uint64_t size,
				int policy, int *code);
/*
 * ACLTRACE_REALIGN=1, after a DVPP allocation the runtime returned misaligned: the block is
 * replaced by one 128 bytes larger, and *out by its first 128-byte aligned address. The real base
 * is remembered for the free.
 */
void acltrace_enforce_realign(struct acltrace_call *c, unsigned pool, int rc, void **out,
			      uint64_t size);
/* The address to hand the runtime's free: the real base of a re-aligned block, else ptr. */
void *acltrace_enforce_realigned_base(void *ptr);

#endif
