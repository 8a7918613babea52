/* SPDX-License-Identifier: MIT */
/*
 * Bytes a picture needs, by pixel format and strides (api-facts.md 5.4): YUV420SP is
 * widthStride x heightStride x 3/2, YUV422SP x 2, YUV444SP x 3, YUV400 and the packed and RGB
 * formats widthStride x heightStride (their width stride is already in bytes).
 */
#ifndef ACLTRACE_PICTURE_H
#define ACLTRACE_PICTURE_H

#include <stdbool.h>
#include <stdint.h>

struct acltrace_picture {
	uint64_t addr;
	uint32_t size; /* the buffer size the description declares */
	uint32_t width, height;
	uint32_t width_stride, height_stride;
	int32_t format;
};

/*
 * The shadow of the picture and stream descriptions, keyed by the description's address: the
 * setters record each field, so a check needs no call into the runtime (which would show in its
 * call log). Creation and destruction forget a description.
 */
enum acltrace_picture_field {
	ACLTRACE_PIC_DATA = 0,
	ACLTRACE_PIC_SIZE,
	ACLTRACE_PIC_FORMAT,
	ACLTRACE_PIC_WIDTH,
	ACLTRACE_PIC_HEIGHT,
	ACLTRACE_PIC_WIDTH_STRIDE,
	ACLTRACE_PIC_HEIGHT_STRIDE,
};

/* desc was created (fresh: every field 0) or destroyed (known no more). */
void acltrace_picture_forget(const void *desc, bool created);
void acltrace_picture_set(const void *desc, unsigned field, uint64_t value);
/* The fields of desc as its setters left them; false when desc is not known. */
bool acltrace_picture_get(const void *desc, struct acltrace_picture *out);
/* A forked child: the lock may have been held by a thread that does not exist there. */
void acltrace_picture_atfork_child(void);

/*
 * Size of the picture in bytes by its format and strides; 0 when the format is not one whose
 * layout is documented (the caller then checks the declared size only).
 */
uint64_t acltrace_picture_bytes(int32_t format, uint32_t width_stride, uint32_t height_stride);
/* The documented format name, or "format N". */
const char *acltrace_picture_format_name(int32_t format);

#endif
