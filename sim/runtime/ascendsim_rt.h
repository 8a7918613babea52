/* SPDX-License-Identifier: MIT */
/*
 * Private to libascendcl.so: configuration, device/context state, the memory windows and the
 * stream engine, shared by the runtime's source files. Nothing here is exported.
 */
#ifndef ASCENDSIM_RT_H
#define ASCENDSIM_RT_H

#include "acl/acl.h"
#include "ascendsim.h"

#include <pthread.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define ASCENDSIM_HIDDEN __attribute__((visibility("hidden")))

#define ASCENDSIM_KIB		 ((uint64_t)1024)
#define ASCENDSIM_MIB		 ((uint64_t)1024 * 1024)
#define ASCENDSIM_GIB		 ((uint64_t)1024 * 1024 * 1024)
#define ASCENDSIM_ALIGN_UP(x, a) ((((x) + (a)-1) / (a)) * (a))

#define ASCENDSIM_MAX_DEVICES 64u
/* Where the SVM driver puts device d's DVPP heap: 0x100000000000 + d * 32 GiB. */
#define ASCENDSIM_SVM_BASE	0x100000000000ull
#define ASCENDSIM_SVM_BASE_ASAN 0x210000000000ull
#define ASCENDSIM_DVPP_SLOT	(32ull * ASCENDSIM_GIB)
/* Device memory windows follow the 64 DVPP heap slots; 256 GiB each. */
#define ASCENDSIM_DEVMEM_BASE_OFFSET (64ull * ASCENDSIM_DVPP_SLOT)
#define ASCENDSIM_DEVMEM_SLOT	     (256ull * ASCENDSIM_GIB)

/* ---- configuration (ascendsim_env.c) ---- */

struct ascendsim_config {
	uint32_t device_count;
	int run_mode; /* aclrtRunMode */
	char soc[64];
	uint64_t dvpp_pool_size;
	uint64_t device_mem_size;
	uint64_t host_mem_size;
	uint64_t huge_mem_size; /* how much of device memory huge (and 1 GiB) pages may take */
	uint64_t task_delay_us;
	int64_t fail_alloc_after;   /* -1: off */
	uint32_t dvpp_align_offset; /* 0, or 64 for ASCEND_SIM_DVPP_ALIGN=64 */
	int log_fd;		    /* -1: off */
};

/* Read once, on first use of the runtime. */
ASCENDSIM_HIDDEN const struct ascendsim_config *ascendsim_config(void);

/* ---- last error message (aclGetRecentErrMsg) and logging helpers ---- */

ASCENDSIM_HIDDEN aclError ascendsim_error(aclError code, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* ---- devices and contexts (ascendsim_state.c) ---- */

struct ascendsim_stream;

struct ascendsim_context {
	uint32_t magic;
	int32_t device;
	bool is_default;
	struct ascendsim_stream *default_stream; /* created on first use */
	struct ascendsim_context *next;
};

ASCENDSIM_HIDDEN extern pthread_mutex_t ascendsim_state_lock;

/* The calling thread's context, or NULL. */
ASCENDSIM_HIDDEN struct ascendsim_context *ascendsim_current_context(void);
ASCENDSIM_HIDDEN void ascendsim_set_current_context(struct ascendsim_context *ctx);
/* Under ascendsim_state_lock. */
ASCENDSIM_HIDDEN bool ascendsim_context_is_live(const struct ascendsim_context *ctx);
ASCENDSIM_HIDDEN bool ascendsim_device_valid(int32_t device);
/* 0, or an aclError when the thread has no device. Sets *device. */
ASCENDSIM_HIDDEN aclError ascendsim_require_device(int32_t *device);
ASCENDSIM_HIDDEN void ascendsim_set_initialized(bool on);
ASCENDSIM_HIDDEN aclError ascendsim_device_set(int32_t device);
ASCENDSIM_HIDDEN aclError ascendsim_device_reset(int32_t device, bool force);
ASCENDSIM_HIDDEN aclError ascendsim_context_create(int32_t device, struct ascendsim_context **out);
ASCENDSIM_HIDDEN aclError ascendsim_context_destroy(struct ascendsim_context *ctx);
ASCENDSIM_HIDDEN aclError ascendsim_context_set_current(struct ascendsim_context *ctx);
ASCENDSIM_HIDDEN void ascendsim_release_all(void);

/* ---- memory (ascendsim_mem.c) ---- */

enum ascendsim_page {
	ASCENDSIM_PAGE_NORMAL = 0,
	ASCENDSIM_PAGE_HUGE = 1, /* 2 MiB */
	ASCENDSIM_PAGE_HUGE1G = 2,
};

struct ascendsim_alloc_req {
	enum ascendsim_pool pool; /* the tag the block carries */
	int32_t device;
	size_t size;	/* requested */
	size_t rounded; /* reserved */
	size_t align;	/* start alignment */
	size_t offset;	/* start = k * align + offset */
	enum ascendsim_page page;
	bool in_device_window; /* HOST blocks in device run mode live with device memory */
	/* Huge pages first: the normal-page size to use when the huge pages are used up (0: none).
	 */
	size_t fallback_rounded;
};

/* Device memory rounding for an aclrtMalloc-family policy: sets rounded, align, page, fallback. */
ASCENDSIM_HIDDEN void ascendsim_device_rounding(struct ascendsim_alloc_req *req, unsigned policy,
						bool pad);
/* Pinned host memory (aclrtMallocHost) for the run mode. */
ASCENDSIM_HIDDEN void ascendsim_host_req(struct ascendsim_alloc_req *req, int32_t device,
					 size_t size);
/* Like ascendsim_mem_find, plus the page size backing the block. */
ASCENDSIM_HIDDEN bool ascendsim_lookup(const void *addr, struct ascendsim_block *out,
				       size_t *page_bytes);
ASCENDSIM_HIDDEN aclError ascendsim_alloc(const struct ascendsim_alloc_req *req, void **out);
/*
 * Frees the block starting at ptr if its pool is in pool_mask. Returns 0, or
 * ACL_ERROR_RT_MEMORY_FREE when ptr is not the start of such a live block.
 */
ASCENDSIM_HIDDEN aclError ascendsim_free(void *ptr, unsigned pool_mask);
/* Releases every block of a device (device reset). */
ASCENDSIM_HIDDEN void ascendsim_free_device_blocks(int32_t device);
/* Counts a public allocation; true when ASCEND_SIM_FAIL_ALLOC_AFTER says this one fails. */
ASCENDSIM_HIDDEN bool ascendsim_fault_alloc(void);
/*
 * Whether [addr, addr + len) may be touched: true for memory outside the simulated windows (the
 * caller's host memory) and for ranges inside one live block; false for window memory that is
 * not allocated (freed, never allocated, or beyond the block).
 */
ASCENDSIM_HIDDEN bool ascendsim_range_usable(const void *addr, size_t len);
/* aclrtGetMemInfo: free and total of the device's memory, or of its huge-page share. */
ASCENDSIM_HIDDEN void ascendsim_pool_usage(int32_t device, bool huge, size_t *free_bytes,
					   size_t *total);

/* ---- streams (ascendsim_stream.c) ---- */

/* Resolves a stream handle (NULL: the current context's default stream). */
ASCENDSIM_HIDDEN aclError ascendsim_stream_resolve(void *handle, struct ascendsim_stream **out,
						   bool create_default);
ASCENDSIM_HIDDEN aclError ascendsim_stream_submit_to(struct ascendsim_stream *s,
						     ascendsim_task_fn fn, void *arg,
						     void (*release)(void *arg));
/* Waits for the tasks submitted so far; timeout_ms < 0 waits forever. */
ASCENDSIM_HIDDEN aclError ascendsim_stream_wait(struct ascendsim_stream *s, int32_t timeout_ms);
ASCENDSIM_HIDDEN struct ascendsim_stream *ascendsim_stream_new(struct ascendsim_context *ctx);
/* Drains, stops and frees; the handle becomes invalid. A stream already deleted is left alone. */
ASCENDSIM_HIDDEN void ascendsim_stream_delete(struct ascendsim_stream *s);
/* Destroys every stream of a context (context destruction). */
ASCENDSIM_HIDDEN void ascendsim_streams_destroy_context(struct ascendsim_context *ctx);
/* Waits for every stream of a device; returns the first task error. */
ASCENDSIM_HIDDEN aclError ascendsim_streams_wait_device(int32_t device, int32_t timeout_ms);
ASCENDSIM_HIDDEN bool ascendsim_stream_is_live(const struct ascendsim_stream *s);
ASCENDSIM_HIDDEN bool ascendsim_stream_idle(struct ascendsim_stream *s);

/* ---- data buffers (acl_databuffer.c) ---- */

/*
 * Address and size of a live data buffer, for the runtime's own use (model execution): the
 * accessors' work without their ASCEND_SIM_LOG lines. False (and an error message naming api)
 * when b is not a live buffer.
 */
ASCENDSIM_HIDDEN bool ascendsim_data_buffer_read(const char *api, const aclDataBuffer *b,
						 void **data, size_t *size);

/* Time in nanoseconds (CLOCK_MONOTONIC). */
ASCENDSIM_HIDDEN uint64_t ascendsim_now_ns(void);

/* Log helper for the public calls: cheap when ASCEND_SIM_LOG is off. */
#define ASCENDSIM_LOG(api, ...)                               \
	do {                                                  \
		if (ascendsim_log_enabled())                  \
			ascendsim_log_call(api, __VA_ARGS__); \
	} while (0)

#endif
