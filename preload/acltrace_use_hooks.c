/* SPDX-License-Identifier: MIT */
/*
 * Use-site handlers, one pair per USE line of acltrace_hooks.def. Picture and stream descriptions
 * are shadowed from their setters (no call into the runtime, which would show in its call log);
 * the runtime's getters are the fallback for descriptions acltrace did not see being set, and
 * read batch members and model datasets.
 */
#include "acltrace_use_hooks.h"

#include "acltrace_picture.h"
#include "acltrace_real.h"
#include "acltrace_soc.h"
#include "acltrace_tasks.h"
#include "acltrace_types.h"
#include "acltrace_use.h"
#include "acltrace_video.h"

#include <dlfcn.h>

/* Each handler mirrors its API's full parameter list; most use only a few of them. */
#pragma GCC diagnostic ignored "-Wunused-parameter"

/* The use in progress on this thread: its pre handler fills it, its post handler reads it. */
static __thread struct acltrace_use cur __attribute__((tls_model("initial-exec")));

/* ---- the runtime's getters (not interposed) ---- */

struct getters {
	void *(*pic_data)(const acldvppPicDesc *);
	uint32_t (*pic_size)(const acldvppPicDesc *);
	int (*pic_format)(const acldvppPicDesc *);
	uint32_t (*pic_width)(const acldvppPicDesc *);
	uint32_t (*pic_height)(const acldvppPicDesc *);
	uint32_t (*pic_ws)(const acldvppPicDesc *);
	uint32_t (*pic_hs)(const acldvppPicDesc *);
	void *(*stream_data)(const acldvppStreamDesc *);
	uint32_t (*stream_size)(const acldvppStreamDesc *);
	acldvppPicDesc *(*batch_pic)(acldvppBatchPicDesc *, uint32_t);
	size_t (*ds_count)(const aclmdlDataset *);
	aclDataBuffer *(*ds_buffer)(const aclmdlDataset *, size_t);
	void *(*buf_addr)(const aclDataBuffer *);
	size_t (*buf_size)(const aclDataBuffer *);
	uint8_t (*venc_eos)(const aclvencFrameConfig *);
};

static struct getters G;
static int getters_state; /* 0 unresolved, 1 resolved (entries may stay NULL) */

static void *find_sym(const char *name, const char *soname)
{
	typedef void *(*dlsym_fn)(void *, const char *);
	dlsym_fn real_dlsym = (dlsym_fn)__atomic_load_n(&acltrace_libc_dlsym, __ATOMIC_ACQUIRE);
	void *p, *h;

	if (!real_dlsym)
		return NULL;
	p = real_dlsym(RTLD_DEFAULT, name);
	if (!p && (h = dlopen(soname, RTLD_LAZY | RTLD_NOLOAD)) != NULL) {
		/* A library loaded RTLD_LOCAL (dlopen callers). */
		p = real_dlsym(h, name);
		dlclose(h);
	}
	dlerror();
	return p;
}

static const struct getters *getters(void)
{
	if (__atomic_load_n(&getters_state, __ATOMIC_ACQUIRE))
		return &G;
#define GET(field, name, lib) *(void **)&G.field = find_sym(name, lib)
	GET(pic_data, "acldvppGetPicDescData", "libacl_dvpp.so");
	GET(pic_size, "acldvppGetPicDescSize", "libacl_dvpp.so");
	GET(pic_format, "acldvppGetPicDescFormat", "libacl_dvpp.so");
	GET(pic_width, "acldvppGetPicDescWidth", "libacl_dvpp.so");
	GET(pic_height, "acldvppGetPicDescHeight", "libacl_dvpp.so");
	GET(pic_ws, "acldvppGetPicDescWidthStride", "libacl_dvpp.so");
	GET(pic_hs, "acldvppGetPicDescHeightStride", "libacl_dvpp.so");
	GET(stream_data, "acldvppGetStreamDescData", "libacl_dvpp.so");
	GET(stream_size, "acldvppGetStreamDescSize", "libacl_dvpp.so");
	GET(batch_pic, "acldvppGetPicDesc", "libacl_dvpp.so");
	GET(ds_count, "aclmdlGetDatasetNumBuffers", "libascendcl.so");
	GET(ds_buffer, "aclmdlGetDatasetBuffer", "libascendcl.so");
	GET(buf_addr, "aclGetDataBufferAddr", "libascendcl.so");
	GET(buf_size, "aclGetDataBufferSizeV2", "libascendcl.so");
	GET(venc_eos, "aclvencGetFrameConfigEos", "libacl_dvpp.so");
#undef GET
	/* Only a complete set is kept: a library loaded later gets another chance. */
	if (G.pic_data && G.ds_count)
		__atomic_store_n(&getters_state, 1, __ATOMIC_RELEASE);
	return &G;
}

/* ---- helpers ---- */

static void begin(struct acltrace_call *c, bool dvpp_op, unsigned engine, unsigned site)
{
	acltrace_use_begin(&cur, c, dvpp_op, engine, site);
}

static bool deny_acl(aclError *rc)
{
	int code;

	if (!acltrace_use_denied(&cur, &code))
		return false;
	*rc = code;
	return true;
}

static bool deny_hi(hi_s32 *rc)
{
	int code;

	if (!acltrace_use_denied(&cur, &code))
		return false;
	*rc = code;
	return true;
}

static uint64_t max64(uint64_t a, uint64_t b)
{
	return a > b ? a : b;
}

static uint32_t align_up(uint32_t v, uint32_t a)
{
	return a ? (v + a - 1) / a * a : v;
}

/* The fields of a V1 description: the shadow the setters keep, else the runtime's getters. */
static bool pic_fields(const acldvppPicDesc *d, struct acltrace_picture *p)
{
	const struct getters *g;

	if (acltrace_picture_get(d, p))
		return true;
	g = getters();
	if (!g->pic_data || !g->pic_size || !g->pic_format || !g->pic_width || !g->pic_height ||
	    !g->pic_ws || !g->pic_hs)
		return false;
	*p = (struct acltrace_picture){ .addr = (uint64_t)(uintptr_t)g->pic_data(d),
					.size = g->pic_size(d),
					.format = g->pic_format(d),
					.width = g->pic_width(d),
					.height = g->pic_height(d),
					.width_stride = g->pic_ws(d),
					.height_stride = g->pic_hs(d) };
	return true;
}

/* A V1 picture description: its declared size or what its format needs, whichever is more. */
static void v1_pic(const char *what, const acldvppPicDesc *d, unsigned role, bool jpegd_out)
{
	struct acltrace_picture p;
	uint32_t ws, hs;
	uint64_t need;

	if (!d || !pic_fields(d, &p))
		return;
	ws = p.width_stride;
	hs = p.height_stride;
	if (jpegd_out) {
		/* The decoder writes whole aligned rows, by the target's alignment. */
		const struct acltrace_soc *soc = acltrace_soc_target();
		uint32_t aw = align_up(p.width, soc->jpegd_ws_align);
		uint32_t ah = align_up(p.height, soc->jpegd_hs_align);

		if (aw > ws)
			ws = aw;
		if (ah > hs)
			hs = ah;
	}
	need = acltrace_picture_bytes(p.format, ws, hs);
	acltrace_use_buffer(&cur, what, (const void *)(uintptr_t)p.addr, max64(p.size, need), role,
			    ACLTRACE_NEED_DVPP);
}

static void v1_batch(const char *what, acldvppBatchPicDesc *b, uint32_t count, unsigned role)
{
	const struct getters *g = getters();

	if (!b || !g->batch_pic)
		return;
	for (uint32_t i = 0; i < count && i < 256; i++)
		v1_pic(what, g->batch_pic(b, i), role, false);
}

static uint32_t roi_total(const uint32_t *roiNums, uint32_t size)
{
	uint32_t n = 0;

	for (uint32_t i = 0; roiNums && i < size && i < 256; i++)
		n += roiNums[i];
	return n;
}

static void v2_pic(const char *what, const hi_vpc_pic_info *p, unsigned role)
{
	uint64_t need;

	if (!p)
		return;
	need = acltrace_picture_bytes(p->picture_format, p->picture_width_stride,
				      p->picture_height_stride);
	acltrace_use_buffer(&cur, what, p->picture_address, max64(p->picture_buffer_size, need),
			    role, ACLTRACE_NEED_DVPP);
}

static void post_stream(const aclError *rc, aclrtStream stream)
{
	if (*rc == 0 && cur.nbufs)
		acltrace_use_submit(&cur, ACLTRACE_QUEUE_STREAM, (uint64_t)(uintptr_t)stream, 0);
}

static void post_vpc(const hi_s32 *rc, hi_vpc_chn chn, const hi_u32 *task_id)
{
	if (*rc == 0 && task_id && cur.nbufs)
		acltrace_use_submit(&cur, ACLTRACE_QUEUE_VPC, (uint64_t)(int64_t)chn, *task_id);
}

#define IN  ACLTRACE_ROLE_INPUT
#define OUT ACLTRACE_ROLE_OUTPUT

/* ---- picture and stream descriptions ---- */

bool acltrace_usepre_acldvppSetPicDescData(struct acltrace_call *c, aclError *rc,
					   acldvppPicDesc *picDesc, void *dataDev)
{
	begin(c, false, ACLTRACE_ENGINE_VPC, ACLTRACE_SITE_ACL);
	acltrace_use_buffer(&cur, "picture data", dataDev, 0, IN, ACLTRACE_NEED_LIVE);
	return deny_acl(rc);
}
void acltrace_usepost_acldvppSetPicDescData(struct acltrace_call *c, aclError *rc,
					    acldvppPicDesc *picDesc, void *dataDev)
{
	if (*rc == 0)
		acltrace_picture_set(picDesc, ACLTRACE_PIC_DATA, (uint64_t)(uintptr_t)dataDev);
}

/* The other setters: no buffer to check; the shadow records the field. */
#define SETTER(api, desc_t, field, value_t)                                                      \
	bool acltrace_usepre_##api(struct acltrace_call *c, aclError *rc, desc_t *d, value_t v)  \
	{                                                                                        \
		return false;                                                                    \
	}                                                                                        \
	void acltrace_usepost_##api(struct acltrace_call *c, aclError *rc, desc_t *d, value_t v) \
	{                                                                                        \
		if (*rc == 0)                                                                    \
			acltrace_picture_set(d, field, (uint64_t)v);                             \
	}

SETTER(acldvppSetPicDescSize, acldvppPicDesc, ACLTRACE_PIC_SIZE, uint32_t)
SETTER(acldvppSetPicDescFormat, acldvppPicDesc, ACLTRACE_PIC_FORMAT, acldvppPixelFormat)
SETTER(acldvppSetPicDescWidth, acldvppPicDesc, ACLTRACE_PIC_WIDTH, uint32_t)
SETTER(acldvppSetPicDescHeight, acldvppPicDesc, ACLTRACE_PIC_HEIGHT, uint32_t)
SETTER(acldvppSetPicDescWidthStride, acldvppPicDesc, ACLTRACE_PIC_WIDTH_STRIDE, uint32_t)
SETTER(acldvppSetPicDescHeightStride, acldvppPicDesc, ACLTRACE_PIC_HEIGHT_STRIDE, uint32_t)
SETTER(acldvppSetStreamDescSize, acldvppStreamDesc, ACLTRACE_PIC_SIZE, uint32_t)

/* Creation and destruction: a description's address may come back for another one. */
bool acltrace_usepre_acldvppCreatePicDesc(struct acltrace_call *c, acldvppPicDesc **rc)
{
	return false;
}
void acltrace_usepost_acldvppCreatePicDesc(struct acltrace_call *c, acldvppPicDesc **rc)
{
	acltrace_picture_forget(*rc, true);
}
bool acltrace_usepre_acldvppDestroyPicDesc(struct acltrace_call *c, aclError *rc,
					   acldvppPicDesc *picDesc)
{
	return false;
}
void acltrace_usepost_acldvppDestroyPicDesc(struct acltrace_call *c, aclError *rc,
					    acldvppPicDesc *picDesc)
{
	if (*rc == 0)
		acltrace_picture_forget(picDesc, false);
}
bool acltrace_usepre_acldvppCreateStreamDesc(struct acltrace_call *c, acldvppStreamDesc **rc)
{
	return false;
}
void acltrace_usepost_acldvppCreateStreamDesc(struct acltrace_call *c, acldvppStreamDesc **rc)
{
	acltrace_picture_forget(*rc, true);
}
bool acltrace_usepre_acldvppDestroyStreamDesc(struct acltrace_call *c, aclError *rc,
					      acldvppStreamDesc *streamDesc)
{
	return false;
}
void acltrace_usepost_acldvppDestroyStreamDesc(struct acltrace_call *c, aclError *rc,
					       acldvppStreamDesc *streamDesc)
{
	if (*rc == 0)
		acltrace_picture_forget(streamDesc, false);
}

bool acltrace_usepre_acldvppSetStreamDescData(struct acltrace_call *c, aclError *rc,
					      acldvppStreamDesc *streamDesc, void *dataDev)
{
	begin(c, false, ACLTRACE_ENGINE_VDEC, ACLTRACE_SITE_ACL);
	acltrace_use_buffer(&cur, "stream data", dataDev, 0, IN, ACLTRACE_NEED_LIVE);
	return deny_acl(rc);
}
void acltrace_usepost_acldvppSetStreamDescData(struct acltrace_call *c, aclError *rc,
					       acldvppStreamDesc *streamDesc, void *dataDev)
{
	if (*rc == 0)
		acltrace_picture_set(streamDesc, ACLTRACE_PIC_DATA, (uint64_t)(uintptr_t)dataDev);
}

/* ---- DVPP V1 operations: checked at submission, queued on their stream ---- */

#define V1_OP(api, pre_body, stream_arg, ...)                                           \
	bool acltrace_usepre_##api(struct acltrace_call *c, aclError *rc, __VA_ARGS__)  \
	{                                                                               \
		pre_body;                                                               \
		return deny_acl(rc);                                                    \
	}                                                                               \
	void acltrace_usepost_##api(struct acltrace_call *c, aclError *rc, __VA_ARGS__) \
	{                                                                               \
		post_stream(rc, stream_arg);                                            \
	}

#define VPC_IO()                                                \
	begin(c, true, ACLTRACE_ENGINE_VPC, ACLTRACE_SITE_ACL); \
	v1_pic("input picture", inputDesc, IN, false);          \
	v1_pic("output picture", outputDesc, OUT, false)

V1_OP(acldvppVpcResizeAsync, VPC_IO(), stream, acldvppChannelDesc *channelDesc,
      acldvppPicDesc *inputDesc, acldvppPicDesc *outputDesc, acldvppResizeConfig *resizeConfig,
      aclrtStream stream)
V1_OP(acldvppVpcCropAsync, VPC_IO(), stream, acldvppChannelDesc *channelDesc,
      acldvppPicDesc *inputDesc, acldvppPicDesc *outputDesc, acldvppRoiConfig *cropArea,
      aclrtStream stream)
V1_OP(acldvppVpcCropResizeAsync, VPC_IO(), stream, acldvppChannelDesc *channelDesc,
      acldvppPicDesc *inputDesc, acldvppPicDesc *outputDesc, acldvppRoiConfig *cropArea,
      acldvppResizeConfig *resizeConfig, aclrtStream stream)
V1_OP(acldvppVpcCropAndPasteAsync, VPC_IO(), stream, acldvppChannelDesc *channelDesc,
      acldvppPicDesc *inputDesc, acldvppPicDesc *outputDesc, acldvppRoiConfig *cropArea,
      acldvppRoiConfig *pasteArea, aclrtStream stream)
V1_OP(acldvppVpcCropResizePasteAsync, VPC_IO(), stream, acldvppChannelDesc *channelDesc,
      acldvppPicDesc *inputDesc, acldvppPicDesc *outputDesc, acldvppRoiConfig *cropArea,
      acldvppRoiConfig *pasteArea, acldvppResizeConfig *resizeConfig, aclrtStream stream)
V1_OP(acldvppVpcConvertColorAsync, VPC_IO(), stream, acldvppChannelDesc *channelDesc,
      acldvppPicDesc *inputDesc, acldvppPicDesc *outputDesc, aclrtStream stream)
V1_OP(acldvppVpcPyrDownAsync, VPC_IO(), stream, acldvppChannelDesc *channelDesc,
      acldvppPicDesc *inputDesc, acldvppPicDesc *outputDesc, void *reserve, aclrtStream stream)
V1_OP(acldvppVpcEqualizeHistAsync, VPC_IO(), stream, const acldvppChannelDesc *channelDesc,
      const acldvppPicDesc *inputDesc, acldvppPicDesc *outputDesc, const acldvppLutMap *lutMap,
      aclrtStream stream)
V1_OP(acldvppVpcMakeBorderAsync, VPC_IO(), stream, const acldvppChannelDesc *channelDesc,
      const acldvppPicDesc *inputDesc, acldvppPicDesc *outputDesc,
      const acldvppBorderConfig *borderConfig, aclrtStream stream)
V1_OP(acldvppVpcCalcHistAsync, begin(c, true, ACLTRACE_ENGINE_VPC, ACLTRACE_SITE_ACL);
      v1_pic("input picture", srcPicDesc, IN, false), stream, acldvppChannelDesc *channelDesc,
      acldvppPicDesc *srcPicDesc, acldvppHist *hist, void *reserve, aclrtStream stream)

#define VPC_BATCH()                                             \
	begin(c, true, ACLTRACE_ENGINE_VPC, ACLTRACE_SITE_ACL); \
	v1_batch("input picture", srcBatchPicDescs, size, IN);  \
	v1_batch("output picture", dstBatchPicDescs, roi_total(roiNums, size), OUT)

V1_OP(acldvppVpcBatchCropAsync, VPC_BATCH(), stream, acldvppChannelDesc *channelDesc,
      acldvppBatchPicDesc *srcBatchPicDescs, uint32_t *roiNums, uint32_t size,
      acldvppBatchPicDesc *dstBatchPicDescs, acldvppRoiConfig *cropAreas[], aclrtStream stream)
V1_OP(acldvppVpcBatchCropResizeAsync, VPC_BATCH(), stream, acldvppChannelDesc *channelDesc,
      acldvppBatchPicDesc *srcBatchPicDescs, uint32_t *roiNums, uint32_t size,
      acldvppBatchPicDesc *dstBatchPicDescs, acldvppRoiConfig *cropAreas[],
      acldvppResizeConfig *resizeConfig, aclrtStream stream)
V1_OP(acldvppVpcBatchCropAndPasteAsync, VPC_BATCH(), stream, acldvppChannelDesc *channelDesc,
      acldvppBatchPicDesc *srcBatchPicDescs, uint32_t *roiNums, uint32_t size,
      acldvppBatchPicDesc *dstBatchPicDescs, acldvppRoiConfig *cropAreas[],
      acldvppRoiConfig *pasteAreas[], aclrtStream stream)
V1_OP(acldvppVpcBatchCropResizePasteAsync, VPC_BATCH(), stream, acldvppChannelDesc *channelDesc,
      acldvppBatchPicDesc *srcBatchPicDescs, uint32_t *roiNums, uint32_t size,
      acldvppBatchPicDesc *dstBatchPicDescs, acldvppRoiConfig *cropAreas[],
      acldvppRoiConfig *pasteAreas[], acldvppResizeConfig *resizeConfig, aclrtStream stream)
V1_OP(acldvppVpcBatchCropResizeMakeBorderAsync, VPC_BATCH(), stream,
      acldvppChannelDesc *channelDesc, acldvppBatchPicDesc *srcBatchPicDescs, uint32_t *roiNums,
      uint32_t size, acldvppBatchPicDesc *dstBatchPicDescs, acldvppRoiConfig *cropAreas[],
      acldvppBorderConfig *borderCfgs[], acldvppResizeConfig *resizeConfig, aclrtStream stream)

V1_OP(acldvppJpegDecodeAsync, begin(c, true, ACLTRACE_ENGINE_JPEGD, ACLTRACE_SITE_ACL);
      acltrace_use_buffer(&cur, "JPEG data", data, size, IN, ACLTRACE_NEED_DVPP);
      v1_pic("output picture", outputDesc, OUT, true), stream, acldvppChannelDesc *channelDesc,
      const void *data, uint32_t size, acldvppPicDesc *outputDesc, aclrtStream stream)
V1_OP(acldvppPngDecodeAsync, begin(c, true, ACLTRACE_ENGINE_PNGD, ACLTRACE_SITE_ACL);
      acltrace_use_buffer(&cur, "PNG data", data, size, IN, ACLTRACE_NEED_DVPP);
      v1_pic("output picture", outputDesc, OUT, false), stream, acldvppChannelDesc *channelDesc,
      const void *data, uint32_t size, acldvppPicDesc *outputDesc, aclrtStream stream)
V1_OP(acldvppJpegEncodeAsync, begin(c, true, ACLTRACE_ENGINE_JPEGE, ACLTRACE_SITE_ACL);
      v1_pic("input picture", inputDesc, IN, false);
      acltrace_use_buffer(&cur, "JPEG output", data, size ? *size : 0, OUT, ACLTRACE_NEED_DVPP),
      stream, acldvppChannelDesc *channelDesc, acldvppPicDesc *inputDesc, const void *data,
      uint32_t *size, acldvppJpegeConfig *config, aclrtStream stream)

/* ---- V1 video: checked at submission, in use until the frame's callback ran ---- */

/* The frame a send's pre handler recorded, for its post handler. */
static __thread uint64_t video_frame __attribute__((tls_model("initial-exec")));

static void video_send(unsigned kind, const void *chan, const void *input, const void *output,
		       void *user)
{
	video_frame = acltrace_video_frame(kind, cur.call->api, chan, input, output, user, cur.bufs,
					   cur.nbufs, cur.nbufs ? acltrace_use_stack(&cur) : 0);
}

static void video_sent(const aclError *rc, unsigned api)
{
	if (*rc != 0)
		acltrace_video_frame_cancel(video_frame, api);
	video_frame = 0;
}

bool acltrace_usepre_aclvdecSendFrame(struct acltrace_call *c, aclError *rc,
				      aclvdecChannelDesc *channelDesc, acldvppStreamDesc *input,
				      acldvppPicDesc *output, aclvdecFrameConfig *config,
				      void *userData)
{
	struct acltrace_picture sd = { 0 };
	const struct getters *g;

	begin(c, true, ACLTRACE_ENGINE_VDEC, ACLTRACE_SITE_ACL);
	if (input && !acltrace_picture_get(input, &sd) && (g = getters())->stream_data &&
	    g->stream_size)
		sd = (struct acltrace_picture){ .addr = (uint64_t)(uintptr_t)g->stream_data(input),
						.size = g->stream_size(input) };
	if (input)
		acltrace_use_buffer(&cur, "stream data", (const void *)(uintptr_t)sd.addr, sd.size,
				    IN, ACLTRACE_NEED_DVPP);
	v1_pic("output picture", output, OUT, false);
	if (deny_acl(rc))
		return true;
	/* Recorded before the runtime sees it: the callback may run before the send returns. */
	video_send(ACLTRACE_VIDEO_VDEC, channelDesc, input, output, userData);
	return false;
}
void acltrace_usepost_aclvdecSendFrame(struct acltrace_call *c, aclError *rc,
				       aclvdecChannelDesc *channelDesc, acldvppStreamDesc *input,
				       acldvppPicDesc *output, aclvdecFrameConfig *config,
				       void *userData)
{
	video_sent(rc, c->api);
}

bool acltrace_usepre_aclvencSendFrame(struct acltrace_call *c, aclError *rc,
				      aclvencChannelDesc *channelDesc, acldvppPicDesc *input,
				      void *reserve, aclvencFrameConfig *config, void *userdata)
{
	const struct getters *g = getters();

	begin(c, true, ACLTRACE_ENGINE_VENC, ACLTRACE_SITE_ACL);
	v1_pic("input picture", input, IN, false);
	if (deny_acl(rc))
		return true;
	/* An end-of-stream frame gets no callback. */
	if (!(config && g->venc_eos && g->venc_eos(config)))
		video_send(ACLTRACE_VIDEO_VENC, channelDesc, input, NULL, userdata);
	return false;
}
void acltrace_usepost_aclvencSendFrame(struct acltrace_call *c, aclError *rc,
				       aclvencChannelDesc *channelDesc, acldvppPicDesc *input,
				       void *reserve, aclvencFrameConfig *config, void *userdata)
{
	video_sent(rc, c->api);
}

/* A skipped frame uses no buffer, but its callback must reach the program's. */
bool acltrace_usepre_aclvdecSendSkippedFrame(struct acltrace_call *c, aclError *rc,
					     aclvdecChannelDesc *channelDesc,
					     acldvppStreamDesc *input, aclvdecFrameConfig *config,
					     void *userData)
{
	video_frame = acltrace_video_frame(ACLTRACE_VIDEO_VDEC, c->api, channelDesc, input, NULL,
					   userData, NULL, 0, 0);
	return false;
}
void acltrace_usepost_aclvdecSendSkippedFrame(struct acltrace_call *c, aclError *rc,
					      aclvdecChannelDesc *channelDesc,
					      acldvppStreamDesc *input, aclvdecFrameConfig *config,
					      void *userData)
{
	video_sent(rc, c->api);
}

/* The program sees its own callback, not acltrace's. */
bool acltrace_usepre_aclvdecGetChannelDescCallback(struct acltrace_call *c, aclvdecCallback *rc,
						   const aclvdecChannelDesc *channelDesc)
{
	return false;
}
void acltrace_usepost_aclvdecGetChannelDescCallback(struct acltrace_call *c, aclvdecCallback *rc,
						    const aclvdecChannelDesc *channelDesc)
{
	*rc = (aclvdecCallback)acltrace_video_program_callback(ACLTRACE_VIDEO_VDEC, channelDesc,
							       (acltrace_video_cb)*rc);
}

bool acltrace_usepre_aclvencGetChannelDescCallback(struct acltrace_call *c, aclvencCallback *rc,
						   const aclvencChannelDesc *channelDesc)
{
	return false;
}
void acltrace_usepost_aclvencGetChannelDescCallback(struct acltrace_call *c, aclvencCallback *rc,
						    const aclvencChannelDesc *channelDesc)
{
	*rc = (aclvencCallback)acltrace_video_program_callback(ACLTRACE_VIDEO_VENC, channelDesc,
							       (acltrace_video_cb)*rc);
}

bool acltrace_usepre_aclvdecDestroyChannelDesc(struct acltrace_call *c, aclError *rc,
					       aclvdecChannelDesc *channelDesc)
{
	return false;
}
void acltrace_usepost_aclvdecDestroyChannelDesc(struct acltrace_call *c, aclError *rc,
						aclvdecChannelDesc *channelDesc)
{
	if (*rc == 0)
		acltrace_video_forget_channel(ACLTRACE_VIDEO_VDEC, channelDesc);
}

bool acltrace_usepre_aclvencDestroyChannelDesc(struct acltrace_call *c, aclError *rc,
					       aclvencChannelDesc *channelDesc)
{
	return false;
}
void acltrace_usepost_aclvencDestroyChannelDesc(struct acltrace_call *c, aclError *rc,
						aclvencChannelDesc *channelDesc)
{
	if (*rc == 0)
		acltrace_video_forget_channel(ACLTRACE_VIDEO_VENC, channelDesc);
}

bool acltrace_usepre_aclvdecSetChannelDescCallback(struct acltrace_call *c, aclError *rc,
						   aclvdecChannelDesc *channelDesc,
						   aclvdecCallback *callback)
{
	acltrace_video_set_callback(ACLTRACE_VIDEO_VDEC, channelDesc,
				    (acltrace_video_cb *)callback);
	return false;
}
void acltrace_usepost_aclvdecSetChannelDescCallback(struct acltrace_call *c, aclError *rc,
						    aclvdecChannelDesc *channelDesc,
						    aclvdecCallback *callback)
{
}

bool acltrace_usepre_aclvencSetChannelDescCallback(struct acltrace_call *c, aclError *rc,
						   aclvencChannelDesc *channelDesc,
						   aclvencCallback *callback)
{
	acltrace_video_set_callback(ACLTRACE_VIDEO_VENC, channelDesc,
				    (acltrace_video_cb *)callback);
	return false;
}
void acltrace_usepost_aclvencSetChannelDescCallback(struct acltrace_call *c, aclError *rc,
						    aclvencChannelDesc *channelDesc,
						    aclvencCallback *callback)
{
}

bool acltrace_usepre_aclvdecDestroyChannel(struct acltrace_call *c, aclError *rc,
					   aclvdecChannelDesc *channelDesc)
{
	return false;
}
void acltrace_usepost_aclvdecDestroyChannel(struct acltrace_call *c, aclError *rc,
					    aclvdecChannelDesc *channelDesc)
{
	/* The runtime waited for the callbacks in flight. */
	acltrace_video_channel_done(ACLTRACE_VIDEO_VDEC, channelDesc, c->api);
}

bool acltrace_usepre_aclvencDestroyChannel(struct acltrace_call *c, aclError *rc,
					   aclvencChannelDesc *channelDesc)
{
	return false;
}
void acltrace_usepost_aclvencDestroyChannel(struct acltrace_call *c, aclError *rc,
					    aclvencChannelDesc *channelDesc)
{
	acltrace_video_channel_done(ACLTRACE_VIDEO_VENC, channelDesc, c->api);
}

bool acltrace_usepre_aclvencSetChannelDescBufAddr(struct acltrace_call *c, aclError *rc,
						  aclvencChannelDesc *channelDesc, void *bufAddr)
{
	begin(c, true, ACLTRACE_ENGINE_VENC, ACLTRACE_SITE_ACL);
	acltrace_use_buffer(&cur, "encoder output buffer", bufAddr, 0, OUT, ACLTRACE_NEED_DVPP);
	return deny_acl(rc);
}
void acltrace_usepost_aclvencSetChannelDescBufAddr(struct acltrace_call *c, aclError *rc,
						   aclvencChannelDesc *channelDesc, void *bufAddr)
{
}

/* ---- V2 (HiMPI VPC): every picture, every region; tasks until get_process_result ---- */

#define V2_OP(api, pre_body, ...)                                                     \
	bool acltrace_usepre_##api(struct acltrace_call *c, hi_s32 *rc, __VA_ARGS__)  \
	{                                                                             \
		begin(c, true, ACLTRACE_ENGINE_VPC, ACLTRACE_SITE_VPC);               \
		v2_pic("source picture", source_pic, IN);                             \
		pre_body;                                                             \
		return deny_hi(rc);                                                   \
	}                                                                             \
	void acltrace_usepost_##api(struct acltrace_call *c, hi_s32 *rc, __VA_ARGS__) \
	{                                                                             \
		post_vpc(rc, chn, task_id);                                           \
	}

#define REGIONS(arr, n)                                          \
	for (hi_u32 i_ = 0; (arr) && i_ < (n) && i_ < 256; i_++) \
	v2_pic("destination picture", &(arr)[i_].dest_pic_info, OUT)

V2_OP(hi_mpi_vpc_crop, REGIONS(crop_info, count), hi_vpc_chn chn, const hi_vpc_pic_info *source_pic,
      hi_vpc_crop_region_info crop_info[], hi_u32 count, hi_u32 *task_id, hi_s32 milli_sec)
V2_OP(hi_mpi_vpc_resize, v2_pic("destination picture", dest_pic, OUT), hi_vpc_chn chn,
      const hi_vpc_pic_info *source_pic, hi_vpc_pic_info *dest_pic, hi_double fx, hi_double fy,
      hi_u32 interpolation, hi_u32 *task_id, hi_s32 milli_sec)
V2_OP(hi_mpi_vpc_crop_resize, REGIONS(crop_resize_info, count), hi_vpc_chn chn,
      const hi_vpc_pic_info *source_pic, hi_vpc_crop_resize_region crop_resize_info[], hi_u32 count,
      hi_u32 *task_id, hi_s32 milli_sec)
V2_OP(hi_mpi_vpc_crop_resize_paste, REGIONS(crop_resize_paste_info, count), hi_vpc_chn chn,
      const hi_vpc_pic_info *source_pic, hi_vpc_crop_resize_paste_region crop_resize_paste_info[],
      hi_u32 count, hi_u32 *task_id, hi_s32 milli_sec)
V2_OP(hi_mpi_vpc_crop_resize_make_border, REGIONS(crop_resize_make_border_info, count),
      hi_vpc_chn chn, const hi_vpc_pic_info *source_pic,
      hi_vpc_crop_resize_border_region crop_resize_make_border_info[], hi_u32 count,
      hi_u32 *task_id, hi_s32 milli_sec)
V2_OP(hi_mpi_vpc_crop_resize_resize_paste, REGIONS(crop_resize_resize_paste_info, count),
      hi_vpc_chn chn, const hi_vpc_pic_info *source_pic,
      hi_vpc_crop_resize_resize_paste_region crop_resize_resize_paste_info[], hi_u32 count,
      hi_u32 *task_id, hi_s32 milli_sec)
V2_OP(hi_mpi_vpc_convert_color, v2_pic("destination picture", dest_pic, OUT), hi_vpc_chn chn,
      const hi_vpc_pic_info *source_pic, hi_vpc_pic_info *dest_pic, hi_u32 *task_id,
      hi_s32 milli_sec)
V2_OP(hi_mpi_vpc_convert_color_to_yuv420, v2_pic("destination picture", dest_pic, OUT),
      hi_vpc_chn chn, const hi_vpc_pic_info *source_pic, hi_vpc_pic_info *dest_pic, hi_u32 *task_id,
      hi_s32 milli_sec)
V2_OP(hi_mpi_vpc_convert_color_v2, v2_pic("destination picture", dest_pic, OUT), hi_vpc_chn chn,
      const hi_vpc_pic_info *source_pic, hi_vpc_pic_info *dest_pic, hi_csc_conf *conf,
      hi_u32 *task_id, hi_s32 milli_sec)
V2_OP(hi_mpi_vpc_copy_make_border, v2_pic("destination picture", dest_pic, OUT), hi_vpc_chn chn,
      const hi_vpc_pic_info *source_pic, hi_vpc_pic_info *dest_pic,
      hi_vpc_make_border_info make_border_info, hi_u32 *task_id, hi_s32 milli_sec)
V2_OP(hi_mpi_vpc_pyrdown, v2_pic("destination picture", dest_pic, OUT), hi_vpc_chn chn,
      const hi_vpc_pic_info *source_pic, hi_vpc_pic_info dest_pic[], hi_u32 filter_level,
      hi_s8 gaussian_filter[][5], hi_u16 divisor, hi_vpc_make_border_info make_border_info,
      hi_u32 *task_id, hi_s32 milli_sec)
V2_OP(hi_mpi_vpc_calc_hist, (void)0, hi_vpc_chn chn, const hi_vpc_pic_info *source_pic,
      hi_vpc_histogram_config *hist_config, hi_u32 *task_id, hi_s32 milli_sec)
V2_OP(hi_mpi_vpc_equalize_hist, v2_pic("destination picture", dest_pic, OUT), hi_vpc_chn chn,
      const hi_vpc_pic_info *source_pic, hi_vpc_pic_info *dest_pic,
      const hi_vpc_lut_remap *lut_remap, hi_u32 *task_id, hi_s32 milli_sec)

/* Batch forms: pic_num sources, count[i] regions each. */
#define V2_BATCH(api, region_t)                                                          \
	bool acltrace_usepre_##api(struct acltrace_call *c, hi_s32 *rc, hi_vpc_chn chn,  \
				   const hi_vpc_pic_info *source_pic[], hi_u32 pic_num,  \
				   region_t info[], hi_u32 count[], hi_u32 *task_id,     \
				   hi_s32 milli_sec)                                     \
	{                                                                                \
		hi_u32 regions = 0;                                                      \
                                                                                         \
		begin(c, true, ACLTRACE_ENGINE_VPC, ACLTRACE_SITE_VPC);                  \
		for (hi_u32 i = 0; source_pic && i < pic_num && i < 256; i++) {          \
			v2_pic("source picture", source_pic[i], IN);                     \
			regions += count ? count[i] : 0;                                 \
		}                                                                        \
		REGIONS(info, regions);                                                  \
		return deny_hi(rc);                                                      \
	}                                                                                \
	void acltrace_usepost_##api(struct acltrace_call *c, hi_s32 *rc, hi_vpc_chn chn, \
				    const hi_vpc_pic_info *source_pic[], hi_u32 pic_num, \
				    region_t info[], hi_u32 count[], hi_u32 *task_id,    \
				    hi_s32 milli_sec)                                    \
	{                                                                                \
		post_vpc(rc, chn, task_id);                                              \
	}

V2_BATCH(hi_mpi_vpc_batch_crop_resize_paste, hi_vpc_crop_resize_paste_region)
V2_BATCH(hi_mpi_vpc_batch_crop_resize_make_border, hi_vpc_crop_resize_border_region)

bool acltrace_usepre_hi_mpi_vpc_get_process_result(struct acltrace_call *c, hi_s32 *rc,
						   hi_vpc_chn chn, hi_u32 task_id, hi_s32 milli_sec)
{
	return false;
}
void acltrace_usepost_hi_mpi_vpc_get_process_result(struct acltrace_call *c, hi_s32 *rc,
						    hi_vpc_chn chn, hi_u32 task_id,
						    hi_s32 milli_sec)
{
	unsigned err = (unsigned)*rc & 0x1fffu;

	/* A failed task is over too; only a wait that ran out (NOT_READY, BUSY, TIMEOUT) is not. */
	if (*rc == 0 || (err != 16 && err != 18 && err != 20))
		acltrace_tasks_retire_vpc((uint64_t)(int64_t)chn, task_id, c->api);
}

/* ---- V2 video decoding ---- */

bool acltrace_usepre_hi_mpi_vdec_send_stream(struct acltrace_call *c, hi_s32 *rc, hi_vdec_chn chn,
					     const hi_vdec_stream *stream,
					     hi_vdec_pic_info *vdec_pic_info, hi_s32 milli_sec)
{
	begin(c, true, ACLTRACE_ENGINE_VDEC, ACLTRACE_SITE_VDEC);
	if (stream && stream->addr)
		acltrace_use_buffer(&cur, "stream data", stream->addr, stream->len, IN,
				    ACLTRACE_NEED_DVPP);
	if (vdec_pic_info && vdec_pic_info->vir_addr) {
		uint64_t need =
		    acltrace_picture_bytes(vdec_pic_info->pixel_format, vdec_pic_info->width_stride,
					   vdec_pic_info->height_stride);

		acltrace_use_buffer(
		    &cur, "output picture", (void *)(uintptr_t)vdec_pic_info->vir_addr,
		    max64(vdec_pic_info->buffer_size, need), OUT, ACLTRACE_NEED_DVPP);
	}
	return deny_hi(rc);
}
void acltrace_usepost_hi_mpi_vdec_send_stream(struct acltrace_call *c, hi_s32 *rc, hi_vdec_chn chn,
					      const hi_vdec_stream *stream,
					      hi_vdec_pic_info *vdec_pic_info, hi_s32 milli_sec)
{
	/* In use until hi_mpi_vdec_get_frame returns the frame with this output picture. */
	if (*rc == 0 && cur.nbufs && vdec_pic_info && vdec_pic_info->vir_addr)
		acltrace_use_submit(&cur, ACLTRACE_QUEUE_HI_VDEC, (uint64_t)(int64_t)chn,
				    vdec_pic_info->vir_addr);
}

bool acltrace_usepre_hi_mpi_vdec_get_frame(struct acltrace_call *c, hi_s32 *rc, hi_vdec_chn chn,
					   hi_video_frame_info *frame_info,
					   hi_vdec_supplement_info *supplement,
					   hi_vdec_stream *stream, hi_s32 milli_sec)
{
	return false;
}
void acltrace_usepost_hi_mpi_vdec_get_frame(struct acltrace_call *c, hi_s32 *rc, hi_vdec_chn chn,
					    hi_video_frame_info *frame_info,
					    hi_vdec_supplement_info *supplement,
					    hi_vdec_stream *stream, hi_s32 milli_sec)
{
	const acltrace_hi_video_frame_head *f = (const void *)frame_info;

	if (*rc == 0 && f)
		acltrace_tasks_retire_task(ACLTRACE_QUEUE_HI_VDEC, (uint64_t)(int64_t)chn,
					   (uint64_t)(uintptr_t)f->virt_addr[0], false, c->api);
}

bool acltrace_usepre_hi_mpi_vdec_destroy_chn(struct acltrace_call *c, hi_s32 *rc, hi_vdec_chn chn)
{
	return false;
}
void acltrace_usepost_hi_mpi_vdec_destroy_chn(struct acltrace_call *c, hi_s32 *rc, hi_vdec_chn chn)
{
	if (*rc == 0)
		acltrace_tasks_retire_task(ACLTRACE_QUEUE_HI_VDEC, (uint64_t)(int64_t)chn, 0, true,
					   c->api);
}

bool acltrace_usepre_hi_mpi_vdec_release_frame(struct acltrace_call *c, hi_s32 *rc, hi_vdec_chn chn,
					       const hi_video_frame_info *frame_info)
{
	const acltrace_hi_video_frame_head *f = (const void *)frame_info;

	begin(c, true, ACLTRACE_ENGINE_VDEC, ACLTRACE_SITE_VDEC);
	if (f)
		acltrace_use_buffer(&cur, "frame", f->virt_addr[0], 0, IN, ACLTRACE_NEED_LIVE);
	return deny_hi(rc);
}
void acltrace_usepost_hi_mpi_vdec_release_frame(struct acltrace_call *c, hi_s32 *rc,
						hi_vdec_chn chn,
						const hi_video_frame_info *frame_info)
{
}

/* ---- copies and memsets ---- */

/* Which sides of a copy are host memory (aclrtMemcpyKind; DEFAULT: what is not device memory). */
static void host_sides(aclrtMemcpyKind kind, bool *dst_host, bool *src_host)
{
	*dst_host = kind == 0 || kind == 2;
	*src_host = kind == 0 || kind == 1;
}

static void copy_checks(const char *dst_what, void *dst, uint64_t dst_len, const void *src,
			uint64_t src_len, aclrtMemcpyKind kind, bool async)
{
	bool dst_host, src_host;

	host_sides(kind, &dst_host, &src_host);
	acltrace_use_buffer(&cur, dst_what, dst, dst_len, OUT,
			    async && dst_host ? ACLTRACE_NEED_PINNED : ACLTRACE_NEED_NONE);
	acltrace_use_buffer(&cur, "source", src, src_len, IN,
			    async && src_host ? ACLTRACE_NEED_PINNED : ACLTRACE_NEED_NONE);
}

bool acltrace_usepre_aclrtMemcpy(struct acltrace_call *c, aclError *rc, void *dst, size_t destMax,
				 const void *src, size_t count, aclrtMemcpyKind kind)
{
	begin(c, false, 0, ACLTRACE_SITE_ACL);
	copy_checks("destination", dst, count, src, count, kind, false);
	return deny_acl(rc);
}
void acltrace_usepost_aclrtMemcpy(struct acltrace_call *c, aclError *rc, void *dst, size_t destMax,
				  const void *src, size_t count, aclrtMemcpyKind kind)
{
}

bool acltrace_usepre_aclrtMemcpyAsync(struct acltrace_call *c, aclError *rc, void *dst,
				      size_t destMax, const void *src, size_t count,
				      aclrtMemcpyKind kind, aclrtStream stream)
{
	begin(c, false, 0, ACLTRACE_SITE_ACL);
	copy_checks("destination", dst, count, src, count, kind, true);
	return deny_acl(rc);
}
void acltrace_usepost_aclrtMemcpyAsync(struct acltrace_call *c, aclError *rc, void *dst,
				       size_t destMax, const void *src, size_t count,
				       aclrtMemcpyKind kind, aclrtStream stream)
{
	post_stream(rc, stream);
}

/* A 2-D copy spans pitch x height bytes of each side. */
bool acltrace_usepre_aclrtMemcpy2d(struct acltrace_call *c, aclError *rc, void *dst, size_t dpitch,
				   const void *src, size_t spitch, size_t width, size_t height,
				   aclrtMemcpyKind kind)
{
	begin(c, false, 0, ACLTRACE_SITE_ACL);
	copy_checks("destination", dst, (uint64_t)dpitch * height, src, (uint64_t)spitch * height,
		    kind, false);
	return deny_acl(rc);
}
void acltrace_usepost_aclrtMemcpy2d(struct acltrace_call *c, aclError *rc, void *dst, size_t dpitch,
				    const void *src, size_t spitch, size_t width, size_t height,
				    aclrtMemcpyKind kind)
{
}

bool acltrace_usepre_aclrtMemcpy2dAsync(struct acltrace_call *c, aclError *rc, void *dst,
					size_t dpitch, const void *src, size_t spitch, size_t width,
					size_t height, aclrtMemcpyKind kind, aclrtStream stream)
{
	begin(c, false, 0, ACLTRACE_SITE_ACL);
	copy_checks("destination", dst, (uint64_t)dpitch * height, src, (uint64_t)spitch * height,
		    kind, true);
	return deny_acl(rc);
}
void acltrace_usepost_aclrtMemcpy2dAsync(struct acltrace_call *c, aclError *rc, void *dst,
					 size_t dpitch, const void *src, size_t spitch,
					 size_t width, size_t height, aclrtMemcpyKind kind,
					 aclrtStream stream)
{
	post_stream(rc, stream);
}

bool acltrace_usepre_aclrtMemset(struct acltrace_call *c, aclError *rc, void *devPtr,
				 size_t maxCount, int32_t value, size_t count)
{
	begin(c, false, 0, ACLTRACE_SITE_ACL);
	acltrace_use_buffer(&cur, "memset destination", devPtr, count, OUT, ACLTRACE_NEED_NONE);
	return deny_acl(rc);
}
void acltrace_usepost_aclrtMemset(struct acltrace_call *c, aclError *rc, void *devPtr,
				  size_t maxCount, int32_t value, size_t count)
{
}

bool acltrace_usepre_aclrtMemsetAsync(struct acltrace_call *c, aclError *rc, void *devPtr,
				      size_t maxCount, int32_t value, size_t count,
				      aclrtStream stream)
{
	begin(c, false, 0, ACLTRACE_SITE_ACL);
	acltrace_use_buffer(&cur, "memset destination", devPtr, count, OUT, ACLTRACE_NEED_NONE);
	return deny_acl(rc);
}
void acltrace_usepost_aclrtMemsetAsync(struct acltrace_call *c, aclError *rc, void *devPtr,
				       size_t maxCount, int32_t value, size_t count,
				       aclrtStream stream)
{
	post_stream(rc, stream);
}

/* ---- data buffers and models ---- */

bool acltrace_usepre_aclCreateDataBuffer(struct acltrace_call *c, aclDataBuffer **rc, void *data,
					 size_t size)
{
	int code;

	begin(c, false, 0, ACLTRACE_SITE_ACL);
	acltrace_use_buffer(&cur, "data buffer", data, size, ACLTRACE_ROLE_INOUT,
			    ACLTRACE_NEED_NONE);
	if (!acltrace_use_denied(&cur, &code))
		return false;
	*rc = NULL; /* aclCreateDataBuffer reports failure with NULL */
	return true;
}
void acltrace_usepost_aclCreateDataBuffer(struct acltrace_call *c, aclDataBuffer **rc, void *data,
					  size_t size)
{
}

bool acltrace_usepre_aclUpdateDataBuffer(struct acltrace_call *c, aclError *rc,
					 aclDataBuffer *dataBuffer, void *data, size_t size)
{
	begin(c, false, 0, ACLTRACE_SITE_ACL);
	acltrace_use_buffer(&cur, "data buffer", data, size, ACLTRACE_ROLE_INOUT,
			    ACLTRACE_NEED_NONE);
	return deny_acl(rc);
}
void acltrace_usepost_aclUpdateDataBuffer(struct acltrace_call *c, aclError *rc,
					  aclDataBuffer *dataBuffer, void *data, size_t size)
{
}

static void model_mem(void *workPtr, size_t workSize, void *weightPtr, size_t weightSize)
{
	/* NULL leaves that memory to the runtime. */
	if (workPtr)
		acltrace_use_buffer(&cur, "model work memory", workPtr, workSize,
				    ACLTRACE_ROLE_INOUT, ACLTRACE_NEED_RUNTIME);
	if (weightPtr)
		acltrace_use_buffer(&cur, "model weight memory", weightPtr, weightSize,
				    ACLTRACE_ROLE_INOUT, ACLTRACE_NEED_RUNTIME);
}

bool acltrace_usepre_aclmdlLoadFromFileWithMem(struct acltrace_call *c, aclError *rc,
					       const char *modelPath, uint32_t *modelId,
					       void *workPtr, size_t workSize, void *weightPtr,
					       size_t weightSize)
{
	begin(c, false, 0, ACLTRACE_SITE_ACL);
	model_mem(workPtr, workSize, weightPtr, weightSize);
	return deny_acl(rc);
}
void acltrace_usepost_aclmdlLoadFromFileWithMem(struct acltrace_call *c, aclError *rc,
						const char *modelPath, uint32_t *modelId,
						void *workPtr, size_t workSize, void *weightPtr,
						size_t weightSize)
{
}

bool acltrace_usepre_aclmdlLoadFromMemWithMem(struct acltrace_call *c, aclError *rc,
					      const void *model, size_t modelSize,
					      uint32_t *modelId, void *workPtr, size_t workSize,
					      void *weightPtr, size_t weightSize)
{
	begin(c, false, 0, ACLTRACE_SITE_ACL);
	model_mem(workPtr, workSize, weightPtr, weightSize);
	return deny_acl(rc);
}
void acltrace_usepost_aclmdlLoadFromMemWithMem(struct acltrace_call *c, aclError *rc,
					       const void *model, size_t modelSize,
					       uint32_t *modelId, void *workPtr, size_t workSize,
					       void *weightPtr, size_t weightSize)
{
}

/* The dataset's buffers, read through the runtime's getters. DVPP memory is a legitimate input. */
static void dataset(const char *what, const aclmdlDataset *ds, unsigned role)
{
	const struct getters *g = getters();
	size_t n;

	if (!ds || !g->ds_count || !g->ds_buffer || !g->buf_addr || !g->buf_size)
		return;
	n = g->ds_count(ds);
	for (size_t i = 0; i < n && i < 256; i++) {
		aclDataBuffer *b = g->ds_buffer(ds, i);

		if (b)
			acltrace_use_buffer(&cur, what, g->buf_addr(b), g->buf_size(b), role,
					    ACLTRACE_NEED_NONE);
	}
}

bool acltrace_usepre_aclmdlExecute(struct acltrace_call *c, aclError *rc, uint32_t modelId,
				   const aclmdlDataset *input, aclmdlDataset *output)
{
	begin(c, false, 0, ACLTRACE_SITE_ACL);
	dataset("model input", input, IN);
	dataset("model output", output, OUT);
	return deny_acl(rc);
}
void acltrace_usepost_aclmdlExecute(struct acltrace_call *c, aclError *rc, uint32_t modelId,
				    const aclmdlDataset *input, aclmdlDataset *output)
{
}

bool acltrace_usepre_aclmdlExecuteAsync(struct acltrace_call *c, aclError *rc, uint32_t modelId,
					const aclmdlDataset *input, aclmdlDataset *output,
					aclrtStream stream)
{
	begin(c, false, 0, ACLTRACE_SITE_ACL);
	dataset("model input", input, IN);
	dataset("model output", output, OUT);
	return deny_acl(rc);
}
void acltrace_usepost_aclmdlExecuteAsync(struct acltrace_call *c, aclError *rc, uint32_t modelId,
					 const aclmdlDataset *input, aclmdlDataset *output,
					 aclrtStream stream)
{
	post_stream(rc, stream);
}

/* ---- synchronization: retire pending work ---- */

bool acltrace_usepre_aclrtRecordEvent(struct acltrace_call *c, aclError *rc, aclrtEvent event,
				      aclrtStream stream)
{
	return false;
}
void acltrace_usepost_aclrtRecordEvent(struct acltrace_call *c, aclError *rc, aclrtEvent event,
				       aclrtStream stream)
{
	if (*rc == 0)
		acltrace_tasks_event_record((uint64_t)(uintptr_t)event,
					    (uint64_t)(uintptr_t)stream);
}

bool acltrace_usepre_aclrtSynchronizeEvent(struct acltrace_call *c, aclError *rc, aclrtEvent event)
{
	return false;
}
void acltrace_usepost_aclrtSynchronizeEvent(struct acltrace_call *c, aclError *rc, aclrtEvent event)
{
	/* A failed task fails the synchronization, but the work is over all the same. */
	acltrace_tasks_event_sync((uint64_t)(uintptr_t)event, c->api);
}

bool acltrace_usepre_aclrtSynchronizeStream(struct acltrace_call *c, aclError *rc,
					    aclrtStream stream)
{
	return false;
}
void acltrace_usepost_aclrtSynchronizeStream(struct acltrace_call *c, aclError *rc,
					     aclrtStream stream)
{
	/* An error reports a failed task: the stream is drained nonetheless. */
	acltrace_tasks_retire_stream((uint64_t)(uintptr_t)stream, UINT64_MAX, c->api);
}

bool acltrace_usepre_aclrtSynchronizeStreamWithTimeout(struct acltrace_call *c, aclError *rc,
						       aclrtStream stream, int32_t timeout)
{
	return false;
}
void acltrace_usepost_aclrtSynchronizeStreamWithTimeout(struct acltrace_call *c, aclError *rc,
							aclrtStream stream, int32_t timeout)
{
	if (*rc == 0)
		acltrace_tasks_retire_stream((uint64_t)(uintptr_t)stream, UINT64_MAX, c->api);
}

bool acltrace_usepre_aclrtSynchronizeDevice(struct acltrace_call *c, aclError *rc)
{
	return false;
}
void acltrace_usepost_aclrtSynchronizeDevice(struct acltrace_call *c, aclError *rc)
{
	acltrace_tasks_retire_all_streams(c->api);
}

bool acltrace_usepre_aclrtDestroyStream(struct acltrace_call *c, aclError *rc, aclrtStream stream)
{
	return false;
}
void acltrace_usepost_aclrtDestroyStream(struct acltrace_call *c, aclError *rc, aclrtStream stream)
{
	/* The runtime finishes a destroyed stream's work first. */
	if (*rc == 0)
		acltrace_tasks_retire_stream((uint64_t)(uintptr_t)stream, UINT64_MAX, c->api);
}
