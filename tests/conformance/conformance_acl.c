/* SPDX-License-Identifier: MIT */
/*
 * acl/acl.h (with acl_base.h, acl_rt.h, acl_mdl.h, error_codes headers) against the reference:
 * types (1.1), prototypes (2.1-2.4), enumerations (3), error codes (4.1, 4.2).
 */
#include "acl/acl.h"
#include "conformance.h"

/* aclGetDataBufferSize is deprecated, and still part of the interface. */
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"

/* ---- 1.1 basic types and macros ---- */
#ifndef ACL_FUNC_VISIBILITY
#error "ACL_FUNC_VISIBILITY must be defined"
#endif
#if !defined(ACL_DEPRECATED) || !defined(ACL_DEPRECATED_MESSAGE)
#error "ACL_DEPRECATED and ACL_DEPRECATED_MESSAGE must be defined"
#endif
#define CONF_STR(x)  #x
#define CONF_XSTR(x) CONF_STR(x)
CONF_SAME_TYPE(aclError, int)
CONF_SAME_TYPE(aclrtStream, void *)
CONF_SAME_TYPE(aclrtEvent, void *)
CONF_SAME_TYPE(aclrtContext, void *)
CONF_SAME_TYPE(aclFloat16, uint16_t)
CONF_SAME_TYPE(aclDataBuffer, struct aclDataBuffer)
CONF_SAME_TYPE(aclTensorDesc, struct aclTensorDesc)

/* ---- 2.1 init and device ---- */
CONF_FN(aclError, aclInit, (const char *))
CONF_FN(aclError, aclFinalize, (void))
CONF_FN(aclError, aclrtGetVersion, (int32_t *, int32_t *, int32_t *))
CONF_FN(const char *, aclGetRecentErrMsg, (void))
CONF_FN(aclError, aclrtSetDevice, (int32_t))
CONF_FN(aclError, aclrtResetDevice, (int32_t))
CONF_FN(aclError, aclrtResetDeviceForce, (int32_t))
CONF_FN(aclError, aclrtGetDevice, (int32_t *))
CONF_FN(aclError, aclrtGetRunMode, (aclrtRunMode *))
CONF_FN(aclError, aclrtGetDeviceCount, (uint32_t *))
CONF_FN(aclError, aclrtSynchronizeDevice, (void))

/* ---- 2.2 memory ---- */
CONF_FN(aclError, aclrtMalloc, (void **, size_t, aclrtMemMallocPolicy))
CONF_FN(aclError, aclrtMallocAlign32, (void **, size_t, aclrtMemMallocPolicy))
CONF_FN(aclError, aclrtMallocCached, (void **, size_t, aclrtMemMallocPolicy))
CONF_FN(aclError, aclrtMemFlush, (void *, size_t))
CONF_FN(aclError, aclrtMemInvalidate, (void *, size_t))
CONF_FN(aclError, aclrtFree, (void *))
CONF_FN(aclError, aclrtMallocHost, (void **, size_t))
CONF_FN(aclError, aclrtFreeHost, (void *))
CONF_FN(aclError, aclrtMemset, (void *, size_t, int32_t, size_t))
CONF_FN(aclError, aclrtMemsetAsync, (void *, size_t, int32_t, size_t, aclrtStream))
CONF_FN(aclError, aclrtMemcpy, (void *, size_t, const void *, size_t, aclrtMemcpyKind))
CONF_FN(aclError, aclrtMemcpyAsync,
	(void *, size_t, const void *, size_t, aclrtMemcpyKind, aclrtStream))
CONF_FN(aclError, aclrtMemcpy2d,
	(void *, size_t, const void *, size_t, size_t, size_t, aclrtMemcpyKind))
CONF_FN(aclError, aclrtMemcpy2dAsync,
	(void *, size_t, const void *, size_t, size_t, size_t, aclrtMemcpyKind, aclrtStream))
CONF_FN(aclError, aclrtGetMemInfo, (aclrtMemAttr, size_t *, size_t *))
CONF_FN(aclError, aclrtMallocWithCfg, (void **, size_t, aclrtMemMallocPolicy, aclrtMallocConfig *))
CONF_FN(aclError, aclrtMallocForTaskScheduler,
	(void **, size_t, aclrtMemMallocPolicy, aclrtMallocConfig *))
CONF_FN(aclError, aclrtMallocHostWithCfg, (void **, uint64_t, aclrtMallocConfig *))
CONF_FN(aclError, aclrtFreeWithDevSync, (void *))
CONF_FN(aclError, aclrtFreeHostWithDevSync, (void *))
CONF_FN(aclError, aclrtPointerGetAttributes, (const void *, aclrtPtrAttributes *))
CONF_FN(aclError, aclrtHostRegister, (void *, uint64_t, aclrtHostRegisterType, void **))
CONF_FN(aclError, aclrtCheckMemType, (void **, uint32_t, uint32_t, uint32_t *, uint32_t))
CONF_FN(aclError, aclrtMemGetAddressRange, (void *, void **, size_t *))

CONF_CONST(ACL_RT_MEM_TYPE_DEV, 0x2)
CONF_CONST(ACL_RT_MEM_TYPE_DVPP, 0x8)
CONF_CONST(ACL_RT_MEM_TYPE_RSVD, 0x10)

/* ---- 2.3 data buffers ---- */
CONF_FN(aclDataBuffer *, aclCreateDataBuffer, (void *, size_t))
CONF_FN(aclError, aclDestroyDataBuffer, (const aclDataBuffer *))
CONF_FN(aclError, aclUpdateDataBuffer, (aclDataBuffer *, void *, size_t))
CONF_FN(void *, aclGetDataBufferAddr, (const aclDataBuffer *))
CONF_FN(uint32_t, aclGetDataBufferSize, (const aclDataBuffer *))
CONF_FN(size_t, aclGetDataBufferSizeV2, (const aclDataBuffer *))

/* ---- 2.4 models ---- */
CONF_FN(aclError, aclmdlLoadFromFile, (const char *, uint32_t *))
CONF_FN(aclError, aclmdlLoadFromMem, (const void *, size_t, uint32_t *))
CONF_FN(aclError, aclmdlLoadFromFileWithMem,
	(const char *, uint32_t *, void *, size_t, void *, size_t))
CONF_FN(aclError, aclmdlLoadFromMemWithMem,
	(const void *, size_t, uint32_t *, void *, size_t, void *, size_t))
CONF_FN(aclError, aclmdlQuerySize, (const char *, size_t *, size_t *))
CONF_FN(aclError, aclmdlQuerySizeFromMem, (const void *, size_t, size_t *, size_t *))
CONF_FN(aclError, aclmdlExecute, (uint32_t, const aclmdlDataset *, aclmdlDataset *))
CONF_FN(aclError, aclmdlExecuteAsync,
	(uint32_t, const aclmdlDataset *, aclmdlDataset *, aclrtStream))
CONF_FN(aclError, aclmdlUnload, (uint32_t))
CONF_FN(aclmdlDataset *, aclmdlCreateDataset, (void))
CONF_FN(aclError, aclmdlAddDatasetBuffer, (aclmdlDataset *, aclDataBuffer *))
CONF_FN(aclmdlDesc *, aclmdlCreateDesc, (void))
CONF_FN(aclError, aclmdlGetDesc, (aclmdlDesc *, uint32_t))

/* ---- 3.1 aclrtMemMallocPolicy ---- */
CONF_CONST(ACL_MEM_MALLOC_HUGE_FIRST, 0)
CONF_CONST(ACL_MEM_MALLOC_HUGE_ONLY, 1)
CONF_CONST(ACL_MEM_MALLOC_NORMAL_ONLY, 2)
CONF_CONST(ACL_MEM_MALLOC_HUGE_FIRST_P2P, 3)
CONF_CONST(ACL_MEM_MALLOC_HUGE_ONLY_P2P, 4)
CONF_CONST(ACL_MEM_MALLOC_NORMAL_ONLY_P2P, 5)
CONF_CONST(ACL_MEM_MALLOC_HUGE1G_ONLY, 6)
CONF_CONST(ACL_MEM_MALLOC_HUGE1G_ONLY_P2P, 7)
CONF_CONST(ACL_MEM_TYPE_LOW_BAND_WIDTH, 0x0100)
CONF_CONST(ACL_MEM_TYPE_HIGH_BAND_WIDTH, 0x1000)
CONF_CONST(ACL_MEM_ACCESS_USER_SPACE_READONLY, 0x100000)

/* ---- 3.2 aclrtMemcpyKind ---- */
CONF_CONST(ACL_MEMCPY_HOST_TO_HOST, 0)
CONF_CONST(ACL_MEMCPY_HOST_TO_DEVICE, 1)
CONF_CONST(ACL_MEMCPY_DEVICE_TO_HOST, 2)
CONF_CONST(ACL_MEMCPY_DEVICE_TO_DEVICE, 3)
CONF_CONST(ACL_MEMCPY_DEFAULT, 4)
CONF_CONST(ACL_MEMCPY_HOST_TO_BUF_TO_DEVICE, 5)
CONF_CONST(ACL_MEMCPY_INNER_DEVICE_TO_DEVICE, 6)
CONF_CONST(ACL_MEMCPY_INTER_DEVICE_TO_DEVICE, 7)

/* ---- 3.3 aclrtMemAttr ---- */
CONF_CONST(ACL_DDR_MEM, 0)
CONF_CONST(ACL_HBM_MEM, 1)
CONF_CONST(ACL_DDR_MEM_HUGE, 2)
CONF_CONST(ACL_DDR_MEM_NORMAL, 3)
CONF_CONST(ACL_HBM_MEM_HUGE, 4)
CONF_CONST(ACL_HBM_MEM_NORMAL, 5)
CONF_CONST(ACL_DDR_MEM_P2P_HUGE, 6)
CONF_CONST(ACL_DDR_MEM_P2P_NORMAL, 7)
CONF_CONST(ACL_HBM_MEM_P2P_HUGE, 8)
CONF_CONST(ACL_HBM_MEM_P2P_NORMAL, 9)
CONF_CONST(ACL_HBM_MEM_HUGE1G, 10)
CONF_CONST(ACL_HBM_MEM_P2P_HUGE1G, 11)

/* ---- 3.4 other ---- */
CONF_CONST(ACL_DEVICE, 0)
CONF_CONST(ACL_HOST, 1)
CONF_CONST(ACL_MEMTYPE_DEVICE, 0)
CONF_CONST(ACL_MEMTYPE_HOST, 1)
CONF_CONST(ACL_MEMTYPE_HOST_COMPILE_INDEPENDENT, 2)

/* ---- 4.1 generic codes, 4.2 runtime and graph-engine codes ---- */
#define ACL_CODES(X)                                         \
	X(ACL_SUCCESS, 0)                                    \
	X(ACL_ERROR_NONE, 0)                                 \
	X(ACL_ERROR_INVALID_PARAM, 100000)                   \
	X(ACL_ERROR_UNINITIALIZE, 100001)                    \
	X(ACL_ERROR_REPEAT_INITIALIZE, 100002)               \
	X(ACL_ERROR_INVALID_FILE, 100003)                    \
	X(ACL_ERROR_INVALID_MODEL_ID, 100011)                \
	X(ACL_ERROR_MODEL_SIZE_INVALID, 100015)              \
	X(ACL_ERROR_MODEL_INPUT_NOT_MATCH, 100017)           \
	X(ACL_ERROR_REPEAT_FINALIZE, 100037)                 \
	X(ACL_ERROR_UNSUPPORTED_JPEG, 148052)                \
	X(ACL_ERROR_INVALID_BUNDLE_MODEL_ID, 148053)         \
	X(ACL_ERROR_BAD_ALLOC, 200000)                       \
	X(ACL_ERROR_API_NOT_SUPPORT, 200001)                 \
	X(ACL_ERROR_INVALID_DEVICE, 200002)                  \
	X(ACL_ERROR_MEMORY_ADDRESS_UNALIGNED, 200003)        \
	X(ACL_ERROR_RESOURCE_NOT_MATCH, 200004)              \
	X(ACL_ERROR_INVALID_RESOURCE_HANDLE, 200005)         \
	X(ACL_ERROR_FEATURE_UNSUPPORTED, 200006)             \
	X(ACL_ERROR_STORAGE_OVER_LIMIT, 300000)              \
	X(ACL_ERROR_INTERNAL_ERROR, 500000)                  \
	X(ACL_ERROR_FAILURE, 500001)                         \
	X(ACL_ERROR_GE_FAILURE, 500002)                      \
	X(ACL_ERROR_RT_FAILURE, 500003)                      \
	X(ACL_ERROR_DRV_FAILURE, 500004)                     \
	X(ACL_ERROR_PROFILING_FAILURE, 500005)               \
	X(ACL_RT_SUCCESS, 0)                                 \
	X(ACL_ERROR_RT_PARAM_INVALID, 107000)                \
	X(ACL_ERROR_RT_INVALID_DEVICEID, 107001)             \
	X(ACL_ERROR_RT_CONTEXT_NULL, 107002)                 \
	X(ACL_ERROR_RT_ADDR_UNALIGNED, 107008)               \
	X(ACL_ERROR_RT_INVALID_MEMORY_TYPE, 107016)          \
	X(ACL_ERROR_RT_INVALID_HANDLE, 107017)               \
	X(ACL_ERROR_RT_INVALID_MALLOC_TYPE, 107018)          \
	X(ACL_ERROR_RT_DEVICE_TASK_ABORT, 107022)            \
	X(ACL_ERROR_RT_FEATURE_NOT_SUPPORT, 207000)          \
	X(ACL_ERROR_RT_MEMORY_ALLOCATION, 207001)            \
	X(ACL_ERROR_RT_MEMORY_FREE, 207002)                  \
	X(ACL_ERROR_RT_NO_DEVICE, 207004)                    \
	X(ACL_ERROR_RT_RESOURCE_ALLOC_FAIL, 207005)          \
	X(ACL_ERROR_RT_OVER_LIMIT, 207012)                   \
	X(ACL_ERROR_RT_DEVICE_OOM, 207018)                   \
	X(ACL_ERROR_RT_INTERNAL_ERROR, 507000)               \
	X(ACL_ERROR_RT_TS_ERROR, 507001)                     \
	X(ACL_ERROR_RT_SYS_DMA, 507013)                      \
	X(ACL_ERROR_RT_AICORE_EXCEPTION, 507015)             \
	X(ACL_ERROR_RT_COPY_DATA, 507052)                    \
	X(ACL_ERROR_RT_DEVICE_MEM_ERROR, 507053)             \
	X(ACL_ERROR_RT_HBM_MULTI_BIT_ECC_ERROR, 507054)      \
	X(ACL_ERROR_RT_SUSPECT_DEVICE_MEM_ERROR, 507055)     \
	X(ACL_ERROR_RT_DRV_INTERNAL_ERROR, 507899)           \
	X(ACL_ERROR_RT_AICPU_INTERNAL_ERROR, 507900)         \
	X(ACL_ERROR_RT_SOCKET_CLOSE, 507901)                 \
	X(ACL_ERROR_GE_PARAM_INVALID, 145000)                \
	X(ACL_ERROR_GE_EXEC_MODEL_ADDR_INVALID, 145007)      \
	X(ACL_ERROR_GE_MEMORY_ALLOCATION, 245000)            \
	X(ACL_ERROR_GE_MEMORY_OPERATE_FAILED, 245001)        \
	X(ACL_ERROR_GE_DEVICE_MEMORY_OPERATE_FAILED, 245002) \
	X(ACL_ERROR_GE_INTERNAL_ERROR, 545000)               \
	X(ACL_ERROR_GE_LOAD_MODEL, 545001)

ACL_CODES(CONF_CODE_STATIC)

/* Generic codes are int; graph-engine codes are uint32_t (4.1, 4.2). */
CONF_STATIC(sizeof(ACL_ERROR_INVALID_PARAM) == sizeof(int), "ACL codes are int-sized")
CONF_STATIC(sizeof(ACL_ERROR_GE_PARAM_INVALID) == sizeof(uint32_t), "GE codes are 32-bit")
#ifdef __cplusplus
CONF_SAME_TYPE(std::remove_cv<decltype(ACL_ERROR_GE_PARAM_INVALID)>::type, uint32_t)
CONF_SAME_TYPE(std::remove_cv<decltype(ACL_ERROR_INVALID_PARAM)>::type, int)
#endif

int main(void)
{
	int failures = 0;

	ACL_CODES(CONF_CODE_RUNTIME)
	/* Programs are built without FUNC_VISIBILITY: the macro must then expand to nothing. */
	if (sizeof(CONF_XSTR(ACL_FUNC_VISIBILITY)) != 1) {
		fprintf(stderr,
			"conformance: ACL_FUNC_VISIBILITY expands to '%s' without "
			"FUNC_VISIBILITY\n",
			CONF_XSTR(ACL_FUNC_VISIBILITY));
		failures++;
	}
	if (failures == 0)
		printf("conformance: acl.h matches the reference\n");
	return failures ? 1 : 0;
}
