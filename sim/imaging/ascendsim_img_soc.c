/* SPDX-License-Identifier: MIT */
/* SoC families from aclrtGetSocName() strings, and the per-family DVPP facts of api-facts.md 5.2. */
#include "ascendsim_imaging.h"

#include <string.h>

static bool starts_with(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}

enum ascendsim_soc ascendsim_soc_classify(const char *soc_name)
{
	if (!soc_name)
		return ASCENDSIM_SOC_UNKNOWN;
	/* Longest prefixes first: "Ascend910_93" and "Ascend910B" both start with "Ascend910". */
	if (starts_with(soc_name, "Ascend910_93"))
		return ASCENDSIM_SOC_910_93;
	if (starts_with(soc_name, "Ascend910B"))
		return ASCENDSIM_SOC_910B;
	if (starts_with(soc_name, "Ascend910"))
		return ASCENDSIM_SOC_910;
	if (starts_with(soc_name, "Ascend310P"))
		return ASCENDSIM_SOC_310P;
	if (starts_with(soc_name, "Ascend310B"))
		return ASCENDSIM_SOC_310B;
	if (strcmp(soc_name, "Ascend310") == 0)
		return ASCENDSIM_SOC_310;
	return ASCENDSIM_SOC_UNKNOWN;
}

const char *ascendsim_soc_family_name(enum ascendsim_soc soc)
{
	switch (soc) {
	case ASCENDSIM_SOC_310:
		return "Ascend310";
	case ASCENDSIM_SOC_310P:
		return "Ascend310P";
	case ASCENDSIM_SOC_310B:
		return "Ascend310B";
	case ASCENDSIM_SOC_910:
		return "Ascend910";
	case ASCENDSIM_SOC_910B:
		return "Ascend910B";
	case ASCENDSIM_SOC_910_93:
		return "Ascend910_93";
	case ASCENDSIM_SOC_UNKNOWN:
		break;
	}
	return "unknown";
}

bool ascendsim_soc_has_dvpp_v2(enum ascendsim_soc soc)
{
	/* hi_mpi_dvpp_malloc/free are documented as unsupported on Ascend310 and Ascend910. */
	return soc != ASCENDSIM_SOC_310 && soc != ASCENDSIM_SOC_910;
}

bool ascendsim_soc_dvpp_accepts_device_mem(enum ascendsim_soc soc)
{
	return soc == ASCENDSIM_SOC_910B || soc == ASCENDSIM_SOC_910_93 ||
	       soc == ASCENDSIM_SOC_310B;
}
