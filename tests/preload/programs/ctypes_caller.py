# SPDX-License-Identifier: MIT
# Python ctypes loads the runtime with dlopen and finds functions with dlsym(handle).
import ctypes
import sys

acl = ctypes.CDLL(sys.argv[1])
correct = len(sys.argv) > 2 and sys.argv[2] == "correct"
p = ctypes.c_void_p()
assert acl.aclInit(None) == 0
assert acl.aclrtSetDevice(0) == 0
assert acl.aclrtMalloc(ctypes.byref(p), ctypes.c_size_t(4096), 0) == 0
assert acl.aclrtFree(p) == 0
if not correct:
    acl.aclrtFree(p)  # acltrace-expect: double-free
assert acl.aclrtMalloc(ctypes.byref(p), ctypes.c_size_t(64), 0) == 0  # acltrace-expect: leak
if correct:
    assert acl.aclrtFree(p) == 0
assert acl.aclrtResetDevice(0) == 0
assert acl.aclFinalize() == 0
