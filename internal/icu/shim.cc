//go:build icu

// The C++ side of package icu: ICU's Normalizer2 behind extern "C" calls.

#include "shim.h"

#include <cstdlib>
#include <cstring>
#include <string>

#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/stringpiece.h>
#include <unicode/uchar.h>

extern "C" char *textnorm_icu_normalize(int form, const char *src, int n, int *out_len, int *status) {
  UErrorCode err = U_ZERO_ERROR;
  const icu::Normalizer2 *norm = nullptr;
  switch (form) {
  case 0: norm = icu::Normalizer2::getNFCInstance(err); break;
  case 1: norm = icu::Normalizer2::getNFDInstance(err); break;
  case 2: norm = icu::Normalizer2::getNFKCInstance(err); break;
  default: norm = icu::Normalizer2::getNFKDInstance(err); break;
  }
  if (U_FAILURE(err)) {
    *status = err;
    return nullptr;
  }
  std::string out;
  out.reserve(n + n / 16 + 16);
  icu::StringByteSink<std::string> sink(&out);
  norm->normalizeUTF8(0, icu::StringPiece(src, n), sink, nullptr, err);
  if (U_FAILURE(err)) {
    *status = err;
    return nullptr;
  }
  char *buf = static_cast<char *>(std::malloc(out.size() + 1));
  std::memcpy(buf, out.data(), out.size());
  *out_len = static_cast<int>(out.size());
  *status = 0;
  return buf;
}

extern "C" void textnorm_icu_unicode_version(char *buf, int n) {
  UVersionInfo v;
  u_getUnicodeVersion(v);
  u_versionToString(v, buf);
  (void)n;
}
