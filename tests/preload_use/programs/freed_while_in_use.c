/* SPDX-License-Identifier: MIT */
/*
 * freed-while-in-use (run with ASCEND_SIM_TASK_DELAY_US, so queued work is still pending): the
 * host source of an async copy, the output of a V1 resize and the destination of a V2 resize
 * are freed before their work was synchronized. An event recorded after an async memset and
 * synchronized retires that work, so the memset's buffer is freed correctly in both programs.
 * The correct program synchronizes first. In enforce mode each bad free waits for the work, so
 * the copy still delivers its data ("copy ok").
 */
#include <string.h>

#include "use_test.h"

int main(void)
{
	aclrtStream stream = NULL;
	aclrtEvent event = NULL;
	acldvppChannelDesc *ch;
	acldvppResizeConfig *cfg;
	acldvppPicDesc *pin, *pout;
	void *host = NULL, *dev = NULL, *scratch = NULL, *in = NULL, *out = NULL, *src2 = NULL,
	     *dst2 = NULL;
	unsigned char back[4096];
	hi_vpc_chn chn = 0;
	hi_vpc_chn_attr attr = { 0, IN_W, IN_H };
	hi_vpc_pic_info a, b;
	hi_u32 task = 0;
	int rc;

	MUST(aclInit(NULL));
	MUST(aclrtSetDevice(0));
	MUST(aclrtCreateStream(&stream));
	MUST(aclrtCreateEvent(&event));
	MUST(aclrtMallocHost(&host, sizeof(back)));
	MUST(aclrtMalloc(&dev, sizeof(back), ACL_MEM_MALLOC_HUGE_FIRST));
	MUST(aclrtMalloc(&scratch, 512, ACL_MEM_MALLOC_HUGE_FIRST));
	memset(host, 0x5a, sizeof(back));

	/* Retired through an event: freed correctly in both programs. */
	MUST(aclrtMemsetAsync(scratch, 512, 1, 512, stream));
	MUST(aclrtRecordEvent(event, stream));
	MUST(aclrtSynchronizeEvent(event));
	MUST(aclrtFree(scratch));

	MUST(aclrtMemcpyAsync(dev, sizeof(back), host, sizeof(back), ACL_MEMCPY_HOST_TO_DEVICE,
			      stream));
	GOOD(MUST(aclrtSynchronizeStream(stream)));
	rc = aclrtFreeHost(host); // acltrace-expect: freed-while-in-use
	show("aclrtFreeHost", rc);
	rc = aclrtSynchronizeStream(stream);
	show("aclrtSynchronizeStream", rc);
	MUST(aclrtMemcpy(back, sizeof(back), dev, sizeof(back), ACL_MEMCPY_DEVICE_TO_HOST));
	printf("copy %s\n", back[0] == 0x5a && back[sizeof(back) - 1] == 0x5a ? "ok" : "lost");

	MUST(acldvppMalloc(&in, IN_SIZE));
	MUST(acldvppMalloc(&out, OUT_SIZE));
	ch = acldvppCreateChannelDesc();
	MUST(acldvppCreateChannel(ch));
	cfg = acldvppCreateResizeConfig();
	pin = nv12_desc(in, IN_SIZE, IN_W, IN_H);
	pout = nv12_desc(out, OUT_SIZE, OUT_W, OUT_H);
	MUST(acldvppVpcResizeAsync(ch, pin, pout, cfg, stream));
	GOOD(MUST(aclrtSynchronizeStream(stream)));
	rc = acldvppFree(out); // acltrace-expect: freed-while-in-use
	show("acldvppFree", rc);
	rc = aclrtSynchronizeStream(stream);
	show("aclrtSynchronizeStream", rc);

	MUST(hi_mpi_sys_init());
	MUST(hi_mpi_vpc_sys_create_chn(&chn, &attr));
	MUST(hi_mpi_dvpp_malloc(0, &src2, IN_SIZE));
	MUST(hi_mpi_dvpp_malloc(0, &dst2, OUT_SIZE));
	a = nv12_pic(src2, IN_SIZE, IN_W, IN_H);
	b = nv12_pic(dst2, OUT_SIZE, OUT_W, OUT_H);
	MUST(hi_mpi_vpc_resize(chn, &a, &b, 0, 0, 0, &task, -1));
	GOOD(MUST(hi_mpi_vpc_get_process_result(chn, task, -1)));
	rc = hi_mpi_dvpp_free(dst2); // acltrace-expect: freed-while-in-use
	show("hi_mpi_dvpp_free", rc);
	BAD(rc = hi_mpi_vpc_get_process_result(chn, task, -1));
	BAD((void)rc);
	MUST(hi_mpi_vpc_destroy_chn(chn));
	MUST(hi_mpi_sys_exit());

	MUST(acldvppDestroyPicDesc(pin));
	MUST(acldvppDestroyPicDesc(pout));
	MUST(acldvppDestroyResizeConfig(cfg));
	MUST(acldvppDestroyChannel(ch));
	MUST(acldvppDestroyChannelDesc(ch));
	MUST(acldvppFree(in));
	MUST(hi_mpi_dvpp_free(src2));
	MUST(aclrtFree(dev));
	MUST(aclrtDestroyEvent(event));
	MUST(aclrtDestroyStream(stream));
	MUST(aclrtResetDevice(0));
	MUST(aclFinalize());
	return 0;
}
