/* SPDX-License-Identifier: MIT */
/*
 * The acltrace demo: a small AscendCL inference pipeline written the way CANN applications are.
 * Each frame: JPEG file -> acldvppJpegDecodeAsync into acldvppMalloc memory ->
 * acldvppVpcResizeAsync to the model's input size -> the DVPP output handed straight to
 * aclmdlExecute (no copy).
 *
 * Two memory misuses are planted on purpose, each marked with the finding acltrace reports:
 *   - acltrace: mismatched-free  the JPEG input buffer (acldvppMalloc) is released with aclrtFree;
 *   - acltrace: leak             the decoded picture of every frame is never released.
 * Run with --clean to release everything correctly instead.
 *
 * Build against a CANN tree (or the simulated one acltrace ships):
 *   cc -DENABLE_DVPP_INTERFACE -I$DDK_PATH/runtime/include pipeline.c \
 *      -L$NPU_HOST_LIB -lascendcl -lacl_dvpp -o pipeline
 */
#include <acl/acl.h>
#include <acl/ops/acl_dvpp.h>
#include <inttypes.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MODEL_WIDTH	224u
#define MODEL_HEIGHT	224u
#define NV12_SIZE(w, h) ((w) * (h)*3u / 2u)

#define CHECK(call)                                                                       \
	do {                                                                              \
		aclError check_ret_ = (call);                                             \
		if (check_ret_ != ACL_SUCCESS) {                                          \
			fprintf(stderr, "pipeline: %s failed with %d (line %d)\n", #call, \
				check_ret_, __LINE__);                                    \
			goto out;                                                         \
		}                                                                         \
	} while (0)

struct app {
	bool clean;
	int frames;
	const char *image_path;
	const char *model_path;
	uint8_t *jpeg; /* host copy of the file */
	uint32_t jpeg_size;
	aclrtStream stream;
	acldvppChannelDesc *channel;
	acldvppResizeConfig *resize;
	bool model_loaded;
	uint32_t model_id;
	aclmdlDesc *model_desc;
	size_t model_in_size, model_out_size;
};

static int read_file(const char *path, uint8_t **data, uint32_t *size)
{
	FILE *f = fopen(path, "rb");
	long n;

	if (!f) {
		perror(path);
		return -1;
	}
	if (fseek(f, 0, SEEK_END) != 0 || (n = ftell(f)) <= 0 || fseek(f, 0, SEEK_SET) != 0) {
		fprintf(stderr, "pipeline: cannot size %s\n", path);
		fclose(f);
		return -1;
	}
	*data = malloc((size_t)n);
	if (!*data || fread(*data, 1, (size_t)n, f) != (size_t)n) {
		fprintf(stderr, "pipeline: cannot read %s\n", path);
		free(*data);
		fclose(f);
		return -1;
	}
	fclose(f);
	*size = (uint32_t)n;
	return 0;
}

static acldvppPicDesc *nv12_desc(void *data, uint32_t size, uint32_t w, uint32_t h, uint32_t ws,
				 uint32_t hs)
{
	acldvppPicDesc *d = acldvppCreatePicDesc();

	if (!d)
		return NULL;
	acldvppSetPicDescData(d, data);
	acldvppSetPicDescSize(d, size);
	acldvppSetPicDescFormat(d, PIXEL_FORMAT_YUV_SEMIPLANAR_420);
	acldvppSetPicDescWidth(d, w);
	acldvppSetPicDescHeight(d, h);
	acldvppSetPicDescWidthStride(d, ws);
	acldvppSetPicDescHeightStride(d, hs);
	return d;
}

/* Runs the model on the resized picture, which stays where DVPP wrote it. */
static int infer(struct app *app, void *picture, uint32_t size, int frame)
{
	aclmdlDataset *input = aclmdlCreateDataset(), *output = aclmdlCreateDataset();
	aclDataBuffer *in_buf = aclCreateDataBuffer(picture, size), *out_buf = NULL;
	void *result = NULL;
	uint8_t host[16];
	uint32_t digest;
	float mean_y;
	int rc = -1;

	if (!input || !output || !in_buf) {
		fprintf(stderr, "pipeline: cannot create the datasets\n");
		goto out;
	}
	if (!app->model_loaded) {
		printf("pipeline: frame %d: no model given, DVPP output %p wrapped in data buffer "
		       "%p (%zu bytes)\n",
		       frame, picture, (void *)in_buf, aclGetDataBufferSizeV2(in_buf));
		rc = 0;
		goto out;
	}
	CHECK(aclmdlAddDatasetBuffer(input, in_buf));
	in_buf = NULL; /* the dataset's now */
	CHECK(aclrtMalloc(&result, app->model_out_size, ACL_MEM_MALLOC_HUGE_FIRST));
	out_buf = aclCreateDataBuffer(result, app->model_out_size);
	CHECK(aclmdlAddDatasetBuffer(output, out_buf));
	CHECK(aclmdlExecute(app->model_id, input, output));
	CHECK(aclrtMemcpy(host, sizeof(host), result, sizeof(host), ACL_MEMCPY_DEVICE_TO_HOST));
	memcpy(&digest, host, sizeof(digest));
	memcpy(&mean_y, host + 4, sizeof(mean_y));
	printf("pipeline: frame %d: model %" PRIu32 " ran on the DVPP output: input digest "
	       "0x%08" PRIx32 ", channel-0 mean %.2f\n",
	       frame, app->model_id, digest, (double)mean_y);
	rc = 0;
out:
	if (result)
		aclrtFree(result);
	for (size_t i = 0; input && i < aclmdlGetDatasetNumBuffers(input); i++)
		aclDestroyDataBuffer(aclmdlGetDatasetBuffer(input, i));
	for (size_t i = 0; output && i < aclmdlGetDatasetNumBuffers(output); i++)
		aclDestroyDataBuffer(aclmdlGetDatasetBuffer(output, i));
	if (in_buf)
		aclDestroyDataBuffer(in_buf);
	if (input)
		aclmdlDestroyDataset(input);
	if (output)
		aclmdlDestroyDataset(output);
	return rc;
}

static int run_frame(struct app *app, int frame)
{
	void *jpeg_dev = NULL, *decoded = NULL, *resized = NULL;
	acldvppPicDesc *decoded_desc = NULL, *resized_desc = NULL;
	uint32_t dec_size, width, height;
	const uint32_t resized_size = NV12_SIZE(MODEL_WIDTH, MODEL_HEIGHT);
	int rc = -1;

	/* The JPEG goes to DVPP memory: the decoder reads nothing else. */
	CHECK(acldvppMalloc(&jpeg_dev, app->jpeg_size));
	CHECK(aclrtMemcpy(jpeg_dev, app->jpeg_size, app->jpeg, app->jpeg_size,
			  ACL_MEMCPY_HOST_TO_DEVICE));
	CHECK(acldvppJpegPredictDecSize(app->jpeg, app->jpeg_size, PIXEL_FORMAT_YUV_SEMIPLANAR_420,
					&dec_size));
	CHECK(acldvppMalloc(&decoded, dec_size));
	decoded_desc = nv12_desc(decoded, dec_size, 0, 0, 0, 0);
	CHECK(acldvppJpegDecodeAsync(app->channel, jpeg_dev, app->jpeg_size, decoded_desc,
				     app->stream));
	CHECK(aclrtSynchronizeStream(app->stream));
	width = acldvppGetPicDescWidth(decoded_desc);
	height = acldvppGetPicDescHeight(decoded_desc);
	printf("pipeline: frame %d: decoded %" PRIu32 "x%" PRIu32 " (strides %" PRIu32 "x%" PRIu32
	       ") into %p\n",
	       frame, width, height, acldvppGetPicDescWidthStride(decoded_desc),
	       acldvppGetPicDescHeightStride(decoded_desc), decoded);

	/* The VPC wants even sizes for YUV420SP. */
	acldvppSetPicDescWidth(decoded_desc, width & ~1u);
	acldvppSetPicDescHeight(decoded_desc, height & ~1u);
	CHECK(acldvppMalloc(&resized, resized_size));
	resized_desc =
	    nv12_desc(resized, resized_size, MODEL_WIDTH, MODEL_HEIGHT, MODEL_WIDTH, MODEL_HEIGHT);
	CHECK(acldvppVpcResizeAsync(app->channel, decoded_desc, resized_desc, app->resize,
				    app->stream));
	CHECK(aclrtSynchronizeStream(app->stream));
	printf("pipeline: frame %d: resized to %ux%u into %p\n", frame, MODEL_WIDTH, MODEL_HEIGHT,
	       resized);

	if (infer(app, resized, resized_size, frame) != 0)
		goto out;
	rc = 0;
out:
	if (jpeg_dev) {
		if (app->clean)
			acldvppFree(jpeg_dev);
		else /* acltrace: mismatched-free (DVPP memory released by the runtime's free) */
			aclrtFree(jpeg_dev);
	}
	if (decoded && app->clean)
		acldvppFree(decoded);
	/* acltrace: leak (without --clean, the decoded picture of each frame stays allocated) */
	if (resized)
		acldvppFree(resized);
	if (decoded_desc)
		acldvppDestroyPicDesc(decoded_desc);
	if (resized_desc)
		acldvppDestroyPicDesc(resized_desc);
	return rc;
}

static int load_model(struct app *app)
{
	CHECK(aclmdlLoadFromFile(app->model_path, &app->model_id));
	app->model_loaded = true;
	app->model_desc = aclmdlCreateDesc();
	if (!app->model_desc)
		goto out;
	CHECK(aclmdlGetDesc(app->model_desc, app->model_id));
	app->model_in_size = aclmdlGetInputSizeByIndex(app->model_desc, 0);
	app->model_out_size = aclmdlGetOutputSizeByIndex(app->model_desc, 0);
	if (app->model_in_size != NV12_SIZE(MODEL_WIDTH, MODEL_HEIGHT) ||
	    app->model_out_size < 16) {
		fprintf(stderr,
			"pipeline: model %s takes %zu bytes, expected a %ux%u NV12 picture\n",
			app->model_path, app->model_in_size, MODEL_WIDTH, MODEL_HEIGHT);
		goto out;
	}
	printf("pipeline: loaded model %s (input %zu bytes, output %zu bytes)\n", app->model_path,
	       app->model_in_size, app->model_out_size);
	return 0;
out:
	return -1;
}

static int usage(const char *argv0)
{
	fprintf(stderr, "usage: %s [--clean] [--frames N] IMAGE.jpg [MODEL.om]\n", argv0);
	return 2;
}

int main(int argc, char **argv)
{
	struct app app = { .frames = 3 };
	uint32_t width = 0, height = 0;
	int32_t components = 0;
	int rc = 1;

	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--clean") == 0)
			app.clean = true;
		else if (strcmp(argv[i], "--frames") == 0 && i + 1 < argc)
			app.frames = atoi(argv[++i]);
		else if (!app.image_path)
			app.image_path = argv[i];
		else if (!app.model_path)
			app.model_path = argv[i];
		else
			return usage(argv[0]);
	}
	if (!app.image_path || app.frames < 1)
		return usage(argv[0]);
	if (read_file(app.image_path, &app.jpeg, &app.jpeg_size) != 0)
		return 1;

	CHECK(aclInit(NULL));
	CHECK(aclrtSetDevice(0));
	CHECK(aclrtCreateStream(&app.stream));
	CHECK(acldvppJpegGetImageInfo(app.jpeg, app.jpeg_size, &width, &height, &components));
	printf("pipeline: %s is a %" PRIu32 "x%" PRIu32 " JPEG with %" PRId32 " components; %d "
	       "frame(s), %s\n",
	       app.image_path, width, height, components, app.frames,
	       app.clean ? "clean run" : "with the planted misuses");
	app.channel = acldvppCreateChannelDesc();
	app.resize = acldvppCreateResizeConfig();
	if (!app.channel || !app.resize)
		goto out;
	CHECK(acldvppCreateChannel(app.channel));
	if (app.model_path && load_model(&app) != 0)
		goto out;
	for (int f = 0; f < app.frames; f++)
		if (run_frame(&app, f) != 0)
			goto out;
	printf("pipeline: done\n");
	rc = 0;
out:
	if (app.model_desc)
		aclmdlDestroyDesc(app.model_desc);
	if (app.model_loaded)
		aclmdlUnload(app.model_id);
	if (app.resize)
		acldvppDestroyResizeConfig(app.resize);
	if (app.channel) {
		acldvppDestroyChannel(app.channel);
		acldvppDestroyChannelDesc(app.channel);
	}
	if (app.stream)
		aclrtDestroyStream(app.stream);
	aclrtResetDevice(0);
	aclFinalize();
	free(app.jpeg);
	return rc;
}
