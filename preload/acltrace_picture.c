/* SPDX-License-Identifier: MIT */
#include "acltrace_picture.h"

#include <pthread.h>

#define SHADOW_SLOTS 65536u /* descriptions known at once; beyond, checks read the runtime's */
#define SLOT_TOMB    1u

struct shadow {
	uintptr_t desc; /* 0 empty, SLOT_TOMB deleted */
	struct acltrace_picture pic;
};

static struct shadow shadows[SHADOW_SLOTS];
static uint32_t shadow_used;
static pthread_mutex_t shadow_lock = PTHREAD_MUTEX_INITIALIZER;

static uint32_t slot_hash(uintptr_t desc)
{
	return (uint32_t)(((uint64_t)desc >> 4) * 0x9e3779b97f4a7c15ull >> 40) % SHADOW_SLOTS;
}

/* The slot of desc; with create, a free one for it (NULL when the table is full). */
static struct shadow *slot_of(uintptr_t desc, bool create)
{
	struct shadow *free_slot = NULL;

	for (uint32_t n = 0, i = slot_hash(desc); n < SHADOW_SLOTS;
	     n++, i = (i + 1) % SHADOW_SLOTS) {
		struct shadow *x = &shadows[i];

		if (x->desc == desc)
			return x;
		if (x->desc == SLOT_TOMB && !free_slot)
			free_slot = x;
		if (x->desc == 0) {
			if (!free_slot)
				free_slot = x;
			break;
		}
	}
	if (!create || !free_slot || shadow_used >= SHADOW_SLOTS * 3 / 4)
		return NULL;
	if (free_slot->desc == 0)
		shadow_used++;
	free_slot->desc = desc;
	free_slot->pic = (struct acltrace_picture){ 0 };
	return free_slot;
}

void acltrace_picture_forget(const void *desc, bool created)
{
	struct shadow *x;

	if (!desc)
		return;
	pthread_mutex_lock(&shadow_lock);
	x = slot_of((uintptr_t)desc, created);
	if (x && created)
		x->pic = (struct acltrace_picture){ 0 };
	else if (x)
		x->desc = SLOT_TOMB;
	pthread_mutex_unlock(&shadow_lock);
}

void acltrace_picture_set(const void *desc, unsigned field, uint64_t value)
{
	struct shadow *x;

	if (!desc)
		return;
	pthread_mutex_lock(&shadow_lock);
	x = slot_of((uintptr_t)desc, true);
	if (x) {
		switch (field) {
		case ACLTRACE_PIC_DATA:
			x->pic.addr = value;
			break;
		case ACLTRACE_PIC_SIZE:
			x->pic.size = (uint32_t)value;
			break;
		case ACLTRACE_PIC_FORMAT:
			x->pic.format = (int32_t)value;
			break;
		case ACLTRACE_PIC_WIDTH:
			x->pic.width = (uint32_t)value;
			break;
		case ACLTRACE_PIC_HEIGHT:
			x->pic.height = (uint32_t)value;
			break;
		case ACLTRACE_PIC_WIDTH_STRIDE:
			x->pic.width_stride = (uint32_t)value;
			break;
		case ACLTRACE_PIC_HEIGHT_STRIDE:
			x->pic.height_stride = (uint32_t)value;
			break;
		default:
			break;
		}
	}
	pthread_mutex_unlock(&shadow_lock);
}

void acltrace_picture_atfork_child(void)
{
	pthread_mutex_init(&shadow_lock, NULL);
}

bool acltrace_picture_get(const void *desc, struct acltrace_picture *out)
{
	struct shadow *x;

	if (!desc)
		return false;
	pthread_mutex_lock(&shadow_lock);
	x = slot_of((uintptr_t)desc, false);
	if (x)
		*out = x->pic;
	pthread_mutex_unlock(&shadow_lock);
	return x != NULL;
}

/* Size of a picture of format f, as twice the bytes per stride pixel (api-facts.md 2.5, 5.4). */
static unsigned size_x2(int32_t f)
{
	switch (f) {
	case 0: /* YUV400 */
		return 2;
	case 1:
	case 2: /* YUV/YVU semi-planar 420 (NV12, NV21) */
	case 18:
	case 19: /* 10-bit semi-planar 420 */
	case 20: /* YVU planar 420 */
	case 1000:
	case 1001: /* semi-planar 440 */
		return 3;
	case 3:
	case 4:	 /* semi-planar 422 */
	case 21: /* planar 422 */
		return 4;
	case 5:
	case 6:	 /* semi-planar 444 */
	case 22: /* planar 444 */
		return 6;
	case 7:
	case 8:
	case 9:
	case 10: /* packed 422: stride counts bytes */
	case 11: /* packed 444 */
	case 12:
	case 13: /* RGB888, BGR888 */
	case 14:
	case 15:
	case 16:
	case 17: /* 32-bit RGB */
		return 2;
	default:
		return 0;
	}
}

uint64_t acltrace_picture_bytes(int32_t format, uint32_t width_stride, uint32_t height_stride)
{
	return (uint64_t)width_stride * height_stride * size_x2(format) / 2;
}

const char *acltrace_picture_format_name(int32_t format)
{
	static const char *const names[] = {
		"YUV400",	  "YUV420SP (NV12)", "YVU420SP (NV21)", "YUV422SP",
		"YVU422SP",	  "YUV444SP",	     "YVU444SP",	"YUYV422 packed",
		"UYVY422 packed", "YVYU422 packed",  "VYUY422 packed",	"YUV444 packed",
		"RGB888",	  "BGR888",	     "ARGB8888",	"ABGR8888",
		"RGBA8888",	  "BGRA8888",
	};
	if (format >= 0 && (unsigned)format < sizeof(names) / sizeof(names[0]))
		return names[format];
	return "a format without a size rule";
}
