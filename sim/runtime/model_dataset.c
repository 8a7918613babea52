/* SPDX-License-Identifier: MIT */
/* aclmdlDataset: an ordered list of data buffers handed to model execution. */
#include "model_dataset.h"

#include "acl/acl.h"
#include "ascendsim_rt.h"

#include <stdlib.h>

aclmdlDataset *aclmdlCreateDataset(void)
{
	aclmdlDataset *dataset = calloc(1, sizeof(*dataset));

	ASCENDSIM_LOG("aclmdlCreateDataset", "() = %p", (void *)dataset);
	return dataset;
}

aclError aclmdlDestroyDataset(const aclmdlDataset *dataset)
{
	int ret = dataset != NULL ? ACL_SUCCESS : ACL_ERROR_INVALID_PARAM;

	ASCENDSIM_LOG("aclmdlDestroyDataset", "(dataset=%p) = %d", (const void *)dataset, ret);
	if (dataset != NULL) {
		/* The buffers stay: the caller destroys them with aclDestroyDataBuffer. */
		free(dataset->buffers);
		free((void *)dataset);
	}
	return ret;
}

aclError aclmdlAddDatasetBuffer(aclmdlDataset *dataset, aclDataBuffer *dataBuffer)
{
	int ret = ACL_ERROR_INVALID_PARAM;

	if (dataset == NULL || dataBuffer == NULL)
		goto out;
	if (dataset->count == dataset->cap) {
		size_t cap = dataset->cap ? dataset->cap * 2 : 4;
		aclDataBuffer **grown = realloc(dataset->buffers, cap * sizeof(*grown));
		if (grown == NULL) {
			ret = ACL_ERROR_BAD_ALLOC;
			goto out;
		}
		dataset->buffers = grown;
		dataset->cap = cap;
	}
	dataset->buffers[dataset->count++] = dataBuffer;
	ret = ACL_SUCCESS;
out:
	ASCENDSIM_LOG("aclmdlAddDatasetBuffer", "(dataset=%p, dataBuffer=%p) = %d", (void *)dataset,
		      (void *)dataBuffer, ret);
	return ret;
}

size_t aclmdlGetDatasetNumBuffers(const aclmdlDataset *dataset)
{
	return dataset != NULL ? dataset->count : 0;
}

aclDataBuffer *aclmdlGetDatasetBuffer(const aclmdlDataset *dataset, size_t index)
{
	if (dataset == NULL || index >= dataset->count)
		return NULL;
	return dataset->buffers[index];
}
