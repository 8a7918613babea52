// SPDX-License-Identifier: MIT
// acl/ops/acl_dvpp.h compiled as C++.
#include "header_check.inc"

#include <cstdio>

int main()
{
	int bad = header_check_run();

	std::printf("acl_dvpp.h as C++: %d mismatches\n", bad);
	return bad ? 1 : 0;
}
