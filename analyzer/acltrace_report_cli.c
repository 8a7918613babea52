/* SPDX-License-Identifier: MIT */
/* Standalone `acltrace-report`, the same as `acltrace report`. */
#include "acltrace_report.h"

int main(int argc, char **argv)
{
	return acltrace_report_main(argc, argv);
}
