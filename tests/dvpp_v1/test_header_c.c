/* SPDX-License-Identifier: MIT */
/* acl/ops/acl_dvpp.h compiled as C. */
#include "header_check.inc"

#include <stdio.h>

int main(void)
{
	int bad = header_check_run();

	printf("acl_dvpp.h as C: %d mismatches\n", bad);
	return bad ? 1 : 0;
}
