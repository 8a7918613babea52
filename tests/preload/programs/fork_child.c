/* SPDX-License-Identifier: MIT */
/*
 * fork: the child starts with an empty registry. Its own buffers are tracked (and its own leaks
 * reported); freeing a buffer the parent allocated is invalid-free, named as the parent's. The
 * parent's buffers are not the child's leaks, and the parent's report is unaffected.
 */
#include "acltrace_test.h"

#include <acl/acl.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void)
{
	void *parent_buf = NULL;
	pid_t pid;
	int status = 0;

	MUST(aclInit(NULL));
	MUST(aclrtSetDevice(0));
	MUST(aclrtMalloc(&parent_buf, 4096, ACL_MEM_MALLOC_HUGE_FIRST));
	pid = fork();
	if (pid < 0)
		return 4;
	if (pid == 0) {
		void *own = NULL;

		MUST(aclrtMalloc(&own, 128, ACL_MEM_MALLOC_HUGE_FIRST));
		MUST(aclrtFree(own));
		BAD(aclrtFree(parent_buf)); // acltrace-expect: invalid-free
		_exit(0);
	}
	if (waitpid(pid, &status, 0) != pid || !WIFEXITED(status) || WEXITSTATUS(status) != 0)
		return 5;
	MUST(aclrtFree(parent_buf));
	MUST(aclrtResetDevice(0));
	MUST(aclFinalize());
	return 0;
}
