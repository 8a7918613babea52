/* SPDX-License-Identifier: MIT */
/* Messages, directories and the location of the preload library. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include "acltrace_cli.h"

#include <dirent.h>
#include <errno.h>
#include <ftw.h>
#include <libgen.h>
#include <limits.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

void acltrace_err(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fputs("acltrace: error: ", stderr);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	va_end(ap);
}

void acltrace_warn(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fputs("acltrace: warning: ", stderr);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	va_end(ap);
}

void acltrace_info(const struct acltrace_run_opts *opts, const char *fmt, ...)
{
	va_list ap;
	if (opts && opts->quiet)
		return;
	va_start(ap, fmt);
	fputs("acltrace: ", stderr);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	va_end(ap);
}

int acltrace_mkdir_p(const char *path)
{
	char buf[PATH_MAX];
	if (strlen(path) >= sizeof(buf)) {
		errno = ENAMETOOLONG;
		return -1;
	}
	strcpy(buf, path);
	for (char *p = buf + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(buf, 0755) != 0 && errno != EEXIST)
			return -1;
		*p = '/';
	}
	if (mkdir(buf, 0755) != 0 && errno != EEXIST)
		return -1;
	return 0;
}

static int acltrace_rm_one(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st;
	(void)ftw;
	if (flag == FTW_DP)
		return rmdir(path) == 0 || errno == ENOENT ? 0 : -1;
	return unlink(path) == 0 || errno == ENOENT ? 0 : -1;
}

int acltrace_rm_rf(const char *path)
{
	if (access(path, F_OK) != 0)
		return 0;
	return nftw(path, acltrace_rm_one, 16, FTW_DEPTH | FTW_PHYS);
}

static char *acltrace_existing(const char *path)
{
	if (path && access(path, R_OK) == 0)
		return realpath(path, NULL);
	return NULL;
}

char *acltrace_find_preload(void)
{
	const char *env = getenv("ACLTRACE_PRELOAD");
	if (env && *env) {
		char *p = acltrace_existing(env);
		if (!p)
			acltrace_err("ACLTRACE_PRELOAD=%s: %s", env, strerror(errno));
		return p;
	}
	/* Installed layout: <prefix>/bin/acltrace and <prefix>/<libdir>/libacltrace.so. */
	char exe[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	if (n > 0) {
		exe[n] = '\0';
		char cand[PATH_MAX + 64];
		snprintf(cand, sizeof(cand), "%s/%s/libacltrace.so", dirname(exe),
			 ACLTRACE_REL_LIBDIR);
		char *p = acltrace_existing(cand);
		if (p)
			return p;
	}
#ifdef ACLTRACE_BUILD_PRELOAD
	char *p = acltrace_existing(ACLTRACE_BUILD_PRELOAD);
	if (p)
		return p;
#endif
	acltrace_err("libacltrace.so not found next to the acltrace command (%s/libacltrace.so); "
		     "set ACLTRACE_PRELOAD to its path",
		     ACLTRACE_REL_LIBDIR);
	return NULL;
}

void acltrace_remove_stale(const char *dir, const char *prefix)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	size_t len = strlen(prefix);
	if (!d)
		return;
	while ((e = readdir(d)) != NULL) {
		char path[PATH_MAX];
		struct stat st;
		int pid = 0;
		if (strncmp(e->d_name, prefix, len) != 0 ||
		    sscanf(e->d_name + len, "%d.", &pid) != 1 || pid <= 0)
			continue;
		/* Only ours, and only when the acltrace that made it is gone. */
		if (kill((pid_t)pid, 0) == 0 || errno != ESRCH)
			continue;
		snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
		if (lstat(path, &st) == 0 && S_ISDIR(st.st_mode) && st.st_uid == geteuid())
			acltrace_rm_rf(path);
	}
	closedir(d);
}

uint64_t acltrace_fs_avail(const char *dir)
{
	struct statvfs st;
	if (statvfs(dir, &st) != 0)
		return 0;
	return (uint64_t)st.f_bavail * st.f_frsize;
}

unsigned acltrace_possible_cpus(void)
{
	/* Format "0-3" or "0,2-5": count every CPU named. */
	FILE *f = fopen("/sys/devices/system/cpu/possible", "r");
	unsigned count = 0;
	if (f) {
		unsigned a, b;
		int c;
		while (fscanf(f, "%u", &a) == 1) {
			b = a;
			c = fgetc(f);
			if (c == '-') {
				if (fscanf(f, "%u", &b) != 1)
					break;
				c = fgetc(f);
			}
			count += b >= a ? b - a + 1 : 1;
			if (c != ',')
				break;
		}
		fclose(f);
	}
	if (count == 0) {
		long n = sysconf(_SC_NPROCESSORS_CONF);
		count = n > 0 ? (unsigned)n : 1;
	}
	return count;
}
