/* SPDX-License-Identifier: MIT */
/*
 * The ASCEND_SIM_* variables (docs/simulator.md). Read once, on the first call into the runtime.
 * A bad value never stops the program: one message names the variable and the default used.
 */
#include "ascendsim_rt.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define ASCENDSIM_WARNED_MAX 32

static pthread_mutex_t warned_lock = PTHREAD_MUTEX_INITIALIZER;
static const char *warned_names[ASCENDSIM_WARNED_MAX];
static unsigned warned_count;

/* True the first time a variable is reported, so each bad variable is named once. */
static bool first_warning_for(const char *name)
{
	bool first = true;

	pthread_mutex_lock(&warned_lock);
	for (unsigned i = 0; i < warned_count; i++) {
		if (strcmp(warned_names[i], name) == 0) {
			first = false;
			break;
		}
	}
	if (first && warned_count < ASCENDSIM_WARNED_MAX)
		warned_names[warned_count++] = name;
	pthread_mutex_unlock(&warned_lock);
	return first;
}

ASCENDSIM_API void ascendsim_warn(const char *fmt, ...)
{
	char line[512];
	va_list ap;
	int n;

	memcpy(line, "ascend-sim: ", 12);
	va_start(ap, fmt);
	n = vsnprintf(line + 12, sizeof(line) - 13, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	n += 12;
	if ((size_t)n > sizeof(line) - 2)
		n = (int)sizeof(line) - 2;
	line[n++] = '\n';
	/* One write, so lines from several threads do not interleave. */
	if (write(STDERR_FILENO, line, (size_t)n) < 0)
		return;
}

static void format_size(uint64_t v, char *buf, size_t len)
{
	if (v != 0 && v % ASCENDSIM_GIB == 0)
		snprintf(buf, len, "%" PRIu64 "G", v / ASCENDSIM_GIB);
	else if (v != 0 && v % ASCENDSIM_MIB == 0)
		snprintf(buf, len, "%" PRIu64 "M", v / ASCENDSIM_MIB);
	else if (v != 0 && v % ASCENDSIM_KIB == 0)
		snprintf(buf, len, "%" PRIu64 "K", v / ASCENDSIM_KIB);
	else
		snprintf(buf, len, "%" PRIu64, v);
}

/* Parses "123", "512M", "4g"; false on anything else or on overflow. */
static bool parse_u64(const char *s, bool is_size, uint64_t *out)
{
	uint64_t v = 0, mult = 1;
	const char *p = s;

	if (!isdigit((unsigned char)*p))
		return false;
	for (; isdigit((unsigned char)*p); p++) {
		unsigned d = (unsigned)(*p - '0');

		if (v > (UINT64_MAX - d) / 10)
			return false;
		v = v * 10 + d;
	}
	if (is_size && *p != '\0') {
		switch (toupper((unsigned char)*p)) {
		case 'K':
			mult = ASCENDSIM_KIB;
			break;
		case 'M':
			mult = ASCENDSIM_MIB;
			break;
		case 'G':
			mult = ASCENDSIM_GIB;
			break;
		default:
			return false;
		}
		p++;
		if (toupper((unsigned char)*p) == 'B' || toupper((unsigned char)*p) == 'I') {
			/* accept "512MB" and "512MiB" */
			if (toupper((unsigned char)*p) == 'I')
				p++;
			if (toupper((unsigned char)*p) == 'B')
				p++;
		}
	}
	if (*p != '\0')
		return false;
	if (mult != 1 && v > UINT64_MAX / mult)
		return false;
	*out = v * mult;
	return true;
}

ASCENDSIM_API uint64_t ascendsim_env_u64(const char *name, uint64_t def, uint64_t min, uint64_t max,
					 bool is_size)
{
	const char *s = getenv(name);
	char defs[32], mins[32], maxs[32];
	uint64_t v;

	if (s == NULL || *s == '\0')
		return def;
	if (parse_u64(s, is_size, &v) && v >= min && v <= max)
		return v;
	if (first_warning_for(name)) {
		if (is_size) {
			format_size(def, defs, sizeof(defs));
			format_size(min, mins, sizeof(mins));
			format_size(max, maxs, sizeof(maxs));
			ascendsim_warn("%s='%s' is not a size between %s and %s (a number with an "
				       "optional K, M or G suffix); using the default %s",
				       name, s, mins, maxs, defs);
		} else {
			ascendsim_warn("%s='%s' is not a number between %" PRIu64 " and %" PRIu64
				       "; using the default %" PRIu64,
				       name, s, min, max, def);
		}
	}
	return def;
}

static void read_run_mode(struct ascendsim_config *c)
{
	const char *s = getenv("ASCEND_SIM_RUN_MODE");

	c->run_mode = ACL_HOST;
	if (s == NULL || *s == '\0' || strcmp(s, "host") == 0)
		return;
	if (strcmp(s, "device") == 0) {
		c->run_mode = ACL_DEVICE;
		return;
	}
	if (first_warning_for("ASCEND_SIM_RUN_MODE"))
		ascendsim_warn("ASCEND_SIM_RUN_MODE='%s' is neither 'host' nor 'device'; using the "
			       "default host",
			       s);
}

static void read_soc(struct ascendsim_config *c)
{
	const char *s = getenv("ASCEND_SIM_SOC");
	bool ok = s != NULL && *s != '\0' && strlen(s) < sizeof(c->soc);

	for (const char *p = s; ok && *p; p++)
		ok = isalnum((unsigned char)*p) || *p == '_' || *p == '-';
	if (ok) {
		snprintf(c->soc, sizeof(c->soc), "%s", s);
		return;
	}
	snprintf(c->soc, sizeof(c->soc), "Ascend310P3");
	if (s != NULL && *s != '\0' && first_warning_for("ASCEND_SIM_SOC"))
		ascendsim_warn("ASCEND_SIM_SOC='%.80s' is not a SoC name (letters, digits, '_' or "
			       "'-', at most %zu characters); using the default Ascend310P3",
			       s, sizeof(c->soc) - 1);
}

static void read_dvpp_align(struct ascendsim_config *c)
{
	uint64_t a = ascendsim_env_u64("ASCEND_SIM_DVPP_ALIGN", 128, 64, 128, false);

	if (a != 64 && a != 128) {
		if (first_warning_for("ASCEND_SIM_DVPP_ALIGN"))
			ascendsim_warn("ASCEND_SIM_DVPP_ALIGN='%s' is neither 64 nor 128; using "
				       "the default 128",
				       getenv("ASCEND_SIM_DVPP_ALIGN"));
		a = 128;
	}
	c->dvpp_align_offset = a == 64 ? 64 : 0;
}

static void read_fail_after(struct ascendsim_config *c)
{
	const char *s = getenv("ASCEND_SIM_FAIL_ALLOC_AFTER");
	uint64_t v;

	c->fail_alloc_after = -1;
	if (s == NULL || *s == '\0')
		return;
	if (parse_u64(s, false, &v) && v <= (uint64_t)INT64_MAX) {
		c->fail_alloc_after = (int64_t)v;
		return;
	}
	if (first_warning_for("ASCEND_SIM_FAIL_ALLOC_AFTER"))
		ascendsim_warn("ASCEND_SIM_FAIL_ALLOC_AFTER='%s' is not a non-negative number; "
			       "using the default (no injected failure)",
			       s);
}

static void read_log(struct ascendsim_config *c)
{
	const char *s = getenv("ASCEND_SIM_LOG");

	c->log_fd = -1;
	if (s == NULL || *s == '\0')
		return;
	c->log_fd = open(s, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
	if (c->log_fd < 0 && first_warning_for("ASCEND_SIM_LOG"))
		ascendsim_warn("ASCEND_SIM_LOG='%s' cannot be opened for appending (%s); using "
			       "the default (no call log)",
			       s, strerror(errno));
}

static struct ascendsim_config config;
static pthread_once_t config_once = PTHREAD_ONCE_INIT;

static void config_load(void)
{
	struct ascendsim_config *c = &config;

	c->device_count = (uint32_t)ascendsim_env_u64("ASCEND_SIM_DEVICE_COUNT", 1, 1,
						      ASCENDSIM_MAX_DEVICES, false);
	read_run_mode(c);
	read_soc(c);
	c->dvpp_pool_size = ascendsim_env_u64("ASCEND_SIM_DVPP_POOL_SIZE", 4 * ASCENDSIM_GIB,
					      ASCENDSIM_MIB, 16 * ASCENDSIM_GIB, true);
	c->device_mem_size = ascendsim_env_u64("ASCEND_SIM_DEVICE_MEM_SIZE", 8 * ASCENDSIM_GIB,
					       ASCENDSIM_MIB, 128 * ASCENDSIM_GIB, true);
	c->huge_mem_size = ascendsim_env_u64("ASCEND_SIM_HUGE_MEM_SIZE", c->device_mem_size, 0,
					     c->device_mem_size, true);
	c->host_mem_size = ascendsim_env_u64("ASCEND_SIM_HOST_MEM_SIZE", 16 * ASCENDSIM_GIB,
					     ASCENDSIM_MIB, 128 * ASCENDSIM_GIB, true);
	c->task_delay_us = ascendsim_env_u64("ASCEND_SIM_TASK_DELAY_US", 0, 0, 10000000, false);
	read_fail_after(c);
	read_dvpp_align(c);
	read_log(c);
}

const struct ascendsim_config *ascendsim_config(void)
{
	pthread_once(&config_once, config_load);
	return &config;
}

ASCENDSIM_API const char *ascendsim_soc_name(void)
{
	return ascendsim_config()->soc;
}

ASCENDSIM_API int ascendsim_run_mode(void)
{
	return ascendsim_config()->run_mode;
}
