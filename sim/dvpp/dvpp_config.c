/* SPDX-License-Identifier: MIT */
/* Region, resize, JPEG-encode and border configurations; look-up tables and histograms. */
#include "dvpp_internal.h"

#include <stdlib.h>
#include <string.h>

acldvppRoiConfig *acldvppCreateRoiConfig(uint32_t left, uint32_t right, uint32_t top,
					 uint32_t bottom)
{
	struct acldvppRoiConfig *roi = calloc(1, sizeof(*roi));

	if (roi) {
		roi->left = left;
		roi->right = right;
		roi->top = top;
		roi->bottom = bottom;
	}
	ascendsim_dvpp_log("acldvppCreateRoiConfig", roi ? 0 : ACL_ERROR_BAD_ALLOC,
			   "%u, %u, %u, %u", (unsigned)left, (unsigned)right, (unsigned)top,
			   (unsigned)bottom);
	return roi;
}

aclError acldvppDestroyRoiConfig(acldvppRoiConfig *roiConfig)
{
	aclError ret = roiConfig ? ACL_SUCCESS : ACL_ERROR_INVALID_PARAM;

	ascendsim_dvpp_log("acldvppDestroyRoiConfig", ret, "%p", (void *)roiConfig);
	free(roiConfig);
	return ret;
}

#define ROI_SETTER(fn, field)                                                            \
	aclError fn(acldvppRoiConfig *config, uint32_t value)                            \
	{                                                                                \
		aclError ret = config ? ACL_SUCCESS : ACL_ERROR_INVALID_PARAM;           \
		if (config)                                                              \
			config->field = value;                                           \
		ascendsim_dvpp_log(#fn, ret, "%p, %u", (void *)config, (unsigned)value); \
		return ret;                                                              \
	}

ROI_SETTER(acldvppSetRoiConfigLeft, left)
ROI_SETTER(acldvppSetRoiConfigRight, right)
ROI_SETTER(acldvppSetRoiConfigTop, top)
ROI_SETTER(acldvppSetRoiConfigBottom, bottom)

aclError acldvppSetRoiConfig(acldvppRoiConfig *config, uint32_t left, uint32_t right, uint32_t top,
			     uint32_t bottom)
{
	aclError ret = config ? ACL_SUCCESS : ACL_ERROR_INVALID_PARAM;

	if (config) {
		config->left = left;
		config->right = right;
		config->top = top;
		config->bottom = bottom;
	}
	ascendsim_dvpp_log("acldvppSetRoiConfig", ret, "%p, %u, %u, %u, %u", (void *)config,
			   (unsigned)left, (unsigned)right, (unsigned)top, (unsigned)bottom);
	return ret;
}

acldvppResizeConfig *acldvppCreateResizeConfig(void)
{
	struct acldvppResizeConfig *cfg = calloc(1, sizeof(*cfg));

	ascendsim_dvpp_log("acldvppCreateResizeConfig", cfg ? 0 : ACL_ERROR_BAD_ALLOC, "%s", "");
	return cfg;
}

aclError acldvppDestroyResizeConfig(acldvppResizeConfig *resizeConfig)
{
	aclError ret = resizeConfig ? ACL_SUCCESS : ACL_ERROR_INVALID_PARAM;

	ascendsim_dvpp_log("acldvppDestroyResizeConfig", ret, "%p", (void *)resizeConfig);
	free(resizeConfig);
	return ret;
}

aclError acldvppSetResizeConfigInterpolation(acldvppResizeConfig *resizeConfig,
					     uint32_t interpolation)
{
	aclError ret = ACL_SUCCESS;

	if (!resizeConfig || interpolation > 4)
		ret = ACL_ERROR_INVALID_PARAM;
	else
		resizeConfig->interpolation = interpolation;
	ascendsim_dvpp_log("acldvppSetResizeConfigInterpolation", ret, "%p, %u",
			   (void *)resizeConfig, (unsigned)interpolation);
	return ret;
}

uint32_t acldvppGetResizeConfigInterpolation(const acldvppResizeConfig *resizeConfig)
{
	uint32_t v = resizeConfig ? resizeConfig->interpolation : 0;

	ascendsim_dvpp_log("acldvppGetResizeConfigInterpolation", (int)v, "%p",
			   (const void *)resizeConfig);
	return v;
}

acldvppJpegeConfig *acldvppCreateJpegeConfig(void)
{
	struct acldvppJpegeConfig *cfg = calloc(1, sizeof(*cfg));

	/* The documented default encoding level. */
	if (cfg)
		cfg->level = 100;
	ascendsim_dvpp_log("acldvppCreateJpegeConfig", cfg ? 0 : ACL_ERROR_BAD_ALLOC, "%s", "");
	return cfg;
}

aclError acldvppDestroyJpegeConfig(acldvppJpegeConfig *jpegeConfig)
{
	aclError ret = jpegeConfig ? ACL_SUCCESS : ACL_ERROR_INVALID_PARAM;

	ascendsim_dvpp_log("acldvppDestroyJpegeConfig", ret, "%p", (void *)jpegeConfig);
	free(jpegeConfig);
	return ret;
}

aclError acldvppSetJpegeConfigLevel(acldvppJpegeConfig *jpegeConfig, uint32_t level)
{
	aclError ret = ACL_SUCCESS;

	if (!jpegeConfig || level > 100)
		ret = ACL_ERROR_INVALID_PARAM;
	else
		jpegeConfig->level = level;
	ascendsim_dvpp_log("acldvppSetJpegeConfigLevel", ret, "%p, %u", (void *)jpegeConfig,
			   (unsigned)level);
	return ret;
}

uint32_t acldvppGetJpegeConfigLevel(const acldvppJpegeConfig *jpegeConfig)
{
	uint32_t v = jpegeConfig ? jpegeConfig->level : 0;

	ascendsim_dvpp_log("acldvppGetJpegeConfigLevel", (int)v, "%p", (const void *)jpegeConfig);
	return v;
}

acldvppBorderConfig *acldvppCreateBorderConfig(void)
{
	struct acldvppBorderConfig *cfg = calloc(1, sizeof(*cfg));

	if (cfg)
		cfg->type = BORDER_CONSTANT;
	ascendsim_dvpp_log("acldvppCreateBorderConfig", cfg ? 0 : ACL_ERROR_BAD_ALLOC, "%s", "");
	return cfg;
}

aclError acldvppSetBorderConfigValue(acldvppBorderConfig *borderConfig, uint32_t index,
				     double value)
{
	aclError ret = ACL_SUCCESS;

	if (!borderConfig || index >= 4 || value < 0 || value > 255)
		ret = ACL_ERROR_INVALID_PARAM;
	else
		borderConfig->value[index] = value;
	ascendsim_dvpp_log("acldvppSetBorderConfigValue", ret, "%p, %u, %g", (void *)borderConfig,
			   (unsigned)index, value);
	return ret;
}

aclError acldvppSetBorderConfigBorderType(acldvppBorderConfig *borderConfig,
					  acldvppBorderType borderType)
{
	aclError ret = ACL_SUCCESS;

	if (!borderConfig || (int)borderType < BORDER_CONSTANT ||
	    (int)borderType > BORDER_REFLECT_101)
		ret = ACL_ERROR_INVALID_PARAM;
	else
		borderConfig->type = (int32_t)borderType;
	ascendsim_dvpp_log("acldvppSetBorderConfigBorderType", ret, "%p, %d", (void *)borderConfig,
			   (int)borderType);
	return ret;
}

#define BORDER_SETTER(fn, field)                                                               \
	aclError fn(acldvppBorderConfig *borderConfig, uint32_t value)                         \
	{                                                                                      \
		aclError ret = borderConfig ? ACL_SUCCESS : ACL_ERROR_INVALID_PARAM;           \
		if (borderConfig)                                                              \
			borderConfig->field = value;                                           \
		ascendsim_dvpp_log(#fn, ret, "%p, %u", (void *)borderConfig, (unsigned)value); \
		return ret;                                                                    \
	}

#define BORDER_GETTER(fn, field)                                                   \
	uint32_t fn(const acldvppBorderConfig *borderConfig)                       \
	{                                                                          \
		uint32_t v = borderConfig ? borderConfig->field : 0;               \
		ascendsim_dvpp_log(#fn, (int)v, "%p", (const void *)borderConfig); \
		return v;                                                          \
	}

BORDER_SETTER(acldvppSetBorderConfigTop, top)
BORDER_SETTER(acldvppSetBorderConfigBottom, bottom)
BORDER_SETTER(acldvppSetBorderConfigLeft, left)
BORDER_SETTER(acldvppSetBorderConfigRight, right)
BORDER_GETTER(acldvppGetBorderConfigTop, top)
BORDER_GETTER(acldvppGetBorderConfigBottom, bottom)
BORDER_GETTER(acldvppGetBorderConfigLeft, left)
BORDER_GETTER(acldvppGetBorderConfigRight, right)

double acldvppGetBorderConfigValue(const acldvppBorderConfig *borderConfig, uint32_t index)
{
	/* The documented "invalid" answer is a negative value. */
	double v = (borderConfig && index < 4) ? borderConfig->value[index] : -1.0;

	ascendsim_dvpp_log("acldvppGetBorderConfigValue", v < 0 ? ACL_ERROR_INVALID_PARAM : 0,
			   "%p, %u", (const void *)borderConfig, (unsigned)index);
	return v;
}

acldvppBorderType acldvppGetBorderConfigBorderType(const acldvppBorderConfig *borderConfig)
{
	int32_t t = borderConfig ? borderConfig->type : BORDER_CONSTANT;

	ascendsim_dvpp_log("acldvppGetBorderConfigBorderType", (int)t, "%p",
			   (const void *)borderConfig);
	return (acldvppBorderType)t;
}

aclError acldvppDestroyBorderConfig(acldvppBorderConfig *borderConfig)
{
	aclError ret = borderConfig ? ACL_SUCCESS : ACL_ERROR_INVALID_PARAM;

	ascendsim_dvpp_log("acldvppDestroyBorderConfig", ret, "%p", (void *)borderConfig);
	free(borderConfig);
	return ret;
}

acldvppLutMap *acldvppCreateLutMap(void)
{
	struct acldvppLutMap *lut = calloc(1, sizeof(*lut));

	/* Starts as the identity so that an untouched map leaves pictures unchanged. */
	if (lut) {
		for (int d = 0; d < ASCENDSIM_DVPP_LUT_DIMS; d++)
			for (int i = 0; i < ASCENDSIM_DVPP_BINS; i++)
				lut->map[d][i] = (uint8_t)i;
	}
	ascendsim_dvpp_log("acldvppCreateLutMap", lut ? 0 : ACL_ERROR_BAD_ALLOC, "%s", "");
	return lut;
}

aclError acldvppDestroyLutMap(acldvppLutMap *lutMap)
{
	aclError ret = lutMap ? ACL_SUCCESS : ACL_ERROR_INVALID_PARAM;

	ascendsim_dvpp_log("acldvppDestroyLutMap", ret, "%p", (void *)lutMap);
	free(lutMap);
	return ret;
}

uint32_t acldvppGetLutMapDims(const acldvppLutMap *lutMap)
{
	uint32_t dims = lutMap ? ASCENDSIM_DVPP_LUT_DIMS : 0;

	ascendsim_dvpp_log("acldvppGetLutMapDims", (int)dims, "%p", (const void *)lutMap);
	return dims;
}

aclError acldvppGetLutMapData(const acldvppLutMap *lutMap, uint32_t dim, uint8_t **data,
			      uint32_t *len)
{
	aclError ret = ACL_SUCCESS;

	if (!lutMap || !data || !len || dim >= ASCENDSIM_DVPP_LUT_DIMS) {
		ret = ACL_ERROR_INVALID_PARAM;
	} else {
		/* The caller edits the map in place through this pointer. */
		*data = (uint8_t *)lutMap->map[dim];
		*len = ASCENDSIM_DVPP_BINS;
	}
	ascendsim_dvpp_log("acldvppGetLutMapData", ret, "%p, %u, %p, %p", (const void *)lutMap,
			   (unsigned)dim, (void *)data, (void *)len);
	return ret;
}

acldvppHist *acldvppCreateHist(void)
{
	struct acldvppHist *hist = calloc(1, sizeof(*hist));

	ascendsim_dvpp_log("acldvppCreateHist", hist ? 0 : ACL_ERROR_BAD_ALLOC, "%s", "");
	return hist;
}

aclError acldvppDestroyHist(acldvppHist *hist)
{
	aclError ret = hist ? ACL_SUCCESS : ACL_ERROR_INVALID_PARAM;

	ascendsim_dvpp_log("acldvppDestroyHist", ret, "%p", (void *)hist);
	free(hist);
	return ret;
}

uint32_t acldvppGetHistDims(acldvppHist *hist)
{
	uint32_t dims = hist ? ASCENDSIM_DVPP_HIST_DIMS : 0;

	ascendsim_dvpp_log("acldvppGetHistDims", (int)dims, "%p", (void *)hist);
	return dims;
}

aclError acldvppGetHistData(acldvppHist *hist, uint32_t dim, uint32_t **data, uint16_t *len)
{
	aclError ret = ACL_SUCCESS;

	if (!hist || !data || !len || dim >= ASCENDSIM_DVPP_HIST_DIMS) {
		ret = ACL_ERROR_INVALID_PARAM;
	} else {
		*data = hist->bins[dim];
		*len = ASCENDSIM_DVPP_BINS;
	}
	ascendsim_dvpp_log("acldvppGetHistData", ret, "%p, %u, %p, %p", (void *)hist, (unsigned)dim,
			   (void *)data, (void *)len);
	return ret;
}

uint32_t acldvppGetHistRetCode(acldvppHist *hist)
{
	uint32_t v = hist ? hist->ret_code : 0;

	ascendsim_dvpp_log("acldvppGetHistRetCode", (int)v, "%p", (void *)hist);
	return v;
}

aclError acldvppClearHist(acldvppHist *hist)
{
	aclError ret = hist ? ACL_SUCCESS : ACL_ERROR_INVALID_PARAM;

	if (hist)
		memset(hist, 0, sizeof(*hist));
	ascendsim_dvpp_log("acldvppClearHist", ret, "%p", (void *)hist);
	return ret;
}
