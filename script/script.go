package script

import "strings"

//go:generate go run gen_tables.go

// Script is a writing system: a value of the Unicode Script property
// (UAX #24), such as Latin, Arabic or Han, or one of the ISO 15924 aliases
// Japanese (Jpan) and Korean (Kore), which Runs reports for Han mixed
// with kana or with Hangul.
//
// The zero value is Unknown (Zzzz), the script of unassigned code points,
// private-use characters and surrogates. Common (Zyyy) is the script of
// characters used with many scripts, such as spaces, digits and most
// punctuation; Inherited (Zinh) that of characters, mainly combining marks,
// that take the script of the base character they follow.
//
// A constant is defined for every script, named after the Unicode long name
// without underscores (OldItalic for Old_Italic).
type Script uint8

// String returns the ISO 15924 code of s, such as "Latn", "Arab", "Zyyy"
// for Common, "Zinh" for Inherited and "Zzzz" for Unknown.
func (s Script) String() string {
	if s >= numScripts {
		s = Unknown
	}
	return scriptCodes[s]
}

// Name returns the English name of s: the long name of Unicode's Script
// property value (in PropertyValueAliases.txt), such as "Arabic",
// "Old_Italic" or "Common", or for the ISO 15924 aliases their ISO name,
// "Japanese (alias for Han + Hiragana + Katakana)" and
// "Korean (alias for Hangul + Han)".
func (s Script) Name() string {
	if s >= numScripts {
		s = Unknown
	}
	return scriptNames[s]
}

// Parse returns the Script whose ISO 15924 code is code, matched
// without regard to case ("Arab", "arab", "Zyyy", "Jpan"). It also accepts
// the Unicode long names of the Script property values and their other
// aliases, matched loosely as in UAX #44 (ignoring case, spaces, hyphens and
// underscores: "Old_Italic", "old italic", "Qaai"). It reports whether the
// code was recognized.
func Parse(code string) (Script, bool) {
	if len(code) == 4 {
		for s, c := range scriptCodes {
			if strings.EqualFold(c, code) {
				return Script(s), true
			}
		}
		switch strings.ToLower(code) {
		case "qaac":
			return Coptic, true
		case "qaai":
			return Inherited, true
		}
	}
	key := looseName(code)
	for s, name := range scriptNames[:Japanese] {
		if looseName(name) == key {
			return Script(s), true
		}
	}
	return Unknown, false
}

// looseName returns s in lower case without spaces, hyphens and
// underscores, for matching property value names by rule UAX44-LM3.
func looseName(s string) string {
	return strings.Map(func(r rune) rune {
		switch r {
		case ' ', '-', '_':
			return -1
		}
		if 'A' <= r && r <= 'Z' {
			return r + 'a' - 'A'
		}
		return r
	}, s)
}

// Of returns the Script property of r: the script of the letters
// and marks of one writing system, Common for characters shared by several
// scripts, Inherited for marks that take the script of their base, and
// Unknown for unassigned, private-use and invalid code points. It never
// returns Japanese or Korean.
func Of(r rune) Script {
	return charProps[lookup(r)].script
}

// ExtensionsOf returns the Script_Extensions property of r: the
// scripts with which r is commonly used, such as [Arabic Nko HanifiRohingya
// Syriac Thaana Yezidi] for U+060C ARABIC COMMA. Where Unicode lists none,
// it returns the one-element slice [Of(r)]. The scripts are sorted by
// ISO 15924 code.
//
// The result is a slice of a static table, so the call does not allocate:
// callers must not modify it.
func ExtensionsOf(r rune) []Script {
	p := charProps[lookup(r)]
	if p.scx == 0 {
		return scxData[p.script : p.script+1 : p.script+1]
	}
	b := scxSets[p.scx]
	return scxData[b[0]:b[1]:b[1]]
}

// props are the properties of a character in the tables.
type props struct {
	script Script
	scx    uint8 // index in scxSets, or 0 for the set {script}
	kind   uint8 // a combination of the kind bits below
}

// The kinds of characters that matter to the run segmenter.
const (
	kindOpen      = 1 << iota // opens a pair (of brackets or quotation marks)
	kindClose                 // closes a pair
	kindLineBreak             // is a mandatory line break (UAX #14 BK, CR, LF or NL)
)

// lookup returns the trie value of r, an index in charProps.
func lookup(r rune) uint8 {
	if uint32(r) < 1<<trieShift {
		return trieBlocks[r] // the first block, number 0, holds ASCII
	}
	if uint32(r) >= trieEnd {
		return 0
	}
	return trieBlocks[int(trieIndex[r>>trieShift])<<trieShift|int(r&trieMask)]
}
