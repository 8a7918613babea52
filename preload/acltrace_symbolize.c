/* SPDX-License-Identifier: MIT */
#include "acltrace_symbolize.h"

#include "acltrace_options.h"

#include <elfutils/libdwfl.h>
#include <string.h>
#include <unistd.h>

static const Dwfl_Callbacks callbacks = {
	.find_elf = dwfl_linux_proc_find_elf,
	.find_debuginfo = dwfl_standard_find_debuginfo,
};

static Dwfl *dwfl;
static pid_t dwfl_owner;

/* (Re)reads the process's module list: at first use, in a forked child, after a dlopen. */
static bool refresh(void)
{
	pid_t pid = getpid();

	if (dwfl && dwfl_owner != pid) {
		dwfl_end(dwfl);
		dwfl = NULL;
	}
	if (!dwfl) {
		dwfl = dwfl_begin(&callbacks);
		if (!dwfl)
			return false;
		dwfl_owner = pid;
	}
	dwfl_report_begin(dwfl);
	if (dwfl_linux_proc_report(dwfl, pid) != 0) {
		dwfl_report_end(dwfl, NULL, NULL);
		return false;
	}
	return dwfl_report_end(dwfl, NULL, NULL) == 0;
}

bool acltrace_symbolize(uint64_t ip, struct acltrace_symbol *out)
{
	Dwarf_Addr addr = ip - 1;
	Dwfl_Module *mod;
	Dwfl_Line *line;

	memset(out, 0, sizeof(*out));
	if (!acltrace_option_int(ACLTRACE_OPT_SYMBOLIZE) || !ip)
		return false;
	if (!dwfl || dwfl_owner != getpid())
		refresh();
	if (!dwfl)
		return false;
	mod = dwfl_addrmodule(dwfl, addr);
	if (!mod && refresh())
		mod = dwfl_addrmodule(dwfl, addr);
	if (!mod)
		return false;
	out->function = dwfl_module_addrname(mod, addr);
	line = dwfl_module_getsrc(mod, addr);
	if (line)
		out->file = dwfl_lineinfo(line, NULL, &out->line, NULL, NULL, NULL);
	return out->function || out->file;
}
