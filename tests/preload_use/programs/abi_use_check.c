/* SPDX-License-Identifier: MIT */
/*
 * The use-site prototypes of the hook table, spelled with the runtime headers' own types, must
 * redeclare exactly what those headers declare (a mismatch is a "conflicting types" error), and
 * the HiMPI structures the preload re-types (abi_use_layout.c) must have the runtime's layout.
 */
#define ENABLE_DVPP_INTERFACE
#include <acl/acl.h>
#include <acl/dvpp/hi_dvpp.h>
#include <acl/ops/acl_dvpp.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/types.h>

/* Keep the USE lines; expand the others to nothing. */
#define ABI_SECOND(a, b, ...) b
#define ABI_IS_PROBE(...)     ABI_SECOND(__VA_ARGS__, 0, )
#define ABI_PROBE             ~, 1,
#define ABI_CAT(a, b)         ABI_CAT_(a, b)
#define ABI_CAT_(a, b)        a##b
#define ABI_KIND_USE          ABI_PROBE
#define ABI_IF_1(x)           x
#define ABI_IF_0(x)
#define ABI_WHEN(kind)              ABI_CAT(ABI_IF_, ABI_IS_PROBE(ABI_KIND_##kind))
#define ABI_DECL(ret, name, params) ret name params;
#define HOOK(ret, name, params, args, lib, missing, kind, kargs)                                  \
	ABI_WHEN(kind)(ABI_DECL(ret, name, params))
#define HOOK_NORET(name, params, args, lib)
#include "acltrace_hooks.def"

size_t acltrace_abi_layout(unsigned what);

static const size_t runtime_layout[] = {
	sizeof(hi_vpc_pic_info),
	offsetof(hi_vpc_pic_info, picture_format),
	sizeof(hi_vpc_crop_region_info),
	sizeof(hi_vpc_crop_resize_region),
	sizeof(hi_vpc_crop_resize_paste_region),
	sizeof(hi_vpc_crop_resize_border_region),
	sizeof(hi_vpc_crop_resize_resize_paste_region),
	sizeof(hi_vpc_make_border_info),
	sizeof(hi_vdec_stream),
	offsetof(hi_vdec_stream, addr),
	offsetof(hi_vdec_stream, len),
	sizeof(hi_vdec_pic_info),
	offsetof(hi_vdec_pic_info, vir_addr),
	offsetof(hi_vdec_pic_info, buffer_size),
	offsetof(hi_video_frame_info, v_frame.virt_addr),
	offsetof(hi_video_frame_info, v_frame.width_stride),
};

int main(void)
{
	int bad = 0;

	for (unsigned i = 0; i < sizeof(runtime_layout) / sizeof(runtime_layout[0]); i++) {
		if (acltrace_abi_layout(i) != runtime_layout[i]) {
			printf("layout item %u: preload %zu, runtime %zu\n", i, acltrace_abi_layout(i),
			       runtime_layout[i]);
			bad = 1;
		}
	}
	puts(bad ? "layouts differ from the runtime's" : "ok");
	return bad;
}
