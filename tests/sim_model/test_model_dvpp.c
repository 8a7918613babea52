/* SPDX-License-Identifier: MIT */
/*
 * A model fed straight from DVPP memory, without a copy to aclrtMalloc memory (what pipelines
 * do with decoder/VPC output): acldvppMalloc (V1) and hi_mpi_dvpp_malloc (V2) buffers as model
 * inputs and outputs. Built with HAVE_DVPP_V1 / HAVE_DVPP_V2 when those libraries exist.
 * argv[1]: the fixture's model directory.
 */
#include "acl/acl.h"

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#ifdef HAVE_DVPP_V1
#include "acl/ops/acl_dvpp.h"
#endif
#ifdef HAVE_DVPP_V2
#include "acl/dvpp/hi_dvpp.h"
#endif
#include "model_test_cmocka.h"
#include "model_test_io.h"
#include "model_test_util.h"

#ifdef HAVE_DVPP_V1
static void *v1_alloc(size_t size)
{
	void *p = NULL;

	assert_int_equal(acldvppMalloc(&p, size), ACL_SUCCESS);
	assert_non_null(p);
	return p;
}

static void v1_release(void *p)
{
	assert_int_equal(acldvppFree(p), ACL_SUCCESS);
}

static const struct io_alloc io_v1 = { v1_alloc, v1_release };
#endif

#ifdef HAVE_DVPP_V2
static void *v2_alloc(size_t size)
{
	hi_void *p = NULL;

	assert_int_equal(hi_mpi_dvpp_malloc(0, &p, size), HI_SUCCESS);
	assert_non_null(p);
	return p;
}

static void v2_release(void *p)
{
	assert_int_equal(hi_mpi_dvpp_free(p), HI_SUCCESS);
}

static const struct io_alloc io_v2 = { v2_alloc, v2_release };
#endif

static aclrtStream stream;

static int setup(void **state)
{
	(void)state;
	if (aclInit(NULL) != ACL_SUCCESS || aclrtSetDevice(0) != ACL_SUCCESS ||
	    aclrtCreateStream(&stream) != ACL_SUCCESS)
		return -1;
#ifdef HAVE_DVPP_V2
	if (hi_mpi_sys_init() != HI_SUCCESS)
		return -1;
#endif
	return 0;
}

static int teardown(void **state)
{
	(void)state;
#ifdef HAVE_DVPP_V2
	hi_mpi_sys_exit();
#endif
	aclrtDestroyStream(stream);
	aclrtResetDevice(0);
	aclFinalize();
	return 0;
}

/* Inputs from in_mem, outputs from out_mem; synchronous and asynchronous execution. */
static void run_from(const struct io_alloc *in_mem, const struct io_alloc *out_mem, unsigned seed)
{
	uint32_t id = 0;
	struct io in, out;
	uint8_t rec[MAX_REC];

	assert_int_equal(aclmdlLoadFromFile(acltrace_test_model_path("stats.om"), &id),
			 ACL_SUCCESS);
	io_make_with(&in, stats_in, 2, seed, in_mem);
	io_make_with(&out, stats_out, 2, 0, out_mem);
	assert_int_equal(aclmdlExecute(id, in.ds, out.ds), ACL_SUCCESS);
	size_t rec_len = expected(&in, NULL, rec);
	check_outputs(&out, rec, rec_len);

	/* Again on a stream, into cleared outputs. */
	for (size_t i = 0; i < out.n; i++)
		assert_int_equal(aclrtMemset(out.dev[i], out.size[i], 0, out.size[i]), ACL_SUCCESS);
	assert_int_equal(aclmdlExecuteAsync(id, in.ds, out.ds, stream), ACL_SUCCESS);
	assert_int_equal(aclrtSynchronizeStream(stream), ACL_SUCCESS);
	check_outputs(&out, rec, rec_len);

	io_free(&in);
	io_free(&out);
	assert_int_equal(aclmdlUnload(id), ACL_SUCCESS);
}

#ifdef HAVE_DVPP_V1
static void test_v1_buffers(void **state)
{
	(void)state;
	run_from(&io_v1, &io_device, 21);
	run_from(&io_v1, &io_v1, 22);
}

static void test_v1_freed_buffer_rejected(void **state)
{
	uint32_t id = 0;
	struct io in, out;
	(void)state;

	assert_int_equal(aclmdlLoadFromFile(acltrace_test_model_path("stats.om"), &id),
			 ACL_SUCCESS);
	io_make_with(&in, stats_in, 2, 23, &io_v1);
	io_make(&out, stats_out, 2, 0);
	assert_int_equal(acldvppFree(in.dev[1]), ACL_SUCCESS);
	assert_int_equal(aclmdlExecute(id, in.ds, out.ds),
			 (aclError)ACL_ERROR_GE_EXEC_MODEL_ADDR_INVALID);
	in.dev[1] = NULL;
	io_free(&in);
	io_free(&out);
	assert_int_equal(aclmdlUnload(id), ACL_SUCCESS);
}
#endif

#if defined(HAVE_DVPP_V1) || defined(HAVE_DVPP_V2)
/* A 64x64 NV12 picture with a gradient, in DVPP memory. */
#define SRC_W		64
#define SRC_H		64
#define DST_W		32
#define DST_H		32
#define NV12_SIZE(w, h) ((size_t)(w) * (h)*3 / 2)

static void fill_picture(void *dvpp)
{
	uint8_t host[NV12_SIZE(SRC_W, SRC_H)];

	for (size_t k = 0; k < sizeof(host); k++)
		host[k] = (uint8_t)((k % SRC_W) * 3 + (k / SRC_W) * 2);
	assert_int_equal(
	    aclrtMemcpy(dvpp, sizeof(host), host, sizeof(host), ACL_MEMCPY_HOST_TO_DEVICE),
	    ACL_SUCCESS);
}

/*
 * The model runs on a resize's output buffer, queued behind the resize on the same stream:
 * its result must be the computation over the resized picture, read back afterwards.
 */
static void check_model_on_picture(void *picture, struct io *out)
{
	uint8_t pixels[NV12_SIZE(DST_W, DST_H)];
	const uint8_t *inputs[1] = { pixels };
	const size_t sizes[1] = { sizeof(pixels) };
	uint8_t rec[MAX_REC];
	size_t nonzero = 0;

	assert_int_equal(
	    aclrtMemcpy(pixels, sizeof(pixels), picture, sizeof(pixels), ACL_MEMCPY_DEVICE_TO_HOST),
	    ACL_SUCCESS);
	for (size_t k = 0; k < sizeof(pixels); k++)
		nonzero += pixels[k] != 0;
	assert_true(nonzero > sizeof(pixels) / 2); /* the resize wrote a picture */
	size_t n = acltrace_test_expected_record(inputs, sizes, 1, 1, NULL, 0, rec, sizeof(rec));
	check_outputs(out, rec, n);
}

static void model_on(uint32_t *id, void *picture, struct io *out, aclmdlDataset **in)
{
	const size_t out_size[1] = { PIC_OUT0 };

	assert_int_equal(aclmdlLoadFromFile(acltrace_test_model_path("picture.om"), id),
			 ACL_SUCCESS);
	io_make(out, out_size, 1, 0);
	*in = aclmdlCreateDataset();
	assert_non_null(*in);
	aclDataBuffer *b = aclCreateDataBuffer(picture, NV12_SIZE(DST_W, DST_H));
	assert_non_null(b);
	assert_int_equal(aclmdlAddDatasetBuffer(*in, b), ACL_SUCCESS);
}

static void model_done(uint32_t id, struct io *out, aclmdlDataset *in)
{
	assert_int_equal(aclDestroyDataBuffer(aclmdlGetDatasetBuffer(in, 0)), ACL_SUCCESS);
	assert_int_equal(aclmdlDestroyDataset(in), ACL_SUCCESS);
	io_free(out);
	assert_int_equal(aclmdlUnload(id), ACL_SUCCESS);
}

#endif

#ifdef HAVE_DVPP_V1
static void set_pic(acldvppPicDesc *d, void *data, uint32_t w, uint32_t h)
{
	assert_int_equal(acldvppSetPicDescData(d, data), ACL_SUCCESS);
	assert_int_equal(acldvppSetPicDescSize(d, (uint32_t)NV12_SIZE(w, h)), ACL_SUCCESS);
	assert_int_equal(acldvppSetPicDescFormat(d, PIXEL_FORMAT_YUV_SEMIPLANAR_420), ACL_SUCCESS);
	assert_int_equal(acldvppSetPicDescWidth(d, w), ACL_SUCCESS);
	assert_int_equal(acldvppSetPicDescHeight(d, h), ACL_SUCCESS);
	assert_int_equal(acldvppSetPicDescWidthStride(d, w), ACL_SUCCESS);
	assert_int_equal(acldvppSetPicDescHeightStride(d, h), ACL_SUCCESS);
}

static void test_v1_resize_output_feeds_model(void **state)
{
	void *src = v1_alloc(NV12_SIZE(SRC_W, SRC_H));
	void *dst = v1_alloc(NV12_SIZE(DST_W, DST_H));
	acldvppChannelDesc *chn = acldvppCreateChannelDesc();
	acldvppPicDesc *in_desc = acldvppCreatePicDesc();
	acldvppPicDesc *out_desc = acldvppCreatePicDesc();
	acldvppResizeConfig *cfg = acldvppCreateResizeConfig();
	aclmdlDataset *in = NULL;
	struct io out;
	uint32_t id = 0;
	(void)state;

	assert_non_null(chn);
	assert_non_null(in_desc);
	assert_non_null(out_desc);
	assert_non_null(cfg);
	assert_int_equal(acldvppSetChannelDescMode(chn, DVPP_CHNMODE_VPC), ACL_SUCCESS);
	assert_int_equal(acldvppCreateChannel(chn), ACL_SUCCESS);
	fill_picture(src);
	assert_int_equal(aclrtMemset(dst, NV12_SIZE(DST_W, DST_H), 0, NV12_SIZE(DST_W, DST_H)),
			 ACL_SUCCESS);
	set_pic(in_desc, src, SRC_W, SRC_H);
	set_pic(out_desc, dst, DST_W, DST_H);
	model_on(&id, dst, &out, &in);

	assert_int_equal(acldvppVpcResizeAsync(chn, in_desc, out_desc, cfg, stream), ACL_SUCCESS);
	assert_int_equal(aclmdlExecuteAsync(id, in, out.ds, stream), ACL_SUCCESS);
	assert_int_equal(aclrtSynchronizeStream(stream), ACL_SUCCESS);
	check_model_on_picture(dst, &out);

	model_done(id, &out, in);
	assert_int_equal(acldvppDestroyResizeConfig(cfg), ACL_SUCCESS);
	assert_int_equal(acldvppDestroyPicDesc(in_desc), ACL_SUCCESS);
	assert_int_equal(acldvppDestroyPicDesc(out_desc), ACL_SUCCESS);
	assert_int_equal(acldvppDestroyChannel(chn), ACL_SUCCESS);
	assert_int_equal(acldvppDestroyChannelDesc(chn), ACL_SUCCESS);
	v1_release(src);
	v1_release(dst);
}
#endif

#ifdef HAVE_DVPP_V2
static void test_v2_buffers(void **state)
{
	(void)state;
	run_from(&io_v2, &io_device, 31);
	run_from(&io_v2, &io_v2, 32);
}

static hi_vpc_pic_info v2_pic(void *data, uint32_t w, uint32_t h)
{
	hi_vpc_pic_info p;

	memset(&p, 0, sizeof(p));
	p.picture_address = data;
	p.picture_buffer_size = (hi_u32)NV12_SIZE(w, h);
	p.picture_width = w;
	p.picture_height = h;
	p.picture_width_stride = w;
	p.picture_height_stride = h;
	p.picture_format = HI_PIXEL_FORMAT_YUV_SEMIPLANAR_420;
	return p;
}

static void test_v2_resize_output_feeds_model(void **state)
{
	void *src = v2_alloc(NV12_SIZE(SRC_W, SRC_H));
	void *dst = v2_alloc(NV12_SIZE(DST_W, DST_H));
	hi_vpc_chn_attr attr;
	hi_vpc_chn chn = -1;
	hi_u32 task = 0;
	aclmdlDataset *in = NULL;
	struct io out;
	uint32_t id = 0;
	(void)state;

	memset(&attr, 0, sizeof(attr));
	assert_int_equal(hi_mpi_vpc_sys_create_chn(&chn, &attr), HI_SUCCESS);
	fill_picture(src);
	assert_int_equal(aclrtMemset(dst, NV12_SIZE(DST_W, DST_H), 0, NV12_SIZE(DST_W, DST_H)),
			 ACL_SUCCESS);
	hi_vpc_pic_info in_pic = v2_pic(src, SRC_W, SRC_H);
	hi_vpc_pic_info out_pic = v2_pic(dst, DST_W, DST_H);
	model_on(&id, dst, &out, &in);

	assert_int_equal(hi_mpi_vpc_resize(chn, &in_pic, &out_pic, 0, 0, 0, &task, -1), HI_SUCCESS);
	assert_int_equal(hi_mpi_vpc_get_process_result(chn, task, -1), HI_SUCCESS);
	assert_int_equal(aclmdlExecuteAsync(id, in, out.ds, stream), ACL_SUCCESS);
	assert_int_equal(aclrtSynchronizeStream(stream), ACL_SUCCESS);
	check_model_on_picture(dst, &out);

	model_done(id, &out, in);
	assert_int_equal(hi_mpi_vpc_destroy_chn(chn), HI_SUCCESS);
	v2_release(src);
	v2_release(dst);
}
#endif

static void test_device_buffers(void **state)
{
	(void)state;
	run_from(&io_device, &io_device, 41);
}

int main(int argc, char **argv)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_device_buffers),
#ifdef HAVE_DVPP_V1
		cmocka_unit_test(test_v1_buffers),
		cmocka_unit_test(test_v1_freed_buffer_rejected),
		cmocka_unit_test(test_v1_resize_output_feeds_model),
#endif
#ifdef HAVE_DVPP_V2
		cmocka_unit_test(test_v2_buffers),
		cmocka_unit_test(test_v2_resize_output_feeds_model),
#endif
	};

	if (argc > 1)
		acltrace_test_model_dir = argv[1];
	return cmocka_run_group_tests(tests, setup, teardown);
}
