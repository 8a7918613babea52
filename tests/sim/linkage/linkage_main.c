/* SPDX-License-Identifier: MIT */
/*
 * Run with interposer.so preloaded. The program's own call to ascendsim_soc_name reaches the
 * interposer; aclrtGetSocName, which calls ascendsim_soc_name inside libascendcl.so, must not:
 * the library binds its calls to its own exported functions internally (-Bsymbolic, like CANN),
 * so an interposer sees exactly the program's calls.
 */
#include "acl/acl.h"
#include "ascendsim.h"

#include <stdio.h>
#include <string.h>

int main(void)
{
	const char *direct = ascendsim_soc_name();
	const char *through_runtime = aclrtGetSocName();

	printf("program -> ascendsim_soc_name: %s\n", direct);
	printf("program -> aclrtGetSocName -> ascendsim_soc_name: %s\n", through_runtime);
	if (strcmp(direct, "Interposed") != 0) {
		printf("the interposer is not preloaded\n");
		return 1;
	}
	if (strcmp(through_runtime, "Interposed") == 0) {
		printf("the runtime's internal call was interposed\n");
		return 1;
	}
	return 0;
}
