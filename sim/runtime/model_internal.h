/* SPDX-License-Identifier: MIT */
/* Loaded models, shared by the load, description and execution parts of the model API. */
#ifndef ASCENDSIM_MODEL_INTERNAL_H
#define ASCENDSIM_MODEL_INTERNAL_H

#include "model_format.h"

#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>

struct ascendsim_model {
	uint32_t id;
	int refs; /* registry reference + pending executions; under the registry lock */
	pthread_mutex_t exec_lock;	/* one execution at a time uses the work memory */
	struct ascendsim_mdl_info info; /* info.weights is NULL: weights live in weight memory */
	void *work;
	void *weight;		   /* NULL when the model has no weights */
	bool own_work, own_weight; /* allocated by the runtime (freed at unload) */
};

/* The loaded model with this id, with a reference taken; NULL when there is none. */
struct ascendsim_model *ascendsim_model_get(uint32_t id);
void ascendsim_model_put(struct ascendsim_model *model);

/* The aclError for "not ready to run": not initialized, or no device set on this thread. */
int ascendsim_model_check_ready(void);

#endif
