/* SPDX-License-Identifier: MIT */
/*
 * Private interface between the simulated runtime's libraries. libascendcl.so implements it and
 * exports it (with default visibility, next to the public ACL symbols); libacl_dvpp.so and
 * libacl_dvpp_mpi.so consume it. Programs never see it: it is not installed with the headers.
 */
#ifndef ASCENDSIM_H
#define ASCENDSIM_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define ASCENDSIM_API __attribute__((visibility("default")))

#ifdef __cplusplus
extern "C" {
#endif

/* Which memory a block belongs to; usable as bit masks. */
enum ascendsim_pool {
	ASCENDSIM_POOL_NONE = 0,
	ASCENDSIM_POOL_DEVICE = 1u << 0, /* aclrtMalloc, aclrtMallocCached, Align32, WithCfg */
	ASCENDSIM_POOL_DVPP = 1u << 1,   /* acldvppMalloc and hi_mpi_dvpp_malloc share it */
	ASCENDSIM_POOL_HOST = 1u << 2,   /* aclrtMallocHost (device memory in device run mode) */
};

struct ascendsim_block {
	enum ascendsim_pool pool;
	int32_t device;
	void *base;       /* the address the caller was given */
	size_t requested; /* size the caller asked for */
	size_t rounded;   /* size actually reserved (padding, page rounding) */
};

/* Live block containing addr (interior pointers included). 0 if found, -1 otherwise. */
ASCENDSIM_API int ascendsim_mem_find(const void *addr, struct ascendsim_block *out);

/*
 * The check the DVPP user library makes: the first and the last byte of [addr, addr + len) each
 * lie in live memory (of this process) of a pool in pool_mask. len == 0 checks addr alone.
 */
ASCENDSIM_API bool ascendsim_mem_check_range(const void *addr, size_t len, unsigned pool_mask);

/*
 * Allocations the runtime makes for itself (model work and weight memory, decoder scratch): same
 * rounding and limits as the public calls, invisible to ASCEND_SIM_LOG and fault knobs.
 * Returns an aclError value.
 */
ASCENDSIM_API int ascendsim_mem_alloc(enum ascendsim_pool pool, size_t size, void **out);
ASCENDSIM_API int ascendsim_mem_free(void *ptr);

/*
 * DVPP memory: the one bounded window per device that V1 (acldvppMalloc, libacl_dvpp.so) and V2
 * (hi_mpi_dvpp_malloc, libacl_dvpp_mpi.so) share. These are the public allocations' logic: they
 * count for ASCEND_SIM_FAIL_ALLOC_AFTER and honour ASCEND_SIM_DVPP_ALIGN, but do not write to
 * ASCEND_SIM_LOG (the calling library logs its own public call with ascendsim_log_call).
 * Start 128-byte aligned, size ALIGN_UP(size, 32) + 32.
 *
 * ascendsim_dvpp_alloc: device -1 means the current device (V2's dev_id is reserved: pass -1).
 * Returns 0 and sets *out, or an aclError value (the caller maps it to its own codes):
 *   100000 ACL_ERROR_INVALID_PARAM        out is NULL or size is 0
 *   107001 ACL_ERROR_RT_INVALID_DEVICEID  device is not -1 and not a valid device id
 *   107002 ACL_ERROR_RT_CONTEXT_NULL      device -1 and no device set on this thread
 *   207001 ACL_ERROR_RT_MEMORY_ALLOCATION window exhausted, or the fault knob fired
 *   (*out is set to NULL on failure when out is not NULL)
 * ascendsim_dvpp_free: frees a live DVPP or device block by its start address, like the
 * driver does (which pool it came from is not checked, as in CANN).
 * Returns 0, or 100000 (ptr NULL) or 207002 ACL_ERROR_RT_MEMORY_FREE (not the start of a
 * live DVPP/device block: unknown pointer, interior pointer, double free, host memory).
 */
ASCENDSIM_API int ascendsim_dvpp_alloc(int32_t device, uint64_t size, void **out);
ASCENDSIM_API int ascendsim_dvpp_free(void *ptr);

/* Configuration as the environment set it at aclInit (see docs/simulator.md). */
ASCENDSIM_API const char *ascendsim_soc_name(void);
ASCENDSIM_API int ascendsim_run_mode(void); /* an aclrtRunMode value */
ASCENDSIM_API bool ascendsim_initialized(void);
ASCENDSIM_API int32_t ascendsim_current_device(void); /* -1 when no device is set */

/*
 * Streams. A task runs on the stream's worker thread, in submission order, after holding
 * ASCEND_SIM_TASK_DELAY_US. A non-zero return from fn is the error the next synchronization of
 * that stream (or of the device) reports. release(arg), if given, runs after fn, on the worker.
 * stream NULL means the current context's default stream. Returns an aclError value.
 */
typedef int (*ascendsim_task_fn)(void *arg);
ASCENDSIM_API int ascendsim_stream_submit(void *stream, ascendsim_task_fn fn, void *arg,
					  void (*release)(void *arg));
/* Waits until every task submitted so far to stream has run; returns the first task error. */
ASCENDSIM_API int ascendsim_stream_drain(void *stream);

/*
 * What CANN's libraries do internally must not look like calls of the program: a library of the
 * simulator never calls a public acl* / hi_mpi_* function of another library (the call would be
 * written to ASCEND_SIM_LOG and seen by an LD_PRELOAD interposer), nor one of its own for its own
 * work (logged too). These are the public calls' work, with their checks and codes, without the
 * log line; the public calls log and delegate here. api names the public call being served (e.g.
 * "aclvdecCreateChannel"), for aclGetRecentErrMsg.
 *
 * ascendsim_stream_create: as aclrtCreateStream, on the calling thread's current context;
 *   100000 out NULL, 107002 no context on this thread.
 * ascendsim_stream_destroy: as aclrtDestroyStream (runs what is queued, then stops the worker);
 *   100000 stream NULL, 107017 not a live stream.
 */
ASCENDSIM_API int ascendsim_stream_create(const char *api, void **out);
ASCENDSIM_API int ascendsim_stream_destroy(const char *api, void *stream);

/*
 * Report callbacks (aclrtSubscribeReport / aclrtProcessReport): queue fn(arg) for delivery on the
 * thread with that id (pthread_self value) when it calls aclrtProcessReport. Returns an aclError.
 */
ASCENDSIM_API int ascendsim_report_post(uint64_t thread_id, void (*fn)(void *arg), void *arg);

/*
 * As aclrtSubscribeReport / aclrtUnSubscribeReport, without the log line (see above): binds the
 * thread with that id to stream so that aclrtProcessReport on it delivers what is posted, and
 * undoes it (dropping callbacks not yet processed). stream NULL is the current context's default
 * stream. 107011 stream already subscribed / pair not subscribed; 107017 a stream that is not
 * live; 107002 stream NULL and no context on this thread.
 */
ASCENDSIM_API int ascendsim_report_subscribe(const char *api, uint64_t thread_id, void *stream);
ASCENDSIM_API int ascendsim_report_unsubscribe(const char *api, uint64_t thread_id, void *stream);

/*
 * ASCEND_SIM_LOG: one line "api(args) = ret" per call the runtime receives. Cheap when off.
 * fmt formats what follows the name, e.g. ascendsim_log_call("acldvppFree", "(devPtr=%p) = %d",
 * p, ret); the line is written with one write() to an O_APPEND file.
 */
ASCENDSIM_API bool ascendsim_log_enabled(void);
ASCENDSIM_API void ascendsim_log_call(const char *api, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* A one-line diagnostic on stderr, prefixed "ascend-sim: ". */
ASCENDSIM_API void ascendsim_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/*
 * Reads an ASCEND_SIM_* variable: a number with an optional K/M/G suffix (powers of 1024) when
 * is_size, a plain decimal number otherwise. Unset gives def; a bad or out-of-range value warns
 * once naming the variable and the default, and gives def.
 */
ASCENDSIM_API uint64_t ascendsim_env_u64(const char *name, uint64_t def, uint64_t min, uint64_t max,
					 bool is_size);

#ifdef __cplusplus
}
#endif

#endif
