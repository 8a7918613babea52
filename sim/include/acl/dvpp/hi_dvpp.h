/* SPDX-License-Identifier: MIT */
/* DVPP V2 (HiMPI) umbrella header: everything libacl_dvpp_mpi.so declares. */
#ifndef HI_DVPP_H_
#define HI_DVPP_H_

#include "hi_dvpp_pngd.h"
#include "hi_dvpp_sys.h"
#include "hi_dvpp_vb.h"
#include "hi_dvpp_vdec.h"
#include "hi_dvpp_venc.h"
#include "hi_dvpp_vpc.h"

#endif
