// SPDX-License-Identifier: MIT
// A DVPP V2 program written the way CANN C++ applications are: JPEG file -> hi_mpi_vdec (JPEG)
// into hi_mpi_dvpp_malloc memory -> hi_mpi_vpc_resize to 224x224 -> hi_mpi_vpc_convert_color to
// RGB -> host. It checks itself: the resized picture's mean colour must match the full picture's.
// Usage: v2_sample INPUT.jpg
#include "acl/acl.h"
#include "acl/dvpp/hi_dvpp.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iterator>
#include <vector>

namespace {

constexpr hi_u32 kModelW = 224;
constexpr hi_u32 kModelH = 224;

#define CHECK(expr)                                                                             \
	do {                                                                                    \
		long long ret_ = (long long)(expr);                                             \
		if (ret_ != 0) {                                                                \
			std::fprintf(stderr, "%s failed: %#llx\n", #expr, ret_ & 0xffffffffLL); \
			std::exit(1);                                                           \
		}                                                                               \
	} while (0)

void *DvppAlloc(hi_u64 size)
{
	void *p = nullptr;
	CHECK(hi_mpi_dvpp_malloc(0, &p, size));
	return p;
}

// VPC colour conversion of a YUV420SP picture to RGB888, copied to the host.
std::vector<unsigned char> ToRgb(hi_vpc_chn chn, const hi_vpc_pic_info &yuv)
{
	hi_vpc_pic_info rgb{};
	rgb.picture_width = yuv.picture_width;
	rgb.picture_height = yuv.picture_height;
	rgb.picture_width_stride = yuv.picture_width * 3;
	rgb.picture_height_stride = yuv.picture_height;
	rgb.picture_format = HI_PIXEL_FORMAT_RGB_888;
	rgb.picture_buffer_size = rgb.picture_width_stride * rgb.picture_height_stride;
	rgb.picture_address = DvppAlloc(rgb.picture_buffer_size);
	hi_u32 task = 0;
	CHECK(hi_mpi_vpc_convert_color(chn, &yuv, &rgb, &task, -1));
	CHECK(hi_mpi_vpc_get_process_result(chn, task, -1));
	std::vector<unsigned char> host(rgb.picture_buffer_size);
	CHECK(aclrtMemcpy(host.data(), host.size(), rgb.picture_address, host.size(),
			  ACL_MEMCPY_DEVICE_TO_HOST));
	CHECK(hi_mpi_dvpp_free(rgb.picture_address));
	return host;
}

void Mean(const std::vector<unsigned char> &rgb, double out[3])
{
	out[0] = out[1] = out[2] = 0;
	for (size_t i = 0; i < rgb.size(); i++)
		out[i % 3] += rgb[i];
	for (int k = 0; k < 3; k++)
		out[k] /= rgb.size() / 3.0;
}

} // namespace

int main(int argc, char **argv)
{
	if (argc != 2) {
		std::fprintf(stderr, "usage: %s INPUT.jpg\n", argv[0]);
		return 2;
	}
	std::ifstream file(argv[1], std::ios::binary);
	std::vector<char> jpeg((std::istreambuf_iterator<char>(file)),
			       std::istreambuf_iterator<char>());
	if (jpeg.empty()) {
		std::fprintf(stderr, "cannot read %s\n", argv[1]);
		return 2;
	}

	CHECK(aclInit(nullptr));
	CHECK(aclrtSetDevice(0));
	CHECK(hi_mpi_sys_init());

	// The stream goes to DVPP memory, as the decoder requires.
	void *in = DvppAlloc(jpeg.size());
	CHECK(aclrtMemcpy(in, jpeg.size(), jpeg.data(), jpeg.size(), ACL_MEMCPY_HOST_TO_DEVICE));
	hi_vdec_stream stream{};
	stream.addr = static_cast<hi_u8 *>(in);
	stream.len = static_cast<hi_u32>(jpeg.size());
	stream.end_of_frame = HI_TRUE;
	hi_img_info info{};
	CHECK(hi_mpi_dvpp_get_image_info(HI_PT_JPEG, &stream, &info));

	hi_vdec_chn_attr attr{};
	attr.type = HI_PT_JPEG;
	attr.mode = HI_VDEC_SEND_MODE_FRAME;
	attr.pic_width = info.width;
	attr.pic_height = info.height;
	const hi_vdec_chn vdec = 0;
	CHECK(hi_mpi_vdec_create_chn(vdec, &attr));
	CHECK(hi_mpi_vdec_start_recv_stream(vdec));

	hi_vdec_pic_info out{};
	out.width = info.width;
	out.height = info.height;
	out.width_stride = info.width_stride;
	out.height_stride = info.height_stride;
	out.buffer_size = info.img_buf_size;
	out.pixel_format = HI_PIXEL_FORMAT_YUV_SEMIPLANAR_420;
	out.vir_addr = reinterpret_cast<hi_u64>(DvppAlloc(info.img_buf_size));
	CHECK(hi_mpi_vdec_send_stream(vdec, &stream, &out, 1000));

	hi_video_frame_info frame{};
	hi_vdec_supplement_info supplement{};
	hi_vdec_stream done{};
	CHECK(hi_mpi_vdec_get_frame(vdec, &frame, &supplement, &done, 1000));
	CHECK(frame.v_frame.frame_flag);

	hi_vpc_chn vpc = 0;
	hi_vpc_chn_attr vpc_attr{};
	vpc_attr.pic_width = info.width;
	vpc_attr.pic_height = info.height;
	CHECK(hi_mpi_vpc_sys_create_chn(&vpc, &vpc_attr));

	hi_vpc_pic_info decoded{};
	decoded.picture_address = frame.v_frame.virt_addr[0];
	decoded.picture_buffer_size = info.img_buf_size;
	decoded.picture_width = frame.v_frame.width & ~1u;
	decoded.picture_height = frame.v_frame.height & ~1u;
	decoded.picture_width_stride = frame.v_frame.width_stride[0];
	decoded.picture_height_stride = frame.v_frame.height_stride[0];
	decoded.picture_format = frame.v_frame.pixel_format;

	hi_vpc_pic_info resized{};
	resized.picture_width = kModelW;
	resized.picture_height = kModelH;
	resized.picture_width_stride = kModelW;
	resized.picture_height_stride = kModelH;
	resized.picture_format = HI_PIXEL_FORMAT_YUV_SEMIPLANAR_420;
	resized.picture_buffer_size = kModelW * kModelH * 3 / 2;
	resized.picture_address = DvppAlloc(resized.picture_buffer_size);
	hi_u32 task = 0;
	CHECK(hi_mpi_vpc_resize(vpc, &decoded, &resized, 0, 0, 0, &task, -1));
	CHECK(hi_mpi_vpc_get_process_result(vpc, task, -1));

	double full[3], small[3];
	Mean(ToRgb(vpc, decoded), full);
	Mean(ToRgb(vpc, resized), small);
	std::printf(
	    "decoded %ux%u, mean RGB %.1f %.1f %.1f; resized %ux%u, mean RGB %.1f %.1f %.1f\n",
	    info.width, info.height, full[0], full[1], full[2], kModelW, kModelH, small[0],
	    small[1], small[2]);
	int bad = 0;
	for (int k = 0; k < 3; k++)
		bad |= std::fabs(full[k] - small[k]) > 3.0;

	CHECK(hi_mpi_vdec_release_frame(vdec, &frame));
	CHECK(hi_mpi_vdec_stop_recv_stream(vdec));
	CHECK(hi_mpi_vdec_destroy_chn(vdec));
	CHECK(hi_mpi_vpc_destroy_chn(vpc));
	CHECK(hi_mpi_dvpp_free(resized.picture_address));
	CHECK(hi_mpi_dvpp_free(reinterpret_cast<void *>(out.vir_addr)));
	CHECK(hi_mpi_dvpp_free(in));
	CHECK(hi_mpi_sys_exit());
	CHECK(aclrtResetDevice(0));
	CHECK(aclFinalize());
	return bad;
}
