/* SPDX-License-Identifier: MIT */
/* The aclrtMalloc and aclrtMallocHost families, frees, and memory queries. */
#include "ascendsim_rt.h"

static bool policy_ok_for_cached(unsigned policy)
{
	return policy == ACL_MEM_MALLOC_HUGE_FIRST || policy == ACL_MEM_MALLOC_HUGE_ONLY ||
	       policy == ACL_MEM_MALLOC_NORMAL_ONLY || policy == ACL_MEM_MALLOC_HUGE1G_ONLY;
}

/* The device id a configuration asks for, or -1; false for a malformed configuration. */
static bool config_device(const aclrtMallocConfig *cfg, int32_t *device)
{
	*device = -1;
	if (cfg == NULL)
		return true;
	if (cfg->numAttrs > 0 && cfg->attrs == NULL)
		return false;
	for (size_t i = 0; i < cfg->numAttrs; i++) {
		if (cfg->attrs[i].attr == ACL_RT_MEM_ATTR_DEVICE_ID)
			*device = (int32_t)cfg->attrs[i].value.deviceId;
	}
	return true;
}

struct malloc_kind {
	const char *api;
	bool pad;    /* the extra 32 bytes (not for aclrtMallocAlign32) */
	bool cached; /* aclrtMallocCached accepts fewer policies */
};

static aclError device_malloc(const struct malloc_kind *k, void **devPtr, size_t size,
			      unsigned policy, const aclrtMallocConfig *cfg)
{
	struct ascendsim_alloc_req req = { .pool = ASCENDSIM_POOL_DEVICE, .size = size };
	int32_t device;
	aclError ret;

	if (devPtr == NULL)
		return ascendsim_error(ACL_ERROR_INVALID_PARAM, "%s: devPtr is NULL", k->api);
	*devPtr = NULL;
	if (size == 0)
		return ascendsim_error(ACL_ERROR_INVALID_PARAM, "%s: size is 0", k->api);
	if (k->cached && !policy_ok_for_cached(policy))
		return ascendsim_error(ACL_ERROR_INVALID_PARAM,
				       "%s: policy %#x is not HUGE_FIRST, HUGE_ONLY, NORMAL_ONLY "
				       "or HUGE1G_ONLY",
				       k->api, policy);
	if (!config_device(cfg, &device))
		return ascendsim_error(ACL_ERROR_INVALID_PARAM,
				       "%s: cfg has %zu attributes but no attribute array", k->api,
				       cfg->numAttrs);
	if (device >= 0 && !ascendsim_device_valid(device))
		return ascendsim_error(ACL_ERROR_RT_INVALID_DEVICEID, "%s: invalid device id %d",
				       k->api, device);
	if (device < 0 && ascendsim_require_device(&device) != ACL_SUCCESS)
		return ascendsim_error(ACL_ERROR_RT_CONTEXT_NULL,
				       "%s: no device set on this thread (call aclrtSetDevice)",
				       k->api);
	if (ascendsim_fault_alloc())
		return ascendsim_error(ACL_ERROR_RT_MEMORY_ALLOCATION,
				       "%s: out of device memory (ASCEND_SIM_FAIL_ALLOC_AFTER)",
				       k->api);
	req.device = device;
	ascendsim_device_rounding(&req, policy, k->pad);
	ret = ascendsim_alloc(&req, devPtr);
	if (ret != ACL_SUCCESS)
		ascendsim_error(ret, "%s: cannot allocate %zu bytes of device memory on device %d",
				k->api, size, device);
	return ret;
}

ACL_FUNC_VISIBILITY aclError aclrtMalloc(void **devPtr, size_t size, aclrtMemMallocPolicy policy)
{
	static const struct malloc_kind k = { "aclrtMalloc", true, false };
	aclError ret = device_malloc(&k, devPtr, size, (unsigned)policy, NULL);

	ASCENDSIM_LOG(k.api, "(size=%zu, policy=%#x) = %d devPtr=%p", size, (unsigned)policy, ret,
		      devPtr ? *devPtr : NULL);
	return ret;
}

ACL_FUNC_VISIBILITY aclError aclrtMallocAlign32(void **devPtr, size_t size,
						aclrtMemMallocPolicy policy)
{
	static const struct malloc_kind k = { "aclrtMallocAlign32", false, false };
	aclError ret = device_malloc(&k, devPtr, size, (unsigned)policy, NULL);

	ASCENDSIM_LOG(k.api, "(size=%zu, policy=%#x) = %d devPtr=%p", size, (unsigned)policy, ret,
		      devPtr ? *devPtr : NULL);
	return ret;
}

ACL_FUNC_VISIBILITY aclError aclrtMallocCached(void **devPtr, size_t size,
					       aclrtMemMallocPolicy policy)
{
	static const struct malloc_kind k = { "aclrtMallocCached", true, true };
	aclError ret = device_malloc(&k, devPtr, size, (unsigned)policy, NULL);

	ASCENDSIM_LOG(k.api, "(size=%zu, policy=%#x) = %d devPtr=%p", size, (unsigned)policy, ret,
		      devPtr ? *devPtr : NULL);
	return ret;
}

ACL_FUNC_VISIBILITY aclError aclrtMallocWithCfg(void **devPtr, size_t size,
						aclrtMemMallocPolicy policy, aclrtMallocConfig *cfg)
{
	static const struct malloc_kind k = { "aclrtMallocWithCfg", true, false };
	aclError ret = device_malloc(&k, devPtr, size, (unsigned)policy, cfg);

	ASCENDSIM_LOG(k.api, "(size=%zu, policy=%#x, cfg=%p) = %d devPtr=%p", size,
		      (unsigned)policy, (void *)cfg, ret, devPtr ? *devPtr : NULL);
	return ret;
}

ACL_FUNC_VISIBILITY aclError aclrtMallocForTaskScheduler(void **devPtr, size_t size,
							 aclrtMemMallocPolicy policy,
							 aclrtMallocConfig *cfg)
{
	static const struct malloc_kind k = { "aclrtMallocForTaskScheduler", true, false };
	aclError ret = device_malloc(&k, devPtr, size, (unsigned)policy, cfg);

	ASCENDSIM_LOG(k.api, "(size=%zu, policy=%#x, cfg=%p) = %d devPtr=%p", size,
		      (unsigned)policy, (void *)cfg, ret, devPtr ? *devPtr : NULL);
	return ret;
}

static aclError host_malloc(const char *api, void **hostPtr, uint64_t size)
{
	struct ascendsim_alloc_req req;
	int32_t device;
	aclError ret;

	if (hostPtr == NULL)
		return ascendsim_error(ACL_ERROR_INVALID_PARAM, "%s: hostPtr is NULL", api);
	*hostPtr = NULL;
	if (size == 0)
		return ascendsim_error(ACL_ERROR_INVALID_PARAM, "%s: size is 0", api);
	if (ascendsim_require_device(&device) != ACL_SUCCESS)
		return ascendsim_error(ACL_ERROR_RT_CONTEXT_NULL,
				       "%s: no device set on this thread (call aclrtSetDevice)",
				       api);
	if (ascendsim_fault_alloc())
		return ascendsim_error(ACL_ERROR_RT_MEMORY_ALLOCATION,
				       "%s: out of memory (ASCEND_SIM_FAIL_ALLOC_AFTER)", api);
	ascendsim_host_req(&req, device, size > SIZE_MAX ? SIZE_MAX : (size_t)size);
	ret = ascendsim_alloc(&req, hostPtr);
	if (ret != ACL_SUCCESS)
		ascendsim_error(ret, "%s: cannot allocate %llu bytes of host memory", api,
				(unsigned long long)size);
	return ret;
}

ACL_FUNC_VISIBILITY aclError aclrtMallocHost(void **hostPtr, size_t size)
{
	aclError ret = host_malloc("aclrtMallocHost", hostPtr, size);

	ASCENDSIM_LOG("aclrtMallocHost", "(size=%zu) = %d hostPtr=%p", size, ret,
		      hostPtr ? *hostPtr : NULL);
	return ret;
}

ACL_FUNC_VISIBILITY aclError aclrtMallocHostWithCfg(void **ptr, uint64_t size,
						    aclrtMallocConfig *cfg)
{
	int32_t device;
	aclError ret;

	if (!config_device(cfg, &device))
		ret = ascendsim_error(ACL_ERROR_INVALID_PARAM,
				      "aclrtMallocHostWithCfg: cfg has attributes but no array");
	else
		ret = host_malloc("aclrtMallocHostWithCfg", ptr, size);
	ASCENDSIM_LOG("aclrtMallocHostWithCfg", "(size=%llu, cfg=%p) = %d ptr=%p",
		      (unsigned long long)size, (void *)cfg, ret, ptr ? *ptr : NULL);
	return ret;
}

/* What each free accepts: on the board (device run mode) host memory is device memory. */
static unsigned device_free_mask(void)
{
	unsigned mask = ASCENDSIM_POOL_DEVICE | ASCENDSIM_POOL_DVPP;

	if (ascendsim_run_mode() == ACL_DEVICE)
		mask |= ASCENDSIM_POOL_HOST;
	return mask;
}

static unsigned host_free_mask(void)
{
	unsigned mask = ASCENDSIM_POOL_HOST;

	if (ascendsim_run_mode() == ACL_DEVICE)
		mask |= ASCENDSIM_POOL_DEVICE | ASCENDSIM_POOL_DVPP;
	return mask;
}

static aclError do_free(const char *api, void *ptr, unsigned mask, bool sync)
{
	aclError ret;
	int32_t device;

	if (ptr == NULL)
		return ascendsim_error(ACL_ERROR_INVALID_PARAM, "%s: pointer is NULL", api);
	if (sync && ascendsim_require_device(&device) == ACL_SUCCESS) {
		ret = ascendsim_streams_wait_device(device, -1);
		if (ret != ACL_SUCCESS)
			return ascendsim_error(ret, "%s: synchronizing device %d failed", api,
					       device);
	}
	ret = ascendsim_free(ptr, mask);
	if (ret != ACL_SUCCESS)
		ascendsim_error(ret, "%s: %p is not the start of a live block this call frees", api,
				ptr);
	return ret;
}

ACL_FUNC_VISIBILITY aclError aclrtFree(void *devPtr)
{
	aclError ret = do_free("aclrtFree", devPtr, device_free_mask(), false);

	ASCENDSIM_LOG("aclrtFree", "(devPtr=%p) = %d", devPtr, ret);
	return ret;
}

ACL_FUNC_VISIBILITY aclError aclrtFreeWithDevSync(void *devPtr)
{
	aclError ret = do_free("aclrtFreeWithDevSync", devPtr, device_free_mask(), true);

	ASCENDSIM_LOG("aclrtFreeWithDevSync", "(devPtr=%p) = %d", devPtr, ret);
	return ret;
}

ACL_FUNC_VISIBILITY aclError aclrtFreeHost(void *hostPtr)
{
	aclError ret = do_free("aclrtFreeHost", hostPtr, host_free_mask(), false);

	ASCENDSIM_LOG("aclrtFreeHost", "(hostPtr=%p) = %d", hostPtr, ret);
	return ret;
}

ACL_FUNC_VISIBILITY aclError aclrtFreeHostWithDevSync(void *hostPtr)
{
	aclError ret = do_free("aclrtFreeHostWithDevSync", hostPtr, host_free_mask(), true);

	ASCENDSIM_LOG("aclrtFreeHostWithDevSync", "(hostPtr=%p) = %d", hostPtr, ret);
	return ret;
}

static bool attr_is_huge(aclrtMemAttr attr)
{
	return attr == ACL_DDR_MEM_HUGE || attr == ACL_HBM_MEM_HUGE ||
	       attr == ACL_DDR_MEM_P2P_HUGE || attr == ACL_HBM_MEM_P2P_HUGE ||
	       attr == ACL_HBM_MEM_HUGE1G || attr == ACL_HBM_MEM_P2P_HUGE1G;
}

ACL_FUNC_VISIBILITY aclError aclrtGetMemInfo(aclrtMemAttr attr, size_t *free, size_t *total)
{
	size_t f = 0, t = 0;
	int32_t device;
	aclError ret = ACL_SUCCESS;

	if (free == NULL || total == NULL || (unsigned)attr > ACL_HBM_MEM_P2P_HUGE1G)
		ret = ascendsim_error(ACL_ERROR_INVALID_PARAM,
				      "aclrtGetMemInfo: NULL output or unknown attribute %d",
				      (int)attr);
	else if ((ret = ascendsim_require_device(&device)) != ACL_SUCCESS)
		ascendsim_error(ret, "aclrtGetMemInfo: no device set on this thread");
	else
		ascendsim_pool_usage(device, attr_is_huge(attr), &f, &t);
	if (ret == ACL_SUCCESS) {
		*free = f;
		*total = t;
	}
	ASCENDSIM_LOG("aclrtGetMemInfo", "(attr=%d) = %d free=%zu total=%zu", (int)attr, ret, f, t);
	return ret;
}

ACL_FUNC_VISIBILITY aclError aclrtMemFlush(void *devPtr, size_t size)
{
	aclError ret = ACL_SUCCESS;

	if (devPtr == NULL || size == 0)
		ret = ascendsim_error(ACL_ERROR_INVALID_PARAM,
				      "aclrtMemFlush: devPtr is NULL or size is 0");
	ASCENDSIM_LOG("aclrtMemFlush", "(devPtr=%p, size=%zu) = %d", devPtr, size, ret);
	return ret;
}

ACL_FUNC_VISIBILITY aclError aclrtMemInvalidate(void *devPtr, size_t size)
{
	aclError ret = ACL_SUCCESS;

	if (devPtr == NULL || size == 0)
		ret = ascendsim_error(ACL_ERROR_INVALID_PARAM,
				      "aclrtMemInvalidate: devPtr is NULL or size is 0");
	ASCENDSIM_LOG("aclrtMemInvalidate", "(devPtr=%p, size=%zu) = %d", devPtr, size, ret);
	return ret;
}

ACL_FUNC_VISIBILITY aclError aclrtPointerGetAttributes(const void *ptr,
						       aclrtPtrAttributes *attributes)
{
	struct ascendsim_block b;
	size_t page = 0;
	aclError ret = ACL_SUCCESS;

	if (ptr == NULL || attributes == NULL) {
		ret = ascendsim_error(ACL_ERROR_INVALID_PARAM,
				      "aclrtPointerGetAttributes: NULL argument");
		goto end;
	}
	*attributes = (aclrtPtrAttributes){ 0 };
	if (!ascendsim_lookup(ptr, &b, &page)) {
		attributes->location.type = ACL_MEM_LOCATION_TYPE_UNREGISTERED;
	} else if (b.pool == ASCENDSIM_POOL_HOST && ascendsim_run_mode() == ACL_HOST) {
		attributes->location.type = ACL_MEM_LOCATION_TYPE_HOST;
		attributes->pageSize = (uint32_t)page;
	} else {
		attributes->location.type = ACL_MEM_LOCATION_TYPE_DEVICE;
		attributes->location.id = (uint32_t)b.device;
		attributes->pageSize = page > UINT32_MAX ? UINT32_MAX : (uint32_t)page;
	}
end:
	ASCENDSIM_LOG("aclrtPointerGetAttributes", "(ptr=%p) = %d", ptr, ret);
	return ret;
}

ACL_FUNC_VISIBILITY aclError aclrtHostRegister(void *ptr, uint64_t size, aclrtHostRegisterType type,
					       void **devPtr)
{
	aclError ret = ACL_SUCCESS;

	/* Host memory is directly usable by the simulated device: the mapping is the identity. */
	if (ptr == NULL || size == 0 || devPtr == NULL)
		ret = ascendsim_error(ACL_ERROR_INVALID_PARAM,
				      "aclrtHostRegister: NULL pointer or size 0");
	else
		*devPtr = ptr;
	ASCENDSIM_LOG("aclrtHostRegister", "(ptr=%p, size=%llu, type=%d) = %d", ptr,
		      (unsigned long long)size, (int)type, ret);
	return ret;
}

ACL_FUNC_VISIBILITY aclError aclrtHostUnregister(void *ptr)
{
	aclError ret = ACL_SUCCESS;

	if (ptr == NULL)
		ret = ascendsim_error(ACL_ERROR_INVALID_PARAM, "aclrtHostUnregister: ptr is NULL");
	ASCENDSIM_LOG("aclrtHostUnregister", "(ptr=%p) = %d", ptr, ret);
	return ret;
}

ACL_FUNC_VISIBILITY aclError aclrtCheckMemType(void **addrList, uint32_t size, uint32_t memType,
					       uint32_t *checkResult, uint32_t reserve)
{
	const uint32_t known = ACL_RT_MEM_TYPE_DEV | ACL_RT_MEM_TYPE_DVPP | ACL_RT_MEM_TYPE_RSVD;
	aclError ret = ACL_SUCCESS;
	uint32_t ok = 1;

	if (addrList == NULL || checkResult == NULL || size == 0 || memType == 0 ||
	    (memType & ~known) != 0) {
		ret = ascendsim_error(ACL_ERROR_INVALID_PARAM,
				      "aclrtCheckMemType: NULL list or result, size 0 or memType "
				      "%#x unknown",
				      memType);
		goto end;
	}
	for (uint32_t i = 0; i < size && ok; i++) {
		struct ascendsim_block b;
		size_t page;
		uint32_t type;

		if (!ascendsim_lookup(addrList[i], &b, &page)) {
			ok = 0;
			break;
		}
		type = b.pool == ASCENDSIM_POOL_DVPP ? ACL_RT_MEM_TYPE_DVPP : ACL_RT_MEM_TYPE_DEV;
		if (b.pool == ASCENDSIM_POOL_HOST && ascendsim_run_mode() == ACL_HOST)
			type = 0;
		ok = (type & memType) != 0;
	}
	*checkResult = ok;
end:
	ASCENDSIM_LOG("aclrtCheckMemType", "(size=%u, memType=%#x, reserve=%u) = %d result=%u",
		      size, memType, reserve, ret, ret == ACL_SUCCESS ? ok : 0);
	return ret;
}

ACL_FUNC_VISIBILITY aclError aclrtMemGetAddressRange(void *ptr, void **pbase, size_t *psize)
{
	struct ascendsim_block b;
	size_t page;
	aclError ret = ACL_SUCCESS;

	if (ptr == NULL || (pbase == NULL && psize == NULL))
		ret = ascendsim_error(ACL_ERROR_INVALID_PARAM,
				      "aclrtMemGetAddressRange: NULL argument");
	else if (!ascendsim_lookup(ptr, &b, &page))
		ret = ascendsim_error(ACL_ERROR_INVALID_PARAM,
				      "aclrtMemGetAddressRange: %p is not in a live block", ptr);
	if (ret == ACL_SUCCESS) {
		if (pbase)
			*pbase = b.base;
		if (psize)
			*psize = b.rounded;
	}
	ASCENDSIM_LOG("aclrtMemGetAddressRange", "(ptr=%p) = %d", ptr, ret);
	return ret;
}
