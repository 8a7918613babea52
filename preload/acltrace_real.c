/* SPDX-License-Identifier: MIT */
#include "acltrace_real.h"

#include "acltrace_acl.h"
#include "acltrace_log.h"

#include <dlfcn.h>
#include <elf.h>
#include <link.h>
#include <string.h>
#include <sys/types.h>

void *acltrace_real[ACLTRACE_API_COUNT];
void *acltrace_libc_dlsym;
void *acltrace_libc_dlvsym;

enum hook_lib { LIB_ASCENDCL, LIB_DVPP, LIB_DVPP_MPI, LIB_LIBC };

static const enum hook_lib api_libs[ACLTRACE_API_COUNT] = {
#define HOOK(ret, name, params, args, lib, missing, kind, kargs) LIB_##lib,
#define HOOK_NORET(name, params, args, lib)			 LIB_##lib,
#include "acltrace_hooks.def"
#undef HOOK
#undef HOOK_NORET
};

/* The wrappers, under their hidden names (acltrace_hooks.c). */
#define HOOK(ret, name, params, args, lib, missing, kind, kargs) ret acltrace_wrap_##name params;
#define HOOK_NORET(name, params, args, lib)			 void acltrace_wrap_##name params;
#include "acltrace_hooks.def"
#undef HOOK
#undef HOOK_NORET

static void *const wrapper_addrs[ACLTRACE_API_COUNT] = {
#define HOOK(ret, name, params, args, lib, missing, kind, kargs) (void *)acltrace_wrap_##name,
#define HOOK_NORET(name, params, args, lib)			 (void *)acltrace_wrap_##name,
#include "acltrace_hooks.def"
#undef HOOK
#undef HOOK_NORET
};

/* Sonames tried with RTLD_NOLOAD when RTLD_NEXT cannot see the library (RTLD_LOCAL). */
static const char *const lib_sonames[][3] = {
	[LIB_ASCENDCL] = { "libascendcl.so", "libacl_rt.so", NULL },
	[LIB_DVPP] = { "libacl_dvpp.so", NULL, NULL },
	[LIB_DVPP_MPI] = { "libacl_dvpp_mpi.so", NULL, NULL },
	[LIB_LIBC] = { "libc.so.6", NULL, NULL },
};

int acltrace_api_by_name(const char *name)
{
	for (unsigned i = 0; i < ACLTRACE_API_COUNT; i++) {
		if (api_libs[i] != LIB_LIBC && strcmp(acltrace_api_name(i), name) == 0)
			return (int)i;
	}
	return -1;
}

void *acltrace_wrapper_addr(unsigned api)
{
	return api < ACLTRACE_API_COUNT ? wrapper_addrs[api] : NULL;
}

void acltrace_real_adopt(unsigned api, void *addr)
{
	if (api < ACLTRACE_API_COUNT && addr && addr != wrapper_addrs[api])
		__atomic_store_n(&acltrace_real[api], addr, __ATOMIC_RELEASE);
}

typedef void *(*dlsym_fn)(void *, const char *);

static void *lookup_one(unsigned api)
{
	dlsym_fn real_dlsym = (dlsym_fn)acltrace_libc_dlsym;
	void *p;

	if (!real_dlsym)
		return NULL;
	/* Called from this library, so RTLD_NEXT means "after libacltrace.so". */
	p = real_dlsym(RTLD_NEXT, acltrace_api_name(api));
	if (p && p != wrapper_addrs[api])
		return p;
	for (unsigned k = 0; k < 3 && lib_sonames[api_libs[api]][k]; k++) {
		void *h = dlopen(lib_sonames[api_libs[api]][k], RTLD_LAZY | RTLD_NOLOAD);

		if (!h)
			continue;
		p = real_dlsym(h, acltrace_api_name(api));
		dlclose(h); /* RTLD_NOLOAD took a reference; the library stays loaded */
		if (p && p != wrapper_addrs[api])
			return p;
	}
	return NULL;
}

void acltrace_real_resolve_all(void)
{
	if (!acltrace_libc_dlsym && !acltrace_dl_bootstrap_find())
		return;
	for (unsigned i = 0; i < ACLTRACE_API_COUNT; i++) {
		if (!acltrace_real_get(i)) {
			void *p = lookup_one(i);
			if (p)
				__atomic_store_n(&acltrace_real[i], p, __ATOMIC_RELEASE);
		}
	}
	/* dlerror() state belongs to the program: our failed lookups must not leave a message. */
	dlerror();
}

void *acltrace_real_resolve(unsigned api)
{
	acltrace_real_resolve_all();
	return acltrace_real_get(api);
}

void acltrace_real_dump(void)
{
	for (unsigned i = 0; i < ACLTRACE_API_COUNT; i++) {
		void *p = acltrace_real_get(i);
		Dl_info info;
		const char *where = "(not found: the wrapper returns the not-supported code)";

		if (p && dladdr(p, &info) && info.dli_fname)
			where = info.dli_fname;
		acltrace_warn("hook %-26s -> %p %s", acltrace_api_name(i), p, where);
	}
}

/* ---- libc's dlsym/dlvsym, looked up in libc's dynamic symbol table ---- */

struct elf_find {
	const char *names[2];
	void *found[2];
};

static uintptr_t dyn_ptr(uintptr_t base, uintptr_t v)
{
	/* glibc relocates these entries in place on most targets; not on all. */
	return v < base ? base + v : v;
}

static uint32_t gnu_hash_nsyms(const uint32_t *gh)
{
	uint32_t nbuckets = gh[0], symoffset = gh[1], bloom_size = gh[2], max = 0;
	const uint32_t *buckets = gh + 4 + bloom_size * (sizeof(ElfW(Addr)) / 4);
	const uint32_t *chain = buckets + nbuckets;

	for (uint32_t i = 0; i < nbuckets; i++)
		if (buckets[i] > max)
			max = buckets[i];
	if (max < symoffset)
		return symoffset;
	while (!(chain[max - symoffset] & 1))
		max++;
	return max + 1;
}

static int elf_find_cb(struct dl_phdr_info *info, size_t size, void *data)
{
	struct elf_find *f = data;
	const char *name = info->dlpi_name;
	const ElfW(Dyn) *dyn = NULL;
	const ElfW(Sym) *symtab = NULL;
	const char *strtab = NULL;
	const ElfW(Half) *versym = NULL;
	const uint32_t *gnu_hash = NULL, *sysv_hash = NULL;
	uint32_t nsyms = 0;

	(void)size;
	if (!name || (!strstr(name, "libc.so.6") && !strstr(name, "libdl.so.2")))
		return 0;
	for (unsigned i = 0; i < info->dlpi_phnum; i++)
		if (info->dlpi_phdr[i].p_type == PT_DYNAMIC)
			dyn = (const ElfW(Dyn) *)(info->dlpi_addr + info->dlpi_phdr[i].p_vaddr);
	if (!dyn)
		return 0;
	for (; dyn->d_tag != DT_NULL; dyn++) {
		uintptr_t v = dyn_ptr(info->dlpi_addr, dyn->d_un.d_ptr);
		switch (dyn->d_tag) {
		case DT_SYMTAB:
			symtab = (const ElfW(Sym) *)v;
			break;
		case DT_STRTAB:
			strtab = (const char *)v;
			break;
		case DT_VERSYM:
			versym = (const ElfW(Half) *)v;
			break;
		case DT_GNU_HASH:
			gnu_hash = (const uint32_t *)v;
			break;
		case DT_HASH:
			sysv_hash = (const uint32_t *)v;
			break;
		default:
			break;
		}
	}
	if (!symtab || !strtab)
		return 0;
	nsyms = sysv_hash ? sysv_hash[1] : gnu_hash ? gnu_hash_nsyms(gnu_hash) : 0;
	for (uint32_t i = 0; i < nsyms; i++) {
		const ElfW(Sym) *s = &symtab[i];

		if (s->st_shndx == SHN_UNDEF || ELF64_ST_TYPE(s->st_info) != STT_FUNC)
			continue;
		/* The default version only (no hidden bit), like a plain link would pick. */
		if (versym && (versym[i] & 0x8000))
			continue;
		for (unsigned k = 0; k < 2; k++)
			if (!f->found[k] && strcmp(strtab + s->st_name, f->names[k]) == 0)
				f->found[k] = (void *)(info->dlpi_addr + s->st_value);
	}
	return f->found[0] && f->found[1];
}

bool acltrace_dl_bootstrap_find(void)
{
	struct elf_find f = { .names = { "dlsym", "dlvsym" } };

	if (acltrace_libc_dlsym)
		return true;
	dl_iterate_phdr(elf_find_cb, &f);
	if (!f.found[0] || !f.found[1])
		return false;
	__atomic_store_n(&acltrace_libc_dlvsym, f.found[1], __ATOMIC_RELEASE);
	__atomic_store_n(&acltrace_libc_dlsym, f.found[0], __ATOMIC_RELEASE);
	return true;
}
