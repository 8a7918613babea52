/* SPDX-License-Identifier: MIT */
/*
 * aclrtMemset and aclrtMemcpy (1-D and 2-D, synchronous and on a stream). The direction is taken
 * from the addresses, as current CANN does; memory inside the simulated windows must be live
 * (the driver refuses unmapped SVM addresses), host memory outside them is the caller's.
 */
#include "ascendsim_rt.h"

#include <stdlib.h>
#include <string.h>

enum copy_op { COPY_SET, COPY_1D, COPY_2D };

struct copy {
	enum copy_op op;
	void *dst;
	const void *src;
	int value;
	size_t count; /* COPY_SET, COPY_1D */
	size_t dpitch, spitch, width, height;
};

/* The bytes a 2-D copy touches on one side: (height - 1) * pitch + width. */
static size_t span_2d(size_t pitch, size_t width, size_t height)
{
	return (height - 1) * pitch + width;
}

static bool copy_usable(const struct copy *c)
{
	switch (c->op) {
	case COPY_SET:
		return ascendsim_range_usable(c->dst, c->count);
	case COPY_1D:
		return ascendsim_range_usable(c->dst, c->count) &&
		       ascendsim_range_usable(c->src, c->count);
	case COPY_2D:
		return ascendsim_range_usable(c->dst, span_2d(c->dpitch, c->width, c->height)) &&
		       ascendsim_range_usable(c->src, span_2d(c->spitch, c->width, c->height));
	}
	return false;
}

static aclError copy_run(const struct copy *c)
{
	if (!copy_usable(c))
		return ACL_ERROR_RT_DRV_INTERNAL_ERROR;
	switch (c->op) {
	case COPY_SET:
		memset(c->dst, c->value, c->count);
		break;
	case COPY_1D:
		memmove(c->dst, c->src, c->count);
		break;
	case COPY_2D:
		for (size_t row = 0; row < c->height; row++)
			memmove((char *)c->dst + row * c->dpitch,
				(const char *)c->src + row * c->spitch, c->width);
		break;
	}
	return ACL_SUCCESS;
}

static int copy_task(void *arg)
{
	return copy_run(arg);
}

/* Runs now, or queues on the stream (re-checked when the task runs: memory may be gone). */
static aclError copy_do(const char *api, const struct copy *c, bool async, aclrtStream stream)
{
	struct ascendsim_stream *s;
	struct copy *task;
	aclError ret;

	if (!copy_usable(c))
		return ascendsim_error(ACL_ERROR_RT_DRV_INTERNAL_ERROR,
				       "%s: the range at dst %p or src %p is not allocated memory",
				       api, c->dst, c->src);
	if (!async) {
		ret = copy_run(c);
		if (ret != ACL_SUCCESS)
			ascendsim_error(ret, "%s: memory went away during the copy", api);
		return ret;
	}
	ret = ascendsim_stream_resolve(stream, &s, true);
	if (ret != ACL_SUCCESS)
		return ascendsim_error(ret, "%s: stream %p is not usable", api, stream);
	task = malloc(sizeof(*task));
	if (task == NULL)
		return ascendsim_error(ACL_ERROR_RT_RESOURCE_ALLOC_FAIL, "%s: out of memory", api);
	*task = *c;
	ret = ascendsim_stream_submit_to(s, copy_task, task, free);
	if (ret != ACL_SUCCESS) {
		free(task);
		ascendsim_error(ret, "%s: cannot queue the task", api);
	}
	return ret;
}

static bool kind_ok(aclrtMemcpyKind kind)
{
	return (unsigned)kind <= ACL_MEMCPY_INTER_DEVICE_TO_DEVICE;
}

static aclError memset_common(const char *api, void *devPtr, size_t maxCount, int32_t value,
			      size_t count, bool async, aclrtStream stream)
{
	struct copy c = { .op = COPY_SET, .dst = devPtr, .value = value, .count = count };

	if (devPtr == NULL || count > maxCount)
		return ascendsim_error(ACL_ERROR_INVALID_PARAM,
				       "%s: devPtr is NULL or count %zu exceeds maxCount %zu", api,
				       count, maxCount);
	if (count == 0)
		return ACL_SUCCESS;
	return copy_do(api, &c, async, stream);
}

ACL_FUNC_VISIBILITY aclError aclrtMemset(void *devPtr, size_t maxCount, int32_t value, size_t count)
{
	aclError ret = memset_common("aclrtMemset", devPtr, maxCount, value, count, false, NULL);

	ASCENDSIM_LOG("aclrtMemset", "(devPtr=%p, maxCount=%zu, value=%d, count=%zu) = %d", devPtr,
		      maxCount, value, count, ret);
	return ret;
}

ACL_FUNC_VISIBILITY aclError aclrtMemsetAsync(void *devPtr, size_t maxCount, int32_t value,
					      size_t count, aclrtStream stream)
{
	aclError ret =
	    memset_common("aclrtMemsetAsync", devPtr, maxCount, value, count, true, stream);

	ASCENDSIM_LOG("aclrtMemsetAsync",
		      "(devPtr=%p, maxCount=%zu, value=%d, count=%zu, stream=%p) = %d", devPtr,
		      maxCount, value, count, stream, ret);
	return ret;
}

static aclError memcpy_common(const char *api, void *dst, size_t destMax, const void *src,
			      size_t count, aclrtMemcpyKind kind, bool async, aclrtStream stream)
{
	struct copy c = { .op = COPY_1D, .dst = dst, .src = src, .count = count };

	if (dst == NULL || src == NULL || count > destMax || !kind_ok(kind))
		return ascendsim_error(ACL_ERROR_INVALID_PARAM,
				       "%s: NULL pointer, count %zu exceeds destMax %zu or kind %d "
				       "is unknown",
				       api, count, destMax, (int)kind);
	if (count == 0)
		return ACL_SUCCESS;
	return copy_do(api, &c, async, stream);
}

ACL_FUNC_VISIBILITY aclError aclrtMemcpy(void *dst, size_t destMax, const void *src, size_t count,
					 aclrtMemcpyKind kind)
{
	aclError ret = memcpy_common("aclrtMemcpy", dst, destMax, src, count, kind, false, NULL);

	ASCENDSIM_LOG("aclrtMemcpy", "(dst=%p, destMax=%zu, src=%p, count=%zu, kind=%d) = %d", dst,
		      destMax, src, count, (int)kind, ret);
	return ret;
}

ACL_FUNC_VISIBILITY aclError aclrtMemcpyAsync(void *dst, size_t destMax, const void *src,
					      size_t count, aclrtMemcpyKind kind,
					      aclrtStream stream)
{
	aclError ret =
	    memcpy_common("aclrtMemcpyAsync", dst, destMax, src, count, kind, true, stream);

	ASCENDSIM_LOG("aclrtMemcpyAsync",
		      "(dst=%p, destMax=%zu, src=%p, count=%zu, kind=%d, stream=%p) = %d", dst,
		      destMax, src, count, (int)kind, stream, ret);
	return ret;
}

static aclError memcpy2d_common(const char *api, void *dst, size_t dpitch, const void *src,
				size_t spitch, size_t width, size_t height, aclrtMemcpyKind kind,
				bool async, aclrtStream stream)
{
	struct copy c = { .op = COPY_2D,
			  .dst = dst,
			  .src = src,
			  .dpitch = dpitch,
			  .spitch = spitch,
			  .width = width,
			  .height = height };

	if (dst == NULL || src == NULL || width == 0 || height == 0 || width > dpitch ||
	    width > spitch || !kind_ok(kind))
		return ascendsim_error(ACL_ERROR_INVALID_PARAM,
				       "%s: NULL pointer, empty copy, width %zu beyond dpitch %zu "
				       "or spitch %zu, or unknown kind %d",
				       api, width, dpitch, spitch, (int)kind);
	if ((height - 1) > (SIZE_MAX - width) / (dpitch > spitch ? dpitch : spitch))
		return ascendsim_error(ACL_ERROR_INVALID_PARAM, "%s: the copy overflows", api);
	return copy_do(api, &c, async, stream);
}

ACL_FUNC_VISIBILITY aclError aclrtMemcpy2d(void *dst, size_t dpitch, const void *src, size_t spitch,
					   size_t width, size_t height, aclrtMemcpyKind kind)
{
	aclError ret = memcpy2d_common("aclrtMemcpy2d", dst, dpitch, src, spitch, width, height,
				       kind, false, NULL);

	ASCENDSIM_LOG("aclrtMemcpy2d",
		      "(dst=%p, dpitch=%zu, src=%p, spitch=%zu, width=%zu, height=%zu, kind=%d) = "
		      "%d",
		      dst, dpitch, src, spitch, width, height, (int)kind, ret);
	return ret;
}

ACL_FUNC_VISIBILITY aclError aclrtMemcpy2dAsync(void *dst, size_t dpitch, const void *src,
						size_t spitch, size_t width, size_t height,
						aclrtMemcpyKind kind, aclrtStream stream)
{
	aclError ret = memcpy2d_common("aclrtMemcpy2dAsync", dst, dpitch, src, spitch, width,
				       height, kind, true, stream);

	ASCENDSIM_LOG("aclrtMemcpy2dAsync",
		      "(dst=%p, dpitch=%zu, src=%p, spitch=%zu, width=%zu, height=%zu, kind=%d, "
		      "stream=%p) = %d",
		      dst, dpitch, src, spitch, width, height, (int)kind, stream, ret);
	return ret;
}
