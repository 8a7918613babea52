/* SPDX-License-Identifier: MIT */
/*
 * Function, file and line of a return address, with elfutils' libdwfl, for the live report
 * (report time only: libdwfl allocates and reads files). The offline analyzer does the same from
 * the trace; here it just makes stderr reports readable without tools.
 */
#ifndef ACLTRACE_SYMBOLIZE_H
#define ACLTRACE_SYMBOLIZE_H

#include <stdbool.h>
#include <stdint.h>

struct acltrace_symbol {
	const char *function; /* NULL when unknown */
	const char *file;     /* NULL when the object has no line information */
	int line;
};

/* Looks up ip - 1 (ip is a return address). Callers serialise (the report lock). */
bool acltrace_symbolize(uint64_t ip, struct acltrace_symbol *out);

#endif
