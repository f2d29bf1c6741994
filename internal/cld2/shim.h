//go:build cld2

#ifndef TEXTNORM_CLD2_SHIM_H_
#define TEXTNORM_CLD2_SHIM_H_

#ifdef __cplusplus
extern "C" {
#endif

typedef struct {
	int offset; /* byte offset of the chunk in the text */
	int bytes;  /* its length in bytes */
	int lang;   /* CLD2::Language */
} textnorm_cld2_chunk;

typedef struct {
	int lang;       /* the document's language, CLD2::Language */
	int reliable;   /* CLD2's is_reliable */
	int text_bytes; /* the letters CLD2 scored */
	int nchunks;
	textnorm_cld2_chunk *chunks; /* malloc'd: the caller frees it */
} textnorm_cld2_result;

/* textnorm_cld2_detect runs CLD2::ExtDetectLanguageSummaryCheckUTF8 on len
   bytes of plain text with kCLDFlagBestEffort, and the result chunks too if
   chunks is nonzero. Bytes that are not interchange-valid UTF-8 are seen
   by CLD2 as spaces (in a copy), so that offsets hold. It returns 0, or -1
   if CLD2 failed (out of memory). */
int textnorm_cld2_detect(const char *text, int len, int chunks, textnorm_cld2_result *out);

/* textnorm_cld2_num_languages returns CLD2::NUM_LANGUAGES. */
int textnorm_cld2_num_languages(void);

/* textnorm_cld2_code returns CLD2::LanguageCode(lang). */
const char *textnorm_cld2_code(int lang);

/* textnorm_cld2_version returns CLD2::DetectLanguageVersion(). */
const char *textnorm_cld2_version(void);

/* textnorm_cld2_quad_langs returns the language-scripts of the quadgram
   tables CLD2 scores with ("aa-Latn ab-Cyrl ..."), and their build date:
   they tell libcld2_full's tables from libcld2's own. */
const char *textnorm_cld2_quad_langs(void);
unsigned textnorm_cld2_quad_date(void);

#ifdef __cplusplus
}
#endif

#endif
