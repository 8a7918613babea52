/* SPDX-License-Identifier: MIT */
/* The intrusive FIFO of the HiMPI channels (items pending, decoded, handed out). */
#include "mpi_queue.h"

void ascendsim_mpi_queue_push(struct ascendsim_mpi_queue *q, struct ascendsim_mpi_node *node)
{
	node->next = NULL;
	if (q->tail)
		q->tail->next = node;
	else
		q->head = node;
	q->tail = node;
	q->n++;
}

struct ascendsim_mpi_node *ascendsim_mpi_queue_pop(struct ascendsim_mpi_queue *q)
{
	struct ascendsim_mpi_node *node = q->head;

	if (node) {
		q->head = node->next;
		if (!q->head)
			q->tail = NULL;
		q->n--;
	}
	return node;
}

struct ascendsim_mpi_node *ascendsim_mpi_queue_take(struct ascendsim_mpi_queue *q,
						    bool (*match)(const struct ascendsim_mpi_node *,
								  const void *),
						    const void *key)
{
	struct ascendsim_mpi_node **p, *prev = NULL;

	for (p = &q->head; *p; prev = *p, p = &(*p)->next) {
		struct ascendsim_mpi_node *node = *p;

		if (!match(node, key))
			continue;
		*p = node->next;
		if (q->tail == node)
			q->tail = prev;
		q->n--;
		return node;
	}
	return NULL;
}

void ascendsim_mpi_queue_free(struct ascendsim_mpi_queue *q,
			      void (*free_node)(struct ascendsim_mpi_node *))
{
	struct ascendsim_mpi_node *node;

	while ((node = ascendsim_mpi_queue_pop(q)))
		free_node(node);
}
