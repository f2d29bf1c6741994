// Package icu is ICU's normalization through cgo, the peer textnorm's
// normalization benchmarks run beside it (Debian's libicu-dev). It is
// built only with the icu build tag; the default build is pure Go.
package icu
