/* SPDX-License-Identifier: MIT */
/* Picture descriptions and batches of them. */
#include "dvpp_internal.h"

#include <stdlib.h>

#define LOG_OBJ(api, ret, obj, fmt, ...) \
	ascendsim_dvpp_log(api, (int)(ret), "%p" fmt, (const void *)(obj), __VA_ARGS__)

acldvppPicDesc *acldvppCreatePicDesc(void)
{
	struct acldvppPicDesc *pic = ascendsim_dvpp_live_new(sizeof(*pic));

	ascendsim_dvpp_log("acldvppCreatePicDesc", pic ? 0 : ACL_ERROR_BAD_ALLOC, "%s", "");
	return pic;
}

aclError acldvppDestroyPicDesc(acldvppPicDesc *picDesc)
{
	aclError ret = ACL_SUCCESS;

	/* Batch members go with their batch; unknown or already destroyed ones are refused. */
	if (!picDesc || picDesc->in_batch || !ascendsim_dvpp_live_remove(picDesc))
		ret = ACL_ERROR_INVALID_PARAM;
	ascendsim_dvpp_log("acldvppDestroyPicDesc", ret, "%p", (void *)picDesc);
	if (ret == ACL_SUCCESS)
		free(picDesc);
	return ret;
}

aclError acldvppSetPicDescData(acldvppPicDesc *picDesc, void *dataDev)
{
	aclError ret = picDesc ? ACL_SUCCESS : ACL_ERROR_INVALID_PARAM;

	if (picDesc)
		picDesc->data = dataDev;
	LOG_OBJ("acldvppSetPicDescData", ret, picDesc, ", %p", dataDev);
	return ret;
}

/* The remaining setters store one uint32_t field each. */
#define PIC_SETTER(fn, field, extra)                                            \
	aclError fn(acldvppPicDesc *picDesc, uint32_t value)                    \
	{                                                                       \
		aclError ret = picDesc ? ACL_SUCCESS : ACL_ERROR_INVALID_PARAM; \
		if (picDesc) {                                                  \
			picDesc->field = value;                                 \
			extra;                                                  \
		}                                                               \
		LOG_OBJ(#fn, ret, picDesc, ", %u", (unsigned)value);            \
		return ret;                                                     \
	}

PIC_SETTER(acldvppSetPicDescSize, size, (void)0)
PIC_SETTER(acldvppSetPicDescWidth, width, (void)0)
PIC_SETTER(acldvppSetPicDescHeight, height, (void)0)
PIC_SETTER(acldvppSetPicDescWidthStride, width_stride, (void)0)
PIC_SETTER(acldvppSetPicDescHeightStride, height_stride, (void)0)
PIC_SETTER(acldvppSetPicDescRetCode, ret_code, (void)0)

aclError acldvppSetPicDescFormat(acldvppPicDesc *picDesc, acldvppPixelFormat format)
{
	aclError ret = picDesc ? ACL_SUCCESS : ACL_ERROR_INVALID_PARAM;

	if (picDesc) {
		picDesc->format = (int32_t)format;
		picDesc->format_set = true;
	}
	LOG_OBJ("acldvppSetPicDescFormat", ret, picDesc, ", %d", (int)format);
	return ret;
}

void *acldvppGetPicDescData(const acldvppPicDesc *picDesc)
{
	void *data = picDesc ? picDesc->data : NULL;

	ascendsim_dvpp_log("acldvppGetPicDescData", 0, "%p", (const void *)picDesc);
	return data;
}

#define PIC_GETTER(fn, field)                                                 \
	uint32_t fn(const acldvppPicDesc *picDesc)                            \
	{                                                                     \
		uint32_t v = picDesc ? picDesc->field : 0;                    \
		ascendsim_dvpp_log(#fn, (int)v, "%p", (const void *)picDesc); \
		return v;                                                     \
	}

PIC_GETTER(acldvppGetPicDescSize, size)
PIC_GETTER(acldvppGetPicDescWidth, width)
PIC_GETTER(acldvppGetPicDescHeight, height)
PIC_GETTER(acldvppGetPicDescWidthStride, width_stride)
PIC_GETTER(acldvppGetPicDescHeightStride, height_stride)
PIC_GETTER(acldvppGetPicDescRetCode, ret_code)

acldvppPixelFormat acldvppGetPicDescFormat(const acldvppPicDesc *picDesc)
{
	int32_t f = picDesc ? picDesc->format : PIXEL_FORMAT_YUV_400;

	ascendsim_dvpp_log("acldvppGetPicDescFormat", (int)f, "%p", (const void *)picDesc);
	return (acldvppPixelFormat)f;
}

acldvppBatchPicDesc *acldvppCreateBatchPicDesc(uint32_t batchSize)
{
	struct acldvppBatchPicDesc *batch = NULL;

	if (batchSize == 0)
		goto end;
	batch = calloc(1, sizeof(*batch));
	if (!batch)
		goto end;
	batch->pics = calloc(batchSize, sizeof(*batch->pics));
	if (!batch->pics) {
		free(batch);
		batch = NULL;
		goto end;
	}
	batch->count = batchSize;
	for (uint32_t i = 0; i < batchSize; i++) {
		batch->pics[i].in_batch = true;
		if (!ascendsim_dvpp_live_add(&batch->pics[i])) {
			while (i-- > 0)
				ascendsim_dvpp_live_remove(&batch->pics[i]);
			free(batch->pics);
			free(batch);
			batch = NULL;
			goto end;
		}
	}
end:
	ascendsim_dvpp_log("acldvppCreateBatchPicDesc", batch ? 0 : ACL_ERROR_INVALID_PARAM, "%u",
			   (unsigned)batchSize);
	return batch;
}

acldvppPicDesc *acldvppGetPicDesc(acldvppBatchPicDesc *batchPicDesc, uint32_t index)
{
	acldvppPicDesc *pic = NULL;

	if (batchPicDesc && index < batchPicDesc->count)
		pic = &batchPicDesc->pics[index];
	ascendsim_dvpp_log("acldvppGetPicDesc", pic ? 0 : ACL_ERROR_INVALID_PARAM, "%p, %u",
			   (void *)batchPicDesc, (unsigned)index);
	return pic;
}

aclError acldvppDestroyBatchPicDesc(acldvppBatchPicDesc *batchPicDesc)
{
	aclError ret = batchPicDesc ? ACL_SUCCESS : ACL_ERROR_INVALID_PARAM;

	if (batchPicDesc) {
		for (uint32_t i = 0; i < batchPicDesc->count; i++)
			ascendsim_dvpp_live_remove(&batchPicDesc->pics[i]);
		free(batchPicDesc->pics);
		free(batchPicDesc);
	}
	ascendsim_dvpp_log("acldvppDestroyBatchPicDesc", ret, "%p", (void *)batchPicDesc);
	return ret;
}
