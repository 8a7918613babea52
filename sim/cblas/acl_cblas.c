/* SPDX-License-Identifier: MIT */
/* Present so that programs linking -lacl_cblas build; the simulator offers no BLAS operators. */
typedef int ascendsim_cblas_empty_unit;
