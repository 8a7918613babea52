# SPDX-License-Identifier: MIT
# Sanitizers go on code that is not injected into traced programs: the analyzer, the command,
# unit tests. The preload library and the simulated runtime load into foreign processes, whose
# main executable does not carry the sanitizer runtime, so they are never built this way.
function(acltrace_sanitize target)
	if(NOT ACLTRACE_SANITIZE)
		return()
	endif()
	target_compile_options(${target} PRIVATE -fsanitize=address,undefined
		-fno-sanitize-recover=undefined -fno-omit-frame-pointer)
	target_link_options(${target} PRIVATE -fsanitize=address,undefined)
endfunction()
