//go:build icu

#ifndef TEXTNORM_ICU_SHIM_H
#define TEXTNORM_ICU_SHIM_H
#ifdef __cplusplus
extern "C" {
#endif

/* textnorm_icu_normalize normalizes the UTF-8 text src[0:n] to form (0 NFC,
   1 NFD, 2 NFKC, 3 NFKD) with icu::Normalizer2::normalizeUTF8, as ICU's C++
   users call it. It returns a malloc'ed buffer the caller frees, its length
   in *out_len, or NULL with an ICU error code in *status. */
char *textnorm_icu_normalize(int form, const char *src, int n, int *out_len, int *status);

/* textnorm_icu_unicode_version writes ICU's Unicode version, such as
   "15.0", into buf of size n. */
void textnorm_icu_unicode_version(char *buf, int n);

#ifdef __cplusplus
}
#endif
#endif
