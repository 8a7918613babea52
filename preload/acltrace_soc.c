/* SPDX-License-Identifier: MIT */
#include "acltrace_soc.h"

#include "acltrace_log.h"
#include "acltrace_options.h"
#include "acltrace_real.h"
#include "acltrace_types.h"

#include <dlfcn.h>
#include <string.h>

#define ENG(e) (1u << ACLTRACE_ENGINE_##e)

/*
 * Longest prefixes first ("Ascend910_93" and "Ascend910B" both start with "Ascend910").
 * Sources, api-facts.md:
 *   5.2: V2 (hi_mpi_dvpp_malloc) is not supported on Ascend310 / Ascend910; on Atlas 200I/500 A2
 *        (310B) and Atlas A2/A3 (910B, 910_93) VPC, VDEC and JPEGD also accept aclrtMalloc memory.
 *   5.4: JPEGD output strides: Atlas 200/300/500 and training (310, 910) width 128, height 16;
 *        310P / 200I A2 / A2 width 64, height 16. V1 stride bounds: width 32..16384 (header:
 *        min 32, max 4096 x 4), height 6..4096; 310P/A2/A3 and V2: width 10..16384, height
 *        6..16384.
 */
static const struct acltrace_soc socs[] = {
	{ "Ascend910_93", "Ascend910_93", true, ENG(VPC) | ENG(JPEGD) | ENG(VDEC), 64, 16, 10,
	  16384, 6, 16384, "api-facts.md 5.2 (A3 accepts aclrtMalloc), 5.4 (A2/A3 strides)" },
	{ "Ascend910B", "Ascend910B", true, ENG(VPC) | ENG(JPEGD) | ENG(VDEC), 64, 16, 10, 16384, 6,
	  16384, "api-facts.md 5.2 (Atlas A2 accepts aclrtMalloc), 5.4 (A2 JPEGD 64/16)" },
	{ "Ascend910", "Ascend910", false, 0, 128, 16, 32, 16384, 6, 4096,
	  "api-facts.md 5.2 (no V2 on training products), 5.4 (JPEGD 128/16, V1 bounds)" },
	{ "Ascend310P", "Ascend310P", true, 0, 64, 16, 10, 16384, 6, 16384,
	  "api-facts.md 5.2 (DVPP memory only), 5.4 (310P JPEGD 64/16, V2 bounds)" },
	{ "Ascend310B", "Ascend310B", true, ENG(VPC) | ENG(JPEGD) | ENG(VDEC), 64, 16, 10, 16384, 6,
	  16384, "api-facts.md 5.2 (200I/500 A2 accepts aclrtMalloc), 5.4 (200I A2 JPEGD 64/16)" },
	{ "Ascend310", "Ascend310", false, 0, 128, 16, 32, 16384, 6, 4096,
	  "api-facts.md 5.2 (no V2 on Atlas 200/300/500), 5.4 (JPEGD 128/16, V1 bounds)" },
};

static const struct acltrace_soc fallback = {
	"unknown",
	"",
	true,
	0,
	0,
	0,
	10,
	16384,
	6,
	16384,
	"no rule row: DVPP memory only, stride alignment not checked"
};

static const struct acltrace_soc *_Atomic cached;

const struct acltrace_soc *acltrace_soc_lookup(const char *name)
{
	if (!name || !*name)
		return &fallback;
	for (size_t i = 0; i < sizeof(socs) / sizeof(socs[0]); i++) {
		size_t n = strlen(socs[i].prefix);

		/* "Ascend310" names exactly that SoC; the others are families of variants. */
		if (strcmp(socs[i].prefix, "Ascend310") == 0
			? strcmp(name, "Ascend310") == 0
			: strncmp(name, socs[i].prefix, n) == 0)
			return &socs[i];
	}
	return &fallback;
}

typedef const char *(*soc_name_fn)(void);

static const char *runtime_soc_name(void)
{
	typedef void *(*dlsym_fn)(void *, const char *);
	dlsym_fn real_dlsym = (dlsym_fn)__atomic_load_n(&acltrace_libc_dlsym, __ATOMIC_ACQUIRE);
	soc_name_fn fn;

	if (!real_dlsym)
		return NULL;
	fn = (soc_name_fn)real_dlsym(RTLD_DEFAULT, "aclrtGetSocName");
	dlerror();
	return fn ? fn() : NULL;
}

const struct acltrace_soc *acltrace_soc_target(void)
{
	const struct acltrace_soc *s = __atomic_load_n(&cached, __ATOMIC_ACQUIRE);
	const char *name;

	if (s)
		return s;
	name = acltrace_option_str(ACLTRACE_OPT_TARGET);
	if (!name || !*name)
		name = runtime_soc_name();
	s = acltrace_soc_lookup(name);
	if (name && *name && s == &fallback) {
		static int warned;

		if (!__atomic_exchange_n(&warned, 1, __ATOMIC_RELAXED))
			acltrace_warn("target SoC '%s' has no rule row; DVPP buffers must be DVPP "
				      "memory, JPEG strides are not checked",
				      name);
	}
	/* Before aclInit the runtime may not know its SoC yet: do not cache a guess. */
	if (name && *name)
		__atomic_store_n(&cached, s, __ATOMIC_RELEASE);
	return s;
}

void acltrace_soc_reset(void)
{
	__atomic_store_n(&cached, NULL, __ATOMIC_RELEASE);
}

bool acltrace_soc_accepts(const struct acltrace_soc *soc, unsigned engine, unsigned pool)
{
	if (pool == ACLTRACE_POOL_DVPP)
		return true;
	return pool == ACLTRACE_POOL_DEVICE && engine < ACLTRACE_ENGINE_COUNT &&
	       (soc->device_ok & (1u << engine));
}

const char *acltrace_engine_name(unsigned engine)
{
	static const char *const names[ACLTRACE_ENGINE_COUNT] = { "VPC",  "JPEGD", "JPEGE",
								  "PNGD", "VDEC",  "VENC" };
	return engine < ACLTRACE_ENGINE_COUNT ? names[engine] : "?";
}
