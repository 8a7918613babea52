/* SPDX-License-Identifier: MIT */
/*
 * dlsym and dlvsym entry points (x86-64). RTLD_NEXT (-1) and RTLD_DEFAULT (0) lookups jump to
 * libc with the caller's return address still on the stack, because glibc resolves them relative
 * to the calling object; other handles go to acltrace_dlsym_handle (acltrace_dlsym.c).
 * Both symbol versions are exported: GLIBC_2.2.5 (binaries built before glibc 2.34, libdl) and
 * GLIBC_2.34 (the default since then).
 */
	.text

	.globl	acltrace_dlsym_v225
	.globl	acltrace_dlsym_v234
	.type	acltrace_dlsym_v225, @function
	.type	acltrace_dlsym_v234, @function
	.symver	acltrace_dlsym_v225, dlsym@GLIBC_2.2.5
	.symver	acltrace_dlsym_v234, dlsym@@GLIBC_2.34
	.p2align 4
acltrace_dlsym_v225:
acltrace_dlsym_v234:
	.cfi_startproc
	cmpq	$-1, %rdi
	je	1f
	testq	%rdi, %rdi
	je	1f
	jmp	acltrace_dlsym_handle
1:	movq	acltrace_libc_dlsym(%rip), %rax
	testq	%rax, %rax
	je	2f
	jmp	*%rax
2:	pushq	%rdi
	.cfi_adjust_cfa_offset 8
	pushq	%rsi
	.cfi_adjust_cfa_offset 8
	subq	$8, %rsp
	.cfi_adjust_cfa_offset 8
	call	acltrace_dl_bootstrap
	addq	$8, %rsp
	.cfi_adjust_cfa_offset -8
	popq	%rsi
	.cfi_adjust_cfa_offset -8
	popq	%rdi
	.cfi_adjust_cfa_offset -8
	testq	%rax, %rax
	jne	1b
	ret
	.cfi_endproc
	.size	acltrace_dlsym_v225, . - acltrace_dlsym_v225
	.size	acltrace_dlsym_v234, . - acltrace_dlsym_v234

	.globl	acltrace_dlvsym_v225
	.globl	acltrace_dlvsym_v234
	.type	acltrace_dlvsym_v225, @function
	.type	acltrace_dlvsym_v234, @function
	.symver	acltrace_dlvsym_v225, dlvsym@GLIBC_2.2.5
	.symver	acltrace_dlvsym_v234, dlvsym@@GLIBC_2.34
	.p2align 4
acltrace_dlvsym_v225:
acltrace_dlvsym_v234:
	.cfi_startproc
	cmpq	$-1, %rdi
	je	1f
	testq	%rdi, %rdi
	je	1f
	jmp	acltrace_dlvsym_handle
1:	movq	acltrace_libc_dlvsym(%rip), %rax
	testq	%rax, %rax
	je	2f
	jmp	*%rax
2:	pushq	%rdi
	.cfi_adjust_cfa_offset 8
	pushq	%rsi
	.cfi_adjust_cfa_offset 8
	pushq	%rdx
	.cfi_adjust_cfa_offset 8
	call	acltrace_dlv_bootstrap
	popq	%rdx
	.cfi_adjust_cfa_offset -8
	popq	%rsi
	.cfi_adjust_cfa_offset -8
	popq	%rdi
	.cfi_adjust_cfa_offset -8
	testq	%rax, %rax
	jne	1b
	ret
	.cfi_endproc
	.size	acltrace_dlvsym_v225, . - acltrace_dlvsym_v225
	.size	acltrace_dlvsym_v234, . - acltrace_dlvsym_v234

	.section .note.GNU-stack, "", @progbits
