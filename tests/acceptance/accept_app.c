/* SPDX-License-Identifier: MIT */
/*
 * An AscendCL application written the way CANN samples are, used as the acceptance test of the
 * simulated runtime. It compiles unmodified as C11 and as C++17 against an installed toolkit:
 *
 *   . $PREFIX/share/acltrace/ascend-sim/set_env.sh
 *   cc -DENABLE_DVPP_INTERFACE -I$ASCEND_HOME_PATH/runtime/include accept_app.c accept_ref.c \
 *      -L$ASCEND_HOME_PATH/runtime/lib64 -lascendcl -lacl_dvpp -lacl_dvpp_mpi -ljpeg -lm -pthread
 *
 * usage: accept_app PICTURE.jpg MODEL.om
 *
 * The pipeline: decode the JPEG with DVPP V1 (JPEGD), resize the picture with V1 (VPC) and with
 * V2 (hi_mpi_vpc_resize), run the model directly on the DVPP output (no copy), synchronously and
 * with aclmdlExecuteAsync, then decode a video stream with V1 (aclvdec, callbacks on a report
 * thread) and with V2 (hi_mpi_vdec_*). Every result is verified against references computed on
 * the host (accept_ref.c): libjpeg's decode, a bilinear resize, the decoders' documented
 * synthetic frames, the model's documented computation. Each check prints
 * "acceptance: PASS name" or "acceptance: FAIL name: why"; the exit status is 0 only when all
 * passed. ACCEPTANCE_FAULT (a compile-time number, 0 by default) plants one fault so that the
 * test can prove each check fails when it should.
 */
#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L
#endif

#include "accept_ref.h"

#include <acl/acl.h>
#include <acl/dvpp/hi_dvpp.h>
#include <acl/ops/acl_dvpp.h>
#include <errno.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#ifndef ACCEPTANCE_FAULT
#define ACCEPTANCE_FAULT 0
#endif
#define FAULT_DECODE_REF 1 /* compare the decode with the reference shifted by one row */
#define FAULT_RESIZE_REF 2 /* bilinear reference with a quarter-pixel centre shift */
#define FAULT_MODEL_COPY 3 /* feed the model a copy of the DVPP output */
#define FAULT_VIDEO_REF	 4 /* expected video frames from the stream minus its last byte */
#define FAULT_MODEL_REF	 5 /* model reference with one channel too many */

#ifdef __cplusplus
#define ACCEPT_LANGUAGE "C++"
#else
#define ACCEPT_LANGUAGE "C"
#endif

#if defined(__GNUC__)
#define ACCEPT_PRINTF(fmt, args) __attribute__((format(printf, fmt, args)))
#else
#define ACCEPT_PRINTF(fmt, args)
#endif

#define ACCEPT_ALIGN_UP(x, a)	 (((x) + (a)-1) / (a) * (a))
#define ACCEPT_NV12_SIZE(ws, hs) ((ws) * (hs)*3u / 2u)

#define DEVICE_ID	0
#define MODEL_WIDTH	224u
#define MODEL_HEIGHT	224u
#define VIDEO_WIDTH	176u
#define VIDEO_HEIGHT	144u
#define VIDEO_FRAMES	5
#define VDEC_V2_CHN	1
#define MAX_OUTPUTS	4
#define CALLBACK_WAIT_S 10
#define REPORT_WAIT_MS	100
/* Bilinear values are rounded to the nearest integer: 0.5 off at most, plus float noise. */
#define RESIZE_TOLERANCE 0.51

#define CHECK_ACL(call)                                                                     \
	do {                                                                                \
		aclError check_ret_ = (call);                                               \
		if (check_ret_ != ACL_SUCCESS) {                                            \
			fprintf(stderr, "acceptance: %s failed with %d (line %d)\n", #call, \
				(int)check_ret_, __LINE__);                                 \
			goto out;                                                           \
		}                                                                           \
	} while (0)

#define CHECK_HI(call)                                                                        \
	do {                                                                                  \
		hi_s32 check_ret_ = (call);                                                   \
		if (check_ret_ != HI_SUCCESS) {                                               \
			fprintf(stderr, "acceptance: %s failed with 0x%x (line %d)\n", #call, \
				(unsigned)check_ret_, __LINE__);                              \
			goto out;                                                             \
		}                                                                             \
	} while (0)

#define CHECK_PTR(expr)                                                                    \
	do {                                                                               \
		if (!(expr)) {                                                             \
			fprintf(stderr, "acceptance: %s returned NULL (line %d)\n", #expr, \
				__LINE__);                                                 \
			goto out;                                                          \
		}                                                                          \
	} while (0)

struct app;

/* One frame given to aclvdecSendFrame, and what its callback reported. */
struct vdec_frame {
	struct app *app;
	uint8_t *bits; /* host copy of the bitstream */
	uint32_t bits_len;
	void *bits_dev; /* DVPP copy; the callback releases it with its description */
	acldvppStreamDesc *in;
	uintptr_t in_sent;
	void *out_dev;
	uint32_t out_size;
	acldvppPicDesc *out;
	/* Filled by the callback. */
	int calls, order;
	pthread_t thread;
	uintptr_t in_seen, out_seen;
	uint32_t ret_code, width, height, width_stride, height_stride;
	aclError free_ret;
};

struct app {
	aclrtRunMode run_mode;
	bool acl_initialized, device_set;
	aclrtContext context;
	aclrtStream stream;
	int failures;

	/* The report thread: runs the stream callbacks and the video decoder's callbacks. */
	pthread_mutex_t lock;
	pthread_cond_t cond;
	pthread_t report_thread;
	bool report_started, report_stop, subscribed;
	aclError report_error;
	int callbacks; /* video decoder callbacks run so far */
	int model_callbacks;
	pthread_t model_callback_thread;

	acldvppChannelDesc *dvpp_desc;
	bool dvpp_channel;

	uint32_t model_id;
	bool model_loaded;
	aclmdlDesc *model_desc;
	struct accept_model_file model_file;

	uint8_t *jpeg;
	uint32_t jpeg_size;
	void *jpeg_dev;
	void *decoded;
	uint32_t decoded_size;
	acldvppPicDesc *decoded_desc;
	uint32_t width, height, width_stride, height_stride;

	acldvppResizeConfig *resize_config;
	void *resized_v1;
	acldvppPicDesc *resized_v1_desc;
	uint32_t resized_ws, resized_hs, resized_size;

	bool v2, sys_initialized, vpc_created;
	hi_vpc_chn vpc_chn;
	void *resized_v2;
};

static void check(struct app *a, const char *name, bool ok, const char *fmt, ...)
    ACCEPT_PRINTF(4, 5);

static void check(struct app *a, const char *name, bool ok, const char *fmt, ...)
{
	va_list ap;

	printf("acceptance: %s %s: ", ok ? "PASS" : "FAIL", name);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
	if (!ok)
		a->failures++;
}

static int to_host(struct app *a, void *host, const void *dev, size_t size)
{
	/* On the board (device run mode) "host" memory is device memory too. */
	aclrtMemcpyKind kind =
	    a->run_mode == ACL_HOST ? ACL_MEMCPY_DEVICE_TO_HOST : ACL_MEMCPY_DEVICE_TO_DEVICE;
	aclError ret = aclrtMemcpy(host, size, dev, size, kind);

	if (ret != ACL_SUCCESS) {
		fprintf(stderr, "acceptance: aclrtMemcpy of %zu bytes from %p failed with %d\n",
			size, dev, (int)ret);
		return -1;
	}
	return 0;
}

static int to_device(struct app *a, void *dev, const void *host, size_t size)
{
	aclrtMemcpyKind kind =
	    a->run_mode == ACL_HOST ? ACL_MEMCPY_HOST_TO_DEVICE : ACL_MEMCPY_DEVICE_TO_DEVICE;
	aclError ret = aclrtMemcpy(dev, size, host, size, kind);

	if (ret != ACL_SUCCESS) {
		fprintf(stderr, "acceptance: aclrtMemcpy of %zu bytes to %p failed with %d\n", size,
			dev, (int)ret);
		return -1;
	}
	return 0;
}

static int read_file(const char *path, uint8_t **data, uint32_t *size)
{
	FILE *f = fopen(path, "rb");
	long n = 0;

	*data = NULL;
	if (!f) {
		fprintf(stderr, "acceptance: cannot open %s: %s\n", path, strerror(errno));
		return -1;
	}
	if (fseek(f, 0, SEEK_END) != 0 || (n = ftell(f)) <= 0 || fseek(f, 0, SEEK_SET) != 0) {
		fprintf(stderr, "acceptance: cannot size %s\n", path);
		goto fail;
	}
	*data = (uint8_t *)malloc((size_t)n);
	if (!*data || fread(*data, 1, (size_t)n, f) != (size_t)n) {
		fprintf(stderr, "acceptance: cannot read %ld bytes of %s\n", n, path);
		goto fail;
	}
	fclose(f);
	*size = (uint32_t)n;
	return 0;
fail:
	free(*data);
	*data = NULL;
	fclose(f);
	return -1;
}

/* ---- runtime and report thread ----------------------------------------------------------- */

static void *report_main(void *arg)
{
	struct app *a = (struct app *)arg;
	aclError ret = aclrtSetCurrentContext(a->context);
	bool stop = false;

	if (ret != ACL_SUCCESS) {
		fprintf(stderr,
			"acceptance: report thread: aclrtSetCurrentContext failed with %d\n",
			(int)ret);
		goto out;
	}
	while (!stop) {
		ret = aclrtProcessReport(REPORT_WAIT_MS);
		if (ret == ACL_ERROR_RT_THREAD_SUBSCRIBE) {
			/* Not subscribed (yet, or any more): wait for the main thread. */
			struct timespec pause = { 0, 1000000 };

			nanosleep(&pause, NULL);
		} else if (ret != ACL_SUCCESS && ret != ACL_ERROR_RT_REPORT_TIMEOUT) {
			fprintf(stderr, "acceptance: aclrtProcessReport failed with %d\n",
				(int)ret);
			goto out;
		}
		pthread_mutex_lock(&a->lock);
		stop = a->report_stop;
		pthread_mutex_unlock(&a->lock);
	}
	ret = ACL_SUCCESS;
out:
	pthread_mutex_lock(&a->lock);
	a->report_error = ret;
	pthread_mutex_unlock(&a->lock);
	return NULL;
}

static int setup_runtime(struct app *a)
{
	CHECK_ACL(aclInit(NULL));
	a->acl_initialized = true;
	CHECK_ACL(aclrtSetDevice(DEVICE_ID));
	a->device_set = true;
	CHECK_ACL(aclrtCreateContext(&a->context, DEVICE_ID));
	CHECK_ACL(aclrtCreateStream(&a->stream));
	CHECK_ACL(aclrtGetRunMode(&a->run_mode));
	printf("acceptance: soc %s, run mode %s\n", aclrtGetSocName(),
	       a->run_mode == ACL_HOST ? "host" : "device");

	if (pthread_create(&a->report_thread, NULL, report_main, a) != 0) {
		fprintf(stderr, "acceptance: cannot start the report thread\n");
		goto out;
	}
	a->report_started = true;
	/* The thread runs the callbacks queued on our stream (aclrtLaunchCallback). */
	CHECK_ACL(aclrtSubscribeReport((uint64_t)a->report_thread, a->stream));
	a->subscribed = true;

	CHECK_PTR(a->dvpp_desc = acldvppCreateChannelDesc());
	CHECK_ACL(acldvppCreateChannel(a->dvpp_desc));
	a->dvpp_channel = true;
	return 0;
out:
	return -1;
}

/* ---- JPEG decode (V1) -------------------------------------------------------------------- */

static int decode_jpeg(struct app *a, const char *path)
{
	uint32_t width = 0, height = 0;
	int32_t components = 0;

	if (read_file(path, &a->jpeg, &a->jpeg_size) != 0)
		goto out;
	CHECK_ACL(acldvppJpegGetImageInfo(a->jpeg, a->jpeg_size, &width, &height, &components));
	CHECK_ACL(acldvppJpegPredictDecSize(a->jpeg, a->jpeg_size, PIXEL_FORMAT_YUV_SEMIPLANAR_420,
					    &a->decoded_size));
	printf("acceptance: %s: %ux%u, %d components, %u bytes decoded\n", path, width, height,
	       (int)components, a->decoded_size);

	/* JPEGD reads its input from DVPP memory. */
	CHECK_ACL(acldvppMalloc(&a->jpeg_dev, a->jpeg_size));
	if (to_device(a, a->jpeg_dev, a->jpeg, a->jpeg_size) != 0)
		goto out;
	CHECK_ACL(acldvppMalloc(&a->decoded, a->decoded_size));
	CHECK_PTR(a->decoded_desc = acldvppCreatePicDesc());
	CHECK_ACL(acldvppSetPicDescData(a->decoded_desc, a->decoded));
	CHECK_ACL(acldvppSetPicDescSize(a->decoded_desc, a->decoded_size));
	CHECK_ACL(acldvppSetPicDescFormat(a->decoded_desc, PIXEL_FORMAT_YUV_SEMIPLANAR_420));
	CHECK_ACL(acldvppJpegDecodeAsync(a->dvpp_desc, a->jpeg_dev, a->jpeg_size, a->decoded_desc,
					 a->stream));
	CHECK_ACL(aclrtSynchronizeStream(a->stream));
	if (acldvppGetPicDescRetCode(a->decoded_desc) != 0) {
		fprintf(stderr, "acceptance: JPEGD reported %u\n",
			acldvppGetPicDescRetCode(a->decoded_desc));
		goto out;
	}
	/* The decoder writes the real size and its output strides back into the description. */
	a->width = acldvppGetPicDescWidth(a->decoded_desc);
	a->height = acldvppGetPicDescHeight(a->decoded_desc);
	a->width_stride = acldvppGetPicDescWidthStride(a->decoded_desc);
	a->height_stride = acldvppGetPicDescHeightStride(a->decoded_desc);
	printf("acceptance: decoded %ux%u, strides %ux%u\n", a->width, a->height, a->width_stride,
	       a->height_stride);
	check(a, "decode.geometry",
	      a->width == width && a->height == height && a->width_stride >= a->width &&
		  a->width_stride % 16 == 0 && a->height_stride >= a->height &&
		  a->height_stride % 2 == 0 &&
		  ACCEPT_NV12_SIZE(a->width_stride, a->height_stride) <= a->decoded_size,
	      "picture %ux%u as acldvppJpegGetImageInfo said, strides %ux%u fit %u bytes", a->width,
	      a->height, a->width_stride, a->height_stride, a->decoded_size);
	return 0;
out:
	return -1;
}

/* ---- resize (V1 and V2) ------------------------------------------------------------------ */

static int resize_v1(struct app *a)
{
	a->resized_ws = ACCEPT_ALIGN_UP(MODEL_WIDTH, 16);
	a->resized_hs = ACCEPT_ALIGN_UP(MODEL_HEIGHT, 2);
	a->resized_size = ACCEPT_NV12_SIZE(a->resized_ws, a->resized_hs);
	CHECK_ACL(acldvppMalloc(&a->resized_v1, a->resized_size));
	CHECK_PTR(a->resized_v1_desc = acldvppCreatePicDesc());
	CHECK_ACL(acldvppSetPicDescData(a->resized_v1_desc, a->resized_v1));
	CHECK_ACL(acldvppSetPicDescSize(a->resized_v1_desc, a->resized_size));
	CHECK_ACL(acldvppSetPicDescFormat(a->resized_v1_desc, PIXEL_FORMAT_YUV_SEMIPLANAR_420));
	CHECK_ACL(acldvppSetPicDescWidth(a->resized_v1_desc, MODEL_WIDTH));
	CHECK_ACL(acldvppSetPicDescHeight(a->resized_v1_desc, MODEL_HEIGHT));
	CHECK_ACL(acldvppSetPicDescWidthStride(a->resized_v1_desc, a->resized_ws));
	CHECK_ACL(acldvppSetPicDescHeightStride(a->resized_v1_desc, a->resized_hs));
	CHECK_PTR(a->resize_config = acldvppCreateResizeConfig());
	CHECK_ACL(acldvppSetResizeConfigInterpolation(a->resize_config, 1)); /* bilinear */
	/* The decoded picture's description is the resize input as it is. */
	CHECK_ACL(acldvppVpcResizeAsync(a->dvpp_desc, a->decoded_desc, a->resized_v1_desc,
					a->resize_config, a->stream));
	CHECK_ACL(aclrtSynchronizeStream(a->stream));
	return 0;
out:
	return -1;
}

static int resize_v2(struct app *a)
{
	hi_vpc_chn_attr attr;
	hi_vpc_pic_info src, dst;
	hi_u32 task_id = 0;
	hi_s32 ret = hi_mpi_sys_init();

	if (ret == (hi_s32)HI_ERR_SYS_NOT_SUPPORT) {
		printf("acceptance: DVPP V2 is not supported on %s, V2 steps skipped\n",
		       aclrtGetSocName());
		return 0;
	}
	CHECK_HI(ret);
	a->sys_initialized = true;
	a->v2 = true;

	memset(&attr, 0, sizeof(attr));
	attr.attr = 0;
	attr.pic_width = a->width;
	attr.pic_height = a->height;
	CHECK_HI(hi_mpi_vpc_sys_create_chn(&a->vpc_chn, &attr));
	a->vpc_created = true;
	CHECK_HI(hi_mpi_dvpp_malloc(DEVICE_ID, &a->resized_v2, a->resized_size));

	/* The source is the V1 decoder's output: V1 and V2 share the DVPP memory. */
	memset(&src, 0, sizeof(src));
	src.picture_address = a->decoded;
	src.picture_buffer_size = a->decoded_size;
	src.picture_width = a->width;
	src.picture_height = a->height;
	src.picture_width_stride = a->width_stride;
	src.picture_height_stride = a->height_stride;
	src.picture_format = HI_PIXEL_FORMAT_YUV_SEMIPLANAR_420;
	memset(&dst, 0, sizeof(dst));
	dst.picture_address = a->resized_v2;
	dst.picture_buffer_size = a->resized_size;
	dst.picture_width = MODEL_WIDTH;
	dst.picture_height = MODEL_HEIGHT;
	dst.picture_width_stride = a->resized_ws;
	dst.picture_height_stride = a->resized_hs;
	dst.picture_format = HI_PIXEL_FORMAT_YUV_SEMIPLANAR_420;
	CHECK_HI(hi_mpi_vpc_resize(a->vpc_chn, &src, &dst, 0, 0, 0 /* bilinear */, &task_id, -1));
	CHECK_HI(hi_mpi_vpc_get_process_result(a->vpc_chn, task_id, -1));
	return 0;
out:
	return -1;
}

/* The decoded and resized pictures against the host references. */
static int check_pictures(struct app *a)
{
	size_t decoded_bytes = ACCEPT_NV12_SIZE(a->width_stride, a->height_stride);
	uint8_t *decoded = (uint8_t *)malloc(decoded_bytes);
	uint8_t *r1 = (uint8_t *)malloc(a->resized_size), *r2 = (uint8_t *)malloc(a->resized_size);
	struct accept_ycc ref;
	struct accept_nv12 pic, p1, p2;
	double psnr_y = 0.0, psnr_c = 0.0, err1, err2;
	double centre = ACCEPTANCE_FAULT == FAULT_RESIZE_REF ? 0.25 : 0.5;
	uint32_t shift = ACCEPTANCE_FAULT == FAULT_DECODE_REF ? 1 : 0;
	int rc = -1;

	memset(&ref, 0, sizeof(ref));
	if (!decoded || !r1 || !r2) {
		fprintf(stderr, "acceptance: no host memory for the picture checks\n");
		goto out;
	}
	if (to_host(a, decoded, a->decoded, decoded_bytes) != 0 ||
	    to_host(a, r1, a->resized_v1, a->resized_size) != 0 ||
	    (a->v2 && to_host(a, r2, a->resized_v2, a->resized_size) != 0))
		goto out;
	if (accept_ref_jpeg_decode(a->jpeg, a->jpeg_size, &ref) != 0)
		goto out;

	pic.data = decoded;
	pic.width = a->width;
	pic.height = a->height;
	pic.width_stride = a->width_stride;
	pic.height_stride = a->height_stride;
	check(a, "decode.size", ref.width == a->width && ref.height == a->height,
	      "libjpeg decodes %ux%u too", ref.width, ref.height);
	if (ref.width != a->width || ref.height != a->height)
		goto out;
	accept_psnr_vs_jpeg(&pic, &ref, shift, &psnr_y, &psnr_c);
	check(a, "decode.psnr", psnr_y >= 45.0 && psnr_c >= 40.0,
	      "against libjpeg: Y %.1f dB, chroma %.1f dB (99: identical)", psnr_y, psnr_c);
	/* A flat picture would let a wrong resize pass. */
	check(a, "decode.content", accept_luma_stddev(&pic) > 20.0, "luma std dev %.1f",
	      accept_luma_stddev(&pic));

	p1.data = r1;
	p1.width = MODEL_WIDTH;
	p1.height = MODEL_HEIGHT;
	p1.width_stride = a->resized_ws;
	p1.height_stride = a->resized_hs;
	err1 = accept_resize_max_error(&pic, &p1, centre);
	check(a, "resize.v1", err1 <= RESIZE_TOLERANCE, "max |VPC V1 - bilinear reference| = %.3f",
	      err1);
	if (a->v2) {
		p2 = p1;
		p2.data = r2;
		err2 = accept_resize_max_error(&pic, &p2, centre);
		check(a, "resize.v2", err2 <= RESIZE_TOLERANCE,
		      "max |VPC V2 - bilinear reference| = %.3f", err2);
		check(a, "resize.v1_vs_v2", accept_max_diff(&p1, &p2) <= 1, "max |V1 - V2| = %u",
		      accept_max_diff(&p1, &p2));
	}
	rc = 0;
out:
	accept_ycc_free(&ref);
	free(decoded);
	free(r1);
	free(r2);
	return rc;
}

/* ---- model ------------------------------------------------------------------------------- */

static int load_model(struct app *a, const char *path)
{
	if (accept_read_model_file(path, &a->model_file) != 0)
		goto out;
	CHECK_ACL(aclmdlLoadFromFile(path, &a->model_id));
	a->model_loaded = true;
	CHECK_PTR(a->model_desc = aclmdlCreateDesc());
	CHECK_ACL(aclmdlGetDesc(a->model_desc, a->model_id));
	if (aclmdlGetNumInputs(a->model_desc) != 1 ||
	    aclmdlGetNumOutputs(a->model_desc) > MAX_OUTPUTS ||
	    aclmdlGetNumOutputs(a->model_desc) == 0) {
		fprintf(stderr, "acceptance: the model has %zu inputs and %zu outputs\n",
			aclmdlGetNumInputs(a->model_desc), aclmdlGetNumOutputs(a->model_desc));
		goto out;
	}
	return 0;
out:
	return -1;
}

static void destroy_dataset(aclmdlDataset *dataset, bool free_data)
{
	size_t i;

	if (!dataset)
		return;
	for (i = 0; i < aclmdlGetDatasetNumBuffers(dataset); i++) {
		aclDataBuffer *b = aclmdlGetDatasetBuffer(dataset, i);

		if (free_data && aclGetDataBufferAddr(b))
			aclrtFree(aclGetDataBufferAddr(b));
		aclDestroyDataBuffer(b);
	}
	aclmdlDestroyDataset(dataset);
}

static void model_callback(void *user_data)
{
	struct app *a = (struct app *)user_data;

	pthread_mutex_lock(&a->lock);
	a->model_callbacks++;
	a->model_callback_thread = pthread_self();
	pthread_mutex_unlock(&a->lock);
}

/*
 * Runs the model on a DVPP picture, wrapped as it is in the input data buffer, and checks the
 * outputs against the documented computation redone on the picture's bytes.
 */
static int run_model(struct app *a, const char *name, void *picture, bool async)
{
	size_t in_size = aclmdlGetInputSizeByIndex(a->model_desc, 0);
	size_t n_out = aclmdlGetNumOutputs(a->model_desc), i;
	aclmdlDataset *input = NULL, *output = NULL;
	aclDataBuffer *buffer = NULL;
	void *fed = picture, *copy = NULL, *dev = NULL;
	uint8_t *host_in = NULL, *host_out = NULL, record[4 * (2 + 64 + 1)];
	size_t record_len;
	uint32_t channels = a->model_file.channels;
	long bad;
	int rc = -1, callbacks = 0;
	bool on_report_thread = false;

	if (in_size != a->resized_size) {
		fprintf(stderr, "acceptance: model input is %zu bytes, the picture %u\n", in_size,
			a->resized_size);
		goto out;
	}
	if (ACCEPTANCE_FAULT == FAULT_MODEL_COPY) {
		CHECK_ACL(aclrtMalloc(&copy, in_size, ACL_MEM_MALLOC_NORMAL_ONLY));
		CHECK_ACL(
		    aclrtMemcpy(copy, in_size, picture, in_size, ACL_MEMCPY_DEVICE_TO_DEVICE));
		fed = copy;
	}
	CHECK_PTR(input = aclmdlCreateDataset());
	CHECK_PTR(buffer = aclCreateDataBuffer(fed, in_size));
	CHECK_ACL(aclmdlAddDatasetBuffer(input, buffer));
	buffer = NULL;
	CHECK_PTR(output = aclmdlCreateDataset());
	for (i = 0; i < n_out; i++) {
		size_t size = aclmdlGetOutputSizeByIndex(a->model_desc, i);

		CHECK_ACL(aclrtMalloc(&dev, size, ACL_MEM_MALLOC_NORMAL_ONLY));
		CHECK_PTR(buffer = aclCreateDataBuffer(dev, size));
		dev = NULL;
		CHECK_ACL(aclmdlAddDatasetBuffer(output, buffer));
		buffer = NULL;
	}
	/* No copy: the model reads the very memory DVPP wrote. */
	check(a, async ? "model.async.no_copy" : "model.sync.no_copy",
	      aclGetDataBufferAddr(aclmdlGetDatasetBuffer(input, 0)) == picture &&
		  aclGetDataBufferSizeV2(aclmdlGetDatasetBuffer(input, 0)) == in_size,
	      "input buffer %p is the DVPP output %p",
	      aclGetDataBufferAddr(aclmdlGetDatasetBuffer(input, 0)), picture);

	if (async) {
		CHECK_ACL(aclmdlExecuteAsync(a->model_id, input, output, a->stream));
		CHECK_ACL(aclrtLaunchCallback(model_callback, a, ACL_CALLBACK_BLOCK, a->stream));
		CHECK_ACL(aclrtSynchronizeStream(a->stream));
		pthread_mutex_lock(&a->lock);
		callbacks = a->model_callbacks;
		on_report_thread = pthread_equal(a->model_callback_thread, a->report_thread);
		pthread_mutex_unlock(&a->lock);
		check(a, "model.async.callback", callbacks == 1 && on_report_thread,
		      "%d callback(s) after the execution, on the report thread: %s", callbacks,
		      on_report_thread ? "yes" : "no");
	} else {
		CHECK_ACL(aclmdlExecute(a->model_id, input, output));
	}

	host_in = (uint8_t *)malloc(in_size);
	if (!host_in || to_host(a, host_in, picture, in_size) != 0)
		goto out;
	if (ACCEPTANCE_FAULT == FAULT_MODEL_REF)
		channels++;
	record_len = accept_stats_record(host_in, in_size, channels, a->model_file.weight_checksum,
					 record, sizeof(record));
	for (i = 0; i < n_out; i++) {
		aclDataBuffer *b = aclmdlGetDatasetBuffer(output, i);
		size_t size = aclGetDataBufferSizeV2(b);

		free(host_out);
		host_out = (uint8_t *)malloc(size);
		if (!host_out || to_host(a, host_out, aclGetDataBufferAddr(b), size) != 0)
			goto out;
		bad = record_len ? accept_compare_output(host_out, size, record, record_len,
							 a->model_file.channels)
				 : 0;
		check(a, name, record_len && bad < 0,
		      "output %zu (%zu bytes) against the documented stats of the input: first "
		      "differing byte %ld",
		      i, size, bad);
	}
	rc = 0;
out:
	free(host_in);
	free(host_out);
	if (buffer)
		aclDestroyDataBuffer(buffer);
	if (dev)
		aclrtFree(dev);
	destroy_dataset(input, false);
	destroy_dataset(output, true);
	if (copy)
		aclrtFree(copy);
	return rc;
}

/* ---- video (V1 aclvdec) ------------------------------------------------------------------ */

/* Any bytes do: a start code, a NAL header, then a pattern that differs per frame. */
static uint8_t *make_bitstream(int frame, uint32_t *len)
{
	uint32_t n = 2000 + 317u * (uint32_t)frame, i, x = 0x9e3779b9u * (uint32_t)(frame + 1);
	uint8_t *p = (uint8_t *)malloc(n);

	if (!p)
		return NULL;
	p[0] = 0;
	p[1] = 0;
	p[2] = 0;
	p[3] = 1;
	p[4] = frame == 0 ? 0x65 : 0x41;
	for (i = 5; i < n; i++) {
		x = x * 1664525u + 1013904223u;
		p[i] = (uint8_t)(x >> 24);
	}
	*len = n;
	return p;
}

static void vdec_callback(acldvppStreamDesc *input, acldvppPicDesc *output, void *user_data)
{
	struct vdec_frame *f = (struct vdec_frame *)user_data;
	struct app *a = f->app;

	pthread_mutex_lock(&a->lock);
	f->calls++;
	f->order = a->callbacks++;
	f->thread = pthread_self();
	f->in_seen = (uintptr_t)input;
	f->out_seen = (uintptr_t)output;
	if (output) {
		f->ret_code = acldvppGetPicDescRetCode(output);
		f->width = acldvppGetPicDescWidth(output);
		f->height = acldvppGetPicDescHeight(output);
		f->width_stride = acldvppGetPicDescWidthStride(output);
		f->height_stride = acldvppGetPicDescHeightStride(output);
	}
	/* As the CANN samples do: the bitstream is no longer needed once its frame is back. */
	if (input && input == f->in) {
		if (f->bits_dev)
			f->free_ret = acldvppFree(f->bits_dev);
		f->bits_dev = NULL;
		acldvppDestroyStreamDesc(f->in);
		f->in = NULL;
	}
	pthread_cond_broadcast(&a->cond);
	pthread_mutex_unlock(&a->lock);
}

static int wait_callbacks(struct app *a, int count)
{
	struct timespec deadline;
	int rc = 0;

	clock_gettime(CLOCK_REALTIME, &deadline);
	deadline.tv_sec += CALLBACK_WAIT_S;
	pthread_mutex_lock(&a->lock);
	while (a->callbacks < count && rc == 0)
		rc = pthread_cond_timedwait(&a->cond, &a->lock, &deadline);
	count -= a->callbacks;
	pthread_mutex_unlock(&a->lock);
	if (count > 0) {
		fprintf(stderr, "acceptance: %d video callback(s) missing after %d s\n", count,
			CALLBACK_WAIT_S);
		return -1;
	}
	return 0;
}

static int vdec_v1(struct app *a)
{
	struct vdec_frame frames[VIDEO_FRAMES + 1]; /* the last one is the end of stream */
	aclvdecChannelDesc *desc = NULL;
	bool created = false;
	uint32_t ws = ACCEPT_ALIGN_UP(VIDEO_WIDTH, 16), hs = ACCEPT_ALIGN_UP(VIDEO_HEIGHT, 2);
	uint32_t out_size = ACCEPT_NV12_SIZE(ws, hs);
	uint8_t *host = (uint8_t *)malloc(out_size);
	struct accept_nv12 pic;
	size_t bad;
	int i, rc = -1;

	memset(frames, 0, sizeof(frames));
	pthread_mutex_lock(&a->lock);
	a->callbacks = 0;
	pthread_mutex_unlock(&a->lock);
	CHECK_PTR(host);
	CHECK_PTR(desc = aclvdecCreateChannelDesc());
	CHECK_ACL(aclvdecSetChannelDescChannelId(desc, 0));
	CHECK_ACL(aclvdecSetChannelDescThreadId(desc, (uint64_t)a->report_thread));
	CHECK_ACL(aclvdecSetChannelDescCallback(desc, vdec_callback));
	CHECK_ACL(aclvdecSetChannelDescEnType(desc, H264_MAIN_LEVEL));
	CHECK_ACL(aclvdecSetChannelDescOutPicFormat(desc, PIXEL_FORMAT_YUV_SEMIPLANAR_420));
	CHECK_ACL(aclvdecSetChannelDescOutPicWidth(desc, VIDEO_WIDTH));
	CHECK_ACL(aclvdecSetChannelDescOutPicHeight(desc, VIDEO_HEIGHT));
	CHECK_ACL(aclvdecCreateChannel(desc));
	created = true;

	for (i = 0; i <= VIDEO_FRAMES; i++) {
		struct vdec_frame *f = &frames[i];

		f->app = a;
		CHECK_PTR(f->in = acldvppCreateStreamDesc());
		f->in_sent = (uintptr_t)f->in;
		if (i == VIDEO_FRAMES) {
			CHECK_ACL(acldvppSetStreamDescEos(f->in, 1));
			CHECK_ACL(aclvdecSendFrame(desc, f->in, NULL, NULL, f));
			break;
		}
		CHECK_PTR(f->bits = make_bitstream(i, &f->bits_len));
		CHECK_ACL(acldvppMalloc(&f->bits_dev, f->bits_len));
		if (to_device(a, f->bits_dev, f->bits, f->bits_len) != 0)
			goto out;
		CHECK_ACL(acldvppSetStreamDescData(f->in, f->bits_dev));
		CHECK_ACL(acldvppSetStreamDescSize(f->in, f->bits_len));
		CHECK_ACL(acldvppSetStreamDescFormat(f->in, H264_MAIN_LEVEL));
		CHECK_ACL(acldvppSetStreamDescTimestamp(f->in, (uint64_t)i));
		f->out_size = out_size;
		CHECK_ACL(acldvppMalloc(&f->out_dev, f->out_size));
		CHECK_PTR(f->out = acldvppCreatePicDesc());
		CHECK_ACL(acldvppSetPicDescData(f->out, f->out_dev));
		CHECK_ACL(acldvppSetPicDescSize(f->out, f->out_size));
		CHECK_ACL(acldvppSetPicDescFormat(f->out, PIXEL_FORMAT_YUV_SEMIPLANAR_420));
		CHECK_ACL(aclvdecSendFrame(desc, f->in, f->out, NULL, f));
	}
	if (wait_callbacks(a, VIDEO_FRAMES + 1) != 0)
		goto out;
	CHECK_ACL(aclvdecDestroyChannel(desc));
	created = false;

	for (i = 0; i < VIDEO_FRAMES; i++) {
		struct vdec_frame *f = &frames[i];
		uint32_t hashed = f->bits_len - (ACCEPTANCE_FAULT == FAULT_VIDEO_REF ? 1 : 0);

		check(a, "vdec.v1.callback",
		      f->calls == 1 && f->order == i &&
			  pthread_equal(f->thread, a->report_thread) && f->in_seen == f->in_sent &&
			  f->out_seen == (uintptr_t)f->out && f->ret_code == 0 &&
			  f->free_ret == ACL_SUCCESS,
		      "frame %d: %d callback(s), order %d, on the report thread, with its "
		      "descriptions, ret code %u",
		      i, f->calls, f->order, f->ret_code);
		check(a, "vdec.v1.geometry",
		      f->width == VIDEO_WIDTH && f->height == VIDEO_HEIGHT &&
			  f->width_stride == ws && f->height_stride == hs,
		      "frame %d: %ux%u, strides %ux%u", i, f->width, f->height, f->width_stride,
		      f->height_stride);
		if (to_host(a, host, f->out_dev, out_size) != 0)
			goto out;
		pic.data = host;
		pic.width = f->width;
		pic.height = f->height;
		pic.width_stride = f->width_stride;
		pic.height_stride = f->height_stride;
		bad = accept_check_vdec_v1_frame(&pic, f->bits, hashed);
		check(a, "vdec.v1.pixels", bad == 0,
		      "frame %d: %zu samples differ from the documented synthetic frame", i, bad);
	}
	check(a, "vdec.v1.eos",
	      frames[VIDEO_FRAMES].calls == 1 && frames[VIDEO_FRAMES].order == VIDEO_FRAMES &&
		  frames[VIDEO_FRAMES].out_seen == 0 &&
		  pthread_equal(frames[VIDEO_FRAMES].thread, a->report_thread),
	      "end of stream: %d callback(s), order %d, without a picture",
	      frames[VIDEO_FRAMES].calls, frames[VIDEO_FRAMES].order);
	rc = 0;
out:
	if (created)
		aclvdecDestroyChannel(desc);
	if (desc)
		aclvdecDestroyChannelDesc(desc);
	for (i = 0; i <= VIDEO_FRAMES; i++) {
		if (frames[i].in)
			acldvppDestroyStreamDesc(frames[i].in);
		if (frames[i].bits_dev)
			acldvppFree(frames[i].bits_dev);
		if (frames[i].out)
			acldvppDestroyPicDesc(frames[i].out);
		if (frames[i].out_dev)
			acldvppFree(frames[i].out_dev);
		free(frames[i].bits);
	}
	free(host);
	return rc;
}

/* ---- video (V2 hi_mpi_vdec) -------------------------------------------------------------- */

static int vdec_v2(struct app *a)
{
	hi_vdec_chn_attr attr;
	hi_vdec_stream stream, got_stream;
	hi_vdec_pic_info out_info;
	hi_video_frame_info frame;
	hi_vdec_supplement_info supplement;
	uint8_t *bits[VIDEO_FRAMES];
	uint32_t bits_len[VIDEO_FRAMES];
	void *bits_dev[VIDEO_FRAMES], *out_dev[VIDEO_FRAMES];
	uint32_t ws = ACCEPT_ALIGN_UP(VIDEO_WIDTH, 16), hs = ACCEPT_ALIGN_UP(VIDEO_HEIGHT, 2);
	uint32_t out_size = ACCEPT_NV12_SIZE(ws, hs);
	uint8_t *host = (uint8_t *)malloc(out_size);
	struct accept_nv12 pic;
	bool created = false, receiving = false;
	size_t bad;
	hi_s32 ret;
	int i, rc = -1;

	memset(bits, 0, sizeof(bits));
	memset(bits_dev, 0, sizeof(bits_dev));
	memset(out_dev, 0, sizeof(out_dev));
	CHECK_PTR(host);
	memset(&attr, 0, sizeof(attr));
	attr.type = HI_PT_H264;
	attr.mode = HI_VDEC_SEND_MODE_FRAME;
	attr.pic_width = VIDEO_WIDTH;
	attr.pic_height = VIDEO_HEIGHT;
	attr.stream_buf_size = VIDEO_WIDTH * VIDEO_HEIGHT * 3 / 2;
	attr.frame_buf_cnt = 8;
	attr.video_attr.ref_frame_num = 4;
	attr.video_attr.temporal_mvp_en = HI_TRUE;
	CHECK_HI(hi_mpi_vdec_create_chn(VDEC_V2_CHN, &attr));
	created = true;
	CHECK_HI(hi_mpi_vdec_start_recv_stream(VDEC_V2_CHN));
	receiving = true;

	for (i = 0; i < VIDEO_FRAMES; i++) {
		CHECK_PTR(bits[i] = make_bitstream(100 + i, &bits_len[i]));
		CHECK_HI(hi_mpi_dvpp_malloc(DEVICE_ID, &bits_dev[i], bits_len[i]));
		if (to_device(a, bits_dev[i], bits[i], bits_len[i]) != 0)
			goto out;
		CHECK_HI(hi_mpi_dvpp_malloc(DEVICE_ID, &out_dev[i], out_size));
		memset(&stream, 0, sizeof(stream));
		stream.addr = (hi_u8 *)bits_dev[i];
		stream.len = bits_len[i];
		stream.pts = (hi_u64)(1000 + i);
		stream.end_of_frame = HI_TRUE;
		stream.end_of_stream = HI_FALSE;
		stream.need_display = HI_TRUE;
		memset(&out_info, 0, sizeof(out_info));
		out_info.width = VIDEO_WIDTH;
		out_info.height = VIDEO_HEIGHT;
		out_info.width_stride = ws;
		out_info.height_stride = hs;
		out_info.pixel_format = HI_PIXEL_FORMAT_YUV_SEMIPLANAR_420;
		out_info.vir_addr = (hi_u64)(uintptr_t)out_dev[i];
		out_info.buffer_size = out_size;
		CHECK_HI(hi_mpi_vdec_send_stream(VDEC_V2_CHN, &stream, &out_info, 1000));
	}
	/* End of stream: no data, no output. */
	memset(&stream, 0, sizeof(stream));
	stream.end_of_stream = HI_TRUE;
	memset(&out_info, 0, sizeof(out_info));
	CHECK_HI(hi_mpi_vdec_send_stream(VDEC_V2_CHN, &stream, &out_info, 1000));

	for (i = 0; i < VIDEO_FRAMES; i++) {
		uint32_t hashed = bits_len[i] - (ACCEPTANCE_FAULT == FAULT_VIDEO_REF ? 1 : 0);

		memset(&frame, 0, sizeof(frame));
		CHECK_HI(
		    hi_mpi_vdec_get_frame(VDEC_V2_CHN, &frame, &supplement, &got_stream, 1000));
		check(a, "vdec.v2.frame",
		      frame.v_frame.frame_flag == 0 && frame.v_frame.virt_addr[0] == out_dev[i] &&
			  got_stream.addr == (hi_u8 *)bits_dev[i] &&
			  got_stream.len == bits_len[i] &&
			  frame.v_frame.pts == (hi_u64)(1000 + i) &&
			  frame.v_frame.width == VIDEO_WIDTH &&
			  frame.v_frame.height == VIDEO_HEIGHT &&
			  frame.v_frame.width_stride[0] == ws &&
			  frame.v_frame.pixel_format == HI_PIXEL_FORMAT_YUV_SEMIPLANAR_420,
		      "frame %d: in order, into its buffer, flag %u", i, frame.v_frame.frame_flag);
		if (to_host(a, host, out_dev[i], out_size) != 0)
			goto out;
		pic.data = host;
		pic.width = VIDEO_WIDTH;
		pic.height = VIDEO_HEIGHT;
		pic.width_stride = ws;
		pic.height_stride = hs;
		bad = accept_check_vdec_v2_frame(&pic, bits[i], hashed);
		check(a, "vdec.v2.pixels", bad == 0,
		      "frame %d: %zu samples differ from the documented synthetic frame", i, bad);
		CHECK_HI(hi_mpi_vdec_release_frame(VDEC_V2_CHN, &frame));
	}
	/* Nothing more: the end of stream yields no frame. */
	ret = hi_mpi_vdec_get_frame(VDEC_V2_CHN, &frame, &supplement, &got_stream, 0);
	check(a, "vdec.v2.eos", ret == (hi_s32)HI_ERR_VDEC_BUF_EMPTY,
	      "after %d frames the decoder is empty (0x%x)", VIDEO_FRAMES, (unsigned)ret);
	rc = 0;
out:
	if (receiving)
		hi_mpi_vdec_stop_recv_stream(VDEC_V2_CHN);
	if (created)
		hi_mpi_vdec_destroy_chn(VDEC_V2_CHN);
	for (i = 0; i < VIDEO_FRAMES; i++) {
		if (bits_dev[i])
			hi_mpi_dvpp_free(bits_dev[i]);
		if (out_dev[i])
			hi_mpi_dvpp_free(out_dev[i]);
		free(bits[i]);
	}
	free(host);
	return rc;
}

/* ---- teardown, in the reverse order of creation ------------------------------------------ */

static void teardown(struct app *a)
{
	aclError ret;

	if (a->vpc_created)
		hi_mpi_vpc_destroy_chn(a->vpc_chn);
	if (a->resized_v2)
		hi_mpi_dvpp_free(a->resized_v2);
	if (a->sys_initialized)
		hi_mpi_sys_exit();
	if (a->resize_config)
		acldvppDestroyResizeConfig(a->resize_config);
	if (a->resized_v1_desc)
		acldvppDestroyPicDesc(a->resized_v1_desc);
	if (a->resized_v1)
		acldvppFree(a->resized_v1);
	if (a->decoded_desc)
		acldvppDestroyPicDesc(a->decoded_desc);
	if (a->decoded)
		acldvppFree(a->decoded);
	if (a->jpeg_dev)
		acldvppFree(a->jpeg_dev);
	free(a->jpeg);
	if (a->model_desc)
		aclmdlDestroyDesc(a->model_desc);
	if (a->model_loaded)
		aclmdlUnload(a->model_id);
	if (a->dvpp_channel)
		acldvppDestroyChannel(a->dvpp_desc);
	if (a->dvpp_desc)
		acldvppDestroyChannelDesc(a->dvpp_desc);
	if (a->subscribed)
		aclrtUnSubscribeReport((uint64_t)a->report_thread, a->stream);
	if (a->report_started) {
		pthread_mutex_lock(&a->lock);
		a->report_stop = true;
		pthread_mutex_unlock(&a->lock);
		pthread_join(a->report_thread, NULL);
		if (a->report_error != ACL_SUCCESS)
			a->failures++;
	}
	if (a->stream)
		aclrtDestroyStream(a->stream);
	if (a->context)
		aclrtDestroyContext(a->context);
	if (a->device_set)
		aclrtResetDevice(DEVICE_ID);
	if (a->acl_initialized) {
		ret = aclFinalize();
		if (ret != ACL_SUCCESS) {
			fprintf(stderr, "acceptance: aclFinalize failed with %d\n", (int)ret);
			a->failures++;
		}
	}
}

int main(int argc, char **argv)
{
	struct app a;
	int rc = 1;

	memset(&a, 0, sizeof(a));
	pthread_mutex_init(&a.lock, NULL);
	pthread_cond_init(&a.cond, NULL);
	if (argc != 3) {
		fprintf(stderr, "usage: %s PICTURE.jpg MODEL.om\n", argv[0]);
		return 2;
	}
	printf("acceptance: built as %s, fault %d\n", ACCEPT_LANGUAGE, ACCEPTANCE_FAULT);
	if (setup_runtime(&a) != 0 || load_model(&a, argv[2]) != 0 ||
	    decode_jpeg(&a, argv[1]) != 0 || resize_v1(&a) != 0 || resize_v2(&a) != 0 ||
	    check_pictures(&a) != 0)
		goto out;
	if (run_model(&a, "model.sync", a.resized_v1, false) != 0)
		goto out;
	if (run_model(&a, "model.async", a.v2 ? a.resized_v2 : a.resized_v1, true) != 0)
		goto out;
	if (vdec_v1(&a) != 0)
		goto out;
	if (a.v2 && vdec_v2(&a) != 0)
		goto out;
	rc = 0;
out:
	teardown(&a);
	pthread_cond_destroy(&a.cond);
	pthread_mutex_destroy(&a.lock);
	if (rc == 0 && a.failures == 0) {
		printf("acceptance: all checks passed\n");
		return 0;
	}
	printf("acceptance: %s, %d check(s) failed\n", rc ? "stopped by an error" : "finished",
	       a.failures);
	return 1;
}
