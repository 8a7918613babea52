/* SPDX-License-Identifier: MIT */
/* Private to libacl_dvpp_mpi.so: the intrusive FIFO every channel keeps its items in. */
#ifndef ASCENDSIM_MPI_QUEUE_H
#define ASCENDSIM_MPI_QUEUE_H

#include "mpi_internal.h"

#include <stddef.h>

/* The module's struct around an embedded member (intrusive queues, channel bases). */
#define ASCENDSIM_MPI_OUTER(ptr, type, member) \
	((type *)(void *)((char *)(ptr)-offsetof(type, member)))

/* Link embedded in every queued item. */
struct ascendsim_mpi_node {
	struct ascendsim_mpi_node *next;
};

/* FIFO of nodes with its length (queue limits count it). */
struct ascendsim_mpi_queue {
	struct ascendsim_mpi_node *head, *tail;
	unsigned n;
};

void ascendsim_mpi_queue_push(struct ascendsim_mpi_queue *q, struct ascendsim_mpi_node *node);
struct ascendsim_mpi_node *ascendsim_mpi_queue_pop(struct ascendsim_mpi_queue *q);
/* Unlinks and returns the first node match accepts, or NULL. */
struct ascendsim_mpi_node *ascendsim_mpi_queue_take(struct ascendsim_mpi_queue *q,
						    bool (*match)(const struct ascendsim_mpi_node *,
								  const void *),
						    const void *key);
void ascendsim_mpi_queue_free(struct ascendsim_mpi_queue *q,
			      void (*free_node)(struct ascendsim_mpi_node *));

#endif
