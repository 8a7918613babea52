/* SPDX-License-Identifier: MIT */
/* Must not compile: acl/ops/acl_dvpp.h without ENABLE_DVPP_INTERFACE. */
#include "acl/ops/acl_dvpp.h"
