/* SPDX-License-Identifier: MIT */
/*
 * Memory of the simulated runtime: rounding and alignment per API and policy, window placement
 * and bounds, exhaustion, every error code of the allocation and free calls, aclrtGetMemInfo
 * accounting, run modes, page release and concurrent use.
 */
#include "sim_test.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#define SVM_BASE    ((uintptr_t)0x100000000000ull)
#define DEVMEM_BASE ((uintptr_t)0x120000000000ull)

static struct ascendsim_block find(const void *p)
{
	struct ascendsim_block b;

	memset(&b, 0, sizeof(b));
	assert_int_equal(ascendsim_mem_find(p, &b), 0);
	return b;
}

/* Allocates with fn and policy, and checks the block's rounded size and start alignment. */
static void check_device_alloc(aclError (*fn)(void **, size_t, aclrtMemMallocPolicy), size_t size,
			       unsigned policy, size_t want_rounded, size_t want_align)
{
	void *p = NULL;
	struct ascendsim_block b;

	assert_int_equal(fn(&p, size, (aclrtMemMallocPolicy)policy), ACL_SUCCESS);
	assert_non_null(p);
	b = find(p);
	assert_ptr_equal(b.base, p);
	assert_int_equal(b.pool, ASCENDSIM_POOL_DEVICE);
	assert_int_equal(b.requested, size);
	assert_int_equal(b.rounded, want_rounded);
	assert_int_equal((uintptr_t)p % want_align, 0);
	assert_int_equal(aclrtFree(p), ACL_SUCCESS);
}

static void test_rounding_normal_pages(void **state)
{
	static const size_t sizes[] = { 1, 31, 32, 33, 100, 4096, SIM_MIB };

	(void)state;
	for (size_t i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
		size_t s = sizes[i];

		check_device_alloc(aclrtMalloc, s, ACL_MEM_MALLOC_NORMAL_ONLY,
				   SIM_ALIGN_UP(s, 32) + 32, 64);
		check_device_alloc(aclrtMallocCached, s, ACL_MEM_MALLOC_NORMAL_ONLY,
				   SIM_ALIGN_UP(s, 32) + 32, 64);
		check_device_alloc(aclrtMallocAlign32, s, ACL_MEM_MALLOC_NORMAL_ONLY,
				   SIM_ALIGN_UP(s, 32), 64);
		check_device_alloc(aclrtMalloc, s, ACL_MEM_MALLOC_NORMAL_ONLY_P2P,
				   SIM_ALIGN_UP(s, 32) + 32, 64);
	}
}

static void test_rounding_huge_first(void **state)
{
	(void)state;
	/* Up to 1 MiB normal pages; above, 2 MiB granularity. */
	check_device_alloc(aclrtMalloc, SIM_MIB, ACL_MEM_MALLOC_HUGE_FIRST, SIM_MIB + 32, 64);
	check_device_alloc(aclrtMalloc, SIM_MIB + 1, ACL_MEM_MALLOC_HUGE_FIRST, 2 * SIM_MIB,
			   2 * SIM_MIB);
	check_device_alloc(aclrtMalloc, 2 * SIM_MIB, ACL_MEM_MALLOC_HUGE_FIRST, 4 * SIM_MIB,
			   2 * SIM_MIB);
	check_device_alloc(aclrtMallocAlign32, 2 * SIM_MIB, ACL_MEM_MALLOC_HUGE_FIRST, 2 * SIM_MIB,
			   2 * SIM_MIB);
	check_device_alloc(aclrtMalloc, SIM_MIB + 1, ACL_MEM_MALLOC_HUGE_FIRST_P2P, 2 * SIM_MIB,
			   2 * SIM_MIB);
	/* A bandwidth type alone means HUGE_FIRST; with NORMAL_ONLY it stays normal. */
	check_device_alloc(aclrtMalloc, 3 * SIM_MIB, ACL_MEM_TYPE_HIGH_BAND_WIDTH, 4 * SIM_MIB,
			   2 * SIM_MIB);
	check_device_alloc(aclrtMalloc, 3 * SIM_MIB,
			   ACL_MEM_TYPE_LOW_BAND_WIDTH | ACL_MEM_MALLOC_NORMAL_ONLY,
			   3 * SIM_MIB + 32, 64);
}

static void test_rounding_huge_only_and_1g(void **state)
{
	(void)state;
	check_device_alloc(aclrtMalloc, 100, ACL_MEM_MALLOC_HUGE_ONLY, 2 * SIM_MIB, 2 * SIM_MIB);
	check_device_alloc(aclrtMallocCached, 100, ACL_MEM_MALLOC_HUGE_ONLY, 2 * SIM_MIB,
			   2 * SIM_MIB);
	check_device_alloc(aclrtMalloc, 100, ACL_MEM_MALLOC_HUGE_ONLY_P2P, 2 * SIM_MIB,
			   2 * SIM_MIB);
	/* 1 GiB pages: rounded to 1 GiB, no extra 32 bytes. */
	check_device_alloc(aclrtMalloc, 100, ACL_MEM_MALLOC_HUGE1G_ONLY, SIM_GIB, SIM_GIB);
	check_device_alloc(aclrtMalloc, SIM_GIB, ACL_MEM_MALLOC_HUGE1G_ONLY, SIM_GIB, SIM_GIB);
	check_device_alloc(aclrtMallocCached, SIM_GIB + 1, ACL_MEM_MALLOC_HUGE1G_ONLY, 2 * SIM_GIB,
			   SIM_GIB);
}

static void test_rounding_out_of_range_policy(void **state)
{
	(void)state;
	/* Outside the enum: huge pages from 2 MiB on, normal pages below. */
	check_device_alloc(aclrtMalloc, 2 * SIM_MIB - 1, 0x50, 2 * SIM_MIB + 32, 64);
	check_device_alloc(aclrtMalloc, 2 * SIM_MIB, 0x50, 4 * SIM_MIB, 2 * SIM_MIB);
}

/* Blocks placed back to back keep their start alignment: 64 for device, 128 for DVPP. */
static void test_alignment_packing(void **state)
{
	static const size_t sizes[] = { 33, 1, 32, 95, 200, 64, 7 };
	void *dev[7], *a32[7], *dvpp[7];

	(void)state;
	for (size_t i = 0; i < 7; i++) {
		assert_int_equal(aclrtMalloc(&dev[i], sizes[i], ACL_MEM_MALLOC_NORMAL_ONLY),
				 ACL_SUCCESS);
		assert_int_equal((uintptr_t)dev[i] % 64, 0);
		assert_int_equal(aclrtMallocAlign32(&a32[i], sizes[i], ACL_MEM_MALLOC_NORMAL_ONLY),
				 ACL_SUCCESS);
		assert_int_equal((uintptr_t)a32[i] % 64, 0);
		assert_int_equal(ascendsim_dvpp_alloc(-1, sizes[i], &dvpp[i]), ACL_SUCCESS);
		assert_int_equal((uintptr_t)dvpp[i] % 128, 0);
	}
	/* First fit: each block follows the previous one at the next aligned address. */
	for (size_t i = 1; i < 7; i++) {
		uintptr_t prev_end = (uintptr_t)dvpp[i - 1] + SIM_ALIGN_UP(sizes[i - 1], 32) + 32;

		assert_int_equal((uintptr_t)dvpp[i], SIM_ALIGN_UP(prev_end, 128));
	}
	for (size_t i = 0; i < 7; i++) {
		assert_int_equal(aclrtFree(dev[i]), ACL_SUCCESS);
		assert_int_equal(aclrtFree(a32[i]), ACL_SUCCESS);
		assert_int_equal(aclrtFree(dvpp[i]), ACL_SUCCESS);
	}
}

static void test_malloc_errors(void **state)
{
	void *p = (void *)1;
	aclrtMallocAttribute attr = { .attr = ACL_RT_MEM_ATTR_DEVICE_ID };
	aclrtMallocConfig cfg = { .attrs = &attr, .numAttrs = 1 };
	aclrtMallocConfig broken = { .attrs = NULL, .numAttrs = 1 };

	(void)state;
	assert_int_equal(aclrtMalloc(NULL, 10, ACL_MEM_MALLOC_HUGE_FIRST), ACL_ERROR_INVALID_PARAM);
	assert_int_equal(aclrtMalloc(&p, 0, ACL_MEM_MALLOC_HUGE_FIRST), ACL_ERROR_INVALID_PARAM);
	assert_null(p);
	assert_int_equal(aclrtMallocAlign32(&p, 0, ACL_MEM_MALLOC_HUGE_FIRST),
			 ACL_ERROR_INVALID_PARAM);
	assert_int_equal(aclrtMallocCached(NULL, 10, ACL_MEM_MALLOC_HUGE_FIRST),
			 ACL_ERROR_INVALID_PARAM);
	assert_int_equal(aclrtMallocCached(&p, 10, ACL_MEM_MALLOC_HUGE_FIRST_P2P),
			 ACL_ERROR_INVALID_PARAM);
	assert_int_equal(aclrtMallocHost(NULL, 10), ACL_ERROR_INVALID_PARAM);
	assert_int_equal(aclrtMallocHost(&p, 0), ACL_ERROR_INVALID_PARAM);
	assert_int_equal(aclrtMallocHostWithCfg(&p, 0, NULL), ACL_ERROR_INVALID_PARAM);
	assert_int_equal(aclrtMallocWithCfg(&p, 10, ACL_MEM_MALLOC_HUGE_FIRST, &broken),
			 ACL_ERROR_INVALID_PARAM);
	attr.value.deviceId = 3;
	assert_int_equal(aclrtMallocWithCfg(&p, 10, ACL_MEM_MALLOC_HUGE_FIRST, &cfg),
			 ACL_ERROR_RT_INVALID_DEVICEID);
	attr.value.deviceId = 0;
	assert_int_equal(aclrtMallocWithCfg(&p, 10, ACL_MEM_MALLOC_HUGE_FIRST, &cfg), ACL_SUCCESS);
	assert_int_equal(find(p).rounded, 64);
	assert_int_equal(aclrtFree(p), ACL_SUCCESS);
	assert_int_equal(aclrtMallocWithCfg(&p, 10, ACL_MEM_MALLOC_HUGE_FIRST, NULL), ACL_SUCCESS);
	assert_int_equal(aclrtFreeWithDevSync(p), ACL_SUCCESS);
	assert_int_equal(aclrtMallocHostWithCfg(&p, 10, NULL), ACL_SUCCESS);
	assert_int_equal(aclrtFreeHostWithDevSync(p), ACL_SUCCESS);
	assert_non_null(aclGetRecentErrMsg());

	/* Without a device on this thread. */
	assert_int_equal(aclrtResetDevice(0), ACL_SUCCESS);
	assert_int_equal(aclrtMalloc(&p, 10, ACL_MEM_MALLOC_HUGE_FIRST), ACL_ERROR_RT_CONTEXT_NULL);
	assert_int_equal(aclrtMallocHost(&p, 10), ACL_ERROR_RT_CONTEXT_NULL);
	assert_int_equal(ascendsim_dvpp_alloc(-1, 10, &p), ACL_ERROR_RT_CONTEXT_NULL);
}

static void test_free_errors(void **state)
{
	void *p, *h;
	char local[64];

	(void)state;
	assert_int_equal(aclrtFree(NULL), ACL_ERROR_INVALID_PARAM);
	assert_int_equal(aclrtFreeHost(NULL), ACL_ERROR_INVALID_PARAM);
	assert_int_equal(aclrtFreeWithDevSync(NULL), ACL_ERROR_INVALID_PARAM);
	assert_int_equal(aclrtFreeHostWithDevSync(NULL), ACL_ERROR_INVALID_PARAM);
	assert_int_equal(aclrtFree(local), ACL_ERROR_RT_MEMORY_FREE);
	assert_int_equal(aclrtMalloc(&p, 100, ACL_MEM_MALLOC_HUGE_FIRST), ACL_SUCCESS);
	/* An interior pointer is not a block. */
	assert_int_equal(aclrtFree((char *)p + 32), ACL_ERROR_RT_MEMORY_FREE);
	/* Host frees do not take device memory in host run mode, and the reverse. */
	assert_int_equal(aclrtFreeHost(p), ACL_ERROR_RT_MEMORY_FREE);
	assert_int_equal(aclrtMallocHost(&h, 100), ACL_SUCCESS);
	assert_int_equal(aclrtFree(h), ACL_ERROR_RT_MEMORY_FREE);
	assert_int_equal(aclrtFreeHost(h), ACL_SUCCESS);
	assert_int_equal(aclrtFreeHost(h), ACL_ERROR_RT_MEMORY_FREE);
	assert_int_equal(aclrtFree(p), ACL_SUCCESS);
	/* Repeated free. */
	assert_int_equal(aclrtFree(p), ACL_ERROR_RT_MEMORY_FREE);
	assert_int_equal(ascendsim_mem_find(p, NULL), -1);
	assert_int_equal(ascendsim_mem_free(p), ACL_ERROR_RT_MEMORY_FREE);
	assert_int_equal(ascendsim_mem_free(NULL), ACL_ERROR_INVALID_PARAM);
}

static void test_placement(void **state)
{
	void *d, *v, *v2;
	struct ascendsim_block b;

	(void)state;
	assert_int_equal(aclrtMalloc(&d, 100, ACL_MEM_MALLOC_HUGE_FIRST), ACL_SUCCESS);
	assert_int_equal(ascendsim_dvpp_alloc(-1, 1000, &v), ACL_SUCCESS);
	assert_int_equal(ascendsim_dvpp_alloc(0, 1000, &v2), ACL_SUCCESS);
	/* The SVM layout: device 0's DVPP heap first, device memory after the 64 heap slots. */
	assert_true((uintptr_t)v >= SVM_BASE && (uintptr_t)v < SVM_BASE + 4 * SIM_GIB);
	assert_true((uintptr_t)d >= DEVMEM_BASE && (uintptr_t)d < DEVMEM_BASE + 8 * SIM_GIB);
	b = find(v);
	assert_int_equal(b.pool, ASCENDSIM_POOL_DVPP);
	assert_int_equal(b.rounded, SIM_ALIGN_UP(1000, 32) + 32);
	assert_int_equal((uintptr_t)v % 128, 0);
	assert_int_equal((uintptr_t)v2 % 128, 0);
	assert_true((uintptr_t)v2 >= (uintptr_t)v + b.rounded);
	/* Interior pointers and range checks resolve to the block. */
	b = find((char *)v + 999);
	assert_ptr_equal(b.base, v);
	assert_true(ascendsim_mem_check_range(v, 1000, ASCENDSIM_POOL_DVPP));
	assert_false(ascendsim_mem_check_range(v, 1000, ASCENDSIM_POOL_DEVICE));
	assert_false(ascendsim_mem_check_range(d, 10, ASCENDSIM_POOL_DVPP));
	assert_false(ascendsim_mem_check_range(NULL, 10, ASCENDSIM_POOL_DVPP));
	assert_int_equal(ascendsim_dvpp_free(v2), ACL_SUCCESS);
	assert_int_equal(ascendsim_dvpp_free(v2), ACL_ERROR_RT_MEMORY_FREE);
	assert_int_equal(ascendsim_dvpp_free(NULL), ACL_ERROR_INVALID_PARAM);
	assert_int_equal(ascendsim_dvpp_alloc(0, 0, &v2), ACL_ERROR_INVALID_PARAM);
	assert_int_equal(ascendsim_dvpp_alloc(0, 10, NULL), ACL_ERROR_INVALID_PARAM);
	assert_int_equal(ascendsim_dvpp_alloc(7, 10, &v2), ACL_ERROR_RT_INVALID_DEVICEID);
	/* Like CANN: DVPP memory handed to aclrtFree is freed without complaint. */
	assert_int_equal(aclrtFree(v), ACL_SUCCESS);
	assert_int_equal(ascendsim_mem_find(v, NULL), -1);
	assert_int_equal(aclrtFree(d), ACL_SUCCESS);
}

static void test_meminfo(void **state)
{
	size_t free0, total, free1, free2;
	void *p, *v;

	(void)state;
	assert_int_equal(aclrtGetMemInfo(ACL_HBM_MEM, &free0, &total), ACL_SUCCESS);
	assert_int_equal(total, 8 * SIM_GIB);
	assert_int_equal(aclrtMalloc(&p, 3 * SIM_MIB, ACL_MEM_MALLOC_HUGE_FIRST), ACL_SUCCESS);
	assert_int_equal(aclrtGetMemInfo(ACL_DDR_MEM, &free1, &total), ACL_SUCCESS);
	assert_int_equal(free0 - free1, 4 * SIM_MIB);
	/* DVPP memory has its own window. */
	assert_int_equal(ascendsim_dvpp_alloc(-1, SIM_MIB, &v), ACL_SUCCESS);
	assert_int_equal(aclrtGetMemInfo(ACL_HBM_MEM_NORMAL, &free2, &total), ACL_SUCCESS);
	assert_int_equal(free2, free1);
	assert_int_equal(aclrtFree(p), ACL_SUCCESS);
	assert_int_equal(aclrtGetMemInfo(ACL_HBM_MEM_HUGE, &free2, &total), ACL_SUCCESS);
	assert_int_equal(free2, free0);
	assert_int_equal(ascendsim_dvpp_free(v), ACL_SUCCESS);
	assert_int_equal(aclrtGetMemInfo(ACL_HBM_MEM, NULL, &total), ACL_ERROR_INVALID_PARAM);
	assert_int_equal(aclrtGetMemInfo(ACL_HBM_MEM, &free2, NULL), ACL_ERROR_INVALID_PARAM);
	assert_int_equal(aclrtGetMemInfo((aclrtMemAttr)12, &free2, &total),
			 ACL_ERROR_INVALID_PARAM);
	assert_int_equal(aclrtResetDevice(0), ACL_SUCCESS);
	assert_int_equal(aclrtGetMemInfo(ACL_HBM_MEM, &free2, &total), ACL_ERROR_RT_CONTEXT_NULL);
}

static void test_host_memory_host_mode(void **state)
{
	aclrtRunMode mode;
	struct ascendsim_block b;
	aclrtPtrAttributes attr;
	void *h;

	(void)state;
	assert_int_equal(aclrtGetRunMode(&mode), ACL_SUCCESS);
	assert_int_equal(mode, ACL_HOST);
	assert_int_equal(aclrtMallocHost(&h, 100), ACL_SUCCESS);
	assert_int_equal((uintptr_t)h % 64, 0);
	b = find(h);
	assert_int_equal(b.pool, ASCENDSIM_POOL_HOST);
	assert_int_equal(b.rounded, 128);
	assert_false((uintptr_t)h >= SVM_BASE && (uintptr_t)h < DEVMEM_BASE + 64 * 256 * SIM_GIB);
	memset(h, 0x5a, 100);
	assert_int_equal(aclrtPointerGetAttributes(h, &attr), ACL_SUCCESS);
	assert_int_equal(attr.location.type, ACL_MEM_LOCATION_TYPE_HOST);
	assert_int_equal(aclrtFreeHost(h), ACL_SUCCESS);
	assert_int_equal(aclrtPointerGetAttributes(h, &attr), ACL_SUCCESS);
	assert_int_equal(attr.location.type, ACL_MEM_LOCATION_TYPE_UNREGISTERED);
}

/* Run with ASCEND_SIM_RUN_MODE=device. */
static void env_device_mode(void **state)
{
	aclrtRunMode mode;
	struct ascendsim_block b;
	aclrtPtrAttributes attr;
	size_t free0, free1, total;
	void *h, *h2;

	(void)state;
	assert_int_equal(aclrtGetRunMode(&mode), ACL_SUCCESS);
	assert_int_equal(mode, ACL_DEVICE);
	assert_int_equal(ascendsim_run_mode(), ACL_DEVICE);
	assert_int_equal(aclrtGetMemInfo(ACL_DDR_MEM, &free0, &total), ACL_SUCCESS);
	/* On the board, aclrtMallocHost hands out device memory in normal pages. */
	assert_int_equal(aclrtMallocHost(&h, 100), ACL_SUCCESS);
	assert_true((uintptr_t)h >= DEVMEM_BASE && (uintptr_t)h < DEVMEM_BASE + 8 * SIM_GIB);
	b = find(h);
	assert_int_equal(b.pool, ASCENDSIM_POOL_HOST);
	assert_int_equal(b.rounded, SIM_ALIGN_UP(100, 32) + 32);
	assert_int_equal(aclrtGetMemInfo(ACL_DDR_MEM, &free1, &total), ACL_SUCCESS);
	assert_int_equal(free0 - free1, b.rounded);
	assert_int_equal(aclrtPointerGetAttributes(h, &attr), ACL_SUCCESS);
	assert_int_equal(attr.location.type, ACL_MEM_LOCATION_TYPE_DEVICE);
	/* Device and host frees take each other's memory there. */
	assert_int_equal(aclrtFree(h), ACL_SUCCESS);
	assert_int_equal(aclrtMalloc(&h2, 100, ACL_MEM_MALLOC_HUGE_FIRST), ACL_SUCCESS);
	assert_int_equal(aclrtFreeHost(h2), ACL_SUCCESS);
	assert_int_equal(aclrtMallocHost(&h, 100), ACL_SUCCESS);
	assert_int_equal(ascendsim_dvpp_free(h), ACL_SUCCESS);
}

/* Run with ASCEND_SIM_DEVICE_MEM_SIZE=64M ASCEND_SIM_DVPP_POOL_SIZE=16M. */
static void env_bounded_windows(void **state)
{
	size_t free0, total;
	void *a, *b, *c;

	(void)state;
	assert_int_equal(aclrtGetMemInfo(ACL_HBM_MEM, &free0, &total), ACL_SUCCESS);
	assert_int_equal(total, 64 * SIM_MIB);
	assert_int_equal(free0, 64 * SIM_MIB);
	/* 32 MiB + 32 rounds to 34 MiB: a second one does not fit in the remaining 30 MiB. */
	assert_int_equal(aclrtMalloc(&a, 32 * SIM_MIB, ACL_MEM_MALLOC_HUGE_FIRST), ACL_SUCCESS);
	assert_int_equal(aclrtMalloc(&b, 32 * SIM_MIB, ACL_MEM_MALLOC_HUGE_FIRST),
			 ACL_ERROR_RT_MEMORY_ALLOCATION);
	assert_null(b);
	assert_int_equal(aclrtMalloc(&b, 30 * SIM_MIB - 64, ACL_MEM_MALLOC_NORMAL_ONLY),
			 ACL_SUCCESS);
	assert_int_equal(aclrtMalloc(&c, 64, ACL_MEM_MALLOC_NORMAL_ONLY),
			 ACL_ERROR_RT_MEMORY_ALLOCATION);
	assert_int_equal(aclrtMalloc(&c, (size_t)1 << 60, ACL_MEM_MALLOC_NORMAL_ONLY),
			 ACL_ERROR_RT_MEMORY_ALLOCATION);
	assert_int_equal(aclrtFree(a), ACL_SUCCESS);
	/* Freed space is reused. */
	assert_int_equal(aclrtMalloc(&c, 32 * SIM_MIB, ACL_MEM_MALLOC_HUGE_FIRST), ACL_SUCCESS);
	assert_ptr_equal(c, a);
	assert_int_equal(aclrtFree(b), ACL_SUCCESS);
	assert_int_equal(aclrtFree(c), ACL_SUCCESS);

	/* The DVPP window: 16 MiB holds one 8 MiB block (8 MiB + 32), not two. */
	assert_int_equal(ascendsim_dvpp_alloc(-1, 8 * SIM_MIB, &a), ACL_SUCCESS);
	assert_true((uintptr_t)a >= SVM_BASE && (uintptr_t)a < SVM_BASE + 16 * SIM_MIB);
	assert_int_equal(ascendsim_dvpp_alloc(-1, 8 * SIM_MIB, &b), ACL_ERROR_RT_MEMORY_ALLOCATION);
	assert_null(b);
	assert_int_equal(ascendsim_dvpp_alloc(-1, 8 * SIM_MIB - 256, &b), ACL_SUCCESS);
	assert_true((uintptr_t)b + 8 * SIM_MIB - 256 <= SVM_BASE + 16 * SIM_MIB);
	assert_int_equal(ascendsim_dvpp_free(a), ACL_SUCCESS);
	assert_int_equal(ascendsim_dvpp_free(b), ACL_SUCCESS);
}

/* Run with ASCEND_SIM_HUGE_MEM_SIZE=8M: huge pages run out long before device memory. */
static void env_huge_budget(void **state)
{
	size_t free_bytes, total, ps = (size_t)sysconf(_SC_PAGESIZE);
	aclrtPtrAttributes attr;
	void *a, *b, *c, *n, *x;

	(void)state;
	assert_int_equal(aclrtGetMemInfo(ACL_HBM_MEM_HUGE, &free_bytes, &total), ACL_SUCCESS);
	assert_int_equal(total, 8 * SIM_MIB);
	assert_int_equal(free_bytes, 8 * SIM_MIB);
	assert_int_equal(aclrtGetMemInfo(ACL_HBM_MEM, &free_bytes, &total), ACL_SUCCESS);
	assert_int_equal(total, 8 * SIM_GIB);
	assert_int_equal(aclrtMalloc(&a, 3 * SIM_MIB, ACL_MEM_MALLOC_HUGE_ONLY), ACL_SUCCESS);
	assert_int_equal(aclrtMalloc(&b, 3 * SIM_MIB, ACL_MEM_MALLOC_HUGE_FIRST), ACL_SUCCESS);
	assert_int_equal(find(b).rounded, 4 * SIM_MIB);
	assert_int_equal(aclrtGetMemInfo(ACL_DDR_MEM_HUGE, &free_bytes, &total), ACL_SUCCESS);
	assert_int_equal(free_bytes, 0);
	/* No huge page left: HUGE_ONLY and 1 GiB pages fail, HUGE_FIRST falls back. */
	assert_int_equal(aclrtMalloc(&x, 100, ACL_MEM_MALLOC_HUGE_ONLY),
			 ACL_ERROR_RT_MEMORY_ALLOCATION);
	assert_int_equal(aclrtMalloc(&x, 100, ACL_MEM_MALLOC_HUGE1G_ONLY),
			 ACL_ERROR_RT_MEMORY_ALLOCATION);
	assert_int_equal(aclrtMalloc(&c, 3 * SIM_MIB, ACL_MEM_MALLOC_HUGE_FIRST), ACL_SUCCESS);
	assert_int_equal(find(c).rounded, 3 * SIM_MIB + 32);
	assert_int_equal(aclrtPointerGetAttributes(c, &attr), ACL_SUCCESS);
	assert_int_equal(attr.pageSize, ps);
	assert_int_equal(aclrtMalloc(&n, 3 * SIM_MIB, ACL_MEM_MALLOC_NORMAL_ONLY), ACL_SUCCESS);
	assert_int_equal(aclrtGetMemInfo(ACL_HBM_MEM_NORMAL, &free_bytes, &total), ACL_SUCCESS);
	assert_int_equal(free_bytes, 8 * SIM_GIB - 8 * SIM_MIB - 2 * (3 * SIM_MIB + 32));
	assert_int_equal(aclrtFree(a), ACL_SUCCESS);
	assert_int_equal(aclrtMalloc(&x, 100, ACL_MEM_MALLOC_HUGE_ONLY), ACL_SUCCESS);
	assert_int_equal(find(x).rounded, 2 * SIM_MIB);
	assert_int_equal(aclrtFree(x), ACL_SUCCESS);
	assert_int_equal(aclrtFree(b), ACL_SUCCESS);
	assert_int_equal(aclrtFree(c), ACL_SUCCESS);
	assert_int_equal(aclrtFree(n), ACL_SUCCESS);
}

static void test_reset_releases_memory(void **state)
{
	void *p, *v;

	(void)state;
	assert_int_equal(aclrtMalloc(&p, 100, ACL_MEM_MALLOC_HUGE_FIRST), ACL_SUCCESS);
	assert_int_equal(ascendsim_dvpp_alloc(-1, 100, &v), ACL_SUCCESS);
	/* Reference counted: a second set needs a second reset. */
	assert_int_equal(aclrtSetDevice(0), ACL_SUCCESS);
	assert_int_equal(aclrtResetDevice(0), ACL_SUCCESS);
	assert_int_equal(ascendsim_mem_find(p, NULL), 0);
	assert_int_equal(aclrtResetDevice(0), ACL_SUCCESS);
	assert_int_equal(ascendsim_mem_find(p, NULL), -1);
	assert_int_equal(ascendsim_mem_find(v, NULL), -1);
	assert_int_equal(aclrtSetDevice(0), ACL_SUCCESS);
	assert_int_equal(aclrtFree(p), ACL_ERROR_RT_MEMORY_FREE);
}

static void test_pages_released(void **state)
{
	size_t len = 8 * SIM_MIB, ps = (size_t)sysconf(_SC_PAGESIZE);
	unsigned char *vec = malloc(len / ps);
	size_t resident = 0;
	void *p;

	(void)state;
	assert_non_null(vec);
	assert_int_equal(aclrtMalloc(&p, len, ACL_MEM_MALLOC_HUGE_ONLY), ACL_SUCCESS);
	memset(p, 0xab, len);
	assert_int_equal(mincore(p, len, vec), 0);
	for (size_t i = 0; i < len / ps; i++)
		resident += vec[i] & 1;
	assert_int_equal(resident, len / ps);
	assert_int_equal(aclrtFree(p), ACL_SUCCESS);
	assert_int_equal(mincore(p, len, vec), 0);
	resident = 0;
	for (size_t i = 0; i < len / ps; i++)
		resident += vec[i] & 1;
	assert_int_equal(resident, 0);
	free(vec);
}

static void test_pointer_queries(void **state)
{
	aclrtPtrAttributes attr;
	void *p, *v, *base = NULL, *list[2];
	size_t size = 0;
	uint32_t result = 7;

	(void)state;
	assert_int_equal(aclrtMalloc(&p, 3 * SIM_MIB, ACL_MEM_MALLOC_HUGE_FIRST), ACL_SUCCESS);
	assert_int_equal(ascendsim_dvpp_alloc(-1, 100, &v), ACL_SUCCESS);
	assert_int_equal(aclrtPointerGetAttributes((char *)p + 5, &attr), ACL_SUCCESS);
	assert_int_equal(attr.location.type, ACL_MEM_LOCATION_TYPE_DEVICE);
	assert_int_equal(attr.location.id, 0);
	assert_int_equal(attr.pageSize, 2 * SIM_MIB);
	assert_int_equal(aclrtPointerGetAttributes(NULL, &attr), ACL_ERROR_INVALID_PARAM);
	assert_int_equal(aclrtMemGetAddressRange((char *)p + 100, &base, &size), ACL_SUCCESS);
	assert_ptr_equal(base, p);
	assert_int_equal(size, 4 * SIM_MIB);
	assert_int_equal(aclrtMemGetAddressRange(&size, &base, &size), ACL_ERROR_INVALID_PARAM);
	list[0] = p;
	list[1] = v;
	assert_int_equal(
	    aclrtCheckMemType(list, 2, ACL_RT_MEM_TYPE_DEV | ACL_RT_MEM_TYPE_DVPP, &result, 0),
	    ACL_SUCCESS);
	assert_int_equal(result, 1);
	assert_int_equal(aclrtCheckMemType(list, 2, ACL_RT_MEM_TYPE_DVPP, &result, 0), ACL_SUCCESS);
	assert_int_equal(result, 0);
	assert_int_equal(aclrtCheckMemType(list, 2, 0x1, &result, 0), ACL_ERROR_INVALID_PARAM);
	assert_int_equal(aclrtMemFlush(p, 10), ACL_SUCCESS);
	assert_int_equal(aclrtMemInvalidate(p, 10), ACL_SUCCESS);
	assert_int_equal(aclrtMemFlush(NULL, 10), ACL_ERROR_INVALID_PARAM);
	assert_int_equal(aclrtMemInvalidate(p, 0), ACL_ERROR_INVALID_PARAM);
	assert_int_equal(aclrtHostRegister(&size, sizeof(size), ACL_HOST_REGISTER_MAPPED, &base),
			 ACL_SUCCESS);
	assert_ptr_equal(base, &size);
	assert_int_equal(aclrtHostUnregister(&size), ACL_SUCCESS);
	assert_int_equal(aclrtFree(p), ACL_SUCCESS);
	assert_int_equal(aclrtFree(v), ACL_SUCCESS);
}

struct worker_arg {
	unsigned seed;
	int failures;
};

static void *alloc_worker(void *p)
{
	struct worker_arg *w = p;
	aclrtContext ctx;

	/* Each thread joins device 0's default context, as CANN programs do. */
	if (aclrtSetDevice(0) != ACL_SUCCESS || aclrtGetCurrentContext(&ctx) != ACL_SUCCESS) {
		w->failures++;
		return NULL;
	}
	for (int i = 0; i < 400; i++) {
		size_t size = 1 + (size_t)(rand_r(&w->seed) % 20000);
		unsigned char tag = (unsigned char)(i & 0xff);
		void *a;
		int ret = (i & 1) ? aclrtMalloc(&a, size, ACL_MEM_MALLOC_NORMAL_ONLY)
				  : ascendsim_dvpp_alloc(-1, size, &a);

		if (ret != ACL_SUCCESS) {
			w->failures++;
			continue;
		}
		memset(a, tag, size);
		sched_yield();
		for (size_t k = 0; k < size; k += 97) {
			if (((unsigned char *)a)[k] != tag) {
				w->failures++;
				break;
			}
		}
		if (aclrtFree(a) != ACL_SUCCESS)
			w->failures++;
	}
	aclrtResetDevice(0);
	return NULL;
}

static void test_threads(void **state)
{
	pthread_t t[4];
	struct worker_arg w[4];
	size_t free0, free1, total;

	(void)state;
	assert_int_equal(aclrtGetMemInfo(ACL_HBM_MEM, &free0, &total), ACL_SUCCESS);
	for (int i = 0; i < 4; i++) {
		w[i] = (struct worker_arg){ .seed = (unsigned)i * 7919u + 1 };
		assert_int_equal(pthread_create(&t[i], NULL, alloc_worker, &w[i]), 0);
	}
	for (int i = 0; i < 4; i++) {
		pthread_join(t[i], NULL);
		assert_int_equal(w[i].failures, 0);
	}
	assert_int_equal(aclrtGetMemInfo(ACL_HBM_MEM, &free1, &total), ACL_SUCCESS);
	assert_int_equal(free1, free0);
}

int main(int argc, char **argv)
{
	const struct CMUnitTest tests[] = {
		SIM_TEST(test_rounding_normal_pages),
		SIM_TEST(test_rounding_huge_first),
		SIM_TEST(test_rounding_huge_only_and_1g),
		SIM_TEST(test_rounding_out_of_range_policy),
		SIM_TEST(test_alignment_packing),
		SIM_TEST(test_malloc_errors),
		SIM_TEST(test_free_errors),
		SIM_TEST(test_placement),
		SIM_TEST(test_meminfo),
		SIM_TEST(test_host_memory_host_mode),
		SIM_TEST(env_device_mode),
		SIM_TEST(env_bounded_windows),
		SIM_TEST(env_huge_budget),
		SIM_TEST(test_reset_releases_memory),
		SIM_TEST(test_pages_released),
		SIM_TEST(test_pointer_queries),
		SIM_TEST(test_threads),
	};

	sim_test_filter(argc, argv);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
