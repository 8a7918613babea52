/* SPDX-License-Identifier: MIT */
/*
 * The simulated memory: per device one DVPP window and one device-memory window, plus one
 * window for pinned host memory, each a bounded mmap reservation. Blocks are placed first-fit at
 * the alignment and with the rounding CANN documents, recorded in one address-sorted registry
 * (interior pointers resolve to their block), and their pages go back to the system on free.
 */
#include "ascendsim_rt.h"

#include <errno.h>
#include <inttypes.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#ifndef MAP_FIXED_NOREPLACE
#define MAP_FIXED_NOREPLACE 0x100000
#endif

struct window {
	uintptr_t start;
	size_t size;
	size_t used;	  /* sum of the rounded sizes of its live blocks */
	size_t huge_used; /* the part of used in huge and 1 GiB pages */
	bool reserved;	  /* reservation attempted and succeeded */
	bool failed;	  /* reservation attempted and failed: do not retry on every call */
	bool lazy_commit; /* PROT_NONE reservation: pages become accessible on allocation */
};

struct block {
	uintptr_t base;
	size_t requested;
	size_t rounded;
	enum ascendsim_pool pool;
	int32_t device;
	enum ascendsim_page page;
	struct window *win;
};

static pthread_mutex_t mem_lock = PTHREAD_MUTEX_INITIALIZER;
static struct window dvpp_windows[ASCENDSIM_MAX_DEVICES];
static struct window devmem_windows[ASCENDSIM_MAX_DEVICES];
static struct window host_window;
static struct block *blocks;
static size_t block_count, block_cap;
static atomic_uint_fast64_t public_allocs;

static size_t page_size(void)
{
	static size_t cached;

	if (cached == 0) {
		long p = sysconf(_SC_PAGESIZE);

		cached = p > 0 ? (size_t)p : 4096;
	}
	return cached;
}

static void *map_at(uintptr_t hint, size_t size, int prot, bool fixed)
{
	int flags = MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE;
	void *p;

	if (fixed)
		flags |= MAP_FIXED_NOREPLACE;
	p = mmap((void *)hint, size, prot, flags, -1, 0);
	if (p == MAP_FAILED)
		return NULL;
	/* Kernels without MAP_FIXED_NOREPLACE treat the address as a hint only. */
	if (fixed && (uintptr_t)p != hint) {
		munmap(p, size);
		return NULL;
	}
	return p;
}

/*
 * Reserves a window: at the preferred address (or the alternative one sanitizer runtimes leave
 * free), else anywhere. Readable and writable without commit charge when the kernel allows
 * MAP_NORESERVE; otherwise PROT_NONE, opened page by page as blocks are allocated.
 */
static bool window_reserve(struct window *w, size_t size, uintptr_t hint, uintptr_t hint_alt)
{
	static const int prots[2] = { PROT_READ | PROT_WRITE, PROT_NONE };
	void *p = NULL;

	if (w->reserved)
		return true;
	if (w->failed)
		return false;
	for (int i = 0; i < 2 && p == NULL; i++) {
		if (hint != 0)
			p = map_at(hint, size, prots[i], true);
		if (p == NULL && hint_alt != 0)
			p = map_at(hint_alt, size, prots[i], true);
		if (p == NULL)
			p = map_at(0, size, prots[i], false);
		if (p != NULL)
			w->lazy_commit = prots[i] == PROT_NONE;
	}
	if (p == NULL) {
		w->failed = true;
		ascendsim_warn("cannot reserve a memory window of %zu bytes (%s)", size,
			       strerror(errno));
		return false;
	}
	w->start = (uintptr_t)p;
	w->size = size;
	w->reserved = true;
	return true;
}

static struct window *window_for(enum ascendsim_pool pool, int32_t device, bool in_device_window)
{
	const struct ascendsim_config *c = ascendsim_config();
	struct window *w;

	if (pool == ASCENDSIM_POOL_DVPP) {
		w = &dvpp_windows[device];
		if (!window_reserve(w, c->dvpp_pool_size,
				    ASCENDSIM_SVM_BASE + (uintptr_t)device * ASCENDSIM_DVPP_SLOT,
				    ASCENDSIM_SVM_BASE_ASAN +
					(uintptr_t)device * ASCENDSIM_DVPP_SLOT))
			return NULL;
		return w;
	}
	if (pool == ASCENDSIM_POOL_DEVICE || in_device_window) {
		uintptr_t off =
		    ASCENDSIM_DEVMEM_BASE_OFFSET + (uintptr_t)device * ASCENDSIM_DEVMEM_SLOT;

		w = &devmem_windows[device];
		if (!window_reserve(w, c->device_mem_size, ASCENDSIM_SVM_BASE + off,
				    ASCENDSIM_SVM_BASE_ASAN + off))
			return NULL;
		return w;
	}
	w = &host_window;
	if (!window_reserve(w, c->host_mem_size, 0, 0))
		return NULL;
	return w;
}

/* Index of the first block whose base is >= addr. */
static size_t lower_bound(uintptr_t addr)
{
	size_t lo = 0, hi = block_count;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (blocks[mid].base < addr)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* The live block whose extent [base, base + rounded) holds addr, or NULL. */
static struct block *block_containing(uintptr_t addr)
{
	size_t i = lower_bound(addr + 1);
	struct block *b;

	if (i == 0)
		return NULL;
	b = &blocks[i - 1];
	return addr - b->base < b->rounded ? b : NULL;
}

static bool in_window(const struct window *w, uintptr_t addr)
{
	return w->reserved && addr >= w->start && addr - w->start < w->size;
}

static bool in_any_window(uintptr_t addr)
{
	if (in_window(&host_window, addr))
		return true;
	for (unsigned d = 0; d < ASCENDSIM_MAX_DEVICES; d++) {
		if (in_window(&dvpp_windows[d], addr) || in_window(&devmem_windows[d], addr))
			return true;
	}
	return false;
}

static uintptr_t align_up_offset(uintptr_t x, size_t align, size_t offset)
{
	uintptr_t y = ((x - offset + align - 1) / align) * align + offset;

	return y < x ? y + align : y;
}

/* First fit inside w; returns the insertion index through *index. */
static bool window_place(const struct window *w, size_t rounded, size_t align, size_t offset,
			 uintptr_t *out, size_t *index)
{
	uintptr_t end = w->start + w->size, cur = w->start;
	size_t i = lower_bound(w->start);

	if (rounded > w->size)
		return false;
	for (;;) {
		uintptr_t limit = (i < block_count && blocks[i].base < end) ? blocks[i].base : end;
		uintptr_t cand = align_up_offset(cur, align, offset);

		if (cand >= cur && cand <= limit && limit - cand >= rounded) {
			*out = cand;
			*index = i;
			return true;
		}
		if (limit == end)
			return false;
		cur = blocks[i].base + blocks[i].rounded;
		i++;
	}
}

static bool registry_insert(size_t index, const struct block *b)
{
	if (block_count == block_cap) {
		size_t cap = block_cap ? block_cap * 2 : 256;
		struct block *nb = realloc(blocks, cap * sizeof(*nb));

		if (nb == NULL)
			return false;
		blocks = nb;
		block_cap = cap;
	}
	memmove(&blocks[index + 1], &blocks[index], (block_count - index) * sizeof(*blocks));
	blocks[index] = *b;
	block_count++;
	return true;
}

static bool commit_pages(uintptr_t base, size_t len)
{
	size_t ps = page_size();
	uintptr_t first = base / ps * ps;
	uintptr_t last = ASCENDSIM_ALIGN_UP(base + len, ps);

	return mprotect((void *)first, last - first, PROT_READ | PROT_WRITE) == 0;
}

/* Gives back the pages that lie wholly inside a freed extent (no other block shares them). */
static void release_pages(uintptr_t base, size_t len)
{
	size_t ps = page_size();
	uintptr_t first = ASCENDSIM_ALIGN_UP(base, ps);
	uintptr_t last = (base + len) / ps * ps;

	if (last > first)
		madvise((void *)first, last - first, MADV_DONTNEED);
}

static void registry_remove(size_t index)
{
	struct block *b = &blocks[index];

	b->win->used -= b->rounded;
	if (b->page != ASCENDSIM_PAGE_NORMAL)
		b->win->huge_used -= b->rounded;
	release_pages(b->base, b->rounded);
	memmove(&blocks[index], &blocks[index + 1], (block_count - index - 1) * sizeof(*blocks));
	block_count--;
}

void ascendsim_device_rounding(struct ascendsim_alloc_req *req, unsigned policy, bool pad)
{
	const unsigned known_flags = ACL_MEM_TYPE_LOW_BAND_WIDTH | ACL_MEM_TYPE_HIGH_BAND_WIDTH |
				     ACL_MEM_ACCESS_USER_SPACE_READONLY;
	const unsigned band = ACL_MEM_TYPE_LOW_BAND_WIDTH | ACL_MEM_TYPE_HIGH_BAND_WIDTH;
	unsigned base = policy & 0xffu, flags = policy & ~0xffu;
	bool out_of_range = (flags & ~known_flags) != 0 || base > ACL_MEM_MALLOC_HUGE1G_ONLY_P2P;
	size_t size = req->size, normal;
	bool huge, may_fall_back = false;

	/* A bandwidth type goes alone (meaning HUGE_FIRST) or with one of the first three. */
	if ((flags & band) == band || ((flags & band) && base > ACL_MEM_MALLOC_NORMAL_ONLY))
		out_of_range = true;
	req->fallback_rounded = 0;
	if (size > (size_t)1 << 46) {
		req->rounded = SIZE_MAX; /* cannot fit any window */
		req->align = 64;
		req->page = ASCENDSIM_PAGE_NORMAL;
		return;
	}
	if (!out_of_range &&
	    (base == ACL_MEM_MALLOC_HUGE1G_ONLY || base == ACL_MEM_MALLOC_HUGE1G_ONLY_P2P)) {
		/* 1 GiB pages: rounded to 1 GiB, no padding. */
		req->rounded = ASCENDSIM_ALIGN_UP(size, ASCENDSIM_GIB);
		req->align = ASCENDSIM_GIB;
		req->page = ASCENDSIM_PAGE_HUGE1G;
		return;
	}
	if (out_of_range) {
		huge = may_fall_back = size >= 2 * ASCENDSIM_MIB;
	} else if (base == ACL_MEM_MALLOC_HUGE_FIRST || base == ACL_MEM_MALLOC_HUGE_FIRST_P2P) {
		huge = may_fall_back = size > ASCENDSIM_MIB;
	} else {
		huge = base == ACL_MEM_MALLOC_HUGE_ONLY || base == ACL_MEM_MALLOC_HUGE_ONLY_P2P;
	}
	normal = ASCENDSIM_ALIGN_UP(size, 32) + (pad ? 32 : 0);
	if (huge) {
		req->rounded = ASCENDSIM_ALIGN_UP(normal, 2 * ASCENDSIM_MIB);
		req->align = 2 * ASCENDSIM_MIB;
		req->page = ASCENDSIM_PAGE_HUGE;
		if (may_fall_back)
			req->fallback_rounded = normal;
	} else {
		req->rounded = normal;
		req->align = 64;
		req->page = ASCENDSIM_PAGE_NORMAL;
	}
}

/* Under mem_lock: whether device memory's huge-page share has room for the request. */
static bool huge_budget_allows(const struct window *w, const struct ascendsim_alloc_req *req)
{
	size_t budget = ascendsim_config()->huge_mem_size;

	return req->page == ASCENDSIM_PAGE_NORMAL || req->pool == ASCENDSIM_POOL_DVPP ||
	       (w->huge_used <= budget && budget - w->huge_used >= req->rounded);
}

aclError ascendsim_alloc(const struct ascendsim_alloc_req *want, void **out)
{
	struct ascendsim_alloc_req actual = *want, *req = &actual;
	struct window *w;
	struct block b;
	uintptr_t addr;
	size_t index;
	aclError ret = ACL_SUCCESS;

	*out = NULL;
	if (req->device < 0 || (uint32_t)req->device >= ascendsim_config()->device_count)
		return ACL_ERROR_RT_INVALID_DEVICEID;
	pthread_mutex_lock(&mem_lock);
	w = window_for(req->pool, req->device, req->in_device_window);
	if (w == NULL || req->rounded == SIZE_MAX) {
		ret = ACL_ERROR_RT_MEMORY_ALLOCATION;
		goto end;
	}
	/* Huge pages first: normal pages once the huge ones are used up or do not fit. */
	if (req->fallback_rounded != 0 &&
	    (!huge_budget_allows(w, req) ||
	     !window_place(w, req->rounded, req->align, req->offset, &addr, &index))) {
		req->rounded = req->fallback_rounded;
		req->align = 64;
		req->page = ASCENDSIM_PAGE_NORMAL;
	}
	if (!huge_budget_allows(w, req) ||
	    !window_place(w, req->rounded, req->align, req->offset, &addr, &index)) {
		ret = ACL_ERROR_RT_MEMORY_ALLOCATION;
		goto end;
	}
	if (w->lazy_commit && !commit_pages(addr, req->rounded)) {
		ret = ACL_ERROR_RT_MEMORY_ALLOCATION;
		goto end;
	}
	b = (struct block){ .base = addr,
			    .requested = req->size,
			    .rounded = req->rounded,
			    .pool = req->pool,
			    .device = req->device,
			    .page = req->page,
			    .win = w };
	if (!registry_insert(index, &b)) {
		ret = ACL_ERROR_RT_MEMORY_ALLOCATION;
		goto end;
	}
	w->used += req->rounded;
	if (req->page != ASCENDSIM_PAGE_NORMAL)
		w->huge_used += req->rounded;
	*out = (void *)addr;
end:
	pthread_mutex_unlock(&mem_lock);
	return ret;
}

aclError ascendsim_free(void *ptr, unsigned pool_mask)
{
	uintptr_t addr = (uintptr_t)ptr;
	aclError ret = ACL_ERROR_RT_MEMORY_FREE;
	size_t i;

	pthread_mutex_lock(&mem_lock);
	i = lower_bound(addr);
	if (i < block_count && blocks[i].base == addr && (blocks[i].pool & pool_mask)) {
		registry_remove(i);
		ret = ACL_SUCCESS;
	}
	pthread_mutex_unlock(&mem_lock);
	return ret;
}

void ascendsim_free_device_blocks(int32_t device)
{
	if (device < 0 || (uint32_t)device >= ASCENDSIM_MAX_DEVICES)
		return;
	pthread_mutex_lock(&mem_lock);
	for (size_t i = block_count; i-- > 0;) {
		if (blocks[i].win == &dvpp_windows[device] ||
		    blocks[i].win == &devmem_windows[device])
			registry_remove(i);
	}
	pthread_mutex_unlock(&mem_lock);
}

bool ascendsim_fault_alloc(void)
{
	int64_t n = ascendsim_config()->fail_alloc_after;
	uint64_t seq = atomic_fetch_add(&public_allocs, 1);

	return n >= 0 && seq == (uint64_t)n;
}

bool ascendsim_range_usable(const void *addr, size_t len)
{
	uintptr_t a = (uintptr_t)addr;
	struct block *b;
	bool ok;

	pthread_mutex_lock(&mem_lock);
	if (!in_any_window(a) && (len == 0 || !in_any_window(a + len - 1))) {
		ok = true;
	} else {
		b = block_containing(a);
		ok = b != NULL && len <= b->rounded - (a - b->base);
	}
	pthread_mutex_unlock(&mem_lock);
	return ok;
}

void ascendsim_pool_usage(int32_t device, bool huge, size_t *free_bytes, size_t *total)
{
	const struct ascendsim_config *c = ascendsim_config();
	struct window *w = &devmem_windows[device];
	size_t used, huge_used, huge_free;

	pthread_mutex_lock(&mem_lock);
	used = w->reserved ? w->used : 0;
	huge_used = w->reserved ? w->huge_used : 0;
	pthread_mutex_unlock(&mem_lock);
	*total = c->device_mem_size;
	*free_bytes = c->device_mem_size - used;
	if (huge) {
		huge_free = huge_used < c->huge_mem_size ? c->huge_mem_size - huge_used : 0;
		*total = c->huge_mem_size;
		if (huge_free < *free_bytes)
			*free_bytes = huge_free;
	}
}

ASCENDSIM_API int ascendsim_mem_find(const void *addr, struct ascendsim_block *out)
{
	struct block *b;
	int ret = -1;

	pthread_mutex_lock(&mem_lock);
	b = block_containing((uintptr_t)addr);
	if (b != NULL) {
		if (out != NULL) {
			out->pool = b->pool;
			out->device = b->device;
			out->base = (void *)b->base;
			out->requested = b->requested;
			out->rounded = b->rounded;
		}
		ret = 0;
	}
	pthread_mutex_unlock(&mem_lock);
	return ret;
}

ASCENDSIM_API bool ascendsim_mem_check_range(const void *addr, size_t len, unsigned pool_mask)
{
	uintptr_t a = (uintptr_t)addr;
	struct block *first, *last;
	bool ok;

	if (addr == NULL)
		return false;
	pthread_mutex_lock(&mem_lock);
	first = block_containing(a);
	last = len == 0 ? first : block_containing(a + len - 1);
	ok = first != NULL && last != NULL && (first->pool & pool_mask) &&
	     (last->pool & pool_mask) && (len == 0 || a + len - 1 >= a);
	pthread_mutex_unlock(&mem_lock);
	return ok;
}

/* DVPP rounding: 128-byte aligned start (or 64 mod 128 under the fault knob), ALIGN_UP+32. */
static void dvpp_req(struct ascendsim_alloc_req *req, int32_t device, uint64_t size)
{
	*req = (struct ascendsim_alloc_req){
		.pool = ASCENDSIM_POOL_DVPP,
		.device = device,
		.size = size,
		.rounded =
		    size > ((uint64_t)1 << 46) ? SIZE_MAX : ASCENDSIM_ALIGN_UP(size, 32) + 32,
		.align = 128,
		.offset = ascendsim_config()->dvpp_align_offset,
		.page = ASCENDSIM_PAGE_HUGE,
	};
}

void ascendsim_host_req(struct ascendsim_alloc_req *req, int32_t device, size_t size)
{
	bool on_device = ascendsim_config()->run_mode == ACL_DEVICE;

	*req = (struct ascendsim_alloc_req){ .pool = ASCENDSIM_POOL_HOST,
					     .device = device,
					     .size = size,
					     .in_device_window = on_device };
	if (size > ((size_t)1 << 46)) {
		req->rounded = SIZE_MAX;
		req->align = 64;
	} else if (on_device) {
		/* The board's host memory is device memory in normal pages, 32-byte granular. */
		req->rounded = ASCENDSIM_ALIGN_UP(size, 32) + 32;
		req->align = 32;
	} else {
		/* Pinned host memory: 64-byte aligned start. */
		req->rounded = ASCENDSIM_ALIGN_UP(size, 64);
		req->align = 64;
	}
}

bool ascendsim_lookup(const void *addr, struct ascendsim_block *out, size_t *page_bytes)
{
	struct block *b;

	pthread_mutex_lock(&mem_lock);
	b = block_containing((uintptr_t)addr);
	if (b != NULL) {
		out->pool = b->pool;
		out->device = b->device;
		out->base = (void *)b->base;
		out->requested = b->requested;
		out->rounded = b->rounded;
		*page_bytes = b->page == ASCENDSIM_PAGE_HUGE1G ? ASCENDSIM_GIB
			      : b->page == ASCENDSIM_PAGE_HUGE ? 2 * ASCENDSIM_MIB
							       : page_size();
	}
	pthread_mutex_unlock(&mem_lock);
	return b != NULL;
}

ASCENDSIM_API int ascendsim_mem_alloc(enum ascendsim_pool pool, size_t size, void **out)
{
	struct ascendsim_alloc_req req = { 0 };
	int32_t device;
	aclError ret;

	if (out == NULL || size == 0)
		return ACL_ERROR_INVALID_PARAM;
	*out = NULL;
	ret = ascendsim_require_device(&device);
	if (ret != ACL_SUCCESS)
		return ret;
	switch (pool) {
	case ASCENDSIM_POOL_DVPP:
		dvpp_req(&req, device, size);
		break;
	case ASCENDSIM_POOL_DEVICE:
		req.pool = pool;
		req.device = device;
		req.size = size;
		ascendsim_device_rounding(&req, ACL_MEM_MALLOC_HUGE_FIRST, true);
		break;
	case ASCENDSIM_POOL_HOST:
		ascendsim_host_req(&req, device, size);
		break;
	default:
		return ACL_ERROR_INVALID_PARAM;
	}
	return ascendsim_alloc(&req, out);
}

ASCENDSIM_API int ascendsim_mem_free(void *ptr)
{
	if (ptr == NULL)
		return ACL_ERROR_INVALID_PARAM;
	return ascendsim_free(ptr,
			      ASCENDSIM_POOL_DEVICE | ASCENDSIM_POOL_DVPP | ASCENDSIM_POOL_HOST);
}

ASCENDSIM_API int ascendsim_dvpp_alloc(int32_t device, uint64_t size, void **out)
{
	struct ascendsim_alloc_req req;
	aclError ret;

	if (out == NULL)
		return ACL_ERROR_INVALID_PARAM;
	*out = NULL;
	if (size == 0)
		return ACL_ERROR_INVALID_PARAM;
	if (device == -1) {
		ret = ascendsim_require_device(&device);
		if (ret != ACL_SUCCESS)
			return ret;
	} else if (!ascendsim_device_valid(device)) {
		return ACL_ERROR_RT_INVALID_DEVICEID;
	}
	if (ascendsim_fault_alloc())
		return ACL_ERROR_RT_MEMORY_ALLOCATION;
	dvpp_req(&req, device, size);
	return ascendsim_alloc(&req, out);
}

ASCENDSIM_API int ascendsim_dvpp_free(void *ptr)
{
	unsigned mask = ASCENDSIM_POOL_DVPP | ASCENDSIM_POOL_DEVICE;

	if (ptr == NULL)
		return ACL_ERROR_INVALID_PARAM;
	/* On the board, host memory of device run mode is device memory too. */
	if (ascendsim_config()->run_mode == ACL_DEVICE)
		mask |= ASCENDSIM_POOL_HOST;
	return ascendsim_free(ptr, mask);
}
