/* SPDX-License-Identifier: MIT */
/* Private to libacl_dvpp_mpi.so: shared checks, logging and error codes of the HiMPI modules. */
#ifndef ASCENDSIM_MPI_INTERNAL_H
#define ASCENDSIM_MPI_INTERNAL_H

#include "acl/dvpp/hi_dvpp.h"
#include "ascendsim.h"
#include "ascendsim_imaging.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The hi_mpi_* declarations carry no visibility; the definitions export themselves. */
#define MPI_EXPORT __attribute__((visibility("default")))

/* A module's error code at level ERROR, e.g. MPI_ERR(HI_ID_VPC, HI_ERR_BAD_ADDR) 0xA0078011. */
#define MPI_ERR(mod, err) HI_DEFINE_ERR(mod, HI_ERR_LEVEL_ERROR, err)

/* One ASCEND_SIM_LOG line "api(args) = ret", ret in hex as the HiMPI documents print them. */
void ascendsim_mpi_log(const char *api, hi_s32 ret, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* A diagnostic naming the call and the failed check; returns ret. */
hi_s32 ascendsim_mpi_fail(const char *api, hi_s32 ret, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

enum ascendsim_soc ascendsim_mpi_soc(void);
/* Pools the DVPP user library accepts buffers from on this SoC (DVPP, plus device on A2/A3/310B).
 */
unsigned ascendsim_mpi_buffer_pools(void);
/* True once hi_mpi_sys_init succeeded (and hi_mpi_sys_exit has not run since). */
bool ascendsim_mpi_sys_ready(void);
/* ASCEND_SIM_TASK_DELAY_US, read once. */
uint64_t ascendsim_mpi_task_delay_us(void);
void ascendsim_mpi_task_delay(void);

/* Address check of [addr, addr + len): first and last byte in live memory of the allowed pools. */
bool ascendsim_mpi_buffer_live(const void *addr, uint64_t len);

/*
 * Checks a picture description the way the user library does, for module mod (its codes) and
 * rules api: picture_address NULL -> NULL_PTR; format, dimensions, strides, declared size against
 * the SoC's rules -> ILLEGAL_PARAM; first/last byte outside live DVPP memory -> BAD_ADDR. Fills
 * img on success. what names the picture in messages.
 */
hi_s32 ascendsim_mpi_check_pic(const char *api, hi_mod_id mod, enum ascendsim_img_api rules_api,
			       const hi_vpc_pic_info *pic, bool is_output, const char *what,
			       struct ascendsim_image *img);

/* Milliseconds argument: -1 (block), 0 or positive. */
static inline bool ascendsim_mpi_valid_timeout(hi_s32 milli_sec)
{
	return milli_sec >= -1;
}

/* Absolute CLOCK_MONOTONIC deadline for a milli_sec > 0 wait. */
struct timespec;
void ascendsim_mpi_deadline(hi_s32 milli_sec, struct timespec *ts);

#endif
