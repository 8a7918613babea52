/* SPDX-License-Identifier: MIT */
/* Symbolization of recorded return addresses with elfutils libdwfl. */
#ifndef ACLTRACE_SYMBOLIZE_H
#define ACLTRACE_SYMBOLIZE_H

#include "acltrace_model.h"

#include <stdint.h>

struct acltrace_frame {
	uint64_t ip;
	const char *module;   /* path as recorded, NULL when no module covers ip */
	uint64_t offset;      /* ip's offset in the module's file addresses */
	const char *function; /* NULL when unknown */
	uint64_t fn_offset;
	const char *file; /* NULL when no line information */
	int line;
};

struct acltrace_symbolizer;

/* debug_dir: extra debug-info root; sysroot: prefix for recorded paths. Either may be NULL. */
struct acltrace_symbolizer *acltrace_symbolizer_create(const char *debug_dir, const char *sysroot);
void acltrace_symbolizer_destroy(struct acltrace_symbolizer *s);

/* Fills out for return address ip of process p. Strings live as long as the symbolizer. */
void acltrace_symbolize(struct acltrace_symbolizer *s, const struct acltrace_process *p,
			uint64_t ip, struct acltrace_frame *out);

/* The same for an address inside a file loaded at its link addresses (tests). */
void acltrace_symbolize_file(struct acltrace_symbolizer *s, const char *path, uint64_t vaddr,
			     struct acltrace_frame *out);

#endif
