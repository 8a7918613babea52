/* SPDX-License-Identifier: MIT */
/*
 * Data buffers: (address, size) descriptors of caller-owned memory, plus the small aclFloat16
 * and data type helpers of acl_base.h. Live buffers are registered so that a stale or foreign
 * handle gets an error instead of a crash.
 */
#include "ascendsim_rt.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

struct aclDataBuffer {
	void *data;
	size_t size;
	struct aclDataBuffer *next;
};

static pthread_mutex_t buffers_lock = PTHREAD_MUTEX_INITIALIZER;
static struct aclDataBuffer *buffers;

/* Under buffers_lock. */
static bool buffer_is_live(const aclDataBuffer *b)
{
	for (const struct aclDataBuffer *it = buffers; it != NULL; it = it->next) {
		if (it == b)
			return true;
	}
	return false;
}

ACL_FUNC_VISIBILITY aclDataBuffer *aclCreateDataBuffer(void *data, size_t size)
{
	struct aclDataBuffer *b = calloc(1, sizeof(*b));

	if (b == NULL) {
		ascendsim_error(ACL_ERROR_BAD_ALLOC, "aclCreateDataBuffer: out of memory");
	} else {
		b->data = data;
		b->size = size;
		pthread_mutex_lock(&buffers_lock);
		b->next = buffers;
		buffers = b;
		pthread_mutex_unlock(&buffers_lock);
	}
	ASCENDSIM_LOG("aclCreateDataBuffer", "(data=%p, size=%zu) = %p", data, size, (void *)b);
	return b;
}

ACL_FUNC_VISIBILITY aclError aclDestroyDataBuffer(const aclDataBuffer *dataBuffer)
{
	aclError ret = ACL_ERROR_INVALID_PARAM;

	pthread_mutex_lock(&buffers_lock);
	for (struct aclDataBuffer **pp = &buffers; *pp != NULL; pp = &(*pp)->next) {
		if (*pp == dataBuffer) {
			struct aclDataBuffer *b = *pp;

			*pp = b->next;
			free(b);
			ret = ACL_SUCCESS;
			break;
		}
	}
	pthread_mutex_unlock(&buffers_lock);
	if (ret != ACL_SUCCESS)
		ascendsim_error(ret, "aclDestroyDataBuffer: %p is not a live data buffer",
				(const void *)dataBuffer);
	ASCENDSIM_LOG("aclDestroyDataBuffer", "(dataBuffer=%p) = %d", (const void *)dataBuffer,
		      ret);
	return ret;
}

ACL_FUNC_VISIBILITY aclError aclUpdateDataBuffer(aclDataBuffer *dataBuffer, void *data, size_t size)
{
	aclError ret = ACL_SUCCESS;

	pthread_mutex_lock(&buffers_lock);
	if (!buffer_is_live(dataBuffer)) {
		ret = ascendsim_error(ACL_ERROR_INVALID_PARAM,
				      "aclUpdateDataBuffer: %p is not a live data buffer",
				      (void *)dataBuffer);
	} else {
		dataBuffer->data = data;
		dataBuffer->size = size;
	}
	pthread_mutex_unlock(&buffers_lock);
	ASCENDSIM_LOG("aclUpdateDataBuffer", "(dataBuffer=%p, data=%p, size=%zu) = %d",
		      (void *)dataBuffer, data, size, ret);
	return ret;
}

bool ascendsim_data_buffer_read(const char *api, const aclDataBuffer *b, void **data, size_t *size)
{
	bool live;

	pthread_mutex_lock(&buffers_lock);
	live = buffer_is_live(b);
	if (live) {
		*data = b->data;
		*size = b->size;
	}
	pthread_mutex_unlock(&buffers_lock);
	if (!live)
		ascendsim_error(ACL_ERROR_INVALID_PARAM, "%s: %p is not a live data buffer", api,
				(const void *)b);
	return live;
}

ACL_FUNC_VISIBILITY void *aclGetDataBufferAddr(const aclDataBuffer *dataBuffer)
{
	void *data = NULL;
	size_t size = 0;

	ascendsim_data_buffer_read("aclGetDataBufferAddr", dataBuffer, &data, &size);
	ASCENDSIM_LOG("aclGetDataBufferAddr", "(dataBuffer=%p) = %p", (const void *)dataBuffer,
		      data);
	return data;
}

ACL_FUNC_VISIBILITY uint32_t aclGetDataBufferSize(const aclDataBuffer *dataBuffer)
{
	void *data = NULL;
	size_t size = 0;

	ascendsim_data_buffer_read("aclGetDataBufferSize", dataBuffer, &data, &size);
	ASCENDSIM_LOG("aclGetDataBufferSize", "(dataBuffer=%p) = %zu", (const void *)dataBuffer,
		      size);
	return size > UINT32_MAX ? UINT32_MAX : (uint32_t)size;
}

ACL_FUNC_VISIBILITY size_t aclGetDataBufferSizeV2(const aclDataBuffer *dataBuffer)
{
	void *data = NULL;
	size_t size = 0;

	ascendsim_data_buffer_read("aclGetDataBufferSizeV2", dataBuffer, &data, &size);
	ASCENDSIM_LOG("aclGetDataBufferSizeV2", "(dataBuffer=%p) = %zu", (const void *)dataBuffer,
		      size);
	return size;
}

ACL_FUNC_VISIBILITY size_t aclDataTypeSize(aclDataType dataType)
{
	switch (dataType) {
	case ACL_INT8:
	case ACL_UINT8:
	case ACL_BOOL:
		return 1;
	case ACL_FLOAT16:
	case ACL_INT16:
	case ACL_UINT16:
	case ACL_BF16:
		return 2;
	case ACL_FLOAT:
	case ACL_INT32:
	case ACL_UINT32:
		return 4;
	case ACL_INT64:
	case ACL_UINT64:
	case ACL_DOUBLE:
	case ACL_COMPLEX64:
		return 8;
	case ACL_COMPLEX128:
		return 16;
	default:
		return 0;
	}
}

/* IEEE 754 binary16, round to nearest even. */
ACL_FUNC_VISIBILITY aclFloat16 aclFloatToFloat16(float value)
{
	uint32_t x, sign, mant;
	int32_t exp;

	memcpy(&x, &value, sizeof(x));
	sign = (x >> 16) & 0x8000u;
	exp = (int32_t)((x >> 23) & 0xffu);
	mant = x & 0x7fffffu;
	if (exp == 0xff)
		return (aclFloat16)(sign | 0x7c00u | (mant ? 0x200u : 0u));
	exp = exp - 127 + 15;
	if (exp >= 0x1f)
		return (aclFloat16)(sign | 0x7c00u);
	if (exp <= 0) {
		uint32_t shift, half, rounded;

		if (exp < -10)
			return (aclFloat16)sign;
		mant |= 0x800000u;
		shift = (uint32_t)(14 - exp);
		half = 1u << (shift - 1);
		rounded = mant >> shift;
		if ((mant & ((1u << shift) - 1)) > half ||
		    ((mant & ((1u << shift) - 1)) == half && (rounded & 1u)))
			rounded++;
		return (aclFloat16)(sign | rounded);
	}
	{
		uint32_t h = sign | ((uint32_t)exp << 10) | (mant >> 13);
		uint32_t rest = mant & 0x1fffu;

		if (rest > 0x1000u || (rest == 0x1000u && (h & 1u)))
			h++; /* may carry into the exponent, which is the right result */
		return (aclFloat16)h;
	}
}

ACL_FUNC_VISIBILITY float aclFloat16ToFloat(aclFloat16 value)
{
	uint32_t sign = (uint32_t)(value & 0x8000u) << 16;
	uint32_t exp = (value >> 10) & 0x1fu, mant = value & 0x3ffu, x;
	float f;

	if (exp == 0) {
		f = ldexpf((float)mant, -24);
		return sign ? -f : f;
	}
	if (exp == 0x1f)
		x = sign | 0x7f800000u | (mant << 13);
	else
		x = sign | ((exp - 15 + 127) << 23) | (mant << 13);
	memcpy(&f, &x, sizeof(f));
	return f;
}
