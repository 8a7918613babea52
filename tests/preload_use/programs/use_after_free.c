/* SPDX-License-Identifier: MIT */
/*
 * use-after-free: a freed DVPP buffer set into a picture description and resized (V1), a freed
 * V2 destination, a copy from freed device memory, and a copy from inside device memory freed
 * after the first checks ran (an interior pointer). The correct program frees at the end.
 */
#include "use_test.h"

int main(void)
{
	aclrtStream stream = NULL;
	acldvppChannelDesc *ch;
	acldvppResizeConfig *cfg;
	acldvppPicDesc *pin, *pout;
	void *in = NULL, *out = NULL, *dst = NULL, *dev = NULL, *dev2 = NULL;
	static unsigned char host[256];
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
	MUST(hi_mpi_dvpp_malloc(0, &dst, OUT_SIZE));
	MUST(aclrtMalloc(&dev, 256, ACL_MEM_MALLOC_HUGE_FIRST));
	MUST(aclrtMalloc(&dev2, 1024, ACL_MEM_MALLOC_HUGE_FIRST));
	ch = acldvppCreateChannelDesc();
	MUST(acldvppCreateChannel(ch));
	cfg = acldvppCreateResizeConfig();
	BAD(MUST(acldvppFree(in)));
	BAD(MUST(hi_mpi_dvpp_free(dst)));
	BAD(MUST(aclrtFree(dev)));

	pin = nv12_desc(out, OUT_SIZE, OUT_W, OUT_H); /* replaced below */
	rc = acldvppSetPicDescData(pin, in); // acltrace-expect: use-after-free
	show("acldvppSetPicDescData", rc);
	MUST(acldvppSetPicDescSize(pin, IN_SIZE));
	MUST(acldvppSetPicDescWidth(pin, IN_W));
	MUST(acldvppSetPicDescHeight(pin, IN_H));
	MUST(acldvppSetPicDescWidthStride(pin, IN_W));
	MUST(acldvppSetPicDescHeightStride(pin, IN_H));
	pout = nv12_desc(out, OUT_SIZE, OUT_W, OUT_H);
	rc = acldvppVpcResizeAsync(ch, pin, pout, cfg, stream); // acltrace-expect: use-after-free
	show("acldvppVpcResizeAsync", rc);
	MUST(aclrtSynchronizeStream(stream));

	MUST(hi_mpi_sys_init());
	MUST(hi_mpi_vpc_sys_create_chn(&chn, &attr));
	a = nv12_pic(out, OUT_SIZE, OUT_W, OUT_H);
	b = nv12_pic(dst, OUT_SIZE, OUT_W, OUT_H);
	rc = hi_mpi_vpc_resize(chn, &a, &b, 0, 0, 0, &task, -1); // acltrace-expect: use-after-free
	show("hi_mpi_vpc_resize", rc);
	if (rc == 0)
		MUST(hi_mpi_vpc_get_process_result(chn, task, -1));
	MUST(hi_mpi_vpc_destroy_chn(chn));
	MUST(hi_mpi_sys_exit());

	rc = aclrtMemcpy(host, sizeof(host), dev, sizeof(host), ACL_MEMCPY_DEVICE_TO_HOST); // acltrace-expect: use-after-free
	show("aclrtMemcpy", rc);
	MUST(aclrtMemset(dev2, 1024, 0, 1024));
	BAD(MUST(aclrtFree(dev2)));
	rc = aclrtMemcpy(host, 128, (char *)dev2 + 512, 128, ACL_MEMCPY_DEVICE_TO_HOST); // acltrace-expect: use-after-free
	show("aclrtMemcpy interior", rc);

	MUST(acldvppDestroyPicDesc(pin));
	MUST(acldvppDestroyPicDesc(pout));
	MUST(acldvppDestroyResizeConfig(cfg));
	MUST(acldvppDestroyChannel(ch));
	MUST(acldvppDestroyChannelDesc(ch));
	GOOD(MUST(acldvppFree(in)));
	GOOD(MUST(hi_mpi_dvpp_free(dst)));
	GOOD(MUST(aclrtFree(dev)));
	GOOD(MUST(aclrtFree(dev2)));
	MUST(acldvppFree(out));
	MUST(aclrtDestroyStream(stream));
	MUST(aclrtResetDevice(0));
	MUST(aclFinalize());
	return 0;
}
