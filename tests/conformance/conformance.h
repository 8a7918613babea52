/* SPDX-License-Identifier: MIT */
/*
 * Checks shared by the conformance sources. Each source is compiled as C11 and, through a .cpp
 * that includes it, as C++17; the facts come from the tables of the ACL API reference.
 *
 * CONF_FN(ret, name, params)  a typed pointer to name: a signature drift fails compilation and
 *                             a missing export fails the link. The pointer has external
 *                             linkage so that C++ cannot drop it (and the reference with it).
 * CONF_EXISTS(name)           name is a declared function (the reference gives no full prototype).
 * CONF_CONST(expr, value)     a compile-time check of an enumerator or macro value.
 * CONF_CODE(name, value)      an error code: a compile-time check in C++; C cannot use a
 *                             'static const int' in a constant expression, so C checks it at run
 *                             time in main() through conf_code().
 * CONF_SAME_TYPE(a, b)        typedef a is type b.
 * CONF_MEMBER_TYPE(s, m, t)   member m of struct s has type t.
 */
#ifndef ACLTRACE_CONFORMANCE_H
#define ACLTRACE_CONFORMANCE_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#ifdef __cplusplus
#include <type_traits>
#define CONF_STATIC(expr, msg) static_assert(expr, msg);
#define CONF_ALIGNOF(t)	       alignof(t)
#define CONF_SAME_TYPE(a, b)   static_assert(std::is_same<a, b>::value, #a " is " #b);
#define CONF_MEMBER_TYPE(s, m, t)                                                                 \
	static_assert(std::is_same<std::remove_reference<decltype(((s *)0)->m)>::type, t>::value, \
		      #s "." #m " is " #t);
#define CONF_CODE_STATIC(name, value) \
	static_assert((long long)(name) == (long long)(value), #name " == " #value);
#else
#define CONF_STATIC(expr, msg) _Static_assert(expr, msg);
#define CONF_ALIGNOF(t)	       _Alignof(t)
#define CONF_SAME_TYPE(a, b)   _Static_assert(_Generic((a *)0, b * : 1, default : 0), #a " is " #b);
#define CONF_MEMBER_TYPE(s, m, t) \
	_Static_assert(_Generic(((s *)0)->m, t : 1, default : 0), #s "." #m " is " #t);
#define CONF_CODE_STATIC(name, value)
#endif

#define CONF_FN(ret, name, params)                \
	extern ret(*const conf_fn_##name) params; \
	ret(*const conf_fn_##name) params = name;

/* void (*)(void) is the one function pointer type GCC lets any function convert to silently. */
#define CONF_EXISTS(name)                              \
	extern void (*const conf_exists_##name)(void); \
	void (*const conf_exists_##name)(void) = (void (*)(void))name;

#define CONF_CONST(expr, value) \
	CONF_STATIC((long long)(expr) == (long long)(value), #expr " == " #value)

/* Same value, compared as 32-bit patterns (HiMPI codes are hi_s32 with the top bit set). */
#define CONF_CONST32(expr, value) \
	CONF_STATIC((uint32_t)(expr) == (uint32_t)(value), #expr " == " #value)

#define CONF_SIZE(type, size) CONF_STATIC(sizeof(type) == (size), "sizeof(" #type ") == " #size)
#define CONF_OFFSET(type, member, off) \
	CONF_STATIC(offsetof(type, member) == (off), "offsetof(" #type ", " #member ") == " #off)

static inline int conf_code(const char *name, long long got, long long want)
{
	if (got == want)
		return 0;
	fprintf(stderr, "conformance: %s is %lld, the reference says %lld\n", name, got, want);
	return 1;
}

/* Expands a list X(name, value) into run-time checks; returns the number of failures. */
#define CONF_CODE_RUNTIME(name, value) failures += conf_code(#name, (long long)(name), (value));

#endif
