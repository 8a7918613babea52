/* SPDX-License-Identifier: MIT */
/* hi_mpi_sys_*, DVPP memory (hi_mpi_dvpp_malloc/free) and the interface version. */
#include "mpi_internal.h"

#include <inttypes.h>
#include <stdatomic.h>

/* Runtime codes the core allocator returns (api-facts.md 4.1, 4.2). */
#define RT_INVALID_PARAM     100000
#define RT_INVALID_DEVICEID  107001
#define RT_CONTEXT_NULL	     107002
#define RT_MEMORY_ALLOCATION 207001
#define RT_MEMORY_FREE	     207002

/* Interface version reported by hi_mpi_dvpp_get_version. */
#define MPI_VERSION_MAJOR 1
#define MPI_VERSION_MINOR 0
#define MPI_VERSION_PATCH 0

static atomic_bool sys_ready;

bool ascendsim_mpi_sys_ready(void)
{
	return atomic_load(&sys_ready);
}

MPI_EXPORT hi_s32 hi_mpi_sys_init(hi_void)
{
	const char *api = "hi_mpi_sys_init";
	hi_s32 ret = HI_SUCCESS;

	if (!ascendsim_initialized())
		ret = ascendsim_mpi_fail(api, HI_ERR_SYS_NOT_READY, "aclInit has not been called");
	else if (!ascendsim_soc_has_dvpp_v2(ascendsim_mpi_soc()))
		ret = ascendsim_mpi_fail(api, HI_ERR_SYS_NOT_SUPPORT,
					 "DVPP V2 (HiMPI) is not available on %s",
					 ascendsim_soc_name());
	else
		atomic_store(&sys_ready, true);
	ascendsim_mpi_log(api, ret, "%s", "");
	return ret;
}

MPI_EXPORT hi_s32 hi_mpi_sys_exit(hi_void)
{
	atomic_store(&sys_ready, false);
	ascendsim_mpi_log("hi_mpi_sys_exit", HI_SUCCESS, "%s", "");
	return HI_SUCCESS;
}

static hi_s32 map_alloc_error(int rt)
{
	switch (rt) {
	case RT_INVALID_PARAM:
	case RT_INVALID_DEVICEID:
		return HI_ERR_SYS_ILLEGAL_PARAM;
	case RT_CONTEXT_NULL:
		return HI_ERR_SYS_NOT_READY;
	case RT_MEMORY_ALLOCATION:
		return HI_ERR_SYS_NO_MEM;
	default:
		return HI_ERR_SYS_ERR;
	}
}

MPI_EXPORT hi_s32 hi_mpi_dvpp_malloc(hi_u32 dev_id, hi_void **dev_ptr, hi_u64 size)
{
	const char *api = "hi_mpi_dvpp_malloc";
	hi_s32 ret = HI_SUCCESS;
	int rt;

	if (!dev_ptr) {
		ret = ascendsim_mpi_fail(api, HI_ERR_SYS_NULL_PTR, "dev_ptr is NULL");
		goto end;
	}
	*dev_ptr = NULL;
	if (size == 0) {
		ret = ascendsim_mpi_fail(api, HI_ERR_SYS_ILLEGAL_PARAM, "size is 0");
		goto end;
	}
	if (!ascendsim_soc_has_dvpp_v2(ascendsim_mpi_soc())) {
		ret = ascendsim_mpi_fail(api, HI_ERR_SYS_NOT_SUPPORT,
					 "hi_mpi_dvpp_malloc is not supported on %s",
					 ascendsim_soc_name());
		goto end;
	}
	/* dev_id is reserved: the block comes from the current device, as in EP mode. */
	rt = ascendsim_dvpp_alloc(-1, size, dev_ptr);
	if (rt != 0)
		ret = ascendsim_mpi_fail(api, map_alloc_error(rt),
					 "allocating %" PRIu64 " bytes of DVPP memory failed (%d)",
					 (uint64_t)size, rt);
end:
	ascendsim_mpi_log(api, ret, "dev_id=%u, dev_ptr=%p -> %p, size=%llu", dev_id,
			  (void *)dev_ptr, dev_ptr ? *dev_ptr : NULL, size);
	return ret;
}

MPI_EXPORT hi_s32 hi_mpi_dvpp_free(hi_void *dev_ptr)
{
	const char *api = "hi_mpi_dvpp_free";
	hi_s32 ret = HI_SUCCESS;
	int rt;

	if (!dev_ptr) {
		ret = ascendsim_mpi_fail(api, HI_ERR_SYS_NULL_PTR, "dev_ptr is NULL");
		goto end;
	}
	rt = ascendsim_dvpp_free(dev_ptr);
	if (rt == RT_MEMORY_FREE)
		ret = ascendsim_mpi_fail(api, HI_ERR_SYS_ILLEGAL_PARAM,
					 "%p is not the start of a live DVPP block", dev_ptr);
	else if (rt != 0)
		ret =
		    ascendsim_mpi_fail(api, HI_ERR_SYS_ERR, "freeing %p failed (%d)", dev_ptr, rt);
end:
	ascendsim_mpi_log(api, ret, "dev_ptr=%p", dev_ptr);
	return ret;
}

MPI_EXPORT hi_s32 hi_mpi_dvpp_get_version(hi_s32 *major_version, hi_s32 *minor_version,
					  hi_s32 *patch_version)
{
	hi_s32 ret = HI_SUCCESS;

	if (!major_version || !minor_version || !patch_version) {
		ret = ascendsim_mpi_fail("hi_mpi_dvpp_get_version", HI_ERR_SYS_NULL_PTR,
					 "an output pointer is NULL");
	} else {
		*major_version = MPI_VERSION_MAJOR;
		*minor_version = MPI_VERSION_MINOR;
		*patch_version = MPI_VERSION_PATCH;
	}
	ascendsim_mpi_log("hi_mpi_dvpp_get_version", ret, "major=%p, minor=%p, patch=%p",
			  (void *)major_version, (void *)minor_version, (void *)patch_version);
	return ret;
}

/* Channel epoll and CSC matrices are not simulated: documented, declared, refused. */
MPI_EXPORT hi_s32 hi_mpi_sys_create_epoll(hi_s32 size, hi_s32 *epoll_fd)
{
	ascendsim_mpi_log("hi_mpi_sys_create_epoll", HI_ERR_SYS_NOT_SUPPORT, "size=%d, epoll_fd=%p",
			  size, (void *)epoll_fd);
	return HI_ERR_SYS_NOT_SUPPORT;
}

MPI_EXPORT hi_s32 hi_mpi_sys_ctl_epoll(hi_s32 epoll_fd, hi_s32 operation, hi_s32 fd,
				       hi_dvpp_epoll_event *event)
{
	ascendsim_mpi_log("hi_mpi_sys_ctl_epoll", HI_ERR_SYS_NOT_SUPPORT,
			  "epoll_fd=%d, operation=%d, fd=%d, event=%p", epoll_fd, operation, fd,
			  (void *)event);
	return HI_ERR_SYS_NOT_SUPPORT;
}

MPI_EXPORT hi_s32 hi_mpi_sys_wait_epoll(hi_s32 epoll_fd, hi_dvpp_epoll_event *events,
					hi_s32 max_events, hi_s32 timeout, hi_s32 *event_num)
{
	ascendsim_mpi_log("hi_mpi_sys_wait_epoll", HI_ERR_SYS_NOT_SUPPORT,
			  "epoll_fd=%d, events=%p, max_events=%d, timeout=%d, event_num=%p",
			  epoll_fd, (void *)events, max_events, timeout, (void *)event_num);
	return HI_ERR_SYS_NOT_SUPPORT;
}

MPI_EXPORT hi_s32 hi_mpi_sys_close_epoll(hi_s32 epoll_fd)
{
	ascendsim_mpi_log("hi_mpi_sys_close_epoll", HI_ERR_SYS_NOT_SUPPORT, "epoll_fd=%d",
			  epoll_fd);
	return HI_ERR_SYS_NOT_SUPPORT;
}

MPI_EXPORT hi_s32 hi_mpi_sys_set_chn_csc_matrix(hi_mod_id mode, hi_s32 chn,
						hi_csc_matrix csc_matrix,
						hi_csc_coefficient *csc_coefficient)
{
	ascendsim_mpi_log("hi_mpi_sys_set_chn_csc_matrix", HI_ERR_SYS_NOT_SUPPORT,
			  "mode=%d, chn=%d, csc_matrix=%d, csc_coefficient=%p", (int)mode, chn,
			  (int)csc_matrix, (void *)csc_coefficient);
	return HI_ERR_SYS_NOT_SUPPORT;
}

MPI_EXPORT hi_s32 hi_mpi_sys_get_chn_csc_matrix(hi_mod_id mode, hi_s32 chn,
						hi_csc_matrix *csc_matrix,
						hi_csc_coefficient *csc_coefficient)
{
	ascendsim_mpi_log("hi_mpi_sys_get_chn_csc_matrix", HI_ERR_SYS_NOT_SUPPORT,
			  "mode=%d, chn=%d, csc_matrix=%p, csc_coefficient=%p", (int)mode, chn,
			  (void *)csc_matrix, (void *)csc_coefficient);
	return HI_ERR_SYS_NOT_SUPPORT;
}
