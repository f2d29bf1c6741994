// Package cld2 is Google's Compact Language Detector 2 called through cgo,
// so that textnorm's detection is compared with the leading peer in the
// same process and the same run (BenchmarkDetect in package detect).
//
// It is built only with the cld2 build tag, against Debian's libcld2-dev
// (apt-get install libcld2-dev g++):
//
//	go test -tags cld2 ./internal/cld2
//
// Debian ships CLD2's code in libcld2, with the small tables (83
// languages), and the full tables (160 languages and more) alone in
// libcld2_full, which has no code. The package links both, libcld2_full
// first, so that its tables are the ones libcld2's code reads (Tables
// tells, and a test checks).
//
// Without the tag the package is empty, so that the default build needs no
// C++ compiler and no CLD2.
//
// Detect calls CLD2 as a user would: ExtDetectLanguageSummaryCheckUTF8 on
// plain text with kCLDFlagBestEffort, and reads its result chunks as
// spans. CLD2's language codes are mapped to BCP 47 language subtags as
// package language names them: iw is he, jw jv, zh-Hant zh, no nb, sr-ME
// sr, and CLD2's unknown languages ("un", "xxx", the "xx-" script codes and
// its joke languages) are "und".
package cld2
