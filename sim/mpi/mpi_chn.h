/* SPDX-License-Identifier: MIT */
/*
 * Private to libacl_dvpp_mpi.so: the channel machinery VPC, VDEC, VENC and PNGD share. A channel
 * is a table slot, a lock with its condition, a reference count that destroy waits for, and a
 * worker thread that takes the items of its pending queue in order, waits the simulated hardware
 * delay and hands each one to its module.
 */
#ifndef ASCENDSIM_MPI_CHN_H
#define ASCENDSIM_MPI_CHN_H

#include "mpi_queue.h"

#include <pthread.h>

struct ascendsim_mpi_chn_class;

/* Embedded first in each module's channel struct (ascendsim_mpi_chn_get returns the whole). */
struct ascendsim_mpi_chn {
	struct ascendsim_mpi_chn_class *cls;
	pthread_mutex_t lock;
	pthread_cond_t cond; /* queues changed, an item finished, a reference dropped */
	pthread_t worker;
	struct ascendsim_mpi_queue pending; /* the worker's input; the head stays while it runs */
	struct ascendsim_mpi_queue ready;   /* done by the worker, not yet collected */
	struct ascendsim_mpi_queue out;	    /* collected, not yet released by the program */
	unsigned refs;			    /* calls inside the channel; destroy waits for them */
	bool stopping;
};

/* What a module plugs in; init, finish and free_node may be NULL. */
struct ascendsim_mpi_chn_ops {
	/* Fills the module's fields of a new channel before its worker starts. */
	void (*init)(struct ascendsim_mpi_chn *c, const void *attr);
	/* The item's work, on the worker thread without the lock, after the delay. */
	void (*run)(struct ascendsim_mpi_chn *c, struct ascendsim_mpi_node *item);
	/* With the lock held once the item left pending; false: it was consumed, not ready. */
	bool (*finish)(struct ascendsim_mpi_chn *c, struct ascendsim_mpi_node *item);
	/* Frees an item (NULL: free() of the node, the item's first member). */
	void (*free_node)(struct ascendsim_mpi_node *item);
};

/* One module's channels: ids [0, count), codes of mod. */
struct ascendsim_mpi_chn_class {
	hi_mod_id mod;
	int count;
	size_t size;		 /* bytes of the module's channel struct */
	const char *worker_name; /* "worker", "decoder", "encoder": in messages */
	const struct ascendsim_mpi_chn_ops *ops;
	pthread_mutex_t lock; /* guards slots */
	struct ascendsim_mpi_chn **slots;
};

/* Defines the channel class name of module mod: n channels of struct type (base first). */
#define ASCENDSIM_MPI_CHN_CLASS(name, mod_id, n, type, what, hooks)                          \
	_Static_assert(offsetof(type, base) == 0, "ascendsim_mpi_chn_get returns the base"); \
	static struct ascendsim_mpi_chn *name##_slots[n];                                    \
	static struct ascendsim_mpi_chn_class name = { .mod = (mod_id),                      \
						       .count = (n),                         \
						       .size = sizeof(type),                 \
						       .worker_name = (what),                \
						       .ops = (hooks),                       \
						       .lock = PTHREAD_MUTEX_INITIALIZER,    \
						       .slots = name##_slots }

/* INVALID_CHN_ID for an id outside [0, count). */
hi_s32 ascendsim_mpi_chn_in_range(const struct ascendsim_mpi_chn_class *cls, const char *api,
				  int chn);
/* NOT_READY while hi_mpi_sys_init has not run. */
hi_s32 ascendsim_mpi_chn_sys_ready(const struct ascendsim_mpi_chn_class *cls, const char *api);
/* Creates chn (in range, checked by the caller): EXIST, NO_MEM. */
hi_s32 ascendsim_mpi_chn_create(struct ascendsim_mpi_chn_class *cls, const char *api, int chn,
				const void *attr);
/* Creates the lowest free channel into *chn: NO_BUF when all are in use. */
hi_s32 ascendsim_mpi_chn_create_any(struct ascendsim_mpi_chn_class *cls, const char *api, int *chn,
				    const void *attr);
/*
 * Removes chn and writes api's log line; its worker finishes the queued items first.
 * INVALID_CHN_ID, UNEXIST.
 */
hi_s32 ascendsim_mpi_chn_destroy(struct ascendsim_mpi_chn_class *cls, const char *api, int chn);
/*
 * Looks chn up and takes a reference (release with put). Returns the module's channel struct
 * (its base is the first member), or NULL with *ret INVALID_CHN_ID or UNEXIST.
 */
void *ascendsim_mpi_chn_get(struct ascendsim_mpi_chn_class *cls, const char *api, int chn,
			    hi_s32 *ret);
void ascendsim_mpi_chn_put(struct ascendsim_mpi_chn *c);
/* Queues item for the worker; called with c->lock held. */
void ascendsim_mpi_chn_submit_locked(struct ascendsim_mpi_chn *c, struct ascendsim_mpi_node *item);
/*
 * Waits on c->cond as milli_sec asks (-1 blocks, 0 does not wait, > 0 until deadline); false
 * on timeout. Called with c->lock held.
 */
bool ascendsim_mpi_chn_wait(struct ascendsim_mpi_chn *c, hi_s32 milli_sec,
			    const struct timespec *deadline);
/*
 * Waits as milli_sec asks for a ready item (or destroy) and unlinks it; NULL if none came.
 * Called with c->lock held.
 */
struct ascendsim_mpi_node *ascendsim_mpi_chn_take_ready(struct ascendsim_mpi_chn *c,
							hi_s32 milli_sec);

#endif
