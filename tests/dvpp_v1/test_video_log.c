/* SPDX-License-Identifier: MIT */
/*
 * A video channel's stream and callback subscription are made inside the toolkit: ASCEND_SIM_LOG
 * holds exactly the aclrtCreateStream / aclrtSubscribeReport / aclrtUnSubscribeReport /
 * aclrtDestroyStream calls the program made itself, while the channel's calls and the callbacks
 * it delivered are there. The program subscribes its callback thread to a stream of its own
 * too, so both subscriptions of that thread must work side by side.
 */
#include "v1_cmocka.h"
#include "v1_util.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define FW	   128
#define FH	   128
#define FRAME_SIZE (FW * FH * 3 / 2)
#define N_FRAMES   2
#define BITS_SIZE  1000

enum own_call { CREATE_STREAM, SUBSCRIBE, UNSUBSCRIBE, DESTROY_STREAM, N_OWN };

static const char *const own_names[N_OWN] = { "aclrtCreateStream", "aclrtSubscribeReport",
					      "aclrtUnSubscribeReport", "aclrtDestroyStream" };

/* The stream-related calls this program itself made, by kind. */
static int own_calls[N_OWN];

static aclrtContext context;
static pthread_t cb_thread;
static atomic_bool stop;
static atomic_int n_vdec, n_venc, n_host;
static atomic_int off_thread; /* callbacks delivered on another thread than cb_thread */
static uint8_t first_luma[N_FRAMES];

static void *report_loop(void *arg)
{
	(void)arg;
	aclrtSetCurrentContext(context);
	while (!atomic_load(&stop)) {
		if (aclrtProcessReport(20) == ACL_ERROR_RT_THREAD_SUBSCRIBE) {
			struct timespec t = { 0, 1000000 };

			nanosleep(&t, NULL);
		}
	}
	return NULL;
}

static void note_thread(void)
{
	if (!pthread_equal(pthread_self(), cb_thread))
		atomic_fetch_add(&off_thread, 1);
}

static void vdec_cb(acldvppStreamDesc *input, acldvppPicDesc *output, void *user_data)
{
	(void)input;
	note_thread();
	if (output != NULL && user_data != NULL) {
		int i = *(int *)user_data;
		uint8_t *y = acldvppGetPicDescData(output);

		if (i >= 0 && i < N_FRAMES && y != NULL)
			first_luma[i] = y[0];
	}
	atomic_fetch_add(&n_vdec, 1);
}

static void venc_cb(acldvppPicDesc *input, acldvppStreamDesc *output, void *user_data)
{
	(void)input;
	(void)output;
	(void)user_data;
	note_thread();
	atomic_fetch_add(&n_venc, 1);
}

static void host_cb(void *user_data)
{
	(void)user_data;
	note_thread();
	atomic_fetch_add(&n_host, 1);
}

static void wait_for(atomic_int *counter, int n)
{
	struct timespec t = { 0, 2000000 };

	for (int i = 0; i < 2500 && atomic_load(counter) < n; i++)
		nanosleep(&t, NULL);
	assert_int_equal(atomic_load(counter), n);
}

static uint64_t fnv1a(const uint8_t *p, size_t n)
{
	uint64_t h = 0xcbf29ce484222325ull;

	for (size_t i = 0; i < n; i++) {
		h ^= p[i];
		h *= 0x100000001b3ull;
	}
	return h;
}

static void decode_frames(void)
{
	aclvdecChannelDesc *ch = aclvdecCreateChannelDesc();
	acldvppStreamDesc *in[N_FRAMES], *eos = acldvppCreateStreamDesc();
	acldvppPicDesc *out[N_FRAMES];
	void *bits[N_FRAMES], *pix[N_FRAMES];
	int tag[N_FRAMES];

	assert_non_null(ch);
	assert_non_null(eos);
	assert_int_equal(aclvdecSetChannelDescChannelId(ch, 1), ACL_SUCCESS);
	assert_int_equal(aclvdecSetChannelDescThreadId(ch, (uint64_t)cb_thread), ACL_SUCCESS);
	assert_int_equal(aclvdecSetChannelDescCallback(ch, vdec_cb), ACL_SUCCESS);
	assert_int_equal(aclvdecSetChannelDescEnType(ch, H264_MAIN_LEVEL), ACL_SUCCESS);
	assert_int_equal(aclvdecSetChannelDescOutPicFormat(ch, PIXEL_FORMAT_YUV_SEMIPLANAR_420),
			 ACL_SUCCESS);
	assert_int_equal(aclvdecSetChannelDescOutPicWidth(ch, FW), ACL_SUCCESS);
	assert_int_equal(aclvdecSetChannelDescOutPicHeight(ch, FH), ACL_SUCCESS);
	assert_int_equal(aclvdecCreateChannel(ch), ACL_SUCCESS);
	for (int i = 0; i < N_FRAMES; i++) {
		tag[i] = i;
		assert_int_equal(acldvppMalloc(&bits[i], BITS_SIZE), ACL_SUCCESS);
		memset(bits[i], 0x31 + 7 * i, BITS_SIZE);
		assert_int_equal(acldvppMalloc(&pix[i], FRAME_SIZE), ACL_SUCCESS);
		in[i] = acldvppCreateStreamDesc();
		assert_int_equal(acldvppSetStreamDescData(in[i], bits[i]), ACL_SUCCESS);
		assert_int_equal(acldvppSetStreamDescSize(in[i], BITS_SIZE), ACL_SUCCESS);
		assert_int_equal(acldvppSetStreamDescFormat(in[i], H264_MAIN_LEVEL), ACL_SUCCESS);
		out[i] = acldvppCreatePicDesc();
		assert_int_equal(acldvppSetPicDescData(out[i], pix[i]), ACL_SUCCESS);
		assert_int_equal(acldvppSetPicDescSize(out[i], FRAME_SIZE), ACL_SUCCESS);
		assert_int_equal(acldvppSetPicDescFormat(out[i], PIXEL_FORMAT_YUV_SEMIPLANAR_420),
				 ACL_SUCCESS);
		assert_int_equal(aclvdecSendFrame(ch, in[i], out[i], NULL, &tag[i]), ACL_SUCCESS);
	}
	assert_int_equal(acldvppSetStreamDescEos(eos, 1), ACL_SUCCESS);
	assert_int_equal(aclvdecSendFrame(ch, eos, NULL, NULL, NULL), ACL_SUCCESS);
	wait_for(&n_vdec, N_FRAMES + 1);
	/* The frames were really decoded: Y(0, 0) is the low byte of the bitstream's hash. */
	for (int i = 0; i < N_FRAMES; i++)
		assert_int_equal(first_luma[i], (uint8_t)fnv1a(bits[i], BITS_SIZE));
	assert_int_equal(aclvdecDestroyChannel(ch), ACL_SUCCESS);
	assert_int_equal(aclvdecDestroyChannelDesc(ch), ACL_SUCCESS);
	for (int i = 0; i < N_FRAMES; i++) {
		acldvppDestroyStreamDesc(in[i]);
		acldvppDestroyPicDesc(out[i]);
		assert_int_equal(acldvppFree(bits[i]), ACL_SUCCESS);
		assert_int_equal(acldvppFree(pix[i]), ACL_SUCCESS);
	}
	acldvppDestroyStreamDesc(eos);
}

static void encode_frame(void)
{
	aclvencChannelDesc *ch = aclvencCreateChannelDesc();
	struct v1_pic pic;

	assert_non_null(ch);
	assert_int_equal(aclvencSetChannelDescThreadId(ch, (uint64_t)cb_thread), ACL_SUCCESS);
	assert_int_equal(aclvencSetChannelDescCallback(ch, venc_cb), ACL_SUCCESS);
	assert_int_equal(aclvencSetChannelDescEnType(ch, H264_MAIN_LEVEL), ACL_SUCCESS);
	assert_int_equal(aclvencSetChannelDescPicFormat(ch, PIXEL_FORMAT_YUV_SEMIPLANAR_420),
			 ACL_SUCCESS);
	assert_int_equal(aclvencSetChannelDescPicWidth(ch, FW), ACL_SUCCESS);
	assert_int_equal(aclvencSetChannelDescPicHeight(ch, FH), ACL_SUCCESS);
	assert_int_equal(aclvencCreateChannel(ch), ACL_SUCCESS);
	v1_pic_alloc(&pic, PIXEL_FORMAT_YUV_SEMIPLANAR_420, FW, FH, FW, FH, 0);
	v1_fill_nv12(&pic, 1);
	assert_int_equal(aclvencSendFrame(ch, pic.desc, NULL, NULL, NULL), ACL_SUCCESS);
	wait_for(&n_venc, 1);
	assert_int_equal(aclvencDestroyChannel(ch), ACL_SUCCESS);
	assert_int_equal(aclvencDestroyChannelDesc(ch), ACL_SUCCESS);
	v1_pic_free(&pic);
}

static char *read_all(const char *path)
{
	FILE *f = fopen(path, "r");
	size_t cap = 1 << 16, len = 0, n;
	char *buf = malloc(cap);

	assert_non_null(f);
	assert_non_null(buf);
	while ((n = fread(buf + len, 1, cap - len - 1, f)) > 0) {
		len += n;
		if (cap - len < 4096) {
			cap *= 2;
			buf = realloc(buf, cap);
			assert_non_null(buf);
		}
	}
	fclose(f);
	buf[len] = '\0';
	return buf;
}

/* Lines starting with "api(", and how many of them end in " = 0" (or " = 0 ..."). */
static int count_lines(const char *log, const char *api, int *ok)
{
	size_t len = strlen(api);
	int n = 0;

	*ok = 0;
	for (const char *line = log; *line != '\0';) {
		const char *end = strchr(line, '\n');

		if (end == NULL)
			end = line + strlen(line);
		if (strncmp(line, api, len) == 0 && line[len] == '(') {
			const char *eq = strstr(line, ") = 0");

			n++;
			if (eq != NULL && eq < end && (eq[5] == '\n' || eq[5] == ' '))
				(*ok)++;
		}
		line = *end ? end + 1 : end;
	}
	return n;
}

static void test_channels_log_only_program_calls(void **state)
{
	const char *path = getenv("ASCEND_SIM_LOG");
	aclrtStream own;
	char *log;
	int ok;

	(void)state;
	assert_non_null(path);
	unlink(path);
	assert_int_equal(aclInit(NULL), ACL_SUCCESS);
	assert_int_equal(aclrtSetDevice(0), ACL_SUCCESS);
	assert_int_equal(aclrtGetCurrentContext(&context), ACL_SUCCESS);
	atomic_store(&stop, false);
	assert_int_equal(pthread_create(&cb_thread, NULL, report_loop, NULL), 0);

	/* The program's own stream, with the callback thread subscribed to it. */
	assert_int_equal(aclrtCreateStream(&own), ACL_SUCCESS);
	own_calls[CREATE_STREAM]++;
	assert_int_equal(aclrtSubscribeReport((uint64_t)cb_thread, own), ACL_SUCCESS);
	own_calls[SUBSCRIBE]++;

	decode_frames();
	encode_frame();
	/* The program's subscription still works after the channels' ones went away. */
	assert_int_equal(aclrtLaunchCallback(host_cb, NULL, ACL_CALLBACK_BLOCK, own), ACL_SUCCESS);
	assert_int_equal(aclrtSynchronizeStream(own), ACL_SUCCESS);
	assert_int_equal(atomic_load(&n_host), 1);
	assert_int_equal(atomic_load(&off_thread), 0);

	assert_int_equal(aclrtUnSubscribeReport((uint64_t)cb_thread, own), ACL_SUCCESS);
	own_calls[UNSUBSCRIBE]++;
	assert_int_equal(aclrtDestroyStream(own), ACL_SUCCESS);
	own_calls[DESTROY_STREAM]++;
	atomic_store(&stop, true);
	pthread_join(cb_thread, NULL);
	assert_int_equal(aclrtResetDevice(0), ACL_SUCCESS);
	assert_int_equal(aclFinalize(), ACL_SUCCESS);

	log = read_all(path);
	for (int k = 0; k < N_OWN; k++) {
		int n = count_lines(log, own_names[k], &ok);

		if (n != own_calls[k])
			print_error("%s: %d log lines, the program made %d calls\n", own_names[k],
				    n, own_calls[k]);
		assert_int_equal(n, own_calls[k]);
		assert_int_equal(ok, own_calls[k]);
	}
	/* The log is on and saw the channels' work: their calls and the callbacks delivered. */
	assert_int_equal(count_lines(log, "aclvdecCreateChannel", &ok), 1);
	assert_int_equal(ok, 1);
	assert_int_equal(count_lines(log, "aclvdecSendFrame", &ok), N_FRAMES + 1);
	assert_int_equal(ok, N_FRAMES + 1);
	assert_int_equal(count_lines(log, "aclvdecDestroyChannel", &ok), 1);
	assert_int_equal(ok, 1);
	assert_int_equal(count_lines(log, "aclvencCreateChannel", &ok), 1);
	assert_int_equal(ok, 1);
	assert_int_equal(count_lines(log, "aclvencDestroyChannel", &ok), 1);
	assert_int_equal(ok, 1);
	assert_true(count_lines(log, "aclrtProcessReport", &ok) >= 1);
	assert_true(ok >= 1);
	free(log);
	unlink(path);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_channels_log_only_program_calls),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
