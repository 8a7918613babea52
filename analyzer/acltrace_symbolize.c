/* SPDX-License-Identifier: MIT */
/*
 * One libdwfl session per object file, reported at its link addresses; a recorded return address
 * maps to a file address through the statedump's load base (lttng-ust records the address of the
 * first PT_LOAD segment). Results are cached per (object, address).
 */
#include "acltrace_symbolize.h"

#include <elfutils/libdwfl.h>
#include <gelf.h>
#include <inttypes.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct dmod {
	char *path; /* as recorded */
	Dwfl *dwfl;
	Dwfl_Module *mod;
	uint64_t first_vaddr;
	bool usable;
	bool build_id_mismatch;
};

struct cached {
	struct dmod *dm;
	uint64_t addr;
	struct acltrace_frame frame;
	struct cached *next;
};

struct acltrace_symbolizer {
	char *debug_dir;
	char *sysroot;
	char *debuginfo_path;
	Dwfl_Callbacks callbacks;
	struct acltrace_vec all;     /* of struct dmod * */
	struct acltrace_map cache;   /* hash(dm, addr) -> struct cached * chain */
	struct acltrace_vec strings; /* of char *, interned results */
};

static uint64_t hash_str(const char *s)
{
	uint64_t h = 1469598103934665603ull;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ull;
	return h ? h : 1;
}

static const char *intern(struct acltrace_symbolizer *s, const char *str)
{
	if (!str)
		return NULL;
	char *copy = strdup(str);
	char **slot = copy ? acltrace_vec_push(&s->strings) : NULL;
	if (!slot) {
		free(copy);
		return NULL;
	}
	*slot = copy;
	return copy;
}

struct acltrace_symbolizer *acltrace_symbolizer_create(const char *debug_dir, const char *sysroot)
{
	struct acltrace_symbolizer *s = calloc(1, sizeof(*s));
	if (!s)
		return NULL;
	s->debug_dir = debug_dir ? strdup(debug_dir) : NULL;
	s->sysroot = sysroot ? strdup(sysroot) : NULL;
	size_t len = 64 + (debug_dir ? strlen(debug_dir) : 0) + (sysroot ? strlen(sysroot) : 0);
	s->debuginfo_path = malloc(len);
	if (!s->debuginfo_path) {
		acltrace_symbolizer_destroy(s);
		return NULL;
	}
	/* "+": also check CRCs of debug links; then the usual places, ours first */
	snprintf(s->debuginfo_path, len, "+:.debug%s%s%s%s%s:/usr/lib/debug", debug_dir ? ":" : "",
		 debug_dir ? debug_dir : "", sysroot ? ":" : "", sysroot ? sysroot : "",
		 sysroot ? "/usr/lib/debug" : "");
	s->callbacks.find_elf = dwfl_build_id_find_elf;
	s->callbacks.find_debuginfo = dwfl_standard_find_debuginfo;
	s->callbacks.section_address = dwfl_offline_section_address;
	s->callbacks.debuginfo_path = &s->debuginfo_path;
	acltrace_map_init(&s->cache);
	acltrace_vec_init(&s->all, sizeof(struct dmod *));
	acltrace_vec_init(&s->strings, sizeof(char *));
	return s;
}

void acltrace_symbolizer_destroy(struct acltrace_symbolizer *s)
{
	if (!s)
		return;
	for (size_t i = 0; i < s->all.len; i++) {
		struct dmod *dm = *(struct dmod **)acltrace_vec_at(&s->all, i);
		if (dm->dwfl)
			dwfl_end(dm->dwfl);
		free(dm->path);
		free(dm);
	}
	size_t it = 0;
	uint64_t key;
	void *val;
	while (acltrace_map_next(&s->cache, &it, &key, &val)) {
		for (struct cached *c = val, *next; c; c = next) {
			next = c->next;
			free(c);
		}
	}
	for (size_t i = 0; i < s->strings.len; i++)
		free(*(char **)acltrace_vec_at(&s->strings, i));
	acltrace_vec_fini(&s->strings);
	acltrace_vec_fini(&s->all);
	acltrace_map_fini(&s->cache);
	free(s->debuginfo_path);
	free(s->debug_dir);
	free(s->sysroot);
	free(s);
}

static bool readable(const char *path)
{
	return access(path, R_OK) == 0;
}

/* Where the object is on this machine: under the sysroot, or by build id in a debug tree. */
static char *locate(struct acltrace_symbolizer *s, const char *path, const uint8_t *id,
		    uint32_t idlen)
{
	char buf[4096];

	if (s->sysroot) {
		snprintf(buf, sizeof(buf), "%s%s", s->sysroot, path);
		if (readable(buf))
			return strdup(buf);
	} else if (readable(path)) {
		return strdup(path);
	}
	if (!id || idlen < 2)
		return NULL;
	const char *roots[3] = { s->debug_dir, NULL, "/usr/lib/debug" };
	char sysdebug[4096];
	if (s->sysroot) {
		snprintf(sysdebug, sizeof(sysdebug), "%s/usr/lib/debug", s->sysroot);
		roots[1] = sysdebug;
	}
	for (int r = 0; r < 3; r++) {
		if (!roots[r])
			continue;
		int n = snprintf(buf, sizeof(buf), "%s/.build-id/%02x/", roots[r], id[0]);
		for (uint32_t i = 1; i < idlen && n < (int)sizeof(buf) - 8; i++)
			n += snprintf(buf + n, sizeof(buf) - n, "%02x", id[i]);
		snprintf(buf + n, sizeof(buf) - n, ".debug");
		if (readable(buf))
			return strdup(buf);
	}
	return NULL;
}

static struct dmod *open_module(struct acltrace_symbolizer *s, const char *path, const uint8_t *id,
				uint32_t idlen)
{
	uint64_t key = hash_str(path);
	for (size_t i = 0; i < s->all.len; i++) {
		/* few distinct objects: a linear scan of the hash-matching ones is enough */
		struct dmod *dm = *(struct dmod **)acltrace_vec_at(&s->all, i);
		if (hash_str(dm->path) == key && strcmp(dm->path, path) == 0)
			return dm;
	}
	struct dmod *dm = calloc(1, sizeof(*dm));
	struct dmod **slot = dm ? acltrace_vec_push(&s->all) : NULL;
	if (!slot) {
		free(dm);
		return NULL;
	}
	*slot = dm;
	dm->path = strdup(path);
	char *file = locate(s, path, id, idlen);
	if (!file)
		return dm;
	dm->dwfl = dwfl_begin(&s->callbacks);
	if (dm->dwfl) {
		dwfl_report_begin(dm->dwfl);
		dm->mod = dwfl_report_elf(dm->dwfl, path, file, -1, 0, true);
		dwfl_report_end(dm->dwfl, NULL, NULL);
	}
	free(file);
	GElf_Addr bias = 0;
	Elf *elf = dm->mod ? dwfl_module_getelf(dm->mod, &bias) : NULL;
	if (!elf)
		return dm;
	size_t nph = 0;
	if (elf_getphdrnum(elf, &nph) == 0) {
		for (size_t i = 0; i < nph; i++) {
			GElf_Phdr ph;
			if (gelf_getphdr(elf, (int)i, &ph) && ph.p_type == PT_LOAD) {
				dm->first_vaddr = ph.p_vaddr;
				break;
			}
		}
	}
	const unsigned char *bits = NULL;
	GElf_Addr vaddr;
	int n = dwfl_module_build_id(dm->mod, &bits, &vaddr);
	if (id && idlen && n > 0 && ((uint32_t)n != idlen || memcmp(bits, id, idlen) != 0)) {
		/* another build of the object: its symbols would lie */
		dm->build_id_mismatch = true;
		return dm;
	}
	dm->usable = true;
	return dm;
}

static void lookup(struct acltrace_symbolizer *s, struct dmod *dm, uint64_t vaddr,
		   struct acltrace_frame *out)
{
	uint64_t key = acltrace_hash64((uint64_t)(uintptr_t)dm ^ acltrace_hash64(vaddr));
	for (struct cached *c = acltrace_map_get(&s->cache, key); c; c = c->next) {
		if (c->dm == dm && c->addr == vaddr) {
			uint64_t ip = out->ip;
			*out = c->frame;
			out->ip = ip;
			return;
		}
	}
	if (dm->usable) {
		GElf_Addr bias = 0;
		dwfl_module_getelf(dm->mod, &bias);
		GElf_Addr a = vaddr + bias;
		GElf_Off off = 0;
		GElf_Sym sym;
		const char *name = dwfl_module_addrinfo(dm->mod, a, &off, &sym, NULL, NULL, NULL);
		if (name) {
			out->function = intern(s, name);
			out->fn_offset = off;
		}
		Dwfl_Line *line = dwfl_module_getsrc(dm->mod, a);
		if (line) {
			int lineno = 0;
			const char *file = dwfl_lineinfo(line, NULL, &lineno, NULL, NULL, NULL);
			if (file) {
				out->file = intern(s, file);
				out->line = lineno;
			}
		}
	}
	struct cached *c = calloc(1, sizeof(*c));
	if (!c)
		return;
	c->dm = dm;
	c->addr = vaddr;
	c->frame = *out;
	c->next = acltrace_map_get(&s->cache, key);
	if (acltrace_map_put(&s->cache, key, c) != 0)
		free(c);
}

static const struct acltrace_module *module_of(const struct acltrace_process *p, uint64_t ip)
{
	const struct acltrace_module *best = NULL;
	for (size_t i = p->modules.len; i-- > 0;) {
		const struct acltrace_module *m = acltrace_vec_at(&p->modules, i);
		if (ip >= m->base && ip - m->base < (m->memsz ? m->memsz : 1)) {
			if (!m->unloaded)
				return m;
			if (!best)
				best = m; /* unloaded since: still the best guess */
		}
	}
	return best;
}

void acltrace_symbolize(struct acltrace_symbolizer *s, const struct acltrace_process *p,
			uint64_t ip, struct acltrace_frame *out)
{
	memset(out, 0, sizeof(*out));
	out->ip = ip;
	const struct acltrace_module *m = NULL;
	/* a forked child that recorded no statedump shares its parent's mappings */
	for (const struct acltrace_process *q = p; q && !m; q = q->parent)
		m = module_of(q, ip);
	if (!m)
		return;
	out->module = m->path;
	/* return addresses point after the call: look up the call instruction */
	uint64_t pc = ip ? ip - 1 : ip;
	struct dmod *dm = open_module(s, m->path, m->build_id, m->build_id_len);
	uint64_t first = dm ? dm->first_vaddr : 0;
	uint64_t vaddr = pc - m->base + first;
	if (!m->is_pic)
		vaddr = pc; /* non-PIE executables run at their link addresses */
	out->offset = vaddr + 1;
	if (dm)
		lookup(s, dm, vaddr, out);
	out->module = m->path;
	out->offset = vaddr + 1;
	out->ip = ip;
}

void acltrace_symbolize_file(struct acltrace_symbolizer *s, const char *path, uint64_t vaddr,
			     struct acltrace_frame *out)
{
	memset(out, 0, sizeof(*out));
	out->ip = vaddr;
	struct dmod *dm = open_module(s, path, NULL, 0);
	out->module = path;
	out->offset = vaddr;
	if (dm)
		lookup(s, dm, vaddr, out);
	out->ip = vaddr;
	out->offset = vaddr;
}
