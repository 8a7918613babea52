// SPDX-License-Identifier: MIT
// The HiMPI headers compile as C++ with the same layouts.
#include "test_layout.c"

int main()
{
	hi_vpc_pic_info pic = {};

	return pic.picture_width == 0 ? 0 : 1;
}
