/* SPDX-License-Identifier: MIT */
/*
 * non-dvpp-buffer: heap memory as the input of a V1 resize, and aclrtMalloc memory as the output
 * of a V2 resize on a SoC whose VPC takes DVPP memory only (the default Ascend310P3). The correct
 * program uses DVPP memory for both.
 */
#include <stdlib.h>

#include "use_test.h"

int main(void)
{
	aclrtStream stream = NULL;
	acldvppChannelDesc *ch;
	acldvppResizeConfig *cfg;
	acldvppPicDesc *pin, *pout;
	void *in = NULL, *out = NULL, *out2 = NULL, *dev = NULL, *src, *dst;
	void *heap = aligned_alloc(128, IN_SIZE);
	hi_vpc_chn chn = 0;
	hi_vpc_chn_attr attr = { 0, IN_W, IN_H };
	hi_vpc_pic_info a, b;
	hi_u32 task = 0;
	int rc;

	MUST(aclInit(NULL));
	MUST(aclrtSetDevice(0));
	MUST(aclrtCreateStream(&stream));
	MUST(acldvppMalloc(&in, IN_SIZE));
	MUST(acldvppMalloc(&out, OUT_SIZE));
	MUST(hi_mpi_dvpp_malloc(0, &out2, OUT_SIZE));
	MUST(aclrtMalloc(&dev, OUT_SIZE, ACL_MEM_MALLOC_HUGE_FIRST));
	ch = acldvppCreateChannelDesc();
	MUST(acldvppCreateChannel(ch));
	cfg = acldvppCreateResizeConfig();

	src = in;
	BAD(src = heap);
	pin = nv12_desc(src, IN_SIZE, IN_W, IN_H);
	pout = nv12_desc(out, OUT_SIZE, OUT_W, OUT_H);
	rc = acldvppVpcResizeAsync(ch, pin, pout, cfg, stream); // acltrace-expect: non-dvpp-buffer
	show("acldvppVpcResizeAsync", rc);
	MUST(aclrtSynchronizeStream(stream));

	MUST(hi_mpi_sys_init());
	MUST(hi_mpi_vpc_sys_create_chn(&chn, &attr));
	dst = out2;
	BAD(dst = dev);
	a = nv12_pic(in, IN_SIZE, IN_W, IN_H);
	b = nv12_pic(dst, OUT_SIZE, OUT_W, OUT_H);
	rc = hi_mpi_vpc_resize(chn, &a, &b, 0, 0, 0, &task, -1); // acltrace-expect: non-dvpp-buffer
	show("hi_mpi_vpc_resize", rc);
	if (rc == 0)
		MUST(hi_mpi_vpc_get_process_result(chn, task, -1));
	MUST(hi_mpi_vpc_destroy_chn(chn));
	MUST(hi_mpi_sys_exit());

	MUST(acldvppDestroyPicDesc(pin));
	MUST(acldvppDestroyPicDesc(pout));
	MUST(acldvppDestroyResizeConfig(cfg));
	MUST(acldvppDestroyChannel(ch));
	MUST(acldvppDestroyChannelDesc(ch));
	MUST(acldvppFree(in));
	MUST(acldvppFree(out));
	MUST(hi_mpi_dvpp_free(out2));
	MUST(aclrtFree(dev));
	MUST(aclrtDestroyStream(stream));
	MUST(aclrtResetDevice(0));
	MUST(aclFinalize());
	free(heap);
	return 0;
}
