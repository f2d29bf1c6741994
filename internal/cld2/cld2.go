//go:build cld2

package cld2

/*
#cgo CXXFLAGS: -O2 -std=c++11
#cgo LDFLAGS: -lcld2_full -lcld2
#include <stdlib.h>
#include "shim.h"
*/
import "C"

import (
	"strings"
	"sync"
	"unicode/utf8"
	"unsafe"
)

// A Span is a chunk of CLD2's result: bytes text[Start:End] in language
// Lang, a BCP 47 language subtag, or "und" where CLD2 gives none (a span
// too short or unreliable, digits and punctuation).
type Span struct {
	Start, End int
	Lang       string
}

// maxPiece is the most CLD2 is given in one call: its lengths are C ints.
const maxPiece = 1 << 30

// Detect returns the spans of text in each language, as CLD2's result
// chunks give them: in order, without gaps, covering text (where CLD2 gives
// no chunk, for text without letters, the span is "und"). reliable is
// CLD2's verdict on the document's language.
func Detect(text string) (spans []Span, reliable bool) {
	reliable = true
	for off := 0; off < len(text); {
		piece := text[off : off+cut(text[off:], maxPiece)]
		var r C.textnorm_cld2_result
		call(piece, true, &r)
		end := off // of the spans so far
		if r.nchunks > 0 {
			for _, c := range unsafe.Slice(r.chunks, int(r.nchunks)) {
				start := off + int(c.offset)
				if start > end {
					spans = append(spans, Span{Start: end, End: start, Lang: "und"})
				}
				end = start + int(c.bytes)
				spans = append(spans, Span{Start: start, End: end, Lang: code(int(c.lang))})
			}
			C.free(unsafe.Pointer(r.chunks))
		}
		off += len(piece)
		if off > end { // no letters: CLD2 gives no chunk
			spans = append(spans, Span{Start: end, End: off, Lang: "und"})
		}
		reliable = reliable && r.reliable != 0
	}
	return spans, reliable && len(text) > 0
}

// DetectLanguage returns CLD2's language for the whole of text, and
// whether CLD2 deems it reliable.
func DetectLanguage(text string) (lang string, reliable bool) {
	if len(text) > maxPiece {
		text = text[:cut(text, maxPiece)]
	}
	var r C.textnorm_cld2_result
	call(text, false, &r)
	return code(int(r.lang)), r.reliable != 0
}

// cut returns where the first piece of text given to CLD2 ends: all of
// it, or after a line break (else on a rune boundary) at most max bytes in.
func cut(text string, max int) int {
	if len(text) <= max {
		return len(text)
	}
	if i := strings.LastIndexByte(text[:max], '\n'); i >= 0 {
		return i + 1
	}
	for i := max; i > 0; i-- {
		if utf8.RuneStart(text[i]) {
			return i
		}
	}
	return max
}

func call(text string, chunks bool, r *C.textnorm_cld2_result) {
	var p *C.char
	if len(text) > 0 {
		p = (*C.char)(unsafe.Pointer(unsafe.StringData(text)))
	}
	want := C.int(0)
	if chunks {
		want = 1
	}
	if C.textnorm_cld2_detect(p, C.int(len(text)), want, r) != 0 {
		panic("cld2: CLD2 failed (out of memory)")
	}
}

// codes maps CLD2's Language values to BCP 47 language subtags.
var codes = sync.OnceValue(func() []string {
	n := int(C.textnorm_cld2_num_languages())
	codes := make([]string, n)
	for i := range codes {
		codes[i] = bcp47(C.GoString(C.textnorm_cld2_code(C.int(i))))
	}
	return codes
})

func code(lang int) string {
	if c := codes(); lang >= 0 && lang < len(c) {
		return c[lang]
	}
	return "und"
}

// bcp47 maps a code of CLD2's LanguageCode to a BCP 47 language subtag.
func bcp47(c string) string {
	switch c {
	case "iw":
		return "he"
	case "jw":
		return "jv"
	case "zh-Hant":
		return "zh"
	case "no":
		return "nb"
	case "sr-ME":
		return "sr"
	case "", "un", "xxx", "zzb", "zze", "zzh", "zzp": // unknown, and Bork, Elmer Fudd, Hacker, Pig Latin
		return "und"
	}
	if strings.HasPrefix(c, "xx-") { // a script, no language: xx-Thaa
		return "und"
	}
	if i := strings.IndexByte(c, '-'); i > 0 {
		return c[:i]
	}
	return c
}

// Version returns CLD2's version, "V2.0 - 20141016".
func Version() string { return C.GoString(C.textnorm_cld2_version()) }

// Tables returns the language-scripts of the quadgram tables CLD2 scores
// with ("aa-Latn ab-Cyrl ... zu-Latn") and their build date (20140204 for
// libcld2_full's, 20141016 for libcld2's own, of 83 languages).
func Tables() (langScripts []string, date int) {
	return strings.Fields(C.GoString(C.textnorm_cld2_quad_langs())), int(C.textnorm_cld2_quad_date())
}
