/* SPDX-License-Identifier: MIT */
/* Devices, contexts, run mode and SoC name. */
#include "ascendsim_rt.h"

static uint32_t op_wait_timeout;

ACL_FUNC_VISIBILITY aclError aclrtSetDevice(int32_t deviceId)
{
	aclError ret = ascendsim_device_set(deviceId);

	if (ret != ACL_SUCCESS)
		ascendsim_error(ret, "aclrtSetDevice: invalid device id %d (%u devices)", deviceId,
				ascendsim_config()->device_count);
	ASCENDSIM_LOG("aclrtSetDevice", "(deviceId=%d) = %d", deviceId, ret);
	return ret;
}

ACL_FUNC_VISIBILITY aclError aclrtResetDevice(int32_t deviceId)
{
	aclError ret = ascendsim_device_reset(deviceId, false);

	if (ret != ACL_SUCCESS)
		ascendsim_error(ret, "aclrtResetDevice: invalid device id %d", deviceId);
	ASCENDSIM_LOG("aclrtResetDevice", "(deviceId=%d) = %d", deviceId, ret);
	return ret;
}

ACL_FUNC_VISIBILITY aclError aclrtResetDeviceForce(int32_t deviceId)
{
	aclError ret = ascendsim_device_reset(deviceId, true);

	if (ret != ACL_SUCCESS)
		ascendsim_error(ret, "aclrtResetDeviceForce: invalid device id %d", deviceId);
	ASCENDSIM_LOG("aclrtResetDeviceForce", "(deviceId=%d) = %d", deviceId, ret);
	return ret;
}

ACL_FUNC_VISIBILITY aclError aclrtGetDevice(int32_t *deviceId)
{
	aclError ret = ACL_SUCCESS;
	int32_t dev = -1;

	if (deviceId == NULL)
		ret = ascendsim_error(ACL_ERROR_INVALID_PARAM, "aclrtGetDevice: deviceId is NULL");
	else if ((ret = ascendsim_require_device(&dev)) != ACL_SUCCESS)
		ascendsim_error(ret, "aclrtGetDevice: no device set on this thread");
	else
		*deviceId = dev;
	ASCENDSIM_LOG("aclrtGetDevice", "() = %d deviceId=%d", ret, dev);
	return ret;
}

ACL_FUNC_VISIBILITY aclError aclrtGetRunMode(aclrtRunMode *runMode)
{
	aclError ret = ACL_SUCCESS;

	if (runMode == NULL)
		ret = ascendsim_error(ACL_ERROR_INVALID_PARAM, "aclrtGetRunMode: runMode is NULL");
	else
		*runMode = (aclrtRunMode)ascendsim_run_mode();
	ASCENDSIM_LOG("aclrtGetRunMode", "() = %d runMode=%d", ret, ascendsim_run_mode());
	return ret;
}

ACL_FUNC_VISIBILITY aclError aclrtGetDeviceCount(uint32_t *count)
{
	aclError ret = ACL_SUCCESS;

	if (count == NULL)
		ret =
		    ascendsim_error(ACL_ERROR_INVALID_PARAM, "aclrtGetDeviceCount: count is NULL");
	else
		*count = ascendsim_config()->device_count;
	ASCENDSIM_LOG("aclrtGetDeviceCount", "() = %d count=%u", ret,
		      ascendsim_config()->device_count);
	return ret;
}

static aclError synchronize_device(const char *api, int32_t timeout)
{
	int32_t dev = -1;
	aclError ret = ascendsim_require_device(&dev);

	if (ret != ACL_SUCCESS)
		ascendsim_error(ret, "%s: no device set on this thread", api);
	else
		ret = ascendsim_streams_wait_device(dev, timeout);
	return ret;
}

ACL_FUNC_VISIBILITY aclError aclrtSynchronizeDevice(void)
{
	aclError ret = synchronize_device("aclrtSynchronizeDevice", -1);

	ASCENDSIM_LOG("aclrtSynchronizeDevice", "() = %d", ret);
	return ret;
}

ACL_FUNC_VISIBILITY aclError aclrtSynchronizeDeviceWithTimeout(int32_t timeout)
{
	aclError ret;

	if (timeout < -1 || timeout == 0)
		ret = ascendsim_error(ACL_ERROR_INVALID_PARAM,
				      "aclrtSynchronizeDeviceWithTimeout: timeout %d is neither -1 "
				      "nor positive",
				      timeout);
	else
		ret = synchronize_device("aclrtSynchronizeDeviceWithTimeout", timeout);
	ASCENDSIM_LOG("aclrtSynchronizeDeviceWithTimeout", "(timeout=%d) = %d", timeout, ret);
	return ret;
}

ACL_FUNC_VISIBILITY const char *aclrtGetSocName(void)
{
	const char *name = ascendsim_soc_name();

	ASCENDSIM_LOG("aclrtGetSocName", "() = \"%s\"", name);
	return name;
}

ACL_FUNC_VISIBILITY aclError aclrtSetOpWaitTimeout(uint32_t timeout)
{
	op_wait_timeout = timeout;
	ASCENDSIM_LOG("aclrtSetOpWaitTimeout", "(timeout=%u) = 0", timeout);
	return ACL_SUCCESS;
}

ACL_FUNC_VISIBILITY aclError aclrtCreateContext(aclrtContext *context, int32_t deviceId)
{
	struct ascendsim_context *ctx = NULL;
	aclError ret;

	if (context == NULL)
		ret =
		    ascendsim_error(ACL_ERROR_INVALID_PARAM, "aclrtCreateContext: context is NULL");
	else if ((ret = ascendsim_context_create(deviceId, &ctx)) != ACL_SUCCESS)
		ascendsim_error(ret, "aclrtCreateContext: cannot create a context on device %d",
				deviceId);
	else
		*context = ctx;
	ASCENDSIM_LOG("aclrtCreateContext", "(deviceId=%d) = %d context=%p", deviceId, ret,
		      (void *)ctx);
	return ret;
}

ACL_FUNC_VISIBILITY aclError aclrtDestroyContext(aclrtContext context)
{
	aclError ret;

	if (context == NULL)
		ret = ascendsim_error(ACL_ERROR_INVALID_PARAM,
				      "aclrtDestroyContext: context is NULL");
	else if ((ret = ascendsim_context_destroy(context)) != ACL_SUCCESS)
		ascendsim_error(ret,
				"aclrtDestroyContext: %p is not a context made by "
				"aclrtCreateContext",
				context);
	ASCENDSIM_LOG("aclrtDestroyContext", "(context=%p) = %d", context, ret);
	return ret;
}

ACL_FUNC_VISIBILITY aclError aclrtSetCurrentContext(aclrtContext context)
{
	aclError ret;

	if (context == NULL)
		ret = ascendsim_error(ACL_ERROR_INVALID_PARAM,
				      "aclrtSetCurrentContext: context is NULL");
	else if ((ret = ascendsim_context_set_current(context)) != ACL_SUCCESS)
		ascendsim_error(ret, "aclrtSetCurrentContext: %p is not a live context", context);
	ASCENDSIM_LOG("aclrtSetCurrentContext", "(context=%p) = %d", context, ret);
	return ret;
}

ACL_FUNC_VISIBILITY aclError aclrtGetCurrentContext(aclrtContext *context)
{
	struct ascendsim_context *ctx = ascendsim_current_context();
	aclError ret = ACL_SUCCESS;

	if (context == NULL)
		ret = ascendsim_error(ACL_ERROR_INVALID_PARAM,
				      "aclrtGetCurrentContext: context is NULL");
	else if (ctx == NULL)
		ret = ascendsim_error(ACL_ERROR_RT_CONTEXT_NULL,
				      "aclrtGetCurrentContext: no context on this thread");
	else
		*context = ctx;
	ASCENDSIM_LOG("aclrtGetCurrentContext", "() = %d context=%p", ret, (void *)ctx);
	return ret;
}
