//go:build !purego

#include "textflag.h"

// func cpuid(eax, ecx uint32) (a, b, c, d uint32)
TEXT ·cpuid(SB), NOSPLIT, $0-24
	MOVL eax+0(FP), AX
	MOVL ecx+4(FP), CX
	CPUID
	MOVL AX, a+8(FP)
	MOVL BX, b+12(FP)
	MOVL CX, c+16(FP)
	MOVL DX, d+20(FP)
	RET

// func xgetbv() (eax, edx uint32)
TEXT ·xgetbv(SB), NOSPLIT, $0-8
	MOVL $0, CX
	XGETBV
	MOVL AX, eax+0(FP)
	MOVL DX, edx+4(FP)
	RET

// func asciiRunAVX2(p *byte, n int, set *asciiRunSet) (k, lf int)
//
// asciiRunRef's loop, 32 bytes a step: each block is loaded three times,
// at p+k, one byte before and one after, so that every byte is compared
// with its neighbours in place. Only the high bit of each byte of Y5 (what
// is wrong with a byte) and Y3 (what is right) counts.
TEXT ·asciiRunAVX2(SB), NOSPLIT, $0-40
	MOVQ p+0(FP), SI
	MOVQ n+8(FP), CX
	MOVQ set+16(FP), DX
	XORQ AX, AX                  // k
	XORQ BX, BX                  // lf
	VMOVDQU 0(DX), Y14           // lo
	VMOVDQU 32(DX), Y13          // hi
	VMOVDQU 64(DX), Y12          // 0x0F
	VPXOR Y11, Y11, Y11          // 0
	VMOVDQU 96(DX), Y10          // ' '
	VMOVDQU 128(DX), Y9          // '\n'
	VMOVDQU 160(DX), Y8          // '.'
	VMOVDQU 192(DX), Y7          // 0x20
	VMOVDQU 224(DX), Y6          // 'w'

loop:
	LEAQ 33(AX), R8
	CMPQ R8, CX
	JA   done
	VMOVDQU (SI)(AX*1), Y0       // the block
	VMOVDQU 1(SI)(AX*1), Y1      // the bytes after
	VMOVDQU -1(SI)(AX*1), Y2     // the bytes before

	// Y3: 0xFF where the byte is not in the set.
	VPSRLW   $4, Y0, Y3
	VPAND    Y12, Y3, Y3
	VPAND    Y12, Y0, Y4
	VPSHUFB  Y4, Y14, Y4
	VPSHUFB  Y3, Y13, Y3
	VPAND    Y4, Y3, Y3
	VPCMPEQB Y11, Y3, Y3

	// Y5: a space before or after a space, a line feed, or a byte >= 0x80.
	VPCMPEQB Y10, Y1, Y5
	VPCMPEQB Y9, Y1, Y15
	VPOR     Y15, Y5, Y5
	VPCMPEQB Y9, Y2, Y15
	VPOR     Y15, Y5, Y5
	VPOR     Y1, Y5, Y5
	VPOR     Y2, Y5, Y5
	VPCMPEQB Y10, Y0, Y4
	VPAND    Y4, Y5, Y5

	// A '.' after 'w' or 'W'.
	VPCMPEQB Y8, Y0, Y4
	VPOR     Y7, Y2, Y15
	VPCMPEQB Y6, Y15, Y15
	VPAND    Y15, Y4, Y4
	VPOR     Y4, Y5, Y5

	// A digit after '.', ',', ':' or a byte >= 0x80.
	VPSUBB   256(DX), Y0, Y4
	VPMINUB  288(DX), Y4, Y15
	VPCMPEQB Y15, Y4, Y4
	VPCMPEQB Y8, Y2, Y15
	VPCMPEQB 320(DX), Y2, Y1
	VPOR     Y1, Y15, Y15
	VPCMPEQB 352(DX), Y2, Y1
	VPOR     Y1, Y15, Y15
	VPOR     Y2, Y15, Y15
	VPAND    Y15, Y4, Y4
	VPOR     Y4, Y5, Y5

	// Clean: not in the set, nothing wrong, ASCII.
	VPANDN    Y3, Y5, Y3
	VPANDN    Y3, Y0, Y3
	VPMOVMSKB Y3, R9
	CMPL      R9, $-1
	JNE       done

	VPCMPEQB  Y9, Y0, Y4
	VPMOVMSKB Y4, R9
	TESTL     R9, R9
	JZ        next
	BSRL      R9, R9
	LEAQ      1(AX)(R9*1), BX

next:
	ADDQ $32, AX
	JMP  loop

done:
	VZEROUPPER
	MOVQ AX, k+24(FP)
	MOVQ BX, lf+32(FP)
	RET
