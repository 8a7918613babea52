/* SPDX-License-Identifier: MIT */
/* Logging, SoC facts and the buffer checks every HiMPI module shares. */
#include "mpi_internal.h"

#include <inttypes.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <time.h>

void ascendsim_mpi_log(const char *api, hi_s32 ret, const char *fmt, ...)
{
	char args[512];
	va_list ap;

	if (!ascendsim_log_enabled())
		return;
	va_start(ap, fmt);
	vsnprintf(args, sizeof(args), fmt, ap);
	va_end(ap);
	ascendsim_log_call(api, "(%s) = %#x", args, (unsigned)ret);
}

hi_s32 ascendsim_mpi_fail(const char *api, hi_s32 ret, const char *fmt, ...)
{
	char msg[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	ascendsim_warn("%s: %s (error %#x)", api, msg, (unsigned)ret);
	return ret;
}

enum ascendsim_soc ascendsim_mpi_soc(void)
{
	enum ascendsim_soc soc = ascendsim_soc_classify(ascendsim_soc_name());

	/* Unknown names behave like the simulator's default SoC. */
	return soc == ASCENDSIM_SOC_UNKNOWN ? ASCENDSIM_SOC_310P : soc;
}

unsigned ascendsim_mpi_buffer_pools(void)
{
	unsigned pools = ASCENDSIM_POOL_DVPP;

	if (ascendsim_soc_dvpp_accepts_device_mem(ascendsim_mpi_soc())) {
		pools |= ASCENDSIM_POOL_DEVICE;
		/* In device run mode aclrtMallocHost hands out device memory too. */
		if (ascendsim_run_mode() == 0)
			pools |= ASCENDSIM_POOL_HOST;
	}
	return pools;
}

bool ascendsim_mpi_buffer_live(const void *addr, uint64_t len)
{
	if (!addr || len > SIZE_MAX)
		return false;
	return ascendsim_mem_check_range(addr, (size_t)len, ascendsim_mpi_buffer_pools());
}

static uint64_t task_delay_us;
static pthread_once_t task_delay_once = PTHREAD_ONCE_INIT;

static void read_task_delay(void)
{
	task_delay_us = ascendsim_env_u64("ASCEND_SIM_TASK_DELAY_US", 0, 0, 60000000, false);
}

uint64_t ascendsim_mpi_task_delay_us(void)
{
	pthread_once(&task_delay_once, read_task_delay);
	return task_delay_us;
}

void ascendsim_mpi_task_delay(void)
{
	uint64_t us = ascendsim_mpi_task_delay_us();
	struct timespec ts = { (time_t)(us / 1000000), (long)(us % 1000000) * 1000 };

	if (us)
		while (nanosleep(&ts, &ts) != 0)
			;
}

void ascendsim_mpi_deadline(hi_s32 milli_sec, struct timespec *ts)
{
	clock_gettime(CLOCK_MONOTONIC, ts);
	ts->tv_sec += milli_sec / 1000;
	ts->tv_nsec += (long)(milli_sec % 1000) * 1000000L;
	if (ts->tv_nsec >= 1000000000L) {
		ts->tv_sec++;
		ts->tv_nsec -= 1000000000L;
	}
}

hi_s32 ascendsim_mpi_check_pic(const char *api, hi_mod_id mod, enum ascendsim_img_api rules_api,
			       const hi_vpc_pic_info *pic, bool is_output, const char *what,
			       struct ascendsim_image *img)
{
	struct ascendsim_img_rules rules;
	enum ascendsim_soc soc = ascendsim_mpi_soc();
	char why[256];

	if (!pic->picture_address)
		return ascendsim_mpi_fail(api, MPI_ERR(mod, HI_ERR_NULL_PTR),
					  "%s picture_address is NULL", what);
	*img = (struct ascendsim_image){ .data = pic->picture_address,
					 .size = pic->picture_buffer_size,
					 .format = (int32_t)pic->picture_format,
					 .width = pic->picture_width,
					 .height = pic->picture_height,
					 .width_stride = pic->picture_width_stride,
					 .height_stride = pic->picture_height_stride };
	if (ascendsim_img_get_rules(rules_api, soc, img->format, is_output, &rules) !=
	    ASCENDSIM_IMG_OK)
		return ascendsim_mpi_fail(api, MPI_ERR(mod, HI_ERR_ILLEGAL_PARAM),
					  "%s format %" PRId32 " (%s) not supported on %s", what,
					  img->format, ascendsim_img_format_name(img->format),
					  ascendsim_soc_family_name(soc));
	if (ascendsim_img_validate(img, &rules, why, sizeof(why)) != ASCENDSIM_IMG_OK)
		return ascendsim_mpi_fail(api, MPI_ERR(mod, HI_ERR_ILLEGAL_PARAM), "%s: %s (%s)",
					  what, why, rules.source);
	if (!ascendsim_mpi_buffer_live(img->data, img->size))
		return ascendsim_mpi_fail(api, MPI_ERR(mod, HI_ERR_BAD_ADDR),
					  "%s buffer %p size %" PRIu64
					  " is not in live DVPP memory (first or last byte); use "
					  "hi_mpi_dvpp_malloc or acldvppMalloc",
					  what, (void *)img->data, img->size);
	return HI_SUCCESS;
}
