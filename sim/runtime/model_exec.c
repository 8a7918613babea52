/* SPDX-License-Identifier: MIT */
/* aclmdlExecute and aclmdlExecuteAsync: dataset checks, then the model's computation. */
#include "acl/acl.h"
#include "ascendsim_rt.h"
#include "model_dataset.h"
#include "model_internal.h"

#include <stdlib.h>

/* One execution: the model (a reference held) and the buffers resolved from the datasets. */
struct exec_plan {
	struct ascendsim_model *model;
	const void *inputs[ASCENDSIM_MDL_MAX_TENSORS];
	void *outputs[ASCENDSIM_MDL_MAX_TENSORS];
};

/* Memory a model may read and write: device and DVPP memory (and host memory on the board). */
static unsigned data_pools(void)
{
	unsigned mask = ASCENDSIM_POOL_DEVICE | ASCENDSIM_POOL_DVPP;

	if (ascendsim_run_mode() == ACL_DEVICE)
		mask |= ASCENDSIM_POOL_HOST;
	return mask;
}

static int resolve_buffers(uint32_t model_id, const char *what, const aclmdlDataset *dataset,
			   uint32_t count, const struct ascendsim_mdl_tensor *tensors, void **addrs,
			   int not_match)
{
	if (dataset->count != count) {
		return ascendsim_error(not_match,
				       "model %u: %zu %s buffers given, the model has %u", model_id,
				       dataset->count, what, count);
	}
	for (uint32_t i = 0; i < count; i++) {
		void *addr = NULL;
		size_t size = 0;
		size_t need = (size_t)tensors[i].size;

		/* Not aclGetDataBufferAddr: the runtime's own reads are no calls of the program. */
		(void)ascendsim_data_buffer_read("aclmdlExecute", dataset->buffers[i], &addr,
						 &size);
		if (addr == NULL || size < need) {
			return ascendsim_error(
			    not_match, "model %u: %s %u (%s) buffer %p holds %zu bytes, %zu needed",
			    model_id, what, i, tensors[i].name, addr, size, need);
		}
		if (!ascendsim_mem_check_range(addr, need, data_pools())) {
			return ascendsim_error(
			    (aclError)ACL_ERROR_GE_EXEC_MODEL_ADDR_INVALID,
			    "model %u: %s %u buffer %p..+%zu is not live device memory", model_id,
			    what, i, addr, need);
		}
		addrs[i] = addr;
	}
	return ACL_SUCCESS;
}

static int plan_execution(uint32_t model_id, const aclmdlDataset *input, aclmdlDataset *output,
			  struct exec_plan *plan)
{
	int ret = ascendsim_model_check_ready();

	if (ret != ACL_SUCCESS)
		return ret;
	if (input == NULL || output == NULL)
		return ascendsim_error(ACL_ERROR_INVALID_PARAM, "model %u: input %p, output %p",
				       model_id, (const void *)input, (void *)output);
	plan->model = ascendsim_model_get(model_id);
	if (plan->model == NULL)
		return ascendsim_error(ACL_ERROR_INVALID_MODEL_ID, "model %u is not loaded",
				       model_id);
	const struct ascendsim_mdl_info *info = &plan->model->info;
	ret = resolve_buffers(model_id, "input", input, info->num_inputs, info->inputs,
			      (void **)plan->inputs, ACL_ERROR_MODEL_INPUT_NOT_MATCH);
	if (ret == ACL_SUCCESS)
		ret = resolve_buffers(model_id, "output", output, info->num_outputs, info->outputs,
				      plan->outputs, ACL_ERROR_MODEL_OUTPUT_NOT_MATCH);
	if (ret != ACL_SUCCESS) {
		ascendsim_model_put(plan->model);
		plan->model = NULL;
	}
	return ret;
}

/* The memory may have been freed since the plan was made (asynchronous use): check again. */
static bool plan_memory_live(const struct exec_plan *plan)
{
	const struct ascendsim_model *model = plan->model;
	const struct ascendsim_mdl_info *info = &model->info;
	unsigned pools = data_pools();

	for (uint32_t i = 0; i < info->num_inputs; i++) {
		if (!ascendsim_mem_check_range(plan->inputs[i], (size_t)info->inputs[i].size,
					       pools))
			return false;
	}
	for (uint32_t i = 0; i < info->num_outputs; i++) {
		if (!ascendsim_mem_check_range(plan->outputs[i], (size_t)info->outputs[i].size,
					       pools))
			return false;
	}
	if (!ascendsim_mem_check_range(model->work, (size_t)info->work_size, ASCENDSIM_POOL_DEVICE))
		return false;
	return model->weight == NULL ||
	       ascendsim_mem_check_range(model->weight, (size_t)info->weight_size,
					 ASCENDSIM_POOL_DEVICE);
}

static int run_plan(void *arg)
{
	struct exec_plan *plan = arg;
	struct ascendsim_model *model = plan->model;
	int ret = ACL_SUCCESS;

	pthread_mutex_lock(&model->exec_lock);
	if (!plan_memory_live(plan)) {
		/* Runs on the stream's worker: the message goes to stderr, the code to the sync. */
		ascendsim_warn("model %u: a buffer, its work or its weight memory was freed before "
			       "the execution ran",
			       model->id);
		ret = (aclError)ACL_ERROR_GE_EXEC_MODEL_ADDR_INVALID;
	} else {
		ascendsim_mdl_compute(&model->info, plan->inputs, model->weight, model->work,
				      plan->outputs);
	}
	pthread_mutex_unlock(&model->exec_lock);
	return ret;
}

static void release_plan(void *arg)
{
	struct exec_plan *plan = arg;

	ascendsim_model_put(plan->model);
	free(plan);
}

aclError aclmdlExecute(uint32_t modelId, const aclmdlDataset *input, aclmdlDataset *output)
{
	struct exec_plan *plan = calloc(1, sizeof(*plan));
	int ret = ACL_ERROR_BAD_ALLOC;

	if (plan == NULL)
		goto out;
	ret = plan_execution(modelId, input, output, plan);
	if (ret == ACL_SUCCESS) {
		ret = run_plan(plan);
		ascendsim_model_put(plan->model);
	}
	free(plan);
out:
	ASCENDSIM_LOG("aclmdlExecute", "(modelId=%u, input=%p, output=%p) = %d", modelId,
		      (const void *)input, (void *)output, ret);
	return ret;
}

aclError aclmdlExecuteAsync(uint32_t modelId, const aclmdlDataset *input, aclmdlDataset *output,
			    aclrtStream stream)
{
	struct exec_plan *plan = calloc(1, sizeof(*plan));
	int ret = ACL_ERROR_BAD_ALLOC;

	if (plan == NULL)
		goto out;
	ret = plan_execution(modelId, input, output, plan);
	if (ret != ACL_SUCCESS) {
		free(plan);
		goto out;
	}
	/* The datasets may be destroyed once this returns: the plan holds what the task needs. */
	ret = ascendsim_stream_submit(stream, run_plan, plan, release_plan);
	if (ret != ACL_SUCCESS)
		release_plan(plan);
out:
	ASCENDSIM_LOG("aclmdlExecuteAsync", "(modelId=%u, input=%p, output=%p, stream=%p) = %d",
		      modelId, (const void *)input, (void *)output, stream, ret);
	return ret;
}
