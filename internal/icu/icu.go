//go:build icu

package icu

/*
#cgo CXXFLAGS: -O2 -std=c++17
#cgo pkg-config: icu-uc
#include <stdlib.h>
#include "shim.h"
*/
import "C"

import (
	"fmt"
	"unsafe"
)

// A Form is a Unicode normalization form, numbered as x/text's norm.Form.
type Form int

const (
	NFC Form = iota
	NFD
	NFKC
	NFKD
)

// Normalize returns the UTF-8 text s in form f, by ICU's
// Normalizer2::normalizeUTF8. Text of 2 GB or more is an error (ICU's
// lengths are 32-bit).
func Normalize(f Form, s []byte) ([]byte, error) {
	if len(s) >= 1<<31 {
		return nil, fmt.Errorf("icu: %d bytes: too long", len(s))
	}
	var src *C.char
	if len(s) > 0 {
		src = (*C.char)(unsafe.Pointer(&s[0]))
	}
	var n, status C.int
	out := C.textnorm_icu_normalize(C.int(f), src, C.int(len(s)), &n, &status)
	if out == nil {
		return nil, fmt.Errorf("icu: normalizeUTF8: error %d", int(status))
	}
	defer C.free(unsafe.Pointer(out))
	return C.GoBytes(unsafe.Pointer(out), n), nil
}

// UnicodeVersion returns the version of Unicode ICU's data is of, such as
// "15.0".
func UnicodeVersion() string {
	var buf [32]C.char
	C.textnorm_icu_unicode_version(&buf[0], C.int(len(buf)))
	return C.GoString(&buf[0])
}
