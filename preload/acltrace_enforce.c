/* SPDX-License-Identifier: MIT */
#include "acltrace_enforce.h"

#include "acltrace_acl.h"
#include "acltrace_findings.h"
#include "acltrace_log.h"
#include "acltrace_options.h"
#include "acltrace_real.h"
#include "acltrace_registry.h"
#include "acltrace_types.h"
#include "acltrace_use.h"

#include <pthread.h>
#include <string.h>

#define HI_VPC_BAD_ADDR	      ((int)0xA0078011u)
#define HI_VPC_ILLEGAL_PARAM  ((int)0xA0078003u)
#define HI_VDEC_BAD_ADDR      ((int)0xA0058011u)
#define HI_VDEC_ILLEGAL_PARAM ((int)0xA0058003u)
#define HI_SYS_NO_MEM	      ((int)0xA002800Cu)
#define ACL_RT_MEMORY_ALLOC   207001

#define BIT(k) (1u << ACLTRACE_FINDING_##k)

/* The address faults a DVPP operation is not given to the runtime with. */
static const uint32_t dvpp_address_kinds =
    BIT(NON_DVPP_BUFFER) | BIT(MISALIGNED_BUFFER) | BIT(BUFFER_OVERFLOW) | BIT(USE_AFTER_FREE);
/* What enforce mode acts on by default (the table in acltrace_enforce.h). */
static const uint32_t enforced_by_mode =
    BIT(MISMATCHED_FREE) | BIT(DOUBLE_FREE) | BIT(INVALID_FREE) | BIT(NON_DVPP_BUFFER) |
    BIT(MISALIGNED_BUFFER) | BIT(BUFFER_OVERFLOW) | BIT(USE_AFTER_FREE) | BIT(FREED_WHILE_IN_USE);
/* Kinds whose explicit enforce rule keeps a use from the runtime at any site. */
static const uint32_t deny_anywhere =
    BIT(DVPP_POOL_MISUSE) | BIT(UNPINNED_ASYNC_COPY) | BIT(UNCHECKED_FAILURE);

static uint8_t rules[ACLTRACE_FINDING_COUNT];
static int rules_ready;

static void parse_rules(void)
{
	const char *s = acltrace_option_str(ACLTRACE_OPT_RULES);
	unsigned def = acltrace_option_int(ACLTRACE_OPT_MODE) == ACLTRACE_MODE_ENFORCE
			   ? ACLTRACE_RULE_ENFORCE
			   : ACLTRACE_RULE_OBSERVE;

	for (unsigned k = 0; k < ACLTRACE_FINDING_COUNT; k++)
		rules[k] = (uint8_t)(def == ACLTRACE_RULE_ENFORCE && (enforced_by_mode & (1u << k))
					 ? ACLTRACE_RULE_ENFORCE
					 : ACLTRACE_RULE_OBSERVE);
	while (s && *s) {
		const char *end = strchr(s, ','), *colon;
		size_t len = end ? (size_t)(end - s) : strlen(s);
		enum acltrace_finding_kind kind;
		const char *act;
		size_t alen;
		unsigned rule = 99;

		colon = memchr(s, ':', len);
		if (colon) {
			kind = acltrace_finding_by_name(s, (size_t)(colon - s));
			act = colon + 1;
			alen = len - (size_t)(act - s);
			if (alen == 3 && memcmp(act, "off", 3) == 0)
				rule = ACLTRACE_RULE_OFF;
			else if (alen == 7 && memcmp(act, "observe", 7) == 0)
				rule = ACLTRACE_RULE_OBSERVE;
			else if (alen == 7 && memcmp(act, "enforce", 7) == 0)
				rule = ACLTRACE_RULE_ENFORCE;
		} else {
			kind = ACLTRACE_FINDING_COUNT;
		}
		if (kind == ACLTRACE_FINDING_COUNT || rule == 99) {
			char item[80];
			size_t n = len < sizeof(item) - 1 ? len : sizeof(item) - 1;

			/* The log's printf has no precision: copy the item out. */
			memcpy(item, s, n);
			item[n] = '\0';
			acltrace_warn("ACLTRACE_RULES: '%s' is not KIND:off|observe|enforce with a "
				      "finding kind; ignored",
				      item);
		} else
			rules[kind] = (uint8_t)rule;
		s = end ? end + 1 : NULL;
	}
}

unsigned acltrace_enforce_rule(unsigned kind)
{
	if (!__atomic_load_n(&rules_ready, __ATOMIC_ACQUIRE)) {
		/* Idempotent: racing threads compute the same table. */
		parse_rules();
		__atomic_store_n(&rules_ready, 1, __ATOMIC_RELEASE);
	}
	return kind < ACLTRACE_FINDING_COUNT ? rules[kind] : ACLTRACE_RULE_OBSERVE;
}

bool acltrace_enforce_denies_use(unsigned kind, bool dvpp_op)
{
	if (acltrace_enforce_rule(kind) != ACLTRACE_RULE_ENFORCE)
		return false;
	if (dvpp_address_kinds & (1u << kind))
		return dvpp_op;
	return (deny_anywhere & (1u << kind)) != 0;
}

int acltrace_enforce_use_code(unsigned site, uint32_t deny_kinds)
{
	/* Only a size fault is a bad parameter; the others are bad addresses. */
	bool size_only = (deny_kinds & ~BIT(BUFFER_OVERFLOW)) == 0;

	switch (site) {
	case ACLTRACE_SITE_VPC:
		return size_only ? HI_VPC_ILLEGAL_PARAM : HI_VPC_BAD_ADDR;
	case ACLTRACE_SITE_VDEC:
		return size_only ? HI_VDEC_ILLEGAL_PARAM : HI_VDEC_BAD_ADDR;
	default:
		return ACLTRACE_ACL_INVALID_PARAM;
	}
}

/* A free withheld by this thread's current wrapper call (one at a time per thread). */
static __thread int free_denied __attribute__((tls_model("initial-exec")));

void acltrace_enforce_on_bad_free(struct acltrace_call *c, unsigned kind, unsigned severity,
				  uint64_t addr)
{
	if (acltrace_enforce_rule(kind) != ACLTRACE_RULE_ENFORCE)
		return;
	if (kind == ACLTRACE_FINDING_MISMATCHED_FREE && severity != ACLTRACE_SEVERITY_ERROR)
		return;
	if (kind != ACLTRACE_FINDING_MISMATCHED_FREE && kind != ACLTRACE_FINDING_DOUBLE_FREE &&
	    kind != ACLTRACE_FINDING_INVALID_FREE)
		return;
	if (c->released) {
		/* The allocation stays live: undo what the free recorded. */
		acltrace_registry_unrelease(addr, c->generation);
		acltrace_use_on_free_failed((void *)(uintptr_t)addr);
		c->released = false;
	}
	free_denied = 1;
}

bool acltrace_enforce_take_free_denial(struct acltrace_call *c, int *code)
{
	if (!free_denied)
		return false;
	free_denied = 0;
	*code = c->api == ACLTRACE_API_hi_mpi_dvpp_free ? ACLTRACE_HI_SYS_ILLEGAL
							: ACLTRACE_ACL_INVALID_PARAM;
	return true;
}

/* ACLTRACE_DVPP_LIMIT in bytes (0: none); K, M, G suffixes are powers of 1024. */
uint64_t acltrace_enforce_dvpp_limit(void)
{
	static uint64_t limit;
	static int parsed;
	const char *s;
	uint64_t v = 0;

	if (__atomic_load_n(&parsed, __ATOMIC_ACQUIRE))
		return limit;
	s = acltrace_option_str(ACLTRACE_OPT_DVPP_LIMIT);
	if (s && *s) {
		const char *p = s;
		bool ok = *p >= '0' && *p <= '9';

		for (; ok && *p >= '0' && *p <= '9'; p++)
			ok = v <= (UINT64_MAX - 9) / 10 && ((v = v * 10 + (uint64_t)(*p - '0')), 1);
		if (ok && *p) {
			unsigned shift = (*p == 'K' || *p == 'k')   ? 10
					 : (*p == 'M' || *p == 'm') ? 20
					 : (*p == 'G' || *p == 'g') ? 30
								    : 0;
			ok = shift && !p[1] && v <= (UINT64_MAX >> shift);
			v <<= shift;
		}
		if (!ok) {
			acltrace_warn("ACLTRACE_DVPP_LIMIT='%s' is not a size (digits with an "
				      "optional K, M or G); no limit",
				      s);
			v = 0;
		}
	}
	limit = v;
	__atomic_store_n(&parsed, 1, __ATOMIC_RELEASE);
	return limit;
}

bool acltrace_enforce_pre_alloc(struct acltrace_call *c, unsigned pool, void **out, uint64_t size,
				int policy, int *code)
{
	uint64_t limit, count, bytes;

	if (pool != ACLTRACE_POOL_DVPP)
		return false;
	limit = acltrace_enforce_dvpp_limit();
	if (!limit)
		return false;
	acltrace_registry_pool_usage(ACLTRACE_POOL_DVPP, &count, &bytes);
	if (bytes + size <= limit)
		return false;
	*code = c->api == ACLTRACE_API_hi_mpi_dvpp_malloc ? HI_SYS_NO_MEM : ACL_RT_MEMORY_ALLOC;
	if (out)
		*out = NULL;
	/* Reported like a real exhaustion: pool-exhausted with the pool's live bytes. */
	acltrace_on_alloc(c, pool, *code, out, size, policy);
	return true;
}

/* ---- ACLTRACE_REALIGN ---- */

#define REALIGN_SLOTS 4096u

struct realigned {
	uint64_t aligned; /* what the program was given (0: free slot) */
	uint64_t base;	  /* what the runtime returned */
};

static struct realigned realigned[REALIGN_SLOTS];
static _Atomic uint32_t realigned_count;
static pthread_mutex_t realign_lock = PTHREAD_MUTEX_INITIALIZER;

typedef int (*v1_alloc_fn)(void **, size_t);
typedef int (*v2_alloc_fn)(unsigned, void **, unsigned long long);
typedef int (*free_fn)(void *);

void acltrace_enforce_realign(struct acltrace_call *c, unsigned pool, int rc, void **out,
			      uint64_t size)
{
	bool v1 = c->api == ACLTRACE_API_acldvppMalloc;
	void *old, *base = NULL;
	free_fn fr;
	int r;

	if (pool != ACLTRACE_POOL_DVPP || rc != 0 || !out || !*out || !((uintptr_t)*out & 127u) ||
	    !acltrace_option_int(ACLTRACE_OPT_REALIGN))
		return;
	fr = (free_fn)acltrace_real_get(v1 ? ACLTRACE_API_acldvppFree
					   : ACLTRACE_API_hi_mpi_dvpp_free);
	if (!fr || __atomic_load_n(&realigned_count, __ATOMIC_RELAXED) >= REALIGN_SLOTS / 2)
		return;
	if (v1) {
		v1_alloc_fn a = (v1_alloc_fn)acltrace_real_get(ACLTRACE_API_acldvppMalloc);
		r = a ? a(&base, (size_t)size + 128) : -1;
	} else {
		v2_alloc_fn a = (v2_alloc_fn)acltrace_real_get(ACLTRACE_API_hi_mpi_dvpp_malloc);
		r = a ? a(0, &base, size + 128) : -1;
	}
	if (r != 0 || !base)
		return; /* keep the misaligned block: it is reported */
	old = *out;
	*out = (void *)(((uintptr_t)base + 127u) & ~(uintptr_t)127u);
	fr(old);
	pthread_mutex_lock(&realign_lock);
	for (uint32_t i = (uint32_t)(((uintptr_t)*out >> 7) * 0x9e3779b1u) % REALIGN_SLOTS;;
	     i = (i + 1) % REALIGN_SLOTS) {
		if (!realigned[i].aligned) {
			realigned[i] = (struct realigned){ (uint64_t)(uintptr_t)*out,
							   (uint64_t)(uintptr_t)base };
			realigned_count++;
			break;
		}
	}
	pthread_mutex_unlock(&realign_lock);
}

void *acltrace_enforce_realigned_base(void *ptr)
{
	uint64_t a = (uint64_t)(uintptr_t)ptr;
	void *base = ptr;

	if (!a || !__atomic_load_n(&realigned_count, __ATOMIC_ACQUIRE))
		return ptr;
	pthread_mutex_lock(&realign_lock);
	for (uint32_t n = 0, i = (uint32_t)((a >> 7) * 0x9e3779b1u) % REALIGN_SLOTS;
	     n < REALIGN_SLOTS && realigned[i].aligned; n++, i = (i + 1) % REALIGN_SLOTS) {
		if (realigned[i].aligned == a) {
			base = (void *)(uintptr_t)realigned[i].base;
			/* Re-insert what follows so probe chains stay unbroken. */
			realigned[i].aligned = 0;
			realigned_count--;
			for (uint32_t j = (i + 1) % REALIGN_SLOTS; realigned[j].aligned;
			     j = (j + 1) % REALIGN_SLOTS) {
				struct realigned e = realigned[j];
				uint32_t k =
				    (uint32_t)((e.aligned >> 7) * 0x9e3779b1u) % REALIGN_SLOTS;

				realigned[j].aligned = 0;
				while (realigned[k].aligned)
					k = (k + 1) % REALIGN_SLOTS;
				realigned[k] = e;
			}
			break;
		}
	}
	pthread_mutex_unlock(&realign_lock);
	return base;
}
