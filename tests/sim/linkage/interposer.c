/* SPDX-License-Identifier: MIT */
/* Preloaded over libascendcl.so: a different definition of one of its exported functions. */
__attribute__((visibility("default"))) const char *ascendsim_soc_name(void);

const char *ascendsim_soc_name(void)
{
	return "Interposed";
}
