package textnorm

import (
	"golang.org/x/text/unicode/norm"

	"github.com/textnorm/textnorm/internal/langid"
	"github.com/textnorm/textnorm/script"
)

// Version is the version of textnorm, printed by "textnorm version" and
// written into fixture manifests.
const Version = "0.1.0-dev"

// LinguaVersion is the version of github.com/pemistahl/lingua-go whose
// models the n-gram tables are generated from (and that engine/lingua
// runs), as go.mod requires it (a test keeps the two in
// step). It is a constant because the build information of a binary, where
// it could be read, is missing in tests and in some builds.
const LinguaVersion = "v1.4.0"

// Model returns the identity of the default engine's n-gram tables: what
// their generator made them from (lingua-go's models of LinguaVersion, the
// n-gram counts, the format) and the SHA-256 of the embedded bytes.
// Fixture manifests record it.
func Model() (name, sha256 string) { return langid.ModelInfo() }

// UnicodeVersion is the version of the Unicode Character Database of the
// script tables (package script).
const UnicodeVersion = script.UnicodeVersion

// NormUnicodeVersion is the version of Unicode of the normalization tables
// (golang.org/x/text/unicode/norm).
const NormUnicodeVersion = norm.Version
