/* SPDX-License-Identifier: MIT */
/*
 * Leaks and the summary are reported however the program ends: return from main, exit(),
 * _exit(), _Exit(); a terminating signal ends it exactly as without the preload (findings made
 * before it are on the log already). argv[1] picks the path; "vfork" first runs a vfork child
 * that calls _exit, which must not report (it shares the parent's memory but is not the parent).
 */
#include "acltrace_test.h"

#include <acl/acl.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	const char *how = argc > 1 ? argv[1] : "return";
	void *p = NULL;

	MUST(aclInit(NULL));
	MUST(aclrtSetDevice(0));
	MUST(aclrtMalloc(&p, 300, ACL_MEM_MALLOC_HUGE_FIRST)); // acltrace-expect: leak
	GOOD(MUST(aclrtFree(p)));
	if (strcmp(how, "exit") == 0)
		exit(7);
	if (strcmp(how, "_exit") == 0)
		_exit(8);
	if (strcmp(how, "_Exit") == 0)
		_Exit(9);
	if (strcmp(how, "signal") == 0)
		raise(SIGTERM);
	if (strcmp(how, "vfork") == 0) {
		int status = 0;
		pid_t pid = vfork();

		if (pid == 0)
			_exit(0);
		if (pid < 0 || waitpid(pid, &status, 0) != pid)
			return 4;
	}
	return 0;
}
