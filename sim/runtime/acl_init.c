/* SPDX-License-Identifier: MIT */
/* aclInit, aclFinalize and the version query. */
#include "ascendsim_rt.h"

#include <stdio.h>

static pthread_mutex_t init_lock = PTHREAD_MUTEX_INITIALIZER;

ACL_FUNC_VISIBILITY aclError aclInit(const char *configPath)
{
	aclError ret = ACL_SUCCESS;

	pthread_mutex_lock(&init_lock);
	if (ascendsim_initialized()) {
		ret = ascendsim_error(ACL_ERROR_REPEAT_INITIALIZE, "aclInit: already initialized");
		goto end;
	}
	if (configPath != NULL && configPath[0] != '\0') {
		FILE *f = fopen(configPath, "r");

		if (f == NULL) {
			ret = ascendsim_error(ACL_ERROR_INVALID_FILE,
					      "aclInit: cannot read the configuration file '%s'",
					      configPath);
			goto end;
		}
		fclose(f);
	}
	ascendsim_set_initialized(true);
end:
	pthread_mutex_unlock(&init_lock);
	ASCENDSIM_LOG("aclInit", "(configPath=%s%s%s) = %d", configPath ? "\"" : "",
		      configPath ? configPath : "NULL", configPath ? "\"" : "", ret);
	return ret;
}

ACL_FUNC_VISIBILITY aclError aclFinalize(void)
{
	aclError ret = ACL_SUCCESS;

	pthread_mutex_lock(&init_lock);
	if (!ascendsim_initialized()) {
		ret = ascendsim_error(ACL_ERROR_REPEAT_FINALIZE,
				      "aclFinalize: not initialized or already finalized");
		goto end;
	}
	ascendsim_release_all();
	ascendsim_set_initialized(false);
end:
	pthread_mutex_unlock(&init_lock);
	ASCENDSIM_LOG("aclFinalize", "() = %d", ret);
	return ret;
}

ACL_FUNC_VISIBILITY aclError aclrtGetVersion(int32_t *majorVersion, int32_t *minorVersion,
					     int32_t *patchVersion)
{
	aclError ret = ACL_SUCCESS;

	if (majorVersion == NULL || minorVersion == NULL || patchVersion == NULL) {
		ret = ascendsim_error(ACL_ERROR_INVALID_PARAM, "aclrtGetVersion: NULL argument");
	} else {
		*majorVersion = ACL_MAJOR_VERSION;
		*minorVersion = ACL_MINOR_VERSION;
		*patchVersion = ACL_PATCH_VERSION;
	}
	ASCENDSIM_LOG("aclrtGetVersion", "() = %d", ret);
	return ret;
}
