/* SPDX-License-Identifier: MIT */
/*
 * JPEG decoder output strides differ per SoC (api-facts.md 5.4): a 130 x 130 picture decodes into
 * rows of 192 bytes (width aligned to 64) on Ascend310P, of 256 bytes (aligned to 128) on
 * Ascend310. An output buffer sized by the 310P rule overflows on Ascend310. The test runs the
 * program with ASCEND_SIM_SOC set to both.
 * Usage: jpeg_stride FILE.jpg (130 x 130)
 */
#include <stdlib.h>

#include "use_test.h"

int main(int argc, char **argv)
{
	aclrtStream stream = NULL;
	acldvppChannelDesc *ch;
	acldvppPicDesc *pout;
	void *jpeg = NULL, *out = NULL;
	unsigned char file[65536];
	size_t n;
	uint32_t ws = 192, hs = 144, size = 192 * 144 * 3 / 2;
	FILE *f;
	int rc;

	if (argc < 2 || !(f = fopen(argv[1], "rb")))
		return 2;
	n = fread(file, 1, sizeof(file), f);
	fclose(f);
	MUST(aclInit(NULL));
	MUST(aclrtSetDevice(0));
	MUST(aclrtCreateStream(&stream));
	MUST(acldvppMalloc(&jpeg, n));
	MUST(aclrtMemcpy(jpeg, n, file, n, ACL_MEMCPY_HOST_TO_DEVICE));
	MUST(acldvppMalloc(&out, size));
	ch = acldvppCreateChannelDesc();
	MUST(acldvppCreateChannel(ch));
	pout = acldvppCreatePicDesc();
	MUST(acldvppSetPicDescData(pout, out));
	MUST(acldvppSetPicDescSize(pout, size));
	MUST(acldvppSetPicDescFormat(pout, PIXEL_FORMAT_YUV_SEMIPLANAR_420));
	MUST(acldvppSetPicDescWidth(pout, 130));
	MUST(acldvppSetPicDescHeight(pout, 130));
	MUST(acldvppSetPicDescWidthStride(pout, ws));
	MUST(acldvppSetPicDescHeightStride(pout, hs));
	rc = acldvppJpegDecodeAsync(ch, jpeg, (uint32_t)n, pout, stream); // acltrace-expect: buffer-overflow
	show("acldvppJpegDecodeAsync", rc);
	rc = aclrtSynchronizeStream(stream); /* the runtime may fail the task itself */
	show("aclrtSynchronizeStream", rc);
	MUST(acldvppDestroyPicDesc(pout));
	MUST(acldvppDestroyChannel(ch));
	MUST(acldvppDestroyChannelDesc(ch));
	MUST(acldvppFree(jpeg));
	MUST(acldvppFree(out));
	MUST(aclrtDestroyStream(stream));
	MUST(aclrtResetDevice(0));
	MUST(aclFinalize());
	return 0;
}
