/* SPDX-License-Identifier: MIT */
/*
 * misaligned-buffer: input and output pictures carved from one DVPP block, the output at an
 * offset that is not a multiple of 128 (V1 and V2). The correct program rounds the offset up to
 * 128 bytes, as the DVPP documentation asks for self-managed blocks.
 */
#include "use_test.h"

int main(void)
{
	aclrtStream stream = NULL;
	acldvppChannelDesc *ch;
	acldvppResizeConfig *cfg;
	acldvppPicDesc *pin, *pout;
	void *block = NULL, *block2 = NULL;
	size_t offset = IN_SIZE + 128;
	hi_vpc_chn chn = 0;
	hi_vpc_chn_attr attr = { 0, IN_W, IN_H };
	hi_vpc_pic_info a, b;
	hi_u32 task = 0;
	int rc;

	BAD(offset = IN_SIZE + 64);
	MUST(aclInit(NULL));
	MUST(aclrtSetDevice(0));
	MUST(aclrtCreateStream(&stream));
	MUST(acldvppMalloc(&block, IN_SIZE + 256 + OUT_SIZE));
	MUST(hi_mpi_dvpp_malloc(0, &block2, IN_SIZE + 256 + OUT_SIZE));
	ch = acldvppCreateChannelDesc();
	MUST(acldvppCreateChannel(ch));
	cfg = acldvppCreateResizeConfig();

	pin = nv12_desc(block, IN_SIZE, IN_W, IN_H);
	pout = nv12_desc((char *)block + offset, OUT_SIZE, OUT_W, OUT_H);
	rc = acldvppVpcResizeAsync(ch, pin, pout, cfg, stream); // acltrace-expect: misaligned-buffer
	show("acldvppVpcResizeAsync", rc);
	MUST(aclrtSynchronizeStream(stream));

	MUST(hi_mpi_sys_init());
	MUST(hi_mpi_vpc_sys_create_chn(&chn, &attr));
	a = nv12_pic(block2, IN_SIZE, IN_W, IN_H);
	b = nv12_pic((char *)block2 + offset, OUT_SIZE, OUT_W, OUT_H);
	rc = hi_mpi_vpc_resize(chn, &a, &b, 0, 0, 0, &task, -1); // acltrace-expect: misaligned-buffer
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
	MUST(acldvppFree(block));
	MUST(hi_mpi_dvpp_free(block2));
	MUST(aclrtDestroyStream(stream));
	MUST(aclrtResetDevice(0));
	MUST(aclFinalize());
	return 0;
}
