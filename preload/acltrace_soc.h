/* SPDX-License-Identifier: MIT */
/*
 * The per-SoC DVPP rules, in one table with their sources (api-facts.md sections 5.2 and 5.4):
 * which pools each engine (VPC, JPEGD, JPEGE, PNGD, VDEC, VENC) accepts, the JPEG decoder's output
 * stride alignment and the stride bounds. The target is ACLTRACE_TARGET when set, otherwise what
 * the runtime's aclrtGetSocName reports (read once, after aclInit).
 */
#ifndef ACLTRACE_SOC_H
#define ACLTRACE_SOC_H

#include <stdbool.h>
#include <stdint.h>

enum acltrace_engine {
	ACLTRACE_ENGINE_VPC = 0,
	ACLTRACE_ENGINE_JPEGD,
	ACLTRACE_ENGINE_JPEGE,
	ACLTRACE_ENGINE_PNGD,
	ACLTRACE_ENGINE_VDEC,
	ACLTRACE_ENGINE_VENC,
	ACLTRACE_ENGINE_COUNT,
};

struct acltrace_soc {
	const char *family; /* "Ascend310", ...; "unknown" for the fallback row */
	const char *prefix; /* aclrtGetSocName() values that start with it */
	bool dvpp_v2;	    /* hi_mpi_dvpp_malloc and the HiMPI engines exist */
	unsigned device_ok; /* bit per engine: aclrtMalloc memory accepted besides DVPP memory */
	uint32_t jpegd_ws_align; /* JPEGD output width stride alignment (0: unknown) */
	uint32_t jpegd_hs_align;
	uint32_t ws_min, ws_max; /* picture width stride bounds */
	uint32_t hs_min, hs_max;
	const char *source; /* where the row's facts come from */
};

/* The rules in force; never NULL (the fallback row applies the strictest pools). */
const struct acltrace_soc *acltrace_soc_target(void);
/* Classifies a SoC name; the fallback row for NULL or an unknown name. */
const struct acltrace_soc *acltrace_soc_lookup(const char *name);
/* Forget the cached target (aclInit ran; or a test changed ACLTRACE_TARGET). */
void acltrace_soc_reset(void);
/* Whether engine accepts memory of pool (enum acltrace_pool) on the target. */
bool acltrace_soc_accepts(const struct acltrace_soc *soc, unsigned engine, unsigned pool);
const char *acltrace_engine_name(unsigned engine);

#endif
