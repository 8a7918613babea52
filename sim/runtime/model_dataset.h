/* SPDX-License-Identifier: MIT */
/* The layout of aclmdlDataset, shared by the dataset API and model execution. */
#ifndef ASCENDSIM_MODEL_DATASET_H
#define ASCENDSIM_MODEL_DATASET_H

#include "acl/acl_mdl.h"

#include <stddef.h>

struct aclmdlDataset {
	aclDataBuffer **buffers; /* not owned */
	size_t count, cap;
};

#endif
