/* SPDX-License-Identifier: MIT */
/*
 * buffer-overflow: what a use needs runs past the requested size of its allocation: a V1
 * picture whose NV12 size (64 x 64 x 3/2) is larger than its DVPP block, the second region of a
 * V2 crop, a copy, a memset and a 2-D copy longer than their device buffer. The correct program
 * allocates what each use needs.
 */
#include "use_test.h"

int main(void)
{
	aclrtStream stream = NULL;
	acldvppChannelDesc *ch;
	acldvppResizeConfig *cfg;
	acldvppPicDesc *pin, *pout;
	void *in = NULL, *out = NULL, *r0 = NULL, *r1 = NULL, *dev = NULL;
	static unsigned char host[4096];
	uint32_t in_alloc = IN_SIZE, r1_alloc = OUT_SIZE, dev_alloc = 4096;
	hi_vpc_chn chn = 0;
	hi_vpc_chn_attr attr = { 0, IN_W, IN_H };
	hi_vpc_pic_info src;
	hi_vpc_crop_region_info regions[2];
	hi_u32 task = 0;
	int rc;

	BAD(in_alloc = IN_SIZE / 2);
	BAD(r1_alloc = OUT_SIZE - 512);
	BAD(dev_alloc = 1024);
	MUST(aclInit(NULL));
	MUST(aclrtSetDevice(0));
	MUST(aclrtCreateStream(&stream));
	MUST(acldvppMalloc(&in, in_alloc));
	MUST(acldvppMalloc(&out, OUT_SIZE));
	MUST(hi_mpi_dvpp_malloc(0, &r0, OUT_SIZE));
	MUST(hi_mpi_dvpp_malloc(0, &r1, r1_alloc));
	MUST(aclrtMalloc(&dev, dev_alloc, ACL_MEM_MALLOC_HUGE_FIRST));
	ch = acldvppCreateChannelDesc();
	MUST(acldvppCreateChannel(ch));
	cfg = acldvppCreateResizeConfig();

	pin = nv12_desc(in, IN_SIZE, IN_W, IN_H);
	pout = nv12_desc(out, OUT_SIZE, OUT_W, OUT_H);
	rc = acldvppVpcResizeAsync(ch, pin, pout, cfg, stream); // acltrace-expect: buffer-overflow
	show("acldvppVpcResizeAsync", rc);
	MUST(aclrtSynchronizeStream(stream));

	MUST(hi_mpi_sys_init());
	MUST(hi_mpi_vpc_sys_create_chn(&chn, &attr));
	src = nv12_pic(out, OUT_SIZE, OUT_W, OUT_H);
	regions[0].dest_pic_info = nv12_pic(r0, OUT_SIZE, OUT_W, OUT_H);
	regions[0].crop_region = (hi_vpc_crop_region){ 0, 0, OUT_W, OUT_H };
	regions[1].dest_pic_info = nv12_pic(r1, OUT_SIZE, OUT_W, OUT_H);
	regions[1].crop_region = (hi_vpc_crop_region){ 0, 0, OUT_W, OUT_H };
	rc = hi_mpi_vpc_crop(chn, &src, regions, 2, &task, -1); // acltrace-expect: buffer-overflow
	show("hi_mpi_vpc_crop", rc);
	if (rc == 0)
		MUST(hi_mpi_vpc_get_process_result(chn, task, -1));
	MUST(hi_mpi_vpc_destroy_chn(chn));
	MUST(hi_mpi_sys_exit());

	rc = aclrtMemcpy(dev, 4096, host, 4096, ACL_MEMCPY_HOST_TO_DEVICE); // acltrace-expect: buffer-overflow
	show("aclrtMemcpy", rc);
	rc = aclrtMemset(dev, 4096, 0, 2048); // acltrace-expect: buffer-overflow
	show("aclrtMemset", rc);
	rc = aclrtMemcpy2d(dev, 64, host, 64, 64, 32, ACL_MEMCPY_HOST_TO_DEVICE); // acltrace-expect: buffer-overflow
	show("aclrtMemcpy2d", rc);

	MUST(acldvppDestroyPicDesc(pin));
	MUST(acldvppDestroyPicDesc(pout));
	MUST(acldvppDestroyResizeConfig(cfg));
	MUST(acldvppDestroyChannel(ch));
	MUST(acldvppDestroyChannelDesc(ch));
	MUST(acldvppFree(in));
	MUST(acldvppFree(out));
	MUST(hi_mpi_dvpp_free(r0));
	MUST(hi_mpi_dvpp_free(r1));
	MUST(aclrtFree(dev));
	MUST(aclrtDestroyStream(stream));
	MUST(aclrtResetDevice(0));
	MUST(aclFinalize());
	return 0;
}
