/* SPDX-License-Identifier: MIT */
/* aclmdlLoadFrom{File,Mem}[WithMem], aclmdlQuerySize[FromMem], aclmdlUnload, the model table. */
#include "acl/acl.h"
#include "ascendsim_rt.h"
#include "model_internal.h"

#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Model files larger than this are refused rather than read into memory. */
#define MODEL_FILE_MAX ((size_t)1 << 32)

static pthread_mutex_t registry_lock = PTHREAD_MUTEX_INITIALIZER;
static struct ascendsim_model **registry;
static size_t registry_len, registry_cap;
static uint32_t next_model_id = 1;

int ascendsim_model_check_ready(void)
{
	if (!ascendsim_initialized())
		return ACL_ERROR_UNINITIALIZE;
	if (ascendsim_current_device() < 0)
		return ACL_ERROR_RT_CONTEXT_NULL;
	return ACL_SUCCESS;
}

struct ascendsim_model *ascendsim_model_get(uint32_t id)
{
	struct ascendsim_model *found = NULL;

	pthread_mutex_lock(&registry_lock);
	for (size_t i = 0; i < registry_len; i++) {
		if (registry[i]->id == id) {
			found = registry[i];
			found->refs++;
			break;
		}
	}
	pthread_mutex_unlock(&registry_lock);
	return found;
}

/*
 * Frees memory the runtime allocated for a model, unless a device reset or aclFinalize already
 * released it (the address may then belong to someone else's block by now).
 */
static void free_own(void *ptr, uint64_t size)
{
	struct ascendsim_block block;

	if (ptr != NULL && ascendsim_mem_find(ptr, &block) == 0 && block.base == ptr &&
	    block.requested == size && block.pool == ASCENDSIM_POOL_DEVICE)
		ascendsim_mem_free(ptr);
}

static void model_destroy(struct ascendsim_model *model)
{
	if (model->own_work)
		free_own(model->work, model->info.work_size);
	if (model->own_weight)
		free_own(model->weight, model->info.weight_size);
	pthread_mutex_destroy(&model->exec_lock);
	free(model);
}

void ascendsim_model_put(struct ascendsim_model *model)
{
	pthread_mutex_lock(&registry_lock);
	int left = --model->refs;
	pthread_mutex_unlock(&registry_lock);
	if (left == 0)
		model_destroy(model);
}

static int registry_add(struct ascendsim_model *model)
{
	int ret = ACL_SUCCESS;

	pthread_mutex_lock(&registry_lock);
	if (registry_len == registry_cap) {
		size_t cap = registry_cap ? registry_cap * 2 : 16;
		struct ascendsim_model **grown = realloc(registry, cap * sizeof(*grown));
		if (grown == NULL) {
			ret = ACL_ERROR_BAD_ALLOC;
			goto out;
		}
		registry = grown;
		registry_cap = cap;
	}
	model->id = next_model_id++;
	if (next_model_id == 0)
		next_model_id = 1;
	model->refs = 1;
	registry[registry_len++] = model;
out:
	pthread_mutex_unlock(&registry_lock);
	return ret;
}

static struct ascendsim_model *registry_remove(uint32_t id)
{
	struct ascendsim_model *found = NULL;

	pthread_mutex_lock(&registry_lock);
	for (size_t i = 0; i < registry_len; i++) {
		if (registry[i]->id == id) {
			found = registry[i];
			registry[i] = registry[--registry_len];
			break;
		}
	}
	pthread_mutex_unlock(&registry_lock);
	return found;
}

/* Reads a whole model file; returns an aclError. */
static int read_model_file(const char *path, uint8_t **image, size_t *len)
{
	int ret = ACL_ERROR_READ_MODEL_FAILURE;
	uint8_t *buf = NULL;
	long end;
	FILE *f = fopen(path, "rb");

	if (f == NULL) {
		return ascendsim_error(ret, "cannot open model file %s: %s", path, strerror(errno));
	}
	if (fseek(f, 0, SEEK_END) != 0)
		goto out;
	end = ftell(f);
	if (end < 0 || (unsigned long)end > MODEL_FILE_MAX || fseek(f, 0, SEEK_SET) != 0) {
		ascendsim_error(ret, "cannot size model file %s", path);
		goto out;
	}
	buf = malloc(end > 0 ? (size_t)end : 1);
	if (buf == NULL) {
		ret = ACL_ERROR_BAD_ALLOC;
		goto out;
	}
	if (fread(buf, 1, (size_t)end, f) != (size_t)end) {
		ascendsim_error(ret, "cannot read %ld bytes of model file %s", end, path);
		free(buf);
		buf = NULL;
		goto out;
	}
	*image = buf;
	*len = (size_t)end;
	ret = ACL_SUCCESS;
out:
	fclose(f);
	return ret;
}

static int parse_image(const char *what, const void *image, size_t len,
		       struct ascendsim_mdl_info *info)
{
	enum ascendsim_mdl_status st = ascendsim_mdl_parse(image, len, info);

	if (st == ASCENDSIM_MDL_OK)
		return ACL_SUCCESS;
	aclError code = ACL_ERROR_PARSE_MODEL;
	if (st == ASCENDSIM_MDL_SIZE_MISMATCH || st == ASCENDSIM_MDL_TOO_SHORT)
		code = ACL_ERROR_MODEL_SIZE_INVALID;
	return ascendsim_error(code, "model %s (%zu bytes) rejected: %s", what, len,
			       ascendsim_mdl_strerror(st));
}

/*
 * Caller-provided work or weight memory: need bytes of live device memory, and the size the
 * caller declares must cover need.
 */
static int check_caller_mem(const char *what, void *ptr, size_t size, uint64_t need)
{
	if (size < need) {
		return ascendsim_error(ACL_ERROR_INVALID_PARAM,
				       "model %s memory %p: %zu bytes given, %llu needed "
				       "(see aclmdlQuerySize)",
				       what, ptr, size, (unsigned long long)need);
	}
	if (!ascendsim_mem_check_range(ptr, (size_t)need, ASCENDSIM_POOL_DEVICE)) {
		return ascendsim_error((aclError)ACL_ERROR_GE_EXEC_MODEL_ADDR_INVALID,
				       "model %s memory %p..+%llu is not live device memory", what,
				       ptr, (unsigned long long)need);
	}
	return ACL_SUCCESS;
}

/*
 * The common load path. workPtr/weightPtr NULL: the runtime allocates that memory from the
 * device pool itself (as CANN does when they are NULL).
 */
static int load_image(const char *what, const void *image, size_t len, uint32_t *model_id,
		      void *work_ptr, size_t work_size, void *weight_ptr, size_t weight_size)
{
	struct ascendsim_model *model = NULL;
	const struct ascendsim_mdl_info *info;
	int ret = ascendsim_model_check_ready();

	if (ret != ACL_SUCCESS)
		return ret;
	model = calloc(1, sizeof(*model));
	if (model == NULL)
		return ACL_ERROR_BAD_ALLOC;
	pthread_mutex_init(&model->exec_lock, NULL);
	ret = parse_image(what, image, len, &model->info);
	if (ret != ACL_SUCCESS)
		goto fail;

	info = &model->info;
	if (work_ptr != NULL) {
		ret = check_caller_mem("work", work_ptr, work_size, info->work_size);
		if (ret != ACL_SUCCESS)
			goto fail;
		model->work = work_ptr;
	} else {
		ret = ascendsim_mem_alloc(ASCENDSIM_POOL_DEVICE, (size_t)info->work_size,
					  &model->work);
		if (ret != ACL_SUCCESS)
			goto fail;
		model->own_work = true;
	}
	if (info->weight_size > 0) {
		if (weight_ptr != NULL) {
			ret =
			    check_caller_mem("weight", weight_ptr, weight_size, info->weight_size);
			if (ret != ACL_SUCCESS)
				goto fail;
			model->weight = weight_ptr;
		} else {
			ret = ascendsim_mem_alloc(ASCENDSIM_POOL_DEVICE, (size_t)info->weight_size,
						  &model->weight);
			if (ret != ACL_SUCCESS)
				goto fail;
			model->own_weight = true;
		}
		/* Execution reads the weights from weight memory, never from the image. */
		memcpy(model->weight, info->weights, (size_t)info->weight_size);
	}
	model->info.weights = NULL;
	ret = registry_add(model);
	if (ret != ACL_SUCCESS)
		goto fail;
	*model_id = model->id;
	return ACL_SUCCESS;
fail:
	model_destroy(model);
	return ret;
}

static int load_file(const char *path, uint32_t *model_id, void *work_ptr, size_t work_size,
		     void *weight_ptr, size_t weight_size)
{
	uint8_t *image = NULL;
	size_t len = 0;

	if (path == NULL || model_id == NULL)
		return ACL_ERROR_INVALID_PARAM;
	int ret = read_model_file(path, &image, &len);
	if (ret != ACL_SUCCESS)
		return ret;
	ret = load_image(path, image, len, model_id, work_ptr, work_size, weight_ptr, weight_size);
	free(image);
	return ret;
}

static int load_mem(const void *image, size_t len, uint32_t *model_id, void *work_ptr,
		    size_t work_size, void *weight_ptr, size_t weight_size)
{
	if (image == NULL || len == 0 || model_id == NULL)
		return ACL_ERROR_INVALID_PARAM;
	return load_image("in memory", image, len, model_id, work_ptr, work_size, weight_ptr,
			  weight_size);
}

aclError aclmdlLoadFromFile(const char *modelPath, uint32_t *modelId)
{
	int ret = load_file(modelPath, modelId, NULL, 0, NULL, 0);

	ASCENDSIM_LOG("aclmdlLoadFromFile", "(modelPath=%s, modelId=%p) = %d",
		      modelPath ? modelPath : "(null)", (void *)modelId, ret);
	return ret;
}

aclError aclmdlLoadFromMem(const void *model, size_t modelSize, uint32_t *modelId)
{
	int ret = load_mem(model, modelSize, modelId, NULL, 0, NULL, 0);

	ASCENDSIM_LOG("aclmdlLoadFromMem", "(model=%p, modelSize=%zu, modelId=%p) = %d", model,
		      modelSize, (void *)modelId, ret);
	return ret;
}

aclError aclmdlLoadFromFileWithMem(const char *modelPath, uint32_t *modelId, void *workPtr,
				   size_t workSize, void *weightPtr, size_t weightSize)
{
	int ret = load_file(modelPath, modelId, workPtr, workSize, weightPtr, weightSize);

	ASCENDSIM_LOG("aclmdlLoadFromFileWithMem",
		      "(modelPath=%s, modelId=%p, workPtr=%p, workSize=%zu, weightPtr=%p, "
		      "weightSize=%zu) = %d",
		      modelPath ? modelPath : "(null)", (void *)modelId, workPtr, workSize,
		      weightPtr, weightSize, ret);
	return ret;
}

aclError aclmdlLoadFromMemWithMem(const void *model, size_t modelSize, uint32_t *modelId,
				  void *workPtr, size_t workSize, void *weightPtr,
				  size_t weightSize)
{
	int ret = load_mem(model, modelSize, modelId, workPtr, workSize, weightPtr, weightSize);

	ASCENDSIM_LOG("aclmdlLoadFromMemWithMem",
		      "(model=%p, modelSize=%zu, modelId=%p, workPtr=%p, workSize=%zu, "
		      "weightPtr=%p, weightSize=%zu) = %d",
		      model, modelSize, (void *)modelId, workPtr, workSize, weightPtr, weightSize,
		      ret);
	return ret;
}

static int query_image(const char *what, const void *image, size_t len, size_t *work_size,
		       size_t *weight_size)
{
	struct ascendsim_mdl_info *info = malloc(sizeof(*info));

	if (info == NULL)
		return ACL_ERROR_BAD_ALLOC;
	int ret = parse_image(what, image, len, info);
	if (ret == ACL_SUCCESS) {
		*work_size = (size_t)info->work_size;
		*weight_size = (size_t)info->weight_size;
	}
	free(info);
	return ret;
}

aclError aclmdlQuerySize(const char *fileName, size_t *workSize, size_t *weightSize)
{
	uint8_t *image = NULL;
	size_t len = 0;
	int ret = ACL_ERROR_INVALID_PARAM;

	if (fileName == NULL || workSize == NULL || weightSize == NULL)
		goto out;
	ret = read_model_file(fileName, &image, &len);
	if (ret == ACL_SUCCESS)
		ret = query_image(fileName, image, len, workSize, weightSize);
	free(image);
out:
	ASCENDSIM_LOG("aclmdlQuerySize", "(fileName=%s, workSize=%p, weightSize=%p) = %d",
		      fileName ? fileName : "(null)", (void *)workSize, (void *)weightSize, ret);
	return ret;
}

aclError aclmdlQuerySizeFromMem(const void *model, size_t modelSize, size_t *workSize,
				size_t *weightSize)
{
	int ret = ACL_ERROR_INVALID_PARAM;

	if (model != NULL && modelSize != 0 && workSize != NULL && weightSize != NULL)
		ret = query_image("in memory", model, modelSize, workSize, weightSize);
	ASCENDSIM_LOG("aclmdlQuerySizeFromMem",
		      "(model=%p, modelSize=%zu, workSize=%p, weightSize=%p) = %d", model,
		      modelSize, (void *)workSize, (void *)weightSize, ret);
	return ret;
}

aclError aclmdlUnload(uint32_t modelId)
{
	struct ascendsim_model *model = registry_remove(modelId);
	int ret = ACL_SUCCESS;

	if (model == NULL)
		ret = ascendsim_error(ACL_ERROR_INVALID_MODEL_ID,
				      "aclmdlUnload: model %u is not loaded", modelId);
	else
		ascendsim_model_put(model); /* pending executions keep it alive until they ran */
	ASCENDSIM_LOG("aclmdlUnload", "(modelId=%u) = %d", modelId, ret);
	return ret;
}
