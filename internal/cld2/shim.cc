//go:build cld2

// The C++ side of package cld2: CLD2's C++ API behind extern "C" calls.

#include <cstdlib>
#include <cstring>
#include <new>
#include <string>

#include <cld2/internal/cld2tablesummary.h>
#include <cld2/public/compact_lang_det.h>
#include <cld2/public/encodings.h>

#include "shim.h"

namespace CLD2 {
// Defined by both libcld2_full and libcld2; the first on the link line,
// libcld2_full, is the one libcld2's scoring uses (its table of tables is
// filled by dynamic relocations). Naming it here also keeps libcld2_full
// linked under --as-needed.
extern const CLD2TableSummary kQuad_obj;
// From compact_lang_det_impl.h: the length of the prefix of src that is
// interchange-valid UTF-8.
int SpanInterchangeValid(const char* src, int byte_length);
}  // namespace CLD2

extern "C" int textnorm_cld2_detect(const char* text, int len, int chunks, textnorm_cld2_result* out) {
	try {
		std::memset(out, 0, sizeof *out);
		CLD2::CLDHints hints = {NULL, NULL, CLD2::UNKNOWN_ENCODING, CLD2::UNKNOWN_LANGUAGE};
		CLD2::Language language3[3];
		int percent3[3];
		double normalized_score3[3];
		// Always a result vector: without one, this build of CLD2 takes
		// 100 times as long on a short text (a few hundred microseconds
		// instead of a few).
		CLD2::ResultChunkVector vec;
		int text_bytes = 0, valid_prefix = 0;
		bool reliable = false;
		CLD2::Language lang = CLD2::ExtDetectLanguageSummaryCheckUTF8(
			text, len, true, &hints, CLD2::kCLDFlagBestEffort,
			language3, percent3, normalized_score3, &vec,
			&text_bytes, &reliable, &valid_prefix);
		if (valid_prefix < len) {
			// CLD2 refuses the whole text at the first byte that is
			// not interchange-valid UTF-8 (an invalid sequence, a
			// control, a noncharacter): score a copy where each such
			// byte is a space, so that offsets into the text hold.
			std::string clean(text, len);
			for (int p = valid_prefix; p < len;) {
				clean[p++] = ' ';
				p += CLD2::SpanInterchangeValid(clean.data() + p, len - p);
			}
			vec.clear();
			lang = CLD2::ExtDetectLanguageSummaryCheckUTF8(
				clean.data(), len, true, &hints, CLD2::kCLDFlagBestEffort,
				language3, percent3, normalized_score3, &vec,
				&text_bytes, &reliable, &valid_prefix);
		}
		out->lang = lang;
		out->reliable = reliable;
		out->text_bytes = text_bytes;
		if (chunks && !vec.empty()) {
			out->chunks = static_cast<textnorm_cld2_chunk*>(std::malloc(vec.size() * sizeof(textnorm_cld2_chunk)));
			if (out->chunks == NULL) {
				return -1;
			}
			for (size_t i = 0; i < vec.size(); i++) {
				out->chunks[i].offset = vec[i].offset;
				out->chunks[i].bytes = vec[i].bytes;
				out->chunks[i].lang = vec[i].lang1;
			}
			out->nchunks = static_cast<int>(vec.size());
		}
		return 0;
	} catch (...) {
		return -1;
	}
}

extern "C" int textnorm_cld2_num_languages(void) { return CLD2::NUM_LANGUAGES; }

extern "C" const char* textnorm_cld2_code(int lang) {
	return CLD2::LanguageCode(static_cast<CLD2::Language>(lang));
}

extern "C" const char* textnorm_cld2_version(void) { return CLD2::DetectLanguageVersion(); }

extern "C" const char* textnorm_cld2_quad_langs(void) { return CLD2::kQuad_obj.kRecognizedLangScripts; }

extern "C" unsigned textnorm_cld2_quad_date(void) { return CLD2::kQuad_obj.kCLDTableBuildDate; }
