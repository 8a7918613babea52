# SPDX-License-Identifier: MIT
pkg_check_modules(CMOCKA REQUIRED IMPORTED_TARGET cmocka)

# acltrace_add_unit_test(NAME SOURCES src... [LIBS lib...] [SANITIZE]): one cmocka binary, one ctest.
function(acltrace_add_unit_test name)
	cmake_parse_arguments(ARG "SANITIZE" "" "SOURCES;LIBS" ${ARGN})
	add_executable(${name} ${ARG_SOURCES})
	target_link_libraries(${name} PRIVATE PkgConfig::CMOCKA ${ARG_LIBS})
	acltrace_warnings(${name})
	if(ARG_SANITIZE)
		acltrace_sanitize(${name})
	endif()
	add_test(NAME ${name} COMMAND ${name})
endfunction()
