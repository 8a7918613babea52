/* SPDX-License-Identifier: MIT */
/* aclmdlDesc: a snapshot of a loaded model's inputs and outputs. */
#include "acl/acl.h"
#include "ascendsim_rt.h"
#include "model_internal.h"

#include <stdlib.h>
#include <string.h>

struct aclmdlDesc {
	bool filled;
	uint32_t num_inputs, num_outputs;
	struct ascendsim_mdl_tensor inputs[ASCENDSIM_MDL_MAX_TENSORS];
	struct ascendsim_mdl_tensor outputs[ASCENDSIM_MDL_MAX_TENSORS];
};

aclmdlDesc *aclmdlCreateDesc(void)
{
	aclmdlDesc *desc = calloc(1, sizeof(*desc));

	ASCENDSIM_LOG("aclmdlCreateDesc", "() = %p", (void *)desc);
	return desc;
}

aclError aclmdlDestroyDesc(aclmdlDesc *modelDesc)
{
	int ret = modelDesc != NULL ? ACL_SUCCESS : ACL_ERROR_INVALID_PARAM;

	ASCENDSIM_LOG("aclmdlDestroyDesc", "(modelDesc=%p) = %d", (void *)modelDesc, ret);
	free(modelDesc);
	return ret;
}

aclError aclmdlGetDesc(aclmdlDesc *modelDesc, uint32_t modelId)
{
	struct ascendsim_model *model = NULL;
	int ret = ACL_ERROR_INVALID_PARAM;

	if (modelDesc == NULL)
		goto out;
	model = ascendsim_model_get(modelId);
	if (model == NULL) {
		ret = ACL_ERROR_INVALID_MODEL_ID;
		goto out;
	}
	modelDesc->filled = true;
	modelDesc->num_inputs = model->info.num_inputs;
	modelDesc->num_outputs = model->info.num_outputs;
	memcpy(modelDesc->inputs, model->info.inputs, sizeof(modelDesc->inputs));
	memcpy(modelDesc->outputs, model->info.outputs, sizeof(modelDesc->outputs));
	ascendsim_model_put(model);
	ret = ACL_SUCCESS;
out:
	ASCENDSIM_LOG("aclmdlGetDesc", "(modelDesc=%p, modelId=%u) = %d", (void *)modelDesc,
		      modelId, ret);
	return ret;
}

/* The tensor at index, or NULL for a NULL or unfilled description or an index out of range. */
static const struct ascendsim_mdl_tensor *tensor_at(const aclmdlDesc *desc, bool input,
						    size_t index)
{
	if (desc == NULL || !desc->filled)
		return NULL;
	if (input)
		return index < desc->num_inputs ? &desc->inputs[index] : NULL;
	return index < desc->num_outputs ? &desc->outputs[index] : NULL;
}

size_t aclmdlGetNumInputs(aclmdlDesc *modelDesc)
{
	return modelDesc != NULL ? modelDesc->num_inputs : 0;
}

size_t aclmdlGetNumOutputs(aclmdlDesc *modelDesc)
{
	return modelDesc != NULL ? modelDesc->num_outputs : 0;
}

size_t aclmdlGetInputSizeByIndex(aclmdlDesc *modelDesc, size_t index)
{
	const struct ascendsim_mdl_tensor *t = tensor_at(modelDesc, true, index);

	return t != NULL ? (size_t)t->size : 0;
}

size_t aclmdlGetOutputSizeByIndex(aclmdlDesc *modelDesc, size_t index)
{
	const struct ascendsim_mdl_tensor *t = tensor_at(modelDesc, false, index);

	return t != NULL ? (size_t)t->size : 0;
}

static aclError get_dims(const aclmdlDesc *desc, bool input, size_t index, aclmdlIODims *dims)
{
	const struct ascendsim_mdl_tensor *t = tensor_at(desc, input, index);

	if (t == NULL || dims == NULL)
		return ACL_ERROR_INVALID_PARAM;
	memset(dims, 0, sizeof(*dims));
	/* Names are shorter than ACL_MAX_TENSOR_NAME_LEN by construction of the file format. */
	memcpy(dims->name, t->name, strnlen(t->name, ASCENDSIM_MDL_NAME_LEN - 1));
	if (t->dim_count == 0) {
		/* No shape given: one dimension holding the byte count (the data type is UINT8). */
		dims->dimCount = 1;
		dims->dims[0] = (int64_t)t->size;
		return ACL_SUCCESS;
	}
	dims->dimCount = t->dim_count;
	for (uint32_t d = 0; d < t->dim_count; d++)
		dims->dims[d] = t->dims[d];
	return ACL_SUCCESS;
}

aclError aclmdlGetInputDims(const aclmdlDesc *modelDesc, size_t index, aclmdlIODims *dims)
{
	return get_dims(modelDesc, true, index, dims);
}

aclError aclmdlGetOutputDims(const aclmdlDesc *modelDesc, size_t index, aclmdlIODims *dims)
{
	return get_dims(modelDesc, false, index, dims);
}

const char *aclmdlGetInputNameByIndex(const aclmdlDesc *modelDesc, size_t index)
{
	const struct ascendsim_mdl_tensor *t = tensor_at(modelDesc, true, index);

	return t != NULL ? t->name : "";
}

const char *aclmdlGetOutputNameByIndex(const aclmdlDesc *modelDesc, size_t index)
{
	const struct ascendsim_mdl_tensor *t = tensor_at(modelDesc, false, index);

	return t != NULL ? t->name : "";
}

/* Every tensor of a simulator model is a flat byte array. */
aclFormat aclmdlGetInputFormat(const aclmdlDesc *modelDesc, size_t index)
{
	return tensor_at(modelDesc, true, index) != NULL ? ACL_FORMAT_ND : ACL_FORMAT_UNDEFINED;
}

aclFormat aclmdlGetOutputFormat(const aclmdlDesc *modelDesc, size_t index)
{
	return tensor_at(modelDesc, false, index) != NULL ? ACL_FORMAT_ND : ACL_FORMAT_UNDEFINED;
}

aclDataType aclmdlGetInputDataType(const aclmdlDesc *modelDesc, size_t index)
{
	return tensor_at(modelDesc, true, index) != NULL ? ACL_UINT8 : ACL_DT_UNDEFINED;
}

aclDataType aclmdlGetOutputDataType(const aclmdlDesc *modelDesc, size_t index)
{
	return tensor_at(modelDesc, false, index) != NULL ? ACL_UINT8 : ACL_DT_UNDEFINED;
}

static aclError index_by_name(const aclmdlDesc *desc, bool input, const char *name, size_t *index)
{
	if (desc == NULL || !desc->filled || name == NULL || index == NULL)
		return ACL_ERROR_INVALID_PARAM;
	uint32_t n = input ? desc->num_inputs : desc->num_outputs;
	const struct ascendsim_mdl_tensor *t = input ? desc->inputs : desc->outputs;
	for (uint32_t i = 0; i < n; i++) {
		if (strcmp(t[i].name, name) == 0) {
			*index = i;
			return ACL_SUCCESS;
		}
	}
	return ACL_ERROR_INVALID_PARAM;
}

aclError aclmdlGetInputIndexByName(const aclmdlDesc *modelDesc, const char *name, size_t *index)
{
	return index_by_name(modelDesc, true, name, index);
}

aclError aclmdlGetOutputIndexByName(const aclmdlDesc *modelDesc, const char *name, size_t *index)
{
	return index_by_name(modelDesc, false, name, index);
}
