# SPDX-License-Identifier: MIT
# The warning list LTTng and babeltrace build with, probed so older compilers do not choke.
include(CheckCCompilerFlag)

set(_acltrace_warning_candidates
	-Wall -Wextra -Wmissing-prototypes -Wmissing-declarations -Wshadow -Wformat=2
	-Wstrict-prototypes -Wold-style-definition -Wnull-dereference -Wundef -Wwrite-strings
	-Wpointer-arith -Wcast-align -Wredundant-decls -Wmissing-include-dirs -Wjump-misses-init
	-Wlogical-op -Wduplicated-cond -Wnested-externs -Winit-self -Wno-sign-compare
	-Wno-missing-field-initializers)

set(ACLTRACE_C_WARNINGS "")
foreach(flag IN LISTS _acltrace_warning_candidates)
	string(MAKE_C_IDENTIFIER "ACLTRACE_HAS${flag}" var)
	check_c_compiler_flag("${flag}" ${var})
	if(${var})
		list(APPEND ACLTRACE_C_WARNINGS "${flag}")
	endif()
endforeach()
if(ACLTRACE_WERROR)
	list(APPEND ACLTRACE_C_WARNINGS -Werror)
endif()

set(ACLTRACE_CXX_WARNINGS -Wall -Wextra -Wshadow -Wformat=2 -Wno-missing-field-initializers)
if(ACLTRACE_WERROR)
	list(APPEND ACLTRACE_CXX_WARNINGS -Werror)
endif()

# acltrace_warnings(target): the project's warning set on one target's C and C++ sources.
function(acltrace_warnings target)
	target_compile_options(${target} PRIVATE
		"$<$<COMPILE_LANGUAGE:C>:${ACLTRACE_C_WARNINGS}>"
		"$<$<COMPILE_LANGUAGE:CXX>:${ACLTRACE_CXX_WARNINGS}>")
endfunction()
